/* models.c - domain models from registry / generator files and folders into
 * a catalogue: merging, reference checks, the file and folder front. */
#include "config.h"
#include "models.h"

#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* ---- positioned tree ---- */

struct rnode *rnode_new(enum rkind kind, int line, int col)
{
	struct rnode *n = xcalloc(1, sizeof(*n));
	n->kind = kind;
	n->line = line;
	n->col = col;
	return n;
}

static void rnode_grow(struct rnode *p)
{
	if ((p->n & (p->n - 1)) == 0) {
		size_t cap = p->n ? 2 * p->n : 1;
		p->items = xrealloc(p->items, cap * sizeof(*p->items));
		if (p->kind == R_MAP) {
			p->keys = xrealloc(p->keys, cap * sizeof(*p->keys));
			p->key_line = xrealloc(p->key_line, cap * sizeof(*p->key_line));
			p->key_col = xrealloc(p->key_col, cap * sizeof(*p->key_col));
		}
	}
}

void rnode_add(struct rnode *p, struct rnode *child)
{
	rnode_grow(p);
	p->items[p->n++] = child;
}

void rnode_put(struct rnode *p, char *key, int line, int col, struct rnode *child)
{
	rnode_grow(p);
	p->keys[p->n] = key;
	p->key_line[p->n] = line;
	p->key_col[p->n] = col;
	p->items[p->n++] = child;
}

const struct rnode *rnode_get(const struct rnode *map, const char *key)
{
	for (size_t i = 0; map && map->kind == R_MAP && i < map->n; i++)
		if (strcmp(map->keys[i], key) == 0)
			return map->items[i];
	return NULL;
}

void rnode_free(struct rnode *n)
{
	if (!n)
		return;
	for (size_t i = 0; i < n->n; i++) {
		rnode_free(n->items[i]);
		if (n->keys)
			free(n->keys[i]);
	}
	free(n->items);
	free(n->keys);
	free(n->key_line);
	free(n->key_col);
	free(n->text);
	free(n);
}

/* ---- a small string -> pointer hash map (keys borrowed) ---- */

struct smap {
	size_t cap, n;
	const char **keys;
	void **vals;
};

static uint64_t hash_str(const char *s)
{
	uint64_t h = 1469598103934665603ULL;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ULL;
	return h;
}

static void *smap_get(const struct smap *m, const char *key)
{
	if (!m->cap)
		return NULL;
	for (size_t i = hash_str(key) & (m->cap - 1);; i = (i + 1) & (m->cap - 1)) {
		if (!m->keys[i])
			return NULL;
		if (strcmp(m->keys[i], key) == 0)
			return m->vals[i];
	}
}

static void smap_put(struct smap *m, const char *key, void *val)
{
	if (2 * (m->n + 1) > m->cap) {
		struct smap big = { m->cap ? 2 * m->cap : 64, 0, NULL, NULL };
		big.keys = xcalloc(big.cap, sizeof(*big.keys));
		big.vals = xcalloc(big.cap, sizeof(*big.vals));
		for (size_t i = 0; i < m->cap; i++)
			if (m->keys[i])
				smap_put(&big, m->keys[i], m->vals[i]);
		free(m->keys);
		free(m->vals);
		*m = big;
	}
	size_t i = hash_str(key) & (m->cap - 1);
	while (m->keys[i] && strcmp(m->keys[i], key) != 0)
		i = (i + 1) & (m->cap - 1);
	if (!m->keys[i])
		m->n++;
	m->keys[i] = key;
	m->vals[i] = val;
}

static void smap_free(struct smap *m)
{
	free(m->keys);
	free(m->vals);
}

/* ---- the registry accumulator ---- */

struct def {          /* where a product / block / type / description was defined */
	char *name;
	char *file;
	int line, col;
	void *obj;
};

struct ref {          /* a block named somewhere, checked in reg_finish */
	char *block;
	char *file;
	char *path;
	int line, col;
};

struct field {        /* a generator field, resolved in reg_finish */
	struct dm_block *block;
	char *name;
	char *item_type;
	char *description;
	char *file;
	int line, col;
};

struct reg {
	struct dm_catalog *c;
	struct smap products, blocks, rts, types, described;  /* name -> struct def */
	struct def **defs;
	size_t n_defs;
	struct ref *refs;
	size_t n_refs;
	struct field *fields;
	size_t n_fields;
	struct smap rt_objs;  /* name -> struct dm_resource_type */
};

