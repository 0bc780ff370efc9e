/* dsummary.c - the plain-English summary of a change set, its deletions
 * counted in the database. */
#include "config.h"
#include "dsummary.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libpq-fe.h>

#include "sqlgen.h"

static void add(struct dsum *s, enum dsum_kind kind, const struct dsum_counts *n, char *text)
{
	if (s->n == s->cap) {
		s->cap = s->cap ? 2 * s->cap : 16;
		s->v = xrealloc(s->v, s->cap * sizeof *s->v);
	}
	struct dsum_line *l = &s->v[s->n++];
	l->kind = kind;
	l->text = text;
	if (n)
		l->n = *n;
	else
		memset(&l->n, 0, sizeof l->n);
}

static const char *plural(long n, const char *one, const char *many)
{
	return n == 1 ? one : many;
}

/* "1 subscription, 4 instances, ..." for the counts asked for (each flag a
 * column), appended to sb. */
static void counts_text(struct strbuf *sb, const struct dsum_counts *c, bool subs, bool inst,
			bool vals, bool rels, bool procs)
{
	const char *sep = "";
#define COL(on, n, one, many) \
	if (on) { sb_addf(sb, "%s%ld %s", sep, (n), plural((n), one, many)); sep = ", "; }
	COL(subs, c->subscriptions, "subscription", "subscriptions");
	COL(inst, c->instances, "instance", "instances");
	COL(vals, c->values, "value", "values");
	COL(rels, c->relations, "relation", "relations");
	COL(procs, c->processes, "process", "processes");
#undef COL
}

/* "3 products to create: A, B, C" */
static void names_line(struct dsum *s, size_t n, const char *one, const char *many,
		       const char *verb, const char *const *names, size_t stride)
{
	if (!n)
		return;
	struct strbuf sb = STRBUF_INIT;
	sb_addf(&sb, "%zu %s to %s: ", n, plural((long)n, one, many), verb);
	for (size_t i = 0; i < n; i++)
		sb_addf(&sb, "%s%s", i ? ", " : "", names[i * stride]);
	add(s, DSUM_CREATE, NULL, sb_detach(&sb));
}

static void rows_names(const struct cs_rows *r, struct strvec *out)
{
	for (size_t i = 0; i < r->n; i++)
		sv_push(out, r->v[i].a);
}

static const char *quoted_or_asked(const char *v, char **tmp)
{
	*tmp = v ? xasprintf("'%s'", v) : xstrdup("a value still to be asked");
	return *tmp;
}

/* Whether instances of block are kept (in product's subscriptions; any
 * product when NULL): no new ones are made there. */
static bool kept(const struct changeset *cs, const char *block, const char *product)
{
	for (size_t i = 0; i < cs->keep_instances.n; i++)
		if (!strcmp(cs->keep_instances.v[i].a, block) &&
		    (!product || !strcmp(cs->keep_instances.v[i].b, product)))
			return true;
	return false;
}

