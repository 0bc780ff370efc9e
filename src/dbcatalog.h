/* dbcatalog.h - read the product catalogue of an orchestrator database.
 *
 * dbcat_read runs a constant number of queries (DBCAT_QUERIES), whatever
 * the size of the catalogue: one check that the orchestrator tables exist,
 * one per catalogue table / relation table, and GROUP BY count queries for
 * the impact figures (subscriptions per product, instances per block, values
 * per (block, resource type); values per resource type are summed from the
 * latter). No instance rows travel to the client.
 *
 * When the connection is idle, the queries run in one REPEATABLE READ, READ
 * ONLY transaction (one snapshot) with JIT compilation off (SET LOCAL, same
 * statement as the BEGIN); inside a caller's transaction they run in it, its
 * settings untouched.
 *
 * The result follows every guarantee of catalog.h (sorted, unique, database
 * side). Ownership: *out is freed with dm_catalog_free, *extra (when asked
 * for) with cat_extra_free; on error nothing is returned and err names the
 * table or query that failed, or says which orchestrator tables are missing
 * (not an orchestrator database, or not initialised) and how to fix it. */
#ifndef WFO_DBCATALOG_H
#define WFO_DBCATALOG_H

#include <stdbool.h>

#include <libpq-fe.h>

#include "catalog.h"
#include "wfo_error.h"

#define DBCAT_QUERIES 9

/* extra and n_queries may be NULL; *n_queries gets the number of queries
 * sent (for the benchmark; always DBCAT_QUERIES on success, plus the BEGIN
 * and COMMIT when dbcat_read opened the transaction itself). */
int dbcat_read(PGconn *conn, struct dm_catalog **out, struct cat_extra **extra,
	       int *n_queries, struct wfo_error *err);

/* dbcat_read, optionally without the value counts (values false: one
 * query less, no values in resource types or extras - for `diff`, which
 * shows none; on large catalogues that query is half of the read). */
int dbcat_read_opt(PGconn *conn, bool values, struct dm_catalog **out,
		   struct cat_extra **extra, int *n_queries, struct wfo_error *err);

/* The tables dbcat_read needs, NULL-terminated (for messages and tests). */
extern const char *const dbcat_required_tables[];

#endif
