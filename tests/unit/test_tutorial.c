/* test_tutorial.c - every lesson file of data/tutorial: it loads, its
 * models load, each wizard step's expected answers are keys of the
 * questions the engine asks and, loaded as --inputs / --updates, answer
 * every question and pass the engine's validation (as the replay of the
 * lesson uses them); quiz answers are the models' product types. Also:
 * the loader names file:line:column of a broken lesson, and the progress
 * file round-trips. */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "answers.h"
#include "catalog.h"
#include "diff.h"
#include "models.h"
#include "plan.h"
#include "tutorial_lesson.h"
#include "tutorial_progress.h"
#include "util.h"

static const char *lessons_dir(void)
{
	static char dir[4096];
	const char *d = getenv("WFO_DATA");
	snprintf(dir, sizeof dir, "%s/tutorial", d && *d ? d : WFO_SRCDATADIR);
	return dir;
}

static void test_all_lessons_load(void **state)
{
	(void)state;
	struct tut_lesson **ls;
	size_t n;
	struct wfo_error err = { 0 };
	int rc = tut_lessons_load(lessons_dir(), &ls, &n, &err);
	if (rc < 0)
		fail_msg("%s", err.msg);
	assert_int_equal(n, 5);
	const char *titles[] = { "Your first domain-model migration", "Apply and look",
				 "Rename a resource type", "Two branches, two heads", "Undo" };
	for (size_t i = 0; i < n; i++) {
		assert_int_equal(ls[i]->number, (int)i + 1);
		assert_string_equal(ls[i]->title, titles[i]);
		assert_true(ls[i]->n > 0);
	}
	/* lesson 2 browses, lesson 4 merges */
	bool browse = false, merge = false;
	for (size_t i = 0; i < ls[1]->n; i++)
		browse |= ls[1]->steps[i].kind == TK_BROWSE;
	for (size_t i = 0; i < ls[3]->n; i++)
		merge |= ls[3]->steps[i].kind == TK_MERGE;
	assert_true(browse);
	assert_true(merge);
	tut_lessons_free(ls, n);
}

static struct dm_catalog *load_models(const char *path)
{
	struct dm_catalog *c = NULL;
	struct wfo_error err = { 0 };
	if (models_load(path, &c, &err) < 0)
		fail_msg("%s", err.msg);
	return c;
}

/* One wizard step against the catalogue it starts from. */
static void check_wizard_step(const struct tut_lesson *l, const struct tut_step *s)
{
	struct wfo_error err = { 0 };
	struct dm_catalog *model = load_models(s->models);
	struct dm_catalog *db = s->before ? load_models(s->before) : dm_catalog_new();
	struct diff d = DIFF_INIT;
	assert_int_equal(diff_compute(model, db, NULL, &d, &err), 0);
	assert_false(diff_is_empty(&d));

	/* the panel checks answers by key: every expected key is a question
	 * the wizard asks (no answers loaded, as in the wizard) */
	struct plan *asked = plan_new(model, db, &d);
	struct strvec keys = STRVEC_INIT, values = STRVEC_INIT;
	tut_expected(s, &keys, &values);
	assert_true(keys.n > 0);
	for (size_t k = 0; k < keys.n; k++) {
		bool found = false;
		for (size_t i = 0; i < plan_count(asked); i++)
			found |= !strcmp(plan_question(asked, i)->key_path, keys.v[k]);
		if (!found)
			fail_msg("%s:%d: %s is not a question of this migration", l->file, s->line, keys.v[k]);
		/* and the wizard would take the expected answer */
		for (size_t i = 0; i < plan_count(asked); i++)
			if (!strcmp(plan_question(asked, i)->key_path, keys.v[k]) &&
			    plan_answer(asked, i, values.v[k], &err) < 0)
				fail_msg("%s:%d: %s", l->file, s->line, err.msg);
	}
	plan_free(asked);

	/* loaded as the replay loads them, they answer everything and pass */
	struct plan *p = plan_new(model, db, &d);
	if (s->updates_json && answers_load_updates(p, s->updates_json, &err) < 0)
		fail_msg("%s:%d: updates: %s", l->file, s->line, err.msg);
	if (s->inputs_json && answers_load_inputs(p, s->inputs_json, &err) < 0)
		fail_msg("%s:%d: inputs: %s", l->file, s->line, err.msg);
	plan_set_answer(p, "--yes", "y");
	if (plan_open_count(p) != 0)
		fail_msg("%s:%d: %zu question(s) without an answer in the lesson", l->file, s->line,
			 plan_open_count(p));
	if (plan_validate(p, &err) < 0)
		fail_msg("%s:%d: %s", l->file, s->line, err.msg);
	struct changeset cs;
	assert_int_equal(plan_changeset(p, &cs, &err), 0);
	changeset_free(&cs);
	plan_free(p);
	sv_free(&keys);
	sv_free(&values);
	diff_free(&d);
	dm_catalog_free(model);
	dm_catalog_free(db);
}