struct reg *reg_new(void)
{
	struct reg *r = xcalloc(1, sizeof(*r));
	r->c = dm_catalog_new();
	return r;
}

void reg_free(struct reg *r)
{
	if (!r)
		return;
	dm_catalog_free(r->c);
	smap_free(&r->products);
	smap_free(&r->blocks);
	smap_free(&r->rts);
	smap_free(&r->types);
	smap_free(&r->described);
	smap_free(&r->rt_objs);
	for (size_t i = 0; i < r->n_defs; i++) {
		free(r->defs[i]->name);
		free(r->defs[i]->file);
		free(r->defs[i]);
	}
	free(r->defs);
	for (size_t i = 0; i < r->n_refs; i++) {
		free(r->refs[i].block);
		free(r->refs[i].file);
		free(r->refs[i].path);
	}
	free(r->refs);
	for (size_t i = 0; i < r->n_fields; i++) {
		free(r->fields[i].name);
		free(r->fields[i].item_type);
		free(r->fields[i].description);
		free(r->fields[i].file);
	}
	free(r->fields);
	free(r);
}

static struct def *new_def(struct reg *r, struct smap *m, const char *name, const char *file,
			   int line, int col, void *obj)
{
	struct def *d = xcalloc(1, sizeof(*d));
	d->name = xstrdup(name);
	d->file = xstrdup(file);
	d->line = line;
	d->col = col;
	d->obj = obj;
	if ((r->n_defs & (r->n_defs - 1)) == 0)
		r->defs = xrealloc(r->defs, (r->n_defs ? 2 * r->n_defs : 1) * sizeof(*r->defs));
	r->defs[r->n_defs++] = d;
	smap_put(m, d->name, d);
	return d;
}

static void add_ref(struct reg *r, const char *block, const char *file, const char *path,
		    int line, int col)
{
	if ((r->n_refs & (r->n_refs - 1)) == 0)
		r->refs = xrealloc(r->refs, (r->n_refs ? 2 * r->n_refs : 1) * sizeof(*r->refs));
	r->refs[r->n_refs++] = (struct ref){ xstrdup(block), xstrdup(file), xstrdup(path), line, col };
}

/* Get-or-create a resource type; a description fills an empty one. */
static struct dm_resource_type *use_rt(struct reg *r, const char *name, const char *description)
{
	struct dm_resource_type *rt = smap_get(&r->rt_objs, name);
	if (!rt) {
		rt = cat_push_resource_type(r->c, name, description);
		smap_put(&r->rt_objs, rt->name, rt);
	} else if (!rt->description && description) {
		rt->description = xstrdup(description);
	}
	return rt;
}

/* ---- checking the tree ---- */

struct ctx {
	struct reg *r;
	const char *file;
	struct wfo_error *err;
};

static const char *kind_name(enum rkind k)
{
	switch (k) {
	case R_NULL: return "null";
	case R_STR: return "a string";
	case R_SCALAR: return "a number or boolean";
	case R_MAP: return "a mapping (object)";
	case R_SEQ: return "a list";
	}
	return "?";
}

static int expect(struct ctx *x, const struct rnode *n, enum rkind k, const char *path)
{
	if (n->kind == k)
		return 0;
	return wfo_fail(x->err, WFO_INPUT, "%s:%d:%d: %s: expected %s, found %s", x->file, n->line,
			n->col, path, kind_name(k), kind_name(n->kind));
}

/* A name or other text: a string, or a number written without quotes. */
static int expect_text(struct ctx *x, const struct rnode *n, const char *path)
{
	if (n->kind == R_STR || n->kind == R_SCALAR)
		return 0;
	return wfo_fail(x->err, WFO_INPUT, "%s:%d:%d: %s: expected a string, found %s", x->file,
			n->line, n->col, path, kind_name(n->kind));
}

/* Optional text: absent/null gives NULL. */
static int opt_text(struct ctx *x, const struct rnode *map, const char *key, const char *path,
		    const char **out)
{
	const struct rnode *n = rnode_get(map, key);
	*out = NULL;
	if (!n || n->kind == R_NULL)
		return 0;
	char *p = xasprintf("%s.%s", path, key);
	int rc = expect_text(x, n, p);
	free(p);
	if (rc == 0)
		*out = n->text;
	return rc;
}

