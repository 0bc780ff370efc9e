/* cmd_migrate_domain_models.c - `wfo-migrate migrate-domain-models`: the
 * differences between the domain models and the database become questions
 * (plan.h), a driver answers them (full screen, line prompts, prefilled
 * answers, defaults), and the change set becomes an Alembic revision on the
 * data branch, optionally applied at once.
 *
 * Nothing is written before every answer is in and validated; the revision
 * file is written atomically and never over an existing file. */
#include "config.h"
#include "commands.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "answers.h"
#include "cli_common.h"
#include "db.h"
#include "mdm.h"
#include "mdm_drive.h"
#include "mdm_session.h"
#include "migrate.h"
#include "plan.h"
#include "prompt_line.h"
#include "revgraph.h"
#include "revid.h"
#include "revwrite.h"
#include "sqlgen.h"
#include "util.h"
#include "wfo_error.h"
#include "wizard.h"

/* From cmd_upgrade.c. */
int migrate_cli(int argc, char **argv, int upgrade);

static void mdm_usage(FILE *out)
{
	fprintf(out,
		"Usage: wfo-migrate migrate-domain-models MESSAGE [--models PATH]\n"
		"           [--inputs JSON|@FILE] [--updates JSON|@FILE] [--test] [--yes]\n"
		"           [--no-tui] [--upgrade] [--confirm-warnings]\n"
		"           [--migrations DIR] [--database-uri URI]\n"
		"Compare the domain models with the product catalogue in the database, ask\n"
		"what cannot be derived (renames, descriptions, tags, fixed input values,\n"
		"default values for existing instances), and write an Alembic revision on the\n"
		"data branch. In a terminal a full-screen wizard asks; otherwise line prompts;\n"
		"with nothing to ask on, every missing answer is listed (exit status 2).\n\n"
		"      --models PATH       a JSON registry, a generator product YAML file, or a\n"
		"                          folder of them (default: ./products)\n"
		"      --inputs JSON|@FILE answers for new things, orchestrator-core's format\n"
		"      --updates JSON|@FILE rename decisions, orchestrator-core's format (any\n"
		"                          content: no rename question is asked)\n"
		"      --test              print the SQL, ask nothing, write nothing\n"
		"      --yes               confirm the changes without asking\n"
		"      --no-tui            line prompts instead of the full-screen wizard\n"
		"      --upgrade           apply the new revision to the database afterwards\n"
		"      --confirm-warnings  go on despite multiple-attribute warnings\n"
		CLI_COMMON_HELP
		"  -h, --help              show this help\n"
		"The last line printed is the path of the written revision file.\n");
}

/* ---- where the revision goes ---- */

struct rev_target {
	char id[13];
	char *dir;              /* the version folder written into */
	char *head;             /* the current data head for display, or "none" */
	struct strvec down, labels, depends;
};

static void target_free(struct rev_target *t)
{
	free(t->dir);
	free(t->head);
	sv_free(&t->down);
	sv_free(&t->labels);
	sv_free(&t->depends);
}

static char *join(const struct strvec *v)
{
	struct strbuf sb = STRBUF_INIT;
	sb_add(&sb, "");
	for (size_t i = 0; i < v->n; i++)
		sb_addf(&sb, "%s%s", i ? ", " : "", v->v[i]);
	return sb_detach(&sb);
}

/* The data head to revise (reference §1.3): on the data branch when there
 * is one; otherwise the new file is the branch's root, depending on the one
 * head of the graph, or on what alembic_version records when the graph has
 * none here (the orchestrator-core schema head lives in its package). */
static int target_prepare(const struct cli_common *cc, PGconn *conn, struct rev_target *t,
			  struct wfo_error *err)
{
	struct rev_graph *g = NULL;
	struct strvec heads = STRVEC_INIT, all = STRVEC_INIT, taken = STRVEC_INIT;
	int has_data = 0, rc = -1;
	if (cli_load_for_write(cc, &g, &t->dir, err) < 0)
		goto out;
	cli_data_heads(g, &heads, &has_data);
	if (has_data) {
		if (heads.n != 1) {
			char *h = join(&heads);
			wfo_fail(err, WFO_GRAPH, "the data branch has %zu heads (%s); merge them first "
				 "with 'wfo-migrate merge -m MESSAGE'", heads.n, h);
			free(h);
			goto out;
		}
		sv_push(&t->down, heads.v[0]);
		t->head = xasprintf("%.12s (data)", heads.v[0]);
	} else {
		rev_graph_heads(g, &all);
		if (all.n > 1) {
			char *h = join(&all);
			wfo_fail(err, WFO_GRAPH, "no revision has the 'data' label and there are several "
				 "heads (%s); merge them first with 'wfo-migrate merge -m MESSAGE'", h);
			free(h);
			goto out;
		}
		sv_push(&t->labels, "data");
		if (all.n == 1) {
			sv_push(&t->depends, all.v[0]);
		} else {
			struct strvec rows = STRVEC_INIT;
			if (db_read_versions(conn, &rows, NULL, err) < 0)
				goto out;
			for (size_t i = 0; i < rows.n; i++)
				if (!sv_contains(&t->depends, rows.v[i]))
					sv_push(&t->depends, rows.v[i]);
			sv_free(&rows);
		}
		t->head = xstrdup("none");
	}
	cli_taken_ids(g, &taken);
	if (revid_new(t->id, &taken, err) < 0)
		goto out;
	rc = 0;
out:
	sv_free(&heads);
	sv_free(&all);
	sv_free(&taken);
	if (g)
		rev_graph_free(g);
	return rc;
}

