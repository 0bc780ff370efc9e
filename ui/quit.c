/* quit.c - leaving the wizard with F10 / q (and Esc on the first step):
 * asks before answers are lost and offers to save them as --inputs /
 * --updates answers files. The updates file says "ask_other_renames", so a
 * resumed run asks every rename that was not decided again instead of
 * dropping its values; an existing file is replaced only after asking. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <errno.h>

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

/* Writes path whole: a new file atomically, or (replace) a complete new
 * file renamed over the old one. */
static int put(const char *path, const char *data, bool replace, struct wfo_error *err)
{
	if (!replace)
		return atomic_create(path, data, strlen(data), err);
	char *tmp = xasprintf("%s.new", path);
	remove(tmp);
	int rc = atomic_create(tmp, data, strlen(data), err);
	if (rc == 0 && rename(tmp, path) < 0) {
		rc = wfo_fail(err, WFO_IO, "%s: cannot replace it: %s", path, strerror(errno));
		remove(tmp);
	}
	free(tmp);
	return rc;
}

static bool exists(const char *path)
{
	return access(path, F_OK) == 0;
}

/* Writes <base>-inputs.json (and <base>-updates.json when renames were
 * decided); replaces existing files only with replace. 0, 1 when a file
 * exists (nothing written), or -1 with err. */
static int save(struct wz *w, const char *base, bool replace, struct wfo_error *err)
{
	const struct plan *p = w->env->plan;
	char *in_path = xasprintf("%s-inputs.json", base);
	char *up_name = xasprintf("%s-updates.json", base);
	char *up_path = has_updates(p) ? xstrdup(up_name) : NULL;
	if (!replace && (exists(in_path) || exists(up_name))) {
		free(in_path);
		free(up_name);
		free(up_path);
		return 1;
	}
	if (replace && !up_path)
		remove(up_name);   /* an old one would bring back renames not decided now */
	free(up_name);
	char *in = answers_dump_inputs(p);
	int rc = put(in_path, in, replace, err);
	free(in);
	if (rc == 0 && up_path) {
		char *up = answers_dump_updates_open(p, true);
		rc = put(up_path, up, replace, err);
		free(up);
		if (rc < 0)
			remove(in_path); /* both or neither */
	}
	size_t open = wz_stats(w)->renames_open;
	if (rc == 0) {
		char *more = open ? xasprintf(" (%zu undecided rename%s will be asked again)", open,
					      open == 1 ? "" : "s")
				  : xstrdup("");
		w->farewell = up_path
			? xasprintf("Answers saved: run again with --inputs @%s --updates @%s%s\n", in_path, up_path, more)
			: xasprintf("Answers saved: run again with --inputs @%s%s\n", in_path, more);
		free(more);
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
		int rc = save(w, base, false, &err);
		if (rc == 1) {
			static const char *const ow[] = { "Replace", "Another name" };
			char *body = xasprintf("Answers files named %s-inputs.json / %s-updates.json exist already. "
					       "Replace them with the answers of this run?", base, base);
			int c = dialog_buttons("Replace the saved answers?", body, ow, 2, 1);
			free(body);
			if (c != 0) {
				if (ui_interrupted())
					break;
				continue;
			}
			rc = save(w, base, true, &err);
		}
		if (rc == 0) {
			leave(w, WIZARD_QUIT);
			break;
		}
		dialog_message("Cannot save the answers", err.msg);
		if (ui_interrupted())
			break;
	}
	free(base);
}

/* Esc on the first step: Esc means "back" elsewhere, so leaving by it is
 * asked whenever there are answers (given here or prefilled). */
void wz_quit_esc(struct wz *w)
{
	if (w->touched || w->written || diff_is_empty(w->env->diff)) {
		wz_quit(w);
		return;
	}
	const struct plan *p = w->env->plan;
	size_t answered = 0;
	for (size_t i = 0; i < plan_count(p); i++)
		answered += plan_question(p, i)->answer != NULL;
	if (!answered) {
		leave(w, WIZARD_QUIT);
		return;
	}
	static const char *const yn[] = { "Leave", "Stay" };
	char *body = xasprintf("Leave the wizard? Nothing has been written. %zu answer%s came with the "
			       "command line (they stay in their files).", answered, answered == 1 ? "" : "s");
	int b = dialog_buttons("Leave the wizard?", body, yn, 2, 1);
	free(body);
	if (b == 0)
		leave(w, WIZARD_QUIT);
}
