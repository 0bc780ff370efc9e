/* diff.c - the catalogue value type and the differences between two of them. */
#include "config.h"
#include "diff.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

static char *dup_or_null(const char *s)
{
	return s ? xstrdup(s) : NULL;
}

struct dm_catalog *dm_catalog_new(void)
{
	return xcalloc(1, sizeof(struct dm_catalog));
}

void dm_catalog_free(struct dm_catalog *c)
{
	if (!c)
		return;
	for (size_t i = 0; i < c->n_products; i++) {
		struct dm_product *p = c->products[i];
		free(p->name);
		free(p->product_type);
		free(p->description);
		free(p->tag);
		for (size_t j = 0; j < p->n_fixed_inputs; j++) {
			free(p->fixed_inputs[j].name);
			free(p->fixed_inputs[j].value);
		}
		free(p->fixed_inputs);
		sv_free(&p->blocks);
		free(p);
	}
	free(c->products);
	for (size_t i = 0; i < c->n_blocks; i++) {
		struct dm_block *b = c->blocks[i];
		free(b->name);
		free(b->description);
		free(b->tag);
		sv_free(&b->resource_types);
		for (size_t j = 0; j < b->n_children; j++) {
			free(b->children[j].name);
			free(b->children[j].attr);
		}
		free(b->children);
		free(b);
	}
	free(c->blocks);
	for (size_t i = 0; i < c->n_resource_types; i++) {
		free(c->resource_types[i]->name);
		free(c->resource_types[i]->description);
		free(c->resource_types[i]);
	}
	free(c->resource_types);
	free(c);
}

/* The arrays of a catalogue are sorted by name whenever a loader handed it
 * out (catalog.h) or cat_sort ran; while dm_add_* / cat_push_* build one,
 * an append out of order marks the array unsorted. A lookup is a binary
 * search (it never returns a wrong element, sorted or not), and only in an
 * array marked unsorted a miss is followed by a linear scan: in a sorted
 * catalogue hits and misses cost O(log n), so neither diff_compute nor
 * plan.c is quadratic (2,000 products and 5,000 blocks: 0.5 s before). */
#define DEFINE_FIND(fn, type, arr, count, bit)                                      \
	type *fn(const struct dm_catalog *c, const char *name)                   \
	{                                                                        \
		if (!c)                                                          \
			return NULL;                                             \
		size_t lo = 0, hi = c->count;                                    \
		while (lo < hi) {                                                \
			size_t mid = lo + (hi - lo) / 2;                         \
			int r = strcmp(c->arr[mid]->name, name);                 \
			if (r == 0)                                              \
				return c->arr[mid];                              \
			if (r < 0)                                               \
				lo = mid + 1;                                    \
			else                                                     \
				hi = mid;                                        \
		}                                                                \
		for (size_t i = 0; (c->unsorted & (bit)) && i < c->count; i++)   \
			if (strcmp(c->arr[i]->name, name) == 0)                  \
				return c->arr[i];                                \
		return NULL;                                                     \
	}

DEFINE_FIND(dm_find_product, struct dm_product, products, n_products, DM_UNSORTED_PRODUCTS)
DEFINE_FIND(dm_find_block, struct dm_block, blocks, n_blocks, DM_UNSORTED_BLOCKS)
DEFINE_FIND(dm_find_resource_type, struct dm_resource_type, resource_types, n_resource_types,
	    DM_UNSORTED_RESOURCE_TYPES)

const struct dm_fixed_input *dm_find_fixed_input(const struct dm_product *p, const char *name)
{
	for (size_t i = 0; p && i < p->n_fixed_inputs; i++)
		if (strcmp(p->fixed_inputs[i].name, name) == 0)
			return &p->fixed_inputs[i];
	return NULL;
}

bool dm_block_has_child(const struct dm_block *b, const char *child)
{
	for (size_t i = 0; b && i < b->n_children; i++)
		if (strcmp(b->children[i].name, child) == 0)
			return true;
	return false;
}

bool dm_rt_used(const struct dm_catalog *c, const char *rt)
{
	for (size_t i = 0; c && i < c->n_blocks; i++)
		if (sv_contains(&c->blocks[i]->resource_types, rt))
			return true;
	return false;
}

