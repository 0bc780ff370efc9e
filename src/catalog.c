/* catalog.c - building, sorting, looking up and rendering catalogues. */
#include "config.h"
#include "catalog.h"

#include <stdlib.h>
#include <string.h>

#include <jansson.h>

static char *dup_or_null(const char *s)
{
	return s ? xstrdup(s) : NULL;
}

struct dm_product *cat_push_product(struct dm_catalog *c, const char *name,
				    const char *product_type, const char *description,
				    const char *tag)
{
	struct dm_product *p = xcalloc(1, sizeof(*p));
	p->name = xstrdup(name);
	p->product_type = dup_or_null(product_type);
	p->description = dup_or_null(description);
	p->tag = dup_or_null(tag);
	if ((c->n_products & (c->n_products - 1)) == 0)
		c->products = xrealloc(c->products, (c->n_products ? 2 * c->n_products : 1) *
				       sizeof(*c->products));
	if (c->n_products && strcmp(c->products[c->n_products - 1]->name, name) > 0)
		c->unsorted |= DM_UNSORTED_PRODUCTS;
	c->products[c->n_products++] = p;
	return p;
}

struct dm_block *cat_push_block(struct dm_catalog *c, const char *name,
				const char *description, const char *tag)
{
	struct dm_block *b = xcalloc(1, sizeof(*b));
	b->name = xstrdup(name);
	b->description = dup_or_null(description);
	b->tag = dup_or_null(tag);
	if ((c->n_blocks & (c->n_blocks - 1)) == 0)
		c->blocks = xrealloc(c->blocks, (c->n_blocks ? 2 * c->n_blocks : 1) *
				     sizeof(*c->blocks));
	if (c->n_blocks && strcmp(c->blocks[c->n_blocks - 1]->name, name) > 0)
		c->unsorted |= DM_UNSORTED_BLOCKS;
	c->blocks[c->n_blocks++] = b;
	return b;
}

struct dm_resource_type *cat_push_resource_type(struct dm_catalog *c, const char *name,
						const char *description)
{
	struct dm_resource_type *r = xcalloc(1, sizeof(*r));
	r->name = xstrdup(name);
	r->description = dup_or_null(description);
	if ((c->n_resource_types & (c->n_resource_types - 1)) == 0)
		c->resource_types = xrealloc(c->resource_types,
					     (c->n_resource_types ? 2 * c->n_resource_types : 1) *
					     sizeof(*c->resource_types));
	if (c->n_resource_types && strcmp(c->resource_types[c->n_resource_types - 1]->name, name) > 0)
		c->unsorted |= DM_UNSORTED_RESOURCE_TYPES;
	c->resource_types[c->n_resource_types++] = r;
	return r;
}

void cat_push_fixed_input(struct dm_product *p, const char *name, const char *value)
{
	if ((p->n_fixed_inputs & (p->n_fixed_inputs - 1)) == 0)
		p->fixed_inputs = xrealloc(p->fixed_inputs,
					   (p->n_fixed_inputs ? 2 * p->n_fixed_inputs : 1) *
					   sizeof(*p->fixed_inputs));
	p->fixed_inputs[p->n_fixed_inputs].name = xstrdup(name);
	p->fixed_inputs[p->n_fixed_inputs].value = dup_or_null(value);
	p->n_fixed_inputs++;
}

void cat_push_child(struct dm_block *b, const char *child, const char *attr)
{
	if ((b->n_children & (b->n_children - 1)) == 0)
		b->children = xrealloc(b->children, (b->n_children ? 2 * b->n_children : 1) *
				       sizeof(*b->children));
	b->children[b->n_children].name = xstrdup(child);
	b->children[b->n_children].attr = dup_or_null(attr);
	b->n_children++;
}

/* ---- sorting ---- */

static int cmp_product(const void *a, const void *b)
{
	return strcmp((*(struct dm_product *const *)a)->name, (*(struct dm_product *const *)b)->name);
}

static int cmp_block(const void *a, const void *b)
{
	return strcmp((*(struct dm_block *const *)a)->name, (*(struct dm_block *const *)b)->name);
}

static int cmp_rt(const void *a, const void *b)
{
	return strcmp((*(struct dm_resource_type *const *)a)->name,
		      (*(struct dm_resource_type *const *)b)->name);
}

static int cmp_fi(const void *a, const void *b)
{
	return strcmp(((const struct dm_fixed_input *)a)->name,
		      ((const struct dm_fixed_input *)b)->name);
}

static int cmp_nullstr(const char *a, const char *b)
{
	if (!a || !b)
		return (a != NULL) - (b != NULL);
	return strcmp(a, b);
}

