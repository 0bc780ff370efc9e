/* merge_ui.h - the merge screen (ncursesw): the heads of the branch and
 * their revisions down to the common ancestor drawn as a graph, each with
 * its id, message, date, file, branch labels and whether it is applied;
 * Enter shows a revision's SQL, space selects heads; then the collisions
 * between the selected heads, the order `upgrade heads` would run after
 * the merge, the message, writing the merge revision, and "Apply now?".
 *
 * Like the wizard it builds no SQL and never talks to libpq: the model
 * (src/merge.h) says what to show, and writing and upgrading are callbacks
 * of struct merge_ui_env owned by the command (src/cmd_merge.c).
 *
 * Ownership: everything in merge_ui_env is borrowed. */
#ifndef WFO_UI_MERGE_UI_H
#define WFO_UI_MERGE_UI_H

#include <stdbool.h>
#include <stddef.h>

#include "merge.h"
#include "util.h"
#include "wfo_error.h"

/* Called per statement during the upgrade: done of total, what runs.
 * Nonzero: the user chose to stop (see upgrade_ask.h); the upgrade then
 * rolls everything back and fails with WFO_ABORTED. */
typedef int (*merge_ui_progress_fn)(void *ui, size_t done, size_t total, const char *what);

struct merge_ui_env {
	struct merge_model *model;
	const char *command;        /* the title's command: "merge", "upgrade", ... */
	const char *reason;         /* why the screen was offered (a line on top), or NULL */
	const char *database;       /* the connection for display (password hidden) */
	const char *write_dir;      /* the folder the merge revision goes to */
	const char *message;        /* the initial message ("merge heads") */
	/* Writes the merge revision of down with message; *path_out (heap)
	 * gets the file. 0 or -1 with err. */
	int (*write)(void *ctx, const struct strvec *down, const char *message, char **path_out,
		     struct wfo_error *err);
	/* `upgrade heads`, reporting each statement through progress(ui, ...);
	 * *head_out (heap) gets the heads after it. 0, or -1 with err (the
	 * database is unchanged then). NULL: no upgrade is offered. */
	int (*upgrade)(void *ctx, merge_ui_progress_fn progress, void *ui, char **head_out,
		       struct wfo_error *err);
	void *ctx;
	bool upgrade_default;       /* "Apply now?" defaults to yes */
};

enum merge_ui_result {
	MERGE_UI_WRITTEN,      /* the merge revision was written (and maybe applied) */
	MERGE_UI_QUIT,         /* left without writing */
	MERGE_UI_INTERRUPTED,  /* Ctrl-C / SIGTERM / SIGHUP: nothing written */
	MERGE_UI_ERROR,        /* err says what */
};

/* Runs the screen. On MERGE_UI_WRITTEN *path_out (heap, may be NULL) gets
 * the file and *upgraded (may be NULL) whether it was applied. */
enum merge_ui_result merge_ui_run(struct merge_ui_env *env, char **path_out, bool *upgraded,
				  struct wfo_error *err);

#endif
