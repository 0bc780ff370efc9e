/* pysource.c - Python source bytes to UTF-8: BOM, coding declaration,
 * decoding (see pysource.h). */
#include "config.h"
#include "pysource.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

enum enc { ENC_UTF8, ENC_ASCII, ENC_LATIN1, ENC_LATIN9, ENC_CP1252 };

/* Windows-1252 at 0x80..0x9F (0: undefined, Python refuses the byte). */
static const unsigned short cp1252_80[32] = {
	0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
	0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
	0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
	0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
};

/* 1-based line of byte offset off. */
static int line_of(const char *text, size_t off)
{
	int line = 1;
	for (size_t i = 0; i < off; i++)
		if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= off || text[i + 1] != '\n')))
			line++;
	return line;
}

/* Python's codec lookup: lower case, every run of characters other than
 * letters, digits and '.' becomes one '_' (none at the ends); then the
 * aliases of the encodings known here. -1: unknown. */
static int lookup(const char *name, size_t n)
{
	char norm[64];
	size_t o = 0;
	int punct = 0;
	for (size_t i = 0; i < n && o + 2 < sizeof norm; i++) {
		char c = name[i];
		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.') {
			if (punct && o)
				norm[o++] = '_';
			norm[o++] = c;
			punct = 0;
		} else {
			punct = 1;
		}
	}
	norm[o] = '\0';
	/* the tokenizer's own shortcut (get_normal_name): utf-8-*, latin-1-* */
	if (!strcmp(norm, "utf_8") || !strncmp(norm, "utf_8_", 6))
		return ENC_UTF8;
	if (!strncmp(norm, "latin_1_", 8) || !strncmp(norm, "iso_8859_1_", 11) ||
	    !strncmp(norm, "iso_latin_1", 11))
		return ENC_LATIN1;
	for (char *p = norm; *p; p++)
		if (*p == '.')
			*p = '_';
	static const struct { const char *name; int enc; } names[] = {
		{ "utf_8", ENC_UTF8 }, { "utf8", ENC_UTF8 }, { "u8", ENC_UTF8 }, { "utf", ENC_UTF8 },
		{ "utf8_ucs2", ENC_UTF8 }, { "utf8_ucs4", ENC_UTF8 }, { "cp65001", ENC_UTF8 },
		{ "ascii", ENC_ASCII }, { "646", ENC_ASCII }, { "ansi_x3_4_1968", ENC_ASCII },
		{ "ansi_x3_4_1986", ENC_ASCII }, { "cp367", ENC_ASCII }, { "csascii", ENC_ASCII },
		{ "ibm367", ENC_ASCII }, { "iso646_us", ENC_ASCII }, { "iso_646_irv_1991", ENC_ASCII },
		{ "iso_ir_6", ENC_ASCII }, { "us", ENC_ASCII }, { "us_ascii", ENC_ASCII },
		{ "latin_1", ENC_LATIN1 }, { "latin1", ENC_LATIN1 }, { "latin", ENC_LATIN1 },
		{ "l1", ENC_LATIN1 }, { "8859", ENC_LATIN1 }, { "cp819", ENC_LATIN1 },
		{ "csisolatin1", ENC_LATIN1 }, { "ibm819", ENC_LATIN1 }, { "iso8859", ENC_LATIN1 },
		{ "iso8859_1", ENC_LATIN1 }, { "iso_8859_1", ENC_LATIN1 },
		{ "iso_8859_1_1987", ENC_LATIN1 }, { "iso_ir_100", ENC_LATIN1 },
		{ "iso8859_15", ENC_LATIN9 }, { "iso_8859_15", ENC_LATIN9 }, { "l9", ENC_LATIN9 },
		{ "latin9", ENC_LATIN9 },
		{ "cp1252", ENC_CP1252 }, { "windows_1252", ENC_CP1252 }, { "1252", ENC_CP1252 },
	};
	for (size_t i = 0; i < sizeof names / sizeof *names; i++)
		if (!strcmp(norm, names[i].name))
			return names[i].enc;
	return -1;
}

/* The coding declaration of one line [s, e): Python's
 * ^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+). Sets *name and *n; 1 if found. */
static int cookie(const char *s, const char *e, const char **name, size_t *n)
{
	while (s < e && (*s == ' ' || *s == '\t' || *s == '\f'))
		s++;
	if (s >= e || *s != '#')
		return 0;
	for (const char *p = s; p + 7 < e; p++) {
		if (memcmp(p, "coding", 6) || (p[6] != ':' && p[6] != '='))
			continue;
		const char *v = p + 7;
		while (v < e && (*v == ' ' || *v == '\t'))
			v++;
		const char *w = v;
		while (w < e && (*w == '-' || *w == '_' || *w == '.' ||
				 (*w >= 'a' && *w <= 'z') || (*w >= 'A' && *w <= 'Z') ||
				 (*w >= '0' && *w <= '9')))
			w++;
		if (w == v)
			continue;
		*name = v;
		*n = (size_t)(w - v);
		return 1;
	}
	return 0;
}

/* Blank or comment-only (the second line is looked at only after one). */
static int blank_or_comment(const char *s, const char *e)
{
	while (s < e && (*s == ' ' || *s == '\t' || *s == '\f'))
		s++;
	return s >= e || *s == '#' || *s == '\r';
}

static const char *line_end(const char *s, const char *e)
{
	while (s < e && *s != '\n' && *s != '\r')
		s++;
	return s;
}

