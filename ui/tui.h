/* tui.h - the terminal: opening and restoring it (a real one, or a headless
 * one driven by a key script), signals, keys, the theme (colour or
 * attributes only), glyphs with an ASCII fallback, width-aware text output
 * and the screen dump used by tests.
 *
 * Headless mode (tests, benchmarks; STYLE.md): when WFO_UI_KEYS names a key
 * script, curses writes to /dev/null, keys come from the script, the size is
 * WFO_UI_SIZE ("80x24" by default) and <Dump> appends the screen as text to
 * the file WFO_UI_DUMP. The end of the script counts as an interruption.
 *
 * Only one terminal exists at a time (curses is global): the state is a
 * module singleton. Curses is included only by tui.c and, for the KEY_*
 * codes, keymap.c and keyscript.c. */
#ifndef WFO_UI_TUI_H
#define WFO_UI_TUI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <wchar.h>

#include "wfo_error.h"

/* The smallest usable terminal; below it only "please enlarge" is shown. */
#define UI_MIN_COLS 50
#define UI_MIN_ROWS 15

/* A key: a function key (KEY_* of curses, fn true) or a character. */
struct ui_key {
	bool fn;
	wint_t ch;
};

enum ui_event {
	UE_KEY,        /* *k holds the key */
	UE_RESIZE,     /* the terminal changed size: redraw */
	UE_INTERRUPT,  /* Ctrl-C, SIGTERM, SIGHUP (or the end of a key script) */
};

/* Colours when the terminal has them and NO_COLOR is unset, else attributes. */
enum ui_role {
	UR_NORMAL, UR_TITLE, UR_DIM, UR_BOLD, UR_SELECTED, UR_CURRENT, UR_DONE,
	UR_ERROR, UR_WARN, UR_OK, UR_FIELD, UR_KEY, UR_MATCH, UR_ADD, UR_DEL, UR_CHANGE,
	UR_N
};

enum ui_glyph {
	UG_HLINE, UG_VLINE, UG_STEP, UG_CHECK, UG_CROSS, UG_DOT, UG_OPEN, UG_CLOSED,
	UG_WARN, UG_ARROW, UG_MINUS, UG_ELLIPSIS, UG_UP, UG_DOWN, UG_BAR_FULL, UG_BAR_EMPTY,
	UG_TL, UG_TR, UG_BL, UG_BR, UG_MIDDOT,
	UG_N
};

/* Opens the terminal (headless when WFO_UI_KEYS is set). 0, or -1 with err. */
int ui_open(struct wfo_error *err);
/* Restores the terminal (endwin) and the signal handlers; idempotent. */
void ui_close(void);
bool ui_headless(void);
/* Whether ui_open could work here: a key script, or stdin and stdout are
 * terminals whose TERM has a terminfo entry. */
bool ui_possible(void);

/* Waits for the next key (or resize, or interruption). */
enum ui_event ui_getkey(struct ui_key *k);
bool ui_interrupted(void);
/* The signal received and not yet taken (SIGINT, SIGTERM, SIGHUP; 0: none),
 * without taking it. */
int ui_pending_signal(void);
/* Takes the pending signal: after it, keys and dialogs work again (for a
 * Ctrl-C that was answered, e.g. "go on" during an upgrade). */
void ui_take_signal(void);

int ui_rows(void);
int ui_cols(void);
bool ui_utf8(void);
int ui_attr(enum ui_role r);
const char *ui_glyph(enum ui_glyph g);

/* Draws s (UTF-8) at (y, x) clipped to w columns with attribute a; control
 * characters and undecodable bytes become '?'. Returns the columns used. */
int ui_put(int y, int x, int w, const char *s, int a);
/* Same, at most n bytes of s. */
int ui_putn(int y, int x, int w, const char *s, size_t n, int a);
/* Like ui_put, but text that does not fit ends in an ellipsis ("…" or
 * "..." in ASCII) in the last column; _left cuts at the start instead
 * ("…/versions/schema/file.py"), for paths. */
int ui_put_cut(int y, int x, int w, const char *s, int a);
int ui_put_cut_left(int y, int x, int w, const char *s, int a);
/* Display width of s (UTF-8), as ui_put would draw it. */
int ui_width(const char *s);
/* Fills w columns with spaces in attribute a. */
void ui_fill(int y, int x, int w, int a);
/* A horizontal rule of w columns. */
void ui_hline(int y, int x, int w, int a);
/* Clears the whole screen (start of every frame). */
void ui_clear(void);
/* Puts the cursor at (y, x) and shows it, or hides it (y < 0). */
void ui_cursor(int y, int x);
/* The next flush repaints the whole terminal (Ctrl-L). */
void ui_repaint(void);
/* Sends the frame to the terminal. */
void ui_flush(void);

/* Appends the current screen as text to fp (trailing blanks trimmed). */
void ui_dump(FILE *fp);

/* Byte length of the UTF-8 sequence starting at s (1 for invalid bytes). */
size_t ui_utf8_seq(const char *s);

#endif
