/* sqlquote.h - the one place where text becomes an SQL literal.
 *
 * Nothing else in wfo-migrate concatenates user text into SQL. Literals are
 * standard-conforming ('...' with ' doubled, backslashes literal): our
 * executor runs with standard_conforming_strings = on, which is
 * PostgreSQL's default and what Alembic sessions see too. */
#ifndef WFO_SQLQUOTE_H
#define WFO_SQLQUOTE_H

#include "util.h"

/* Appends the literal for s to out. */
void sql_quote(struct strbuf *out, const char *s);
/* Returns a newly allocated literal for s; the caller frees it. */
char *sql_quoted(const char *s);

#endif
