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

static int tokenize(struct pyfile *pf, struct wfo_error *err)
{
	const char *p = pf->text;
	int line = 1;
	int depth = 0;
	int at_bol = 1;
	int indent = 0, lline = 1;
	size_t first = 0;
	while (*p) {
		if (at_bol && depth == 0) {
			/* measure indentation; skip blank and comment-only lines */
			int col = 0;
			const char *q = p;
			while (*q == ' ' || *q == '\t' || *q == '\f') {
				col = *q == '\t' ? (col / 8 + 1) * 8 : *q == '\f' ? 0 : col + 1;
				q++;
			}
			if (*q == '\n' || *q == '#' || *q == '\0' ||
			    (*q == '\\' && q[1] == '\n' && 0)) {
				while (*q && *q != '\n')
					q++;
				if (*q == '\n') {
					q++;
					line++;
				}
				p = q;
				continue;
			}
			indent = col;
			lline = line;
			first = pf->nt;
			pf->skip = pf->skim && indent > 0;
			p = q;
			at_bol = 0;
		}
		if (pf->skip) {
			/* a line whose tokens are not kept: only strings, comments,
			 * brackets and line ends matter (any quote opens a string,
			 * with or without a prefix) */
			p += strcspn(p, "\n#\\'\"()[]{}");
			if (!*p)
				break;
		}
		unsigned char c = (unsigned char)*p;
		if (c == ' ' || c == '\t' || c == '\f') {
			p++;
		} else if (c == '#') {
			while (*p && *p != '\n')
				p++;
		} else if (c == '\\' && p[1] == '\n') {
			p += 2;
			line++;
		} else if (c == '\n') {
			p++;
			line++;
			if (depth == 0) {
				push_line(pf, first, indent, lline);
				at_bol = 1;
			}
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
		} else {
			size_t n = 1;
			if (c == '(' || c == '[' || c == '{')
				depth++;
			else if (c == ')' || c == ']' || c == '}') {
				if (depth == 0)
					return wfo_fail(err, WFO_INPUT, "%s:%d: unmatched '%c'",
							pf->path, line, c);
				depth--;
			} else if (c == '-' && p[1] == '>') {
				n = 2;
			}
			push_tok(pf, T_OP, p, n, line);
			p += n;
		}
	}
	if (depth > 0)
		return wfo_fail(err, WFO_INPUT, "%s:%d: unclosed bracket at the end of the file",
				pf->path, line);
	if (!at_bol)
		push_line(pf, first, indent, lline);
	return 0;
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
					    t0->line, path, strerror(errno));
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
			/* inline body: with ...: conn.execute(...) */
			size_t dummy;
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
	pf.text = normalize(text, len);
	pf.skim = (flags & REV_PARSE_HEADERS) != 0;
	if (tokenize(&pf, err) < 0) {
		pf_free(&pf);
		return -1;
	}
	struct revision *r = xcalloc(1, sizeof(*r));
	r->path = xstrdup(path);
	r->docstring = xstrdup("");
	r->doc = xstrdup("");
	int have_id = 0;
	for (size_t li = 0; li < pf.nl; li++) {
		struct lline *l = &pf.l[li];
		if (l->indent > 0)
			continue;
		struct tok *t = pf.t + l->first;
		struct cur c = { t, 0, l->count };
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
		if (t->kind != T_NAME)
			continue;
		const char *keys[] = { "revision", "down_revision", "branch_labels", "depends_on" };
		int which = -1;
		for (int k = 0; k < 4; k++)
			if (is_name(t, keys[k]))
				which = k;
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
		    (k + 1 < l->count && is_op(&t[k + 1], "=")))
			continue;  /* annotation only, comparison, or augmented */
		struct cur v = { t + k + 1, 0, l->count - k - 1 };
		struct strvec val = STRVEC_INIT;
		int none = 0;
		if (v.n == 0 || parse_value(&pf, &v, keys[which], l->line, &val, &none, err) < 0) {
			if (v.n == 0)
				wfo_fail(err, WFO_INPUT, "%s:%d: %s has no value", path, l->line,
					 keys[which]);
			sv_free(&val);
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
		rev_free(r);
		return wfo_fail(err, WFO_INPUT, "%s: no 'revision = \"...\"' assignment; every "
				"revision file must declare its revision id", path);
	}
	for (size_t i = 0; r->id[i]; i++)
		if (strchr("@-+", r->id[i])) {
			wfo_fail(err, WFO_INPUT, "%s:%d: character '%c' is not allowed in revision "
				 "identifier '%s'", path, r->id_line, r->id[i], r->id);
			rev_free(r);
			return -1;
		}
	for (int b = 0; b < 2; b++) {
		struct rev_body *body = b ? &r->downgrade : &r->upgrade;
		if (!body->line) {
			body->sql_only = 0;
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
		return wfo_fail(err, WFO_IO, "%s: cannot read: %s", path, strerror(errno));
	int rc = rev_parse_buffer_flags(path, text, len, flags, out, err);
	free(text);
	return rc;
}
