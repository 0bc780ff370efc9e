/* mergesql.c - catalogue names in a revision's SQL and collisions between
 * heads (see mergesql.h). */
#include "config.h"
#include "mergesql.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ---- tokens ---- */

enum tk { TK_IDENT, TK_STRING, TK_LP, TK_RP, TK_COMMA, TK_EQ, TK_SEMI, TK_OTHER, TK_END };

struct tok {
	enum tk t;
	char *s;        /* TK_IDENT: lower-cased, qualified parts joined by '.'; TK_STRING: value */
};

struct toks {
	struct tok *v;
	size_t n, cap;
};

static void tk_push(struct toks *ts, enum tk t, char *s)
{
	if (ts->n == ts->cap) {
		ts->cap = ts->cap ? ts->cap * 2 : 64;
		ts->v = xrealloc(ts->v, ts->cap * sizeof *ts->v);
	}
	ts->v[ts->n].t = t;
	ts->v[ts->n].s = s;
	ts->n++;
}

static void tk_free(struct toks *ts)
{
	for (size_t i = 0; i < ts->n; i++)
		free(ts->v[i].s);
	free(ts->v);
}

static bool ident_start(unsigned char c)
{
	return isalpha(c) || c == '_' || c >= 0x80;
}

static bool ident_char(unsigned char c)
{
	return isalnum(c) || c == '_' || c == '$' || c >= 0x80;
}

/* One identifier part at *p (plain or "quoted"); NULL when there is none. */
static char *ident_part(const char **p)
{
	const char *s = *p;
	struct strbuf sb = STRBUF_INIT;
	if (*s == '"') {
		for (s++; *s; s++) {
			if (*s == '"') {
				if (s[1] != '"')
					break;
				s++;
			}
			sb_addc(&sb, *s);
		}
		if (*s == '"')
			s++;
	} else if (ident_start((unsigned char)*s)) {
		while (ident_char((unsigned char)*s))
			sb_addc(&sb, (char)tolower((unsigned char)*s++));
	} else {
		return NULL;
	}
	*p = s;
	return sb_detach(&sb);
}

/* A '...' literal starting at the quote *p; backslash escapes when esc. */
static char *string_lit(const char **p, bool esc)
{
	const char *s = *p + 1;
	struct strbuf sb = STRBUF_INIT;
	sb_add(&sb, "");
	for (; *s; s++) {
		if (esc && *s == '\\' && s[1]) {
			s++;
			sb_addc(&sb, *s == 'n' ? '\n' : *s == 't' ? '\t' : *s);
			continue;
		}
		if (*s == '\'') {
			if (s[1] != '\'')
				break;
			s++;
		}
		sb_addc(&sb, *s);
	}
	if (*s == '\'')
		s++;
	*p = s;
	return sb_detach(&sb);
}

/* $tag$ ... $tag$: skipped whole. Returns false when *p is no dollar quote. */
static bool skip_dollar(const char **p)
{
	const char *s = *p + 1;
	while (ident_char((unsigned char)*s) && *s != '$')
		s++;
	if (*s != '$')
		return false;
	size_t tl = (size_t)(s - *p) + 1;
	const char *end;
	for (end = s + 1; *end; end++)
		if (!strncmp(end, *p, tl))
			break;
	*p = *end ? end + tl : end;
	return true;
}

