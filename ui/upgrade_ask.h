/* upgrade_ask.h - the progress box of an upgrade run from a screen (the
 * wizard's Write step, the merge screen), and what Ctrl-C means while it
 * runs. Between two statements nothing is committed yet, so Ctrl-C asks:
 * "Stop and roll back" or "Go on". SIGTERM and SIGHUP stop without asking
 * (there may be no one to answer) and stay pending, so the screen ends
 * after the rollback. A Ctrl-C after the last statement came while COMMIT
 * was on its way: it cannot stop it, and the screen says so. */
#ifndef WFO_UI_UPGRADE_ASK_H
#define WFO_UI_UPGRADE_ASK_H

#include <stdbool.h>
#include <stddef.h>

/* The progress callback of wizard_env.upgrade / merge_ui_env.upgrade (ui is
 * unused): draws done of total and what runs; nonzero: stop the upgrade. */
int upgrade_ask_progress(void *ui, size_t done, size_t total, const char *what);
/* After a failed upgrade: a Ctrl-C that stopped it is taken, so the dialog
 * that says so stays up. */
void upgrade_ask_after_failure(void);
/* After a successful upgrade: whether a Ctrl-C came too late to stop it
 * (taken: the dialog should say the upgrade is complete anyway). */
bool upgrade_ask_too_late(void);
/* What the dialog after a too-late Ctrl-C says first. */
#define UPGRADE_ASK_TOO_LATE \
	"Ctrl-C came while the upgrade was being committed, too late to stop it: " \
	"the upgrade is complete.\n\n"

#endif
