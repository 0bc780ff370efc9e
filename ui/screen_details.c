/* screen_details.c - step 3, Details: every required value of the plan
 * (descriptions, tags, fixed input values, default values) with a mark
 * for done / missing / invalid, and a form for the selected one: a text
 * field with the live tag length ("n/20"), the instances a default value
 * reaches, and the engine's error when plan_answer refuses a value (the
 * typed text is kept as a draft and the row is marked invalid). */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "dialog.h"
#include "field.h"
#include "list.h"
#include "text.h"
#include "wz.h"

struct draft {
	char *key;    /* key path */
	char *text;   /* what was typed */
	char *err;    /* why plan_answer refused it, or NULL */
};

struct tstate {
	struct ui_list l;
	size_t *rows;        /* plan question indices */
	unsigned gen;
	bool built;
	char *sel_key;       /* key path of the selection, kept across recomputes */
	bool editing;
	bool typed;          /* the field was changed since the edit began */
	struct field f;
	struct draft *d;
	size_t nd;
};

static struct tstate *S(const struct wz *w)
{
	return w->st[WZ_DETAILS];
}

static bool mine(const struct plan_question *q)
{
	return q->required && q->kind != PQ_CONFIRM;
}

static struct draft *draft_find(struct tstate *s, const char *key)
{
	for (size_t i = 0; i < s->nd; i++)
		if (!strcmp(s->d[i].key, key))
			return &s->d[i];
	return NULL;
}

static void draft_drop(struct tstate *s, const char *key)
{
	struct draft *d = draft_find(s, key);
	if (!d)
		return;
	free(d->key);
	free(d->text);
	free(d->err);
	*d = s->d[--s->nd];
}

static void draft_set(struct tstate *s, const char *key, const char *text, const char *err)
{
	struct draft *d = draft_find(s, key);
	if (!d) {
		s->d = xrealloc(s->d, (s->nd + 1) * sizeof *s->d);
		d = &s->d[s->nd++];
		d->key = xstrdup(key);
	} else {
		free(d->text);
		free(d->err);
	}
	d->text = xstrdup(text);
	d->err = err ? xstrdup(err) : NULL;
}

static void set_sel_key(struct tstate *s, const char *key)
{
	if (s->sel_key && key && !strcmp(s->sel_key, key))
		return;
	free(s->sel_key);
	s->sel_key = key ? xstrdup(key) : NULL;
}

static const struct plan_question *selected(const struct wz *w)
{
	struct tstate *s = S(w);
	return s->l.n ? plan_question(w->env->plan, s->rows[s->l.sel]) : NULL;
}

static void rebuild(struct wz *w)
{
	struct tstate *s = S(w);
	if (s->built && s->gen == w->plan_gen)
		return;
	const struct plan *p = w->env->plan;
	free(s->rows);
	s->rows = xcalloc(plan_count(p) + 1, sizeof *s->rows);
	s->l.n = 0;
	size_t want = SIZE_MAX;
	for (size_t i = 0; i < plan_count(p); i++) {
		const struct plan_question *q = plan_question(p, i);
		if (!mine(q))
			continue;
		if (s->sel_key && !strcmp(q->key_path, s->sel_key))
			want = s->l.n;
		s->rows[s->l.n++] = i;
	}
	if (want != SIZE_MAX)
		s->l.sel = want;
	s->gen = w->plan_gen;
	s->built = true;
	list_fix(&s->l);
	const struct plan_question *q = selected(w);
	set_sel_key(s, q ? q->key_path : NULL);
}

static void init(struct wz *w)
{
	struct tstate *s = xcalloc(1, sizeof *s);
	field_init(&s->f);
	w->st[WZ_DETAILS] = s;
}

static void sfree(struct wz *w)
{
	struct tstate *s = S(w);
	if (!s)
		return;
	while (s->nd)
		draft_drop(s, s->d[0].key);
	free(s->d);
	free(s->rows);
	free(s->sel_key);
	field_free(&s->f);
	free(s);
	w->st[WZ_DETAILS] = NULL;
}

static bool skipped(const struct wz *w)
{
	return wz_stats(w)->details == 0;
}

static bool is_tag(const struct plan_question *q)
{
	return q->kind == PQ_PRODUCT_TAG || q->kind == PQ_BLOCK_TAG;
}

