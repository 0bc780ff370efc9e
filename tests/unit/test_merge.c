/* test_merge.c - the merge screen's model: catalogue names read from SQL
 * (the shapes wfo-migrate and orchestrator-core write), collisions between
 * heads, the drawing order down to the common ancestor, applied marks from
 * alembic_version rows, the order of `upgrade heads` after a merge, and
 * writing the merge revision. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "merge.h"
#include "mergesql.h"
#include "revgraph.h"
#include "util.h"
#include "wfo_error.h"

static char *describe(const char *sql)
{
	struct merge_touches t = MERGE_TOUCHES_INIT;
	struct strvec lines = STRVEC_INIT;
	mt_scan(sql, &t);
	struct strbuf sb = STRBUF_INIT;
	sb_add(&sb, "");
	for (size_t i = 0; i < t.n; i++)
		sb_addf(&sb, "%s%d:%d:%s%s%s", i ? "|" : "", (int)t.v[i].kind, (int)t.v[i].act,
			t.v[i].name, t.v[i].to ? ">" : "", t.v[i].to ? t.v[i].to : "");
	mt_free(&t);
	sv_free(&lines);
	return sb_detach(&sb);
}

#define SCAN(sql, want) do { char *got_ = describe(sql); assert_string_equal(got_, want); free(got_); } while (0)

static void scan_shapes(void **state)
{
	(void)state;
	/* rename of a resource type, as sqlgen writes it */
	SCAN("UPDATE resource_types SET resource_type='user_age' WHERE resource_types.resource_type = 'age'",
	     "2:4:age>user_age|2:3:user_age");
	/* creations: the name column by position */
	SCAN("INSERT INTO products (name, description, product_type, tag, status) VALUES "
	     "('User internal', 'd', 'User', 'UI', 'active') RETURNING products.product_id",
	     "0:2:User internal");
	SCAN("INSERT INTO resource_types (resource_type, description) VALUES ('age', 'the age')",
	     "2:2:age");
	SCAN("INSERT INTO fixed_inputs (name, value, product_id) VALUES ('affiliation', 'internal', "
	     "(SELECT products.product_id FROM products WHERE products.name IN ('User internal')))",
	     "3:2:affiliation|0:0:User internal");
	/* deletions at the top; names in subqueries are uses */
	SCAN("DELETE FROM products WHERE products.name IN ('A', 'B''s')", "0:5:A|0:5:B's");
	SCAN("DELETE FROM product_product_blocks WHERE product_product_blocks.product_id IN "
	     "(SELECT products.product_id FROM products WHERE products.name IN ('P')) AND "
	     "product_product_blocks.product_block_id IN (SELECT product_blocks.product_block_id "
	     "FROM product_blocks WHERE product_blocks.name IN ('B'))",
	     "0:0:P|1:0:B");
	/* a change that is no rename; bare columns resolve to their table */
	SCAN("UPDATE products SET description = 'new' WHERE name = 'P'", "0:1:P");
	/* fixed input rename per product */
	SCAN("UPDATE fixed_inputs SET name='aff2' WHERE fixed_inputs.product_id = (SELECT "
	     "products.product_id FROM products WHERE products.name = 'P') AND fixed_inputs.name = 'aff'",
	     "0:0:P|3:4:aff>aff2|3:3:aff2");
	/* workflows (orchestrator-core's helpers write raw SQL like this) */
	SCAN("INSERT INTO workflows(name, target, description) VALUES ('modify_note', 'MODIFY', 'x');"
	     "DELETE FROM workflows WHERE name = 'old_wf'",
	     "4:2:modify_note|4:5:old_wf");
	/* quotes, comments and dollar quotes do not confuse it */
	SCAN("-- products.name = 'no'\n/* resource_types.resource_type = 'no' */ "
	     "SELECT $x$ products.name = 'no' $x$; SELECT 1 FROM products WHERE products.name = E'a\\'b'",
	     "0:0:a'b");
	/* other tables, other columns and comparisons are not names */
	SCAN("UPDATE subscriptions SET note = 'x' WHERE description = 'y'", "");
	SCAN("SELECT * FROM products WHERE products.name <> 'x' AND product_type = 'T'", "");
	SCAN("", "");
	SCAN("UPDATE", "");
	SCAN("INSERT INTO products (name", "");
	SCAN("x = ( ( ( 'unterminated", "");
}

