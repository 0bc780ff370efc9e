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

/* What Python refuses to compile is refused with file:line (Alembic could
 * not import the file); valid shapes near them are not. Each case was
 * checked with Python's compile(). */
static void test_syntax(void **state)
{
	(void)state;
	static const struct { const char *body; const char *want; } bad[] = {
		{ "this is not valid python\n", "v/bad.py:3: invalid syntax" },
		{ "def upgrade():\nop.execute('x')\n", "v/bad.py:4: expected an indented block" },
		{ "  x = 1\n", "v/bad.py:3: unexpected indent" },
		{ "def upgrade():\n        pass\n    pass\n", "v/bad.py:5: unindent does not match" },
		{ "def upgrade():\n\tif x:\n        \tpass\n        pass\n", "v/bad.py:6: inconsistent use of tabs" },
		{ "x = (1]\n", "v/bad.py:3: closing bracket ']'" },
		{ "x = 1 +\n", "v/bad.py:3: invalid syntax" },
		{ "x = $y\n", "v/bad.py:3: invalid character '$'" },
		{ "print 'hello'\n", "v/bad.py:3: invalid syntax" },
		{ "def upgrade():\n    op.execute('x') op.execute('y')\n", "v/bad.py:4: invalid syntax" },
		{ "x = 1 \\ 2\n", "v/bad.py:3: unexpected character after line continuation" },
		{ "if x:\n", "v/bad.py:4: expected an indented block after line 3" },
		{ "x = f() g\n", "v/bad.py:3: invalid syntax" },
		{ "x = 'a' 1\n", "v/bad.py:3: invalid syntax" },
		{ "x\xc2\xa0= 1\n", "v/bad.py:3: invalid character" },
		{ "x = 1 ?\n", "v/bad.py:3: invalid character '?'" },
		{ "= 1\n", "v/bad.py:3: invalid syntax" },
		{ "def upgrade():\n    pass\n  pass\n", "v/bad.py:5: unindent does not match" },
		{ "x = 1\x01\n", "v/bad.py:3: invalid non-printable character" },
		{ "x = \xff\n", "v/bad.py:3: byte 0xff is not valid UTF-8" },
		{ "return 1\n", "v/bad.py:3: invalid syntax: 'return' outside" },
		{ "def upgrade():\n    pass\nbreak\n", "v/bad.py:5: invalid syntax: 'break' outside" },
		{ "import\n", "v/bad.py:3: invalid syntax: 'import' without a module name" },
		{ "from import x\n", "v/bad.py:3: invalid syntax: 'from' without a module name" },
		{ "1 = x\n", "v/bad.py:3: invalid syntax: cannot assign to a literal" },
		{ "'a' = x\n", "v/bad.py:3: invalid syntax: cannot assign to a literal" },
		{ "else:\n    pass\n", "v/bad.py:3: invalid syntax: 'else' without an 'if'" },
		{ "x = 1\nelif y:\n    pass\n", "v/bad.py:4: invalid syntax: 'elif' without an 'if'" },
		{ "def upgrade():\n    pass\nexcept:\n    pass\n", "v/bad.py:5: invalid syntax: 'except' without a 'try'" },
		{ "if x:\n    pass\nx = 1\nelse:\n    pass\n", "v/bad.py:6: invalid syntax: 'else' without" },
	};
	static const char *const good[] = {
		"def upgrade():\n    op.execute('x' 'y')\n",
		"match = 1\nmatch x:\n    case _:\n        pass\n",
		"x = [\n  1,\n    2]\n",
		"def upgrade():\n    if x:  # c\n        pass\n    else: pass\n",
		"from x import *\n",
		"x = not a\ny = a is not b\nz = a if b else c\n",
		"x = lambda: 1\n",
		"...\n",
		"x = 1,\n",
		"@dec\ndef f(): pass\n",
		"def f(a, *, b) -> int:\n    return a\n",
		"x = {'a': 1}\n",
		"\f\ndef f():\n\tpass\n",
		"x = u'a' r'b' f'c{1}'\n",
		"x = a[1:2]\n",
		"if x:\n    pass\n# the end, no newline",
		"import os\nfrom . import x\nfrom .. import y\nfrom .a import b\n",
		"if x:\n    pass\nelif y:\n    pass\nelse:\n    pass\n",
		"for i in x:\n    if i:\n        pass\nelse:\n    pass\n",
		"while x:\n    pass\nelse:\n    pass\n",
		"try:\n    pass\nexcept E:\n    pass\nexcept:\n    pass\nelse:\n    pass\nfinally:\n    pass\n",
		"try:\n    pass\nfinally:\n    pass\n",
		"def f():\n    try:\n        pass\n    except E as e:\n        pass\n",
		"x = 1 if y else 2\n",
		"x = [a for a in b if a]\n",
		"d = {'a': 1}\nd['a'] = 2\n",
	};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		char *text = xasprintf("revision = 'a1'\ndown_revision = None\n%s", bad[i].body);
		parse_err(text, bad[i].want);
		free(text);
	}
	for (size_t i = 0; i < sizeof good / sizeof *good; i++) {
		char *text = xasprintf("revision = 'a1'\ndown_revision = None\n%s", good[i]);
		rev_free(parse_ok(text));
		free(text);
	}
	/* Alembic reads module.down_revision without a default */
	parse_err("revision = 'a1'\nbranch_labels = None\n",
		  "v/bad.py:1: no 'down_revision = ...' assignment");
}