void dsum_make(const struct changeset *cs, const struct dsum_counts *counts, struct dsum *out)
{
	memset(out, 0, sizeof *out);
	out->counted = counts != NULL;
	struct loss_item *items = NULL;
	size_t ni = sqlgen_loss_items(cs, &items);
	char *tmp = NULL;

	if (changeset_is_empty(cs)) {
		add(out, DSUM_NOTE, NULL, xstrdup("Nothing to do: the models and the database agree"));
		free(items);
		return;
	}

	/* decisions */
	for (size_t i = 0; i < cs->update_fixed_inputs.n; i++) {
		const struct cs_row *r = &cs->update_fixed_inputs.v[i];
		add(out, DSUM_RENAME, NULL, xasprintf("Rename fixed input %s of product %s to %s (keeps its value)",
						      r->b, r->a, r->value));
	}
	for (size_t k = 0; k < ni; k++) {
		const struct loss_item *it = &items[k];
		if (it->kind != LOSS_KEEP_RENAME && it->kind != LOSS_KEEP_REPOINT)
			continue;
		struct strbuf sb = STRBUF_INIT;
		if (it->kind == LOSS_KEEP_RENAME)
			sb_addf(&sb, "Rename resource type %s to %s", it->a, it->b);
		else
			sb_addf(&sb, "Replace resource type %s with %s in product block %s", it->b, it->c, it->a);
		if (counts)
			sb_addf(&sb, " (keeps %ld %s)", counts[k].values,
				plural(counts[k].values, "value", "values"));
		add(out, DSUM_RENAME, counts ? &counts[k] : NULL, sb_detach(&sb));
	}

	/* creations */
	struct strvec names = STRVEC_INIT;
	rows_names(&cs->create_products, &names);
	names_line(out, names.n, "product", "products", "create", (const char *const *)names.v, 1);
	sv_free(&names);
	for (size_t i = 0; i < cs->create_fixed_inputs.n; i++) {
		const struct cs_row *r = &cs->create_fixed_inputs.v[i];
		add(out, DSUM_CREATE, NULL, xasprintf("Add fixed input %s to product %s with %s", r->a, r->b,
						      quoted_or_asked(r->value, &tmp)));
		free(tmp);
	}
	rows_names(&cs->create_blocks, &names);
	names_line(out, names.n, "product block", "product blocks", "create",
		   (const char *const *)names.v, 1);
	sv_free(&names);
	rows_names(&cs->create_resource_types, &names);
	names_line(out, names.n, "resource type", "resource types", "create",
		   (const char *const *)names.v, 1);
	sv_free(&names);
	for (size_t i = 0; i < cs->create_product_blocks_rel.n; i++) {
		const struct cs_row *r = &cs->create_product_blocks_rel.v[i];
		add(out, DSUM_CREATE, NULL, xasprintf("Add product block %s to product %s", r->a, r->b));
	}
	for (size_t i = 0; i < cs->create_block_relations.n; i++) {
		const struct cs_row *r = &cs->create_block_relations.v[i];
		add(out, DSUM_CREATE, NULL, xasprintf("Add product block %s under product block %s", r->a, r->b));
	}
	for (size_t i = 0; i < cs->create_rt_relations.n; i++) {
		const struct cs_row *r = &cs->create_rt_relations.v[i];
		add(out, DSUM_CREATE, NULL, xasprintf("Add resource type %s to product block %s", r->a, r->b));
	}
	for (size_t i = 0; i < cs->default_values.n; i++) {
		const struct cs_row *r = &cs->default_values.v[i];
		long n = r->value2 ? strtol(r->value2, NULL, 10) : 0;
		add(out, DSUM_CREATE, NULL,
		    xasprintf("Set resource type %s to %s in the instances of product block %s (%ld %s)",
			      r->a, quoted_or_asked(r->value, &tmp), r->b, n,
			      plural(n, "instance", "instances")));
		free(tmp);
	}

	/* kept */
	for (size_t k = 0; k < ni; k++) {
		const struct loss_item *it = &items[k];
		if (it->kind != LOSS_KEEP_UNLINKED)
			continue;
		struct strbuf sb = STRBUF_INIT;
		sb_addf(&sb, "Keep product block %s in the subscriptions of product %s", it->a, it->b);
		if (counts) {
			sb_add(&sb, " (");
			counts_text(&sb, &counts[k], false, true, true, false, false);
			sb_add(&sb, ")");
		}
		sb_add(&sb, ": the models still reach it from that product");
		add(out, DSUM_KEEP, counts ? &counts[k] : NULL, sb_detach(&sb));
	}

	/* deletions, in the upgrade's order */
	struct dsum_counts total = { 0, 0, 0, 0, 0 };
	size_t ndel = 0;
	for (size_t k = 0; k < ni; k++) {
		const struct loss_item *it = &items[k];
		struct strbuf sb = STRBUF_INIT;
		bool subs = false, inst = false, vals = true, rels = false, procs = false;
		switch (it->kind) {
		case LOSS_RT_UNLINK:
			sb_addf(&sb, "Remove resource type %s from product block %s", it->a, it->b);
			break;
		case LOSS_BLOCK_UNLINK:
			sb_addf(&sb, "Remove product block %s from product block %s", it->a, it->b);
			inst = rels = true;
			break;
		case LOSS_PRODUCT_UNLINK:
			sb_addf(&sb, "Remove product block %s from product %s", it->a, it->b);
			inst = rels = true;
			break;
		case LOSS_RT_DELETE:
			sb_addf(&sb, "Delete resource type %s", it->a);
			break;
		case LOSS_BLOCK_DELETE:
			sb_addf(&sb, "Delete product block %s", it->a);
			inst = rels = true;
			break;
		case LOSS_PRODUCT_DELETE:
			sb_addf(&sb, "Delete product %s", it->a);
			subs = inst = rels = procs = true;
			break;
		default:
			sb_free(&sb);
			continue;
		}
		if (counts) {
			sb_add(&sb, ": ");
			counts_text(&sb, &counts[k], subs, inst, vals, rels, procs);
			total.subscriptions += counts[k].subscriptions;
			total.instances += counts[k].instances;
			total.values += counts[k].values;
			total.relations += counts[k].relations;
			total.processes += counts[k].processes;
		} else {
			sb_add(&sb, procs ? " with its subscriptions, their instances, values, relations and "
					    "the processes of no other product"
			       : inst ? " with its instances there, their values and relations"
			       : " with its values");
		}
		add(out, DSUM_DELETE, counts ? &counts[k] : NULL, sb_detach(&sb));
		ndel++;
	}
	for (size_t i = 0; i < cs->delete_fixed_inputs.n; i++) {
		const struct cs_row *r = &cs->delete_fixed_inputs.v[i];
		add(out, DSUM_DELETE, NULL, xasprintf("Delete fixed input %s of product %s (value %s)", r->a, r->b,
						      quoted_or_asked(r->value, &tmp)));
		free(tmp);
		ndel++;
	}
	out->total = total;
	if (counts) {
		struct strbuf sb = STRBUF_INIT;
		if (total.subscriptions || total.instances || total.values || total.relations ||
		    total.processes) {
			sb_add(&sb, "In all the upgrade deletes ");
			counts_text(&sb, &total, true, true, true, true, true);
		} else {
			sb_add(&sb, "The upgrade deletes no subscription, instance, value, relation or process");
		}
		add(out, DSUM_NOTE, &total, sb_detach(&sb));
	}
	if (ndel)
		add(out, DSUM_NOTE, NULL, xstrdup("A downgrade does not bring back what the upgrade deletes"));
	/* instances made for existing blocks: values only for new resource types */
	bool bare = false;
	for (size_t i = 0; i < cs->create_product_blocks_rel.n && !bare; i++)
		bare = sv_contains(&cs->existing_blocks, cs->create_product_blocks_rel.v[i].a) &&
		       sv_contains(&cs->existing_products, cs->create_product_blocks_rel.v[i].b) &&
		       !kept(cs, cs->create_product_blocks_rel.v[i].a, cs->create_product_blocks_rel.v[i].b);
	for (size_t i = 0; i < cs->create_block_relations.n && !bare; i++)
		bare = sv_contains(&cs->existing_blocks, cs->create_block_relations.v[i].a) &&
		       sv_contains(&cs->existing_blocks, cs->create_block_relations.v[i].b) &&
		       !kept(cs, cs->create_block_relations.v[i].a, NULL);
	if (bare)
		add(out, DSUM_NOTE, NULL,
		    xstrdup("New instances of existing product blocks get default values only for new "
			    "resource types; add the values of their other resource types by hand"));
	free(items);
}

