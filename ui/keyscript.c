/* keyscript.c - parsing key scripts into tokens (see keyscript.h). */
#include "config.h"
#include "keyscript.h"

#include <curses.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util.h"

static struct ks_tok *toks;
static size_t ntoks, captoks, pos;

static void push(struct ks_tok t)
{
	if (ntoks == captoks) {
		captoks = captoks ? captoks * 2 : 64;
		toks = xrealloc(toks, captoks * sizeof *toks);
	}
	toks[ntoks++] = t;
}

static void push_key(bool fn, wint_t ch)
{
	push((struct ks_tok){ .kind = KS_KEY, .fn = fn, .ch = ch });
}

/* Decodes one UTF-8 character of s into *out; returns its length. */
static size_t utf8_decode(const char *s, wint_t *out)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t n = u[0] < 0x80 ? 1 : (u[0] >> 5) == 6 ? 2 : (u[0] >> 4) == 14 ? 3 : (u[0] >> 3) == 30 ? 4 : 1;
	wint_t c = n == 1 ? u[0] : n == 2 ? (u[0] & 0x1f) : n == 3 ? (u[0] & 0x0f) : (u[0] & 0x07);
	for (size_t i = 1; i < n; i++) {
		if ((u[i] & 0xc0) != 0x80) {
			*out = u[0];
			return 1;
		}
		c = (c << 6) | (u[i] & 0x3f);
	}
	*out = c;
	return n;
}

static void push_text(const char *s, size_t len)
{
	for (size_t i = 0; i < len;) {
		wint_t c;
		i += utf8_decode(s + i, &c);
		push_key(false, c);
	}
}

static const struct {
	const char *name;
	bool fn;
	int code;
} names[] = {
	{ "Up", true, KEY_UP }, { "Down", true, KEY_DOWN }, { "Left", true, KEY_LEFT },
	{ "Right", true, KEY_RIGHT }, { "PgUp", true, KEY_PPAGE }, { "PgDn", true, KEY_NPAGE },
	{ "Home", true, KEY_HOME }, { "End", true, KEY_END }, { "Enter", false, '\r' },
	{ "Esc", false, 27 }, { "Tab", false, '\t' }, { "BTab", true, KEY_BTAB },
	{ "Backspace", true, KEY_BACKSPACE }, { "Delete", true, KEY_DC }, { "Space", false, ' ' },
	{ "Lt", false, '<' },
};

/* One <...> token (without the brackets). */
static int angle(const char *w, size_t n, int *repeat, const char *file, int line,
		 struct wfo_error *err)
{
	char buf[64];
	if (n >= sizeof buf)
		goto bad;
	memcpy(buf, w, n);
	buf[n] = 0;
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (!strcasecmp(buf, names[i].name)) {
			push_key(names[i].fn, (wint_t)names[i].code);
			return 0;
		}
	int a, b;
	char c;
	if (!strcasecmp(buf, "Dump")) {
		push((struct ks_tok){ .kind = KS_DUMP });
	} else if (sscanf(buf, "Resize %dx%d%c", &a, &b, &c) == 2 && a > 0 && b > 0) {
		push((struct ks_tok){ .kind = KS_RESIZE, .a = a, .b = b });
	} else if (sscanf(buf, "Repeat %d%c", &a, &c) == 1 && a > 0) {
		*repeat = a;
	} else if (!strcasecmp(buf, "SIGINT") || !strcasecmp(buf, "SIGTERM") || !strcasecmp(buf, "SIGHUP")) {
		int sig = !strcasecmp(buf, "SIGINT") ? SIGINT : !strcasecmp(buf, "SIGTERM") ? SIGTERM : SIGHUP;
		push((struct ks_tok){ .kind = KS_SIGNAL, .a = sig });
	} else if ((buf[0] == 'F' || buf[0] == 'f') && sscanf(buf + 1, "%d%c", &a, &c) == 1 && a >= 1 && a <= 12) {
		push_key(true, (wint_t)KEY_F(a));
	} else if ((buf[0] == 'C' || buf[0] == 'c') && buf[1] == '-' && buf[2] && !buf[3]) {
		push_key(false, (wint_t)(buf[2] & 0x1f));
	} else {
		goto bad;
	}
	return 0;
bad:
	return wfo_fail(err, WFO_INPUT, "%s:%d: unknown key script token <%.*s>", file, line, (int)n, w);
}

int ks_parse(const char *text, const char *file, struct wfo_error *err)
{
	ks_free();
	int line = 1, repeat = 0;
	const char *s = text;
	while (*s) {
		if (*s == '\n') {
			line++;
			s++;
			continue;
		}
		if (*s == ' ' || *s == '\t' || *s == '\r') {
			s++;
			continue;
		}
		if (*s == '#') {
			while (*s && *s != '\n')
				s++;
			continue;
		}
		size_t before = ntoks;
		int rep = repeat;
		repeat = 0;
		if (*s == '<') {
			const char *e = strchr(s, '>');
			if (!e)
				return wfo_fail(err, WFO_INPUT, "%s:%d: '<' without '>'", file, line);
			if (angle(s + 1, (size_t)(e - s - 1), &repeat, file, line, err) < 0)
				return -1;
			s = e + 1;
		} else if (*s == '"') {
			s++;
			while (*s && *s != '"') {
				if (*s == '\\' && s[1])
					s++;
				wint_t c;
				s += utf8_decode(s, &c);
				push_key(false, c);
			}
			if (*s != '"')
				return wfo_fail(err, WFO_INPUT, "%s:%d: unterminated \"text\"", file, line);
			s++;
		} else {
			size_t n = strcspn(s, " \t\r\n");
			push_text(s, n);
			s += n;
		}
		/* <Repeat N> applies to the token after it */
		if (rep > 1 && ntoks > before) {
			size_t end = ntoks;   /* the token once, not what the copies added */
			for (int r = 1; r < rep; r++)
				for (size_t i = before; i < end; i++)
					push(toks[i]);
		}
	}
	pos = 0;
	return 0;
}

int ks_load(const char *path, struct wfo_error *err)
{
	char *text = read_file(path, NULL);
	if (!text)
		return wfo_fail(err, WFO_IO, "%s: cannot read the key script", path);
	int rc = ks_parse(text, path, err);
	free(text);
	return rc;
}

bool ks_next(struct ks_tok *t)
{
	if (pos >= ntoks)
		return false;
	*t = toks[pos++];
	return true;
}

void ks_free(void)
{
	free(toks);
	toks = NULL;
	ntoks = captoks = pos = 0;
}
