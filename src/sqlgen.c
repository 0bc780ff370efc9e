/* sqlgen.c - upgrade and downgrade SQL text for a domain-model change set. */
#include "config.h"
#include "sqlgen.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sqlquote.h"

/* ---- building blocks (each a parenthesised sub-select, docs/REFERENCE.md: statement kinds) ---- */

static void q(struct strbuf *sb, const char *s)
{
	sql_quote(sb, s);
}

static void names(struct strbuf *sb, const char *const *v, size_t n)
{
	sb_addc(sb, '(');
	for (size_t i = 0; i < n; i++) {
		if (i)
			sb_add(sb, ", ");
		q(sb, v[i]);
	}
	sb_addc(sb, ')');
}

static void pid(struct strbuf *sb, const char *const *v, size_t n)
{
	sb_add(sb, "(SELECT products.product_id FROM products WHERE products.name IN ");
	names(sb, v, n);
	sb_addc(sb, ')');
}

static void bid(struct strbuf *sb, const char *const *v, size_t n)
{
	sb_add(sb, "(SELECT product_blocks.product_block_id FROM product_blocks WHERE product_blocks.name IN ");
	names(sb, v, n);
	sb_addc(sb, ')');
}

static void rtid(struct strbuf *sb, const char *const *v, size_t n)
{
	sb_add(sb, "(SELECT resource_types.resource_type_id FROM resource_types WHERE resource_types.resource_type IN ");
	names(sb, v, n);
	sb_addc(sb, ')');
}

static void sids(struct strbuf *sb, const char *const *v, size_t n)
{
	sb_add(sb, "(SELECT subscriptions.subscription_id FROM subscriptions WHERE subscriptions.product_id IN ");
	pid(sb, v, n);
	sb_addc(sb, ')');
}

/* instances of the blocks v */
static void binst(struct strbuf *sb, const char *const *v, size_t n)
{
	sb_add(sb, "(SELECT subscription_instances.subscription_instance_id FROM subscription_instances WHERE subscription_instances.product_block_id IN ");
	bid(sb, v, n);
	sb_addc(sb, ')');
}

static void emit(struct strvec *out, struct strbuf *sb)
{
	sv_push_owned(out, sb_detach(sb));
}

/* A group: rows [i, j) of r share r->v[i].a; *bs gets their b's. */
static size_t group(const struct cs_rows *r, size_t i, struct strvec *bs)
{
	size_t j = i;
	sv_free(bs);
	while (j < r->n && strcmp(r->v[j].a, r->v[i].a) == 0) {
		if (r->v[j].b)
			sv_push(bs, r->v[j].b);
		j++;
	}
	return j;
}

/* The products whose instances of block are kept (cs->keep_instances). */
static void kept_for(const struct changeset *cs, const char *block, struct strvec *out)
{
	sv_free(out);
	for (size_t i = 0; i < cs->keep_instances.n; i++)
		if (!strcmp(cs->keep_instances.v[i].a, block))
			sv_push(out, cs->keep_instances.v[i].b);
}

#define ONE(s) ((const char *const[]){ (s) }), 1
#define SV(sv) ((const char *const *)(sv)->v), (sv)->n

/* ---- statement kinds ---- */

/* U1 */
static void rename_fixed_input(struct strvec *out, const char *product, const char *old,
			       const char *new_)
{
	struct strbuf sb = STRBUF_INIT;
	sb_add(&sb, "UPDATE fixed_inputs SET name=");
	q(&sb, new_);
	sb_add(&sb, " WHERE fixed_inputs.product_id = ");
	pid(&sb, ONE(product));
	sb_add(&sb, " AND fixed_inputs.name = ");
	q(&sb, old);
	emit(out, &sb);
}

/* U2 */
static void rename_resource_type(struct strvec *out, const char *old, const char *new_)
{
	struct strbuf sb = STRBUF_INIT;
	sb_add(&sb, "UPDATE resource_types SET resource_type=");
	q(&sb, new_);
	sb_add(&sb, " WHERE resource_types.resource_type = ");
	q(&sb, old);
	emit(out, &sb);
}

/* U3a + U3b (defect 1 fixed: values of the blocks' instances with the
 * value's own resource type) */
static void unlink_resource_type(struct strvec *out, const char *rt, const struct strvec *blocks)
{
	struct strbuf sb = STRBUF_INIT;
	sb_add(&sb, "DELETE FROM product_block_resource_types WHERE product_block_resource_types.product_block_id IN ");
	bid(&sb, SV(blocks));
	sb_add(&sb, " AND product_block_resource_types.resource_type_id = ");
	rtid(&sb, ONE(rt));
	emit(out, &sb);
	sb_add(&sb, "DELETE FROM subscription_instance_values WHERE subscription_instance_values.subscription_instance_id IN ");
	binst(&sb, SV(blocks));
	sb_add(&sb, " AND subscription_instance_values.resource_type_id = ");
	rtid(&sb, ONE(rt));
	emit(out, &sb);
}

/* U4 (defect 13 fixed: the child instances used only by the parents'
 * instances go, then the remaining instance links, then the relation) */
static void unlink_block(struct strvec *out, const char *child, const struct strvec *parents,
			 const struct strvec *keep)
{
	struct strbuf sb = STRBUF_INIT;
	sb_add(&sb, "DELETE FROM subscription_instances WHERE subscription_instances.product_block_id IN ");
	bid(&sb, ONE(child));
	sb_add(&sb, " AND subscription_instances.subscription_instance_id IN (SELECT subscription_instance_relations.depends_on_id FROM subscription_instance_relations WHERE subscription_instance_relations.in_use_by_id IN ");
	binst(&sb, SV(parents));
	sb_add(&sb, ") AND subscription_instances.subscription_instance_id NOT IN (SELECT subscription_instance_relations.depends_on_id FROM subscription_instance_relations WHERE subscription_instance_relations.in_use_by_id NOT IN ");
	binst(&sb, SV(parents));
	sb_addc(&sb, ')');
	if (keep->n) {   /* the child stays reachable there: its instances stay */
		sb_add(&sb, " AND subscription_instances.subscription_id NOT IN ");
		sids(&sb, SV(keep));
	}
	emit(out, &sb);
	sb_add(&sb, "DELETE FROM subscription_instance_relations WHERE subscription_instance_relations.in_use_by_id IN ");
	binst(&sb, SV(parents));
	sb_add(&sb, " AND subscription_instance_relations.depends_on_id IN ");
	binst(&sb, ONE(child));
	emit(out, &sb);
	sb_add(&sb, "DELETE FROM product_block_relations WHERE product_block_relations.in_use_by_id IN ");
	bid(&sb, SV(parents));
	sb_add(&sb, " AND product_block_relations.depends_on_id IN ");
	bid(&sb, ONE(child));
	emit(out, &sb);
}

