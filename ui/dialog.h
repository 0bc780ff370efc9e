/* dialog.h - modal dialogs over the current screen: buttons, a menu, a
 * text input, a scrollable text (help), a progress box. Each redraws the
 * screen behind it first (the backdrop callback), so resizing works inside
 * a dialog too. On Ctrl-C / SIGTERM / SIGHUP a dialog returns DLG_CANCEL
 * and ui_interrupted() tells the caller why. */
#ifndef WFO_UI_DIALOG_H
#define WFO_UI_DIALOG_H

#include <stddef.h>

#include "util.h"

#define DLG_CANCEL (-1)

/* Draws the screen behind dialogs (set once by the wizard). */
void dialog_set_backdrop(void (*fn)(void *), void *arg);

/* body: text with '\n', wrapped to the box. Returns the button index
 * (def is preselected), or DLG_CANCEL on Esc. 'y' / 'n' choose buttons whose
 * label starts with "Yes" / "No". */
int dialog_buttons(const char *title, const char *body, const char *const *buttons, int nbuttons,
		   int def);
void dialog_message(const char *title, const char *body);
/* A list of items to choose from; returns the index or DLG_CANCEL. */
int dialog_menu(const char *title, const char *body, const struct strvec *items, size_t sel);
/* A text input; *out (heap) gets the text. 0, or DLG_CANCEL. */
int dialog_input(const char *title, const char *body, const char *initial, char **out);
/* A scrollable text; closed with Enter or Esc. Lines holding a TAB are two
 * columns (keys, description). */
void dialog_text(const char *title, const struct strvec *lines);
/* Draws a progress box (no key wait): done of total, what is running. */
void dialog_progress(const char *title, size_t done, size_t total, const char *what);

#endif