static void collisions(void **state)
{
	(void)state;
	struct merge_touches a = MERGE_TOUCHES_INIT, b = MERGE_TOUCHES_INIT;
	struct strvec out = STRVEC_INIT;
	mt_scan("UPDATE resource_types SET resource_type='user_age' WHERE resource_types.resource_type = 'age'", &a);
	mt_scan("UPDATE resource_types SET resource_type='years' WHERE resource_types.resource_type = 'age'", &b);
	assert_int_equal(mt_collisions(&a, "aaaa", &b, "bbbb", &out), 1);
	assert_string_equal(out.v[0], "both heads rename resource type age (aaaa to user_age, bbbb to years)");
	mt_free(&a);
	mt_free(&b);
	sv_free(&out);

	/* a head deleting what the other uses */
	mt_scan("DELETE FROM product_blocks WHERE product_blocks.name IN ('UserBlock')", &a);
	mt_scan("INSERT INTO product_product_blocks (product_id, product_block_id) VALUES ("
		"(SELECT products.product_id FROM products WHERE products.name IN ('P')), "
		"(SELECT product_blocks.product_block_id FROM product_blocks WHERE product_blocks.name IN ('UserBlock')))", &b);
	assert_int_equal(mt_collisions(&a, "aaaa", &b, "bbbb", &out), 1);
	assert_string_equal(out.v[0], "aaaa deletes product block UserBlock, and bbbb uses it");
	sv_free(&out);
	/* the other way round, too */
	assert_int_equal(mt_collisions(&b, "bbbb", &a, "aaaa", &out), 1);
	assert_string_equal(out.v[0], "aaaa deletes product block UserBlock, and bbbb uses it");
	sv_free(&out);
	mt_free(&a);
	mt_free(&b);

	/* both only use a name: no collision; different names: none */
	mt_scan("DELETE FROM x WHERE y IN (SELECT products.product_id FROM products WHERE products.name = 'P')", &a);
	mt_scan("UPDATE z SET w = 1 WHERE v IN (SELECT products.product_id FROM products WHERE products.name = 'P')", &b);
	assert_int_equal(mt_collisions(&a, "a", &b, "b", &out), 0);
	mt_free(&b);
	mt_scan("INSERT INTO resource_types (resource_type, description) VALUES ('other', 'x')", &b);
	assert_int_equal(mt_collisions(&a, "a", &b, "b", &out), 0);
	mt_free(&a);
	mt_free(&b);
	/* a rename onto a name the other head creates */
	mt_scan("UPDATE resource_types SET resource_type='user_age' WHERE resource_types.resource_type = 'age'", &a);
	mt_scan("INSERT INTO resource_types (resource_type, description) VALUES ('user_age', 'x')", &b);
	assert_int_equal(mt_collisions(&a, "a", &b, "b", &out), 1);
	assert_string_equal(out.v[0], "both heads touch resource type user_age (a renames another one to it, b creates it)");
	sv_free(&out);
	struct strvec d = STRVEC_INIT;
	mt_describe(&a, &d);
	assert_int_equal(d.n, 1);
	assert_string_equal(d.v[0], "renames resource type age to user_age");
	sv_free(&d);
	mt_free(&a);
	mt_free(&b);
}

/* ---- the model ---- */

/* "id:down1,down2:labels:sql" */
static struct revision *mkrev(const char *id, const char *down, const char *labels, const char *sql)
{
	struct strbuf sb = STRBUF_INIT;
	sb_addf(&sb, "\"\"\"Message of %s.\n\nRevision ID: %s\nCreate Date: 2026-11-2%c 10:00:00.000001\n\"\"\"\n"
		"revision = '%s'\n", id, id, id[0] == 'a' ? '0' : '1', id);
	const char *vals[2] = { down, labels };
	const char *keys[2] = { "down_revision", "branch_labels" };
	for (int k = 0; k < 2; k++) {
		if (!vals[k] || !*vals[k]) {
			sb_addf(&sb, "%s = None\n", keys[k]);
			continue;
		}
		sb_addf(&sb, "%s = (", keys[k]);
		char *c = xstrdup(vals[k]);
		for (char *t = strtok(c, ","); t; t = strtok(NULL, ","))
			sb_addf(&sb, "'%s', ", t);
		free(c);
		sb_add(&sb, ")\n");
	}
	sb_addf(&sb, "depends_on = None\n\ndef upgrade():\n    op.execute(\"%s\")\n\ndef downgrade():\n    pass\n",
		sql && *sql ? sql : "SELECT 1");
	char *path = xasprintf("v/2026-11-20_%s_x.py", id);
	struct revision *r = NULL;
	struct wfo_error err = { 0 };
	if (rev_parse_buffer(path, sb.buf, sb.len, &r, &err) < 0)
		fail_msg("%s", err.msg);
	free(path);
	sb_free(&sb);
	return r;
}

