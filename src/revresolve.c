/* revresolve.c - identifiers (ids, prefixes, labels, head(s), base,
 * relative steps), ancestry sets, walks and Alembic's topological order. */
#include "config.h"
#include "revgraph.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "revgraph_int.h"

char *rg_set_new(const struct rev_graph *g)
{
	return xcalloc(g->n ? g->n : 1, 1);
}

static void walk_set(const struct rev_graph *g, const size_t *targets, size_t n,
		     int up, int deps, char *set)
{
	struct idxvec st = { 0 };
	char *seen = rg_set_new(g);
	for (size_t i = 0; i < n; i++)
		iv_push(&st, targets[i]);
	while (st.n) {
		size_t x = st.v[--st.n];
		if (seen[x])
			continue;
		seen[x] = 1;
		set[x] = 1;
		const struct rg_node *nd = &g->nodes[x];
		const struct idxvec *nx = up ? (deps ? &nd->normdown_known : &nd->down)
					     : (deps ? &nd->allnext : &nd->next);
		for (size_t k = 0; k < nx->n; k++)
			iv_push(&st, nx->v[k]);
	}
	free(seen);
	iv_free(&st);
}

void rg_ancestors(const struct rev_graph *g, const size_t *targets, size_t n, int deps,
		  char *set)
{
	walk_set(g, targets, n, 1, deps, set);
}

void rg_descendants(const struct rev_graph *g, const size_t *targets, size_t n, int deps,
		    char *set)
{
	walk_set(g, targets, n, 0, deps, set);
}

int rg_shares_lineage(const struct rev_graph *g, size_t target, size_t other)
{
	char *s = rg_set_new(g);
	rg_ancestors(g, &target, 1, 0, s);
	rg_descendants(g, &target, 1, 0, s);
	int r = s[other];
	free(s);
	return r;
}

long rg_ident(const struct rev_graph *g, const char *ident, struct wfo_error *err)
{
	long i = rg_map_get(&g->ids, ident);
	if (i >= 0)
		return i;
	i = rg_map_get(&g->labels, ident);
	if (i >= 0)
		return i;
	size_t len = strlen(ident);
	struct strvec hits = STRVEC_INIT;
	long found = -1;
	if (len > 3) {
		for (size_t k = 0; k < g->n; k++) {
			if (str_starts_with(g->nodes[k].r->id, ident)) {
				sv_push(&hits, g->nodes[k].r->id);
				found = (long)k;
			}
			for (size_t l = 0; l < g->nodes[k].r->labels.n; l++)
				if (str_starts_with(g->nodes[k].r->labels.v[l], ident)) {
					sv_push(&hits, g->nodes[k].r->labels.v[l]);
					found = (long)k;
				}
		}
	}
	if (hits.n == 1) {
		sv_free(&hits);
		return found;
	}
	if (hits.n > 1) {
		struct strbuf sb = STRBUF_INIT;
		for (size_t k = 0; k < hits.n && k < 3; k++)
			sb_addf(&sb, "%s'%s'", k ? ", " : "", hits.v[k]);
		wfo_fail(err, WFO_INPUT, "Multiple revisions start with '%s': %s...; give more "
			 "characters of the id", ident, sb_str(&sb));
		sb_free(&sb);
		sv_free(&hits);
		return -1;
	}
	sv_free(&hits);
	return wfo_fail(err, WFO_INPUT, "No such revision or branch '%s'%s", ident,
			len < 4 ? "; please ensure at least four characters are present for "
				  "partial revision identifier matches" : "");
}

