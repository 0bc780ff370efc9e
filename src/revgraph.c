/* revgraph.c - the revision graph as Alembic 1.8 builds it: loading version
 * folders, validation, labels, dependencies, heads and identifiers.
 * Iteration orders follow Alembic's revision map (load order = directory
 * listing order of each folder, folders in the given order). */
#include "config.h"
#include "revgraph.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "revgraph_int.h"

/* ---- string -> index hash map ---- */

static size_t hash_str(const char *s)
{
	size_t h = 1469598103934665603ULL & (size_t)-1;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * (size_t)1099511628211ULL;
	return h;
}

static void map_grow(struct rg_map *m)
{
	size_t ncap = m->cap ? m->cap * 2 : 64;
	struct rg_slot *ns = xcalloc(ncap, sizeof(*ns));
	for (size_t i = 0; i < m->cap; i++) {
		if (!m->s[i].key)
			continue;
		size_t h = hash_str(m->s[i].key) & (ncap - 1);
		while (ns[h].key)
			h = (h + 1) & (ncap - 1);
		ns[h] = m->s[i];
	}
	free(m->s);
	m->s = ns;
	m->cap = ncap;
}

/* Returns the slot's value (-1 when absent). */
long rg_map_get(const struct rg_map *m, const char *key)
{
	if (!m->cap)
		return -1;
	size_t h = hash_str(key) & (m->cap - 1);
	while (m->s[h].key) {
		if (!strcmp(m->s[h].key, key))
			return (long)m->s[h].val;
		h = (h + 1) & (m->cap - 1);
	}
	return -1;
}

/* Inserts key (borrowed; must outlive the map). Returns the previous value
 * or -1. */
static long map_put(struct rg_map *m, const char *key, size_t val)
{
	if ((m->n + 1) * 2 > m->cap)
		map_grow(m);
	size_t h = hash_str(key) & (m->cap - 1);
	while (m->s[h].key) {
		if (!strcmp(m->s[h].key, key)) {
			long old = (long)m->s[h].val;
			m->s[h].val = val;
			return old;
		}
		h = (h + 1) & (m->cap - 1);
	}
	m->s[h].key = key;
	m->s[h].val = val;
	m->n++;
	return -1;
}

/* ---- index vectors ---- */

void iv_push(struct idxvec *v, size_t x)
{
	if (v->n == v->cap) {
		v->cap = v->cap ? v->cap * 2 : 4;
		v->v = xrealloc(v->v, v->cap * sizeof(*v->v));
	}
	v->v[v->n++] = x;
}

int iv_contains(const struct idxvec *v, size_t x)
{
	for (size_t i = 0; i < v->n; i++)
		if (v->v[i] == x)
			return 1;
	return 0;
}

void iv_free(struct idxvec *v)
{
	free(v->v);
	memset(v, 0, sizeof(*v));
}

/* ---- graph ---- */

struct rev_graph *rev_graph_new(void)
{
	return xcalloc(1, sizeof(struct rev_graph));
}

static void node_free(struct rg_node *n)
{
	rev_free(n->r);
	iv_free(&n->down);
	iv_free(&n->next);
	iv_free(&n->allnext);
	iv_free(&n->normdown_known);
	sv_free(&n->deps);
	sv_free(&n->normdeps);
	sv_free(&n->normdown);
	sv_free(&n->labels);
}

void rev_graph_free(struct rev_graph *g)
{
	if (!g)
		return;
	for (size_t i = 0; i < g->n; i++)
		node_free(&g->nodes[i]);
	free(g->nodes);
	free(g->ids.s);
	free(g->labels.s);
	sv_free(&g->external);
	iv_free(&g->heads);
	iv_free(&g->real_heads);
	iv_free(&g->bases);
	free(g);
}

