/* merge.c - the merge screen's model and writing merge revisions (see
 * merge.h). Part of the revision engine: it walks the graph's insides
 * (revgraph_int.h) and asks the planner what is applied and what an
 * upgrade would run. */
#include "config.h"
#include "merge.h"

#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cli_common.h"
#include "migrate.h"
#include "revgraph_int.h"
#include "revid.h"
#include "revwrite.h"

#define NONE SIZE_MAX

/* ---- building ---- */

static void date_of(const struct revision *r, char out[11])
{
	out[0] = '\0';
	const char *d = r->docstring ? strstr(r->docstring, "Create Date:") : NULL;
	if (d) {
		d += strlen("Create Date:");
		while (*d == ' ')
			d++;
	}
	if (!d || !(isdigit((unsigned char)d[0]) && d[4] == '-' && d[7] == '-')) {
		const char *base = r->path ? strrchr(r->path, '/') : NULL;
		d = base ? base + 1 : r->path;
		if (!d || strlen(d) < 11 || d[4] != '-' || d[7] != '-' || d[10] != '_')
			return;
	}
	for (int i = 0; i < 10; i++)
		if (!d[i] || (!isdigit((unsigned char)d[i]) && d[i] != '-'))
			return;
	memcpy(out, d, 10);
	out[10] = '\0';
}

static char *joined(const struct strvec *v)
{
	struct strbuf sb = STRBUF_INIT;
	sb_add(&sb, "");
	for (size_t i = 0; i < v->n; i++)
		sb_addf(&sb, "%s%s", i ? ", " : "", v->v[i]);
	return sb_detach(&sb);
}

/* Applied marks from the planner: what `upgrade heads` would run is not
 * applied, everything else is. */
static void mark_applied(struct merge_model *m, const size_t *gidx)
{
	struct rev_plan plan;
	struct wfo_error err = { 0 };
	if (!m->have_db)
		return;
	if (rev_plan_upgrade(m->g, &m->current, "heads", &plan, &err) < 0) {
		free(m->applied_note);
		m->applied_note = xasprintf("cannot tell what is applied: %s", err.msg);
		m->have_db = false;
		return;
	}
	char *pending = rg_set_new(m->g);
	for (size_t i = 0; i < plan.n; i++) {
		long x = rg_map_get(&m->g->ids, plan.steps[i].id);
		if (x >= 0)
			pending[x] = 1;
	}
	for (size_t i = 0; i < m->n; i++)
		m->nodes[i].applied = !pending[gidx[i]];
	free(pending);
	rev_plan_free(&plan);
}

