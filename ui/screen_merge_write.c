/* screen_merge_write.c - step 2 of the merge screen, Merge: the
 * collisions between the selected heads, the revisions `upgrade heads`
 * would run after the merge in their order (the engine's planner), the
 * message, and the button that writes the merge revision through
 * env->write; then "Apply to the database now?" runs env->upgrade with a
 * progress box and shows the new heads, or PostgreSQL's error and that
 * nothing was changed. Ctrl-C during the upgrade asks whether to stop and
 * roll back (upgrade_ask.h). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "dialog.h"
#include "mg.h"
#include "upgrade_ask.h"

enum { F_MESSAGE, F_BUTTON, NF };

static void init(struct mg *g)
{
	field_init(&g->f);
	g->focus = F_BUTTON;
}

static void sfree(struct mg *g)
{
	field_free(&g->f);
	merge_order_free(&g->order);
	free(g->order_error);
}

static unsigned ctx(const struct mg *g)
{
	return g->editing ? KC_FIELD : KC_MWRITE;
}

static void enter(struct mg *g)
{
	if (g->order_valid && g->order_gen == g->sel_gen)
		return;
	merge_order_free(&g->order);
	free(g->order_error);
	g->order_error = NULL;
	struct wfo_error err = { 0 };
	if (merge_upgrade_order(g->m, g->sel, g->message, &g->order, &err) < 0)
		g->order_error = xstrdup(err.msg);
	g->order_gen = g->sel_gen;
	g->order_valid = true;
	g->order_top = 0;
}

static const char *button(const struct mg *g)
{
	if (!g->written)
		return "Write the merge revision";
	if (g->env->upgrade && !g->upgraded)
		return "Apply to the database";
	return "Finish";
}

/* Wrapped lines with a glyph in front; returns the next row. */
static int put_wrapped(int y, int end, const struct mg_rect *r, const char *glyph, const char *text, int a)
{
	struct strvec lines = STRVEC_INIT;
	text_wrap(text, glyph ? r->w - 5 : r->w - 3, 0, &lines);
	int x = glyph ? r->x + 3 : r->x + 1;
	for (size_t k = 0; k < lines.n && y < end; k++, y++) {
		if (!k && glyph)
			ui_put(y, r->x + 1, 2, glyph, a);
		ui_put(y, x, r->x + r->w - 1 - x, lines.v[k], a);
	}
	sv_free(&lines);
	return y;
}

