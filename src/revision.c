/* revision.c - parsing one Alembic revision file: a small Python tokenizer,
 * the module-level assignments, the docstring and SQL-only bodies.
 *
 * Approximations (documented in revision.h's terms):
 * - sa.text()/text() and op.execute("...") (which Alembic wraps in text())
 *   turn "\:" into ":" as SQLAlchemy's compiler does; bind parameters
 *   (":name") are left as written (Alembic would fail on them at run time).
 * - conn.execute("...") and exec_driver_sql("...") give the text to the
 *   driver with no parameters: "%%" becomes "%" (psycopg2's pyformat), and a
 *   lone '%' makes the body not SQL-only (Alembic fails on it).
 * - \N{NAME} escapes are not decoded: such a literal makes the body not
 *   SQL-only. */
#include "config.h"
#include "revision.h"

#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "pysource.h"
#include "revid.h"

enum tok_kind { T_NAME, T_STRING, T_NUMBER, T_OP, T_EOF };

struct tok {
	enum tok_kind kind;
	const char *s;   /* into the normalized text */
	size_t n;
	int line;
	/* T_STRING */
	const char *body; /* between the quotes, decoded on first use (tok_decode) */
	size_t blen;
	int raw, decoded;
	char *val;       /* decoded value (NULL when it cannot be decoded) */
	size_t vlen;
	int bytes, fstr;
	char *bad;       /* why val is NULL */
};

struct lline {       /* a logical line */
	size_t first, count;  /* tokens */
	int indent;
	int line;
};

struct pyfile {
	const char *path;
	char *text;
	struct tok *t;
	size_t nt, ct;
	struct lline *l;
	size_t nl, cl;
	/* REV_PARSE_HEADERS: the tokens of indented lines (function bodies) are
	 * scanned (strings, brackets, line numbers) but not kept */
	int skim, skip;
	struct tok scratch;
};

static void pf_free(struct pyfile *pf)
{
	for (size_t i = 0; i < pf->nt; i++) {
		free(pf->t[i].val);
		free(pf->t[i].bad);
	}
	free(pf->t);
	free(pf->l);
	free(pf->text);
}

static struct tok *push_tok(struct pyfile *pf, enum tok_kind k, const char *s, size_t n, int line)
{
	if (pf->skip)
		return &pf->scratch;   /* not kept: nothing reads it */
	if (pf->nt == pf->ct) {
		pf->ct = pf->ct ? pf->ct * 2 : 64;
		pf->t = xrealloc(pf->t, pf->ct * sizeof(*pf->t));
	}
	struct tok *t = &pf->t[pf->nt++];
	memset(t, 0, sizeof(*t));
	t->kind = k;
	t->s = s;
	t->n = n;
	t->line = line;
	return t;
}

static void push_line(struct pyfile *pf, size_t first, int indent, int line)
{
	if (pf->nt == first)
		return;
	if (pf->nl == pf->cl) {
		pf->cl = pf->cl ? pf->cl * 2 : 64;
		pf->l = xrealloc(pf->l, pf->cl * sizeof(*pf->l));
	}
	pf->l[pf->nl++] = (struct lline){ first, pf->nt - first, indent, line };
}

static int hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

static void add_utf8(struct strbuf *sb, unsigned long cp)
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

/* Decodes the body of a literal (between the quotes) as Python does. */
static void decode_string(struct tok *t, const char *b, size_t n, int raw)
{
	if (raw || !memchr(b, '\\', n)) {
		/* nothing to decode: a raw string keeps its backslashes */
		t->vlen = n;
		t->val = xstrndup(b, n);
		return;
	}
	struct strbuf sb = STRBUF_INIT;
	sb_grow(&sb, n + 1);
	sb.buf[0] = '\0';
	for (size_t i = 0; i < n; i++) {
		char c = b[i];
		if (c != '\\' || raw) {
			if (c == '\\' && raw && i + 1 < n) {
				/* a raw string keeps the backslash and what follows */
				sb_addc(&sb, c);
				sb_addc(&sb, b[++i]);
				continue;
			}
			sb_addc(&sb, c);
			continue;
		}
		if (i + 1 >= n) {
			sb_addc(&sb, c);
			break;
		}
		char e = b[++i];
		switch (e) {
		case '\n': break;
		case '\\': sb_addc(&sb, '\\'); break;
		case '\'': sb_addc(&sb, '\''); break;
		case '"': sb_addc(&sb, '"'); break;
		case 'a': sb_addc(&sb, '\a'); break;
		case 'b': sb_addc(&sb, '\b'); break;
		case 'f': sb_addc(&sb, '\f'); break;
		case 'n': sb_addc(&sb, '\n'); break;
		case 'r': sb_addc(&sb, '\r'); break;
		case 't': sb_addc(&sb, '\t'); break;
		case 'v': sb_addc(&sb, '\v'); break;
		case '0': case '1': case '2': case '3':
		case '4': case '5': case '6': case '7': {
			unsigned v = 0;
			int k = 0;
			while (k < 3 && i < n && b[i] >= '0' && b[i] <= '7') {
				v = v * 8 + (unsigned)(b[i] - '0');
				i++, k++;
			}
			i--;
			if (t->bytes)
				sb_addc(&sb, (char)(v & 0xFF));
			else
				add_utf8(&sb, v);
			break;
		}
		case 'x': case 'u': case 'U': {
			int want = e == 'x' ? 2 : e == 'u' ? 4 : 8;
			if (e != 'x' && t->bytes) {
				sb_addc(&sb, '\\');
				sb_addc(&sb, e);
				break;
			}
			unsigned long v = 0;
			for (int k = 0; k < want; k++) {
				int h = i + 1 + (size_t)k < n ? hexval((unsigned char)b[i + 1 + k]) : -1;
				if (h < 0) {
					free(t->bad);
					t->bad = xasprintf("truncated \\%c escape", e);
					sb_free(&sb);
					return;
				}
				v = v * 16 + (unsigned long)h;
			}
			i += (size_t)want;
			if (v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) {
				free(t->bad);
				t->bad = xasprintf("\\%c escape of a code point that is not valid text", e);
				sb_free(&sb);
				return;
			}
			if (t->bytes)
				sb_addc(&sb, (char)v);
			else
				add_utf8(&sb, v);
			break;
		}
		case 'N':
			if (!t->bytes) {
				free(t->bad);
				t->bad = xstrdup("a \\N{...} escape (not supported)");
				sb_free(&sb);
				return;
			}
			/* fall through */
		default:
			sb_addc(&sb, '\\');
			sb_addc(&sb, e);
			break;
		}
	}
	t->vlen = sb.len;
	t->val = sb_detach(&sb);
}

/* ASCII letters, digits, '_' and every non-ASCII byte (identifiers in
 * UTF-8), without the locale's tables. */
/* Strings are decoded only when their value is used: most of a file's
 * literals (the SQL of bodies not analysed) never are. */
static void tok_decode(struct tok *t)
{
	if (t->kind != T_STRING || t->decoded)
		return;
	t->decoded = 1;
	decode_string(t, t->body, t->blen, t->raw);
}

static int is_name_start(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
}

static int is_name_char(unsigned char c)
{
	return is_name_start(c) || (c >= '0' && c <= '9');
}

/* Normalizes newlines (CRLF, CR -> LF) and drops a UTF-8 BOM. */
static char *normalize(const char *text, size_t len)
{
	char *out = xmalloc(len + 1);
	size_t o = 0, i = 0;
	if (len >= 3 && !memcmp(text, "\xEF\xBB\xBF", 3))
		i = 3;
	if (!memchr(text + i, '\r', len - i)) {
		memcpy(out, text + i, len - i);
		out[len - i] = '\0';
		return out;
	}
	for (; i < len; i++) {
		if (text[i] == '\r') {
			out[o++] = '\n';
			if (i + 1 < len && text[i + 1] == '\n')
				i++;
		} else {
			out[o++] = text[i];
		}
	}
	out[o] = '\0';
	return out;
}

/* Python's limits: nested blocks and nested brackets. */
#define PY_MAX_INDENT 100
#define PY_MAX_NEST 200

/* A code point Python does not allow in an identifier, among those a
 * person may type by accident (spaces, punctuation, quotes, symbols). */
