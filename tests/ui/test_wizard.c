/* test_wizard.c - the full-screen wizard driven headlessly by key scripts
 * (WFO_UI_KEYS) on a fake wizard_env: every screen, the keys, the
 * promises of the wizard (README, man page: THE WIZARD) (password hidden, skipped steps, refused values
 * shown, destructive confirmations default to No, quitting asks and saves
 * answers files, interruption restores the terminal and writes nothing,
 * small terminals), asserted on the dumped screen text and on the outcome
 * (result, plan answers, callbacks). */
#include "config.h"

#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "ui_fixture.h"

/* On failure the whole screen is printed: cmocka truncates its messages. */
#define HAS(scr, s) do { if (!strstr((scr), (s))) { \
	fprintf(stderr, "missing \"%s\" in screen:\n%s\n", (s), (scr)); fail(); } } while (0)
#define HASNT(scr, s) do { if (strstr((scr), (s))) { \
	fprintf(stderr, "unexpected \"%s\" in screen:\n%s\n", (s), (scr)); fail(); } } while (0)

static size_t required_count(const struct fake *f)
{
	size_t n = 0;
	for (size_t i = 0; i < plan_count(f->env.plan); i++) {
		const struct plan_question *q = plan_question(f->env.plan, i);
		n += q->required && q->kind != PQ_CONFIRM;
	}
	return n;
}

/* "Enter" on Details, then one value per required question: v1, v2, ... */
static char *answer_all(const struct fake *f)
{
	struct strbuf sb = STRBUF_INIT;
	sb_add(&sb, "<Enter>\n");
	for (size_t i = 0; i < required_count(f); i++)
		sb_addf(&sb, "\"v%zu\" <Enter>\n", i + 1);
	return sb_detach(&sb);
}

static void frame_and_differences(void **state)
{
	struct fake *f = fake_seed();
	assert_int_equal(fake_run(f, "80x24", "<Dump> q"), WIZARD_QUIT);
	char *s = fake_screen(f, 1);
	HAS(s, "wfo-migrate · migrate-domain-models · \"Add User and UserGroup products\"");
	HAS(s, "db nwa:***@localhost/orchestr");
	HASNT(s, "secret");
	HAS(s, "models ./products");
	HAS(s, "head 9a31b6bf3e85 (data)");
	HAS(s, "1 Differences ▸ 2 Renames (skipped) ▸ 3 Details ▸ 4 Review ▸ 5 Write");
	HAS(s, "+ 3 products to create");
	HAS(s, "User Group, User external, User internal");
	HAS(s, "+ 2 product blocks to create");
	HAS(s, "+ 5 resource types to create");
	HAS(s, "+ 2 fixed inputs to create");
	HAS(s, "F1 help");
	HAS(s, "F10 quit");
	HAS(s, "Enter expand");
	HAS(s, "n next");
	assert_int_equal(f->writes, 0);
	free(s);
	fake_free(f);
}

static void expand_and_detail(void **state)
{
	struct fake *f = fake_seed();
	fake_run(f, "80x24", "<Right> <Down> <Down> <Dump> <Left> <Dump> q");
	char *s = fake_screen(f, 1);
	HAS(s, "▾ + 3 products to create");
	HAS(s, "+ User external  (User)");
	HAS(s, "Product User external, to create");
	HAS(s, "Model:    type User; fixed inputs: affiliation; blocks: UserBlock");
	HAS(s, "Database: not there");
	free(s);
	s = fake_screen(f, 2);
	HAS(s, "▸ + 3 products to create");
	HASNT(s, "+ User external  (User)");
	free(s);
	fake_free(f);
}

static void differences_filter(void **state)
{
	struct fake *f = fake_seed();
	fake_run(f, "80x24", "/ <Dump> \"user INT\" <Enter> <Dump> <Down> <Dump> / <C-u> \"nothing like it\" <Enter> <Dump> / <C-u> <Enter> <Dump> q");
	char *s = fake_screen(f, 1);
	HAS(s, "Show the differences whose name contains");
	free(s);
	s = fake_screen(f, 2);
	HAS(s, "1 of 3 products to create");
	HAS(s, "+ User internal  (User)");
	HAS(s, "1 of 2 fixed inputs to create");
	HAS(s, "affiliation  (User internal)");
	HASNT(s, "User Group");
	HASNT(s, "product blocks to create");
	HAS(s, "Filter \"user INT\": 2 matches");
	free(s);
	s = fake_screen(f, 3);
	HAS(s, "Product User internal, to create");
	free(s);
	s = fake_screen(f, 4);
	HAS(s, "Filter \"nothing like it\": 0 matches");
	HASNT(s, "products to create");
	free(s);
	s = fake_screen(f, 5);
	HAS(s, "▸ + 3 products to create");
	HAS(s, "▸ + 2 product blocks to create");
	free(s);
	fake_free(f);
}

