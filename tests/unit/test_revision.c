/* test_revision.c - the revision file parser on the shapes Alembic,
 * orchestrator-core and people write, SQL-only detection and errors. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "revision.h"
#include "util.h"
#include "wfo_error.h"

static struct revision *parse_ok(const char *text)
{
	struct revision *r = NULL;
	struct wfo_error err = { 0 };
	if (rev_parse_buffer("mig/versions/schema/x.py", text, strlen(text), &r, &err) < 0)
		fail_msg("parse failed: %s", err.msg);
	return r;
}

static void parse_err(const char *text, const char *want)
{
	struct revision *r = NULL;
	struct wfo_error err = { 0 };
	assert_int_equal(rev_parse_buffer("v/bad.py", text, strlen(text), &r, &err), -1);
	if (!strstr(err.msg, want))
		fail_msg("error '%s' lacks '%s'", err.msg, want);
}

static void test_alembic_made(void **state)
{
	(void)state;
	struct revision *r = parse_ok(
		"\"\"\"add user and usergroup products.\n\nRevision ID: 9a31b6bf3e85\n"
		"Revises:\nCreate Date: 2023-10-03 22:25:10.190209\n\n\"\"\"\n"
		"import sqlalchemy as sa\nfrom alembic import op\n\n"
		"# revision identifiers, used by Alembic.\n"
		"revision = '9a31b6bf3e85'\ndown_revision = None\n"
		"branch_labels = ('data',)\ndepends_on = 'da5c9f4cce1c'\n\n\n"
		"def upgrade() -> None:\n    conn = op.get_bind()\n"
		"    conn.execute(sa.text(\"\"\"\nINSERT INTO products (name) VALUES ('User')\n    \"\"\"))\n"
		"    conn.execute(sa.text(\"\"\"\nSELECT 2\n    \"\"\"))\n\n\n"
		"def downgrade() -> None:\n    conn = op.get_bind()\n");
	assert_string_equal(r->id, "9a31b6bf3e85");
	assert_int_equal(r->id_line, 12);
	assert_int_equal(r->down.n, 0);
	assert_int_equal(r->labels.n, 1);
	assert_string_equal(r->labels.v[0], "data");
	assert_int_equal(r->depends.n, 1);
	assert_string_equal(r->depends.v[0], "da5c9f4cce1c");
	assert_string_equal(r->doc, "add user and usergroup products.");
	assert_true(r->upgrade.sql_only);
	assert_int_equal(r->upgrade.n, 2);
	assert_string_equal(r->upgrade.v[0].sql,
			    "\nINSERT INTO products (name) VALUES ('User')\n    ");
	assert_int_equal(r->upgrade.v[0].line, 20);
	assert_int_equal(r->upgrade.v[1].line, 23);
	assert_true(r->downgrade.sql_only);
	assert_int_equal(r->downgrade.n, 0);
	assert_int_equal(r->upgrade.line, 18);
	rev_free(r);
}

static void test_create_data_head_double_quotes(void **state)
{
	(void)state;
	struct revision *r = parse_ok(
		"# Copyright 2019-2024 SURF.\n# licence\n\n"
		"\"\"\"Create data head.\n\nRevision ID: 59e1199aff7f\nRevises:\n"
		"Create Date: 2024-02-20T21:01:44.918799\n\n\"\"\"\n\n"
		"# revision identifiers, used by Alembic.\nrevision = \"59e1199aff7f\"\n"
		"down_revision = None\nbranch_labels = (\"data\",)\n"
		"depends_on = \"048219045729\"\n\n\ndef upgrade() -> None:\n    pass\n\n\n"
		"def downgrade() -> None:\n    pass\n");
	assert_string_equal(r->id, "59e1199aff7f");
	assert_string_equal(r->labels.v[0], "data");
	assert_string_equal(r->depends.v[0], "048219045729");
	assert_string_equal(r->doc, "Create data head.");
	assert_true(r->upgrade.sql_only);
	assert_true(r->downgrade.sql_only);
	rev_free(r);
}

static void test_annotated_and_tuples(void **state)
{
	(void)state;
	struct revision *r = parse_ok(
		"'''Merge.'''\nfrom typing import Sequence, Union\n"
		"revision: str = \"m1\"\n"
		"down_revision: Union[str, None] = ('a1', \"b2\",)\n"
		"branch_labels: Union[str, Sequence[str], None] = None\n"
		"depends_on: Union[str, Sequence[str], None] = ['x1', 'y2']\n"
		"def upgrade():\n    pass\ndef downgrade():\n    pass\n");
	assert_string_equal(r->id, "m1");
	assert_int_equal(r->down.n, 2);
	assert_string_equal(r->down.v[1], "b2");
	assert_int_equal(r->labels.n, 0);
	assert_int_equal(r->depends.n, 2);
	assert_string_equal(r->depends.v[1], "y2");
	assert_string_equal(r->doc, "Merge.");
	rev_free(r);
	/* a bare tuple and a single parenthesized string */
	r = parse_ok("revision = 'm2'\ndown_revision = 'a', 'b'\nbranch_labels = ('x')\n"
		     "def upgrade(): pass\ndef downgrade(): pass\n");
	assert_int_equal(r->down.n, 2);
	assert_int_equal(r->labels.n, 1);
	assert_string_equal(r->labels.v[0], "x");
	assert_true(r->upgrade.sql_only);
	assert_string_equal(r->docstring, "");
	rev_free(r);
}

