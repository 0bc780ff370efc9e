/* screen_diff.c - step 1, Differences: a grouped, counted tree of every
 * difference (products, blocks, resource types, fixed inputs to create,
 * delete or change), each group expandable, and a detail pane for the
 * selected line: model side, database side, impact counted in the database.
 *
 * The tree is virtual: rows are computed from the group sizes, so moving
 * and drawing cost the same for 10 or 100,000 differences; the detail text
 * is built only when the selection changes. `/` filters by name (the
 * matching indices are computed once per filter, not per frame). */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "catalog.h"
#include "dialog.h"
#include "list.h"
#include "text.h"
#include "wz.h"

enum gk {
	G_NEW_PRODUCTS, G_DEL_PRODUCTS, G_CHG_PRODUCTS, G_NEW_BLOCKS, G_DEL_BLOCKS, G_CHG_BLOCKS,
	G_NEW_RTS, G_DEL_RTS, G_NEW_FIS, G_DEL_FIS, G_N
};

static const struct {
	char sign;       /* + create, - delete, ~ change */
	const char *one, *many;
} gdef[G_N] = {
	[G_NEW_PRODUCTS] = { '+', "product to create", "products to create" },
	[G_DEL_PRODUCTS] = { '-', "product to delete", "products to delete" },
	[G_CHG_PRODUCTS] = { '~', "product changed", "products changed" },
	[G_NEW_BLOCKS] = { '+', "product block to create", "product blocks to create" },
	[G_DEL_BLOCKS] = { '-', "product block to delete", "product blocks to delete" },
	[G_CHG_BLOCKS] = { '~', "product block changed", "product blocks changed" },
	[G_NEW_RTS] = { '+', "resource type to create", "resource types to create" },
	[G_DEL_RTS] = { '-', "resource type to delete", "resource types to delete" },
	[G_NEW_FIS] = { '+', "fixed input to create", "fixed inputs to create" },
	[G_DEL_FIS] = { '-', "fixed input to delete", "fixed inputs to delete" },
};

struct item {
	const char *name;    /* product, block, resource type, fixed input */
	const char *owner;   /* fixed inputs: the product */
	const void *ref;     /* diff_product / diff_block, or NULL */
	char *suffix;        /* short dim text after the name */
};

struct group {
	enum gk kind;
	struct item *v;
	size_t n, cap;
	bool open;
	size_t *vis, nvis;   /* with a filter: the matching items */
	char *preview;       /* first names, for the collapsed line */
	long impact;         /* subscriptions / instances / values destroyed */
};

struct dstate {
	struct group g[G_N];
	size_t ng;           /* non-empty groups, packed at the front */
	struct ui_list l;
	size_t detail_for;   /* row the detail lines were built for */
	struct strvec detail;
	int detail_w;
	bool db_sorted, model_sorted;
	char *filter;        /* names containing it (case-insensitive), or NULL */
};

/* Items shown of group g, and the k-th of them. */
static size_t shown(const struct dstate *s, const struct group *g)
{
	return s->filter ? g->nvis : g->n;
}

static const struct item *item_at(const struct dstate *s, const struct group *g, size_t k)
{
	return &g->v[s->filter ? g->vis[k] : k];
}

/* Rows of group g: its line (unless the filter hides it) and open items. */
static size_t group_rows(const struct dstate *s, const struct group *g)
{
	if (s->filter && !g->nvis)
		return 0;
	return 1 + (g->open ? shown(s, g) : 0);
}

static struct dstate *S(struct wz *w)
{
	return w->st[WZ_DIFF];
}

static void add(struct group *g, const char *name, const char *owner, const void *ref, char *suffix)
{
	if (g->n == g->cap) {
		g->cap = g->cap ? g->cap * 2 : 16;
		g->v = xrealloc(g->v, g->cap * sizeof *g->v);
	}
	g->v[g->n++] = (struct item){ name, owner, ref, suffix };
}