static void seed_to_upgraded(void **state)
{
	struct fake *f = fake_seed();
	char *answers = answer_all(f);
	char *script = xasprintf("n <Dump>\n%s <Dump> n <Dump> <Tab> <Dump> <Enter> <Dump> <Enter> <Dump> <Enter> <Dump> y <Dump> <Enter>",
				 answers);
	assert_int_equal(fake_run(f, "80x24", script), WIZARD_WRITTEN);
	char *s = fake_screen(f, 1);
	HAS(s, "3 Details");
	HAS(s, "17 values: 0 done, 17 missing, 0 invalid");
	HAS(s, "Product User Group");
	HAS(s, "Description of product User Group?");
	free(s);
	s = fake_screen(f, 2);
	HAS(s, "17 values: 17 done, 0 missing, 0 invalid");
	HAS(s, "Every value is filled in");
	free(s);
	s = fake_screen(f, 3);
	HAS(s, " 1 Summary ");
	HAS(s, "3 products to create");
	HAS(s, "Upgrade SQL (");
	free(s);
	s = fake_screen(f, 4);
	HAS(s, "INSERT INTO products");
	free(s);
	s = fake_screen(f, 5);
	HAS(s, "You confirm these changes:");
	HAS(s, "Create 3 products");
	HAS(s, "Create 5 resource types");
	HASNT(s, "the above");
	HAS(s, "[ Yes, confirm ]");
	free(s);
	s = fake_screen(f, 6);
	HAS(s, "The revision file that will be written:");
	HAS(s, "Folder     migrations/versions/schema");
	HAS(s, "Revision   4c2a91e0b7d1");
	HAS(s, "Revises    9a31b6bf3e85");
	HAS(s, "Branch     data");
	HAS(s, "[ Write the file ]");
	HAS(s, "4 Review ✓");
	free(s);
	s = fake_screen(f, 7);
	HAS(s, "Apply to the database now?");
	free(s);
	s = fake_screen(f, 8);
	HAS(s, "Database upgraded");
	HAS(s, "head 4c2a91e0b7d1");
	free(s);
	assert_int_equal(f->writes, 1);
	assert_string_equal(f->written_message, "Add User and UserGroup products");
	assert_string_equal(f->path, "/tmp/versions/2026-12-01_4c2a91e0b7d1_Add User and UserGroup products.py");
	assert_int_equal(f->upgrades, 1);
	assert_int_equal(f->progress_calls, 3);
	assert_true(plan_confirmed(f->env.plan));
	assert_int_equal(plan_open_count(f->env.plan), 0);
	size_t tag = fake_q(f, PQ_PRODUCT_TAG, "User Group", NULL);
	assert_true(tag != PLAN_NONE);
	assert_non_null(plan_question(f->env.plan, tag)->answer);
	free(script);
	free(answers);
	fake_free(f);
}

static void invalid_tag_refused(void **state)
{
	struct fake *f = fake_seed();
	/* the second question is User Group's tag */
	fake_run(f, "80x24",
		 "n <Down> <Enter> \"ABCDEFGHIJKLMNOPQRSTUVWXY\" <Dump> <Enter> <Dump> <C-u> \"UG\" <Dump> <Enter> <Esc> <Dump> q <BTab> <Enter>");
	char *s = fake_screen(f, 1);
	HAS(s, "25/20");
	HAS(s, "Tag of product User Group: 25 characters, at most 20");
	free(s);
	s = fake_screen(f, 2);
	HAS(s, "✗ Product User Group");
	HAS(s, "ABCDEFGHIJKLMNOPQRSTUVWXY");
	HAS(s, "Tag of product User Group: 25 characters, at most 20");
	HAS(s, "16 missing, 1 invalid");
	free(s);
	s = fake_screen(f, 3);
	HAS(s, "2/20");
	free(s);
	s = fake_screen(f, 4);
	HAS(s, "✓ Product User Group");
	HAS(s, "0 invalid");
	free(s);
	size_t tag = fake_q(f, PQ_PRODUCT_TAG, "User Group", NULL);
	assert_string_equal(plan_question(f->env.plan, tag)->answer, "UG");
	assert_int_equal(f->result, WIZARD_QUIT);
	assert_int_equal(f->writes, 0);
	fake_free(f);
}

static void rename_and_back_from_review(void **state)
{
	struct fake *f = fake_rename();
	size_t r = fake_q(f, PQ_RT_RENAME, "age", NULL);
	assert_true(r != PLAN_NONE);
	fake_run(f, "80x24",
		 "<Dump> n <Dump> <Enter> <Dump> <Enter> <Dump> n <Dump> <Esc> <Dump> <Enter> <End> <Enter> n y <Down> <Dump> n <Dump> q <BTab> <Enter>");
	char *s = fake_screen(f, 1);
	HAS(s, "2 Renames ▸");
	HASNT(s, "Renames (skipped)");
	free(s);
	s = fake_screen(f, 2);
	HAS(s, "Resource type age");
	HAS(s, "not decided");
	HAS(s, "Which new resource type replaces age?");
	HAS(s, "7 values are kept by renaming");
	HAS(s, "UserBlock");
	free(s);
	s = fake_screen(f, 3);
	HAS(s, "Rename age to user_age");
	HAS(s, "No rename: drop age and its values");
	free(s);
	s = fake_screen(f, 4);
	HAS(s, "→ user_age");
	free(s);
	/* nothing else to fill in: straight to the review */
	s = fake_screen(f, 5);
	HAS(s, "Rename resource type age to user_age");
	HASNT(s, "age -> user_age");
	free(s);
	s = fake_screen(f, 6);
	HAS(s, "Resource type age");
	free(s);
	/* changed to no rename: the plan recomputed, a default value is asked */
	s = fake_screen(f, 7);
	HAS(s, "3 Details");
	HAS(s, "user_age in UserBlock");
	HAS(s, "4 existing instances of UserBlock will get this value");
	free(s);
	s = fake_screen(f, 8);
	HAS(s, "2 values are missing; the first: Description of resource type user_age");
	free(s);
	r = fake_q(f, PQ_RT_RENAME, "age", NULL);
	assert_string_equal(plan_question(f->env.plan, r)->answer, "");
	assert_int_equal(f->writes, 0);
	fake_free(f);
}

static void deletion_warning_defaults_to_no(void **state)
{
	struct fake *f = fake_delete();
	fake_run(f, "80x24", "<Dump> <Down> <Right> <Down> <Dump> n <Dump> <Enter> <Dump> <Enter> <Dump> q <BTab> <Enter>");
	char *s = fake_screen(f, 1);
	HAS(s, "− 1 product to delete");
	HAS(s, "⚠ 12 subscriptions");
	free(s);
	s = fake_screen(f, 2);
	HAS(s, "Product Legacy, to delete");
	HAS(s, "⚠ 12 subscriptions will be deleted");
	free(s);
	s = fake_screen(f, 3);
	HAS(s, "4 Review");
	HAS(s, "⚠ 1 destructive change:");
	/* the full step bar does not fit 80 columns here: the compact one */
	HAS(s, "1 Differences✓ ▸ 2 Renames - ▸ 3 Details - ▸ 4 Review ▸ 5 Write");
	HAS(s, "Deleting product Legacy deletes its 12 subscriptions");
	free(s);
	s = fake_screen(f, 4);
	HAS(s, "They destroy data:");
	HAS(s, "[ No ]");
	free(s);
	/* Enter took the default: No */
	s = fake_screen(f, 5);
	HAS(s, "4 Review");
	HASNT(s, "Write the file");
	free(s);
	assert_false(plan_confirmed(f->env.plan));
	assert_int_equal(f->writes, 0);
	fake_free(f);
}