int merge_model_new(struct rev_graph *g, const struct strvec *current, const char *db_note,
		    const struct strvec *taken, struct merge_model **out, struct wfo_error *err)
{
	*out = NULL;
	struct merge_model *m = xcalloc(1, sizeof *m);
	m->g = g;
	m->graph_n = g->n;
	struct strvec heads = STRVEC_INIT, all = STRVEC_INIT;
	int has_label = 0;
	cli_data_heads(g, &heads, &has_label);
	m->branch = has_label ? xstrdup("data") : NULL;
	rev_graph_heads(g, &all);
	for (size_t i = 0; i < all.n; i++)
		if (!sv_contains(&heads, all.v[i])) {
			const struct rg_node *gn = &g->nodes[rg_map_get(&g->ids, all.v[i])];
			char *l = joined(&gn->labels);
			sv_push_owned(&m->other_heads, *l ? xasprintf("%s (%s)", all.v[i], l)
							  : xstrdup(all.v[i]));
			free(l);
		}
	sv_free(&all);
	if (heads.n < 2) {
		if (heads.n == 1)
			wfo_fail(err, WFO_USAGE, "nothing to merge: %s has one head (%s)",
				 has_label ? "the data branch" : "the revision graph", heads.v[0]);
		else
			wfo_fail(err, WFO_USAGE, "nothing to merge: no heads found");
		sv_free(&heads);
		merge_model_free(m);
		return -1;
	}
	if (current) {
		m->have_db = true;
		for (size_t i = 0; i < current->n; i++)
			sv_push(&m->current, current->v[i]);
	} else {
		m->applied_note = xstrdup(db_note ? db_note : "the database is not known");
	}
	size_t gn = g->n;
	m->nheads = heads.n;
	m->anc = xcalloc(heads.n, sizeof *m->anc);
	size_t *hidx = xcalloc(heads.n, sizeof *hidx);
	for (size_t h = 0; h < heads.n; h++) {
		hidx[h] = (size_t)rg_map_get(&g->ids, heads.v[h]);
		m->anc[h] = rg_set_new(g);
		rg_ancestors(g, &hidx[h], 1, 0, m->anc[h]);
	}
	sv_free(&heads);
	/* shown: every ancestor of a head, less the common ancestors below
	 * the newest ones (those with no child among the common ones) */
	char *shown = rg_set_new(g), *common = rg_set_new(g);
	for (size_t i = 0; i < gn; i++) {
		bool all_have = true;
		for (size_t h = 0; h < m->nheads; h++) {
			shown[i] |= m->anc[0 + h][i];
			all_have = all_have && m->anc[h][i];
		}
		common[i] = all_have;
		m->common = m->common || all_have;
	}
	for (size_t i = 0; i < gn; i++) {
		if (!common[i])
			continue;
		bool newest = true;
		for (size_t k = 0; k < g->nodes[i].next.n && newest; k++)
			newest = !common[g->nodes[i].next.v[k]];
		if (!newest)
			shown[i] = 0;
	}
	/* drawing order: a node comes when all its children shown came; a
	 * stack keeps each branch together */
	size_t *left = xcalloc(gn ? gn : 1, sizeof *left);
	size_t count = 0;
	for (size_t i = 0; i < gn; i++) {
		if (!shown[i])
			continue;
		count++;
		for (size_t k = 0; k < g->nodes[i].next.n; k++)
			left[i] += shown[g->nodes[i].next.v[k]] ? 1 : 0;
	}
	size_t *stack = xcalloc(count + 1, sizeof *stack), sp = 0;
	size_t *order = xcalloc(count + 1, sizeof *order), no = 0;
	/* the heads last on the stack, the first head on top */
	for (size_t i = gn; i-- > 0;)
		if (shown[i] && !left[i]) {
			bool is_head = false;
			for (size_t h = 0; h < m->nheads; h++)
				is_head = is_head || hidx[h] == i;
			if (!is_head)
				stack[sp++] = i;
		}
	for (size_t h = m->nheads; h-- > 0;)
		stack[sp++] = hidx[h];
	while (sp) {
		size_t x = stack[--sp];
		order[no++] = x;
		const struct idxvec *d = &g->nodes[x].down;
		for (size_t k = d->n; k-- > 0;) {
			size_t p = d->v[k];
			if (shown[p] && --left[p] == 0)
				stack[sp++] = p;
		}
	}
	size_t *node_of = xmalloc((gn ? gn : 1) * sizeof *node_of);
	for (size_t i = 0; i < gn; i++)
		node_of[i] = NONE;
	for (size_t i = 0; i < no; i++)
		node_of[order[i]] = i;
	m->n = no;
	m->nodes = xcalloc(no ? no : 1, sizeof *m->nodes);
	m->heads = xcalloc(m->nheads, sizeof *m->heads);
	for (size_t h = 0; h < m->nheads; h++)
		m->heads[h] = node_of[hidx[h]];
	for (size_t i = 0; i < no; i++) {
		struct merge_node *n = &m->nodes[i];
		const struct rg_node *rn = &g->nodes[order[i]];
		n->r = rn->r;
		n->applied = -1;
		n->head = -1;
		for (size_t h = 0; h < m->nheads; h++)
			if (m->heads[h] == i)
				n->head = (int)h;
		n->base = common[order[i]];
		date_of(n->r, n->date);
		n->labels = joined(&rn->labels);
		n->parents = xcalloc(rn->down.n ? rn->down.n : 1, sizeof *n->parents);
		for (size_t k = 0; k < rn->down.n; k++)
			if (node_of[rn->down.v[k]] != NONE)
				n->parents[n->nparents++] = node_of[rn->down.v[k]];
	}
	m->touch = xcalloc(gn ? gn : 1, sizeof *m->touch);
	m->scanned = xcalloc(gn ? gn : 1, 1);
	mark_applied(m, order);
	free(left);
	free(stack);
	free(order);
	free(node_of);
	free(shown);
	free(common);
	free(hidx);
	if (revid_new(m->new_id, taken, err) < 0) {
		merge_model_free(m);
		return -1;
	}
	*out = m;
	return 0;
}

