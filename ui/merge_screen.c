/* merge_screen.c - merge_ui_run: opens the terminal, draws the frame
 * (title, context, step bar, status, key bar from the keymap), runs the two
 * steps and restores the terminal whatever happens (see merge_ui.h). */
#include "config.h"
#include "merge_ui.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dialog.h"
#include "frame.h"
#include "keymap.h"
#include "mg.h"
#include "tui.h"

static const struct mg_ops *const steps[MG_NSTEPS] = { &mg_heads_ops, &mg_merge_ops };

const char *mg_mark(int applied)
{
	if (applied > 0)
		return ui_utf8() ? "●" : "*";
	if (applied == 0)
		return ui_utf8() ? "○" : "o";
	return "?";
}

const char *mg_short(const char *id, char buf[13])
{
	snprintf(buf, 13, "%.12s", id);
	return buf;
}

size_t mg_nselected(const struct mg *g)
{
	size_t n = 0;
	for (size_t h = 0; h < g->m->nheads; h++)
		n += g->sel[h];
	return n;
}

void mg_collisions(struct mg *g)
{
	if (g->coll_valid && g->coll_gen == g->sel_gen)
		return;
	sv_free(&g->warnings);
	sv_free(&g->notes);
	merge_collisions(g->m, g->sel, &g->warnings, &g->notes);
	g->coll_gen = g->sel_gen;
	g->coll_valid = true;
}

void mg_status(struct mg *g, bool error, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(g->status, sizeof g->status, fmt, ap);
	va_end(ap);
	for (char *p = g->status; *p; p++)
		if (*p == '\n' || *p == '\t')
			*p = ' ';
	g->status_error = error;
}

bool mg_goto(struct mg *g, enum mg_step s)
{
	if (g->written && s != MG_MERGE) {
		mg_status(g, true, "The merge revision is written: the heads cannot change any more");
		return false;
	}
	g->step = s;
	if (steps[s]->enter)
		steps[s]->enter(g);
	return true;
}

static void step_bar(const struct mg *g, int y, int cols)
{
	int x = 1;
	for (int s = 0; s < MG_NSTEPS; s++) {
		bool cur = (int)g->step == s, done = s == MG_HEADS ? g->step > MG_HEADS : g->written;
		char label[64];
		snprintf(label, sizeof label, "%d %s%s%s", s + 1, steps[s]->name, done ? " " : "",
			 done ? ui_glyph(UG_CHECK) : "");
		x += ui_put(y, x, cols - x, label, ui_attr(cur ? UR_CURRENT : done ? UR_DONE : UR_NORMAL));
		if (s + 1 < MG_NSTEPS) {
			x += ui_put(y, x, cols - x, " ", 0);
			x += ui_put(y, x, cols - x, ui_glyph(UG_STEP), ui_attr(UR_DIM));
			x += ui_put(y, x, cols - x, " ", 0);
		}
	}
}

static void draw(struct mg *g)
{
	int rows = ui_rows(), cols = ui_cols();
	g->cur_y = g->cur_x = -1;
	ui_cursor(-1, 0);
	if (cols < UI_MIN_COLS || rows < UI_MIN_ROWS) {
		frame_too_small();
		return;
	}
	ui_clear();
	const struct merge_model *m = g->m;
	char *title = xasprintf("wfo-migrate %s %s %s %zu heads%s%s", ui_glyph(UG_MIDDOT),
				g->env->command ? g->env->command : "merge", ui_glyph(UG_MIDDOT), m->nheads,
				m->branch ? " on branch " : "", m->branch ? m->branch : "");
	ui_fill(0, 0, cols, ui_attr(UR_SELECTED));
	ui_put(0, 1, cols - 2, title, ui_attr(UR_SELECTED) | ui_attr(UR_BOLD));
	free(title);
	/* context: the database, then the legend of the applied marks */
	char *legend = m->have_db ? xasprintf("applied in db: %s yes %s no", mg_mark(1), mg_mark(0))
				  : xasprintf("applied: %s unknown", mg_mark(-1));
	int lw = ui_width(legend);
	char *db = frame_hide_password(g->env->database);
	const char *dbs = strstr(db, "://") ? strstr(db, "://") + 3 : db;
	int x = 1;
	x += ui_put(1, x, cols - x, "db ", ui_attr(UR_DIM));
	int room = cols - x - lw - 3;
	int used = ui_put(1, x, room, dbs, 0);
	if (used < ui_width(dbs) && used > 0)
		ui_put(1, x + used - 1, 1, ui_glyph(UG_ELLIPSIS), 0);
	ui_put(1, cols - lw - 1, lw, legend, ui_attr(UR_DIM));
	free(db);
	free(legend);
	step_bar(g, 2, cols);
	ui_hline(3, 0, cols, ui_attr(UR_DIM));
	ui_hline(rows - 2, 0, cols, ui_attr(UR_DIM));
	struct mg_rect body = { 4, 0, rows - 6, cols };
	const struct mg_ops *o = steps[g->step];
	o->draw(g, &body);
	if (g->status[0]) {
		int a = ui_attr(g->status_error ? UR_ERROR : UR_BOLD);
		int sx = 1;
		sx += ui_put(rows - 2, sx, cols - 2, " ", a);
		if (g->status_error) {
			sx += ui_put(rows - 2, sx, cols - sx, ui_glyph(UG_CROSS), a);
			sx += ui_put(rows - 2, sx, cols - sx, " ", a);
		}
		sx += ui_put(rows - 2, sx, cols - sx - 1, g->status, a);
		ui_put(rows - 2, sx, 1, " ", a);
	}
	frame_key_bar(o->ctx(g), rows - 1, cols);
	if (g->cur_y >= 0)
		ui_cursor(g->cur_y, g->cur_x);
}

