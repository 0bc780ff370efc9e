/* migrate.c - run (or print) a plan of SQL-only revisions in one transaction. */
#include "config.h"
#include "migrate.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "db.h"

/* Statements are sent in batches of simple-protocol queries of about this
 * size: one round trip per batch instead of one per statement. The results
 * come back one per command, which maps them to statements again. */
#define BATCH_BYTES (512 * 1024)

/* ---- splitting text into commands as the server's lexer does ---- */

struct cmd_range {
	size_t start, end;   /* bytes [start, end) of one non-empty command */
};

static int ident_start(unsigned char c)
{
	return isalpha(c) || c == '_' || c >= 0x80;
}

static int ident_char(unsigned char c)
{
	return isalnum(c) || c == '_' || c == '$' || c >= 0x80;
}

/* Returns the number of commands; fills up to max ranges when out != NULL. */
static size_t split_commands(const char *t, struct cmd_range *out, size_t max, int *opaque)
{
	size_t n = 0, len = strlen(t), i = 0, tok = (size_t)-1;
	int depth = 0, prev_begin = 0;
	if (opaque)
		*opaque = 0;
#define START_TOKEN() do { if (tok == (size_t)-1) tok = i; } while (0)
	while (i < len) {
		unsigned char c = (unsigned char)t[i];
		if (isspace(c)) {
			i++;
		} else if (c == '-' && t[i + 1] == '-') {
			while (i < len && t[i] != '\n')
				i++;
		} else if (c == '/' && t[i + 1] == '*') {
			int d = 1;
			i += 2;
			while (i < len && d > 0) {
				if (t[i] == '/' && t[i + 1] == '*')
					d++, i += 2;
				else if (t[i] == '*' && t[i + 1] == '/')
					d--, i += 2;
				else
					i++;
			}
			if (d > 0 && opaque)
				*opaque = 1;
		} else if (c == '\'') {
			START_TOKEN();
			int esc = i > 0 && (t[i - 1] == 'e' || t[i - 1] == 'E') &&
				  (i < 2 || !ident_char((unsigned char)t[i - 2]));
			i++;
			for (;;) {
				if (i >= len) {
					if (opaque)
						*opaque = 1;
					break;
				}
				if (esc && t[i] == '\\' && i + 1 < len) {
					i += 2;
				} else if (t[i] == '\'') {
					if (t[i + 1] == '\'') {
						i += 2;
					} else {
						i++;
						break;
					}
				} else {
					i++;
				}
			}
			prev_begin = 0;
		} else if (c == '"') {
			START_TOKEN();
			i++;
			while (i < len && !(t[i] == '"' && t[i + 1] != '"'))
				i += t[i] == '"' ? 2 : 1;
			if (i >= len && opaque)
				*opaque = 1;
			i++;
			prev_begin = 0;
		} else if (c == '$' && (i == 0 || !ident_char((unsigned char)t[i - 1])) &&
			   (t[i + 1] == '$' || ident_start((unsigned char)t[i + 1]))) {
			size_t j = i + 1;
			while (j < len && t[j] != '$' && (isalnum((unsigned char)t[j]) || t[j] == '_' ||
							 (unsigned char)t[j] >= 0x80))
				j++;
			START_TOKEN();
			if (t[j] != '$') {          /* not a tag after all */
				i = j;
				continue;
			}
			size_t taglen = j - i + 1;
			const char *end = NULL;
			for (size_t k = j + 1; k + taglen <= len; k++)
				if (!strncmp(t + k, t + i, taglen)) {
					end = t + k;
					break;
				}
			if (!end) {
				if (opaque)
					*opaque = 1;
				i = len;
			} else {
				i = (size_t)(end - t) + taglen;
			}
			prev_begin = 0;
		} else if (c == ';') {
			if (depth == 0 && tok != (size_t)-1) {
				if (out && n < max)
					out[n] = (struct cmd_range){ tok, i };
				n++;
				tok = (size_t)-1;
			}
			i++;
			prev_begin = 0;
		} else if (ident_start(c)) {
			START_TOKEN();
			size_t j = i;
			while (j < len && ident_char((unsigned char)t[j]))
				j++;
			size_t wl = j - i;
			if (prev_begin && wl == 6 && !strncasecmp(t + i, "atomic", 6) && opaque)
				*opaque = 1;
			prev_begin = wl == 5 && !strncasecmp(t + i, "begin", 5);
			i = j;
		} else {
			START_TOKEN();
			if (c == '(')
				depth++;
			else if (c == ')' && depth > 0)
				depth--;
			i++;
			prev_begin = 0;
		}
	}
#undef START_TOKEN
	if (tok != (size_t)-1) {
		if (out && n < max)
			out[n] = (struct cmd_range){ tok, len };
		n++;
	}
	return n;
}