void merge_model_free(struct merge_model *m)
{
	if (!m)
		return;
	for (size_t i = 0; i < m->n; i++) {
		free(m->nodes[i].parents);
		free(m->nodes[i].labels);
	}
	free(m->nodes);
	free(m->heads);
	for (size_t h = 0; m->anc && h < m->nheads; h++)
		free(m->anc[h]);
	free(m->anc);
	for (size_t i = 0; m->touch && i < m->graph_n; i++)
		mt_free(&m->touch[i]);
	free(m->touch);
	free(m->scanned);
	sv_free(&m->current);
	sv_free(&m->other_heads);
	free(m->applied_note);
	free(m->branch);
	if (m->g)
		rev_graph_free(m->g);
	free(m);
}

void merge_selected_ids(const struct merge_model *m, const bool *sel, struct strvec *out)
{
	for (size_t h = 0; h < m->nheads; h++)
		if (sel[h])
			sv_push(out, m->nodes[m->heads[h]].r->id);
}

/* ---- what a revision does ---- */

static void add_body(struct strbuf *sb, const struct rev_body *b)
{
	for (size_t k = 0; k < b->n; k++) {
		const char *s = b->v[k].sql;
		size_t len = strlen(s);
		while (len && isspace((unsigned char)s[len - 1]))
			len--;
		while (len && isspace((unsigned char)*s))
			s++, len--;
		sb_addn(sb, s, len);
		sb_add(sb, len && s[len - 1] == ';' ? "\n\n" : ";\n\n");
	}
}

char *merge_node_sql(const struct merge_model *m, size_t i)
{
	const struct revision *r = m->nodes[i].r;
	struct strbuf sb = STRBUF_INIT;
	sb_addf(&sb, "-- Revision %s: %s\n-- File: %s\n", r->id, r->doc && *r->doc ? r->doc : "(no message)",
		r->path ? r->path : "?");
	struct rev_step up = { .rev = r, .id = r->id, .upgrade = 1 };
	struct rev_step down = { .rev = r, .id = r->id, .upgrade = 0 };
	const struct rev_body *bodies[2] = { &r->upgrade, &r->downgrade };
	const struct rev_step *steps[2] = { &up, &down };
	for (int k = 0; k < 2; k++) {
		char *t = migrate_step_text(steps[k]);
		sb_addf(&sb, "\n-- Running %s\n\n", t);
		free(t);
		const struct rev_body *b = bodies[k];
		if (!b->sql_only)
			sb_addf(&sb, "-- Not SQL-only (%s): only Alembic can run this %s, so its SQL "
				"cannot be shown here.\n\n", b->why_not ? b->why_not : "not plain SQL",
				k ? "downgrade" : "upgrade");
		else if (!b->n)
			sb_add(&sb, "-- (no statements)\n\n");
		else
			add_body(&sb, b);
	}
	return sb_detach(&sb);
}

static const struct merge_touches *touches_of(struct merge_model *m, size_t gi)
{
	if (!m->scanned[gi]) {
		const struct revision *r = m->g->nodes[gi].r;
		for (size_t k = 0; r->upgrade.sql_only && k < r->upgrade.n; k++)
			mt_scan(r->upgrade.v[k].sql, &m->touch[gi]);
		m->scanned[gi] = 1;
	}
	return &m->touch[gi];
}

void merge_node_changes(struct merge_model *m, size_t i, struct strvec *out)
{
	long gi = rg_map_get(&m->g->ids, m->nodes[i].r->id);
	if (gi >= 0)
		mt_describe(touches_of(m, (size_t)gi), out);
}