static int bad_ident_cp(unsigned long cp)
{
	if (cp >= 0x80 && cp <= 0xBF)
		return cp != 0xAA && cp != 0xB5 && cp != 0xB7 && cp != 0xBA;
	if (cp == 0xD7 || cp == 0xF7 || cp == 0xFEFF || (cp >= 0x3000 && cp <= 0x3003))
		return 1;
	if (cp >= 0x2000 && cp <= 0x206F)
		return cp != 0x203F && cp != 0x2040 && cp != 0x2054;
	return (cp >= 0x2190 && cp <= 0x2BFF) || (cp >= 0xE000 && cp <= 0xF8FF) ||
	       (cp >= 0xFF01 && cp <= 0xFF0F) || (cp >= 0x1F000 && cp <= 0x1FAFF);
}

/* Checks the non-ASCII characters of a name (the text is valid UTF-8). */
static int check_name(struct pyfile *pf, const char *s, size_t n, int line,
		      struct wfo_error *err)
{
	for (size_t i = 0; i < n;) {
		unsigned char c = (unsigned char)s[i];
		if (c < 0x80) {
			i++;
			continue;
		}
		size_t k = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : 1;
		unsigned long cp = c & (k == 3 ? 0x07 : k == 2 ? 0x0F : 0x1F);
		for (size_t j = 1; j <= k && i + j < n; j++)
			cp = (cp << 6) | ((unsigned char)s[i + j] & 0x3F);
		if (bad_ident_cp(cp))
			return wfo_fail(err, WFO_INPUT, "%s:%d: invalid character '%.*s' (U+%04lX)",
					pf->path, line, (int)(k + 1), s + i, cp);
		i += k + 1;
	}
	return 0;
}

/* Only blanks and line continuations in [s, e). */
static int only_blanks(const char *s, const char *e)
{
	for (; s < e; s++)
		if (*s != ' ' && *s != '\t' && *s != '\f' && *s != '\\' && *s != '\n')
			return 0;
	return 1;
}

/* Splits the text into tokens and logical lines, and refuses what Python's
 * tokenizer refuses: unterminated strings, unbalanced or mismatched
 * brackets, indentation that does not match (unexpected indent, a block
 * missing after ':', a dedent to no outer level, tabs and spaces mixed
 * inconsistently), stray characters. */
static int tokenize(struct pyfile *pf, struct wfo_error *err)
{
	const char *p = pf->text;
	int line = 1;
	char open[PY_MAX_NEST];
	int open_line[PY_MAX_NEST];
	int depth = 0;
	int at_bol = 1;
	int indent = 0, lline = 1;
	size_t first = 0;
	/* the indentation stack, columns counted with tabs to 8 and to 1 */
	int istack[PY_MAX_INDENT + 1] = { 0 }, astack[PY_MAX_INDENT + 1] = { 0 }, ni = 0;
	int want_block = 0, block_line = 0;  /* the last logical line ended in ':' */
	const char *colon_end = NULL;          /* after a ':' at depth 0 on this line */
	const char *comment_at = NULL;         /* a comment ending this line */
	while (*p) {
		if (at_bol && depth == 0) {
			/* measure indentation; skip blank and comment-only lines */
			int col = 0, alt = 0;
			const char *q = p;
			while (*q == ' ' || *q == '\t' || *q == '\f') {
				if (*q == '\t') {
					col = (col / 8 + 1) * 8;
					alt++;
				} else if (*q == '\f') {
					col = alt = 0;
				} else {
					col++;
					alt++;
				}
				q++;
			}
			if (*q == '\n' || *q == '#' || *q == '\0') {
				while (*q && *q != '\n')
					q++;
				if (*q == '\n') {
					q++;
					line++;
				}
				p = q;
				continue;
			}
			if (col > istack[ni]) {
				if (!want_block)
					return wfo_fail(err, WFO_INPUT, "%s:%d: unexpected indent",
							pf->path, line);
				if (alt <= astack[ni])
					goto tabs;
				if (ni == PY_MAX_INDENT)
					return wfo_fail(err, WFO_INPUT, "%s:%d: too many levels of "
							"indentation", pf->path, line);
				ni++;
				istack[ni] = col;
				astack[ni] = alt;
			} else {
				if (want_block)
					return wfo_fail(err, WFO_INPUT, "%s:%d: expected an indented "
							"block after line %d", pf->path, line,
							block_line);
				while (ni > 0 && col < istack[ni])
					ni--;
				if (col != istack[ni])
					return wfo_fail(err, WFO_INPUT, "%s:%d: unindent does not "
							"match any outer indentation level",
							pf->path, line);
				if (alt != astack[ni])
					goto tabs;
			}
			want_block = 0;
			colon_end = comment_at = NULL;
			indent = col;
			lline = line;
			first = pf->nt;
			pf->skip = pf->skim && indent > 0;
			p = q;
			at_bol = 0;
		}
		if (pf->skip) {
			/* a line whose tokens are not kept: only strings, comments,
			 * brackets, colons and line ends matter (any quote opens a
			 * string, with or without a prefix) */
			p += strcspn(p, "\n#\\'\"()[]{}:");
			if (!*p)
				break;
		}
		unsigned char c = (unsigned char)*p;
		if (c == ' ' || c == '\t' || c == '\f') {
			p++;
		} else if (c == '#') {
			if (depth == 0)
				comment_at = p;
			while (*p && *p != '\n')
				p++;
		} else if (c == '\\') {
			if (p[1] != '\n')
				return wfo_fail(err, WFO_INPUT, "%s:%d: unexpected character after "
						"line continuation character", pf->path, line);
			p += 2;
			line++;
		} else if (c == '\n') {
			if (depth == 0) {
				want_block = colon_end &&
					     only_blanks(colon_end, comment_at ? comment_at : p);
				block_line = lline;
				push_line(pf, first, indent, lline);
				at_bol = 1;
			}
			p++;
			line++;
		} else if (is_name_start(c)) {
			const char *s = p;
			while (is_name_char((unsigned char)*p))
				p++;
			/* string prefix? */
			size_t n = (size_t)(p - s);
			if ((*p == '\'' || *p == '"') && n <= 2) {
				int raw = 0, bytes = 0, fstr = 0, ok = 1;
				for (size_t k = 0; k < n; k++) {
					char l = (char)tolower((unsigned char)s[k]);
					if (l == 'r') raw = 1;
					else if (l == 'b') bytes = 1;
					else if (l == 'f') fstr = 1;
					else if (l != 'u') ok = 0;
				}
				if (ok) {
					char q = *p;
					int triple = p[1] == q && p[2] == q;
					const char *b = p + (triple ? 3 : 1);
					const char *e = b;
					const char stop[] = { '\\', '\n', q, '\0' };
					int sl = line;
					for (;;) {
						e += strcspn(e, stop);
						if (!*e)
							return wfo_fail(err, WFO_INPUT, "%s:%d: string "
									"literal is not terminated",
									pf->path, sl);
						if (*e == '\\' && e[1]) {
							if (e[1] == '\n')
								line++;
							e += 2;
							continue;
						}
						if (*e == '\n') {
							if (!triple)
								return wfo_fail(err, WFO_INPUT, "%s:%d: string "
										"literal is not terminated at the "
										"end of the line", pf->path, sl);
							line++;
						}
						if (*e == q && (!triple || (e[1] == q && e[2] == q)))
							break;
						e++;
					}
					const char *end = e + (triple ? 3 : 1);
					struct tok *t = push_tok(pf, T_STRING, s, (size_t)(end - s), sl);
					t->bytes = bytes;
					t->fstr = fstr;
					t->body = b;
					t->blen = (size_t)(e - b);
					t->raw = raw;
					p = end;
					continue;
				}
			}
			if (!pf->skip && check_name(pf, s, n, line, err) < 0)
				return -1;
			push_tok(pf, T_NAME, s, n, line);
		} else if (c == '\'' || c == '"') {
			/* same as above with no prefix: reuse by faking zero prefix */
			char q = (char)c;
			int triple = p[1] == q && p[2] == q;
			const char *b = p + (triple ? 3 : 1);
			const char *e = b;
			const char stop[] = { '\\', '\n', q, '\0' };
			int sl = line;
			for (;;) {
				e += strcspn(e, stop);
				if (!*e)
					return wfo_fail(err, WFO_INPUT, "%s:%d: string literal is "
							"not terminated", pf->path, sl);
				if (*e == '\\' && e[1]) {
					if (e[1] == '\n')
						line++;
					e += 2;
					continue;
				}
				if (*e == '\n') {
					if (!triple)
						return wfo_fail(err, WFO_INPUT, "%s:%d: string literal is "
								"not terminated at the end of the line",
								pf->path, sl);
					line++;
				}
				if (*e == q && (!triple || (e[1] == q && e[2] == q)))
					break;
				e++;
			}
			const char *end = e + (triple ? 3 : 1);
			struct tok *t = push_tok(pf, T_STRING, p, (size_t)(end - p), sl);
			t->body = b;
			t->blen = (size_t)(e - b);
			p = end;
		} else if (isdigit(c) || (c == '.' && isdigit((unsigned char)p[1]))) {
			const char *s = p;
			while (isalnum((unsigned char)*p) || *p == '.' || *p == '_')
				p++;
			push_tok(pf, T_NUMBER, s, (size_t)(p - s), line);
		} else if (c < 0x20 || c == 0x7f || c == '$' || c == '?' || c == '`' ||
			   (c == '!' && p[1] != '=')) {
			if (c < 0x20 || c == 0x7f)
				return wfo_fail(err, WFO_INPUT, "%s:%d: invalid non-printable "
						"character 0x%02x", pf->path, line, c);
			return wfo_fail(err, WFO_INPUT, "%s:%d: invalid character '%c'", pf->path,
					line, c);
		} else {
			size_t n = 1;
			if (c == '(' || c == '[' || c == '{') {
				if (depth == PY_MAX_NEST)
					return wfo_fail(err, WFO_INPUT, "%s:%d: too many nested "
							"brackets", pf->path, line);
				open[depth] = (char)c;
				open_line[depth++] = line;
			} else if (c == ')' || c == ']' || c == '}') {
				if (depth == 0)
					return wfo_fail(err, WFO_INPUT, "%s:%d: unmatched '%c'",
							pf->path, line, c);
				char o = open[--depth];
				if ((o == '(') != (c == ')') || (o == '[') != (c == ']'))
					return wfo_fail(err, WFO_INPUT, "%s:%d: closing bracket '%c' "
							"does not match the '%c' opened on line %d",
							pf->path, line, c, o, open_line[depth]);
			} else if (c == '-' && p[1] == '>') {
				n = 2;
			} else if (c == ':' && depth == 0) {
				colon_end = p + 1;
			}
			push_tok(pf, T_OP, p, n, line);
			p += n;
		}
	}
	if (depth > 0)
		return wfo_fail(err, WFO_INPUT, "%s:%d: unclosed bracket '%c' at the end of the "
				"file", pf->path, open_line[depth - 1], open[depth - 1]);
	if (!at_bol) {
		want_block = colon_end && only_blanks(colon_end, comment_at ? comment_at : p);
		block_line = lline;
		push_line(pf, first, indent, lline);
	}
	if (want_block)
		return wfo_fail(err, WFO_INPUT, "%s:%d: expected an indented block after line %d "
				"(the file ends)", pf->path, line, block_line);
	return 0;
tabs:
	return wfo_fail(err, WFO_INPUT, "%s:%d: inconsistent use of tabs and spaces in "
			"indentation", pf->path, line);
}

