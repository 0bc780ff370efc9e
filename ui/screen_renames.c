/* screen_renames.c - step 2, Renames: the rename suggestions of the plan
 * (resource types globally, per block when a global one was declined, a
 * fixed input per product). Enter chooses; every decision can be changed
 * until the file is written, and the plan recomputes the later questions. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "dialog.h"
#include "list.h"
#include "text.h"
#include "wz.h"

struct rstate {
	struct ui_list l;
	size_t *rows;     /* plan question indices */
	unsigned gen;     /* plan_gen the rows belong to */
	bool built;
};

static struct rstate *S(const struct wz *w)
{
	return w->st[WZ_RENAMES];
}

static void rebuild(struct wz *w)
{
	struct rstate *s = S(w);
	if (s->built && s->gen == w->plan_gen)
		return;
	const struct plan *p = w->env->plan;
	free(s->rows);
	s->rows = xcalloc(plan_count(p) + 1, sizeof *s->rows);
	s->l.n = 0;
	/* a per-block question waits until the global rename of its old name
	 * is declined: undecided globals hide them */
	struct strvec undecided = STRVEC_INIT;
	for (size_t i = 0; i < plan_count(p); i++) {
		const struct plan_question *q = plan_question(p, i);
		if (q->kind == PQ_RT_RENAME && !q->answer)
			sv_push(&undecided, q->subject);
	}
	for (size_t i = 0; i < plan_count(p); i++) {
		const struct plan_question *q = plan_question(p, i);
		if (!wz_is_rename(q->kind))
			continue;
		if (q->kind == PQ_BLOCK_RT_UPDATE && sv_contains(&undecided, q->subject2))
			continue;
		s->rows[s->l.n++] = i;
	}
	sv_free(&undecided);
	s->gen = w->plan_gen;
	s->built = true;
	list_fix(&s->l);
}

static void init(struct wz *w)
{
	w->st[WZ_RENAMES] = xcalloc(1, sizeof(struct rstate));
}

static void sfree(struct wz *w)
{
	struct rstate *s = S(w);
	if (s)
		free(s->rows);
	free(s);
	w->st[WZ_RENAMES] = NULL;
}

static bool skipped(const struct wz *w)
{
	return wz_stats(w)->renames == 0;
}

static const char *old_name(const struct plan_question *q)
{
	return q->kind == PQ_RT_RENAME ? q->subject : q->subject2;
}

/* "Resource type age", "Block UserBlock: resource type age", "User internal: fixed input affiliation" */
static char *what(const struct plan_question *q)
{
	switch (q->kind) {
	case PQ_RT_RENAME:
		return xasprintf("Resource type %s", q->subject);
	case PQ_BLOCK_RT_UPDATE:
		return xasprintf("Block %s: resource type %s", q->subject, q->subject2);
	default:
		return xasprintf("%s: fixed input %s", q->subject, q->subject2);
	}
}

