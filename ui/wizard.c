/* wizard.c - wizard_run: opens the terminal, runs the step list over the
 * screens, and restores the terminal whatever happens (see wizard.h). */
#include "config.h"
#include "wizard.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dialog.h"
#include "keymap.h"
#include "lesson_panel.h"
#include "tui.h"
#include "wz.h"

static const struct screen_ops *const steps[WZ_NSTEPS] = {
	&screen_diff_ops, &screen_renames_ops, &screen_details_ops, &screen_review_ops, &screen_write_ops,
};

const struct screen_ops *wz_ops(enum wz_step s)
{
	return steps[s];
}

const char *wz_n(long n, const char *one, const char *many)
{
	return n == 1 ? one : many;
}

bool wz_is_rename(enum plan_kind k)
{
	return k == PQ_RT_RENAME || k == PQ_BLOCK_RT_UPDATE || k == PQ_FI_RENAME;
}

const char *wz_kind_label(enum plan_kind k)
{
	switch (k) {
	case PQ_RT_RENAME: return "rename";
	case PQ_BLOCK_RT_UPDATE: return "update";
	case PQ_FI_RENAME: return "rename";
	case PQ_PRODUCT_DESCRIPTION: return "description";
	case PQ_PRODUCT_TAG: return "tag";
	case PQ_FI_VALUE: return "fixed input";
	case PQ_BLOCK_DESCRIPTION: return "description";
	case PQ_BLOCK_TAG: return "tag";
	case PQ_RT_DESCRIPTION: return "description";
	case PQ_DEFAULT_VALUE: return "default value";
	case PQ_CONFIRM: return "confirm";
	}
	return "?";
}

char *wz_field_name(const struct plan_question *q)
{
	const char *a = q->subject ? q->subject : "", *b = q->subject2 ? q->subject2 : "";
	switch (q->kind) {
	case PQ_RT_RENAME: return xasprintf("Rename of resource type %s", a);
	case PQ_BLOCK_RT_UPDATE: return xasprintf("Replacement of %s in block %s", b, a);
	case PQ_FI_RENAME: return xasprintf("Rename of fixed input %s of product %s", b, a);
	case PQ_PRODUCT_DESCRIPTION: return xasprintf("Description of product %s", a);
	case PQ_PRODUCT_TAG: return xasprintf("Tag of product %s", a);
	case PQ_FI_VALUE: return xasprintf("Value of fixed input %s of product %s", b, a);
	case PQ_BLOCK_DESCRIPTION: return xasprintf("Description of product block %s", a);
	case PQ_BLOCK_TAG: return xasprintf("Tag of product block %s", a);
	case PQ_RT_DESCRIPTION: return xasprintf("Description of resource type %s", a);
	case PQ_DEFAULT_VALUE: return xasprintf("Value of %s for the existing instances of %s", a, b);
	case PQ_CONFIRM: return xstrdup("Confirmation");
	}
	return xstrdup("?");
}

char *wz_prompt(const struct plan_question *q)
{
	const char *a = q->subject ? q->subject : "", *b = q->subject2 ? q->subject2 : "";
	switch (q->kind) {
	case PQ_RT_RENAME:
		return xasprintf("Which new resource type replaces %s?", a);
	case PQ_BLOCK_RT_UPDATE:
		return xasprintf("In block %s, which new resource type replaces %s?", a, b);
	case PQ_FI_RENAME:
		return xasprintf("Is fixed input %s of product %s renamed to %s?", b, a,
				 q->choices && q->choices->n ? q->choices->v[0] : "?");
	case PQ_PRODUCT_TAG:
	case PQ_BLOCK_TAG: {
		char *n = wz_field_name(q);
		char *r = xasprintf("%s? A short code, at most %d characters.", n, PLAN_TAG_MAX);
		free(n);
		return r;
	}
	case PQ_CONFIRM:
		return xstrdup("Confirm the changes?");
	default: {
		char *n = wz_field_name(q);
		char *r = xasprintf("%s?", n);
		free(n);
		return r;
	}
	}
}

const struct wz_stats *wz_stats(const struct wz *w)
{
	struct wz_stats *st = w->stats;
	if (st->valid && st->gen == w->plan_gen)
		return st;
	memset(st, 0, sizeof *st);
	const struct plan *p = w->env->plan;
	/* a per-block rename waits (hidden) while the global rename of its old
	   name is undecided: counted as the Renames screen shows it */
	struct strvec undecided = STRVEC_INIT;
	for (size_t i = 0, n = plan_count(p); i < n; i++) {
		const struct plan_question *q = plan_question(p, i);
		if (q->kind == PQ_RT_RENAME && !q->answer)
			sv_push(&undecided, q->subject);
	}
	for (size_t i = 0, n = plan_count(p); i < n; i++) {
		const struct plan_question *q = plan_question(p, i);
		if (q->kind == PQ_BLOCK_RT_UPDATE && undecided.n && sv_contains(&undecided, q->subject2))
			continue;
		if (wz_is_rename(q->kind)) {
			st->renames++;
			st->renames_open += !q->answer;
		} else if (q->required && q->kind != PQ_CONFIRM) {
			st->details++;
			st->details_open += !q->answer;
		}
	}
	sv_free(&undecided);
	st->gen = w->plan_gen;
	st->valid = true;
	return st;
}

