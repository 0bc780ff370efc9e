/* test_diff.c - every difference kind of docs/REFERENCE.md: the diff, sorted output (reference
 * defect 20), impact counts from the db, skip list, text and JSON. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "catalog.h"
#include "diff.h"
#include "engine_fixture.h"

static void assert_sv(const struct strvec *v, const char *const *want)
{
	size_t n = 0;
	while (want[n])
		n++;
	assert_int_equal(v->n, n);
	for (size_t i = 0; i < n; i++)
		assert_string_equal(v->v[i], want[i]);
}
#define SV(v, ...) assert_sv(v, (const char *const[]){ __VA_ARGS__, NULL })

static void identical_catalogues_have_no_difference(void **state)
{
	(void)state;
	struct dm_catalog *m = fx_seed_model(), *d = fx_seed_db(3, 4);
	struct diff df;
	struct wfo_error err;
	assert_int_equal(diff_compute(m, d, NULL, &df, &err), 0);
	assert_true(diff_is_empty(&df));
	struct strbuf sb = STRBUF_INIT;
	diff_render_text(&df, &sb);
	assert_string_equal(sb_str(&sb), "No differences\n");
	sb_reset(&sb);
	diff_render_json(&df, &sb);
	assert_string_equal(sb_str(&sb), "{\n  \"create_product_blocks\": [],\n  \"create_products\": [],\n"
			    "  \"delete_product_blocks\": [],\n  \"delete_products\": [],\n"
			    "  \"product_blocks\": {},\n  \"products\": {}\n}\n");
	sb_free(&sb);
	diff_free(&df);
	dm_catalog_free(m);
	dm_catalog_free(d);
}

static void new_catalogue_creates_everything_sorted(void **state)
{
	(void)state;
	struct dm_catalog *m = fx_seed_model(), *d = dm_catalog_new();
	struct diff df;
	struct wfo_error err;
	diff_compute(m, d, NULL, &df, &err);
	SV(&df.create_products, "User Group", "User external", "User internal");
	SV(&df.create_blocks, "UserBlock", "UserGroupBlock");
	assert_int_equal(df.delete_products.n, 0);
	assert_int_equal(df.n_products, 0);   /* no per-product diff for new products */
	assert_int_equal(df.n_blocks, 2);
	assert_string_equal(df.blocks[0].name, "UserBlock");
	SV(&df.blocks[0].resource_types_missing_in_db, "age", "user_id", "username");
	SV(&df.blocks[0].children_missing_in_db, "UserGroupBlock");
	SV(&df.blocks[1].resource_types_missing_in_db, "group_id", "group_name");
	diff_free(&df);
	dm_catalog_free(m);
	dm_catalog_free(d);
}

