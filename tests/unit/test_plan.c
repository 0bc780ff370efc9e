/* test_plan.c - the question list (order, wording, keys), rename questions
 * and their recomputation, validation, and the change set (docs/REFERENCE.md: change sets, docs/REFERENCE.md: has instances). */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "plan.h"
#include "dsummary.h"
#include "engine_fixture.h"

/* The seed tutorial (/work/shared/seeds/001): its questions, headers and
 * wording, names sorted. */
static void seed_tutorial_questions(void **state)
{
	(void)state;
	struct dm_catalog *m = fx_seed_model(), *d = dm_catalog_new();
	struct diff df;
	struct wfo_error err;
	assert_int_equal(diff_compute(m, d, NULL, &df, &err), 0);
	struct plan *p = plan_new(m, d, &df);
	static const char *const want[][4] = {
		{ "Create new products", "Product: UserGroup User Group", "Supply the product description: ", "inputs[\"User Group\"][\"description\"]" },
		{ "Create new products", "Product: UserGroup User Group", "Supply the product tag: ", "inputs[\"User Group\"][\"tag\"]" },
		{ "Create new products", "Product: User User external", "Supply the product description: ", "inputs[\"User external\"][\"description\"]" },
		{ "Create new products", "Product: User User external", "Supply the product tag: ", "inputs[\"User external\"][\"tag\"]" },
		{ "Create new products", "Product: User User internal", "Supply the product description: ", "inputs[\"User internal\"][\"description\"]" },
		{ "Create new products", "Product: User User internal", "Supply the product tag: ", "inputs[\"User internal\"][\"tag\"]" },
		{ "Create fixed inputs", NULL, "Supply fixed input value for product User external and fixed input affiliation: ", "inputs[\"User external\"][\"affiliation\"]" },
		{ "Create fixed inputs", NULL, "Supply fixed input value for product User internal and fixed input affiliation: ", "inputs[\"User internal\"][\"affiliation\"]" },
		{ "Create product blocks", "Product block: UserBlock", "Supply the product block description: ", "inputs[\"UserBlock\"][\"description\"]" },
		{ "Create product blocks", "Product block: UserBlock", "Supply the product block tag: ", "inputs[\"UserBlock\"][\"tag\"]" },
		{ "Create product blocks", "Product block: UserGroupBlock", "Supply the product block description: ", "inputs[\"UserGroupBlock\"][\"description\"]" },
		{ "Create product blocks", "Product block: UserGroupBlock", "Supply the product block tag: ", "inputs[\"UserGroupBlock\"][\"tag\"]" },
		{ "Create resource types", NULL, "Supply description for new resource type age: ", "inputs[\"age\"][\"description\"]" },
		{ "Create resource types", NULL, "Supply description for new resource type group_id: ", "inputs[\"group_id\"][\"description\"]" },
		{ "Create resource types", NULL, "Supply description for new resource type group_name: ", "inputs[\"group_name\"][\"description\"]" },
		{ "Create resource types", NULL, "Supply description for new resource type user_id: ", "inputs[\"user_id\"][\"description\"]" },
		{ "Create resource types", NULL, "Supply description for new resource type username: ", "inputs[\"username\"][\"description\"]" },
		{ NULL, NULL, "Confirm the above actions", "--yes" },
	};
	size_t n = sizeof(want) / sizeof(want[0]);
	assert_int_equal(plan_count(p), n);
	for (size_t i = 0; i < n; i++) {
		const struct plan_question *q = plan_question(p, i);
		if (want[i][0])
			assert_string_equal(q->group, want[i][0]);
		else
			assert_null(q->group);
		if (want[i][1])
			assert_string_equal(q->context, want[i][1]);
		else
			assert_null(q->context);
		assert_string_equal(q->text, want[i][2]);
		assert_string_equal(q->key_path, want[i][3]);
		assert_null(q->answer);
	}
	/* answering in order, as the line driver does */
	static const char *const ans[] = { "user group administration", "GROUP",
		"user administration - external", "USER_EXT", "user administration - internal",
		"USER_INT", "external", "internal", "user block", "UB", "user group block", "UGB",
		"age of the user", "id of the user group", "name of the user group",
		"id of the user", "name of the user", "y" };
	for (size_t i = 0; i < n; i++) {
		size_t k = plan_next_open(p);
		assert_int_equal(k, i);
		assert_int_equal(plan_answer(p, k, ans[i], &err), 0);
	}
	assert_int_equal(plan_next_open(p), PLAN_NONE);
	assert_true(plan_confirmed(p));
	assert_int_equal(plan_validate(p, &err), 0);
	struct changeset cs;
	assert_int_equal(plan_changeset(p, &cs, &err), 0);
	assert_int_equal(cs.create_products.n, 3);
	assert_string_equal(cs.create_products.v[2].a, "User internal");
	assert_string_equal(cs.create_products.v[2].b, "User");
	assert_string_equal(cs.create_products.v[2].value, "user administration - internal");
	assert_string_equal(cs.create_products.v[2].value2, "USER_INT");
	assert_int_equal(cs.create_block_relations.n, 1);
	assert_string_equal(cs.create_block_relations.v[0].value, "group");
	assert_int_equal(cs.default_values.n, 0);
	changeset_free(&cs);
	plan_free(p);
	diff_free(&df);
	dm_catalog_free(m);
	dm_catalog_free(d);
}

