/* revplan.c - upgrade and downgrade plans: which revisions in which order
 * (Alembic's iterate_revisions) and the alembic_version statements its
 * HeadMaintainer issues after each step, simulated on the rows. */
#include "config.h"
#include "revgraph.h"

#include <stdlib.h>
#include <string.h>

#include "revgraph_int.h"
#include "sqlquote.h"

void rev_plan_free(struct rev_plan *p)
{
	if (!p)
		return;
	for (size_t i = 0; i < p->n; i++)
		sv_free(&p->steps[i].version_sql);
	free(p->steps);
	sv_free(&p->heads_after);
	memset(p, 0, sizeof(*p));
}

static struct rev_step *add_step(struct rev_plan *p, const struct revision *r, const char *id,
				 int upgrade)
{
	p->steps = xrealloc(p->steps, (p->n + 1) * sizeof(*p->steps));
	struct rev_step *s = &p->steps[p->n++];
	memset(s, 0, sizeof(*s));
	s->rev = r;
	s->id = id;
	s->upgrade = upgrade;
	return s;
}

/* ---- the rows and HeadMaintainer ---- */

static long row_index(const struct strvec *rows, const char *id)
{
	for (size_t i = 0; i < rows->n; i++)
		if (!strcmp(rows->v[i], id))
			return (long)i;
	return -1;
}

static void row_remove(struct strvec *rows, size_t i)
{
	free(rows->v[i]);
	memmove(&rows->v[i], &rows->v[i + 1], (rows->n - i - 1) * sizeof(*rows->v));
	rows->n--;
}

static void v_insert(struct rev_step *s, struct strvec *rows, const char *id)
{
	struct strbuf sb = STRBUF_INIT;
	sb_add(&sb, "INSERT INTO alembic_version (version_num) VALUES (");
	sql_quote(&sb, id);
	sb_add(&sb, ")");
	sv_push_owned(&s->version_sql, sb_detach(&sb));
	sv_push(rows, id);
}

static int v_delete(struct rev_step *s, struct strvec *rows, const char *id,
		    struct wfo_error *err)
{
	long i = row_index(rows, id);
	if (i < 0)
		return wfo_fail(err, WFO_GRAPH, "%s of %s would delete the alembic_version row "
				"'%s', which is not there (Alembic fails the same way: \"expected "
				"to match one row\")", s->upgrade ? "upgrade" : "downgrade", s->id, id);
	struct strbuf sb = STRBUF_INIT;
	sb_add(&sb, "DELETE FROM alembic_version WHERE alembic_version.version_num = ");
	sql_quote(&sb, id);
	sv_push_owned(&s->version_sql, sb_detach(&sb));
	row_remove(rows, (size_t)i);
	return 0;
}

static int v_update(struct rev_step *s, struct strvec *rows, const char *from, const char *to,
		    struct wfo_error *err)
{
	long i = row_index(rows, from);
	if (i < 0)
		return wfo_fail(err, WFO_GRAPH, "%s of %s would change the alembic_version row "
				"'%s' to '%s', but the table has no row '%s' (Alembic fails the same "
				"way: \"expected to match one row\")", s->upgrade ? "upgrade"
				: "downgrade", s->id, from, to, from);
	struct strbuf sb = STRBUF_INIT;
	sb_add(&sb, "UPDATE alembic_version SET version_num=");
	sql_quote(&sb, to);
	sb_add(&sb, " WHERE alembic_version.version_num = ");
	sql_quote(&sb, from);
	sv_push_owned(&s->version_sql, sb_detach(&sb));
	free(rows->v[i]);
	rows->v[i] = xstrdup(to);
	return 0;
}

/* Ids that are ancestors-or-self (with dependencies) of rows other than
 * skip: known ones by walking the graph, unknown ones as themselves. */
