/* wizard.h - the full-screen migrate-domain-models wizard (ncursesw): a
 * driver of the engine's question list (plan.h). It shows the differences,
 * asks the open questions (renames, details), shows the review (summary,
 * upgrade and downgrade SQL as the engine renders them), and then asks the
 * caller to write the revision file and, optionally, to upgrade.
 *
 * The wizard never builds SQL and never talks to libpq: everything that
 * touches files or the database is a callback of struct wizard_env, owned
 * by the command (src/cmd_migrate_domain_models.c).
 *
 * Ownership: every pointer in wizard_env is borrowed; the plan is answered
 * in place (plan_answer / plan_unanswer), so after wizard_run the caller
 * sees the answers given. */
#ifndef WFO_WIZARD_H
#define WFO_WIZARD_H

#include <stdbool.h>
#include <stddef.h>

#include "catalog.h"
#include "diff.h"
#include "plan.h"
#include "util.h"
#include "wfo_error.h"

struct dsum;   /* dsummary.h */

/* Called per statement during an upgrade: done of total, the statement.
 * Returns nonzero when the user chose to stop (Ctrl-C, then "roll back"; or
 * SIGTERM/SIGHUP): the upgrade then rolls everything back and fails with
 * WFO_ABORTED. */
typedef int (*wizard_progress_fn)(void *ui, size_t done, size_t total, const char *what);

/* A tutorial lesson beside the screens (ui/lesson_panel.c): what each step
 * is for, the answers to enter, and a check of every answer against them
 * (exact, case included) before it is taken. Everything is borrowed. */
struct wizard_lesson {
	const char *title;          /* "Lesson 1 · Your first domain-model migration" */
	const char *notes[5];       /* per step, Differences .. Write; NULL: none */
	const char *const *keys;    /* expected answers by question key path */
	const char *const *values;
	size_t n;
};

struct wizard_env {
	/* Frame context. */
	const char *message;        /* the revision message (initial value, editable on Write) */
	const char *database;       /* connection for display, password hidden */
	const char *models;         /* the --models source */
	const char *head;           /* current data head ("none" when there is none) */
	/* What the revision file will be: shown on the Write screen. */
	const char *write_dir;      /* folder the file goes to */
	const char *revision_id;    /* the id it will get */
	const char *revises;        /* down_revision text ("None" for the first) */
	const char *branch;         /* "data" */

	const struct dm_catalog *model;
	const struct dm_catalog *db;
	const struct cat_extra *extra;   /* impact counts per (block, rt); may be NULL */
	const struct diff *diff;
	struct plan *plan;               /* answered in place */

	/* Writes the revision file for the plan's change set with message;
	 * *path_out gets the path (heap). 0 or -1 with err. */
	int (*write)(void *ctx, const char *message, char **path_out, struct wfo_error *err);
	/* Upgrades the database to the written revision, reporting each
	 * statement through progress(ui, ...). *head_out (heap) gets the new
	 * head. 0 or -1 with err (the database is unchanged then). NULL when no
	 * database upgrade is possible. */
	int (*upgrade)(void *ctx, wizard_progress_fn progress, void *ui, char **head_out,
		       struct wfo_error *err);
	/* The dry run of the plan's SQL on the database (upgrade, then
	 * downgrade, in one transaction rolled back): *report_out (heap)
	 * gets the report to show, also on failure. 0: the catalogue comes
	 * back; 1: some rows cannot come back; -1 with err: a statement failed
	 * (nothing changed). NULL when no dry run is possible. */
	int (*dry_run)(void *ctx, char **report_out, struct wfo_error *err);
	/* The Review's summary with every deletion counted in the database
	 * (dsum_build); NULL or a failure: the summary without counts. */
	int (*summary)(void *ctx, const struct changeset *cs, struct dsum *out,
		       struct wfo_error *err);
	void *ctx;                  /* passed to write, upgrade, dry_run and summary */
	bool upgrade_default;       /* --upgrade was given: apply after writing without asking */
	const struct wizard_lesson *lesson;  /* the tutorial's panel, or NULL */
};

enum wizard_result {
	WIZARD_WRITTEN,     /* the file was written (and maybe upgraded) */
	WIZARD_NOTHING,     /* no differences: nothing to do */
	WIZARD_QUIT,        /* the user quit without writing */
	WIZARD_INTERRUPTED, /* Ctrl-C / SIGTERM / SIGHUP: nothing written */
	WIZARD_ERROR,       /* err says what */
};

/* Whether a full-screen driver is built in and a terminal can be opened. */
bool wizard_available(void);

/* Runs the wizard on the terminal. *path_out (heap, may be NULL) gets the
 * written file's path on WIZARD_WRITTEN. */
enum wizard_result wizard_run(struct wizard_env *env, char **path_out, struct wfo_error *err);

#endif
