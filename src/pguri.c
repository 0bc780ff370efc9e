/* pguri.c - DATABASE_URI (libpq and SQLAlchemy forms) to libpq conninfo. */
#include "config.h"
#include "pguri.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

/* The parts of scheme://[user[:password]@]rest as SQLAlchemy splits them
 * (its password may hold '/', '?' and ':'; it ends at the first '@'). */
struct uri_parts {
	const char *scheme;
	size_t scheme_len;
	const char *user;
	size_t user_len;
	const char *pass;     /* NULL: no password */
	size_t pass_len;
	int has_userinfo;
	const char *rest;     /* host[:port][,host...][/db][?query] */
};

static int split_uri(const char *uri, struct uri_parts *p)
{
	memset(p, 0, sizeof(*p));
	const char *sep = strstr(uri, "://");
	if (!sep)
		return -1;
	p->scheme = uri;
	p->scheme_len = (size_t)(sep - uri);
	const char *s = sep + 3;
	size_t u = strcspn(s, ":/@?");
	if (s[u] == '@') {
		p->has_userinfo = 1;
		p->user = s;
		p->user_len = u;
		p->rest = s + u + 1;
		return 0;
	}
	if (s[u] == ':') {
		const char *at = strchr(s + u + 1, '@');
		if (at) {
			p->has_userinfo = 1;
			p->user = s;
			p->user_len = u;
			p->pass = s + u + 1;
			p->pass_len = (size_t)(at - p->pass);
			p->rest = at + 1;
			return 0;
		}
	}
	p->rest = s;
	return 0;
}

static int ieq(const char *a, size_t alen, const char *b)
{
	size_t blen = strlen(b);
	if (alen != blen)
		return 0;
	for (size_t i = 0; i < alen; i++)
		if (tolower((unsigned char)a[i]) != tolower((unsigned char)b[i]))
			return 0;
	return 1;
}

/* 0: postgresql/postgres, 1: postgresql+DRIVER, -1: something else */
static int scheme_kind(const struct uri_parts *p)
{
	if (ieq(p->scheme, p->scheme_len, "postgresql") || ieq(p->scheme, p->scheme_len, "postgres"))
		return 0;
	if (p->scheme_len > 11 && ieq(p->scheme, 11, "postgresql+")) {
		for (size_t i = 11; i < p->scheme_len; i++)
			if (!isalnum((unsigned char)p->scheme[i]) && p->scheme[i] != '_')
				return -1;
		return 1;
	}
	return -1;
}

static int is_hex(char c)
{
	return isxdigit((unsigned char)c) != 0;
}

/* Appends user or password text so libpq reads back what SQLAlchemy would:
 * existing %XX escapes stay, every other character outside RFC 3986's
 * unreserved and sub-delims set is percent-encoded. */
static void add_userinfo_part(struct strbuf *sb, const char *s, size_t n)
{
	static const char ok[] = "-._~!$&'()*+,;=";
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == '%' && i + 2 < n && is_hex(s[i + 1]) && is_hex(s[i + 2]))
			sb_addc(sb, '%');
		else if (isalnum(c) || (c && strchr(ok, c)))
			sb_addc(sb, (char)c);
		else
			sb_addf(sb, "%%%02X", c);
	}
}

/* Appends a query string with the value of every password=... hidden. */
static void add_query_masked(struct strbuf *sb, const char *q)
{
	while (*q) {
		size_t n = strcspn(q, "&");
		if (n >= 9 && ieq(q, 9, "password=")) {
			sb_addn(sb, q, 9);
			sb_add(sb, "***");
		}
		else
			sb_addn(sb, q, n);
		q += n;
		if (*q == '&')
			sb_addc(sb, *q++);
	}
}

static void add_rest_masked(struct strbuf *sb, const char *rest)
{
	const char *q = strchr(rest, '?');
	if (!q) {
		sb_add(sb, rest);
		return;
	}
	sb_addn(sb, rest, (size_t)(q - rest + 1));
	add_query_masked(sb, q + 1);
}

