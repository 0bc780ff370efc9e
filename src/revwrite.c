/* revwrite.c - render a revision file and write it atomically. */
#include "config.h"
#include "revwrite.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "atomicfile.h"
#include "revid.h"

static int ascii_word(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c == '_';
}

/* A byte that may belong to a \w or [\w$] run as Python's re sees it. */
static int maybe_word(unsigned char c)
{
	return ascii_word(c) || c == '$' || c >= 0x80;
}

/* The one function through which text enters a generated Python file:
 * appends s[0..n) as it must appear between the quotes of a literal.
 * PYQ_SINGLE: inside '...'. PYQ_TRIPLE: inside """...""" with more text
 * before the closing quotes; PYQ_TRIPLE_END: right before them. A
 * backslash is doubled, a quote that could end the literal is escaped, CR
 * is \r and the other control characters but TAB and LF (and LF too in
 * '...') are \xHH, so no value can end the literal or the line early. */
enum pyq { PYQ_SINGLE, PYQ_TRIPLE, PYQ_TRIPLE_END };

static void py_escape(struct strbuf *out, const char *s, size_t n, enum pyq q)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == '\\')
			sb_add(out, "\\\\");
		else if (q == PYQ_SINGLE && c == '\'')
			sb_add(out, "\\'");
		else if (q != PYQ_SINGLE && c == '"' &&
			 ((i + 1 < n && s[i + 1] == '"') || (i + 1 == n && q == PYQ_TRIPLE_END)))
			sb_add(out, "\\\"");
		else if (c == '\r')
			sb_add(out, "\\r");
		else if ((c < 0x20 && c != '\t' && (c != '\n' || q == PYQ_SINGLE)) || c == 0x7f)
			sb_addf(out, "\\x%02x", c);
		else
			sb_addc(out, (char)c);
	}
}

/* Text inside the docstring (a """ literal with more text after it). */
static void doc_text(struct strbuf *out, const char *s)
{
	py_escape(out, s, strlen(s), PYQ_TRIPLE);
}

/* Escapes the colons sa.text() would treat specially; see revwrite.h. */
static void escape_colons(struct strbuf *out, const char *s)
{
	size_t n = strlen(s);
	int chain = 0;  /* inside the [\w$]* run after an escaped colon */
	size_t i = 0;
	while (i < n) {
		unsigned char c = (unsigned char)s[i];
		if (c != ':') {
			if (chain && !maybe_word(c))
				chain = 0;
			sb_addc(out, (char)c);
			i++;
			continue;
		}
		size_t j = i;
		while (j < n && s[j] == ':')
			j++;
		unsigned char p = i ? (unsigned char)s[i - 1] : 0;
		unsigned char nx = j < n ? (unsigned char)s[j] : 0;
		int esc = chain || p == '\\' ||
			  (j - i == 1 && nx && maybe_word(nx) && !ascii_word(p));
		for (size_t k = i; k < j; k++)
			sb_add(out, esc ? "\\:" : ":");
		chain = esc;
		i = j;
	}
}

void revwrite_embed_sql(struct strbuf *out, const char *sql)
{
	struct strbuf t = STRBUF_INIT;
	sb_add(&t, "");
	escape_colons(&t, sql);
	py_escape(out, t.buf, t.len, PYQ_TRIPLE_END);
	sb_free(&t);
}

/* Python literal of a plain string, single quotes. */
static void py_str(struct strbuf *out, const char *s)
{
	sb_addc(out, '\'');
	py_escape(out, s, strlen(s), PYQ_SINGLE);
	sb_addc(out, '\'');
}

static void py_tuple(struct strbuf *out, const struct strvec *sv)
{
	sb_addc(out, '(');
	for (size_t i = 0; i < sv->n; i++) {
		if (i)
			sb_add(out, ", ");
		py_str(out, sv->v[i]);
	}
	sb_add(out, sv->n == 1 ? ",)" : ")");
}

/* None, 'x' or a tuple (Alembic's tuple_rev_as_scalar). */
static void py_scalar_or_tuple(struct strbuf *out, const struct strvec *sv)
{
	if (!sv->n)
		sb_add(out, "None");
	else if (sv->n == 1)
		py_str(out, sv->v[0]);
	else
		py_tuple(out, sv);
}

static void body(struct strbuf *out, const char *const *sql, size_t n)
{
	if (!n) {
		sb_add(out, "    pass\n");
		return;
	}
	sb_add(out, "    conn = op.get_bind()\n");
	for (size_t i = 0; i < n; i++) {
		sb_add(out, "    conn.execute(sa.text(\"\"\"\\\n");
		revwrite_embed_sql(out, sql[i]);
		sb_add(out, "\"\"\"))\n");
	}
}