static void answers_are_validated(void **state)
{
	(void)state;
	struct dm_catalog *m = fx_seed_model(), *d = dm_catalog_new();
	struct diff df;
	struct wfo_error err;
	diff_compute(m, d, NULL, &df, &err);
	struct plan *p = plan_new(m, d, &df);
	assert_int_equal(plan_answer(p, 1, "   ", &err), -1);
	assert_string_equal(err.msg, "inputs[\"User Group\"][\"tag\"]: a value is required");
	assert_int_equal(plan_answer(p, 1, "ABCDEFGHIJKLMNOPQRSTU", &err), -1);
	assert_string_equal(err.msg, "inputs[\"User Group\"][\"tag\"]: 21 characters, at most 20 fit (tags are short codes)");
	/* 20 characters of two bytes each fit: the limit counts characters */
	assert_int_equal(plan_answer(p, 1, "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9"
					     "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9", &err), 0);
	/* trimmed */
	assert_int_equal(plan_answer(p, 0, "  desc \n", &err), 0);
	assert_string_equal(plan_question(p, 0)->answer, "desc");
	/* missing answers and a too long tag prefilled from --inputs are listed by key */
	plan_set_answer(p, "inputs[\"User external\"][\"tag\"]", "THIS_TAG_IS_WAY_TOO_LONG");
	assert_int_equal(plan_validate(p, &err), -1);
	assert_int_equal(err.status, WFO_INPUT);
	assert_non_null(strstr(err.msg, "inputs[\"User external\"][\"tag\"]: 24 characters, at most 20 fit"));
	assert_non_null(strstr(err.msg, "Missing answers:\ninputs[\"User external\"][\"description\"] (Supply the product description: )"));
	/* product type must match the model (reference defect 4) */
	plan_set_answer(p, "inputs[\"User external\"][\"tag\"]", "OK");
	plan_set_answer(p, "inputs[\"User external\"][\"product_type\"]", "Usr");
	assert_int_equal(plan_validate(p, &err), -1);
	assert_non_null(strstr(err.msg, "inputs[\"User external\"][\"product_type\"]: product type 'Usr' differs from the model's 'User'"));
	plan_set_answer(p, "inputs[\"User external\"][\"product_type\"]", "User");
	assert_int_equal(plan_validate(p, &err), -1);
	assert_int_equal(err.status, WFO_UNANSWERED);
	struct changeset cs;
	assert_int_equal(plan_changeset(p, &cs, &err), -1);
	assert_int_equal(err.status, WFO_UNANSWERED);
	plan_free(p);
	diff_free(&df);
	dm_catalog_free(m);
	dm_catalog_free(d);
}

/* db: UserBlock still has "name" where the model has "username". */
static struct dm_catalog *db_with_old_name(long inst)
{
	struct dm_catalog *d = fx_seed_db(2, inst);
	struct dm_block *ub = dm_find_block(d, "UserBlock");
	sv_free(&ub->resource_types);
	dm_block_add_resource_type(ub, "name");
	dm_block_add_resource_type(ub, "age");
	dm_block_add_resource_type(ub, "user_id");
	dm_find_resource_type(d, "username")->name[0] = 'X';  /* "Xsername": gone */
	dm_add_resource_type(d, "name", NULL);
	return d;
}

