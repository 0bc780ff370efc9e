/* screen_merge.c - step 1 of the merge screen, Heads: the graph of the
 * heads down to their common ancestor (graph.c lays out the lanes once;
 * a frame draws only the rows shown), a detail pane for the selected
 * revision (file, parents, labels, what it changes in the catalogue),
 * space to select heads, and Enter for the revision's SQL as the engine
 * reads it (a searchable text view; Esc returns). */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "dialog.h"
#include "mg.h"

static size_t np_of(const void *ctx, size_t i)
{
	return ((const struct merge_model *)ctx)->nodes[i].nparents;
}

static size_t parent_of(const void *ctx, size_t i, size_t k)
{
	return ((const struct merge_model *)ctx)->nodes[i].parents[k];
}

static void init(struct mg *g)
{
	struct graph_input in = { g->m->n, np_of, parent_of, g->m };
	graph_layout(&in, &g->graph);
	g->row = g->m->n ? g->graph.row_of[g->m->heads[0]] : 0;
	g->changes_of = SIZE_MAX;
	textview_init(&g->sql);
}

static void sfree(struct mg *g)
{
	graph_free(&g->graph);
	textview_free(&g->sql);
	sv_free(&g->changes);
}

static unsigned ctx(const struct mg *g)
{
	return g->sql_open ? KC_MSQL : KC_MHEADS;
}

static size_t node_at(const struct mg *g, size_t row)
{
	return g->graph.rows[row].node;
}

/* ---- drawing ---- */

static const char *base_name(const char *path)
{
	const char *s = path ? strrchr(path, '/') : NULL;
	return s ? s + 1 : path ? path : "";
}

static void draw_row(struct mg *g, size_t row, int y, const struct mg_rect *r, int gcols)
{
	const struct graph_row *gr = &g->graph.rows[row];
	bool cur = row == g->row;
	int base_attr = cur ? ui_attr(UR_SELECTED) : 0;
	if (cur)
		ui_fill(y, r->x, r->w, base_attr);
	const struct merge_node *n = gr->node == GRAPH_CONNECTOR ? NULL : &g->m->nodes[gr->node];
	struct strbuf sb = STRBUF_INIT;
	graph_render(&g->graph, row, n ? mg_mark(n->applied) : " ", ui_utf8(), gcols, &sb);
	ui_put(y, r->x + 1, gcols, sb_str(&sb), base_attr | (n ? 0 : ui_attr(UR_DIM)));
	sb_free(&sb);
	if (!n)
		return;
	int x = r->x + 1 + ((int)gr->width * 2 < gcols ? (int)gr->width * 2 : gcols);
	int right = r->x + r->w - 1;
	bool wide = r->w >= 110;
	int filew = wide ? 44 : 0;
	int datew = n->date[0] ? 10 : 0;
	if (n->head >= 0) {
		const char *box = g->sel[n->head] ? "[x] " : "[ ] ";
		x += ui_put(y, x, right - x, box, base_attr | ui_attr(UR_BOLD));
	}
	char id[13];
	x += ui_put(y, x, right - x, mg_short(n->r->id, id), base_attr | (n->head >= 0 ? ui_attr(UR_BOLD) : 0));
	x += 2;
	int msg_end = right - (datew ? datew + 2 : 0) - (filew ? filew + 2 : 0);
	struct strbuf msg = STRBUF_INIT;
	sb_add(&msg, n->r->doc && *n->r->doc ? n->r->doc : "(no message)");
	if (n->r->labels.n) {
		sb_add(&msg, " (");
		for (size_t k = 0; k < n->r->labels.n; k++)
			sb_addf(&msg, "%s%s", k ? ", " : "", n->r->labels.v[k]);
		sb_add(&msg, ")");
	}
	if (n->base)
		sb_add(&msg, " (common ancestor)");
	else if (!n->nparents && !n->r->down.n)
		sb_add(&msg, " (base)");
	if (msg_end > x)
		ui_put(y, x, msg_end - x, sb_str(&msg), base_attr);
	sb_free(&msg);
	if (datew && right - (filew ? filew + 2 : 0) - datew > x)
		ui_put(y, right - (filew ? filew + 2 : 0) - datew, datew, n->date, base_attr | (cur ? 0 : ui_attr(UR_DIM)));
	if (filew)
		ui_put(y, right - filew, filew, base_name(n->r->path), base_attr | (cur ? 0 : ui_attr(UR_DIM)));
}