/* ---- token helpers ---- */

static int is_op(const struct tok *t, const char *op)
{
	return t->kind == T_OP && t->n == strlen(op) && !memcmp(t->s, op, t->n);
}

static int is_name(const struct tok *t, const char *name)
{
	return t->kind == T_NAME && t->n == strlen(name) && !memcmp(t->s, name, t->n);
}

/* A cursor over a token range. */
struct cur {
	struct tok *t;
	size_t i, n;
};

static struct tok *peek(struct cur *c, size_t k)
{
	static struct tok eof = { .kind = T_EOF };
	return c->i + k < c->n ? &c->t[c->i + k] : &eof;
}

static int accept_op(struct cur *c, const char *op)
{
	if (is_op(peek(c, 0), op)) {
		c->i++;
		return 1;
	}
	return 0;
}

static int accept_name(struct cur *c, const char *name)
{
	if (is_name(peek(c, 0), name)) {
		c->i++;
		return 1;
	}
	return 0;
}

/* The end of a call's argument list: an optional trailing ',' and ')'.
 * Python allows f(a,) as well as f(a). */
static int accept_call_end(struct cur *c)
{
	size_t save = c->i;
	accept_op(c, ",");
	if (accept_op(c, ")"))
		return 1;
	c->i = save;
	return 0;
}

/* Accepts a dotted name sequence given as "a.b.c". */
static int accept_dotted(struct cur *c, const char *dotted)
{
	size_t save = c->i;
	const char *p = dotted;
	for (;;) {
		const char *dot = strchr(p, '.');
		size_t n = dot ? (size_t)(dot - p) : strlen(p);
		struct tok *t = peek(c, 0);
		if (t->kind != T_NAME || t->n != n || memcmp(t->s, p, n)) {
			c->i = save;
			return 0;
		}
		c->i++;
		if (!dot)
			return 1;
		if (!accept_op(c, ".")) {
			c->i = save;
			return 0;
		}
		p = dot + 1;
	}
}

/* One or more adjacent string literals (implicit concatenation). Returns 1
 * and the value, 0 when not a string here, -1 when a literal cannot be used
 * (bytes, f-string, undecodable; *why set). */
static int accept_strings(struct cur *c, struct strbuf *out, char **why)
{
	if (peek(c, 0)->kind != T_STRING)
		return 0;
	while (peek(c, 0)->kind == T_STRING) {
		struct tok *t = peek(c, 0);
		tok_decode(t);
		if (t->fstr || t->bytes || !t->val) {
			free(*why);
			*why = xasprintf("line %d: %s", t->line, t->fstr ? "an f-string"
					 : t->bytes ? "a bytes literal" : t->bad);
			return -1;
		}
		sb_addn(out, t->val, t->vlen);
		c->i++;
	}
	if (!out->buf)
		sb_add(out, "");
	return 1;
}

/* ---- statement-level syntax ---- */

static int is_keyword(const struct tok *t)
{
	static const char *const kw[] = {
		"and", "as", "assert", "async", "await", "break", "class", "continue", "def",
		"del", "elif", "else", "except", "finally", "for", "from", "global", "if",
		"import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise",
		"return", "try", "while", "with", "yield",
	};
	if (t->kind != T_NAME)
		return 0;
	for (size_t i = 0; i < sizeof kw / sizeof *kw; i++)
		if (is_name(t, kw[i]))
			return 1;
	return 0;
}

/* A name, number or string: an operand that can neither follow nor be
 * followed by another operand without an operator between them. */
static int is_operand(const struct tok *t)
{
	return t->kind == T_NUMBER || t->kind == T_STRING ||
	       (t->kind == T_NAME && !is_keyword(t));
}

static int is_soft_keyword(const struct tok *t)
{
	return is_name(t, "match") || is_name(t, "case") || is_name(t, "type");
}

/* Which statements a clause line (else, elif, except, finally) may continue:
 * the first token of the nearest earlier line at the same indentation.
 * Returns NULL when it may, or what it needs. */
static const char *clause_needs(const struct tok *clause, const struct tok *before)
{
	static const struct { const char *clause, *after[7], *needs; } rules[] = {
		{ "else", { "if", "elif", "for", "while", "try", "except", "async" },
		  "an 'if', 'for', 'while' or 'try' before it" },
		{ "elif", { "if", "elif" }, "an 'if' before it" },
		{ "except", { "try", "except" }, "a 'try' before it" },
		{ "finally", { "try", "except", "else" }, "a 'try' before it" },
	};
	for (size_t i = 0; i < sizeof rules / sizeof *rules; i++) {
		if (!is_name(clause, rules[i].clause))
			continue;
		for (size_t k = 0; before && k < 7 && rules[i].after[k]; k++)
			if (is_name(before, rules[i].after[k]))
				return NULL;
		return rules[i].needs;
	}
	return NULL;
}

/* The nearest earlier logical line at the indentation of line li (lines
 * nested deeper are skipped; a shallower one ends the search): its first
 * token, or NULL. */
static const struct tok *sibling_before(const struct pyfile *pf, size_t li)
{
	for (size_t k = li; k-- > 0;) {
		if (pf->l[k].indent < pf->l[li].indent)
			return NULL;
		if (pf->l[k].indent == pf->l[li].indent)
			return pf->t + pf->l[k].first;
	}
	return NULL;
}

/* Statement shapes a look at one line's first tokens can refuse: an import
 * without a module, an assignment to a literal, a clause (else, elif,
 * except, finally) that continues no statement. */
