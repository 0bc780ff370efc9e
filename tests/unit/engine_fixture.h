/* engine_fixture.h - catalogues for the engine's unit tests: the seed
 * tutorial's models (User Group / User internal / User external) and
 * helpers to run a whole diff -> plan -> SQL pass. Static functions only,
 * included by tests/unit/test_{diff,plan,sqlgen,answers}.c. */
#ifndef WFO_ENGINE_FIXTURE_H
#define WFO_ENGINE_FIXTURE_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "answers.h"
#include "diff.h"
#include "plan.h"
#include "sqlgen.h"

/* The tutorial's registry: UserGroup and User (two products, fixed input
 * affiliation), blocks UserGroupBlock (group_name, group_id) and UserBlock
 * (group -> UserGroupBlock, username, age, user_id). No prefills.
 * fx_seed_model_age: the same with UserBlock's age named age_name, its
 * resource type's description prefill age_desc (may be NULL). */
static inline struct dm_catalog *fx_seed_model_age(const char *age_name, const char *age_desc)
{
	struct dm_catalog *m = dm_catalog_new();
	struct dm_product *g = dm_add_product(m, "User Group", "UserGroup", NULL, NULL);
	dm_product_add_block(g, "UserGroupBlock");
	struct dm_product *i = dm_add_product(m, "User internal", "User", NULL, NULL);
	dm_product_add_fixed_input(i, "affiliation", NULL);
	dm_product_add_block(i, "UserBlock");
	struct dm_product *e = dm_add_product(m, "User external", "User", NULL, NULL);
	dm_product_add_fixed_input(e, "affiliation", NULL);
	dm_product_add_block(e, "UserBlock");
	struct dm_block *gb = dm_add_block(m, "UserGroupBlock", NULL, NULL);
	dm_block_add_resource_type(gb, "group_name");
	dm_block_add_resource_type(gb, "group_id");
	struct dm_block *ub = dm_add_block(m, "UserBlock", NULL, NULL);
	dm_block_add_child(ub, "UserGroupBlock", "group");
	dm_block_add_resource_type(ub, "username");
	dm_block_add_resource_type(ub, age_name);
	dm_block_add_resource_type(ub, "user_id");
	for (const char *const *r = (const char *const[]){ "group_name", "group_id", "username",
							    "user_id", NULL }; *r; r++)
		dm_add_resource_type(m, *r, NULL);
	dm_add_resource_type(m, age_name, age_desc);
	return m;
}

static inline struct dm_catalog *fx_seed_model(void)
{
	return fx_seed_model_age("age", NULL);
}

/* The database after the tutorial's migration (same catalogue), with
 * subs subscriptions per product and inst instances per block. */
static inline struct dm_catalog *fx_seed_db(long subs, long inst)
{
	struct dm_catalog *d = fx_seed_model();
	for (size_t i = 0; i < d->n_products; i++) {
		d->products[i]->subscriptions = subs;
		d->products[i]->description = xstrdup("d");
		d->products[i]->tag = xstrdup("T");
		for (size_t j = 0; j < d->products[i]->n_fixed_inputs; j++)
			d->products[i]->fixed_inputs[j].value =
				xstrdup(strstr(d->products[i]->name, "internal") ? "internal" : "external");
	}
	for (size_t i = 0; i < d->n_blocks; i++) {
		d->blocks[i]->instances = inst;
		for (size_t j = 0; j < d->blocks[i]->n_children; j++) {
			free(d->blocks[i]->children[j].attr);
			d->blocks[i]->children[j].attr = NULL;
		}
	}
	return d;
}

/* One pass: diff, plan, every open question answered from answers (key
 * path, value pairs, NULL-terminated; confirmation yes), change set, SQL. */
struct fx_run {
	struct dm_catalog *model, *db;
	struct diff diff;
	struct plan *plan;
	struct changeset cs;
	struct strvec up, down;
};

static inline void fx_run_free(struct fx_run *r)
{
	sv_free(&r->up);
	sv_free(&r->down);
	changeset_free(&r->cs);
	plan_free(r->plan);
	diff_free(&r->diff);
	dm_catalog_free(r->model);
	dm_catalog_free(r->db);
}

/* Returns 0 when every question got an answer and the SQL was made. */
static inline int fx_run(struct fx_run *r, struct dm_catalog *model, struct dm_catalog *db,
		  const char *updates_json, const char *const *answers)
{
	struct wfo_error err;
	memset(r, 0, sizeof(*r));
	r->model = model;
	r->db = db;
	if (diff_compute(model, db, NULL, &r->diff, &err) < 0)
		return -1;
	r->plan = plan_new(model, db, &r->diff);
	if (updates_json && answers_load_updates(r->plan, updates_json, &err) < 0)
		return -1;
	for (const char *const *a = answers; a && *a; a += 2)
		plan_set_answer(r->plan, a[0], a[1]);
	plan_set_answer(r->plan, "--yes", "y");
	if (plan_validate(r->plan, &err) < 0) {
		fprintf(stderr, "validate: %s\n", err.msg);
		return -1;
	}
	if (plan_changeset(r->plan, &r->cs, &err) < 0)
		return -1;
	sqlgen_upgrade(&r->cs, &r->up);
	sqlgen_downgrade(&r->cs, &r->down);
	return 0;
}

#endif