static bool sorted(const struct dm_catalog *c)
{
	for (size_t i = 1; i < c->n_products; i++)
		if (strcmp(c->products[i - 1]->name, c->products[i]->name) >= 0)
			return false;
	for (size_t i = 1; i < c->n_blocks; i++)
		if (strcmp(c->blocks[i - 1]->name, c->blocks[i]->name) >= 0)
			return false;
	for (size_t i = 1; i < c->n_resource_types; i++)
		if (strcmp(c->resource_types[i - 1]->name, c->resource_types[i]->name) >= 0)
			return false;
	return true;
}

/* Lookups: binary search on sorted catalogues (the loaders sort them). */
static const struct dm_product *product(const struct dm_catalog *c, bool s, const char *n)
{
	return s ? cat_find_product(c, n) : dm_find_product(c, n);
}

static const struct dm_block *block(const struct dm_catalog *c, bool s, const char *n)
{
	return s ? cat_find_block(c, n) : dm_find_block(c, n);
}

static const struct dm_resource_type *rtype(const struct dm_catalog *c, bool s, const char *n)
{
	return s ? cat_find_resource_type(c, n) : dm_find_resource_type(c, n);
}

static char *changes_text(const struct strvec *plus, const struct strvec *plus2, const struct strvec *minus,
			  const struct strvec *minus2)
{
	struct strbuf sb = STRBUF_INIT;
	const struct strvec *lists[4] = { plus, plus2, minus, minus2 };
	for (int k = 0; k < 4; k++)
		for (size_t i = 0; lists[k] && i < lists[k]->n; i++)
			sb_addf(&sb, "%s%s %s", sb.len ? "  " : "", k < 2 ? "+" : ui_glyph(UG_MINUS), lists[k]->v[i]);
	return sb_detach(&sb);
}

