/* test_answers.c - --inputs / --updates JSON: formats, errors naming the
 * key, reference defect 5, empty strings, and the dump round trip. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "answers.h"
#include "engine_fixture.h"

struct ctx {
	struct dm_catalog *m, *d;
	struct diff df;
	struct plan *p;
};

static void setup_seed(struct ctx *c, struct dm_catalog *db)
{
	struct wfo_error err;
	c->m = fx_seed_model();
	c->d = db;
	assert_int_equal(diff_compute(c->m, c->d, NULL, &c->df, &err), 0);
	c->p = plan_new(c->m, c->d, &c->df);
}

static void teardown(struct ctx *c)
{
	plan_free(c->p);
	diff_free(&c->df);
	dm_catalog_free(c->m);
	dm_catalog_free(c->d);
}

static void inputs_answer_questions(void **state)
{
	(void)state;
	struct ctx c;
	struct wfo_error err;
	setup_seed(&c, dm_catalog_new());
	size_t open0 = plan_open_count(c.p);
	assert_int_equal(answers_load_inputs(c.p,
		"{\"User Group\": {\"description\": \"groups\", \"tag\": \"GROUP\", \"unknown\": \"ignored\"},"
		" \"User internal\": {\"affiliation\": \"internal\", \"tag\": \"\"},"
		" \"age\": {\"description\": null},"
		" \"nobody\": {\"x\": \"y\"}}", &err), 0);
	assert_int_equal(plan_open_count(c.p), open0 - 3);
	assert_string_equal(plan_question(c.p, 0)->answer, "groups");
	assert_string_equal(plan_question(c.p, 1)->answer, "GROUP");
	/* "" and null are not answers (reference defect 21: they are asked) */
	assert_null(plan_get_answer(c.p, "inputs[\"User internal\"][\"tag\"]"));
	assert_null(plan_get_answer(c.p, "inputs[\"age\"][\"description\"]"));
	char *dump = answers_dump_inputs(c.p);
	assert_string_equal(dump, "{\n  \"User Group\": {\n    \"description\": \"groups\",\n    \"tag\": \"GROUP\"\n  },\n"
				  "  \"User internal\": {\n    \"affiliation\": \"internal\"\n  }\n}\n");
	/* the dump reads back as the same answers */
	struct ctx c2;
	setup_seed(&c2, dm_catalog_new());
	assert_int_equal(answers_load_inputs(c2.p, dump, &err), 0);
	assert_int_equal(plan_open_count(c2.p), open0 - 3);
	free(dump);
	teardown(&c2);
	teardown(&c);
}

static void inputs_errors_name_the_key(void **state)
{
	(void)state;
	struct ctx c;
	struct wfo_error err;
	setup_seed(&c, dm_catalog_new());
	assert_int_equal(answers_load_inputs(c.p, "{\"a\": {\"b\": \"c\",}", &err), -1);
	assert_int_equal(err.status, WFO_INPUT);
	assert_true(strncmp(err.msg, "--inputs: invalid JSON at line 1, column ", 41) == 0);
	assert_int_equal(answers_load_inputs(c.p, "[1]", &err), -1);
	assert_string_equal(err.msg, "--inputs: expected a JSON object ({...}) at the top level");
	assert_int_equal(answers_load_inputs(c.p, "{\"User Group\": \"x\"}", &err), -1);
	assert_string_equal(err.msg, "inputs[\"User Group\"]: expected an object of answers, e.g. {\"description\": \"...\"}");
	assert_int_equal(answers_load_inputs(c.p, "{\"User Group\": {\"tag\": [\"A\"]}}", &err), -1);
	assert_string_equal(err.msg, "inputs[\"User Group\"][\"tag\"]: expected a text, found an array");
	assert_int_equal(answers_load_inputs(c.p, "{\"User Group\": {\"tag\": true}}", &err), -1);
	assert_string_equal(err.msg, "inputs[\"User Group\"][\"tag\"]: expected a text, not true");
	assert_int_equal(answers_load_inputs(c.p, "{\"User Group\": {\"tag\": \"a\\u0000b\"}}", &err), -1);
	assert_string_equal(err.msg, "inputs[\"User Group\"][\"tag\"]: the text contains a NUL character");
	assert_int_equal(answers_load_inputs(c.p, "@answers.json", &err), -1);
	assert_non_null(strstr(err.msg, "'@answers.json' names a file"));
	assert_int_equal(answers_load_inputs(c.p, "{\"a\": {}, \"a\": {}}", &err), -1);
	/* nothing was applied by the failed loads */
	assert_null(plan_question(c.p, 1)->answer);
	/* numbers are taken as text (default values) */
	assert_int_equal(answers_load_inputs(c.p, "{\"User Group\": {\"tag\": 42}}", &err), 0);
	assert_string_equal(plan_question(c.p, 1)->answer, "42");
	teardown(&c);
}

