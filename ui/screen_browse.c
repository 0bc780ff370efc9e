/* screen_browse.c - the catalogue browser (see browse.h): a tree of rows
 * rebuilt from the catalogue and the set of open nodes (or the search),
 * drawn only for the rows on screen, with a detail pane for the selected
 * row. */
#include "config.h"
#include "browse.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "dialog.h"
#include "keymap.h"
#include "list.h"
#include "text.h"
#include "tui.h"
#include "wz.h"

enum rkind { BR_PRODUCT, BR_FIXED, BR_BLOCK, BR_RT };

struct row {
	enum rkind kind;
	int depth;
	const void *obj;          /* dm_product, dm_fixed_input, dm_block, dm_resource_type */
	const char *block;        /* BR_RT: the block it belongs to */
	char *path;               /* "p:Name/b:Block/..." (open state, selection) */
	bool expandable, match;
};

struct bstate {
	const struct browse_env *e;
	struct row *rows;
	size_t n, cap;
	struct ui_list l;
	struct strvec open;       /* paths of open nodes */
	char *filter;             /* the search, or NULL */
	char status[256];
	bool status_error;
};

static bool matches(const struct bstate *s, const char *name)
{
	if (!s->filter || !*s->filter)
		return false;
	size_t n = strlen(s->filter);
	for (const char *p = name; *p; p++)
		if (!strncasecmp(p, s->filter, n))
			return true;
	return false;
}

static bool filtering(const struct bstate *s)
{
	return s->filter && *s->filter;
}

static struct row *push(struct bstate *s, enum rkind k, int depth, const void *obj, const char *block,
			char *path, bool expandable, bool match)
{
	if (s->n == s->cap) {
		s->cap = s->cap ? 2 * s->cap : 64;
		s->rows = xrealloc(s->rows, s->cap * sizeof *s->rows);
	}
	struct row *r = &s->rows[s->n++];
	*r = (struct row){ k, depth, obj, block, path, expandable, match };
	return r;
}

static void truncate_rows(struct bstate *s, size_t n)
{
	while (s->n > n)
		free(s->rows[--s->n].path);
}

static bool is_open(const struct bstate *s, const char *path)
{
	return filtering(s) || sv_contains(&s->open, path);
}

/* A block and, when open, its resource types and child blocks; with a
 * search only what matches and what holds it. True when something matched. */
static bool add_block(struct bstate *s, const struct dm_block *b, int depth, const char *parent, int guard)
{
	size_t mark = s->n;
	char *path = xasprintf("%s/b:%s", parent, b->name);
	bool self = matches(s, b->name);
	push(s, BR_BLOCK, depth, b, NULL, path, b->resource_types.n || b->n_children, self);
	bool any = self;
	if (is_open(s, path) && guard < 12) {
		for (size_t i = 0; i < b->resource_types.n; i++) {
			const struct dm_resource_type *rt = cat_find_resource_type(s->e->c, b->resource_types.v[i]);
			if (!rt)
				continue;
			bool m = matches(s, rt->name);
			if (filtering(s) && !m)
				continue;
			any |= m;
			push(s, BR_RT, depth + 1, rt, b->name, xasprintf("%s/r:%s", path, rt->name), false, m);
		}
		for (size_t i = 0; i < b->n_children; i++) {
			const struct dm_block *c = cat_find_block(s->e->c, b->children[i].name);
			if (c)
				any |= add_block(s, c, depth + 1, path, guard + 1);
		}
	}
	if (filtering(s) && !any)
		truncate_rows(s, mark);
	return any;
}

static void rebuild(struct bstate *s)
{
	const char *keep = s->n ? s->rows[s->l.sel].path : NULL;
	char *want = keep ? xstrdup(keep) : NULL;
	truncate_rows(s, 0);
	const struct dm_catalog *c = s->e->c;
	for (size_t i = 0; i < c->n_products; i++) {
		const struct dm_product *p = c->products[i];
		size_t mark = s->n;
		char *path = xasprintf("p:%s", p->name);
		bool self = matches(s, p->name) || (p->product_type && matches(s, p->product_type));
		push(s, BR_PRODUCT, 0, p, NULL, path, p->n_fixed_inputs || p->blocks.n, self);
		bool any = self;
		if (is_open(s, path)) {
			for (size_t f = 0; f < p->n_fixed_inputs; f++) {
				bool m = matches(s, p->fixed_inputs[f].name);
				if (filtering(s) && !m)
					continue;
				any |= m;
				push(s, BR_FIXED, 1, &p->fixed_inputs[f], NULL,
				     xasprintf("%s/f:%s", path, p->fixed_inputs[f].name), false, m);
			}
			for (size_t b = 0; b < p->blocks.n; b++) {
				const struct dm_block *blk = cat_find_block(c, p->blocks.v[b]);
				if (blk)
					any |= add_block(s, blk, 1, path, 0);
			}
		}
		if (filtering(s) && !any)
			truncate_rows(s, mark);
	}
	s->l.n = s->n;
	s->l.sel = 0;
	for (size_t i = 0; want && i < s->n; i++)
		if (!strcmp(s->rows[i].path, want)) {
			s->l.sel = i;
			break;
		}
	free(want);
	list_fix(&s->l);
}

