/* field.c - the one-line text field (see field.h). */
#include "config.h"
#include "field.h"

#include <stdlib.h>
#include <string.h>
#include <wctype.h>

#include "tui.h"
#include "util.h"

void field_init(struct field *f)
{
	memset(f, 0, sizeof *f);
}

void field_free(struct field *f)
{
	free(f->buf);
	memset(f, 0, sizeof *f);
}

static void reserve(struct field *f, size_t n)
{
	if (n + 1 <= f->cap)
		return;
	f->cap = (n + 1) * 2;
	f->buf = xrealloc(f->buf, f->cap * sizeof(wchar_t));
}

/* UTF-8 decoding independent of the locale: names are UTF-8 whatever LANG says. */
static size_t dec(const char *s, wchar_t *out)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t n = ui_utf8_seq(s);
	wchar_t c = n == 1 ? u[0] : n == 2 ? (u[0] & 0x1f) : n == 3 ? (u[0] & 0x0f) : (u[0] & 0x07);
	for (size_t i = 1; i < n; i++)
		c = (c << 6) | (u[i] & 0x3f);
	*out = c;
	return n;
}

static void enc(struct strbuf *sb, wchar_t c)
{
	unsigned long u = (unsigned long)c;
	if (u < 0x80) {
		sb_addc(sb, (char)u);
	} else if (u < 0x800) {
		sb_addc(sb, (char)(0xc0 | (u >> 6)));
		sb_addc(sb, (char)(0x80 | (u & 0x3f)));
	} else if (u < 0x10000) {
		sb_addc(sb, (char)(0xe0 | (u >> 12)));
		sb_addc(sb, (char)(0x80 | ((u >> 6) & 0x3f)));
		sb_addc(sb, (char)(0x80 | (u & 0x3f)));
	} else {
		sb_addc(sb, (char)(0xf0 | (u >> 18)));
		sb_addc(sb, (char)(0x80 | ((u >> 12) & 0x3f)));
		sb_addc(sb, (char)(0x80 | ((u >> 6) & 0x3f)));
		sb_addc(sb, (char)(0x80 | (u & 0x3f)));
	}
}

void field_set(struct field *f, const char *utf8)
{
	f->len = f->cur = f->left = 0;
	reserve(f, 0);
	for (const char *s = utf8 ? utf8 : ""; *s;) {
		wchar_t c;
		s += dec(s, &c);
		reserve(f, f->len + 1);
		f->buf[f->len++] = c;
	}
	f->buf[f->len] = 0;
	f->cur = f->len;
}

char *field_text(const struct field *f)
{
	struct strbuf sb = STRBUF_INIT;
	for (size_t i = 0; i < f->len; i++)
		enc(&sb, f->buf[i]);
	return sb_detach(&sb);
}

size_t field_chars(const struct field *f)
{
	return f->len;
}

static void del(struct field *f, size_t from, size_t to)
{
	memmove(f->buf + from, f->buf + to, (f->len - to) * sizeof(wchar_t));
	f->len -= to - from;
	f->buf[f->len] = 0;
}

bool field_key(struct field *f, enum ui_action a, const struct ui_key *k)
{
	reserve(f, f->len + 1);
	switch (a) {
	case UA_F_LEFT:
		if (f->cur)
			f->cur--;
		return true;
	case UA_F_RIGHT:
		if (f->cur < f->len)
			f->cur++;
		return true;
	case UA_F_HOME:
		f->cur = 0;
		return true;
	case UA_F_END:
		f->cur = f->len;
		return true;
	case UA_F_BACKSPACE:
		if (f->cur) {
			del(f, f->cur - 1, f->cur);
			f->cur--;
		}
		return true;
	case UA_F_DELETE:
		if (f->cur < f->len)
			del(f, f->cur, f->cur + 1);
		return true;
	case UA_F_KILL_START:
		del(f, 0, f->cur);
		f->cur = 0;
		return true;
	case UA_F_KILL_END:
		del(f, f->cur, f->len);
		return true;
	case UA_F_KILL_WORD: {
		size_t s = f->cur;
		while (s && iswspace((wint_t)f->buf[s - 1]))
			s--;
		while (s && !iswspace((wint_t)f->buf[s - 1]))
			s--;
		del(f, s, f->cur);
		f->cur = s;
		return true;
	}
	case UA_NONE:
		if (k->fn || k->ch < 32 || k->ch == 127 || (k->ch >= 0x80 && k->ch < 0xa0))
			return false;
		reserve(f, f->len + 1);
		memmove(f->buf + f->cur + 1, f->buf + f->cur, (f->len - f->cur) * sizeof(wchar_t));
		f->buf[f->cur++] = (wchar_t)k->ch;
		f->buf[++f->len] = 0;
		return true;
	default:
		return false;
	}
}

static int cw(wchar_t c)
{
	int w = wcwidth(c);
	return w < 0 ? 1 : w;
}

void field_draw(struct field *f, int y, int x, int w, bool focus, int *cx)
{
	if (w < 2)
		return;
	reserve(f, f->len);
	if (f->left > f->cur)
		f->left = f->cur;
	/* scroll so that the cursor stays inside, one column kept for it */
	for (;;) {
		int cols = 0;
		for (size_t i = f->left; i < f->cur; i++)
			cols += cw(f->buf[i]);
		if (cols < w || f->left >= f->cur)
			break;
		f->left++;
	}
	int fa = ui_attr(UR_FIELD) | (focus ? ui_attr(UR_BOLD) : 0);
	ui_fill(y, x, w, fa);
	struct strbuf sb = STRBUF_INIT;
	int cols = 0, cur_col = 0;
	for (size_t i = f->left; i < f->len; i++) {
		if (i == f->cur)
			cur_col = cols;
		if (cols + cw(f->buf[i]) > w)
			break;
		enc(&sb, f->buf[i]);
		cols += cw(f->buf[i]);
	}
	if (f->cur == f->len)
		cur_col = cols;
	ui_put(y, x, w, sb_str(&sb), fa);
	sb_free(&sb);
	if (cx)
		*cx = x + (cur_col < w ? cur_col : w - 1);
}
