/* lesson_panel.h - the tutorial's lesson panel inside the wizard: beside
 * the screen from 100 columns, below it on narrower terminals. It shows the
 * lesson, what the current step is for, and the answers the lesson expects
 * (done ones ticked), and it checks every answer against them. */
#ifndef WFO_UI_LESSON_PANEL_H
#define WFO_UI_LESSON_PANEL_H

#include <stddef.h>

#include "wfo_error.h"
#include "wz.h"

/* Draws the panel in its part of *body and shrinks *body to the rest
 * (nothing when the terminal is too small for both). */
void lesson_panel_draw(struct wz *w, struct wz_rect *body);

/* 0 when value may answer question i (no lesson, or no expected answer
 * for it, or the expected one exactly); else -1 with err saying what the
 * lesson expects. */
int lesson_check(const struct wz *w, size_t i, const char *value, struct wfo_error *err);

#endif