struct dm_product *dm_add_product(struct dm_catalog *c, const char *name, const char *product_type,
				  const char *description, const char *tag)
{
	struct dm_product *p = dm_find_product(c, name);
	if (p)
		return p;
	p = xcalloc(1, sizeof(*p));
	p->name = xstrdup(name);
	p->product_type = dup_or_null(product_type);
	p->description = dup_or_null(description);
	p->tag = dup_or_null(tag);
	c->products = xrealloc(c->products, (c->n_products + 1) * sizeof(*c->products));
	if (c->n_products && strcmp(c->products[c->n_products - 1]->name, name) > 0)
		c->unsorted |= DM_UNSORTED_PRODUCTS;
	c->products[c->n_products++] = p;
	return p;
}

void dm_product_add_fixed_input(struct dm_product *p, const char *name, const char *value)
{
	if (dm_find_fixed_input(p, name))
		return;
	p->fixed_inputs = xrealloc(p->fixed_inputs, (p->n_fixed_inputs + 1) * sizeof(*p->fixed_inputs));
	p->fixed_inputs[p->n_fixed_inputs].name = xstrdup(name);
	p->fixed_inputs[p->n_fixed_inputs].value = dup_or_null(value);
	p->n_fixed_inputs++;
}

void dm_product_add_block(struct dm_product *p, const char *block)
{
	if (!sv_contains(&p->blocks, block))
		sv_push(&p->blocks, block);
}

struct dm_block *dm_add_block(struct dm_catalog *c, const char *name, const char *description,
			      const char *tag)
{
	struct dm_block *b = dm_find_block(c, name);
	if (b)
		return b;
	b = xcalloc(1, sizeof(*b));
	b->name = xstrdup(name);
	b->description = dup_or_null(description);
	b->tag = dup_or_null(tag);
	c->blocks = xrealloc(c->blocks, (c->n_blocks + 1) * sizeof(*c->blocks));
	if (c->n_blocks && strcmp(c->blocks[c->n_blocks - 1]->name, name) > 0)
		c->unsorted |= DM_UNSORTED_BLOCKS;
	c->blocks[c->n_blocks++] = b;
	return b;
}

void dm_block_add_resource_type(struct dm_block *b, const char *rt)
{
	if (!sv_contains(&b->resource_types, rt))
		sv_push(&b->resource_types, rt);
}

void dm_block_add_child(struct dm_block *b, const char *child, const char *attr)
{
	for (size_t i = 0; i < b->n_children; i++) {
		const char *a = b->children[i].attr;
		if (strcmp(b->children[i].name, child) == 0 &&
		    ((!a && !attr) || (a && attr && strcmp(a, attr) == 0)))
			return;
	}
	b->children = xrealloc(b->children, (b->n_children + 1) * sizeof(*b->children));
	b->children[b->n_children].name = xstrdup(child);
	b->children[b->n_children].attr = dup_or_null(attr);
	b->n_children++;
}

struct dm_resource_type *dm_add_resource_type(struct dm_catalog *c, const char *name,
					      const char *description)
{
	struct dm_resource_type *r = dm_find_resource_type(c, name);
	if (r)
		return r;
	r = xcalloc(1, sizeof(*r));
	r->name = xstrdup(name);
	r->description = dup_or_null(description);
	c->resource_types = xrealloc(c->resource_types,
				     (c->n_resource_types + 1) * sizeof(*c->resource_types));
	if (c->n_resource_types && strcmp(c->resource_types[c->n_resource_types - 1]->name, name) > 0)
		c->unsorted |= DM_UNSORTED_RESOURCE_TYPES;
	c->resource_types[c->n_resource_types++] = r;
	return r;
}

/* ---- the diff ---- */

/* out += names of a not in b (sorted, unique). */
static void set_minus(struct strvec *out, const struct strvec *a, const struct strvec *b)
{
	for (size_t i = 0; i < a->n; i++)
		if (!(b && sv_contains(b, a->v[i])) && !sv_contains(out, a->v[i]))
			sv_push(out, a->v[i]);
	sv_sort(out);
}

static void child_names(const struct dm_block *b, struct strvec *out)
{
	for (size_t i = 0; b && i < b->n_children; i++)
		if (!sv_contains(out, b->children[i].name))
			sv_push(out, b->children[i].name);
}