static void detail_line(int y, const struct mg_rect *r, const char *label, const char *value, int a)
{
	ui_put(y, r->x + 1, 9, label, ui_attr(UR_DIM));
	ui_put(y, r->x + 10, r->w - 11, value, a);
}

static void draw_detail(struct mg *g, int y, int h, const struct mg_rect *r)
{
	ui_hline(y++, r->x, r->w, ui_attr(UR_DIM));
	h--;
	if (g->graph.nrows == 0 || h <= 0)
		return;
	size_t i = node_at(g, g->row);
	const struct merge_node *n = &g->m->nodes[i];
	struct strbuf sb = STRBUF_INIT;
	char id[13];
	sb_addf(&sb, "%s", mg_short(n->r->id, id));
	if (n->head >= 0)
		sb_addf(&sb, "  head %d of %zu, %s", n->head + 1, g->m->nheads,
			g->sel[n->head] ? "selected" : "not selected");
	else if (n->base)
		sb_add(&sb, "  the common ancestor");
	sb_addf(&sb, "  %s %s", mg_mark(n->applied),
		n->applied > 0 ? "applied" : n->applied == 0 ? "not applied" : "applied: unknown");
	if (n->labels[0])
		sb_addf(&sb, "  branch %s", n->labels);
	ui_put(y++, r->x + 1, r->w - 2, sb_str(&sb), ui_attr(UR_BOLD));
	sb_reset(&sb);
	if (--h <= 0)
		goto out;
	detail_line(y++, r, "File", n->r->path ? n->r->path : "?", 0);
	if (--h <= 0)
		goto out;
	if (n->r->down.n)
		for (size_t k = 0; k < n->r->down.n; k++)
			sb_addf(&sb, "%s%s", k ? ", " : "", n->r->down.v[k]);
	else
		sb_add(&sb, "nothing (a base)");
	if (n->r->depends.n) {
		sb_add(&sb, "; depends on ");
		for (size_t k = 0; k < n->r->depends.n; k++)
			sb_addf(&sb, "%s%s", k ? ", " : "", n->r->depends.v[k]);
	}
	if (n->date[0])
		sb_addf(&sb, "; created %s", n->date);
	detail_line(y++, r, "Revises", sb_str(&sb), 0);
	sb_reset(&sb);
	if (--h <= 0)
		goto out;
	if (!n->r->upgrade.sql_only) {
		sb_addf(&sb, "not SQL-only (%s): only Alembic can run it",
			n->r->upgrade.why_not ? n->r->upgrade.why_not : "?");
	} else {
		if (g->changes_of != i) {
			sv_free(&g->changes);
			merge_node_changes(g->m, i, &g->changes);
			g->changes_of = i;
		}
		for (size_t k = 0; k < g->changes.n; k++)
			sb_addf(&sb, "%s%s", k ? "; " : "", g->changes.v[k]);
		if (!g->changes.n)
			sb_addf(&sb, "nothing in the catalogue (%zu statement%s; Enter shows them)",
				n->r->upgrade.n, n->r->upgrade.n == 1 ? "" : "s");
	}
	struct strvec lines = STRVEC_INIT;
	text_wrap(sb_str(&sb), r->w - 11, 0, &lines);
	for (size_t k = 0; k < lines.n && h > 0; k++, h--)
		detail_line(y++, r, k ? "" : "Changes", lines.v[k], 0);
	sv_free(&lines);
out:
	sb_free(&sb);
}