static void build(struct wz *w, struct dstate *s)
{
	const struct diff *d = w->env->diff;
	const struct dm_catalog *m = w->env->model, *db = w->env->db;
	s->db_sorted = sorted(db);
	s->model_sorted = sorted(m);
	for (int k = 0; k < G_N; k++)
		s->g[k].kind = (enum gk)k;
	for (size_t i = 0; i < d->create_products.n; i++) {
		const struct dm_product *p = product(m, s->model_sorted, d->create_products.v[i]);
		add(&s->g[G_NEW_PRODUCTS], d->create_products.v[i], NULL, NULL,
		    p && p->product_type ? xasprintf("(%s)", p->product_type) : NULL);
		for (size_t j = 0; p && j < p->n_fixed_inputs; j++)
			add(&s->g[G_NEW_FIS], p->fixed_inputs[j].name, p->name, NULL, xasprintf("(%s)", p->name));
	}
	for (size_t i = 0; i < d->delete_products.n; i++) {
		const struct dm_product *p = product(db, s->db_sorted, d->delete_products.v[i]);
		long subs = p ? p->subscriptions : 0;
		s->g[G_DEL_PRODUCTS].impact += subs;
		add(&s->g[G_DEL_PRODUCTS], d->delete_products.v[i], NULL, NULL,
		    xasprintf("%ld subscription%s", subs, subs == 1 ? "" : "s"));
	}
	for (size_t i = 0; i < d->n_products; i++) {
		const struct diff_product *dp = &d->products[i];
		add(&s->g[G_CHG_PRODUCTS], dp->name, NULL, dp,
		    changes_text(&dp->blocks_missing_in_db, &dp->fixed_inputs_missing_in_db,
				 &dp->blocks_missing_in_model, &dp->fixed_inputs_missing_in_model));
		for (size_t j = 0; j < dp->fixed_inputs_missing_in_db.n; j++)
			add(&s->g[G_NEW_FIS], dp->fixed_inputs_missing_in_db.v[j], dp->name, NULL,
			    xasprintf("(%s)", dp->name));
		for (size_t j = 0; j < dp->fixed_inputs_missing_in_model.n; j++)
			add(&s->g[G_DEL_FIS], dp->fixed_inputs_missing_in_model.v[j], dp->name, NULL,
			    xasprintf("(%s)", dp->name));
	}
	for (size_t i = 0; i < d->create_blocks.n; i++)
		add(&s->g[G_NEW_BLOCKS], d->create_blocks.v[i], NULL, NULL, NULL);
	for (size_t i = 0; i < d->delete_blocks.n; i++) {
		const struct dm_block *b = block(db, s->db_sorted, d->delete_blocks.v[i]);
		long inst = b ? b->instances : 0;
		s->g[G_DEL_BLOCKS].impact += inst;
		add(&s->g[G_DEL_BLOCKS], d->delete_blocks.v[i], NULL, NULL,
		    xasprintf("%ld instance%s", inst, inst == 1 ? "" : "s"));
	}
	for (size_t i = 0; i < d->n_blocks; i++) {
		const struct diff_block *b = &d->blocks[i];
		if (!block(db, s->db_sorted, b->name))
			continue; /* a new block: listed under "to create" */
		add(&s->g[G_CHG_BLOCKS], b->name, NULL, b,
		    changes_text(&b->resource_types_missing_in_db, &b->children_missing_in_db,
				 &b->resource_types_missing_in_model, &b->children_missing_in_model));
	}
	for (size_t i = 0; i < m->n_resource_types; i++)
		if (!rtype(db, s->db_sorted, m->resource_types[i]->name))
			add(&s->g[G_NEW_RTS], m->resource_types[i]->name, NULL, NULL, NULL);
	for (size_t i = 0; i < db->n_resource_types; i++) {
		const struct dm_resource_type *r = db->resource_types[i];
		if (rtype(m, s->model_sorted, r->name))
			continue;
		s->g[G_DEL_RTS].impact += r->values;
		add(&s->g[G_DEL_RTS], r->name, NULL, NULL, xasprintf("%ld value%s", r->values, r->values == 1 ? "" : "s"));
	}
	/* pack the non-empty groups, make their previews */
	s->ng = 0;
	for (int k = 0; k < G_N; k++) {
		struct group g = s->g[k];
		if (!g.n) {
			free(g.v);
			continue;
		}
		struct strbuf sb = STRBUF_INIT;
		for (size_t i = 0; i < g.n && sb.len < 200; i++) {
			sb_addf(&sb, "%s%s", i ? ", " : "", g.v[i].name);
			if (g.v[i].owner && (k == G_NEW_FIS || k == G_DEL_FIS))
				sb_addf(&sb, " (%s)", g.v[i].owner);
		}
		g.preview = sb_detach(&sb);
		s->g[s->ng++] = g;
	}
	for (size_t k = s->ng; k < G_N; k++)
		memset(&s->g[k], 0, sizeof s->g[k]);
}

static size_t nrows(const struct dstate *s)
{
	size_t n = 0;
	for (size_t k = 0; k < s->ng; k++)
		n += group_rows(s, &s->g[k]);
	return n;
}

/* Row r -> group index and item index (SIZE_MAX for the group line). */
static void locate(const struct dstate *s, size_t r, size_t *gi, size_t *ii)
{
	for (size_t k = 0; k < s->ng; k++) {
		size_t sz = group_rows(s, &s->g[k]);
		if (r < sz) {
			*gi = k;
			*ii = r == 0 ? SIZE_MAX : r - 1;
			return;
		}
		r -= sz;
	}
	*gi = *ii = SIZE_MAX;
}

static size_t group_row(const struct dstate *s, size_t gi)
{
	size_t r = 0;
	for (size_t k = 0; k < gi; k++)
		r += group_rows(s, &s->g[k]);
	return r;
}