static void fi_names(const struct dm_product *p, struct strvec *out)
{
	for (size_t i = 0; p && i < p->n_fixed_inputs; i++)
		sv_push(out, p->fixed_inputs[i].name);
}

static bool skipped(const char *name, const struct strvec *skip)
{
	if (!skip || !skip->n)
		return false;
	char *low = xstrdup(name);
	for (char *s = low; *s; s++)
		*s = (char)tolower((unsigned char)*s);
	bool hit = false;
	for (size_t i = 0; i < skip->n && !hit; i++) {
		char *e = xstrdup(skip->v[i]);
		for (char *s = e; *s; s++)
			*s = (char)tolower((unsigned char)*s);
		hit = strstr(low, e) != NULL;
		free(e);
	}
	free(low);
	return hit;
}

static int cmp_dp(const void *a, const void *b)
{
	return strcmp(((const struct diff_product *)a)->name, ((const struct diff_product *)b)->name);
}

static int cmp_db(const void *a, const void *b)
{
	return strcmp(((const struct diff_block *)a)->name, ((const struct diff_block *)b)->name);
}

int diff_compute(const struct dm_catalog *model, const struct dm_catalog *db,
		 const struct strvec *skip, struct diff *out, struct wfo_error *err)
{
	(void)err;
	memset(out, 0, sizeof(*out));
	for (size_t i = 0; i < model->n_products; i++)
		if (!dm_find_product(db, model->products[i]->name))
			sv_push(&out->create_products, model->products[i]->name);
	for (size_t i = 0; i < db->n_products; i++)
		if (!dm_find_product(model, db->products[i]->name))
			sv_push(&out->delete_products, db->products[i]->name);
	for (size_t i = 0; i < model->n_blocks; i++)
		if (!dm_find_block(db, model->blocks[i]->name))
			sv_push(&out->create_blocks, model->blocks[i]->name);
	for (size_t i = 0; i < db->n_blocks; i++)
		if (!dm_find_block(model, db->blocks[i]->name))
			sv_push(&out->delete_blocks, db->blocks[i]->name);
	sv_sort(&out->create_products);
	sv_sort(&out->delete_products);
	sv_sort(&out->create_blocks);
	sv_sort(&out->delete_blocks);

	for (size_t i = 0; i < model->n_products; i++) {
		const struct dm_product *m = model->products[i];
		const struct dm_product *d = dm_find_product(db, m->name);
		if (!d || skipped(m->name, skip))
			continue;
		struct diff_product dp;
		memset(&dp, 0, sizeof(dp));
		set_minus(&dp.blocks_missing_in_db, &m->blocks, &d->blocks);
		set_minus(&dp.blocks_missing_in_model, &d->blocks, &m->blocks);
		struct strvec mf = STRVEC_INIT, df = STRVEC_INIT;
		fi_names(m, &mf);
		fi_names(d, &df);
		set_minus(&dp.fixed_inputs_missing_in_db, &mf, &df);
		set_minus(&dp.fixed_inputs_missing_in_model, &df, &mf);
		sv_free(&mf);
		sv_free(&df);
		if (!dp.blocks_missing_in_db.n && !dp.blocks_missing_in_model.n &&
		    !dp.fixed_inputs_missing_in_db.n && !dp.fixed_inputs_missing_in_model.n)
			continue;
		dp.name = xstrdup(m->name);
		dp.subscriptions = d->subscriptions;
		out->products = xrealloc(out->products, (out->n_products + 1) * sizeof(dp));
		out->products[out->n_products++] = dp;
	}
	if (out->n_products)
		qsort(out->products, out->n_products, sizeof(*out->products), cmp_dp);

	for (size_t i = 0; i < model->n_blocks; i++) {
		const struct dm_block *m = model->blocks[i];
		const struct dm_block *d = dm_find_block(db, m->name);
		struct diff_block db_;
		memset(&db_, 0, sizeof(db_));
		struct strvec mc = STRVEC_INIT, dc = STRVEC_INIT, none = STRVEC_INIT;
		child_names(m, &mc);
		child_names(d, &dc);
		set_minus(&db_.children_missing_in_db, &mc, &dc);
		set_minus(&db_.children_missing_in_model, &dc, &mc);
		set_minus(&db_.resource_types_missing_in_db, &m->resource_types,
			  d ? &d->resource_types : &none);
		if (d)
			set_minus(&db_.resource_types_missing_in_model, &d->resource_types,
				  &m->resource_types);
		sv_free(&mc);
		sv_free(&dc);
		if (!db_.children_missing_in_db.n && !db_.children_missing_in_model.n &&
		    !db_.resource_types_missing_in_db.n && !db_.resource_types_missing_in_model.n)
			continue;
		db_.name = xstrdup(m->name);
		db_.instances = d ? d->instances : 0;
		out->blocks = xrealloc(out->blocks, (out->n_blocks + 1) * sizeof(db_));
		out->blocks[out->n_blocks++] = db_;
	}
	if (out->n_blocks)
		qsort(out->blocks, out->n_blocks, sizeof(*out->blocks), cmp_db);
	return 0;
}

