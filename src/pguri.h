/* pguri.h - DATABASE_URI as orchestrator-core uses it, turned into a libpq
 * connection string, and shown to people with the password hidden.
 *
 * Accepted: postgresql://..., postgres://..., the SQLAlchemy forms
 * postgresql+DRIVER://... (psycopg, psycopg2, asyncpg, pg8000 ...: the
 * +DRIVER is dropped), and libpq's own "key=value ..." strings. NULL or ""
 * means "use libpq's PG* variables and ~/.pgpass" and becomes "".
 *
 * Ownership: every char * returned is newly allocated; the caller frees it. */
#ifndef WFO_PGURI_H
#define WFO_PGURI_H

#include "wfo_error.h"

/* 0 and *out = a conninfo string for PQconnectdb, or -1 with err (WFO_USAGE)
 * naming what is wrong (the URI in the message has its password hidden). */
int pguri_to_conninfo(const char *uri, char **out, struct wfo_error *err);

/* The URI in a form SQLAlchemy accepts, for handing a run to Alembic:
 * postgres:// becomes postgresql:// (SQLAlchemy 1.4 refuses the short
 * scheme); a +DRIVER is kept (the project chose it); anything else is
 * returned unchanged. NULL/"" -> "". */
char *pguri_for_sqlalchemy(const char *uri);

/* The URI for messages: the password (user:PASSWORD@, ?password=..., or
 * password=... in a key=value string) replaced by ***. NULL/"" -> "". */
char *pguri_display(const char *uri);

/* The URI as SQLAlchemy prints it with the password hidden (Alembic's
 * `current -v` header): user quoted, password ***, query parameters
 * sorted by key and form-encoded, blank ones dropped. NULL/"" -> "". */
char *pguri_sqlalchemy_display(const char *uri);

#endif