static size_t chars(const char *s)
{
	size_t n = 0;
	for (; *s; s += ui_utf8_seq(s))
		n++;
	return n;
}

/* The problem with value v for q as the engine will see it, in plain
 * words ("Tag of product User Group: 25 characters, at most 20"), or NULL. */
static const char *problem(const struct plan_question *q, const char *v, char *buf, size_t n)
{
	const char *t = v;
	while (*t == ' ' || *t == '\t')
		t++;
	char *name = wz_field_name(q);
	const char *r = NULL;
	if (!*t) {
		snprintf(buf, n, "%s: a value is required", name);
		r = buf;
	} else if (q->max_len && chars(v) > q->max_len) {
		snprintf(buf, n, "%s: %zu characters, at most %zu", name, chars(v), q->max_len);
		r = buf;
	}
	free(name);
	return r;
}

/* Whether row r is refused or invalid now (draft with the engine's reason,
 * or an answer that would not pass). */
static bool row_bad(struct wz *w, size_t r)
{
	struct tstate *s = S(w);
	const struct plan_question *q = plan_question(w->env->plan, s->rows[r]);
	const struct draft *d = draft_find(s, q->key_path);
	char buf[320];
	return (d && d->err) || (q->answer && problem(q, q->answer, buf, sizeof buf));
}

static char *subject(const struct plan_question *q)
{
	switch (q->kind) {
	case PQ_PRODUCT_DESCRIPTION:
	case PQ_PRODUCT_TAG:
		return xasprintf("Product %s", q->subject);
	case PQ_FI_VALUE:
		return xasprintf("%s: %s", q->subject, q->subject2);
	case PQ_BLOCK_DESCRIPTION:
	case PQ_BLOCK_TAG:
		return xasprintf("Block %s", q->subject);
	case PQ_RT_DESCRIPTION:
		return xasprintf("Resource type %s", q->subject);
	case PQ_DEFAULT_VALUE:
		return xasprintf("%s in %s", q->subject, q->subject2);
	default:
		return xstrdup(q->subject ? q->subject : "");
	}
}

static void draw_row(struct wz *w, size_t row, int y, const struct wz_rect *r)
{
	struct tstate *s = S(w);
	const struct plan_question *q = plan_question(w->env->plan, s->rows[row]);
	const struct draft *d = draft_find(s, q->key_path);
	bool sel = row == s->l.sel;
	int base = sel ? ui_attr(UR_SELECTED) : 0;
	ui_fill(y, r->x, r->w, base);
	char buf[320];
	const char *bad = d && d->err ? d->err : q->answer ? problem(q, q->answer, buf, sizeof buf) : NULL;
	const char *mark = bad ? ui_glyph(UG_CROSS) : q->answer ? ui_glyph(UG_CHECK) : ui_glyph(UG_DOT);
	int x = 1;
	x += ui_put(y, x, 2, mark, base | ui_attr(bad ? UR_ERROR : q->answer ? UR_DONE : UR_WARN));
	x += 1;
	int sw = r->w >= 80 ? 34 : r->w * 2 / 5;
	char *subj = subject(q);
	ui_put_cut(y, x, sw - 1, subj, base);
	free(subj);
	x += sw;
	const char *label = q->kind == PQ_FI_VALUE ? "value" : wz_kind_label(q->kind);
	ui_put(y, x, 14, label, base | (sel ? 0 : ui_attr(UR_DIM)));
	x += 14;
	if (d) {
		ui_put_cut(y, x, r->w - x - 1, d->text, base | ui_attr(d->err ? UR_ERROR : UR_NORMAL));
	} else if (q->answer) {
		ui_put_cut(y, x, r->w - x - 1, q->answer, base);
	} else if (q->prefill) {
		char *t = xasprintf("%s (model)", q->prefill);
		ui_put_cut(y, x, r->w - x - 1, t, base | ui_attr(UR_DIM));
		free(t);
	} else {
		ui_put(y, x, r->w - x - 1, "missing", base | ui_attr(UR_WARN));
	}
}

