/* test_sqlgen.c - the exact SQL of every change kind (U1..U21, D1..D12),
 * the reference defects fixed, and hostile strings through sql_quote. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "sqlgen.h"
#include "engine_fixture.h"

#define PID(x) "(SELECT products.product_id FROM products WHERE products.name IN (" x "))"
#define BID(x) "(SELECT product_blocks.product_block_id FROM product_blocks WHERE product_blocks.name IN (" x "))"
#define RTID(x) "(SELECT resource_types.resource_type_id FROM resource_types WHERE resource_types.resource_type IN (" x "))"
#define SIDS(x) "(SELECT subscriptions.subscription_id FROM subscriptions WHERE subscriptions.product_id IN " PID(x) ")"
#define BINST(x) "(SELECT subscription_instances.subscription_instance_id FROM subscription_instances WHERE subscription_instances.product_block_id IN " BID(x) ")"

static void expect(const struct strvec *got, const char *const *want)
{
	size_t n = 0;
	while (want[n])
		n++;
	for (size_t i = 0; i < got->n && i < n; i++)
		if (strcmp(got->v[i], want[i]) != 0) {
			fprintf(stderr, "statement %zu\n got: %s\nwant: %s\n", i, got->v[i], want[i]);
			fail();
		}
	if (got->n != n) {
		for (size_t i = 0; i < got->n; i++)
			fprintf(stderr, "got[%zu]: %s\n", i, got->v[i]);
	}
	assert_int_equal(got->n, n);
}

#define UP(cs, ...) do { struct strvec s_ = STRVEC_INIT; sqlgen_upgrade(cs, &s_); \
	expect(&s_, (const char *const[]){ __VA_ARGS__, NULL }); sv_free(&s_); } while (0)
#define DOWN(cs, ...) do { struct strvec s_ = STRVEC_INIT; sqlgen_downgrade(cs, &s_); \
	expect(&s_, (const char *const[]){ __VA_ARGS__, NULL }); sv_free(&s_); } while (0)
#define NONE(cs, fn) do { struct strvec s_ = STRVEC_INIT; fn(cs, &s_); \
	assert_int_equal(s_.n, 0); sv_free(&s_); } while (0)

static void empty_changeset_no_sql(void **state)
{
	(void)state;
	struct changeset cs;
	memset(&cs, 0, sizeof(cs));
	assert_true(changeset_is_empty(&cs));
	NONE(&cs, sqlgen_upgrade);
	NONE(&cs, sqlgen_downgrade);
}

static void u01_d12_rename_fixed_input(void **state)
{
	(void)state;
	struct changeset cs;
	memset(&cs, 0, sizeof(cs));
	cs_rows_add(&cs.update_fixed_inputs, "Prod A", "speed", "bandwidth", NULL);
	UP(&cs, "UPDATE fixed_inputs SET name='bandwidth' WHERE fixed_inputs.product_id = " PID("'Prod A'")
		" AND fixed_inputs.name = 'speed'");
	DOWN(&cs, "UPDATE fixed_inputs SET name='speed' WHERE fixed_inputs.product_id = " PID("'Prod A'")
		  " AND fixed_inputs.name = 'bandwidth'");
	changeset_free(&cs);
}

static void u02_d11_rename_resource_type(void **state)
{
	(void)state;
	struct changeset cs;
	memset(&cs, 0, sizeof(cs));
	cs_rows_add(&cs.rename_resource_types, "old_rt", NULL, "new_rt", NULL);
	UP(&cs, "UPDATE resource_types SET resource_type='new_rt' WHERE resource_types.resource_type = 'old_rt'");
	DOWN(&cs, "UPDATE resource_types SET resource_type='old_rt' WHERE resource_types.resource_type = 'new_rt'");
	changeset_free(&cs);
}

/* Reference defect 1: its value cleanup compared instance ids with block ids
 * and the link table's resource type (a cross join deleting nothing). */
static void defect01_value_cleanup_matches_instances_not_blocks(void **state)
{
	(void)state;
	struct changeset cs;
	memset(&cs, 0, sizeof(cs));
	cs_rows_add(&cs.delete_rt_relations, "rt", "B2", NULL, NULL);
	cs_rows_add(&cs.delete_rt_relations, "rt", "B1", NULL, NULL);
	cs_rows_sort(&cs.delete_rt_relations);
	UP(&cs,
	   "DELETE FROM product_block_resource_types WHERE product_block_resource_types.product_block_id IN "
	   BID("'B1', 'B2'") " AND product_block_resource_types.resource_type_id = " RTID("'rt'"),
	   "DELETE FROM subscription_instance_values WHERE subscription_instance_values.subscription_instance_id IN "
	   BINST("'B1', 'B2'") " AND subscription_instance_values.resource_type_id = " RTID("'rt'"));
	NONE(&cs, sqlgen_downgrade);
	changeset_free(&cs);
}

