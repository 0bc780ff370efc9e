/* screen_review.c - step 4, Review: tabs Summary · Upgrade SQL · Downgrade
 * SQL · Dry run, built from the plan's change set by the engine
 * (plan_changeset, changeset_render_summary, sqlgen_*), scrollable and
 * searchable, with the destructive changes counted first. d runs the dry
 * run through env->dry_run (the command runs the SQL in a transaction it
 * rolls back) and shows its report. Enter or n confirms (PQ_CONFIRM); the
 * confirmation lists what it confirms and defaults to No when something
 * is destroyed. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "dialog.h"
#include "dsummary.h"
#include "sqlgen.h"
#include "text.h"
#include "wz.h"

enum { TAB_SUMMARY, TAB_UP, TAB_DOWN, TAB_DRY, NTABS };

struct vstate {
	int tab;
	struct textview tv[NTABS];
	size_t nstmt[NTABS];
	struct strvec destroys;   /* one line per destructive change */
	struct strvec changes;    /* what the confirmation confirms, one line per kind */
	int dry;                  /* -2 not run for these answers, else env->dry_run's result */
	bool empty;               /* the change set is empty */
	bool ok;                  /* built without error */
};

static struct vstate *S(const struct wz *w)
{
	return w->st[WZ_REVIEW];
}

static void init(struct wz *w)
{
	struct vstate *s = xcalloc(1, sizeof *s);
	for (int t = 0; t < NTABS; t++)
		textview_init(&s->tv[t]);
	s->dry = -2;
	w->st[WZ_REVIEW] = s;
}

static void sfree(struct wz *w)
{
	struct vstate *s = S(w);
	if (!s)
		return;
	for (int t = 0; t < NTABS; t++)
		textview_free(&s->tv[t]);
	sv_free(&s->destroys);
	sv_free(&s->changes);
	free(s);
	w->st[WZ_REVIEW] = NULL;
}

static long db_product_subs(const struct dm_catalog *db, const char *n)
{
	const struct dm_product *p = dm_find_product(db, n);
	return p ? p->subscriptions : 0;
}

static void destructive(struct wz *w, const struct changeset *cs, struct strvec *out)
{
	const struct dm_catalog *db = w->env->db;
	const struct cat_extra *x = w->env->extra;
	for (size_t i = 0; i < cs->delete_products.n; i++)
		sv_push_owned(out, xasprintf("Deleting product %s deletes its %ld %s", cs->delete_products.v[i],
					     db_product_subs(db, cs->delete_products.v[i]),
					     wz_n(db_product_subs(db, cs->delete_products.v[i]), "subscription", "subscriptions")));
	for (size_t i = 0; i < cs->delete_blocks.n; i++) {
		const struct dm_block *b = dm_find_block(db, cs->delete_blocks.v[i]);
		sv_push_owned(out, xasprintf("Deleting product block %s deletes its %ld %s", cs->delete_blocks.v[i],
					     b ? b->instances : 0L, wz_n(b ? b->instances : 0L, "instance", "instances")));
	}
	for (size_t i = 0; i < cs->delete_resource_types.n; i++) {
		const struct dm_resource_type *r = dm_find_resource_type(db, cs->delete_resource_types.v[i]);
		long v = r ? r->values : 0L;
		sv_push_owned(out, xasprintf("Dropping resource type %s deletes its %ld %s",
					     cs->delete_resource_types.v[i], v, wz_n(v, "value", "values")));
	}
	for (size_t i = 0; i < cs->delete_rt_relations.n; i++) {
		const struct cs_row *r = &cs->delete_rt_relations.v[i];
		long v = x ? cat_extra_block_rt_values(x, r->b, r->a) : -1;
		if (v >= 0)
			sv_push_owned(out, xasprintf("Removing %s from block %s deletes %ld %s", r->a, r->b, v,
						     wz_n(v, "value", "values")));
		else
			sv_push_owned(out, xasprintf("Removing %s from block %s deletes its values", r->a, r->b));
	}
	for (size_t i = 0; i < cs->delete_fixed_inputs.n; i++) {
		const struct cs_row *r = &cs->delete_fixed_inputs.v[i];
		long n = db_product_subs(db, r->b);
		sv_push_owned(out, xasprintf("Deleting fixed input %s (value %s) of product %s, which has %ld %s",
					     r->a, r->value ? r->value : "?", r->b, n, wz_n(n, "subscription", "subscriptions")));
	}
	for (size_t i = 0; i < cs->delete_product_blocks_rel.n; i++) {
		const struct cs_row *r = &cs->delete_product_blocks_rel.v[i];
		sv_push_owned(out, xasprintf("Unlinking block %s from product %s deletes its instances in %ld %s",
					     r->a, r->b, db_product_subs(db, r->b),
					     wz_n(db_product_subs(db, r->b), "subscription", "subscriptions")));
	}
	for (size_t i = 0; i < cs->delete_block_relations.n; i++) {
		const struct cs_row *r = &cs->delete_block_relations.v[i];
		sv_push_owned(out, xasprintf("Removing block %s from block %s deletes the instance relations", r->a, r->b));
	}
}

