/* cmd_merge.c - `wfo-migrate merge`: a revision that merges heads. In a
 * terminal without revisions or a message on the command line it opens
 * the merge screen (ui/merge_ui.h); otherwise, or with --no-tui, it writes
 * the merge at once. Also the offer of the merge screen where several
 * heads block other commands (merge_cli.h). */
#include "config.h"
#include "commands.h"
#include "merge_cli.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli_common.h"
#include "db.h"
#include "merge.h"
#include "merge_ui.h"
#include "migrate.h"
#include "pguri.h"
#include "revgraph.h"
#include "revid.h"
#include "tui.h"
#include "util.h"
#include "wfo_error.h"

#define DEFAULT_MESSAGE "merge heads"

static void merge_usage(FILE *out)
{
	fprintf(out,
		"Usage: wfo-migrate merge [REV...] [-m MESSAGE] [--screen | --no-tui]\n"
		"                         [--migrations DIR] [--database-uri URI]\n"
		"Write a merge revision whose down_revision is the given revisions (default:\n"
		"all heads of the data branch, or all heads when there is no data label) and\n"
		"print the file's path. In a terminal, without REV and -m, the merge screen\n"
		"opens: the heads as a graph down to their common ancestor, what each\n"
		"revision changes and whether it is applied, collisions between the heads,\n"
		"the order of the upgrade after the merge, then writing (and applying) it.\n\n"
		"  -m, --message MESSAGE  the revision's message (with --screen: the message\n"
		"                         the screen starts with)\n"
		"      --screen           open the merge screen also with -m (in a terminal)\n"
		"      --no-tui           never open the merge screen\n"
		CLI_COMMON_HELP
		"  -h, --help             show this help\n");
}

/* ---- the merge screen ---- */

struct merge_run {
	const struct cli_common *cc;
	PGconn *conn;
	char *dir;
	struct merge_model *model;
};

static int cb_write(void *ctx, const struct strvec *down, const char *message, char **path,
		    struct wfo_error *err)
{
	struct merge_run *r = ctx;
	return merge_write(r->dir, r->model->new_id, down, message, path, err);
}

/* `upgrade heads` by our executor, on the graph as the files are now (with
 * the merge): one transaction under the advisory lock. Revisions that are
 * not SQL-only are refused here (Alembic would write over the screen). */
static int cb_upgrade(void *ctx, merge_ui_progress_fn fn, void *ui, char **head_out,
		      struct wfo_error *err)
{
	struct merge_run *r = ctx;
	struct rev_graph *g = NULL;
	struct strvec cur = STRVEC_INIT;
	struct rev_plan plan = { 0 };
	int planned = 0, rc = -1;
	if (cli_load_graph(r->cc, &g, err) < 0 || db_read_versions(r->conn, &cur, NULL, err) < 0)
		goto out;
	if (rev_plan_upgrade(g, &cur, "heads", &plan, err) < 0)
		goto out;
	planned = 1;
	struct strbuf foreign = STRBUF_INIT;
	if (migrate_foreign_steps(&plan, &foreign)) {
		wfo_fail(err, WFO_PEER, "these pending revisions are not SQL-only:\n%sNothing was "
			 "changed; run 'wfo-migrate upgrade heads' after the merge screen (it hands "
			 "them to Alembic)", sb_str(&foreign));
		sb_free(&foreign);
		goto out;
	}
	sb_free(&foreign);
	struct migrate_opts o = { .upgrade = 1, .target = "heads" };
	struct migrate_screen ms;
	migrate_screen_attach(&o, &ms, fn, ui);
	if (migrate_run(r->conn, &cur, &plan, &o, NULL, err) < 0)
		goto out;
	struct strbuf sb = STRBUF_INIT;
	sb_add(&sb, "");
	for (size_t i = 0; i < plan.heads_after.n; i++)
		sb_addf(&sb, "%s%s", i ? ", " : "", plan.heads_after.v[i]);
	*head_out = sb_detach(&sb);
	rc = 0;
out:
	if (planned)
		rev_plan_free(&plan);
	sv_free(&cur);
	if (g)
		rev_graph_free(g);
	return rc;
}

