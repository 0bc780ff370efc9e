/* cmd_merge.c - `wfo-migrate merge`: a revision that merges heads. */
#include "config.h"
#include "commands.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli_common.h"
#include "revgraph.h"
#include "revid.h"
#include "revwrite.h"
#include "util.h"
#include "wfo_error.h"


static void merge_usage(FILE *out)
{
	fprintf(out,
		"Usage: wfo-migrate merge [REV...] [-m MESSAGE] [--migrations DIR]\n"
		"Write a merge revision whose down_revision is the given revisions (default:\n"
		"all heads of the data branch, or all heads when there is no data label) and\n"
		"print the file's path.\n\n"
		"  -m, --message MESSAGE  the revision's message\n"
		"      --migrations DIR   the migrations folder\n"
		"  -h, --help             show this help\n");
}

static int do_merge(char **revs, int nrevs, const char *message, const char *migrations,
		    struct wfo_error *err)
{
	struct cli_common cc = CLI_COMMON_INIT;
	struct strvec taken = STRVEC_INIT;
	struct rev_graph *g = NULL;
	struct revwrite rw = { 0 };
	char *dir = NULL, *path = NULL;
	char id[13];
	int rc = -1, has_data;

	if (migrations)
		cli_common_option(&cc, CLI_OPT_MIGRATIONS, migrations);
	if (cli_common_finish(&cc, err) < 0 || cli_load_for_write(&cc, &g, &dir, err) < 0)
		goto out;
	cli_taken_ids(g, &taken);
	if (nrevs == 0) {
		cli_data_heads(g, &rw.down, &has_data);
	} else {
		for (int i = 0; i < nrevs; i++) {
			struct strvec res = STRVEC_INIT;
			if (rev_graph_resolve(g, revs[i], NULL, &res, err) < 0) {
				wfo_error_prefix(err, "%s: ", revs[i]);
				sv_free(&res);
				goto out;
			}
			for (size_t j = 0; j < res.n; j++)
				if (!sv_contains(&rw.down, res.v[j]))
					sv_push(&rw.down, res.v[j]);
			sv_free(&res);
		}
	}
	if (rw.down.n < 2) {
		wfo_fail(err, WFO_USAGE, "nothing to merge: %s",
			 rw.down.n ? "only one revision given or found as head"
				   : "no heads found");
		goto out;
	}
	if (revid_new(id, &taken, err) < 0)
		goto out;
	rw.id = id;
	rw.message = message;
	clock_gettime(CLOCK_REALTIME, &rw.created);
	if (revwrite_file(dir, &rw, &path, err) < 0)
		goto out;
	printf("%s\n", path);
	rc = 0;
out:
	free(path);
	free(dir);
	sv_free(&rw.down);
	cli_common_free(&cc);
	sv_free(&taken);
	if (g)
		rev_graph_free(g);
	return rc;
}

int cmd_merge(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "message", required_argument, NULL, 'm' },
		{ "migrations", required_argument, NULL, 'M' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const char *message = NULL, *mig = NULL;
	int c;
	optind = 1;
	while ((c = getopt_long(argc, argv, "m:h", opts, NULL)) != -1) {
		switch (c) {
		case 'm': message = optarg; break;
		case 'M': mig = optarg; break;
		case 'h': merge_usage(stdout); return 0;
		default: merge_usage(stderr); return 2;
		}
	}
	struct wfo_error err = { 0 };
	if (do_merge(argv + optind, argc - optind, message, mig, &err) < 0) {
		fprintf(stderr, "wfo-migrate merge: %s\n", err.msg);
		return wfo_exit_code(err.status);
	}
	return 0;
}