/* _revision_for_ident with a branch check. */
long rg_ident_on_branch(const struct rev_graph *g, const char *ident, const char *label,
			struct wfo_error *err)
{
	if (!label)
		return rg_ident(g, ident, err);
	long b = rg_ident(g, label, err);
	if (b < 0) {
		wfo_fail(err, WFO_INPUT, "No such branch: '%s'", label);
		return -1;
	}
	long r = rg_map_get(&g->ids, ident);
	if (r < 0)
		r = rg_map_get(&g->labels, ident);
	if (r < 0) {
		/* a prefix, filtered to the branch */
		long found = -1;
		size_t hits = 0;
		if (strlen(ident) > 3)
			for (size_t k = 0; k < g->n; k++)
				if (str_starts_with(g->nodes[k].r->id, ident) &&
				    rg_shares_lineage(g, k, (size_t)b)) {
					found = (long)k;
					hits++;
				}
		if (hits > 1)
			return wfo_fail(err, WFO_INPUT, "Multiple revisions of branch '%s' start "
					"with '%s'; give more characters of the id", label, ident);
		if (!hits)
			return rg_ident(g, ident, err) < 0 ? -1
				: wfo_fail(err, WFO_INPUT, "Revision %s is not a member of branch "
					   "'%s'", ident, label);
		r = found;
	}
	if (!rg_shares_lineage(g, (size_t)r, (size_t)b))
		return wfo_fail(err, WFO_INPUT, "Revision %s is not a member of branch '%s'",
				g->nodes[r].r->id, label);
	return r;
}

void rg_toposort(const struct rev_graph *g, const char *set, const size_t *heads,
		 size_t nheads, struct idxvec *out)
{
	char *todo = rg_set_new(g);
	size_t ntodo = 0;
	for (size_t i = 0; i < g->n; i++)
		if (set[i]) {
			todo[i] = 1;
			ntodo++;
		}
	/* current heads: those in todo, unique, in load order */
	char *inh = rg_set_new(g);
	for (size_t i = 0; i < nheads; i++)
		if (todo[heads[i]])
			inh[heads[i]] = 1;
	struct idxvec cur = { 0 };
	for (size_t i = 0; i < g->n; i++)
		if (inh[i])
			iv_push(&cur, i);
	free(inh);
	char **anc = xcalloc(cur.n + 1, sizeof(*anc));
	size_t nanc = cur.n, canc = cur.n + 1;
	for (size_t i = 0; i < cur.n; i++) {
		anc[i] = rg_set_new(g);
		rg_ancestors(g, &cur.v[i], 1, 1, anc[i]);
	}
	size_t idx = 0;
	while (cur.n) {
		size_t cand = cur.v[idx];
		int moved = 0;
		for (size_t h = 0; h < nanc; h++)
			if (h != idx && anc[h][cand]) {
				idx = h;
				moved = 1;
				break;
			}
		if (moved)
			continue;
		if (todo[cand]) {
			iv_push(out, cand);
			todo[cand] = 0;
			ntodo--;
		}
		const struct rg_node *cn = &g->nodes[cand];
		struct idxvec add = { 0 };
		for (size_t k = 0; k < cn->normdown_known.n; k++) {
			size_t d = cn->normdown_known.v[k];
			if (todo[d] && !iv_contains(&cur, d) && !iv_contains(&add, d))
				iv_push(&add, d);
		}
		if (!add.n) {
			memmove(&cur.v[idx], &cur.v[idx + 1], (cur.n - idx - 1) * sizeof(*cur.v));
			cur.n--;
			free(anc[idx]);
			memmove(&anc[idx], &anc[idx + 1], (nanc - idx - 1) * sizeof(*anc));
			nanc--;
			idx = idx > 0 ? idx - 1 : 0;
		} else if (!cn->normdeps.n && cn->down.n == 1) {
			cur.v[idx] = add.v[0];
			anc[idx][cand] = 0;
		} else {
			cur.v[idx] = add.v[0];
			memset(anc[idx], 0, g->n);
			rg_ancestors(g, &add.v[0], 1, 1, anc[idx]);
			for (size_t k = 1; k < add.n; k++) {
				iv_push(&cur, add.v[k]);
				if (nanc == canc) {
					canc *= 2;
					anc = xrealloc(anc, canc * sizeof(*anc));
				}
				anc[nanc] = rg_set_new(g);
				rg_ancestors(g, &add.v[k], 1, 1, anc[nanc]);
				nanc++;
			}
		}
		iv_free(&add);
	}
	/* anything Alembic's walk could not reach (it would assert): append in
	 * load order, parents last, so the result stays complete */
	for (size_t i = g->n; ntodo && i-- > 0;)
		if (todo[i]) {
			iv_push(out, i);
			ntodo--;
		}
	for (size_t i = 0; i < nanc; i++)
		free(anc[i]);
	free(anc);
	iv_free(&cur);
	free(todo);
}