/* key = value pairs of a libpq conninfo string with password values hidden. */
static char *keyword_display(const char *s)
{
	struct strbuf sb = STRBUF_INIT;
	const char *p = s;
	while (*p) {
		if (isspace((unsigned char)*p)) {
			sb_addc(&sb, *p++);
			continue;
		}
		const char *key = p;
		while (*p && *p != '=' && !isspace((unsigned char)*p))
			p++;
		size_t keylen = (size_t)(p - key);
		sb_addn(&sb, key, keylen);
		while (isspace((unsigned char)*p))
			sb_addc(&sb, *p++);
		if (*p != '=')
			continue;
		sb_addc(&sb, *p++);
		while (isspace((unsigned char)*p))
			sb_addc(&sb, *p++);
		const char *val = p;
		if (*p == '\'') {
			p++;
			while (*p && *p != '\'') {
				if (*p == '\\' && p[1])
					p++;
				p++;
			}
			if (*p == '\'')
				p++;
		} else {
			while (*p && !isspace((unsigned char)*p)) {
				if (*p == '\\' && p[1])
					p++;
				p++;
			}
		}
		if (ieq(key, keylen, "password"))
			sb_add(&sb, "***");
		else
			sb_addn(&sb, val, (size_t)(p - val));
	}
	return sb_detach(&sb);
}

char *pguri_display(const char *uri)
{
	if (!uri || !*uri)
		return xstrdup("");
	struct uri_parts p;
	if (split_uri(uri, &p) < 0)
		return strchr(uri, '=') ? keyword_display(uri) : xstrdup(uri);
	struct strbuf sb = STRBUF_INIT;
	sb_addn(&sb, p.scheme, p.scheme_len);
	sb_add(&sb, "://");
	if (p.has_userinfo) {
		sb_addn(&sb, p.user, p.user_len);
		if (p.pass)
			sb_add(&sb, ":***");
		sb_addc(&sb, '@');
	}
	add_rest_masked(&sb, p.rest);
	return sb_detach(&sb);
}

int pguri_to_conninfo(const char *uri, char **out, struct wfo_error *err)
{
	*out = NULL;
	if (!uri)
		uri = "";
	while (isspace((unsigned char)*uri))
		uri++;
	if (!*uri) {
		*out = xstrdup("");
		return 0;
	}
	struct uri_parts p;
	if (split_uri(uri, &p) < 0) {
		if (strchr(uri, '=')) {
			*out = xstrdup(uri);
			return 0;
		}
		char *shown = pguri_display(uri);
		wfo_fail(err, WFO_USAGE, "database URI \"%s\" is neither a URI "
			 "(postgresql://user:password@host:port/dbname) nor a libpq "
			 "\"key=value\" string; set DATABASE_URI or --database-uri", shown);
		free(shown);
		return -1;
	}
	if (scheme_kind(&p) < 0) {
		char *shown = pguri_display(uri);
		wfo_fail(err, WFO_USAGE, "database URI \"%s\": scheme \"%.*s\" is not PostgreSQL; "
			 "expected postgresql://, postgres:// or postgresql+DRIVER:// "
			 "(e.g. postgresql+psycopg://)", shown, (int)p.scheme_len, p.scheme);
		free(shown);
		return -1;
	}
	struct strbuf sb = STRBUF_INIT;
	sb_add(&sb, "postgresql://");
	if (p.has_userinfo) {
		add_userinfo_part(&sb, p.user, p.user_len);
		if (p.pass) {
			sb_addc(&sb, ':');
			add_userinfo_part(&sb, p.pass, p.pass_len);
		}
		sb_addc(&sb, '@');
	}
	sb_add(&sb, p.rest);
	*out = sb_detach(&sb);
	return 0;
}

char *pguri_for_sqlalchemy(const char *uri)
{
	if (!uri || !*uri)
		return xstrdup("");
	struct uri_parts p;
	if (split_uri(uri, &p) == 0 && ieq(p.scheme, p.scheme_len, "postgres"))
		return xasprintf("postgresql%s", uri + p.scheme_len);
	return xstrdup(uri);
}