static int check_statement(const struct pyfile *pf, size_t li, struct wfo_error *err)
{
	const struct lline *l = &pf->l[li];
	const struct tok *t = pf->t + l->first;
	size_t n = l->count;
	if ((is_name(t, "import") || is_name(t, "from")) &&
	    (n == 1 || !(t[1].kind == T_NAME || is_op(&t[1], ".")) || is_keyword(&t[1])))
		return wfo_fail(err, WFO_INPUT, "%s:%d: invalid syntax: '%.*s' without a module name "
				"(Python could not import this file)", pf->path, t->line, (int)t->n, t->s);
	if ((t->kind == T_NUMBER || t->kind == T_STRING) && n >= 2 && is_op(&t[1], "="))
		return wfo_fail(err, WFO_INPUT, "%s:%d: invalid syntax: cannot assign to a literal "
				"(Python could not import this file)", pf->path, t->line);
	const char *needs = clause_needs(t, sibling_before(pf, li));
	if (needs)
		return wfo_fail(err, WFO_INPUT, "%s:%d: invalid syntax: '%.*s' without %s "
				"(Python could not import this file)", pf->path, t->line, (int)t->n,
				t->s, needs);
	return 0;
}

/* What Python's parser refuses and a cheap look at the tokens of a logical
 * line can see: two operands in a row ("this is not python" has three),
 * a line that ends in an operator, one that starts with one, and the
 * statement shapes of check_statement. Lines not kept (bodies under
 * REV_PARSE_HEADERS) are not looked at. */
static int check_lines(struct pyfile *pf, struct wfo_error *err)
{
	for (size_t li = 0; li < pf->nl; li++) {
		struct lline *l = &pf->l[li];
		struct tok *t = pf->t + l->first;
		size_t n = l->count;
		if (check_statement(pf, li, err) < 0)
			return -1;
		for (size_t k = 0; k + 1 < n; k++) {
			const struct tok *a = &t[k], *b = &t[k + 1];
			int a_end = is_operand(a) || is_name(a, "True") || is_name(a, "False") ||
				    is_name(a, "None") || is_op(a, ")") || is_op(a, "]") ||
				    is_op(a, "}");
			if (!a_end || !is_operand(b) || (a->kind == T_STRING && b->kind == T_STRING))
				continue;
			if (k == 0 && is_soft_keyword(a))
				continue;
			return wfo_fail(err, WFO_INPUT, "%s:%d: invalid syntax: '%.*s' cannot follow "
					"'%.*s' (Python could not import this file)", pf->path,
					b->line, (int)(b->n > 40 ? 40 : b->n), b->s,
					(int)(a->n > 40 ? 40 : a->n), a->s);
		}
		if (l->indent == 0 && (is_name(t, "return") || is_name(t, "yield") ||
				       is_name(t, "break") || is_name(t, "continue") ||
				       is_name(t, "nonlocal")))
			return wfo_fail(err, WFO_INPUT, "%s:%d: invalid syntax: '%.*s' outside a "
					"function or loop", pf->path, t->line, (int)t->n, t->s);
		const struct tok *last = &t[n - 1];
		if (last->kind == T_OP && last->n == 1 && strchr("=+-/%&|^<>~.@*", last->s[0]) &&
		    !(last->s[0] == '*' && is_name(&t[0], "from")) &&
		    !(last->s[0] == '.' && n >= 3 && is_op(&t[n - 2], ".") && is_op(&t[n - 3], ".")))
			return wfo_fail(err, WFO_INPUT, "%s:%d: invalid syntax: the line ends with "
					"'%c'", pf->path, last->line, last->s[0]);
		if (t->kind == T_OP && t->n == 1 && strchr("=/%&|^<>,;!", t->s[0]))
			return wfo_fail(err, WFO_INPUT, "%s:%d: invalid syntax: the line starts with "
					"'%c'", pf->path, t->line, t->s[0]);
	}
	return 0;
}

/* ---- module-level values ---- */

/* value := None | strings | '(' [elem {',' elem} [',']] ')' | '[' ... ']'
 *        | elem ',' elem ... (bare tuple) */
static int parse_value(struct pyfile *pf, struct cur *c, const char *key, int line,
		       struct strvec *out, int *is_none, struct wfo_error *err)
{
	*is_none = 0;
	sv_free(out);
	char *why = NULL;
	if (accept_name(c, "None") && c->i == c->n) {
		*is_none = 1;
		return 0;
	}
	c->i = 0;
	const char *close = NULL;
	if (accept_op(c, "("))
		close = ")";
	else if (accept_op(c, "["))
		close = "]";
	int tuple = close && *close == ']';
	for (;;) {
		if (close && accept_op(c, close))
			break;
		if (!close && c->i == c->n)
			break;
		struct strbuf sb = STRBUF_INIT;
		int r = accept_strings(c, &sb, &why);
		if (r <= 0) {
			sb_free(&sb);
			free(why);
			sv_free(out);
			return wfo_fail(err, WFO_INPUT, "%s:%d: %s must be None, a string or a "
					"tuple/list of strings", pf->path, line, key);
		}
		sv_push_owned(out, sb_detach(&sb));
		if (accept_op(c, ","))
			tuple = 1;
		else if (close && !is_op(peek(c, 0), close))
			goto bad;
		else if (!close && c->i != c->n)
			goto bad;
	}
	if (c->i != c->n)
		goto bad;
	(void)tuple;
	return 0;
bad:
	sv_free(out);
	return wfo_fail(err, WFO_INPUT, "%s:%d: %s must be None, a string or a "
			"tuple/list of strings", pf->path, line, key);
}

/* ---- bodies ---- */

struct bodyctx {
	struct pyfile *pf;
	struct rev_body *body;
	struct strvec conns;    /* names bound to op.get_bind() */
	struct strvec pvars;    /* "name=path" for Path(__file__...) */
	struct strvec fvars;    /* "name=sql" for open(...) as name */
	char *why;
};

static void add_stmt(struct rev_body *b, char *sql, int line)
{
	b->v = xrealloc(b->v, (b->n + 1) * sizeof(*b->v));
	b->v[b->n].sql = sql;
	b->v[b->n].line = line;
	b->n++;
}

static const char *var_get(const struct strvec *sv, const char *name, size_t nlen)
{
	for (size_t i = sv->n; i-- > 0;)
		if (!strncmp(sv->v[i], name, nlen) && sv->v[i][nlen] == '=')
			return sv->v[i] + nlen + 1;
	return NULL;
}

static int name_in(const struct strvec *sv, const struct tok *t)
{
	return t->kind == T_NAME && var_get(sv, t->s, t->n) != NULL;
}

static void var_set(struct strvec *sv, const struct tok *name, const char *val)
{
	sv_push_owned(sv, xasprintf("%.*s=%s", (int)name->n, name->s, val));
}

/* A string handed to the driver as it is (exec_driver_sql, or a plain
 * string given to conn.execute): SQLAlchemy passes it with an empty
 * parameter tuple, so psycopg2 applies its pyformat rules: "%%" becomes
 * "%", and any other '%' fails when Alembic runs it. NULL (and *why) for
 * text Alembic would not run. */
static char *driver_unescape(const char *s, int line, char **why)
{
	if (!strchr(s, '%'))
		return xstrdup(s);
	struct strbuf sb = STRBUF_INIT;
	sb_add(&sb, "");
	for (const char *p = s; *p; p++) {
		if (*p == '%') {
			if (p[1] != '%') {
				free(*why);
				*why = xasprintf("line %d: a single '%%' in SQL given to the driver "
						 "as it is (the driver takes it for a parameter; write "
						 "'%%%%')", line);
				sb_free(&sb);
				return NULL;
			}
			p++;
		}
		sb_addc(&sb, *p);
	}
	return sb_detach(&sb);
}

/* SQLAlchemy's text(): "\:" becomes ":" (BIND_PARAMS_ESC). */
static char *text_unescape(const char *s)
{
	if (!strstr(s, "\\:"))
		return xstrdup(s);
	struct strbuf sb = STRBUF_INIT;
	sb_add(&sb, "");
	for (const char *p = s; *p; p++) {
		if (p[0] == '\\' && p[1] == ':') {
			const char *q = p + 2;
			while (is_name_char((unsigned char)*q) || *q == '$')
				q++;
			if (*q != ':') {
				continue;  /* drop the backslash */
			}
		}
		sb_addc(&sb, *p);
	}
	return sb_detach(&sb);
}

static char *dirname_of(const char *path)
{
	const char *slash = strrchr(path, '/');
	if (!slash)
		return xstrdup(".");
	if (slash == path)
		return xstrdup("/");
	return xstrndup(path, (size_t)(slash - path));
}