int wz_answer(struct wz *w, size_t i, const char *value, struct wfo_error *err)
{
	if (lesson_check(w, i, value, err) < 0)
		return -1;
	if (plan_answer(w->env->plan, i, value, err) < 0)
		return -1;
	w->plan_gen++;
	w->touched = true;
	return 0;
}

void wz_unanswer(struct wz *w, size_t i)
{
	plan_unanswer(w->env->plan, i);
	w->plan_gen++;
	w->touched = true;
}

size_t wz_find(const struct wz *w, const char *key_path)
{
	const struct plan *p = w->env->plan;
	for (size_t i = 0, n = plan_count(p); i < n; i++)
		if (!strcmp(plan_question(p, i)->key_path, key_path))
			return i;
	return PLAN_NONE;
}

enum wz_step wz_next_step(const struct wz *w, enum wz_step s)
{
	while (s < WZ_WRITE && steps[s]->skipped && steps[s]->skipped(w))
		s++;
	return s;
}

enum wz_step wz_prev_step(const struct wz *w, enum wz_step s)
{
	while (s > WZ_DIFF && steps[s]->skipped && steps[s]->skipped(w))
		s--;
	return s;
}

bool wz_goto(struct wz *w, enum wz_step s)
{
	if (w->written && s < WZ_WRITE) {
		wz_status(w, true, "The revision file is written: answers cannot change any more");
		return false;
	}
	w->step = s;
	w->visited[s] = true;
	if (steps[s]->enter)
		steps[s]->enter(w);
	return true;
}

static void backdrop(void *arg)
{
	wz_draw(arg);
}

static void help(struct wz *w, bool field)
{
	const struct screen_ops *o = steps[w->step];
	struct strvec lines = STRVEC_INIT;
	keymap_help(o->ctx | (field ? KC_FIELD : 0), &lines);
	char *title = xasprintf("Keys: %d %s", w->step + 1, o->name);
	dialog_text(title, &lines);
	free(title);
	sv_free(&lines);
}

static void loop(struct wz *w)
{
	while (!w->done) {
		wz_draw(w);
		ui_flush();
		struct ui_key k;
		enum ui_event ev = ui_getkey(&k);
		if (ev == UE_INTERRUPT)
			break;
		if (ev == UE_RESIZE)
			continue;
		w->status[0] = 0;
		const struct screen_ops *o = steps[w->step];
		bool ff = o->field_focus && o->field_focus(w);
		enum ui_action a = keymap_lookup(ff ? KC_FIELD : o->ctx, &k);
		if (a == UA_REDRAW) {
			ui_repaint();
			continue;
		}
		if (a == UA_HELP) {
			help(w, ff);
		} else if (a == UA_QUIT) {
			wz_quit(w);
		} else if (ui_cols() >= UI_MIN_COLS && ui_rows() >= UI_MIN_ROWS) {
			o->key(w, a, &k);
		}
		if (ui_interrupted())
			break;
	}
}

bool wizard_available(void)
{
	return ui_possible();
}

enum wizard_result wizard_run(struct wizard_env *env, char **path_out, struct wfo_error *err)
{
	if (path_out)
		*path_out = NULL;
	struct wz w;
	memset(&w, 0, sizeof w);
	w.env = env;
	w.stats = xcalloc(1, sizeof *w.stats);
	w.message = xstrdup(env->message ? env->message : "");
	w.result = WIZARD_QUIT;
	if (ui_open(err) < 0) {
		free(w.stats);
		free(w.message);
		return WIZARD_ERROR;
	}
	dialog_set_backdrop(backdrop, &w);
	for (enum wz_step s = 0; s < WZ_NSTEPS; s++)
		if (steps[s]->init)
			steps[s]->init(&w);
	wz_goto(&w, WZ_DIFF);
	loop(&w);
	bool interrupted = !w.done;
	dialog_set_backdrop(NULL, NULL);
	ui_close();
	for (enum wz_step s = 0; s < WZ_NSTEPS; s++)
		if (steps[s]->free)
			steps[s]->free(&w);
	if (w.farewell)
		fputs(w.farewell, stderr);
	free(w.farewell);
	free(w.message);
	free(w.stats);
	enum wizard_result r = w.written ? WIZARD_WRITTEN : interrupted ? WIZARD_INTERRUPTED : w.result;
	if (w.written && path_out)
		*path_out = w.path;
	else
		free(w.path);
	if (r == WIZARD_INTERRUPTED)
		wfo_fail(err, WFO_ABORTED, "interrupted: nothing was written");
	return r;
}