static int req_text(struct ctx *x, const struct rnode *map, const char *key, const char *path,
		    const char **out)
{
	if (opt_text(x, map, key, path, out) < 0)
		return -1;
	if (*out)
		return 0;
	return wfo_fail(x->err, WFO_INPUT, "%s:%d:%d: %s: \"%s\" is required", x->file, map->line,
			map->col, path, key);
}

static int check_keys(struct ctx *x, const struct rnode *map, const char *const *allowed,
		      const char *path)
{
	for (size_t i = 0; i < map->n; i++) {
		bool ok = false;
		for (size_t j = 0; allowed[j] && !ok; j++)
			ok = strcmp(map->keys[i], allowed[j]) == 0;
		if (!ok) {
			struct strbuf sb = STRBUF_INIT;
			for (size_t j = 0; allowed[j]; j++)
				sb_addf(&sb, "%s%s", j ? ", " : "", allowed[j]);
			wfo_fail(x->err, WFO_INPUT, "%s:%d:%d: %s: unknown key \"%s\" (expected one of: %s)",
				 x->file, map->key_line[i], map->key_col[i], path, map->keys[i], sb_str(&sb));
			sb_free(&sb);
			return -1;
		}
	}
	return 0;
}

/* "products" + "User internal" -> products."User internal" */
static char *path_key(const char *path, const char *key)
{
	bool plain = *key != '\0';
	for (const char *p = key; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
		      *p == '_'))
			plain = false;
	return plain ? xasprintf("%s.%s", path, key) : xasprintf("%s.\"%s\"", path, key);
}

/* ---- registry shape (docs/MODELS.md, section 1) ---- */

static int dup_error(struct ctx *x, const char *what, const char *name, int line, int col,
		     const struct def *prev)
{
	return wfo_fail(x->err, WFO_INPUT, "%s:%d:%d: %s \"%s\" is defined twice: here and at %s:%d:%d",
			x->file, line, col, what, name, prev->file, prev->line, prev->col);
}

static int reg_products(struct ctx *x, const struct rnode *prods)
{
	static const char *const keys[] = { "product_type", "fixed_inputs", "product_blocks",
					    "description", "tag", NULL };
	for (size_t i = 0; i < prods->n; i++) {
		const char *name = prods->keys[i];
		const struct rnode *p = prods->items[i];
		char *path = path_key("products", name);
		const char *type, *desc, *tag;
		int rc = -1;
		const struct def *prev = smap_get(&x->r->products, name);
		if (prev) {
			dup_error(x, "product", name, prods->key_line[i], prods->key_col[i], prev);
			goto out;
		}
		if (expect(x, p, R_MAP, path) < 0 || check_keys(x, p, keys, path) < 0 ||
		    req_text(x, p, "product_type", path, &type) < 0 ||
		    opt_text(x, p, "description", path, &desc) < 0 ||
		    opt_text(x, p, "tag", path, &tag) < 0)
			goto out;
		struct dm_product *dp = cat_push_product(x->r->c, name, type, desc, tag);
		new_def(x->r, &x->r->products, name, x->file, prods->key_line[i], prods->key_col[i], dp);
		const struct rnode *fi = rnode_get(p, "fixed_inputs");
		char *fpath = xasprintf("%s.fixed_inputs", path);
		if (fi && fi->kind == R_SEQ) {
			for (size_t j = 0; j < fi->n; j++) {
				char *ip = xasprintf("%s[%zu]", fpath, j);
				int bad = expect_text(x, fi->items[j], ip);
				free(ip);
				if (bad) {
					free(fpath);
					goto out;
				}
				dm_product_add_fixed_input(dp, fi->items[j]->text, NULL);
			}
		} else if (fi && fi->kind == R_MAP) {
			for (size_t j = 0; j < fi->n; j++) {
				const struct rnode *v = fi->items[j];
				if (v->kind != R_NULL && v->kind != R_STR && v->kind != R_SCALAR) {
					char *ip = path_key(fpath, fi->keys[j]);
					expect_text(x, v, ip);
					free(ip);
					free(fpath);
					goto out;
				}
				dm_product_add_fixed_input(dp, fi->keys[j], v->kind == R_NULL ? NULL : v->text);
			}
		} else if (fi && fi->kind != R_NULL) {
			wfo_fail(x->err, WFO_INPUT,
				 "%s:%d:%d: %s: expected a list of names or an object name -> value, found %s",
				 x->file, fi->line, fi->col, fpath, kind_name(fi->kind));
			free(fpath);
			goto out;
		}
		free(fpath);
		const struct rnode *pb = rnode_get(p, "product_blocks");
		char *bpath = xasprintf("%s.product_blocks", path);
		if (pb && pb->kind != R_NULL) {
			if (expect(x, pb, R_SEQ, bpath) < 0) {
				free(bpath);
				goto out;
			}
			for (size_t j = 0; j < pb->n; j++) {
				char *ip = xasprintf("%s[%zu]", bpath, j);
				if (expect_text(x, pb->items[j], ip) < 0) {
					free(ip);
					free(bpath);
					goto out;
				}
				dm_product_add_block(dp, pb->items[j]->text);
				add_ref(x->r, pb->items[j]->text, x->file, ip, pb->items[j]->line,
					pb->items[j]->col);
				free(ip);
			}
		}
		free(bpath);
		rc = 0;
out:
		free(path);
		if (rc < 0)
			return -1;
	}
	return 0;
}