/* 1 written, 0 left without writing, -1 err. */
static int run_screen(const struct cli_common *cc, const char *cmd, const char *reason,
		      const char *message, bool upgrade_default, char **path, bool *upgraded,
		      struct wfo_error *err)
{
	struct merge_run r = { .cc = cc };
	struct rev_graph *g = NULL;
	struct strvec taken = STRVEC_INIT, cur = STRVEC_INIT;
	char *note = NULL, *display = NULL;
	int rc = -1;
	if (cli_load_for_write(cc, &g, &r.dir, err) < 0) {
		if (g)
			rev_graph_free(g);
		goto out;
	}
	cli_taken_ids(g, &taken);
	struct wfo_error dberr = { 0 };
	bool have = db_connect(cc->database_uri, &r.conn, &dberr) == 0 &&
		    db_read_versions(r.conn, &cur, NULL, &dberr) == 0;
	if (!have) {
		note = xstrdup("the database could not be read");
		db_close(r.conn);
		r.conn = NULL;
	}
	display = cc->database_uri && *cc->database_uri ? pguri_display(cc->database_uri)
		: r.conn ? db_describe(r.conn) : xstrdup("(none: applied marks unknown)");
	if (merge_model_new(g, have ? &cur : NULL, note, &taken, &r.model, err) < 0)
		goto out;
	struct merge_ui_env env = {
		.model = r.model, .command = cmd, .reason = reason, .database = display,
		.write_dir = r.dir, .message = message ? message : DEFAULT_MESSAGE, .write = cb_write,
		.upgrade = r.conn ? cb_upgrade : NULL, .ctx = &r, .upgrade_default = upgrade_default,
	};
	switch (merge_ui_run(&env, path, upgraded, err)) {
	case MERGE_UI_WRITTEN:
		rc = 1;
		break;
	case MERGE_UI_QUIT:
		rc = 0;
		break;
	case MERGE_UI_INTERRUPTED:
	case MERGE_UI_ERROR:
	default:
		rc = -1;
		break;
	}
out:
	merge_model_free(r.model);
	db_close(r.conn);
	free(r.dir);
	free(note);
	free(display);
	sv_free(&taken);
	sv_free(&cur);
	return rc;
}

bool merge_offer_possible(void)
{
	return isatty(STDIN_FILENO) && isatty(STDOUT_FILENO) && ui_possible();
}

