/* cmd_current.c - `wfo-migrate current [-v]`: alembic_version as `alembic current` shows it. */
#include "config.h"
#include "commands.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli_common.h"
#include "db.h"
#include "pguri.h"
#include "revgraph.h"
#include "util.h"
#include "wfo_error.h"

static void usage(FILE *out)
{
	fprintf(out,
		"Usage: wfo-migrate current [-v] [--migrations DIR] [--database-uri URI]\n"
		"Show the revisions the database is at (its alembic_version rows), as\n"
		"`alembic current` does.\n\n"
		"  -v, --verbose       show each revision in full\n"
		CLI_COMMON_HELP
		"  -h, --help          show this help\n");
}

int cmd_current(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "verbose", no_argument, NULL, 'v' },
		{ "help", no_argument, NULL, 'h' },
		CLI_COMMON_LONG_OPTIONS,
		{ NULL, 0, NULL, 0 },
	};
	struct cli_common cc = CLI_COMMON_INIT;
	int verbose = 0, c, code = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, "vh", opts, NULL)) != -1) {
		if (cli_common_option(&cc, c, optarg))
			continue;
		if (c == 'v') {
			verbose = 1;
		} else if (c == 'h') {
			usage(stdout);
			goto done;
		} else {
			usage(stderr);
			code = 2;
			goto done;
		}
	}
	if (optind < argc) {
		fprintf(stderr, "wfo-migrate current: unexpected argument '%s'\n", argv[optind]);
		usage(stderr);
		code = 2;
		goto done;
	}
	struct wfo_error err = { 0 };
	struct rev_graph *g = NULL;
	PGconn *conn = NULL;
	struct strvec cur = STRVEC_INIT;
	if (cli_common_finish(&cc, &err) < 0 || cli_load_graph_headers(&cc, &g, &err) < 0 ||
	    db_connect(cc.database_uri, &conn, &err) < 0 ||
	    db_read_versions(conn, &cur, NULL, &err) < 0) {
		fprintf(stderr, "wfo-migrate current: %s\n", err.msg);
		code = wfo_exit_code(err.status);
	} else {
		struct strbuf out = STRBUF_INIT;
		if (verbose) {   /* as Alembic: the engine's URL, password hidden */
			char *u = cc.database_uri && *cc.database_uri ? xstrdup(cc.database_uri)
								     : db_conn_uri(conn);
			char *shown = pguri_sqlalchemy_display(u);
			sb_addf(&out, "Current revision(s) for %s:\n", shown);
			free(shown);
			free(u);
		}
		rev_format_current(g, &cur, verbose, &out);
		if (out.len)   /* nothing current: out.buf is still NULL */
			fwrite(out.buf, 1, out.len, stdout);
		sb_free(&out);
	}
	db_close(conn);
	sv_free(&cur);
	if (g)
		rev_graph_free(g);
done:
	cli_common_free(&cc);
	return code;
}
