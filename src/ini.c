/* ini.c - alembic.ini reader (ConfigParser syntax and interpolation). */
#include "config.h"
#include "ini.h"

#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

struct ini_entry {
	char *section;
	char *key;    /* lower-cased, as ConfigParser's optionxform does */
	char *value;  /* raw, continuation lines joined with '\n' */
	int line;
};

struct ini {
	char *path;
	char *here;
	struct ini_entry *v;
	size_t n, cap;
};

void ini_free(struct ini *ini)
{
	if (!ini)
		return;
	for (size_t i = 0; i < ini->n; i++) {
		free(ini->v[i].section);
		free(ini->v[i].key);
		free(ini->v[i].value);
	}
	free(ini->v);
	free(ini->path);
	free(ini->here);
	free(ini);
}

static char *trim(const char *s, size_t n)
{
	while (n && isspace((unsigned char)*s))
		s++, n--;
	while (n && isspace((unsigned char)s[n - 1]))
		n--;
	return xstrndup(s, n);
}

static struct ini_entry *find(const struct ini *ini, const char *section, const char *key)
{
	/* later definitions win, like ConfigParser with strict=False */
	for (size_t i = ini->n; i-- > 0;)
		if (!strcmp(ini->v[i].section, section) && !strcmp(ini->v[i].key, key))
			return &ini->v[i];
	return NULL;
}

int ini_parse(const char *path, const char *text, const char *here,
	      struct ini **out, struct wfo_error *err)
{
	struct ini *ini = xcalloc(1, sizeof(*ini));
	ini->path = xstrdup(path);
	ini->here = xstrdup(here ? here : ".");
	char *section = NULL;
	struct ini_entry *last = NULL;
	int lineno = 0;
	const char *p = text;
	while (*p) {
		const char *e = strchr(p, '\n');
		size_t n = e ? (size_t)(e - p) : strlen(p);
		lineno++;
		const char *l = p;
		size_t ind = 0;
		while (ind < n && (l[ind] == ' ' || l[ind] == '\t'))
			ind++;
		int blank = ind == n || (ind == n - 1 && l[ind] == '\r');
		int comment = !blank && (l[ind] == '#' || l[ind] == ';');
		if (blank || comment) {
			/* a blank line ends a value; comments are skipped */
			if (blank && last) {
				/* ConfigParser keeps empty lines inside values only
				 * when followed by continuation; good enough to end */
				last = NULL;
			}
		} else if (ind > 0 && last) {
			char *add = trim(l, n);
			char *nv = xasprintf("%s%s%s", last->value, *last->value ? "\n" : "", add);
			free(add);
			free(last->value);
			last->value = nv;
		} else if (l[ind] == '[') {
			const char *close = memchr(l, ']', n);
			if (!close) {
				free(section);
				ini_free(ini);
				return wfo_fail(err, WFO_INPUT, "%s:%d: section header without ']'",
						path, lineno);
			}
			free(section);
			section = xstrndup(l + ind + 1, (size_t)(close - l - ind - 1));
			last = NULL;
		} else {
			size_t k = ind;
			while (k < n && l[k] != '=' && l[k] != ':')
				k++;
			if (k == n || !section) {
				free(section);
				ini_free(ini);
				return wfo_fail(err, WFO_INPUT, "%s:%d: %s", path, lineno,
						!section ? "setting outside of any [section]"
							 : "expected 'key = value'");
			}
			if (ini->n == ini->cap) {
				ini->cap = ini->cap ? ini->cap * 2 : 16;
				ini->v = xrealloc(ini->v, ini->cap * sizeof(*ini->v));
			}
			last = &ini->v[ini->n++];
			last->section = xstrdup(section);
			last->key = trim(l, k);
			for (char *c = last->key; *c; c++)
				*c = (char)tolower((unsigned char)*c);
			last->value = trim(l + k + 1, n - k - 1);
			last->line = lineno;
		}
		p = e ? e + 1 : p + n;
	}
	free(section);
	*out = ini;
	return 0;
}

int ini_load(const char *path, const char *here, struct ini **out,
	     struct wfo_error *err)
{
	char *text = read_file(path, NULL);
	if (!text)
		return wfo_fail(err, WFO_IO, "%s: cannot read: %s", path, file_strerror(errno));
	int rc = ini_parse(path, text, here, out, err);
	free(text);
	return rc;
}

/* Appends ent's value to sb with its references expanded. top: the entry
 * asked for (named by the limits' errors); *refs counts references. */
static int interpolate(const struct ini *ini, const char *section,
		       const struct ini_entry *top, const struct ini_entry *ent, int depth,
		       int *refs, struct strbuf *sb, struct wfo_error *err)
{
	if (depth > 10)
		return wfo_fail(err, WFO_INPUT, "%s:%d: interpolation of '%s' nests too deeply",
				ini->path, ent->line, ent->key);
	for (const char *p = ent->value; *p;) {
		/* a few references per level, ten levels deep, would otherwise
		 * expand for hours (ConfigParser's depth limit alone allows it);
		 * with INI_REFS_MAX, this bounds the work of one ini_get */
		if (sb->len > INI_VALUE_MAX)
			return wfo_fail(err, WFO_INPUT, "%s:%d: the value of '%s' grows beyond %d "
					"bytes through %%(name)s references", ini->path, top->line,
					top->key, INI_VALUE_MAX);
		if (p[0] != '%') {
			sb_addc(sb, *p++);
		} else if (p[1] == '%') {
			sb_addc(sb, '%');
			p += 2;
		} else if (p[1] == '(') {
			const char *close = strstr(p, ")s");
			if (!close)
				return wfo_fail(err, WFO_INPUT, "%s:%d: bad %%(name)s reference in '%s'",
						ini->path, ent->line, ent->key);
			if (++*refs > INI_REFS_MAX)
				return wfo_fail(err, WFO_INPUT, "%s:%d: the value of '%s' takes more "
						"than %d %%(name)s references", ini->path, top->line,
						top->key, INI_REFS_MAX);
			char *name = xstrndup(p + 2, (size_t)(close - p - 2));
			for (char *c = name; *c; c++)
				*c = (char)tolower((unsigned char)*c);
			const struct ini_entry *ref = find(ini, section, name);
			if (!ref)
				ref = find(ini, "DEFAULT", name);
			if (ref) {
				if (interpolate(ini, section, top, ref, depth + 1, refs, sb, err) < 0) {
					free(name);
					return -1;
				}
			} else if (!strcmp(name, "here")) {
				sb_add(sb, ini->here);
			} else {
				wfo_fail(err, WFO_INPUT, "%s:%d: '%s' refers to %%(%s)s, which is not set",
					 ini->path, ent->line, ent->key, name);
				free(name);
				return -1;
			}
			free(name);
			p = close + 2;
		} else {
			return wfo_fail(err, WFO_INPUT, "%s:%d: '%%' must be followed by '%%' or "
					"'(name)s' in '%s'", ini->path, ent->line, ent->key);
		}
	}
	return 0;
}

int ini_get(const struct ini *ini, const char *section, const char *key,
	    char **value, struct wfo_error *err)
{
	*value = NULL;
	const struct ini_entry *ent = find(ini, section, key);
	if (!ent)
		ent = find(ini, "DEFAULT", key);
	if (!ent)
		return 0;
	struct strbuf sb = STRBUF_INIT;
	int refs = 0;
	if (interpolate(ini, section, ent, ent, 0, &refs, &sb, err) < 0) {
		sb_free(&sb);
		return -1;
	}
	*value = sb_detach(&sb);
	return 0;
}
