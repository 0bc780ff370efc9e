/* cmd_revision.c - `wfo-migrate revision`: an empty revision on the data
 * branch, creating the data head first when there is none. */
#include "config.h"
#include "commands.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "revgraph.h"
#include "revid.h"
#include "revwrite.h"
#include "util.h"
#include "wfo_error.h"

/* Shared with cmd_merge.c (declared there too). */
int files_project(const char *migrations, struct strvec *dirs, char **write_dir,
		  struct wfo_error *err);
int files_data_heads(const struct rev_graph *g, struct strvec *heads, int *has_label);
void files_taken_ids(const struct rev_graph *g, struct strvec *ids);

static void rev_usage(FILE *out)
{
	fprintf(out,
		"Usage: wfo-migrate revision [-m MESSAGE] [--head BRANCH@head] [--version-path DIR]\n"
		"                            [--migrations DIR]\n"
		"Write an empty revision on the data branch (creating the data head first when\n"
		"no revision has the 'data' label) and print the file's path.\n\n"
		"  -m, --message MESSAGE  the revision's message\n"
		"      --head SPEC        the head to revise (default: data@head)\n"
		"      --version-path DIR the folder to write into\n"
		"      --migrations DIR   the migrations folder (default: alembic.ini's\n"
		"                         script_location, else ./migrations)\n"
		"  -h, --help             show this help\n");
}

static char *ini_value(const char *ini, const char *key)
{
	/* key = value in [alembic]; continuation lines are not used there. */
	int in = 0;
	const char *p = ini;
	size_t kl = strlen(key);
	while (*p) {
		const char *e = strchr(p, '\n');
		size_t n = e ? (size_t)(e - p) : strlen(p);
		while (n && (p[n - 1] == '\r' || p[n - 1] == ' '))
			n--;
		if (n && p[0] == '[')
			in = n == 9 && !strncmp(p, "[alembic]", 9);
		else if (in && n > kl && !strncmp(p, key, kl) && strchr(" =", p[kl])) {
			const char *v = p + kl;
			while (*v == ' ')
				v++;
			if (*v == '=') {
				v++;
				while (*v == ' ')
					v++;
				return xstrndup(v, (size_t)(p + n - v));
			}
		}
		if (!e)
			break;
		p = e + 1;
	}
	return NULL;
}

static char *subst_here(const char *v, const char *here)
{
	struct strbuf sb = STRBUF_INIT;
	const char *q;
	sb_add(&sb, "");
	while ((q = strstr(v, "%(here)s"))) {
		sb_addn(&sb, v, (size_t)(q - v));
		sb_add(&sb, here);
		v = q + 8;
	}
	sb_add(&sb, v);
	return sb_detach(&sb);
}

static int in_package(const char *d)
{
	return strstr(d, "site-packages") || strstr(d, "dist-packages");
}

int files_project(const char *migrations, struct strvec *dirs, char **write_dir,
		  struct wfo_error *err)
{
	char here[4096];
	if (!getcwd(here, sizeof here))
		return wfo_fail(err, WFO_IO, "cannot read the current directory: %s", strerror(errno));
	char *ini = read_file("alembic.ini", NULL);
	char *mig = migrations ? xstrdup(migrations) : NULL;
	if (!mig && ini) {
		char *v = ini_value(ini, "script_location");
		if (v) {
			mig = subst_here(v, here);
			free(v);
		}
	}
	if (!mig)
		mig = xstrdup("migrations");
	char *own = xasprintf("%s/versions/schema", mig);
	sv_push(dirs, own);
	if (ini && !migrations) {
		char *v = ini_value(ini, "version_locations");
		if (v) {
			char *s = subst_here(v, here), *save = NULL;
			for (char *t = strtok_r(s, " ,", &save); t; t = strtok_r(NULL, " ,", &save))
				if (!sv_contains(dirs, t) && strcmp(t, own))
					sv_push(dirs, t);
			free(s);
			free(v);
		}
	}
	const char *extra = getenv("WFO_EXTRA_VERSION_LOCATIONS");
	if (extra) {
		char *s = xstrdup(extra), *save = NULL;
		for (char *t = strtok_r(s, " ", &save); t; t = strtok_r(NULL, " ", &save))
			if (!sv_contains(dirs, t))
				sv_push(dirs, t);
		free(s);
	}
	if (write_dir) {
		*write_dir = NULL;
		for (size_t i = 0; i < dirs->n && !*write_dir; i++)
			if (!in_package(dirs->v[i]) && access(dirs->v[i], W_OK) == 0)
				*write_dir = xstrdup(dirs->v[i]);
		if (!*write_dir) {
			wfo_fail(err, WFO_IO, "%s: no such folder to write revisions into; run "
				 "'wfo-migrate init' or pass --migrations DIR", own);
			free(own);
			free(mig);
			free(ini);
			return -1;
		}
	}
	free(own);
	free(mig);
	free(ini);
	return 0;
}

