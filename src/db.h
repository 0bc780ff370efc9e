/* db.h - PostgreSQL access through libpq: connecting, the session settings
 * wfo-migrate relies on, alembic_version, the advisory lock, and running
 * statements with errors that carry everything PostgreSQL said.
 *
 * Ownership: db_connect hands out a PGconn the caller closes with
 * db_close(); every char * returned is newly allocated and freed by the
 * caller. No function here prints. */
#ifndef WFO_DB_H
#define WFO_DB_H

#include <libpq-fe.h>

#include "util.h"
#include "wfo_error.h"

/* Key of the transaction-level advisory lock every wfo-migrate upgrade or
 * downgrade holds: "wfo-migr" read as a big-endian 64-bit integer. Two runs
 * against one database therefore execute one after the other. */
#define DB_LOCK_KEY "8603686379037747058"

/* The table exactly as Alembic creates it. */
#define DB_CREATE_VERSION_TABLE \
	"CREATE TABLE alembic_version (\n" \
	"    version_num VARCHAR(32) NOT NULL, \n" \
	"    CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)\n" \
	")"

/* Seconds to wait for a server to answer when connecting, unless the URI
 * has connect_timeout or PGCONNECT_TIMEOUT is set. */
#define DB_CONNECT_TIMEOUT "10"

/* Connects (uri: DATABASE_URI in any form pguri.h accepts; NULL/"" = libpq's
 * PG* variables and ~/.pgpass; at most DB_CONNECT_TIMEOUT seconds), then sets client_encoding UTF8 and
 * standard_conforming_strings on and silences server notices. On failure
 * the message names the database, server and user (never the password)
 * and quotes libpq. */
int db_connect(const char *uri, PGconn **out, struct wfo_error *err);
void db_close(PGconn *conn);

/* "database "orch" on /tmp/x:5432 as user "nwa"" for messages. */
char *db_describe(PGconn *conn);

/* A postgresql:// URI for the open connection (no password: libpq and
 * psycopg read ~/.pgpass / PGPASSWORD themselves). Used to hand a run to
 * Alembic when no DATABASE_URI was given. */
char *db_conn_uri(PGconn *conn);

/* The rows of alembic_version in the order the server returns them (as
 * Alembic reads them); empty, not an error, when the table does not exist.
 * *exists (may be NULL) tells which. */
int db_read_versions(PGconn *conn, struct strvec *out, int *exists,
		     struct wfo_error *err);

/* Runs one statement (any number of SQL commands for the simple query
 * protocol); *rows (may be NULL) receives the row count of the last command
 * (PQcmdTuples; -1 when it has none). On error: err is "<what>: <sql,
 * shortened>: <PostgreSQL's error>" and the transaction is left as the
 * server left it. what may be NULL. */
int db_exec(PGconn *conn, const char *what, const char *sql, long *rows,
	    struct wfo_error *err);

/* A result of status st in a COPY state (COPY ... FROM STDIN or TO STDOUT,
 * which wfo-migrate never feeds or reads): ends the copy so the results go
 * on (data in refused, so the server fails the COPY; data out read and
 * dropped) and returns 1; the caller fails the statement. 0 for any other
 * status. Every loop over PQgetResult calls it, or it would never end. */
int db_end_copy(PGconn *conn, ExecStatusType st);

int db_begin(PGconn *conn, struct wfo_error *err);
int db_commit(PGconn *conn, struct wfo_error *err);
/* Best effort; errors are ignored (the connection may be broken). */
void db_rollback(PGconn *conn);
/* pg_advisory_xact_lock(DB_LOCK_KEY): waits for other runs; released at
 * COMMIT / ROLLBACK. */
int db_lock(PGconn *conn, struct wfo_error *err);

/* Appends PostgreSQL's error from res in psql's layout:
 * "ERROR:  message (SQLSTATE xxxxx)" then "DETAIL:  ..." and "HINT:  ..."
 * lines when present. Falls back to the connection's message. */
void db_format_error(const PGresult *res, PGconn *conn, struct strbuf *out);
/* The 1-based character position PostgreSQL reported, 0 when none. */
int db_error_position(const PGresult *res);

/* The statement for messages: whitespace runs collapsed to one space,
 * cut after max characters with "...". */
char *db_shorten_sql(const char *sql, size_t max);

#endif