static void quit_without_answers(void **state)
{
	struct fake *f = fake_seed();
	assert_int_equal(fake_run(f, "80x24", "q"), WIZARD_QUIT);
	assert_int_equal(f->writes, 0);
	fake_free(f);
}

static void quit_asks_and_saves_answers(void **state)
{
	struct fake *f = fake_seed();
	char dir[] = "/tmp/wfo-ui-save-XXXXXX";
	assert_non_null(mkdtemp(dir));
	char *script = xasprintf("n <Enter> \"Users in groups\" <Enter> <Esc> q <Dump> <BTab> <BTab> <Enter> <Dump> <C-u> \"%s/ans\" <Enter>", dir);
	assert_int_equal(fake_run(f, "80x24", script), WIZARD_QUIT);
	char *s = fake_screen(f, 1);
	HAS(s, "Quit without writing?");
	HAS(s, "[ Save answers ]");
	HAS(s, "[ Quit without saving ]");
	free(s);
	s = fake_screen(f, 2);
	HAS(s, "wfo-answers");
	free(s);
	char *path = xasprintf("%s/ans-inputs.json", dir);
	char *json = read_file(path, NULL);
	assert_non_null(json);
	assert_non_null(strstr(json, "\"User Group\""));
	assert_non_null(strstr(json, "\"Users in groups\""));
	/* the saved file answers the same question in a new plan */
	struct fake *g = fake_seed();
	struct wfo_error err;
	assert_int_equal(answers_load_inputs(g->env.plan, json, &err), 0);
	size_t d = fake_q(g, PQ_PRODUCT_DESCRIPTION, "User Group", NULL);
	assert_string_equal(plan_question(g->env.plan, d)->answer, "Users in groups");
	fake_free(g);
	char *up = xasprintf("%s/ans-updates.json", dir);
	assert_int_equal(access(up, F_OK), -1); /* no renames: no updates file */
	unlink(path);
	rmdir(dir);
	free(up);
	free(json);
	free(path);
	free(script);
	assert_int_equal(f->writes, 0);
	fake_free(f);
}

/* A decided rename is saved as an --updates file beside the --inputs one. */
static void save_answers_with_renames(void **state)
{
	struct fake *f = fake_rename();
	char dir[] = "/tmp/wfo-ui-save-XXXXXX";
	assert_non_null(mkdtemp(dir));
	char *script = xasprintf("n <Enter> <Enter> q <BTab> <BTab> <Enter> <C-u> \"%s/r\" <Enter>", dir);
	assert_int_equal(fake_run(f, "80x24", script), WIZARD_QUIT);
	char *in = xasprintf("%s/r-inputs.json", dir), *up = xasprintf("%s/r-updates.json", dir);
	char *json = read_file(up, NULL);
	assert_non_null(json);
	assert_non_null(strstr(json, "\"resource_types\""));
	assert_non_null(strstr(json, "\"user_age\""));
	struct fake *g = fake_rename();
	struct wfo_error err;
	assert_int_equal(answers_load_updates(g->env.plan, json, &err), 0);
	assert_non_null(strstr(json, "\"ask_other_renames\": true"));
	/* the saved rename answers its question; the step can be revisited */
	assert_false(plan_has_updates(g->env.plan));
	size_t rq = fake_q(g, PQ_RT_RENAME, NULL, NULL);
	assert_true(rq != PLAN_NONE);
	assert_string_equal(plan_question(g->env.plan, rq)->answer, "user_age");
	fake_free(g);
	assert_int_equal(access(in, F_OK), 0);
	unlink(in);
	unlink(up);
	rmdir(dir);
	free(json);
	free(in);
	free(up);
	free(script);
	fake_free(f);
}

static void quit_without_saving(void **state)
{
	struct fake *f = fake_seed();
	assert_int_equal(fake_run(f, "80x24", "n <Enter> \"x\" <Enter> <Esc> q <BTab> <Enter>"), WIZARD_QUIT);
	assert_int_equal(f->writes, 0);
	/* Cancel (the default) keeps the wizard running */
	assert_int_equal(fake_run(f, "80x24", "n <Enter> \"x\" <Enter> <Esc> q <Enter> <Dump>"), WIZARD_INTERRUPTED);
	char *s = fake_screen(f, 1);
	HAS(s, "3 Details");
	free(s);
	fake_free(f);
}

static void interrupt_restores_and_writes_nothing(void **state)
{
	struct fake *f = fake_seed();
	assert_int_equal(fake_run(f, "80x24", "n <Enter> \"half\" <SIGINT> \"more\" <Enter>"), WIZARD_INTERRUPTED);
	assert_int_equal(f->writes, 0);
	assert_int_equal(f->err.status, WFO_ABORTED);
	assert_non_null(strstr(f->err.msg, "nothing was written"));
	/* the terminal was given back: a second run opens it again */
	assert_int_equal(fake_run(f, "80x24", "<SIGTERM>"), WIZARD_INTERRUPTED);
	assert_int_equal(fake_run(f, "80x24", "<SIGHUP>"), WIZARD_INTERRUPTED);
	assert_int_equal(fake_run(f, "80x24", "q"), WIZARD_QUIT);
	/* the end of a key script is an interruption too */
	assert_int_equal(fake_run(f, "80x24", "n"), WIZARD_INTERRUPTED);
	fake_free(f);
}

static void resize_small_and_back(void **state)
{
	struct fake *f = fake_seed();
	fake_run(f, "80x24", "<Resize 60x20> <Dump> <Resize 40x10> <Dump> j <Resize 80x24> <Dump> n <Resize 60x20> <Dump> q");
	char *s = fake_screen(f, 1);
	HAS(s, "+ 3 products to create");
	HAS(s, "F10 quit");
	free(s);
	s = fake_screen(f, 2);
	HAS(s, "Terminal too small (40x10).");
	HAS(s, "Please enlarge it to at least 50x15.");
	free(s);
	s = fake_screen(f, 3);
	HAS(s, "1 Differences ▸ 2 Renames (skipped)");
	HAS(s, "▸ + 3 products to create");
	free(s);
	s = fake_screen(f, 4);
	HAS(s, "3 Details");
	HAS(s, "Product User Group");
	HAS(s, "Description of product User Group?");
	free(s);
	fake_free(f);
}

