/* text.c - wrapping and the text view (see text.h). */
#include "config.h"
#include "text.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "tui.h"

/* Width of n bytes of s. */
static int width_n(const char *s, size_t n)
{
	char *t = xstrndup(s, n);
	int w = ui_width(t);
	free(t);
	return w;
}

static void wrap_line(const char *s, size_t n, int w, int indent, struct strvec *out)
{
	if (w < 8)
		w = 8;
	bool first = true;
	while (n) {
		int avail = first ? w : w - indent;
		/* take as many bytes as fit, then back up to a space */
		size_t take = 0, last_space = 0;
		int cols = 0;
		while (take < n) {
			size_t k = ui_utf8_seq(s + take);
			int cw = width_n(s + take, k);
			if (cols + cw > avail)
				break;
			cols += cw;
			take += k;
			if (s[take - 1] == ' ')
				last_space = take;
		}
		if (take < n && last_space > 0)
			take = last_space;
		if (take == 0)
			take = ui_utf8_seq(s);
		struct strbuf sb = STRBUF_INIT;
		if (!first)
			for (int i = 0; i < indent; i++)
				sb_addc(&sb, ' ');
		sb_addn(&sb, s, take);
		/* trailing spaces of a wrapped piece are not shown */
		while (sb.len && sb.buf[sb.len - 1] == ' ' && take < n)
			sb.buf[--sb.len] = 0;
		sv_push_owned(out, sb_detach(&sb));
		s += take;
		n -= take;
		while (n && *s == ' ' && !first)
			s++, n--;
		first = false;
	}
}

void text_wrap(const char *text, int w, int indent, struct strvec *out)
{
	const char *s = text ? text : "";
	for (;;) {
		const char *e = strchr(s, '\n');
		size_t n = e ? (size_t)(e - s) : strlen(s);
		if (n == 0) {
			if (!e)
				break;
			sv_push(out, "");
		} else {
			wrap_line(s, n, w, indent, out);
		}
		if (!e)
			break;
		s = e + 1;
	}
}

void textview_init(struct textview *t)
{
	memset(t, 0, sizeof *t);
	t->match = (size_t)-1;
	t->indent = 4;
}

void textview_free(struct textview *t)
{
	free(t->text);
	free(t->search);
	sv_free(&t->lines);
	textview_init(t);
}

void textview_set(struct textview *t, const char *text)
{
	free(t->text);
	t->text = xstrdup(text ? text : "");
	sv_free(&t->lines);
	t->width = 0;
	t->l.top = 0;
	t->match = (size_t)-1;
}

static void clamp(struct textview *t)
{
	size_t h = t->l.height > 0 ? (size_t)t->l.height : 1;
	size_t max = t->lines.n > h ? t->lines.n - h : 0;
	if (t->l.top > max)
		t->l.top = max;
}

static void rewrap(struct textview *t, int w)
{
	if (t->width == w)
		return;
	sv_free(&t->lines);
	text_wrap(t->text, w, t->indent, &t->lines);
	t->width = w;
	t->match = (size_t)-1;
}

static bool contains_ci(const char *hay, const char *needle)
{
	size_t n = strlen(needle);
	for (const char *p = hay; *p; p++)
		if (!strncasecmp(p, needle, n))
			return true;
	return n == 0;
}

void textview_draw(struct textview *t, int y, int x, int h, int w)
{
	rewrap(t, w);
	/* a longer text gives its last row to the position: it never covers text */
	bool over = t->lines.n > (size_t)h && h > 1;
	int full = h;
	if (over)
		h--;
	t->l.height = h;
	clamp(t);
	for (int r = 0; r < h; r++) {
		size_t i = t->l.top + (size_t)r;
		if (i >= t->lines.n)
			break;
		int a = UR_NORMAL;
		if (i == t->match)
			a = UR_MATCH;
		else if (t->search && *t->search && contains_ci(t->lines.v[i], t->search))
			a = UR_BOLD;
		else if (!strncmp(t->lines.v[i], ui_glyph(UG_WARN), strlen(ui_glyph(UG_WARN))))
			a = UR_WARN;
		ui_put(y + r, x, w, t->lines.v[i], ui_attr(a));
	}
	if (over) {
		char pos[64];
		snprintf(pos, sizeof pos, " lines %zu-%zu of %zu ", t->l.top + 1,
			 t->l.top + (size_t)h < t->lines.n ? t->l.top + (size_t)h : t->lines.n, t->lines.n);
		int pw = (int)strlen(pos);
		if (pw > w)
			pw = w;
		ui_put(y + full - 1, x + w - pw, pw, pos, ui_attr(UR_DIM));
	}
}

bool textview_key(struct textview *t, enum ui_action a)
{
	size_t h = t->l.height > 1 ? (size_t)t->l.height - 1 : 1;
	switch (a) {
	case UA_UP:
		if (t->l.top)
			t->l.top--;
		break;
	case UA_DOWN:
		t->l.top++;
		break;
	case UA_PGUP:
		t->l.top = t->l.top > h ? t->l.top - h : 0;
		break;
	case UA_PGDN:
		t->l.top += h;
		break;
	case UA_HOME:
		t->l.top = 0;
		break;
	case UA_END:
		t->l.top = t->lines.n;
		break;
	default:
		return false;
	}
	clamp(t);
	return true;
}

bool textview_find(struct textview *t, const char *s, int dir)
{
	if (s != t->search) {
		free(t->search);
		t->search = xstrdup(s);
	}
	size_t n = t->lines.n;
	if (!n || !*t->search)
		return false;
	size_t start = t->match != (size_t)-1 ? t->match : (dir > 0 ? t->l.top + n - 1 : t->l.top);
	for (size_t k = 1; k <= n; k++) {
		size_t i = dir > 0 ? (start + k) % n : (start + n - k % n) % n;
		if (contains_ci(t->lines.v[i], t->search)) {
			t->match = i;
			size_t h = t->l.height > 0 ? (size_t)t->l.height : 1;
			if (i < t->l.top || i >= t->l.top + h)
				t->l.top = i > h / 2 ? i - h / 2 : 0;
			clamp(t);
			return true;
		}
	}
	t->match = (size_t)-1;
	return false;
}
