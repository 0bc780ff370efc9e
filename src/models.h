/* models.h - load the domain models (--models PATH) into a catalogue: a JSON
 * registry, a YAML registry of the same shape, a generator product YAML, or
 * a folder of such files (format: docs/MODELS.md).
 *
 * Public API: models_default_path, models_load. The rest of this header is
 * shared by the loader files only (models.c, registry_json.c,
 * registry_yaml.c): a positioned document tree (rnode) that both parsers
 * produce, and the registry accumulator (struct reg) that merges files and
 * checks references once everything is loaded. */
#ifndef WFO_MODELS_H
#define WFO_MODELS_H

#include <stdbool.h>
#include <stddef.h>

#include "catalog.h"
#include "wfo_error.h"

/* "products" when ./products exists (file or folder), else NULL. */
const char *models_default_path(void);

/* Loads path (file or folder; files by extension: .json, .yaml, .yml) into a
 * new model-side catalogue with every guarantee of catalog.h. On error
 * returns -1, *out stays NULL, err (WFO_INPUT or WFO_IO) names
 * file:line:column and what was expected. *out is freed with
 * dm_catalog_free. */
int models_load(const char *path, struct dm_catalog **out, struct wfo_error *err);

/* ---- loader internals ---- */

enum rkind { R_NULL, R_STR, R_SCALAR, R_MAP, R_SEQ };

/* A positioned document node. R_STR: a string; R_SCALAR: a number or a
 * boolean (text as written); R_MAP: keys[i] -> items[i], key positions in
 * key_line/key_col; R_SEQ: items. Lines and columns count from 1. */
struct rnode {
	enum rkind kind;
	int line, col;
	char *text;
	struct rnode **items;
	char **keys;
	int *key_line, *key_col;
	size_t n;
};
struct rnode *rnode_new(enum rkind kind, int line, int col);
void rnode_add(struct rnode *parent, struct rnode *child);  /* R_SEQ */
void rnode_put(struct rnode *parent, char *key, int line, int col, struct rnode *child); /* R_MAP, takes key */
const struct rnode *rnode_get(const struct rnode *map, const char *key);
void rnode_free(struct rnode *n);

/* Limits on model files, so that no file can exhaust memory or time:
 * size (JSON and YAML), YAML nesting depth (JSON: jansson's, 2048), and the
 * nodes YAML aliases may add by repeating anchored nodes, all aliases of a
 * file together. A file beyond one is invalid input naming file:line. */
#define MODELS_MAX_BYTES (16 * 1024 * 1024)
#define YAML_MAX_DEPTH 100
#define YAML_MAX_ALIAS_NODES 100000

/* JSON text -> tree (jansson checks the syntax: errors give file:line:column). */
int registry_json_parse(const char *file, const char *text, size_t len, struct rnode **out,
			struct wfo_error *err);
/* YAML text -> tree (libyaml; errors give file:line:column); one document. */
int registry_yaml_parse(const char *file, const char *text, size_t len, struct rnode **out,
			struct wfo_error *err);

struct reg;
struct reg *reg_new(void);
void reg_free(struct reg *r);
/* Adds one registry-shaped document (section 1 of docs/MODELS.md). */
int reg_add_registry(struct reg *r, const char *file, const struct rnode *doc, struct wfo_error *err);
/* Adds one generator product YAML document (docs/MODELS.md, section 2). */
int reg_add_generator(struct reg *r, const char *file, const struct rnode *doc, struct wfo_error *err);
/* Whether a document looks like a generator product file (top-level name/type). */
bool reg_is_generator(const struct rnode *doc);
/* Resolves fields and references across all added files, checks them, and
 * hands out the sorted catalogue (the reg keeps nothing of it). */
int reg_finish(struct reg *r, struct dm_catalog **out, struct wfo_error *err);

#endif