/* Alembic's _walk. start: index, RG_NONE (from nothing) or RG_BASE.
 * Returns an index, RG_BASE, RG_NONE (walked too far) or RG_ERR (err). */
long rg_walk(const struct rev_graph *g, long start, long steps, const char *label,
	     struct wfo_error *err)
{
	return rg_walk_ex(g, start, steps, label, 1, err);
}

/* no_overwalk = 0: a walk past the end stops where it is (Alembic's
 * no_overwalk=False, used by history ranges). */
long rg_walk_ex(const struct rev_graph *g, long start, long steps, const char *label,
		int no_overwalk, struct wfo_error *err)
{
	long init = start;
	long lb = -1;
	if (label) {
		lb = rg_ident(g, label, err);
		if (lb < 0)
			return RG_ERR;
	}
	for (long s = 0; s < (steps < 0 ? -steps : steps); s++) {
		struct idxvec ch = { 0 };
		int base = 0;
		if (steps > 0) {
			const struct idxvec *from = init < 0 ? &g->bases
						    : &g->nodes[init].next;
			for (size_t k = 0; k < from->n; k++)
				if (lb < 0 || rg_shares_lineage(g, from->v[k], (size_t)lb))
					iv_push(&ch, from->v[k]);
		} else {
			if (init == RG_BASE) {
				/* nothing below base */
			} else if (init == RG_NONE) {
				for (size_t k = 0; k < g->heads.n; k++)
					iv_push(&ch, g->heads.v[k]);
			} else {
				for (size_t k = 0; k < g->nodes[init].down.n; k++)
					iv_push(&ch, g->nodes[init].down.v[k]);
				if (!ch.n)
					base = 1;
			}
		}
		if (base) {
			init = RG_BASE;
			continue;
		}
		if (!ch.n)
			return no_overwalk ? RG_NONE : init;
		if (ch.n > 1) {
			iv_free(&ch);
			wfo_fail(err, WFO_INPUT, "Ambiguous walk: %s has several %s; name the "
				 "revision (or LABEL@...) to go to", init >= 0 ?
				 g->nodes[init].r->id : "the graph",
				 steps > 0 ? "children" : "parents");
			return RG_ERR;
		}
		init = (long)ch.v[0];
		iv_free(&ch);
	}
	return init;
}

/* Splits Alembic's _relative_destination: (?:(.+?)@)?(\w+)?((?:\+|-)\d+)
 * (a prefix match). Returns 1 when spec is relative. */
static int rel_at(const char *p, char **symbol, long *rel)
{
	const char *q = p;
	while (isalnum((unsigned char)*q) || *q == '_' || (unsigned char)*q >= 0x80)
		q++;
	if ((*q != '+' && *q != '-') || !isdigit((unsigned char)q[1]))
		return 0;
	*symbol = q > p ? xstrndup(p, (size_t)(q - p)) : NULL;
	*rel = strtol(q, NULL, 10);
	return 1;
}

int rg_parse_relative(const char *spec, char **label, char **symbol, long *rel)
{
	*label = *symbol = NULL;
	for (const char *at = spec + 1; *spec && (at = strchr(at, '@')) != NULL; at++)
		if (rel_at(at + 1, symbol, rel)) {
			*label = xstrndup(spec, (size_t)(at - spec));
			return 1;
		}
	return rel_at(spec, symbol, rel);
}