static void add_word(struct strbuf *sb, const char *w)
{
	if (*w && strspn(w, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-./@+") == strlen(w)) {
		sb_addf(sb, " %s", w);
		return;
	}
	sb_add(sb, " '");
	for (const char *p = w; *p; p++)
		sb_add(sb, *p == '\'' ? "'\\''" : (char[]){ *p, 0 });
	sb_add(sb, "'");
}

char *merge_command_text(const struct strvec *heads, const struct cli_common *cc)
{
	struct strbuf sb = STRBUF_INIT;
	sb_add(&sb, "wfo-migrate merge");
	for (size_t i = 0; i < heads->n; i++)
		add_word(&sb, heads->v[i]);
	sb_add(&sb, " -m \"" DEFAULT_MESSAGE "\"");
	if (cc && cc->migrations && !cc->ini_path && strcmp(cc->migrations, "migrations")) {
		sb_add(&sb, " --migrations");
		add_word(&sb, cc->migrations);
	}
	return sb_detach(&sb);
}

/* 1 yes, 0 no (also at the end of input). */
static int ask(const char *question, bool def_yes)
{
	printf("%s %s ", question, def_yes ? "[Y/n]" : "[y/N]");
	fflush(stdout);
	char line[64];
	if (!fgets(line, sizeof line, stdin))
		return 0;
	char *p = line;
	while (*p == ' ' || *p == '\t')
		p++;
	if (*p == '\n' || !*p)
		return def_yes;
	return *p == 'y' || *p == 'Y';
}

int merge_offer(const char *cmd, const char *question, bool def_yes, const char *reason,
		const struct cli_common *cc, bool upgrade_default, bool *upgraded,
		struct wfo_error *err)
{
	*upgraded = false;
	if (!ask(question, def_yes))
		return 0;
	char *path = NULL;
	int rc = run_screen(cc, cmd, reason, NULL, upgrade_default, &path, upgraded, err);
	if (rc == 1) {
		printf("%s\n", path);
		fflush(stdout);
	}
	free(path);
	return rc == 0 ? 2 : rc;
}

/* "a1b2c3d4e5f6 (message), ..." of the heads, for the offer's first line. */
static char *heads_text(const struct rev_graph *g, const struct strvec *heads)
{
	struct strbuf sb = STRBUF_INIT;
	sb_add(&sb, "");
	for (size_t i = 0; i < heads->n; i++) {
		const struct revision *r = rev_graph_lookup(g, heads->v[i]);
		sb_addf(&sb, "%s%s", i ? ", " : "", heads->v[i]);
		if (r && r->doc && *r->doc)
			sb_addf(&sb, " (%s)", r->doc);
	}
	return sb_detach(&sb);
}

int merge_before_upgrade(const struct rev_graph *g, const char *target,
			 const struct cli_common *cc, int *exit_code)
{
	struct strvec heads = STRVEC_INIT, res = STRVEC_INIT;
	int has_label = 0, done = 0;
	cli_data_heads(g, &heads, &has_label);
	struct wfo_error rerr = { 0 };
	/* relative targets (+1, data@+1) depend on the rows: not judged here */
	bool relative = strchr(target, '+') || target[0] == '-';
	bool blocked = !relative && rev_graph_resolve(g, target, NULL, &res, &rerr) < 0 &&
		       strstr(rerr.msg, "Multiple heads");
	bool all = !strcmp(target, "heads");
	sv_free(&res);
	if (heads.n < 2 || (!blocked && !all))
		goto out;
	char *cmdtext = merge_command_text(&heads, cc);
	const char *branch = has_label ? "the data branch" : "the revision graph";
	if (!merge_offer_possible()) {
		if (blocked) {
			fprintf(stderr, "wfo-migrate upgrade: %s\n%s has %zu heads (", rerr.msg,
				has_label ? "The data branch" : "The revision graph", heads.n);
			for (size_t i = 0; i < heads.n; i++)
				fprintf(stderr, "%s%s", i ? ", " : "", heads.v[i]);
			fprintf(stderr, "); merge them first:\n    %s\n", cmdtext);
			*exit_code = wfo_exit_code(rerr.status);
			done = 1;
		}
		free(cmdtext);
		goto out;
	}
	char *ht = heads_text(g, &heads);
	printf("%s has %zu heads: %s.\n", has_label ? "The data branch" : "The revision graph",
	       heads.n, ht);
	if (blocked)
		printf("'%s' is ambiguous with several heads (%s).\n", target, rerr.msg);
	else
		printf("Upgrading to all of them leaves the database with %zu heads,\n"
		       "and orchestrator-core does not start like that.\n", heads.n);
	char *reason = xasprintf("upgrade %s: %s has %zu heads; merge them here, or q to leave",
				 target, branch, heads.n);
	bool upgraded = false;
	struct wfo_error err = { 0 };
	int rc = merge_offer("upgrade", blocked ? "Open the merge screen to merge them?"
				 : "Merge them first, in the merge screen?", blocked, reason, cc, true,
			     &upgraded, &err);
	free(reason);
	free(ht);
	if (rc < 0) {
		fprintf(stderr, "wfo-migrate upgrade: %s\n", err.msg);
		*exit_code = wfo_exit_code(err.status);
		done = 1;
	} else if (rc == 1) {
		if (!upgraded)
			fprintf(stderr, "wfo-migrate upgrade: the merge revision is written but not "
				"applied; run 'wfo-migrate upgrade heads' to apply it\n");
		*exit_code = 0;
		done = 1;
	} else if (blocked) {
		fprintf(stderr, "wfo-migrate upgrade: %s\nMerge the heads first:\n    %s\n", rerr.msg,
			cmdtext);
		*exit_code = wfo_exit_code(rerr.status);
		done = 1;
	} else if (rc == 2) {
		/* left the merge screen: the upgrade the offer interrupted does not run */
		fprintf(stderr, "wfo-migrate upgrade: left the merge screen; nothing was written "
			"or upgraded\n");
		*exit_code = wfo_exit_code(WFO_ABORTED);
		done = 1;
	}
	free(cmdtext);
out:
	sv_free(&heads);
	return done;
}

/* ---- without the screen ---- */

static int do_merge(char **revs, int nrevs, const char *message, const struct cli_common *cc,
		    struct wfo_error *err)
{
	struct strvec taken = STRVEC_INIT, down = STRVEC_INIT;
	struct rev_graph *g = NULL;
	char *dir = NULL, *path = NULL;
	char id[13];
	int rc = -1, has_data;

	if (cli_load_for_write(cc, &g, &dir, err) < 0)
		goto out;
	cli_taken_ids(g, &taken);
	if (nrevs == 0) {
		cli_data_heads(g, &down, &has_data);
	} else {
		for (int i = 0; i < nrevs; i++) {
			struct strvec res = STRVEC_INIT;
			if (rev_graph_resolve(g, revs[i], NULL, &res, err) < 0) {
				wfo_error_prefix(err, "%s: ", revs[i]);
				sv_free(&res);
				goto out;
			}
			for (size_t j = 0; j < res.n; j++)
				if (!sv_contains(&down, res.v[j]))
					sv_push(&down, res.v[j]);
			sv_free(&res);
		}
	}
	if (down.n < 2) {
		wfo_fail(err, WFO_USAGE, "nothing to merge: %s",
			 down.n ? "only one revision given or found as head" : "no heads found");
		goto out;
	}
	if (revid_new(id, &taken, err) < 0 || merge_write(dir, id, &down, message, &path, err) < 0)
		goto out;
	printf("%s\n", path);
	rc = 0;
out:
	free(path);
	free(dir);
	sv_free(&down);
	sv_free(&taken);
	if (g)
		rev_graph_free(g);
	return rc;
}

int cmd_merge(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "message", required_argument, NULL, 'm' },
		{ "no-tui", no_argument, NULL, 'T' },
		{ "screen", no_argument, NULL, 'S' },
		{ "help", no_argument, NULL, 'h' },
		CLI_COMMON_LONG_OPTIONS,
		{ NULL, 0, NULL, 0 }
	};
	struct cli_common cc = CLI_COMMON_INIT;
	const char *message = NULL;
	bool no_tui = false, screen = false;
	int c, code = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, "m:h", opts, NULL)) != -1) {
		if (cli_common_option(&cc, c, optarg))
			continue;
		switch (c) {
		case 'm': message = optarg; break;
		case 'T': no_tui = true; break;
		case 'S': screen = true; break;
		case 'h': merge_usage(stdout); goto done;
		default: merge_usage(stderr); code = 2; goto done;
		}
	}
	struct wfo_error err = { 0 };
	if (cli_common_finish(&cc, &err) < 0) {
		code = cli_report(&err);
		goto done;
	}
	if (screen && no_tui) {
		fprintf(stderr, "wfo-migrate merge: --screen and --no-tui exclude each other\n");
		code = 2;
		goto done;
	}
	if (screen && optind < argc) {
		fprintf(stderr, "wfo-migrate merge: --screen chooses the heads on the screen; give no "
			"REV with it\n");
		code = 2;
		goto done;
	}
	if (screen && !(ui_headless() || merge_offer_possible())) {
		fprintf(stderr, "wfo-migrate merge: --screen needs a terminal (standard input and "
			"output); without one, leave --screen out to merge at once\n");
		code = 2;
		goto done;
	}
	if (optind == argc && (screen || (!message && !no_tui)) && (ui_headless() || merge_offer_possible())) {
		char *path = NULL;
		bool upgraded = false;
		int rc = run_screen(&cc, "merge", NULL, message, false, &path, &upgraded, &err);
		if (rc == 1)
			printf("%s\n", path);
		else if (rc == 0)
			rc = wfo_fail(&err, WFO_ABORTED, "quit without writing a merge revision");
		free(path);
		if (rc < 0) {
			fprintf(stderr, "wfo-migrate merge: %s\n", err.msg);
			code = wfo_exit_code(err.status);
		}
		goto done;
	}
	if (do_merge(argv + optind, argc - optind, message, &cc, &err) < 0) {
		fprintf(stderr, "wfo-migrate merge: %s\n", err.msg);
		code = wfo_exit_code(err.status);
	}
done:
	cli_common_free(&cc);
	return code;
}