static void tokenize(const char *sql, struct toks *ts)
{
	const char *p = sql;
	while (*p) {
		unsigned char c = (unsigned char)*p;
		if (isspace(c)) {
			p++;
		} else if (c == '-' && p[1] == '-') {
			while (*p && *p != '\n')
				p++;
		} else if (c == '/' && p[1] == '*') {
			int depth = 0;
			do {
				if (*p == '/' && p[1] == '*')
					depth++, p += 2;
				else if (*p == '*' && p[1] == '/')
					depth--, p += 2;
				else
					p++;
			} while (*p && depth > 0);
		} else if (c == '\'') {
			tk_push(ts, TK_STRING, string_lit(&p, false));
		} else if ((c == 'e' || c == 'E') && p[1] == '\'') {
			p++;
			tk_push(ts, TK_STRING, string_lit(&p, true));
		} else if (c == '$' && skip_dollar(&p)) {
			tk_push(ts, TK_OTHER, NULL);
		} else if (ident_start(c) || c == '"') {
			struct strbuf sb = STRBUF_INIT;
			char *part = ident_part(&p);
			sb_add(&sb, part);
			free(part);
			while (*p == '.' && (ident_start((unsigned char)p[1]) || p[1] == '"')) {
				p++;
				part = ident_part(&p);
				sb_addf(&sb, ".%s", part);
				free(part);
			}
			tk_push(ts, TK_IDENT, sb_detach(&sb));
		} else {
			enum tk t = c == '(' ? TK_LP : c == ')' ? TK_RP : c == ',' ? TK_COMMA :
				    c == ';' ? TK_SEMI : TK_OTHER;
			/* "=" alone is a comparison; "<=", ">=", "!=", "==" are not ours */
			if (c == '=' && p[1] != '=' && (p == sql || !strchr("<>!=", p[-1])))
				t = TK_EQ;
			tk_push(ts, t, NULL);
			p++;
		}
	}
	tk_push(ts, TK_END, NULL);
}

/* ---- tables and name columns ---- */

static const struct {
	const char *table, *column;
	enum mt_kind kind;
} name_cols[] = {
	{ "products", "name", MT_PRODUCT },
	{ "product_blocks", "name", MT_BLOCK },
	{ "resource_types", "resource_type", MT_RESOURCE_TYPE },
	{ "fixed_inputs", "name", MT_FIXED_INPUT },
	{ "workflows", "name", MT_WORKFLOW },
};
#define NCOLS (sizeof name_cols / sizeof name_cols[0])

/* Kind of a table's name column (column NULL: of the table), or -1. */
static int kind_of(const char *table, const char *column)
{
	if (!table)
		return -1;
	const char *dot = strrchr(table, '.');   /* public.products */
	if (dot)
		table = dot + 1;
	for (size_t i = 0; i < NCOLS; i++)
		if (!strcmp(name_cols[i].table, table) && (!column || !strcmp(name_cols[i].column, column)))
			return (int)name_cols[i].kind;
	return -1;
}

static bool kw(const struct tok *t, const char *word)
{
	return t->t == TK_IDENT && !strcasecmp(t->s, word);
}

/* ---- touches ---- */

static void touch_add(struct merge_touches *out, enum mt_kind k, enum mt_act a, const char *name,
		      const char *to, const char *who)
{
	for (size_t i = 0; i < out->n; i++) {
		const struct mt_touch *t = &out->v[i];
		if (t->kind == k && t->act == a && !strcmp(t->name, name) &&
		    !strcmp(t->to ? t->to : "", to ? to : "") && t->who == who)
			return;
	}
	if (out->n == out->cap) {
		out->cap = out->cap ? out->cap * 2 : 16;
		out->v = xrealloc(out->v, out->cap * sizeof *out->v);
	}
	out->v[out->n++] = (struct mt_touch){ k, a, xstrdup(name), to ? xstrdup(to) : NULL, who };
}

void mt_free(struct merge_touches *t)
{
	for (size_t i = 0; i < t->n; i++) {
		free(t->v[i].name);
		free(t->v[i].to);
	}
	free(t->v);
	memset(t, 0, sizeof *t);
}

static void push_touch(struct merge_touches *out, const struct mt_touch *t, const char *who)
{
	if (out->n == out->cap) {
		out->cap = out->cap ? out->cap * 2 : 16;
		out->v = xrealloc(out->v, out->cap * sizeof *out->v);
	}
	out->v[out->n++] = (struct mt_touch){ t->kind, t->act, xstrdup(t->name),
					      t->to ? xstrdup(t->to) : NULL, who };
}

/* No search for duplicates here: the sides of a head hold thousands of
 * touches; mt_collisions sorts them instead. */