static int name_list(struct ctx *x, const struct rnode *blk, const char *key, const char *path,
		     struct dm_block *b, bool blocks)
{
	const struct rnode *l = rnode_get(blk, key);
	if (!l || l->kind == R_NULL)
		return 0;
	char *lp = xasprintf("%s.%s", path, key);
	int rc = expect(x, l, R_SEQ, lp);
	for (size_t j = 0; rc == 0 && j < l->n; j++) {
		char *ip = xasprintf("%s[%zu]", lp, j);
		rc = expect_text(x, l->items[j], ip);
		if (rc == 0 && blocks) {
			if (!dm_block_has_child(b, l->items[j]->text))
				cat_push_child(b, l->items[j]->text, NULL);
			add_ref(x->r, l->items[j]->text, x->file, ip, l->items[j]->line, l->items[j]->col);
		} else if (rc == 0) {
			use_rt(x->r, l->items[j]->text, NULL);
			sv_push(&b->resource_types, l->items[j]->text);
		}
		free(ip);
	}
	free(lp);
	return rc;
}

static int reg_blocks(struct ctx *x, const struct rnode *blocks)
{
	static const char *const keys[] = { "resource_types", "product_blocks", "description", "tag",
					    NULL };
	for (size_t i = 0; i < blocks->n; i++) {
		const char *name = blocks->keys[i];
		const struct rnode *b = blocks->items[i];
		char *path = path_key("product_blocks", name);
		const char *desc, *tag;
		const struct def *prev = smap_get(&x->r->blocks, name);
		int rc = -1;
		if (prev) {
			dup_error(x, "product block", name, blocks->key_line[i], blocks->key_col[i], prev);
		} else if (expect(x, b, R_MAP, path) == 0 && check_keys(x, b, keys, path) == 0 &&
			   opt_text(x, b, "description", path, &desc) == 0 &&
			   opt_text(x, b, "tag", path, &tag) == 0) {
			struct dm_block *db = cat_push_block(x->r->c, name, desc, tag);
			new_def(x->r, &x->r->blocks, name, x->file, blocks->key_line[i],
				blocks->key_col[i], db);
			if (name_list(x, b, "resource_types", path, db, false) == 0 &&
			    name_list(x, b, "product_blocks", path, db, true) == 0)
				rc = 0;
		}
		free(path);
		if (rc < 0)
			return -1;
	}
	return 0;
}

static int reg_rts(struct ctx *x, const struct rnode *rts)
{
	static const char *const keys[] = { "description", NULL };
	for (size_t i = 0; i < rts->n; i++) {
		const char *name = rts->keys[i];
		const struct rnode *v = rts->items[i];
		char *path = path_key("resource_types", name);
		const char *desc = NULL;
		const struct def *prev = smap_get(&x->r->described, name);
		int rc = -1;
		if (prev)
			dup_error(x, "resource type", name, rts->key_line[i], rts->key_col[i], prev);
		else if (v->kind == R_NULL || (expect(x, v, R_MAP, path) == 0 &&
					       check_keys(x, v, keys, path) == 0 &&
					       opt_text(x, v, "description", path, &desc) == 0))
			rc = 0;
		if (rc == 0) {
			struct dm_resource_type *rt = use_rt(x->r, name, NULL);
			if (desc) {
				free(rt->description);
				rt->description = xstrdup(desc);
			}
			new_def(x->r, &x->r->described, name, x->file, rts->key_line[i],
				rts->key_col[i], rt);
		}
		free(path);
		if (rc < 0)
			return -1;
	}
	return 0;
}