static void draw_form(struct wz *w, int y, int h, const struct wz_rect *r)
{
	struct tstate *s = S(w);
	const struct plan_question *q = selected(w);
	if (!q || h < 3)
		return;
	const struct draft *d = draft_find(s, q->key_path);
	char *head = xasprintf("%s%s%s", q->group ? q->group : "", q->context ? " " : "",
			       q->context ? q->context : "");
	ui_put_cut(y, 1, r->w - 2, head, ui_attr(UR_BOLD));
	free(head);
	char *prompt = wz_prompt(q);
	char *text = q->prefill ? xasprintf("%s The model says: %s", prompt, q->prefill) : xstrdup(prompt);
	ui_put_cut(y + 1, 1, r->w - 2, text, 0);
	free(prompt);
	free(text);
	/* the field: live when editing, else the value it would start with */
	char *v = s->editing ? field_text(&s->f) : xstrdup(d ? d->text : q->answer ? q->answer : q->prefill ? q->prefill : "");
	int cw = r->w - 14;
	if (s->editing) {
		int cx = 0;
		field_draw(&s->f, y + 2, 2, cw, true, &cx);
		w->cur_y = y + 2;
		w->cur_x = cx;
	} else {
		struct field tmp;
		field_init(&tmp);
		field_set(&tmp, v);
		tmp.cur = 0;
		field_draw(&tmp, y + 2, 2, cw, false, NULL);
		field_free(&tmp);
	}
	char buf[320];
	const char *bad = problem(q, v, buf, sizeof buf);
	if (is_tag(q)) {
		char cnt[32];
		snprintf(cnt, sizeof cnt, "%zu/%d", chars(v), PLAN_TAG_MAX);
		ui_put(y + 2, 3 + cw, 10, cnt, ui_attr(chars(v) > PLAN_TAG_MAX ? UR_ERROR : UR_DIM));
	}
	if (h >= 4) {
		const char *msg = NULL;
		if (d && d->err && (!s->editing || !strcmp(v, d->text)))
			msg = d->err;
		else if (bad && ((s->editing && s->typed) || d))   /* nothing typed yet: no error */
			msg = bad;
		if (msg) {
			/* the engine's reason whole: a second line when there is room */
			char *m = xasprintf("%s %s", ui_glyph(UG_CROSS), msg);
			struct strvec lines = STRVEC_INIT;
			text_wrap(m, r->w - 3, 2, &lines);
			int room = h >= 5 && q->kind != PQ_DEFAULT_VALUE && !q->impact ? 2 : 1;
			for (int i = 0; i < room && (size_t)i < lines.n; i++)
				ui_put_cut(y + 3 + i, 2, r->w - 3, lines.v[i], ui_attr(UR_ERROR));
			sv_free(&lines);
			free(m);
		} else if (!s->editing) {
			ui_put(y + 3, 2, r->w - 3, q->answer ? "Answered. Enter changes it." :
				   "Enter to type it (the model's value is offered when there is one).", ui_attr(UR_DIM));
		}
	}
	if (h >= 5 && (q->kind == PQ_DEFAULT_VALUE || q->impact)) {
		char *m = q->kind == PQ_DEFAULT_VALUE
			? xasprintf("%ld existing instance%s of %s will get this value", q->impact, q->impact == 1 ? "" : "s", q->subject2)
			: xasprintf("%ld subscription%s affected", q->impact, q->impact == 1 ? "" : "s");
		ui_put(y + 4, 2, r->w - 3, m, ui_attr(q->impact ? UR_WARN : UR_DIM));
		free(m);
	} else if (h >= 5 && (q->kind == PQ_PRODUCT_DESCRIPTION || q->kind == PQ_PRODUCT_TAG)) {
		/* the product type is the model's class: shown, never typed (a
		   --inputs product_type must equal it, checked by the engine) */
		const struct dm_product *mp = dm_find_product(w->env->model, q->subject);
		if (mp && mp->product_type) {
			char *m = xasprintf("Product type %s, from the models (exactly, case included)",
					    mp->product_type);
			ui_put(y + 4, 2, r->w - 3, m, ui_attr(UR_DIM));
			free(m);
		}
	}
	free(v);
}