static void test_escapes(void **state)
{
	(void)state;
	struct revision *r = parse_ok(
		"revision = 'e1'\ndown_revision = None\n"
		"def upgrade():\n"
		"    op.execute(\"a\\nb\\\\c\\'d\\\"e\\tf\\x41\\u00e9\\101\")\n"
		"    op.execute(r\"x\\ny\" 'z' \"\"\"w\\\n"
		"v\"\"\")\n"
		"    op.execute(sa.text('SELECT \\\\:a, :b::text'))\n"
		"    op.get_bind().exec_driver_sql('SELECT \\\\:a')\n"
		"def downgrade():\n    pass\n");
	assert_true(r->upgrade.sql_only);
	assert_int_equal(r->upgrade.n, 4);
	assert_string_equal(r->upgrade.v[0].sql, "a\nb\\c'd\"e\tfA\xc3\xa9" "A");
	assert_string_equal(r->upgrade.v[1].sql, "x\\nyzwv");
	assert_int_equal(r->upgrade.v[1].line, 5);
	assert_string_equal(r->upgrade.v[2].sql, "SELECT :a, :b::text");
	assert_string_equal(r->upgrade.v[3].sql, "SELECT \\:a");
	rev_free(r);
}

static void test_not_sql_only(void **state)
{
	(void)state;
	struct revision *r = parse_ok(
		"revision = 'n1'\ndown_revision = None\n"
		"def upgrade():\n    conn = op.get_bind()\n"
		"    conn.execute(sa.text(\"SELECT 1\"))\n"
		"    op.create_table('x')\n"
		"def downgrade():\n    op.execute(f\"DROP {x}\")\n");
	assert_false(r->upgrade.sql_only);
	assert_non_null(strstr(r->upgrade.why_not, "line 6"));
	assert_non_null(strstr(r->upgrade.why_not, "op.create_table"));
	assert_false(r->downgrade.sql_only);
	assert_non_null(strstr(r->downgrade.why_not, "line 8"));
	assert_non_null(strstr(r->downgrade.why_not, "f-string"));
	rev_free(r);
	/* missing downgrade(): not runnable by us */
	r = parse_ok("revision = 'n2'\ndown_revision = None\ndef upgrade():\n    pass\n");
	assert_false(r->downgrade.sql_only);
	assert_non_null(strstr(r->downgrade.why_not, "downgrade()"));
	rev_free(r);
}

static void test_redefinition_and_docstring_body(void **state)
{
	(void)state;
	struct revision *r = parse_ok(
		"revision = 'r1'\ndown_revision = 'r0'\n"
		"def downgrade():\n    op.drop_table('x')\n"
		"def downgrade() -> None:\n    \"\"\"Irreversible!\n\n    really\n    \"\"\"\n    pass\n"
		"def upgrade():\n    op.execute('SELECT 1'); op.execute('SELECT 2')\n");
	assert_true(r->downgrade.sql_only);
	assert_int_equal(r->downgrade.line, 5);
	assert_true(r->upgrade.sql_only);
	assert_int_equal(r->upgrade.n, 2);
	rev_free(r);
}