int dsum_build(struct pg_conn *conn, const struct changeset *cs, struct dsum *out,
	       struct wfo_error *err)
{
	struct loss_item *items = NULL;
	size_t n = sqlgen_loss_items(cs, &items);
	struct dsum_counts *counts = xcalloc(n + 1, sizeof *counts);
	memset(out, 0, sizeof *out);
	if (n) {
		struct strbuf sql = STRBUF_INIT;
		sqlgen_loss_query(cs, items, n, &sql);
		PGresult *res = PQexec(conn, sb_str(&sql));
		sb_free(&sql);
		if (PQresultStatus(res) != PGRES_TUPLES_OK || (size_t)PQntuples(res) != n ||
		    PQnfields(res) != 6) {
			const char *m = PQresultErrorMessage(res);
			wfo_fail(err, WFO_DB, "counting what the upgrade deletes failed: %s",
				 m && *m ? m : "unexpected result");
			PQclear(res);
			free(items);
			free(counts);
			return -1;
		}
		for (size_t k = 0; k < n; k++) {
			size_t i = (size_t)strtoul(PQgetvalue(res, (int)k, 0), NULL, 10);
			if (i >= n)
				continue;
			counts[i].subscriptions = strtol(PQgetvalue(res, (int)k, 1), NULL, 10);
			counts[i].instances = strtol(PQgetvalue(res, (int)k, 2), NULL, 10);
			counts[i].values = strtol(PQgetvalue(res, (int)k, 3), NULL, 10);
			counts[i].relations = strtol(PQgetvalue(res, (int)k, 4), NULL, 10);
			counts[i].processes = strtol(PQgetvalue(res, (int)k, 5), NULL, 10);
		}
		PQclear(res);
	}
	free(items);
	dsum_make(cs, counts, out);
	free(counts);
	return 0;
}

void dsum_render(const struct dsum *s, struct strbuf *out)
{
	for (size_t i = 0; i < s->n; i++)
		sb_addf(out, "%s\n", s->v[i].text);
}

size_t dsum_deletions(const struct dsum *s)
{
	size_t n = 0;
	for (size_t i = 0; i < s->n; i++)
		n += s->v[i].kind == DSUM_DELETE;
	return n;
}

void dsum_free(struct dsum *s)
{
	for (size_t i = 0; i < s->n; i++)
		free(s->v[i].text);
	free(s->v);
	memset(s, 0, sizeof *s);
}