size_t migrate_count_commands(const char *text, int *opaque)
{
	return split_commands(text, NULL, 0, opaque);
}

/* ---- transaction control inside a revision ---- */

/* The first word(s) of command [b, e) of text, upper-cased, as far as they
 * decide whether it ends the transaction. */
static size_t word_at(const char *t, size_t i, size_t e, char *w, size_t wmax)
{
	w[0] = '\0';
	while (i < e && !ident_start((unsigned char)t[i]))
		if (isspace((unsigned char)t[i]))
			i++;
		else
			return e;   /* not a keyword: "(", a quote... */
	size_t n = 0;
	while (i < e && ident_char((unsigned char)t[i])) {
		if (n + 1 < wmax)
			w[n++] = (char)toupper((unsigned char)t[i]);
		i++;
	}
	w[n] = '\0';
	return i;
}

/* Does the command [b, e) of text end (or leave) the transaction it runs
 * in? COMMIT, END, ROLLBACK and ABORT (but not ROLLBACK TO a savepoint),
 * PREPARE TRANSACTION, and BEGIN / START TRANSACTION (no-ops inside a
 * transaction for us, but written for a run that commits per statement).
 * SAVEPOINT and RELEASE stay inside the transaction. */
static int ends_transaction(const char *t, size_t b, size_t e)
{
	char w1[16], w2[16];
	/* skip comments before the first word */
	for (;;) {
		while (b < e && isspace((unsigned char)t[b]))
			b++;
		if (b + 1 < e && t[b] == '-' && t[b + 1] == '-') {
			while (b < e && t[b] != '\n')
				b++;
		} else if (b + 1 < e && t[b] == '/' && t[b + 1] == '*') {
			const char *c = strstr(t + b + 2, "*/");
			b = c ? (size_t)(c - t) + 2 : e;
		} else {
			break;
		}
	}
	size_t i = word_at(t, b, e, w1, sizeof(w1));
	if (!*w1)
		return 0;
	word_at(t, i, e, w2, sizeof(w2));
	if (!strcmp(w1, "ROLLBACK") || !strcmp(w1, "ABORT"))
		return strcmp(w2, "TO") != 0 && strcmp(w2, "PREPARED") != 0;
	if (!strcmp(w1, "COMMIT"))
		return strcmp(w2, "PREPARED") != 0;
	if (!strcmp(w1, "PREPARE"))
		return !strcmp(w2, "TRANSACTION");
	if (!strcmp(w1, "START"))
		return !strcmp(w2, "TRANSACTION");
	/* BEGIN ATOMIC only occurs inside CREATE FUNCTION/PROCEDURE */
	return !strcmp(w1, "END") || !strcmp(w1, "BEGIN");
}