static void backdrop(void *arg)
{
	draw(arg);
}

static void help(struct mg *g, unsigned ctx)
{
	struct strvec lines = STRVEC_INIT;
	sv_push(&lines, "The graph shows the heads and their revisions down to the common");
	sv_push(&lines, "ancestor. Marks: applied in the database (filled) or not (open).");
	sv_push(&lines, "[x] marks a head that will be merged; the Merge step shows the");
	sv_push(&lines, "collisions, the upgrade order, and writes the merge revision.");
	sv_push(&lines, "");
	keymap_help(ctx, &lines);
	char *title = xasprintf("Keys: merge screen, %d %s", g->step + 1, steps[g->step]->name);
	dialog_text(title, &lines);
	free(title);
	sv_free(&lines);
}

static void quit(struct mg *g)
{
	g->result = g->written ? MERGE_UI_WRITTEN : MERGE_UI_QUIT;
	g->done = true;
}

static void loop(struct mg *g)
{
	while (!g->done) {
		draw(g);
		ui_flush();
		struct ui_key k;
		enum ui_event ev = ui_getkey(&k);
		if (ev == UE_INTERRUPT)
			break;
		if (ev == UE_RESIZE)
			continue;
		g->status[0] = 0;
		const struct mg_ops *o = steps[g->step];
		unsigned ctx = o->ctx(g);
		enum ui_action a = keymap_lookup(ctx, &k);
		if (a == UA_REDRAW)
			ui_repaint();
		else if (a == UA_HELP)
			help(g, ctx);
		else if (a == UA_QUIT)
			quit(g);
		else if (ui_cols() >= UI_MIN_COLS && ui_rows() >= UI_MIN_ROWS)
			o->key(g, a, &k);
		if (ui_interrupted())
			break;
	}
}

enum merge_ui_result merge_ui_run(struct merge_ui_env *env, char **path_out, bool *upgraded,
				  struct wfo_error *err)
{
	if (path_out)
		*path_out = NULL;
	if (upgraded)
		*upgraded = false;
	struct mg g;
	memset(&g, 0, sizeof g);
	g.env = env;
	g.m = env->model;
	g.sel = xcalloc(g.m->nheads ? g.m->nheads : 1, sizeof *g.sel);
	for (size_t h = 0; h < g.m->nheads; h++)
		g.sel[h] = true;
	g.message = xstrdup(env->message ? env->message : "merge heads");
	g.result = MERGE_UI_QUIT;
	if (ui_open(err) < 0) {
		free(g.sel);
		free(g.message);
		return MERGE_UI_ERROR;
	}
	dialog_set_backdrop(backdrop, &g);
	for (int s = 0; s < MG_NSTEPS; s++)
		if (steps[s]->init)
			steps[s]->init(&g);
	mg_goto(&g, MG_HEADS);
	loop(&g);
	bool interrupted = !g.done;
	dialog_set_backdrop(NULL, NULL);
	ui_close();
	for (int s = 0; s < MG_NSTEPS; s++)
		if (steps[s]->free)
			steps[s]->free(&g);
	sv_free(&g.warnings);
	sv_free(&g.notes);
	enum merge_ui_result r = g.written ? MERGE_UI_WRITTEN : interrupted ? MERGE_UI_INTERRUPTED : g.result;
	if (r == MERGE_UI_WRITTEN && path_out)
		*path_out = g.path;
	else
		free(g.path);
	if (upgraded)
		*upgraded = g.upgraded;
	if (r == MERGE_UI_INTERRUPTED)
		wfo_fail(err, WFO_ABORTED, "interrupted: nothing was written");
	free(g.heads_after);
	free(g.upgrade_error);
	free(g.message);
	free(g.sel);
	return r;
}