static const char *plural(long n, const char *one, const char *many)
{
	return n == 1 ? one : many;
}

static char *row_text(const struct bstate *s, const struct row *r, bool is_open_now)
{
	const char *g = !r->expandable ? " " : ui_glyph(is_open_now ? UG_OPEN : UG_CLOSED);
	switch (r->kind) {
	case BR_PRODUCT: {
		const struct dm_product *p = r->obj;
		return xasprintf("%s %s  (%s, %s)  %ld %s", g, p->name, p->product_type ? p->product_type : "?",
				 p->tag ? p->tag : "-", p->subscriptions,
				 plural(p->subscriptions, "subscription", "subscriptions"));
	}
	case BR_FIXED: {
		const struct dm_fixed_input *f = r->obj;
		return xasprintf("%s fixed input %s = %s", g, f->name, f->value ? f->value : "");
	}
	case BR_BLOCK: {
		const struct dm_block *b = r->obj;
		return xasprintf("%s block %s  (%s)  %ld %s", g, b->name, b->tag ? b->tag : "-", b->instances,
				 plural(b->instances, "instance", "instances"));
	}
	case BR_RT: {
		const struct dm_resource_type *rt = r->obj;
		long v = s->e->x ? cat_extra_block_rt_values(s->e->x, r->block, rt->name) : rt->values;
		return xasprintf("%s resource type %s  %ld %s", g, rt->name, v, plural(v, "value", "values"));
	}
	}
	return xstrdup("");
}

static const char *product_status(const struct bstate *s, const struct dm_product *p)
{
	const struct dm_catalog *c = s->e->c;
	if (!s->e->x)
		return NULL;
	for (size_t i = 0; i < c->n_products && i < s->e->x->n_products; i++)
		if (c->products[i] == p)
			return s->e->x->product_status[i];
	return NULL;
}

static void detail(const struct bstate *s, struct strvec *out)
{
	if (!s->n) {
		sv_push(out, filtering(s) ? "Nothing matches the search (Esc clears it)."
				      : "The catalogue is empty: no products yet.");
		return;
	}
	const struct row *r = &s->rows[s->l.sel];
	const struct dm_catalog *c = s->e->c;
	switch (r->kind) {
	case BR_PRODUCT: {
		const struct dm_product *p = r->obj;
		const char *st = product_status(s, p);
		sv_push_owned(out, xasprintf("Product %s: %s", p->name, p->description ? p->description : ""));
		sv_push_owned(out, xasprintf("Type %s  tag %s%s%s  %ld %s", p->product_type, p->tag ? p->tag : "-",
					     st ? "  status " : "", st ? st : "", p->subscriptions,
					     plural(p->subscriptions, "subscription", "subscriptions")));
		sv_push_owned(out, xasprintf("%zu fixed %s, %zu %s", p->n_fixed_inputs,
					     plural((long)p->n_fixed_inputs, "input", "inputs"), p->blocks.n,
					     plural((long)p->blocks.n, "product block", "product blocks")));
		break;
	}
	case BR_FIXED: {
		const struct dm_fixed_input *f = r->obj;
		sv_push_owned(out, xasprintf("Fixed input %s = %s", f->name, f->value ? f->value : ""));
		sv_push(out, "A fixed value per product: it tells products of one type apart.");
		break;
	}
	case BR_BLOCK: {
		const struct dm_block *b = r->obj;
		size_t users = 0;
		for (size_t i = 0; i < c->n_products; i++)
			users += sv_contains(&c->products[i]->blocks, b->name) != 0;
		sv_push_owned(out, xasprintf("Product block %s: %s", b->name, b->description ? b->description : ""));
		sv_push_owned(out, xasprintf("Tag %s  %ld %s  used by %zu %s", b->tag ? b->tag : "-", b->instances,
					     plural(b->instances, "instance", "instances"), users,
					     plural((long)users, "product", "products")));
		sv_push_owned(out, xasprintf("%zu resource %s, %zu child %s", b->resource_types.n,
					     plural((long)b->resource_types.n, "type", "types"), b->n_children,
					     plural((long)b->n_children, "block", "blocks")));
		break;
	}
	case BR_RT: {
		const struct dm_resource_type *rt = r->obj;
		long v = s->e->x ? cat_extra_block_rt_values(s->e->x, r->block, rt->name) : 0;
		size_t blocks = 0;
		for (size_t i = 0; i < c->n_blocks; i++)
			blocks += sv_contains(&c->blocks[i]->resource_types, rt->name) != 0;
		sv_push_owned(out, xasprintf("Resource type %s: %s", rt->name, rt->description ? rt->description : ""));
		sv_push_owned(out, xasprintf("%ld %s in %s, %ld in all  used by %zu %s", v, plural(v, "value", "values"),
					     r->block, rt->values, blocks, plural((long)blocks, "block", "blocks")));
		break;
	}
	}
}