static void help_lists_the_keys(void **state)
{
	struct fake *f = fake_seed();
	fake_run(f, "80x24", "<F1> <Dump> <Esc> ? <Dump> <Esc> n <Enter> <F1> <Dump> <Esc> <Esc> q");
	char *s = fake_screen(f, 1);
	HAS(s, "Keys: 1 Differences");
	HAS(s, "↑ k");
	HAS(s, "expand the group");
	HAS(s, "expand or collapse the group");
	HAS(s, "next step");
	HAS(s, "F10 q");
	free(s);
	s = fake_screen(f, 2);
	HAS(s, "Keys: 1 Differences");
	free(s);
	s = fake_screen(f, 3);
	HAS(s, "Keys: 3 Details");
	HAS(s, "in a field: delete to the start");
	HAS(s, "Ctrl-U");
	free(s);
	fake_free(f);
}

static void write_error_stays_usable(void **state)
{
	struct fake *f = fake_seed();
	f->write_failures_left = 1;
	f->env.upgrade = NULL;
	char *answers = answer_all(f);
	char *script = xasprintf("n %s n <Enter> <Enter> <Enter> <Dump> <Enter> <Dump> <Enter>", answers);
	assert_int_equal(fake_run(f, "80x24", script), WIZARD_WRITTEN);
	char *s = fake_screen(f, 1);
	HAS(s, "Cannot write the revision file");
	HAS(s, "already exists");
	free(s);
	s = fake_screen(f, 2);
	HAS(s, "[ Write the file ]");
	free(s);
	assert_int_equal(f->writes, 2);
	assert_non_null(f->path);
	free(script);
	free(answers);
	fake_free(f);
}

static void upgrade_error_shown(void **state)
{
	struct fake *f = fake_seed();
	f->upgrade_failures_left = 1;
	f->env.upgrade_default = true;
	char *answers = answer_all(f);
	/* --upgrade: Write applies at once, no "Apply now?" */
	char *script = xasprintf("n %s n <Enter> <Enter> <Enter> <Dump> <Enter> <Dump> q", answers);
	assert_int_equal(fake_run(f, "80x24", script), WIZARD_WRITTEN);
	char *s = fake_screen(f, 1);
	HASNT(s, "Apply it to the database now?");
	HAS(s, "The upgrade failed");
	HAS(s, "duplicate key value");
	HAS(s, "Nothing was changed in the database");
	free(s);
	s = fake_screen(f, 2);
	HAS(s, "[ Apply to the database ]");
	/* after its dialog the failure stays readable: the reason whole */
	HAS(s, "The upgrade failed; nothing was changed");
	HAS(s, "statement 2 of 3: ERROR: duplicate key value violates unique constraint");
	free(s);
	assert_int_equal(f->upgrades, 1);
	assert_non_null(f->path);
	free(script);
	free(answers);
	fake_free(f);
}

/* Ctrl-C while the upgrade runs: the wizard asks; "Stop and roll back" (the
 * default) stops it between statements, everything is rolled back and the
 * Write screen says so; the file stays written. */
static void upgrade_ctrl_c_stops(void **state)
{
	struct fake *f = fake_seed();
	f->interrupt_at = 2;
	f->interrupt_sig = SIGINT;
	char *answers = answer_all(f);
	char *script = xasprintf("n %s n <Enter> <Enter> <Enter> y <Dump> <Enter> <Dump> <Enter> <Dump> q",
				 answers);
	assert_int_equal(fake_run(f, "80x24", script), WIZARD_WRITTEN);
	char *s = fake_screen(f, 1);
	HAS(s, "Stop the upgrade?");
	HAS(s, "Statement 2 of 3 has run; nothing is committed yet.");
	HAS(s, "[ Stop and roll back ]");
	HAS(s, "[ Go on ]");
	free(s);
	s = fake_screen(f, 2);
	HAS(s, "The upgrade was stopped");
	HAS(s, "Everything it had done was rolled back");
	HASNT(s, "Database upgraded");
	free(s);
	s = fake_screen(f, 3);
	HAS(s, "The upgrade was stopped; nothing was changed");
	HAS(s, "[ Apply to the database ]");
	free(s);
	assert_int_equal(f->rolled_back, 1);
	assert_int_equal(f->progress_calls, 2);
	assert_int_equal(f->upgrades, 1);
	assert_non_null(f->path);
	free(script);
	free(answers);
	fake_free(f);
}

/* Ctrl-C, then "Go on": the upgrade runs to its end as if never asked. */
static void upgrade_ctrl_c_go_on(void **state)
{
	struct fake *f = fake_seed();
	f->interrupt_at = 1;
	f->interrupt_sig = SIGINT;
	char *answers = answer_all(f);
	char *script = xasprintf("n %s n <Enter> <Enter> <Enter> y <Dump> <Tab> <Enter> <Dump> <Enter>",
				 answers);
	assert_int_equal(fake_run(f, "80x24", script), WIZARD_WRITTEN);
	char *s = fake_screen(f, 1);
	HAS(s, "Stop the upgrade?");
	HAS(s, "Statement 1 of 3 has run");
	free(s);
	s = fake_screen(f, 2);
	HAS(s, "Database upgraded");
	HAS(s, "The database is now at head 4c2a91e0b7d1.");
	HASNT(s, "too late");
	free(s);
	assert_int_equal(f->rolled_back, 0);
	assert_int_equal(f->progress_calls, 3);
	free(script);
	free(answers);
	fake_free(f);
}

/* Ctrl-C after the last statement (the COMMIT on its way) cannot stop it:
 * the wizard says the upgrade is complete, not that it was stopped. */
