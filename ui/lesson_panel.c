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

void lesson_panel_draw(struct wz *w, struct wz_rect *body)
{
	const struct wizard_lesson *l = w->env->lesson;
	int y, x, h, wd;
	if (body->w >= 100) {          /* beside */
		wd = body->w / 3;
		if (wd > 46)
			wd = 46;
		x = body->x + body->w - wd;
		y = body->y;
		h = body->h;
		for (int r = 0; r < h; r++)
			ui_put(y + r, x - 1, 1, ui_glyph(UG_VLINE), ui_attr(UR_DIM));
		body->w -= wd + 1;
		x += 1;
		wd -= 2;
	} else {                       /* below */
		h = body->h / 3;
		if (h > 7)
			h = 7;
		if (h < 3 || body->h - h < 6)
			return;
		x = body->x + 1;
		wd = body->w - 2;
		y = body->y + body->h - h;
		ui_hline(y - 1, body->x, body->w, ui_attr(UR_DIM));
		body->h -= h + 1;
	}
	int ylim = y + h;
	char *title = xasprintf("%s", l->title ? l->title : "Lesson");
	put_line(&y, ylim, x, wd, title, ui_attr(UR_TITLE) | ui_attr(UR_BOLD));
	free(title);
	const char *note = w->step < 5 ? l->notes[w->step] : NULL;
	struct strvec lines = STRVEC_INIT;
	if (note)
		text_wrap(note, wd, 0, &lines);
	/* the answers still to enter, then the ones done */
	const struct plan *p = w->env->plan;
	size_t open = 0, total = 0;
	struct strvec todo = STRVEC_INIT, done = STRVEC_INIT;
	for (size_t k = 0; k < l->n; k++) {
		size_t i = wz_find(w, l->keys[k]);
		if (i == PLAN_NONE)
			continue;
		const struct plan_question *q = plan_question(p, i);
		char *lb = label(q);
		const char *v = l->values[k];
		bool ok = q->answer && !strcmp(q->answer, v);
		total++;
		if (ok) {
			sv_push_owned(&done, xasprintf("%s %s: %s", ui_glyph(UG_CHECK), lb, *v ? v : "(no rename)"));
		} else {
			open++;
			sv_push_owned(&todo, xasprintf("%s %s: %s", ui_glyph(UG_DOT), lb, *v ? v : "(no rename)"));
		}
		free(lb);
	}
	/* the note gets what the answers leave, at least 3 lines */
	int room = ylim - y;
	int want_list = total ? (int)(todo.n + done.n) + 1 : 0;
	int note_rows = (int)lines.n;
	if (note_rows > room - (want_list < room / 2 ? want_list : room / 2))
		note_rows = room - (want_list < room / 2 ? want_list : room / 2);
	if (note_rows < 3 && (int)lines.n >= 3)
		note_rows = 3;
	for (int r = 0; r < note_rows && r < (int)lines.n; r++)
		put_line(&y, ylim, x, wd, lines.v[r], 0);
	if (total) {
		char *head = open ? xasprintf("To enter (%zu of %zu left):", open, total)
				  : xasprintf("All %zu answers entered %s", total, ui_glyph(UG_CHECK));
		put_line(&y, ylim, x, wd, head, ui_attr(UR_BOLD));
		free(head);
		for (size_t r = 0; r < todo.n; r++)
			put_line(&y, ylim, x, wd, todo.v[r], ui_attr(UR_WARN));
		for (size_t r = 0; r < done.n; r++)
			put_line(&y, ylim, x, wd, done.v[r], ui_attr(UR_DONE));
	}
	sv_free(&todo);
	sv_free(&done);
	sv_free(&lines);
}