int rev_graph_add(struct rev_graph *g, struct revision *r, struct wfo_error *err)
{
	long old = rg_map_get(&g->ids, r->id);
	if (old >= 0) {
		int rc = wfo_fail(err, WFO_GRAPH, "revision %s is defined twice: in %s:%d and in "
				  "%s:%d; remove or renumber one of them", r->id,
				  g->nodes[old].r->path, g->nodes[old].r->id_line, r->path,
				  r->id_line);
		rev_free(r);
		return rc;
	}
	for (size_t i = 0; i < r->down.n; i++)
		if (!strcmp(r->down.v[i], r->id)) {
			int rc = wfo_fail(err, WFO_GRAPH, "%s:%d: revision %s names itself as "
					  "down_revision (Self-loop is detected in revisions (%s))",
					  r->path, r->down_line ? r->down_line : r->id_line, r->id,
					  r->id);
			rev_free(r);
			return rc;
		}
	for (size_t i = 0; i < r->depends.n; i++)
		if (!strcmp(r->depends.v[i], r->id)) {
			int rc = wfo_fail(err, WFO_GRAPH, "%s:%d: revision %s depends on itself "
					  "(Dependency self-loop is detected in revisions (%s))",
					  r->path, r->depends_line ? r->depends_line : r->id_line,
					  r->id, r->id);
			rev_free(r);
			return rc;
		}
	if (g->n == g->cap) {
		g->cap = g->cap ? g->cap * 2 : 64;
		g->nodes = xrealloc(g->nodes, g->cap * sizeof(*g->nodes));
	}
	struct rg_node *n = &g->nodes[g->n];
	memset(n, 0, sizeof(*n));
	n->r = r;
	map_put(&g->ids, r->id, g->n);
	g->n++;
	g->finished = 0;
	return 0;
}

/* The whole of file name in the open folder dfd into buf (replacing what
 * it held): openat, reads, close - for a regular file (the folder's d_type
 * says so) a read shorter than asked is its end, so most files take one
 * read and no stat. -1 with errno on failure. */
static int read_at(int dfd, const char *name, int regular, struct strbuf *buf)
{
	/* O_NONBLOCK: a FIFO named x.py must not block the open; when the
	 * folder does not say "regular file", fstat decides (EINVAL for a
	 * FIFO, device or socket, see file_strerror) */
	int fd = openat(dfd, name, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
	if (fd < 0)
		return -1;
	struct stat st;
	int e = regular ? 0 : fstat(fd, &st) < 0 ? errno : S_ISREG(st.st_mode) ? 0
		: S_ISDIR(st.st_mode) ? EISDIR : EINVAL;
	if (e) {
		close(fd);
		errno = e;
		return -1;
	}
	sb_reset(buf);
	for (;;) {
		size_t want = buf->cap > buf->len + 1 + 4096 ? buf->cap - buf->len - 1 : 65536;
		sb_grow(buf, want);
		ssize_t n = read(fd, buf->buf + buf->len, want);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			e = errno;
			close(fd);
			errno = e;
			return -1;
		}
		buf->len += (size_t)n;
		if (n == 0 || (regular && (size_t)n < want))
			break;
	}
	close(fd);
	sb_grow(buf, 0);
	buf->buf[buf->len] = '\0';
	return 0;
}

/* dir/name (without a second slash when dir ends in one). */
static char *join_path(const char *dir, size_t dl, const char *name)
{
	int slash = dl && dir[dl - 1] == '/';
	size_t nl = strlen(name);
	char *p = xmalloc(dl + !slash + nl + 1);
	memcpy(p, dir, dl);
	if (!slash)
		p[dl] = '/';
	memcpy(p + dl + !slash, name, nl + 1);
	return p;
}

static int is_py_file(const char *name)
{
	size_t n = strlen(name);
	return n > 3 && !strcmp(name + n - 3, ".py") && strncmp(name, ".#", 2) &&
	       strncmp(name, "__init__", 8);
}

int rev_graph_load(const char *const *dirs, size_t ndirs,
		   struct rev_graph **out, struct wfo_error *err)
{
	return rev_graph_load_flags(dirs, ndirs, 0, out, err);
}

/* ---- loading: list the folders in order, read and parse the files on a
 * few threads (the work is one open/read/close and a parse per file, so
 * 2,000 files parse in half the time on two cores), then add them to the
 * graph in listing order, which is Alembic's order. ---- */

struct load_job {
	int dfd;                 /* the folder, open for openat */
	char *name, *path;
	int regular;
	struct revision *r;      /* parsed, or NULL */
	int failed;
};

struct load_part {
	struct load_job *jobs;
	size_t from, to, step;   /* jobs from, from + step, ... below to */
	int flags;
	size_t first_bad;        /* lowest failing job of this part, or (size_t)-1 */
	struct wfo_error err;    /* its error */
};