/* Offset of the first byte that is not valid UTF-8 (as Python's strict
 * decoder sees it), or -1. */
static long bad_utf8(const unsigned char *p, size_t n)
{
	size_t i = 0;
	while (i < n) {
		unsigned char c = p[i];
		if (c < 0x80) {
			i++;
			continue;
		}
		size_t k;
		unsigned cp, min;
		if ((c & 0xE0) == 0xC0) {
			k = 1; cp = c & 0x1F; min = 0x80;
		} else if ((c & 0xF0) == 0xE0) {
			k = 2; cp = c & 0x0F; min = 0x800;
		} else if ((c & 0xF8) == 0xF0) {
			k = 3; cp = c & 0x07; min = 0x10000;
		} else {
			return (long)i;
		}
		for (size_t j = 1; j <= k; j++) {
			if (i + j >= n || (p[i + j] & 0xC0) != 0x80)
				return (long)i;
			cp = (cp << 6) | (p[i + j] & 0x3F);
		}
		if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
			return (long)i;
		i += k + 1;
	}
	return -1;
}

static void put_utf8(struct strbuf *sb, unsigned cp)
{
	if (cp < 0x80) {
		sb_addc(sb, (char)cp);
	} else if (cp < 0x800) {
		sb_addc(sb, (char)(0xC0 | (cp >> 6)));
		sb_addc(sb, (char)(0x80 | (cp & 0x3F)));
	} else {
		sb_addc(sb, (char)(0xE0 | (cp >> 12)));
		sb_addc(sb, (char)(0x80 | ((cp >> 6) & 0x3F)));
		sb_addc(sb, (char)(0x80 | (cp & 0x3F)));
	}
}

int pysource_to_utf8(const char *path, const char *text, size_t len, char **out,
		     size_t *out_len, struct wfo_error *err)
{
	int bom = len >= 3 && !memcmp(text, "\xEF\xBB\xBF", 3);
	const char *s = text + (bom ? 3 : 0), *e = text + len;
	const char *name = NULL;
	size_t nlen = 0;
	int cline = 0;
	const char *l1 = line_end(s, e);
	if (cookie(s, l1, &name, &nlen)) {
		cline = 1;
	} else if (blank_or_comment(s, l1) && l1 < e) {
		const char *l2s = l1 + (*l1 == '\r' && l1 + 1 < e && l1[1] == '\n' ? 2 : 1);
		if (cookie(l2s, line_end(l2s, e), &name, &nlen))
			cline = 2;
	}
	int enc = ENC_UTF8;
	if (cline) {
		enc = lookup(name, nlen);
		if (enc < 0)
			return wfo_fail(err, WFO_INPUT, "%s:%d: unknown or unsupported source encoding "
					"'%.*s' (wfo-migrate reads UTF-8, ASCII, Latin-1, "
					"ISO-8859-15 and Windows-1252)", path, cline,
					(int)(nlen > 40 ? 40 : nlen), name);
		if (bom && enc != ENC_UTF8)
			return wfo_fail(err, WFO_INPUT, "%s:%d: the file starts with a UTF-8 byte "
					"order mark but declares the encoding '%.*s'", path, cline,
					(int)(nlen > 40 ? 40 : nlen), name);
	}
	const unsigned char *u = (const unsigned char *)s;
	size_t n = (size_t)(e - s);
	if (enc == ENC_UTF8 || enc == ENC_ASCII) {
		long bad = enc == ENC_UTF8 ? bad_utf8(u, n) : -1;
		if (enc == ENC_ASCII)
			for (size_t i = 0; i < n && bad < 0; i++)
				if (u[i] >= 0x80)
					bad = (long)i;
		if (bad >= 0)
			return wfo_fail(err, WFO_INPUT, "%s:%d: byte 0x%02x is not valid %s text%s",
					path, line_of(s, (size_t)bad), u[bad],
					enc == ENC_UTF8 ? "UTF-8" : "ASCII",
					cline ? "" : " (a Python file is UTF-8 unless it declares "
						     "its encoding in a '# coding: NAME' comment)");
		*out = xstrndup(s, n);
		*out_len = n;
		return 0;
	}
	struct strbuf sb = STRBUF_INIT;
	sb_grow(&sb, n + n / 4 + 1);
	sb_add(&sb, "");
	for (size_t i = 0; i < n; i++) {
		unsigned cp = u[i];
		if (cp >= 0x80 && enc == ENC_CP1252 && cp < 0xA0) {
			cp = cp1252_80[cp - 0x80];
			if (!cp) {
				sb_free(&sb);
				return wfo_fail(err, WFO_INPUT, "%s:%d: byte 0x%02x is not valid "
						"Windows-1252 text", path, line_of(s, i), u[i]);
			}
		} else if (enc == ENC_LATIN9) {
			switch (cp) {
			case 0xA4: cp = 0x20AC; break;
			case 0xA6: cp = 0x0160; break;
			case 0xA8: cp = 0x0161; break;
			case 0xB4: cp = 0x017D; break;
			case 0xB8: cp = 0x017E; break;
			case 0xBC: cp = 0x0152; break;
			case 0xBD: cp = 0x0153; break;
			case 0xBE: cp = 0x0178; break;
			}
		}
		put_utf8(&sb, cp);
	}
	*out_len = sb.len;
	*out = sb_detach(&sb);
	return 0;
}