static struct rev_graph *graph(const char *const *specs)
{
	struct rev_graph *g = rev_graph_new();
	struct wfo_error err = { 0 };
	for (size_t i = 0; specs[i]; i++) {
		char *s = xstrdup(specs[i]);
		char *f[4] = { "", "", "", "" };
		char *p = s;
		for (int k = 0; k < 4 && p; k++) {
			f[k] = p;
			p = k < 3 ? strchr(p, ':') : NULL;
			if (p)
				*p++ = '\0';
		}
		if (rev_graph_add(g, mkrev(f[0], f[1], f[2], f[3]), &err) < 0)
			fail_msg("%s", err.msg);
		free(s);
	}
	if (rev_graph_finish(g, &err) < 0)
		fail_msg("%s", err.msg);
	return g;
}

static const char *const two_heads[] = {
	"s1:::CREATE TABLE t1 (x int)",          /* another branch's revision: not shown */
	"base::data:INSERT INTO resource_types (resource_type, description) VALUES ('age', 'x')",
	"a1:base::SELECT 1",
	"a2:a1::UPDATE resource_types SET resource_type='user_age' WHERE resource_types.resource_type = 'age'",
	"b1:base::UPDATE resource_types SET resource_type='years' WHERE resource_types.resource_type = 'age'",
	NULL,
};

static void model_two_heads(void **state)
{
	(void)state;
	struct merge_model *m = NULL;
	struct wfo_error err = { 0 };
	struct strvec cur = STRVEC_INIT, taken = STRVEC_INIT;
	sv_push(&cur, "a2");
	sv_push(&cur, "s1");
	if (merge_model_new(graph(two_heads), &cur, NULL, &taken, &m, &err) < 0)
		fail_msg("%s", err.msg);
	assert_string_equal(m->branch, "data");
	assert_int_equal(m->nheads, 2);
	assert_true(m->common);
	/* a2, a1 (first head's branch), b1, then the common ancestor */
	assert_int_equal(m->n, 4);
	const char *want[] = { "a2", "a1", "b1", "base" };
	for (size_t i = 0; i < 4; i++)
		assert_string_equal(m->nodes[i].r->id, want[i]);
	assert_int_equal(m->nodes[0].head, 0);
	assert_int_equal(m->nodes[2].head, 1);
	assert_true(m->nodes[3].base);
	assert_false(m->nodes[0].base);
	assert_int_equal(m->nodes[2].nparents, 1);
	assert_int_equal(m->nodes[2].parents[0], 3);
	assert_int_equal(m->nodes[3].nparents, 0);
	/* applied: a2 and its ancestors, not b1 */
	assert_int_equal(m->nodes[0].applied, 1);
	assert_int_equal(m->nodes[1].applied, 1);
	assert_int_equal(m->nodes[2].applied, 0);
	assert_int_equal(m->nodes[3].applied, 1);
	assert_string_equal(m->nodes[0].date, "2026-11-20");
	assert_string_equal(m->nodes[2].date, "2026-11-21");
	assert_string_equal(m->nodes[0].labels, "data");
	assert_int_equal(m->other_heads.n, 1);
	assert_string_equal(m->other_heads.v[0], "s1");

	bool sel[2] = { true, true };
	struct strvec warn = STRVEC_INIT, notes = STRVEC_INIT;
	merge_collisions(m, sel, &warn, &notes);
	assert_int_equal(warn.n, 1);
	assert_string_equal(warn.v[0], "both heads rename resource type age (a2 to user_age, b1 to years)");
	assert_int_equal(notes.n, 0);
	sv_free(&warn);

	struct strvec ch = STRVEC_INIT;
	merge_node_changes(m, 2, &ch);
	assert_int_equal(ch.n, 1);
	assert_string_equal(ch.v[0], "renames resource type age to years");
	sv_free(&ch);

	char *sql = merge_node_sql(m, 2);
	assert_non_null(strstr(sql, "-- Running upgrade base -> b1, Message of b1."));
	assert_non_null(strstr(sql, "UPDATE resource_types SET resource_type='years' WHERE resource_types.resource_type = 'age';"));
	assert_non_null(strstr(sql, "-- File: v/2026-11-20_b1_x.py"));
	free(sql);

	/* upgrade heads after the merge: b1, then the merge */
	struct merge_order o;
	if (merge_upgrade_order(m, sel, "merge heads", &o, &err) < 0)
		fail_msg("%s", err.msg);
	assert_int_equal(o.n, 2);
	assert_string_equal(o.steps[0].id, "b1");
	assert_false(o.steps[0].is_merge);
	assert_string_equal(o.steps[1].id, m->new_id);
	assert_true(o.steps[1].is_merge);
	assert_string_equal(o.steps[1].doc, "merge heads");
	assert_int_equal(o.applied, 3);
	merge_order_free(&o);
	/* one head selected: no merge */
	sel[1] = false;
	assert_int_equal(merge_upgrade_order(m, sel, "x", &o, &err), -1);
	sel[1] = true;
	/* again, after the preview is in the graph */
	if (merge_upgrade_order(m, sel, "again", &o, &err) < 0)
		fail_msg("%s", err.msg);
	assert_int_equal(o.n, 2);
	merge_order_free(&o);
	merge_model_free(m);

	/* without a database: unknown marks, every revision in the order */
	if (merge_model_new(graph(two_heads), NULL, "no database", &taken, &m, &err) < 0)
		fail_msg("%s", err.msg);
	assert_int_equal(m->nodes[0].applied, -1);
	if (merge_upgrade_order(m, sel, "x", &o, &err) < 0)
		fail_msg("%s", err.msg);
	assert_int_equal(o.n, 6);
	assert_non_null(o.note);
	merge_order_free(&o);
	merge_model_free(m);
	sv_free(&cur);
	sv_free(&taken);
}