static void init(struct wz *w)
{
	struct dstate *s = xcalloc(1, sizeof *s);
	w->st[WZ_DIFF] = s;
	build(w, s);
	s->l.n = nrows(s);
	s->detail_for = SIZE_MAX;
}

static void sfree(struct wz *w)
{
	struct dstate *s = S(w);
	if (!s)
		return;
	for (size_t k = 0; k < s->ng; k++) {
		for (size_t i = 0; i < s->g[k].n; i++)
			free(s->g[k].v[i].suffix);
		free(s->g[k].v);
		free(s->g[k].vis);
		free(s->g[k].preview);
	}
	free(s->filter);
	sv_free(&s->detail);
	free(s);
	w->st[WZ_DIFF] = NULL;
}

static void join(struct strbuf *sb, const struct strvec *v, size_t max)
{
	if (!v || !v->n) {
		sb_add(sb, "none");
		return;
	}
	for (size_t i = 0; i < v->n && i < max; i++)
		sb_addf(sb, "%s%s", i ? ", " : "", v->v[i]);
	if (v->n > max)
		sb_addf(sb, ", %s %zu more", ui_glyph(UG_ELLIPSIS), v->n - max);
}

static void fis(struct strbuf *sb, const struct dm_product *p)
{
	if (!p->n_fixed_inputs)
		sb_add(sb, "none");
	for (size_t i = 0; i < p->n_fixed_inputs; i++)
		sb_addf(sb, "%s%s%s%s", i ? ", " : "", p->fixed_inputs[i].name, p->fixed_inputs[i].value ? "=" : "",
			p->fixed_inputs[i].value ? p->fixed_inputs[i].value : "");
}