static void draw(void *arg)
{
	struct bstate *s = arg;
	int rows = ui_rows(), cols = ui_cols();
	ui_cursor(-1, 0);
	ui_clear();
	if (cols < UI_MIN_COLS || rows < UI_MIN_ROWS) {
		char l1[64], l2[64];
		snprintf(l1, sizeof l1, "Terminal too small (%dx%d).", cols, rows);
		snprintf(l2, sizeof l2, "Please enlarge it to at least %dx%d.", UI_MIN_COLS, UI_MIN_ROWS);
		const char *lines[] = { l1, l2, "F10 quits." };
		for (int i = 0; i < 3; i++) {
			int lw = ui_width(lines[i]);
			ui_put(rows / 2 - 1 + i, lw < cols ? (cols - lw) / 2 : 0, cols, lines[i], ui_attr(UR_BOLD));
		}
		return;
	}
	const struct dm_catalog *c = s->e->c;
	char *title = xasprintf("wfo-migrate %s browse %s the product catalogue", ui_glyph(UG_MIDDOT),
				ui_glyph(UG_MIDDOT));
	ui_fill(0, 0, cols, ui_attr(UR_SELECTED));
	ui_put(0, 1, cols - 2, title, ui_attr(UR_SELECTED) | ui_attr(UR_BOLD));
	free(title);
	int x = 1;
	x += ui_put(1, x, cols - x, "db ", ui_attr(UR_DIM));
	ui_put(1, x, cols - x - 1, s->e->database ? s->e->database : "(default connection)", 0);
	char *counts = xasprintf("%zu %s %s %zu %s %s %zu resource %s", c->n_products,
				 plural((long)c->n_products, "product", "products"), ui_glyph(UG_STEP),
				 c->n_blocks, plural((long)c->n_blocks, "block", "blocks"), ui_glyph(UG_STEP),
				 c->n_resource_types, plural((long)c->n_resource_types, "type", "types"));
	x = 1 + ui_put(2, 1, cols - 2, counts, 0);
	free(counts);
	if (filtering(s)) {
		char *f = xasprintf("   search \"%s\"", s->filter);
		ui_put(2, x, cols - x - 1, f, ui_attr(UR_MATCH));
		free(f);
	}
	ui_hline(3, 0, cols, ui_attr(UR_DIM));
	int dh = rows >= 20 ? 4 : 2;
	int lh = rows - 6 - dh - 1;
	s->l.height = lh;
	list_fix(&s->l);
	for (int r = 0; r < lh && s->l.top + (size_t)r < s->n; r++) {
		size_t i = s->l.top + (size_t)r;
		const struct row *row = &s->rows[i];
		bool sel = i == s->l.sel;
		char *t = row_text(s, row, is_open(s, row->path));
		int a = sel ? ui_attr(UR_SELECTED) : row->match ? ui_attr(UR_MATCH)
			: row->kind == BR_PRODUCT ? ui_attr(UR_BOLD) : 0;
		if (sel)
			ui_fill(4 + r, 0, cols, a);
		ui_put(4 + r, 1 + 2 * row->depth, cols - 2 - 2 * row->depth, t, a);
		free(t);
	}
	ui_hline(4 + lh, 0, cols, ui_attr(UR_DIM));
	struct strvec d = STRVEC_INIT;
	detail(s, &d);
	for (int r = 0; r < dh && (size_t)r < d.n; r++)
		ui_put(5 + lh + r, 1, cols - 2, d.v[r], r == 0 ? ui_attr(UR_BOLD) : 0);
	sv_free(&d);
	ui_hline(rows - 2, 0, cols, ui_attr(UR_DIM));
	if (s->status[0])
		ui_put(rows - 2, 1, cols - 2, s->status, ui_attr(s->status_error ? UR_ERROR : UR_BOLD));
	wz_key_bar(KC_BROWSE, rows - 1, cols);
}

