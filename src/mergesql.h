/* mergesql.h - what a revision's SQL does to the product catalogue, read
 * from the text alone: the names of products, product blocks, resource
 * types, fixed inputs and workflows in the string literals of statements on
 * those tables (created, renamed, deleted, changed, or only used), and the
 * collisions between two heads that touch the same names. Pure: no
 * database, no files. Used by the merge screen to warn before a merge.
 *
 * The reading is lexical (quotes, dollar quotes, comments and parentheses
 * respected), not a full SQL parser: a name counts when a name column
 * (products.name, product_blocks.name, resource_types.resource_type,
 * fixed_inputs.name, workflows.name) is compared with literals (=, IN),
 * assigned a literal (UPDATE ... SET), or given one in INSERT ... VALUES.
 *
 * Ownership: merge_touches owns its strings (mt_free); the collision texts
 * are pushed into the caller's strvec. */
#ifndef WFO_MERGESQL_H
#define WFO_MERGESQL_H

#include <stddef.h>

#include "util.h"

enum mt_kind { MT_PRODUCT, MT_BLOCK, MT_RESOURCE_TYPE, MT_FIXED_INPUT, MT_WORKFLOW, MT_NKINDS };

/* From least to most consequential (the summary keeps the strongest). */
enum mt_act {
	MT_USE,        /* named in a statement on another table (a relation, a subquery) */
	MT_CHANGE,     /* UPDATE of its row without renaming it */
	MT_CREATE,     /* INSERT of its row */
	MT_RENAMED_TO, /* the new name of a rename (name = the new name) */
	MT_RENAME,     /* renamed (name = the old name, to = the new one) */
	MT_DELETE,     /* DELETE of its row */
};

struct mt_touch {
	enum mt_kind kind;
	enum mt_act act;
	char *name;
	char *to;          /* MT_RENAME: the new name; else NULL */
	const char *who;   /* borrowed: the revision (or head) it came from; set by the caller */
};

struct merge_touches {
	struct mt_touch *v;
	size_t n, cap;
};
#define MERGE_TOUCHES_INIT { NULL, 0, 0 }

/* Appends what sql (one or more statements) does to out. Duplicates of
 * the same (kind, act, name, to) are added once. */
void mt_scan(const char *sql, struct merge_touches *out);
/* Appends the touches of src to out with who set (copies strings). */
void mt_append(struct merge_touches *out, const struct merge_touches *src, const char *who);
void mt_free(struct merge_touches *t);

/* "resource type", "product block", ... */
const char *mt_kind_name(enum mt_kind k);
/* One line per name that changes (no MT_USE): "renames resource type age
 * to user_age", "creates product User". */
void mt_describe(const struct merge_touches *t, struct strvec *out);

/* Collisions between the touches of two heads a and b (named an and bn
 * in the texts): the same (kind, name) on both sides where at least one
 * side changes it. Appends one sentence each, e.g. "both heads rename
 * resource type age (4c2a91e0b7d1 to user_age, 77e0c3d2a9f4 to years)" or
 * "4c2a91e0b7d1 deletes product block B, and 77e0c3d2a9f4 uses it".
 * Returns how many were added. */
size_t mt_collisions(const struct merge_touches *a, const char *an,
		     const struct merge_touches *b, const char *bn, struct strvec *out);

#endif
