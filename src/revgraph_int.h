/* revgraph_int.h - the inside of struct rev_graph, shared by revgraph.c
 * (loading), revresolve.c (identifiers, walks), revplan.c (upgrade and
 * downgrade plans) and revformat.c (heads/history/current text). Not for
 * other modules. */
#ifndef WFO_REVGRAPH_INT_H
#define WFO_REVGRAPH_INT_H

#include <stddef.h>

#include "revgraph.h"

struct idxvec {
	size_t *v;
	size_t n, cap;
};

void iv_push(struct idxvec *v, size_t x);
int iv_contains(const struct idxvec *v, size_t x);
void iv_free(struct idxvec *v);

struct rg_slot {
	const char *key;   /* borrowed from the revisions */
	size_t val;
};

struct rg_map {
	struct rg_slot *s;
	size_t n, cap;     /* cap: power of two */
};

long rg_map_get(const struct rg_map *m, const char *key);

struct rg_node {
	struct revision *r;
	struct idxvec down;           /* versioned down revisions */
	struct idxvec next;           /* nextrev: children by down_revision */
	struct idxvec allnext;        /* children by down_revision or depends_on */
	struct strvec deps;           /* resolved dependency ids (external as written) */
	struct strvec normdeps;       /* deps no versioned ancestor declares */
	struct strvec normdown;       /* down + normdeps: _normalized_down_revisions */
	struct idxvec normdown_known; /* normdown entries present in the graph */
	struct strvec labels;         /* branch labels incl. inherited ones */
};

struct rev_graph {
	struct rg_node *nodes;        /* load order */
	size_t n, cap;
	struct rg_map ids;
	struct rg_map labels;         /* label -> revision defining it */
	struct strvec external;
	struct idxvec heads;          /* no down_revision child (load order) */
	struct idxvec real_heads;     /* no child at all */
	struct idxvec bases;
	int finished;
};

/* Identifier lookup as Alembic's _revision_for_ident: exact id or branch
 * label, else a unique prefix (> 3 characters) of an id or label. Returns
 * the index, or -1 with err set. */
long rg_ident(const struct rev_graph *g, const char *ident, struct wfo_error *err);

/* Sets of revision indexes as byte maps of g->n entries. */
char *rg_set_new(const struct rev_graph *g);
/* Adds the ancestors-or-self of each target: via normalized down revisions
 * (with dependencies) or only down_revision (versioned). */
void rg_ancestors(const struct rev_graph *g, const size_t *targets, size_t n, int deps,
		  char *set);
/* Descendants-or-self via all children (deps) or down_revision children. */
void rg_descendants(const struct rev_graph *g, const size_t *targets, size_t n, int deps,
		    char *set);
/* Alembic's _shares_lineage(target, [other]) without dependencies. */
int rg_shares_lineage(const struct rev_graph *g, size_t target, size_t other);
/* Alembic's _topological_sort: the indexes of set in order, walking from
 * heads (those in set, load order) towards the bases. */
void rg_toposort(const struct rev_graph *g, const char *set, const size_t *heads,
		 size_t nheads, struct idxvec *out);

/* Walk results besides an index. */
#define RG_NONE (-1L)   /* start from nothing / walked past the end */
#define RG_BASE (-2L)
#define RG_ERR (-3L)

long rg_ident_on_branch(const struct rev_graph *g, const char *ident, const char *label,
			struct wfo_error *err);
long rg_walk(const struct rev_graph *g, long start, long steps, const char *label,
	     struct wfo_error *err);
long rg_walk_ex(const struct rev_graph *g, long start, long steps, const char *label,
		int no_overwalk, struct wfo_error *err);
/* Alembic's check=True: fails when one of t is an ancestor of another. */
int rg_check_overlap(const struct rev_graph *g, const struct idxvec *t, struct wfo_error *err);
/* The revisions of a history range (revrange.c), in history order. lower:
 * one identifier, or the database's rows (lower_is_rows) for "current". */
int rg_range(const struct rev_graph *g, const struct strvec *lower, int lower_is_rows,
	     const struct strvec *upper, struct idxvec *order, struct wfo_error *err);
int rg_parse_relative(const char *spec, char **label, char **symbol, long *rel);
int rg_downgrade_target(const struct rev_graph *g, const struct strvec *current,
			const char *spec, long *target, char **label, struct wfo_error *err);
int rg_resolve_abs(const struct rev_graph *g, const char *spec, const char *label,
		   struct strvec *out, struct wfo_error *err);
int rg_upgrade_relative(const struct rev_graph *g, const struct strvec *current,
			const char *spec, long *target, struct wfo_error *err);

#endif