static void count_line(struct strvec *out, size_t n, const char *what_one, const char *what_many,
		       const char *verb)
{
	if (n)
		sv_push_owned(out, xasprintf("%s %zu %s", verb, n, n == 1 ? what_one : what_many));
}

/* What confirming confirms, counted: "Create 3 products", "Rename 1
 * resource type", "Delete 1 product", ... */
static void changes(const struct changeset *cs, struct strvec *out)
{
	count_line(out, cs->create_products.n, "product", "products", "Create");
	count_line(out, cs->create_blocks.n, "product block", "product blocks", "Create");
	count_line(out, cs->create_resource_types.n, "resource type", "resource types", "Create");
	count_line(out, cs->create_fixed_inputs.n, "fixed input", "fixed inputs", "Create");
	count_line(out, cs->rename_resource_types.n, "resource type", "resource types", "Rename");
	count_line(out, cs->update_block_resource_types.n, "resource type in a block",
		   "resource types in blocks", "Replace");
	count_line(out, cs->update_fixed_inputs.n, "fixed input", "fixed inputs", "Rename");
	count_line(out, cs->create_product_blocks_rel.n + cs->create_rt_relations.n + cs->create_block_relations.n,
		   "new link (block of a product, resource type of a block, block in a block)",
		   "new links (blocks of products, resource types of blocks, blocks in blocks)", "Add");
	count_line(out, cs->default_values.n, "default value for existing instances",
		   "default values for existing instances", "Set");
	count_line(out, cs->delete_products.n, "product", "products", "Delete");
	count_line(out, cs->delete_blocks.n, "product block", "product blocks", "Delete");
	count_line(out, cs->delete_resource_types.n, "resource type", "resource types", "Delete");
	count_line(out, cs->delete_fixed_inputs.n, "fixed input", "fixed inputs", "Delete");
	count_line(out, cs->delete_product_blocks_rel.n + cs->delete_rt_relations.n + cs->delete_block_relations.n,
		   "link", "links", "Remove");
}

static const char *const dry_hint =
	"Press d for a dry run: the upgrade SQL runs on the database inside a transaction, then the "
	"downgrade SQL, and the catalogue is compared with how it was; then everything is rolled "
	"back. You see the rows each statement touches and what a downgrade cannot bring back. "
	"Nothing is written or changed.\n";

static void sql_text(const struct strvec *stmts, struct strbuf *sb)
{
	if (!stmts->n)
		sb_add(sb, "-- no statements\n");
	for (size_t i = 0; i < stmts->n; i++)
		sb_addf(sb, "%s%s;\n", i ? "\n" : "", stmts->v[i]);
}

