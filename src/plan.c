/* plan.c - questions, answers, validation and the change set of a
 * domain-model migration. */
#include "config.h"
#include "plan.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/types.h>

#include "dsummary.h"

struct pq {
	struct plan_question q;
	struct strvec *choices;
};

struct plan {
	const struct dm_catalog *model;
	const struct dm_catalog *db;
	const struct diff *diff;
	struct strvec ans_key, ans_val;   /* answers by key path */
	bool updates_given;
	struct plan_updates updates;      /* from --updates */
	struct plan_updates decided;      /* renames in effect (updates or answers) */
	struct pq *qs;
	size_t nq;
	struct strvec pool;               /* strings the questions point to */
	struct strvec warnings;
};

/* ---- small helpers ---- */

static const char *pool(struct plan *p, char *s)
{
	sv_push_owned(&p->pool, s);
	return s;
}

static void json_quote(struct strbuf *sb, const char *s)
{
	sb_addc(sb, '"');
	for (const unsigned char *c = (const unsigned char *)s; *c; c++) {
		if (*c == '"' || *c == '\\')
			sb_addf(sb, "\\%c", *c);
		else if (*c == '\n')
			sb_add(sb, "\\n");
		else if (*c == '\t')
			sb_add(sb, "\\t");
		else if (*c == '\r')
			sb_add(sb, "\\r");
		else if (*c == '\b')
			sb_add(sb, "\\b");
		else if (*c == '\f')
			sb_add(sb, "\\f");
		else if (*c < 0x20)
			sb_addf(sb, "\\u%04x", *c);
		else
			sb_addc(sb, (char)*c);
	}
	sb_addc(sb, '"');
}

char *plan_key_path(const char *file, const char *k1, const char *k2, const char *k3)
{
	struct strbuf sb = STRBUF_INIT;
	sb_add(&sb, file);
	const char *k[3] = { k1, k2, k3 };
	for (int i = 0; i < 3 && k[i]; i++) {
		sb_addc(&sb, '[');
		json_quote(&sb, k[i]);
		sb_addc(&sb, ']');
	}
	return sb_detach(&sb);
}

static size_t utf8_len(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		if (((unsigned char)*s & 0xC0) != 0x80)
			n++;
	return n;
}

static char *trimmed(const char *s)
{
	while (*s && isspace((unsigned char)*s))
		s++;
	size_t n = strlen(s);
	while (n && isspace((unsigned char)s[n - 1]))
		n--;
	return xstrndup(s, n);
}

static ssize_t sv_index(const struct strvec *sv, const char *s)
{
	for (size_t i = 0; i < sv->n; i++)
		if (strcmp(sv->v[i], s) == 0)
			return (ssize_t)i;
	return -1;
}

/* Answers are kept sorted by key path (strcmp): a rebuild looks up one
 * answer per question, so lookups must not be linear. Returns the index of
 * key, or the insertion point with *found false. */
static size_t answer_slot(const struct plan *p, const char *key, bool *found)
{
	size_t lo = 0, hi = p->ans_key.n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(p->ans_key.v[mid], key);
		if (c == 0) {
			*found = true;
			return mid;
		}
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	*found = false;
	return lo;
}

const char *plan_get_answer(const struct plan *p, const char *key)
{
	bool found;
	size_t i = answer_slot(p, key, &found);
	return found ? p->ans_val.v[i] : NULL;
}

static void rebuild(struct plan *p);

static void set_answer_raw(struct plan *p, const char *key, const char *value)
{
	bool found;
	size_t i = answer_slot(p, key, &found);
	if (found) {
		free(p->ans_val.v[i]);
		if (value) {
			p->ans_val.v[i] = xstrdup(value);
			return;
		}
		free(p->ans_key.v[i]);
		memmove(&p->ans_key.v[i], &p->ans_key.v[i + 1], (p->ans_key.n - i - 1) * sizeof(char *));
		memmove(&p->ans_val.v[i], &p->ans_val.v[i + 1], (p->ans_val.n - i - 1) * sizeof(char *));
		p->ans_key.n--;
		p->ans_val.n--;
		return;
	}
	if (!value)
		return;
	/* push at the end, then move into place */
	sv_push(&p->ans_key, key);
	sv_push(&p->ans_val, value);
	char *k = p->ans_key.v[p->ans_key.n - 1], *v = p->ans_val.v[p->ans_val.n - 1];
	memmove(&p->ans_key.v[i + 1], &p->ans_key.v[i], (p->ans_key.n - 1 - i) * sizeof(char *));
	memmove(&p->ans_val.v[i + 1], &p->ans_val.v[i], (p->ans_val.n - 1 - i) * sizeof(char *));
	p->ans_key.v[i] = k;
	p->ans_val.v[i] = v;
}

void plan_set_answer(struct plan *p, const char *key, const char *value)
{
	set_answer_raw(p, key, value);
	rebuild(p);
}

void plan_updates_free(struct plan_updates *u)
{
	sv_free(&u->fi_product);
	sv_free(&u->fi_old);
	sv_free(&u->fi_new);
	sv_free(&u->rt_old);
	sv_free(&u->rt_new);
	sv_free(&u->brt_block);
	sv_free(&u->brt_old);
	sv_free(&u->brt_new);
}

/* The old name of the global resource type rename to `name`, or NULL. A
 * block_resource_types pair may start from such a new name: the global
 * rename runs first (U2), then the block's relation moves on (U14/U15). */
static const char *rename_source(const struct plan_updates *u, const char *name)
{
	for (size_t i = 0; i < u->rt_new.n; i++)
		if (!strcmp(u->rt_new.v[i], name))
			return u->rt_old.v[i];
	return NULL;
}

static void updates_copy(struct plan_updates *dst, const struct plan_updates *src)
{
	memset(dst, 0, sizeof(*dst));
	for (size_t i = 0; i < src->fi_old.n; i++) {
		sv_push(&dst->fi_product, src->fi_product.v[i]);
		sv_push(&dst->fi_old, src->fi_old.v[i]);
		sv_push(&dst->fi_new, src->fi_new.v[i]);
	}
	for (size_t i = 0; i < src->rt_old.n; i++) {
		sv_push(&dst->rt_old, src->rt_old.v[i]);
		sv_push(&dst->rt_new, src->rt_new.v[i]);
	}
	for (size_t i = 0; i < src->brt_old.n; i++) {
		sv_push(&dst->brt_block, src->brt_block.v[i]);
		sv_push(&dst->brt_old, src->brt_old.v[i]);
		sv_push(&dst->brt_new, src->brt_new.v[i]);
	}
}