static void rename_question_recomputes_later_questions(void **state)
{
	(void)state;
	struct dm_catalog *m = fx_seed_model(), *d = db_with_old_name(3);
	struct diff df;
	struct wfo_error err;
	diff_compute(m, d, NULL, &df, &err);
	struct plan *p = plan_new(m, d, &df);
	const struct plan_question *q = plan_question(p, 0);
	assert_int_equal(q->kind, PQ_RT_RENAME);
	assert_string_equal(q->group, "Rename resource types");
	assert_string_equal(q->text, "Which resource type should rename name?");
	assert_string_equal(q->key_path, "updates[\"resource_types\"][\"name\"]");
	assert_int_equal(q->choices->n, 1);
	assert_string_equal(q->choices->v[0], "username");
	/* then per block (name is not renamed yet) */
	q = plan_question(p, 1);
	assert_int_equal(q->kind, PQ_BLOCK_RT_UPDATE);
	assert_string_equal(q->text, "Which resource type should update name?");
	assert_string_equal(q->key_path, "updates[\"block_resource_types\"][\"UserBlock\"][\"name\"]");
	/* before the rename: username is created, with a default value for the
	   block's 3 instances */
	size_t n = plan_count(p);
	q = plan_question(p, n - 3);
	assert_int_equal(q->kind, PQ_RT_DESCRIPTION);
	assert_string_equal(q->text, "Supply description for new resource type username: ");
	q = plan_question(p, n - 2);
	assert_int_equal(q->kind, PQ_DEFAULT_VALUE);
	assert_string_equal(q->text, "Supply default subscription instance value for resource type username and product block UserBlock: ");
	assert_string_equal(q->key_path, "inputs[\"username\"][\"UserBlock\"]");
	assert_int_equal(q->impact, 3);
	assert_int_equal(plan_answer(p, n - 3, "the user name", &err), 0);
	/* an answer that is not a choice is refused */
	assert_int_equal(plan_answer(p, 0, "age", &err), -1);
	assert_non_null(strstr(err.msg, "updates[\"resource_types\"][\"name\"]: 'age' is not one of the choices ('username'"));
	/* rename: the per-block question, the description and the default go */
	assert_int_equal(plan_answer(p, 0, "username", &err), 0);
	assert_int_equal(plan_count(p), 2);   /* rename + confirm */
	assert_int_equal(plan_question(p, 1)->kind, PQ_CONFIRM);
	struct changeset cs;
	assert_int_equal(plan_changeset(p, &cs, &err), 0);
	assert_int_equal(cs.rename_resource_types.n, 1);
	assert_int_equal(cs.create_rt_relations.n, 0);
	assert_int_equal(cs.delete_rt_relations.n, 0);
	changeset_free(&cs);
	/* going back: declining brings the questions back with the kept answer */
	assert_int_equal(plan_answer(p, 0, "", &err), 0);
	assert_int_equal(plan_question(p, 1)->kind, PQ_BLOCK_RT_UPDATE);
	n = plan_count(p);
	assert_string_equal(plan_question(p, n - 3)->answer, "the user name");
	assert_null(plan_question(p, n - 2)->answer);
	/* per-block update instead: the old resource type stays, no create of relation */
	assert_int_equal(plan_answer(p, 1, "username", &err), 0);
	assert_int_equal(plan_answer(p, plan_next_open(p), "x", &err), 0); /* remaining: none but confirm? */
	assert_int_equal(plan_changeset(p, &cs, &err), 0);
	assert_int_equal(cs.update_block_resource_types.n, 1);
	assert_string_equal(cs.update_block_resource_types.v[0].value, "username");
	assert_int_equal(cs.create_resource_types.n, 1);
	assert_string_equal(cs.create_resource_types.v[0].value, "the user name");
	assert_int_equal(cs.delete_rt_relations.n, 0);
	assert_int_equal(cs.default_values.n, 0);
	changeset_free(&cs);
	plan_free(p);
	diff_free(&df);
	dm_catalog_free(m);
	dm_catalog_free(d);
}

/* docs/REFERENCE.md: has instances: a new resource type on a block with instances needs a default;
 * the --inputs "value" fallback answers it. */