static void draw(struct mg *g, const struct mg_rect *r)
{
	int y = r->y, end = r->y + r->h;
	int bottom = end - 6;   /* message, blank, button, three result lines */
	if (bottom < y + 3)
		bottom = y + 3;
	mg_collisions(g);
	struct strbuf sb = STRBUF_INIT;
	char id[13];
	sb_addf(&sb, "Merge %zu heads: ", mg_nselected(g));
	size_t shown = 0;
	for (size_t h = 0; h < g->m->nheads; h++)
		if (g->sel[h])
			sb_addf(&sb, "%s%s", shown++ ? ", " : "", mg_short(g->m->nodes[g->m->heads[h]].r->id, id));
	sb_addf(&sb, "  %s new revision %s", ui_glyph(UG_ARROW), g->m->new_id);
	ui_put(y++, r->x + 1, r->w - 2, sb_str(&sb), ui_attr(UR_BOLD));
	sb_free(&sb);
	/* collisions: at most a third of the body */
	int wend = y + (bottom - y) / 3 + 1;
	if (!g->warnings.n)
		y = put_wrapped(y, wend, r, ui_glyph(UG_CHECK), "No collisions found: the heads change "
				"different products, blocks, resource types, fixed inputs and workflows", ui_attr(UR_OK));
	for (size_t k = 0; k < g->warnings.n && y < wend; k++) {
		if (y == wend - 1 && k + 1 < g->warnings.n) {
			char *more = xasprintf("and %zu more collisions", g->warnings.n - k);
			y = put_wrapped(y, wend, r, ui_glyph(UG_WARN), more, ui_attr(UR_WARN));
			free(more);
			break;
		}
		y = put_wrapped(y, wend, r, ui_glyph(UG_WARN), g->warnings.v[k], ui_attr(UR_WARN));
	}
	for (size_t k = 0; k < g->notes.n && y < wend; k++)
		y = put_wrapped(y, wend, r, ui_glyph(UG_DOT), g->notes.v[k], ui_attr(UR_DIM));
	y++;
	/* the order of the upgrade */
	if (g->order_error) {
		y = put_wrapped(y, bottom, r, ui_glyph(UG_CROSS), g->order_error, ui_attr(UR_ERROR));
	} else if (y < bottom) {
		char *h = xasprintf("After the merge, upgrade heads runs %zu revision%s in this order "
				    "(%zu of the graph already applied):", g->order.n,
				    g->order.n == 1 ? "" : "s", g->order.applied);
		y = put_wrapped(y, bottom, r, NULL, h, ui_attr(UR_BOLD));
		free(h);
		if (g->order.note && y < bottom)
			y = put_wrapped(y, bottom, r, ui_glyph(UG_DOT), g->order.note, ui_attr(UR_DIM));
		int room = bottom - y;
		if (room > 0 && g->order_top + (size_t)room > g->order.n)
			g->order_top = g->order.n > (size_t)room ? g->order.n - (size_t)room : 0;
		for (int k = 0; k < room && g->order_top + (size_t)k < g->order.n; k++) {
			size_t i = g->order_top + (size_t)k;
			const struct merge_step *s = &g->order.steps[i];
			char *line;
			if (k == room - 1 && i + 1 < g->order.n)
				line = xasprintf("%s %zu more (PgDn)", ui_glyph(UG_ELLIPSIS), g->order.n - i);
			else
				line = xasprintf("%4zu. %s %s  %s%s", i + 1, mg_mark(0), mg_short(s->id, id), s->doc,
						 s->is_merge ? "  (this merge)" : "");
			ui_put(y++, r->x + 1, r->w - 2, line, s->is_merge ? ui_attr(UR_BOLD) : 0);
			free(line);
		}
	}
	/* message and button */
	y = bottom;
	ui_put(y, r->x + 1, 10, "Message", ui_attr(UR_DIM));
	int fw = r->w - 13;
	if (g->editing) {
		int cx = 0;
		field_draw(&g->f, y, r->x + 11, fw, true, &cx);
		g->cur_y = y;
		g->cur_x = cx;
	} else {
		int a = g->focus == F_MESSAGE && !g->written ? ui_attr(UR_SELECTED) : ui_attr(UR_FIELD);
		ui_fill(y, r->x + 11, fw, a);
		ui_put(y, r->x + 11, fw, g->message, a);
	}
	y += 2;
	char *b = xasprintf("[ %s ]", button(g));
	ui_put(y++, r->x + 1, r->w - 2, b, ui_attr(g->focus == F_BUTTON && !g->editing ? UR_SELECTED : UR_BOLD));
	free(b);
	if (g->written && y < end) {
		char *m = xasprintf("%s Written (atomically, never overwriting): %s", ui_glyph(UG_CHECK), g->path);
		ui_put(y++, r->x + 1, r->w - 2, m, ui_attr(UR_OK));
		free(m);
	}
	if (g->upgraded && y < end) {
		char *m = xasprintf("%s The database is upgraded; it is now at %s", ui_glyph(UG_CHECK), g->heads_after);
		ui_put(y++, r->x + 1, r->w - 2, m, ui_attr(UR_OK));
		free(m);
	}
	if (g->upgrade_error && y < end) {
		char *m = g->upgrade_stopped
			? xasprintf("%s The upgrade was stopped; nothing was changed in the database",
				    ui_glyph(UG_CROSS))
			: xasprintf("%s The upgrade failed; nothing was changed in the database: %s",
				    ui_glyph(UG_CROSS), g->upgrade_error);
		ui_put(y++, r->x + 1, r->w - 2, m, ui_attr(UR_ERROR));
		free(m);
	}
}

static void upgrade(struct mg *g)
{
	char *heads = NULL;
	struct wfo_error err = { 0 };
	dialog_progress("Upgrading the database", 0, 0, "starting");
	free(g->upgrade_error);
	g->upgrade_error = NULL;
	if (g->env->upgrade(g->env->ctx, upgrade_ask_progress, g, &heads, &err) < 0) {
		g->upgrade_error = xstrdup(err.msg);
		g->upgrade_stopped = err.status == WFO_ABORTED;
		upgrade_ask_after_failure();
		char *body = g->upgrade_stopped
			? xasprintf("You stopped the upgrade. Everything it had done was rolled back: the "
				    "database is exactly as it was. The merge revision stays; you can apply "
				    "it again, or run 'wfo-migrate upgrade heads' later.")
			: xasprintf("%s\n\nNothing was changed in the database (the upgrade is one "
				    "transaction). The merge revision stays; you can try again, or run "
				    "'wfo-migrate upgrade heads' later.", err.msg);
		dialog_message(g->upgrade_stopped ? "The upgrade was stopped" : "The upgrade failed", body);
		free(body);
		return;
	}
	g->upgraded = true;
	g->heads_after = heads ? heads : xstrdup("?");
	char *body = xasprintf("%sThe database is now at %s.",
			       upgrade_ask_too_late() ? UPGRADE_ASK_TOO_LATE : "", g->heads_after);
	dialog_message("Database upgraded", body);
	free(body);
	g->result = MERGE_UI_WRITTEN;
	g->done = true;
}