/* Builds the three tabs; false (after telling) when the plan is not ready. */
static bool build(struct wz *w)
{
	struct vstate *s = S(w);
	struct changeset cs;
	memset(&cs, 0, sizeof cs);
	struct wfo_error err = { 0 };
	sv_free(&s->destroys);
	sv_free(&s->changes);
	if (plan_changeset(w->env->plan, &cs, &err) < 0) {
		s->ok = false;
		dialog_message("The review needs every answer", err.msg);
		return false;
	}
	s->empty = changeset_is_empty(&cs);
	/* the counted summary from the database when the command gives one */
	struct dsum ds = DSUM_INIT;
	struct wfo_error serr = { 0 };
	bool counted = w->env->summary && w->env->summary(w->env->ctx, &cs, &ds, &serr) == 0;
	if (counted) {
		for (size_t i = 0; i < ds.n; i++)
			if (ds.v[i].kind == DSUM_DELETE)
				sv_push(&s->destroys, ds.v[i].text);
	} else {
		destructive(w, &cs, &s->destroys);
	}
	changes(&cs, &s->changes);
	s->dry = -2;   /* the answers may have changed: an old dry run says nothing */
	textview_set(&s->tv[TAB_DRY], w->env->dry_run ? dry_hint : "No dry run is possible here.\n");
	struct strbuf sb = STRBUF_INIT;
	if (s->destroys.n) {
		sb_addf(&sb, "%s %zu destructive change%s:\n", ui_glyph(UG_WARN), s->destroys.n,
			s->destroys.n == 1 ? "" : "s");
		for (size_t i = 0; i < s->destroys.n; i++)
			sb_addf(&sb, "%s   %s\n", ui_glyph(UG_WARN), s->destroys.v[i]);
		sb_add(&sb, "\n");
	}
	const struct strvec *pw = plan_warnings(w->env->plan);
	for (size_t i = 0; pw && i < pw->n; i++)
		sb_addf(&sb, "%s %s\n", ui_glyph(UG_WARN), pw->v[i]);
	if (pw && pw->n)
		sb_add(&sb, "\n");
	if (counted) {
		dsum_render(&ds, &sb);
	} else {
		if (w->env->summary)
			sb_addf(&sb, "(Not counted in the database: %s)\n\n", serr.msg);
		changeset_render_summary(&cs, w->env->db, &sb);
	}
	dsum_free(&ds);
	textview_set(&s->tv[TAB_SUMMARY], sb_str(&sb));
	struct strvec up = STRVEC_INIT, down = STRVEC_INIT;
	sqlgen_upgrade(&cs, &up);
	sqlgen_downgrade(&cs, &down);
	sb_reset(&sb);
	sql_text(&up, &sb);
	textview_set(&s->tv[TAB_UP], sb_str(&sb));
	sb_reset(&sb);
	sql_text(&down, &sb);
	textview_set(&s->tv[TAB_DOWN], sb_str(&sb));
	s->nstmt[TAB_UP] = up.n;
	s->nstmt[TAB_DOWN] = down.n;
	sv_free(&up);
	sv_free(&down);
	sb_free(&sb);
	changeset_free(&cs);
	s->ok = true;
	return true;
}

static size_t confirm_index(const struct wz *w)
{
	const struct plan *p = w->env->plan;
	for (size_t i = 0; i < plan_count(p); i++)
		if (plan_question(p, i)->kind == PQ_CONFIRM)
			return i;
	return PLAN_NONE;
}

static void enter(struct wz *w)
{
	/* confirming is the last thing before writing: again after any change */
	size_t c = confirm_index(w);
	if (c != PLAN_NONE && plan_question(w->env->plan, c)->answer) {
		plan_unanswer(w->env->plan, c); /* not an answer of the user's: touched stays */
		w->plan_gen++;
	}
	if (!build(w))
		wz_goto(w, wz_prev_step(w, WZ_DETAILS));
}

static void draw(struct wz *w, const struct wz_rect *r)
{
	struct vstate *s = S(w);
	if (!s->ok)
		return;
	static const char *const names[NTABS] = { "Summary", "Upgrade SQL", "Downgrade SQL", "Dry run" };
	int x = 1;
	for (int t = 0; t < NTABS; t++) {
		char *label = t == TAB_UP || t == TAB_DOWN ? xasprintf(" %d %s (%zu) ", t + 1, names[t], s->nstmt[t])
			: t == TAB_DRY && s->dry != -2 ? xasprintf(" %d %s %s ", t + 1, names[t],
								  ui_glyph(s->dry == 0 ? UG_CHECK : s->dry == 1 ? UG_WARN : UG_CROSS))
			: xasprintf(" %d %s ", t + 1, names[t]);
		x += ui_put(r->y, x, r->w - x, label, ui_attr(t == s->tab ? UR_CURRENT : UR_NORMAL));
		free(label);
		if (t + 1 < NTABS) {
			x += ui_put(r->y, x, r->w - x, ui_glyph(UG_MIDDOT), ui_attr(UR_DIM));
		}
	}
	if (s->destroys.n) {
		char *wt = xasprintf("%s %zu destructive", ui_glyph(UG_WARN), s->destroys.n);
		int ww = ui_width(wt);
		if (x + ww + 2 < r->w)
			ui_put(r->y, r->w - ww - 1, ww, wt, ui_attr(UR_WARN));
		free(wt);
	}
	textview_draw(&s->tv[s->tab], r->y + 1, 1, r->h - 1, r->w - 2);
}