/* The detail text of the selected row (lines: "Model: ...", "Database: ...", "Impact: ..."). */
static void detail_text(struct wz *w, struct dstate *s, size_t gi, size_t ii, struct strbuf *sb)
{
	const struct dm_catalog *m = w->env->model, *db = w->env->db;
	const struct group *g = &s->g[gi];
	const char *warn = ui_glyph(UG_WARN);
	if (ii == SIZE_MAX) {
		size_t n = shown(s, g);
		if (s->filter)
			sb_addf(sb, "%zu of %zu %s matching \"%s\":\n", n, g->n, gdef[g->kind].many, s->filter);
		else
			sb_addf(sb, "%zu %s:\n", n, n == 1 ? gdef[g->kind].one : gdef[g->kind].many);
		for (size_t i = 0; i < n && i < 60; i++)
			sb_addf(sb, "%s%s", i ? ", " : "", item_at(s, g, i)->name);
		if (n > 60)
			sb_addf(sb, ", %s %zu more", ui_glyph(UG_ELLIPSIS), n - 60);
		sb_add(sb, "\n");
		if (g->kind == G_DEL_PRODUCTS)
			sb_addf(sb, "Impact: %s %ld %s will be deleted\n", warn, g->impact, wz_n(g->impact, "subscription", "subscriptions"));
		else if (g->kind == G_DEL_BLOCKS)
			sb_addf(sb, "Impact: %s %ld %s will be deleted\n", warn, g->impact, wz_n(g->impact, "instance", "instances"));
		else if (g->kind == G_DEL_RTS)
			sb_addf(sb, "Impact: %s %ld %s will be deleted\n", warn, g->impact, wz_n(g->impact, "value", "values"));
		return;
	}
	const struct item *it = item_at(s, g, ii);
	switch (g->kind) {
	case G_NEW_PRODUCTS: {
		const struct dm_product *p = product(m, s->model_sorted, it->name);
		sb_addf(sb, "Product %s, to create\n", it->name);
		if (p) {
			sb_addf(sb, "Model:    type %s; fixed inputs: ", p->product_type ? p->product_type : "?");
			fis(sb, p);
			sb_add(sb, "; blocks: ");
			join(sb, &p->blocks, 20);
			sb_add(sb, "\n");
		}
		sb_add(sb, "Database: not there\nImpact:   a new product, no subscriptions yet\n");
		break;
	}
	case G_DEL_PRODUCTS: {
		const struct dm_product *p = product(db, s->db_sorted, it->name);
		sb_addf(sb, "Product %s, to delete\nModel:    not registered\n", it->name);
		if (p) {
			sb_addf(sb, "Database: type %s, tag %s; fixed inputs: ", p->product_type ? p->product_type : "?",
				p->tag ? p->tag : "-");
			fis(sb, p);
			sb_add(sb, "; blocks: ");
			join(sb, &p->blocks, 20);
			sb_addf(sb, "\nImpact:   %s %ld %s will be deleted\n", warn, p->subscriptions,
				wz_n(p->subscriptions, "subscription", "subscriptions"));
		}
		break;
	}
	case G_CHG_PRODUCTS: {
		const struct diff_product *dp = it->ref;
		sb_addf(sb, "Product %s, changed\nModel:    blocks to link: ", it->name);
		join(sb, &dp->blocks_missing_in_db, 20);
		sb_add(sb, "; fixed inputs to add: ");
		join(sb, &dp->fixed_inputs_missing_in_db, 20);
		sb_add(sb, "\nDatabase: blocks to unlink: ");
		join(sb, &dp->blocks_missing_in_model, 20);
		sb_add(sb, "; fixed inputs to delete: ");
		join(sb, &dp->fixed_inputs_missing_in_model, 20);
		sb_addf(sb, "\nImpact:   %ld subscriptions of this product", dp->subscriptions);
		if (dp->blocks_missing_in_model.n)
			sb_addf(sb, " %s their instances of unlinked blocks are deleted", warn);
		sb_add(sb, "\n");
		break;
	}
	case G_NEW_BLOCKS: {
		const struct dm_block *b = block(m, s->model_sorted, it->name);
		sb_addf(sb, "Product block %s, to create\n", it->name);
		if (b) {
			sb_add(sb, "Model:    resource types: ");
			join(sb, &b->resource_types, 30);
			sb_add(sb, "; blocks in it: ");
			if (!b->n_children)
				sb_add(sb, "none");
			for (size_t i = 0; i < b->n_children; i++)
				sb_addf(sb, "%s%s", i ? ", " : "", b->children[i].name);
			sb_add(sb, "\n");
		}
		sb_add(sb, "Database: not there\nImpact:   instances are made for existing subscriptions of "
			   "products that use it\n");
		break;
	}
	case G_DEL_BLOCKS: {
		const struct dm_block *b = block(db, s->db_sorted, it->name);
		sb_addf(sb, "Product block %s, to delete\nModel:    not used by any registered product\n", it->name);
		if (b) {
			sb_add(sb, "Database: resource types: ");
			join(sb, &b->resource_types, 30);
			sb_addf(sb, "\nImpact:   %s %ld %s will be deleted\n", warn, b->instances,
				wz_n(b->instances, "instance", "instances"));
		}
		break;
	}
	case G_CHG_BLOCKS: {
		const struct diff_block *b = it->ref;
		sb_addf(sb, "Product block %s, changed\nModel:    resource types to add: ", it->name);
		join(sb, &b->resource_types_missing_in_db, 20);
		sb_add(sb, "; blocks to relate: ");
		join(sb, &b->children_missing_in_db, 20);
		sb_add(sb, "\nDatabase: resource types to remove: ");
		join(sb, &b->resource_types_missing_in_model, 20);
		sb_add(sb, "; relations to remove: ");
		join(sb, &b->children_missing_in_model, 20);
		sb_addf(sb, "\nImpact:   %ld instances", b->instances);
		for (size_t i = 0; i < b->resource_types_missing_in_model.n; i++) {
			const char *rt = b->resource_types_missing_in_model.v[i];
			long v = w->env->extra ? cat_extra_block_rt_values(w->env->extra, b->name, rt) : -1;
			if (v >= 0)
				sb_addf(sb, "; %s %s: %ld values", warn, rt, v);
		}
		if (b->resource_types_missing_in_db.n && b->instances)
			sb_addf(sb, "; new resource types need a default value for the %ld instances", b->instances);
		sb_add(sb, "\n");
		break;
	}
	case G_NEW_RTS: {
		const struct dm_resource_type *r = rtype(m, s->model_sorted, it->name);
		sb_addf(sb, "Resource type %s, to create\nModel:    %s\nDatabase: not there\n", it->name,
			r && r->description ? r->description : "(no description in the model)");
		sb_add(sb, "Impact:   no values yet (a rename from a deleted one keeps its values)\n");
		break;
	}
	case G_DEL_RTS: {
		const struct dm_resource_type *r = rtype(db, s->db_sorted, it->name);
		sb_addf(sb, "Resource type %s, to delete\nModel:    not used by any block\n", it->name);
		if (r)
			sb_addf(sb, "Database: %s\nImpact:   %s %ld %s will be deleted (unless renamed)\n",
				r->description ? r->description : "", warn, r->values, wz_n(r->values, "value", "values"));
		break;
	}
	case G_NEW_FIS:
	case G_DEL_FIS: {
		bool add_ = g->kind == G_NEW_FIS;
		const struct dm_product *p = product(add_ ? m : db, add_ ? s->model_sorted : s->db_sorted, it->owner);
		const struct dm_fixed_input *fi = p ? dm_find_fixed_input(p, it->name) : NULL;
		const struct dm_product *dbp = product(db, s->db_sorted, it->owner);
		sb_addf(sb, "Fixed input %s of %s, to %s\n", it->name, it->owner, add_ ? "create" : "delete");
		if (add_)
			sb_addf(sb, "Model:    default %s\nDatabase: not there\n", fi && fi->value ? fi->value : "(none: asked)");
		else
			sb_addf(sb, "Model:    not there\nDatabase: value %s\n", fi && fi->value ? fi->value : "?");
		sb_addf(sb, "Impact:   %ld subscriptions of %s\n", dbp ? dbp->subscriptions : 0L, it->owner);
		break;
	}
	case G_N:
		break;
	}
}