/* U5 (defect 13 fixed: the block's top-level instances in those products'
 * subscriptions go too; instances used by another instance stay) */
static void unlink_product_block(struct strvec *out, const char *block, const struct strvec *products,
				 const struct strvec *keep)
{
	struct strbuf sb = STRBUF_INIT;
	struct strvec gone = STRVEC_INIT;   /* products where the block is no longer reachable */
	for (size_t i = 0; i < products->n; i++)
		if (!sv_contains(keep, products->v[i]))
			sv_push(&gone, products->v[i]);
	if (gone.n) {
		sb_add(&sb, "DELETE FROM subscription_instances WHERE subscription_instances.product_block_id IN ");
		bid(&sb, ONE(block));
		sb_add(&sb, " AND subscription_instances.subscription_id IN ");
		sids(&sb, SV(&gone));
		sb_add(&sb, " AND subscription_instances.subscription_instance_id NOT IN (SELECT subscription_instance_relations.depends_on_id FROM subscription_instance_relations)");
		emit(out, &sb);
	}
	sv_free(&gone);
	sb_add(&sb, "DELETE FROM product_product_blocks WHERE product_product_blocks.product_id IN ");
	pid(&sb, SV(products));
	sb_add(&sb, " AND product_product_blocks.product_block_id IN ");
	bid(&sb, ONE(block));
	emit(out, &sb);
}

/* U6 */
static void delete_resource_types(struct strvec *out, const struct strvec *rts)
{
	if (!rts->n)
		return;
	struct strbuf sb = STRBUF_INIT;
	sb_add(&sb, "DELETE FROM subscription_instance_values WHERE subscription_instance_values.resource_type_id IN ");
	rtid(&sb, SV(rts));
	emit(out, &sb);
	sb_add(&sb, "DELETE FROM resource_types WHERE resource_types.resource_type IN ");
	names(&sb, SV(rts));
	emit(out, &sb);
}

/* U7 */
static void delete_blocks(struct strvec *out, const struct strvec *blocks)
{
	if (!blocks->n)
		return;
	struct strbuf sb = STRBUF_INIT;
	sb_add(&sb, "DELETE FROM subscription_instances WHERE subscription_instances.product_block_id IN ");
	bid(&sb, SV(blocks));
	emit(out, &sb);
	sb_add(&sb, "DELETE FROM product_blocks WHERE product_blocks.name IN ");
	names(&sb, SV(blocks));
	emit(out, &sb);
}

/* U8 */
static void delete_fixed_input(struct strvec *out, const char *fi, const struct strvec *products)
{
	struct strbuf sb = STRBUF_INIT;
	sb_add(&sb, "DELETE FROM fixed_inputs WHERE fixed_inputs.product_id IN ");
	pid(&sb, SV(products));
	sb_add(&sb, " AND fixed_inputs.name = ");
	q(&sb, fi);
	emit(out, &sb);
}

/* U9 (defect 14 fixed: only processes whose every subscription is deleted) */
static void delete_products(struct strvec *out, const struct strvec *products)
{
	if (!products->n)
		return;
	struct strbuf sb = STRBUF_INIT;
	sb_add(&sb, "DELETE FROM processes WHERE processes.pid IN (SELECT processes_subscriptions.pid FROM processes_subscriptions WHERE processes_subscriptions.subscription_id IN ");
	sids(&sb, SV(products));
	sb_add(&sb, ") AND processes.pid NOT IN (SELECT processes_subscriptions.pid FROM processes_subscriptions WHERE processes_subscriptions.subscription_id NOT IN ");
	sids(&sb, SV(products));
	sb_addc(&sb, ')');
	emit(out, &sb);
	sb_add(&sb, "DELETE FROM processes_subscriptions WHERE processes_subscriptions.subscription_id IN ");
	sids(&sb, SV(products));
	emit(out, &sb);
	sb_add(&sb, "DELETE FROM subscription_instances WHERE subscription_instances.subscription_id IN ");
	sids(&sb, SV(products));
	emit(out, &sb);
	sb_add(&sb, "DELETE FROM subscriptions WHERE subscriptions.product_id IN ");
	pid(&sb, SV(products));
	emit(out, &sb);
	sb_add(&sb, "DELETE FROM products WHERE products.name IN ");
	names(&sb, SV(products));
	emit(out, &sb);
}

/* U11: rows [i, j) of r: a fixed input, b product, value */
static void create_fixed_input(struct strvec *out, const struct cs_rows *r, size_t i, size_t j)
{
	struct strbuf sb = STRBUF_INIT;
	sb_add(&sb, "INSERT INTO fixed_inputs (name, value, product_id) VALUES ");
	for (size_t k = i; k < j; k++) {
		sb_add(&sb, k > i ? ", (" : "(");
		q(&sb, r->v[k].a);
		sb_add(&sb, ", ");
		q(&sb, r->v[k].value ? r->v[k].value : "");
		sb_add(&sb, ", ");
		pid(&sb, ONE(r->v[k].b));
		sb_addc(&sb, ')');
	}
	emit(out, &sb);
}