/* Python's str.replace (all occurrences). */
static char *str_replace_all(const char *s, const char *from, const char *to)
{
	struct strbuf sb = STRBUF_INIT;
	size_t fl = strlen(from);
	sb_add(&sb, "");
	if (!fl) {
		sb_add(&sb, s);
		return sb_detach(&sb);
	}
	for (const char *p = s; *p;) {
		if (!strncmp(p, from, fl)) {
			sb_add(&sb, to);
			p += fl;
		} else {
			sb_addc(&sb, *p++);
		}
	}
	return sb_detach(&sb);
}

/* pathlib's with_suffix on the last component. */
static char *with_suffix(const char *path, const char *suffix)
{
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	const char *dot = strrchr(base, '.');
	size_t keep = dot && dot != base ? (size_t)(dot - path) : strlen(path);
	return xasprintf("%.*s%s", (int)keep, path, suffix);
}

static int accept_one_string(struct cur *c, char **out)
{
	struct strbuf sb = STRBUF_INIT;
	char *why = NULL;
	int r = accept_strings(c, &sb, &why);
	free(why);
	if (r <= 0) {
		sb_free(&sb);
		return 0;
	}
	*out = sb_detach(&sb);
	return 1;
}

/* Path(__file__) [ .replace(...) inside ] ; returns the path or NULL. */
static char *accept_path_file(struct bodyctx *bc, struct cur *c)
{
	size_t save = c->i;
	if (!(accept_dotted(c, "Path") || accept_dotted(c, "pathlib.Path")) || !accept_op(c, "("))
		goto no;
	if (!accept_name(c, "__file__"))
		goto no;
	char *p = xstrdup(bc->pf->path);
	if (accept_op(c, ".")) {
		char *from = NULL, *to = NULL;
		if (!accept_name(c, "replace") || !accept_op(c, "(") ||
		    !accept_one_string(c, &from) || !accept_op(c, ",") ||
		    !accept_one_string(c, &to) || !accept_call_end(c)) {
			free(from);
			free(to);
			free(p);
			goto no;
		}
		char *np = str_replace_all(p, from, to);
		free(p);
		free(from);
		free(to);
		p = np;
	}
	if (!accept_call_end(c)) {
		free(p);
		goto no;
	}
	return p;
no:
	c->i = save;
	return NULL;
}

/* A path expression for open(): PATHVAR, PATHVAR.with_suffix(S),
 * Path(__file__)[.with_suffix(S)], Path(__file__).parent / S,
 * os.path.join(os.path.dirname(__file__), S). */
static char *accept_path_expr(struct bodyctx *bc, struct cur *c)
{
	size_t save = c->i;
	char *p = NULL;
	if (accept_dotted(c, "os.path.join")) {
		char *name = NULL;
		if (accept_op(c, "(") && accept_dotted(c, "os.path.dirname") && accept_op(c, "(") &&
		    accept_name(c, "__file__") && accept_call_end(c) && accept_op(c, ",") &&
		    accept_one_string(c, &name) && accept_call_end(c)) {
			char *d = dirname_of(bc->pf->path);
			p = name[0] == '/' ? xstrdup(name) : xasprintf("%s/%s", d, name);
			free(d);
			free(name);
			return p;
		}
		free(name);
		c->i = save;
		return NULL;
	}
	if ((p = accept_path_file(bc, c)) == NULL) {
		struct tok *t = peek(c, 0);
		if (name_in(&bc->pvars, t)) {
			p = xstrdup(var_get(&bc->pvars, t->s, t->n));
			c->i++;
		} else {
			return NULL;
		}
	}
	if (accept_op(c, ".")) {
		/* every path out of here frees suf exactly once */
		char *suf = NULL;
		if (accept_name(c, "with_suffix")) {
			if (accept_op(c, "(") && accept_one_string(c, &suf) && accept_call_end(c)) {
				char *np = with_suffix(p, suf);
				free(p);
				free(suf);
				return np;
			}
		} else if (accept_name(c, "parent") && accept_op(c, "/") &&
			   accept_one_string(c, &suf)) {
			char *d = dirname_of(p);
			char *np = suf[0] == '/' ? xstrdup(suf) : xasprintf("%s/%s", d, suf);
			free(d);
			free(p);
			free(suf);
			return np;
		}
		free(suf);
		free(p);
		c->i = save;
		return NULL;
	}
	return p;
}

/* The SQL argument of an execute call. Returns 1 (sql set), 0 (not a form we
 * know), -1 (a literal we cannot use; bc->why set). */
static int accept_sql_arg(struct bodyctx *bc, struct cur *c, int wrap_text, int driver,
			  char **sql)
{
	struct strbuf sb = STRBUF_INIT;
	size_t save = c->i;
	int is_text = accept_dotted(c, "sa.text") || accept_dotted(c, "sqlalchemy.text") ||
		      accept_dotted(c, "text");
	if (is_text && (driver || !accept_op(c, "("))) {
		/* exec_driver_sql() takes a plain string, not a text() clause */
		c->i = save;
		return 0;
	}
	int r = accept_strings(c, &sb, &bc->why);
	if (r < 0) {
		sb_free(&sb);
		return -1;
	}
	if (r == 0) {
		/* F.read() */
		struct tok *t = peek(c, 0);
		if (!is_text || !name_in(&bc->fvars, t)) {
			c->i = save;
			return 0;
		}
		sb_add(&sb, var_get(&bc->fvars, t->s, t->n));
		c->i++;
		if (!accept_op(c, ".") || !accept_name(c, "read") || !accept_op(c, "(") ||
		    !accept_op(c, ")")) {
			sb_free(&sb);
			c->i = save;
			return 0;
		}
	}
	if (is_text) {
		if (!accept_call_end(c)) {
			sb_free(&sb);
			c->i = save;
			return 0;
		}
	}
	char *s = sb_detach(&sb);
	if (is_text || wrap_text) {
		*sql = text_unescape(s);
		free(s);
	} else {
		*sql = driver_unescape(s, c->t[save].line, &bc->why);
		free(s);
		if (!*sql)
			return -1;
	}
	return 1;
}

static int body_lines(struct bodyctx *bc, size_t from, size_t to);

/* One simple statement in [c->i, c->n). Returns 1 understood, 0 not. */
static int body_stmt(struct bodyctx *bc, struct cur *c, size_t lidx, size_t *next)
{
	struct tok *t0 = peek(c, 0);
	*next = lidx + 1;
	if (accept_name(c, "pass"))
		return c->i == c->n;
	if (t0->kind == T_STRING) {
		struct strbuf sb = STRBUF_INIT;
		char *why = NULL;
		int r = accept_strings(c, &sb, &why);
		sb_free(&sb);
		free(why);
		return r != 0 && c->i == c->n;   /* a docstring or no-op string */
	}
	/* NAME = op.get_bind() | NAME = Path(__file__...) */
	if (t0->kind == T_NAME && is_op(peek(c, 1), "=")) {
		c->i += 2;
		size_t save = c->i;
		if (accept_dotted(c, "op.get_bind") && accept_op(c, "(") && accept_op(c, ")") &&
		    c->i == c->n) {
			var_set(&bc->conns, t0, "");
			return 1;
		}
		c->i = save;
		char *p = accept_path_file(bc, c);
		if (p && c->i == c->n) {
			var_set(&bc->pvars, t0, p);
			free(p);
			return 1;
		}
		free(p);
		return 0;
	}
	/* with open(PATH[, "r"]) as NAME: */
	if (accept_name(c, "with")) {
		if (!accept_name(c, "open") || !accept_op(c, "("))
			return 0;
		char *path = accept_path_expr(bc, c);
		if (!path)
			return 0;
		if (accept_op(c, ",")) {
			char *mode = NULL;
			if (accept_one_string(c, &mode) && strcmp(mode, "r") && strcmp(mode, "rt")) {
				free(mode);
				free(path);
				return 0;
			}
			free(mode);
			accept_op(c, ",");
		}
		struct tok *fv = NULL;
		if (!accept_op(c, ")") || !accept_name(c, "as") ||
		    (fv = peek(c, 0))->kind != T_NAME) {
			free(path);
			return 0;
		}
		c->i++;
		if (!accept_op(c, ":")) {
			free(path);
			return 0;
		}
		size_t len = 0;
		char *sql = read_file(path, &len);
		if (!sql) {
			free(bc->why);
			bc->why = xasprintf("line %d: reads %s, which cannot be read (%s)",
					    t0->line, path, file_strerror(errno));
			free(path);
			return -1;
		}
		if (strlen(sql) != len) {
			free(bc->why);
			bc->why = xasprintf("line %d: %s contains a NUL byte", t0->line, path);
			free(sql);
			free(path);
			return -1;
		}
		/* Python's text mode: universal newlines */
		char *norm = normalize(sql, len);
		free(sql);
		free(path);
		var_set(&bc->fvars, fv, norm);
		free(norm);
		if (c->i < c->n) {
			/* inline body: with ...: conn.execute(...); a compound
			 * statement cannot follow (no recursion on "with: with:") */
			size_t dummy;
			if (is_name(peek(c, 0), "with"))
				return 0;
			return body_stmt(bc, c, lidx, &dummy);
		}
		/* the indented block */
		struct lline *l = &bc->pf->l[lidx];
		size_t j = lidx + 1;
		while (j < bc->pf->nl && bc->pf->l[j].indent > l->indent)
			j++;
		if (j == lidx + 1)
			return 0;
		*next = j;
		return body_lines(bc, lidx + 1, j) ? 1 : -1;
	}
	/* execute calls */
	size_t save = c->i;
	int wrap_text = 0, ok = 0, driver = 0;
	if (accept_dotted(c, "op.execute")) {
		ok = 1;
		wrap_text = 1;
	} else if (accept_dotted(c, "op.get_bind") && accept_op(c, "(") && accept_op(c, ")") &&
		   accept_op(c, ".")) {
		ok = accept_name(c, "execute") || (driver = accept_name(c, "exec_driver_sql"));
	} else {
		c->i = save;
		if (name_in(&bc->conns, peek(c, 0))) {
			c->i++;
			ok = accept_op(c, ".") &&
			     (accept_name(c, "execute") ||
			      (driver = accept_name(c, "exec_driver_sql")));
		}
	}
	if (!ok || !accept_op(c, "("))
		return 0;
	char *sql = NULL;
	int r = accept_sql_arg(bc, c, wrap_text, driver, &sql);
	if (r <= 0)
		return r;
	if (!accept_call_end(c) || c->i != c->n) {
		free(sql);
		return 0;
	}
	add_stmt(bc->body, sql, t0->line);
	return 1;
}