static void ancestor_ids(const struct rev_graph *g, const struct strvec *rows,
			 const struct strvec *skip, struct strvec *out)
{
	struct idxvec t = { 0 };
	for (size_t i = 0; i < rows->n; i++) {
		if (sv_contains(skip, rows->v[i]))
			continue;
		long x = rg_map_get(&g->ids, rows->v[i]);
		if (x >= 0)
			iv_push(&t, (size_t)x);
		else
			sv_push(out, rows->v[i]);
	}
	char *set = rg_set_new(g);
	rg_ancestors(g, t.v, t.n, 1, set);
	for (size_t i = 0; i < g->n; i++) {
		if (!set[i])
			continue;
		sv_push(out, g->nodes[i].r->id);
		const struct strvec *nd = &g->nodes[i].normdown;
		for (size_t k = 0; k < nd->n; k++)
			if (rg_map_get(&g->ids, nd->v[k]) < 0 && !sv_contains(out, nd->v[k]))
				sv_push(out, nd->v[k]);
	}
	free(set);
	iv_free(&t);
}

static int maintain_upgrade(const struct rev_graph *g, struct rev_step *s,
			    const struct strvec *D, struct strvec *rows, struct wfo_error *err)
{
	size_t inter = 0;
	for (size_t k = 0; k < D->n; k++)
		if (row_index(rows, D->v[k]) >= 0)
			inter++;
	if (!D->n || !inter) {
		v_insert(s, rows, s->id);
		return 0;
	}
	if (D->n > 1 && inter > 1) {
		/* merge: rows other than D; drop D members they already contain */
		struct strvec anc = STRVEC_INIT, from = STRVEC_INIT;
		ancestor_ids(g, rows, D, &anc);
		for (size_t k = 0; k < D->n; k++)
			if (!sv_contains(&anc, D->v[k]))
				sv_push(&from, D->v[k]);
		sv_free(&anc);
		int rc = 0;
		for (size_t k = 0; rc == 0 && k + 1 < from.n; k++)
			rc = v_delete(s, rows, from.v[k], err);
		if (rc == 0 && from.n)
			rc = v_update(s, rows, from.v[from.n - 1], s->id, err);
		sv_free(&from);
		return rc;
	}
	if (D->n != 1) {
		if (inter != 1)
			return wfo_fail(err, WFO_GRAPH, "upgrade of %s: can't do an UPDATE because "
					"the down revision is ambiguous", s->id);
		for (size_t k = 0; k < D->n; k++)
			if (row_index(rows, D->v[k]) >= 0)
				return v_update(s, rows, D->v[k], s->id, err);
	}
	return v_update(s, rows, D->v[0], s->id, err);
}

static int maintain_downgrade(const struct rev_graph *g, struct rev_step *s,
			      const struct strvec *D, struct strvec *rows, struct wfo_error *err)
{
	int is_row = row_index(rows, s->id) >= 0;
	struct strvec to = STRVEC_INIT;
	if (is_row) {
		struct strvec self = STRVEC_INIT, anc = STRVEC_INIT;
		sv_push(&self, s->id);
		ancestor_ids(g, rows, &self, &anc);
		for (size_t k = 0; k < D->n; k++)
			if (!sv_contains(&anc, D->v[k]))
				sv_push(&to, D->v[k]);
		sv_free(&self);
		sv_free(&anc);
	}
	int rc;
	if (is_row && (!D->n || !to.n)) {
		rc = v_delete(s, rows, s->id, err);
	} else if (is_row && D->n > 1) {
		rc = 0;
		for (size_t k = 0; rc == 0 && k + 1 < to.n; k++)
			v_insert(s, rows, to.v[k]);
		rc = v_update(s, rows, s->id, to.v[to.n - 1], err);
	} else if (D->n != 1) {
		const char *down = NULL;
		size_t inter = 0;
		for (size_t k = 0; k < D->n; k++)
			if (row_index(rows, D->v[k]) >= 0) {
				down = D->v[k];
				inter++;
			}
		rc = inter != 1 ? wfo_fail(err, WFO_GRAPH, "downgrade of %s: can't do an UPDATE "
					   "because the down revision is ambiguous", s->id)
				: v_update(s, rows, s->id, down, err);
	} else {
		rc = v_update(s, rows, s->id, D->v[0], err);
	}
	sv_free(&to);
	return rc;
}

/* ---- plans ---- */