int migrate_txn_control(const struct rev_body *b, int *line, char **cmd)
{
	for (size_t k = 0; b && k < b->n; k++) {
		const char *t = b->v[k].sql;
		int opaque = 0;
		size_t n = split_commands(t, NULL, 0, &opaque);
		if (!n || opaque)   /* cannot be split with certainty: the executor checks */
			continue;
		struct cmd_range *rs = xmalloc(n * sizeof(*rs));
		split_commands(t, rs, n, NULL);
		for (size_t c = 0; c < n; c++) {
			if (!ends_transaction(t, rs[c].start, rs[c].end))
				continue;
			if (line) {
				*line = b->v[k].line;
				for (size_t i = 0; i < rs[c].start; i++)
					*line += t[i] == '\n';
			}
			if (cmd) {
				char *raw = xstrndup(t + rs[c].start, rs[c].end - rs[c].start);
				*cmd = db_shorten_sql(raw, 60);
				free(raw);
			}
			free(rs);
			return 1;
		}
		free(rs);
	}
	return 0;
}

/* ---- steps ---- */

static const struct rev_body *step_body(const struct rev_step *s)
{
	if (!s->rev)
		return NULL;
	return s->upgrade ? &s->rev->upgrade : &s->rev->downgrade;
}

size_t migrate_foreign_steps(const struct rev_plan *plan, struct strbuf *list)
{
	size_t n = 0;
	for (size_t i = 0; i < plan->n; i++) {
		const struct rev_step *s = &plan->steps[i];
		const struct rev_body *b = step_body(s);
		int tl = 0;
		char *tc = NULL;
		if (b && b->sql_only && !migrate_txn_control(b, &tl, &tc))
			continue;
		n++;
		if (!list) {
			free(tc);
			continue;
		}
		if (tc)
			sb_addf(list, "  %s (%s:%d): %s() ends the transaction part-way (%s), so the "
				"run cannot be one transaction; only Alembic runs it, committing there\n",
				s->id, s->rev->path, tl, s->upgrade ? "upgrade" : "downgrade", tc);
		else if (!s->rev)
			sb_addf(list, "  %s (not in the version folders): an external revision, "
				"e.g. orchestrator-core's own schema, that only Alembic can run\n", s->id);
		else if (!b->line)
			sb_addf(list, "  %s (%s): has no %s() function\n", s->id, s->rev->path,
				s->upgrade ? "upgrade" : "downgrade");
		else
			sb_addf(list, "  %s (%s): %s() is not SQL-only: %s\n", s->id, s->rev->path,
				s->upgrade ? "upgrade" : "downgrade",
				b->why_not && *b->why_not ? b->why_not : "it does more than execute SQL");
		free(tc);
	}
	return n;
}

int migrate_unapplied(const struct rev_graph *g, const struct strvec *rows,
		      struct strvec *out, struct wfo_error *err)
{
	struct rev_plan plan = { 0 };
	if (rev_plan_upgrade(g, rows, "heads", &plan, err) < 0)
		return -1;
	int n = 0;
	for (size_t i = 0; i < plan.n; i++) {
		const struct rev_step *s = &plan.steps[i];
		const struct rev_body *b = step_body(s);
		if (b && b->sql_only && b->n == 0)
			continue;
		char *line = s->rev ? xasprintf("%s (%s)", s->id, s->rev->path) : xstrdup(s->id);
		sv_push(out, line);
		free(line);
		n++;
	}
	rev_plan_free(&plan);
	return n;
}

static void add_joined(struct strbuf *sb, const struct strvec *v)
{
	for (size_t i = 0; i < v->n; i++)
		sb_addf(sb, "%s%s", i ? ", " : "", v->v[i]);
}

char *migrate_step_text(const struct rev_step *s)
{
	struct strbuf sb = STRBUF_INIT;
	sb_add(&sb, s->upgrade ? "upgrade " : "downgrade ");
	if (s->upgrade) {
		if (s->rev)
			add_joined(&sb, &s->rev->down);
		sb_addf(&sb, " -> %s", s->id);
	} else {
		sb_addf(&sb, "%s -> ", s->id);
		if (s->rev)
			add_joined(&sb, &s->rev->down);
	}
	if (s->rev && s->rev->doc && *s->rev->doc)
		sb_addf(&sb, ", %s", s->rev->doc);
	return sb_detach(&sb);
}