/* A migration is diffed against the database as it is; revisions of the
 * folder not yet applied would be written again. So the run stops first
 * (exit 4), naming them. A folder that cannot be read or planned is left
 * to the steps after, which report it. */
static int check_unapplied(const struct cli_common *cc, PGconn *conn, struct wfo_error *err)
{
	struct rev_graph *g = NULL;
	struct strvec rows = STRVEC_INIT, pending = STRVEC_INIT;
	struct wfo_error ignored = { 0 };
	int rc = 0;
	if (cli_load_graph(cc, &g, &ignored) < 0)
		return 0;
	if (db_read_versions(conn, &rows, NULL, err) < 0) {
		rc = -1;
	} else if (migrate_unapplied(g, &rows, &pending, &ignored) > 0) {
		struct strbuf sb = STRBUF_INIT;
		for (size_t i = 0; i < pending.n; i++)
			sb_addf(&sb, "  %s\n", pending.v[i]);
		rc = wfo_fail(err, WFO_DB, "the database is behind the revision folder: %zu "
			      "revision%s not applied yet:\n%sA migration written now would repeat "
			      "their changes. Run 'wfo-migrate upgrade' first, then run this command "
			      "again. Nothing was asked or written.", pending.n,
			      pending.n == 1 ? " is" : "s are", sb_str(&sb));
		sb_free(&sb);
	}
	sv_free(&rows);
	sv_free(&pending);
	rev_graph_free(g);
	return rc;
}

/* ---- the run ---- */

struct mdm_run {
	struct mdm_args a;
	struct cli_common cc;
	struct mdm_session s;
	struct plan *plan;
	struct rev_target t;
	struct strvec up, down;
	bool have_target;
	int upgrade_code;       /* exit code of the --upgrade run */
};

/* Upgrade and downgrade SQL of the answered plan (replacing earlier ones). */
static int build_sql(struct mdm_run *r, struct wfo_error *err)
{
	struct changeset cs;
	if (plan_validate(r->plan, err) < 0 || plan_changeset(r->plan, &cs, err) < 0)
		return -1;
	sv_free(&r->up);
	sv_free(&r->down);
	sqlgen_upgrade(&cs, &r->up);
	sqlgen_downgrade(&cs, &r->down);
	changeset_free(&cs);
	return 0;
}

static int write_revision(struct mdm_run *r, const char *message, char **path,
			  struct wfo_error *err)
{
	if (build_sql(r, err) < 0)
		return -1;
	struct revwrite rw = { 0 };
	rw.message = message;
	rw.id = r->t.id;
	rw.down = r->t.down;
	rw.labels = r->t.labels;
	rw.depends = r->t.depends;
	rw.up = (const char *const *)r->up.v;
	rw.nup = r->up.n;
	rw.down_sql = (const char *const *)r->down.v;
	rw.ndown = r->down.n;
	clock_gettime(CLOCK_REALTIME, &rw.created);
	if (revwrite_check(&rw, err) < 0)
		return -1;
	return revwrite_file(r->t.dir, &rw, path, err);
}

/* ---- the wizard's callbacks ---- */

static int wiz_write(void *ctx, const char *message, char **path_out, struct wfo_error *err)
{
	return write_revision(ctx, message, path_out, err);
}

struct progress_ctx {
	wizard_progress_fn fn;
	void *ui;
};

static void on_progress(void *ctx, size_t done, size_t total, const struct rev_step *step)
{
	struct progress_ctx *p = ctx;
	/* setup statements (alembic_version) belong to no step */
	char *what = step ? migrate_step_text(step) : xstrdup("preparing alembic_version");
	p->fn(p->ui, done, total, what);
	free(what);
}

/* The written revision (and any data revision before it that the database
 * lacks), by our executor: one transaction, the advisory lock. Revisions
 * that are not SQL-only are refused here (Alembic would write over the
 * screen); `wfo-migrate upgrade` hands them to Alembic. */
