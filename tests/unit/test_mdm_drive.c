/* test_mdm_drive.c - the line-prompt driver on a real question list (plan.h):
 * rename menus answered and declined, the per-block question that follows a
 * declined global rename, the confirmation, re-asking a refused tag, end of
 * input, and the defaults / missing-answer report of a run without a
 * terminal. */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "engine_fixture.h"
#include "mdm_drive.h"

/* The seed catalogue in the database (2 subscriptions per product, 3
 * instances per block) and a model in which UserBlock's age became
 * user_age (a rename candidate, with a description prefill). */
struct world {
	struct dm_catalog *model, *db;
	struct diff diff;
	struct plan *plan;
};

static void world_new(struct world *w)
{
	w->db = fx_seed_db(2, 3);
	w->model = fx_seed_model_age("user_age", "age in years");
	struct wfo_error err;
	assert_int_equal(diff_compute(w->model, w->db, NULL, &w->diff, &err), 0);
	w->plan = plan_new(w->model, w->db, &w->diff);
}

static void world_free(struct world *w)
{
	plan_free(w->plan);
	diff_free(&w->diff);
	dm_catalog_free(w->model);
	dm_catalog_free(w->db);
}

static char *drive(struct world *w, const char *input, bool ask_confirm, int *rc,
		   struct wfo_error *err)
{
	FILE *in = fmemopen((void *)input, strlen(input), "r");
	char *buf = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);
	struct pl p;
	pl_init(&p, in, out);
	p.color = false;
	struct mdm_drive_opts o = { .confirm_warnings = false, .ask_confirm = ask_confirm };
	*rc = mdm_drive_lines(&p, w->plan, &w->diff, &o, err);
	fclose(in);
	fclose(out);
	return buf;
}

static void test_rename_taken(void **state)
{
	(void)state;
	struct world w;
	world_new(&w);
	struct wfo_error err = { 0 };
	int rc;
	/* old 1 (age), new 1 (user_age); confirm; the description of user_age
	   has the model's prefill: an empty answer takes it */
	char *out = drive(&w, "1\n1\ny\n\n", true, &rc, &err);
	assert_int_equal(rc, 0);
	assert_non_null(strstr(out, "Rename resource types"));
	assert_non_null(strstr(out, "Which resource type would you want to rename?\n1) age\nq) continue"));
	assert_non_null(strstr(out, "Which resource type should rename age?\n1) user_age\nq) cancel"));
	assert_non_null(strstr(out, "Confirm the above actions [y/N]: "));
	/* renamed: no per-block question, no default value for existing instances */
	assert_null(strstr(out, "would you want to update in UserBlock"));
	assert_null(strstr(out, "Supply default subscription instance value"));
	struct plan_updates u = { 0 };
	plan_current_updates(w.plan, &u);
	assert_int_equal(u.rt_old.n, 1);
	assert_string_equal(u.rt_old.v[0], "age");
	assert_string_equal(u.rt_new.v[0], "user_age");
	plan_updates_free(&u);
	assert_int_equal(plan_validate(w.plan, &err), 0);
	assert_true(plan_confirmed(w.plan));
	free(out);
	world_free(&w);
}

static void test_rename_declined_then_block_question(void **state)
{
	(void)state;
	struct world w;
	world_new(&w);
	struct wfo_error err = { 0 };
	int rc;
	/* q (no global rename), q (no per-block update), confirm, then the
	   description (prefill) and the default value for 3 instances */
	char *out = drive(&w, "q\nq\ny\n\n42\n", true, &rc, &err);
	assert_int_equal(rc, 0);
	assert_non_null(strstr(out, "Which resource type would you want to update in UserBlock Block?"));
	assert_non_null(strstr(out, "Supply default subscription instance value for resource type "
				    "user_age and product block UserBlock: 42"));
	assert_int_equal(plan_validate(w.plan, &err), 0);
	struct changeset cs;
	assert_int_equal(plan_changeset(w.plan, &cs, &err), 0);
	assert_int_equal(cs.rename_resource_types.n, 0);
	assert_int_equal(cs.default_values.n, 1);
	assert_string_equal(cs.default_values.v[0].value, "42");
	changeset_free(&cs);
	free(out);
	world_free(&w);
}