static void log_step(const struct migrate_opts *o, const struct rev_step *s)
{
	if (!o || !o->log)
		return;
	char *t = migrate_step_text(s);
	char *line = xasprintf("Running %s", t);
	o->log(o->log_ctx, line);
	free(line);
	free(t);
}

/* ---- offline rendering (--sql) ---- */

/* Alembic strips each statement and adds the terminator. */
static void add_stmt(struct strbuf *out, const char *sql)
{
	const char *b = sql, *e = sql + strlen(sql);
	while (b < e && isspace((unsigned char)*b))
		b++;
	while (e > b && isspace((unsigned char)e[-1]))
		e--;
	sb_addn(out, b, (size_t)(e - b));
	sb_add(out, ";\n\n");
}

void migrate_render_sql(const struct rev_plan *plan, const struct strvec *from,
			const struct migrate_opts *o, struct strbuf *out)
{
	sb_add(out, "BEGIN;\n\n");
	for (size_t i = 0; i < plan->n; i++) {
		const struct rev_step *s = &plan->steps[i];
		if (i == 0 && from->n == 0)
			add_stmt(out, DB_CREATE_VERSION_TABLE);
		log_step(o, s);
		char *t = migrate_step_text(s);
		/* the comment is Alembic's short_log: without the doc */
		const char *doc = s->rev && s->rev->doc && *s->rev->doc ? s->rev->doc : NULL;
		size_t tl = strlen(t);
		if (doc)
			tl -= strlen(doc) + 2;
		sb_addf(out, "-- Running %.*s\n\n", (int)tl, t);
		free(t);
		const struct rev_body *b = step_body(s);
		for (size_t k = 0; b && k < b->n; k++)
			add_stmt(out, b->v[k].sql);
		for (size_t k = 0; k < s->version_sql.n; k++) {
			const char *v = s->version_sql.v[k];
			/* SQLAlchemy's offline INSERT asks for the row back */
			if (str_starts_with(v, "INSERT INTO alembic_version ") && !strstr(v, "RETURNING")) {
				char *r = xasprintf("%s RETURNING alembic_version.version_num", v);
				add_stmt(out, r);
				free(r);
			} else {
				add_stmt(out, v);
			}
		}
	}
	if (plan->heads_after.n == 0)
		add_stmt(out, "DROP TABLE alembic_version");
	sb_add(out, "COMMIT;\n\n");
}

/* ---- online execution ---- */

enum item_kind { ITEM_SETUP, ITEM_BODY, ITEM_VERSION };

struct item {
	const char *text;
	enum item_kind kind;
	size_t step;                   /* index into plan->steps */
	const struct rev_stmt *stmt;   /* ITEM_BODY */
	size_t ncmd;
	int opaque;                    /* send alone, take every result */
	size_t off;                    /* start in the batch buffer */
};

struct run {
	PGconn *conn;
	const struct rev_plan *plan;
	const struct migrate_opts *o;
	struct item *items;
	size_t n;
	size_t done;
	size_t logged;                 /* steps logged so far */
	int txn_lost;                  /* a statement ended our transaction */
	struct wfo_error *err;
};

static void log_until(struct run *r, size_t step)
{
	while (r->logged <= step && r->logged < r->plan->n)
		log_step(r->o, &r->plan->steps[r->logged++]);
}

static void add_item(struct run *r, size_t *cap, enum item_kind kind, size_t step,
		     const struct rev_stmt *stmt, const char *text)
{
	int opaque = 0;
	size_t ncmd = split_commands(text, NULL, 0, &opaque);
	if (ncmd == 0 && !opaque)
		return;   /* only comments: the server would not answer */
	if (r->n == *cap) {
		*cap = *cap ? *cap * 2 : 64;
		r->items = xrealloc(r->items, *cap * sizeof(*r->items));
	}
	r->items[r->n++] = (struct item){ text, kind, step, stmt, ncmd, opaque, 0 };
}