static void draw(struct wz *w, const struct wz_rect *r)
{
	rebuild(w);
	struct tstate *s = S(w);
	if (!s->l.n) {
		ui_put(r->y + 1, 2, r->w - 4, "Nothing to fill in: no new products, blocks, resource types or values.", 0);
		ui_put(r->y + 3, 2, r->w - 4, "Press n to go on.", 0);
		return;
	}
	int fh = r->h >= 12 ? 6 : r->h >= 8 ? 4 : 3;
	int lh = r->h - fh - 1;
	/* each row counts once: invalid (refused or failing), else done or missing */
	size_t done = 0, missing = 0, bad = 0;
	for (size_t i = 0; i < s->l.n; i++) {
		if (row_bad(w, i))
			bad++;
		else if (plan_question(w->env->plan, s->rows[i])->answer)
			done++;
		else
			missing++;
	}
	s->l.height = lh - 1;
	list_fix(&s->l);
	char *head = xasprintf("%zu %s: %zu done, %zu missing, %zu invalid", s->l.n, wz_n((long)s->l.n, "value", "values"), done, missing, bad);
	char *pos = xasprintf("%zu/%zu", s->l.sel + 1, s->l.n);
	int pw = ui_width(pos), hw = ui_put_cut(r->y, 1, r->w - 2, head, ui_attr(UR_DIM));
	if (1 + hw + 2 + pw <= r->w - 1)   /* the position only where it overlaps nothing */
		ui_put(r->y, r->w - 1 - pw, pw, pos, ui_attr(UR_DIM));
	free(pos);
	free(head);
	for (int i = 0; i < s->l.height && s->l.top + (size_t)i < s->l.n; i++)
		draw_row(w, s->l.top + (size_t)i, r->y + 1 + i, r);
	ui_hline(r->y + lh, r->x, r->w, ui_attr(UR_DIM));
	draw_form(w, r->y + lh + 1, fh, r);
}

static void start_edit(struct wz *w)
{
	struct tstate *s = S(w);
	const struct plan_question *q = selected(w);
	if (!q)
		return;
	const struct draft *d = draft_find(s, q->key_path);
	field_set(&s->f, d ? d->text : q->answer ? q->answer : q->prefill);
	s->editing = true;
	s->typed = false;
}

/* Selects the next unanswered row after the current one (wrapping); false
 * when every row is answered. */
static bool select_next_open(struct wz *w)
{
	struct tstate *s = S(w);
	for (size_t k = 1; k <= s->l.n; k++) {
		size_t r = (s->l.sel + k) % s->l.n;
		const struct plan_question *q = plan_question(w->env->plan, s->rows[r]);
		if (!q->answer || draft_find(s, q->key_path)) {
			s->l.sel = r;
			list_fix(&s->l);
			set_sel_key(s, q->key_path);
			return true;
		}
	}
	return false;
}

/* Why value v for the question at key was refused: in plain words when
 * the reason is one we know, else the engine's message. Sets the draft. */
static void refuse(struct wz *w, const char *key, const char *v, const struct wfo_error *err)
{
	size_t i = wz_find(w, key);
	char buf[320];
	const char *why = i == PLAN_NONE ? NULL : problem(plan_question(w->env->plan, i), v, buf, sizeof buf);
	draft_set(S(w), key, v, why ? why : err->msg);
}

static void submit(struct wz *w)
{
	struct tstate *s = S(w);
	const struct plan_question *q = selected(w);
	char *v = field_text(&s->f);
	char *key = xstrdup(q->key_path);
	struct wfo_error err = { 0 };
	if (wz_answer(w, s->rows[s->l.sel], v, &err) < 0) {
		char buf[320];
		const char *why = problem(q, v, buf, sizeof buf);   /* plain words when we know them */
		draft_set(s, key, v, why ? why : err.msg);
		wz_status(w, true, "%s", why ? why : err.msg);
	} else {
		draft_drop(s, key);
		rebuild(w);
		if (select_next_open(w)) {
			start_edit(w);
		} else {
			s->editing = false;
			wz_status(w, false, "Every value is filled in: n goes on to the review");
		}
	}
	free(key);
	free(v);
}

/* n: open questions take the model's value when there is one; then every
 * value must be there and valid (plan_validate) before the review. */