/* D1 undoes U18 and removes the default values the upgrade gave (defects 1, 13). */
static void u18_u21_d01_new_resource_type_relation_with_defaults(void **state)
{
	(void)state;
	struct changeset cs;
	memset(&cs, 0, sizeof(cs));
	cs_rows_add(&cs.create_rt_relations, "speed", "Port", NULL, NULL);
	cs_rows_add(&cs.default_values, "speed", "Port", "1000", NULL);
	sv_push(&cs.existing_blocks, "Port");
	UP(&cs,
	   "INSERT INTO product_block_resource_types (product_block_id, resource_type_id) VALUES ("
	   BID("'Port'") ", " RTID("'speed'") ")",
	   "INSERT INTO subscription_instance_values (subscription_instance_id, resource_type_id, value) "
	   "SELECT subscription_instances.subscription_instance_id, resource_types.resource_type_id, '1000' "
	   "FROM subscription_instances CROSS JOIN resource_types WHERE subscription_instances.product_block_id IN "
	   BID("'Port'") " AND resource_types.resource_type = 'speed'");
	DOWN(&cs,
	     "DELETE FROM product_block_resource_types WHERE product_block_resource_types.product_block_id IN "
	     BID("'Port'") " AND product_block_resource_types.resource_type_id = " RTID("'speed'"),
	     "DELETE FROM subscription_instance_values WHERE subscription_instance_values.subscription_instance_id IN "
	     BINST("'Port'") " AND subscription_instance_values.resource_type_id = " RTID("'speed'"));
	changeset_free(&cs);
}

/* Reference defect 7: U21 formatted block, resource type and value into the
 * text unescaped; here they are literals. */
static void defect07_default_value_is_quoted(void **state)
{
	(void)state;
	struct changeset cs;
	memset(&cs, 0, sizeof(cs));
	cs_rows_add(&cs.default_values, "r'1", "B'1", "x'); DROP TABLE products; --", NULL);
	UP(&cs,
	   "INSERT INTO subscription_instance_values (subscription_instance_id, resource_type_id, value) "
	   "SELECT subscription_instances.subscription_instance_id, resource_types.resource_type_id, "
	   "'x''); DROP TABLE products; --' "
	   "FROM subscription_instances CROSS JOIN resource_types WHERE subscription_instances.product_block_id IN "
	   BID("'B''1'") " AND resource_types.resource_type = 'r''1'");
	changeset_free(&cs);
}

/* Reference defect 9: % was doubled in stored values; backslashes are kept. */
static void defect09_percent_and_backslash_kept(void **state)
{
	(void)state;
	struct changeset cs;
	memset(&cs, 0, sizeof(cs));
	cs_rows_add(&cs.create_resource_types, "load", NULL, "100% \\n C:\\dir", NULL);
	UP(&cs, "INSERT INTO resource_types (resource_type, description) VALUES ('load', '100% \\n C:\\dir') "
		"RETURNING resource_types.resource_type_id");
	DOWN(&cs, "DELETE FROM subscription_instance_values WHERE subscription_instance_values.resource_type_id IN "
		  RTID("'load'"),
	     "DELETE FROM resource_types WHERE resource_types.resource_type IN ('load')");
	changeset_free(&cs);
}

static void hostile_strings_survive_quoting(void **state)
{
	(void)state;
	const char *hostile = "it's \"\"\" a\\b\nnew line 100%% %s :bind \xc3\xa9\xe2\x82\xac '' end";
	struct changeset cs;
	memset(&cs, 0, sizeof(cs));
	cs_rows_add(&cs.create_products, hostile, "T'ype", hostile, "t\\g");
	struct strvec s = STRVEC_INIT;
	sqlgen_upgrade(&cs, &s);
	assert_int_equal(s.n, 1);
	assert_string_equal(s.v[0],
		"INSERT INTO products (name, description, product_type, tag, status) VALUES ("
		"'it''s \"\"\" a\\b\nnew line 100%% %s :bind \xc3\xa9\xe2\x82\xac '''' end', "
		"'it''s \"\"\" a\\b\nnew line 100%% %s :bind \xc3\xa9\xe2\x82\xac '''' end', "
		"'T''ype', 't\\g', 'active') RETURNING products.product_id");
	sv_free(&s);
	changeset_free(&cs);
}