static void hostile_answers_kept_byte_for_byte(void **state)
{
	(void)state;
	struct ctx c;
	struct wfo_error err;
	setup_seed(&c, dm_catalog_new());
	assert_int_equal(answers_load_inputs(c.p,
		"{\"User Group\": {\"description\": \"it's \\\"\\\"\\\" a\\\\b\\nc 100% \\u00e9\\u20ac :x\"}}", &err), 0);
	assert_string_equal(plan_question(c.p, 0)->answer, "it's \"\"\" a\\b\nc 100% \xc3\xa9\xe2\x82\xac :x");
	char *dump = answers_dump_inputs(c.p);
	assert_string_equal(dump, "{\n  \"User Group\": {\n    \"description\": \"it's \\\"\\\"\\\" a\\\\b\\nc 100% \xc3\xa9\xe2\x82\xac :x\"\n  }\n}\n");
	free(dump);
	teardown(&c);
}

/* Reference defect 5: --updates for a product without differences crashed. */
static void defect05_updates_for_product_without_differences_is_an_error(void **state)
{
	(void)state;
	struct ctx c;
	struct wfo_error err;
	setup_seed(&c, fx_seed_db(0, 0));
	assert_int_equal(answers_load_updates(c.p, "{\"fixed_inputs\": {\"User internal\": {\"affiliation\": \"origin\"}}}", &err), -1);
	assert_int_equal(err.status, WFO_INPUT);
	assert_string_equal(err.msg, "updates[\"fixed_inputs\"][\"User internal\"]: product 'User internal' has no fixed input "
				     "differences between the models and the database; remove this entry");
	assert_false(plan_has_updates(c.p));
	teardown(&c);
}

static void updates_replace_rename_questions(void **state)
{
	(void)state;
	struct ctx c;
	struct wfo_error err;
	struct dm_catalog *d = fx_seed_db(0, 2);
	struct dm_block *ub = dm_find_block(d, "UserBlock");
	sv_free(&ub->resource_types);
	dm_block_add_resource_type(ub, "name");
	dm_block_add_resource_type(ub, "age");
	dm_block_add_resource_type(ub, "user_id");
	dm_find_resource_type(d, "username")->name[0] = 'X';
	dm_add_resource_type(d, "name", NULL);
	setup_seed(&c, d);
	assert_int_equal(plan_question(c.p, 0)->kind, PQ_RT_RENAME);
	/* {} keeps the questions */
	assert_int_equal(answers_load_updates(c.p, "{}", &err), 0);
	assert_false(plan_has_updates(c.p));
	assert_int_equal(answers_load_updates(c.p, "{\"resource_types\": {\"name\": 5}}", &err), -1);
	assert_string_equal(err.msg, "updates[\"resource_types\"][\"name\"]: expected the new name as a non-empty text");
	assert_int_equal(answers_load_updates(c.p, "{\"renames\": {}}", &err), -1);
	assert_string_equal(err.msg, "updates[\"renames\"]: unknown key; expected fixed_inputs, resource_types, block_resource_types or ask_other_renames");
	assert_int_equal(answers_load_updates(c.p, "{\"resource_types\": {\"name\": \"age\"}}", &err), -1);
	assert_non_null(strstr(err.msg, "updates[\"resource_types\"][\"name\"]: resource type 'age' already exists"));
	assert_int_equal(answers_load_updates(c.p, "{\"block_resource_types\": {\"UserBlock\": {\"nme\": \"username\"}}}", &err), -1);
	assert_string_equal(err.msg, "updates[\"block_resource_types\"][\"UserBlock\"][\"nme\"]: block 'UserBlock' has no "
				     "resource type 'nme' that the model dropped (nor one that resource_types "
				     "renames to it)");
	assert_int_equal(answers_load_updates(c.p, "{\"resource_types\": {\"name\": \"username\"}}", &err), 0);
	assert_true(plan_has_updates(c.p));
	assert_int_equal(plan_count(c.p), 1);   /* only the confirmation */
	char *dump = answers_dump_updates(c.p);
	assert_string_equal(dump, "{\n  \"resource_types\": {\n    \"name\": \"username\"\n  }\n}\n");
	free(dump);
	struct changeset cs;
	assert_int_equal(plan_changeset(c.p, &cs, &err), 0);
	struct strvec up = STRVEC_INIT;
	sqlgen_upgrade(&cs, &up);
	assert_int_equal(up.n, 1);
	assert_string_equal(up.v[0], "UPDATE resource_types SET resource_type='username' WHERE resource_types.resource_type = 'name'");
	sv_free(&up);
	changeset_free(&cs);
	teardown(&c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(inputs_answer_questions),
		cmocka_unit_test(inputs_errors_name_the_key),
		cmocka_unit_test(hostile_answers_kept_byte_for_byte),
		cmocka_unit_test(defect05_updates_for_product_without_differences_is_an_error),
		cmocka_unit_test(updates_replace_rename_questions),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
