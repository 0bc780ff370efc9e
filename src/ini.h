/* ini.h - reading alembic.ini the way Python's ConfigParser does (sections,
 * "key = value" or "key: value", indented continuation lines, # and ;
 * comments) with BasicInterpolation of %(name)s and %% for the keys Alembic
 * uses.
 *
 * Ownership: ini_load returns a struct ini freed with ini_free(); ini_get
 * returns a new string the caller frees. */
#ifndef WFO_INI_H
#define WFO_INI_H

#include "wfo_error.h"

struct ini;

/* Reads path. here = the value of %(here)s (Alembic: the folder of the
 * file). Returns 0, or -1 with err naming the file (and line for syntax
 * errors). */
int ini_load(const char *path, const char *here, struct ini **out,
	     struct wfo_error *err);
/* Same from a buffer (NUL-terminated); path names it in errors. */
int ini_parse(const char *path, const char *text, const char *here,
	      struct ini **out, struct wfo_error *err);
/* The interpolated value of key in section (or its DEFAULT), NULL if
 * absent. Returns -1 only on a bad interpolation (err set): a reference to
 * an unset name, more than 10 levels of references, more than
 * INI_REFS_MAX references in all, or a value growing beyond INI_VALUE_MAX
 * bytes; else 0 with *value NULL or a new string. (Alembic's values are
 * paths and URLs: a few references, a few hundred bytes.) */
#define INI_VALUE_MAX (64 * 1024)
#define INI_REFS_MAX 1000
int ini_get(const struct ini *ini, const char *section, const char *key,
	    char **value, struct wfo_error *err);
void ini_free(struct ini *ini);

#endif
