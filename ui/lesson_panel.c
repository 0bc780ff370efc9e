/* lesson_panel.c - the lesson panel and the check of answers against the
 * lesson (see lesson_panel.h). */
#include "config.h"
#include "lesson_panel.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "text.h"
#include "tui.h"

static const char *expected(const struct wizard_lesson *l, const char *key)
{
	for (size_t k = 0; k < l->n; k++)
		if (!strcmp(l->keys[k], key))
			return l->values[k];
	return NULL;
}

int lesson_check(const struct wz *w, size_t i, const char *value, struct wfo_error *err)
{
	const struct wizard_lesson *l = w->env->lesson;
	if (!l)
		return 0;
	const struct plan_question *q = plan_question(w->env->plan, i);
	const char *want = expected(l, q->key_path);
	if (!want || !strcmp(want, value ? value : ""))
		return 0;
	if (wz_is_rename(q->kind) && !*want)
		return wfo_fail(err, WFO_INPUT, "%s: this lesson declines the rename (no rename)", q->key_path);
	if (wz_is_rename(q->kind))
		return wfo_fail(err, WFO_INPUT, "%s: this lesson renames to '%s'; without it the values "
				"would be dropped", q->key_path, want);
	if (value && !strcasecmp(value, want))
		return wfo_fail(err, WFO_INPUT, "%s: the lesson expects '%s', exactly (case included)",
				q->key_path, want);
	return wfo_fail(err, WFO_INPUT, "%s: the lesson expects '%s'", q->key_path, want);
}

/* "User Group tag", "User internal: affiliation", "rename age". */
static char *label(const struct plan_question *q)
{
	switch (q->kind) {
	case PQ_RT_RENAME:
		return xasprintf("rename %s", q->subject);
	case PQ_FI_VALUE:
		return xasprintf("%s: %s", q->subject, q->subject2);
	case PQ_DEFAULT_VALUE:
		return xasprintf("%s in %s", q->subject, q->subject2);
	default:
		return xasprintf("%s %s", q->subject ? q->subject : "", wz_kind_label(q->kind));
	}
}

static void put_line(int *y, int ylim, int x, int wd, const char *s, int a)
{
	if (*y < ylim)
		ui_put((*y)++, x, wd, s, a);
}

void lesson_panel_layout(const struct wz_rect *all, struct wz_rect *body, struct wz_rect *panel)
{
	*body = *all;
	*panel = (struct wz_rect){ 0, 0, 0, 0 };
	if (all->w >= 100) {            /* beside: x is the rule's column */
		int wd = all->w / 3 > 46 ? 46 : all->w / 3;
		*panel = (struct wz_rect){ all->y, all->x + all->w - wd - 1, all->h, wd + 1 };
		body->w -= wd + 1;
	} else {                        /* below: y is the rule's row */
		int h = all->h / 3 > 7 ? 7 : all->h / 3;
		if (h < 3 || all->h - h < 6)
			return;
		*panel = (struct wz_rect){ all->y + all->h - h - 1, all->x, h + 1, all->w };
		body->h -= h + 1;
	}
}

void lesson_panel_draw(struct wz *w, const struct wz_rect *panel)
{
	const struct wizard_lesson *l = w->env->lesson;
	if (!panel->h)
		return;
	int y, x, h, wd;
	if (panel->x > 0) {    /* beside (below starts at the left edge) */
		for (int r = 0; r < panel->h; r++)
			ui_put(panel->y + r, panel->x, 1, ui_glyph(UG_VLINE), ui_attr(UR_DIM));
		y = panel->y;
		h = panel->h;
		x = panel->x + 2;
		wd = panel->w - 3;
		for (int r = 0; r < h; r++)
			ui_fill(y + r, panel->x + 1, panel->w - 1, 0);
	} else {
		ui_hline(panel->y, panel->x, panel->w, ui_attr(UR_DIM));
		y = panel->y + 1;
		h = panel->h - 1;
		x = panel->x + 1;
		wd = panel->w - 2;
		for (int r = 0; r < h; r++)
			ui_fill(y + r, panel->x, panel->w, 0);
	}
	int ylim = y + h;
	struct strvec tl = STRVEC_INIT;
	text_wrap(l->title ? l->title : "Lesson", wd, 2, &tl);
	for (size_t r = 0; r < tl.n && r < 2; r++)
		put_line(&y, ylim, x, wd, tl.v[r], ui_attr(UR_TITLE) | ui_attr(UR_BOLD));
	sv_free(&tl);
	const char *note = w->step < 5 ? l->notes[w->step] : NULL;
	struct strvec lines = STRVEC_INIT;
	if (note)
		text_wrap(note, wd, 0, &lines);
	/* the answers in the order of the questions (the Details rows): the
	 * next one in full, the others one line each, the done ones counted */
	const struct plan *p = w->env->plan;
	size_t total = 0, done = 0;
	struct strvec todo = STRVEC_INIT;
	char *next_label = NULL, *next_value = NULL;
	for (size_t i = 0, n = plan_count(p); i < n; i++) {
		const struct plan_question *q = plan_question(p, i);
		const char *v = expected(l, q->key_path);
		if (!v)
			continue;
		total++;
		if (q->answer && !strcmp(q->answer, v)) {
			done++;
			continue;
		}
		char *lb = label(q);
		const char *shown = *v ? v : "(no rename)";
		if (!next_label) {
			next_label = lb;
			next_value = xstrdup(shown);
		} else {
			sv_push_owned(&todo, xasprintf("%s %s: %s", ui_glyph(UG_DOT), lb, shown));
			free(lb);
		}
	}
	/* the note gets what the answers leave, at least 3 lines */
	int room = ylim - y;
	int want_list = total ? (int)todo.n + 4 : 0;
	int note_rows = (int)lines.n;
	int cap = room - (want_list < room / 2 ? want_list : room / 2);
	if (note_rows > cap)
		note_rows = cap < 3 ? 3 : cap;
	for (int r = 0; r < note_rows && r < (int)lines.n; r++)
		put_line(&y, ylim, x, wd, lines.v[r], 0);
	if (total) {
		char *head = next_label ? xasprintf("Answers: %zu of %zu entered", done, total)
				       : total == 1 ? xasprintf("The answer is entered %s", ui_glyph(UG_CHECK))
				       : xasprintf("All %zu answers entered %s", total, ui_glyph(UG_CHECK));
		put_line(&y, ylim, x, wd, head, ui_attr(done == total ? UR_OK : UR_BOLD));
		free(head);
		if (next_label) {
			char *t = xasprintf("Next: %s", next_label);
			put_line(&y, ylim, x, wd, t, ui_attr(UR_BOLD));
			free(t);
			struct strvec vl = STRVEC_INIT;
			text_wrap(next_value, wd - 2, 0, &vl);
			for (size_t r = 0; r < vl.n; r++)
				put_line(&y, ylim, x + 2, wd - 2, vl.v[r], ui_attr(UR_WARN) | ui_attr(UR_BOLD));
			sv_free(&vl);
		}
		for (size_t r = 0; r < todo.n; r++) {
			if (y == ylim - 1 && r + 1 < todo.n) {
				char *more = xasprintf("%s %zu more", ui_glyph(UG_ELLIPSIS), todo.n - r);
				put_line(&y, ylim, x, wd, more, ui_attr(UR_DIM));
				free(more);
				break;
			}
			put_line(&y, ylim, x, wd, todo.v[r], 0);
		}
	}
	free(next_label);
	free(next_value);
	sv_free(&todo);
	sv_free(&lines);
}
