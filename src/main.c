/* main.c - global options and dispatch to the subcommands of commands.def. */
#include "config.h"
#include "commands.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "datadir.h"
#include "pgprivate.h"
#include "sigexit.h"
#include "util.h"
#include "wfo_error.h"

struct command {
	const char *name;
	int (*fn)(int argc, char **argv);
	const char *summary;
};

static const struct command commands[] = {
#define WFO_COMMAND(name, fn, summary) { name, fn, summary },
#include "commands.def"
#undef WFO_COMMAND
	{ NULL, NULL, NULL }
};

static void usage(FILE *out)
{
	fprintf(out,
		"Usage: wfo-migrate COMMAND [OPTION]...\n"
		"Migrate the product catalogue of a workflow orchestrator (orchestrator-core)\n"
		"database and manage its Alembic revisions.\n\n"
		"Commands:\n");
	for (const struct command *c = commands; c->name; c++)
		fprintf(out, "  %-24s %s\n", c->name, c->summary);
	fprintf(out,
		"\nGlobal options:\n"
		"  -h, --help               show this help, or a command's help after it\n"
		"  -V, --version            show the version and exit\n"
		"      --private-db         (after COMMAND) use wfo-migrate's private PostgreSQL\n"
		"                           cluster in $XDG_STATE_HOME/wfo-migrate (started and\n"
		"                           stopped around the command) instead of DATABASE_URI\n\n"
		"Run 'wfo-migrate COMMAND --help' for a command's options.\n"
		"Environment: DATABASE_URI, PG* variables of libpq, NO_COLOR.\n"
		"Full documentation: man wfo-migrate\n"
		"Report bugs to: <%s>\n", PACKAGE_BUGREPORT);
}

static void version(void)
{
	printf("wfo-migrate %s\n"
	       "Copyright (C) 2026 the wfo-migrate developers.\n"
	       "License Apache-2.0: <https://www.apache.org/licenses/LICENSE-2.0>.\n"
	       "This is free software: you are free to change and redistribute it.\n"
	       "There is NO WARRANTY, to the extent permitted by law.\n",
	       PACKAGE_VERSION);
}

/* --private-db anywhere among the command's arguments (before a "--"):
 * removed from argv; 1 when it was there, -1 when it was combined with
 * --database-uri. */
static int take_private_db(int *argc, char **argv)
{
	int found = 0, uri = 0, j = 1;
	for (int i = 1; i < *argc; i++) {
		if (!strcmp(argv[i], "--")) {
			while (i < *argc)
				argv[j++] = argv[i++];
			break;
		}
		if (!strcmp(argv[i], "--private-db")) {
			found = 1;
			continue;
		}
		if (!strncmp(argv[i], "--database-uri", 14))
			uri = 1;
		argv[j++] = argv[i];
	}
	argv[j] = NULL;
	*argc = j;
	return found && uri ? -1 : found;
}

/* Runs the command on the private cluster, stopped afterwards (and, by its
 * supervisor, also when this process is killed or crashes). */
static int run_private(const struct command *c, int argc, char **argv)
{
	struct pgp pg;
	struct wfo_error err = { 0 };
	char *state = pgp_state_dir();
	char *schema = xasprintf("%s/schema.sql", wfo_data_dir());
	int rc = pgp_start(&pg, state, schema, stderr, &err);
	free(state);
	free(schema);
	if (rc < 0) {
		fprintf(stderr, "wfo-migrate: %s\n", err.msg);
		return wfo_exit_code(err.status);
	}
	setenv("DATABASE_URI", pg.uri, 1);
	rc = c->fn(argc, argv);
	fflush(NULL);
	pgp_stop(&pg);
	return rc;
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		usage(stderr);
		return 2;
	}
	const char *arg = argv[1];
	if (!strcmp(arg, "-h") || !strcmp(arg, "--help") || !strcmp(arg, "help")) {
		usage(stdout);
		return 0;
	}
	if (!strcmp(arg, "-V") || !strcmp(arg, "--version")) {
		version();
		return 0;
	}
	sigexit_install();
	for (const struct command *c = commands; c->name; c++) {
		if (strcmp(c->name, arg))
			continue;
		int cargc = argc - 1;
		int priv = take_private_db(&cargc, argv + 1);
		if (priv < 0) {
			fprintf(stderr, "wfo-migrate %s: --private-db and --database-uri exclude each other\n", arg);
			return 2;
		}
		if (priv && !strcmp(arg, "tutorial")) {
			unsetenv("DATABASE_URI");   /* the tutorial starts the private cluster itself */
			priv = 0;
		}
		if (priv)
			return run_private(c, cargc, argv + 1);
		return c->fn(cargc, argv + 1);
	}
	fprintf(stderr, "wfo-migrate: '%s' is not a command. See 'wfo-migrate --help'.\n", arg);
	return 2;
}
