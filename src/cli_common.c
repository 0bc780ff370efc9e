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
#include "revision.h"

int cli_common_option(struct cli_common *cc, int opt, const char *arg)
{
	switch (opt) {
	case CLI_OPT_MIGRATIONS:
		free(cc->migrations);
		cc->migrations = xstrdup(arg);
		return 1;
	case CLI_OPT_DATABASE_URI:
		free(cc->database_uri);
		cc->database_uri = xstrdup(arg);
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
		for (char *t = strtok_r(x, ": \t", &save); t; t = strtok_r(NULL, ": \t", &save))
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

static int load_graph(const struct cli_common *cc, int flags, struct rev_graph **out,
		      struct wfo_error *err)
{
	if (cc->version_dirs.n == 0)
		return wfo_fail(err, WFO_IO, "%s: no such folder of revisions; run "
				"'wfo-migrate init' or pass --migrations DIR",
				cc->project_version_dir ? cc->project_version_dir
							: "migrations/versions/schema");
	return rev_graph_load_flags((const char *const *)cc->version_dirs.v,
				    cc->version_dirs.n, flags, out, err);
}

int cli_load_graph(const struct cli_common *cc, struct rev_graph **out,
		   struct wfo_error *err)
{
	return load_graph(cc, 0, out, err);
}

int cli_load_graph_headers(const struct cli_common *cc, struct rev_graph **out,
			   struct wfo_error *err)
{
	return load_graph(cc, REV_PARSE_HEADERS, out, err);
}

static int in_package(const char *d)
{
	return strstr(d, "site-packages") || strstr(d, "dist-packages");
}

int cli_write_dir(const struct cli_common *cc, char **out, struct wfo_error *err)
{
	*out = NULL;
	const char *denied = NULL;   /* a folder that is there but not writable */
	int denied_errno = 0;
	if (cc->project_version_dir && is_dir(cc->project_version_dir)) {
		if (access(cc->project_version_dir, W_OK) == 0) {
			*out = xstrdup(cc->project_version_dir);
			return 0;
		}
		denied = cc->project_version_dir;
		denied_errno = errno;
	}
	for (size_t i = 0; i < cc->version_dirs.n; i++) {
		if (in_package(cc->version_dirs.v[i]) || !is_dir(cc->version_dirs.v[i]))
			continue;
		if (access(cc->version_dirs.v[i], W_OK) == 0) {
			*out = xstrdup(cc->version_dirs.v[i]);
			return 0;
		}
		if (!denied) {
			denied = cc->version_dirs.v[i];
			denied_errno = errno;
		}
	}
	if (denied)
		return wfo_fail(err, WFO_IO, "%s: the folder of revisions is not writable (%s); "
				"nothing was written", denied, strerror(denied_errno));
	return wfo_fail(err, WFO_IO, "%s: no such folder to write revisions into; run "
			"'wfo-migrate init' or pass --migrations DIR",
			cc->project_version_dir ? cc->project_version_dir
						: "migrations/versions/schema");
}

int cli_load_for_write(const struct cli_common *cc, struct rev_graph **g, char **write_dir,
		       struct wfo_error *err)
{
	*g = NULL;
	if (write_dir && cli_write_dir(cc, write_dir, err) < 0)
		return -1;
	return rev_graph_load((const char *const *)cc->version_dirs.v, cc->version_dirs.n, g,
			      err);
}

void cli_data_heads(const struct rev_graph *g, struct strvec *heads, int *has_label)
{
	*has_label = 0;
	for (size_t i = 0; i < rev_graph_size(g) && !*has_label; i++)
		if (sv_contains(&rev_graph_get(g, i)->labels, "data"))
			*has_label = 1;
	struct strvec all = STRVEC_INIT;
	rev_graph_heads(g, &all);
	for (size_t i = 0; i < all.n; i++)
		if (!*has_label || rev_graph_on_branch(g, all.v[i], "data"))
			sv_push(heads, all.v[i]);
	sv_free(&all);
}

void cli_taken_ids(const struct rev_graph *g, struct strvec *ids)
{
	for (size_t i = 0; i < rev_graph_size(g); i++)
		sv_push(ids, rev_graph_get(g, i)->id);
	const struct strvec *ext = rev_graph_external(g);
	for (size_t i = 0; ext && i < ext->n; i++)
		sv_push(ids, ext->v[i]);
}

int cli_report(const struct wfo_error *err)
{
	fprintf(stderr, "wfo-migrate: %s\n", err->msg[0] ? err->msg
			: wfo_status_text(err->status));
	return wfo_exit_code(err->status);
}
