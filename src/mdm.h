/* mdm.h - the driver side of migrate-domain-models: answers the engine's
 * open questions with line prompts, defaults, or reports every missing one.
 *
 * The engine (plan.h) owns the questions; this module only needs, per
 * question, the texts below. A caller adapts the engine's question list into
 * groups of struct mdm_question (in the order the reference asks them:
 * products, fixed input values, blocks, resource type descriptions, default
 * values) and copies answers back.
 *
 * Ownership: mdm_question fields are borrowed except answer, which the
 * functions here set to a heap string (freed by the caller, or with
 * mdm_groups_free_answers). */
#ifndef WFO_MDM_H
#define WFO_MDM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "prompt_line.h"
#include "util.h"
#include "wfo_error.h"

struct mdm_question {
	const char *context;  /* line shown before it ("Product: User User internal"), NULL if none;
				 printed once for consecutive questions with the same context */
	const char *text;     /* "Supply the product tag: " (with its trailing ": ") */
	const char *file;     /* "inputs" or "updates": the option that can answer it */
	const char *key1;     /* the answer's place in that JSON: object key ... */
	const char *key2;     /* ... and the key inside it (NULL: key1 holds the value) */
	const char *prefill;  /* default offered from the model files, or NULL */
	char *answer;         /* NULL while open */
};

struct mdm_group {
	const char *header;   /* "Create new products"; printed even when the group is empty */
	struct mdm_question *q;
	size_t n;
};

/* Asks every open question of every group on p, in order: the header, the
 * context lines, then the question; a question with a prefill shows it as
 * "<text without ': '> [<prefill>]: " and an empty answer takes it.
 * 0, or -1 with err (end of input: WFO_UNANSWERED). */
int mdm_ask_lines(struct pl *p, struct mdm_group *g, size_t ng, struct wfo_error *err);

/* Non-interactive: every open question with a prefill takes it and says so
 * on out ("Using the default for <key path>: <value>"). Returns the number
 * of questions still open. */
size_t mdm_take_defaults(FILE *out, struct mdm_group *g, size_t ng);

/* Counts open questions. */
size_t mdm_open_count(const struct mdm_group *g, size_t ng);

/* Writes every open question to out as its --inputs / --updates key with the
 * question, then a JSON skeleton per option to complete (all of them, however
 * many: the error message of a struct wfo_error would be too small). */
void mdm_missing_report(FILE *out, const struct mdm_group *g, size_t ng);

/* The rename menus of the reference (resource types globally, per block):
 * while some old name still has an unused new name, asks first_q over those
 * old names ("q) continue" ends), then "<second_prefix><old>?" over its
 * unused new names ("q) cancel" goes back). news[i] are the choices for
 * olds->v[i]. Each choice is appended to out_old/out_new and both names leave
 * the menus; every pair chosen is kept (reference defect 3 fixed).
 * 0, or -1 with err at end of input. The caller prints the header. */
int mdm_ask_renames(struct pl *p, const char *first_q, const char *second_prefix,
		    const struct strvec *olds, const struct strvec *news,
		    struct strvec *out_old, struct strvec *out_new, struct wfo_error *err);

/* How open questions get answered. */
enum mdm_mode {
	MDM_MODE_TUI,            /* full screen: stdin and stdout are terminals, no --no-tui */
	MDM_MODE_LINES,          /* line prompts on stdin/stdout */
	MDM_MODE_NONINTERACTIVE, /* nothing to ask on: defaults, then report what is missing */
};

/* Whether fd can still deliver answers: false for a closed descriptor,
 * /dev/null and other non-terminal character devices, a regular file at its
 * end, and a pipe or socket whose writer has gone without writing; true for
 * a terminal and for a pipe that is open (answers may come after the
 * prompts, as from a coprocess). */
bool mdm_fd_has_input(int fd);

/* The rule: full screen when both are terminals and no --no-tui (and a
 * screen driver is built in: tui_available); otherwise line prompts while
 * stdin can deliver answers; otherwise non-interactive. Line prompts that
 * meet the end of input fall back to the non-interactive report. */
enum mdm_mode mdm_choose_mode(bool no_tui, bool tui_available, bool stdin_tty, bool stdout_tty,
			      bool stdin_has_input);

/* The command lines of migrate-domain-models and diff. Strings point into
 * argv (nothing to free). */
struct mdm_args {
	const char *message;       /* migrate-domain-models: the one positional argument */
	const char *models;        /* --models PATH */
	const char *inputs;        /* --inputs JSON|@FILE */
	const char *updates;       /* --updates JSON|@FILE */
	const char *migrations;    /* --migrations DIR */
	const char *database_uri;  /* --database-uri URI */
	bool test, yes, no_tui, upgrade, confirm_warnings; /* migrate-domain-models flags */
	bool dry_run;              /* migrate-domain-models --dry-run */
	bool json, exit_code;      /* diff flags */
	bool help;
};

/* Parses argv[1..] (argv[0] is the command name) for "migrate-domain-models"
 * or "diff": each accepts only its own options, as `--opt VALUE` or
 * `--opt=VALUE`. 0, or -1 with err (WFO_USAGE) naming the argument. */
int mdm_parse_args(int argc, char **argv, struct mdm_args *a, struct wfo_error *err);

/* Frees and clears every answer. */
void mdm_groups_free_answers(struct mdm_group *g, size_t ng);

/* Reads an --inputs/--updates argument: JSON text, or @FILE for a file's
 * contents. Returns a heap string, or NULL with err naming the file. */
char *mdm_read_json_arg(const char *opt, const char *arg, struct wfo_error *err);

#endif
