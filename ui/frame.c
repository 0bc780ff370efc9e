/* frame.c - what every screen shares: the title line, the context line
 * (password hidden), the step bar, the rules, the status line, the key bar
 * from the keymap, and the "please enlarge" line of a too small terminal. */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "frame.h"
#include "keymap.h"
#include "lesson_panel.h"
#include "wz.h"

/* scheme://user:password@host -> scheme://user:***@host (the command
 * already hides it; this keeps the promise whatever it passes). */
static char *hide_password(const char *uri)
{
	if (!uri)
		return xstrdup("(default connection)");
	const char *scheme = strstr(uri, "://");
	const char *start = scheme ? scheme + 3 : uri;
	const char *at = strrchr(start, '@');
	if (!at)
		return xstrdup(uri);
	const char *colon = memchr(start, ':', (size_t)(at - start));
	if (!colon || (colon + 4 == at && !strncmp(colon + 1, "***", 3)))
		return xstrdup(uri);
	return xasprintf("%.*s:***%s", (int)(colon - uri), uri, at);
}

static bool step_done(const struct wz *w, enum wz_step s)
{
	const struct plan *p = w->env->plan;
	switch (s) {
	case WZ_DIFF:
		return w->visited[WZ_DIFF] && w->step != WZ_DIFF;
	case WZ_RENAMES:
		return w->visited[s] && w->step != s && !wz_stats(w)->renames_open;
	case WZ_DETAILS:
		return w->visited[s] && w->step != s && !wz_stats(w)->details_open;
	case WZ_REVIEW:
		return plan_confirmed(p);
	case WZ_WRITE:
		return w->written;
	default:
		return false;
	}
}

/* The label of step s at a level of detail, the first that fits wins:
 * 0 "2 Renames (skipped)", "1 Differences ✓"; 1 "2 Renames -",
 * "1 Differences✓"; 2 skipped steps by number only ("2 -"); 3 every step
 * but the current one by number only. */
static void step_label(const struct wz *w, enum wz_step s, int level, char *buf, size_t n)
{
	const struct screen_ops *o = wz_ops(s);
	bool cur = s == w->step, skipped = o->skipped && o->skipped(w), done = step_done(w, s);
	const char *mark = skipped ? (level == 0 ? " (skipped)" : " -") : done ? (level == 0 ? " " : "") : "";
	const char *check = done && !skipped ? ui_glyph(UG_CHECK) : "";
	if (!cur && (level == 3 || (level == 2 && skipped)))
		snprintf(buf, n, "%d%s%s", s + 1, mark, check);
	else
		snprintf(buf, n, "%d %s%s%s", s + 1, o->name, mark, check);
}

static void step_bar(const struct wz *w, int y, int cols)
{
	char label[96];
	int level = 0;
	for (; level < 3; level++) {
		int width = 1;
		for (enum wz_step s = 0; s < WZ_NSTEPS; s++) {
			step_label(w, s, level, label, sizeof label);
			width += ui_width(label) + (s + 1 < WZ_NSTEPS ? 3 : 0);
		}
		if (width <= cols - 1)
			break;
	}
	int x = 1;
	for (enum wz_step s = 0; s < WZ_NSTEPS; s++) {
		const struct screen_ops *o = wz_ops(s);
		bool cur = s == w->step, skipped = o->skipped && o->skipped(w), done = step_done(w, s);
		step_label(w, s, level, label, sizeof label);
		x += ui_put(y, x, cols - x, label,
			    ui_attr(cur ? UR_CURRENT : skipped ? UR_DIM : done ? UR_DONE : UR_NORMAL));
		if (s + 1 < WZ_NSTEPS) {
			x += ui_put(y, x, cols - x, " ", 0);
			x += ui_put(y, x, cols - x, ui_glyph(UG_STEP), ui_attr(UR_DIM));
			x += ui_put(y, x, cols - x, " ", 0);
		}
	}
}

static void too_small(void)
{
	ui_clear();
	char l1[64], l2[64];
	snprintf(l1, sizeof l1, "Terminal too small (%dx%d).", ui_cols(), ui_rows());
	snprintf(l2, sizeof l2, "Please enlarge it to at least %dx%d.", UI_MIN_COLS, UI_MIN_ROWS);
	const char *lines[] = { l1, l2, "F10 quits." };
	int y = ui_rows() / 2 - 1;
	for (int i = 0; i < 3; i++) {
		int lw = ui_width(lines[i]);
		ui_put(y + i, lw < ui_cols() ? (ui_cols() - lw) / 2 : 0, ui_cols(), lines[i], ui_attr(UR_BOLD));
	}
}

/* The hints that fit; help and quit (the last two) are always kept. */
static void key_bar(unsigned ctx, int y, int cols)
{
	struct strvec h = STRVEC_INIT;
	keymap_hints(ctx, &h);
	size_t keep_tail = h.n >= 2 ? 2 : h.n;
	int tail = 0;
	for (size_t i = h.n - keep_tail; i < h.n; i++)
		tail += ui_width(h.v[i]) + 2;
	struct strbuf sb = STRBUF_INIT;
	int used = 0;
	for (size_t i = 0; i + keep_tail < h.n; i++) {
		int hw = ui_width(h.v[i]) + 2;
		if (used + hw + tail > cols - 2)
			break;
		sb_addf(&sb, "%s  ", h.v[i]);
		used += hw;
	}
	for (size_t i = h.n - keep_tail; i < h.n; i++)
		sb_addf(&sb, "%s%s", h.v[i], i + 1 < h.n ? "  " : "");
	ui_put(y, 1, cols - 2, sb_str(&sb), ui_attr(UR_KEY));
	sb_free(&sb);
	sv_free(&h);
}