static void draw(struct wz *w, const struct wz_rect *r)
{
	rebuild(w);
	struct rstate *s = S(w);
	const struct plan *p = w->env->plan;
	if (!s->l.n) {
		ui_put(r->y + 1, 2, r->w - 4, "No rename candidates: nothing is missing on one side and new on the other.", 0);
		ui_put(r->y + 3, 2, r->w - 4, "Press n to go on.", 0);
		return;
	}
	int dh = r->h >= 10 ? 6 : r->h >= 7 ? 3 : 0;
	int lh = r->h - dh - (dh ? 1 : 0);
	ui_put(r->y, 1, r->w - 2, "Rename instead of delete + create keeps the values. Enter chooses, n goes on.",
	       ui_attr(UR_DIM));
	s->l.height = lh - 1;
	list_fix(&s->l);
	for (int i = 0; i < s->l.height && s->l.top + (size_t)i < s->l.n; i++) {
		size_t row = s->l.top + (size_t)i;
		const struct plan_question *q = plan_question(p, s->rows[row]);
		bool sel = row == s->l.sel;
		int base = sel ? ui_attr(UR_SELECTED) : 0, y = r->y + 1 + i;
		ui_fill(y, r->x, r->w, base);
		int x = 1;
		const char *mark = q->answer ? ui_glyph(UG_CHECK) : "?";
		x += ui_put(y, x, 2, mark, base | ui_attr(q->answer ? UR_DONE : UR_WARN));
		x += 1;
		char *t = what(q);
		int tw = ui_put_cut(y, x, r->w - x, t, base);
		free(t);
		x += tw < 44 ? 44 : tw + 1;
		x += ui_put(y, x, r->w - x, ui_glyph(UG_ARROW), base);
		x += ui_put(y, x, r->w - x, " ", base);
		if (!q->answer)
			ui_put(y, x, r->w - x - 1, "not decided", base | ui_attr(UR_WARN));
		else if (!q->answer[0])
			ui_put(y, x, r->w - x - 1, "no rename", base | (sel ? 0 : ui_attr(UR_DIM)));
		else
			ui_put_cut(y, x, r->w - x - 1, q->answer, base | ui_attr(UR_BOLD));
	}
	if (!dh)
		return;
	int dy = r->y + lh;
	ui_hline(dy, r->x, r->w, ui_attr(UR_DIM));
	const struct plan_question *q = plan_question(p, s->rows[s->l.sel]);
	struct strbuf sb = STRBUF_INIT;
	sb_addf(&sb, "%s%s%s\n", q->group ? q->group : "", q->context ? ": " : "", q->context ? q->context : "");
	char *prompt = wz_prompt(q);
	sb_addf(&sb, "%s\n", prompt);
	free(prompt);
	sb_add(&sb, "Choices: ");
	for (size_t i = 0; q->choices && i < q->choices->n; i++)
		sb_addf(&sb, "%s%s", i ? ", " : "", q->choices->v[i]);
	sb_add(&sb, q->choices && q->choices->n ? ", or no rename\n" : "no rename\n");
	if (q->kind != PQ_FI_RENAME) {
		const char *old = old_name(q);
		const struct dm_catalog *db = w->env->db;
		const struct dm_resource_type *rt = dm_find_resource_type(db, old);
		sb_add(&sb, "Used in the database by: ");
		size_t nb = 0;
		for (size_t i = 0; i < db->n_blocks; i++) {
			const struct dm_block *b = db->blocks[i];
			bool uses = false;
			for (size_t j = 0; j < b->resource_types.n && !uses; j++)
				uses = !strcmp(b->resource_types.v[j], old);
			if (!uses || (q->kind == PQ_BLOCK_RT_UPDATE && strcmp(b->name, q->subject)))
				continue;
			long v = w->env->extra ? cat_extra_block_rt_values(w->env->extra, b->name, old) : -1;
			if (v >= 0)
				sb_addf(&sb, "%s%s (%ld %s)", nb++ ? ", " : "", b->name, v, wz_n(v, "value", "values"));
			else
				sb_addf(&sb, "%s%s (%ld instances)", nb++ ? ", " : "", b->name, b->instances);
		}
		sb_addf(&sb, "%s\n", nb ? "" : "no block");
		if (rt && q->kind == PQ_RT_RENAME)
			sb_addf(&sb, "%ld %s kept by renaming instead of dropping and re-creating %s\n",
				rt->values, wz_n(rt->values, "value is", "values are"), old);
	} else {
		const struct dm_product *dp = dm_find_product(w->env->db, q->subject);
		long n = dp ? dp->subscriptions : q->impact;
		sb_addf(&sb, "%ld %s of %s keep%s the value of %s when it is renamed\n", n,
			wz_n(n, "subscription", "subscriptions"), q->subject, n == 1 ? "s" : "", q->subject2);
	}
	struct strvec lines = STRVEC_INIT;
	text_wrap(sb_str(&sb), r->w - 2, 2, &lines);
	for (int i = 0; i < dh - 1 && (size_t)i < lines.n; i++)
		ui_put_cut(dy + 1 + i, 1, r->w - 2, lines.v[i], i == 1 ? ui_attr(UR_BOLD) : 0);
	sv_free(&lines);
	sb_free(&sb);
}