static void known_rows(const struct rev_graph *g, const struct strvec *current,
		       struct idxvec *out)
{
	for (size_t i = 0; current && i < current->n; i++) {
		long x = rg_map_get(&g->ids, current->v[i]);
		if (x >= 0 && !iv_contains(out, (size_t)x))
			iv_push(out, (size_t)x);
	}
}

static void copy_rows(struct strvec *rows, const struct strvec *current)
{
	for (size_t i = 0; current && i < current->n; i++)
		if (!sv_contains(rows, current->v[i]))
			sv_push(rows, current->v[i]);
}

/* Alembic's _get_ancestor_nodes(targets, check=True): the targets are walked
 * one after the other towards the bases (with dependencies), a walk stopping
 * at revisions an earlier walk went through; a target whose walk reaches
 * another target is refused ("overlaps"). For the upgrade targets and for
 * the current rows, so rows of which one is below another (left by some
 * downgrades) make Alembic refuse every upgrade; wfo-migrate does too. */
int rg_check_overlap(const struct rev_graph *g, const struct idxvec *t, struct wfo_error *err)
{
	char *seen = rg_set_new(g), *per = rg_set_new(g);
	struct idxvec st = { 0 }, touched = { 0 };
	int rc = 0;
	for (size_t i = 0; rc == 0 && i < t->n; i++) {
		for (size_t k = 0; k < touched.n; k++)
			per[touched.v[k]] = 0;
		touched.n = 0;
		iv_push(&st, t->v[i]);
		while (st.n) {
			size_t x = st.v[--st.n];
			if (!per[x]) {
				per[x] = 1;
				iv_push(&touched, x);
			}
			if (seen[x])
				continue;
			seen[x] = 1;
			const struct idxvec *nd = &g->nodes[x].normdown_known;
			for (size_t k = 0; k < nd->n; k++)
				iv_push(&st, nd->v[k]);
		}
		struct strbuf sb = STRBUF_INIT;
		for (size_t j = 0; j < t->n; j++) {
			if (t->v[j] == t->v[i] || !per[t->v[j]])
				continue;
			if (sb.len)
				sb_add(&sb, ", ");
			sb_add(&sb, g->nodes[t->v[j]].r->id);
		}
		if (sb.len)
			rc = wfo_fail(err, WFO_INPUT, "Requested revision %s overlaps with other "
				      "requested revisions %s", g->nodes[t->v[i]].r->id,
				      sb_str(&sb));
		sb_free(&sb);
	}
	free(seen);
	free(per);
	iv_free(&st);
	iv_free(&touched);
	return rc;
}

int rev_plan_upgrade(const struct rev_graph *g, const struct strvec *current,
		     const char *target, struct rev_plan *out, struct wfo_error *err)
{
	memset(out, 0, sizeof(*out));
	struct idxvec targets = { 0 }, cur = { 0 }, order = { 0 };
	char *lab = NULL, *sym = NULL;
	long rel;
	int rc = -1;
	if (rg_parse_relative(target, &lab, &sym, &rel)) {
		long t;
		if (rg_upgrade_relative(g, current, target, &t, err) < 0)
			goto out;
		if (t >= 0)
			iv_push(&targets, (size_t)t);
	} else {
		struct strvec ids = STRVEC_INIT;
		if (rg_resolve_abs(g, target, NULL, &ids, err) < 0) {
			sv_free(&ids);
			goto out;
		}
		for (size_t i = 0; i < ids.n; i++)
			iv_push(&targets, (size_t)rg_map_get(&g->ids, ids.v[i]));
		sv_free(&ids);
	}
	known_rows(g, current, &cur);
	if (rg_check_overlap(g, &targets, err) < 0 || rg_check_overlap(g, &cur, err) < 0)
		goto out;
	char *req = rg_set_new(g), *have = rg_set_new(g);
	rg_ancestors(g, targets.v, targets.n, 1, req);
	rg_ancestors(g, cur.v, cur.n, 1, have);
	for (size_t i = 0; i < g->n; i++)
		if (have[i])
			req[i] = 0;
	rg_toposort(g, req, targets.v, targets.n, &order);
	/* external revisions are satisfied when a row names them or a revision
	 * at or below a row depends on them */
	struct strvec satisfied = STRVEC_INIT;
	copy_rows(&satisfied, current);
	for (size_t i = 0; i < g->n; i++)
		if (have[i])
			for (size_t k = 0; k < g->nodes[i].deps.n; k++)
				sv_push(&satisfied, g->nodes[i].deps.v[k]);
	free(req);
	free(have);
	copy_rows(&out->heads_after, current);
	rc = 0;
	for (size_t o = order.n; rc == 0 && o-- > 0;) {
		const struct rg_node *n = &g->nodes[order.v[o]];
		for (size_t k = 0; k < n->deps.n; k++) {
			const char *e = n->deps.v[k];
			if (rg_map_get(&g->ids, e) >= 0 || sv_contains(&satisfied, e))
				continue;
			for (size_t x = 0; x < g->external.n; x++)
				if (!strcmp(g->external.v[x], e)) {
					add_step(out, NULL, g->external.v[x], 1);
					if (!sv_contains(&out->heads_after, e))
						sv_push(&out->heads_after, e);
				}
			sv_push(&satisfied, e);
		}
		struct rev_step *s = add_step(out, n->r, n->r->id, 1);
		rc = maintain_upgrade(g, s, &n->normdown, &out->heads_after, err);
	}
	sv_free(&satisfied);
	if (rc < 0)
		rev_plan_free(out);
out:
	free(lab);
	free(sym);
	iv_free(&targets);
	iv_free(&cur);
	iv_free(&order);
	return rc;
}

