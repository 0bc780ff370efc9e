/* tutorial_progress.h - what the tutorial remembers between runs, in
 * $XDG_STATE_HOME/wfo-migrate/tutorial.json:
 *   {"version": 1, "completed": [1, 2], "started": 3}
 * A missing file is an empty progress; a broken one is an error naming it
 * (`tutorial --reset` starts afresh). Written atomically. */
#ifndef WFO_TUTORIAL_PROGRESS_H
#define WFO_TUTORIAL_PROGRESS_H

#include <stdbool.h>

#include "wfo_error.h"

#define TUT_MAX_LESSONS 64

struct tut_progress {
	bool completed[TUT_MAX_LESSONS + 1];   /* by lesson number */
	int started;                           /* the last lesson begun, 0: none */
};

int tut_progress_load(const char *path, struct tut_progress *p, struct wfo_error *err);
int tut_progress_save(const char *path, const struct tut_progress *p, struct wfo_error *err);

/* The first lesson of 1..n not completed; 0 when all are. */
int tut_progress_next(const struct tut_progress *p, int n);

#endif