static void test_sql_sidecar(void **state)
{
	(void)state;
	char dir[] = "/tmp/wfo-revtest-XXXXXX";
	assert_non_null(mkdtemp(dir));
	char *py = xasprintf("%s/2023_abc_x.py", dir);
	char *sql = xasprintf("%s/2023_abc_x.sql", dir);
	char *up = xasprintf("%s/2023_abc_x_upgrade.sql", dir);
	char *other = xasprintf("%s/other.sql", dir);
	FILE *f = fopen(sql, "w");
	fputs("CREATE VIEW v AS SELECT 1;\r\n", f);
	fclose(f);
	f = fopen(up, "w");
	fputs("UPDATE t SET a = 'x\\:y';", f);
	fclose(f);
	f = fopen(other, "w");
	fputs("SELECT 3;", f);
	fclose(f);
	const char *text =
		"from pathlib import Path\nimport os\nrevision = 'abc'\ndown_revision = None\n"
		"def upgrade() -> None:\n    conn = op.get_bind()\n\n"
		"    revision_file_path = Path(__file__)\n"
		"    with open(revision_file_path.with_suffix(\".sql\")) as f:\n"
		"        conn.execute(text(f.read()))\n"
		"    revision_file_path = Path(__file__.replace(\".py\", \"_upgrade.sql\"))\n"
		"    with open(revision_file_path) as f:\n"
		"        conn.execute(sa.text(f.read()))\n"
		"    with open(os.path.join(os.path.dirname(__file__), \"other.sql\")) as g:\n"
		"        op.execute(sa.text(g.read()))\n"
		"    with open(Path(__file__).parent / \"other.sql\") as h:\n"
		"        conn.execute(sa.text(h.read()))\n"
		"def downgrade() -> None:\n"
		"    with open(Path(__file__).with_suffix('.gone')) as f:\n"
		"        conn.execute(sa.text(f.read()))\n";
	struct revision *r = NULL;
	struct wfo_error err = { 0 };
	assert_int_equal(rev_parse_buffer(py, text, strlen(text), &r, &err), 0);
	assert_true(r->upgrade.sql_only);
	assert_int_equal(r->upgrade.n, 4);
	assert_string_equal(r->upgrade.v[0].sql, "CREATE VIEW v AS SELECT 1;\n");
	assert_int_equal(r->upgrade.v[0].line, 10);
	assert_string_equal(r->upgrade.v[1].sql, "UPDATE t SET a = 'x:y';");
	assert_string_equal(r->upgrade.v[2].sql, "SELECT 3;");
	assert_string_equal(r->upgrade.v[3].sql, "SELECT 3;");
	assert_false(r->downgrade.sql_only);
	assert_non_null(strstr(r->downgrade.why_not, ".gone"));
	rev_free(r);
	unlink(sql);
	unlink(up);
	unlink(other);
	rmdir(dir);
	free(py);
	free(sql);
	free(up);
	free(other);
}

/* Trailing commas in calls (valid Python) around the sidecar forms: once a
 * double free in with_suffix('.sql',). Each form reads the same .sql file. */
