/* merge.h - the model of the merge screen, and writing a merge revision.
 *
 * From a loaded revision graph and the rows of alembic_version it builds
 * what the screen shows: the heads to merge (those of the data branch, or
 * all heads when no revision has the label) and their revisions down to
 * the common ancestor, in drawing order (children before parents, one
 * branch after the other, like `git log --graph --topo-order`), each with
 * its date, its branch labels and whether it is applied (the upgrade
 * planner decides: what `upgrade heads` would not run is applied). For a
 * selection of heads it says what each head changes in the catalogue and
 * where heads collide (mergesql.h), and which revisions `upgrade heads`
 * would run after merging them, in order (the planner again, on the graph
 * with the merge revision added). Pure: no database, no terminal; the
 * caller reads alembic_version and writes files.
 *
 * Ownership: merge_model_new takes the graph; merge_model_free frees both.
 * Nodes point into the graph's revisions. Strings returned as char * are
 * the caller's. */
#ifndef WFO_MERGE_H
#define WFO_MERGE_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "mergesql.h"
#include "revgraph.h"
#include "util.h"
#include "wfo_error.h"

struct merge_node {
	const struct revision *r;  /* borrowed from the graph */
	size_t *parents;           /* indexes into nodes[] of the parents shown */
	size_t nparents;
	int applied;               /* 1 yes, 0 no, -1 unknown (no database) */
	int head;                  /* index into heads[], or -1 */
	bool base;                 /* a common ancestor of the heads (the bottom) */
	char date[11];             /* "2026-11-20" (Create Date, else the file name), or "" */
	char *labels;              /* branch labels, own and inherited: "data", "" */
};

struct merge_model {
	struct rev_graph *g;       /* owned */
	size_t graph_n;            /* revisions before the preview was added */
	struct strvec current;     /* alembic_version rows */
	bool have_db;              /* current is known */
	char *applied_note;        /* why applied is unknown, or NULL */
	char *branch;              /* "data", or NULL when every head is offered */
	struct merge_node *nodes;  /* drawing order */
	size_t n;
	size_t *heads;             /* node index of each head, in Alembic's order */
	size_t nheads;
	struct strvec other_heads; /* heads of the graph not offered ("id (labels)") */
	bool common;               /* the heads share an ancestor (else the drawing goes to the bases) */
	char new_id[13];           /* the merge revision's id */
	struct revision *preview;  /* the merge revision in g (after merge_upgrade_order) */
	char **anc;                /* per head: ancestors-or-self as a byte map of graph_n */
	struct merge_touches *touch;  /* per revision of the graph, read on first use */
	char *scanned;
};

/* Builds the model. g is taken (freed by merge_model_free, also on
 * error). current: the rows of alembic_version, NULL when the database is
 * not known (then db_note says why; applied marks are unknown). taken: ids
 * the new revision must not take (cli_taken_ids). Fails (WFO_USAGE) when
 * fewer than two heads are there to merge. */
int merge_model_new(struct rev_graph *g, const struct strvec *current, const char *db_note,
		    const struct strvec *taken, struct merge_model **out, struct wfo_error *err);
void merge_model_free(struct merge_model *m);

/* The ids of the heads selected (sel[i] for heads[i]), in head order. */
void merge_selected_ids(const struct merge_model *m, const bool *sel, struct strvec *out);

/* What the upgrade of node i runs, as text for a reader: a comment with
 * the revision, file and Alembic's step line, then each statement ending
 * in ';', then the downgrade the same way. A revision that is not SQL-only
 * says so and why (only Alembic can run it). */
char *merge_node_sql(const struct merge_model *m, size_t i);

/* What node i changes in the catalogue, one line each ("renames resource
 * type age to user_age"); reads its SQL on first use. */
void merge_node_changes(struct merge_model *m, size_t i, struct strvec *out);

/* The collisions between the selected heads, each pair compared on the
 * revisions only one of them has: one sentence per collision (see
 * mt_collisions), then one line per revision that is not SQL-only
 * ("... is not SQL-only: its changes are not checked"). */
void merge_collisions(struct merge_model *m, const bool *sel, struct strvec *warnings,
		      struct strvec *notes);

/* One step of `upgrade heads` after the merge. */
struct merge_step {
	char *id;
	char *doc;
	bool is_merge;   /* the merge revision itself */
};

struct merge_order {
	struct merge_step *steps;  /* in the order they would run */
	size_t n;
	size_t applied;            /* revisions of the drawing already applied */
	char *note;                /* e.g. that the database is unknown; or NULL */
};

/* Which revisions `upgrade heads` would run after merging the selected
 * heads under message, in order. -1 with err when fewer than two heads are
 * selected. */
int merge_upgrade_order(struct merge_model *m, const bool *sel, const char *message,
			struct merge_order *out, struct wfo_error *err);
void merge_order_free(struct merge_order *o);

/* Writes the merge revision of down (two or more ids) with id and
 * message (NULL: Alembic's "empty message") into dir, atomically and
 * never over an existing file. *path (heap) gets the file. */
int merge_write(const char *dir, const char *id, const struct strvec *down, const char *message,
		char **path, struct wfo_error *err);

#endif