/* Downgrade target (Alembic's _parse_downgrade_target). *target: index or
 * RG_BASE; *label: the branch label used (malloc'd or NULL). */
int rg_downgrade_target(const struct rev_graph *g, const struct strvec *current,
			const char *spec, long *target, char **label, struct wfo_error *err)
{
	char *lab = NULL, *sym = NULL;
	long rel = 0;
	*label = NULL;
	if (rg_parse_relative(spec, &lab, &sym, &rel)) {
		long r;
		if (rel >= 0) {
			if (!sym) {
				free(lab);
				return wfo_fail(err, WFO_INPUT, "Relative revision %s didn't produce "
						"%ld migrations", spec, rel);
			}
			long s = rg_ident_on_branch(g, sym, NULL, err);
			if (s < 0)
				goto fail;
			r = rg_walk(g, s, rel, lab, err);
			if (r == RG_ERR)
				goto fail;
			if (r == RG_NONE) {
				wfo_fail(err, WFO_INPUT, "Walked too far: %s", spec);
				goto fail;
			}
		} else {
			int relative = sym == NULL;
			if (relative) {
				if (lab) {
					long lb = rg_ident(g, lab, err);
					if (lb < 0)
						goto fail;
					/* current rows on the branch, else the branch heads of
					 * everything current */
					struct idxvec on = { 0 };
					for (size_t i = 0; current && i < current->n; i++) {
						long c = rg_map_get(&g->ids, current->v[i]);
						if (c >= 0 && rg_shares_lineage(g, (size_t)c, (size_t)lb))
							iv_push(&on, (size_t)c);
					}
					if (!on.n) {
						char *all = rg_set_new(g);
						struct idxvec tops = { 0 };
						for (size_t i = 0; current && i < current->n; i++) {
							long c = rg_map_get(&g->ids, current->v[i]);
							if (c >= 0)
								iv_push(&tops, (size_t)c);
						}
						rg_ancestors(g, tops.v, tops.n, 1, all);
						for (size_t i = 0; i < g->n; i++) {
							if (!all[i])
								continue;
							int has_desc = 0;
							for (size_t k = 0; k < g->nodes[i].next.n; k++)
								if (all[g->nodes[i].next.v[k]])
									has_desc = 1;
							if (!has_desc && rg_shares_lineage(g, i, (size_t)lb))
								iv_push(&on, i);
						}
						free(all);
						iv_free(&tops);
					}
					if (on.n != 1) {
						iv_free(&on);
						wfo_fail(err, WFO_INPUT, "%s: the database has %s revision "
							 "on branch '%s'", spec, on.n ? "more than one"
							 : "no", lab);
						goto fail;
					}
					sym = xstrdup(g->nodes[on.v[0]].r->id);
					iv_free(&on);
				} else {
					if (!current || !current->n) {
						wfo_fail(err, WFO_INPUT, "Relative revision %s didn't "
							 "produce %ld migrations (the database is at base)",
							 spec, -rel);
						goto fail;
					}
					sym = xstrdup(current->v[0]);
					lab = xstrdup(sym);
				}
			}
			long s = rg_ident_on_branch(g, sym, lab, err);
			if (s < 0)
				goto fail;
			r = rg_walk(g, s, rel, NULL, err);
			if (r == RG_ERR)
				goto fail;
			if (r == RG_NONE) {
				if (relative)
					wfo_fail(err, WFO_INPUT, "Relative revision %s didn't produce "
						 "%ld migrations", spec, -rel);
				else
					wfo_fail(err, WFO_INPUT, "Walked too far: %s", spec);
				goto fail;
			}
		}
		*target = r;
		*label = lab;
		free(sym);
		return 0;
	}
	/* absolute: LABEL@REV or REV (rpartition) */
	const char *at = strrchr(spec, '@');
	const char *symbol = at ? at + 1 : spec;
	char *l = at && at > spec ? xstrndup(spec, (size_t)(at - spec)) : NULL;
	struct strvec ids = STRVEC_INIT;
	if (rg_resolve_abs(g, symbol, NULL, &ids, err) < 0) {
		free(l);
		return -1;
	}
	if (ids.n > 1) {
		struct strbuf sb = STRBUF_INIT;
		for (size_t i = 0; i < ids.n; i++)
			sb_addf(&sb, "%s%s", i ? ", " : "", ids.v[i]);
		wfo_fail(err, WFO_INPUT, "Multiple heads are present for given argument '%s'; %s",
			 spec, sb_str(&sb));
		sb_free(&sb);
		sv_free(&ids);
		free(l);
		return -1;
	}
	*target = ids.n ? rg_map_get(&g->ids, ids.v[0]) : RG_BASE;
	*label = l;
	sv_free(&ids);
	return 0;
fail:
	free(lab);
	free(sym);
	return -1;
}