static int wiz_upgrade(void *ctx, wizard_progress_fn fn, void *ui, char **head_out,
		       struct wfo_error *err)
{
	struct mdm_run *r = ctx;
	struct rev_graph *g = NULL;
	struct strvec cur = STRVEC_INIT;
	struct rev_plan plan = { 0 };
	int planned = 0, rc = -1;
	if (cli_load_graph(&r->cc, &g, err) < 0 || db_read_versions(r->s.conn, &cur, NULL, err) < 0)
		goto out;
	if (rev_plan_upgrade(g, &cur, r->t.id, &plan, err) < 0)
		goto out;
	planned = 1;
	struct strbuf foreign = STRBUF_INIT;
	if (migrate_foreign_steps(&plan, &foreign)) {
		wfo_fail(err, WFO_PEER, "these pending revisions are not SQL-only:\n%sNothing was "
			 "changed; run 'wfo-migrate upgrade %s' after the wizard (it hands them to "
			 "Alembic)", sb_str(&foreign), r->t.id);
		sb_free(&foreign);
		goto out;
	}
	sb_free(&foreign);
	struct progress_ctx pc = { fn, ui };
	struct migrate_opts o = { .upgrade = 1, .target = r->t.id,
				  .progress = fn ? on_progress : NULL, .progress_ctx = &pc };
	if (migrate_run(r->s.conn, &cur, &plan, &o, NULL, err) < 0)
		goto out;
	*head_out = xstrdup(r->t.id);
	rc = 0;
out:
	if (planned)
		rev_plan_free(&plan);
	sv_free(&cur);
	if (g)
		rev_graph_free(g);
	return rc;
}

static int run_wizard(struct mdm_run *r, char **path, struct wfo_error *err)
{
	char *revises = r->t.down.n ? join(&r->t.down) : xstrdup("None");
	struct wizard_env env = {
		.message = r->a.message, .database = r->s.db_display, .models = r->s.models_path,
		.head = r->t.head, .write_dir = r->t.dir, .revision_id = r->t.id,
		.revises = revises, .branch = "data",
		.model = r->s.model, .db = r->s.db, .extra = r->s.extra, .diff = &r->s.diff,
		.plan = r->plan, .write = wiz_write, .upgrade = wiz_upgrade, .ctx = r,
		.upgrade_default = r->a.upgrade,
	};
	enum wizard_result res = wizard_run(&env, path, err);
	free(revises);
	switch (res) {
	case WIZARD_WRITTEN:
		return 0;
	case WIZARD_NOTHING:
		return 1;
	case WIZARD_QUIT:
		return wfo_fail(err, WFO_ABORTED, "quit without writing a revision");
	case WIZARD_INTERRUPTED:
		return wfo_fail(err, WFO_ABORTED, "interrupted; no revision was written");
	case WIZARD_ERROR:
	default:
		return -1;
	}
}

/* Defaults, then the report of what is missing. -1 (WFO_UNANSWERED) when
 * something is still open. */
static int run_noninteractive(struct mdm_run *r, struct wfo_error *err)
{
	size_t open = mdm_drive_defaults(stderr, r->plan);
	if (!open)
		return 0;
	mdm_report_missing(stderr, r->plan);
	return wfo_fail(err, WFO_UNANSWERED, "%zu answer(s) missing (listed above); nothing was "
			"written", open);
}

static void print_sql(const struct mdm_run *r)
{
	printf("NOTE: Running in test mode. No migration file will be generated.\n\n-- upgrade\n");
	for (size_t i = 0; i < r->up.n; i++)
		printf("%s;\n", r->up.v[i]);
	printf("\n-- downgrade\n");
	for (size_t i = 0; i < r->down.n; i++)
		printf("%s;\n", r->down.v[i]);
}

static int load_answers(struct mdm_run *r, struct wfo_error *err)
{
	if (r->a.updates) {
		char *text = mdm_read_json_arg("--updates", r->a.updates, err);
		if (!text || answers_load_updates(r->plan, text, err) < 0) {
			free(text);
			return -1;
		}
		free(text);
	}
	if (r->a.inputs) {
		char *text = mdm_read_json_arg("--inputs", r->a.inputs, err);
		if (!text || answers_load_inputs(r->plan, text, err) < 0) {
			free(text);
			return -1;
		}
		free(text);
	}
	if (r->a.yes || r->a.test)   /* --test writes nothing: no confirmation */
		plan_set_answer(r->plan, "--yes", "y");
	return 0;
}

/* Applies the written revision with `wfo-migrate upgrade <id>` (which hands
 * the run to Alembic when a pending revision is not SQL-only). */
