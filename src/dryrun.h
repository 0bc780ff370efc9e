/* dryrun.h - a dry run of a domain-model migration on the real database
 * before its revision file is written: the upgrade statements run inside
 * one transaction (under the wfo-migrate advisory lock), each reporting the
 * rows it touched; then, in the same transaction, the downgrade statements
 * the same way; then the catalogue (products, blocks, resource types, fixed
 * inputs, their links, subscriptions, instances, values, instance relations,
 * processes) is compared with a copy taken before the upgrade; then
 * everything is rolled back. Nothing is ever committed. While an upgrade
 * holds the advisory lock the dry run does not wait: it fails saying so.
 *
 * The comparison uses natural keys (names, and the ids of subscription
 * data, which a downgrade cannot make up), so a product deleted and created
 * again by the downgrade with a new id counts as back; a deleted value does
 * not.
 *
 * Ownership: dryrun_report_free releases a report (also after a failed
 * run). */
#ifndef WFO_DRYRUN_H
#define WFO_DRYRUN_H

#include <stdbool.h>
#include <stddef.h>

#include <libpq-fe.h>

#include "util.h"
#include "wfo_error.h"

struct dryrun_stmt {
	char *sql;       /* shortened for display */
	long rows;       /* rows touched; -1 when the command reports none */
};

/* One kind of catalogue row that differs after upgrade + downgrade. */
struct dryrun_loss {
	char *kind;      /* "instance value", "subscription", "product", ... */
	long count;
	char *examples;  /* up to three rows, one per line */
	bool extra;      /* false: gone after the downgrade; true: left over */
};

struct dryrun_report {
	struct dryrun_stmt *up, *down;
	size_t nup, ndown;          /* statements that ran */
	size_t total_up, total_down;
	bool failed;                /* a statement (or the comparison) failed */
	bool failed_in_down;        /* ... in the downgrade */
	bool failed_in_up;          /* ... in the upgrade */
	size_t failed_at;           /* 1-based statement number */
	char *error;                /* statement and PostgreSQL's error */
	bool compared;              /* the catalogue comparison ran */
	struct dryrun_loss *loss;
	size_t nloss;
};

enum dryrun_verdict {
	DRYRUN_RESTORED,    /* both ran; the catalogue comes back as it was */
	DRYRUN_LOSSY,       /* both ran; some rows cannot come back (listed) */
	DRYRUN_FAILED,      /* a statement failed */
};

/* Runs the dry run on conn (not inside a transaction). Fills *rep (zeroed
 * here) as far as it got. Returns the verdict; DRYRUN_FAILED also fills
 * err (WFO_DB: which statement, PostgreSQL's error). The database is
 * unchanged in every case. */
enum dryrun_verdict dryrun_run(PGconn *conn, const struct strvec *up, const struct strvec *down,
			       struct dryrun_report *rep, struct wfo_error *err);

/* The report for people: per statement its rows, the failure, the verdict
 * and what cannot come back. Appends to out. */
void dryrun_render(const struct dryrun_report *rep, struct strbuf *out);

void dryrun_report_free(struct dryrun_report *rep);

#endif
