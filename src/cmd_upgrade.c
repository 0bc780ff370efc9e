/* cmd_upgrade.c - `wfo-migrate upgrade`, and the run shared with downgrade:
 * options, graph, plan, then our executor or a hand-off to Alembic. */
#include "config.h"
#include "commands.h"

#include <ctype.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli_common.h"
#include "db.h"
#include "merge_cli.h"
#include "migrate.h"
#include "peer_alembic.h"
#include "pguri.h"
#include "revgraph.h"
#include "util.h"
#include "wfo_error.h"

/* Shared with cmd_downgrade.c. */
int migrate_cli(int argc, char **argv, int upgrade);

static void usage(FILE *out, int upgrade)
{
	if (upgrade)
		fprintf(out,
			"Usage: wfo-migrate upgrade [TARGET] [--sql] [--no-alembic]\n"
			"                           [--migrations DIR] [--database-uri URI]\n"
			"Apply revisions up to TARGET (default: heads): heads, head, REV (id or unique\n"
			"prefix), +N, REV+N, LABEL@head, LABEL@REV. All steps run in one transaction.\n\n");
	else
		fprintf(out,
			"Usage: wfo-migrate downgrade [TARGET] [--sql] [--no-alembic]\n"
			"                             [--migrations DIR] [--database-uri URI]\n"
			"Revert revisions down to TARGET (default: -1): -N, REV, REV-N, LABEL@-N, base.\n"
			"All steps run in one transaction.\n\n");
	fprintf(out,
		"  --sql               print the SQL instead of running it (like alembic --sql);\n"
		"                      TARGET may be FROM:TO (%s)\n"
		"  --no-alembic        never hand the run to Alembic; refuse revisions that are\n"
		"                      not SQL-only instead\n"
		CLI_COMMON_HELP
		"  -h, --help          show this help\n",
		upgrade ? "FROM defaults to base" : "FROM is required");
}

/* ---- the run ---- */

/* Ctrl-C / SIGTERM during our own run: the flag stops the executor between
 * statements, and the cancel request stops the statement the server is
 * running (PQcancel may be called in a signal handler). */
static volatile sig_atomic_t stop_flag;
static PGcancel *volatile stop_cancel;

static void on_stop(int sig)
{
	(void)sig;
	stop_flag = 1;
	char buf[256];
	if (stop_cancel)
		PQcancel(stop_cancel, buf, sizeof(buf));
}

struct stop_guard {
	struct sigaction old_int, old_term;
};

static void stop_begin(struct stop_guard *g, PGconn *conn)
{
	stop_flag = 0;
	stop_cancel = PQgetCancel(conn);
	struct sigaction sa;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_stop;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, &g->old_int);
	sigaction(SIGTERM, &sa, &g->old_term);
}

static void stop_end(struct stop_guard *g)
{
	sigaction(SIGINT, &g->old_int, NULL);
	sigaction(SIGTERM, &g->old_term, NULL);
	PGcancel *c = stop_cancel;
	stop_cancel = NULL;
	if (c)
		PQfreeCancel(c);
}

static void log_stderr(void *ctx, const char *line)
{
	(void)ctx;
	fprintf(stderr, "INFO  [alembic.runtime.migration] %s\n", line);
}

static int is_relative_down(const char *t)
{
	if (*t != '-' || !t[1])
		return 0;
	for (t++; *t; t++)
		if (!isdigit((unsigned char)*t))
			return 0;
	return 1;
}

static int distinct_count(const struct strvec *v)
{
	int n = 0;
	for (size_t i = 0; i < v->n; i++) {
		int seen = 0;
		for (size_t k = 0; k < i; k++)
			seen |= !strcmp(v->v[i], v->v[k]);
		n += !seen;
	}
	return n;
}

static int make_plan(const struct rev_graph *g, const struct strvec *cur, const char *target,
		     int upgrade, struct rev_plan *plan, struct wfo_error *err)
{
	return upgrade ? rev_plan_upgrade(g, cur, target, plan, err)
		       : rev_plan_downgrade(g, cur, target, plan, err);
}

/* Hands the whole command to Alembic; uri in SQLAlchemy form (may be "").
 * Returns the exit code. */