static void upgrade_ctrl_c_too_late(void **state)
{
	struct fake *f = fake_seed();
	f->interrupt_at = 4;
	f->interrupt_sig = SIGINT;
	char *answers = answer_all(f);
	char *script = xasprintf("n %s n <Enter> <Enter> <Enter> y <Dump> <Enter>", answers);
	assert_int_equal(fake_run(f, "80x24", script), WIZARD_WRITTEN);
	char *s = fake_screen(f, 1);
	HAS(s, "Database upgraded");
	HAS(s, "too late to");
	HAS(s, "the upgrade is complete");
	HASNT(s, "Stop the upgrade?");
	free(s);
	assert_int_equal(f->rolled_back, 0);
	free(script);
	free(answers);
	fake_free(f);
}

/* SIGTERM while the upgrade runs: stopped and rolled back without asking
 * (no one may be there to answer); the wizard then ends, the file written. */
static void upgrade_sigterm_stops(void **state)
{
	struct fake *f = fake_seed();
	f->interrupt_at = 2;
	f->interrupt_sig = SIGTERM;
	char *answers = answer_all(f);
	char *script = xasprintf("n %s n <Enter> <Enter> <Enter> y <Dump>", answers);
	assert_int_equal(fake_run(f, "80x24", script), WIZARD_WRITTEN);
	assert_int_equal(f->rolled_back, 1);
	assert_int_equal(f->progress_calls, 2);
	assert_null(f->dump ? strstr(f->dump, "Stop the upgrade?") : NULL);
	assert_non_null(f->path);
	free(script);
	free(answers);
	fake_free(f);
}

static void ascii_fallback(void **state)
{
	struct fake *f = fake_seed();
	setenv("WFO_UI_ASCII", "1", 1);
	fake_run(f, "80x24", "<Dump> q");
	unsetenv("WFO_UI_ASCII");
	char *s = fake_screen(f, 1);
	HAS(s, "1 Differences > 2 Renames (skipped) > 3 Details");
	HAS(s, "> + 3 products to create");
	HAS(s, "-----");
	HASNT(s, "▸");
	HASNT(s, "─");
	free(s);
	fake_free(f);
}

static void no_differences(void **state)
{
	struct fake *f = fake_new(fx_seed_model(), fx_seed_db(1, 1));
	assert_int_equal(fake_run(f, "80x24", "<Dump> <Enter>"), WIZARD_NOTHING);
	char *s = fake_screen(f, 1);
	HAS(s, "No differences between the models and the database: nothing to do.");
	free(s);
	assert_int_equal(fake_run(f, "80x24", "q"), WIZARD_NOTHING);
	assert_int_equal(f->writes, 0);
	fake_free(f);
}

static void review_search(void **state)
{
	struct fake *f = fake_delete();
	fake_run(f, "80x24", "n 2 / \"DELETE FROM products\" <Enter> <Dump> / \"zzzq\" <Enter> <Dump> q");
	char *s = fake_screen(f, 1);
	HAS(s, "DELETE FROM products");
	HASNT(s, "Not found");
	free(s);
	s = fake_screen(f, 2);
	HAS(s, "Not found: zzzq");
	free(s);
	fake_free(f);
}

static void field_editing_utf8(void **state)
{
	struct fake *f = fake_seed();
	fake_run(f, "80x24",
		 "n <Enter> \"abc\" <Left> <Left> \"X\" <Home> \"S\" <End> \"é✓\" <Backspace> \" Über\" <Enter>"
		 " <Esc> <Up> <Enter> <C-u> \"one two\" <C-w> \"three\" <Home> <Delete> <Enter> q <BTab> <Enter>");
	size_t d = fake_q(f, PQ_PRODUCT_DESCRIPTION, "User Group", NULL);
	assert_string_equal(plan_question(f->env.plan, d)->answer, "ne three");
	d = fake_q(f, PQ_PRODUCT_DESCRIPTION, "User external", NULL);
	(void)d;
	fake_free(f);
	f = fake_seed();
	fake_run(f, "80x24", "n <Enter> \"abc\" <Left> <Left> \"X\" <Home> \"S\" <End> \"é✓\" <Backspace> \" Über\" <Enter> q <BTab> <Enter>");
	d = fake_q(f, PQ_PRODUCT_DESCRIPTION, "User Group", NULL);
	assert_string_equal(plan_question(f->env.plan, d)->answer, "SaXbcé Über");
	fake_free(f);
}

/* Up / Down leave a field keeping the typed text as a draft (not an answer). */
static void field_up_down_keeps_draft(void **state)
{
	struct fake *f = fake_seed();
	fake_run(f, "80x24", "n <Enter> \"typed\" <Down> <Dump> <Up> <Enter> <Dump> <Enter> q <BTab> <Enter>");
	char *s = fake_screen(f, 1);
	HAS(s, "• Product User Group                description   typed");
	HAS(s, "Tag of product User Group? A short code, at most 20 characters.");
	/* the product type is shown, from the models, not asked */
	HAS(s, "Product type UserGroup, from the models");
	free(s);
	s = fake_screen(f, 2);
	HAS(s, "  typed");
	free(s);
	size_t d = fake_q(f, PQ_PRODUCT_DESCRIPTION, "User Group", NULL);
	assert_string_equal(plan_question(f->env.plan, d)->answer, "typed");
	fake_free(f);
	/* n answers the drafts left with Tab / arrows; a refused one stops it */
	f = fake_seed();
	fake_run(f, "80x24", "n <Enter> \"kept\" <Tab> <Down> <Enter> \"TAG_THAT_IS_FAR_TOO_LONG\" <Down> n <Dump> q <BTab> <Enter>");
	s = fake_screen(f, 1);
	HAS(s, "1 value is refused: correct it first");
	HAS(s, "✗ Product User Group                tag           TAG_THAT_IS_FAR_TOO_LONG");
	free(s);
	d = fake_q(f, PQ_PRODUCT_DESCRIPTION, "User Group", NULL);
	assert_string_equal(plan_question(f->env.plan, d)->answer, "kept");
	assert_null(plan_question(f->env.plan, fake_q(f, PQ_PRODUCT_TAG, "User Group", NULL))->answer);
	fake_free(f);
}

