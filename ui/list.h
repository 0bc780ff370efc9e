/* list.h - selection and scrolling of a virtual list: only counts and
 * positions, so moving costs the same for ten rows or a hundred thousand;
 * screens draw the rows top .. top + height themselves. */
#ifndef WFO_UI_LIST_H
#define WFO_UI_LIST_H

#include <stdbool.h>
#include <stddef.h>

#include "keymap.h"

struct ui_list {
	size_t n;      /* rows */
	size_t sel;    /* selected row (< n unless n == 0) */
	size_t top;    /* first row shown */
	int height;    /* rows shown, set by the screen's draw */
};

/* Moves for UA_UP/DOWN/PGUP/PGDN/HOME/END; false for other actions. */
bool list_move(struct ui_list *l, enum ui_action a);
/* Keeps sel inside n and visible within height. */
void list_fix(struct ui_list *l);

#endif
