/* keyscript.h - key scripts for headless runs (tests, benchmarks).
 *
 * A script is text of whitespace-separated tokens; '#' starts a comment to
 * the end of the line:
 *   <Name>       a key: <Up> <Down> <Left> <Right> <PgUp> <PgDn> <Home> <End>
 *                <Enter> <Esc> <Tab> <BTab> <Backspace> <Delete> <Space>
 *                <F1>..<F12>, <C-x> for Ctrl-x
 *   <Dump>       append the current screen to the dump file
 *   <Resize WxH> resize the virtual terminal (e.g. <Resize 60x20>)
 *   <SIGINT> <SIGTERM> <SIGHUP>   raise that signal
 *   <Repeat N>   repeat the next token N times
 *   "text"       type text (\" and \\ escapes; UTF-8)
 *   anything else: its characters typed one by one (e.g. j j q)
 *
 * Ownership: the module keeps one loaded script (ks_load / ks_free). */
#ifndef WFO_UI_KEYSCRIPT_H
#define WFO_UI_KEYSCRIPT_H

#include <stdbool.h>
#include <wchar.h>

#include "wfo_error.h"

enum ks_kind { KS_KEY, KS_DUMP, KS_RESIZE, KS_SIGNAL };

struct ks_tok {
	enum ks_kind kind;
	bool fn;       /* KS_KEY: a curses KEY_* code, else a character */
	wint_t ch;
	int a, b;      /* KS_RESIZE: columns, rows; KS_SIGNAL: the signal */
};

/* Parses the script text. 0, or -1 with err naming file:line and the token. */
int ks_parse(const char *text, const char *file, struct wfo_error *err);
/* Reads and parses the file. */
int ks_load(const char *path, struct wfo_error *err);
/* The next token, false at the end. */
bool ks_next(struct ks_tok *t);
void ks_free(void);

#endif
