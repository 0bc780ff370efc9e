/* lesson_panel.h - the tutorial's lesson panel inside the wizard: beside
 * the screen from 100 columns, below it on narrower terminals. It shows the
 * lesson, what the current step is for, and the answers the lesson expects
 * (done ones ticked), and it checks every answer against them. */
#ifndef WFO_UI_LESSON_PANEL_H
#define WFO_UI_LESSON_PANEL_H

#include <stddef.h>

#include "wfo_error.h"
#include "wz.h"

/* Takes the panel's part of *body (beside or below), shrinking *body to
 * the rest; *panel gets it (h 0: no room for both). */
void lesson_panel_layout(const struct wz_rect *all, struct wz_rect *body, struct wz_rect *panel);
/* Draws the panel into its rectangle (after the screen: it stays on top). */
void lesson_panel_draw(struct wz *w, const struct wz_rect *panel);

/* 0 when value may answer question i (no lesson, or no expected answer
 * for it, or the expected one exactly); else -1 with err saying what the
 * lesson expects. */
int lesson_check(const struct wz *w, size_t i, const char *value, struct wfo_error *err);

#endif
