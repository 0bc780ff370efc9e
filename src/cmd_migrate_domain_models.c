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
#include "atomicfile.h"
#include "cli_common.h"
#include "db.h"
#include "dryrun.h"
#include "dsummary.h"
#include "mdm.h"
#include "merge_cli.h"
#include "mdm_drive.h"
#include "mdm_session.h"
#include "migrate.h"
#include "plan.h"
#include "prompt_line.h"
#include "revgraph.h"
#include "revid.h"
#include "revwrite.h"
#include "shellquote.h"
#include "sqlgen.h"
#include "tutorial_wizard.h"
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
		"           [--no-tui] [--upgrade] [--confirm-warnings] [--dry-run]\n"
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
		"                          content: no rename question is asked, unless it\n"
		"                          holds \"ask_other_renames\": true)\n"
		"      --test              print the SQL, ask nothing, write nothing\n"
		"      --yes               confirm the changes without asking (the summary,\n"
		"                          every deletion counted, is printed first)\n"
		"      --no-tui            line prompts instead of the full-screen wizard\n"
		"      --upgrade           apply the new revision to the database afterwards\n"
		"      --confirm-warnings  go on despite multiple-attribute warnings\n"
		"      --dry-run           ask nothing, write nothing: run the upgrade SQL and then\n"
		"                          the downgrade SQL in one transaction that is rolled\n"
		"                          back, print the rows each statement touches and\n"
		"                          whether the catalogue comes back (exit 0: it does,\n"
		"                          1: some rows cannot come back, 4: a statement fails)\n"
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

/* The data head to revise : on the data branch when there
 * is one; otherwise the new file is the branch's root, depending on the one
 * head of the graph, or on what alembic_version records when the graph has
 * none here (the orchestrator-core schema head lives in its package). */