static void draw_row(struct wz *w, struct dstate *s, size_t r, int y, int x, int width)
{
	size_t gi, ii;
	locate(s, r, &gi, &ii);
	if (gi == SIZE_MAX)
		return;
	const struct group *g = &s->g[gi];
	bool sel = r == s->l.sel;
	int base = sel ? ui_attr(UR_SELECTED) : 0;
	ui_fill(y, x, width, base);
	int cx = x + 1;
	enum ui_role sr = gdef[g->kind].sign == '+' ? UR_ADD : gdef[g->kind].sign == '-' ? UR_DEL : UR_CHANGE;
	const char *sign = gdef[g->kind].sign == '-' ? ui_glyph(UG_MINUS) : gdef[g->kind].sign == '+' ? "+" : "~";
	if (ii == SIZE_MAX) {
		cx += ui_put(y, cx, x + width - cx, ui_glyph(g->open ? UG_OPEN : UG_CLOSED), base);
		cx += ui_put(y, cx, x + width - cx, " ", base);
		cx += ui_put(y, cx, x + width - cx, sign, base | ui_attr(sr) | ui_attr(UR_BOLD));
		char *t = s->filter ? xasprintf(" %zu of %zu %s", g->nvis, g->n, gdef[g->kind].many)
				    : xasprintf(" %zu %s", g->n, g->n == 1 ? gdef[g->kind].one : gdef[g->kind].many);
		int tw = ui_put(y, cx, x + width - cx, t, base | ui_attr(UR_BOLD));
		free(t);
		cx += tw < 28 ? 28 : tw + 1;
		if (g->impact) {
			const char *what = g->kind == G_DEL_PRODUCTS ? wz_n(g->impact, "subscription", "subscriptions")
					 : g->kind == G_DEL_BLOCKS ? wz_n(g->impact, "instance", "instances")
					 : wz_n(g->impact, "value", "values");
			char *wt = xasprintf("%s %ld %s  ", ui_glyph(UG_WARN), g->impact, what);
			cx += ui_put(y, cx, x + width - cx, wt, base | ui_attr(UR_WARN));
			free(wt);
		}
		if (s->filter) { /* the matching names: a few, whatever the group's size */
			struct strbuf pv = STRBUF_INIT;
			for (size_t i = 0; i < g->nvis && pv.len < 200; i++)
				sb_addf(&pv, "%s%s", i ? ", " : "", item_at(s, g, i)->name);
			ui_put_cut(y, cx, x + width - cx - 1, sb_str(&pv), base | (sel ? 0 : ui_attr(UR_DIM)));
			sb_free(&pv);
		} else {
			ui_put_cut(y, cx, x + width - cx - 1, g->preview, base | (sel ? 0 : ui_attr(UR_DIM)));
		}
		return;
	}
	const struct item *it = item_at(s, g, ii);
	cx += 4;
	cx += ui_put(y, cx, x + width - cx, sign, base | ui_attr(sr));
	cx += ui_put(y, cx, x + width - cx, " ", base);
	cx += ui_put(y, cx, x + width - cx, it->name, base);
	if (it->suffix) {
		cx += ui_put(y, cx, x + width - cx, "  ", base);
		ui_put_cut(y, cx, x + width - cx - 1, it->suffix, base | (sel ? 0 : ui_attr(UR_DIM)));
	}
}