static int on_branch(const struct rev_graph *g, const char *id, const char *label, int depth)
{
	const struct revision *r = rev_graph_lookup(g, id);
	if (!r || depth > 100000)
		return 0;
	if (sv_contains(&r->labels, label))
		return 1;
	for (size_t i = 0; i < r->down.n; i++)
		if (on_branch(g, r->down.v[i], label, depth + 1))
			return 1;
	return 0;
}

int files_data_heads(const struct rev_graph *g, struct strvec *heads, int *has_label)
{
	*has_label = 0;
	for (size_t i = 0; i < rev_graph_size(g); i++)
		if (sv_contains(&rev_graph_get(g, i)->labels, "data"))
			*has_label = 1;
	struct strvec all = STRVEC_INIT;
	rev_graph_heads(g, &all);
	for (size_t i = 0; i < all.n; i++)
		if (!*has_label || on_branch(g, all.v[i], "data", 0))
			sv_push(heads, all.v[i]);
	sv_free(&all);
	return 0;
}

void files_taken_ids(const struct rev_graph *g, struct strvec *ids)
{
	for (size_t i = 0; i < rev_graph_size(g); i++)
		sv_push(ids, rev_graph_get(g, i)->id);
	const struct strvec *ext = rev_graph_external(g);
	for (size_t i = 0; ext && i < ext->n; i++)
		sv_push(ids, ext->v[i]);
}