void wz_key_bar(unsigned ctx, int y, int cols)
{
	key_bar(ctx, y, cols);
}

void wz_draw(struct wz *w)
{
	int rows = ui_rows(), cols = ui_cols();
	w->cur_y = w->cur_x = -1;
	ui_cursor(-1, 0);
	if (cols < UI_MIN_COLS || rows < UI_MIN_ROWS) {
		too_small();
		return;
	}
	ui_clear();
	const struct wizard_env *e = w->env;
	/* title */
	char *title = xasprintf("wfo-migrate %s migrate-domain-models %s \"%s\"", ui_glyph(UG_MIDDOT),
				ui_glyph(UG_MIDDOT), w->message ? w->message : "");
	ui_fill(0, 0, cols, ui_attr(UR_SELECTED));
	ui_put(0, 1, cols - 2, title, ui_attr(UR_SELECTED) | ui_attr(UR_BOLD));
	free(title);
	/* context: db, models, head; when too long the database is cut at
	 * the right and the models path at the left ("…/registry.json") */
	char *db = hide_password(e->database);
	const char *dbs = db;
	const char *scheme = strstr(db, "://");
	if (scheme)
		dbs = scheme + 3;
	const char *models = e->models ? e->models : "-";
	/* the head may name its branch already ("9a31b6bf3e85 (data)") */
	const char *hd = e->head ? e->head : "none";
	char *label = e->branch ? xasprintf("(%s)", e->branch) : NULL;
	bool add = label && strcmp(hd, "none") != 0 && !strstr(hd, label);
	char *head = add ? xasprintf("%s %s", hd, label) : xstrdup(hd);
	free(label);
	int fixed = 1 + 3 + 9 + 7 + ui_width(head) + 1;  /* "db ", "  models ", "  head " */
	int avail = cols - fixed, dbw = ui_width(dbs), mw = ui_width(models);
	if (avail < 8)
		avail = 8;
	bool show_models = true;
	if (dbw + mw > avail) {
		int half = avail / 2;
		if (dbw <= half)
			mw = avail - dbw;
		else if (mw <= half)
			dbw = avail - mw;
		else
			dbw = half, mw = avail - half;
		if (mw < 12 && mw < ui_width(models)) { /* a stub of a path says nothing */
			show_models = false;
			dbw = avail + 9; /* the database gets its room and its label's */
		}
	}
	int x = 1;
	x += ui_put(1, x, cols - x, "db ", ui_attr(UR_DIM));
	int used = ui_put(1, x, dbw, dbs, 0);
	if (used < ui_width(dbs) && used > 0)
		ui_put(1, x + used - 1, 1, ui_glyph(UG_ELLIPSIS), 0);
	x += used;
	if (show_models) {
		x += ui_put(1, x, cols - x, "  models ", ui_attr(UR_DIM));
		const char *m = models;
		bool cut = false;
		while (ui_width(m) > mw && *m) {
			m += ui_utf8_seq(m);
			cut = true;
		}
		if (cut && *m) {
			m += ui_utf8_seq(m);
			x += ui_put(1, x, cols - x, ui_glyph(UG_ELLIPSIS), 0);
		}
		x += ui_put(1, x, cols - x, m, 0);
	}
	x += ui_put(1, x, cols - x, "  head ", ui_attr(UR_DIM));
	ui_put(1, x, cols - x - 1, head, 0);
	free(head);
	free(db);
	step_bar(w, 2, cols);
	ui_hline(3, 0, cols, ui_attr(UR_DIM));
	ui_hline(rows - 2, 0, cols, ui_attr(UR_DIM));
	struct wz_rect body = { 4, 0, rows - 6, cols }, panel = { 0, 0, 0, 0 };
	if (e->lesson)   /* the tutorial's panel takes its part of the body */
		lesson_panel_layout(&(struct wz_rect){ 4, 0, rows - 6, cols }, &body, &panel);
	const struct screen_ops *o = wz_ops(w->step);
	o->draw(w, &body);
	if (e->lesson)
		lesson_panel_draw(w, &panel);
	bool ff = o->field_focus && o->field_focus(w);
	if (w->status[0]) {
		int a = ui_attr(w->status_error ? UR_ERROR : UR_BOLD);
		int sx = 1;
		sx += ui_put(rows - 2, sx, cols - 2, " ", a);
		if (w->status_error) {
			sx += ui_put(rows - 2, sx, cols - sx, ui_glyph(UG_CROSS), a);
			sx += ui_put(rows - 2, sx, cols - sx, " ", a);
		}
		sx += ui_put_cut(rows - 2, sx, cols - sx - 1, w->status, a);
		ui_put(rows - 2, sx, 1, " ", a);
	}
	key_bar(ff ? KC_FIELD : o->ctx, rows - 1, cols);
	if (w->cur_y >= 0)
		ui_cursor(w->cur_y, w->cur_x);
}

void wz_status(struct wz *w, bool error, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(w->status, sizeof w->status, fmt, ap);
	va_end(ap);
	/* one line: newlines of engine messages become spaces */
	for (char *p = w->status; *p; p++)
		if (*p == '\n' || *p == '\t')
			*p = ' ';
	w->status_error = error;
}

/* ---- shared with the merge screen (frame.h) ---- */

void frame_key_bar(unsigned ctx, int y, int cols)
{
	key_bar(ctx, y, cols);
}

void frame_too_small(void)
{
	too_small();
}

char *frame_hide_password(const char *uri)
{
	return hide_password(uri);
}
