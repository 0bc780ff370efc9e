/* catalog.h - the product catalogue value shared by both sides (models and
 * database): fast building, sorting, O(log n) lookup and rendering.
 *
 * THE TYPE. The catalogue type is struct dm_catalog of diff.h (engineer F's
 * builders and the diff work on it). This module adds what loaders need on
 * top of it, without changing its layout:
 *   - cat_push_*: append WITHOUT the duplicate check of dm_add_* (O(1)
 *     amortised; dm_add_* scans linearly). Only for input that is unique
 *     already (database rows under a UNIQUE constraint, loader output that
 *     was checked with cat_find_* first). Strings are copied.
 *   - cat_sort: sorts everything by strcmp, then the cat_find_* functions
 *     use binary search.
 *   - extra database facts diff.h has no room for (ids, status, per
 *     (block, resource type) value counts) in struct cat_extra.
 *
 * GUARANTEES of every catalogue handed out by the loaders (models_load,
 * registry_*_load, dbcat_read):
 *   - products, blocks and resource_types arrays are sorted by name (strcmp)
 *     and the names are unique within each array;
 *   - every product's fixed_inputs are sorted by name and unique; its
 *     blocks strvec is sorted and unique;
 *   - every block's resource_types strvec is sorted and unique; children are
 *     sorted by (name, attr) and unique by that pair (model side from a
 *     generator YAML: one entry per field holding the child, attr = field
 *     name; model side from a JSON/YAML registry and database side:
 *     attr == NULL, one entry per child);
 *   - every block named in a product's blocks or in a block's children is in
 *     the blocks array, and every resource type named by a block is in the
 *     resource_types array (model side: the loaders check this and fail
 *     otherwise; database side: foreign keys make it so);
 *   - model side: counts (subscriptions, instances, values) are 0; a
 *     generator fixed input without enum values has value NULL;
 *     description / tag / fixed input values are prefills or NULL;
 *   - database side: description of products and blocks is never NULL
 *     (NOT NULL columns), tag of a product is never NULL, a block's tag may
 *     be NULL, fixed input values are never NULL.
 * After a caller modifies a catalogue with dm_add_* it must call cat_sort
 * again before using cat_find_*.
 *
 * Ownership: the catalogue is freed with dm_catalog_free (diff.h); a
 * struct cat_extra with cat_extra_free. Lookups return borrowed pointers
 * into the catalogue. */
#ifndef WFO_CATALOG_H
#define WFO_CATALOG_H

#include <stdbool.h>
#include <stddef.h>

#include "diff.h"
#include "util.h"

/* Appends without checking for duplicates (see above); strings copied,
 * NULL allowed for the optional ones. */
struct dm_product *cat_push_product(struct dm_catalog *c, const char *name,
				    const char *product_type, const char *description,
				    const char *tag);
struct dm_block *cat_push_block(struct dm_catalog *c, const char *name,
				const char *description, const char *tag);
struct dm_resource_type *cat_push_resource_type(struct dm_catalog *c, const char *name,
						const char *description);
void cat_push_fixed_input(struct dm_product *p, const char *name, const char *value);
void cat_push_child(struct dm_block *b, const char *child, const char *attr);

/* Sorts every array and list of c by name (children by name, then attr with
 * NULL first). Removes exact duplicates from the strvecs. O(n log n). */
void cat_sort(struct dm_catalog *c);

/* Binary search; c must be sorted (cat_sort). NULL when absent. */
struct dm_product *cat_find_product(const struct dm_catalog *c, const char *name);
struct dm_block *cat_find_block(const struct dm_catalog *c, const char *name);
struct dm_resource_type *cat_find_resource_type(const struct dm_catalog *c, const char *name);

/* Database-only facts, parallel to a sorted catalogue: index i belongs to
 * c->products[i] / c->blocks[i] / c->resource_types[i]. */
struct cat_block_rt_count {
	char *block;          /* product block name */
	char *resource_type;  /* resource type name */
	long values;          /* subscription_instance_values of this block's
			       * instances with this resource type */
};
struct cat_extra {
	char **product_ids;          /* uuid text, n_products entries */
	char **product_status;       /* products.status */
	char **block_ids;            /* uuid text, n_blocks entries */
	char **resource_type_ids;    /* uuid text, n_resource_types entries */
	struct cat_block_rt_count *block_rt;  /* sorted by (block, resource_type) */
	size_t n_block_rt;
	size_t n_products, n_blocks, n_resource_types;
};
void cat_extra_free(struct cat_extra *x);
/* Values of resource type rt in instances of block; 0 when none. */
long cat_extra_block_rt_values(const struct cat_extra *x, const char *block, const char *rt);

/* `wfo-migrate show`: products (type, tag, status when x, fixed inputs,
 * subscriptions, the tree of blocks with their resource types), then every
 * block and resource type with impact counts. x may be NULL. Appends to out. */
void cat_render_text(const struct dm_catalog *c, const struct cat_extra *x, struct strbuf *out);
/* `wfo-migrate show --json`: one object
 * {"products": {name: {product_type, description, tag, status?, subscriptions,
 *   fixed_inputs {name: value}, product_blocks [..]}},
 *  "product_blocks": {name: {description, tag, instances, resource_types [..],
 *   product_blocks [..]}},
 *  "resource_types": {name: {description, values}}}
 * keys in name order, trailing newline. Appends to out. */
void cat_render_json(const struct dm_catalog *c, const struct cat_extra *x, struct strbuf *out);

#endif