static void set_status(struct bstate *s, bool error, const char *msg)
{
	snprintf(s->status, sizeof s->status, " %s ", msg);
	s->status_error = error;
}

static void toggle(struct bstate *s, int want) /* 1 open, 0 close, -1 flip */
{
	if (!s->n || filtering(s))
		return;
	struct row *r = &s->rows[s->l.sel];
	bool open = sv_contains(&s->open, r->path);
	if (!r->expandable || (want == 1 && open) || (want == 0 && !open))
		return;
	if (open) {
		struct strvec keep = STRVEC_INIT;
		for (size_t i = 0; i < s->open.n; i++)
			if (strcmp(s->open.v[i], r->path))
				sv_push(&keep, s->open.v[i]);
		sv_free(&s->open);
		s->open = keep;
	} else {
		sv_push(&s->open, r->path);
	}
	rebuild(s);
}

/* Left on a closed or leaf row: to the row that holds it. */
static void to_parent(struct bstate *s)
{
	if (!s->n)
		return;
	int d = s->rows[s->l.sel].depth;
	for (size_t i = s->l.sel; i-- > 0;)
		if (s->rows[i].depth < d) {
			s->l.sel = i;
			list_fix(&s->l);
			return;
		}
}

static void find(struct bstate *s, int dir)
{
	if (!filtering(s) || !s->n)
		return;
	for (size_t k = 1; k <= s->n; k++) {
		size_t i = (s->l.sel + (dir > 0 ? k : s->n - k)) % s->n;
		if (s->rows[i].match) {
			s->l.sel = i;
			list_fix(&s->l);
			return;
		}
	}
}

static void search(struct bstate *s)
{
	char *text = NULL;
	if (dialog_input("Search", "Name (or part of it) of a product, product type, block, resource "
			 "type or fixed input:", s->filter ? s->filter : "", &text) != 0)
		return;
	free(s->filter);
	s->filter = *text ? text : NULL;
	if (!*text)
		free(text);
	rebuild(s);
	size_t m = 0;
	for (size_t i = 0; i < s->n; i++)
		m += s->rows[i].match;
	if (filtering(s)) {
		char msg[128];
		snprintf(msg, sizeof msg, "%zu %s; n / N next / previous, Esc clears the search", m,
			 m == 1 ? "match" : "matches");
		set_status(s, m == 0, msg);
		s->l.sel = s->n - 1;
		find(s, 1);
	}
}

int browse_run(const struct browse_env *e, struct wfo_error *err)
{
	struct bstate s;
	memset(&s, 0, sizeof s);
	s.e = e;
	rebuild(&s);
	if (ui_open(err) < 0) {
		truncate_rows(&s, 0);
		free(s.rows);
		return -1;
	}
	dialog_set_backdrop(draw, &s);
	int rc = 1;
	for (;;) {
		draw(&s);
		ui_flush();
		struct ui_key k;
		enum ui_event ev = ui_getkey(&k);
		if (ev == UE_INTERRUPT)
			break;
		if (ev == UE_RESIZE)
			continue;
		s.status[0] = 0;
		enum ui_action a = keymap_lookup(KC_BROWSE, &k);
		if (a == UA_QUIT) {
			rc = 0;
			break;
		}
		switch (a) {
		case UA_REDRAW: ui_repaint(); break;
		case UA_HELP: {
			struct strvec lines = STRVEC_INIT;
			keymap_help(KC_BROWSE, &lines);
			dialog_text("Keys: catalogue browser", &lines);
			sv_free(&lines);
			break;
		}
		case UA_RIGHT: toggle(&s, 1); break;
		case UA_TOGGLE: toggle(&s, -1); break;
		case UA_LEFT:
			if (s.n && !filtering(&s) && sv_contains(&s.open, s.rows[s.l.sel].path))
				toggle(&s, 0);
			else
				to_parent(&s);
			break;
		case UA_SEARCH: search(&s); break;
		case UA_SEARCH_NEXT: find(&s, 1); break;
		case UA_SEARCH_PREV: find(&s, -1); break;
		case UA_BACK:
			if (filtering(&s)) {
				free(s.filter);
				s.filter = NULL;
				rebuild(&s);
			} else {
				rc = 0;
				goto done;
			}
			break;
		default:
			list_move(&s.l, a);
			break;
		}
		if (ui_interrupted())
			break;
	}
done:
	dialog_set_backdrop(NULL, NULL);
	ui_close();
	truncate_rows(&s, 0);
	free(s.rows);
	sv_free(&s.open);
	free(s.filter);
	return rc;
}