static void message_edit(void **state)
{
	struct fake *f = fake_seed();
	f->env.upgrade = NULL;
	char *answers = answer_all(f);
	char *script = xasprintf("n %s n <Enter> <Enter> <Up> <Enter> <C-u> <Enter> <Dump> \"Users, groups\" <Enter> <Dump> <Enter>",
				 answers);
	assert_int_equal(fake_run(f, "80x24", script), WIZARD_WRITTEN);
	char *s = fake_screen(f, 1);
	HAS(s, "The message is required");
	free(s);
	s = fake_screen(f, 2);
	HAS(s, "\"Users, groups\"");
	free(s);
	assert_string_equal(f->written_message, "Users, groups");
	free(script);
	free(answers);
	fake_free(f);
}

static void bad_key_script(void **state)
{
	struct fake *f = fake_seed();
	assert_int_equal(fake_run(f, "80x24", "j <Bogus> q"), WIZARD_ERROR);
	assert_non_null(strstr(f->err.msg, "unknown key script token <Bogus>"));
	assert_non_null(strstr(f->err.msg, f->keys_path));
	fake_free(f);
}

static void small_terminal_60x20_flow(void **state)
{
	struct fake *f = fake_rename();
	fake_run(f, "60x20", "n <Dump> <Enter> <Enter> n <Dump> <Enter> <Dump> q <BTab> <Enter>");
	char *s = fake_screen(f, 1);
	HAS(s, "Resource type age");
	free(s);
	s = fake_screen(f, 2);
	HAS(s, "4 Review");
	HAS(s, "Rename resource type age to user_age");
	free(s);
	s = fake_screen(f, 3);
	HAS(s, "Confirm");
	free(s);
	fake_free(f);
}

/* The smallest size that still works: the whole flow at 50x15. */
static void minimum_size_whole_flow(void **state)
{
	struct fake *f = fake_delete();
	fake_run(f, "50x15", "<Dump> <Right> <Down> <Dump> n <Dump> <F1> <Dump> <Esc> <Enter> <Dump> y <Dump> <Enter> <Dump> y <Dump> <Enter>");
	assert_int_equal(f->result, WIZARD_WRITTEN);
	for (int n = 1; n <= 8; n++) {
		char *s = fake_screen(f, n);
		HASNT(s, "Terminal too small");
		HAS(s, "wfo-migrate");
		free(s);
	}
	char *s = fake_screen(f, 2);
	HAS(s, "Product Legacy, to delete");
	free(s);
	s = fake_screen(f, 3);
	HAS(s, "4 Review");
	HAS(s, "destructive");
	free(s);
	s = fake_screen(f, 4);
	HAS(s, "Keys: 4 Review");
	free(s);
	s = fake_screen(f, 6);
	HAS(s, "[ Write the file ]");
	free(s);
	s = fake_screen(f, 7);
	HAS(s, "Apply it to the database now?");
	free(s);
	s = fake_screen(f, 8);
	HAS(s, "Database upgraded");
	free(s);
	assert_int_equal(f->writes, 1);
	assert_int_equal(f->upgrades, 1);
	fake_free(f);
}

static void block_update_after_declined_rename(void **state)
{
	struct fake *f = fake_rename();
	fake_run(f, "80x24", "n <Dump> n y <Dump> <Enter> <Dump> <Enter> <Dump> n <Dump> <Enter> \"age in years\" <Enter> n <Dump> q <BTab> <Enter>");
	/* the per-block question waits for the global one */
	char *s = fake_screen(f, 1);
	HAS(s, "Resource type age                           → not decided");
	HASNT(s, "Block UserBlock");
	free(s);
	s = fake_screen(f, 2);
	HAS(s, "Resource type age                           → no rename");
	HAS(s, "? Block UserBlock: resource type age          → not decided");
	HAS(s, "1 undecided suggestion declined; 1 new question (per block) to decide");
	free(s);
	s = fake_screen(f, 3);
	HAS(s, "In block UserBlock, which new resource type replaces age?");
	HAS(s, "Rename age to user_age");
	free(s);
	s = fake_screen(f, 4);
	HAS(s, "Block UserBlock: resource type age          → user_age");
	free(s);
	/* user_age is new (not renamed globally): its description is asked */
	s = fake_screen(f, 5);
	HAS(s, "3 Details");
	HAS(s, "Resource type user_age");
	free(s);
	s = fake_screen(f, 6);
	HAS(s, "Replace resource type age with user_age in product block UserBlock");
	HAS(s, "1 resource type to create: user_age");
	free(s);
	size_t g = fake_q(f, PQ_RT_RENAME, "age", NULL);
	assert_string_equal(plan_question(f->env.plan, g)->answer, "");
	size_t b = fake_q(f, PQ_BLOCK_RT_UPDATE, "UserBlock", "age");
	assert_string_equal(plan_question(f->env.plan, b)->answer, "user_age");
	fake_free(f);
}

static void fixed_input_rename(void **state)
{
	struct dm_catalog *m = fx_seed_model();
	struct dm_product *p = dm_find_product(m, "User internal");
	free(p->fixed_inputs[0].name);
	p->fixed_inputs[0].name = xstrdup("affiliationing");
	struct fake *f = fake_new(m, fx_seed_db(3, 2));
	fake_run(f, "80x24", "<Right> <Dump> n <Dump> <Enter> <Dump> <Enter> n <Dump> q <BTab> <Enter>");
	char *s = fake_screen(f, 1);
	HAS(s, "~ 1 product changed");
	HAS(s, "User internal  + affiliationing  − affiliation");
	free(s);
	s = fake_screen(f, 2);
	HAS(s, "User internal: fixed input affiliation");
	HAS(s, "Is fixed input affiliation of product User internal renamed to affiliationing?");
	HAS(s, "3 subscriptions of User internal keep the value of affiliation");
	free(s);
	s = fake_screen(f, 3);
	HAS(s, "Rename affiliation to affiliationing");
	HAS(s, "No rename: delete affiliation and create the new one");
	free(s);
	s = fake_screen(f, 4);
	HAS(s, "4 Review");
	HAS(s, "Rename fixed input affiliation of product User internal to");
	HAS(s, "to affiliationing");
	free(s);
	size_t q = fake_q(f, PQ_FI_RENAME, "User internal", NULL);
	assert_string_equal(plan_question(f->env.plan, q)->answer, "affiliationing");
	fake_free(f);
}

