/* cmd_diff.c - `wfo-migrate diff`: the differences between the domain
 * models and the product catalogue in the database. */
#include "config.h"
#include "commands.h"

#include <stdio.h>
#include <stdlib.h>

#include "diff.h"
#include "mdm.h"
#include "mdm_session.h"
#include "util.h"
#include "wfo_error.h"

static void diff_usage(FILE *out)
{
	fprintf(out,
		"Usage: wfo-migrate diff [--models PATH] [--json] [--exit-code] [--database-uri URI]\n"
		"Show the differences between the domain models and the product catalogue in\n"
		"the database: products and product blocks to create or delete, and per\n"
		"product and block the blocks, fixed inputs, resource types and depends-on\n"
		"blocks missing on either side, with the subscriptions and instances affected.\n\n"
		"      --models PATH       a JSON registry, a generator product YAML file, or a\n"
		"                          folder of them (default: ./products)\n"
		"      --json              one JSON object instead of text\n"
		"      --exit-code         exit 1 when there are differences\n"
		"      --database-uri URI  the database (default: $DATABASE_URI, else libpq's PG*\n"
		"                          variables and ~/.pgpass)\n"
		"  -h, --help              show this help\n");
}

int cmd_diff(int argc, char **argv)
{
	struct mdm_args a;
	struct wfo_error err = { 0 };
	if (mdm_parse_args(argc, argv, &a, &err) < 0) {
		fprintf(stderr, "wfo-migrate %s\n", err.msg);
		diff_usage(stderr);
		return 2;
	}
	if (a.help) {
		diff_usage(stdout);
		return 0;
	}
	const char *uri = a.database_uri ? a.database_uri : getenv("DATABASE_URI");
	struct mdm_session s = MDM_SESSION_INIT;
	if (mdm_session_open(&s, a.models, uri, false, &err) < 0) {
		mdm_session_close(&s);
		fprintf(stderr, "wfo-migrate diff: %s\n", err.msg);
		return wfo_exit_code(err.status);
	}
	struct strbuf sb = STRBUF_INIT;
	if (a.json)
		diff_render_json(&s.diff, &sb);
	else
		diff_render_text(&s.diff, &sb);
	fputs(sb_str(&sb), stdout);
	sb_free(&sb);
	int differs = !diff_is_empty(&s.diff);
	mdm_session_close(&s);
	if (fflush(stdout) != 0) {
		fprintf(stderr, "wfo-migrate diff: writing to standard output failed\n");
		return wfo_exit_code(WFO_IO);
	}
	return a.exit_code && differs ? wfo_exit_code(WFO_DIFFERS) : 0;
}
