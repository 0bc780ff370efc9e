/* cmd_heads.c - `wfo-migrate heads`: the heads of the revision graph, as
 * `alembic heads` prints them. */
#include "config.h"
#include "commands.h"

#include <getopt.h>
#include <stdio.h>

#include "cli_common.h"
#include "revgraph.h"

static void usage(FILE *out)
{
	fprintf(out,
		"Usage: wfo-migrate heads [-v] [--resolve-dependencies] [--migrations DIR]\n"
		"Show the heads of the revision graph (the project's version folders plus\n"
		"alembic.ini's version_locations), exactly as `alembic heads` prints them.\n\n"
		"  -v, --verbose       one block per head (Rev:, Parent:, Path:, docstring)\n"
		"      --resolve-dependencies\n"
		"                      count depends_on as a down revision: a revision that\n"
		"                      another depends on is no head\n"
		CLI_COMMON_HELP
		"  -h, --help          show this help\n");
}

int cmd_heads(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "verbose", no_argument, NULL, 'v' },
		{ "resolve-dependencies", no_argument, NULL, 'R' },
		{ "help", no_argument, NULL, 'h' },
		CLI_COMMON_LONG_OPTIONS,
		{ NULL, 0, NULL, 0 }
	};
	struct cli_common cc = CLI_COMMON_INIT;
	struct wfo_error err = { 0 };
	int verbose = 0, resolve = 0, c;
	optind = 1;
	while ((c = getopt_long(argc, argv, "vh", opts, NULL)) != -1) {
		if (cli_common_option(&cc, c, optarg))
			continue;
		switch (c) {
		case 'v':
			verbose = 1;
			break;
		case 'R':
			resolve = 1;
			break;
		case 'h':
			usage(stdout);
			cli_common_free(&cc);
			return 0;
		default:
			usage(stderr);
			cli_common_free(&cc);
			return 2;
		}
	}
	if (optind < argc) {
		fprintf(stderr, "wfo-migrate: heads takes no arguments ('%s')\n", argv[optind]);
		cli_common_free(&cc);
		return 2;
	}
	struct rev_graph *g = NULL;
	if (cli_common_finish(&cc, &err) < 0 || cli_load_graph_headers(&cc, &g, &err) < 0) {
		cli_common_free(&cc);
		return cli_report(&err);
	}
	struct strbuf out = STRBUF_INIT;
	if (resolve)
		rev_format_heads_resolved(g, verbose, &out);
	else if (verbose)
		rev_format_heads_verbose(g, &out);
	else
		rev_format_heads(g, &out);
	fputs(sb_str(&out), stdout);
	sb_free(&out);
	rev_graph_free(g);
	cli_common_free(&cc);
	return fflush(stdout) == 0 ? 0 : 5;
}