static void *load_part_run(void *arg)
{
	struct load_part *lp = arg;
	struct strbuf text = STRBUF_INIT;   /* one buffer for the part's files */
	for (size_t i = lp->from; i < lp->to; i += lp->step) {
		struct load_job *j = &lp->jobs[i];
		struct wfo_error e;
		int bad = read_at(j->dfd, j->name, j->regular, &text) < 0;
		if (bad)
			wfo_fail(&e, WFO_IO, "%s: cannot read: %s", j->path, file_strerror(errno));
		else
			bad = rev_parse_buffer_flags(j->path, text.buf, text.len, lp->flags, &j->r, &e) < 0;
		if (bad) {
			j->failed = 1;
			if (lp->first_bad == (size_t)-1 || i < lp->first_bad) {
				lp->first_bad = i;
				lp->err = e;
			}
		}
	}
	sb_free(&text);
	return NULL;
}

/* Parses every job, on up to 4 threads for folders big enough to gain.
 * Returns the index of the first job (in order) that failed, with its
 * error, or (size_t)-1. */
static size_t load_parse_all(struct load_job *jobs, size_t n, int flags, struct wfo_error *err)
{
	long cpus = sysconf(_SC_NPROCESSORS_ONLN);
	size_t nt = n < 256 || cpus < 2 ? 1 : (size_t)(cpus < 4 ? cpus : 4);
	struct load_part parts[4];
	pthread_t th[4];
	size_t started = 0;
	for (size_t t = 0; t < nt; t++) {
		parts[t] = (struct load_part){ jobs, t, n, nt, flags, (size_t)-1, { 0 } };
		if (t > 0 && pthread_create(&th[t], NULL, load_part_run, &parts[t]) == 0)
			started |= (size_t)1 << t;
	}
	load_part_run(&parts[0]);
	for (size_t t = 1; t < nt; t++) {
		if (started & ((size_t)1 << t))
			pthread_join(th[t], NULL);
		else
			load_part_run(&parts[t]);   /* no thread: do it here */
	}
	size_t first = (size_t)-1;
	for (size_t t = 0; t < nt; t++)
		if (parts[t].first_bad < first) {
			first = parts[t].first_bad;
			*err = parts[t].err;
		}
	return first;
}

int rev_graph_load_flags(const char *const *dirs, size_t ndirs, int flags,
			 struct rev_graph **out, struct wfo_error *err)
{
	/* real paths of the files read (Alembic skips a file it meets again
	 * through another folder or a symlink) */
	struct strvec seen = STRVEC_INIT;
	struct rg_map seen_map = { 0 };
	DIR **open_dirs = xcalloc(ndirs + 1, sizeof(*open_dirs));
	struct load_job *jobs = NULL;
	size_t nj = 0, cap = 0;
	struct rev_graph *g = NULL;
	int rc = -1;
	for (size_t d = 0; d < ndirs; d++) {
		DIR *dh = opendir(dirs[d]);
		if (!dh) {
			if (errno == ENOENT)
				continue;  /* Alembic skips folders that do not exist */
			wfo_fail(err, WFO_IO, "%s: cannot list the version folder: %s",
				 dirs[d], strerror(errno));
			goto out;
		}
		open_dirs[d] = dh;
		size_t dl = strlen(dirs[d]);
		/* the folder resolved once: a regular file's real path is then
		 * that folder and its name */
		char *realdir = realpath(dirs[d], NULL);
		size_t rl = realdir ? strlen(realdir) : 0;
		struct dirent *de;
		while ((de = readdir(dh)) != NULL) {
			if (!is_py_file(de->d_name))
				continue;
			char *path = join_path(dirs[d], dl, de->d_name);
			char *real = realdir && de->d_type == DT_REG
				     ? join_path(realdir, rl, de->d_name) : realpath(path, NULL);
			if (real && rg_map_get(&seen_map, real) >= 0) {
				free(real);
				free(path);
				continue;  /* the same file through two folders */
			}
			if (real) {
				sv_push_owned(&seen, real);
				map_put(&seen_map, real, seen.n - 1);
			}
			if (nj == cap) {
				cap = cap ? 2 * cap : 64;
				jobs = xrealloc(jobs, cap * sizeof(*jobs));
			}
			jobs[nj++] = (struct load_job){ dirfd(dh), xstrdup(de->d_name), path,
							de->d_type == DT_REG, NULL, 0 };
		}
		free(realdir);
	}
	struct wfo_error perr;
	size_t bad = load_parse_all(jobs, nj, flags, &perr);
	g = rev_graph_new();
	for (size_t i = 0; i < nj; i++) {
		if (i == bad) {
			*err = perr;
			goto out;
		}
		struct revision *r = jobs[i].r;
		jobs[i].r = NULL;
		if (rev_graph_add(g, r, err) < 0)
			goto out;
	}
	if (rev_graph_finish(g, err) < 0)
		goto out;
	*out = g;
	g = NULL;
	rc = 0;
out:
	for (size_t i = 0; i < nj; i++) {
		free(jobs[i].name);
		free(jobs[i].path);
		if (jobs[i].r)
			rev_free(jobs[i].r);
	}
	free(jobs);
	for (size_t d = 0; d < ndirs; d++)
		if (open_dirs[d])
			closedir(open_dirs[d]);
	free(open_dirs);
	sv_free(&seen);
	free(seen_map.s);
	if (g)
		rev_graph_free(g);
	return rc;
}

