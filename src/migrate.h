/* migrate.h - the upgrade/downgrade executor: runs a rev_plan of SQL-only
 * revisions in ONE transaction under the wfo-migrate advisory lock, keeping
 * alembic_version as Alembic keeps it; and renders the same run as SQL text
 * (alembic --sql).
 *
 * Ownership: nothing returned needs freeing except where noted; the plan
 * and graph stay the caller's. */
#ifndef WFO_MIGRATE_H
#define WFO_MIGRATE_H

#include <signal.h>
#include <stddef.h>
#include <libpq-fe.h>

#include "revgraph.h"
#include "util.h"
#include "wfo_error.h"

/* Called after each statement (revision statements and alembic_version
 * statements alike) has run: done of total, in the step it belongs to. */
typedef void (*migrate_progress_fn)(void *ctx, size_t done, size_t total,
				    const struct rev_step *step);
/* Called once per step before it runs, with Alembic's log text
 * ("Running upgrade a -> b, doc"). */
typedef void (*migrate_log_fn)(void *ctx, const char *line);

/* Plans again from the rows now in alembic_version; 0 or -1 with err. */
typedef int (*migrate_replan_fn)(void *ctx, const struct strvec *now,
				 struct rev_plan *out, struct wfo_error *err);

struct migrate_opts {
	int upgrade;                /* 1: upgrade, 0: downgrade */
	const char *target;         /* the identifier the plan was made for (messages) */
	/* When alembic_version changed between planning and the lock: plan
	 * again with replan (NULL: fail), free that plan with plan_free. */
	migrate_replan_fn replan;
	void (*plan_free)(struct rev_plan *p);
	void *replan_ctx;
	migrate_progress_fn progress;
	void *progress_ctx;
	migrate_log_fn log;
	void *log_ctx;
	/* Set (by a signal handler) to stop the run: checked before each batch
	 * of statements and before COMMIT; the run then rolls back and fails
	 * with WFO_ABORTED. A handler should also cancel the statement running
	 * (PQcancel). NULL: never stopped. */
	volatile sig_atomic_t *stop;
};

/* A screen's progress report: after each statement, done of total and the
 * step's text (Alembic's "upgrade a -> b, doc"). Nonzero: stop the run (it
 * rolls back and fails with WFO_ABORTED). */
typedef int (*migrate_screen_fn)(void *ui, size_t done, size_t total, const char *what);
struct migrate_screen {
	migrate_screen_fn fn;
	void *ui;
	volatile sig_atomic_t stop;
};
/* Points o's progress report and stop flag at s, which reports to fn(ui). */
void migrate_screen_attach(struct migrate_opts *o, struct migrate_screen *s,
			   migrate_screen_fn fn, void *ui);

/* Steps wfo-migrate cannot execute itself (external revisions, bodies that
 * are not SQL-only, bodies that end the transaction part-way). Appends one line per step to list (may be NULL):
 * "  <id> (<file>): <why>\n". Returns how many. */
size_t migrate_foreign_steps(const struct rev_plan *plan, struct strbuf *list);

/* Does body b end the transaction part-way: a COMMIT, END, ROLLBACK (not
 * ROLLBACK TO), ABORT, PREPARE TRANSACTION, BEGIN or START TRANSACTION
 * command in its statements? Such a body breaks the one-transaction run, so
 * migrate_foreign_steps counts it as one only Alembic may run. *line (may be
 * NULL) gets the file line of that command, *cmd (may be NULL) the command
 * shortened, to free. Returns 1 or 0. */
struct rev_body;
int migrate_txn_control(const struct rev_body *b, int *line, char **cmd);

/* The revisions of graph g that `upgrade heads` would apply to a database
 * whose alembic_version holds rows, leaving out those that change nothing
 * (empty SQL-only bodies, e.g. "create data head"): out receives one line
 * per revision, "<id> (<file>)" (external revisions: "<id>"). A migration
 * written now would be diffed against a database that lacks their changes.
 * Returns how many, or -1 with err when no plan can be made. */
int migrate_unapplied(const struct rev_graph *g, const struct strvec *rows,
		      struct strvec *out, struct wfo_error *err);

/* "upgrade a, b -> c, doc" / "downgrade c -> a, b" as Alembic logs a step.
 * The caller frees the result. */
char *migrate_step_text(const struct rev_step *step);

/* Executes plan on conn, which must not be inside a transaction: BEGIN, the
 * advisory lock, alembic_version read again under the lock (if it no longer
 * equals planned_from the run is planned again with o->replan; if that plan
 * needs Alembic, nothing is done and the error says so), CREATE TABLE
 * alembic_version when it is absent, every step's statements followed by its
 * alembic_version statements (each UPDATE/DELETE must touch exactly one row),
 * a check that alembic_version ends as the plan says, COMMIT. On any error:
 * ROLLBACK (the database is unchanged) and err names the revision file and
 * line, the statement and PostgreSQL's error. *applied (may be NULL)
 * receives the number of steps run. */
int migrate_run(PGconn *conn, const struct strvec *planned_from, const struct rev_plan *plan,
		const struct migrate_opts *o, size_t *applied, struct wfo_error *err);

/* The SQL Alembic's offline mode (--sql) prints for plan starting from the
 * rows from: BEGIN, CREATE TABLE alembic_version when from is empty, per
 * step "-- Running ..." then its statements and alembic_version statements,
 * DROP TABLE alembic_version when no rows remain, COMMIT. Calls o->log per
 * step like migrate_run. */
void migrate_render_sql(const struct rev_plan *plan, const struct strvec *from,
			const struct migrate_opts *o, struct strbuf *out);

/* Number of SQL commands in text as the server's simple query protocol
 * sees them (quotes, dollar quotes, comments respected; empty commands not
 * counted). *opaque (may be NULL) is set when the text cannot be split
 * with certainty (BEGIN ATOMIC bodies, an unterminated quote or comment). */
size_t migrate_count_commands(const char *text, int *opaque);

#endif