static void test_trailing_commas(void **state)
{
	(void)state;
	char dir[] = "/tmp/wfo-revtest-XXXXXX";
	assert_non_null(mkdtemp(dir));
	char *py = xasprintf("%s/2023_abc_x.py", dir);
	char *sql = xasprintf("%s/2023_abc_x.sql", dir);
	FILE *f = fopen(sql, "w");
	fputs("SELECT 1;", f);
	fclose(f);
	const char *forms[] = {
		"Path(__file__).with_suffix('.sql',)",
		"Path(__file__,).with_suffix('.sql')",
		"Path(__file__.replace('.py', '.sql',),)",
		"os.path.join(os.path.dirname(__file__,), '2023_abc_x.sql',)",
		"P.with_suffix('.sql',)",
	};
	for (size_t i = 0; i < sizeof(forms) / sizeof(*forms); i++) {
		char *text = xasprintf(
			"revision = 'abc'\ndown_revision = None\n"
			"def upgrade():\n    conn = op.get_bind()\n    P = Path(__file__)\n"
			"    with open(%s, 'r',) as f:\n"
			"        conn.execute(sa.text(f.read(),),)\n"
			"def downgrade():\n    op.execute('SELECT 2',)\n", forms[i]);
		struct revision *r = NULL;
		struct wfo_error err = { 0 };
		if (rev_parse_buffer(py, text, strlen(text), &r, &err) < 0)
			fail_msg("%s: %s", forms[i], err.msg);
		if (!r->upgrade.sql_only)
			fail_msg("%s: %s", forms[i], r->upgrade.why_not);
		assert_int_equal(r->upgrade.n, 1);
		assert_string_equal(r->upgrade.v[0].sql, "SELECT 1;");
		assert_true(r->downgrade.sql_only);
		rev_free(r);
		free(text);
	}
	/* near misses are "not SQL-only", never a crash */
	const char *odd[] = {
		"Path(__file__).with_suffix('.sql',,)",
		"Path(__file__).with_suffix(,)",
		"Path(__file__).with_suffix('.sql', 1)",
		"Path(__file__).with_suffix(S)",
		"Path(__file__).with_suffix('.a').with_suffix('.sql')",
		"Path(__file__).parent",
		"Path(__file__).parent / x",
		"Path(__file__.replace('.py',),)",
		"os.path.join(os.path.dirname(__file__), )",
		"P.with_suffix(",
	};
	for (size_t i = 0; i < sizeof(odd) / sizeof(*odd); i++) {
		char *text = xasprintf(
			"revision = 'abc'\ndown_revision = None\n"
			"def upgrade():\n    P = Path(__file__)\n    with open(%s) as f:\n"
			"        conn.execute(sa.text(f.read()))\n", odd[i]);
		struct revision *r = NULL;
		struct wfo_error err = { 0 };
		int rc = rev_parse_buffer(py, text, strlen(text), &r, &err);
		if (rc == 0) {
			if (r->upgrade.sql_only)
				fail_msg("%s: read as SQL-only", odd[i]);
			rev_free(r);
		}
		/* only the unclosed call is a syntax error */
		assert_int_equal(rc, i == sizeof(odd) / sizeof(*odd) - 1 ? -1 : 0);
		free(text);
	}
	unlink(sql);
	rmdir(dir);
	free(py);
	free(sql);
}

static void test_errors(void **state)
{
	(void)state;
	parse_err("down_revision = None\n", "v/bad.py: no 'revision");
	parse_err("revision = 'a'\ndown_revision = 42\n", "v/bad.py:2: down_revision must be");
	parse_err("revision = None\n", "v/bad.py:1: revision must be");
	parse_err("revision = 'a'\nx = '''never closed\n", "v/bad.py:2: string literal is not "
		  "terminated");
	parse_err("revision = 'a'\nx = 'eol\n", "v/bad.py:2: string literal");
	parse_err("revision = 'a'\nx = (1,\n", "unclosed bracket");
	parse_err("revision = 'a-b'\n", "v/bad.py:1: revision 'a-b' has '-' at character 2");
	/* ids and labels are plain identifiers: what Alembic reads from them
	 * is written into other Python files */
	parse_err("revision = 'a\\nimport os'\n", "v/bad.py:1: revision 'a\\x0aimport os' has "
		  "byte 0x0a at character 2");
	parse_err("revision = 'a'\ndown_revision = ('b', 'c\\\"\\\"\\\"')\n",
		  "v/bad.py:2: down_revision 'c\"\"\"' has '\"' at character 2");
	parse_err("revision = 'a'\nbranch_labels = ('data', \"x y\")\n",
		  "v/bad.py:2: branch_labels 'x y' has byte 0x20 at character 2");
	parse_err("revision = 'a'\ndepends_on = ''\n", "v/bad.py:2: depends_on '' is empty");
	parse_err("revision = 'a.b'\n", "may only hold ASCII letters, digits and '_'");
	parse_err("revision = '\u00e9t\u00e9'\n", "byte 0xc3 at character 1");
	parse_err("revision = 'a'\ndepends_on = [b]\n", "v/bad.py:2: depends_on");
	parse_err("revision = b'a'\n", "v/bad.py:1: revision must be");
	const char nul[] = "revision = 'a'\0\n";
	struct revision *r = NULL;
	struct wfo_error err = { 0 };
	assert_int_equal(rev_parse_buffer("v/nul.py", nul, sizeof(nul) - 1, &r, &err), -1);
	assert_non_null(strstr(err.msg, "NUL"));
	assert_int_equal(rev_parse_file("/nonexistent/x.py", &r, &err), -1);
	assert_non_null(strstr(err.msg, "/nonexistent/x.py"));
}

