/* db.c - libpq: connect, session settings, alembic_version, lock, statements. */
#include "config.h"
#include "db.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "pguri.h"

static void quiet_notices(void *arg, const char *message)
{
	(void)arg;
	(void)message;
}

static const char *or_default(const char *s, const char *dflt)
{
	return s && *s ? s : dflt;
}

char *db_describe(PGconn *conn)
{
	const char *host = PQhost(conn);
	const char *port = PQport(conn);
	return xasprintf("database \"%s\" on %s%s%s as user \"%s\"",
			 or_default(PQdb(conn), "?"),
			 or_default(host, "the default socket"),
			 port && *port ? ":" : "", port ? port : "",
			 or_default(PQuser(conn), "?"));
}

/* libpq's message without the trailing newline, lines joined by "; ". */
static void add_libpq_message(struct strbuf *sb, PGconn *conn)
{
	const char *m = PQerrorMessage(conn);
	size_t n = strlen(m);
	while (n && isspace((unsigned char)m[n - 1]))
		n--;
	for (size_t i = 0; i < n; i++) {
		if (m[i] == '\n')
			sb_add(sb, "; ");
		else
			sb_addc(sb, m[i]);
	}
}

int db_connect(const char *uri, PGconn **out, struct wfo_error *err)
{
	*out = NULL;
	char *conninfo = NULL;
	if (pguri_to_conninfo(uri, &conninfo, err) < 0)
		return -1;
	/* The default timeout comes before the URI, so the URI's own
	 * connect_timeout wins; PGCONNECT_TIMEOUT is only read for parameters
	 * not given at all, so then none is given. */
	const char *env = getenv("PGCONNECT_TIMEOUT");
	int dflt = !env || !*env;
	const char *const keys[] = { "connect_timeout", "dbname", NULL };
	const char *const vals[] = { dflt ? DB_CONNECT_TIMEOUT : "", conninfo, NULL };
	PGconn *conn = PQconnectdbParams(keys, vals, 1);
	free(conninfo);
	if (!conn)
		return wfo_fail(err, WFO_DB, "cannot connect to the database: out of memory");
	if (PQstatus(conn) != CONNECTION_OK) {
		struct strbuf sb = STRBUF_INIT;
		char *what = db_describe(conn);
		char *shown = pguri_display(uri);
		sb_addf(&sb, "cannot connect to %s", what);
		if (*shown)
			sb_addf(&sb, " (URI %s)", shown);
		else
			sb_add(&sb, " (no DATABASE_URI: libpq's PG* variables)");
		sb_add(&sb, ": ");
		add_libpq_message(&sb, conn);
		sb_add(&sb, "\nCheck DATABASE_URI or --database-uri, the PG* variables and ~/.pgpass.");
		wfo_fail(err, WFO_DB, "%s", sb_str(&sb));
		sb_free(&sb);
		free(what);
		free(shown);
		PQfinish(conn);
		return -1;
	}
	PQsetNoticeProcessor(conn, quiet_notices, NULL);
	if (PQsetClientEncoding(conn, "UTF8") != 0) {
		char *what = db_describe(conn);
		struct strbuf sb = STRBUF_INIT;
		add_libpq_message(&sb, conn);
		wfo_fail(err, WFO_DB, "%s: cannot set client_encoding UTF8: %s", what, sb_str(&sb));
		sb_free(&sb);
		free(what);
		PQfinish(conn);
		return -1;
	}
	if (db_exec(conn, "setting up the session", "SET standard_conforming_strings = on",
		    NULL, err) < 0) {
		PQfinish(conn);
		return -1;
	}
	*out = conn;
	return 0;
}

void db_close(PGconn *conn)
{
	if (conn)
		PQfinish(conn);
}

/* Percent-encodes everything but RFC 3986 unreserved characters. */
static void add_encoded(struct strbuf *sb, const char *s)
{
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (isalnum(c) || strchr("-._~", c))
			sb_addc(sb, (char)c);
		else
			sb_addf(sb, "%%%02X", c);
	}
}