int reg_add_registry(struct reg *r, const char *file, const struct rnode *doc, struct wfo_error *err)
{
	static const char *const keys[] = { "products", "product_blocks", "resource_types", NULL };
	struct ctx x = { r, file, err };
	if (doc->kind != R_MAP)
		return wfo_fail(err, WFO_INPUT,
				"%s:%d:%d: expected an object with \"products\", \"product_blocks\" and "
				"\"resource_types\" (or a generator product file), found %s",
				file, doc->line, doc->col, kind_name(doc->kind));
	if (check_keys(&x, doc, keys, "top level") < 0)
		return -1;
	static const char *const sections[] = { "products", "product_blocks", "resource_types" };
	for (int s = 0; s < 3; s++) {
		const struct rnode *n = rnode_get(doc, sections[s]);
		if (!n || n->kind == R_NULL)
			continue;
		if (expect(&x, n, R_MAP, sections[s]) < 0)
			return -1;
		int rc = s == 0 ? reg_products(&x, n) : s == 1 ? reg_blocks(&x, n) : reg_rts(&x, n);
		if (rc < 0)
			return -1;
	}
	return 0;
}

/* ---- generator product files (docs/MODELS.md, section 2) ---- */

bool reg_is_generator(const struct rnode *doc)
{
	return doc->kind == R_MAP && (rnode_get(doc, "name") || rnode_get(doc, "type"));
}

static int check_list_of_maps(struct ctx *x, const struct rnode *l, const char *path,
			      const char *const *keys)
{
	if (expect(x, l, R_SEQ, path) < 0)
		return -1;
	for (size_t i = 0; i < l->n; i++) {
		char *ip = xasprintf("%s[%zu]", path, i);
		int rc = expect(x, l->items[i], R_MAP, ip);
		if (rc == 0 && keys)
			rc = check_keys(x, l->items[i], keys, ip);
		free(ip);
		if (rc < 0)
			return -1;
	}
	return 0;
}

#define MAX_VARIANTS 100000

