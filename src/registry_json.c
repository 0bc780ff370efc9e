/* registry_json.c - a JSON model registry file into a positioned tree
 * (jansson checks the syntax; a small walker records where every value is). */
#include "config.h"
#include "models.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

struct walker {
	const char *s;
	size_t pos, len;
	int line, col;
};

static void adv(struct walker *w)
{
	unsigned char c = (unsigned char)w->s[w->pos++];
	if (c == '\n') {
		w->line++;
		w->col = 1;
	} else if ((c & 0xC0) != 0x80) {
		w->col++;
	}
}

static void skip_ws(struct walker *w)
{
	while (w->pos < w->len && strchr(" \t\r\n", w->s[w->pos]) && w->s[w->pos])
		adv(w);
}

static unsigned hex4(const char *p)
{
	unsigned v = 0;
	for (int i = 0; i < 4; i++) {
		char c = p[i];
		v <<= 4;
		if (c >= '0' && c <= '9')
			v |= (unsigned)(c - '0');
		else if (c >= 'a' && c <= 'f')
			v |= (unsigned)(c - 'a' + 10);
		else if (c >= 'A' && c <= 'F')
			v |= (unsigned)(c - 'A' + 10);
	}
	return v;
}

static void put_utf8(struct strbuf *sb, uint32_t cp)
{
	if (cp < 0x80) {
		sb_addc(sb, (char)cp);
	} else if (cp < 0x800) {
		sb_addc(sb, (char)(0xC0 | (cp >> 6)));
		sb_addc(sb, (char)(0x80 | (cp & 0x3F)));
	} else if (cp < 0x10000) {
		sb_addc(sb, (char)(0xE0 | (cp >> 12)));
		sb_addc(sb, (char)(0x80 | ((cp >> 6) & 0x3F)));
		sb_addc(sb, (char)(0x80 | (cp & 0x3F)));
	} else {
		sb_addc(sb, (char)(0xF0 | (cp >> 18)));
		sb_addc(sb, (char)(0x80 | ((cp >> 12) & 0x3F)));
		sb_addc(sb, (char)(0x80 | ((cp >> 6) & 0x3F)));
		sb_addc(sb, (char)(0x80 | (cp & 0x3F)));
	}
}

/* At the opening quote of a string jansson already accepted. */
static char *read_string(struct walker *w)
{
	struct strbuf sb = STRBUF_INIT;
	sb_add(&sb, "");
	adv(w);
	while (w->pos < w->len && w->s[w->pos] != '"') {
		if (w->s[w->pos] != '\\') {
			sb_addc(&sb, w->s[w->pos]);
			adv(w);
			continue;
		}
		adv(w);
		char e = w->s[w->pos];
		adv(w);
		switch (e) {
		case 'b': sb_addc(&sb, '\b'); break;
		case 'f': sb_addc(&sb, '\f'); break;
		case 'n': sb_addc(&sb, '\n'); break;
		case 'r': sb_addc(&sb, '\r'); break;
		case 't': sb_addc(&sb, '\t'); break;
		case 'u': {
			if (w->pos + 4 > w->len)
				break;
			uint32_t cp = hex4(w->s + w->pos);
			for (int i = 0; i < 4; i++)
				adv(w);
			if (cp >= 0xD800 && cp < 0xDC00 && w->pos + 6 <= w->len &&
			    w->s[w->pos] == '\\' && w->s[w->pos + 1] == 'u') {
				uint32_t lo = hex4(w->s + w->pos + 2);
				if (lo >= 0xDC00 && lo < 0xE000) {
					cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
					for (int i = 0; i < 6; i++)
						adv(w);
				}
			}
			put_utf8(&sb, cp);
			break;
		}
		default: sb_addc(&sb, e); break;
		}
	}
	if (w->pos < w->len)
		adv(w);
	return sb_detach(&sb);
}

static struct rnode *walk_value(struct walker *w, int depth)
{
	skip_ws(w);
	struct rnode *n;
	if (w->pos >= w->len)
		return rnode_new(R_NULL, w->line, w->col);
	char c = w->s[w->pos];
	int line = w->line, col = w->col;
	if (c == '{' || c == '[') {
		n = rnode_new(c == '{' ? R_MAP : R_SEQ, line, col);
		char close = c == '{' ? '}' : ']';
		adv(w);
		for (;;) {
			skip_ws(w);
			if (w->pos >= w->len)
				break;
			if (w->s[w->pos] == close) {
				adv(w);
				break;
			}
			if (w->s[w->pos] == ',') {
				adv(w);
				continue;
			}
			if (depth > 200) {  /* jansson limits depth too */
				adv(w);
				continue;
			}
			if (c == '{') {
				int kl = w->line, kc = w->col;
				char *key = read_string(w);
				skip_ws(w);
				if (w->pos < w->len && w->s[w->pos] == ':')
					adv(w);
				rnode_put(n, key, kl, kc, walk_value(w, depth + 1));
			} else {
				rnode_add(n, walk_value(w, depth + 1));
			}
		}
		return n;
	}
	if (c == '"') {
		n = rnode_new(R_STR, line, col);
		n->text = read_string(w);
		return n;
	}
	size_t start = w->pos;
	while (w->pos < w->len && !strchr(" \t\r\n,]}", w->s[w->pos]))
		adv(w);
	if (w->pos - start == 4 && strncmp(w->s + start, "null", 4) == 0)
		return rnode_new(R_NULL, line, col);
	n = rnode_new(R_SCALAR, line, col);
	n->text = xstrndup(w->s + start, w->pos - start);
	return n;
}

int registry_json_parse(const char *file, const char *text, size_t len, struct rnode **out,
			struct wfo_error *err)
{
	json_error_t je;
	*out = NULL;
	if (len > MODELS_MAX_BYTES)
		return wfo_fail(err, WFO_INPUT, "%s: %zu bytes; a model file may have at most %d",
				file, len, MODELS_MAX_BYTES);
	json_t *j = json_loadb(text, len, JSON_REJECT_DUPLICATES, &je);
	if (!j)
		return wfo_fail(err, WFO_INPUT, "%s:%d:%d: invalid JSON: %s", file, je.line,
				je.column, je.text);
	json_decref(j);
	struct walker w = { text, 0, len, 1, 1 };
	*out = walk_value(&w, 0);
	return 0;
}
