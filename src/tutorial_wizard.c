/* tutorial_wizard.c - the lesson panel of a wizard run started by the
 * tutorial (see tutorial_wizard.h). */
#include "config.h"
#include "tutorial_wizard.h"

#include <stdlib.h>
#include <string.h>

#include "tutorial_lesson.h"
#include "util.h"

struct tutorial_wizard {
	struct tut_lesson *l;
	char *title;
	struct strvec keys, values;
	struct wizard_lesson wl;
};

int tutorial_wizard_from_env(struct tutorial_wizard **out, struct wfo_error *err)
{
	*out = NULL;
	const char *file = getenv("WFO_TUTORIAL_LESSON"), *step = getenv("WFO_TUTORIAL_STEP");
	if (!file || !*file || !step)
		return 0;
	struct tutorial_wizard *t = xcalloc(1, sizeof *t);
	if (tut_lesson_load(file, &t->l, err) < 0) {
		free(t);
		return -1;
	}
	size_t i = (size_t)strtoul(step, NULL, 10);
	if (i >= t->l->n || t->l->steps[i].kind != TK_WIZARD) {
		tutorial_wizard_free(t);
		return wfo_fail(err, WFO_USAGE, "WFO_TUTORIAL_STEP=%s is not a wizard step of %s", step, file);
	}
	const struct tut_step *s = &t->l->steps[i];
	t->title = xasprintf("Lesson %d: %s", t->l->number, t->l->title);
	tut_expected(s, &t->keys, &t->values);
	static const char *const names[5] = { "Differences", "Renames", "Details", "Review", "Write" };
	t->wl.title = t->title;
	for (int k = 0; k < 5; k++)
		t->wl.notes[k] = tut_screen_text(s, names[k]);
	t->wl.keys = (const char *const *)t->keys.v;
	t->wl.values = (const char *const *)t->values.v;
	t->wl.n = t->keys.n;
	*out = t;
	return 0;
}

const struct wizard_lesson *tutorial_wizard_lesson(const struct tutorial_wizard *t)
{
	return t ? &t->wl : NULL;
}

void tutorial_wizard_free(struct tutorial_wizard *t)
{
	if (!t)
		return;
	tut_lesson_free(t->l);
	free(t->title);
	sv_free(&t->keys);
	sv_free(&t->values);
	free(t);
}