static int hand_off(const char *cmd, const char *target, int sql, const struct cli_common *cc,
		    const char *uri, const char *foreign, int commits)
{
	struct strbuf why = STRBUF_INIT;
	char *python = peer_find_python(&why);
	char *ini = cc->ini_path ? xstrdup(cc->ini_path) : peer_find_ini(cc->migrations);
	int rc;
	if (!python || !ini) {
		fprintf(stderr, "wfo-migrate %s: these revisions are not SQL-only, so only "
			"Alembic can run them:\n%sAlembic cannot be used: %s. Nothing was changed.\n",
			cmd, foreign, !python ? sb_str(&why) :
			"no alembic.ini in this folder or beside the migrations folder");
		rc = wfo_exit_code(WFO_PEER);
	} else {
		fprintf(stderr, "wfo-migrate %s: handing the run to Alembic (%s -m alembic -c %s), "
			"because these revisions are not SQL-only:\n%s", cmd, python, ini, foreign);
		const char *args[] = { cmd, target, sql ? "--sql" : NULL, NULL };
		struct wfo_error err = { 0 };
		rc = peer_alembic_run(python, ini, args, uri, &err);
		if (rc < 0) {
			fprintf(stderr, "wfo-migrate %s: %s\n", cmd, err.msg);
			rc = wfo_exit_code(err.status);
		} else if (rc != 0) {
			fprintf(stderr, "wfo-migrate %s: alembic failed (exit status %d)\n", cmd, rc);
			if (commits && !sql)   /* Alembic's rollback does not reach past a COMMIT */
				fprintf(stderr, "wfo-migrate %s: a revision above commits part-way, so "
					"Alembic's run was not one transaction: the database may be "
					"partly upgraded or downgraded, up to the last commit; "
					"`wfo-migrate current` shows what alembic_version holds.\n", cmd);
			rc = wfo_exit_code(WFO_PEER);
		}
	}
	free(python);
	free(ini);
	sb_free(&why);
	return rc;
}

/* Steps whose statements end the transaction part-way. */
static int commit_steps(const struct rev_plan *plan)
{
	int n = 0;
	for (size_t i = 0; i < plan->n; i++) {
		const struct rev_step *s = &plan->steps[i];
		if (s->rev)
			n += migrate_txn_control(s->upgrade ? &s->rev->upgrade : &s->rev->downgrade,
						 NULL, NULL);
	}
	return n;
}

/* --sql. Returns -1 with err, or 0 with *exit_code set. */
static int run_sql(const struct rev_graph *g, const char *cmd, const char *target, int upgrade,
		   int no_alembic, const struct cli_common *cc, int *exit_code,
		   struct wfo_error *err)
{
	struct strvec from = STRVEC_INIT;
	char *spec = xstrdup(target);
	char *colon = strchr(spec, ':');
	const char *to = spec;
	int rc = -1;
	struct rev_plan plan = { 0 };
	int planned = 0;
	if (colon) {
		*colon = '\0';
		to = colon + 1;
		if (rev_graph_resolve(g, spec, NULL, &from, err) < 0)
			goto out;
	} else if (!upgrade) {
		wfo_fail(err, WFO_USAGE, "downgrade with --sql requires <fromrev>:<torev>");
		goto out;
	}
	if (make_plan(g, &from, to, upgrade, &plan, err) < 0)
		goto out;
	planned = 1;
	struct strbuf foreign = STRBUF_INIT;
	if (migrate_foreign_steps(&plan, &foreign)) {
		if (no_alembic) {
			wfo_fail(err, WFO_PEER, "these revisions are not SQL-only, so only Alembic "
				 "can run them, and --no-alembic forbids that:\n%s"
				 "Nothing was printed.", sb_str(&foreign));
		} else {
			char *sa = pguri_for_sqlalchemy(cc->database_uri);
			if (!*sa) {   /* offline: only the dialect matters */
				free(sa);
				sa = xstrdup("postgresql://");
			}
			*exit_code = hand_off(cmd, target, 1, cc, sa, sb_str(&foreign), 0);
			free(sa);
			rc = 0;
		}
		sb_free(&foreign);
		goto out;
	}
	sb_free(&foreign);
	struct migrate_opts o = { .upgrade = upgrade, .target = to, .log = log_stderr };
	struct strbuf out = STRBUF_INIT;
	migrate_render_sql(&plan, &from, &o, &out);
	fwrite(out.buf, 1, out.len, stdout);
	sb_free(&out);
	*exit_code = 0;
	rc = 0;
out:
	if (planned)
		rev_plan_free(&plan);
	sv_free(&from);
	free(spec);
	return rc;
}

struct replan_ctx {
	const struct rev_graph *g;
	const char *target;
	int upgrade;
};

static int replan(void *ctx, const struct strvec *now, struct rev_plan *out,
		  struct wfo_error *err)
{
	const struct replan_ctx *c = ctx;
	return make_plan(c->g, now, c->target, c->upgrade, out, err);
}

