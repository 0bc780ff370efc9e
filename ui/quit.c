/* quit.c - leaving the wizard with F10 / q: asks before answers are lost
 * and offers to save them as --inputs / --updates answers files. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "answers.h"
#include "atomicfile.h"
#include "dialog.h"
#include "wz.h"

static bool has_updates(const struct plan *p)
{
	struct plan_updates u;
	memset(&u, 0, sizeof u);
	plan_current_updates(p, &u);
	bool any = u.fi_old.n || u.rt_old.n || u.brt_old.n;
	plan_updates_free(&u);
	return any;
}

/* Writes <base>-inputs.json (and <base>-updates.json when renames were
 * decided); never overwrites. 0, or -1 with err. */
static int save(struct wz *w, const char *base, struct wfo_error *err)
{
	const struct plan *p = w->env->plan;
	char *in_path = xasprintf("%s-inputs.json", base);
	char *up_path = has_updates(p) ? xasprintf("%s-updates.json", base) : NULL;
	char *in = answers_dump_inputs(p);
	int rc = atomic_create(in_path, in, strlen(in), err);
	free(in);
	if (rc == 0 && up_path) {
		char *up = answers_dump_updates(p);
		rc = atomic_create(up_path, up, strlen(up), err);
		free(up);
		if (rc < 0)
			remove(in_path); /* both or neither */
	}
	if (rc == 0) {
		w->farewell = up_path
			? xasprintf("Answers saved: run again with --inputs @%s --updates @%s\n", in_path, up_path)
			: xasprintf("Answers saved: run again with --inputs @%s\n", in_path);
	}
	free(in_path);
	free(up_path);
	return rc;
}

static void leave(struct wz *w, enum wizard_result r)
{
	w->result = r;
	w->done = true;
}

void wz_quit(struct wz *w)
{
	if (w->written) {
		leave(w, WIZARD_WRITTEN);
		return;
	}
	if (diff_is_empty(w->env->diff)) {
		leave(w, WIZARD_NOTHING);
		return;
	}
	if (!w->touched) {
		leave(w, WIZARD_QUIT);
		return;
	}
	static const char *const buttons[] = { "Save answers", "Quit without saving", "Cancel" };
	int b = dialog_buttons("Quit without writing?",
			       "Nothing has been written. The answers you gave will be lost, unless you save "
			       "them as answers files for --inputs / --updates.",
			       buttons, 3, 2);
	if (b == 1) {
		leave(w, WIZARD_QUIT);
		return;
	}
	if (b != 0)
		return;
	char *base = xstrdup("wfo-answers");
	for (;;) {
		char *typed = NULL;
		if (dialog_input("Save answers", "File name (without -inputs.json / -updates.json):", base,
				 &typed) != 0)
			break;
		free(base);
		base = typed;
		struct wfo_error err = { 0 };
		if (save(w, base, &err) == 0) {
			leave(w, WIZARD_QUIT);
			break;
		}
		dialog_message("Cannot save the answers", err.msg);
		if (ui_interrupted())
			break;
	}
	free(base);
}