/* Offset of the first invalid UTF-8 byte, or -1. */
static long bad_utf8(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;
	while (p[i]) {
		unsigned char c = p[i];
		size_t k;
		unsigned min;
		unsigned cp;
		if (c < 0x80) {
			i++;
			continue;
		} else if ((c & 0xE0) == 0xC0) {
			k = 1; cp = c & 0x1F; min = 0x80;
		} else if ((c & 0xF0) == 0xE0) {
			k = 2; cp = c & 0x0F; min = 0x800;
		} else if ((c & 0xF8) == 0xF0) {
			k = 3; cp = c & 0x07; min = 0x10000;
		} else {
			return (long)i;
		}
		for (size_t j = 1; j <= k; j++) {
			if ((p[i + j] & 0xC0) != 0x80)
				return (long)i;
			cp = (cp << 6) | (p[i + j] & 0x3F);
		}
		if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
			return (long)i;
		i += k + 1;
	}
	return -1;
}

static int check_list(const char *const *v, size_t n, const char *what, struct wfo_error *err)
{
	for (size_t i = 0; i < n; i++) {
		long off = bad_utf8(v[i]);
		if (off >= 0)
			return wfo_fail(err, WFO_INPUT,
					"%s statement %zu is not valid UTF-8 (byte %ld); "
					"PostgreSQL and Python need UTF-8 text", what, i + 1, off + 1);
	}
	return 0;
}

static int check_ids(const struct strvec *sv, const char *what, struct wfo_error *err)
{
	for (size_t i = 0; i < sv->n; i++) {
		if (!sv->v[i][0])
			return wfo_fail(err, WFO_INPUT, "%s: an empty revision id or label", what);
		if (revid_invalid(sv->v[i]) >= 0)
			return wfo_fail(err, WFO_INPUT, "%s: '%s' is not a plain revision id or "
					"label (ASCII letters, digits and '_' only)", what,
					bad_utf8(sv->v[i]) < 0 ? sv->v[i] : "(not UTF-8)");
	}
	return 0;
}

int revwrite_check(const struct revwrite *rw, struct wfo_error *err)
{
	if (!rw->id || !rw->id[0])
		return wfo_fail(err, WFO_INTERNAL, "revision file without a revision id");
	struct strvec id = { .v = (char **)&rw->id, .n = 1 };
	if (check_ids(&id, "revision", err) < 0)
		return -1;
	if (rw->message && bad_utf8(rw->message) >= 0)
		return wfo_fail(err, WFO_INPUT,
				"the message is not valid UTF-8 (byte %ld); use UTF-8 text",
				bad_utf8(rw->message) + 1);
	if (check_ids(&rw->down, "down_revision", err) < 0 ||
	    check_ids(&rw->labels, "branch_labels", err) < 0 ||
	    check_ids(&rw->depends, "depends_on", err) < 0)
		return -1;
	if (check_list(rw->up, rw->nup, "upgrade", err) < 0 ||
	    check_list(rw->down_sql, rw->ndown, "downgrade", err) < 0)
		return -1;
	return 0;
}

char *revwrite_render(const struct revwrite *rw)
{
	struct strbuf sb = STRBUF_INIT;
	const char *msg = rw->message ? rw->message : "empty message";
	char date[32];
	revid_date_text(&rw->created, date);

	sb_add(&sb, "\"\"\"");
	doc_text(&sb, msg);
	sb_add(&sb, ".\n\nRevision ID: ");
	doc_text(&sb, rw->id);
	sb_add(&sb, "\nRevises:");
	for (size_t i = 0; i < rw->down.n; i++) {
		sb_add(&sb, i ? ", " : " ");
		doc_text(&sb, rw->down.v[i]);
	}
	sb_add(&sb, "\nCreate Date: ");
	doc_text(&sb, date);
	sb_add(&sb, "\n\n\"\"\"\n");
	sb_add(&sb, "import sqlalchemy as sa\nfrom alembic import op\n\n"
		    "# revision identifiers, used by Alembic.\nrevision = ");
	py_str(&sb, rw->id);
	sb_add(&sb, "\ndown_revision = ");
	py_scalar_or_tuple(&sb, &rw->down);
	sb_add(&sb, "\nbranch_labels = ");
	if (rw->labels.n)
		py_tuple(&sb, &rw->labels);
	else
		sb_add(&sb, "None");
	sb_add(&sb, "\ndepends_on = ");
	py_scalar_or_tuple(&sb, &rw->depends);
	sb_add(&sb, "\n\n\ndef upgrade() -> None:\n");
	body(&sb, rw->up, rw->nup);
	sb_add(&sb, "\n\ndef downgrade() -> None:\n");
	body(&sb, rw->down_sql, rw->ndown);
	return sb_detach(&sb);
}

int revwrite_file(const char *dir, const struct revwrite *rw, char **path_out,
		  struct wfo_error *err)
{
	if (revwrite_check(rw, err) < 0)
		return -1;
	char *name = revid_filename(rw->id, rw->message, rw->created.tv_sec);
	char *path = xasprintf("%s/%s", dir, name);
	free(name);
	char *text = revwrite_render(rw);
	int rc = atomic_create(path, text, strlen(text), err);
	free(text);
	if (rc < 0) {
		free(path);
		return -1;
	}
	if (path_out)
		*path_out = path;
	else
		free(path);
	return 0;
}