/* Reference defect 13: removing a block relation left the child instances
 * and instance relations; the same statements undo U17/U20 in D6. */
static void defect13_removed_block_relation_removes_child_instances(void **state)
{
	(void)state;
	struct changeset cs;
	memset(&cs, 0, sizeof(cs));
	cs_rows_add(&cs.delete_block_relations, "Child", "Parent", NULL, NULL);
	UP(&cs,
	   "DELETE FROM subscription_instances WHERE subscription_instances.product_block_id IN " BID("'Child'")
	   " AND subscription_instances.subscription_instance_id IN (SELECT subscription_instance_relations.depends_on_id "
	   "FROM subscription_instance_relations WHERE subscription_instance_relations.in_use_by_id IN " BINST("'Parent'")
	   ") AND subscription_instances.subscription_instance_id NOT IN (SELECT subscription_instance_relations.depends_on_id "
	   "FROM subscription_instance_relations WHERE subscription_instance_relations.in_use_by_id NOT IN " BINST("'Parent'") ")",
	   "DELETE FROM subscription_instance_relations WHERE subscription_instance_relations.in_use_by_id IN "
	   BINST("'Parent'") " AND subscription_instance_relations.depends_on_id IN " BINST("'Child'"),
	   "DELETE FROM product_block_relations WHERE product_block_relations.in_use_by_id IN " BID("'Parent'")
	   " AND product_block_relations.depends_on_id IN " BID("'Child'"));
	NONE(&cs, sqlgen_downgrade);
	changeset_free(&cs);
}

/* Reference defect 13 (products): removing a block from a product left its
 * instances; the downgrade of U16/U19 removes the instances U19 made. */
static void defect13_removed_product_block_removes_top_instances(void **state)
{
	(void)state;
	struct changeset cs;
	memset(&cs, 0, sizeof(cs));
	cs_rows_add(&cs.delete_product_blocks_rel, "Blk", "P2", NULL, NULL);
	cs_rows_add(&cs.delete_product_blocks_rel, "Blk", "P1", NULL, NULL);
	cs_rows_sort(&cs.delete_product_blocks_rel);
	UP(&cs,
	   "DELETE FROM subscription_instances WHERE subscription_instances.product_block_id IN " BID("'Blk'")
	   " AND subscription_instances.subscription_id IN " SIDS("'P1', 'P2'")
	   " AND subscription_instances.subscription_instance_id NOT IN (SELECT subscription_instance_relations.depends_on_id FROM subscription_instance_relations)",
	   "DELETE FROM product_product_blocks WHERE product_product_blocks.product_id IN " PID("'P1', 'P2'")
	   " AND product_product_blocks.product_block_id IN " BID("'Blk'"));
	changeset_free(&cs);
}

/* A block unlinked from P1 but still reachable there (keep_instances)
 * keeps its instances in P1's subscriptions; P2's go. The downgrade links
 * it back to P1. */
static void kept_block_keeps_instances_and_is_linked_back(void **state)
{
	(void)state;
	struct changeset cs;
	memset(&cs, 0, sizeof(cs));
	cs_rows_add(&cs.delete_product_blocks_rel, "Blk", "P2", NULL, NULL);
	cs_rows_add(&cs.delete_product_blocks_rel, "Blk", "P1", NULL, NULL);
	cs_rows_sort(&cs.delete_product_blocks_rel);
	cs_rows_add(&cs.keep_instances, "Blk", "P1", NULL, NULL);
	UP(&cs,
	   "DELETE FROM subscription_instances WHERE subscription_instances.product_block_id IN " BID("'Blk'")
	   " AND subscription_instances.subscription_id IN " SIDS("'P2'")
	   " AND subscription_instances.subscription_instance_id NOT IN (SELECT subscription_instance_relations.depends_on_id FROM subscription_instance_relations)",
	   "DELETE FROM product_product_blocks WHERE product_product_blocks.product_id IN " PID("'P1', 'P2'")
	   " AND product_product_blocks.product_block_id IN " BID("'Blk'"));
	DOWN(&cs,
	     "INSERT INTO product_product_blocks (product_id, product_block_id) VALUES (" PID("'P1'") ", " BID("'Blk'") ")");
	changeset_free(&cs);
}