/* urllib.parse.unquote_plus */
static char *unquote_plus(const char *s, size_t n)
{
	struct strbuf sb = STRBUF_INIT;
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '+') {
			sb_addc(&sb, ' ');
		} else if (s[i] == '%' && i + 2 < n && is_hex(s[i + 1]) && is_hex(s[i + 2])) {
			char hex[3] = { s[i + 1], s[i + 2], 0 };
			sb_addc(&sb, (char)strtol(hex, NULL, 16));
			i += 2;
		} else {
			sb_addc(&sb, s[i]);
		}
	}
	return sb_detach(&sb);
}

/* urllib.parse.unquote: like unquote_plus but '+' stays */
static char *unquote_plus_keep(const char *s, size_t n)
{
	struct strbuf sb = STRBUF_INIT;
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '%' && i + 2 < n && is_hex(s[i + 1]) && is_hex(s[i + 2])) {
			char hex[3] = { s[i + 1], s[i + 2], 0 };
			sb_addc(&sb, (char)strtol(hex, NULL, 16));
			i += 2;
		} else {
			sb_addc(&sb, s[i]);
		}
	}
	return sb_detach(&sb);
}

/* urllib.parse.quote_plus */
static void add_quote_plus(struct strbuf *sb, const char *s)
{
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (isalnum(c) || strchr("_.-~", c))
			sb_addc(sb, (char)c);
		else if (c == ' ')
			sb_addc(sb, '+');
		else
			sb_addf(sb, "%%%02X", c);
	}
}

struct qpair {
	char *k, *v;
	size_t order;
};

static int qpair_cmp(const void *a, const void *b)
{
	const struct qpair *x = a, *y = b;
	int c = strcmp(x->k, y->k);
	if (c)
		return c;
	return x->order < y->order ? -1 : x->order > y->order;
}

char *pguri_sqlalchemy_display(const char *uri)
{
	if (!uri || !*uri)
		return xstrdup("");
	struct uri_parts p;
	if (split_uri(uri, &p) < 0)
		return pguri_display(uri);
	struct strbuf sb = STRBUF_INIT;
	sb_addn(&sb, p.scheme, p.scheme_len);
	sb_add(&sb, "://");
	if (p.has_userinfo) {
		char *user = unquote_plus_keep(p.user, p.user_len);
		for (const char *c = user; *c; c++)
			if (*c == ':' || *c == '@' || *c == '/')
				sb_addf(&sb, "%%%02X", (unsigned char)*c);
			else
				sb_addc(&sb, *c);
		free(user);
		if (p.pass)
			sb_add(&sb, ":***");
		sb_addc(&sb, '@');
	}
	const char *q = strchr(p.rest, '?');
	if (!q) {
		sb_add(&sb, p.rest);
		return sb_detach(&sb);
	}
	sb_addn(&sb, p.rest, (size_t)(q - p.rest));
	struct qpair *pairs = NULL;
	size_t n = 0;
	for (const char *a = q + 1; *a;) {
		size_t len = strcspn(a, "&;");
		const char *eq = memchr(a, '=', len);
		if (eq && eq + 1 < a + len) {
			pairs = xrealloc(pairs, (n + 1) * sizeof(*pairs));
			pairs[n].k = unquote_plus(a, (size_t)(eq - a));
			pairs[n].v = unquote_plus(eq + 1, (size_t)(a + len - eq - 1));
			pairs[n].order = n;
			n++;
		}
		a += len;
		if (*a)
			a++;
	}
	if (n)
		qsort(pairs, n, sizeof(*pairs), qpair_cmp);
	for (size_t i = 0; i < n; i++) {
		sb_addc(&sb, i ? '&' : '?');
		add_quote_plus(&sb, pairs[i].k);
		sb_addc(&sb, '=');
		if (!strcmp(pairs[i].k, "password"))
			sb_add(&sb, "***");
		else
			add_quote_plus(&sb, pairs[i].v);
		free(pairs[i].k);
		free(pairs[i].v);
	}
	free(pairs);
	return sb_detach(&sb);
}