/* A module that runs code, or rebinds a name the bodies rely on, is only
 * Alembic's to run: its bodies are not SQL-only, whatever they hold. */
static void test_module_code(void **state)
{
	(void)state;
	static const char *const code[] = {
		"os.system('touch /tmp/x')\n",
		"op = None\n",
		"from mymod import op\n",
		"import mymod as sa\n",
		"from sqlalchemy import text as sa\n",
		"def text(s):\n    return s\n",
		"upgrade = downgrade\n",
		"x = compute()\n",
		"@decorate\ndef helper(): pass\n",
		"def helper(x=run()): pass\n",
		"def helper(x: int = run()) -> None: pass\n",
		"def helper() -> make(): pass\n",
		"if True:\n    pass\n",
		"class X:\n    pass\n",
		"f'{run()}'\n",
		"from . import helpers\n",
		"x += 1\n",
	};
	static const char *const harmless[] = {
		"import sqlalchemy as sa\nfrom alembic import op\n",
		"from sqlalchemy import text\nfrom pathlib import Path\nimport os.path\n",
		"from orchestrator.migrations.helpers import (create_workflow, delete_workflow,)\n",
		"from typing import Optional, Union\n",
		"X = 1\nY: int = 2\n__all__ = ['a', 'b']\nZ: str\nNEG = -1\n",
		"def helper(x: int = 1) -> Optional[int]:\n    return os.system('x')\n",
		"\"\"\"a string\"\"\"\n",
	};
#define MODULE_FMT "revision = 'a1'\ndown_revision = None\n" \
		   "def upgrade():\n    op.execute('SELECT 1')\n" \
		   "def downgrade():\n    pass\n%s"
	for (size_t i = 0; i < sizeof code / sizeof *code; i++) {
		char *text = xasprintf(MODULE_FMT, code[i]);
		struct revision *r = parse_ok(text);
		if (r->upgrade.sql_only || r->downgrade.sql_only)
			fail_msg("read as SQL-only: %s", code[i]);
		if (!strstr(r->upgrade.why_not, "line 7: the module runs"))
			fail_msg("%s: why_not '%s'", code[i], r->upgrade.why_not);
		assert_int_equal(r->upgrade.line, 3);
		rev_free(r);
		free(text);
	}
	for (size_t i = 0; i < sizeof harmless / sizeof *harmless; i++) {
		char *text = xasprintf(MODULE_FMT, harmless[i]);
		struct revision *r = parse_ok(text);
		if (!r->upgrade.sql_only || !r->downgrade.sql_only)
			fail_msg("%s: not SQL-only: %s", harmless[i], r->upgrade.why_not);
		rev_free(r);
		free(text);
	}
}

