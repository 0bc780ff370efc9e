/* field.h - a one-line text field: UTF-8 text edited as wide characters
 * (get_wch input), cursor movement, deletion keys of the keymap, and
 * horizontal scrolling when the text is wider than the field.
 *
 * Ownership: field_init / field_free; field_text returns a heap string. */
#ifndef WFO_UI_FIELD_H
#define WFO_UI_FIELD_H

#include <stdbool.h>
#include <stddef.h>
#include <wchar.h>

#include "keymap.h"

struct field {
	wchar_t *buf;
	size_t len, cap;
	size_t cur;    /* cursor, in characters */
	size_t left;   /* first character shown */
};

void field_init(struct field *f);
void field_free(struct field *f);
/* Replaces the text (UTF-8; NULL means empty) and puts the cursor at its end. */
void field_set(struct field *f, const char *utf8);
/* The text as UTF-8 (heap). */
char *field_text(const struct field *f);
/* Characters in the field. */
size_t field_chars(const struct field *f);

/* Applies an editing action or, for UA_NONE and a printable character,
 * inserts it. Returns true when the key was used. */
bool field_key(struct field *f, enum ui_action a, const struct ui_key *k);

/* Draws the field at (y, x), w columns wide; with focus the cursor is
 * placed and *cx receives its column. */
void field_draw(struct field *f, int y, int x, int w, bool focus, int *cx);

#endif
