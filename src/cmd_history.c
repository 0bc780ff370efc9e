/* cmd_history.c - `wfo-migrate history`: every revision from the heads down
 * to base, as `alembic history [-v] [-i]` prints them. */
#include "config.h"
#include "commands.h"

#include <ctype.h>
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli_common.h"
#include "db.h"
#include "revgraph.h"

static void usage(FILE *out)
{
	fprintf(out,
		"Usage: wfo-migrate history [-v] [-r START:END] [-c|--current] [--migrations DIR]\n"
		"                           [--database-uri URI]\n"
		"List the revisions newest first (from the heads down to base), exactly as\n"
		"`alembic history` prints them.\n\n"
		"  -v, --verbose       one block per revision (Rev:, Parent:, Path:, docstring)\n"
		"  -r, --rev-range START:END\n"
		"                      only the revisions from START up to END, as alembic\n"
		"                      history -r: base:head, -3:, REV:, :REV, REV:+2,\n"
		"                      current: (either side may be empty or 'current')\n"
		"  -c, --current       mark the database's current revisions with (current)\n"
		"                      (reads alembic_version; like alembic history -i)\n"
		CLI_COMMON_HELP
		"  -h, --help          show this help\n");
}

/* -r START:END, either side empty (Alembic's [start]:[end]) */
static int split_range(const char *range, struct strvec *lower, struct strvec *upper,
		       struct wfo_error *err)
{
	while (isspace((unsigned char)*range))
		range++;
	size_t n = strlen(range);
	while (n && isspace((unsigned char)range[n - 1]))
		n--;
	const char *colon = memchr(range, ':', n);
	if (!colon || memchr(colon + 1, ':', n - (size_t)(colon - range) - 1))
		return wfo_fail(err, WFO_USAGE, "History range requires [start]:[end], [start]:, "
				"or :[end] (got '%s')", range);
	if (colon > range)
		sv_push_owned(lower, xstrndup(range, (size_t)(colon - range)));
	if ((size_t)(colon - range) + 1 < n)
		sv_push_owned(upper, xstrndup(colon + 1, n - (size_t)(colon - range) - 1));
	return 0;
}

int cmd_history(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "verbose", no_argument, NULL, 'v' },
		{ "rev-range", required_argument, NULL, 'r' },
		{ "current", no_argument, NULL, 'c' },
		{ "indicate-current", no_argument, NULL, 'i' },
		{ "help", no_argument, NULL, 'h' },
		CLI_COMMON_LONG_OPTIONS,
		{ NULL, 0, NULL, 0 }
	};
	struct cli_common cc = CLI_COMMON_INIT;
	struct wfo_error err = { 0 };
	int verbose = 0, current = 0, c;
	const char *range = NULL;
	optind = 1;
	while ((c = getopt_long(argc, argv, "vr:cih", opts, NULL)) != -1) {
		if (cli_common_option(&cc, c, optarg))
			continue;
		switch (c) {
		case 'v':
			verbose = 1;
			break;
		case 'r':
			range = optarg;
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
	struct strvec lower = STRVEC_INIT, upper = STRVEC_INIT;
	if (range && split_range(range, &lower, &upper, &err) < 0) {
		cli_common_free(&cc);
		return cli_report(&err);
	}
	int lower_rows = lower.n && !strcmp(lower.v[0], "current");
	int upper_rows = upper.n && !strcmp(upper.v[0], "current");
	struct rev_graph *g = NULL;
	struct strvec rows = STRVEC_INIT;
	int code = 0;
	if (cli_common_finish(&cc, &err) < 0 || cli_load_graph_headers(&cc, &g, &err) < 0) {
		code = cli_report(&err);
		goto out;
	}
	if (current || lower_rows || upper_rows) {
		PGconn *conn = NULL;
		int rc = db_connect(cc.database_uri, &conn, &err) < 0 ||
			 db_read_versions(conn, &rows, NULL, &err) < 0;
		db_close(conn);
		if (rc) {
			code = cli_report(&err);
			goto out;
		}
	}
	/* "current" stands for the database's rows; none: base / heads */
	if (lower_rows || upper_rows) {
		struct strvec *end = lower_rows ? &lower : &upper;
		sv_free(end);
		for (size_t i = 0; i < rows.n; i++)
			sv_push(end, rows.v[i]);
		if (!end->n)
			lower_rows = 0;
	}
	if (range && !lower.n)
		sv_push(&lower, "base");
	if (range && !upper.n)
		sv_push(&upper, "heads");
	struct strbuf out = STRBUF_INIT;
	if (!range)
		rev_format_history(g, verbose, current ? &rows : NULL, &out);
	else if (rev_format_history_range(g, verbose, current ? &rows : NULL, &lower, lower_rows,
					  &upper, &out, &err) < 0)
		code = cli_report(&err);
	if (code == 0) {
		fputs(sb_str(&out), stdout);
		code = fflush(stdout) == 0 ? 0 : 5;
	}
	sb_free(&out);
out:
	sv_free(&rows);
	sv_free(&lower);
	sv_free(&upper);
	if (g)
		rev_graph_free(g);
	cli_common_free(&cc);
	return code;
}
