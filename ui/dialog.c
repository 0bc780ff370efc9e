/* dialog.c - modal dialogs (see dialog.h). */
#include "config.h"
#include "dialog.h"

#include <stdlib.h>
#include <string.h>

#include "field.h"
#include "keymap.h"
#include "text.h"
#include "tui.h"

static void (*backdrop)(void *);
static void *backdrop_arg;

void dialog_set_backdrop(void (*fn)(void *), void *arg)
{
	backdrop = fn;
	backdrop_arg = arg;
}

static bool too_small(void)
{
	return ui_cols() < UI_MIN_COLS || ui_rows() < UI_MIN_ROWS;
}

/* Frame of a box; returns false when the terminal is too small for it. */
static void draw_box(int y, int x, int h, int w, const char *title)
{
	int a = ui_attr(UR_NORMAL);
	for (int r = 0; r < h; r++)
		ui_fill(y + r, x, w, a);
	ui_put(y, x, 1, ui_glyph(UG_TL), a);
	ui_hline(y, x + 1, w - 2, a);
	ui_put(y, x + w - 1, 1, ui_glyph(UG_TR), a);
	for (int r = 1; r < h - 1; r++) {
		ui_put(y + r, x, 1, ui_glyph(UG_VLINE), a);
		ui_put(y + r, x + w - 1, 1, ui_glyph(UG_VLINE), a);
	}
	ui_put(y + h - 1, x, 1, ui_glyph(UG_BL), a);
	ui_hline(y + h - 1, x + 1, w - 2, a);
	ui_put(y + h - 1, x + w - 1, 1, ui_glyph(UG_BR), a);
	if (title) {
		int tw = ui_width(title) + 2;
		ui_put(y, x + 2, w - 4, " ", a);
		ui_put(y, x + 3, w - 5, title, ui_attr(UR_TITLE));
		ui_put(y, x + 2 + (tw < w - 4 ? tw - 1 : w - 5), 1, " ", a);
	}
}

static void frame_begin(void)
{
	ui_cursor(-1, 0);
	if (backdrop)
		backdrop(backdrop_arg);
	else
		ui_clear();
}

/* Box geometry for a body of lines plus extra rows. */
struct geo {
	int y, x, h, w, inner;
};

static struct geo place(int want_w, int rows)
{
	struct geo g;
	int maxw = ui_cols() - 4;
	g.w = want_w + 4;
	if (g.w > maxw)
		g.w = maxw;
	if (g.w < 20)
		g.w = 20;
	g.inner = g.w - 4;
	g.h = rows + 2;
	if (g.h > ui_rows() - 2)
		g.h = ui_rows() - 2;
	g.y = (ui_rows() - g.h) / 2;
	g.x = (ui_cols() - g.w) / 2;
	return g;
}

static int body_width(const char *body)
{
	int w = 0;
	const char *s = body ? body : "";
	while (*s) {
		const char *e = strchr(s, '\n');
		char *line = e ? xstrndup(s, (size_t)(e - s)) : xstrdup(s);
		int lw = ui_width(line);
		free(line);
		if (lw > w)
			w = lw;
		if (!e)
			break;
		s = e + 1;
	}
	return w > 72 ? 72 : w;
}

static void draw_buttons(int y, int x, int w, const char *const *buttons, int n, int cur)
{
	int total = 0;
	for (int i = 0; i < n; i++)
		total += ui_width(buttons[i]) + 4 + 2;
	int bx = x + (w - total) / 2;
	if (bx < x)
		bx = x;
	for (int i = 0; i < n; i++) {
		int a = ui_attr(i == cur ? UR_SELECTED : UR_NORMAL);
		int used = ui_put(y, bx, w - (bx - x), "[ ", a);
		used += ui_put(y, bx + used, w - (bx - x) - used, buttons[i], a | (i == cur ? ui_attr(UR_BOLD) : 0));
		used += ui_put(y, bx + used, w - (bx - x) - used, " ]", a);
		bx += used + 2;
	}
}

static int button_for(const char *const *buttons, int n, const char *prefix)
{
	for (int i = 0; i < n; i++)
		if (!strncmp(buttons[i], prefix, strlen(prefix)))
			return i;
	return -1;
}

