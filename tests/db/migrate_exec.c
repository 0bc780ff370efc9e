/* migrate_exec.c - drives the executor (migrate.c) with hand-built plans
 * against the database in DATABASE_URI, for tests/db/executor.sh.
 *
 *   migrate_exec chain|fail|rowcheck|slow|sql|replan-fail
 *
 * Prints "applied N" on success, the error message on failure (exit 4). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "migrate.h"
#include "revgraph.h"
#include "util.h"
#include "wfo_error.h"

#define MAXREV 8

static struct revision revs[MAXREV];
static struct rev_step steps[MAXREV];
static size_t nrev;

/* stmts: NULL-terminated; lines: where each starts in the "file". */
static void add(const char *id, const char *down, const char *const *stmts, const int *lines,
		const char *version_sql)
{
	struct revision *r = &revs[nrev];
	memset(r, 0, sizeof(*r));
	r->id = xstrdup(id);
	if (down)
		sv_push(&r->down, down);
	r->doc = xasprintf("Revision %s.", id);
	r->docstring = xstrdup("");
	r->path = xasprintf("versions/schema/2024-01-0%zu_%s_test.py", nrev + 1, id);
	size_t n = 0;
	while (stmts[n])
		n++;
	r->upgrade.v = xcalloc(n ? n : 1, sizeof(struct rev_stmt));
	for (size_t i = 0; i < n; i++) {
		r->upgrade.v[i].sql = xstrdup(stmts[i]);
		r->upgrade.v[i].line = lines[i];
	}
	r->upgrade.n = n;
	r->upgrade.sql_only = 1;
	r->upgrade.line = lines[0] ? lines[0] - 1 : 10;
	struct rev_step *s = &steps[nrev];
	memset(s, 0, sizeof(*s));
	s->rev = r;
	s->id = r->id;
	s->upgrade = 1;
	sv_push(&s->version_sql, version_sql);
	nrev++;
}

static void cleanup(void)
{
	for (size_t i = 0; i < nrev; i++) {
		struct revision *r = &revs[i];
		for (size_t k = 0; k < r->upgrade.n; k++)
			free(r->upgrade.v[k].sql);
		free(r->upgrade.v);
		free(r->id);
		free(r->doc);
		free(r->docstring);
		free(r->path);
		sv_free(&r->down);
		sv_free(&steps[i].version_sql);
	}
}

static void progress(void *ctx, size_t done, size_t total, const struct rev_step *step)
{
	(void)ctx;
	if (done == total)
		printf("progress %zu/%zu last=%s\n", done, total, step ? step->id : "-");
}

static void log_line(void *ctx, const char *line)
{
	(void)ctx;
	fprintf(stderr, "INFO  [alembic.runtime.migration] %s\n", line);
}

/* The "re-plan" of these tests: the other run already did everything. */
static int replan_nothing(void *ctx, const struct strvec *now, struct rev_plan *out,
			  struct wfo_error *err)
{
	(void)ctx;
	(void)err;
	memset(out, 0, sizeof(*out));
	for (size_t i = 0; i < now->n; i++)
		sv_push(&out->heads_after, now->v[i]);
	return 0;
}

static void free_plan(struct rev_plan *p)
{
	sv_free(&p->heads_after);
}

static int replan_foreign(void *ctx, const struct strvec *now, struct rev_plan *out,
			  struct wfo_error *err)
{
	(void)ctx;
	(void)now;
	(void)err;
	memset(out, 0, sizeof(*out));
	out->steps = xcalloc(1, sizeof(*out->steps));
	out->steps[0].id = "c0ffee000001";
	out->steps[0].upgrade = 1;
	out->n = 1;
	return 0;
}

static void free_foreign(struct rev_plan *p)
{
	free(p->steps);
	sv_free(&p->heads_after);
}

int main(int argc, char **argv)
{
	const char *sc = argc > 1 ? argv[1] : "chain";
	static const char *const s1[] = { "CREATE TABLE t (a int PRIMARY KEY, b text)", NULL };
	static const int l1[] = { 12 };
	static const char *const s2[] = {
		"INSERT INTO t VALUES (1, 'x; y');\nINSERT INTO t VALUES (2, $q$ '; $q$);",
		"CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $$\nBEGIN\n  RETURN 1;\nEND;\n$$",
		"-- nothing but a comment",
		"CREATE TABLE u (x int);\n/* c ; */ INSERT INTO u SELECT f() -- tail ;",
		NULL };
	static const int l2[] = { 14, 16, 22, 24 };
	static const char *const s3ok[] = { "INSERT INTO t VALUES (3, E'it\\'s')", NULL };
	static const char *const s3bad[] = {
		"INSERT INTO t VALUES (3, 'three')",
		"INSERT INTO t VALUES (4, 'four');\nUPDATE t\n   SET b = 'x'\n WHERE no_such_column = 1",
		"INSERT INTO t VALUES (5, 'five')", NULL };
	static const int l3[] = { 30, 33, 40 };
	static const char *const sslow[] = { "SELECT pg_sleep(1)", "INSERT INTO t VALUES (9, 'slow')", NULL };
	static const int lslow[] = { 30, 31 };

	add("aaaa00000001", NULL, s1, l1,
	    "INSERT INTO alembic_version (version_num) VALUES ('aaaa00000001') RETURNING alembic_version.version_num");
	add("aaaa00000002", "aaaa00000001", s2, l2,
	    "UPDATE alembic_version SET version_num='aaaa00000002' WHERE alembic_version.version_num = 'aaaa00000001'");
	const char *v3 = !strcmp(sc, "rowcheck")
		? "UPDATE alembic_version SET version_num='aaaa00000003' WHERE alembic_version.version_num = 'zzzz'"
		: "UPDATE alembic_version SET version_num='aaaa00000003' WHERE alembic_version.version_num = 'aaaa00000002'";
	if (!strcmp(sc, "fail"))
		add("aaaa00000003", "aaaa00000002", s3bad, l3, v3);
	else if (!strcmp(sc, "slow") || !strcmp(sc, "replan-fail"))
		add("aaaa00000003", "aaaa00000002", sslow, lslow, v3);
	else
		add("aaaa00000003", "aaaa00000002", s3ok, l3, v3);

	struct rev_plan plan = { steps, nrev, STRVEC_INIT };
	sv_push(&plan.heads_after, "aaaa00000003");
	struct strvec from = STRVEC_INIT;
	struct migrate_opts o = {
		.upgrade = 1, .target = "heads", .progress = progress, .log = log_line,
		.replan = replan_nothing, .plan_free = free_plan,
	};
	if (!strcmp(sc, "replan-fail")) {
		o.replan = replan_foreign;
		o.plan_free = free_foreign;
	}
	int code = 0;
	if (!strcmp(sc, "sql")) {
		struct strbuf out = STRBUF_INIT;
		migrate_render_sql(&plan, &from, &o, &out);
		fputs(sb_str(&out), stdout);
		sb_free(&out);
	} else {
		PGconn *conn = NULL;
		struct wfo_error err = { 0 };
		size_t applied = 0;
		if (db_connect(getenv("DATABASE_URI"), &conn, &err) < 0 ||
		    migrate_run(conn, &from, &plan, &o, &applied, &err) < 0) {
			printf("%s\n", err.msg);
			code = wfo_exit_code(err.status);
		} else {
			printf("applied %zu\n", applied);
		}
		db_close(conn);
	}
	sv_free(&plan.heads_after);
	cleanup();
	return code;
}