/* Byte offset of 1-based character position pos in s (UTF-8). */
static size_t char_to_byte(const char *s, size_t len, int pos)
{
	size_t b = 0;
	int chars = 0;
	for (; b < len; b++) {
		if (((unsigned char)s[b] & 0xC0) != 0x80) {
			if (++chars == pos)
				return b;
		}
	}
	return len;
}

static int count_lines(const char *s, size_t n)
{
	int lines = 0;
	for (size_t i = 0; i < n && s[i]; i++)
		lines += s[i] == '\n';
	return lines;
}

/* The error of item it, its cmd-th command; res may carry a position into
 * the batch buffer buf. */
static int fail_item(struct run *r, const struct item *it, size_t cmd, PGresult *res,
		     const char *buf, size_t buflen, const char *why)
{
	const struct rev_step *s = it->kind == ITEM_SETUP ? NULL : &r->plan->steps[it->step];
	struct strbuf pg = STRBUF_INIT;
	if (why)
		sb_add(&pg, why);
	else
		db_format_error(res, r->conn, &pg);

	/* which command, and where it starts */
	struct cmd_range cr = { 0, strlen(it->text) };
	if (!it->opaque && it->ncmd > 1) {
		struct cmd_range *rs = xmalloc(it->ncmd * sizeof(*rs));
		split_commands(it->text, rs, it->ncmd, NULL);
		if (cmd < it->ncmd)
			cr = rs[cmd];
		free(rs);
	}
	size_t at = cr.start;
	int pos = why ? 0 : db_error_position(res);
	if (pos > 0 && buf) {
		size_t b = char_to_byte(buf, buflen, pos);
		if (b >= it->off && b - it->off <= strlen(it->text))
			at = b - it->off;
	}
	char *cmdtext = xstrndup(it->text + cr.start, cr.end - cr.start);
	char *shown = db_shorten_sql(cmdtext, 300);
	const char *dir = s && s->upgrade ? "upgrade" : "downgrade";
	if (it->kind == ITEM_BODY) {
		wfo_fail(r->err, WFO_DB, "%s:%d: revision %s (%s) failed; everything was rolled back, "
			 "the database is unchanged.\nStatement: %s\n%s", s->rev->path,
			 it->stmt->line + count_lines(it->text, at), s->id, dir, shown, sb_str(&pg));
	} else if (it->kind == ITEM_VERSION) {
		wfo_fail(r->err, WFO_DB, "%s%srevision %s (%s): updating alembic_version failed; "
			 "everything was rolled back, the database is unchanged.\nStatement: %s\n%s",
			 s->rev ? s->rev->path : "", s->rev ? ": " : "", s->id, dir, shown,
			 sb_str(&pg));
	} else {
		wfo_fail(r->err, WFO_DB, "creating table alembic_version failed; the database is "
			 "unchanged.\nStatement: %s\n%s", shown, sb_str(&pg));
	}
	free(shown);
	free(cmdtext);
	sb_free(&pg);
	return -1;
}

/* An alembic_version UPDATE/DELETE must touch exactly one row (Alembic:
 * "Online migration expected to match one row"). */
static int check_version_result(struct run *r, const struct item *it, PGresult *res)
{
	const char *status = PQcmdStatus(res);
	int is_ud = !strncmp(status, "UPDATE", 6) || !strncmp(status, "DELETE", 6);
	if (!is_ud || !strcmp(PQcmdTuples(res), "1"))
		return 0;
	const struct rev_step *s = &r->plan->steps[it->step];
	char *shown = db_shorten_sql(it->text, 300);
	wfo_fail(r->err, WFO_DB, "revision %s (%s%s%s): the alembic_version statement matched %s "
		 "rows instead of exactly one, so alembic_version does not hold what the plan was "
		 "made from (another tool changed it?); everything was rolled back, the database "
		 "is unchanged.\nStatement: %s", s->id, s->upgrade ? "upgrade" : "downgrade",
		 s->rev ? ", " : "", s->rev ? s->rev->path : "", PQcmdTuples(res), shown);
	free(shown);
	return -1;
}