int rev_plan_downgrade(const struct rev_graph *g, const struct strvec *current,
		       const char *target, struct rev_plan *out, struct wfo_error *err)
{
	memset(out, 0, sizeof(*out));
	long t;
	char *label = NULL;
	if (rg_downgrade_target(g, current, target, &t, &label, err) < 0)
		return -1;
	struct idxvec roots = { 0 }, heads = { 0 }, order = { 0 };
	int rc = -1;
	if (t == RG_BASE) {
		for (size_t i = 0; i < g->n; i++)
			if (!g->nodes[i].r->down.n)
				iv_push(&roots, i);
	} else {
		for (size_t k = 0; k < g->nodes[t].next.n; k++)
			iv_push(&roots, g->nodes[t].next.v[k]);
	}
	if (label && roots.n > 1) {
		long b = rg_ident(g, label, err);
		if (b < 0)
			goto out;
		char *anc = rg_set_new(g);
		size_t bb = (size_t)b;
		rg_ancestors(g, &bb, 1, 0, anc);
		struct idxvec keep = { 0 };
		for (size_t i = 0; i < roots.n; i++)
			if (anc[roots.v[i]])
				iv_push(&keep, roots.v[i]);
		free(anc);
		iv_free(&roots);
		roots = keep;
		if (!roots.n) {
			wfo_fail(err, WFO_INPUT, "%s: not a valid downgrade target from the current "
				 "heads", target);
			goto out;
		}
	}
	known_rows(g, current, &heads);
	char *drop = rg_set_new(g), *active = rg_set_new(g);
	rg_descendants(g, roots.v, roots.n, 1, drop);
	rg_ancestors(g, heads.v, heads.n, 1, active);
	int any = 0;
	for (size_t i = 0; i < g->n; i++) {
		drop[i] = drop[i] && active[i];
		any |= drop[i];
	}
	free(active);
	if (t >= 0 && !any && !iv_contains(&heads, (size_t)t)) {
		free(drop);
		wfo_fail(err, WFO_INPUT, "Destination %s is not a valid downgrade target from "
			 "current head(s): nothing to drop", target);
		goto out;
	}
	rg_toposort(g, drop, heads.v, heads.n, &order);
	free(drop);
	copy_rows(&out->heads_after, current);
	rc = 0;
	for (size_t o = 0; rc == 0 && o < order.n; o++) {
		const struct rg_node *n = &g->nodes[order.v[o]];
		struct rev_step *s = add_step(out, n->r, n->r->id, 0);
		rc = maintain_downgrade(g, s, &n->normdown, &out->heads_after, err);
	}
	if (rc < 0)
		rev_plan_free(out);
out:
	free(label);
	iv_free(&roots);
	iv_free(&heads);
	iv_free(&order);
	return rc;
}
