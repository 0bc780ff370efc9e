/* wz.h - the wizard's shared state and the screen interface. A step list
 * of five screens drives the wizard; each screen is one file with an ops
 * table (STYLE.md): it draws itself from the state and handles the keys of
 * its keymap context. The plan (plan.h) is the state that matters: screens
 * answer it in place and redraw from it.
 *
 * Ownership: struct wz lives in wizard_run; screen states are allocated by
 * their init op and freed by their free op. */
#ifndef WFO_UI_WZ_H
#define WFO_UI_WZ_H

#include <stdbool.h>
#include <stddef.h>

#include "keymap.h"
#include "plan.h"
#include "tui.h"
#include "wizard.h"

enum wz_step { WZ_DIFF, WZ_RENAMES, WZ_DETAILS, WZ_REVIEW, WZ_WRITE, WZ_NSTEPS };

struct wz;

/* The body of a screen: the rows between the step bar and the key bar. */
struct wz_rect {
	int y, x, h, w;
};

struct screen_ops {
	const char *name;       /* "Differences" (step bar, help title) */
	unsigned ctx;           /* its keymap context (KC_*) */
	void (*init)(struct wz *w);            /* once, before the first enter */
	void (*enter)(struct wz *w);           /* each time the step is shown */
	void (*draw)(struct wz *w, const struct wz_rect *r);
	/* a key (already mapped in its context, or with KC_FIELD when
	 * field_focus says so); UA_NONE for unmapped keys */
	void (*key)(struct wz *w, enum ui_action a, const struct ui_key *k);
	bool (*field_focus)(const struct wz *w); /* a text field takes the keys; may be NULL */
	bool (*skipped)(const struct wz *w);     /* nothing to ask here; may be NULL */
	void (*free)(struct wz *w);
};

extern const struct screen_ops screen_diff_ops, screen_renames_ops, screen_details_ops,
	screen_review_ops, screen_write_ops;

/* Question counts of the plan, recomputed once per plan_gen (the step bar
 * and the skip rules need them every frame; the plan may hold 10^5
 * questions). */
struct wz_stats {
	unsigned gen;
	bool valid;
	size_t renames, renames_open;     /* PQ_RT_RENAME, PQ_BLOCK_RT_UPDATE, PQ_FI_RENAME */
	size_t details, details_open;     /* required questions other than PQ_CONFIRM */
};

struct wz {
	struct wizard_env *env;
	struct wz_stats *stats;     /* cache behind wz_stats() */
	enum wz_step step;
	bool visited[WZ_NSTEPS];
	void *st[WZ_NSTEPS];        /* each screen's own state */
	unsigned plan_gen;          /* bumped by every answer: screens recompute */
	bool touched;               /* the user answered something here */
	bool written;               /* the revision file exists */
	bool upgraded;
	char *path;                 /* written file */
	char *message;              /* the revision message (Write screen) */
	char status[512];           /* one line over the key bar; cleared on the next key */
	bool status_error;
	int cur_y, cur_x;           /* cursor of a focused field, or -1 */
	char *farewell;             /* printed on stderr once the terminal is restored */
	bool done;
	enum wizard_result result;
};

const struct screen_ops *wz_ops(enum wz_step s);

/* Answers question i through plan_answer; on success bumps plan_gen and
 * marks the wizard touched. 0, or -1 with err. */
int wz_answer(struct wz *w, size_t i, const char *value, struct wfo_error *err);
void wz_unanswer(struct wz *w, size_t i);
/* Index of the question with that key path now, or PLAN_NONE. */
size_t wz_find(const struct wz *w, const char *key_path);

/* Moves to another step (enter op called); false when it is not allowed
 * (after writing, nothing before Write can change). */
bool wz_goto(struct wz *w, enum wz_step s);
/* The next step that is not skipped, from s on. */
enum wz_step wz_next_step(const struct wz *w, enum wz_step s);
enum wz_step wz_prev_step(const struct wz *w, enum wz_step s);

void wz_status(struct wz *w, bool error, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* The bottom line of keys of keymap context ctx (also for the tutorial's
 * pages and the catalogue browser). */
void wz_key_bar(unsigned ctx, int y, int cols);
/* Redraws the whole frame (title, context, step bar, screen, status, keys). */
void wz_draw(struct wz *w);

/* The short label of a question's field ("tag", "value of affiliation"). */
const char *wz_kind_label(enum plan_kind k);
bool wz_is_rename(enum plan_kind k);
/* For people, whatever the line prompts say (they keep orchestrator-core's
 * words): the name of what q asks for ("Tag of product User Group"), and
 * the question ("Which new resource type replaces age?"). Heap strings. */
char *wz_field_name(const struct plan_question *q);
char *wz_prompt(const struct plan_question *q);
/* "value" or "values" for n. */
const char *wz_n(long n, const char *one, const char *many);
const struct wz_stats *wz_stats(const struct wz *w);

/* Quit (asks, offers to save answers); sets w->done when leaving. */
void wz_quit(struct wz *w);
/* Esc on the first step: like wz_quit, and asks also when the only answers
 * are prefilled ones. */
void wz_quit_esc(struct wz *w);

#endif