static int cmp_child(const void *a, const void *b)
{
	const struct dm_child *x = a, *y = b;
	int r = strcmp(x->name, y->name);
	return r ? r : cmp_nullstr(x->attr, y->attr);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void sort_unique_sv(struct strvec *sv)
{
	if (sv->n < 2)
		return;
	qsort(sv->v, sv->n, sizeof(*sv->v), cmp_str);
	size_t k = 1;
	for (size_t i = 1; i < sv->n; i++) {
		if (strcmp(sv->v[i], sv->v[k - 1]) == 0)
			free(sv->v[i]);
		else
			sv->v[k++] = sv->v[i];
	}
	sv->n = k;
}

void cat_sort(struct dm_catalog *c)
{
	if (c->n_products > 1)
		qsort(c->products, c->n_products, sizeof(*c->products), cmp_product);
	if (c->n_blocks > 1)
		qsort(c->blocks, c->n_blocks, sizeof(*c->blocks), cmp_block);
	if (c->n_resource_types > 1)
		qsort(c->resource_types, c->n_resource_types, sizeof(*c->resource_types), cmp_rt);
	c->unsorted = 0;
	for (size_t i = 0; i < c->n_products; i++) {
		struct dm_product *p = c->products[i];
		if (p->n_fixed_inputs > 1)
			qsort(p->fixed_inputs, p->n_fixed_inputs, sizeof(*p->fixed_inputs), cmp_fi);
		sort_unique_sv(&p->blocks);
	}
	for (size_t i = 0; i < c->n_blocks; i++) {
		struct dm_block *b = c->blocks[i];
		sort_unique_sv(&b->resource_types);
		if (b->n_children > 1)
			qsort(b->children, b->n_children, sizeof(*b->children), cmp_child);
	}
}

/* ---- lookup ---- */

#define BSEARCH_BY_NAME(arr, n, key)                                          \
	do {                                                                  \
		size_t lo = 0, hi = (n);                                      \
		while (lo < hi) {                                             \
			size_t mid = lo + (hi - lo) / 2;                      \
			int r = strcmp((arr)[mid]->name, (key));              \
			if (r == 0)                                           \
				return (arr)[mid];                            \
			if (r < 0)                                            \
				lo = mid + 1;                                 \
			else                                                  \
				hi = mid;                                     \
		}                                                             \
		return NULL;                                                  \
	} while (0)

struct dm_product *cat_find_product(const struct dm_catalog *c, const char *name)
{
	BSEARCH_BY_NAME(c->products, c->n_products, name);
}

struct dm_block *cat_find_block(const struct dm_catalog *c, const char *name)
{
	BSEARCH_BY_NAME(c->blocks, c->n_blocks, name);
}

struct dm_resource_type *cat_find_resource_type(const struct dm_catalog *c, const char *name)
{
	BSEARCH_BY_NAME(c->resource_types, c->n_resource_types, name);
}

/* ---- database extras ---- */

static void free_strs(char **v, size_t n)
{
	if (!v)
		return;
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

void cat_extra_free(struct cat_extra *x)
{
	if (!x)
		return;
	free_strs(x->product_ids, x->n_products);
	free_strs(x->product_status, x->n_products);
	free_strs(x->block_ids, x->n_blocks);
	free_strs(x->resource_type_ids, x->n_resource_types);
	for (size_t i = 0; i < x->n_block_rt; i++) {
		free(x->block_rt[i].block);
		free(x->block_rt[i].resource_type);
	}
	free(x->block_rt);
	free(x);
}

long cat_extra_block_rt_values(const struct cat_extra *x, const char *block, const char *rt)
{
	size_t lo = 0, hi = x ? x->n_block_rt : 0;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int r = strcmp(x->block_rt[mid].block, block);
		if (r == 0)
			r = strcmp(x->block_rt[mid].resource_type, rt);
		if (r == 0)
			return x->block_rt[mid].values;
		if (r < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;
}

/* ---- rendering ---- */

static const char *plural(long n, const char *one, const char *many)
{
	return n == 1 ? one : many;
}

/* The depends-on tree below block name; stack guards against cycles. */
static void render_tree(const struct dm_catalog *c, const char *name, int depth,
			const char **stack, int n_stack, struct strbuf *out)
{
	const struct dm_block *b = cat_find_block(c, name);
	for (int i = 0; i < depth; i++)
		sb_add(out, "  ");
	sb_add(out, name);
	for (int i = 0; i < n_stack; i++) {
		if (strcmp(stack[i], name) == 0) {
			sb_add(out, " (cycle)\n");
			return;
		}
	}
	if (!b || n_stack >= 64) {
		sb_add(out, b ? " ...\n" : " (not defined)\n");
		return;
	}
	if (b->instances)
		sb_addf(out, " (%ld %s)", b->instances, plural(b->instances, "instance", "instances"));
	sb_add(out, "\n");
	if (b->resource_types.n) {
		for (int i = 0; i < depth + 1; i++)
			sb_add(out, "  ");
		sb_add(out, "resource types:");
		for (size_t i = 0; i < b->resource_types.n; i++)
			sb_addf(out, "%s %s", i ? "," : "", b->resource_types.v[i]);
		sb_add(out, "\n");
	}
	stack[n_stack] = name;
	for (size_t i = 0; i < b->n_children; i++) {
		if (i > 0 && strcmp(b->children[i].name, b->children[i - 1].name) == 0)
			continue;
		render_tree(c, b->children[i].name, depth + 1, stack, n_stack + 1, out);
	}
}

void cat_render_text(const struct dm_catalog *c, const struct cat_extra *x, struct strbuf *out)
{
	const char *stack[65];
	sb_addf(out, "Products (%zu)\n", c->n_products);
	for (size_t i = 0; i < c->n_products; i++) {
		const struct dm_product *p = c->products[i];
		sb_addf(out, "  %s\n", p->name);
		sb_addf(out, "    product type: %s\n", p->product_type ? p->product_type : "-");
		sb_addf(out, "    tag: %s\n", p->tag ? p->tag : "-");
		if (x && x->product_status && i < x->n_products)
			sb_addf(out, "    status: %s\n", x->product_status[i]);
		if (p->description)
			sb_addf(out, "    description: %s\n", p->description);
		sb_addf(out, "    subscriptions: %ld\n", p->subscriptions);
		if (p->n_fixed_inputs) {
			sb_add(out, "    fixed inputs:\n");
			for (size_t j = 0; j < p->n_fixed_inputs; j++)
				sb_addf(out, "      %s = %s\n", p->fixed_inputs[j].name,
					p->fixed_inputs[j].value ? p->fixed_inputs[j].value : "(no value)");
		}
		if (p->blocks.n) {
			sb_add(out, "    product blocks:\n");
			for (size_t j = 0; j < p->blocks.n; j++)
				render_tree(c, p->blocks.v[j], 3, stack, 0, out);
		}
	}
	sb_addf(out, "\nProduct blocks (%zu)\n", c->n_blocks);
	for (size_t i = 0; i < c->n_blocks; i++) {
		const struct dm_block *b = c->blocks[i];
		sb_addf(out, "  %s  tag: %s  instances: %ld", b->name, b->tag ? b->tag : "-",
			b->instances);
		if (b->description)
			sb_addf(out, "  description: %s", b->description);
		sb_add(out, "\n");
	}
	sb_addf(out, "\nResource types (%zu)\n", c->n_resource_types);
	for (size_t i = 0; i < c->n_resource_types; i++) {
		const struct dm_resource_type *r = c->resource_types[i];
		sb_addf(out, "  %s  values: %ld", r->name, r->values);
		if (r->description)
			sb_addf(out, "  description: %s", r->description);
		sb_add(out, "\n");
	}
}

static json_t *jstr(const char *s)
{
	return s ? json_string_nocheck(s) : json_null();
}

static json_t *jlist(const struct strvec *sv)
{
	json_t *a = json_array();
	for (size_t i = 0; i < sv->n; i++)
		json_array_append_new(a, json_string_nocheck(sv->v[i]));
	return a;
}

void cat_render_json(const struct dm_catalog *c, const struct cat_extra *x, struct strbuf *out)
{
	json_t *root = json_object();
	json_t *prods = json_object();
	for (size_t i = 0; i < c->n_products; i++) {
		const struct dm_product *p = c->products[i];
		json_t *o = json_object();
		json_object_set_new(o, "product_type", jstr(p->product_type));
		json_object_set_new(o, "description", jstr(p->description));
		json_object_set_new(o, "tag", jstr(p->tag));
		if (x && x->product_status && i < x->n_products)
			json_object_set_new(o, "status", jstr(x->product_status[i]));
		json_object_set_new(o, "subscriptions", json_integer(p->subscriptions));
		json_t *fi = json_object();
		for (size_t j = 0; j < p->n_fixed_inputs; j++)
			json_object_set_new_nocheck(fi, p->fixed_inputs[j].name, jstr(p->fixed_inputs[j].value));
		json_object_set_new(o, "fixed_inputs", fi);
		json_object_set_new(o, "product_blocks", jlist(&p->blocks));
		json_object_set_new_nocheck(prods, p->name, o);
	}
	json_object_set_new(root, "products", prods);
	json_t *blocks = json_object();
	for (size_t i = 0; i < c->n_blocks; i++) {
		const struct dm_block *b = c->blocks[i];
		json_t *o = json_object();
		json_object_set_new(o, "description", jstr(b->description));
		json_object_set_new(o, "tag", jstr(b->tag));
		json_object_set_new(o, "instances", json_integer(b->instances));
		json_object_set_new(o, "resource_types", jlist(&b->resource_types));
		json_t *ch = json_array();
		for (size_t j = 0; j < b->n_children; j++) {
			if (j > 0 && strcmp(b->children[j].name, b->children[j - 1].name) == 0)
				continue;
			json_array_append_new(ch, json_string_nocheck(b->children[j].name));
		}
		json_object_set_new(o, "product_blocks", ch);
		json_object_set_new_nocheck(blocks, b->name, o);
	}
	json_object_set_new(root, "product_blocks", blocks);
	json_t *rts = json_object();
	for (size_t i = 0; i < c->n_resource_types; i++) {
		const struct dm_resource_type *r = c->resource_types[i];
		json_t *o = json_object();
		json_object_set_new(o, "description", jstr(r->description));
		json_object_set_new(o, "values", json_integer(r->values));
		json_object_set_new_nocheck(rts, r->name, o);
	}
	json_object_set_new(root, "resource_types", rts);
	char *s = json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
	sb_add(out, s ? s : "{}");
	sb_add(out, "\n");
	free(s);
	json_decref(root);
}
