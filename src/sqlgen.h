/* sqlgen.h - the SQL text of a domain-model migration: a change set in,
 * upgrade and downgrade statements out (docs/REFERENCE.md: statement kinds), pure text.
 *
 * Statements are single-line, without a trailing ';', in the reference's
 * order U1..U21 / D1..D12, names sorted within a kind, every literal made by
 * sql_quote() (standard-conforming: ' doubled, backslashes and % kept as is).
 * Set-based: no statement embeds ids read at generation time; instances and
 * values for existing subscriptions are made at upgrade time by
 * INSERT ... SELECT (reference defect 11 fixed).
 *
 * Reference defects fixed here (each has a unit test named defectNN_*):
 *  1  value cleanup matches instance values of the block's instances and the
 *     value's own resource_type_id
 *  2  (plan.c) change sets are true unions
 *  3  (plan.c) every per-block update pair is kept
 *  7  default values are quoted literals, no text formatting
 *  9  % is never doubled
 * 10  one new child instance per parent instance, linked explicitly to it,
 *     domain_model_attr = the parent's attribute
 * 12  not feasible without values: instances made for an existing block get
 *     no values for its existing resource types (listed in the summary)
 * 13  removing a block from a product / a block relation also removes the
 *     instances (and instance relations) that hung there; the downgrade of a
 *     new link removes the instances the upgrade made
 * 14  deleting products deletes only processes whose every subscription is
 *     being deleted
 * Beyond the reference: a block unlinked from a product or a parent block
 * that the models still reach from that product keeps its instances there
 * (cs->keep_instances): they are not deleted (U4, U5), not made anew (U19),
 * and are related under the new parent block's instance of the same
 * subscription (U20); a downgrade links such a block to its product again.
 * U20 also fills new parent blocks that U19 gives instances, parents first.
 * A relation removed from a block for a globally renamed resource type
 * (U3) uses the new name, since the rename (U2) runs first.
 * Not restored by a downgrade (as in the reference): deleted products,
 * blocks, resource types, relations and their subscriptions, instances and
 * values.
 *
 * Ownership: statements are appended (heap strings) to the caller's strvec. */
#ifndef WFO_SQLGEN_H
#define WFO_SQLGEN_H

#include "plan.h"
#include "util.h"

void sqlgen_upgrade(const struct changeset *cs, struct strvec *stmts);
void sqlgen_downgrade(const struct changeset *cs, struct strvec *stmts);

/* ---- What the upgrade deletes (and what renames keep), countable ----
 *
 * sqlgen_loss_items lists, in the upgrade's order (U3, U4, U5, U6, U7, U9),
 * one item per deleting change, then the kept ones (renames, blocks kept
 * where they stay reachable). sqlgen_loss_query writes one SELECT that
 * counts, on the database as it is before the upgrade, the rows each item's
 * statements delete (or keep): it returns one row per item, columns
 * k, subscriptions, instances, values, relations, processes (bigint),
 * ordered by k. A row deleted by an earlier change is counted there only;
 * cascades (values and instance relations of a deleted instance) are
 * counted with the change that deletes the instance. */
enum loss_kind {
	LOSS_RT_UNLINK,       /* a resource type, b block (U3) */
	LOSS_BLOCK_UNLINK,    /* a child block, b parent block (U4) */
	LOSS_PRODUCT_UNLINK,  /* a block, b product (U5) */
	LOSS_RT_DELETE,       /* a resource type (U6) */
	LOSS_BLOCK_DELETE,    /* a block (U7) */
	LOSS_PRODUCT_DELETE,  /* a product (U9) */
	/* kept, not deleted: */
	LOSS_KEEP_UNLINKED,   /* a block, b product: instances kept (keep_instances) */
	LOSS_KEEP_RENAME,     /* a old, b new resource type: values kept */
	LOSS_KEEP_REPOINT,    /* a block, b old, c new resource type: values kept */
};

struct loss_item {
	enum loss_kind kind;
	const char *a, *b, *c;   /* borrowed from the change set; unused ones NULL */
};

/* The items of cs; *items is a heap array (free it), its names point into cs. */
size_t sqlgen_loss_items(const struct changeset *cs, struct loss_item **items);
/* The counting SELECT for items (n > 0), appended to sql. */
void sqlgen_loss_query(const struct changeset *cs, const struct loss_item *items, size_t n,
		       struct strbuf *sql);

#endif