/* U14 + U15 for block, old -> new */
static void repoint_block_resource_type(struct strvec *out, const char *block, const char *old,
					const char *new_, bool values)
{
	struct strbuf sb = STRBUF_INIT;
	if (!values) {
		sb_add(&sb, "UPDATE product_block_resource_types SET resource_type_id=");
		rtid(&sb, ONE(new_));
		sb_add(&sb, " WHERE product_block_resource_types.product_block_id IN ");
		bid(&sb, ONE(block));
		sb_add(&sb, " AND product_block_resource_types.resource_type_id IN ");
		rtid(&sb, ONE(old));
	} else {
		sb_add(&sb, "UPDATE subscription_instance_values SET resource_type_id=");
		rtid(&sb, ONE(new_));
		sb_add(&sb, " WHERE subscription_instance_values.subscription_instance_id IN ");
		binst(&sb, ONE(block));
		sb_add(&sb, " AND subscription_instance_values.resource_type_id IN ");
		rtid(&sb, ONE(old));
	}
	emit(out, &sb);
}

/* U16: block becomes a block of the products */
static void link_product_block(struct strvec *out, const char *block, const struct strvec *products)
{
	struct strbuf sb = STRBUF_INIT;
	sb_add(&sb, "INSERT INTO product_product_blocks (product_id, product_block_id) VALUES ");
	for (size_t k = 0; k < products->n; k++) {
		sb_add(&sb, k ? ", (" : "(");
		pid(&sb, ONE(products->v[k]));
		sb_add(&sb, ", ");
		bid(&sb, ONE(block));
		sb_addc(&sb, ')');
	}
	emit(out, &sb);
}

/* The name of resource type rt once the global renames (U2) have run. */
static const char *renamed(const struct changeset *cs, const char *rt)
{
	for (size_t i = 0; i < cs->rename_resource_types.n; i++)
		if (!strcmp(cs->rename_resource_types.v[i].a, rt))
			return cs->rename_resource_types.v[i].value;
	return rt;
}

/* Whether block will have instances when U20 reaches it: an existing block
 * (it may have some), a block U19 gives instances (linked to an existing
 * product), or the child of such a block through a new relation. */
static bool gets_instances(const struct changeset *cs, const char *block, int depth)
{
	if (depth > 64)
		return false;   /* a cycle: the models are refused before this */
	if (sv_contains(&cs->existing_blocks, block))
		return true;
	for (size_t i = 0; i < cs->create_product_blocks_rel.n; i++) {
		const struct cs_row *r = &cs->create_product_blocks_rel.v[i];
		if (!strcmp(r->a, block) && sv_contains(&cs->existing_products, r->b))
			return true;
	}
	for (size_t i = 0; i < cs->create_block_relations.n; i++) {
		const struct cs_row *r = &cs->create_block_relations.v[i];
		if (!strcmp(r->a, block) && strcmp(r->b, block) != 0 &&
		    gets_instances(cs, r->b, depth + 1))
			return true;
	}
	return false;
}

/* How many new relations lead down to parent (0: none, its instances are
 * there before U20 starts). */
static int relation_depth(const struct changeset *cs, const char *parent, int depth)
{
	int best = 0;
	if (depth > 64)
		return 0;
	for (size_t i = 0; i < cs->create_block_relations.n; i++) {
		const struct cs_row *r = &cs->create_block_relations.v[i];
		if (!strcmp(r->a, parent) && strcmp(r->b, parent) != 0) {
			int d = 1 + relation_depth(cs, r->b, depth + 1);
			if (d > best)
				best = d;
		}
	}
	return best;
}

/* The rows of create_block_relations whose parent gets instances, parents
 * before children (a new parent's instances are made first), sorted
 * otherwise; their indexes into order. Returns how many. */
static size_t relation_order(const struct changeset *cs, size_t *order)
{
	const struct cs_rows *r = &cs->create_block_relations;
	size_t n = 0;
	int maxd = 0;
	int *d = xcalloc(r->n + 1, sizeof *d);
	for (size_t i = 0; i < r->n; i++) {
		d[i] = gets_instances(cs, r->v[i].b, 0) ? relation_depth(cs, r->v[i].b, 0) : -1;
		if (d[i] > maxd)
			maxd = d[i];
	}
	for (int level = 0; level <= maxd; level++)
		for (size_t i = 0; i < r->n; i++)
			if (d[i] == level)
				order[n++] = i;
	free(d);
	return n;
}

/* ---- the two scripts ---- */