void merge_collisions(struct merge_model *m, const bool *sel, struct strvec *warnings,
		      struct strvec *notes)
{
	struct strvec foreign = STRVEC_INIT;
	for (size_t a = 0; a < m->nheads; a++) {
		if (!sel[a])
			continue;
		for (size_t b = a + 1; b < m->nheads; b++) {
			if (!sel[b])
				continue;
			struct merge_touches ta = MERGE_TOUCHES_INIT, tb = MERGE_TOUCHES_INIT;
			for (size_t i = 0; i < m->graph_n; i++) {
				if (m->anc[a][i] == m->anc[b][i])
					continue;
				const struct revision *r = m->g->nodes[i].r;
				if (!r->upgrade.sql_only) {
					if (!sv_contains(&foreign, r->id))
						sv_push(&foreign, r->id);
					continue;
				}
				mt_append(m->anc[a][i] ? &ta : &tb, touches_of(m, i), NULL);
			}
			char an[13], bn[13];
			snprintf(an, sizeof an, "%.12s", m->nodes[m->heads[a]].r->id);
			snprintf(bn, sizeof bn, "%.12s", m->nodes[m->heads[b]].r->id);
			mt_collisions(&ta, an, &tb, bn, warnings);
			mt_free(&ta);
			mt_free(&tb);
		}
	}
	for (size_t i = 0; i < foreign.n && i < 3; i++)
		sv_push_owned(notes, xasprintf("revision %s is not SQL-only: its changes are not "
					       "checked", foreign.v[i]));
	if (foreign.n > 3)
		sv_push_owned(notes, xasprintf("%zu more revisions are not SQL-only: their changes "
					       "are not checked", foreign.n - 3));
	sv_free(&foreign);
}

/* ---- after the merge ---- */

void merge_order_free(struct merge_order *o)
{
	for (size_t i = 0; i < o->n; i++) {
		free(o->steps[i].id);
		free(o->steps[i].doc);
	}
	free(o->steps);
	free(o->note);
	memset(o, 0, sizeof *o);
}

int merge_upgrade_order(struct merge_model *m, const bool *sel, const char *message,
			struct merge_order *out, struct wfo_error *err)
{
	memset(out, 0, sizeof *out);
	struct strvec down = STRVEC_INIT;
	merge_selected_ids(m, sel, &down);
	if (down.n < 2) {
		sv_free(&down);
		return wfo_fail(err, WFO_USAGE, "select at least two heads to merge");
	}
	if (!m->preview) {
		struct revision *r = xcalloc(1, sizeof *r);
		r->id = xstrdup(m->new_id);
		r->path = xstrdup("(the merge revision, not written yet)");
		r->docstring = xstrdup("");
		r->upgrade.sql_only = r->downgrade.sql_only = 1;
		if (rev_graph_add(m->g, r, err) < 0) {
			sv_free(&down);
			return -1;
		}
		m->preview = r;
	}
	sv_free(&m->preview->down);
	m->preview->down = down;
	free(m->preview->doc);
	m->preview->doc = xstrdup(message ? message : "empty message");
	struct rev_plan plan;
	struct strvec none = STRVEC_INIT;
	if (rev_graph_finish(m->g, err) < 0 ||
	    rev_plan_upgrade(m->g, m->have_db ? &m->current : &none, "heads", &plan, err) < 0)
		return -1;
	out->steps = xcalloc(plan.n ? plan.n : 1, sizeof *out->steps);
	for (size_t i = 0; i < plan.n; i++) {
		const struct rev_step *s = &plan.steps[i];
		out->steps[i].id = xstrdup(s->id);
		out->steps[i].doc = xstrdup(s->rev && s->rev->doc ? s->rev->doc : "");
		out->steps[i].is_merge = s->rev == m->preview;
	}
	out->n = plan.n;
	rev_plan_free(&plan);
	for (size_t i = 0; i < m->n; i++)
		out->applied += m->nodes[i].applied == 1;
	if (!m->have_db)
		out->note = xasprintf("%s; the order assumes nothing is applied",
				      m->applied_note ? m->applied_note : "the database is not known");
	return 0;
}

int merge_write(const char *dir, const char *id, const struct strvec *down, const char *message,
		char **path, struct wfo_error *err)
{
	struct revwrite rw = { 0 };
	if (down->n < 2)
		return wfo_fail(err, WFO_USAGE, "nothing to merge: %s",
				down->n ? "only one revision given or found as head" : "no heads found");
	rw.id = id;
	rw.message = message;
	for (size_t i = 0; i < down->n; i++)
		sv_push(&rw.down, down->v[i]);
	clock_gettime(CLOCK_REALTIME, &rw.created);
	int rc = revwrite_check(&rw, err);
	if (rc == 0)
		rc = revwrite_file(dir, &rw, path, err);
	sv_free(&rw.down);
	return rc;
}