static void progress(struct run *r, const struct item *it)
{
	r->done++;
	if (r->o && r->o->progress)
		r->o->progress(r->o->progress_ctx, r->done, r->n,
			       it->kind == ITEM_SETUP ? NULL : &r->plan->steps[it->step]);
}

static void join_rows(struct strbuf *sb, const struct strvec *v)
{
	if (!v->n)
		sb_add(sb, "(empty)");
	add_joined(sb, v);
}

/* The statements just run ended the transaction (a COMMIT or ROLLBACK the
 * up-front check could not see, e.g. in text it cannot split): say what is
 * now true instead of "unchanged". */
static int lost_transaction(struct run *r, const struct item *it)
{
	const struct rev_step *s = it->kind == ITEM_SETUP ? NULL : &r->plan->steps[it->step];
	r->txn_lost = 1;
	struct strvec now = STRVEC_INIT;
	struct wfo_error e2 = { 0 };
	struct strbuf rows = STRBUF_INIT;
	if (db_read_versions(r->conn, &now, NULL, &e2) == 0)
		join_rows(&rows, &now);
	else
		sb_add(&rows, "(could not be read)");
	wfo_fail(r->err, WFO_DB, "%s%srevision %s (%s) ended the transaction part-way (a COMMIT, "
		 "ROLLBACK or END among its statements): the run is NOT one transaction any more "
		 "and was stopped there. What ran before that point may be committed, so the "
		 "database may be partly changed; alembic_version now holds %s. Check the "
		 "database, then run the revision with Alembic or remove the transaction "
		 "control from it.", s && s->rev ? s->rev->path : "", s && s->rev ? ": " : "",
		 s ? s->id : "-", s && s->upgrade ? "upgrade" : "downgrade", sb_str(&rows));
	sb_free(&rows);
	sv_free(&now);
	return -1;
}