static void confirm(struct wz *w)
{
	struct vstate *s = S(w);
	size_t c = confirm_index(w);
	if (s->empty || c == PLAN_NONE) {
		dialog_message("Nothing to change", "The answers lead to no change of the database: nothing is written.");
		w->result = WIZARD_NOTHING;
		w->done = true;
		return;
	}
	struct strbuf body = STRBUF_INIT;
	sb_add(&body, "You confirm these changes:\n");
	for (size_t i = 0; i < s->changes.n; i++)
		sb_addf(&body, "  %s\n", s->changes.v[i]);
	if (s->destroys.n) {
		sb_addf(&body, "\nThey destroy data:\n");
		for (size_t i = 0; i < s->destroys.n && i < 6; i++)
			sb_addf(&body, "%s %s\n", ui_glyph(UG_WARN), s->destroys.v[i]);
		if (s->destroys.n > 6)
			sb_addf(&body, "%s and %zu more (Summary tab)\n", ui_glyph(UG_ELLIPSIS), s->destroys.n - 6);
	}
	if (s->dry == -2 && w->env->dry_run)
		sb_add(&body, "\nNo dry run yet (d on the Review runs one).\n");
	else if (s->dry == 1)
		sb_add(&body, "\nThe dry run found rows a downgrade cannot bring back (Dry run tab).\n");
	else if (s->dry == -1)
		sb_add(&body, "\nThe dry run FAILED on the database (Dry run tab).\n");
	sb_add(&body, "\nThe revision file is written on the next screen.");
	static const char *const yn[] = { "Yes, confirm", "No" };
	int b = dialog_buttons("Confirm the changes", sb_str(&body), yn, 2, s->destroys.n || s->dry == -1 ? 1 : 0);
	sb_free(&body);
	if (b != 0)
		return;
	struct wfo_error err = { 0 };
	if (wz_answer(w, c, "y", &err) < 0) {
		wz_status(w, true, "%s", err.msg);
		return;
	}
	wz_goto(w, WZ_WRITE);
}

static void search(struct wz *w, int dir, bool ask)
{
	struct vstate *s = S(w);
	struct textview *tv = &s->tv[s->tab];
	if (ask || !tv->search) {
		char *q = NULL;
		if (dialog_input("Search", "Find in this tab (case-insensitive; empty: the last search again; F3 next, Shift-F3 previous):", "",
				 &q) != 0)
			return;
		if (q[0] || !tv->search) {
			free(tv->search);
			tv->search = q;
		} else {
			free(q);
		}
		tv->match = (size_t)-1;
	}
	if (!textview_find(tv, tv->search, dir))
		wz_status(w, true, "Not found: %s", tv->search);
}

static void dry_run(struct wz *w)
{
	struct vstate *s = S(w);
	if (!w->env->dry_run) {
		wz_status(w, true, "No dry run is possible here");
		return;
	}
	dialog_progress("Dry run", 0, 0, "upgrade, then downgrade, in a transaction that is rolled back");
	char *report = NULL;
	struct wfo_error err = { 0 };
	int rc = w->env->dry_run(w->env->ctx, &report, &err);
	s->dry = rc < 0 ? -1 : rc;
	textview_set(&s->tv[TAB_DRY], report ? report : err.msg);
	free(report);
	s->tab = TAB_DRY;
	if (rc < 0)
		wz_status(w, true, "The dry run failed (nothing was changed): %s", err.msg);
	else if (rc == 1)
		wz_status(w, false, "Dry run: some rows cannot come back after a downgrade (listed at the end)");
	else
		wz_status(w, false, "Dry run: after the downgrade the catalogue is as it was");
}

static void key(struct wz *w, enum ui_action a, const struct ui_key *k)
{
	struct vstate *s = S(w);
	switch (a) {
	case UA_TAB:
		s->tab = (s->tab + 1) % NTABS;
		break;
	case UA_BTAB:
		s->tab = (s->tab + NTABS - 1) % NTABS;
		break;
	case UA_TAB1:
	case UA_TAB2:
	case UA_TAB3:
	case UA_TAB4:
		s->tab = a - UA_TAB1;
		break;
	case UA_DRYRUN:
		dry_run(w);
		break;
	case UA_SEARCH:
		search(w, 1, true);
		break;
	case UA_SEARCH_NEXT:
		search(w, 1, false);
		break;
	case UA_SEARCH_PREV:
		search(w, -1, false);
		break;
	case UA_ENTER:
	case UA_NEXT:
		confirm(w);
		break;
	case UA_BACK:
		wz_goto(w, wz_prev_step(w, WZ_DETAILS));
		break;
	default:
		textview_key(&s->tv[s->tab], a);
		break;
	}
}

const struct screen_ops screen_review_ops = {
	.name = "Review",
	.ctx = KC_REVIEW,
	.init = init,
	.enter = enter,
	.draw = draw,
	.key = key,
	.free = sfree,
};