static void fix_top(struct mg *g)
{
	if (g->height <= 0)
		return;
	if (g->row < g->top)
		g->top = g->row;
	if (g->row >= g->top + (size_t)g->height)
		g->top = g->row - (size_t)g->height + 1;
}

static void draw(struct mg *g, const struct mg_rect *r)
{
	int y = r->y, end = r->y + r->h;
	if (g->env->reason) {
		char *t = xasprintf("%s %s", ui_glyph(UG_WARN), g->env->reason);
		ui_put(y++, r->x + 1, r->w - 2, t, ui_attr(UR_WARN));
		free(t);
	}
	mg_collisions(g);
	struct strbuf sb = STRBUF_INIT;
	sb_addf(&sb, "Heads%s%s: %zu, %zu selected", g->m->branch ? " on branch " : "",
		g->m->branch ? g->m->branch : "", g->m->nheads, mg_nselected(g));
	if (!g->m->common)
		sb_add(&sb, "; no common ancestor (drawn to the bases)");
	ui_put(y, r->x + 1, r->w - 2, sb_str(&sb), ui_attr(UR_BOLD));
	int sw = ui_width(sb_str(&sb)) + 3;
	sb_reset(&sb);
	if (mg_nselected(g) < 2)
		sb_add(&sb, "select two or more");
	else if (g->warnings.n)
		sb_addf(&sb, "%s %zu collision%s", ui_glyph(UG_WARN), g->warnings.n, g->warnings.n == 1 ? "" : "s");
	else
		sb_addf(&sb, "%s no collisions found", ui_glyph(UG_CHECK));
	int cw = ui_width(sb_str(&sb));
	if (sw + cw < r->w - 1)
		ui_put(y, r->x + r->w - 1 - cw, cw, sb_str(&sb),
		       ui_attr(g->warnings.n && mg_nselected(g) >= 2 ? UR_WARN : UR_DIM));
	sb_free(&sb);
	y++;
	if (g->m->other_heads.n && !g->sql_open && r->h >= 14) {
		struct strbuf o = STRBUF_INIT;
		sb_add(&o, "Not merged here (other branches): ");
		for (size_t i = 0; i < g->m->other_heads.n; i++)
			sb_addf(&o, "%s%s", i ? ", " : "", g->m->other_heads.v[i]);
		ui_put(y++, r->x + 1, r->w - 2, sb_str(&o), ui_attr(UR_DIM));
		sb_free(&o);
	}
	if (g->sql_open) {
		textview_draw(&g->sql, y, r->x + 1, end - y, r->w - 2);
		return;
	}
	int detail = r->h >= 16 ? 6 : r->h >= 12 ? 4 : 0;
	g->height = end - y - detail;
	if (g->height < 1)
		g->height = 1;
	fix_top(g);
	int gcols = (int)g->graph.lanes * 2;
	if (gcols > r->w / 3)
		gcols = r->w / 3;
	for (int k = 0; k < g->height && g->top + (size_t)k < g->graph.nrows; k++)
		draw_row(g, g->top + (size_t)k, y + k, r, gcols);
	if (g->graph.nrows > (size_t)g->height) {
		/* where the view is in a long history */
		char pos[48];
		snprintf(pos, sizeof pos, " %zu/%zu ", node_at(g, g->row) + 1, g->m->n);
		int pw = ui_width(pos);
		ui_put(y + g->height - 1, r->x + r->w - 1 - pw, pw, pos, ui_attr(UR_DIM));
	}
	if (detail)
		draw_detail(g, end - detail, detail, r);
}

/* ---- keys ---- */

/* The next revision row from row in direction dir (+1 / -1); row itself
 * when there is none. */