void mt_append(struct merge_touches *out, const struct merge_touches *src, const char *who)
{
	for (size_t i = 0; i < src->n; i++)
		push_touch(out, &src->v[i], who);
}

#define MAXDEPTH 64

/* One statement: tokens [b, e). */
static void scan_stmt(const struct tok *v, size_t b, size_t e, struct merge_touches *out)
{
	if (b >= e)
		return;
	enum { V_OTHER, V_INSERT, V_UPDATE, V_DELETE } verb = V_OTHER;
	const char *tables[MAXDEPTH] = { NULL };
	const char *main_table = NULL;
	int depth = 0;
	bool in_set = false;                   /* UPDATE ... SET region, depth 0 */
	struct strvec where = STRVEC_INIT;     /* names compared on the main table's name column */
	char *set_to = NULL;                   /* the name column's new value */
	/* INSERT ... (cols) VALUES: the name column's position */
	long name_pos = -1, pos = 0;
	int values_depth = -1;
	if (kw(&v[b], "insert"))
		verb = V_INSERT;
	else if (kw(&v[b], "update"))
		verb = V_UPDATE;
	else if (kw(&v[b], "delete"))
		verb = V_DELETE;

	for (size_t i = b; i < e; i++) {
		const struct tok *t = &v[i];
		if (t->t == TK_LP) {
			depth++;
			if (depth < MAXDEPTH)
				tables[depth] = NULL;
			if (values_depth >= 0 && depth == values_depth)
				pos = 0;
			continue;
		}
		if (t->t == TK_RP) {
			if (depth > 0)
				depth--;
			continue;
		}
		if (t->t == TK_COMMA && values_depth >= 0 && depth == values_depth) {
			pos++;
			continue;
		}
		if (t->t == TK_STRING && values_depth >= 0 && depth == values_depth && pos == name_pos) {
			touch_add(out, (enum mt_kind)kind_of(main_table, NULL), MT_CREATE, t->s, NULL, NULL);
			continue;
		}
		if (t->t != TK_IDENT)
			continue;
		/* tables */
		if ((kw(t, "from") || kw(t, "join") || kw(t, "into") || (kw(t, "update") && i == b)) &&
		    i + 1 < e && v[i + 1].t == TK_IDENT) {
			size_t k = i + 1;
			if (kw(&v[k], "only") && k + 1 < e && v[k + 1].t == TK_IDENT)
				k++;
			if (depth < MAXDEPTH)
				tables[depth] = v[k].s;
			if (depth == 0 && !main_table && verb != V_OTHER)
				main_table = v[k].s;
			/* INSERT INTO t (cols) */
			if (verb == V_INSERT && depth == 0 && main_table == v[k].s && k + 1 < e &&
			    v[k + 1].t == TK_LP && kind_of(main_table, NULL) >= 0) {
				long col = 0;
				size_t j = k + 2;
				for (; j < e && v[j].t != TK_RP; j++) {
					if (v[j].t == TK_COMMA)
						col++;
					else if (v[j].t == TK_IDENT && kind_of(main_table, v[j].s) >= 0)
						name_pos = col;
				}
				i = j;    /* past the column list */
			}
			continue;
		}
		if (depth == 0 && kw(t, "values") && verb == V_INSERT && name_pos >= 0) {
			values_depth = 1;
			continue;
		}
		if (depth == 0 && verb == V_UPDATE) {
			if (kw(t, "set")) {
				in_set = true;
				continue;
			}
			if (kw(t, "where") || kw(t, "from") || kw(t, "returning"))
				in_set = false;
		}
		/* column = 'lit' | column [NOT] IN ('lit', ...) */
		size_t k = i + 1;
		if (k < e && kw(&v[k], "not"))
			k++;
		bool eq = k < e && v[k].t == TK_EQ, in = k < e && kw(&v[k], "in");
		if (!eq && !in)
			continue;
		const char *dot = strrchr(t->s, '.');
		int kind;
		if (dot) {
			/* a qualified column names its table (aliases are not followed) */
			char *tn = xstrndup(t->s, (size_t)(dot - t->s));
			kind = kind_of(tn, dot + 1);
			free(tn);
		} else {
			const char *table = NULL;
			for (int d = depth < MAXDEPTH ? depth : MAXDEPTH - 1; d >= 0 && !table; d--)
				table = tables[d];
			kind = kind_of(table, t->s);
		}
		if (kind < 0)
			continue;
		bool on_main = depth == 0 && main_table && kind_of(main_table, NULL) == kind;
		size_t j = k + 1;
		struct strvec names = STRVEC_INIT;
		if (eq && j < e && v[j].t == TK_STRING) {
			sv_push(&names, v[j].s);
		} else if (in && j < e && v[j].t == TK_LP) {
			for (j++; j < e && v[j].t != TK_RP; j++)
				if (v[j].t == TK_STRING)
					sv_push(&names, v[j].s);
				else if (v[j].t != TK_COMMA)
					break;   /* a subquery: its own names are read as we go */
		}
		for (size_t n = 0; n < names.n; n++) {
			if (on_main && verb == V_UPDATE && in_set && eq) {
				free(set_to);
				set_to = xstrdup(names.v[n]);
			} else if (on_main && verb == V_UPDATE) {
				sv_push(&where, names.v[n]);
			} else if (on_main && verb == V_DELETE) {
				touch_add(out, (enum mt_kind)kind, MT_DELETE, names.v[n], NULL, NULL);
			} else {
				touch_add(out, (enum mt_kind)kind, MT_USE, names.v[n], NULL, NULL);
			}
		}
		sv_free(&names);
	}
	int mk = kind_of(main_table, NULL);
	if (verb == V_UPDATE && mk >= 0) {
		for (size_t n = 0; n < where.n; n++) {
			if (set_to && strcmp(set_to, where.v[n])) {
				touch_add(out, (enum mt_kind)mk, MT_RENAME, where.v[n], set_to, NULL);
				touch_add(out, (enum mt_kind)mk, MT_RENAMED_TO, set_to, NULL, NULL);
			} else {
				touch_add(out, (enum mt_kind)mk, MT_CHANGE, where.v[n], NULL, NULL);
			}
		}
		if (set_to && !where.n)
			touch_add(out, (enum mt_kind)mk, MT_CHANGE, set_to, NULL, NULL);
	}
	free(set_to);
	sv_free(&where);
}