static void default_value_needed_for_blocks_with_instances(void **state)
{
	(void)state;
	struct dm_catalog *m = fx_seed_model(), *d = fx_seed_db(5, 7);
	dm_block_add_resource_type(dm_find_block(m, "UserGroupBlock"), "group_mail");
	struct diff df;
	struct wfo_error err;
	diff_compute(m, d, NULL, &df, &err);
	struct plan *p = plan_new(m, d, &df);
	assert_int_equal(plan_count(p), 3);
	assert_int_equal(plan_question(p, 0)->kind, PQ_RT_DESCRIPTION);
	assert_int_equal(plan_question(p, 1)->kind, PQ_DEFAULT_VALUE);
	assert_int_equal(plan_question(p, 1)->impact, 7);
	plan_set_answer(p, "inputs[\"group_mail\"][\"value\"]", "none@example.com");
	assert_string_equal(plan_question(p, 1)->answer, "none@example.com");
	plan_set_answer(p, "inputs[\"group_mail\"][\"UserGroupBlock\"]", "g@example.com");
	assert_string_equal(plan_question(p, 1)->answer, "g@example.com");
	plan_free(p);
	diff_free(&df);
	/* no instances: no default value question */
	dm_catalog_free(d);
	d = fx_seed_db(0, 0);
	diff_compute(m, d, NULL, &df, &err);
	p = plan_new(m, d, &df);
	assert_int_equal(plan_count(p), 2);
	plan_free(p);
	diff_free(&df);
	dm_catalog_free(m);
	dm_catalog_free(d);
}

/* Reference defect 2: a name shared by several owners keeps all of them. */
static void defect02_grouping_keeps_every_owner(void **state)
{
	(void)state;
	struct dm_catalog *m = fx_seed_model(), *d = fx_seed_db(0, 0);
	for (size_t i = 0; i < m->n_products; i++)
		dm_product_add_fixed_input(m->products[i], "region", "eu");
	struct diff df;
	struct wfo_error err;
	diff_compute(m, d, NULL, &df, &err);
	struct plan *p = plan_new(m, d, &df);
	for (size_t i; (i = plan_next_open(p)) != PLAN_NONE;) {
		assert_string_equal(plan_question(p, i)->prefill ? plan_question(p, i)->prefill : "y", plan_question(p, i)->kind == PQ_CONFIRM ? "y" : "eu");
		assert_int_equal(plan_answer(p, i, plan_question(p, i)->kind == PQ_CONFIRM ? "y" : "eu", &err), 0);
	}
	struct changeset cs;
	assert_int_equal(plan_changeset(p, &cs, &err), 0);
	assert_int_equal(cs.create_fixed_inputs.n, 3);
	assert_string_equal(cs.create_fixed_inputs.v[0].b, "User Group");
	assert_string_equal(cs.create_fixed_inputs.v[1].b, "User external");
	assert_string_equal(cs.create_fixed_inputs.v[2].b, "User internal");
	changeset_free(&cs);
	plan_free(p);
	diff_free(&df);
	dm_catalog_free(m);
	dm_catalog_free(d);
}

/* Reference defect 3: several per-block updates of one block are all kept. */
static void defect03_every_block_update_pair_kept(void **state)
{
	(void)state;
	struct dm_catalog *m = fx_seed_model(), *d = fx_seed_db(0, 0);
	struct dm_block *ub = dm_find_block(m, "UserBlock");
	sv_free(&ub->resource_types);
	dm_block_add_resource_type(ub, "username2");
	dm_block_add_resource_type(ub, "age2");
	dm_block_add_resource_type(ub, "user_id");
	dm_block_add_resource_type(dm_find_block(m, "UserGroupBlock"), "age");
	dm_block_add_resource_type(dm_find_block(m, "UserGroupBlock"), "username");
	struct diff df;
	struct wfo_error err;
	diff_compute(m, d, NULL, &df, &err);
	struct plan *p = plan_new(m, d, &df);
	/* age and username are still used elsewhere: no global rename, per-block only */
	assert_int_equal(plan_question(p, 0)->kind, PQ_BLOCK_RT_UPDATE);
	assert_int_equal(plan_answer(p, 0, "age2", &err), 0);
	assert_int_equal(plan_question(p, 1)->kind, PQ_BLOCK_RT_UPDATE);
	assert_string_equal(plan_question(p, 1)->subject2, "username");
	assert_int_equal(plan_question(p, 1)->choices->n, 1);   /* age2 is taken */
	assert_int_equal(plan_answer(p, 1, "username2", &err), 0);
	for (size_t i; (i = plan_next_open(p)) != PLAN_NONE;)
		assert_int_equal(plan_answer(p, i, "d", &err), 0);
	struct changeset cs;
	assert_int_equal(plan_changeset(p, &cs, &err), 0);
	assert_int_equal(cs.update_block_resource_types.n, 2);
	assert_string_equal(cs.update_block_resource_types.v[0].b, "age");
	assert_string_equal(cs.update_block_resource_types.v[1].b, "username");
	char *up = answers_dump_updates(p);
	assert_string_equal(up, "{\n  \"block_resource_types\": {\n    \"UserBlock\": {\n      \"age\": \"age2\",\n"
				"      \"username\": \"username2\"\n    }\n  }\n}\n");
	free(up);
	changeset_free(&cs);
	plan_free(p);
	diff_free(&df);
	dm_catalog_free(m);
	dm_catalog_free(d);
}