/* Absolute identifiers (get_revisions without relative forms). */
int rg_resolve_abs(const struct rev_graph *g, const char *spec, const char *label_in,
		   struct strvec *out, struct wfo_error *err)
{
	char *label = label_in ? xstrdup(label_in) : NULL;
	const char *id = spec;
	const char *at = strchr(spec, '@');
	if (at && !label) {
		label = xstrndup(spec, (size_t)(at - spec));
		id = at + 1;
	}
	long lb = -1;
	if (label) {
		lb = rg_ident(g, label, err);
		if (lb < 0) {
			wfo_fail(err, WFO_INPUT, "No such branch: '%s'", label);
			free(label);
			return -1;
		}
	}
	int rc = 0;
	if (!strcmp(id, "heads") || !strcmp(id, "head")) {
		const struct idxvec *hs = label || !strcmp(id, "head") ? &g->heads : &g->real_heads;
		struct idxvec sel = { 0 };
		for (size_t i = 0; i < hs->n; i++)
			if (lb < 0 || rg_shares_lineage(g, hs->v[i], (size_t)lb))
				iv_push(&sel, hs->v[i]);
		if (!strcmp(id, "head") && sel.n > 1) {
			struct strbuf sb = STRBUF_INIT;
			for (size_t i = 0; i < sel.n; i++)
				sb_addf(&sb, "%s%s", i ? ", " : "", g->nodes[sel.v[i]].r->id);
			rc = wfo_fail(err, WFO_INPUT, "Multiple heads are present for given argument "
				      "'%s%shead'; %s (use 'heads', LABEL@head or a revision id)",
				      label ? label : "", label ? "@" : "", sb_str(&sb));
			sb_free(&sb);
		} else {
			for (size_t i = 0; i < sel.n; i++)
				sv_push(out, g->nodes[sel.v[i]].r->id);
		}
		iv_free(&sel);
	} else if (!strcmp(id, "base") || !*id) {
		/* nothing */
	} else {
		long r = rg_ident_on_branch(g, id, label, err);
		if (r < 0)
			rc = -1;
		else
			sv_push(out, g->nodes[r].r->id);
	}
	free(label);
	return rc;
}

int rev_graph_resolve(const struct rev_graph *g, const char *spec,
		      const struct strvec *current, struct strvec *out,
		      struct wfo_error *err)
{
	char *lab = NULL, *sym = NULL;
	long rel;
	if (!rg_parse_relative(spec, &lab, &sym, &rel))
		return rg_resolve_abs(g, spec, NULL, out, err);
	free(lab);
	free(sym);
	if (rel < 0) {
		long t;
		char *l = NULL;
		if (rg_downgrade_target(g, current, spec, &t, &l, err) < 0)
			return -1;
		free(l);
		if (t >= 0)
			sv_push(out, g->nodes[t].r->id);
		return 0;
	}
	long t;
	if (rg_upgrade_relative(g, current, spec, &t, err) < 0)
		return -1;
	if (t >= 0)
		sv_push(out, g->nodes[t].r->id);
	return 0;
}

