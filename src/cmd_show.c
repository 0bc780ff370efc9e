/* cmd_show.c - `wfo-migrate show`: the product catalogue of the database. */
#include "config.h"
#include "commands.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libpq-fe.h>

#include "catalog.h"
#include "db.h"
#include "dbcatalog.h"
#include "util.h"
#include "wfo_error.h"

static void show_usage(FILE *out)
{
	fprintf(out,
		"Usage: wfo-migrate show [--json] [--database-uri URI]\n"
		"Print the product catalogue of the orchestrator database: products with\n"
		"their product type, tag, status, fixed inputs, subscription counts and the\n"
		"tree of product blocks they use; every product block with its instance count\n"
		"and every resource type with its value count.\n\n"
		"      --json              machine-readable output (one JSON object)\n"
		"      --database-uri URI  the database (default: $DATABASE_URI, else libpq's\n"
		"                          PG* variables)\n"
		"  -h, --help              show this help\n");
}

static int show(const char *uri, int json, struct wfo_error *err)
{
	PGconn *conn;
	if (db_connect(uri, &conn, err) < 0)
		return -1;
	struct dm_catalog *c;
	struct cat_extra *x;
	if (dbcat_read(conn, &c, &x, NULL, err) < 0) {
		db_close(conn);
		return -1;
	}
	db_close(conn);
	struct strbuf sb = STRBUF_INIT;
	if (json)
		cat_render_json(c, x, &sb);
	else
		cat_render_text(c, x, &sb);
	fputs(sb_str(&sb), stdout);
	sb_free(&sb);
	dm_catalog_free(c);
	cat_extra_free(x);
	if (fflush(stdout) != 0)
		return wfo_fail(err, WFO_IO, "writing the catalogue to standard output failed");
	return 0;
}

int cmd_show(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "json", no_argument, NULL, 'j' },
		{ "database-uri", required_argument, NULL, 'd' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *uri = getenv("DATABASE_URI");
	int json = 0, c;
	struct wfo_error err = { 0 };

	optind = 1;
	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (c) {
		case 'j': json = 1; break;
		case 'd': uri = optarg; break;
		case 'h': show_usage(stdout); return 0;
		default: show_usage(stderr); return 2;
		}
	}
	if (optind < argc) {
		fprintf(stderr, "wfo-migrate show: unexpected argument '%s'\n", argv[optind]);
		show_usage(stderr);
		return 2;
	}
	if (uri && !*uri)
		uri = NULL;
	if (show(uri, json, &err) < 0) {
		fprintf(stderr, "wfo-migrate show: %s\n", err.msg);
		return wfo_exit_code(err.status);
	}
	return 0;
}
