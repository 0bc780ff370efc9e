/* text.h - word wrapping and a scrollable, searchable text view (the
 * review tabs, help). Lines are wrapped once per width, not per frame.
 *
 * Ownership: textview_init / textview_free; textview_set copies the text. */
#ifndef WFO_UI_TEXT_H
#define WFO_UI_TEXT_H

#include <stdbool.h>
#include <stddef.h>

#include "list.h"
#include "util.h"

/* Appends text (with '\n' line breaks) wrapped at w columns to out;
 * continuation lines get indent spaces. */
void text_wrap(const char *text, int w, int indent, struct strvec *out);

struct textview {
	char *text;           /* the unwrapped text */
	struct strvec lines;  /* wrapped at width */
	int width;
	struct ui_list l;     /* l.top is the first line shown; sel unused */
	char *search;         /* last search, or NULL */
	size_t match;         /* line of the current match, or (size_t)-1 */
	int indent;           /* of continuation lines (4; prose pages set 0) */
};

void textview_init(struct textview *t);
void textview_free(struct textview *t);
void textview_set(struct textview *t, const char *text);
/* Draws into the rectangle; rewraps when w changed. */
void textview_draw(struct textview *t, int y, int x, int h, int w);
/* Scroll actions; false when not one. */
bool textview_key(struct textview *t, enum ui_action a);
/* Finds s (case-insensitive) from the line after the current match forward
 * (dir 1) or backward (-1), wrapping; true when found (then shown). */
bool textview_find(struct textview *t, const char *s, int dir);

#endif