/* n on Renames with undecided renames asks first, counting the values
 * lost; Enter takes the default No: nothing is declined, the cursor is on
 * an undecided row. After a choice the cursor moves to the next undecided
 * row. y declines and goes on. */
static void renames_n_asks_before_declining(void **state)
{
	struct fake *f = fake_rename2();
	fake_run(f, "80x24", "n <Dump> n <Dump> <Enter> <Dump> <Enter> <Enter> <Dump> n <Dump> y <Dump> q <BTab> <Enter>");
	char *s = fake_screen(f, 1);
	HAS(s, "? Resource type age");
	HAS(s, "? Resource type username");
	free(s);
	s = fake_screen(f, 2);
	HAS(s, "Decline 2 renames?");
	HAS(s, "7 values of age and");
	HAS(s, "3 values of username will be dropped.");
	HAS(s, "[ No ]");
	free(s);
	/* the default: No; still on Renames, nothing decided */
	s = fake_screen(f, 3);
	HAS(s, "Nothing declined");
	HAS(s, "2 Renames");
	HAS(s, "? Resource type age");
	HAS(s, "? Resource type username");
	free(s);
	size_t a = fake_q(f, PQ_RT_RENAME, "age", NULL), u = fake_q(f, PQ_RT_RENAME, "username", NULL);
	/* age was renamed (first choice: login) and the cursor went on to username */
	s = fake_screen(f, 4);
	HAS(s, "Which new resource type replaces username?");
	free(s);
	s = fake_screen(f, 5);
	HAS(s, "Decline 1 rename?");
	HAS(s, "Going on declines it: 3 values of username");
	HASNT(s, "values of age");
	free(s);
	s = fake_screen(f, 6);
	HAS(s, "3 Details");
	free(s);
	a = fake_q(f, PQ_RT_RENAME, "age", NULL);
	u = fake_q(f, PQ_RT_RENAME, "username", NULL);
	assert_string_equal(plan_question(f->env.plan, a)->answer, "login");
	assert_string_equal(plan_question(f->env.plan, u)->answer, "");
	fake_free(f);
}

/* Saving with a rename decided and one undecided: the resumed plan has the
 * decided one answered and the other still open (asked again). */
static void save_keeps_undecided_renames_open(void **state)
{
	struct fake *f = fake_rename2();
	char dir[] = "/tmp/wfo-ui-save-XXXXXX";
	assert_non_null(mkdtemp(dir));
	char *script = xasprintf("n <Enter> <Enter> q <BTab> <BTab> <Enter> <C-u> \"%s/r\" <Enter>", dir);
	assert_int_equal(fake_run(f, "80x24", script), WIZARD_QUIT);
	char *up = xasprintf("%s/r-updates.json", dir), *in = xasprintf("%s/r-inputs.json", dir);
	char *json = read_file(up, NULL);
	assert_non_null(json);
	struct fake *g = fake_rename2();
	struct wfo_error err;
	assert_int_equal(answers_load_updates(g->env.plan, json, &err), 0);
	size_t a = fake_q(g, PQ_RT_RENAME, "age", NULL), u = fake_q(g, PQ_RT_RENAME, "username", NULL);
	assert_true(a != PLAN_NONE && u != PLAN_NONE);
	assert_string_equal(plan_question(g->env.plan, a)->answer, "login");
	assert_null(plan_question(g->env.plan, u)->answer);   /* undecided stays undecided */
	/* the wizard on the resumed plan shows it undecided */
	fake_run(g, "80x24", "n <Dump> q <BTab> <Enter>");
	char *s = fake_screen(g, 1);
	HAS(s, "✓ Resource type age");
	HAS(s, "? Resource type username");
	free(s);
	fake_free(g);
	/* saving again under the same name asks before replacing */
	free(script);
	script = xasprintf("n <Enter> <Enter> q <BTab> <BTab> <Enter> <C-u> \"%s/r\" <Enter> <Dump> <Enter> <Dump> <Esc> <Esc> q <BTab> <Enter>", dir);
	fake_run(f, "80x24", script);
	s = fake_screen(f, 1);
	HAS(s, "Replace the saved answers?");
	HAS(s, "[ Another name ]");
	free(s);
	s = fake_screen(f, 2);   /* Enter: the default, another name */
	HAS(s, "File name (without -inputs.json");
	free(s);
	free(script);
	script = xasprintf("n <Enter> <Down> <Enter> q <BTab> <BTab> <Enter> <C-u> \"%s/r\" <Enter> <BTab> <Enter>", dir);
	assert_int_equal(fake_run(f, "80x24", script), WIZARD_QUIT);
	free(json);
	json = read_file(up, NULL);
	assert_non_null(strstr(json, "\"user_age\""));   /* replaced: age -> user_age now */
	unlink(in);
	unlink(up);
	rmdir(dir);
	free(json);
	free(in);
	free(up);
	free(script);
	fake_free(f);
}

/* Esc on the first step asks when there are answers, even prefilled ones. */
static void esc_on_first_step_asks(void **state)
{
	struct fake *f = fake_seed();
	assert_int_equal(fake_run(f, "80x24", "<Esc>"), WIZARD_QUIT);   /* no answers: leaves */
	plan_set_answer(f->env.plan, "inputs[\"User Group\"][\"description\"]", "groups");
	assert_int_equal(fake_run(f, "80x24", "<Esc> <Dump> <Enter> <Dump> <Esc> <Left> <Enter>"), WIZARD_QUIT);
	char *s = fake_screen(f, 1);
	HAS(s, "Leave the wizard?");
	HAS(s, "1 answer came with the");
	free(s);
	s = fake_screen(f, 2);   /* the default: stay */
	HAS(s, "+ 3 products to create");
	HASNT(s, "Leave the wizard?");
	free(s);
	fake_free(f);
}

