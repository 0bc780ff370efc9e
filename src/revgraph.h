/* revgraph.h - the revision graph as Alembic sees it: loading a set of
 * version folders, validation, identifiers, heads, history, and the step
 * plans of upgrade/downgrade with the alembic_version bookkeeping that
 * Alembic's HeadMaintainer does. Pure: no database, no output.
 *
 * Ownership: a rev_graph owns its revisions; rev_plan owns its strings and
 * points into the graph (free the plan before the graph). */
#ifndef WFO_REVGRAPH_H
#define WFO_REVGRAPH_H

#include <stddef.h>

#include "revision.h"
#include "util.h"
#include "wfo_error.h"

struct rev_graph;

/* Reads every *.py directly in each folder (not __init__.py, not ".#*"),
 * then validates: duplicate ids (both files named), a down_revision or
 * depends_on that exists nowhere (file:line; a depends_on may name an
 * external revision, see rev_graph_set_external), duplicate branch
 * labels, cycles. */
int rev_graph_load(const char *const *dirs, size_t ndirs,
		   struct rev_graph **out, struct wfo_error *err);
/* Same with rev_parse_file_flags flags (REV_PARSE_HEADERS for heads,
 * history and current). */
int rev_graph_load_flags(const char *const *dirs, size_t ndirs, int flags,
			 struct rev_graph **out, struct wfo_error *err);

/* Building by hand (tests, generated folders): add takes ownership. */
struct rev_graph *rev_graph_new(void);
int rev_graph_add(struct rev_graph *g, struct revision *r, struct wfo_error *err);
int rev_graph_finish(struct rev_graph *g, struct wfo_error *err);
void rev_graph_free(struct rev_graph *g);

size_t rev_graph_size(const struct rev_graph *g);
const struct revision *rev_graph_get(const struct rev_graph *g, size_t i);
/* Exact id; NULL when absent. */
const struct revision *rev_graph_lookup(const struct rev_graph *g, const char *id);
/* Ids referenced (depends_on, or recorded in alembic_version) but not present
 * in any folder, e.g. the orchestrator-core schema head that lives in the
 * installed package. */
const struct strvec *rev_graph_external(const struct rev_graph *g);

/* Revisions that no other revision names as down_revision, in Alembic's
 * order. */
void rev_graph_heads(const struct rev_graph *g, struct strvec *out);

/* 1 when revision id or one of its ancestors along down_revision declares
 * label in its branch_labels (id is on that branch), else 0 (also for an
 * unknown id). */
int rev_graph_on_branch(const struct rev_graph *g, const char *id, const char *label);

/* Resolves a command-line identifier: a full id, a unique prefix, head,
 * heads, base, LABEL@head, LABEL@base, LABEL@REV, +N, -N, REV+N, REV-N,
 * LABEL@+N, LABEL@-N. current = the rows of alembic_version (for relative
 * forms). Result: revision ids (empty for base). */
int rev_graph_resolve(const struct rev_graph *g, const char *spec,
		      const struct strvec *current, struct strvec *out,
		      struct wfo_error *err);

/* Text exactly as `alembic heads`, `alembic history [-v] [-i]` and
 * `alembic current` print it (one line per item, newline-terminated).
 * current may be NULL for history without --current. */
void rev_format_heads(const struct rev_graph *g, struct strbuf *out);
void rev_format_history(const struct rev_graph *g, int verbose,
			const struct strvec *current, struct strbuf *out);
/* `alembic history -r LOWER:UPPER`: lower and upper hold one identifier
 * each (empty: base, heads), or the database's rows where the range said
 * "current" (lower_is_rows). Fails (err) on a range Alembic refuses. */
int rev_format_history_range(const struct rev_graph *g, int verbose,
			     const struct strvec *current, const struct strvec *lower,
			     int lower_is_rows, const struct strvec *upper,
			     struct strbuf *out, struct wfo_error *err);
/* `alembic heads --resolve-dependencies [-v]`: the revisions nothing
 * depends on, through down_revision or depends_on. */
void rev_format_heads_resolved(const struct rev_graph *g, int verbose, struct strbuf *out);
void rev_format_current(const struct rev_graph *g, const struct strvec *current,
			int verbose, struct strbuf *out);
/* `alembic heads -v`: one Rev:/Parent:/Path: block per head. For `current
 * -v` the caller prints Alembic's "Current revision(s) for URL:" line
 * first. Rows naming no known revision are listed by current as
 * "<id> (not in the version folders)". */
void rev_format_heads_verbose(const struct rev_graph *g, struct strbuf *out);

/* One step of an upgrade or downgrade. */
struct rev_step {
	const struct revision *rev;  /* NULL for an external revision */
	const char *id;
	int upgrade;                 /* 1: run rev->upgrade, 0: rev->downgrade */
	struct strvec version_sql;   /* alembic_version statements that follow */
};

struct rev_plan {
	struct rev_step *steps;
	size_t n;
	struct strvec heads_after;   /* alembic_version rows after the plan */
};

/* current: alembic_version rows before. target: an identifier as above
 * ("heads", "REV", "+1", "data@head", "-1", "base" ...). An empty plan is
 * not an error (already there). */
int rev_plan_upgrade(const struct rev_graph *g, const struct strvec *current,
		     const char *target, struct rev_plan *out, struct wfo_error *err);
int rev_plan_downgrade(const struct rev_graph *g, const struct strvec *current,
		       const char *target, struct rev_plan *out, struct wfo_error *err);
void rev_plan_free(struct rev_plan *p);

#endif