/* Returns 1 when every statement of lines [from, to) is understood. */
static int body_lines(struct bodyctx *bc, size_t from, size_t to)
{
	for (size_t li = from; li < to;) {
		struct lline *l = &bc->pf->l[li];
		/* split on ';' at depth 0 */
		size_t s = l->first, end = l->first + l->count;
		size_t next = li + 1;
		while (s < end) {
			size_t e = s;
			int depth = 0;
			while (e < end) {
				struct tok *t = &bc->pf->t[e];
				if (is_op(t, "(") || is_op(t, "[") || is_op(t, "{"))
					depth++;
				else if (is_op(t, ")") || is_op(t, "]") || is_op(t, "}"))
					depth--;
				else if (depth == 0 && is_op(t, ";"))
					break;
				e++;
			}
			if (e > s) {
				struct cur c = { bc->pf->t + s, 0, e - s };
				int r = body_stmt(bc, &c, li, &next);
				if (r <= 0) {
					if (r == 0) {
						free(bc->why);
						struct strbuf w = STRBUF_INIT;
						size_t k = s;
						for (; k < e && k < s + 8; k++) {
							struct tok *t = &bc->pf->t[k];
							if (t->kind == T_STRING)
								break;
							if (k > s && t->kind == T_NAME &&
							    bc->pf->t[k - 1].kind == T_NAME)
								sb_addc(&w, ' ');
							sb_addn(&w, t->s, t->n);
							if (is_op(t, "(") || is_op(t, "="))
								break;
						}
						if (k < e)
							sb_add(&w, is_op(&bc->pf->t[k], "(") ? "...)" : " ...");
						bc->why = xasprintf("line %d: %s is not an SQL statement "
								    "wfo-migrate can run (only Alembic can)",
								    bc->pf->t[s].line, sb_str(&w));
						sb_free(&w);
					}
					return 0;
				}
			}
			s = e + 1;
		}
		li = next;
	}
	return 1;
}

static void free_body(struct rev_body *b)
{
	for (size_t i = 0; i < b->n; i++)
		free(b->v[i].sql);
	free(b->v);
	free(b->why_not);
	memset(b, 0, sizeof(*b));
}

/* Analyzes the function whose def is logical line di. */
static void analyze_def(struct pyfile *pf, size_t di, size_t colon, struct rev_body *b)
{
	free_body(b);
	struct lline *d = &pf->l[di];
	b->line = d->line;
	struct bodyctx bc = { .pf = pf, .body = b };
	int ok;
	if (colon + 1 < d->first + d->count) {
		/* def upgrade(): pass */
		struct cur c = { pf->t + colon + 1, 0, d->first + d->count - colon - 1 };
		size_t next;
		ok = body_stmt(&bc, &c, di, &next) > 0;
		if (!ok && !bc.why)
			bc.why = xasprintf("line %d: the body is not SQL-only", d->line);
	} else {
		size_t j = di + 1;
		while (j < pf->nl && pf->l[j].indent > d->indent)
			j++;
		ok = j > di + 1 && body_lines(&bc, di + 1, j);
		if (!ok && !bc.why)
			bc.why = xasprintf("line %d: the function has no body", d->line);
	}
	if (ok) {
		b->sql_only = 1;
		free(bc.why);
	} else {
		b->sql_only = 0;
		b->why_not = bc.why;
	}
	sv_free(&bc.conns);
	sv_free(&bc.pvars);
	sv_free(&bc.fvars);
}

/* ---- module-level statements ---- */

/* Names the SQL-only reading of upgrade() and downgrade() relies on: if
 * the module binds them to anything else, its functions may do something
 * other than what they seem to. */
static int relied_on(const struct tok *t)
{
	static const char *const names[] = {
		"op", "sa", "sqlalchemy", "text", "Path", "pathlib", "os", "open",
		"upgrade", "downgrade", "__file__",
	};
	for (size_t i = 0; i < sizeof names / sizeof *names; i++)
		if (is_name(t, names[i]))
			return 1;
	return 0;
}

/* Whether binding name b by importing name from module m (dotted text;
 * name NULL for "import m [as b]") leaves it what the bodies expect. */
static int import_ok(const struct tok *b, const char *m, const char *name)
{
	if (!relied_on(b))
		return 1;
	if (!name) {
		if (is_name(b, "sa") || is_name(b, "sqlalchemy"))
			return !strcmp(m, "sqlalchemy");
		if (is_name(b, "os"))
			return !strcmp(m, "os") || !strcmp(m, "os.path");
		if (is_name(b, "pathlib"))
			return !strcmp(m, "pathlib");
		return 0;
	}
	if (is_name(b, "op"))
		return !strcmp(name, "op") && !strcmp(m, "alembic");
	if (is_name(b, "text"))
		return !strcmp(name, "text") && (!strcmp(m, "sqlalchemy") ||
						  !strcmp(m, "sqlalchemy.sql") ||
						  !strcmp(m, "sqlalchemy.sql.expression"));
	if (is_name(b, "Path"))
		return !strcmp(name, "Path") && !strcmp(m, "pathlib");
	return 0;
}

/* A dotted name at c: appended to sb; 1 if there was one. */
static int accept_module(struct cur *c, struct strbuf *sb)
{
	struct tok *t = peek(c, 0);
	if (t->kind != T_NAME || is_keyword(t))
		return 0;
	sb_addn(sb, t->s, t->n);
	c->i++;
	while (is_op(peek(c, 0), ".") && peek(c, 1)->kind == T_NAME) {
		sb_addc(sb, '.');
		sb_addn(sb, peek(c, 1)->s, peek(c, 1)->n);
		c->i += 2;
	}
	return 1;
}

/* import a.b [as c], ... | from m import (x [as y], ...) | from m import *.
 * 1: imports nothing the bodies rely on (or only from where they expect
 * it); 0: anything else. */
