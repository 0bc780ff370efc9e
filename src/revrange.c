/* revrange.c - the revisions of `history -r LOWER:UPPER`, chosen as
 * Alembic's walk_revisions(base, head) chooses them: the revisions needed
 * to go from LOWER up to UPPER, LOWER included, newest first. Relative
 * forms (-N:, REV:+N) walk as far as the graph goes instead of failing. */
#include "config.h"
#include "revgraph.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "revgraph_int.h"

/* A tuple of Alembic revisions: indexes, plus the two non-revisions a walk
 * can give ("base" below the roots, None past the end). */
struct rr_tuple {
	struct idxvec v;
	int base, none;
};

static void rr_add(struct rr_tuple *t, long r)
{
	if (r == RG_BASE)
		t->base = 1;
	else if (r == RG_NONE)
		t->none = 1;
	else if (!iv_contains(&t->v, (size_t)r))
		iv_push(&t->v, (size_t)r);
}

/* "-N" as Python's int() reads a negative number */
static int negative_int(const char *s, long *n)
{
	if (*s != '-' || !isdigit((unsigned char)s[1]))
		return 0;
	for (const char *p = s + 1; *p; p++)
		if (!isdigit((unsigned char)*p))
			return 0;
	*n = strtol(s, NULL, 10);
	return 1;
}

static int has_label(const struct rg_node *n, const char *label)
{
	return sv_contains(&n->labels, label);
}

/* RevisionMap.get_revisions(spec): absolute identifiers, or [LABEL@]-N
 * walked down from every head (of the branch). */
static int get_revisions(const struct rev_graph *g, const char *spec, struct rr_tuple *out,
			 struct wfo_error *err)
{
	const char *at = strchr(spec, '@');
	const char *id = at ? at + 1 : spec;
	long n;
	if (negative_int(id, &n)) {
		char *label = at ? xstrndup(spec, (size_t)(at - spec)) : NULL;
		int rc = 0;
		for (size_t i = 0; rc == 0 && i < g->real_heads.n; i++) {
			size_t h = g->real_heads.v[i];
			if (label && !has_label(&g->nodes[h], label))
				continue;
			long r = rg_walk_ex(g, (long)h, n, NULL, 1, err);
			if (r == RG_ERR)
				rc = -1;
			else
				rr_add(out, r);
		}
		free(label);
		return rc;
	}
	struct strvec ids = STRVEC_INIT;
	int rc = rg_resolve_abs(g, spec, NULL, &ids, err);
	for (size_t i = 0; rc == 0 && i < ids.n; i++)
		rr_add(out, rg_map_get(&g->ids, ids.v[i]));
	sv_free(&ids);
	return rc;
}

/* RevisionMap.get_revision(spec): one revision, RG_NONE for base. */
static long get_revision(const struct rev_graph *g, const char *spec, struct wfo_error *err)
{
	struct strvec ids = STRVEC_INIT;
	long r = RG_NONE;
	if (rg_resolve_abs(g, spec, NULL, &ids, err) < 0)
		r = RG_ERR;
	else if (ids.n > 1) {
		wfo_fail(err, WFO_INPUT, "Multiple heads are present for given argument '%s'; "
			 "name one of them", spec);
		r = RG_ERR;
	} else if (ids.n == 1)
		r = rg_map_get(&g->ids, ids.v[0]);
	sv_free(&ids);
	return r;
}

/* The upper end (_parse_upgrade_target with the lower end as "current"). */
static int upper_targets(const struct rev_graph *g, const struct strvec *lower,
			 const struct strvec *upper, struct rr_tuple *tg, struct wfo_error *err)
{
	char *lab = NULL, *sym = NULL;
	long rel = 0, start = RG_NONE, r;
	int rc = 0;
	if (upper->n != 1 || !rg_parse_relative(upper->v[0], &lab, &sym, &rel)) {
		for (size_t i = 0; rc == 0 && i < upper->n; i++)
			rc = get_revisions(g, upper->v[i], tg, err);
		return rc;
	}
	if (rel > 0 && !sym) {
		struct rr_tuple from = { 0 };
		for (size_t i = 0; rc == 0 && i < lower->n; i++)
			rc = get_revisions(g, lower->v[i], &from, err);
		if (rc == 0 && lab) {
			long lb = rg_ident(g, lab, err);
			if (lb < 0) {
				rc = -1;
			} else {
				struct idxvec on = { 0 };
				for (size_t i = 0; i < from.v.n; i++)
					if (rg_shares_lineage(g, from.v.v[i], (size_t)lb))
						iv_push(&on, from.v.v[i]);
				iv_free(&from.v);
				from.v = on;
			}
		}
		if (rc == 0 && from.v.n > 1)
			rc = wfo_fail(err, WFO_INPUT, "Ambiguous upgrade from multiple current "
				      "revisions");
		if (rc == 0 && from.v.n == 1)
			start = (long)from.v.v[0];
		iv_free(&from.v);
	} else if (rel > 0) {
		start = get_revision(g, sym, err);
	} else if (!sym) {
		rc = wfo_fail(err, WFO_INPUT, "Relative revision %s didn't produce %ld migrations",
			      upper->v[0], -rel);
	} else {
		char *s = lab ? xasprintf("%s@%s", lab, sym) : xstrdup(sym);
		start = get_revision(g, s, err);
		free(s);
		free(lab);
		lab = NULL;
	}
	if (rc == 0 && start == RG_ERR)
		rc = -1;
	if (rc == 0) {
		r = rg_walk_ex(g, start, rel, lab, 0, err);
		if (r == RG_ERR)
			rc = -1;
		else if (r >= 0)
			rr_add(tg, r);
	}
	free(lab);
	free(sym);
	return rc;
}