static int do_revision(const char *message, const char *head, const char *version_path,
		       const char *migrations, struct wfo_error *err)
{
	struct strvec dirs = STRVEC_INIT, taken = STRVEC_INIT, heads = STRVEC_INIT;
	struct rev_graph *g = NULL;
	char *dir = NULL, *path = NULL;
	struct revwrite rw = { 0 };
	char id[13];
	int rc = -1, has_data;

	if (files_project(migrations, &dirs, version_path ? NULL : &dir, err) < 0)
		goto out;
	if (version_path)
		dir = xstrdup(version_path);
	if (rev_graph_load((const char *const *)dirs.v, dirs.n, &g, err) < 0)
		goto out;
	files_taken_ids(g, &taken);
	files_data_heads(g, &heads, &has_data);
	clock_gettime(CLOCK_REALTIME, &rw.created);

	if (!has_data && (!head || !strcmp(head, "data@head"))) {
		struct strvec all = STRVEC_INIT;
		rev_graph_heads(g, &all);
		if (all.n > 1) {
			struct strbuf sb = STRBUF_INIT;
			for (size_t i = 0; i < all.n; i++)
				sb_addf(&sb, "%s%s", i ? ", " : "", all.v[i]);
			wfo_fail(err, WFO_GRAPH, "no revision has the 'data' label and there are "
				 "several heads (%s); merge them first with 'wfo-migrate merge'",
				 sb_str(&sb));
			sb_free(&sb);
			sv_free(&all);
			goto out;
		}
		struct revwrite root = { 0 };
		if (revid_new(id, &taken, err) < 0) {
			sv_free(&all);
			goto out;
		}
		root.message = "Create data head";
		root.id = id;
		root.created = rw.created;
		sv_push(&root.labels, "data");
		if (all.n == 1)
			sv_push(&root.depends, all.v[0]);
		int r = revwrite_file(dir, &root, &path, err);
		sv_free(&root.labels);
		sv_free(&root.depends);
		sv_free(&all);
		if (r < 0)
			goto out;
		printf("%s\n", path);
		free(path);
		path = NULL;
		sv_push(&taken, id);
		sv_push(&rw.down, id);
	} else {
		const char *spec = head ? head : "data@head";
		struct strvec res = STRVEC_INIT;
		if (!strcmp(spec, "data@head") && heads.n > 1) {
			struct strbuf sb = STRBUF_INIT;
			for (size_t i = 0; i < heads.n; i++)
				sb_addf(&sb, "%s%s", i ? ", " : "", heads.v[i]);
			wfo_fail(err, WFO_GRAPH, "the data branch has several heads (%s); merge "
				 "them first with 'wfo-migrate merge -m MESSAGE'", sb_str(&sb));
			sb_free(&sb);
			goto out;
		}
		if (!strcmp(spec, "data@head") && heads.n == 1) {
			sv_push(&res, heads.v[0]);
		} else if (rev_graph_resolve(g, spec, NULL, &res, err) < 0) {
			wfo_error_prefix(err, "--head %s: ", spec);
			sv_free(&res);
			goto out;
		}
		if (res.n > 1) {
			wfo_fail(err, WFO_GRAPH, "--head %s names %zu revisions; name one head "
				 "(or merge them first)", spec, res.n);
			sv_free(&res);
			goto out;
		}
		for (size_t i = 0; i < res.n; i++)
			sv_push(&rw.down, res.v[i]);
		sv_free(&res);
	}
	char nid[13];
	if (revid_new(nid, &taken, err) < 0)
		goto out;
	rw.message = message;
	rw.id = nid;
	if (revwrite_file(dir, &rw, &path, err) < 0)
		goto out;
	printf("%s\n", path);
	rc = 0;
out:
	free(path);
	free(dir);
	sv_free(&rw.down);
	sv_free(&dirs);
	sv_free(&taken);
	sv_free(&heads);
	if (g)
		rev_graph_free(g);
	return rc;
}

int cmd_revision(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "message", required_argument, NULL, 'm' },
		{ "head", required_argument, NULL, 'H' },
		{ "version-path", required_argument, NULL, 'v' },
		{ "migrations", required_argument, NULL, 'M' },
		{ "autogenerate", no_argument, NULL, 'a' },
		{ "no-autogenerate", no_argument, NULL, 'n' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const char *message = NULL, *head = NULL, *vpath = NULL, *mig = NULL;
	int c;
	optind = 1;
	while ((c = getopt_long(argc, argv, "m:h", opts, NULL)) != -1) {
		switch (c) {
		case 'm': message = optarg; break;
		case 'H': head = optarg; break;
		case 'v': vpath = optarg; break;
		case 'M': mig = optarg; break;
		case 'n': break;
		case 'a':
			fprintf(stderr, "wfo-migrate revision: --autogenerate is not supported "
				"(revisions of a data branch are written by migrate-domain-models)\n");
			return 2;
		case 'h': rev_usage(stdout); return 0;
		default: rev_usage(stderr); return 2;
		}
	}
	if (optind < argc) {
		fprintf(stderr, "wfo-migrate revision: unexpected argument '%s'\n", argv[optind]);
		return 2;
	}
	struct wfo_error err = { 0 };
	if (do_revision(message, head, vpath, mig, &err) < 0) {
		fprintf(stderr, "wfo-migrate revision: %s\n", err.msg);
		return wfo_exit_code(err.status);
	}
	return 0;
}