void sqlgen_upgrade(const struct changeset *cs, struct strvec *out)
{
	struct strvec bs = STRVEC_INIT, keep = STRVEC_INIT;
	struct strbuf sb = STRBUF_INIT;
	const struct cs_rows *r;

	for (size_t i = 0; i < cs->update_fixed_inputs.n; i++)                 /* U1 */
		rename_fixed_input(out, cs->update_fixed_inputs.v[i].a, cs->update_fixed_inputs.v[i].b,
				   cs->update_fixed_inputs.v[i].value);
	for (size_t i = 0; i < cs->rename_resource_types.n; i++)               /* U2 */
		rename_resource_type(out, cs->rename_resource_types.v[i].a,
				     cs->rename_resource_types.v[i].value);
	r = &cs->delete_rt_relations;                                          /* U3 */
	for (size_t i = 0, j; i < r->n; i = j) {
		j = group(r, i, &bs);
		/* a globally renamed type has its new name by now (U2) */
		unlink_resource_type(out, renamed(cs, r->v[i].a), &bs);
	}
	r = &cs->delete_block_relations;                                       /* U4 */
	for (size_t i = 0, j; i < r->n; i = j) {
		j = group(r, i, &bs);
		kept_for(cs, r->v[i].a, &keep);
		unlink_block(out, r->v[i].a, &bs, &keep);
	}
	r = &cs->delete_product_blocks_rel;                                    /* U5 */
	for (size_t i = 0, j; i < r->n; i = j) {
		j = group(r, i, &bs);
		kept_for(cs, r->v[i].a, &keep);
		unlink_product_block(out, r->v[i].a, &bs, &keep);
	}
	delete_resource_types(out, &cs->delete_resource_types);               /* U6 */
	delete_blocks(out, &cs->delete_blocks);                               /* U7 */
	r = &cs->delete_fixed_inputs;                                          /* U8 */
	for (size_t i = 0, j; i < r->n; i = j) {
		j = group(r, i, &bs);
		delete_fixed_input(out, r->v[i].a, &bs);
	}
	delete_products(out, &cs->delete_products);                           /* U9 */
	for (size_t i = 0; i < cs->create_products.n; i++) {                   /* U10 */
		const struct cs_row *x = &cs->create_products.v[i];
		sb_add(&sb, "INSERT INTO products (name, description, product_type, tag, status) VALUES (");
		q(&sb, x->a);
		sb_add(&sb, ", ");
		q(&sb, x->value ? x->value : "");
		sb_add(&sb, ", ");
		q(&sb, x->b ? x->b : "");
		sb_add(&sb, ", ");
		q(&sb, x->value2 ? x->value2 : "");
		sb_add(&sb, ", 'active') RETURNING products.product_id");
		emit(out, &sb);
	}
	r = &cs->create_fixed_inputs;                                          /* U11 */
	for (size_t i = 0, j; i < r->n; i = j) {
		j = group(r, i, &bs);
		create_fixed_input(out, r, i, j);
	}
	for (size_t i = 0; i < cs->create_blocks.n; i++) {                     /* U12 */
		const struct cs_row *x = &cs->create_blocks.v[i];
		sb_add(&sb, "INSERT INTO product_blocks (name, description, tag, status) VALUES (");
		q(&sb, x->a);
		sb_add(&sb, ", ");
		q(&sb, x->value ? x->value : "");
		sb_add(&sb, ", ");
		q(&sb, x->value2 ? x->value2 : "");
		sb_add(&sb, ", 'active') RETURNING product_blocks.product_block_id");
		emit(out, &sb);
	}
	for (size_t i = 0; i < cs->create_resource_types.n; i++) {             /* U13 */
		const struct cs_row *x = &cs->create_resource_types.v[i];
		sb_add(&sb, "INSERT INTO resource_types (resource_type, description) VALUES (");
		q(&sb, x->a);
		sb_add(&sb, ", ");
		q(&sb, x->value ? x->value : "");
		sb_add(&sb, ") RETURNING resource_types.resource_type_id");
		emit(out, &sb);
	}
	r = &cs->update_block_resource_types;                                  /* U14, U15 */
	for (size_t i = 0; i < r->n; i++)
		repoint_block_resource_type(out, r->v[i].a, r->v[i].b, r->v[i].value, false);
	for (size_t i = 0; i < r->n; i++)
		repoint_block_resource_type(out, r->v[i].a, r->v[i].b, r->v[i].value, true);
	r = &cs->create_product_blocks_rel;                                    /* U16 */
	for (size_t i = 0, j; i < r->n; i = j) {
		j = group(r, i, &bs);
		link_product_block(out, r->v[i].a, &bs);
	}
	r = &cs->create_block_relations;                                       /* U17 */
	for (size_t i = 0, j; i < r->n; i = j) {
		j = group(r, i, &bs);
		sb_add(&sb, "INSERT INTO product_block_relations (in_use_by_id, depends_on_id) VALUES ");
		for (size_t k = 0; k < bs.n; k++) {
			sb_add(&sb, k ? ", (" : "(");
			bid(&sb, ONE(bs.v[k]));
			sb_add(&sb, ", ");
			bid(&sb, ONE(r->v[i].a));
			sb_addc(&sb, ')');
		}
		emit(out, &sb);
	}
	r = &cs->create_rt_relations;                                          /* U18 */
	for (size_t i = 0, j; i < r->n; i = j) {
		j = group(r, i, &bs);
		sb_add(&sb, "INSERT INTO product_block_resource_types (product_block_id, resource_type_id) VALUES ");
		for (size_t k = 0; k < bs.n; k++) {
			sb_add(&sb, k ? ", (" : "(");
			bid(&sb, ONE(bs.v[k]));
			sb_add(&sb, ", ");
			rtid(&sb, ONE(r->v[i].a));
			sb_addc(&sb, ')');
		}
		emit(out, &sb);
	}
	r = &cs->create_product_blocks_rel;                                    /* U19 */
	for (size_t i = 0, j; i < r->n; i = j) {
		j = group(r, i, &bs);
		struct strvec ex = STRVEC_INIT;
		for (size_t k = 0; k < bs.n; k++)
			if (sv_contains(&cs->existing_products, bs.v[k]))
				sv_push(&ex, bs.v[k]);
		if (ex.n) {
			sb_add(&sb, "INSERT INTO subscription_instances (subscription_id, product_block_id) SELECT subscriptions.subscription_id, ");
			bid(&sb, ONE(r->v[i].a));
			sb_add(&sb, " FROM subscriptions WHERE subscriptions.product_id IN ");
			pid(&sb, SV(&ex));
			kept_for(cs, r->v[i].a, &keep);
			if (keep.n) {   /* a kept instance that lost its parent serves */
				sb_add(&sb, " AND NOT EXISTS (SELECT 1 FROM subscription_instances AS kept WHERE kept.subscription_id = subscriptions.subscription_id AND kept.product_block_id IN ");
				bid(&sb, ONE(r->v[i].a));
				sb_add(&sb, " AND kept.subscription_instance_id NOT IN (SELECT subscription_instance_relations.depends_on_id FROM subscription_instance_relations))");
			}
			emit(out, &sb);
		}
		sv_free(&ex);
	}
	r = &cs->create_block_relations;                                       /* U20 (defect 10 fixed) */
	size_t *order = xcalloc(r->n + 1, sizeof *order);
	size_t nord = relation_order(cs, order);
	for (size_t o = 0; o < nord; o++) {
		const struct cs_row *x = &r->v[order[o]];
		kept_for(cs, x->a, &keep);
		if (keep.n) {
			/* kept child instances that lost their parent go under the
			   new parent's instance of the same subscription */
			sb_add(&sb, "INSERT INTO subscription_instance_relations (in_use_by_id, depends_on_id, order_id, domain_model_attr) SELECT parent.subscription_instance_id, child.subscription_instance_id, 0, ");
			if (x->value)
				q(&sb, x->value);
			else
				sb_add(&sb, "NULL");
			sb_add(&sb, " FROM subscription_instances AS parent JOIN subscription_instances AS child ON child.subscription_id = parent.subscription_id WHERE parent.product_block_id IN ");
			bid(&sb, ONE(x->b));
			sb_add(&sb, " AND child.product_block_id IN ");
			bid(&sb, ONE(x->a));
			sb_add(&sb, " AND child.subscription_id IN ");
			sids(&sb, SV(&keep));
			sb_add(&sb, " AND child.subscription_instance_id NOT IN (SELECT subscription_instance_relations.depends_on_id FROM subscription_instance_relations)");
			emit(out, &sb);
		}
		sb_add(&sb, "WITH parent_instances AS (SELECT subscription_instances.subscription_instance_id AS parent_id, subscription_instances.subscription_id AS subscription_id, gen_random_uuid() AS child_id FROM subscription_instances WHERE subscription_instances.product_block_id IN ");
		bid(&sb, ONE(x->b));
		if (keep.n) {   /* parents given a kept child above need no new one */
			sb_add(&sb, " AND NOT EXISTS (SELECT 1 FROM subscription_instance_relations JOIN subscription_instances AS child ON child.subscription_instance_id = subscription_instance_relations.depends_on_id WHERE subscription_instance_relations.in_use_by_id = subscription_instances.subscription_instance_id AND child.product_block_id IN ");
			bid(&sb, ONE(x->a));
			sb_addc(&sb, ')');
		}
		sb_add(&sb, "), child_instances AS (INSERT INTO subscription_instances (subscription_instance_id, subscription_id, product_block_id) SELECT parent_instances.child_id, parent_instances.subscription_id, ");
		bid(&sb, ONE(x->a));
		sb_add(&sb, " FROM parent_instances RETURNING subscription_instances.subscription_instance_id) INSERT INTO subscription_instance_relations (in_use_by_id, depends_on_id, order_id, domain_model_attr) SELECT parent_instances.parent_id, parent_instances.child_id, 0, ");
		if (x->value)
			q(&sb, x->value);
		else
			sb_add(&sb, "NULL");
		sb_add(&sb, " FROM parent_instances");
		emit(out, &sb);
	}
	free(order);
	r = &cs->default_values;                                               /* U21 (defect 7 fixed) */
	for (size_t i = 0; i < r->n; i++) {
		const struct cs_row *x = &r->v[i];
		sb_add(&sb, "INSERT INTO subscription_instance_values (subscription_instance_id, resource_type_id, value) SELECT subscription_instances.subscription_instance_id, resource_types.resource_type_id, ");
		q(&sb, x->value ? x->value : "");
		sb_add(&sb, " FROM subscription_instances CROSS JOIN resource_types WHERE subscription_instances.product_block_id IN ");
		bid(&sb, ONE(x->b));
		sb_add(&sb, " AND resource_types.resource_type = ");
		q(&sb, x->a);
		emit(out, &sb);
	}
	sb_free(&sb);
	sv_free(&bs);
	sv_free(&keep);
}

