/* test_migrate.c - the executor's pure parts: counting the commands of a
 * statement as the server's simple query protocol sees them, step log text
 * and the offline (--sql) rendering. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "migrate.h"
#include "util.h"

static size_t count(const char *sql, int *opaque)
{
	return migrate_count_commands(sql, opaque);
}

static void counts_commands(void **state)
{
	(void)state;
	int op = -1;
	assert_int_equal(count("SELECT 1", &op), 1);
	assert_int_equal(op, 0);
	assert_int_equal(count("", &op), 0);
	assert_int_equal(count("  ;; ;\n", &op), 0);
	assert_int_equal(count("-- only a comment", &op), 0);
	assert_int_equal(count("/* a /* nested */ comment; */", &op), 0);
	assert_int_equal(count("SELECT 1; SELECT 2;", &op), 2);
	assert_int_equal(count("SELECT 1;;SELECT 2", &op), 2);
	assert_int_equal(count("SELECT 'a;b'; SELECT 'it''s;'", &op), 2);
	assert_int_equal(count("SELECT E'it\\'s;'; SELECT 2", &op), 2);
	/* without E, a backslash is an ordinary character */
	assert_int_equal(count("SELECT 'a\\'; SELECT 2", &op), 2);
	assert_int_equal(count("SELECT \"x;y\" FROM t; SELECT 1", &op), 2);
	assert_int_equal(count("CREATE FUNCTION f() RETURNS int AS $$ BEGIN RETURN 1; END; $$ "
			       "LANGUAGE plpgsql; SELECT f()", &op), 2);
	assert_int_equal(count("SELECT $tag$ ; $$ ; $tag$; SELECT 2", &op), 2);
	assert_int_equal(count("SELECT a$b FROM t WHERE x = $1; SELECT 2", &op), 2);
	assert_int_equal(count("SELECT 1 -- a ; comment\n; SELECT 2 -- tail;", &op), 2);
	assert_int_equal(count("CREATE RULE r AS ON INSERT TO t DO ALSO (INSERT INTO a VALUES (1); "
			       "INSERT INTO b VALUES (2)); SELECT 1", &op), 2);
	assert_int_equal(op, 0);
}

static void flags_what_it_cannot_split(void **state)
{
	(void)state;
	int op = 0;
	count("CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; SELECT 2; END", &op);
	assert_int_equal(op, 1);
	op = 0;
	count("SELECT 'unterminated", &op);
	assert_int_equal(op, 1);
	op = 0;
	count("SELECT $$ unterminated", &op);
	assert_int_equal(op, 1);
	op = 0;
	count("SELECT 1 /* unterminated", &op);
	assert_int_equal(op, 1);
	op = 0;
	count("BEGIN; SELECT 1; COMMIT", &op);
	assert_int_equal(op, 0);
}

static struct revision rev_a, rev_b;
static struct rev_stmt stmt_b = { "  INSERT INTO t VALUES (1)\n", 12 };

static void setup_revs(void)
{
	memset(&rev_a, 0, sizeof(rev_a));
	memset(&rev_b, 0, sizeof(rev_b));
	rev_a.id = "aaaa";
	rev_a.doc = "First.";
	rev_a.path = "a.py";
	rev_a.upgrade.sql_only = 1;
	rev_a.downgrade.sql_only = 1;
	rev_b.id = "bbbb";
	rev_b.doc = "";
	rev_b.path = "b.py";
	sv_push(&rev_b.down, "aaaa");
	sv_push(&rev_b.down, "cccc");
	rev_b.upgrade.sql_only = 1;
	rev_b.upgrade.v = &stmt_b;
	rev_b.upgrade.n = 1;
	rev_b.upgrade.line = 11;
	rev_b.downgrade.sql_only = 0;
	rev_b.downgrade.line = 20;
	rev_b.downgrade.why_not = "line 21: calls delete_workflow()";
}

static void step_text_and_foreign_steps(void **state)
{
	(void)state;
	setup_revs();
	struct rev_step up_a = { &rev_a, "aaaa", 1, STRVEC_INIT };
	struct rev_step up_b = { &rev_b, "bbbb", 1, STRVEC_INIT };
	struct rev_step down_b = { &rev_b, "bbbb", 0, STRVEC_INIT };
	struct rev_step ext = { NULL, "c0ffee", 1, STRVEC_INIT };
	char *t = migrate_step_text(&up_a);
	assert_string_equal(t, "upgrade  -> aaaa, First.");
	free(t);
	t = migrate_step_text(&up_b);
	assert_string_equal(t, "upgrade aaaa, cccc -> bbbb");
	free(t);
	t = migrate_step_text(&down_b);
	assert_string_equal(t, "downgrade bbbb -> aaaa, cccc");
	free(t);

	struct rev_step steps[] = { up_a, up_b };
	struct rev_plan p = { steps, 2, STRVEC_INIT };
	assert_int_equal(migrate_foreign_steps(&p, NULL), 0);
	struct rev_step steps2[] = { down_b, ext };
	struct rev_plan p2 = { steps2, 2, STRVEC_INIT };
	struct strbuf sb = STRBUF_INIT;
	assert_int_equal(migrate_foreign_steps(&p2, &sb), 2);
	assert_string_equal(sb_str(&sb),
		"  bbbb (b.py): downgrade() is not SQL-only: line 21: calls delete_workflow()\n"
		"  c0ffee (not in the version folders): an external revision, e.g. "
		"orchestrator-core's own schema, that only Alembic can run\n");
	sb_free(&sb);
	sv_free(&rev_b.down);
}