/* Sends items [i, j) as one query and consumes every result. */
static int run_batch(struct run *r, size_t i, size_t j, struct strbuf *buf)
{
	sb_reset(buf);
	if (r->items[i].opaque) {
		r->items[i].off = 0;
		sb_add(buf, r->items[i].text);
	} else {
		for (size_t k = i; k < j; k++) {
			r->items[k].off = buf->len;
			sb_add(buf, r->items[k].text);
			sb_add(buf, "\n;\n");
		}
	}
	if (!PQsendQuery(r->conn, sb_str(buf))) {
		struct strbuf m = STRBUF_INIT;
		db_format_error(NULL, r->conn, &m);
		wfo_fail(r->err, WFO_DB, "sending statements to the server failed: %s", sb_str(&m));
		sb_free(&m);
		return -1;
	}
	size_t cur = i, got = 0;
	int failed = 0, mismatch = 0;
	PGresult *res;
	while ((res = PQgetResult(r->conn))) {
		ExecStatusType st = PQresultStatus(res);
		/* COPY FROM STDIN / TO STDOUT: there is no client side for the
		 * rows; end the copy, or the loop never ends */
		int copy = db_end_copy(r->conn, st);
		if (failed || mismatch) {
			PQclear(res);
			continue;
		}
		/* a step's line is printed when its first statement has run */
		if (cur < j && r->items[cur].kind != ITEM_SETUP)
			log_until(r, r->items[cur].step);
		if (cur >= j) {
			mismatch = 1;
		} else if (copy) {
			failed = 1;
			fail_item(r, &r->items[cur], got, res, buf->buf, buf->len,
				  "COPY to or from the client (STDIN or STDOUT) cannot run in a "
				  "revision: there is no client to send or receive the rows. Use "
				  "INSERT ... SELECT, or COPY with a file on the server.");
		} else if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK && st != PGRES_EMPTY_QUERY) {
			failed = 1;
			fail_item(r, &r->items[cur], got, res, buf->buf, buf->len, NULL);
		} else if (r->items[cur].kind == ITEM_VERSION && check_version_result(r, &r->items[cur], res) < 0) {
			failed = 1;
		} else if (!r->items[cur].opaque && ++got == r->items[cur].ncmd) {
			progress(r, &r->items[cur]);
			cur++;
			got = 0;
		}
		PQclear(res);
	}
	/* after an error the transaction is normally aborted (INERROR); idle
	 * means a statement ended it, and then the error's "unchanged" is not
	 * true */
	if (PQstatus(r->conn) == CONNECTION_OK &&
	    PQtransactionStatus(r->conn) == PQTRANS_IDLE)
		return lost_transaction(r, &r->items[cur < j ? cur : j - 1]);
	if (failed)
		return -1;
	if (r->items[i].opaque && !mismatch && PQstatus(r->conn) == CONNECTION_OK) {
		progress(r, &r->items[i]);
		return 0;
	}
	if (PQstatus(r->conn) != CONNECTION_OK) {
		struct strbuf m = STRBUF_INIT;
		db_format_error(NULL, r->conn, &m);
		wfo_fail(r->err, WFO_DB, "the connection to the server was lost: %s", sb_str(&m));
		sb_free(&m);
		return -1;
	}
	if (mismatch || cur != j) {
		const struct item *it = &r->items[cur < j ? cur : j - 1];
		const struct rev_step *s = it->kind == ITEM_SETUP ? NULL : &r->plan->steps[it->step];
		char *shown = db_shorten_sql(it->text, 200);
		wfo_fail(r->err, WFO_INTERNAL, "the server answered a different number of commands "
			 "than wfo-migrate counted near revision %s (%s); nothing was changed. Please "
			 "report this with the statement: %s", s ? s->id : "-",
			 s && s->rev ? s->rev->path : "-", shown);
		free(shown);
		return -1;
	}
	return 0;
}

static int same_set(const struct strvec *a, const struct strvec *b)
{
	if (a->n != b->n)
		return 0;
	for (size_t i = 0; i < a->n; i++)
		if (!sv_contains(b, a->v[i]))
			return 0;
	return 1;
}

static void screen_progress(void *ctx, size_t done, size_t total, const struct rev_step *step)
{
	struct migrate_screen *s = ctx;
	/* setup statements (alembic_version) belong to no step */
	char *what = step ? migrate_step_text(step) : xstrdup("preparing alembic_version");
	if (s->fn(s->ui, done, total, what))
		s->stop = 1;
	free(what);
}

void migrate_screen_attach(struct migrate_opts *o, struct migrate_screen *s,
			   migrate_screen_fn fn, void *ui)
{
	s->fn = fn;
	s->ui = ui;
	s->stop = 0;
	o->progress = fn ? screen_progress : NULL;
	o->progress_ctx = s;
	o->stop = &s->stop;
}

static int stopped(const struct migrate_opts *o)
{
	return o && o->stop && *o->stop;
}

static int execute(struct run *r, int create_table)
{
	size_t cap = 0;
	if (create_table)
		add_item(r, &cap, ITEM_SETUP, 0, NULL, DB_CREATE_VERSION_TABLE);
	for (size_t s = 0; s < r->plan->n; s++) {
		const struct rev_step *st = &r->plan->steps[s];
		const struct rev_body *b = step_body(st);
		for (size_t k = 0; b && k < b->n; k++)
			add_item(r, &cap, ITEM_BODY, s, &b->v[k], b->v[k].sql);
		for (size_t k = 0; k < st->version_sql.n; k++)
			add_item(r, &cap, ITEM_VERSION, s, NULL, st->version_sql.v[k]);
	}
	struct strbuf buf = STRBUF_INIT;
	size_t i = 0;
	int rc = 0;
	while (i < r->n && rc == 0) {
		if (stopped(r->o)) {
			rc = -1;
			break;
		}
		size_t j = i + 1;
		if (!r->items[i].opaque) {
			size_t bytes = strlen(r->items[i].text);
			while (j < r->n && !r->items[j].opaque && bytes < BATCH_BYTES)
				bytes += strlen(r->items[j++].text);
		}
		rc = run_batch(r, i, j, &buf);
		i = j;
	}
	if (rc == 0)
		log_until(r, r->plan->n);
	sb_free(&buf);
	return rc;
}