static void test_wizard_answers_pass(void **state)
{
	(void)state;
	struct tut_lesson **ls;
	size_t n, wizards = 0, quizzes = 0;
	struct wfo_error err = { 0 };
	assert_int_equal(tut_lessons_load(lessons_dir(), &ls, &n, &err), 0);
	for (size_t i = 0; i < n; i++) {
		const struct tut_step *first_wizard = NULL;
		for (size_t k = 0; k < ls[i]->n; k++)
			if (ls[i]->steps[k].kind == TK_WIZARD && !first_wizard)
				first_wizard = &ls[i]->steps[k];
		for (size_t k = 0; k < ls[i]->n; k++) {
			const struct tut_step *s = &ls[i]->steps[k];
			if (s->kind == TK_WIZARD) {
				check_wizard_step(ls[i], s);
				wizards++;
			} else if (s->kind == TK_QUIZ) {
				/* a quiz answer is a product type of the lesson's models,
				 * spelled exactly */
				assert_non_null(first_wizard);
				struct dm_catalog *m = load_models(first_wizard->models);
				bool found = false;
				for (size_t p = 0; p < m->n_products; p++)
					found |= !strcmp(m->products[p]->product_type, s->answer);
				if (!found)
					fail_msg("%s:%d: quiz answer '%s' is no product type of %s", ls[i]->file,
						 s->line, s->answer, first_wizard->models);
				dm_catalog_free(m);
				quizzes++;
			}
		}
	}
	assert_int_equal(wizards, 2);   /* lesson 1 (new products), lesson 3 (rename) */
	assert_true(quizzes >= 1);
	tut_lessons_free(ls, n);
}

/* Lesson 1's answers are the workshop's, exactly. */
static void test_lesson1_workshop_answers(void **state)
{
	(void)state;
	char *path = xasprintf("%s/1-first-migration.yaml", lessons_dir());
	struct tut_lesson *l;
	struct wfo_error err = { 0 };
	assert_int_equal(tut_lesson_load(path, &l, &err), 0);
	free(path);
	const struct tut_step *w = NULL;
	for (size_t i = 0; i < l->n; i++)
		if (l->steps[i].kind == TK_WIZARD)
			w = &l->steps[i];
	assert_non_null(w);
	assert_string_equal(w->message, "Add User and UserGroup products");
	struct strvec k = STRVEC_INIT, v = STRVEC_INIT;
	tut_expected(w, &k, &v);
	assert_int_equal(k.n, 17);
	const char *want[][2] = {
		{ "inputs[\"User Group\"][\"tag\"]", "GROUP" },
		{ "inputs[\"User internal\"][\"affiliation\"]", "internal" },
		{ "inputs[\"User external\"][\"description\"]", "user administration - external" },
		{ "inputs[\"UserBlock\"][\"tag\"]", "UB" },
		{ "inputs[\"age\"][\"description\"]", "age of the user" },
	};
	for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
		size_t j = 0;
		while (j < k.n && strcmp(k.v[j], want[i][0]))
			j++;
		assert_true(j < k.n);
		assert_string_equal(v.v[j], want[i][1]);
	}
	sv_free(&k);
	sv_free(&v);
	tut_lesson_free(l);
}

static char *write_tmp(const char *text)
{
	char *p = xstrdup("/tmp/wfo-lesson-XXXXXX");
	int fd = mkstemp(p);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, text, strlen(text)), (ssize_t)strlen(text));
	close(fd);
	return p;
}

static void test_broken_lessons_name_the_place(void **state)
{
	(void)state;
	struct {
		const char *text, *want;
	} cases[] = {
		{ "lesson: 1\ntitle: t\nsummary: s\nsteps:\n  - kind: dance\n", ":5:11: unknown kind 'dance'" },
		{ "lesson: 1\ntitle: t\nsummary: s\nsteps:\n  - kind: text\n    txt: x\n", ":6:5: unknown key 'txt'" },
		{ "lesson: 1\ntitle: t\nsteps: []\n", "the key 'summary' is missing" },
		{ "lesson: x\ntitle: t\nsummary: s\nsteps:\n  - {kind: text, text: a}\n", "'lesson' must be a number" },
		{ "lesson: 1\ntitle: t\nsummary: s\nsteps:\n  - kind: quiz\n    text: a\n", "'question' is missing" },
		{ "lesson: 1\ntitle: t\nsummary: s\nsteps:\n  - kind: wizard\n    models: /nonexistent.json\n"
		  "    message: m\n", "cannot be read" },
		{ "lesson: 1\ntitle: [\n", "invalid YAML" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *p = write_tmp(cases[i].text);
		struct tut_lesson *l = NULL;
		struct wfo_error err = { 0 };
		assert_int_equal(tut_lesson_load(p, &l, &err), -1);
		assert_null(l);
		if (!strstr(err.msg, cases[i].want) || !strstr(err.msg, p))
			fail_msg("case %zu: '%s' lacks '%s'", i, err.msg, cases[i].want);
		unlink(p);
		free(p);
	}
}

static void test_progress_roundtrip(void **state)
{
	(void)state;
	char *p = write_tmp("");
	unlink(p);
	struct tut_progress a, b;
	struct wfo_error err = { 0 };
	assert_int_equal(tut_progress_load(p, &a, &err), 0);  /* missing: empty */
	assert_int_equal(tut_progress_next(&a, 5), 1);
	a.completed[1] = a.completed[2] = true;
	a.started = 3;
	assert_int_equal(tut_progress_save(p, &a, &err), 0);
	assert_int_equal(tut_progress_load(p, &b, &err), 0);
	assert_true(b.completed[1] && b.completed[2] && !b.completed[3]);
	assert_int_equal(b.started, 3);
	assert_int_equal(tut_progress_next(&b, 5), 3);
	for (int i = 1; i <= 5; i++)
		b.completed[i] = true;
	assert_int_equal(tut_progress_next(&b, 5), 0);
	FILE *fp = fopen(p, "w");
	fputs("{\"completed\": 3}", fp);
	fclose(fp);
	assert_int_equal(tut_progress_load(p, &b, &err), -1);
	assert_non_null(strstr(err.msg, "--reset"));
	unlink(p);
	free(p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_all_lessons_load),
		cmocka_unit_test(test_wizard_answers_pass),
		cmocka_unit_test(test_lesson1_workshop_answers),
		cmocka_unit_test(test_broken_lessons_name_the_place),
		cmocka_unit_test(test_progress_roundtrip),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