/* Moves the cursor to the next undecided row (after the current one when
 * after, wrapping), if there is one. */
static void select_undecided(struct wz *w, bool after)
{
	rebuild(w);
	struct rstate *s = S(w);
	for (size_t k = after ? 1 : 0; k <= s->l.n; k++) {
		size_t r = (s->l.sel + k) % (s->l.n ? s->l.n : 1);
		if (r < s->l.n && !plan_question(w->env->plan, s->rows[r])->answer) {
			s->l.sel = r;
			list_fix(&s->l);
			return;
		}
	}
}

/* What declining the open rows loses, for the question before it: "3
 * values of age and 1 value of username will be dropped". */
static char *decline_loss(struct wz *w, size_t *nopen)
{
	struct rstate *s = S(w);
	const struct dm_catalog *db = w->env->db;
	struct strbuf sb = STRBUF_INIT;
	size_t n = 0;
	struct strvec items = STRVEC_INIT;
	for (size_t r = 0; r < s->l.n; r++) {
		const struct plan_question *q = plan_question(w->env->plan, s->rows[r]);
		if (q->answer)
			continue;
		n++;
		if (q->kind == PQ_RT_RENAME) {
			const struct dm_resource_type *rt = dm_find_resource_type(db, q->subject);
			long v = rt ? rt->values : 0;
			if (v)
				sv_push_owned(&items, xasprintf("%ld %s of %s", v, wz_n(v, "value", "values"), q->subject));
		} else if (q->kind == PQ_BLOCK_RT_UPDATE) {
			long v = w->env->extra ? cat_extra_block_rt_values(w->env->extra, q->subject, q->subject2) : -1;
			if (v > 0)
				sv_push_owned(&items, xasprintf("%ld %s of %s in %s", v, wz_n(v, "value", "values"),
								q->subject2, q->subject));
			else if (v < 0)   /* not counted: say it without a number */
				sv_push_owned(&items, xasprintf("the values of %s in %s", q->subject2, q->subject));
		} else {
			const struct dm_product *dp = dm_find_product(db, q->subject);
			long v = dp ? dp->subscriptions : 0;
			if (v)
				sv_push_owned(&items, xasprintf("fixed input %s of %ld %s of %s", q->subject2, v,
								wz_n(v, "subscription", "subscriptions"), q->subject));
		}
	}
	for (size_t i = 0; i < items.n; i++)
		sb_addf(&sb, "%s%s", i == 0 ? "" : i + 1 == items.n ? " and " : ", ", items.v[i]);
	if (items.n)
		sb_add(&sb, " will be dropped.");
	else
		sb_add(&sb, "No values are lost (nothing uses the old names yet).");
	sv_free(&items);
	*nopen = n;
	return sb_detach(&sb);
}

static void choose(struct wz *w)
{
	struct rstate *s = S(w);
	const struct plan_question *q = plan_question(w->env->plan, s->rows[s->l.sel]);
	struct strvec items = STRVEC_INIT;
	size_t sel = 0;
	for (size_t i = 0; q->choices && i < q->choices->n; i++) {
		sv_push_owned(&items, xasprintf("Rename %s to %s", old_name(q), q->choices->v[i]));
		if (q->answer && !strcmp(q->answer, q->choices->v[i]))
			sel = i;
	}
	sv_push_owned(&items, q->kind == PQ_FI_RENAME ? xasprintf("No rename: delete %s and create the new one", old_name(q))
						  : xasprintf("No rename: drop %s and its values", old_name(q)));
	if (q->answer && !q->answer[0])
		sel = items.n - 1;
	char *key_path = xstrdup(q->key_path);
	char *old = xstrdup(old_name(q)); /* q dies with the next answer */
	char *title = what(q);
	char *prompt = wz_prompt(q);
	int c = dialog_menu(title, prompt, &items, sel);
	free(prompt);
	free(title);
	if (c >= 0) {
		size_t i = wz_find(w, key_path);
		const char *v = (size_t)c + 1 == items.n ? "" : plan_question(w->env->plan, i)->choices->v[c];
		char *value = xstrdup(v);
		struct wfo_error err = { 0 };
		if (i == PLAN_NONE || wz_answer(w, i, value, &err) < 0)
			wz_status(w, true, "%s", i == PLAN_NONE ? "the question is gone" : err.msg);
		else if (value[0])
			wz_status(w, false, "%s %s %s: the later steps follow this", old, ui_glyph(UG_ARROW), value);
		else
			wz_status(w, false, "No rename of %s", old);
		free(value);
		select_undecided(w, true);
	}
	free(key_path);
	free(old);
	sv_free(&items);
}