static int upgrade_after(struct mdm_run *r)
{
	char *argv[8];
	int argc = 0;
	argv[argc++] = "upgrade";
	argv[argc++] = r->t.id;
	argv[argc++] = "--migrations";
	argv[argc++] = r->cc.migrations;
	if (r->cc.database_uri) {
		argv[argc++] = "--database-uri";
		argv[argc++] = r->cc.database_uri;
	}
	argv[argc] = NULL;
	return migrate_cli(argc, argv, 1);
}

static int run(struct mdm_run *r, struct wfo_error *err)
{
	const char *uri = r->a.database_uri ? r->a.database_uri : getenv("DATABASE_URI");
	if (r->a.migrations)
		cli_common_option(&r->cc, CLI_OPT_MIGRATIONS, r->a.migrations);
	if (uri && *uri)
		cli_common_option(&r->cc, CLI_OPT_DATABASE_URI, uri);
	if (cli_common_finish(&r->cc, err) < 0)
		return -1;
	if (mdm_session_open(&r->s, r->a.models, r->cc.database_uri, true, err) < 0)
		return -1;
	if (check_unapplied(&r->cc, r->s.conn, err) < 0)
		return -1;
	if (diff_is_empty(&r->s.diff)) {
		printf("The domain models and the database agree: nothing to do.\n");
		return 0;
	}
	r->plan = plan_new(r->s.model, r->s.db, &r->s.diff);
	if (load_answers(r, err) < 0)
		return -1;
	if (!r->a.test) {
		r->have_target = true;
		if (target_prepare(&r->cc, r->s.conn, &r->t, err) < 0)
			return -1;
	}

	bool in_tty = isatty(0), out_tty = isatty(1);
	enum mdm_mode mode = r->a.test ? MDM_MODE_NONINTERACTIVE
		: mdm_choose_mode(r->a.no_tui, wizard_available(), in_tty, out_tty,
				  mdm_fd_has_input(0));
	char *path = NULL;
	if (mode == MDM_MODE_TUI) {
		int w = run_wizard(r, &path, err);
		if (w < 0)
			return -1;
		if (w == 1) {
			printf("The domain models and the database agree: nothing to do.\n");
			return 0;
		}
		printf("%s\n", path);
		free(path);
		return 0;
	}
	if (mode == MDM_MODE_LINES) {
		struct pl lp;
		pl_init(&lp, stdin, stdout);
		struct mdm_drive_opts o = { .confirm_warnings = r->a.confirm_warnings,
					    .ask_confirm = !r->a.test };
		if (mdm_drive_lines(&lp, r->plan, &r->s.diff, &o, err) < 0) {
			if (err->status != WFO_UNANSWERED)
				return -1;
			fprintf(stderr, "wfo-migrate migrate-domain-models: %s\n", err->msg);
			mode = MDM_MODE_NONINTERACTIVE;   /* end of input: report the rest */
		}
	}
	if (mode == MDM_MODE_NONINTERACTIVE && run_noninteractive(r, err) < 0)
		return -1;
	if (build_sql(r, err) < 0)
		return -1;
	if (r->a.test) {
		print_sql(r);
		return 0;
	}
	if (!r->up.n && !r->down.n) {
		printf("Nothing to do\n");
		return 0;
	}
	printf("\nGenerating migration file\n");
	fflush(stdout);
	if (write_revision(r, r->a.message, &path, err) < 0)
		return -1;
	printf("Migration generated. Don't forget to create a database backup before migrating!\n");
	fflush(stdout);
	if (r->a.upgrade) {
		db_close(r->s.conn);   /* the upgrade opens its own connection */
		r->s.conn = NULL;
		r->upgrade_code = upgrade_after(r);
		if (r->upgrade_code != 0)
			fprintf(stderr, "wfo-migrate migrate-domain-models: the revision was written but "
				"not applied; the database is unchanged\n");
	}
	printf("%s\n", path);
	free(path);
	return 0;
}

int cmd_migrate_domain_models(int argc, char **argv)
{
	struct mdm_run r = { .cc = CLI_COMMON_INIT, .s = MDM_SESSION_INIT };
	struct wfo_error err = { 0 };
	if (mdm_parse_args(argc, argv, &r.a, &err) < 0) {
		fprintf(stderr, "wfo-migrate %s\n", err.msg);
		mdm_usage(stderr);
		return 2;
	}
	if (r.a.help) {
		mdm_usage(stdout);
		return 0;
	}
	int rc = run(&r, &err);
	int code = 0;
	if (rc < 0) {
		fflush(stdout);
		fprintf(stderr, "wfo-migrate migrate-domain-models: %s\n", err.msg);
		code = wfo_exit_code(err.status);
	} else {
		code = r.upgrade_code;
	}
	if (r.plan)
		plan_free(r.plan);
	if (r.have_target)
		target_free(&r.t);
	sv_free(&r.up);
	sv_free(&r.down);
	mdm_session_close(&r.s);
	cli_common_free(&r.cc);
	return code;
}
