/* main.c - global options and dispatch to the subcommands of commands.def. */
#include "config.h"
#include "commands.h"

#include <stdio.h>
#include <string.h>

#include "sigexit.h"

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
		"  -V, --version            show the version and exit\n\n"
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
	for (const struct command *c = commands; c->name; c++)
		if (!strcmp(c->name, arg))
			return c->fn(argc - 1, argv + 1);
	fprintf(stderr, "wfo-migrate: '%s' is not a command. See 'wfo-migrate --help'.\n", arg);
	return 2;
}