static void draw(struct wz *w, const struct wz_rect *r)
{
	struct dstate *s = S(w);
	if (!s->ng) {
		ui_put(r->y + 1, 2, r->w - 4, "No differences between the models and the database: nothing to do.",
		       ui_attr(UR_BOLD));
		ui_put(r->y + 3, 2, r->w - 4, "Press Enter to leave; nothing is written.", 0);
		return;
	}
	bool side = r->w >= 110;
	int lw = side ? r->w * 11 / 20 : r->w;
	int dh = side ? r->h : (r->h >= 8 ? r->h / 3 : 0);
	if (dh && dh < 3)
		dh = 3;
	int lh = side ? r->h : r->h - dh - (dh ? 1 : 0);
	s->l.height = lh;
	list_fix(&s->l);
	for (int i = 0; i < lh && s->l.top + (size_t)i < s->l.n; i++)
		draw_row(w, s, s->l.top + (size_t)i, r->y + i, r->x, lw);
	if (!dh)
		return;
	int dy = side ? r->y : r->y + lh + 1, dx = side ? r->x + lw + 2 : r->x + 1;
	int dw = side ? r->w - lw - 3 : r->w - 2;
	if (side) {
		for (int i = 0; i < r->h; i++)
			ui_put(r->y + i, r->x + lw, 1, ui_glyph(UG_VLINE), ui_attr(UR_DIM));
	} else {
		ui_hline(r->y + lh, r->x, r->w, ui_attr(UR_DIM));
	}
	if (s->detail_for != s->l.sel || s->detail_w != dw) {
		size_t gi, ii;
		locate(s, s->l.sel, &gi, &ii);
		struct strbuf sb = STRBUF_INIT;
		if (gi != SIZE_MAX)
			detail_text(w, s, gi, ii, &sb);
		sv_free(&s->detail);
		text_wrap(sb_str(&sb), dw, 10, &s->detail);
		sb_free(&sb);
		s->detail_for = s->l.sel;
		s->detail_w = dw;
	}
	for (int i = 0; i < dh && (size_t)i < s->detail.n; i++) {
		const char *line = s->detail.v[i];
		int a = i == 0 ? ui_attr(UR_BOLD) : strstr(line, ui_glyph(UG_WARN)) ? ui_attr(UR_WARN) : 0;
		ui_put(dy + i, dx, dw, line, a);
	}
}