void sqlgen_downgrade(const struct changeset *cs, struct strvec *out)
{
	struct strvec bs = STRVEC_INIT, keep = STRVEC_INIT;
	struct strvec tmp = STRVEC_INIT;
	const struct cs_rows *r;

	r = &cs->create_rt_relations;                                          /* D1 */
	for (size_t i = 0, j; i < r->n; i = j) {
		j = group(r, i, &bs);
		unlink_resource_type(out, r->v[i].a, &bs);
	}
	r = &cs->update_block_resource_types;                                  /* D2, D3 */
	for (size_t i = 0; i < r->n; i++)
		repoint_block_resource_type(out, r->v[i].a, r->v[i].value, r->v[i].b, false);
	for (size_t i = 0; i < r->n; i++)
		repoint_block_resource_type(out, r->v[i].a, r->v[i].value, r->v[i].b, true);
	for (size_t i = 0; i < cs->create_resource_types.n; i++)               /* D4 */
		sv_push(&tmp, cs->create_resource_types.v[i].a);
	delete_resource_types(out, &tmp);
	sv_free(&tmp);
	r = &cs->create_product_blocks_rel;                                    /* D5 */
	for (size_t i = 0, j; i < r->n; i = j) {
		j = group(r, i, &bs);
		kept_for(cs, r->v[i].a, &keep);
		unlink_product_block(out, r->v[i].a, &bs, &keep);
	}
	r = &cs->create_block_relations;                                       /* D6 */
	for (size_t i = 0, j; i < r->n; i = j) {
		j = group(r, i, &bs);
		kept_for(cs, r->v[i].a, &keep);
		unlink_block(out, r->v[i].a, &bs, &keep);
	}
	r = &cs->delete_product_blocks_rel;    /* D6b: a kept block goes back to its product */
	for (size_t i = 0, j; i < r->n; i = j) {
		j = group(r, i, &bs);
		kept_for(cs, r->v[i].a, &keep);
		struct strvec back = STRVEC_INIT;
		for (size_t k = 0; k < bs.n; k++)
			if (sv_contains(&keep, bs.v[k]))
				sv_push(&back, bs.v[k]);
		if (back.n)
			link_product_block(out, r->v[i].a, &back);
		sv_free(&back);
	}
	r = &cs->create_fixed_inputs;                                          /* D7 */
	for (size_t i = 0, j; i < r->n; i = j) {
		j = group(r, i, &bs);
		delete_fixed_input(out, r->v[i].a, &bs);
	}
	for (size_t i = 0; i < cs->create_blocks.n; i++)                       /* D8 */
		sv_push(&tmp, cs->create_blocks.v[i].a);
	delete_blocks(out, &tmp);
	sv_free(&tmp);
	for (size_t i = 0; i < cs->create_products.n; i++)                     /* D9 */
		sv_push(&tmp, cs->create_products.v[i].a);
	delete_products(out, &tmp);
	sv_free(&tmp);
	r = &cs->delete_fixed_inputs;                                          /* D10 */
	for (size_t i = 0, j; i < r->n; i = j) {
		j = group(r, i, &bs);
		create_fixed_input(out, r, i, j);
	}
	for (size_t i = 0; i < cs->rename_resource_types.n; i++)               /* D11 */
		rename_resource_type(out, cs->rename_resource_types.v[i].value,
				     cs->rename_resource_types.v[i].a);
	for (size_t i = 0; i < cs->update_fixed_inputs.n; i++)                 /* D12 */
		rename_fixed_input(out, cs->update_fixed_inputs.v[i].a,
				   cs->update_fixed_inputs.v[i].value, cs->update_fixed_inputs.v[i].b);
	sv_free(&bs);
	sv_free(&keep);
}

