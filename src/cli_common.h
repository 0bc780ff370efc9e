/* cli_common.h - the options every revision command shares (--migrations,
 * --database-uri), the project's version folders from alembic.ini, loading
 * the revision graph, and printing an error at the command's top level.
 *
 * Usage in a cmd_*.c:
 *	struct cli_common cc = CLI_COMMON_INIT;
 *	static const struct option opts[] = {
 *		{ "verbose", no_argument, NULL, 'v' },
 *		CLI_COMMON_LONG_OPTIONS,
 *		{ NULL, 0, NULL, 0 } };
 *	while ((c = getopt_long(argc, argv, "vh", opts, NULL)) != -1) {
 *		if (cli_common_option(&cc, c, optarg)) continue;
 *		...
 *	}
 *	if (cli_common_finish(&cc, &err) < 0) return cli_report(&err);
 *	cli_load_graph(&cc, &g, &err) ...
 *	cli_common_free(&cc);
 *
 * Ownership: struct cli_common owns all its strings (cli_common_free). */
#ifndef WFO_CLI_COMMON_H
#define WFO_CLI_COMMON_H

#include <getopt.h>

#include "revgraph.h"
#include "util.h"
#include "wfo_error.h"

struct cli_common {
	char *migrations;           /* script_location: env.py, versions/ */
	char *database_uri;         /* NULL: libpq's PG* variables, ~/.pgpass */
	struct strvec version_dirs; /* existing folders of revisions, deduplicated */
	char *project_version_dir;  /* migrations/versions/schema (may not exist) */
	char *ini_path;             /* "alembic.ini" when it was read, else NULL */
};
#define CLI_COMMON_INIT { NULL, NULL, STRVEC_INIT, NULL, NULL }

#define CLI_OPT_MIGRATIONS 0x1001
#define CLI_OPT_DATABASE_URI 0x1002
#define CLI_COMMON_LONG_OPTIONS \
	{ "migrations", required_argument, NULL, CLI_OPT_MIGRATIONS }, \
	{ "database-uri", required_argument, NULL, CLI_OPT_DATABASE_URI }

/* Help text lines for the two options (for a command's --help). */
#define CLI_COMMON_HELP \
	"  --migrations DIR    the migrations folder (default: alembic.ini's\n" \
	"                      script_location, else ./migrations)\n" \
	"  --database-uri URI  the database (default: $DATABASE_URI, else libpq's PG*\n" \
	"                      variables and ~/.pgpass)\n"

/* Returns 1 when opt was one of the common options (and stores it), else 0. */
int cli_common_option(struct cli_common *cc, int opt, const char *optarg);

/* Fills the defaults: migrations from alembic.ini's script_location in the
 * current directory (%(here)s expanded) else "migrations"; database_uri
 * from $DATABASE_URI; version_dirs = every folder of alembic.ini's
 * version_locations in their order (space or comma separated; only when
 * --migrations was not given or names the same folder as script_location),
 * then MIGRATIONS/versions/schema, then $WFO_EXTRA_VERSION_LOCATIONS (space
 * or colon separated); only folders that exist, each once (Alembic's
 * reading order, which decides the order of the heads). -1 on a broken
 * alembic.ini. */
int cli_common_finish(struct cli_common *cc, struct wfo_error *err);
void cli_common_free(struct cli_common *cc);

/* Loads the graph of cc->version_dirs. Fails (WFO_IO) when none of them
 * exists, naming the project folder and how to create it. */
int cli_load_graph(const struct cli_common *cc, struct rev_graph **out,
		   struct wfo_error *err);
/* Same for the commands that only show the graph (heads, history,
 * current): the bodies of upgrade()/downgrade() are not analysed. */
int cli_load_graph_headers(const struct cli_common *cc, struct rev_graph **out,
			   struct wfo_error *err);

/* The folder new revision files go into (revision, merge): the project's
 * MIGRATIONS/versions/schema when it is writable, else the first writable
 * version folder that is not inside an installed Python package
 * (site-packages, dist-packages). *out is a new string; -1 (WFO_IO) when
 * there is none, naming the project folder and how to create it. */
int cli_write_dir(const struct cli_common *cc, char **out, struct wfo_error *err);

/* For the commands that write revisions (revision, merge): the folder to
 * write into as cli_write_dir (write_dir NULL: not wanted), then the graph
 * of the version folders that exist - an empty graph when none does. */
int cli_load_for_write(const struct cli_common *cc, struct rev_graph **g, char **write_dir,
		       struct wfo_error *err);

/* The heads of the data branch (revisions carrying the 'data' label, own or
 * inherited along down_revision), in Alembic's head order, appended to
 * heads; all heads when no revision has the label (*has_label then 0). */
void cli_data_heads(const struct rev_graph *g, struct strvec *heads, int *has_label);

/* Every id a new revision must not take: the graph's revisions and the
 * external ones they name. Appended to ids. */
void cli_taken_ids(const struct rev_graph *g, struct strvec *ids);

/* Prints "wfo-migrate: <msg>" to stderr and returns the exit code of
 * err->status. */
int cli_report(const struct wfo_error *err);

#endif