static void every_kind_on_both_sides(void **state)
{
	(void)state;
	struct dm_catalog *m = fx_seed_model(), *d = fx_seed_db(3, 9);
	/* model side: new fixed input, new block on a product, new child, new field */
	struct dm_product *pi = dm_find_product(m, "User internal");
	dm_product_add_fixed_input(pi, "zone", NULL);
	dm_product_add_block(pi, "UserGroupBlock");
	dm_block_add_resource_type(dm_find_block(m, "UserGroupBlock"), "group_mail");
	/* db side: extra fixed input, extra block link, extra child, extra resource type, extra product and block */
	struct dm_product *de = dm_find_product(d, "User external");
	dm_product_add_fixed_input(de, "legacy", "1");
	dm_product_add_block(de, "OldBlock");
	struct dm_block *ob = dm_add_block(d, "OldBlock", "o", "OB");
	ob->instances = 5;
	dm_block_add_child(dm_find_block(d, "UserBlock"), "OldBlock", NULL);
	dm_block_add_resource_type(dm_find_block(d, "UserBlock"), "shoe_size");
	dm_add_product(d, "Gone", "Gone", "g", "G")->subscriptions = 1;
	struct diff df;
	struct wfo_error err;
	diff_compute(m, d, NULL, &df, &err);
	SV(&df.delete_products, "Gone");
	SV(&df.delete_blocks, "OldBlock");
	assert_int_equal(df.n_products, 2);
	assert_string_equal(df.products[0].name, "User external");
	assert_int_equal(df.products[0].subscriptions, 3);
	SV(&df.products[0].blocks_missing_in_model, "OldBlock");
	SV(&df.products[0].fixed_inputs_missing_in_model, "legacy");
	assert_string_equal(df.products[1].name, "User internal");
	SV(&df.products[1].blocks_missing_in_db, "UserGroupBlock");
	SV(&df.products[1].fixed_inputs_missing_in_db, "zone");
	assert_int_equal(df.n_blocks, 2);
	assert_string_equal(df.blocks[0].name, "UserBlock");
	assert_int_equal(df.blocks[0].instances, 9);
	SV(&df.blocks[0].children_missing_in_model, "OldBlock");
	SV(&df.blocks[0].resource_types_missing_in_model, "shoe_size");
	SV(&df.blocks[1].resource_types_missing_in_db, "group_mail");
	struct strbuf sb = STRBUF_INIT;
	diff_render_text(&df, &sb);
	assert_string_equal(sb_str(&sb),
		"Products to delete (with their subscriptions):\n  Gone\n"
		"Product blocks to delete (with their instances):\n  OldBlock\n"
		"Product User external (3 subscriptions):\n"
		"  product blocks missing in the model:\n    OldBlock\n"
		"  fixed inputs missing in the model:\n    legacy\n"
		"Product User internal (3 subscriptions):\n"
		"  product blocks missing in the database:\n    UserGroupBlock\n"
		"  fixed inputs missing in the database:\n    zone\n"
		"Product block UserBlock (9 instances):\n"
		"  depends-on blocks missing in the model:\n    OldBlock\n"
		"  resource types missing in the model:\n    shoe_size\n"
		"Product block UserGroupBlock (9 instances):\n"
		"  resource types missing in the database:\n    group_mail\n");
	sb_reset(&sb);
	diff_render_json(&df, &sb);
	assert_string_equal(sb_str(&sb),
		"{\n  \"create_product_blocks\": [],\n  \"create_products\": [],\n"
		"  \"delete_product_blocks\": [\"OldBlock\"],\n  \"delete_products\": [\"Gone\"],\n"
		"  \"product_blocks\": {\n"
		"    \"UserBlock\": {\n      \"instances\": 9,\n"
		"      \"missing_product_blocks_in_model\": [\"OldBlock\"],\n"
		"      \"missing_resource_types_in_model\": [\"shoe_size\"]\n    },\n"
		"    \"UserGroupBlock\": {\n      \"instances\": 9,\n"
		"      \"missing_resource_types_in_db\": [\"group_mail\"]\n    }\n  },\n"
		"  \"products\": {\n"
		"    \"User external\": {\n"
		"      \"missing_fixed_inputs_in_model\": [\"legacy\"],\n"
		"      \"missing_product_blocks_in_model\": [\"OldBlock\"],\n"
		"      \"subscriptions\": 3\n    },\n"
		"    \"User internal\": {\n"
		"      \"missing_fixed_inputs_in_db\": [\"zone\"],\n"
		"      \"missing_product_blocks_in_db\": [\"UserGroupBlock\"],\n"
		"      \"subscriptions\": 3\n    }\n  }\n}\n");
	sb_free(&sb);
	diff_free(&df);
	dm_catalog_free(m);
	dm_catalog_free(d);
}

/* Reference defect 20: the result does not depend on catalogue row order. */
static void defect20_row_order_does_not_matter(void **state)
{
	(void)state;
	struct dm_catalog *m = fx_seed_model(), *d1 = dm_catalog_new(), *d2 = dm_catalog_new();
	const char *names[] = { "b", "c", "a" };
	for (int i = 0; i < 3; i++)
		dm_add_product(d1, names[i], "X", "", "")->subscriptions = 1;
	for (int i = 2; i >= 0; i--)
		dm_add_product(d2, names[i], "X", "", "")->subscriptions = 1;
	struct diff a, b;
	struct wfo_error err;
	diff_compute(m, d1, NULL, &a, &err);
	diff_compute(m, d2, NULL, &b, &err);
	struct strbuf sa = STRBUF_INIT, sb = STRBUF_INIT;
	diff_render_json(&a, &sa);
	diff_render_json(&b, &sb);
	assert_string_equal(sb_str(&sa), sb_str(&sb));
	SV(&a.delete_products, "a", "b", "c");
	sb_free(&sa);
	sb_free(&sb);
	diff_free(&a);
	diff_free(&b);
	dm_catalog_free(m);
	dm_catalog_free(d1);
	dm_catalog_free(d2);
}

static void skip_list_is_case_insensitive_but_not_for_deletion(void **state)
{
	(void)state;
	struct dm_catalog *m = fx_seed_model(), *d = fx_seed_db(0, 0);
	dm_product_add_fixed_input(dm_find_product(m, "User internal"), "zone", NULL);
	dm_add_product(d, "Legacy INTERNAL thing", "L", "", "");
	struct strvec skip = STRVEC_INIT;
	sv_push(&skip, "Internal");
	struct diff df;
	struct wfo_error err;
	diff_compute(m, d, &skip, &df, &err);
	assert_int_equal(df.n_products, 0);
	SV(&df.delete_products, "Legacy INTERNAL thing");
	sv_free(&skip);
	diff_free(&df);
	dm_catalog_free(m);
	dm_catalog_free(d);
}