/* A new parent block above a kept one: the kept instance is related under
 * the new parent's instance, and a new child instance is made only for
 * parents that got none. */
static void kept_block_related_under_new_parent(void **state)
{
	(void)state;
	struct changeset cs;
	memset(&cs, 0, sizeof(cs));
	cs_rows_add(&cs.create_product_blocks_rel, "Root", "P1", NULL, NULL);
	cs_rows_add(&cs.create_block_relations, "Blk", "Root", "blk", NULL);
	cs_rows_add(&cs.delete_product_blocks_rel, "Blk", "P1", NULL, NULL);
	cs_rows_add(&cs.keep_instances, "Blk", "P1", NULL, NULL);
	sv_push(&cs.existing_products, "P1");
	sv_push(&cs.existing_blocks, "Blk");
	struct strvec up = STRVEC_INIT;
	sqlgen_upgrade(&cs, &up);
	size_t link = up.n, make = up.n;
	for (size_t i = 0; i < up.n; i++) {
		if (strstr(up.v[i], "INSERT INTO subscription_instance_relations") == up.v[i])
			link = i;
		if (strstr(up.v[i], "WITH parent_instances AS") == up.v[i])
			make = i;
	}
	assert_true(link < up.n);
	assert_true(make < up.n);
	assert_true(link < make);
	assert_non_null(strstr(up.v[link], "child.subscription_id IN " SIDS("'P1'")));
	assert_non_null(strstr(up.v[link], ", 0, 'blk' FROM"));
	assert_non_null(strstr(up.v[make], "AND NOT EXISTS"));
	for (size_t i = 0; i < up.n; i++)   /* no instance of Blk is deleted */
		assert_null(strstr(up.v[i], "DELETE FROM subscription_instances"));
	sv_free(&up);
	changeset_free(&cs);
}

/* A resource type renamed globally and removed from a block: the relation
 * delete (U3) runs after the rename (U2), so it names the new name. */
static void renamed_resource_type_unlinked_by_its_new_name(void **state)
{
	(void)state;
	struct changeset cs;
	memset(&cs, 0, sizeof(cs));
	cs_rows_add(&cs.rename_resource_types, "a", NULL, "a2", NULL);
	cs_rows_add(&cs.delete_rt_relations, "a", "B1", NULL, NULL);
	struct strvec up = STRVEC_INIT;
	sqlgen_upgrade(&cs, &up);
	assert_int_equal(up.n, 3);
	assert_non_null(strstr(up.v[1], "DELETE FROM product_block_resource_types"));
	assert_non_null(strstr(up.v[1], RTID("'a2'")));
	assert_non_null(strstr(up.v[2], RTID("'a2'")));
	sv_free(&up);
	changeset_free(&cs);
}

/* U16 + U19 (set-based, defect 11) and D5. */
static void u16_u19_d05_block_linked_to_existing_products(void **state)
{
	(void)state;
	struct changeset cs;
	memset(&cs, 0, sizeof(cs));
	cs_rows_add(&cs.create_product_blocks_rel, "Blk", "Old", NULL, NULL);
	cs_rows_add(&cs.create_product_blocks_rel, "Blk", "New", NULL, NULL);
	cs_rows_sort(&cs.create_product_blocks_rel);
	sv_push(&cs.existing_products, "Old");
	UP(&cs,
	   "INSERT INTO product_product_blocks (product_id, product_block_id) VALUES (" PID("'New'") ", " BID("'Blk'")
	   "), (" PID("'Old'") ", " BID("'Blk'") ")",
	   "INSERT INTO subscription_instances (subscription_id, product_block_id) SELECT subscriptions.subscription_id, "
	   BID("'Blk'") " FROM subscriptions WHERE subscriptions.product_id IN " PID("'Old'"));
	DOWN(&cs,
	     "DELETE FROM subscription_instances WHERE subscription_instances.product_block_id IN " BID("'Blk'")
	     " AND subscription_instances.subscription_id IN " SIDS("'New', 'Old'")
	     " AND subscription_instances.subscription_instance_id NOT IN (SELECT subscription_instance_relations.depends_on_id FROM subscription_instance_relations)",
	     "DELETE FROM product_product_blocks WHERE product_product_blocks.product_id IN " PID("'New', 'Old'")
	     " AND product_product_blocks.product_block_id IN " BID("'Blk'"));
	changeset_free(&cs);
}

