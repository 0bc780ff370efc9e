/* cmd_history.c - `wfo-migrate history`: every revision from the heads down
 * to base, as `alembic history [-v] [-i]` prints them. */
#include "config.h"
#include "commands.h"

#include <getopt.h>
#include <stdio.h>

#include "cli_common.h"
#include "db.h"
#include "revgraph.h"

static void usage(FILE *out)
{
	fprintf(out,
		"Usage: wfo-migrate history [-v] [-c|--current] [--migrations DIR]\n"
		"                           [--database-uri URI]\n"
		"List the revisions newest first (from the heads down to base), exactly as\n"
		"`alembic history` prints them.\n\n"
		"  -v, --verbose       one block per revision (Rev:, Parent:, Path:, docstring)\n"
		"  -c, --current       mark the database's current revisions with (current)\n"
		"                      (reads alembic_version; like alembic history -i)\n"
		CLI_COMMON_HELP
		"  -h, --help          show this help\n");
}

int cmd_history(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "verbose", no_argument, NULL, 'v' },
		{ "current", no_argument, NULL, 'c' },
		{ "indicate-current", no_argument, NULL, 'i' },
		{ "help", no_argument, NULL, 'h' },
		CLI_COMMON_LONG_OPTIONS,
		{ NULL, 0, NULL, 0 }
	};
	struct cli_common cc = CLI_COMMON_INIT;
	struct wfo_error err = { 0 };
	int verbose = 0, current = 0, c;
	optind = 1;
	while ((c = getopt_long(argc, argv, "vcih", opts, NULL)) != -1) {
		if (cli_common_option(&cc, c, optarg))
			continue;
		switch (c) {
		case 'v':
			verbose = 1;
			break;
		case 'c':
		case 'i':
			current = 1;
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
		fprintf(stderr, "wfo-migrate: history takes no arguments ('%s')\n", argv[optind]);
		cli_common_free(&cc);
		return 2;
	}
	struct rev_graph *g = NULL;
	if (cli_common_finish(&cc, &err) < 0 || cli_load_graph_headers(&cc, &g, &err) < 0) {
		cli_common_free(&cc);
		return cli_report(&err);
	}
	struct strvec rows = STRVEC_INIT;
	if (current) {
		PGconn *conn = NULL;
		if (db_connect(cc.database_uri, &conn, &err) < 0 ||
		    db_read_versions(conn, &rows, NULL, &err) < 0) {
			db_close(conn);
			rev_graph_free(g);
			cli_common_free(&cc);
			sv_free(&rows);
			return cli_report(&err);
		}
		db_close(conn);
	}
	struct strbuf out = STRBUF_INIT;
	rev_format_history(g, verbose, current ? &rows : NULL, &out);
	fputs(sb_str(&out), stdout);
	sb_free(&out);
	sv_free(&rows);
	rev_graph_free(g);
	cli_common_free(&cc);
	return fflush(stdout) == 0 ? 0 : 5;
}