static void model_three_heads_and_merges(void **state)
{
	(void)state;
	/* c merges two branches below; the three heads share only r */
	static const char *const specs[] = {
		"r::data:", "x1:r::", "y1:r::", "m1:x1,y1::", "h1:m1::", "h2:x1::", "h3:r::", NULL,
	};
	struct merge_model *m = NULL;
	struct wfo_error err = { 0 };
	struct strvec taken = STRVEC_INIT;
	if (merge_model_new(graph(specs), NULL, NULL, &taken, &m, &err) < 0)
		fail_msg("%s", err.msg);
	assert_int_equal(m->nheads, 3);
	assert_int_equal(m->n, 7);
	assert_string_equal(m->nodes[m->n - 1].r->id, "r");
	/* children before parents */
	for (size_t i = 0; i < m->n; i++)
		for (size_t k = 0; k < m->nodes[i].nparents; k++)
			assert_true(m->nodes[i].parents[k] > i);
	/* the merge point has both parents shown */
	for (size_t i = 0; i < m->n; i++)
		if (!strcmp(m->nodes[i].r->id, "m1"))
			assert_int_equal(m->nodes[i].nparents, 2);
	merge_model_free(m);

	/* one head: nothing to merge */
	static const char *const one[] = { "r::data:", "x1:r::", NULL };
	assert_int_equal(merge_model_new(graph(one), NULL, NULL, &taken, &m, &err), -1);
	assert_non_null(strstr(err.msg, "nothing to merge"));
	/* no common ancestor, no label: every head, down to the bases */
	static const char *const apart[] = { "p1:::", "p2:p1::", "q1:::", NULL };
	if (merge_model_new(graph(apart), NULL, NULL, &taken, &m, &err) < 0)
		fail_msg("%s", err.msg);
	assert_null(m->branch);
	assert_false(m->common);
	assert_int_equal(m->n, 3);
	merge_model_free(m);
	sv_free(&taken);
}

static void write_merge(void **state)
{
	(void)state;
	char dir[] = "/tmp/wfo-test-merge-XXXXXX";
	assert_non_null(mkdtemp(dir));
	struct strvec down = STRVEC_INIT;
	struct wfo_error err = { 0 };
	char *path = NULL;
	sv_push(&down, "aaaa00000001");
	assert_int_equal(merge_write(dir, "0123456789ab", &down, "m", &path, &err), -1);
	sv_push(&down, "bbbb00000002");
	if (merge_write(dir, "0123456789ab", &down, "merge heads", &path, &err) < 0)
		fail_msg("%s", err.msg);
	size_t len;
	char *text = read_file(path, &len);
	assert_non_null(text);
	assert_non_null(strstr(text, "down_revision = ('aaaa00000001', 'bbbb00000002')"));
	assert_non_null(strstr(text, "\"\"\"merge heads.\n"));
	/* never over an existing file */
	char *again = NULL;
	assert_int_equal(merge_write(dir, "0123456789ab", &down, "merge heads", &again, &err), -1);
	unlink(path);
	rmdir(dir);
	free(text);
	free(path);
	sv_free(&down);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(scan_shapes),
		cmocka_unit_test(collisions),
		cmocka_unit_test(model_two_heads),
		cmocka_unit_test(model_three_heads_and_merges),
		cmocka_unit_test(write_merge),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