/* A coding declaration is honoured as Python honours it. */
static void test_coding(void **state)
{
	(void)state;
	struct revision *r = parse_ok("# -*- coding: latin-1 -*-\nrevision = 'a1'\n"
				      "down_revision = None\ndef upgrade():\n"
				      "    op.execute(\"SELECT '\xe9t\xe9'\")\n");
	assert_true(r->upgrade.sql_only);
	assert_string_equal(r->upgrade.v[0].sql, "SELECT '\xc3\xa9t\xc3\xa9'");
	rev_free(r);
	r = parse_ok("#!/usr/bin/env python\n# vim: set fileencoding=cp1252 :\nrevision = 'a1'\n"
		     "down_revision = None\ndef upgrade():\n    op.execute('SELECT \x80\x96')\n");
	assert_string_equal(r->upgrade.v[0].sql, "SELECT \xe2\x82\xac\xe2\x80\x93");
	rev_free(r);
	r = parse_ok("# coding=ISO_8859-15\nrevision = 'a1'\ndown_revision = None\n"
		     "def upgrade():\n    op.execute('SELECT \xa4')\n");
	assert_string_equal(r->upgrade.v[0].sql, "SELECT \xe2\x82\xac");
	rev_free(r);
	/* on the second line only after a blank or comment-only first line */
	parse_err("revision = 'a1'\n# coding: latin-1\ndown_revision = None\nx = '\xe9'\n",
		  "v/bad.py:4: byte 0xe9 is not valid UTF-8");
	parse_err("# coding: klingon\nrevision = 'a1'\ndown_revision = None\n",
		  "v/bad.py:1: unknown or unsupported source encoding 'klingon'");
	parse_err("\n# coding: shift_jis\nrevision = 'a1'\n", "v/bad.py:2: unknown or unsupported");
	parse_err("# coding: ascii\nrevision = 'a1'\ndown_revision = None\nx = '\xc3\xa9'\n",
		  "v/bad.py:4: byte 0xc3 is not valid ASCII");
	parse_err("\xef\xbb\xbf# coding: latin-1\nrevision = 'a1'\n", "byte order mark");
	parse_err("# coding: cp1252\nrevision = 'a1'\ndown_revision = None\nx = '\x81'\n",
		  "v/bad.py:4: byte 0x81 is not valid Windows-1252");
	rev_free(parse_ok("\xef\xbb\xbf# coding: utf-8\nrevision = 'a1'\ndown_revision = None\n"));
}

/* Text given to the driver as it is (exec_driver_sql, conn.execute of a
 * plain string) gets psycopg2's pyformat rules; text() keeps '%%'. */
static void test_driver_percent(void **state)
{
	(void)state;
	struct revision *r = parse_ok(
		"revision = 'a1'\ndown_revision = None\n"
		"def upgrade():\n    conn = op.get_bind()\n"
		"    conn.exec_driver_sql(\"UPDATE t SET a = '100%%'\")\n"
		"    conn.execute(\"UPDATE t SET b = '%%%%'\")\n"
		"    conn.execute(sa.text(\"UPDATE t SET c = '100%%'\"))\n"
		"    op.execute(\"UPDATE t SET d = '100%%'\")\n"
		"def downgrade():\n    op.get_bind().exec_driver_sql('SELECT 100 % 7')\n");
	assert_true(r->upgrade.sql_only);
	assert_int_equal(r->upgrade.n, 4);
	assert_string_equal(r->upgrade.v[0].sql, "UPDATE t SET a = '100%'");
	assert_string_equal(r->upgrade.v[1].sql, "UPDATE t SET b = '%%'");
	assert_string_equal(r->upgrade.v[2].sql, "UPDATE t SET c = '100%%'");
	assert_string_equal(r->upgrade.v[3].sql, "UPDATE t SET d = '100%%'");
	assert_false(r->downgrade.sql_only);
	assert_non_null(strstr(r->downgrade.why_not, "line 10: a single '%'"));
	rev_free(r);
	/* exec_driver_sql() of a text() clause fails in SQLAlchemy: not ours */
	r = parse_ok("revision = 'a1'\ndown_revision = None\n"
		     "def upgrade():\n    op.get_bind().exec_driver_sql(sa.text('SELECT 1'))\n");
	assert_false(r->upgrade.sql_only);
	rev_free(r);
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
		cmocka_unit_test(test_syntax),
		cmocka_unit_test(test_module_code),
		cmocka_unit_test(test_coding),
		cmocka_unit_test(test_driver_percent),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_headers_only),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