static void json_escapes_names(void **state)
{
	(void)state;
	struct dm_catalog *m = dm_catalog_new(), *d = dm_catalog_new();
	dm_add_product(m, "a\"b\\c\nd\x01 \xc3\xa9", "T", NULL, NULL);
	struct diff df;
	struct wfo_error err;
	diff_compute(m, d, NULL, &df, &err);
	struct strbuf sb = STRBUF_INIT;
	diff_render_json(&df, &sb);
	assert_non_null(strstr(sb_str(&sb), "\"create_products\": [\"a\\\"b\\\\c\\nd\\u0001 \xc3\xa9\"]"));
	sb_free(&sb);
	diff_free(&df);
	dm_catalog_free(m);
	dm_catalog_free(d);
}

/* A cycle of blocks (reference defect 17) is compared without recursion. */
static void defect17_block_cycle_terminates(void **state)
{
	(void)state;
	struct dm_catalog *m = dm_catalog_new(), *d = dm_catalog_new();
	dm_product_add_block(dm_add_product(m, "P", "P", NULL, NULL), "A");
	dm_block_add_child(dm_add_block(m, "A", NULL, NULL), "B", "b");
	dm_block_add_child(dm_add_block(m, "B", NULL, NULL), "A", "a");
	dm_block_add_resource_type(dm_find_block(m, "B"), "x");
	dm_add_product(d, "P", "P", "", "")->subscriptions = 2;
	dm_product_add_block(dm_find_product(d, "P"), "A");
	dm_add_block(d, "A", "", "")->instances = 2;
	dm_add_block(d, "B", "", "")->instances = 0;
	dm_block_add_child(dm_find_block(d, "A"), "B", NULL);
	struct diff df;
	struct wfo_error err;
	diff_compute(m, d, NULL, &df, &err);
	struct plan *p = plan_new(m, d, &df);
	/* B gets x; B has no instances of its own, and no new parents or products: no default */
	assert_int_equal(plan_count(p), 2);
	assert_int_equal(plan_question(p, 0)->kind, PQ_RT_DESCRIPTION);
	plan_free(p);
	diff_free(&df);
	dm_catalog_free(m);
	dm_catalog_free(d);
}

/* Lookups stay correct while a catalogue is built out of order (linear
 * after a binary-search miss) and after sorting (binary search only). */
static void lookups_in_unsorted_and_sorted_catalogues(void **state)
{
	(void)state;
	struct dm_catalog *c = dm_catalog_new();
	const char *names[] = { "m", "c", "x", "a", "q" };
	for (size_t i = 0; i < 5; i++) {
		dm_add_product(c, names[i], "T", NULL, NULL);
		dm_add_block(c, names[i], NULL, NULL);
		dm_add_resource_type(c, names[i], NULL);
	}
	assert_int_equal(c->unsorted, DM_UNSORTED_PRODUCTS | DM_UNSORTED_BLOCKS |
				      DM_UNSORTED_RESOURCE_TYPES);
	/* adding an existing name returns it, also out of order */
	assert_ptr_equal(dm_add_product(c, "a", "T", NULL, NULL), dm_find_product(c, "a"));
	assert_int_equal(c->n_products, 5);
	for (size_t i = 0; i < 5; i++) {
		assert_non_null(dm_find_product(c, names[i]));
		assert_string_equal(dm_find_block(c, names[i])->name, names[i]);
		assert_string_equal(dm_find_resource_type(c, names[i])->name, names[i]);
	}
	assert_null(dm_find_product(c, "b"));
	cat_sort(c);
	assert_int_equal(c->unsorted, 0);
	assert_string_equal(c->products[0]->name, "a");
	for (size_t i = 0; i < 5; i++)
		assert_string_equal(dm_find_block(c, names[i])->name, names[i]);
	assert_null(dm_find_resource_type(c, "zz"));
	/* in order from the start: never marked */
	struct dm_catalog *d = dm_catalog_new();
	dm_add_product(d, "a", "T", NULL, NULL);
	dm_add_product(d, "b", "T", NULL, NULL);
	assert_int_equal(d->unsorted, 0);
	dm_catalog_free(c);
	dm_catalog_free(d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(lookups_in_unsorted_and_sorted_catalogues),
		cmocka_unit_test(identical_catalogues_have_no_difference),
		cmocka_unit_test(new_catalogue_creates_everything_sorted),
		cmocka_unit_test(every_kind_on_both_sides),
		cmocka_unit_test(defect20_row_order_does_not_matter),
		cmocka_unit_test(skip_list_is_case_insensitive_but_not_for_deletion),
		cmocka_unit_test(json_escapes_names),
		cmocka_unit_test(defect17_block_cycle_terminates),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