size_t rev_graph_size(const struct rev_graph *g)
{
	return g->n;
}

const struct revision *rev_graph_get(const struct rev_graph *g, size_t i)
{
	return i < g->n ? g->nodes[i].r : NULL;
}

const struct revision *rev_graph_lookup(const struct rev_graph *g, const char *id)
{
	long i = rg_map_get(&g->ids, id);
	return i < 0 ? NULL : g->nodes[i].r;
}

const struct strvec *rev_graph_external(const struct rev_graph *g)
{
	return &g->external;
}

int rev_graph_on_branch(const struct rev_graph *g, const char *id, const char *label)
{
	long x = rg_map_get(&g->ids, id);
	if (x < 0)
		return 0;
	size_t t = (size_t)x;
	char *set = rg_set_new(g);
	rg_ancestors(g, &t, 1, 0, set);
	int on = 0;
	for (size_t i = 0; i < g->n && !on; i++)
		on = set[i] && sv_contains(&g->nodes[i].r->labels, label);
	free(set);
	return on;
}

/* Index of a depends_on entry: id, branch label, or unique prefix of an id
 * (at least 4 characters). -1: exists nowhere; -2: ambiguous. */
static long dep_lookup(const struct rev_graph *g, const char *name)
{
	long i = rg_map_get(&g->ids, name);
	if (i >= 0)
		return i;
	i = rg_map_get(&g->labels, name);
	if (i >= 0)
		return i;
	if (strlen(name) < 4)
		return -1;
	long found = -1;
	for (size_t k = 0; k < g->n; k++)
		if (str_starts_with(g->nodes[k].r->id, name)) {
			if (found >= 0)
				return -2;
			found = (long)k;
		}
	return found;
}

/* Versioned ancestors (excluding self) of n, marked in mark[] (cleared by
 * the caller). */
static void mark_versioned_ancestors(const struct rev_graph *g, size_t n, char *mark,
				     struct idxvec *stack)
{
	stack->n = 0;
	for (size_t k = 0; k < g->nodes[n].down.n; k++)
		iv_push(stack, g->nodes[n].down.v[k]);
	while (stack->n) {
		size_t x = stack->v[--stack->n];
		if (mark[x])
			continue;
		mark[x] = 1;
		for (size_t k = 0; k < g->nodes[x].down.n; k++)
			iv_push(stack, g->nodes[x].down.v[k]);
	}
}

static void label_add(struct rg_node *n, const struct strvec *labels)
{
	for (size_t i = 0; i < labels->n; i++)
		if (!sv_contains(&n->labels, labels->v[i]))
			sv_push(&n->labels, labels->v[i]);
}

/* Kahn's algorithm over either the versioned or all edges; the revisions
 * left over are on or behind a cycle. */
