/* lesson_page.c - the tutorial's own pages (see lesson_page.h). */
#include "config.h"
#include "lesson_page.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "dialog.h"
#include "field.h"
#include "keymap.h"
#include "text.h"
#include "tui.h"
#include "wz.h"

struct page {
	const struct lesson_page *p;
	struct textview tv;
	struct field f;
	bool field_focus;
	char status[256];
	bool status_error;
};

static void draw(void *arg)
{
	struct page *s = arg;
	const struct lesson_page *p = s->p;
	int rows = ui_rows(), cols = ui_cols();
	ui_cursor(-1, 0);
	ui_clear();
	if (cols < UI_MIN_COLS || rows < UI_MIN_ROWS) {
		char l1[64], l2[64];
		snprintf(l1, sizeof l1, "Terminal too small (%dx%d).", cols, rows);
		snprintf(l2, sizeof l2, "Please enlarge it to at least %dx%d.", UI_MIN_COLS, UI_MIN_ROWS);
		const char *lines[] = { l1, l2, "F10 quits." };
		for (int i = 0; i < 3; i++) {
			int lw = ui_width(lines[i]);
			ui_put(rows / 2 - 1 + i, lw < cols ? (cols - lw) / 2 : 0, cols, lines[i], ui_attr(UR_BOLD));
		}
		return;
	}
	char *title = xasprintf("wfo-migrate %s tutorial %s %s", ui_glyph(UG_MIDDOT), ui_glyph(UG_MIDDOT),
				p->lesson ? p->lesson : "");
	ui_fill(0, 0, cols, ui_attr(UR_SELECTED));
	ui_put(0, 1, cols - 2, title, ui_attr(UR_SELECTED) | ui_attr(UR_BOLD));
	free(title);
	char pg[48];
	snprintf(pg, sizeof pg, "  page %d of %d", p->step, p->nsteps);
	int pw = ui_width(pg);
	int x = 1;
	x += ui_put(1, x, cols - x, "db ", ui_attr(UR_DIM));
	ui_put(1, x, cols - x - pw - 1, p->database ? p->database : "-", 0);
	ui_put(1, cols - pw - 1, pw, pg, ui_attr(UR_DIM));
	ui_put(2, 1, cols - 2, p->title ? p->title : "", ui_attr(UR_BOLD));
	ui_hline(3, 0, cols, ui_attr(UR_DIM));
	int field_rows = p->question ? 3 : 0;
	int h = rows - 6 - field_rows;
	textview_draw(&s->tv, 4, 1, h, cols - 2);
	if (p->question) {
		int y = 4 + h;
		ui_put(y, 1, cols - 2, p->question, ui_attr(UR_BOLD));
		int cx = -1;
		field_draw(&s->f, y + 1, 3, cols - 6, s->field_focus, &cx);
		if (s->field_focus && cx >= 0)
			ui_cursor(y + 1, cx);
	}
	ui_hline(rows - 2, 0, cols, ui_attr(UR_DIM));
	if (s->status[0]) {
		int a = ui_attr(s->status_error ? UR_ERROR : UR_OK);
		ui_put(rows - 2, 1, cols - 2, s->status, a);
	}
	wz_key_bar(s->field_focus ? KC_FIELD : KC_LESSON, rows - 1, cols);
}

static void help(struct page *s)
{
	struct strvec lines = STRVEC_INIT;
	keymap_help(s->field_focus ? (KC_LESSON | KC_FIELD) : KC_LESSON, &lines);
	dialog_text("Keys: tutorial", &lines);
	sv_free(&lines);
}

/* A quiz answer: exact match goes on; the same letters in another case
 * say so. */
static bool check(struct page *s)
{
	char *v = field_text(&s->f);
	const char *want = s->p->answer ? s->p->answer : "";
	bool ok = !strcmp(v, want);
	if (ok)
		snprintf(s->status, sizeof s->status, " %s Right: %s", ui_glyph(UG_CHECK), want);
	else if (!strcasecmp(v, want))
		snprintf(s->status, sizeof s->status, " %s '%s' is not it: the case must match exactly", ui_glyph(UG_CROSS), v);
	else
		snprintf(s->status, sizeof s->status, " %s '%s' is not it%s%s", ui_glyph(UG_CROSS), v,
			 s->p->hint ? ". Hint: " : "", s->p->hint ? s->p->hint : "");
	s->status_error = !ok;
	free(v);
	return ok;
}

enum lesson_page_result lesson_page_run(const struct lesson_page *p, struct wfo_error *err)
{
	struct page s;
	memset(&s, 0, sizeof s);
	s.p = p;
	textview_init(&s.tv);
	s.tv.indent = 0;
	field_init(&s.f);
	struct strbuf body = STRBUF_INIT;
	sb_add(&body, p->text ? p->text : "");
	if (p->output) {
		if (body.len)
			sb_add(&body, "\n");
		const char *o = p->output;
		while (*o) {  /* indented, as a transcript */
			const char *nl = strchr(o, '\n');
			size_t n = nl ? (size_t)(nl - o) : strlen(o);
			sb_add(&body, "  ");
			sb_addn(&body, o, n);
			sb_add(&body, "\n");
			o += n + (nl != NULL);
		}
	}
	if (p->enter)
		sb_addf(&body, "\n%s", p->enter);
	textview_set(&s.tv, sb_str(&body));
	sb_free(&body);
	s.field_focus = p->question != NULL;
	enum lesson_page_result r = LP_INTERRUPTED;
	if (ui_open(err) < 0) {
		r = LP_ERROR;
		goto out;
	}
	dialog_set_backdrop(draw, &s);
	bool solved = false;
	for (;;) {
		draw(&s);
		ui_flush();
		struct ui_key k;
		enum ui_event ev = ui_getkey(&k);
		if (ev == UE_INTERRUPT) {
			r = LP_INTERRUPTED;
			break;
		}
		if (ev == UE_RESIZE)
			continue;
		if (!solved)
			s.status[0] = 0;
		enum ui_action a = keymap_lookup(s.field_focus ? KC_FIELD : KC_LESSON, &k);
		if (a == UA_REDRAW) {
			ui_repaint();
		} else if (a == UA_HELP) {
			help(&s);
		} else if (a == UA_QUIT) {
			r = LP_QUIT;
			break;
		} else if (s.field_focus) {
			if (a == UA_ENTER) {
				if (check(&s)) {
					solved = true;
					s.field_focus = false;
				}
			} else if (a == UA_BACK || a == UA_TAB || a == UA_UP || a == UA_DOWN) {
				s.field_focus = false;
			} else {
				field_key(&s.f, a, &k);
			}
		} else if (a == UA_ENTER) {
			if (p->question && !solved) {
				s.field_focus = true;   /* the answer first */
				snprintf(s.status, sizeof s.status, " Type the answer, then Enter");
				s.status_error = false;
				continue;
			}
			r = LP_NEXT;
			break;
		} else if (a == UA_BACK) {
			r = LP_BACK;
			break;
		} else if (a == UA_TAB && p->question) {
			s.field_focus = true;
		} else {
			textview_key(&s.tv, a);
		}
		if (ui_interrupted()) {
			r = LP_INTERRUPTED;
			break;
		}
	}
	dialog_set_backdrop(NULL, NULL);
	ui_close();
out:
	textview_free(&s.tv);
	field_free(&s.f);
	return r;
}
