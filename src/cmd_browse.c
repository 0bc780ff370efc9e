/* cmd_browse.c - `wfo-migrate browse`: the catalogue browser in a terminal
 * (ui/screen_browse.c) on the catalogue read by dbcatalog.c. */
#include "config.h"
#include "commands.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "browse.h"
#include "catalog.h"
#include "db.h"
#include "dbcatalog.h"
#include "pguri.h"
#include "util.h"
#include "wfo_error.h"
#include "wizard.h"

static void browse_usage(FILE *out)
{
	fprintf(out,
		"Usage: wfo-migrate browse [--database-uri URI] [--private-db]\n"
		"Browse the product catalogue of the orchestrator database in the terminal:\n"
		"products, their product blocks, resource types and fixed inputs, with the\n"
		"counts of subscriptions, instances and values. Arrows move, Right/Left open\n"
		"and close, / searches by name, q leaves. Without a terminal, use\n"
		"'wfo-migrate show'.\n\n"
		"      --database-uri URI  the database (default: $DATABASE_URI, else libpq's\n"
		"                          PG* variables)\n"
		"      --private-db        wfo-migrate's private PostgreSQL (see the tutorial)\n"
		"  -h, --help              show this help\n");
}

static int browse(const char *uri, struct wfo_error *err)
{
	if (!wizard_available())
		return wfo_fail(err, WFO_USAGE, "browse needs a terminal; 'wfo-migrate show' prints "
				"the same catalogue");
	PGconn *conn;
	if (db_connect(uri, &conn, err) < 0)
		return -1;
	struct dm_catalog *c;
	struct cat_extra *x;
	char *shown = uri ? pguri_display(uri) : db_describe(conn);
	if (dbcat_read(conn, &c, &x, NULL, err) < 0) {
		db_close(conn);
		free(shown);
		return -1;
	}
	db_close(conn);
	struct browse_env e = { shown, c, x };
	int rc = browse_run(&e, err);
	dm_catalog_free(c);
	cat_extra_free(x);
	free(shown);
	if (rc == 1)
		return wfo_fail(err, WFO_ABORTED, "interrupted");
	return rc;
}

int cmd_browse(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "database-uri", required_argument, NULL, 'd' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *uri = getenv("DATABASE_URI");
	int c;
	struct wfo_error err = { 0 };
	optind = 1;
	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (c) {
		case 'd': uri = optarg; break;
		case 'h': browse_usage(stdout); return 0;
		default: browse_usage(stderr); return 2;
		}
	}
	if (optind < argc) {
		fprintf(stderr, "wfo-migrate browse: unexpected argument '%s'\n", argv[optind]);
		browse_usage(stderr);
		return 2;
	}
	if (uri && !*uri)
		uri = NULL;
	if (browse(uri, &err) < 0) {
		fprintf(stderr, "wfo-migrate browse: %s\n", err.msg);
		return wfo_exit_code(err.status);
	}
	return 0;
}
