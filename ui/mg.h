/* mg.h - the merge screen's shared state and its two steps (Heads, Merge),
 * each one file with an ops table like the wizard's screens: drawn from
 * the state, keys of its keymap context. merge_screen.c runs them.
 *
 * Ownership: struct mg lives in merge_ui_run; each step frees its own
 * fields in its free op. */
#ifndef WFO_UI_MG_H
#define WFO_UI_MG_H

#include <stdbool.h>
#include <stddef.h>

#include "field.h"
#include "graph.h"
#include "keymap.h"
#include "merge.h"
#include "merge_ui.h"
#include "text.h"
#include "tui.h"

enum mg_step { MG_HEADS, MG_MERGE, MG_NSTEPS };

struct mg;

struct mg_rect {
	int y, x, h, w;
};

struct mg_ops {
	const char *name;
	unsigned (*ctx)(const struct mg *g);   /* the keymap context now */
	void (*init)(struct mg *g);
	void (*enter)(struct mg *g);
	void (*draw)(struct mg *g, const struct mg_rect *r);
	void (*key)(struct mg *g, enum ui_action a, const struct ui_key *k);
	void (*free)(struct mg *g);
};

extern const struct mg_ops mg_heads_ops, mg_merge_ops;

struct mg {
	struct merge_ui_env *env;
	struct merge_model *m;
	enum mg_step step;
	bool *sel;                 /* per head of the model */
	unsigned sel_gen;          /* bumped by every change of sel */
	/* the collisions of sel (recomputed when sel_gen moves) */
	unsigned coll_gen;
	bool coll_valid;
	struct strvec warnings, notes;
	/* Heads */
	struct graph graph;
	size_t row;                /* the selected row (a revision's) */
	size_t top;
	int height;
	bool sql_open;
	struct textview sql;
	size_t changes_of;         /* node whose changes are cached, or SIZE_MAX */
	struct strvec changes;
	/* Merge */
	char *message;
	struct field f;
	bool editing;
	int focus;                 /* 0 message, 1 button */
	struct merge_order order;
	unsigned order_gen;
	bool order_valid;
	char *order_error;
	size_t order_top;
	bool written, upgraded;
	char *path, *heads_after, *upgrade_error;
	bool upgrade_stopped;       /* the upgrade failed because the user stopped it */
	/* frame */
	char status[512];
	bool status_error;
	int cur_y, cur_x;
	bool done;
	enum merge_ui_result result;
};

/* The collisions of the current selection (cached). */
void mg_collisions(struct mg *g);
/* Heads selected now. */
size_t mg_nselected(const struct mg *g);
bool mg_goto(struct mg *g, enum mg_step s);
void mg_status(struct mg *g, bool error, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* "●", "○", "?" (or ASCII) for an applied mark. */
const char *mg_mark(int applied);
/* The short form of a revision id (12 characters). */
const char *mg_short(const char *id, char buf[13]);

#endif