/* Reference defect 10: one child instance per parent instance, linked to
 * that parent with the attribute name; U17 and D6. */
static void defect10_one_child_instance_per_parent_instance(void **state)
{
	(void)state;
	struct changeset cs;
	memset(&cs, 0, sizeof(cs));
	cs_rows_add(&cs.create_block_relations, "Child", "Parent", "my_child", NULL);
	cs_rows_add(&cs.create_block_relations, "Child", "NewParent", "c", NULL);
	cs_rows_sort(&cs.create_block_relations);
	sv_push(&cs.existing_blocks, "Parent");
	UP(&cs,
	   "INSERT INTO product_block_relations (in_use_by_id, depends_on_id) VALUES (" BID("'NewParent'") ", "
	   BID("'Child'") "), (" BID("'Parent'") ", " BID("'Child'") ")",
	   "WITH parent_instances AS (SELECT subscription_instances.subscription_instance_id AS parent_id, "
	   "subscription_instances.subscription_id AS subscription_id, gen_random_uuid() AS child_id "
	   "FROM subscription_instances WHERE subscription_instances.product_block_id IN " BID("'Parent'")
	   "), child_instances AS (INSERT INTO subscription_instances (subscription_instance_id, subscription_id, "
	   "product_block_id) SELECT parent_instances.child_id, parent_instances.subscription_id, " BID("'Child'")
	   " FROM parent_instances RETURNING subscription_instances.subscription_instance_id) "
	   "INSERT INTO subscription_instance_relations (in_use_by_id, depends_on_id, order_id, domain_model_attr) "
	   "SELECT parent_instances.parent_id, parent_instances.child_id, 0, 'my_child' FROM parent_instances");
	struct strvec s = STRVEC_INIT;
	sqlgen_downgrade(&cs, &s);
	assert_int_equal(s.n, 3);
	assert_non_null(strstr(s.v[2], "DELETE FROM product_block_relations WHERE product_block_relations.in_use_by_id IN "
					BID("'NewParent', 'Parent'")));
	sv_free(&s);
	changeset_free(&cs);
}

static void u06_u07_u08_deletions(void **state)
{
	(void)state;
	struct changeset cs;
	memset(&cs, 0, sizeof(cs));
	sv_push(&cs.delete_resource_types, "a");
	sv_push(&cs.delete_resource_types, "b");
	sv_push(&cs.delete_blocks, "Blk");
	cs_rows_add(&cs.delete_fixed_inputs, "speed", "P", "10G", NULL);
	UP(&cs,
	   "DELETE FROM subscription_instance_values WHERE subscription_instance_values.resource_type_id IN " RTID("'a', 'b'"),
	   "DELETE FROM resource_types WHERE resource_types.resource_type IN ('a', 'b')",
	   "DELETE FROM subscription_instances WHERE subscription_instances.product_block_id IN " BID("'Blk'"),
	   "DELETE FROM product_blocks WHERE product_blocks.name IN ('Blk')",
	   "DELETE FROM fixed_inputs WHERE fixed_inputs.product_id IN " PID("'P'") " AND fixed_inputs.name = 'speed'");
	/* D10: the deleted fixed input comes back with the value the db had */
	DOWN(&cs, "INSERT INTO fixed_inputs (name, value, product_id) VALUES ('speed', '10G', " PID("'P'") ")");
	changeset_free(&cs);
}

/* Reference defect 14: deleting products deleted processes that also
 * touched other subscriptions. */
static void defect14_delete_products_keeps_shared_processes(void **state)
{
	(void)state;
	struct changeset cs;
	memset(&cs, 0, sizeof(cs));
	sv_push(&cs.delete_products, "P1");
	sv_push(&cs.delete_products, "P'2");
	UP(&cs,
	   "DELETE FROM processes WHERE processes.pid IN (SELECT processes_subscriptions.pid FROM processes_subscriptions "
	   "WHERE processes_subscriptions.subscription_id IN " SIDS("'P1', 'P''2'") ") AND processes.pid NOT IN "
	   "(SELECT processes_subscriptions.pid FROM processes_subscriptions WHERE processes_subscriptions.subscription_id NOT IN "
	   SIDS("'P1', 'P''2'") ")",
	   "DELETE FROM processes_subscriptions WHERE processes_subscriptions.subscription_id IN " SIDS("'P1', 'P''2'"),
	   "DELETE FROM subscription_instances WHERE subscription_instances.subscription_id IN " SIDS("'P1', 'P''2'"),
	   "DELETE FROM subscriptions WHERE subscriptions.product_id IN " PID("'P1', 'P''2'"),
	   "DELETE FROM products WHERE products.name IN ('P1', 'P''2')");
	NONE(&cs, sqlgen_downgrade);
	changeset_free(&cs);
}