static int check_cycles(struct rev_graph *g, int all, struct wfo_error *err)
{
	size_t *indeg = xcalloc(g->n ? g->n : 1, sizeof(*indeg));
	struct idxvec q = { 0 };
	for (size_t i = 0; i < g->n; i++) {
		indeg[i] = all ? g->nodes[i].normdown_known.n : g->nodes[i].down.n;
		if (!indeg[i])
			iv_push(&q, i);
	}
	size_t done = 0;
	while (q.n) {
		size_t x = q.v[--q.n];
		done++;
		const struct idxvec *nx = all ? &g->nodes[x].allnext : &g->nodes[x].next;
		for (size_t k = 0; k < nx->n; k++)
			if (--indeg[nx->v[k]] == 0)
				iv_push(&q, nx->v[k]);
	}
	int rc = 0;
	if (done < g->n) {
		struct strvec left = STRVEC_INIT;
		for (size_t i = 0; i < g->n; i++)
			if (indeg[i])
				sv_push(&left, g->nodes[i].r->id);
		sv_sort(&left);
		struct strbuf sb = STRBUF_INIT;
		for (size_t i = 0; i < left.n; i++) {
			const struct revision *r = rev_graph_lookup(g, left.v[i]);
			sb_addf(&sb, "%s%s (%s)", i ? ", " : "", r->id, r->path);
		}
		rc = wfo_fail(err, WFO_GRAPH, "%s is detected in revisions: %s; follow their "
			      "%s to find the loop", all ? "Dependency cycle" : "Cycle",
			      sb_str(&sb), all ? "down_revision and depends_on" : "down_revision");
		sb_free(&sb);
		sv_free(&left);
	}
	free(indeg);
	iv_free(&q);
	return rc;
}