int dialog_buttons(const char *title, const char *body, const char *const *buttons, int nbuttons,
		   int def)
{
	int cur = def;
	for (;;) {
		frame_begin();
		if (!too_small()) {
			int bw = 0;
			for (int i = 0; i < nbuttons; i++)
				bw += ui_width(buttons[i]) + 6;
			int want = body_width(body);
			if (bw > want)
				want = bw;
			if (title && ui_width(title) + 4 > want)
				want = ui_width(title) + 4;
			struct geo g = place(want, 0);
			struct strvec lines = STRVEC_INIT;
			text_wrap(body, g.inner, 0, &lines);
			g = place(want, (int)lines.n + 2);
			draw_box(g.y, g.x, g.h, g.w, title);
			for (size_t i = 0; i < lines.n && (int)i < g.h - 4; i++)
				ui_put(g.y + 1 + (int)i, g.x + 2, g.inner, lines.v[i], ui_attr(UR_NORMAL));
			draw_buttons(g.y + g.h - 2, g.x + 2, g.inner, buttons, nbuttons, cur);
			sv_free(&lines);
		}
		ui_flush();
		struct ui_key k;
		enum ui_event ev = ui_getkey(&k);
		if (ev == UE_INTERRUPT)
			return DLG_CANCEL;
		if (ev == UE_RESIZE)
			continue;
		int b;
		switch (keymap_lookup(KC_DIALOG, &k)) {
		case UA_ENTER:
			return cur;
		case UA_BACK:
			return DLG_CANCEL;
		case UA_TAB:
		case UA_DOWN:
			cur = (cur + 1) % nbuttons;
			break;
		case UA_BTAB:
		case UA_UP:
			cur = (cur + nbuttons - 1) % nbuttons;
			break;
		case UA_YES:
			if ((b = button_for(buttons, nbuttons, "Yes")) >= 0)
				return b;
			break;
		case UA_NO:
			if ((b = button_for(buttons, nbuttons, "No")) >= 0)
				return b;
			break;
		default:
			break;
		}
	}
}

void dialog_message(const char *title, const char *body)
{
	static const char *const ok[] = { "OK" };
	dialog_buttons(title, body, ok, 1, 0);
}

int dialog_menu(const char *title, const char *body, const struct strvec *items, size_t sel)
{
	struct ui_list l = { .n = items->n, .sel = sel < items->n ? sel : 0 };
	for (;;) {
		frame_begin();
		if (!too_small()) {
			int want = body_width(body);
			for (size_t i = 0; i < items->n; i++)
				if (ui_width(items->v[i]) + 4 > want)
					want = ui_width(items->v[i]) + 4;
			struct geo g = place(want, 0);
			struct strvec lines = STRVEC_INIT;
			text_wrap(body, g.inner, 0, &lines);
			g = place(want, (int)lines.n + 1 + (int)items->n);
			draw_box(g.y, g.x, g.h, g.w, title);
			int row = g.y + 1;
			for (size_t i = 0; i < lines.n && row < g.y + g.h - 2; i++)
				ui_put(row++, g.x + 2, g.inner, lines.v[i], ui_attr(UR_NORMAL));
			row++;
			l.height = g.y + g.h - 1 - row;
			list_fix(&l);
			for (int r = 0; r < l.height && l.top + (size_t)r < l.n; r++) {
				size_t i = l.top + (size_t)r;
				int a = ui_attr(i == l.sel ? UR_SELECTED : UR_NORMAL);
				ui_fill(row + r, g.x + 2, g.inner, a);
				ui_put(row + r, g.x + 2, 2, i == l.sel ? ui_glyph(UG_STEP) : " ", a);
				ui_put(row + r, g.x + 4, g.inner - 2, items->v[i], a);
			}
			sv_free(&lines);
		}
		ui_flush();
		struct ui_key k;
		enum ui_event ev = ui_getkey(&k);
		if (ev == UE_INTERRUPT)
			return DLG_CANCEL;
		if (ev == UE_RESIZE)
			continue;
		enum ui_action a = keymap_lookup(KC_DIALOG, &k);
		if (a == UA_ENTER)
			return (int)l.sel;
		if (a == UA_BACK)
			return DLG_CANCEL;
		list_move(&l, a == UA_TAB ? UA_DOWN : a == UA_BTAB ? UA_UP : a);
	}
}