static void u10_u11_u12_u13_creations_and_d07_d08_d09(void **state)
{
	(void)state;
	struct changeset cs;
	memset(&cs, 0, sizeof(cs));
	cs_rows_add(&cs.create_products, "P", "PT", "desc", "TAG");
	cs_rows_add(&cs.create_fixed_inputs, "fi", "P", "v1", NULL);
	cs_rows_add(&cs.create_fixed_inputs, "fi", "Q", "v2", NULL);
	cs_rows_add(&cs.create_blocks, "B", NULL, "bd", "BT");
	cs_rows_add(&cs.create_resource_types, "r", NULL, "rd", NULL);
	UP(&cs,
	   "INSERT INTO products (name, description, product_type, tag, status) VALUES ('P', 'desc', 'PT', 'TAG', 'active') RETURNING products.product_id",
	   "INSERT INTO fixed_inputs (name, value, product_id) VALUES ('fi', 'v1', " PID("'P'") "), ('fi', 'v2', " PID("'Q'") ")",
	   "INSERT INTO product_blocks (name, description, tag, status) VALUES ('B', 'bd', 'BT', 'active') RETURNING product_blocks.product_block_id",
	   "INSERT INTO resource_types (resource_type, description) VALUES ('r', 'rd') RETURNING resource_types.resource_type_id");
	struct strvec s = STRVEC_INIT;
	sqlgen_downgrade(&cs, &s);
	/* D4 (2), D7 (1), D8 (2), D9 (5) */
	assert_int_equal(s.n, 10);
	assert_string_equal(s.v[2], "DELETE FROM fixed_inputs WHERE fixed_inputs.product_id IN " PID("'P', 'Q'") " AND fixed_inputs.name = 'fi'");
	assert_string_equal(s.v[4], "DELETE FROM product_blocks WHERE product_blocks.name IN ('B')");
	assert_string_equal(s.v[9], "DELETE FROM products WHERE products.name IN ('P')");
	sv_free(&s);
	changeset_free(&cs);
}

static void u14_u15_d02_d03_block_update(void **state)
{
	(void)state;
	struct changeset cs;
	memset(&cs, 0, sizeof(cs));
	cs_rows_add(&cs.update_block_resource_types, "B", "old", "new", NULL);
	UP(&cs,
	   "UPDATE product_block_resource_types SET resource_type_id=" RTID("'new'") " WHERE product_block_resource_types.product_block_id IN "
	   BID("'B'") " AND product_block_resource_types.resource_type_id IN " RTID("'old'"),
	   "UPDATE subscription_instance_values SET resource_type_id=" RTID("'new'") " WHERE subscription_instance_values.subscription_instance_id IN "
	   BINST("'B'") " AND subscription_instance_values.resource_type_id IN " RTID("'old'"));
	DOWN(&cs,
	     "UPDATE product_block_resource_types SET resource_type_id=" RTID("'old'") " WHERE product_block_resource_types.product_block_id IN "
	     BID("'B'") " AND product_block_resource_types.resource_type_id IN " RTID("'new'"),
	     "UPDATE subscription_instance_values SET resource_type_id=" RTID("'old'") " WHERE subscription_instance_values.subscription_instance_id IN "
	     BINST("'B'") " AND subscription_instance_values.resource_type_id IN " RTID("'new'"));
	changeset_free(&cs);
}

/* The seed tutorial end to end: 19 upgrade statements in the reference's
 * kind order, names sorted (defect 20). */
