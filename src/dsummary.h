/* dsummary.h - the summary of a domain-model migration in plain English,
 * for every driver (wizard Review, line prompts before the confirmation,
 * --yes runs on stdout): decisions first (a chosen rename is a rename, not
 * a delete and a create), then what is created, what is kept, and every
 * deletion with the subscriptions, instances, values, instance relations
 * and processes it removes, counted in the database by one query
 * (sqlgen_loss_query) before anything changes.
 *
 *   struct dsum s;
 *   if (dsum_build(conn, &cs, &s, &err) < 0) ... err names the failure
 *   for (size_t i = 0; i < s.n; i++) show s.v[i].text (kind for colour)
 *   dsum_free(&s);
 *
 * The change set may be a draft (plan_changeset_draft): answers still open
 * are shown as "to be asked". Ownership: struct dsum owns its lines; free
 * it with dsum_free. No function here prints. */
#ifndef WFO_DSUMMARY_H
#define WFO_DSUMMARY_H

#include <stdbool.h>
#include <stddef.h>

#include "plan.h"
#include "util.h"
#include "wfo_error.h"

struct pg_conn;   /* libpq's PGconn */

struct dsum_counts {
	long subscriptions, instances, values, relations, processes;
};

enum dsum_kind {
	DSUM_RENAME,   /* a decision: rename, replace */
	DSUM_CREATE,   /* something new */
	DSUM_KEEP,     /* data kept that a reader might fear lost */
	DSUM_DELETE,   /* something deleted (counts in the text) */
	DSUM_NOTE,     /* totals and notes */
};

struct dsum_line {
	enum dsum_kind kind;
	char *text;              /* one line, no newline, no identifiers */
	struct dsum_counts n;    /* DSUM_DELETE / DSUM_KEEP: the counts in the text */
};

struct dsum {
	struct dsum_line *v;
	size_t n, cap;
	bool counted;            /* the counts come from the database */
	struct dsum_counts total;   /* everything the upgrade deletes */
};
#define DSUM_INIT { NULL, 0, 0, false, { 0, 0, 0, 0, 0 } }

/* The summary of cs with the deletions counted on conn (one query; the
 * database is only read). 0, or -1 with err (WFO_DB) and *out empty. */
int dsum_build(struct pg_conn *conn, const struct changeset *cs, struct dsum *out,
	       struct wfo_error *err);

/* The summary from counts already known: counts[k] for the k-th item of
 * sqlgen_loss_items(cs), or NULL for a summary without counts (the
 * deletions are then named, not counted). Never fails. */
void dsum_make(const struct changeset *cs, const struct dsum_counts *counts, struct dsum *out);

/* The lines, each ending in a newline, appended to out. */
void dsum_render(const struct dsum *s, struct strbuf *out);

/* How many lines are deletions. */
size_t dsum_deletions(const struct dsum *s);

void dsum_free(struct dsum *s);

#endif