static int target_prepare(const struct cli_common *cc, PGconn *conn, struct rev_target *t,
			  struct strvec *blocked, struct wfo_error *err)
{
	struct rev_graph *g = NULL;
	struct strvec heads = STRVEC_INIT, all = STRVEC_INIT, taken = STRVEC_INIT;
	int has_data = 0, rc = -1;
	if (cli_load_for_write(cc, &g, &t->dir, err) < 0)
		goto out;
	cli_data_heads(g, &heads, &has_data);
	if (has_data) {
		if (heads.n != 1) {
			char *h = join(&heads), *cmd = merge_command_text(&heads, cc);
			wfo_fail(err, WFO_GRAPH, "the data branch has %zu heads (%s); merge them first:\n"
				 "    %s", heads.n, h, cmd);
			for (size_t i = 0; i < heads.n; i++)
				sv_push(blocked, heads.v[i]);
			free(h);
			free(cmd);
			goto out;
		}
		sv_push(&t->down, heads.v[0]);
		t->head = xasprintf("%.12s (data)", heads.v[0]);
	} else {
		rev_graph_heads(g, &all);
		if (all.n > 1) {
			char *h = join(&all), *cmd = merge_command_text(&all, cc);
			wfo_fail(err, WFO_GRAPH, "no revision has the 'data' label and there are several "
				 "heads (%s); merge them first:\n    %s", h, cmd);
			for (size_t i = 0; i < all.n; i++)
				sv_push(blocked, all.v[i]);
			free(h);
			free(cmd);
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
	/* several data heads: the heads are the first thing to resolve (the
	 * error after names the merge command; after a merge this runs again) */
	struct strvec heads = STRVEC_INIT;
	size_t ndata = 0;
	rev_graph_heads(g, &heads);
	for (size_t i = 0; i < heads.n; i++)
		if (rev_graph_on_branch(g, heads.v[i], "data") > 0)
			ndata++;
	sv_free(&heads);
	if (ndata > 1) {
		rev_graph_free(g);
		return 0;
	}
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
	char *written_message;  /* the message the wizard wrote the revision with */
	bool applied;           /* the wizard's upgrade committed */
	char *upgrade_error;    /* the wizard's upgrade failed: why */
	bool upgrade_stopped;   /* ... because the user stopped it (rolled back) */
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

/* ---- the summary, deletions counted in the database ---- */

static int count_summary(void *ctx, const struct changeset *cs, struct dsum *out,
			 struct wfo_error *err)
{
	struct mdm_run *r = ctx;
	return dsum_build(r->s.conn, cs, out, err);
}

/* The summary of the answered plan on stdout (--yes runs: nobody was asked
 * to confirm, so the output says what the revision does). */
static int print_summary(struct mdm_run *r, struct wfo_error *err)
{
	struct changeset cs;
	struct dsum s;
	if (plan_changeset(r->plan, &cs, err) < 0)
		return -1;
	int rc = dsum_build(r->s.conn, &cs, &s, err);
	changeset_free(&cs);
	if (rc < 0)
		return -1;
	struct strbuf sb = STRBUF_INIT;
	dsum_render(&s, &sb);
	printf("\nSummary of the changes:\n%s", sb_str(&sb));
	sb_free(&sb);
	dsum_free(&s);
	return 0;
}

/* ---- the wizard's callbacks ---- */

static int wiz_write(void *ctx, const char *message, char **path_out, struct wfo_error *err)
{
	struct mdm_run *r = ctx;
	if (write_revision(r, message, path_out, err) < 0)
		return -1;
	free(r->written_message);
	r->written_message = xstrdup(message);
	return 0;
}

/* The dry run of the plan's SQL on the session's connection; *report_out
 * (heap) gets the report in every case. */
static int dry_run(struct mdm_run *r, char **report_out, struct wfo_error *err)
{
	*report_out = NULL;
	if (build_sql(r, err) < 0)
		return -1;
	struct dryrun_report rep;
	enum dryrun_verdict v = dryrun_run(r->s.conn, &r->up, &r->down, &rep, err);
	struct strbuf sb = STRBUF_INIT;
	dryrun_render(&rep, &sb);
	dryrun_report_free(&rep);
	*report_out = sb_detach(&sb);
	return v == DRYRUN_FAILED ? -1 : v == DRYRUN_LOSSY ? 1 : 0;
}

static int wiz_dry_run(void *ctx, char **report_out, struct wfo_error *err)
{
	return dry_run(ctx, report_out, err);
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
	struct migrate_opts o = { .upgrade = 1, .target = r->t.id };
	struct migrate_screen ms;
	migrate_screen_attach(&o, &ms, fn, ui);
	if (migrate_run(r->s.conn, &cur, &plan, &o, NULL, err) < 0)
		goto out;
	*head_out = xstrdup(r->t.id);
	r->applied = true;
	rc = 0;
out:
	if (rc < 0) {
		free(r->upgrade_error);
		r->upgrade_error = xstrdup(err->msg);
		r->upgrade_stopped = err->status == WFO_ABORTED;
	}
	if (planned)
		rev_plan_free(&plan);
	sv_free(&cur);
	if (g)
		rev_graph_free(g);
	return rc;
}

/* The answers of this run written beside the revision file
 * (<file without .py>.inputs.json, and .updates.json when renames were
 * decided), for the command that reproduces the run. Paths in *in_path /
 * *up_path (heap; NULL when not written). A failure is said on stderr: the
 * revision stands without them. */
static void write_answers_beside(struct mdm_run *r, const char *rev_path, char **in_path,
				 char **up_path)
{
	*in_path = *up_path = NULL;
	size_t n = strlen(rev_path);
	size_t stem = n > 3 && !strcmp(rev_path + n - 3, ".py") ? n - 3 : n;
	struct plan_updates u;
	memset(&u, 0, sizeof u);
	plan_current_updates(r->plan, &u);
	bool renames = u.fi_old.n || u.rt_old.n || u.brt_old.n;
	plan_updates_free(&u);
	struct wfo_error e = { 0 };
	char *ip = xasprintf("%.*s.inputs.json", (int)stem, rev_path);
	char *text = answers_dump_inputs(r->plan);
	if (atomic_create(ip, text, strlen(text), &e) == 0) {
		*in_path = ip;
	} else {
		fprintf(stderr, "wfo-migrate migrate-domain-models: the answers were not saved: %s\n", e.msg);
		free(ip);
	}
	free(text);
	if (!renames || !*in_path)
		return;
	char *upp = xasprintf("%.*s.updates.json", (int)stem, rev_path);
	text = answers_dump_updates(r->plan);
	if (atomic_create(upp, text, strlen(text), &e) == 0) {
		*up_path = upp;
	} else {
		fprintf(stderr, "wfo-migrate migrate-domain-models: the renames were not saved: %s\n", e.msg);
		free(upp);
	}
	free(text);
}

/* Whether a connection string carries a password (then it is not printed). */
static bool uri_has_password(const char *uri)
{
	const char *s = strstr(uri, "://");
	if (!s)
		return strstr(uri, "password") != NULL;
	s += 3;
	const char *at = strrchr(s, '@');
	return (at && memchr(s, ':', (size_t)(at - s))) || strstr(uri, "password=");
}

static void arg(struct strbuf *sb, const char *opt, const char *value)
{
	sb_add(sb, " ");
	sb_add(sb, opt);
	if (value) {
		sb_add(sb, " ");
		shell_quote(sb, value);
	}
}

/* What stays on the terminal after the wizard: the file, the new head,
 * whether it was applied, the backup reminder and the unattended command
 * that gives the same answers. */
static void print_result(struct mdm_run *r, const char *path)
{
	char *in_path, *up_path;
	write_answers_beside(r, path, &in_path, &up_path);
	printf("Revision written: %s\n", path);
	printf("New head of the data branch: %s (revises %s)\n", r->t.id,
	       r->t.down.n ? r->t.down.v[0] : "nothing: the first data revision");
	struct strbuf up = STRBUF_INIT;
	sb_add(&up, "wfo-migrate upgrade");
	if (r->a.migrations)
		arg(&up, "--migrations", r->a.migrations);
	if (r->applied) {
		printf("Applied: yes, the database is at %s.\n", r->t.id);
	} else if (r->upgrade_stopped) {
		printf("Applied: no, the upgrade was stopped and rolled back; the database is unchanged.\n");
		printf("Apply later: %s\n", sb_str(&up));
	} else if (r->upgrade_error) {
		const char *nl = strchr(r->upgrade_error, '\n');
		printf("Applied: no, the upgrade failed and changed nothing (%.*s).\n",
		       nl ? (int)(nl - r->upgrade_error) : (int)strlen(r->upgrade_error), r->upgrade_error);
		printf("Apply later: %s\n", sb_str(&up));
	} else {
		printf("Applied: no. Apply later: %s\n", sb_str(&up));
	}
	printf("Back up the database before applying this in production.\n");
	if (in_path) {
		struct strbuf cmd = STRBUF_INIT;
		sb_add(&cmd, "wfo-migrate migrate-domain-models ");
		shell_quote(&cmd, r->written_message ? r->written_message : r->a.message);
		arg(&cmd, "--models", r->s.models_path);
		if (r->a.migrations)
			arg(&cmd, "--migrations", r->a.migrations);
		bool hidden = r->a.database_uri && uri_has_password(r->a.database_uri);
		if (r->a.database_uri && !hidden)
			arg(&cmd, "--database-uri", r->a.database_uri);
		char *at = xasprintf("@%s", in_path);
		arg(&cmd, "--inputs", at);
		free(at);
		if (up_path) {
			at = xasprintf("@%s", up_path);
			arg(&cmd, "--updates", at);
			free(at);
		}
		arg(&cmd, "--yes", NULL);
		arg(&cmd, "--no-tui", NULL);
		if (r->a.upgrade)
			arg(&cmd, "--upgrade", NULL);
		printf("The same run without questions (answers saved beside the revision)%s:\n  %s\n",
		       hidden ? "; give the database as DATABASE_URI, its password is not printed" : "",
		       sb_str(&cmd));
		sb_free(&cmd);
	}
	sb_free(&up);
	free(in_path);
	free(up_path);
}

static int run_wizard(struct mdm_run *r, char **path, struct wfo_error *err)
{
	char *revises = r->t.down.n ? join(&r->t.down) : xstrdup("None");
	struct wizard_env env = {
		.message = r->a.message, .database = r->s.db_display, .models = r->s.models_path,
		.head = r->t.head, .write_dir = r->t.dir, .revision_id = r->t.id,
		.revises = revises, .branch = "data",
		.model = r->s.model, .db = r->s.db, .extra = r->s.extra, .diff = &r->s.diff,
		.plan = r->plan, .write = wiz_write, .upgrade = wiz_upgrade, .dry_run = wiz_dry_run, .summary = count_summary, .ctx = r,
		.upgrade_default = r->a.upgrade,
	};
	struct tutorial_wizard *tw = NULL;   /* started by the tutorial: its lesson panel */
	if (tutorial_wizard_from_env(&tw, err) < 0) {
		free(revises);
		return -1;
	}
	env.lesson = tutorial_wizard_lesson(tw);
	enum wizard_result res = wizard_run(&env, path, err);
	tutorial_wizard_free(tw);
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
	if (r->a.yes || r->a.test || r->a.dry_run)   /* they write nothing: no confirmation */
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
	if (!r->a.test && !r->a.dry_run) {
		r->have_target = true;
		struct strvec blocked = STRVEC_INIT;
		int rc = target_prepare(&r->cc, r->s.conn, &r->t, &blocked, err);
		if (rc < 0 && blocked.n && !r->a.no_tui && merge_offer_possible()) {
			/* several data heads: the merge screen, then the wizard */
			bool upgraded;
			printf("%s\n", err->msg);
			int m = merge_offer("migrate-domain-models", "Open the merge screen to merge them?",
					    true, "migrate-domain-models: a new revision needs one data "
					    "head; merge them here, or q to leave", &r->cc, false,
					    &upgraded, err);
			if (m == 1) {
				target_free(&r->t);
				memset(&r->t, 0, sizeof r->t);
				sv_free(&blocked);
				rc = target_prepare(&r->cc, r->s.conn, &r->t, &blocked, err);
				if (rc == 0 && check_unapplied(&r->cc, r->s.conn, err) < 0)
					rc = -1;
			} else if (m == 0) {
				rc = -1;   /* declined: the error with the merge command stands */
			}
		}
		sv_free(&blocked);
		if (rc < 0)
			return -1;
	}

	bool in_tty = isatty(0), out_tty = isatty(1);
	enum mdm_mode mode = r->a.test || r->a.dry_run ? MDM_MODE_NONINTERACTIVE
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
		print_result(r, path);
		printf("%s\n", path);
		free(path);
		return 0;
	}
	if (mode == MDM_MODE_LINES) {
		struct pl lp;
		pl_init(&lp, stdin, stdout);
		struct mdm_drive_opts o = { .confirm_warnings = r->a.confirm_warnings,
					    .ask_confirm = !r->a.test,
					    .summary = count_summary, .summary_ctx = r };
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
	if (r->a.test)
		print_sql(r);
	if (r->a.dry_run) {
		if (r->a.test)
			printf("\n");
		char *report = NULL;
		int v = dry_run(r, &report, err);
		fputs(report ? report : "", stdout);
		free(report);
		if (v < 0)
			return -1;
		r->upgrade_code = v;   /* 1: some rows cannot come back */
		return 0;
	}
	if (r->a.test)
		return 0;
	if (!r->up.n && !r->down.n) {
		printf("Nothing to do\n");
		return 0;
	}
	if (r->a.yes && print_summary(r, err) < 0)
		return -1;
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
	free(r.written_message);
	free(r.upgrade_error);
	sv_free(&r.up);
	sv_free(&r.down);
	mdm_session_close(&r.s);
	cli_common_free(&r.cc);
	return code;
}