static void test_not_confirmed_aborts(void **state)
{
	(void)state;
	struct world w;
	world_new(&w);
	struct wfo_error err = { 0 };
	int rc;
	char *out = drive(&w, "1\n1\nn\n", true, &rc, &err);
	assert_int_equal(rc, -1);
	assert_int_equal(err.status, WFO_ABORTED);
	assert_non_null(strstr(err.msg, "nothing was written"));
	assert_false(plan_confirmed(w.plan));
	free(out);
	world_free(&w);
}

static void test_end_of_input(void **state)
{
	(void)state;
	struct world w;
	world_new(&w);
	struct wfo_error err = { 0 };
	int rc;
	char *out = drive(&w, "1\n", true, &rc, &err);
	assert_int_equal(rc, -1);
	assert_int_equal(err.status, WFO_UNANSWERED);
	free(out);
	world_free(&w);
}

static void test_refused_tag_asked_again(void **state)
{
	(void)state;
	struct world w;
	w.db = dm_catalog_new();  /* empty database: everything is new */
	w.model = fx_seed_model();
	struct wfo_error err = { 0 };
	assert_int_equal(diff_compute(w.model, w.db, NULL, &w.diff, &err), 0);
	w.plan = plan_new(w.model, w.db, &w.diff);
	int rc;
	const char *in =
		"y\n"
		"g\nA_TAG_OF_TWENTY_ONE_X\nGROUP\n" "e\nUSER_EXT\n" "i\nUSER_INT\n"
		"external\ninternal\n"
		"ub\nUB\n" "ugb\nUGB\n"
		"a\nb\nc\nd\ne\n";
	char *out = drive(&w, in, true, &rc, &err);
	assert_int_equal(rc, 0);
	assert_non_null(strstr(out, "Not accepted: inputs[\"User Group\"][\"tag\"]"));
	assert_non_null(strstr(out, "Product: UserGroup User Group\n"));
	assert_int_equal(plan_validate(w.plan, &err), 0);
	assert_string_equal(plan_get_answer(w.plan, "inputs[\"User Group\"][\"tag\"]"), "GROUP");
	free(out);
	world_free(&w);
}

static void test_defaults_and_report(void **state)
{
	(void)state;
	struct world w;
	world_new(&w);
	char *nb = NULL, *rb = NULL;
	size_t nl = 0, rl = 0;
	FILE *note = open_memstream(&nb, &nl);
	size_t open = mdm_drive_defaults(note, w.plan);
	fclose(note);
	/* the rename is declined and said so; user_age's description is the
	   model's; its default value for 3 instances and the confirmation stay */
	assert_non_null(strstr(nb, "No rename: updates[\"resource_types\"][\"age\"]"));
	assert_non_null(strstr(nb, "Using the default from the models for inputs[\"user_age\"]"
				   "[\"description\"]: age in years"));
	assert_int_equal(open, 2);
	FILE *rep = open_memstream(&rb, &rl);
	mdm_report_missing(rep, w.plan);
	fclose(rep);
	assert_non_null(strstr(rb, "--inputs \"user_age\".\"UserBlock\""));
	assert_non_null(strstr(rb, "--yes"));
	free(nb);
	free(rb);
	world_free(&w);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rename_taken),
		cmocka_unit_test(test_rename_declined_then_block_question),
		cmocka_unit_test(test_not_confirmed_aborts),
		cmocka_unit_test(test_end_of_input),
		cmocka_unit_test(test_refused_tag_asked_again),
		cmocka_unit_test(test_defaults_and_report),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
