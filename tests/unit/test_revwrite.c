/* test_revwrite.c - revision ids, slugs, file names, rendering, atomic writes. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>

#include "atomicfile.h"
#include "revid.h"
#include "revwrite.h"
#include "util.h"
#include "wfo_error.h"

static void slug_eq(const char *msg, const char *want)
{
	char *s = revid_slug(msg);
	assert_string_equal(s, want);
	free(s);
}

static void slugs(void **state)
{
	(void)state;
	slug_eq("add user and usergroup products", "add_user_and_usergroup_products");
	slug_eq("Convert unlimited text fields to limited nullable strings", "convert_unlimited_text_fields_to_");
	slug_eq(NULL, "");
	slug_eq("", "");
	slug_eq("  --- !!", "");
	slug_eq("Add \"\"\" and \\ here.", "add_and_here");
	slug_eq("a-b:c__d", "a_b_c__d");
	/* Unicode letters are word characters, counted as characters. */
	slug_eq("Größe ändern", "größe_ändern");
	slug_eq("ééééééééééééééééééééééééééééééééééééééééé x", "éééééééééééééééééééééééééééééééééééééééé_");
	/* no '_' within the first 40: cut and append '_' */
	slug_eq("abcdefghijklmnopqrstuvwxyzabcdefghijklmnopq", "abcdefghijklmnopqrstuvwxyzabcdefghijklmn_");
	/* exactly 40 stays */
	slug_eq("abcdefghij abcdefghij abcdefghij abcdefg", "abcdefghij_abcdefghij_abcdefghij_abcdefg");
	slug_eq("abcdefghij abcdefghij abcdefghij abcdefgh", "abcdefghij_abcdefghij_abcdefghij_");
}

static void ids(void **state)
{
	(void)state;
	struct strvec taken = STRVEC_INIT;
	struct wfo_error err = { 0 };
	char id[13];
	for (int i = 0; i < 200; i++) {
		assert_int_equal(revid_new(id, &taken, &err), 0);
		assert_int_equal(strlen(id), 12);
		assert_int_equal(strspn(id, "0123456789abcdef"), 12);
		assert_false(sv_contains(&taken, id));
		sv_push(&taken, id);
	}
	sv_free(&taken);
}

static void names_and_dates(void **state)
{
	(void)state;
	setenv("TZ", "UTC", 1);
	tzset();
	struct timespec ts = { 1696371910, 190209000 };  /* 2023-10-03 22:25:10.190209 UTC */
	char d[32];
	revid_date_text(&ts, d);
	assert_string_equal(d, "2023-10-03 22:25:10.190209");
	ts.tv_nsec = 0;
	revid_date_text(&ts, d);
	assert_string_equal(d, "2023-10-03 22:25:10");
	char *n = revid_filename("9a31b6bf3e85", "add user and usergroup products", ts.tv_sec);
	assert_string_equal(n, "2023-10-03_9a31b6bf3e85_add_user_and_usergroup_products.py");
	free(n);
	n = revid_filename("9a31b6bf3e85", NULL, ts.tv_sec);
	assert_string_equal(n, "2023-10-03_9a31b6bf3e85_.py");
	free(n);
}

static const char expected_sql_file[] =
	"\"\"\"add user and usergroup products.\n"
	"\n"
	"Revision ID: 9a31b6bf3e85\n"
	"Revises:\n"
	"Create Date: 2023-10-03 22:25:10.190209\n"
	"\n"
	"\"\"\"\n"
	"import sqlalchemy as sa\n"
	"from alembic import op\n"
	"\n"
	"# revision identifiers, used by Alembic.\n"
	"revision = '9a31b6bf3e85'\n"
	"down_revision = None\n"
	"branch_labels = ('data',)\n"
	"depends_on = 'da5c9f4cce1c'\n"
	"\n"
	"\n"
	"def upgrade() -> None:\n"
	"    conn = op.get_bind()\n"
	"    conn.execute(sa.text(\"\"\"\\\n"
	"INSERT INTO t VALUES ('a')\"\"\"))\n"
	"    conn.execute(sa.text(\"\"\"\\\n"
	"SELECT 1\nFROM x\"\"\"))\n"
	"\n"
	"\n"
	"def downgrade() -> None:\n"
	"    pass\n";