void diff_free(struct diff *d)
{
	sv_free(&d->create_products);
	sv_free(&d->delete_products);
	sv_free(&d->create_blocks);
	sv_free(&d->delete_blocks);
	for (size_t i = 0; i < d->n_products; i++) {
		free(d->products[i].name);
		sv_free(&d->products[i].blocks_missing_in_db);
		sv_free(&d->products[i].blocks_missing_in_model);
		sv_free(&d->products[i].fixed_inputs_missing_in_db);
		sv_free(&d->products[i].fixed_inputs_missing_in_model);
	}
	free(d->products);
	for (size_t i = 0; i < d->n_blocks; i++) {
		free(d->blocks[i].name);
		sv_free(&d->blocks[i].children_missing_in_db);
		sv_free(&d->blocks[i].children_missing_in_model);
		sv_free(&d->blocks[i].resource_types_missing_in_db);
		sv_free(&d->blocks[i].resource_types_missing_in_model);
	}
	free(d->blocks);
	memset(d, 0, sizeof(*d));
}

bool diff_is_empty(const struct diff *d)
{
	return !d->create_products.n && !d->delete_products.n && !d->create_blocks.n &&
	       !d->delete_blocks.n && !d->n_products && !d->n_blocks;
}

const struct diff_product *diff_find_product(const struct diff *d, const char *name)
{
	for (size_t i = 0; i < d->n_products; i++)
		if (strcmp(d->products[i].name, name) == 0)
			return &d->products[i];
	return NULL;
}

const struct diff_block *diff_find_block(const struct diff *d, const char *name)
{
	for (size_t i = 0; i < d->n_blocks; i++)
		if (strcmp(d->blocks[i].name, name) == 0)
			return &d->blocks[i];
	return NULL;
}

/* ---- rendering ---- */

static void text_list(struct strbuf *out, const char *indent, const char *title,
		      const struct strvec *v)
{
	if (!v->n)
		return;
	sb_addf(out, "%s%s:\n", indent, title);
	for (size_t i = 0; i < v->n; i++)
		sb_addf(out, "%s  %s\n", indent, v->v[i]);
}

void diff_render_text(const struct diff *d, struct strbuf *out)
{
	if (diff_is_empty(d)) {
		sb_add(out, "No differences\n");
		return;
	}
	text_list(out, "", "Products to create", &d->create_products);
	text_list(out, "", "Products to delete (with their subscriptions)", &d->delete_products);
	text_list(out, "", "Product blocks to create", &d->create_blocks);
	text_list(out, "", "Product blocks to delete (with their instances)", &d->delete_blocks);
	for (size_t i = 0; i < d->n_products; i++) {
		const struct diff_product *p = &d->products[i];
		sb_addf(out, "Product %s (%ld subscription%s):\n", p->name, p->subscriptions,
			p->subscriptions == 1 ? "" : "s");
		text_list(out, "  ", "product blocks missing in the database", &p->blocks_missing_in_db);
		text_list(out, "  ", "product blocks missing in the model", &p->blocks_missing_in_model);
		text_list(out, "  ", "fixed inputs missing in the database",
			  &p->fixed_inputs_missing_in_db);
		text_list(out, "  ", "fixed inputs missing in the model",
			  &p->fixed_inputs_missing_in_model);
	}
	for (size_t i = 0; i < d->n_blocks; i++) {
		const struct diff_block *b = &d->blocks[i];
		sb_addf(out, "Product block %s (%ld instance%s):\n", b->name, b->instances,
			b->instances == 1 ? "" : "s");
		text_list(out, "  ", "depends-on blocks missing in the database",
			  &b->children_missing_in_db);
		text_list(out, "  ", "depends-on blocks missing in the model",
			  &b->children_missing_in_model);
		text_list(out, "  ", "resource types missing in the database",
			  &b->resource_types_missing_in_db);
		text_list(out, "  ", "resource types missing in the model",
			  &b->resource_types_missing_in_model);
	}
}