/* n: open suggestions are declined after asking (default No: an undecided
 * rename never drops values by accident); declining a global rename may
 * bring per-block questions, then we stay. */
static void next(struct wz *w)
{
	rebuild(w);
	struct rstate *s = S(w);
	size_t nopen = 0;
	char *loss = decline_loss(w, &nopen);
	if (nopen) {
		static const char *const yn[] = { "Yes, decline", "No" };
		char *title = xasprintf("Decline %zu rename%s?", nopen, nopen == 1 ? "" : "s");
		char *body = xasprintf("%zu rename%s not decided. Going on declines %s: %s\n\n"
				       "Decline and go on?", nopen, nopen == 1 ? " is" : "s are",
				       nopen == 1 ? "it" : "them", loss);
		int b = dialog_buttons(title, body, yn, 2, 1);
		free(title);
		free(body);
		if (b != 0) {
			free(loss);
			select_undecided(w, false);
			wz_status(w, false, "Nothing declined: Enter decides the selected rename");
			return;
		}
	}
	free(loss);
	struct strvec keys = STRVEC_INIT;
	for (size_t r = 0; r < s->l.n; r++) {
		const struct plan_question *q = plan_question(w->env->plan, s->rows[r]);
		if (!q->answer)
			sv_push(&keys, q->key_path);
	}
	for (size_t k = 0; k < keys.n; k++) {
		size_t i = wz_find(w, keys.v[k]);
		struct wfo_error err = { 0 };
		if (i != PLAN_NONE && !plan_question(w->env->plan, i)->answer)
			wz_answer(w, i, "", &err);
	}
	rebuild(w);
	size_t open = 0;
	for (size_t r = 0; r < s->l.n; r++)
		open += !plan_question(w->env->plan, s->rows[r])->answer;
	if (open) {
		wz_status(w, false, "%zu undecided suggestion%s declined; %zu new question%s (per block) to decide",
			  keys.n, keys.n == 1 ? "" : "s", open, open == 1 ? "" : "s");
		for (size_t r = 0; r < s->l.n; r++)
			if (!plan_question(w->env->plan, s->rows[r])->answer) {
				s->l.sel = r;
				break;
			}
		sv_free(&keys);
		return;
	}
	sv_free(&keys);
	wz_goto(w, wz_next_step(w, WZ_DETAILS));
}

static void key(struct wz *w, enum ui_action a, const struct ui_key *k)
{
	rebuild(w);
	struct rstate *s = S(w);
	switch (a) {
	case UA_ENTER:
		if (s->l.n)
			choose(w);
		break;
	case UA_CLEAR:
		if (s->l.n) {
			wz_unanswer(w, s->rows[s->l.sel]);
			rebuild(w);
		}
		break;
	case UA_NEXT:
		next(w);
		break;
	case UA_BACK:
		wz_goto(w, wz_prev_step(w, WZ_DIFF));
		break;
	default:
		list_move(&s->l, a);
		break;
	}
}

const struct screen_ops screen_renames_ops = {
	.name = "Renames",
	.ctx = KC_RENAMES,
	.init = init,
	.draw = draw,
	.key = key,
	.skipped = skipped,
	.free = sfree,
};
