/* cli_common.c - shared options of the revision commands and the project's
 * version folders. */
#include "config.h"
#include "cli_common.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ini.h"

int cli_common_option(struct cli_common *cc, int opt, const char *optarg)
{
	switch (opt) {
	case CLI_OPT_MIGRATIONS:
		free(cc->migrations);
		cc->migrations = xstrdup(optarg);
		return 1;
	case CLI_OPT_DATABASE_URI:
		free(cc->database_uri);
		cc->database_uri = xstrdup(optarg);
		return 1;
	default:
		return 0;
	}
}

static int is_dir(const char *p)
{
	struct stat st;
	return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

static int same_file(const char *a, const char *b)
{
	struct stat sa, sb;
	if (stat(a, &sa) < 0 || stat(b, &sb) < 0)
		return !strcmp(a, b);
	return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

static void add_dir(struct cli_common *cc, const char *d)
{
	if (!*d || !is_dir(d))
		return;
	for (size_t i = 0; i < cc->version_dirs.n; i++)
		if (same_file(cc->version_dirs.v[i], d))
			return;
	sv_push(&cc->version_dirs, d);
}

int cli_common_finish(struct cli_common *cc, struct wfo_error *err)
{
	struct ini *ini = NULL;
	char *loc = NULL, *vl = NULL;
	if (access("alembic.ini", F_OK) == 0) {
		char cwd[PATH_MAX];
		if (!getcwd(cwd, sizeof(cwd)))
			return wfo_fail(err, WFO_IO, "cannot get the current directory: %s",
					strerror(errno));
		if (ini_load("alembic.ini", cwd, &ini, err) < 0)
			return -1;
		if (ini_get(ini, "alembic", "script_location", &loc, err) < 0 ||
		    ini_get(ini, "alembic", "version_locations", &vl, err) < 0) {
			ini_free(ini);
			free(loc);
			return -1;
		}
		ini_free(ini);
		free(cc->ini_path);
		cc->ini_path = xstrdup("alembic.ini");
	}
	int use_ini_locations = 1;
	if (!cc->migrations) {
		cc->migrations = loc && *loc ? xstrdup(loc) : xstrdup("migrations");
	} else if (!loc || !same_file(loc, cc->migrations)) {
		use_ini_locations = 0;
	}
	if (!cc->database_uri) {
		const char *u = getenv("DATABASE_URI");
		if (u && *u)
			cc->database_uri = xstrdup(u);
	}
	/* Alembic reads the folders in version_locations order (the heads are
	 * listed in the order their files were read), so those come first; the
	 * project folder follows when the ini does not name it. */
	free(cc->project_version_dir);
	cc->project_version_dir = xasprintf("%s/versions/schema", cc->migrations);
	if (vl && use_ini_locations) {
		for (char *t = strtok(vl, " ,\n\t"); t; t = strtok(NULL, " ,\n\t"))
			add_dir(cc, t);
	}
	add_dir(cc, cc->project_version_dir);
	const char *extra = getenv("WFO_EXTRA_VERSION_LOCATIONS");
	if (extra) {
		char *x = xstrdup(extra);
		char *save = NULL;
		for (char *t = strtok_r(x, ":", &save); t; t = strtok_r(NULL, ":", &save))
			add_dir(cc, t);
		free(x);
	}
	free(loc);
	free(vl);
	return 0;
}

void cli_common_free(struct cli_common *cc)
{
	free(cc->migrations);
	free(cc->database_uri);
	free(cc->project_version_dir);
	free(cc->ini_path);
	sv_free(&cc->version_dirs);
	memset(cc, 0, sizeof(*cc));
}

int cli_load_graph(const struct cli_common *cc, struct rev_graph **out,
		   struct wfo_error *err)
{
	if (cc->version_dirs.n == 0)
		return wfo_fail(err, WFO_IO, "%s: no such folder of revisions; run "
				"'wfo-migrate init' or pass --migrations DIR",
				cc->project_version_dir ? cc->project_version_dir
							: "migrations/versions/schema");
	return rev_graph_load((const char *const *)cc->version_dirs.v,
			      cc->version_dirs.n, out, err);
}

int cli_report(const struct wfo_error *err)
{
	fprintf(stderr, "wfo-migrate: %s\n", err->msg[0] ? err->msg
			: wfo_status_text(err->status));
	return wfo_exit_code(err->status);
}