int reg_add_generator(struct reg *r, const char *file, const struct rnode *doc, struct wfo_error *err)
{
	static const char *const top_keys[] = { "config", "name", "type", "tag", "description",
						"variable", "fixed_inputs", "product_blocks",
						"workflows", NULL };
	static const char *const config_keys[] = { "summary_forms", "create_summary_forms", NULL };
	static const char *const fi_keys[] = { "name", "type", "description", "enum_type", "values",
					       "default", NULL };
	static const char *const pb_keys[] = { "name", "type", "tag", "description", "block_name",
					       "variable", "fields", NULL };
	static const char *const field_keys[] = { "name", "type", "list_type", "description",
						  "required", "default", "modifiable", "validations",
						  "min_items", "max_items", "min_value", "max_value",
						  "enum_type", "values", NULL };
	static const char *const wf_keys[] = { "name", "enabled", "validations", NULL };
	struct ctx x = { r, file, err };
	const char *name, *type, *tag, *desc;

	if (check_keys(&x, doc, top_keys, "top level") < 0 ||
	    req_text(&x, doc, "name", "top level", &name) < 0 ||
	    req_text(&x, doc, "type", "top level", &type) < 0 ||
	    opt_text(&x, doc, "tag", "top level", &tag) < 0 ||
	    opt_text(&x, doc, "description", "top level", &desc) < 0)
		return -1;
	const struct rnode *cfg = rnode_get(doc, "config");
	if (cfg && cfg->kind != R_NULL &&
	    (expect(&x, cfg, R_MAP, "config") < 0 || check_keys(&x, cfg, config_keys, "config") < 0))
		return -1;
	const struct rnode *wf = rnode_get(doc, "workflows");
	if (wf && wf->kind != R_NULL && check_list_of_maps(&x, wf, "workflows", wf_keys) < 0)
		return -1;

	/* fixed inputs: enum ones (with values) give the variants */
	const struct rnode *fis = rnode_get(doc, "fixed_inputs");
	if (fis && fis->kind == R_NULL)
		fis = NULL;
	if (fis && check_list_of_maps(&x, fis, "fixed_inputs", fi_keys) < 0)
		return -1;
	size_t n_fi = fis ? fis->n : 0;
	size_t variants = 1;
	for (size_t i = 0; i < n_fi; i++) {
		char *ip = xasprintf("fixed_inputs[%zu]", i);
		const char *fname;
		int rc = req_text(&x, fis->items[i], "name", ip, &fname);
		const struct rnode *vals = rnode_get(fis->items[i], "values");
		if (rc == 0 && vals && vals->kind != R_NULL) {
			char *vp = xasprintf("%s.values", ip);
			rc = expect(&x, vals, R_SEQ, vp);
			for (size_t j = 0; rc == 0 && j < vals->n; j++) {
				char *jp = xasprintf("%s[%zu]", vp, j);
				rc = expect_text(&x, vals->items[j], jp);
				free(jp);
			}
			if (rc == 0 && vals->n == 0)
				rc = wfo_fail(err, WFO_INPUT, "%s:%d:%d: %s: an enum needs at least one value",
					      file, vals->line, vals->col, vp);
			free(vp);
			if (rc == 0) {
				variants *= vals->n;
				if (variants > MAX_VARIANTS)
					rc = wfo_fail(err, WFO_INPUT,
						      "%s:%d:%d: fixed_inputs: more than %d product variants "
						      "(combinations of enum values)", file, fis->line,
						      fis->col, MAX_VARIANTS);
			}
		}
		free(ip);
		if (rc < 0)
			return -1;
	}

	/* blocks of this file */
	const struct rnode *pbs = rnode_get(doc, "product_blocks");
	if (!pbs || pbs->kind == R_NULL)
		return wfo_fail(err, WFO_INPUT, "%s:%d:%d: top level: \"product_blocks\" is required",
				file, doc->line, doc->col);
	if (check_list_of_maps(&x, pbs, "product_blocks", pb_keys) < 0)
		return -1;
	if (pbs->n == 0)
		return wfo_fail(err, WFO_INPUT, "%s:%d:%d: product_blocks: at least one product block is needed",
				file, pbs->line, pbs->col);
	struct dm_block **mine = xcalloc(pbs->n, sizeof(*mine));
	const char **types = xcalloc(pbs->n, sizeof(*types));
	bool *used = xcalloc(pbs->n, sizeof(*used));
	int rc = 0;
	for (size_t i = 0; rc == 0 && i < pbs->n; i++) {
		const struct rnode *b = pbs->items[i];
		char *bp = xasprintf("product_blocks[%zu]", i);
		const char *btype, *bname, *fname, *btag, *bdesc;
		rc = req_text(&x, b, "type", bp, &btype);
		if (rc == 0)
			rc = opt_text(&x, b, "block_name", bp, &bname);
		if (rc == 0)
			rc = opt_text(&x, b, "name", bp, &fname);
		if (rc == 0)
			rc = opt_text(&x, b, "tag", bp, &btag);
		if (rc == 0)
			rc = opt_text(&x, b, "description", bp, &bdesc);
		if (rc == 0) {
			const char *dbname = bname ? bname : btype;
			const struct def *prev = smap_get(&r->blocks, dbname);
			const struct def *prevt = smap_get(&r->types, btype);
			if (prev) {
				rc = dup_error(&x, "product block", dbname, b->line, b->col, prev);
			} else if (prevt) {
				rc = wfo_fail(err, WFO_INPUT,
					      "%s:%d:%d: block type \"%s\" is defined twice: here and at "
					      "%s:%d:%d", file, b->line, b->col, btype, prevt->file,
					      prevt->line, prevt->col);
			} else {
				mine[i] = cat_push_block(r->c, dbname, bdesc, btag);
				types[i] = btype;
				new_def(r, &r->blocks, dbname, file, b->line, b->col, mine[i]);
				new_def(r, &r->types, btype, file, b->line, b->col, mine[i]);
			}
		}
		free(bp);
	}
	/* fields, and which blocks of this file are used by another one */
	for (size_t i = 0; rc == 0 && i < pbs->n; i++) {
		const struct rnode *fl = rnode_get(pbs->items[i], "fields");
		if (!fl || fl->kind == R_NULL)
			continue;
		char *fp = xasprintf("product_blocks[%zu].fields", i);
		rc = check_list_of_maps(&x, fl, fp, field_keys);
		for (size_t j = 0; rc == 0 && j < fl->n; j++) {
			const struct rnode *f = fl->items[j];
			char *jp = xasprintf("%s[%zu]", fp, j);
			const char *fname, *ftype, *ltype, *fdesc;
			rc = req_text(&x, f, "name", jp, &fname);
			if (rc == 0)
				rc = req_text(&x, f, "type", jp, &ftype);
			if (rc == 0)
				rc = opt_text(&x, f, "list_type", jp, &ltype);
			if (rc == 0)
				rc = opt_text(&x, f, "description", jp, &fdesc);
			for (size_t k = 0; rc == 0 && k < j; k++) {
				const struct rnode *o = rnode_get(fl->items[k], "name");
				if (o && o->text && strcmp(o->text, fname) == 0)
					rc = wfo_fail(err, WFO_INPUT,
						      "%s:%d:%d: %s: field \"%s\" of block \"%s\" is defined "
						      "twice (first at line %d)", file, f->line, f->col, jp,
						      fname, mine[i]->name, fl->items[k]->line);
			}
			if (rc == 0) {
				const char *item = ltype ? ltype : ftype;
				for (size_t k = 0; k < pbs->n; k++)
					if (k != i && strcmp(types[k], item) == 0)
						used[k] = true;
				if ((r->n_fields & (r->n_fields - 1)) == 0)
					r->fields = xrealloc(r->fields, (r->n_fields ? 2 * r->n_fields : 1) *
							     sizeof(*r->fields));
				r->fields[r->n_fields++] = (struct field){
					mine[i], xstrdup(fname), xstrdup(item),
					fdesc ? xstrdup(fdesc) : NULL, xstrdup(file), f->line, f->col };
			}
			free(jp);
		}
		free(fp);
	}
	/* exactly one root block */
	size_t root = 0, n_roots = 0;
	struct strbuf roots = STRBUF_INIT;
	for (size_t i = 0; rc == 0 && i < pbs->n; i++) {
		if (!used[i]) {
			root = i;
			sb_addf(&roots, "%s%s", n_roots++ ? ", " : "", mine[i]->name);
		}
	}
	if (rc == 0 && n_roots != 1)
		rc = wfo_fail(err, WFO_INPUT,
			      "%s:%d:%d: product_blocks: there should be exactly 1 root product block "
			      "(used by no other block of this product), found %s%s%s", file, pbs->line,
			      pbs->col, n_roots ? "several: " : "none (the blocks use each other in a cycle)",
			      sb_str(&roots), "");
	sb_free(&roots);

	/* the products: one per combination of enum values, first varies slowest */
	for (size_t v = 0; rc == 0 && v < variants; v++) {
		struct strbuf pname = STRBUF_INIT;
		sb_add(&pname, name);
		size_t rest = v, div = variants;
		for (size_t i = 0; i < n_fi; i++) {
			const struct rnode *vals = rnode_get(fis->items[i], "values");
			if (!vals || vals->kind != R_SEQ)
				continue;
			div /= vals->n;
			sb_addf(&pname, " %s", vals->items[rest / div]->text);
			rest %= div;
		}
		const struct def *prev = smap_get(&r->products, sb_str(&pname));
		if (prev) {
			rc = dup_error(&x, "product", sb_str(&pname), doc->line, doc->col, prev);
			sb_free(&pname);
			break;
		}
		struct dm_product *p = cat_push_product(r->c, sb_str(&pname), type, desc, tag);
		new_def(r, &r->products, p->name, file, doc->line, doc->col, p);
		sb_free(&pname);
		rest = v;
		div = variants;
		for (size_t i = 0; i < n_fi; i++) {
			const struct rnode *vals = rnode_get(fis->items[i], "values");
			const char *fname = rnode_get(fis->items[i], "name")->text;
			if (!vals || vals->kind != R_SEQ) {
				dm_product_add_fixed_input(p, fname, NULL);
				continue;
			}
			div /= vals->n;
			dm_product_add_fixed_input(p, fname, vals->items[rest / div]->text);
			rest %= div;
		}
		dm_product_add_block(p, mine[root]->name);
	}
	free(mine);
	free(types);
	free(used);
	return rc;
}