int rev_graph_finish(struct rev_graph *g, struct wfo_error *err)
{
	/* reset derived data (finish may run again after more adds) */
	free(g->labels.s);
	memset(&g->labels, 0, sizeof(g->labels));
	sv_free(&g->external);
	iv_free(&g->heads);
	iv_free(&g->real_heads);
	iv_free(&g->bases);
	for (size_t i = 0; i < g->n; i++) {
		struct rg_node *n = &g->nodes[i];
		iv_free(&n->down);
		iv_free(&n->next);
		iv_free(&n->allnext);
		iv_free(&n->normdown_known);
		sv_free(&n->deps);
		sv_free(&n->normdeps);
		sv_free(&n->normdown);
		sv_free(&n->labels);
	}
	/* branch labels (a label may also not shadow a revision id) */
	for (size_t i = 0; i < g->n; i++) {
		const struct revision *r = g->nodes[i].r;
		for (size_t k = 0; k < r->labels.n; k++) {
			const char *l = r->labels.v[k];
			long o = rg_map_get(&g->labels, l);
			if (o < 0)
				o = rg_map_get(&g->ids, l);
			if (o >= 0)
				return wfo_fail(err, WFO_GRAPH, "%s:%d: branch name '%s' in revision "
						"%s is already used by revision %s (%s); branch labels "
						"must be unique", r->path,
						r->labels_line ? r->labels_line : r->id_line, l, r->id,
						g->nodes[o].r->id, g->nodes[o].r->path);
			map_put(&g->labels, l, i);
		}
	}
	/* down revisions */
	for (size_t i = 0; i < g->n; i++) {
		struct rg_node *n = &g->nodes[i];
		const struct revision *r = n->r;
		for (size_t k = 0; k < r->down.n; k++) {
			long d = rg_map_get(&g->ids, r->down.v[k]);
			if (d < 0)
				return wfo_fail(err, WFO_GRAPH, "%s:%d: down_revision '%s' of revision "
						"%s exists in no version folder; add the folder that "
						"holds it or correct the id", r->path,
						r->down_line ? r->down_line : r->id_line,
						r->down.v[k], r->id);
			if (!iv_contains(&n->down, (size_t)d))
				iv_push(&n->down, (size_t)d);
		}
	}
	/* dependencies: resolved ids; unknown names are external revisions */
	for (size_t i = 0; i < g->n; i++) {
		struct rg_node *n = &g->nodes[i];
		const struct revision *r = n->r;
		for (size_t k = 0; k < r->depends.n; k++) {
			long d = dep_lookup(g, r->depends.v[k]);
			if (d == -2)
				return wfo_fail(err, WFO_GRAPH, "%s:%d: depends_on '%s' of revision %s "
						"matches several revisions; write the full id",
						r->path, r->depends_line ? r->depends_line : r->id_line,
						r->depends.v[k], r->id);
			const char *id = d >= 0 ? g->nodes[d].r->id : r->depends.v[k];
			if (d < 0 && !sv_contains(&g->external, id))
				sv_push(&g->external, id);
			if (!sv_contains(&n->deps, id))
				sv_push(&n->deps, id);
		}
	}
	/* nextrev / all nextrev, heads (load order) */
	for (size_t i = 0; i < g->n; i++) {
		struct rg_node *n = &g->nodes[i];
		for (size_t k = 0; k < n->down.n; k++)
			iv_push(&g->nodes[n->down.v[k]].next, i);
		struct idxvec alld = { 0 };
		for (size_t k = 0; k < n->down.n; k++)
			iv_push(&alld, n->down.v[k]);
		for (size_t k = 0; k < n->deps.n; k++) {
			long d = rg_map_get(&g->ids, n->deps.v[k]);
			if (d >= 0 && !iv_contains(&alld, (size_t)d))
				iv_push(&alld, (size_t)d);
		}
		for (size_t k = 0; k < alld.n; k++)
			if (!iv_contains(&g->nodes[alld.v[k]].allnext, i))
				iv_push(&g->nodes[alld.v[k]].allnext, i);
		iv_free(&alld);
	}
	/* normalized dependencies: drop those a versioned ancestor declares */
	char *mark = xcalloc(g->n ? g->n : 1, 1);
	struct idxvec stack = { 0 };
	for (size_t i = 0; i < g->n; i++) {
		struct rg_node *n = &g->nodes[i];
		if (n->deps.n) {
			memset(mark, 0, g->n);
			mark_versioned_ancestors(g, i, mark, &stack);
			for (size_t k = 0; k < n->deps.n; k++) {
				int drop = 0;
				for (size_t a = 0; a < g->n && !drop; a++)
					if (mark[a] && sv_contains(&g->nodes[a].deps, n->deps.v[k]))
						drop = 1;
				if (!drop)
					sv_push(&n->normdeps, n->deps.v[k]);
			}
		}
		for (size_t k = 0; k < n->r->down.n; k++)
			if (!sv_contains(&n->normdown, n->r->down.v[k]))
				sv_push(&n->normdown, n->r->down.v[k]);
		for (size_t k = 0; k < n->normdeps.n; k++)
			if (!sv_contains(&n->normdown, n->normdeps.v[k]))
				sv_push(&n->normdown, n->normdeps.v[k]);
		for (size_t k = 0; k < n->normdown.n; k++) {
			long d = rg_map_get(&g->ids, n->normdown.v[k]);
			if (d >= 0)
				iv_push(&n->normdown_known, (size_t)d);
		}
	}
	for (size_t i = 0; i < g->n; i++) {
		if (!g->nodes[i].next.n)
			iv_push(&g->heads, i);
		if (!g->nodes[i].allnext.n)
			iv_push(&g->real_heads, i);
		if (!g->nodes[i].r->down.n)
			iv_push(&g->bases, i);
	}
	if (check_cycles(g, 0, err) < 0 || check_cycles(g, 1, err) < 0) {
		free(mark);
		iv_free(&stack);
		return -1;
	}
	/* branch labels apply to the revision and its descendants; Alembic 1.8
	 * then also walks down from the last descendant it visited to the
	 * nearest real branch point or merge point (its _add_branches) */
	for (size_t i = 0; i < g->n; i++)
		label_add(&g->nodes[i], &g->nodes[i].r->labels);
	for (size_t i = 0; i < g->n; i++) {
		const struct strvec *own = &g->nodes[i].r->labels;
		if (!own->n)
			continue;
		memset(mark, 0, g->n);
		stack.n = 0;
		iv_push(&stack, i);
		size_t last = i;
		while (stack.n) {
			size_t x = stack.v[--stack.n];
			if (mark[x])
				continue;
			mark[x] = 1;
			for (size_t k = 0; k < g->nodes[x].next.n; k++)
				iv_push(&stack, g->nodes[x].next.v[k]);
			label_add(&g->nodes[x], own);
			last = x;
		}
		size_t p = last;
		for (;;) {
			struct rg_node *pn = &g->nodes[p];
			if (pn->allnext.n > 1 || pn->r->down.n > 1)
				break;
			label_add(pn, own);
			if (pn->down.n != 1)
				break;
			p = pn->down.v[0];
		}
	}
	free(mark);
	iv_free(&stack);
	g->finished = 1;
	return 0;
}

void rev_graph_heads(const struct rev_graph *g, struct strvec *out)
{
	for (size_t i = 0; i < g->heads.n; i++)
		sv_push(out, g->nodes[g->heads.v[i]].r->id);
}
