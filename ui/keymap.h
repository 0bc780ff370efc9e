/* keymap.h - the one table of keys: it maps keys to actions per context
 * (screen, text field, dialog), and it feeds the hint bar at the bottom and
 * the help screen, so the three never disagree. */
#ifndef WFO_UI_KEYMAP_H
#define WFO_UI_KEYMAP_H

#include <stdbool.h>

#include "tui.h"
#include "util.h"

/* Contexts (bit mask). */
#define KC_DIFF    0x01u
#define KC_RENAMES 0x02u
#define KC_DETAILS 0x04u
#define KC_REVIEW  0x08u
#define KC_WRITE   0x10u
#define KC_FIELD   0x20u  /* a text field has the focus */
#define KC_DIALOG  0x40u
#define KC_MHEADS  0x80u   /* merge screen: the graph of the heads */
#define KC_MSQL    0x100u  /* merge screen: a revision's SQL */
#define KC_MWRITE  0x200u  /* merge screen: message, order, write, apply */
#define KC_MERGE   (KC_MHEADS | KC_MSQL | KC_MWRITE)
#define KC_SCREENS (0x1fu | KC_MERGE)
#define KC_LESSON  0x1000u  /* a tutorial page (lesson_page.c) */
#define KC_BROWSE  0x2000u  /* the catalogue browser (screen_browse.c) */
#define KC_NOFIELD 0x40000000u  /* flag on an entry: not while a field has focus */

enum ui_action {
	UA_NONE,
	UA_UP, UA_DOWN, UA_PGUP, UA_PGDN, UA_HOME, UA_END,
	UA_LEFT, UA_RIGHT, UA_TOGGLE,
	UA_ENTER, UA_BACK, UA_NEXT, UA_TAB, UA_BTAB,
	UA_SEARCH, UA_SEARCH_NEXT, UA_SEARCH_PREV,
	UA_CLEAR, UA_TAB1, UA_TAB2, UA_TAB3, UA_TAB4, UA_DRYRUN,
	UA_HELP, UA_QUIT, UA_REDRAW,
	UA_YES, UA_NO,
	/* text field editing */
	UA_F_LEFT, UA_F_RIGHT, UA_F_HOME, UA_F_END, UA_F_BACKSPACE, UA_F_DELETE,
	UA_F_KILL_START, UA_F_KILL_END, UA_F_KILL_WORD,
};

/* The action of key k in context ctx (one KC_* bit, plus KC_FIELD when a
 * field has focus); UA_NONE when the key is not bound there. */
enum ui_action keymap_lookup(unsigned ctx, const struct ui_key *k);

/* The hints of the bottom line for ctx, in table order ("↑↓ move",
 * "Enter next", ..., "F1 help", "F10 quit"). */
void keymap_hints(unsigned ctx, struct strvec *out);

/* Help lines for ctx: one "keys<TAB>what they do" line per action, keys
 * gathered from every entry of the table. */
void keymap_help(unsigned ctx, struct strvec *out);

#endif