int migrate_run(PGconn *conn, const struct strvec *planned_from, const struct rev_plan *plan,
		const struct migrate_opts *o, size_t *applied, struct wfo_error *err)
{
	if (applied)
		*applied = 0;
	if (db_begin(conn, err) < 0)
		return -1;
	struct strvec now = STRVEC_INIT, after = STRVEC_INIT;
	struct rev_plan replan = { 0 };
	int replanned = 0, exists = 0, rc = -1;
	struct run r = { .conn = conn, .o = o, .err = err };
	if (db_lock(conn, err) < 0 || db_read_versions(conn, &now, &exists, err) < 0)
		goto out;
	if (!same_set(&now, planned_from)) {
		struct strbuf was = STRBUF_INIT, is = STRBUF_INIT;
		join_rows(&was, planned_from);
		join_rows(&is, &now);
		if (!o->replan) {
			wfo_fail(err, WFO_DB, "alembic_version changed while wfo-migrate was planning "
				 "(it was %s, now it is %s: another run?); nothing was changed, run "
				 "the command again", sb_str(&was), sb_str(&is));
			sb_free(&was);
			sb_free(&is);
			goto out;
		}
		sb_free(&was);
		sb_free(&is);
		if (o->replan(o->replan_ctx, &now, &replan, err) < 0) {
			wfo_error_prefix(err, "alembic_version changed while wfo-migrate was "
					 "planning; planning again for %s: ", o->target);
			goto out;
		}
		replanned = 1;
		plan = &replan;
		struct strbuf list = STRBUF_INIT;
		if (migrate_foreign_steps(plan, &list)) {
			wfo_fail(err, WFO_DB, "alembic_version changed while wfo-migrate was planning "
				 "(another run?), and the new plan needs revisions only Alembic can "
				 "run:\n%sNothing was changed; run the command again.", sb_str(&list));
			sb_free(&list);
			goto out;
		}
		sb_free(&list);
	}
	r.plan = plan;
	if (execute(&r, !exists && now.n == 0) < 0)
		goto out;
	if (db_read_versions(conn, &after, NULL, err) < 0)
		goto out;
	if (!same_set(&after, &plan->heads_after)) {
		struct strbuf sb = STRBUF_INIT;
		sb_add(&sb, "alembic_version would hold ");
		join_rows(&sb, &after);
		sb_add(&sb, " but the plan says ");
		join_rows(&sb, &plan->heads_after);
		wfo_fail(err, WFO_INTERNAL, "%s; everything was rolled back, the database is "
			 "unchanged. Please report this.", sb_str(&sb));
		sb_free(&sb);
		goto out;
	}
	if (stopped(o))
		goto out;
	if (db_commit(conn, err) < 0)
		goto out;
	if (applied)
		*applied = plan->n;
	rc = 0;
out:
	if (rc < 0)
		db_rollback(conn);
	if (rc < 0 && stopped(o) && !r.txn_lost)
		/* whatever failed, it failed because of the stop (a cancelled
		 * statement), and the rollback above undid everything */
		wfo_fail(err, WFO_ABORTED, "interrupted: the %s was stopped and everything was "
			 "rolled back; the database is unchanged", o->upgrade ? "upgrade" : "downgrade");
	free(r.items);
	if (replanned && o->plan_free)
		o->plan_free(&replan);
	sv_free(&now);
	sv_free(&after);
	return rc;
}