static int harmless_import(struct cur *c)
{
	struct strbuf m = STRBUF_INIT;
	int ok = 0;
	if (accept_name(c, "import")) {
		do {
			sb_reset(&m);
			struct tok *first = peek(c, 0);
			if (!accept_module(c, &m))
				goto out;
			struct tok *b = first;
			if (accept_name(c, "as")) {
				b = peek(c, 0);
				if (b->kind != T_NAME)
					goto out;
				c->i++;
			}
			if (!import_ok(b, sb_str(&m), NULL))
				goto out;
		} while (accept_op(c, ","));
		ok = c->i == c->n;
		goto out;
	}
	if (!accept_name(c, "from") || !accept_module(c, &m) || !accept_name(c, "import"))
		goto out;   /* relative imports ("from . import x") are not ours to judge */
	if (accept_op(c, "*")) {
		static const char *const star_ok[] = { "__future__", "typing", "alembic",
						       "sqlalchemy", "pathlib" };
		for (size_t i = 0; i < sizeof star_ok / sizeof *star_ok; i++)
			if (!strcmp(sb_str(&m), star_ok[i]))
				ok = c->i == c->n;
		goto out;
	}
	int paren = accept_op(c, "(");
	for (;;) {
		struct tok *name = peek(c, 0);
		if (name->kind != T_NAME)
			goto out;
		c->i++;
		struct tok *b = name;
		if (accept_name(c, "as")) {
			b = peek(c, 0);
			if (b->kind != T_NAME)
				goto out;
			c->i++;
		}
		char *nm = xstrndup(name->s, name->n);
		int good = import_ok(b, sb_str(&m), nm);
		free(nm);
		if (!good)
			goto out;
		if (!accept_op(c, ","))
			break;
		if (paren && is_op(peek(c, 0), ")"))
			break;
	}
	if (paren && !accept_op(c, ")"))
		goto out;
	ok = c->i == c->n;
out:
	sb_free(&m);
	return ok;
}

/* A constant: strings (not f-strings), numbers, None/True/False, and
 * brackets, commas, colons and signs around them. */
static int constant_tokens(struct cur *c)
{
	if (c->i >= c->n)
		return 0;
	for (; c->i < c->n; c->i++) {
		struct tok *t = peek(c, 0);
		if ((t->kind == T_STRING && !t->fstr) || t->kind == T_NUMBER ||
		    is_name(t, "None") || is_name(t, "True") || is_name(t, "False"))
			continue;
		if (t->kind == T_OP && t->n == 1 && strchr("()[]{},:-+", t->s[0]))
			continue;
		return 0;
	}
	return 1;
}

/* NULL when the module-level logical line l does nothing Python would run
 * beyond binding names the bodies do not rely on (imports, constants,
 * strings, plain function definitions), else a reason ("line 12: ...")
 * for handing the file to Alembic. The four revision variables are read
 * elsewhere. */
static char *module_code(struct pyfile *pf, const struct lline *l)
{
	struct tok *t = pf->t + l->first;
	struct cur c = { t, 0, l->count };
	const char *what = NULL;
	if (t->kind == T_STRING) {
		size_t k = 0;
		while (k < l->count && t[k].kind == T_STRING && !t[k].fstr)
			k++;
		if (k == l->count)
			return NULL;
		what = "an expression";
	} else if (is_name(t, "pass") && l->count == 1) {
		return NULL;
	} else if (is_name(t, "import") || is_name(t, "from")) {
		if (harmless_import(&c))
			return NULL;
		what = "an import that binds a name upgrade() or downgrade() relies on, or that "
		       "is not plain";
	} else if (is_name(t, "def") && l->count >= 3 && t[1].kind == T_NAME) {
		if (relied_on(&t[1]) && !is_name(&t[1], "upgrade") && !is_name(&t[1], "downgrade"))
			what = "a function that replaces a name upgrade() or downgrade() relies on";
		/* default values and annotations are evaluated when the def runs:
		 * a call there (up to the ':' that ends the header) is code */
		int depth = 0;
		for (size_t k = 2; !what && k < l->count; k++) {
			if (depth == 0 && is_op(&t[k], ":"))
				break;
			if (is_op(&t[k], "(") || is_op(&t[k], "[") || is_op(&t[k], "{")) {
				if (k > 2 && is_op(&t[k], "(") &&
				    (t[k - 1].kind == T_NAME || is_op(&t[k - 1], ")") ||
				     is_op(&t[k - 1], "]")))
					what = "a function whose signature runs code";
				depth++;
			} else if (is_op(&t[k], ")") || is_op(&t[k], "]") || is_op(&t[k], "}")) {
				depth--;
			}
		}
		if (!what)
			return NULL;
	} else if (t->kind == T_NAME && !is_keyword(t) && l->count >= 2 &&
		   (is_op(&t[1], "=") || is_op(&t[1], ":"))) {
		/* NAME [: annotation] = constant */
		size_t k = 1;
		if (is_op(&t[1], ":"))
			for (k = 2; k < l->count && !is_op(&t[k], "="); k++)
				if (is_op(&t[k], "("))
					break;
		if (relied_on(t)) {
			what = "an assignment to a name upgrade() or downgrade() relies on";
		} else if (k == l->count) {
			return NULL;   /* an annotation without a value */
		} else if (is_op(&t[k], "=")) {
			struct cur v = { t + k + 1, 0, l->count - k - 1 };
			if (!is_op(peek(&v, 0), "=") && constant_tokens(&v))
				return NULL;
		}
		if (!what)
			what = "an assignment of something other than a constant";
	}
	if (!what)
		what = "a statement";
	struct strbuf w = STRBUF_INIT;
	for (size_t k = 0; k < l->count && k < 6; k++) {
		if (k && (t[k].kind != T_OP || is_op(&t[k], "=")) &&
		    (t[k - 1].kind != T_OP || is_op(&t[k - 1], "=") || is_op(&t[k - 1], ",")))
			sb_addc(&w, ' ');
		if (t[k].kind == T_STRING)
			sb_add(&w, "\"...\"");
		else
			sb_addn(&w, t[k].s, t[k].n > 40 ? 40 : t[k].n);
	}
	if (l->count > 6)
		sb_add(&w, " ...");
	char *why = xasprintf("line %d: the module runs %s (%s), which only Alembic can run",
			      l->line, what, sb_str(&w));
	sb_free(&w);
	return why;
}

void rev_free(struct revision *r)
{
	if (!r)
		return;
	free(r->id);
	sv_free(&r->down);
	sv_free(&r->labels);
	sv_free(&r->depends);
	free(r->doc);
	free(r->docstring);
	free(r->path);
	free_body(&r->upgrade);
	free_body(&r->downgrade);
	free(r);
}

static int is_py_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' ||
	       (c >= 0x1c && c <= 0x1f);
}

static void set_doc(struct revision *r, const char *s, size_t n)
{
	free(r->docstring);
	free(r->doc);
	r->docstring = xstrndup(s, n);
	/* longdoc = __doc__.strip(); doc = first "\n\n" paragraph of it */
	while (n && is_py_space(*s))
		s++, n--;
	while (n && is_py_space(s[n - 1]))
		n--;
	const char *pp = NULL;
	for (size_t i = 0; i + 1 < n; i++)
		if (s[i] == '\n' && s[i + 1] == '\n') {
			pp = s + i;
			break;
		}
	r->doc = xstrndup(s, pp ? (size_t)(pp - s) : n);
}

/* The body of a def when the bodies are not analysed (REV_PARSE_HEADERS). */
static void skip_def(struct pyfile *pf, size_t di, struct rev_body *b)
{
	free_body(b);
	b->line = pf->l[di].line;
	b->sql_only = 0;
	b->why_not = xstrdup("not read (the file was loaded for heads, history or current "
			     "only)");
}

/* One field's ids: see revid_invalid. The id is hostile text printed on a
 * terminal: its unprintable bytes are shown as \xHH. */
static int check_id_list(const char *path, int line, const char *key, const struct strvec *v,
			 struct wfo_error *err)
{
	for (size_t i = 0; i < v->n; i++) {
		long bad = revid_invalid(v->v[i]);
		if (bad < 0)
			continue;
		struct strbuf shown = STRBUF_INIT, why = STRBUF_INIT;
		sb_add(&shown, "");
		for (const unsigned char *p = (const unsigned char *)v->v[i]; *p; p++) {
			if (shown.len >= 60) {
				sb_add(&shown, "...");
				break;
			}
			if (*p < 0x20 || *p >= 0x7f || *p == '\\')
				sb_addf(&shown, "\\x%02x", *p);
			else
				sb_addc(&shown, (char)*p);
		}
		size_t n = strlen(v->v[i]);
		unsigned char c = (unsigned char)v->v[i][bad];
		if (!n)
			sb_add(&why, "is empty");
		else if (n > REVID_MAX)
			sb_addf(&why, "is longer than %d characters", REVID_MAX);
		else if (c > 0x20 && c < 0x7f)
			sb_addf(&why, "has '%c' at character %ld", c, bad + 1);
		else
			sb_addf(&why, "has byte 0x%02x at character %ld", c, bad + 1);
		wfo_fail(err, WFO_INPUT, "%s:%d: %s '%s' %s; revision ids and branch labels may "
			 "only hold ASCII letters, digits and '_'", path, line, key, shown.buf,
			 why.buf);
		sb_free(&shown);
		sb_free(&why);
		return -1;
	}
	return 0;
}