void mt_scan(const char *sql, struct merge_touches *out)
{
	struct toks ts = { 0 };
	tokenize(sql ? sql : "", &ts);
	size_t start = 0;
	for (size_t i = 0; i < ts.n; i++)
		if (ts.v[i].t == TK_SEMI || ts.v[i].t == TK_END) {
			scan_stmt(ts.v, start, i, out);
			start = i + 1;
		}
	tk_free(&ts);
}

/* ---- words ---- */

const char *mt_kind_name(enum mt_kind k)
{
	switch (k) {
	case MT_PRODUCT: return "product";
	case MT_BLOCK: return "product block";
	case MT_RESOURCE_TYPE: return "resource type";
	case MT_FIXED_INPUT: return "fixed input";
	case MT_WORKFLOW: return "workflow";
	default: return "?";
	}
}

static const char *verb3(enum mt_act a)
{
	switch (a) {
	case MT_USE: return "uses";
	case MT_CHANGE: return "changes";
	case MT_CREATE: return "creates";
	case MT_RENAMED_TO: return "renames to";
	case MT_RENAME: return "renames";
	case MT_DELETE: return "deletes";
	}
	return "?";
}

static const char *verb_plural(enum mt_act a)
{
	switch (a) {
	case MT_USE: return "use";
	case MT_CHANGE: return "change";
	case MT_CREATE: return "create";
	case MT_RENAMED_TO: return "rename something to";
	case MT_RENAME: return "rename";
	case MT_DELETE: return "delete";
	}
	return "?";
}

