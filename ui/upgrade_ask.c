/* upgrade_ask.c - the progress box of an upgrade and the Ctrl-C question
 * (see upgrade_ask.h). */
#include "config.h"

#include <signal.h>
#include <stdlib.h>

#include "dialog.h"
#include "tui.h"
#include "upgrade_ask.h"
#include "util.h"

int upgrade_ask_progress(void *ui, size_t done, size_t total, const char *what)
{
	(void)ui;
	dialog_progress("Upgrading the database", done, total, what);
	int sig = ui_pending_signal();
	if (!sig)
		return 0;
	if (sig != SIGINT)
		return 1;
	ui_take_signal();
	static const char *const b[] = { "Stop and roll back", "Go on" };
	char *body = xasprintf("Statement %zu of %zu has run; nothing is committed yet.\n\n"
			       "Stop now and roll everything back (the database stays exactly as it was, "
			       "the revision file stays), or go on with the upgrade?", done, total);
	int c = dialog_buttons("Stop the upgrade?", body, b, 2, 0);
	free(body);
	if (c == DLG_CANCEL)   /* a second Ctrl-C (or a SIGTERM) stops; Esc goes on */
		return ui_pending_signal() != 0;
	return c == 0;
}

void upgrade_ask_after_failure(void)
{
	if (ui_pending_signal() == SIGINT)
		ui_take_signal();
}

bool upgrade_ask_too_late(void)
{
	if (ui_pending_signal() != SIGINT)
		return false;
	ui_take_signal();
	return true;
}
