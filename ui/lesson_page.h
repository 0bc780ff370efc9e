/* lesson_page.h - a page of the tutorial between the wizard's screens: the
 * lesson's text (scrollable), a command's output, and for a quiz a text
 * field whose answer is checked exactly (case included) before going on.
 * Same frame, colours and keymap as the wizard. Opens and restores the
 * terminal itself. */
#ifndef WFO_UI_LESSON_PAGE_H
#define WFO_UI_LESSON_PAGE_H

#include "wfo_error.h"

enum lesson_page_result {
	LP_NEXT,         /* Enter (a quiz: only with the right answer) */
	LP_BACK,         /* Esc: the previous page */
	LP_QUIT,         /* F10 / q */
	LP_INTERRUPTED,  /* Ctrl-C, SIGTERM, SIGHUP */
	LP_ERROR,        /* the terminal could not be opened (err) */
};

struct lesson_page {
	const char *lesson;     /* "Lesson 1: Your first domain-model migration" */
	const char *database;   /* shown on the context line */
	int step, nsteps;       /* "page 2 of 6" */
	const char *title;      /* the page's title */
	const char *text;       /* body ('\n' line breaks, wrapped to the width) */
	const char *output;     /* a command's output after the text, or NULL */
	const char *question;   /* a quiz: the prompt; NULL: no field */
	const char *answer;     /* a quiz: the exact answer */
	const char *hint;       /* a quiz: shown after a wrong answer, or NULL */
	const char *enter;      /* what Enter does, shown last ("Enter runs it"), or NULL */
};

enum lesson_page_result lesson_page_run(const struct lesson_page *p, struct wfo_error *err);

#endif