static void write_merge(struct mg *g)
{
	struct strvec down = STRVEC_INIT;
	merge_selected_ids(g->m, g->sel, &down);
	char *path = NULL;
	struct wfo_error err = { 0 };
	int rc = g->env->write(g->env->ctx, &down, g->message, &path, &err);
	sv_free(&down);
	if (rc < 0) {
		dialog_message("Cannot write the merge revision", err.msg);
		return;
	}
	g->written = true;
	g->path = path ? path : xstrdup("?");
	if (!g->env->upgrade) {
		g->result = MERGE_UI_WRITTEN;
		g->done = true;
		return;
	}
	static const char *const yn[] = { "Yes, upgrade", "No" };
	char *body = xasprintf("Written: %s\n\nApply it to the database now? upgrade heads runs %zu "
			       "revision%s in one transaction.", g->path, g->order.n,
			       g->order.n == 1 ? "" : "s");
	int b = dialog_buttons("Apply to the database now?", body, yn, 2, g->env->upgrade_default ? 0 : 1);
	free(body);
	if (b == 0) {
		upgrade(g);
	} else if (!ui_interrupted()) {
		g->result = MERGE_UI_WRITTEN;
		g->done = true;
	}
}

static void press(struct mg *g)
{
	if (!g->written) {
		if (g->order_error) {
			mg_status(g, true, "%s", g->order_error);
			return;
		}
		write_merge(g);
	} else if (g->env->upgrade && !g->upgraded) {
		upgrade(g);
	} else {
		g->result = MERGE_UI_WRITTEN;
		g->done = true;
	}
}

static void scroll(struct mg *g, enum ui_action a)
{
	size_t n = g->order.n, page = 5;
	switch (a) {
	case UA_UP:
		if (g->order_top)
			g->order_top--;
		break;
	case UA_DOWN:
		if (g->order_top + 1 < n)
			g->order_top++;
		break;
	case UA_PGUP:
		g->order_top = g->order_top > page ? g->order_top - page : 0;
		break;
	case UA_PGDN:
		g->order_top = g->order_top + page < n ? g->order_top + page : n ? n - 1 : 0;
		break;
	case UA_HOME:
		g->order_top = 0;
		break;
	case UA_END:
		g->order_top = n ? n - 1 : 0;
		break;
	default:
		break;
	}
}

static void key(struct mg *g, enum ui_action a, const struct ui_key *k)
{
	if (g->editing) {
		if (a == UA_ENTER || a == UA_TAB) {
			char *m = field_text(&g->f);
			if (strspn(m, " \t") == strlen(m)) {
				mg_status(g, true, "The message is required (it names the file)");
				free(m);
				return;
			}
			free(g->message);
			g->message = m;
			for (size_t i = 0; i < g->order.n; i++)
				if (g->order.steps[i].is_merge) {
					free(g->order.steps[i].doc);
					g->order.steps[i].doc = xstrdup(m);
				}
			g->editing = false;
			g->focus = F_BUTTON;
		} else if (a == UA_BACK) {
			g->editing = false;
		} else {
			field_key(&g->f, a, k);
		}
		return;
	}
	switch (a) {
	case UA_TAB:
	case UA_BTAB:
		g->focus = (g->focus + 1) % NF;
		break;
	case UA_ENTER:
		if (g->focus == F_MESSAGE && !g->written) {
			field_set(&g->f, g->message);
			g->editing = true;
		} else if (g->focus == F_BUTTON) {
			press(g);
		}
		break;
	case UA_BACK:
		mg_goto(g, MG_HEADS);
		break;
	default:
		scroll(g, a);
		break;
	}
}

const struct mg_ops mg_merge_ops = {
	.name = "Merge",
	.ctx = ctx,
	.init = init,
	.enter = enter,
	.draw = draw,
	.key = key,
	.free = sfree,
};
