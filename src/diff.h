/* diff.h - the differences between the domain models and the database
 * catalogue (reference: orchestrator-core domain/base.py
 * diff_product_in_database and migrate_domain_models.py), pure: two values
 * of one catalogue type in, a diff value out, no I/O.
 *
 * The catalogue type (struct dm_catalog) describes either side:
 *   model side: products of the registry (name, product_type = model class,
 *     fixed inputs with their default values, direct blocks, description /
 *     tag prefills), the block universe (every block reachable from any
 *     registered product, with its resource types (fields) and its children
 *     with the parent's attribute name), resource types with description
 *     prefills. Counts are 0.
 *   database side: every products / product_blocks / resource_types row,
 *     relations, fixed input values, and the impact counts (subscriptions
 *     per product, instances per block, values per resource type).
 * Loaders (registry_*.c, db.c, or an adapter from catalog.h) fill it with the
 * dm_* builder functions below; names are copied.
 *
 * Ownership: dm_catalog_new / dm_catalog_free; struct diff is filled by
 * diff_compute and released with diff_free. Every name list in a diff is
 * sorted (strcmp), so output never depends on database row order (reference
 * defect 20 fixed). */
#ifndef WFO_DIFF_H
#define WFO_DIFF_H

#include <stdbool.h>
#include <stddef.h>

#include "util.h"
#include "wfo_error.h"

struct dm_fixed_input {
	char *name;
	char *value;          /* db: the stored value; model: a default or NULL */
};

struct dm_product {
	char *name;
	char *product_type;   /* model: class name; db: products.product_type */
	char *description;    /* model: prefill or NULL; db: the row's */
	char *tag;            /* model: prefill or NULL; db: the row's */
	struct dm_fixed_input *fixed_inputs;
	size_t n_fixed_inputs;
	struct strvec blocks; /* directly used / linked block names */
	long subscriptions;   /* db: subscriptions of any status (impact) */
};

struct dm_child {
	char *name;           /* child block */
	char *attr;           /* model: the parent's field holding it; db: NULL */
};

struct dm_block {
	char *name;
	char *description;    /* model: prefill or NULL */
	char *tag;
	struct strvec resource_types;  /* fields / linked resource types */
	struct dm_child *children;     /* depends-on blocks, possibly several attrs per child */
	size_t n_children;
	long instances;       /* db: subscription_instances rows (impact) */
};

struct dm_resource_type {
	char *name;
	char *description;    /* model: prefill or NULL */
	long values;          /* db: subscription_instance_values rows (impact) */
};

struct dm_catalog {
	struct dm_product **products;
	size_t n_products;
	struct dm_block **blocks;
	size_t n_blocks;
	struct dm_resource_type **resource_types;
	size_t n_resource_types;
	/* DM_UNSORTED_* bits: an array got a name out of order while being
	 * built (dm_add_*, cat_push_*); cat_sort clears them. Lookups are
	 * binary searches, and scan linearly only on a miss in such an array. */
	unsigned unsorted;
};
#define DM_UNSORTED_PRODUCTS 1u
#define DM_UNSORTED_BLOCKS 2u
#define DM_UNSORTED_RESOURCE_TYPES 4u

struct dm_catalog *dm_catalog_new(void);
void dm_catalog_free(struct dm_catalog *c);

/* Builders: each copies its strings (NULL allowed for optional ones) and
 * returns the new element, owned by the catalogue. Adding a name that is
 * already there returns the existing element (descriptions are kept). */
struct dm_product *dm_add_product(struct dm_catalog *c, const char *name, const char *product_type,
				  const char *description, const char *tag);
void dm_product_add_fixed_input(struct dm_product *p, const char *name, const char *value);
void dm_product_add_block(struct dm_product *p, const char *block);
struct dm_block *dm_add_block(struct dm_catalog *c, const char *name, const char *description,
			      const char *tag);
void dm_block_add_resource_type(struct dm_block *b, const char *rt);
void dm_block_add_child(struct dm_block *b, const char *child, const char *attr);
struct dm_resource_type *dm_add_resource_type(struct dm_catalog *c, const char *name,
					      const char *description);