char *db_conn_uri(PGconn *conn)
{
	struct strbuf sb = STRBUF_INIT;
	sb_add(&sb, "postgresql://");
	const char *user = PQuser(conn);
	if (user && *user) {
		add_encoded(&sb, user);
		sb_addc(&sb, '@');
	}
	sb_addc(&sb, '/');
	add_encoded(&sb, or_default(PQdb(conn), ""));
	const char *host = PQhost(conn);
	const char *port = PQport(conn);
	char sep = '?';
	if (host && *host) {
		sb_addf(&sb, "%chost=", sep);
		add_encoded(&sb, host);
		sep = '&';
	}
	if (port && *port) {
		sb_addf(&sb, "%cport=", sep);
		add_encoded(&sb, port);
	}
	return sb_detach(&sb);
}

char *db_shorten_sql(const char *sql, size_t max)
{
	struct strbuf sb = STRBUF_INIT;
	const char *p = sql;
	while (isspace((unsigned char)*p))
		p++;
	size_t chars = 0;
	int space = 0;
	for (; *p; p++) {
		unsigned char c = (unsigned char)*p;
		if (isspace(c)) {
			space = 1;
			continue;
		}
		if ((c & 0xC0) != 0x80) {   /* count characters, not UTF-8 bytes */
			if (chars + space >= max) {
				sb_add(&sb, "...");
				return sb_detach(&sb);
			}
			if (space)
				sb_addc(&sb, ' '), chars++;
			chars++;
		}
		space = 0;
		sb_addc(&sb, (char)c);
	}
	return sb_detach(&sb);
}

int db_error_position(const PGresult *res)
{
	const char *pos = res ? PQresultErrorField(res, PG_DIAG_STATEMENT_POSITION) : NULL;
	return pos ? atoi(pos) : 0;
}

void db_format_error(const PGresult *res, PGconn *conn, struct strbuf *out)
{
	const char *msg = res ? PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY) : NULL;
	if (!msg) {
		sb_add(out, "ERROR:  ");
		add_libpq_message(out, conn);
		return;
	}
	const char *sev = PQresultErrorField(res, PG_DIAG_SEVERITY);
	const char *state = PQresultErrorField(res, PG_DIAG_SQLSTATE);
	const char *detail = PQresultErrorField(res, PG_DIAG_MESSAGE_DETAIL);
	const char *hint = PQresultErrorField(res, PG_DIAG_MESSAGE_HINT);
	const char *ctx = PQresultErrorField(res, PG_DIAG_CONTEXT);
	sb_addf(out, "%s:  %s", sev ? sev : "ERROR", msg);
	if (state)
		sb_addf(out, " (SQLSTATE %s)", state);
	if (detail)
		sb_addf(out, "\nDETAIL:  %s", detail);
	if (hint)
		sb_addf(out, "\nHINT:  %s", hint);
	if (ctx)
		sb_addf(out, "\nCONTEXT:  %s", ctx);
}

int db_exec(PGconn *conn, const char *what, const char *sql, long *rows,
	    struct wfo_error *err)
{
	if (rows)
		*rows = -1;
	if (!PQsendQuery(conn, sql)) {
		struct strbuf sb = STRBUF_INIT;
		add_libpq_message(&sb, conn);
		wfo_fail(err, WFO_DB, "%s%scannot send the statement: %s", what ? what : "",
			 what ? ": " : "", sb_str(&sb));
		sb_free(&sb);
		return -1;
	}
	PGresult *res, *bad = NULL;
	int copy = 0;
	while ((res = PQgetResult(conn))) {
		ExecStatusType st = PQresultStatus(res);
		if (db_end_copy(conn, st)) {
			copy = 1;
			PQclear(res);
		} else if (st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK || st == PGRES_EMPTY_QUERY) {
			if (rows) {
				const char *t = PQcmdTuples(res);
				*rows = *t ? atol(t) : -1;
			}
			PQclear(res);
		} else if (!bad) {
			bad = res;
		} else {
			PQclear(res);
		}
	}
	if (!bad && !copy && PQstatus(conn) == CONNECTION_OK)
		return 0;
	struct strbuf sb = STRBUF_INIT;
	char *shown = db_shorten_sql(sql, 200);
	if (copy)
		sb_add(&sb, "COPY to or from the client (STDIN or STDOUT) is not supported here");
	else
		db_format_error(bad, conn, &sb);
	wfo_fail(err, WFO_DB, "%s%sstatement failed: %s\n%s", what ? what : "", what ? ": " : "",
		 shown, sb_str(&sb));
	free(shown);
	sb_free(&sb);
	PQclear(bad);
	return -1;
}