/* new name of a global rename of old, or NULL */
static const char *global_rename_of(const struct plan_updates *u, const char *old)
{
	for (size_t i = 0; i < u->rt_old.n; i++)
		if (strcmp(u->rt_old.v[i], old) == 0)
			return u->rt_new.v[i];
	return NULL;
}

static bool is_global_target(const struct plan_updates *u, const char *name)
{
	return sv_contains(&u->rt_new, name);
}

/* ---- change set rows ---- */

void cs_rows_add(struct cs_rows *r, const char *a, const char *b, const char *value,
		 const char *value2)
{
	if (r->n == r->cap) {
		r->cap = r->cap ? 2 * r->cap : 8;
		r->v = xrealloc(r->v, r->cap * sizeof(*r->v));
	}
	struct cs_row *x = &r->v[r->n++];
	x->a = xstrdup(a);
	x->b = b ? xstrdup(b) : NULL;
	x->value = value ? xstrdup(value) : NULL;
	x->value2 = value2 ? xstrdup(value2) : NULL;
}

static int nstrcmp(const char *a, const char *b)
{
	if (!a || !b)
		return (a != NULL) - (b != NULL);
	return strcmp(a, b);
}

static int cmp_row(const void *x, const void *y)
{
	const struct cs_row *a = x, *b = y;
	int c = strcmp(a->a, b->a);
	return c ? c : nstrcmp(a->b, b->b);
}

static void row_free(struct cs_row *x)
{
	free(x->a);
	free(x->b);
	free(x->value);
	free(x->value2);
}

void cs_rows_sort(struct cs_rows *r)
{
	if (!r->n)
		return;
	qsort(r->v, r->n, sizeof(*r->v), cmp_row);
	size_t w = 1;
	for (size_t i = 1; i < r->n; i++) {
		if (cmp_row(&r->v[w - 1], &r->v[i]) == 0)
			row_free(&r->v[i]);
		else
			r->v[w++] = r->v[i];
	}
	r->n = w;
}

void cs_rows_free(struct cs_rows *r)
{
	for (size_t i = 0; i < r->n; i++)
		row_free(&r->v[i]);
	free(r->v);
	memset(r, 0, sizeof(*r));
}

static bool rows_have(const struct cs_rows *r, const char *a, const char *b)
{
	for (size_t i = 0; i < r->n; i++)
		if (strcmp(r->v[i].a, a) == 0 && (!b || nstrcmp(r->v[i].b, b) == 0))
			return true;
	return false;
}

void changeset_free(struct changeset *cs)
{
	cs_rows_free(&cs->create_products);
	sv_free(&cs->delete_products);
	cs_rows_free(&cs->create_fixed_inputs);
	cs_rows_free(&cs->update_fixed_inputs);
	cs_rows_free(&cs->delete_fixed_inputs);
	cs_rows_free(&cs->create_product_blocks_rel);
	cs_rows_free(&cs->delete_product_blocks_rel);
	cs_rows_free(&cs->rename_resource_types);
	cs_rows_free(&cs->update_block_resource_types);
	cs_rows_free(&cs->create_rt_relations);
	cs_rows_free(&cs->delete_rt_relations);
	cs_rows_free(&cs->create_block_relations);
	cs_rows_free(&cs->delete_block_relations);
	cs_rows_free(&cs->create_resource_types);
	sv_free(&cs->delete_resource_types);
	cs_rows_free(&cs->create_blocks);
	sv_free(&cs->delete_blocks);
	cs_rows_free(&cs->default_values);
	cs_rows_free(&cs->keep_instances);
	sv_free(&cs->existing_products);
	sv_free(&cs->existing_blocks);
}

bool changeset_is_empty(const struct changeset *cs)
{
	return !cs->create_products.n && !cs->delete_products.n && !cs->create_fixed_inputs.n &&
	       !cs->update_fixed_inputs.n && !cs->delete_fixed_inputs.n &&
	       !cs->create_product_blocks_rel.n && !cs->delete_product_blocks_rel.n &&
	       !cs->rename_resource_types.n && !cs->update_block_resource_types.n &&
	       !cs->create_rt_relations.n && !cs->delete_rt_relations.n &&
	       !cs->create_block_relations.n && !cs->delete_block_relations.n &&
	       !cs->create_resource_types.n && !cs->delete_resource_types.n &&
	       !cs->create_blocks.n && !cs->delete_blocks.n && !cs->default_values.n;
}