/* Enter on a Differences group expands it; on an item it does not leave. */
static void enter_expands_a_group(void **state)
{
	struct fake *f = fake_seed();
	fake_run(f, "80x24", "<Enter> <Dump> <Down> <Enter> <Dump> <Up> <Enter> <Dump> q");
	char *s = fake_screen(f, 1);
	HAS(s, "+ User Group  (UserGroup)");
	HAS(s, "1 Differences ▸");
	free(s);
	s = fake_screen(f, 2);
	HAS(s, "n goes on to the next step");
	HAS(s, "+ User Group  (UserGroup)");
	free(s);
	s = fake_screen(f, 3);
	HASNT(s, "+ User Group  (UserGroup)");
	free(s);
	fake_free(f);
}

/* Details: no error before anything is typed; the position is shown. */
static void details_no_error_before_typing(void **state)
{
	struct fake *f = fake_seed();
	fake_run(f, "80x24", "n <Down> <Enter> <Dump> \"x\" <Backspace> <Dump> <Esc> q <BTab> <Enter>");
	char *s = fake_screen(f, 1);
	HAS(s, "17 values: 0 done, 17 missing, 0 invalid");
	HAS(s, "2/17");
	HASNT(s, "a value is required");
	free(s);
	s = fake_screen(f, 2);
	HAS(s, "Tag of product User Group: a value is required");
	free(s);
	fake_free(f);
}

/* d on the Review runs the dry run through env->dry_run and shows its
 * report in the Dry run tab, the verdict on the status line; a failure
 * too, and the Confirm then defaults to No and says so. n confirms; F3 is
 * the next search match. */
static void review_dry_run(void **state)
{
	struct fake *f = fake_seed();
	char *answers = answer_all(f);
	f->dry_result = 1;
	char *script = xasprintf("n %s n <Dump> 4 <Dump> d <Dump> q <BTab> <Enter>", answers);
	fake_run(f, "80x24", script);
	char *s = fake_screen(f, 1);
	HAS(s, "4 Dry run");
	free(s);
	s = fake_screen(f, 2);
	HAS(s, "Press d for a dry run");
	free(s);
	s = fake_screen(f, 3);
	HAS(s, "7 rows  DELETE FROM values");
	HAS(s, "Dry run: some rows cannot come back after a downgrade");
	HAS(s, "4 Dry run ⚠");
	free(s);
	assert_int_equal(f->dry_runs, 1);
	free(script);
	fake_free(f);

	f = fake_seed();
	f->dry_result = -1;
	script = xasprintf("n %s n d <Dump> n <Dump> <Esc> 2 / \"INSERT\" <Enter> <F3> <Dump> q <BTab> <Enter>", answers);
	fake_run(f, "80x24", script);
	s = fake_screen(f, 1);
	HAS(s, "The dry run failed (nothing was changed)");
	HAS(s, "ERROR:  boom");
	free(s);
	s = fake_screen(f, 2);
	HAS(s, "The dry run FAILED on the database");
	HAS(s, "[ No ]");
	free(s);
	s = fake_screen(f, 3);
	HAS(s, "2 Upgrade SQL");
	HASNT(s, "Not found");
	free(s);
	assert_false(plan_confirmed(f->env.plan));
	free(script);
	free(answers);
	fake_free(f);
}

/* A text longer than its tab shows the position on a row of its own at 80
 * columns: it never covers a line of the text. */
static void scroll_position_on_its_own_row(void **state)
{
	struct fake *f = fake_seed();
	char *answers = answer_all(f);
	char *script = xasprintf("n %s n 2 <Dump> q <BTab> <Enter>", answers);
	fake_run(f, "80x24", script);
	char *s = fake_screen(f, 1);
	const char *p = strstr(s, " lines 1-");
	if (!p)
		HAS(s, " lines 1-");
	const char *bol = p;
	while (bol > s && bol[-1] != '\n')
		bol--;
	for (const char *c = bol; c < p; c++)
		if (*c != ' ')
			HAS(s, "a row holding only the position");
	assert_non_null(strstr(p, " of "));
	free(s);
	free(script);
	free(answers);
	fake_free(f);
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	unsetenv("NO_COLOR");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(frame_and_differences),
		cmocka_unit_test(expand_and_detail),
		cmocka_unit_test(differences_filter),
		cmocka_unit_test(seed_to_upgraded),
		cmocka_unit_test(invalid_tag_refused),
		cmocka_unit_test(rename_and_back_from_review),
		cmocka_unit_test(deletion_warning_defaults_to_no),
		cmocka_unit_test(quit_without_answers),
		cmocka_unit_test(quit_asks_and_saves_answers),
		cmocka_unit_test(save_answers_with_renames),
		cmocka_unit_test(quit_without_saving),
		cmocka_unit_test(interrupt_restores_and_writes_nothing),
		cmocka_unit_test(resize_small_and_back),
		cmocka_unit_test(help_lists_the_keys),
		cmocka_unit_test(write_error_stays_usable),
		cmocka_unit_test(upgrade_error_shown),
		cmocka_unit_test(upgrade_ctrl_c_stops),
		cmocka_unit_test(upgrade_ctrl_c_go_on),
		cmocka_unit_test(upgrade_ctrl_c_too_late),
		cmocka_unit_test(upgrade_sigterm_stops),
		cmocka_unit_test(ascii_fallback),
		cmocka_unit_test(no_differences),
		cmocka_unit_test(review_search),
		cmocka_unit_test(field_editing_utf8),
		cmocka_unit_test(field_up_down_keeps_draft),
		cmocka_unit_test(message_edit),
		cmocka_unit_test(bad_key_script),
		cmocka_unit_test(small_terminal_60x20_flow),
		cmocka_unit_test(minimum_size_whole_flow),
		cmocka_unit_test(block_update_after_declined_rename),
		cmocka_unit_test(fixed_input_rename),
		cmocka_unit_test(renames_n_asks_before_declining),
		cmocka_unit_test(save_keeps_undecided_renames_open),
		cmocka_unit_test(esc_on_first_step_asks),
		cmocka_unit_test(enter_expands_a_group),
		cmocka_unit_test(details_no_error_before_typing),
		cmocka_unit_test(review_dry_run),
		cmocka_unit_test(scroll_position_on_its_own_row),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