static int check_ids(const struct revision *r, struct wfo_error *err)
{
	struct strvec id = { .v = (char **)&r->id, .n = 1 };
	return check_id_list(r->path, r->id_line, "revision", &id, err) < 0 ||
	       check_id_list(r->path, r->down_line, "down_revision", &r->down, err) < 0 ||
	       check_id_list(r->path, r->labels_line, "branch_labels", &r->labels, err) < 0 ||
	       check_id_list(r->path, r->depends_line, "depends_on", &r->depends, err) < 0
	       ? -1 : 0;
}

int rev_parse_buffer(const char *path, const char *text, size_t len,
		     struct revision **out, struct wfo_error *err)
{
	return rev_parse_buffer_flags(path, text, len, 0, out, err);
}

int rev_parse_buffer_flags(const char *path, const char *text, size_t len, int flags,
			   struct revision **out, struct wfo_error *err)
{
	struct pyfile pf = { .path = path };
	if (memchr(text, '\0', len))
		return wfo_fail(err, WFO_INPUT, "%s: contains a NUL byte; not a Python "
				"source file", path);
	char *utf8 = NULL;
	size_t ulen = 0;
	if (pysource_to_utf8(path, text, len, &utf8, &ulen, err) < 0)
		return -1;
	pf.text = normalize(utf8, ulen);
	free(utf8);
	pf.skim = (flags & REV_PARSE_HEADERS) != 0;
	if (tokenize(&pf, err) < 0 || check_lines(&pf, err) < 0) {
		pf_free(&pf);
		return -1;
	}
	struct revision *r = xcalloc(1, sizeof(*r));
	r->path = xstrdup(path);
	r->docstring = xstrdup("");
	r->doc = xstrdup("");
	int have_id = 0;
	char *code = NULL;   /* the first module-level statement only Python can run */
	for (size_t li = 0; li < pf.nl; li++) {
		struct lline *l = &pf.l[li];
		if (l->indent > 0)
			continue;
		struct tok *t = pf.t + l->first;
		struct cur c = { t, 0, l->count };
		const char *keys[] = { "revision", "down_revision", "branch_labels", "depends_on" };
		int which = -1;
		for (int k = 0; k < 4; k++)
			if (is_name(t, keys[k]))
				which = k;
		if (which < 0 && !code)
			code = module_code(&pf, l);
		if (li == 0 && t->kind == T_STRING) {
			size_t k = 0;
			while (k < l->count && t[k].kind == T_STRING && !t[k].bytes && !t[k].fstr)
				k++;
			if (k == l->count) {
				struct strbuf sb = STRBUF_INIT;
				char *why = NULL;
				if (accept_strings(&c, &sb, &why) > 0)
					set_doc(r, sb.buf, sb.len);
				free(why);
				sb_free(&sb);
			}
			continue;
		}
		if (is_name(t, "def") && l->count >= 2 && t[1].kind == T_NAME) {
			/* find the ':' ending the signature (depth 0) */
			int depth = 0;
			size_t colon = 0;
			for (size_t k = 2; k < l->count; k++) {
				if (is_op(&t[k], "(") || is_op(&t[k], "["))
					depth++;
				else if (is_op(&t[k], ")") || is_op(&t[k], "]"))
					depth--;
				else if (depth == 0 && is_op(&t[k], ":")) {
					colon = l->first + k;
					break;
				}
			}
			if (!colon) {
				wfo_fail(err, WFO_INPUT, "%s:%d: 'def' without ':'", path, l->line);
				free(code);
				rev_free(r);
				pf_free(&pf);
				return -1;
			}
			if (is_name(&t[1], "upgrade") && (flags & REV_PARSE_HEADERS))
				skip_def(&pf, li, &r->upgrade);
			else if (is_name(&t[1], "upgrade"))
				analyze_def(&pf, li, colon, &r->upgrade);
			else if (is_name(&t[1], "downgrade") && (flags & REV_PARSE_HEADERS))
				skip_def(&pf, li, &r->downgrade);
			else if (is_name(&t[1], "downgrade"))
				analyze_def(&pf, li, colon, &r->downgrade);
			continue;
		}
		if (which < 0)
			continue;
		/* NAME [':' annotation] '=' value */
		size_t k = 1;
		if (k < l->count && is_op(&t[k], ":")) {
			int depth = 0;
			for (k = 2; k < l->count; k++) {
				if (is_op(&t[k], "(") || is_op(&t[k], "["))
					depth++;
				else if (is_op(&t[k], ")") || is_op(&t[k], "]"))
					depth--;
				else if (depth == 0 && is_op(&t[k], "="))
					break;
			}
		}
		if (k >= l->count || !is_op(&t[k], "=") ||
		    (k + 1 < l->count && is_op(&t[k + 1], "="))) {
			/* annotation only, comparison, or augmented */
			if (!code)
				code = module_code(&pf, l);
			continue;
		}
		struct cur v = { t + k + 1, 0, l->count - k - 1 };
		struct strvec val = STRVEC_INIT;
		int none = 0;
		if (v.n == 0 || parse_value(&pf, &v, keys[which], l->line, &val, &none, err) < 0) {
			if (v.n == 0)
				wfo_fail(err, WFO_INPUT, "%s:%d: %s has no value", path, l->line,
					 keys[which]);
			sv_free(&val);
			free(code);
			rev_free(r);
			pf_free(&pf);
			return -1;
		}
		switch (which) {
		case 0:
			if (none || val.n != 1 || !val.v[0][0]) {
				wfo_fail(err, WFO_INPUT, "%s:%d: revision must be a non-empty "
					 "string", path, l->line);
				sv_free(&val);
				free(code);
				rev_free(r);
				pf_free(&pf);
				return -1;
			}
			free(r->id);
			r->id = xstrdup(val.v[0]);
			r->id_line = l->line;
			have_id = 1;
			sv_free(&val);
			break;
		case 1:
			sv_free(&r->down);
			r->down = val;
			r->down_line = l->line;
			break;
		case 2:
			sv_free(&r->labels);
			r->labels = val;
			r->labels_line = l->line;
			break;
		case 3:
			sv_free(&r->depends);
			r->depends = val;
			r->depends_line = l->line;
			break;
		}
	}
	pf_free(&pf);
	if (!have_id) {
		free(code);
		rev_free(r);
		return wfo_fail(err, WFO_INPUT, "%s: no 'revision = \"...\"' assignment; every "
				"revision file must declare its revision id", path);
	}
	if (check_ids(r, err) < 0) {
		free(code);
		rev_free(r);
		return -1;
	}
	if (!r->down_line) {
		/* Alembic reads module.down_revision without a default */
		free(code);
		wfo_fail(err, WFO_INPUT, "%s:%d: no 'down_revision = ...' assignment (None for a "
			 "first revision); Alembic cannot load this file", path, r->id_line);
		rev_free(r);
		return -1;
	}
	for (int b = 0; code && b < 2; b++) {
		struct rev_body *body = b ? &r->downgrade : &r->upgrade;
		if (body->sql_only) {
			int line = body->line;
			free_body(body);
			body->line = line;
		}
		if (!body->why_not) {
			body->sql_only = 0;
			body->why_not = xstrdup(code);
		}
	}
	free(code);
	for (int b = 0; b < 2; b++) {
		struct rev_body *body = b ? &r->downgrade : &r->upgrade;
		if (!body->line) {
			body->sql_only = 0;
			free(body->why_not);   /* module code may have said why already */
			body->why_not = xasprintf("the file defines no %s() function",
						  b ? "downgrade" : "upgrade");
		}
	}
	*out = r;
	return 0;
}

int rev_parse_file(const char *path, struct revision **out, struct wfo_error *err)
{
	return rev_parse_file_flags(path, 0, out, err);
}

int rev_parse_file_flags(const char *path, int flags, struct revision **out,
			 struct wfo_error *err)
{
	size_t len = 0;
	char *text = read_file(path, &len);
	if (!text)
		return wfo_fail(err, WFO_IO, "%s: cannot read: %s", path, file_strerror(errno));
	int rc = rev_parse_buffer_flags(path, text, len, flags, out, err);
	free(text);
	return rc;
}
