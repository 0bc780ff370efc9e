/* cmd_init.c - `wfo-migrate init`: create migrations/ and alembic.ini. */
#include "config.h"
#include "commands.h"

#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "atomicfile.h"
#include "util.h"
#include "wfo_error.h"

static void init_usage(FILE *out)
{
	fprintf(out,
		"Usage: wfo-migrate init [--migrations DIR]\n"
		"Create DIR (default: migrations) with env.py, script.py.mako, helpers.py and\n"
		"versions/schema/, and alembic.ini in the current folder when it is absent.\n"
		"Refuses when DIR exists and is not empty.\n\n"
		"  --migrations DIR   the folder to create (default: migrations)\n"
		"  -h, --help         show this help\n");
}

static int is_dir(const char *p)
{
	struct stat st;
	return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

/* WFO_DATA, then the installed pkgdatadir, then the source tree's data/. */
static const char *data_dir(void)
{
	const char *env = getenv("WFO_DATA");
	if (env && *env)
		return env;
	char *probe = xasprintf("%s/env.py", WFO_DATADIR);
	int ok = access(probe, R_OK) == 0;
	free(probe);
	return ok ? WFO_DATADIR : WFO_SRCDATADIR;
}

/* 1: exists and has entries; 0: absent or empty; -1: not a folder / error */
static int non_empty(const char *dir, struct wfo_error *err)
{
	struct stat st;
	if (stat(dir, &st) < 0) {
		if (errno == ENOENT)
			return 0;
		return wfo_fail(err, WFO_IO, "%s: %s", dir, strerror(errno));
	}
	if (!S_ISDIR(st.st_mode))
		return wfo_fail(err, WFO_IO, "%s exists and is not a directory; choose another "
				"place with --migrations DIR", dir);
	DIR *d = opendir(dir);
	if (!d)
		return wfo_fail(err, WFO_IO, "%s: %s", dir, strerror(errno));
	struct dirent *e;
	int found = 0;
	while ((e = readdir(d)))
		if (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
			found = 1;
	closedir(d);
	return found;
}

static int make_dir(const char *p, struct wfo_error *err)
{
	if (mkdir(p, 0777) < 0 && !(errno == EEXIST && is_dir(p)))
		return wfo_fail(err, WFO_IO, "cannot create directory %s: %s", p, strerror(errno));
	printf("Creating directory %s ...  done\n", p);
	return 0;
}

static int copy_template(const char *from, const char *to, const char *here_dir,
			 struct wfo_error *err)
{
	size_t len;
	char *text = read_file(from, &len);
	if (!text)
		return wfo_fail(err, WFO_IO, "cannot read template %s: %s (set WFO_DATA to the "
				"folder holding env.py, script.py.mako and alembic.ini)",
				from, strerror(errno));
	if (here_dir) {
		/* alembic.ini names the migrations folder relative to %(here)s. */
		struct strbuf sb = STRBUF_INIT;
		const char *key = "%(here)s/migrations";
		const char *p = text, *q;
		while ((q = strstr(p, key))) {
			sb_addn(&sb, p, (size_t)(q - p));
			sb_add(&sb, here_dir);
			p = q + strlen(key);
		}
		sb_add(&sb, p);
		free(text);
		len = sb.len;
		text = sb_detach(&sb);
	}
	int rc = atomic_create(to, text, len, err);
	free(text);
	if (rc == 0)
		printf("Generating %s ...  done\n", to);
	return rc;
}

static int do_init(const char *mig, struct wfo_error *err)
{
	int ne = non_empty(mig, err);
	if (ne < 0)
		return -1;
	if (ne)
		return wfo_fail(err, WFO_IO, "Directory %s already exists and is not empty; "
				"init only creates a new migrations folder", mig);
	const char *data = data_dir();
	char cwd[PATH_MAX];
	if (!getcwd(cwd, sizeof cwd))
		return wfo_fail(err, WFO_IO, "cannot read the current directory: %s", strerror(errno));
	char *abs = mig[0] == '/' ? xstrdup(mig) : xasprintf("%s/%s", cwd, mig);
	while (strlen(abs) > 1 && abs[strlen(abs) - 1] == '/')
		abs[strlen(abs) - 1] = '\0';
	char *versions = xasprintf("%s/versions", abs);
	char *schema = xasprintf("%s/versions/schema", abs);
	int rc = -1;
	if (make_dir(abs, err) < 0 || make_dir(versions, err) < 0 || make_dir(schema, err) < 0)
		goto out;
	static const char *const files[] = { "env.py", "script.py.mako", "helpers.py" };
	for (size_t i = 0; i < sizeof files / sizeof *files; i++) {
		char *from = xasprintf("%s/%s", data, files[i]);
		char *to = xasprintf("%s/%s", abs, files[i]);
		int r = copy_template(from, to, NULL, err);
		free(from);
		free(to);
		if (r < 0)
			goto out;
	}
	char *ini = xasprintf("%s/alembic.ini", cwd);
	if (access(ini, F_OK) == 0) {
		printf("Keeping the existing %s; check that its script_location names %s\n", ini, mig);
	} else {
		char *from = xasprintf("%s/alembic.ini", data);
		char *here;
		if (mig[0] == '/')
			here = xstrdup(abs);
		else
			here = xasprintf("%%(here)s/%s", abs + strlen(cwd) + 1);
		int r = copy_template(from, ini, here, err);
		free(from);
		free(here);
		if (r < 0) {
			free(ini);
			goto out;
		}
	}
	free(ini);
	rc = 0;
out:
	free(abs);
	free(versions);
	free(schema);
	return rc;
}

int cmd_init(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "migrations", required_argument, NULL, 'm' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const char *mig = "migrations";
	int c;
	optind = 1;
	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (c) {
		case 'm':
			mig = optarg;
			break;
		case 'h':
			init_usage(stdout);
			return 0;
		default:
			init_usage(stderr);
			return 2;
		}
	}
	if (optind < argc) {
		fprintf(stderr, "wfo-migrate init: unexpected argument '%s'\n", argv[optind]);
		init_usage(stderr);
		return 2;
	}
	if (!*mig) {
		fprintf(stderr, "wfo-migrate init: --migrations needs a folder name\n");
		return 2;
	}
	struct wfo_error err = { 0 };
	if (do_init(mig, &err) < 0) {
		fprintf(stderr, "wfo-migrate init: %s\n", err.msg);
		return wfo_exit_code(err.status);
	}
	return 0;
}