/* REV_PARSE_HEADERS (heads, history, current): the same assignments and
 * docstring as a full parse, the bodies not read, a broken body still an
 * error, an indented string that looks like an assignment still ignored. */
static void test_headers_only(void **state)
{
	(void)state;
	const char *text =
		"\"\"\"Add things.\n\nMore.\n\"\"\"\n"
		"revision = 'abcd12345678'\n"
		"down_revision = ('1111aaaa2222', \"3333bbbb4444\")\n"
		"branch_labels: tuple = ('x',)\n"
		"depends_on = None\n"
		"def upgrade():\n"
		"    op.execute(\"\"\"\nrevision = 'ffffffffffff'\n\"\"\")\n"
		"    op.execute(r'UPDATE t SET a = \\'b\\' -- (')\n"
		"    x = [1,\n"
		"revision_not = 2]\n"
		"def downgrade(): pass\n";
	struct revision *full = NULL, *hdr = NULL;
	struct wfo_error err = { 0 };
	assert_int_equal(rev_parse_buffer("v/h.py", text, strlen(text), &full, &err), 0);
	assert_int_equal(rev_parse_buffer_flags("v/h.py", text, strlen(text), REV_PARSE_HEADERS,
						&hdr, &err), 0);
	assert_string_equal(hdr->id, "abcd12345678");
	assert_string_equal(hdr->id, full->id);
	assert_int_equal(hdr->down.n, 2);
	assert_string_equal(hdr->down.v[1], "3333bbbb4444");
	assert_int_equal(hdr->labels.n, 1);
	assert_string_equal(hdr->labels.v[0], "x");
	assert_int_equal(hdr->depends.n, 0);
	assert_string_equal(hdr->doc, full->doc);
	assert_string_equal(hdr->docstring, full->docstring);
	assert_int_equal(hdr->id_line, full->id_line);
	assert_int_equal(hdr->down_line, full->down_line);
	assert_int_equal(hdr->upgrade.line, full->upgrade.line);
	assert_int_equal(hdr->downgrade.line, full->downgrade.line);
	/* the full parse reads the bodies, the headers-only one says it did not */
	assert_false(full->upgrade.sql_only);   /* x = [...] is not SQL */
	assert_false(hdr->upgrade.sql_only);
	assert_int_equal(hdr->upgrade.n, 0);
	assert_non_null(strstr(hdr->upgrade.why_not, "not read"));
	assert_true(full->downgrade.sql_only);
	assert_false(hdr->downgrade.sql_only);
	rev_free(full);
	rev_free(hdr);

	/* syntax errors inside a body are errors either way */
	const char *broken[] = {
		"revision = 'a1'\ndef upgrade():\n    op.execute('no end)\n",
		"revision = 'a1'\ndef upgrade():\n    op.execute(\"\"\"never closed\n",
		"revision = 'a1'\ndef upgrade():\n    op.execute('x'))\n",
		"revision = 'a1'\ndef upgrade():\n    op.execute(('x')\n",
	};
	for (size_t i = 0; i < sizeof(broken) / sizeof(*broken); i++) {
		struct wfo_error e1 = { 0 }, e2 = { 0 };
		struct revision *r = NULL;
		assert_int_equal(rev_parse_buffer("v/b.py", broken[i], strlen(broken[i]), &r, &e1), -1);
		assert_int_equal(rev_parse_buffer_flags("v/b.py", broken[i], strlen(broken[i]),
							REV_PARSE_HEADERS, &r, &e2), -1);
		assert_string_equal(e1.msg, e2.msg);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_alembic_made),
		cmocka_unit_test(test_create_data_head_double_quotes),
		cmocka_unit_test(test_annotated_and_tuples),
		cmocka_unit_test(test_escapes),
		cmocka_unit_test(test_not_sql_only),
		cmocka_unit_test(test_redefinition_and_docstring_body),
		cmocka_unit_test(test_sql_sidecar),
		cmocka_unit_test(test_trailing_commas),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_headers_only),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
