/* prompt_line.h - the line-prompt driver: asks questions on a plain text
 * stream the way orchestrator-core's `db migrate-domain-models` does.
 *
 * Wording and mechanics follow the reference (headers after an empty line,
 * `Supply ...: ` questions, menus `1) ...` / `q) ...` / `? `, `Invalid
 * choice`, an empty answer asks again, answers are trimmed) with one defect
 * fixed: a confirmation defaults to No and only y or yes (any case) confirms.
 * Input is read with plain fgets, so it works whether or not stdin is a
 * terminal; end of input is an error (WFO_UNANSWERED) naming the question.
 *
 * The driver knows no SQL and no catalogue: callers pass the texts.
 * Ownership: a struct pl is the caller's (stack or static); answers returned
 * through char ** are heap strings the caller frees. */
#ifndef WFO_PROMPT_LINE_H
#define WFO_PROMPT_LINE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "wfo_error.h"

struct pl {
	FILE *in;
	FILE *out;
	bool color;   /* bold/underline headers, coloured names (ANSI) */
};

/* A driver on in/out; colour when out is a terminal and NO_COLOR is unset. */
void pl_init(struct pl *p, FILE *in, FILE *out);

/* "\n<title>" in bold+underline (plain text without colour). */
void pl_header(struct pl *p, const char *title);
/* A line printed as is (e.g. "Product: User User internal"). */
void pl_line(struct pl *p, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Prints question (which carries its own trailing ": "), reads one line,
 * trims it, asks again while it is empty. 0 and *answer (heap), or -1 with
 * err (end of input: WFO_UNANSWERED naming the question). */
int pl_ask_text(struct pl *p, const char *question, char **answer, struct wfo_error *err);

/* Like pl_ask_text with a default: "Supply the product tag [UB]: " (the
 * question's trailing ": " moves after the default); an empty answer takes
 * def. With def NULL or "" it is pl_ask_text. */
int pl_ask_default(struct pl *p, const char *question, const char *def, char **answer,
		   struct wfo_error *err);

/* A menu: question on its own line, "<i>) <label>" for i = 1..n, then
 * "q) <quit_label>" (omitted when quit_label is NULL) and the prompt "? ".
 * An empty answer asks again; anything else that is not a key prints
 * "Invalid choice" and shows the menu again. *choice = 0..n-1, or n for q.
 * 0, or -1 with err at end of input. */
int pl_menu(struct pl *p, const char *question, const char *const *labels, size_t n,
	    const char *quit_label, size_t *choice, struct wfo_error *err);

/* "<question> [y/N]: ". *yes is true only for y or yes (any case); an empty
 * answer, anything else and end of input mean No (returns 0 then too). */
int pl_confirm(struct pl *p, const char *question, bool *yes);

/* Whether an answer text confirms (the rule of pl_confirm). */
bool pl_is_yes(const char *answer);

#endif