/* Lookups by name; NULL when absent. A binary search (O(log n), hits and
 * misses alike, in a sorted catalogue, as loaders and cat_sort leave it);
 * an array marked unsorted is scanned linearly after a miss, so catalogues
 * being built with dm_add_* are still searched correctly. */
struct dm_product *dm_find_product(const struct dm_catalog *c, const char *name);
struct dm_block *dm_find_block(const struct dm_catalog *c, const char *name);
struct dm_resource_type *dm_find_resource_type(const struct dm_catalog *c, const char *name);
const struct dm_fixed_input *dm_find_fixed_input(const struct dm_product *p, const char *name);
bool dm_block_has_child(const struct dm_block *b, const char *child);
/* Whether some block of c has rt as a field / linked resource type. */
bool dm_rt_used(const struct dm_catalog *c, const char *rt);

/* docs/REFERENCE.md: the diff: one existing, registered product with differences. */
struct diff_product {
	char *name;
	long subscriptions;                 /* impact, from the db catalogue */
	struct strvec blocks_missing_in_db;  /* model uses them, not linked */
	struct strvec blocks_missing_in_model;
	struct strvec fixed_inputs_missing_in_db;
	struct strvec fixed_inputs_missing_in_model;
};

/* docs/REFERENCE.md: the diff: one block of the model's block universe with differences (a block
 * still to be created shows every field and child as missing in db). */
struct diff_block {
	char *name;
	long instances;                     /* impact (0 for a new block) */
	struct strvec children_missing_in_db;
	struct strvec children_missing_in_model;
	struct strvec resource_types_missing_in_db;
	struct strvec resource_types_missing_in_model;
};

struct diff {
	struct strvec create_products;  /* registered, not in the db */
	struct strvec delete_products;  /* in the db, not registered */
	struct strvec create_blocks;    /* block universe, not in the db */
	struct strvec delete_blocks;    /* in the db, not in the block universe */
	struct diff_product *products;  /* sorted by name; only non-empty entries */
	size_t n_products;
	struct diff_block *blocks;      /* sorted by name; only non-empty entries */
	size_t n_blocks;
};
#define DIFF_INIT { STRVEC_INIT, STRVEC_INIT, STRVEC_INIT, STRVEC_INIT, NULL, 0, NULL, 0 }

/* Computes every difference kind of docs/REFERENCE.md: the diff between model and db (both only
 * read; the diff keeps its own copies). skip: product names whose lower-cased
 * form contains one of these (lower-cased) substrings get no per-product diff
 * (reference SKIP_MODEL_FOR_MIGRATION_DB_DIFF; they are still deleted when not
 * registered); NULL for none. Per-block diffs cover every block of the model
 * catalogue (not only those reachable from existing products), so a block
 * shared with a new product is still compared. Returns 0 (cannot fail on
 * well-formed catalogues; -1 with err on a cycle-free-violating input is not
 * needed: the comparison is not recursive). */
int diff_compute(const struct dm_catalog *model, const struct dm_catalog *db,
		 const struct strvec *skip, struct diff *out, struct wfo_error *err);
void diff_free(struct diff *d);
bool diff_is_empty(const struct diff *d);
const struct diff_product *diff_find_product(const struct diff *d, const char *name);
const struct diff_block *diff_find_block(const struct diff *d, const char *name);

/* `wfo-migrate diff` text: sections in a fixed order, one name per line,
 * impact counts from the db ("(3 subscriptions)"); "No differences" when
 * empty. Appends to out. */
void diff_render_text(const struct diff *d, struct strbuf *out);
/* `wfo-migrate diff --json`: one JSON object (keys create_products,
 * delete_products, create_product_blocks, delete_product_blocks, products
 * {name: {subscriptions, missing_product_blocks_in_db, ...}}, product_blocks
 * {name: {instances, missing_resource_types_in_db, ...}}), keys sorted,
 * empty sets omitted inside products/product_blocks, trailing newline. */
void diff_render_json(const struct diff *d, struct strbuf *out);

#endif