/* ---- counting what the upgrade deletes ---- */

size_t sqlgen_loss_items(const struct changeset *cs, struct loss_item **items)
{
	size_t cap = cs->delete_rt_relations.n + cs->delete_block_relations.n +
		     cs->delete_product_blocks_rel.n + cs->delete_resource_types.n +
		     cs->delete_blocks.n + cs->delete_products.n + cs->keep_instances.n +
		     cs->rename_resource_types.n + cs->update_block_resource_types.n + 1;
	struct loss_item *v = xcalloc(cap, sizeof *v);
	size_t n = 0;
#define ADD(k, x, y, z) (v[n].kind = (k), v[n].a = (x), v[n].b = (y), v[n].c = (z), n++)
	for (size_t i = 0; i < cs->delete_rt_relations.n; i++)
		ADD(LOSS_RT_UNLINK, cs->delete_rt_relations.v[i].a, cs->delete_rt_relations.v[i].b, NULL);
	for (size_t i = 0; i < cs->delete_block_relations.n; i++)
		ADD(LOSS_BLOCK_UNLINK, cs->delete_block_relations.v[i].a, cs->delete_block_relations.v[i].b,
		    NULL);
	for (size_t i = 0; i < cs->delete_product_blocks_rel.n; i++) {
		const struct cs_row *r = &cs->delete_product_blocks_rel.v[i];
		bool kept = false;
		for (size_t j = 0; j < cs->keep_instances.n && !kept; j++)
			kept = !strcmp(cs->keep_instances.v[j].a, r->a) &&
			       !strcmp(cs->keep_instances.v[j].b, r->b);
		if (!kept)
			ADD(LOSS_PRODUCT_UNLINK, r->a, r->b, NULL);
	}
	for (size_t i = 0; i < cs->delete_resource_types.n; i++)
		ADD(LOSS_RT_DELETE, cs->delete_resource_types.v[i], NULL, NULL);
	for (size_t i = 0; i < cs->delete_blocks.n; i++)
		ADD(LOSS_BLOCK_DELETE, cs->delete_blocks.v[i], NULL, NULL);
	for (size_t i = 0; i < cs->delete_products.n; i++)
		ADD(LOSS_PRODUCT_DELETE, cs->delete_products.v[i], NULL, NULL);
	for (size_t i = 0; i < cs->keep_instances.n; i++)
		ADD(LOSS_KEEP_UNLINKED, cs->keep_instances.v[i].a, cs->keep_instances.v[i].b, NULL);
	for (size_t i = 0; i < cs->rename_resource_types.n; i++)
		ADD(LOSS_KEEP_RENAME, cs->rename_resource_types.v[i].a, cs->rename_resource_types.v[i].value,
		    NULL);
	for (size_t i = 0; i < cs->update_block_resource_types.n; i++)
		ADD(LOSS_KEEP_REPOINT, cs->update_block_resource_types.v[i].a,
		    cs->update_block_resource_types.v[i].b, cs->update_block_resource_types.v[i].value);
#undef ADD
	*items = v;
	return n;
}

/* The database's name (before the upgrade) of resource type rt as the
 * upgrade sees it after the global renames (U2). */
static const char *before_rename(const struct changeset *cs, const char *rt)
{
	for (size_t i = 0; i < cs->rename_resource_types.n; i++)
		if (!strcmp(cs->rename_resource_types.v[i].value, rt))
			return cs->rename_resource_types.v[i].a;
	return rt;
}

/* One UNION ALL list under construction (a CTE's body). */
struct ulist {
	struct strbuf sb;
	const char *empty;   /* the body when nothing was added */
};