static void fixed_input_rename_question(void **state)
{
	(void)state;
	struct dm_catalog *m = fx_seed_model(), *d = fx_seed_db(4, 0);
	struct dm_product *pi = dm_find_product(m, "User internal");
	free(pi->fixed_inputs[0].name);
	pi->fixed_inputs[0].name = xstrdup("origin");
	struct diff df;
	struct wfo_error err;
	diff_compute(m, d, NULL, &df, &err);
	struct plan *p = plan_new(m, d, &df);
	const struct plan_question *q = plan_question(p, 0);
	assert_int_equal(q->kind, PQ_FI_RENAME);
	assert_string_equal(q->group, "Update fixed inputs");
	assert_string_equal(q->text, "Do you wish to rename fixed input affiliation to origin for product User internal?");
	assert_string_equal(q->prefill, "");
	/* declined: the new fixed input needs a value, the old one is deleted */
	assert_int_equal(plan_answer(p, 0, "", &err), 0);
	assert_int_equal(plan_question(p, 1)->kind, PQ_FI_VALUE);
	assert_int_equal(plan_question(p, 1)->impact, 4);
	assert_int_equal(plan_answer(p, 0, "origin", &err), 0);
	assert_int_equal(plan_question(p, 1)->kind, PQ_CONFIRM);
	struct changeset cs;
	assert_int_equal(plan_changeset(p, &cs, &err), 0);
	assert_int_equal(cs.update_fixed_inputs.n, 1);
	assert_int_equal(cs.create_fixed_inputs.n, 0);
	assert_int_equal(cs.delete_fixed_inputs.n, 0);
	changeset_free(&cs);
	plan_free(p);
	diff_free(&df);
	dm_catalog_free(m);
	dm_catalog_free(d);
}

static void summary_names_impact_and_lost_data(void **state)
{
	(void)state;
	struct dm_catalog *m = fx_seed_model(), *d = fx_seed_db(3, 0);
	dm_add_product(d, "Old product", "Old", "d", "T")->subscriptions = 12;
	struct diff df;
	struct wfo_error err;
	diff_compute(m, d, NULL, &df, &err);
	struct plan *p = plan_new(m, d, &df);
	plan_set_answer(p, "--yes", "yes");
	struct changeset cs;
	assert_int_equal(plan_changeset(p, &cs, &err), 0);
	struct strbuf sb = STRBUF_INIT;
	changeset_render_summary(&cs, d, &sb);
	assert_string_equal(sb_str(&sb), "Delete product Old product with its subscriptions, their "
			    "instances, values, relations and the processes of no other product\n"
			    "A downgrade does not bring back what the upgrade deletes\n");
	sb_free(&sb);
	changeset_free(&cs);
	plan_free(p);
	diff_free(&df);
	dm_catalog_free(m);
	dm_catalog_free(d);
}

/* No change-set identifier (create_products:, delete_..., rename_...,
 * update_...) in a summary, counted or not. */
static void assert_plain(const struct dsum *s)
{
	static const char *const ids[] = { "create_", "delete_", "rename_", "update_", "_relations",
					   "->", NULL };
	for (size_t i = 0; i < s->n; i++)
		for (const char *const *id = ids; *id; id++)
			if (strstr(s->v[i].text, *id)) {
				fprintf(stderr, "identifier %s in: %s\n", *id, s->v[i].text);
				fail();
			}
}

