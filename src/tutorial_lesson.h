/* tutorial_lesson.h - the tutorial's lessons: YAML files in the data
 * folder's tutorial/ (N-name.yaml), each a title and a list of steps that
 * the tutorial (cmd_tutorial.c) walks through. File names inside a lesson
 * (models, sql) are relative to the lesson's folder.
 *
 *   lesson: 1
 *   title: Your first domain-model migration
 *   summary: one paragraph for `tutorial --list`
 *   steps:
 *     - kind: text        # a page to read
 *       title: ...
 *       text: |
 *         ...
 *     - kind: quiz        # type an answer; checked exactly (case included)
 *       question: ...
 *       answer: User
 *       hint: shown after a wrong answer
 *     - kind: wizard      # migrate-domain-models with a lesson panel
 *       models: 1-models.json
 *       before: 0-empty.json   # the catalogue it starts from (unit test)
 *       message: Add User and UserGroup products
 *       screens: { Differences: ..., Details: ..., ... }  # panel text per step
 *       inputs: { "User Group": { description: ..., tag: GROUP }, ... }
 *       updates: { resource_types: { age: user_age } }
 *     - kind: run         # a wfo-migrate command; its output is shown
 *       command: [upgrade, heads]   # "{rev:MESSAGE}": that revision's id
 *       fails: true       # it is meant to be refused (a lesson shows why)
 *     - kind: browse      # the catalogue browser
 *     - kind: sql         # a file of SQL run on the tutorial database
 *       file: 3-subscriptions.sql
 *     - kind: merge       # merge the data heads (non-interactive, or the
 *       message: ...      # merge screen when screen: true)
 *   Every step may have title and text (shown before it runs).
 *
 * Ownership: tut_lesson_load's result is freed with tut_lesson_free. */
#ifndef WFO_TUTORIAL_LESSON_H
#define WFO_TUTORIAL_LESSON_H

#include <stdbool.h>
#include <stddef.h>

#include "util.h"
#include "wfo_error.h"

enum tut_kind { TK_TEXT, TK_QUIZ, TK_WIZARD, TK_RUN, TK_BROWSE, TK_SQL, TK_MERGE };

struct tut_step {
	enum tut_kind kind;
	int line;                 /* of the step in the file */
	char *title, *text;
	/* quiz */
	char *question, *answer, *hint;
	/* wizard: absolute paths; expected answers as JSON text (or NULL) */
	char *models, *before, *message;
	char *inputs_json, *updates_json;
	struct strvec screen_names, screen_texts;
	/* run: the subcommand and its arguments; fails: it is meant to be
	 * refused (shown, not replayed) */
	struct strvec command;
	bool fails;
	/* sql: absolute path */
	char *sql;
	/* merge */
	bool screen;
};

struct tut_lesson {
	int number;
	char *file, *dir;
	char *title, *summary;
	struct tut_step *steps;
	size_t n;
};

/* Reads and checks one lesson file; errors name file:line:column and the
 * key. 0, or -1 with err. */
int tut_lesson_load(const char *path, struct tut_lesson **out, struct wfo_error *err);
void tut_lesson_free(struct tut_lesson *l);

/* Every lesson file (N-*.yaml) of dir, sorted by number; numbers must run
 * 1, 2, ... without gaps. */
int tut_lessons_load(const char *dir, struct tut_lesson ***out, size_t *n, struct wfo_error *err);
void tut_lessons_free(struct tut_lesson **v, size_t n);

/* The expected answers of a wizard step as (key path, value) pairs in the
 * plan's key-path form (inputs["User Group"]["tag"]). */
void tut_expected(const struct tut_step *s, struct strvec *keys, struct strvec *values);

/* The panel text of wizard screen name ("Details"), or NULL. */
const char *tut_screen_text(const struct tut_step *s, const char *screen);

#endif
