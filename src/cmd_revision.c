/* cmd_revision.c - `wfo-migrate revision`: an empty revision on the data
 * branch, creating the data head first when there is none. */
#include "config.h"
#include "commands.h"

#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli_common.h"
#include "merge_cli.h"
#include "revgraph.h"
#include "revid.h"
#include "revwrite.h"
#include "util.h"
#include "wfo_error.h"

static void rev_usage(FILE *out)
{
	fprintf(out,
		"Usage: wfo-migrate revision [-m MESSAGE] [--head BRANCH@head] [--version-path DIR]\n"
		"                            [--migrations DIR]\n"
		"Write an empty revision on the data branch (creating the data head first when\n"
		"no revision has the 'data' label) and print the file's path.\n\n"
		"  -m, --message MESSAGE  the revision's message\n"
		"      --head SPEC        the head to revise (default: data@head)\n"
		"      --version-path DIR the folder to write into\n"
		"      --migrations DIR   the migrations folder (default: alembic.ini's\n"
		"                         script_location, else ./migrations)\n"
		"  -h, --help             show this help\n");
}

/* Several heads where one is needed: err names them and the merge command;
 * *blocked gets the heads (for the offer of the merge screen). */
static int blocked_by(struct strvec *blocked, const struct strvec *heads, const char *what,
		      const struct cli_common *cc, struct wfo_error *err)
{
	struct strbuf sb = STRBUF_INIT;
	for (size_t i = 0; i < heads->n; i++) {
		sb_addf(&sb, "%s%s", i ? ", " : "", heads->v[i]);
		sv_push(blocked, heads->v[i]);
	}
	char *cmd = merge_command_text(heads, cc);
	wfo_fail(err, WFO_GRAPH, "%s (%s); merge them first:\n    %s", what, sb_str(&sb), cmd);
	free(cmd);
	sb_free(&sb);
	return -1;
}

static int do_revision(const char *message, const char *head, const char *version_path,
		       const struct cli_common *cc_in, struct strvec *blocked, struct wfo_error *err)
{
	const struct cli_common *cc = cc_in;
	struct strvec taken = STRVEC_INIT, heads = STRVEC_INIT;
	struct rev_graph *g = NULL;
	char *dir = NULL, *path = NULL;
	struct revwrite rw = { 0 };
	char id[13];
	int rc = -1, has_data;

	if (cli_load_for_write(cc, &g, version_path ? NULL : &dir, err) < 0)
		goto out;
	if (version_path)
		dir = xstrdup(version_path);
	cli_taken_ids(g, &taken);
	cli_data_heads(g, &heads, &has_data);
	clock_gettime(CLOCK_REALTIME, &rw.created);

	if (!has_data && (!head || !strcmp(head, "data@head"))) {
		struct strvec all = STRVEC_INIT;
		rev_graph_heads(g, &all);
		if (all.n > 1) {
			blocked_by(blocked, &all, "no revision has the 'data' label and there are "
				   "several heads", cc, err);
			sv_free(&all);
			goto out;
		}
		struct revwrite root = { 0 };
		if (revid_new(id, &taken, err) < 0) {
			sv_free(&all);
			goto out;
		}
		root.message = "Create data head";
		root.id = id;
		root.created = rw.created;
		sv_push(&root.labels, "data");
		if (all.n == 1)
			sv_push(&root.depends, all.v[0]);
		int r = revwrite_file(dir, &root, &path, err);
		sv_free(&root.labels);
		sv_free(&root.depends);
		sv_free(&all);
		if (r < 0)
			goto out;
		printf("%s\n", path);
		free(path);
		path = NULL;
		sv_push(&taken, id);
		sv_push(&rw.down, id);
	} else {
		const char *spec = head ? head : "data@head";
		struct strvec res = STRVEC_INIT;
		if (!strcmp(spec, "data@head") && heads.n > 1) {
			blocked_by(blocked, &heads, "the data branch has several heads", cc, err);
			goto out;
		}
		if (!strcmp(spec, "data@head") && heads.n == 1) {
			sv_push(&res, heads.v[0]);
		} else if (rev_graph_resolve(g, spec, NULL, &res, err) < 0) {
			wfo_error_prefix(err, "--head %s: ", spec);
			sv_free(&res);
			goto out;
		}
		if (res.n > 1) {
			wfo_fail(err, WFO_GRAPH, "--head %s names %zu revisions; name one head "
				 "(or merge them first)", spec, res.n);
			sv_free(&res);
			goto out;
		}
		for (size_t i = 0; i < res.n; i++)
			sv_push(&rw.down, res.v[i]);
		sv_free(&res);
	}
	char nid[13];
	if (revid_new(nid, &taken, err) < 0)
		goto out;
	rw.message = message;
	rw.id = nid;
	if (revwrite_file(dir, &rw, &path, err) < 0)
		goto out;
	printf("%s\n", path);
	rc = 0;
out:
	free(path);
	free(dir);
	sv_free(&rw.down);
	sv_free(&taken);
	sv_free(&heads);
	if (g)
		rev_graph_free(g);
	return rc;
}

int cmd_revision(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "message", required_argument, NULL, 'm' },
		{ "head", required_argument, NULL, 'H' },
		{ "version-path", required_argument, NULL, 'v' },
		{ "migrations", required_argument, NULL, 'M' },
		{ "autogenerate", no_argument, NULL, 'a' },
		{ "no-autogenerate", no_argument, NULL, 'n' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const char *message = NULL, *head = NULL, *vpath = NULL, *mig = NULL;
	int c;
	optind = 1;
	while ((c = getopt_long(argc, argv, "m:h", opts, NULL)) != -1) {
		switch (c) {
		case 'm': message = optarg; break;
		case 'H': head = optarg; break;
		case 'v': vpath = optarg; break;
		case 'M': mig = optarg; break;
		case 'n': break;
		case 'a':
			fprintf(stderr, "wfo-migrate revision: --autogenerate is not supported "
				"(revisions of a data branch are written by migrate-domain-models)\n");
			return 2;
		case 'h': rev_usage(stdout); return 0;
		default: rev_usage(stderr); return 2;
		}
	}
	if (optind < argc) {
		fprintf(stderr, "wfo-migrate revision: unexpected argument '%s'\n", argv[optind]);
		return 2;
	}
	struct wfo_error err = { 0 };
	struct cli_common cc = CLI_COMMON_INIT;
	struct strvec blocked = STRVEC_INIT;
	int code = 0;
	if (mig)
		cli_common_option(&cc, CLI_OPT_MIGRATIONS, mig);
	int rc = cli_common_finish(&cc, &err);
	if (rc == 0)
		rc = do_revision(message, head, vpath, &cc, &blocked, &err);
	if (rc < 0 && blocked.n && merge_offer_possible()) {
		/* several heads: the merge screen, then the revision on the merge */
		printf("%s\n", err.msg);
		bool upgraded;
		struct wfo_error merr = { 0 };
		int m = merge_offer("revision", "Open the merge screen to merge them?", true,
				    "revision: a new revision needs one head; merge them here, or q to leave",
				    &cc, false, &upgraded, &merr);
		if (m == 1) {
			sv_free(&blocked);
			rc = do_revision(message, head, vpath, &cc, &blocked, &err);
		} else if (m < 0) {
			err = merr;
		}
	}
	if (rc < 0) {
		fprintf(stderr, "wfo-migrate revision: %s\n", err.msg);
		code = wfo_exit_code(err.status);
	}
	sv_free(&blocked);
	cli_common_free(&cc);
	return code;
}