/* ---- finishing ---- */

int reg_finish(struct reg *r, struct dm_catalog **out, struct wfo_error *err)
{
	*out = NULL;
	for (size_t i = 0; i < r->n_fields; i++) {
		struct field *f = &r->fields[i];
		const struct def *t = smap_get(&r->types, f->item_type);
		if (t) {
			cat_push_child(f->block, ((struct dm_block *)t->obj)->name, f->name);
		} else {
			use_rt(r, f->name, f->description);
			sv_push(&f->block->resource_types, f->name);
		}
	}
	for (size_t i = 0; i < r->n_refs; i++) {
		const struct ref *x = &r->refs[i];
		if (!smap_get(&r->blocks, x->block))
			return wfo_fail(err, WFO_INPUT,
					"%s:%d:%d: %s: product block \"%s\" is not defined (define it "
					"under \"product_blocks\" in one of the model files)",
					x->file, x->line, x->col, x->path, x->block);
	}
	/* a resource type described but used by no block is most likely a typo */
	struct smap used = { 0, 0, NULL, NULL };
	for (size_t j = 0; j < r->c->n_blocks; j++)
		for (size_t k = 0; k < r->c->blocks[j]->resource_types.n; k++)
			smap_put(&used, r->c->blocks[j]->resource_types.v[k], r);
	for (size_t i = 0; i < r->n_defs; i++) {
		const struct def *d = r->defs[i];
		if (smap_get(&r->described, d->name) != d || smap_get(&used, d->name))
			continue;
		smap_free(&used);
		return wfo_fail(err, WFO_INPUT,
				"%s:%d:%d: resource_types.%s: resource type \"%s\" is described "
				"but no product block lists it in \"resource_types\"",
				d->file, d->line, d->col, d->name, d->name);
	}
	smap_free(&used);
	cat_sort(r->c);
	*out = r->c;
	r->c = dm_catalog_new();
	return 0;
}