static bool has_line(const struct dsum *s, const char *text)
{
	for (size_t i = 0; i < s->n; i++)
		if (!strcmp(s->v[i].text, text))
			return true;
	fprintf(stderr, "missing line: %s\n", text);
	for (size_t i = 0; i < s->n; i++)
		fprintf(stderr, "  have: %s\n", s->v[i].text);
	return false;
}

/* The summary in plain English: creations counted by kind, a chosen
 * rename shown as a rename with the values it keeps, every deletion with
 * the rows it removes (counts as the database query gives them). */
static void summary_plain_english_counted(void **state)
{
	(void)state;
	struct dm_catalog *m = fx_seed_model(), *d = dm_catalog_new();
	struct diff df;
	struct wfo_error err;
	assert_int_equal(diff_compute(m, d, NULL, &df, &err), 0);
	struct plan *p = plan_new(m, d, &df);
	struct changeset cs;
	plan_changeset_draft(p, &cs);
	struct dsum s;
	dsum_make(&cs, NULL, &s);
	assert_plain(&s);
	assert_true(has_line(&s, "3 products to create: User Group, User external, User internal"));
	assert_true(has_line(&s, "2 product blocks to create: UserBlock, UserGroupBlock"));
	assert_true(has_line(&s, "5 resource types to create: age, group_id, group_name, user_id, username"));
	assert_true(has_line(&s, "Add fixed input affiliation to product User internal with a value still to be asked"));
	assert_true(has_line(&s, "Add product block UserGroupBlock under product block UserBlock"));
	assert_int_equal(dsum_deletions(&s), 0);
	dsum_free(&s);
	changeset_free(&cs);
	plan_free(p);
	diff_free(&df);
	dm_catalog_free(m);
	dm_catalog_free(d);

	/* age renamed to user_age, a product deleted */
	m = fx_seed_model_age("user_age", NULL);
	d = fx_seed_db(3, 2);
	dm_add_product(d, "Old product", "Old", "d", "T")->subscriptions = 1;
	assert_int_equal(diff_compute(m, d, NULL, &df, &err), 0);
	p = plan_new(m, d, &df);
	assert_int_equal(answers_load_updates(p, "{\"resource_types\": {\"age\": \"user_age\"}}", &err), 0);
	plan_changeset_draft(p, &cs);
	struct loss_item *items = NULL;
	size_t n = sqlgen_loss_items(&cs, &items);
	struct dsum_counts *c = calloc(n + 1, sizeof *c);
	for (size_t k = 0; k < n; k++) {
		if (items[k].kind == LOSS_PRODUCT_DELETE)
			c[k] = (struct dsum_counts){ 1, 4, 9, 2, 3 };
		else if (items[k].kind == LOSS_KEEP_RENAME)
			c[k].values = 3;
	}
	dsum_make(&cs, c, &s);
	assert_plain(&s);
	assert_true(has_line(&s, "Rename resource type age to user_age (keeps 3 values)"));
	assert_true(has_line(&s, "Delete product Old product: 1 subscription, 4 instances, 9 values, "
			     "2 relations, 3 processes"));
	assert_true(has_line(&s, "In all the upgrade deletes 1 subscription, 4 instances, 9 values, "
			     "2 relations, 3 processes"));
	assert_int_equal(s.total.processes, 3);
	assert_int_equal(dsum_deletions(&s), 1);
	/* the rename is not shown as a deletion and a creation */
	for (size_t i = 0; i < s.n; i++)
		assert_null(strstr(s.v[i].text, "to create: user_age"));
	dsum_free(&s);
	free(c);
	free(items);
	changeset_free(&cs);
	plan_free(p);
	diff_free(&df);
	dm_catalog_free(m);
	dm_catalog_free(d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(seed_tutorial_questions),
		cmocka_unit_test(answers_are_validated),
		cmocka_unit_test(rename_question_recomputes_later_questions),
		cmocka_unit_test(default_value_needed_for_blocks_with_instances),
		cmocka_unit_test(defect02_grouping_keeps_every_owner),
		cmocka_unit_test(defect03_every_block_update_pair_kept),
		cmocka_unit_test(fixed_input_rename_question),
		cmocka_unit_test(summary_names_impact_and_lost_data),
		cmocka_unit_test(summary_plain_english_counted),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