static size_t step_row(const struct mg *g, size_t row, int dir)
{
	size_t r = row;
	while (dir > 0 ? r + 1 < g->graph.nrows : r > 0) {
		r = dir > 0 ? r + 1 : r - 1;
		if (node_at(g, r) != GRAPH_CONNECTOR)
			return r;
	}
	return row;
}

static void move(struct mg *g, enum ui_action a)
{
	size_t n = g->graph.nrows, page = g->height > 1 ? (size_t)g->height - 1 : 1;
	if (!n)
		return;
	switch (a) {
	case UA_UP:
		g->row = step_row(g, g->row, -1);
		break;
	case UA_DOWN:
		g->row = step_row(g, g->row, 1);
		break;
	case UA_PGUP:
		g->row = g->row > page ? g->row - page : 0;
		if (node_at(g, g->row) == GRAPH_CONNECTOR)
			g->row = step_row(g, g->row, -1);
		g->top = g->top > page ? g->top - page : 0;
		break;
	case UA_PGDN:
		g->row = g->row + page < n ? g->row + page : n - 1;
		if (node_at(g, g->row) == GRAPH_CONNECTOR)
			g->row = step_row(g, g->row, 1);
		if (node_at(g, g->row) == GRAPH_CONNECTOR)
			g->row = step_row(g, g->row, -1);
		g->top += page;
		if (g->top > g->row)
			g->top = g->row;
		break;
	case UA_HOME:
		g->row = 0;
		g->top = 0;
		break;
	case UA_END:
		g->row = g->graph.row_of[g->m->n - 1];
		break;
	default:
		break;
	}
}

static void search(struct mg *g, int dir, bool ask)
{
	struct textview *tv = &g->sql;
	if (ask || !tv->search) {
		char *q = NULL;
		if (dialog_input("Search", "Find in the SQL (case-insensitive):", "", &q) != 0)
			return;
		free(tv->search);
		tv->search = q;
		tv->match = (size_t)-1;
	}
	if (!textview_find(tv, tv->search, dir))
		mg_status(g, true, "Not found: %s", tv->search);
}

static void key(struct mg *g, enum ui_action a, const struct ui_key *k)
{
	(void)k;
	if (g->sql_open) {
		switch (a) {
		case UA_BACK:
			g->sql_open = false;
			break;
		case UA_SEARCH:
			search(g, 1, true);
			break;
		case UA_SEARCH_NEXT:
			search(g, 1, false);
			break;
		case UA_SEARCH_PREV:
			search(g, -1, false);
			break;
		default:
			textview_key(&g->sql, a);
			break;
		}
		return;
	}
	if (!g->graph.nrows)
		return;
	const struct merge_node *n = &g->m->nodes[node_at(g, g->row)];
	char id[13];
	switch (a) {
	case UA_TOGGLE:
		if (n->head < 0) {
			mg_status(g, true, "Only heads are merged; %s is below them", mg_short(n->r->id, id));
			break;
		}
		g->sel[n->head] = !g->sel[n->head];
		g->sel_gen++;
		mg_status(g, false, "%s %s; %zu of %zu heads selected", mg_short(n->r->id, id),
			  g->sel[n->head] ? "selected" : "not selected", mg_nselected(g), g->m->nheads);
		break;
	case UA_ENTER: {
		char *text = merge_node_sql(g->m, node_at(g, g->row));
		textview_set(&g->sql, text);
		free(text);
		g->sql_open = true;
		break;
	}
	case UA_NEXT:
		if (mg_nselected(g) < 2)
			mg_status(g, true, "Select at least two heads (space) to merge them");
		else
			mg_goto(g, MG_MERGE);
		break;
	default:
		move(g, a);
		break;
	}
}

static void enter(struct mg *g)
{
	g->sql_open = false;
}

const struct mg_ops mg_heads_ops = {
	.name = "Heads",
	.ctx = ctx,
	.init = init,
	.enter = enter,
	.draw = draw,
	.key = key,
	.free = sfree,
};