/* ---- files and folders ---- */

const char *models_default_path(void)
{
	struct stat st;
	return stat("products", &st) == 0 ? "products" : NULL;
}

static int load_file(struct reg *r, const char *path, struct wfo_error *err)
{
	size_t len;
	struct stat st;
	if (stat(path, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > MODELS_MAX_BYTES)
		return wfo_fail(err, WFO_INPUT, "%s: %lld bytes; a model file may have at most %d",
				path, (long long)st.st_size, MODELS_MAX_BYTES);
	char *text = read_file(path, &len);
	if (!text)
		return wfo_fail(err, WFO_IO, "%s: cannot read the model file: %s", path, file_strerror(errno));
	struct rnode *doc = NULL;
	bool json = str_ends_with(path, ".json");
	if (!json && !str_ends_with(path, ".yaml") && !str_ends_with(path, ".yml")) {
		size_t i = 0;
		while (i < len && strchr(" \t\r\n", text[i]) && text[i])
			i++;
		json = i < len && text[i] == '{';
	}
	int rc = json ? registry_json_parse(path, text, len, &doc, err)
		      : registry_yaml_parse(path, text, len, &doc, err);
	free(text);
	if (rc == 0)
		rc = reg_is_generator(doc) ? reg_add_generator(r, path, doc, err)
					   : reg_add_registry(r, path, doc, err);
	rnode_free(doc);
	return rc;
}

static int cmp_cstr(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int models_load(const char *path, struct dm_catalog **out, struct wfo_error *err)
{
	struct stat st;
	*out = NULL;
	if (stat(path, &st) < 0)
		return wfo_fail(err, WFO_IO, "%s: cannot open the models: %s (give --models PATH: a "
				"registry .json, a product .yaml, or a folder of them)", path,
				strerror(errno));
	struct reg *r = reg_new();
	int rc = 0;
	if (S_ISDIR(st.st_mode)) {
		DIR *d = opendir(path);
		if (!d) {
			rc = wfo_fail(err, WFO_IO, "%s: cannot read the models folder: %s", path,
				      strerror(errno));
			goto out;
		}
		struct strvec files = STRVEC_INIT;
		struct dirent *e;
		while ((e = readdir(d))) {
			if (e->d_name[0] == '.')
				continue;
			if (str_ends_with(e->d_name, ".json") || str_ends_with(e->d_name, ".yaml") ||
			    str_ends_with(e->d_name, ".yml"))
				sv_push_owned(&files, xasprintf("%s/%s", path, e->d_name));
		}
		closedir(d);
		if (files.n > 1)
			qsort(files.v, files.n, sizeof(*files.v), cmp_cstr);
		if (files.n == 0)
			rc = wfo_fail(err, WFO_INPUT, "%s: the models folder has no .json, .yaml or .yml file",
				      path);
		for (size_t i = 0; rc == 0 && i < files.n; i++)
			rc = load_file(r, files.v[i], err);
		sv_free(&files);
	} else {
		rc = load_file(r, path, err);
	}
	if (rc == 0)
		rc = reg_finish(r, out, err);
out:
	reg_free(r);
	return rc;
}