static void json_str(struct strbuf *out, const char *s)
{
	sb_addc(out, '"');
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p == '"' || *p == '\\')
			sb_addf(out, "\\%c", *p);
		else if (*p == '\n')
			sb_add(out, "\\n");
		else if (*p == '\t')
			sb_add(out, "\\t");
		else if (*p == '\r')
			sb_add(out, "\\r");
		else if (*p < 0x20)
			sb_addf(out, "\\u%04x", *p);
		else
			sb_addc(out, (char)*p);
	}
	sb_addc(out, '"');
}

static void json_list(struct strbuf *out, const struct strvec *v)
{
	sb_addc(out, '[');
	for (size_t i = 0; i < v->n; i++) {
		if (i)
			sb_add(out, ", ");
		json_str(out, v->v[i]);
	}
	sb_addc(out, ']');
}

/* "key": [..] with a leading separator when *first is false; empty lists
 * are skipped when omit_empty. */
static void json_member(struct strbuf *out, const char *indent, bool *first, const char *key,
			const struct strvec *v, bool omit_empty)
{
	if (omit_empty && !v->n)
		return;
	sb_add(out, *first ? "\n" : ",\n");
	*first = false;
	sb_add(out, indent);
	json_str(out, key);
	sb_add(out, ": ");
	json_list(out, v);
}

void diff_render_json(const struct diff *d, struct strbuf *out)
{
	bool first = true;
	sb_addc(out, '{');
	json_member(out, "  ", &first, "create_product_blocks", &d->create_blocks, false);
	json_member(out, "  ", &first, "create_products", &d->create_products, false);
	json_member(out, "  ", &first, "delete_product_blocks", &d->delete_blocks, false);
	json_member(out, "  ", &first, "delete_products", &d->delete_products, false);
	sb_add(out, ",\n  \"product_blocks\": {");
	for (size_t i = 0; i < d->n_blocks; i++) {
		const struct diff_block *b = &d->blocks[i];
		sb_add(out, i ? ",\n    " : "\n    ");
		json_str(out, b->name);
		sb_addf(out, ": {\n      \"instances\": %ld", b->instances);
		bool f = false;
		json_member(out, "      ", &f, "missing_product_blocks_in_db", &b->children_missing_in_db, true);
		json_member(out, "      ", &f, "missing_product_blocks_in_model", &b->children_missing_in_model, true);
		json_member(out, "      ", &f, "missing_resource_types_in_db", &b->resource_types_missing_in_db, true);
		json_member(out, "      ", &f, "missing_resource_types_in_model", &b->resource_types_missing_in_model, true);
		sb_add(out, "\n    }");
	}
	sb_add(out, d->n_blocks ? "\n  },\n  \"products\": {" : "},\n  \"products\": {");
	for (size_t i = 0; i < d->n_products; i++) {
		const struct diff_product *p = &d->products[i];
		sb_add(out, i ? ",\n    " : "\n    ");
		json_str(out, p->name);
		sb_add(out, ": {");
		bool f = true;
		json_member(out, "      ", &f, "missing_fixed_inputs_in_db", &p->fixed_inputs_missing_in_db, true);
		json_member(out, "      ", &f, "missing_fixed_inputs_in_model", &p->fixed_inputs_missing_in_model, true);
		json_member(out, "      ", &f, "missing_product_blocks_in_db", &p->blocks_missing_in_db, true);
		json_member(out, "      ", &f, "missing_product_blocks_in_model", &p->blocks_missing_in_model, true);
		sb_addf(out, ",\n      \"subscriptions\": %ld\n    }", p->subscriptions);
	}
	sb_add(out, d->n_products ? "\n  }\n}\n" : "}\n}\n");
}