static void next(struct wz *w)
{
	struct tstate *s = S(w);
	/* text typed and left with Tab / arrows counts: answer it now */
	for (size_t k = 0; k < s->nd;) {
		struct draft *d = &s->d[k];
		size_t i = d->err ? PLAN_NONE : wz_find(w, d->key);
		if (i == PLAN_NONE) {
			k++;
			continue;
		}
		char *key = xstrdup(d->key), *v = xstrdup(d->text);
		struct wfo_error err = { 0 };
		if (wz_answer(w, i, v, &err) < 0) {
			refuse(w, key, v, &err);
			k++;
		} else {
			draft_drop(s, key); /* the last draft moved to k: look at k again */
		}
		free(key);
		free(v);
	}
	rebuild(w);
	size_t refused = 0;
	for (size_t k = 0; k < s->nd; k++)
		refused += s->d[k].err != NULL;
	if (refused) {
		s->l.sel = 0;
		for (size_t r = 0; r < s->l.n; r++)
			if (draft_find(s, plan_question(w->env->plan, s->rows[r])->key_path)) {
				s->l.sel = r;
				break;
			}
		list_fix(&s->l);
		set_sel_key(s, selected(w)->key_path);
		wz_status(w, true, "%zu value%s refused: correct %s first", refused, refused == 1 ? " is" : "s are",
			  refused == 1 ? "it" : "them");
		return;
	}
	for (bool again = true; again;) {
		again = false;
		for (size_t r = 0; r < s->l.n; r++) {
			const struct plan_question *q = plan_question(w->env->plan, s->rows[r]);
			if (q->answer || !q->prefill)
				continue;
			char *key = xstrdup(q->key_path), *v = xstrdup(q->prefill);
			struct wfo_error err = { 0 };
			if (wz_answer(w, s->rows[r], v, &err) < 0)
				refuse(w, key, v, &err);
			free(key);
			free(v);
			rebuild(w);
			again = true;
			break;
		}
	}
	size_t open = 0, first = SIZE_MAX;
	for (size_t r = 0; r < s->l.n; r++)
		if (!plan_question(w->env->plan, s->rows[r])->answer) {
			if (!open++)
				first = r;
		}
	if (open) {
		s->l.sel = first;
		list_fix(&s->l);
		set_sel_key(s, selected(w)->key_path);
		char *name = wz_field_name(selected(w));
		wz_status(w, true, "%zu value%s missing; the first: %s", open, open == 1 ? " is" : "s are", name);
		free(name);
		return;
	}
	struct wfo_error err = { 0 };
	if (plan_validate(w->env->plan, &err) < 0) {
		dialog_message("These answers cannot be used", err.msg);
		return;
	}
	wz_goto(w, WZ_REVIEW);
}

static void key(struct wz *w, enum ui_action a, const struct ui_key *k)
{
	rebuild(w);
	struct tstate *s = S(w);
	if (s->editing) {
		if (a == UA_ENTER) {
			submit(w);
		} else if (a == UA_BACK) {
			s->editing = false;
		} else if (a == UA_TAB || a == UA_UP || a == UA_DOWN) {
			char *v = field_text(&s->f);
			const struct plan_question *q = selected(w);
			const struct draft *d = draft_find(s, q->key_path);
			const char *was = d ? d->text : q->answer ? q->answer : q->prefill ? q->prefill : "";
			if (strcmp(v, was))
				draft_set(s, q->key_path, v, NULL);
			free(v);
			s->editing = false;
			if (a != UA_TAB && list_move(&s->l, a) && s->l.n)
				set_sel_key(s, selected(w)->key_path);
		} else {
			field_key(&s->f, a, k);
			s->typed = true;
		}
		return;
	}
	switch (a) {
	case UA_ENTER:
	case UA_TAB:
		start_edit(w);
		break;
	case UA_CLEAR:
		if (s->l.n) {
			draft_drop(s, selected(w)->key_path);
			wz_unanswer(w, s->rows[s->l.sel]);
		}
		break;
	case UA_NEXT:
		if (s->l.n)
			next(w);
		else
			wz_goto(w, WZ_REVIEW);
		break;
	case UA_BACK:
		wz_goto(w, wz_prev_step(w, WZ_RENAMES));
		break;
	default:
		if (list_move(&s->l, a) && s->l.n)
			set_sel_key(s, selected(w)->key_path);
		break;
	}
}

static bool field_focus(const struct wz *w)
{
	return S(w)->editing;
}

static void enter(struct wz *w)
{
	S(w)->editing = false;
}

const struct screen_ops screen_details_ops = {
	.name = "Details",
	.ctx = KC_DETAILS,
	.init = init,
	.enter = enter,
	.draw = draw,
	.key = key,
	.field_focus = field_focus,
	.skipped = skipped,
	.free = sfree,
};