/* Relative upgrade targets (+N, REV+N, LABEL@+N, LABEL@REV+N). */
int rg_upgrade_relative(const struct rev_graph *g, const struct strvec *current,
			const char *spec, long *target, struct wfo_error *err)
{
	char *lab = NULL, *sym = NULL;
	long rel = 0;
	rg_parse_relative(spec, &lab, &sym, &rel);
	long r = RG_NONE;
	int rc = 0;
	if (rel > 0 && !sym) {
		struct idxvec start = { 0 };
		int from_none = 0;
		for (size_t i = 0; current && i < current->n; i++) {
			long c = rg_map_get(&g->ids, current->v[i]);
			if (c >= 0)
				iv_push(&start, (size_t)c);
		}
		if (!start.n)
			from_none = 1;
		if (lab && start.n) {
			long lb = rg_ident(g, lab, err);
			if (lb < 0) {
				iv_free(&start);
				rc = -1;
				goto out;
			}
			struct idxvec on = { 0 };
			for (size_t i = 0; i < start.n; i++)
				if (rg_shares_lineage(g, start.v[i], (size_t)lb))
					iv_push(&on, start.v[i]);
			if (!on.n) {
				/* back-track to the tips of the branch among the ancestors */
				char *anc = rg_set_new(g);
				rg_ancestors(g, start.v, start.n, 1, anc);
				char *down = rg_set_new(g);
				for (size_t i = 0; i < g->n; i++)
					if (anc[i] && rg_shares_lineage(g, i, (size_t)lb))
						for (size_t k = 0; k < g->nodes[i].normdown_known.n; k++)
							down[g->nodes[i].normdown_known.v[k]] = 1;
				for (size_t i = 0; i < g->n; i++)
					if (anc[i] && rg_shares_lineage(g, i, (size_t)lb) && !down[i])
						iv_push(&on, i);
				free(anc);
				free(down);
				if (!on.n)
					from_none = 1;
			}
			iv_free(&start);
			start = on;
		}
		if (!from_none && start.n > 1) {
			iv_free(&start);
			rc = wfo_fail(err, WFO_INPUT, "Ambiguous upgrade from multiple current "
				      "revisions; use LABEL@+N or a revision id");
			goto out;
		}
		r = rg_walk(g, from_none ? RG_NONE : (long)start.v[0], rel, lab, err);
		iv_free(&start);
		if (r == RG_ERR) {
			rc = -1;
			goto out;
		}
		if (r == RG_NONE) {
			rc = wfo_fail(err, WFO_INPUT, "Relative revision %s didn't produce %ld "
				      "migrations", spec, rel);
			goto out;
		}
	} else if (rel > 0) {
		long s = rg_ident_on_branch(g, sym, NULL, err);
		if (s < 0) {
			rc = -1;
			goto out;
		}
		r = rg_walk(g, s, rel, lab, err);
	} else {
		if (!sym) {
			rc = wfo_fail(err, WFO_INPUT, "Relative revision %s didn't produce %ld "
				      "migrations (an upgrade cannot go down)", spec, -rel);
			goto out;
		}
		long s = rg_ident_on_branch(g, sym, lab, err);
		if (s < 0) {
			rc = -1;
			goto out;
		}
		r = rg_walk(g, s, rel, NULL, err);
	}
	if (r == RG_ERR) {
		rc = -1;
		goto out;
	}
	if (r == RG_NONE) {
		rc = wfo_fail(err, WFO_INPUT, "Relative revision %s walks past the end of the "
			      "graph", spec);
		goto out;
	}
	*target = r;
out:
	free(lab);
	free(sym);
	return rc;
}