int dialog_input(const char *title, const char *body, const char *initial, char **out)
{
	struct field f;
	field_init(&f);
	field_set(&f, initial);
	int rc = DLG_CANCEL;
	for (;;) {
		frame_begin();
		int cx = -1, cy = -1;
		if (!too_small()) {
			int want = body_width(body);
			if (want < 50)
				want = 50;
			struct geo g = place(want, 0);
			struct strvec lines = STRVEC_INIT;
			text_wrap(body, g.inner, 0, &lines);
			g = place(want, (int)lines.n + 2);
			draw_box(g.y, g.x, g.h, g.w, title);
			for (size_t i = 0; i < lines.n && (int)i < g.h - 4; i++)
				ui_put(g.y + 1 + (int)i, g.x + 2, g.inner, lines.v[i], ui_attr(UR_NORMAL));
			cy = g.y + g.h - 2;
			field_draw(&f, cy, g.x + 2, g.inner, true, &cx);
			sv_free(&lines);
		}
		ui_cursor(cy, cx);
		ui_flush();
		struct ui_key k;
		enum ui_event ev = ui_getkey(&k);
		if (ev == UE_INTERRUPT)
			break;
		if (ev == UE_RESIZE)
			continue;
		enum ui_action a = keymap_lookup(KC_FIELD, &k);
		if (a == UA_ENTER) {
			*out = field_text(&f);
			rc = 0;
			break;
		}
		if (a == UA_BACK)
			break;
		field_key(&f, a, &k);
	}
	ui_cursor(-1, 0);
	field_free(&f);
	return rc;
}

void dialog_text(const char *title, const struct strvec *lines)
{
	/* two columns: keys padded to the widest */
	int kw = 0;
	for (size_t i = 0; i < lines->n; i++) {
		const char *tab = strchr(lines->v[i], '\t');
		if (tab) {
			char *keys = xstrndup(lines->v[i], (size_t)(tab - lines->v[i]));
			if (ui_width(keys) > kw)
				kw = ui_width(keys);
			free(keys);
		}
	}
	struct strbuf sb = STRBUF_INIT;
	for (size_t i = 0; i < lines->n; i++) {
		const char *tab = strchr(lines->v[i], '\t');
		if (!tab) {
			sb_addf(&sb, "%s\n", lines->v[i]);
			continue;
		}
		char *keys = xstrndup(lines->v[i], (size_t)(tab - lines->v[i]));
		sb_addf(&sb, "  %s%*s  %s\n", keys, kw - ui_width(keys), "", tab + 1);
		free(keys);
	}
	struct textview tv;
	textview_init(&tv);
	textview_set(&tv, sb_str(&sb));
	int want = body_width(sb_str(&sb));
	sb_free(&sb);
	for (;;) {
		frame_begin();
		if (!too_small()) {
			struct geo g = place(want < 60 ? 60 : want, (int)lines->n + 2);
			draw_box(g.y, g.x, g.h, g.w, title);
			textview_draw(&tv, g.y + 1, g.x + 2, g.h - 3, g.inner);
			ui_put(g.y + g.h - 2, g.x + 2, g.inner, "Enter or Esc closes", ui_attr(UR_DIM));
		}
		ui_flush();
		struct ui_key k;
		enum ui_event ev = ui_getkey(&k);
		if (ev == UE_INTERRUPT)
			break;
		if (ev == UE_RESIZE)
			continue;
		enum ui_action a = keymap_lookup(KC_DIALOG, &k);
		enum ui_action again = keymap_lookup(KC_DIFF, &k); /* F1 / ? / q close it too */
		if (a == UA_ENTER || a == UA_BACK || again == UA_HELP || again == UA_QUIT)
			break;
		textview_key(&tv, a);
	}
	textview_free(&tv);
}

void dialog_progress(const char *title, size_t done, size_t total, const char *what)
{
	frame_begin();
	if (!too_small()) {
		struct geo g = place(60, 4);
		draw_box(g.y, g.x, g.h, g.w, title);
		char count[48];
		snprintf(count, sizeof count, " %zu/%zu", done, total);
		int cw = (int)strlen(count);
		int bar = g.inner - cw;
		int full = total ? (int)((long long)bar * (long long)done / (long long)total) : bar;
		for (int i = 0; i < bar; i++)
			ui_put(g.y + 2, g.x + 2 + i, 1, ui_glyph(i < full ? UG_BAR_FULL : UG_BAR_EMPTY),
			       ui_attr(i < full ? UR_OK : UR_DIM));
		ui_put(g.y + 2, g.x + 2 + bar, cw, count, ui_attr(UR_BOLD));
		ui_put(g.y + 3, g.x + 2, g.inner, what ? what : "", ui_attr(UR_DIM));
	}
	ui_flush();
}