/* Online. Returns -1 with err, or 0 with *exit_code set. */
static int run_online(const struct rev_graph *g, const char *cmd, const char *target, int upgrade,
		      int no_alembic, const struct cli_common *cc, int *exit_code,
		      struct wfo_error *err)
{
	PGconn *conn = NULL;
	struct strvec cur = STRVEC_INIT;
	struct rev_plan plan = { 0 };
	int planned = 0, rc = -1;
	struct strbuf foreign = STRBUF_INIT;
	const char *uri = cc->database_uri;
	if (db_connect(uri, &conn, err) < 0 || db_read_versions(conn, &cur, NULL, err) < 0)
		goto out;
	if (!upgrade && is_relative_down(target) && distinct_count(&cur) > 1)
		fprintf(stderr, "UserWarning: downgrade -1 from multiple heads is ambiguous; this "
			"usage will be disallowed in a future release.\n");
	if (make_plan(g, &cur, target, upgrade, &plan, err) < 0)
		goto out;
	planned = 1;
	if (migrate_foreign_steps(&plan, &foreign)) {
		if (no_alembic) {
			wfo_fail(err, WFO_PEER, "these revisions are not SQL-only, so only Alembic "
				 "can run them, and --no-alembic forbids that:\n%s"
				 "Nothing was changed.", sb_str(&foreign));
			goto out;
		}
		char *sa = uri && *uri ? pguri_for_sqlalchemy(uri) : db_conn_uri(conn);
		db_close(conn);
		conn = NULL;
		*exit_code = hand_off(cmd, target, 0, cc, sa, sb_str(&foreign),
				      commit_steps(&plan));
		free(sa);
		rc = 0;
		goto out;
	}
	struct replan_ctx rc_ctx = { g, target, upgrade };
	struct migrate_opts o = {
		.upgrade = upgrade, .target = target, .log = log_stderr,
		.replan = replan, .plan_free = rev_plan_free, .replan_ctx = &rc_ctx,
	};
	o.stop = &stop_flag;
	struct stop_guard guard;
	stop_begin(&guard, conn);
	int run_rc = migrate_run(conn, &cur, &plan, &o, NULL, err);
	int late = run_rc == 0 && stop_flag;
	stop_end(&guard);
	if (run_rc < 0)
		goto out;
	if (late)   /* the signal came while COMMIT was on its way: it cannot be undone */
		fprintf(stderr, "wfo-migrate %s: interrupted too late to stop: the transaction "
			"had already been committed, so the %s is complete.\n", cmd, cmd);
	*exit_code = 0;
	rc = 0;
out:
	sb_free(&foreign);
	if (planned)
		rev_plan_free(&plan);
	sv_free(&cur);
	db_close(conn);
	return rc;
}

int migrate_cli(int argc, char **argv, int upgrade)
{
	const char *cmd = upgrade ? "upgrade" : "downgrade";
	const char *target = NULL;
	int sql = 0, no_alembic = 0, code = 0;
	struct cli_common cc = CLI_COMMON_INIT;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		int opt = 0;
		if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
			usage(stdout, upgrade);
			goto done;
		} else if (!strcmp(a, "--sql")) {
			sql = 1;
		} else if (!strcmp(a, "--no-alembic")) {
			no_alembic = 1;
		} else if (!strcmp(a, "--migrations") || !strncmp(a, "--migrations=", 13)) {
			opt = CLI_OPT_MIGRATIONS;
		} else if (!strcmp(a, "--database-uri") || !strncmp(a, "--database-uri=", 15)) {
			opt = CLI_OPT_DATABASE_URI;
		} else if (*a == '-' && !is_relative_down(a) && strcmp(a, "-")) {
			fprintf(stderr, "wfo-migrate %s: unknown option '%s'\n", cmd, a);
			usage(stderr, upgrade);
			code = 2;
			goto done;
		} else if (target) {
			fprintf(stderr, "wfo-migrate %s: more than one target ('%s' and '%s')\n",
				cmd, target, a);
			code = 2;
			goto done;
		} else {
			target = a;
		}
		if (opt) {
			const char *eq = strchr(a, '=');
			const char *val = eq ? eq + 1 : i + 1 < argc ? argv[++i] : NULL;
			if (!val || !*val) {
				fprintf(stderr, "wfo-migrate %s: %s needs a value\n", cmd, a);
				code = 2;
				goto done;
			}
			cli_common_option(&cc, opt, val);
		}
	}
	if (!target)
		target = upgrade ? "heads" : "-1";

	struct wfo_error err = { 0 };
	struct rev_graph *g = NULL;
	int rc = cli_common_finish(&cc, &err);
	if (rc == 0)
		rc = cli_load_graph(&cc, &g, &err);
	if (rc == 0 && upgrade && !sql && merge_before_upgrade(g, target, &cc, &code)) {
		rev_graph_free(g);   /* several heads: merged on the merge screen, or the error */
		goto done;
	}
	if (rc == 0)
		rc = sql ? run_sql(g, cmd, target, upgrade, no_alembic, &cc, &code, &err)
			 : run_online(g, cmd, target, upgrade, no_alembic, &cc, &code, &err);
	if (rc < 0) {
		fprintf(stderr, "wfo-migrate %s: %s\n", cmd, err.msg);
		code = wfo_exit_code(err.status);
	}
	if (g)
		rev_graph_free(g);
done:
	cli_common_free(&cc);
	return code;
}

int cmd_upgrade(int argc, char **argv)
{
	return migrate_cli(argc, argv, 1);
}