/* "B ... it": what the other side does to the name. */
static const char *does_it(enum mt_act a)
{
	switch (a) {
	case MT_USE: return "uses it";
	case MT_CHANGE: return "changes it";
	case MT_CREATE: return "creates it";
	case MT_RENAMED_TO: return "renames another one to it";
	case MT_RENAME: return "renames it";
	case MT_DELETE: return "deletes it";
	}
	return "?";
}

void mt_describe(const struct merge_touches *t, struct strvec *out)
{
	for (size_t i = 0; i < t->n; i++) {
		const struct mt_touch *x = &t->v[i];
		if (x->act == MT_USE || x->act == MT_RENAMED_TO)
			continue;
		if (x->act == MT_RENAME)
			sv_push_owned(out, xasprintf("renames %s %s to %s", mt_kind_name(x->kind), x->name, x->to));
		else
			sv_push_owned(out, xasprintf("%s %s %s", verb3(x->act), mt_kind_name(x->kind), x->name));
	}
}

static int by_name(const void *x, const void *y)
{
	const struct mt_touch *a = *(const struct mt_touch *const *)x, *b = *(const struct mt_touch *const *)y;
	if (a->kind != b->kind)
		return a->kind < b->kind ? -1 : 1;
	return strcmp(a->name, b->name);
}

static const struct mt_touch **sorted(const struct merge_touches *t)
{
	const struct mt_touch **v = xmalloc((t->n ? t->n : 1) * sizeof *v);
	for (size_t i = 0; i < t->n; i++)
		v[i] = &t->v[i];
	qsort(v, t->n, sizeof *v, by_name);
	return v;
}

/* The strongest act among v[*i ..] on the name of v[*i] (and the rename
 * target, if any); advances *i past them. */
static int strongest(const struct mt_touch **v, size_t n, size_t *i, const char **to)
{
	int best = -1;
	*to = NULL;
	size_t start = *i;
	for (; *i < n && !by_name(&v[*i], &v[start]); (*i)++) {
		if ((int)v[*i]->act > best)
			best = (int)v[*i]->act;
		if (v[*i]->act == MT_RENAME)
			*to = v[*i]->to;
	}
	return best;
}

size_t mt_collisions(const struct merge_touches *a, const char *an,
		     const struct merge_touches *b, const char *bn, struct strvec *out)
{
	size_t added = 0;
	const struct mt_touch **va = sorted(a), **vb = sorted(b);
	size_t i = 0, j = 0;
	while (i < a->n && j < b->n) {
		int c = by_name(&va[i], &vb[j]);
		const char *ato, *bto;
		if (c < 0) {
			strongest(va, a->n, &i, &ato);
			continue;
		}
		if (c > 0) {
			strongest(vb, b->n, &j, &bto);
			continue;
		}
		enum mt_kind k = va[i]->kind;
		const char *name = va[i]->name;
		int sa = strongest(va, a->n, &i, &ato), sb = strongest(vb, b->n, &j, &bto);
		if (sa == MT_USE && sb == MT_USE)
			continue;
		const char *kn = mt_kind_name(k);
		char *s;
		if (sa == MT_DELETE && sb != MT_DELETE)
			s = xasprintf("%s deletes %s %s, and %s %s", an, kn, name, bn,
				      does_it((enum mt_act)sb));
		else if (sb == MT_DELETE && sa != MT_DELETE)
			s = xasprintf("%s deletes %s %s, and %s %s", bn, kn, name, an,
				      does_it((enum mt_act)sa));
		else if (sa == MT_RENAME && sb == MT_RENAME)
			s = xasprintf("both heads rename %s %s (%s to %s, %s to %s)", kn, name, an, ato,
				      bn, bto);
		else if (sa == sb)
			s = xasprintf("both heads %s %s %s", verb_plural((enum mt_act)sa), kn, name);
		else
			s = xasprintf("both heads touch %s %s (%s %s, %s %s)", kn, name, an,
				      does_it((enum mt_act)sa), bn, does_it((enum mt_act)sb));
		sv_push_owned(out, s);
		added++;
	}
	free(va);
	free(vb);
	return added;
}