static void seed_tutorial_sql(void **state)
{
	(void)state;
	struct fx_run r;
	const char *const answers[] = {
		"inputs[\"User Group\"][\"description\"]", "user group administration",
		"inputs[\"User Group\"][\"tag\"]", "GROUP",
		"inputs[\"User internal\"][\"description\"]", "user administration - internal",
		"inputs[\"User internal\"][\"tag\"]", "USER_INT",
		"inputs[\"User external\"][\"description\"]", "user administration - external",
		"inputs[\"User external\"][\"tag\"]", "USER_EXT",
		"inputs[\"User internal\"][\"affiliation\"]", "internal",
		"inputs[\"User external\"][\"affiliation\"]", "external",
		"inputs[\"UserGroupBlock\"][\"description\"]", "user group block",
		"inputs[\"UserGroupBlock\"][\"tag\"]", "UGB",
		"inputs[\"UserBlock\"][\"description\"]", "user block",
		"inputs[\"UserBlock\"][\"tag\"]", "UB",
		"inputs[\"group_name\"][\"description\"]", "name of the user group",
		"inputs[\"group_id\"][\"description\"]", "id of the user group",
		"inputs[\"username\"][\"description\"]", "name of the user",
		"inputs[\"age\"][\"description\"]", "age of the user",
		"inputs[\"user_id\"][\"description\"]", "id of the user",
		NULL,
	};
	assert_int_equal(fx_run(&r, fx_seed_model(), dm_catalog_new(), NULL, answers), 0);
	assert_int_equal(r.up.n, 19);
	assert_string_equal(r.up.v[0], "INSERT INTO products (name, description, product_type, tag, status) VALUES "
			    "('User Group', 'user group administration', 'UserGroup', 'GROUP', 'active') RETURNING products.product_id");
	assert_string_equal(r.up.v[3], "INSERT INTO fixed_inputs (name, value, product_id) VALUES ('affiliation', 'external', "
			    PID("'User external'") "), ('affiliation', 'internal', " PID("'User internal'") ")");
	assert_string_equal(r.up.v[4], "INSERT INTO product_blocks (name, description, tag, status) VALUES "
			    "('UserBlock', 'user block', 'UB', 'active') RETURNING product_blocks.product_block_id");
	assert_string_equal(r.up.v[6], "INSERT INTO resource_types (resource_type, description) VALUES "
			    "('age', 'age of the user') RETURNING resource_types.resource_type_id");
	assert_string_equal(r.up.v[11], "INSERT INTO product_product_blocks (product_id, product_block_id) VALUES ("
			    PID("'User external'") ", " BID("'UserBlock'") "), (" PID("'User internal'") ", " BID("'UserBlock'") ")");
	assert_string_equal(r.up.v[13], "INSERT INTO product_block_relations (in_use_by_id, depends_on_id) VALUES ("
			    BID("'UserBlock'") ", " BID("'UserGroupBlock'") ")");
	assert_string_equal(r.up.v[18], "INSERT INTO product_block_resource_types (product_block_id, resource_type_id) VALUES ("
			    BID("'UserBlock'") ", " RTID("'username'") ")");
	/* D1 (2 per new relation kind: 5 resource types), D4 2, D5 2*2, D6 3, D7 1, D8 2, D9 5 */
	assert_int_equal(r.down.n, 10 + 2 + 4 + 3 + 1 + 2 + 5);
	fx_run_free(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(empty_changeset_no_sql),
		cmocka_unit_test(u01_d12_rename_fixed_input),
		cmocka_unit_test(u02_d11_rename_resource_type),
		cmocka_unit_test(defect01_value_cleanup_matches_instances_not_blocks),
		cmocka_unit_test(u18_u21_d01_new_resource_type_relation_with_defaults),
		cmocka_unit_test(defect07_default_value_is_quoted),
		cmocka_unit_test(defect09_percent_and_backslash_kept),
		cmocka_unit_test(hostile_strings_survive_quoting),
		cmocka_unit_test(defect13_removed_block_relation_removes_child_instances),
		cmocka_unit_test(defect13_removed_product_block_removes_top_instances),
		cmocka_unit_test(u16_u19_d05_block_linked_to_existing_products),
		cmocka_unit_test(defect10_one_child_instance_per_parent_instance),
		cmocka_unit_test(u06_u07_u08_deletions),
		cmocka_unit_test(defect14_delete_products_keeps_shared_processes),
		cmocka_unit_test(kept_block_keeps_instances_and_is_linked_back),
		cmocka_unit_test(kept_block_related_under_new_parent),
		cmocka_unit_test(renamed_resource_type_unlinked_by_its_new_name),
		cmocka_unit_test(u10_u11_u12_u13_creations_and_d07_d08_d09),
		cmocka_unit_test(u14_u15_d02_d03_block_update),
		cmocka_unit_test(seed_tutorial_sql),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