static void toggle(struct dstate *s, int how) /* 1 open, 0 close, -1 toggle */
{
	size_t gi, ii;
	locate(s, s->l.sel, &gi, &ii);
	if (gi == SIZE_MAX)
		return;
	struct group *g = &s->g[gi];
	if (ii != SIZE_MAX) {
		if (how == 1)
			return;
		s->l.sel = group_row(s, gi); /* closing from an item: back to its group */
	}
	g->open = how == -1 ? !g->open : how == 1;
	s->l.n = nrows(s);
	s->detail_for = SIZE_MAX;
	list_fix(&s->l);
}

static bool contains_ci(const char *hay, const char *needle)
{
	size_t n = strlen(needle);
	for (const char *p = hay; p && *p; p++)
		if (!strncasecmp(p, needle, n))
			return true;
	return false;
}

/* Sets the filter (NULL or "" clears it); groups with matches open. */
static void set_filter(struct wz *w, struct dstate *s, const char *text)
{
	free(s->filter);
	s->filter = text && *text ? xstrdup(text) : NULL;
	size_t total = 0;
	for (size_t k = 0; k < s->ng; k++) {
		struct group *g = &s->g[k];
		free(g->vis);
		g->vis = NULL;
		g->nvis = 0;
		if (!s->filter)
			continue;
		g->vis = xcalloc(g->n + 1, sizeof *g->vis);
		for (size_t i = 0; i < g->n; i++)
			if (contains_ci(g->v[i].name, s->filter) || contains_ci(g->v[i].owner, s->filter))
				g->vis[g->nvis++] = i;
		g->open = g->nvis > 0;
		total += g->nvis;
	}
	s->l.n = nrows(s);
	s->l.sel = s->l.top = 0;
	s->detail_for = SIZE_MAX;
	list_fix(&s->l);
	if (s->filter)
		wz_status(w, !total, "Filter \"%s\": %zu match%s (/ and an empty text: all)", s->filter, total,
			  total == 1 ? "" : "es");
}

static void key(struct wz *w, enum ui_action a, const struct ui_key *k)
{
	struct dstate *s = S(w);
	if (a == UA_BACK) {
		wz_quit_esc(w);
		return;
	}
	if (!s->ng) {
		if (a == UA_ENTER || a == UA_TOGGLE || a == UA_NEXT) {
			w->result = WIZARD_NOTHING;
			w->done = true;
		}
		return;
	}
	switch (a) {
	case UA_RIGHT:
		toggle(s, 1);
		break;
	case UA_LEFT:
		toggle(s, 0);
		break;
	case UA_TOGGLE: {
		size_t gi, ii;
		locate(s, s->l.sel, &gi, &ii);
		bool enter = !(k && !k->fn && k->ch == 'o');   /* Enter (o always toggles) */
		if (enter && ii != SIZE_MAX)   /* Enter opens groups; on an item it only tells */
			wz_status(w, false, "n goes on to the next step; Enter on a group line expands it");
		else
			toggle(s, -1);
		break;
	}
	case UA_SEARCH: {
		char *text = NULL;
		if (dialog_input("Filter", "Show the differences whose name contains (empty: all):",
				 s->filter ? s->filter : "", &text) == 0)
			set_filter(w, s, text);
		free(text);
		break;
	}
	case UA_NEXT:
		wz_goto(w, wz_next_step(w, WZ_RENAMES));
		break;
	default:
		list_move(&s->l, a);
		break;
	}
}

const struct screen_ops screen_diff_ops = {
	.name = "Differences",
	.ctx = KC_DIFF,
	.init = init,
	.draw = draw,
	.key = key,
	.free = sfree,
};