static void u_add(struct ulist *u, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void u_add(struct ulist *u, const char *fmt, ...)
{
	va_list ap;
	if (u->sb.len)
		sb_add(&u->sb, " UNION ALL ");
	va_start(ap, fmt);
	int len = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	char *t = xmalloc((size_t)len + 1);
	va_start(ap, fmt);
	vsnprintf(t, (size_t)len + 1, fmt, ap);
	va_end(ap);
	sb_add(&u->sb, t);
	free(t);
}

static const char *u_body(struct ulist *u)
{
	return u->sb.len ? sb_str(&u->sb) : u->empty;
}

/* "(VALUES (k, 'a'[, 'b']), ...) AS t(k, a[, b])" over the items of kind
 * (names of b, or c for LOSS_KEEP_REPOINT's database name), or NULL when
 * there are none. */
static char *values_of_kind(const struct changeset *cs, const struct loss_item *items, size_t n,
			    enum loss_kind kind, int ncols)
{
	struct strbuf sb = STRBUF_INIT;
	for (size_t k = 0; k < n; k++) {
		if (items[k].kind != kind)
			continue;
		sb_addf(&sb, "%s(%zu, ", sb.len ? ", " : "(VALUES ", k);
		if (kind == LOSS_KEEP_REPOINT) {   /* block, the old type's name today */
			q(&sb, items[k].a);
			sb_add(&sb, ", ");
			q(&sb, before_rename(cs, items[k].b));
		} else {
			q(&sb, items[k].a);
			if (ncols > 1) {
				sb_add(&sb, ", ");
				q(&sb, items[k].b);
			}
		}
		sb_addc(&sb, ')');
	}
	if (!sb.len) {
		sb_free(&sb);
		return NULL;
	}
	sb_add(&sb, ncols > 1 ? ") AS t(k, a, b)" : ") AS t(k, a)");
	return sb_detach(&sb);
}

#define SI_JOIN_BLOCK " JOIN product_blocks AS b ON b.product_block_id = i.product_block_id"
#define SI_JOIN_PRODUCT " JOIN subscriptions AS s ON s.subscription_id = i.subscription_id" \
	" JOIN products AS p ON p.product_id = s.product_id"
#define V_JOIN_RT " JOIN resource_types AS rt ON rt.resource_type_id = v.resource_type_id"

/* The counting query, set-based: per table, the pairs (item, row) of every
 * item that deletes the row, joined by names against VALUES lists, then
 * the first item per row (the change that deletes it first), then the
 * counts per item. A constant number of scans whatever the number of
 * items (only a block removed from a parent block, rare, adds its own). */
void sqlgen_loss_query(const struct changeset *cs, const struct loss_item *items, size_t n,
		       struct strbuf *sql)
{
	struct ulist ip = { STRBUF_INIT, "SELECT NULL::int AS k, NULL::uuid AS id WHERE false" };
	struct ulist vp = { STRBUF_INIT, "SELECT NULL::int AS k, NULL::uuid AS id WHERE false" };
	struct ulist rp = { STRBUF_INIT, "SELECT NULL::int AS k, NULL::uuid AS a, NULL::uuid AS b, NULL::int AS c WHERE false" };
	struct ulist kiv = { STRBUF_INIT, "SELECT NULL::int AS k, NULL::bigint AS ni, NULL::bigint AS nv WHERE false" };
	struct strbuf x = STRBUF_INIT;
	struct strvec keep = STRVEC_INIT, parents = STRVEC_INIT;
	char *t;

	/* instances */
	if ((t = values_of_kind(cs, items, n, LOSS_BLOCK_DELETE, 1))) {            /* U7 */
		u_add(&ip, "SELECT t.k, i.subscription_instance_id AS id FROM subscription_instances AS i"
		      SI_JOIN_BLOCK " JOIN %s ON t.a = b.name", t);
		free(t);
	}
	if ((t = values_of_kind(cs, items, n, LOSS_PRODUCT_DELETE, 1))) {          /* U9 */
		u_add(&ip, "SELECT t.k, i.subscription_instance_id AS id FROM subscription_instances AS i"
		      SI_JOIN_PRODUCT " JOIN %s ON t.a = p.name", t);
		free(t);
	}
	if ((t = values_of_kind(cs, items, n, LOSS_PRODUCT_UNLINK, 2))) {          /* U5 */
		u_add(&ip, "SELECT t.k, i.subscription_instance_id AS id FROM subscription_instances AS i"
		      SI_JOIN_BLOCK SI_JOIN_PRODUCT " JOIN %s ON t.a = b.name AND t.b = p.name WHERE NOT EXISTS "
		      "(SELECT 1 FROM subscription_instance_relations AS u WHERE u.depends_on_id = i.subscription_instance_id)", t);
		free(t);
	}
	for (size_t k = 0; k < n; k++) {                                           /* U4 */
		const struct loss_item *it = &items[k];
		if (it->kind != LOSS_BLOCK_UNLINK)
			continue;
		sv_free(&parents);
		for (size_t i = 0; i < cs->delete_block_relations.n; i++)
			if (!strcmp(cs->delete_block_relations.v[i].a, it->a))
				sv_push(&parents, cs->delete_block_relations.v[i].b);
		kept_for(cs, it->a, &keep);
		sb_reset(&x);
		sb_add(&x, "i.product_block_id IN ");
		bid(&x, ONE(it->a));
		sb_add(&x, " AND i.subscription_instance_id IN (SELECT subscription_instance_relations.depends_on_id FROM subscription_instance_relations WHERE subscription_instance_relations.in_use_by_id IN ");
		binst(&x, ONE(it->b));
		sb_add(&x, ") AND i.subscription_instance_id NOT IN (SELECT subscription_instance_relations.depends_on_id FROM subscription_instance_relations WHERE subscription_instance_relations.in_use_by_id NOT IN ");
		binst(&x, SV(&parents));
		sb_addc(&x, ')');
		if (keep.n) {
			sb_add(&x, " AND i.subscription_id NOT IN ");
			sids(&x, SV(&keep));
		}
		u_add(&ip, "SELECT %zu, i.subscription_instance_id FROM subscription_instances AS i WHERE %s",
		      k, sb_str(&x));
		sb_reset(&x);
		sb_add(&x, "r.in_use_by_id IN ");
		binst(&x, ONE(it->b));
		sb_add(&x, " AND r.depends_on_id IN ");
		binst(&x, ONE(it->a));
		u_add(&rp, "SELECT %zu, r.in_use_by_id, r.depends_on_id, r.order_id FROM subscription_instance_relations AS r WHERE %s",
		      k, sb_str(&x));
	}

	/* values: of the deleted instances, and deleted directly */
	u_add(&vp, "SELECT fi.k, v.subscription_instance_value_id FROM subscription_instance_values AS v "
	      "JOIN fi ON fi.id = v.subscription_instance_id");
	if ((t = values_of_kind(cs, items, n, LOSS_RT_DELETE, 1))) {               /* U6 */
		u_add(&vp, "SELECT t.k, v.subscription_instance_value_id FROM subscription_instance_values AS v"
		      V_JOIN_RT " JOIN %s ON t.a = rt.resource_type", t);
		free(t);
	}
	if ((t = values_of_kind(cs, items, n, LOSS_RT_UNLINK, 2))) {               /* U3 */
		u_add(&vp, "SELECT t.k, v.subscription_instance_value_id FROM subscription_instance_values AS v"
		      V_JOIN_RT " JOIN subscription_instances AS i ON i.subscription_instance_id = v.subscription_instance_id"
		      SI_JOIN_BLOCK " JOIN %s ON t.a = rt.resource_type AND t.b = b.name", t);
		free(t);
	}
	/* relations: touching a deleted instance, and deleted directly (U4) */
	u_add(&rp, "SELECT fi.k, r.in_use_by_id, r.depends_on_id, r.order_id FROM subscription_instance_relations AS r "
	      "JOIN fi ON fi.id = r.in_use_by_id");
	u_add(&rp, "SELECT fi.k, r.in_use_by_id, r.depends_on_id, r.order_id FROM subscription_instance_relations AS r "
	      "JOIN fi ON fi.id = r.depends_on_id");

	/* kept: instances and values not deleted by any change */
	if ((t = values_of_kind(cs, items, n, LOSS_KEEP_UNLINKED, 2))) {
		u_add(&kiv, "SELECT t.k, count(DISTINCT i.subscription_instance_id), count(v.subscription_instance_value_id) "
		      "FROM subscription_instances AS i" SI_JOIN_BLOCK SI_JOIN_PRODUCT " JOIN %s ON t.a = b.name AND t.b = p.name "
		      "LEFT JOIN subscription_instance_values AS v ON v.subscription_instance_id = i.subscription_instance_id "
		      "AND NOT EXISTS (SELECT 1 FROM fv WHERE fv.id = v.subscription_instance_value_id) "
		      "WHERE NOT EXISTS (SELECT 1 FROM fi WHERE fi.id = i.subscription_instance_id) GROUP BY t.k", t);
		free(t);
	}
	if ((t = values_of_kind(cs, items, n, LOSS_KEEP_RENAME, 1))) {
		u_add(&kiv, "SELECT t.k, 0, count(*) FROM subscription_instance_values AS v" V_JOIN_RT
		      " JOIN %s ON t.a = rt.resource_type WHERE NOT EXISTS (SELECT 1 FROM fv WHERE fv.id = "
		      "v.subscription_instance_value_id) GROUP BY t.k", t);
		free(t);
	}
	if ((t = values_of_kind(cs, items, n, LOSS_KEEP_REPOINT, 2))) {
		u_add(&kiv, "SELECT t.k, 0, count(*) FROM subscription_instance_values AS v" V_JOIN_RT
		      " JOIN subscription_instances AS i ON i.subscription_instance_id = v.subscription_instance_id"
		      SI_JOIN_BLOCK " JOIN %s ON t.a = b.name AND t.b = rt.resource_type WHERE NOT EXISTS "
		      "(SELECT 1 FROM fv WHERE fv.id = v.subscription_instance_value_id) GROUP BY t.k", t);
		free(t);
	}

	sb_addf(sql, "WITH ip(k, id) AS (%s), fi AS (SELECT id, min(k) AS k FROM ip GROUP BY id), ", u_body(&ip));
	sb_addf(sql, "vp(k, id) AS (%s), fv AS (SELECT id, min(k) AS k FROM vp GROUP BY id), ", u_body(&vp));
	sb_addf(sql, "rp(k, a, b, c) AS (%s), fr AS (SELECT a, b, c, min(k) AS k FROM rp GROUP BY a, b, c), ", u_body(&rp));
	/* subscriptions and processes: deleted products only (U9) */
	t = values_of_kind(cs, items, n, LOSS_PRODUCT_DELETE, 1);
	if (t) {
		sb_addf(sql, "sc(k, n) AS (SELECT t.k, count(*) FROM subscriptions AS s JOIN products AS p ON "
			"p.product_id = s.product_id JOIN %s ON t.a = p.name GROUP BY t.k), ", t);
		sb_addf(sql, "pp(k, pid) AS (SELECT t.k, ps.pid FROM processes_subscriptions AS ps JOIN subscriptions AS s ON "
			"s.subscription_id = ps.subscription_id JOIN products AS p ON p.product_id = s.product_id "
			"JOIN %s ON t.a = p.name WHERE NOT EXISTS (SELECT 1 FROM processes_subscriptions AS o JOIN "
			"subscriptions AS os ON os.subscription_id = o.subscription_id JOIN products AS op ON "
			"op.product_id = os.product_id WHERE o.pid = ps.pid AND op.name NOT IN ", t);
		names(sql, SV(&cs->delete_products));
		sb_add(sql, ")), fp AS (SELECT pid, min(k) AS k FROM pp GROUP BY pid), ");
		free(t);
	} else {
		sb_add(sql, "sc AS (SELECT NULL::int AS k, NULL::bigint AS n WHERE false), "
			    "fp AS (SELECT NULL::uuid AS pid, NULL::int AS k WHERE false), ");
	}
	sb_addf(sql, "kiv(k, ni, nv) AS (%s) ", u_body(&kiv));
	sb_add(sql, "SELECT it.k, coalesce(sc.n, 0), coalesce(ci.n, kiv.ni, 0), coalesce(cv.n, kiv.nv, 0), "
		    "coalesce(cr.n, 0), coalesce(cp.n, 0) FROM (VALUES ");
	for (size_t k = 0; k < n; k++)
		sb_addf(sql, "%s(%zu)", k ? ", " : "", k);
	sb_add(sql, ") AS it(k) LEFT JOIN sc ON sc.k = it.k "
		    "LEFT JOIN (SELECT k, count(*) AS n FROM fi GROUP BY k) AS ci ON ci.k = it.k "
		    "LEFT JOIN (SELECT k, count(*) AS n FROM fv GROUP BY k) AS cv ON cv.k = it.k "
		    "LEFT JOIN (SELECT k, count(*) AS n FROM fr GROUP BY k) AS cr ON cr.k = it.k "
		    "LEFT JOIN (SELECT k, count(*) AS n FROM fp GROUP BY k) AS cp ON cp.k = it.k "
		    "LEFT JOIN kiv ON kiv.k = it.k ORDER BY it.k");
	sb_free(&ip.sb);
	sb_free(&vp.sb);
	sb_free(&rp.sb);
	sb_free(&kiv.sb);
	sb_free(&x);
	sv_free(&keep);
	sv_free(&parents);
}