static void render_layout(void **state)
{
	(void)state;
	setenv("TZ", "UTC", 1);
	tzset();
	const char *up[] = { "INSERT INTO t VALUES ('a')", "SELECT 1\nFROM x" };
	struct revwrite rw = { 0 };
	rw.message = "add user and usergroup products";
	rw.id = "9a31b6bf3e85";
	sv_push(&rw.labels, "data");
	sv_push(&rw.depends, "da5c9f4cce1c");
	rw.up = up;
	rw.nup = 2;
	rw.created.tv_sec = 1696371910;
	rw.created.tv_nsec = 190209000;
	char *t = revwrite_render(&rw);
	assert_string_equal(t, expected_sql_file);
	free(t);

	/* merge: tuple, Revises list, None labels, empty message */
	sv_free(&rw.labels);
	sv_free(&rw.depends);
	sv_push(&rw.down, "aaaa11112222");
	sv_push(&rw.down, "bbbb11112222");
	rw.message = NULL;
	rw.nup = 0;
	t = revwrite_render(&rw);
	assert_non_null(strstr(t, "\"\"\"empty message.\n"));
	assert_non_null(strstr(t, "Revises: aaaa11112222, bbbb11112222\n"));
	assert_non_null(strstr(t, "down_revision = ('aaaa11112222', 'bbbb11112222')\n"));
	assert_non_null(strstr(t, "branch_labels = None\ndepends_on = None\n"));
	assert_non_null(strstr(t, "def upgrade() -> None:\n    pass\n\n\ndef downgrade() -> None:\n    pass\n"));
	free(t);
	sv_free(&rw.down);
}

static void embed_eq(const char *sql, const char *want)
{
	struct strbuf sb = STRBUF_INIT;
	sb_add(&sb, "");
	revwrite_embed_sql(&sb, sql);
	assert_string_equal(sb.buf, want);
	sb_free(&sb);
}

static void embedding(void **state)
{
	(void)state;
	embed_eq("SELECT 'x'::uuid, '10:30'", "SELECT 'x'::uuid, '10:30'");
	embed_eq("SELECT :name", "SELECT \\\\:name");
	embed_eq("(:a:b)", "(\\\\:a\\\\:b)");
	embed_eq("'a\\:b'", "'a\\\\\\\\:b'");
	embed_eq("\"\"\"", "\\\"\\\"\\\"");
	embed_eq("x\"", "x\\\"");
	embed_eq("\"a\" b", "\"a\" b");
	embed_eq("a\\b", "a\\\\b");
	embed_eq("a\rb\x01\tc\n", "a\\rb\\x01\tc\n");
	embed_eq("100% %(x)s %%", "100% %(x)s %%");
	embed_eq("é:ü", "é\\\\:ü");
}

static void hostile_message(void **state)
{
	(void)state;
	struct revwrite rw = { 0 };
	rw.message = "evil \"\"\" \\ end\\";
	rw.id = "0123456789ab";
	char *t = revwrite_render(&rw);
	assert_non_null(strstr(t, "\"\"\"evil \\\"\\\"\" \\\\ end\\\\.\n"));
	free(t);
	rw.message = "bad \xff utf8";
	struct wfo_error err = { 0 };
	assert_int_equal(revwrite_check(&rw, &err), -1);
	assert_non_null(strstr(err.msg, "UTF-8"));
	rw.message = "ok";
	const char *up[] = { "SELECT 1", "SELECT '\xc3'" };
	rw.up = up;
	rw.nup = 2;
	assert_int_equal(revwrite_check(&rw, &err), -1);
	assert_non_null(strstr(err.msg, "upgrade statement 2"));
}

static int count_entries(const char *dir)
{
	DIR *d = opendir(dir);
	int n = 0;
	struct dirent *e;
	while ((e = readdir(d)))
		if (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
			n++;
	closedir(d);
	return n;
}

static void atomic(void **state)
{
	(void)state;
	char dir[] = "/tmp/wfo-test-atomic.XXXXXX";
	assert_non_null(mkdtemp(dir));
	char *path = xasprintf("%s/f.py", dir);
	struct wfo_error err = { 0 };
	assert_int_equal(atomic_create(path, "one\n", 4, &err), 0);
	assert_int_equal(atomic_create(path, "two\n", 4, &err), -1);
	assert_int_equal(err.status, WFO_IO);
	assert_non_null(strstr(err.msg, "already exists"));
	assert_non_null(strstr(err.msg, path));
	char *text = read_file(path, NULL);
	assert_string_equal(text, "one\n");
	free(text);
	assert_int_equal(count_entries(dir), 1);
	/* a folder that does not exist */
	char *bad = xasprintf("%s/nope/f.py", dir);
	assert_int_equal(atomic_create(bad, "x", 1, &err), -1);
	assert_non_null(strstr(err.msg, "nope"));
	assert_int_equal(count_entries(dir), 1);
	free(bad);
	unlink(path);
	free(path);
	rmdir(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(slugs),
		cmocka_unit_test(ids),
		cmocka_unit_test(names_and_dates),
		cmocka_unit_test(render_layout),
		cmocka_unit_test(embedding),
		cmocka_unit_test(hostile_message),
		cmocka_unit_test(atomic),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