/* The first row of r (sorted by cs_rows_sort) whose a is not below a. */
static size_t rows_lower_bound(const struct cs_rows *r, const char *a)
{
	size_t lo = 0, hi = r->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (strcmp(r->v[mid].a, a) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* docs/REFERENCE.md: has instances: whether block b has or will have instances; *impact = how many
 * (db count, else the parents' / products' figures). depth guards cycles
 * (reference defect 17). */
static bool has_instances(const struct plan *p, const struct changeset *cs, const char *b,
			  int depth, long *impact)
{
	*impact = 0;
	if (depth > 64)
		return false;
	const struct dm_block *d = dm_find_block(p->db, b);
	if (d && d->instances > 0) {
		*impact = d->instances;
		return true;
	}
	bool any_parent = false, yes = false;
	for (size_t i = rows_lower_bound(&cs->create_block_relations, b);
	     i < cs->create_block_relations.n; i++) {
		const struct cs_row *r = &cs->create_block_relations.v[i];
		if (strcmp(r->a, b) != 0)
			break;
		if (strcmp(r->b, b) == 0)
			continue;
		any_parent = true;
		long n;
		if (has_instances(p, cs, r->b, depth + 1, &n)) {
			yes = true;
			*impact += n;
		}
	}
	if (any_parent)
		return yes;
	for (size_t i = rows_lower_bound(&cs->create_product_blocks_rel, b);
	     i < cs->create_product_blocks_rel.n; i++) {
		const struct cs_row *r = &cs->create_product_blocks_rel.v[i];
		if (strcmp(r->a, b) != 0)
			break;
		const struct dm_product *dp = dm_find_product(p->db, r->b);
		if (dp && dp->subscriptions > 0) {
			yes = true;
			*impact += dp->subscriptions;
		}
	}
	return yes;
}

/* The first attribute (strcmp order) of parent's field(s) holding child,
 * and whether there are several. */
static const char *relation_attr(const struct dm_block *parent, const char *child, bool *several)
{
	const char *best = NULL;
	int n = 0;
	for (size_t i = 0; parent && i < parent->n_children; i++) {
		const struct dm_child *c = &parent->children[i];
		if (strcmp(c->name, child) != 0 || !c->attr)
			continue;
		n++;
		if (!best || strcmp(c->attr, best) < 0)
			best = c->attr;
	}
	*several = n > 1;
	return best;
}

/* Every block reachable from product name in c (its blocks and, depth
 * first, their children), appended to out; nothing when c lacks it. */
static void reachable(const struct dm_catalog *c, const char *name, struct strvec *out)
{
	const struct dm_product *p = dm_find_product(c, name);
	if (!p)
		return;
	struct strvec todo = STRVEC_INIT;
	for (size_t i = 0; i < p->blocks.n; i++)
		sv_push(&todo, p->blocks.v[i]);
	while (todo.n) {
		char *b = todo.v[--todo.n];
		if (!sv_contains(out, b)) {
			sv_push(out, b);
			const struct dm_block *d = dm_find_block(c, b);
			for (size_t i = 0; d && i < d->n_children; i++)
				sv_push(&todo, d->children[i].name);
		}
		free(b);
	}
	sv_free(&todo);
}

/* keep_instances: for each existing product still in the models, the
 * blocks that lose a link (to the product, or to a parent block the
 * product reaches in the database) but stay reachable in the models. */
static void find_kept_instances(const struct plan *p, struct changeset *cs)
{
	if (!cs->delete_product_blocks_rel.n && !cs->delete_block_relations.n)
		return;
	for (size_t i = 0; i < p->db->n_products; i++) {
		const char *name = p->db->products[i]->name;
		struct strvec in_model = STRVEC_INIT, in_db = STRVEC_INIT;
		reachable(p->model, name, &in_model);
		if (!in_model.n)
			continue;
		reachable(p->db, name, &in_db);
		for (size_t j = 0; j < cs->delete_product_blocks_rel.n; j++) {
			const struct cs_row *r = &cs->delete_product_blocks_rel.v[j];
			if (!strcmp(r->b, name) && sv_contains(&in_model, r->a))
				cs_rows_add(&cs->keep_instances, r->a, name, NULL, NULL);
		}
		for (size_t j = 0; j < cs->delete_block_relations.n; j++) {
			const struct cs_row *r = &cs->delete_block_relations.v[j];
			if (sv_contains(&in_db, r->b) && sv_contains(&in_model, r->a))
				cs_rows_add(&cs->keep_instances, r->a, name, NULL, NULL);
		}
		sv_free(&in_model);
		sv_free(&in_db);
	}
	cs_rows_sort(&cs->keep_instances);
}

/* The structure of the change set for the renames in u (values left NULL
 * except those taken from the catalogues). */
static void build_structure(struct plan *p, const struct plan_updates *u, struct changeset *cs)
{
	const struct diff *d = p->diff;
	memset(cs, 0, sizeof(*cs));
	for (size_t i = 0; i < d->create_products.n; i++) {
		const struct dm_product *m = dm_find_product(p->model, d->create_products.v[i]);
		cs_rows_add(&cs->create_products, m->name, m->product_type ? m->product_type : "",
			    NULL, NULL);
		for (size_t j = 0; j < m->n_fixed_inputs; j++)
			cs_rows_add(&cs->create_fixed_inputs, m->fixed_inputs[j].name, m->name, NULL, NULL);
		for (size_t j = 0; j < m->blocks.n; j++)
			cs_rows_add(&cs->create_product_blocks_rel, m->blocks.v[j], m->name, NULL, NULL);
	}
	for (size_t i = 0; i < d->delete_products.n; i++)
		sv_push(&cs->delete_products, d->delete_products.v[i]);
	for (size_t i = 0; i < d->n_products; i++) {
		const struct diff_product *dp = &d->products[i];
		const struct dm_product *dbp = dm_find_product(p->db, dp->name);
		struct strvec in_db = STRVEC_INIT, in_model = STRVEC_INIT;
		for (size_t j = 0; j < dp->fixed_inputs_missing_in_db.n; j++)
			sv_push(&in_db, dp->fixed_inputs_missing_in_db.v[j]);
		for (size_t j = 0; j < dp->fixed_inputs_missing_in_model.n; j++)
			sv_push(&in_model, dp->fixed_inputs_missing_in_model.v[j]);
		for (size_t j = 0; j < u->fi_old.n; j++) {
			if (strcmp(u->fi_product.v[j], dp->name) != 0)
				continue;
			ssize_t k = sv_index(&in_model, u->fi_old.v[j]);
			ssize_t l = sv_index(&in_db, u->fi_new.v[j]);
			if (k >= 0)
				in_model.v[k][0] = '\0';
			if (l >= 0)
				in_db.v[l][0] = '\0';
			cs_rows_add(&cs->update_fixed_inputs, dp->name, u->fi_old.v[j], u->fi_new.v[j], NULL);
		}
		for (size_t j = 0; j < in_db.n; j++)
			if (in_db.v[j][0] || !dp->fixed_inputs_missing_in_db.v[j][0])
				cs_rows_add(&cs->create_fixed_inputs, in_db.v[j], dp->name, NULL, NULL);
		for (size_t j = 0; j < in_model.n; j++) {
			if (!in_model.v[j][0] && dp->fixed_inputs_missing_in_model.v[j][0])
				continue;
			const struct dm_fixed_input *fi = dm_find_fixed_input(dbp, in_model.v[j]);
			cs_rows_add(&cs->delete_fixed_inputs, in_model.v[j], dp->name,
				    fi && fi->value ? fi->value : "", NULL);
		}
		sv_free(&in_db);
		sv_free(&in_model);
		for (size_t j = 0; j < dp->blocks_missing_in_db.n; j++)
			cs_rows_add(&cs->create_product_blocks_rel, dp->blocks_missing_in_db.v[j], dp->name,
				    NULL, NULL);
		for (size_t j = 0; j < dp->blocks_missing_in_model.n; j++)
			cs_rows_add(&cs->delete_product_blocks_rel, dp->blocks_missing_in_model.v[j],
				    dp->name, NULL, NULL);
	}
	for (size_t i = 0; i < u->rt_old.n; i++)
		cs_rows_add(&cs->rename_resource_types, u->rt_old.v[i], NULL, u->rt_new.v[i], NULL);
	for (size_t i = 0; i < u->brt_old.n; i++)
		cs_rows_add(&cs->update_block_resource_types, u->brt_block.v[i], u->brt_old.v[i],
			    u->brt_new.v[i], NULL);

	for (size_t i = 0; i < d->n_blocks; i++) {
		const struct diff_block *db_ = &d->blocks[i];
		struct strvec in_db = STRVEC_INIT, in_model = STRVEC_INIT;
		for (size_t j = 0; j < db_->resource_types_missing_in_db.n; j++)
			sv_push(&in_db, db_->resource_types_missing_in_db.v[j]);
		for (size_t j = 0; j < db_->resource_types_missing_in_model.n; j++)
			sv_push(&in_model, db_->resource_types_missing_in_model.v[j]);
		for (size_t j = 0; j < u->rt_old.n; j++) {
			ssize_t k = sv_index(&in_model, u->rt_old.v[j]);
			ssize_t l = sv_index(&in_db, u->rt_new.v[j]);
			if (k >= 0 && l >= 0) {
				in_model.v[k][0] = '\0';
				in_db.v[l][0] = '\0';
			}
		}
		for (size_t j = 0; j < u->brt_old.n; j++) {
			if (strcmp(u->brt_block.v[j], db_->name) != 0)
				continue;
			ssize_t k = sv_index(&in_model, u->brt_old.v[j]);
			ssize_t l = sv_index(&in_db, u->brt_new.v[j]);
			if (k < 0) {
				/* the old name is a global rename's target: the block
				   had the rename's source (renamed first, U2) */
				const char *src = rename_source(u, u->brt_old.v[j]);
				k = src ? sv_index(&in_model, src) : -1;
			}
			if (k >= 0)
				in_model.v[k][0] = '\0';
			if (l >= 0)
				in_db.v[l][0] = '\0';
		}
		for (size_t j = 0; j < in_db.n; j++)
			if (in_db.v[j][0])
				cs_rows_add(&cs->create_rt_relations, in_db.v[j], db_->name, NULL, NULL);
		for (size_t j = 0; j < in_model.n; j++)
			if (in_model.v[j][0])
				cs_rows_add(&cs->delete_rt_relations, in_model.v[j], db_->name, NULL, NULL);
		sv_free(&in_db);
		sv_free(&in_model);
		const struct dm_block *mb = dm_find_block(p->model, db_->name);
		for (size_t j = 0; j < db_->children_missing_in_db.n; j++) {
			const char *child = db_->children_missing_in_db.v[j];
			bool several;
			const char *attr = relation_attr(mb, child, &several);
			if (several)
				sv_push_owned(&p->warnings,
					      xasprintf("Product block '%s' is related to '%s' by several "
							"attributes; the new relation uses '%s' only",
							child, db_->name, attr));
			cs_rows_add(&cs->create_block_relations, child, db_->name, attr, NULL);
		}
		for (size_t j = 0; j < db_->children_missing_in_model.n; j++)
			cs_rows_add(&cs->delete_block_relations, db_->children_missing_in_model.v[j],
				    db_->name, NULL, NULL);
	}

	for (size_t i = 0; i < cs->delete_rt_relations.n; i++) {
		const char *rt = cs->delete_rt_relations.v[i].a;
		if (dm_find_resource_type(p->db, rt) && !dm_rt_used(p->model, rt) &&
		    !global_rename_of(u, rt) && !sv_contains(&cs->delete_resource_types, rt))
			sv_push(&cs->delete_resource_types, rt);
	}
	struct strvec cands = STRVEC_INIT;
	for (size_t i = 0; i < cs->create_rt_relations.n; i++)
		sv_push(&cands, cs->create_rt_relations.v[i].a);
	for (size_t i = 0; i < u->brt_new.n; i++)
		sv_push(&cands, u->brt_new.v[i]);
	for (size_t i = 0; i < cands.n; i++) {
		const char *rt = cands.v[i];
		if (!dm_find_resource_type(p->db, rt) && !is_global_target(u, rt))
			cs_rows_add(&cs->create_resource_types, rt, NULL, NULL, NULL);
	}
	sv_free(&cands);
	for (size_t i = 0; i < d->create_blocks.n; i++)
		cs_rows_add(&cs->create_blocks, d->create_blocks.v[i], NULL, NULL, NULL);
	for (size_t i = 0; i < d->delete_blocks.n; i++)
		sv_push(&cs->delete_blocks, d->delete_blocks.v[i]);
	for (size_t i = 0; i < p->db->n_products; i++)
		sv_push(&cs->existing_products, p->db->products[i]->name);
	for (size_t i = 0; i < p->db->n_blocks; i++)
		sv_push(&cs->existing_blocks, p->db->blocks[i]->name);

	cs_rows_sort(&cs->create_products);
	cs_rows_sort(&cs->create_fixed_inputs);
	cs_rows_sort(&cs->update_fixed_inputs);
	cs_rows_sort(&cs->delete_fixed_inputs);
	cs_rows_sort(&cs->create_product_blocks_rel);
	cs_rows_sort(&cs->delete_product_blocks_rel);
	cs_rows_sort(&cs->rename_resource_types);
	cs_rows_sort(&cs->update_block_resource_types);
	cs_rows_sort(&cs->create_rt_relations);
	cs_rows_sort(&cs->delete_rt_relations);
	cs_rows_sort(&cs->create_block_relations);
	cs_rows_sort(&cs->delete_block_relations);
	cs_rows_sort(&cs->create_resource_types);
	cs_rows_sort(&cs->create_blocks);
	sv_sort(&cs->delete_products);
	sv_sort(&cs->delete_resource_types);
	sv_sort(&cs->delete_blocks);
	sv_sort(&cs->existing_products);
	sv_sort(&cs->existing_blocks);
	find_kept_instances(p, cs);

	for (size_t i = 0; i < cs->create_rt_relations.n; i++) {
		const struct cs_row *r = &cs->create_rt_relations.v[i];
		long n;
		if (has_instances(p, cs, r->b, 0, &n)) {
			char *num = xasprintf("%ld", n);
			cs_rows_add(&cs->default_values, r->a, r->b, NULL, num);
			free(num);
		}
	}
	cs_rows_sort(&cs->default_values);
}

/* ---- questions ---- */

static struct pq *add_q(struct plan *p, enum plan_kind kind, const char *group)
{
	p->qs = xrealloc(p->qs, (p->nq + 1) * sizeof(*p->qs));
	struct pq *x = &p->qs[p->nq++];
	memset(x, 0, sizeof(*x));
	x->q.kind = kind;
	x->q.group = group;
	x->q.required = true;
	return x;
}

static void set_keys(struct plan *p, struct pq *x, const char *file, const char *k1,
		     const char *k2, const char *k3)
{
	x->q.file = file;
	x->q.key1 = k1 ? pool(p, xstrdup(k1)) : NULL;
	x->q.key2 = k2 ? pool(p, xstrdup(k2)) : NULL;
	x->q.key3 = k3 ? pool(p, xstrdup(k3)) : NULL;
	x->q.key_path = pool(p, plan_key_path(file, k1, k2, k3));
	x->q.answer = plan_get_answer(p, x->q.key_path);
}

/* A rename question with choices (copied); its answer stands only when it
 * is "" or one of the choices. Returns the accepted new name or NULL. */
static const char *rename_q(struct plan *p, enum plan_kind kind, const char *group,
			    const char *text, const char *subject, const char *subject2,
			    const struct strvec *choices, const char *k1, const char *k2,
			    const char *k3)
{
	struct pq *x = add_q(p, kind, group);
	x->q.text = pool(p, xstrdup(text));
	x->q.subject = pool(p, xstrdup(subject));
	x->q.subject2 = subject2 ? pool(p, xstrdup(subject2)) : NULL;
	x->q.required = false;
	x->q.prefill = "";
	x->choices = xcalloc(1, sizeof(struct strvec));
	for (size_t i = 0; i < choices->n; i++)
		sv_push(x->choices, choices->v[i]);
	x->q.choices = x->choices;
	set_keys(p, x, "updates", k1, k2, k3);
	if (x->q.answer && x->q.answer[0] && !sv_contains(choices, x->q.answer))
		x->q.answer = NULL;   /* no longer valid: open again */
	return x->q.answer && x->q.answer[0] ? x->q.answer : NULL;
}

static void clear_questions(struct plan *p)
{
	for (size_t i = 0; i < p->nq; i++)
		if (p->qs[i].choices) {
			sv_free(p->qs[i].choices);
			free(p->qs[i].choices);
		}
	free(p->qs);
	p->qs = NULL;
	p->nq = 0;
	sv_free(&p->pool);
	sv_free(&p->warnings);
}

static void ask_renames(struct plan *p, struct plan_updates *dec)
{
	const struct diff *d = p->diff;
	/* docs/REFERENCE.md: renames global */
	struct strvec olds = STRVEC_INIT;
	for (size_t i = 0; i < d->n_blocks; i++)
		for (size_t j = 0; j < d->blocks[i].resource_types_missing_in_model.n; j++) {
			const char *o = d->blocks[i].resource_types_missing_in_model.v[j];
			if (!dm_rt_used(p->model, o) && !sv_contains(&olds, o))
				sv_push(&olds, o);
		}
	sv_sort(&olds);
	struct strvec used = STRVEC_INIT;
	for (size_t i = 0; i < olds.n; i++) {
		struct strvec ch = STRVEC_INIT;
		for (size_t b = 0; b < d->n_blocks; b++) {
			const struct diff_block *db_ = &d->blocks[b];
			if (!sv_contains(&db_->resource_types_missing_in_model, olds.v[i]))
				continue;
			for (size_t j = 0; j < db_->resource_types_missing_in_db.n; j++) {
				const char *n = db_->resource_types_missing_in_db.v[j];
				if (!dm_find_resource_type(p->db, n) && !sv_contains(&used, n) &&
				    !sv_contains(&ch, n))
					sv_push(&ch, n);
			}
		}
		sv_sort(&ch);
		if (ch.n) {
			char *text = xasprintf("Which resource type should rename %s?", olds.v[i]);
			const char *nw = rename_q(p, PQ_RT_RENAME, "Rename resource types", text,
						  olds.v[i], NULL, &ch, "resource_types", olds.v[i], NULL);
			free(text);
			if (nw) {
				sv_push(&used, nw);
				sv_push(&dec->rt_old, olds.v[i]);
				sv_push(&dec->rt_new, nw);
			}
		}
		sv_free(&ch);
	}
	sv_free(&olds);
	sv_free(&used);
	/* docs/REFERENCE.md: renames per block */
	for (size_t b = 0; b < d->n_blocks; b++) {
		const struct diff_block *db_ = &d->blocks[b];
		struct strvec bused = STRVEC_INIT;
		for (size_t j = 0; j < db_->resource_types_missing_in_model.n; j++) {
			const char *o = db_->resource_types_missing_in_model.v[j];
			if (global_rename_of(dec, o))
				continue;
			struct strvec ch = STRVEC_INIT;
			for (size_t k = 0; k < db_->resource_types_missing_in_db.n; k++) {
				const char *n = db_->resource_types_missing_in_db.v[k];
				if (!is_global_target(dec, n) && !sv_contains(&bused, n))
					sv_push(&ch, n);
			}
			if (ch.n) {
				char *text = xasprintf("Which resource type should update %s?", o);
				const char *nw = rename_q(p, PQ_BLOCK_RT_UPDATE, "Update block resource types",
							  text, db_->name, o, &ch, "block_resource_types",
							  db_->name, o);
				free(text);
				if (nw) {
					sv_push(&bused, nw);
					sv_push(&dec->brt_block, db_->name);
					sv_push(&dec->brt_old, o);
					sv_push(&dec->brt_new, nw);
				}
			}
			sv_free(&ch);
		}
		sv_free(&bused);
	}
	/* docs/REFERENCE.md: renames fixed inputs */
	for (size_t i = 0; i < d->n_products; i++) {
		const struct diff_product *dp = &d->products[i];
		if (dp->fixed_inputs_missing_in_model.n != 1 || dp->fixed_inputs_missing_in_db.n != 1)
			continue;
		const char *o = dp->fixed_inputs_missing_in_model.v[0];
		const char *n = dp->fixed_inputs_missing_in_db.v[0];
		char *text = xasprintf("Do you wish to rename fixed input %s to %s for product %s?", o,
				       n, dp->name);
		struct strvec ch = STRVEC_INIT;
		sv_push(&ch, n);
		const char *nw = rename_q(p, PQ_FI_RENAME, "Update fixed inputs", text, dp->name, o, &ch,
					  "fixed_inputs", dp->name, o);
		free(text);
		sv_free(&ch);
		if (nw) {
			sv_push(&dec->fi_product, dp->name);
			sv_push(&dec->fi_old, o);
			sv_push(&dec->fi_new, nw);
		}
	}
}

static struct pq *text_q(struct plan *p, enum plan_kind kind, const char *group,
			 const char *context, char *text, const char *subject,
			 const char *subject2, const char *k1, const char *k2,
			 const char *prefill, size_t max_len, long impact)
{
	struct pq *x = add_q(p, kind, group);
	x->q.context = context;
	x->q.text = pool(p, text);
	x->q.subject = subject ? pool(p, xstrdup(subject)) : NULL;
	x->q.subject2 = subject2 ? pool(p, xstrdup(subject2)) : NULL;
	x->q.prefill = prefill && prefill[0] ? pool(p, xstrdup(prefill)) : NULL;
	x->q.max_len = max_len;
	x->q.impact = impact;
	set_keys(p, x, "inputs", k1, k2, NULL);
	return x;
}

static void rebuild(struct plan *p)
{
	clear_questions(p);
	plan_updates_free(&p->decided);
	memset(&p->decided, 0, sizeof(p->decided));
	if (p->updates_given)
		updates_copy(&p->decided, &p->updates);
	else
		ask_renames(p, &p->decided);

	struct changeset cs;
	build_structure(p, &p->decided, &cs);
	for (size_t i = 0; i < cs.create_products.n; i++) {
		const struct cs_row *r = &cs.create_products.v[i];
		const struct dm_product *m = dm_find_product(p->model, r->a);
		const char *ctx = pool(p, xasprintf("Product: %s %s", r->b, r->a));
		text_q(p, PQ_PRODUCT_DESCRIPTION, "Create new products", ctx,
		       xstrdup("Supply the product description: "), r->a, NULL, r->a, "description",
		       m ? m->description : NULL, PLAN_DESCRIPTION_MAX, 0);
		text_q(p, PQ_PRODUCT_TAG, "Create new products", ctx,
		       xstrdup("Supply the product tag: "), r->a, NULL, r->a, "tag",
		       m ? m->tag : NULL, PLAN_TAG_MAX, 0);
	}
	for (size_t i = 0; i < cs.create_fixed_inputs.n; i++) {
		const struct cs_row *r = &cs.create_fixed_inputs.v[i];
		const struct dm_fixed_input *fi = dm_find_fixed_input(dm_find_product(p->model, r->b), r->a);
		const struct dm_product *dbp = dm_find_product(p->db, r->b);
		text_q(p, PQ_FI_VALUE, "Create fixed inputs", NULL,
		       xasprintf("Supply fixed input value for product %s and fixed input %s: ", r->b, r->a),
		       r->b, r->a, r->b, r->a, fi ? fi->value : NULL, 0, dbp ? dbp->subscriptions : 0);
	}
	for (size_t i = 0; i < cs.create_blocks.n; i++) {
		const struct cs_row *r = &cs.create_blocks.v[i];
		const struct dm_block *m = dm_find_block(p->model, r->a);
		const char *ctx = pool(p, xasprintf("Product block: %s", r->a));
		text_q(p, PQ_BLOCK_DESCRIPTION, "Create product blocks", ctx,
		       xstrdup("Supply the product block description: "), r->a, NULL, r->a,
		       "description", m ? m->description : NULL, PLAN_DESCRIPTION_MAX, 0);
		text_q(p, PQ_BLOCK_TAG, "Create product blocks", ctx,
		       xstrdup("Supply the product block tag: "), r->a, NULL, r->a, "tag",
		       m ? m->tag : NULL, PLAN_TAG_MAX, 0);
	}
	for (size_t i = 0; i < cs.create_resource_types.n; i++) {
		const struct cs_row *r = &cs.create_resource_types.v[i];
		const struct dm_resource_type *m = dm_find_resource_type(p->model, r->a);
		text_q(p, PQ_RT_DESCRIPTION, "Create resource types", NULL,
		       xasprintf("Supply description for new resource type %s: ", r->a), r->a, NULL,
		       r->a, "description", m ? m->description : NULL, PLAN_DESCRIPTION_MAX, 0);
	}
	for (size_t i = 0; i < cs.default_values.n; i++) {
		const struct cs_row *r = &cs.default_values.v[i];
		struct pq *x = text_q(p, PQ_DEFAULT_VALUE, "Create subscription instance values", NULL,
				      xasprintf("Supply default subscription instance value for resource "
						"type %s and product block %s: ", r->a, r->b),
				      r->a, r->b, r->a, r->b, NULL, PLAN_VALUE_MAX,
				      strtol(r->value2, NULL, 10));
		if (!x->q.answer) {
			char *k = plan_key_path("inputs", r->a, "value", NULL);
			x->q.answer = plan_get_answer(p, k);
			free(k);
		}
	}
	if (!changeset_is_empty(&cs)) {
		struct pq *x = add_q(p, PQ_CONFIRM, NULL);
		x->q.text = "Confirm the above actions";
		x->q.key_path = "--yes";
		x->q.answer = plan_get_answer(p, "--yes");
	}
	changeset_free(&cs);
}

struct plan *plan_new(const struct dm_catalog *model, const struct dm_catalog *db,
		      const struct diff *diff)
{
	struct plan *p = xcalloc(1, sizeof(*p));
	p->model = model;
	p->db = db;
	p->diff = diff;
	rebuild(p);
	return p;
}

void plan_free(struct plan *p)
{
	if (!p)
		return;
	clear_questions(p);
	sv_free(&p->ans_key);
	sv_free(&p->ans_val);
	plan_updates_free(&p->updates);
	plan_updates_free(&p->decided);
	free(p);
}

size_t plan_count(const struct plan *p)
{
	return p->nq;
}

const struct plan_question *plan_question(const struct plan *p, size_t i)
{
	return i < p->nq ? &p->qs[i].q : NULL;
}

size_t plan_next_open(const struct plan *p)
{
	for (size_t i = 0; i < p->nq; i++)
		if (!p->qs[i].q.answer)
			return i;
	return PLAN_NONE;
}

size_t plan_open_count(const struct plan *p)
{
	size_t n = 0;
	for (size_t i = 0; i < p->nq; i++)
		n += !p->qs[i].q.answer;
	return n;
}

/* Checks one answer value against its question; 0 or -1 with err. */
static int check_value(const struct plan_question *q, const char *v, struct wfo_error *err)
{
	if (q->kind == PQ_CONFIRM)
		return 0;
	if (q->choices) {
		if (!v[0] || sv_contains(q->choices, v))
			return 0;
		struct strbuf sb = STRBUF_INIT;
		for (size_t i = 0; i < q->choices->n; i++)
			sb_addf(&sb, "%s'%s'", i ? ", " : "", q->choices->v[i]);
		int rc = wfo_fail(err, WFO_INPUT, "%s: '%s' is not one of the choices (%s, or empty for no rename)",
				  q->key_path, v, sb_str(&sb));
		sb_free(&sb);
		return rc;
	}
	if (!v[0])
		return wfo_fail(err, WFO_INPUT, "%s: a value is required", q->key_path);
	if (q->max_len && utf8_len(v) > q->max_len)
		return wfo_fail(err, WFO_INPUT, "%s: %zu characters, at most %zu fit (%s)", q->key_path,
				utf8_len(v), q->max_len,
				q->kind == PQ_PRODUCT_TAG || q->kind == PQ_BLOCK_TAG ? "tags are short codes"
										     : "column limit");
	return 0;
}

int plan_answer(struct plan *p, size_t i, const char *value, struct wfo_error *err)
{
	if (i >= p->nq)
		return wfo_fail(err, WFO_INTERNAL, "question %zu does not exist", i);
	char *v = trimmed(value ? value : "");
	const struct plan_question *q = &p->qs[i].q;
	if (check_value(q, v, err) < 0) {
		free(v);
		return -1;
	}
	char *key = xstrdup(q->key_path);
	set_answer_raw(p, key, v);
	free(key);
	free(v);
	rebuild(p);
	return 0;
}

void plan_unanswer(struct plan *p, size_t i)
{
	if (i >= p->nq)
		return;
	char *key = xstrdup(p->qs[i].q.key_path);
	set_answer_raw(p, key, NULL);
	free(key);
	rebuild(p);
}

bool plan_has_updates(const struct plan *p)
{
	return p->updates_given;
}

int plan_set_updates(struct plan *p, const struct plan_updates *u, struct wfo_error *err)
{
	const struct diff *d = p->diff;
	for (size_t i = 0; i < u->fi_old.n; i++) {
		const char *pr = u->fi_product.v[i], *o = u->fi_old.v[i], *n = u->fi_new.v[i];
		const struct diff_product *dp = diff_find_product(d, pr);
		if (!dp)
			return wfo_fail(err, WFO_INPUT,
					"updates[\"fixed_inputs\"][\"%s\"]: product '%s' has no fixed input "
					"differences between the models and the database; remove this entry",
					pr, pr);
		if (!sv_contains(&dp->fixed_inputs_missing_in_model, o))
			return wfo_fail(err, WFO_INPUT,
					"updates[\"fixed_inputs\"][\"%s\"][\"%s\"]: product '%s' has no fixed "
					"input '%s' that the model dropped", pr, o, pr, o);
		if (!sv_contains(&dp->fixed_inputs_missing_in_db, n))
			return wfo_fail(err, WFO_INPUT,
					"updates[\"fixed_inputs\"][\"%s\"][\"%s\"]: '%s' is not a new fixed "
					"input of product '%s' in the model", pr, o, n, pr);
	}
	for (size_t i = 0; i < u->rt_old.n; i++) {
		const char *o = u->rt_old.v[i], *n = u->rt_new.v[i];
		if (!dm_find_resource_type(p->db, o))
			return wfo_fail(err, WFO_INPUT,
					"updates[\"resource_types\"][\"%s\"]: there is no resource type '%s' "
					"in the database", o, o);
		if (dm_find_resource_type(p->db, n))
			return wfo_fail(err, WFO_INPUT,
					"updates[\"resource_types\"][\"%s\"]: resource type '%s' already "
					"exists; a rename needs a new name (use block_resource_types to "
					"move a block to an existing one)", o, n);
		for (size_t j = 0; j < i; j++)
			if (strcmp(u->rt_new.v[j], n) == 0 || strcmp(u->rt_old.v[j], o) == 0)
				return wfo_fail(err, WFO_INPUT,
						"updates[\"resource_types\"][\"%s\"]: '%s' is used by two "
						"renames", o, strcmp(u->rt_old.v[j], o) == 0 ? o : n);
	}
	for (size_t i = 0; i < u->brt_old.n; i++) {
		const char *b = u->brt_block.v[i], *o = u->brt_old.v[i], *n = u->brt_new.v[i];
		const struct diff_block *db_ = diff_find_block(d, b);
		if (!db_)
			return wfo_fail(err, WFO_INPUT,
					"updates[\"block_resource_types\"][\"%s\"]: product block '%s' has no "
					"resource type differences; remove this entry", b, b);
		const char *src = rename_source(u, o);
		if (!sv_contains(&db_->resource_types_missing_in_model, o) &&
		    !(src && sv_contains(&db_->resource_types_missing_in_model, src)))
			return wfo_fail(err, WFO_INPUT,
					"updates[\"block_resource_types\"][\"%s\"][\"%s\"]: block '%s' has no "
					"resource type '%s' that the model dropped (nor one that "
					"resource_types renames to it)", b, o, b, o);
		if (!sv_contains(&db_->resource_types_missing_in_db, n))
			return wfo_fail(err, WFO_INPUT,
					"updates[\"block_resource_types\"][\"%s\"][\"%s\"]: '%s' is not a new "
					"resource type of block '%s' in the model", b, o, n, b);
	}
	plan_updates_free(&p->updates);
	updates_copy(&p->updates, u);
	p->updates_given = true;
	rebuild(p);
	return 0;
}

void plan_current_updates(const struct plan *p, struct plan_updates *out)
{
	updates_copy(out, &p->decided);
}

const struct strvec *plan_warnings(const struct plan *p)
{
	return &p->warnings;
}

bool plan_confirmed(const struct plan *p)
{
	const char *a = plan_get_answer(p, "--yes");
	if (!a)
		return false;
	return strcasecmp(a, "y") == 0 || strcasecmp(a, "yes") == 0;
}

static bool reserved_product_key(const char *s)
{
	return !strcmp(s, "description") || !strcmp(s, "tag") || !strcmp(s, "product_type");
}

int plan_validate(const struct plan *p, struct wfo_error *err)
{
	struct strbuf missing = STRBUF_INIT, bad = STRBUF_INIT;
	for (size_t i = 0; i < p->nq; i++) {
		const struct plan_question *q = &p->qs[i].q;
		if (q->kind == PQ_CONFIRM)
			continue;
		if (!q->answer) {
			if (q->required)
				sb_addf(&missing, "%s%s (%s)", missing.len ? "\n" : "", q->key_path, q->text);
			continue;
		}
		struct wfo_error e;
		if (check_value(q, q->answer, &e) < 0)
			sb_addf(&bad, "%s%s", bad.len ? "\n" : "", e.msg);
	}
	/* product_type given in --inputs must match the model (docs/REFERENCE.md: question order and wording, defect 4) */
	for (size_t i = 0; i < p->ans_key.n; i++) {
		const char *k = p->ans_key.v[i];
		const char *suffix = "[\"product_type\"]";
		if (!str_starts_with(k, "inputs[") || !str_ends_with(k, suffix))
			continue;
		for (size_t j = 0; j < p->model->n_products; j++) {
			const struct dm_product *m = p->model->products[j];
			char *kp = plan_key_path("inputs", m->name, "product_type", NULL);
			if (strcmp(kp, k) == 0 && m->product_type &&
			    strcmp(m->product_type, p->ans_val.v[i]) != 0)
				sb_addf(&bad, "%s%s: product type '%s' differs from the model's '%s' (the "
					"product type is the model's class name and cannot be chosen)",
					bad.len ? "\n" : "", kp, p->ans_val.v[i], m->product_type);
			free(kp);
		}
	}
	/* the --inputs namespace: names must not collide */
	struct changeset cs;
	build_structure((struct plan *)p, &p->decided, &cs);
	for (size_t i = 0; i < cs.create_fixed_inputs.n; i++) {
		const struct cs_row *r = &cs.create_fixed_inputs.v[i];
		if (reserved_product_key(r->a) && rows_have(&cs.create_products, r->b, NULL))
			sb_addf(&bad, "%sinputs[\"%s\"][\"%s\"]: the new product's fixed input '%s' has the "
				"name of a product key; rename the fixed input in the model",
				bad.len ? "\n" : "", r->b, r->a, r->a);
	}
	for (size_t i = 0; i < cs.create_blocks.n; i++) {
		const char *b = cs.create_blocks.v[i].a;
		if (rows_have(&cs.create_products, b, NULL) || rows_have(&cs.create_resource_types, b, NULL))
			sb_addf(&bad, "%sinputs[\"%s\"]: a new product block has the name of a new product "
				"or resource type; their --inputs keys would collide",
				bad.len ? "\n" : "", b);
	}
	for (size_t i = 0; i < cs.create_resource_types.n; i++) {
		const char *rt = cs.create_resource_types.v[i].a;
		if (rows_have(&cs.create_products, rt, NULL))
			sb_addf(&bad, "%sinputs[\"%s\"]: a new resource type has the name of a new product; "
				"their --inputs keys would collide", bad.len ? "\n" : "", rt);
	}
	for (size_t i = 0; i < cs.default_values.n; i++) {
		const char *b = cs.default_values.v[i].b;
		if (!strcmp(b, "description") || !strcmp(b, "value"))
			sb_addf(&bad, "%sinputs[\"%s\"][\"%s\"]: a product block named '%s' collides with "
				"the resource type's own key", bad.len ? "\n" : "",
				cs.default_values.v[i].a, b, b);
	}
	for (size_t i = 0; i < cs.rename_resource_types.n; i++) {
		const char *n = cs.rename_resource_types.v[i].value;
		if (dm_find_resource_type(p->db, n))
			sb_addf(&bad, "%supdates[\"resource_types\"][\"%s\"]: resource type '%s' already "
				"exists", bad.len ? "\n" : "", cs.rename_resource_types.v[i].a, n);
		if (utf8_len(n) > PLAN_RESOURCE_TYPE_MAX)
			sb_addf(&bad, "%supdates[\"resource_types\"][\"%s\"]: the new name is longer than "
				"%d characters", bad.len ? "\n" : "", cs.rename_resource_types.v[i].a,
				PLAN_RESOURCE_TYPE_MAX);
	}
	for (size_t i = 0; i < cs.create_resource_types.n; i++)
		if (utf8_len(cs.create_resource_types.v[i].a) > PLAN_RESOURCE_TYPE_MAX)
			sb_addf(&bad, "%sresource type '%.40s...': the name is longer than %d characters",
				bad.len ? "\n" : "", cs.create_resource_types.v[i].a,
				PLAN_RESOURCE_TYPE_MAX);
	changeset_free(&cs);
	int rc = 0;
	if (bad.len) {
		if (missing.len)
			sb_addf(&bad, "\nMissing answers:\n%s", sb_str(&missing));
		rc = wfo_fail(err, WFO_INPUT, "%s", sb_str(&bad));
	} else if (missing.len) {
		rc = wfo_fail(err, WFO_UNANSWERED, "Missing answers:\n%s", sb_str(&missing));
	}
	sb_free(&missing);
	sb_free(&bad);
	return rc;
}

int plan_changeset(const struct plan *p, struct changeset *out, struct wfo_error *err)
{
	for (size_t i = 0; i < p->nq; i++) {
		const struct plan_question *q = &p->qs[i].q;
		if (q->required && !q->answer && q->kind != PQ_CONFIRM)
			return wfo_fail(err, WFO_UNANSWERED, "%s is not answered (%s)", q->key_path, q->text);
	}
	plan_changeset_draft(p, out);
	return 0;
}

void plan_changeset_draft(const struct plan *p, struct changeset *out)
{
	build_structure((struct plan *)p, &p->decided, out);
	for (size_t i = 0; i < p->nq; i++) {
		const struct plan_question *q = &p->qs[i].q;
		struct cs_rows *rows = NULL;
		const char *a = q->subject, *b = NULL;
		bool second = false;
		switch (q->kind) {
		case PQ_PRODUCT_DESCRIPTION: rows = &out->create_products; break;
		case PQ_PRODUCT_TAG: rows = &out->create_products; second = true; break;
		case PQ_FI_VALUE: rows = &out->create_fixed_inputs; a = q->subject2; b = q->subject; break;
		case PQ_BLOCK_DESCRIPTION: rows = &out->create_blocks; break;
		case PQ_BLOCK_TAG: rows = &out->create_blocks; second = true; break;
		case PQ_RT_DESCRIPTION: rows = &out->create_resource_types; break;
		case PQ_DEFAULT_VALUE: rows = &out->default_values; b = q->subject2; break;
		default: break;
		}
		if (!rows || !q->answer)
			continue;
		for (size_t j = 0; j < rows->n; j++) {
			struct cs_row *r = &rows->v[j];
			if (strcmp(r->a, a) != 0 || (b && nstrcmp(r->b, b) != 0))
				continue;
			if (q->kind == PQ_DEFAULT_VALUE) {
				free(r->value);
				r->value = xstrdup(q->answer);
			} else if (second) {
				free(r->value2);
				r->value2 = xstrdup(q->answer);
			} else {
				free(r->value);
				r->value = xstrdup(q->answer);
			}
		}
	}
}

void changeset_render_summary(const struct changeset *cs, const struct dm_catalog *db,
			      struct strbuf *out)
{
	(void)db;
	struct dsum s;
	dsum_make(cs, NULL, &s);
	dsum_render(&s, out);
	dsum_free(&s);
}