int db_end_copy(PGconn *conn, ExecStatusType st)
{
	if (st != PGRES_COPY_IN && st != PGRES_COPY_OUT && st != PGRES_COPY_BOTH)
		return 0;
	if (st != PGRES_COPY_OUT)   /* the server fails the COPY with this text */
		PQputCopyEnd(conn, "wfo-migrate sends no COPY data");
	if (st != PGRES_COPY_IN) {   /* read and drop the rows until the end */
		char *buf = NULL;
		int n;
		while ((n = PQgetCopyData(conn, &buf, 0)) >= 0) {
			PQfreemem(buf);
			buf = NULL;
		}
	}
	return 1;
}

int db_begin(PGconn *conn, struct wfo_error *err)
{
	return db_exec(conn, "starting the transaction", "BEGIN", NULL, err);
}

int db_commit(PGconn *conn, struct wfo_error *err)
{
	return db_exec(conn, "committing", "COMMIT", NULL, err);
}

void db_rollback(PGconn *conn)
{
	PGresult *res = PQexec(conn, "ROLLBACK");
	PQclear(res);
}

int db_lock(PGconn *conn, struct wfo_error *err)
{
	return db_exec(conn, "taking the wfo-migrate advisory lock",
		       "SELECT pg_advisory_xact_lock(" DB_LOCK_KEY ")", NULL, err);
}

int db_read_versions(PGconn *conn, struct strvec *out, int *exists,
		     struct wfo_error *err)
{
	if (exists)
		*exists = 0;
	/* Not to_regclass(): it looks the name up in the session's catalog
	 * cache, which inside a transaction that waited for the advisory lock
	 * may still say "no such table" after the lock's previous holder
	 * created it and committed. A scan of pg_class sees every committed
	 * table; visible = on the search path, as Alembic's has_table checks. */
	PGresult *res = PQexec(conn, "SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_class c "
			       "WHERE c.relname = 'alembic_version' AND c.relkind IN ('r', 'p') "
			       "AND pg_catalog.pg_table_is_visible(c.oid))");
	if (PQresultStatus(res) != PGRES_TUPLES_OK || PQntuples(res) != 1) {
		struct strbuf sb = STRBUF_INIT;
		db_format_error(res, conn, &sb);
		wfo_fail(err, WFO_DB, "looking for table alembic_version: %s", sb_str(&sb));
		sb_free(&sb);
		PQclear(res);
		return -1;
	}
	int found = PQgetvalue(res, 0, 0)[0] == 't';
	PQclear(res);
	if (!found)
		return 0;
	if (exists)
		*exists = 1;
	res = PQexec(conn, "SELECT alembic_version.version_num FROM alembic_version");
	if (PQresultStatus(res) != PGRES_TUPLES_OK) {
		struct strbuf sb = STRBUF_INIT;
		db_format_error(res, conn, &sb);
		wfo_fail(err, WFO_DB, "reading table alembic_version: %s", sb_str(&sb));
		sb_free(&sb);
		PQclear(res);
		return -1;
	}
	for (int i = 0; i < PQntuples(res); i++)
		sv_push(out, PQgetvalue(res, i, 0));
	PQclear(res);
	return 0;
}