/* Which commands end the transaction, and where they are. */
static int ends_txn(const char *sql, int *line, char **cmd)
{
	struct rev_stmt st = { (char *)sql, 10 };
	struct rev_body b = { &st, 1, 1, NULL, 9 };
	return migrate_txn_control(&b, line, cmd);
}

static void finds_transaction_control(void **state)
{
	(void)state;
	static const char *const yes[] = {
		"COMMIT", "commit;", "END", "end transaction", "ROLLBACK", "rollback work",
		"ABORT", "BEGIN", "begin;", "START TRANSACTION", "PREPARE TRANSACTION 'x'",
		"COMMIT AND CHAIN", "-- note\nCOMMIT", "/* c */ COMMIT", "SELECT 1; COMMIT",
		NULL };
	static const char *const no[] = {
		"SELECT 1", "SAVEPOINT s", "ROLLBACK TO s", "rollback to savepoint s",
		"RELEASE SAVEPOINT s", "COMMIT PREPARED 'x'", "ROLLBACK PREPARED 'x'",
		"SELECT 'COMMIT'", "DO $$BEGIN PERFORM 1; END$$", "-- COMMIT\nSELECT 1",
		"CREATE TABLE begin_log (id int)", "(SELECT 1)", "'x'", "COMMIT_LOG", "INSERT INTO t VALUES ('x'); -- END",
		/* cannot be split with certainty: left to the executor's check */
		"CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; END; COMMIT",
		NULL };
	for (int i = 0; yes[i]; i++) {
		if (!ends_txn(yes[i], NULL, NULL))
			fail_msg("not found in: %s", yes[i]);
	}
	for (int i = 0; no[i]; i++) {
		if (ends_txn(no[i], NULL, NULL))
			fail_msg("found in: %s", no[i]);
	}
	int line = 0;
	char *cmd = NULL;
	assert_int_equal(ends_txn("INSERT INTO t VALUES (1);\n\n  commit\n  ;SELECT 2", &line, &cmd), 1);
	assert_int_equal(line, 12);
	assert_string_equal(cmd, "commit");
	free(cmd);
}

static void renders_offline_sql(void **state)
{
	(void)state;
	setup_revs();
	struct rev_step s[] = { { &rev_a, "aaaa", 1, STRVEC_INIT }, { &rev_b, "bbbb", 1, STRVEC_INIT } };
	sv_push(&s[0].version_sql, "INSERT INTO alembic_version (version_num) VALUES ('aaaa')");
	sv_push(&s[1].version_sql, "UPDATE alembic_version SET version_num='bbbb'");
	struct rev_plan p = { s, 2, STRVEC_INIT };
	sv_push(&p.heads_after, "bbbb");
	struct strvec from = STRVEC_INIT;
	struct strbuf out = STRBUF_INIT;
	struct migrate_opts o = { .upgrade = 1 };
	migrate_render_sql(&p, &from, &o, &out);
	assert_string_equal(sb_str(&out),
		"BEGIN;\n\n"
		"CREATE TABLE alembic_version (\n"
		"    version_num VARCHAR(32) NOT NULL, \n"
		"    CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)\n"
		");\n\n"
		"-- Running upgrade  -> aaaa\n\n"
		"INSERT INTO alembic_version (version_num) VALUES ('aaaa') RETURNING alembic_version.version_num;\n\n"
		"-- Running upgrade aaaa, cccc -> bbbb\n\n"
		"INSERT INTO t VALUES (1);\n\n"
		"UPDATE alembic_version SET version_num='bbbb';\n\n"
		"COMMIT;\n\n");
	/* from a current row: no CREATE TABLE; ending at base: DROP TABLE */
	sb_reset(&out);
	sv_push(&from, "zzzz");
	struct rev_plan empty = { NULL, 0, STRVEC_INIT };
	migrate_render_sql(&empty, &from, &o, &out);
	assert_string_equal(sb_str(&out), "BEGIN;\n\nDROP TABLE alembic_version;\n\nCOMMIT;\n\n");
	sb_free(&out);
	sv_free(&from);
	sv_free(&p.heads_after);
	sv_free(&s[0].version_sql);
	sv_free(&s[1].version_sql);
	sv_free(&rev_b.down);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(counts_commands),
		cmocka_unit_test(flags_what_it_cannot_split),
		cmocka_unit_test(step_text_and_foreign_steps),
		cmocka_unit_test(renders_offline_sql),
		cmocka_unit_test(finds_transaction_control),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