/* A lower end given as a branch (LABEL@...) keeps the targets on it. */
static int filter_by_lower_branch(const struct rev_graph *g, const char *lower,
				  struct rr_tuple *tg, struct wfo_error *err)
{
	const char *at = strchr(lower, '@');
	if (!at)
		return 0;
	char *branch = xstrndup(lower, (size_t)(at - lower));
	long b = get_revision(g, branch, err);
	int rc = 0;
	if (b == RG_ERR) {
		rc = -1;
	} else if (b >= 0 && !strcmp(g->nodes[b].r->id, branch)) {
		/* a revision named as a label stands for its branch */
		if (g->nodes[b].labels.n != 1)
			rc = wfo_fail(err, WFO_INPUT, "%s: revision %s is on %zu branches; name "
				      "the branch", lower, branch, g->nodes[b].labels.n);
		else {
			free(branch);
			branch = xstrdup(g->nodes[b].labels.v[0]);
		}
	}
	struct idxvec keep = { 0 };
	for (size_t i = 0; rc == 0 && i < tg->v.n; i++)
		if (has_label(&g->nodes[tg->v.v[i]], branch))
			iv_push(&keep, tg->v.v[i]);
	if (rc == 0) {
		iv_free(&tg->v);
		tg->v = keep;
	} else {
		iv_free(&keep);
	}
	free(branch);
	return rc;
}

static void join(struct strbuf *sb, const struct strvec *v)
{
	for (size_t i = 0; i < v->n; i++)
		sb_addf(sb, "%s%s", i ? ", " : "", v->v[i]);
}

int rg_range(const struct rev_graph *g, const struct strvec *lower, int lower_is_rows,
	     const struct strvec *upper, struct idxvec *order, struct wfo_error *err)
{
	struct rr_tuple tg = { 0 }, cur = { 0 };
	char *req = NULL, *have = NULL, *needs = NULL;
	int rc = upper_targets(g, lower, upper, &tg, err);
	if (rc == 0 && !lower_is_rows && lower->n == 1)
		rc = filter_by_lower_branch(g, lower->v[0], &tg, err);
	if (rc == 0)
		rc = rg_check_overlap(g, &tg.v, err);
	if (rc < 0)
		goto out;
	req = rg_set_new(g);
	rg_ancestors(g, tg.v.v, tg.v.n, 1, req);

	for (size_t i = 0; rc == 0 && i < lower->n; i++)
		rc = get_revisions(g, lower->v[i], &cur, err);
	if (rc < 0)
		goto out;
	int outside = cur.base;
	for (size_t i = 0; i < cur.v.n; i++)
		if (!req[cur.v.v[i]])
			outside = 1;
	if (outside) {
		struct strbuf lo = STRBUF_INIT, up = STRBUF_INIT;
		join(&lo, lower);
		join(&up, upper);
		rc = wfo_fail(err, WFO_INPUT, "Requested range %s:%s does not refer to "
			      "ancestor/descendant revisions along the same branch", sb_str(&lo),
			      sb_str(&up));
		sb_free(&lo);
		sb_free(&up);
		goto out;
	}
	if (cur.none) {
		/* a relative lower end that walked past the base: walk down from
		 * the upper end instead, as far as the graph goes */
		long n = 0;
		const char *at = strchr(lower->v[0], '@');
		negative_int(at ? at + 1 : lower->v[0], &n);
		/* Alembic walks from the upper end's text taken as branch and
		 * revision at once: only an exact id or label works */
		const char *u = upper->n == 1 ? upper->v[0] : "";
		long from = rg_map_get(&g->ids, u);
		if (from < 0)
			from = rg_map_get(&g->labels, u);
		if (from < 0) {
			rc = wfo_fail(err, WFO_INPUT, "Can't locate revision identified by '%s' (a "
				      "relative start walked past base; end the range at a "
				      "revision id)", u);
			goto out;
		}
		long r = rg_walk_ex(g, from, n, NULL, 0, err);
		if (r == RG_ERR) {
			rc = -1;
			goto out;
		}
		iv_free(&cur.v);
		memset(&cur, 0, sizeof(cur));
		if (r >= 0)
			rr_add(&cur, r);
	}
	if ((rc = rg_check_overlap(g, &cur.v, err)) < 0)
		goto out;
	have = rg_set_new(g);
	rg_ancestors(g, cur.v.v, cur.v.n, 1, have);
	needs = rg_set_new(g);
	for (size_t i = 0; i < g->n; i++)
		needs[i] = req[i] && !have[i];
	for (size_t i = 0; i < cur.v.n; i++)   /* inclusive */
		needs[cur.v.v[i]] = 1;
	if (cur.v.n) {
		char *desc = rg_set_new(g);
		rg_descendants(g, cur.v.v, cur.v.n, 0, desc);
		for (size_t i = 0; i < g->n; i++)
			needs[i] = needs[i] && desc[i];
		free(desc);
	}
	rg_toposort(g, needs, tg.v.v, tg.v.n, order);
out:
	free(req);
	free(have);
	free(needs);
	iv_free(&tg.v);
	iv_free(&cur.v);
	return rc;
}
