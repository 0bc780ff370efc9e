/* mdm_drive.c - line prompts, defaults and the missing-answer report for
 * the question list of a domain-model migration. */
#include "config.h"
#include "mdm_drive.h"

#include <stdlib.h>
#include <string.h>

#include "dsummary.h"
#include "mdm.h"
#include "util.h"

static bool same(const char *a, const char *b)
{
	return a && b ? !strcmp(a, b) : a == b;
}

/* Index of the question of kind k about (s1, s2), or PLAN_NONE. Looked up
 * anew after every answer: plan_answer rebuilds the list. */
static size_t find_q(const struct plan *pl, enum plan_kind k, const char *s1, const char *s2)
{
	for (size_t i = 0; i < plan_count(pl); i++) {
		const struct plan_question *q = plan_question(pl, i);
		if (q->kind == k && same(q->subject, s1) && (!s2 || same(q->subject2, s2)))
			return i;
	}
	return PLAN_NONE;
}

static size_t find_key(const struct plan *pl, const char *key_path)
{
	for (size_t i = 0; i < plan_count(pl); i++)
		if (!strcmp(plan_question(pl, i)->key_path, key_path))
			return i;
	return PLAN_NONE;
}

/* Answers the rename questions of kind k about the olds (subject, or
 * subject2 for per-block ones with subject = block) with the chosen new
 * names, and declines the others. */
static int answer_renames(struct plan *pl, enum plan_kind k, const char *block,
			  const struct strvec *olds, const struct strvec *co,
			  const struct strvec *cn, struct wfo_error *err)
{
	for (size_t i = 0; i < olds->n; i++) {
		const char *v = "";
		for (size_t j = 0; j < co->n; j++)
			if (!strcmp(co->v[j], olds->v[i]))
				v = cn->v[j];
		size_t qi = block ? find_q(pl, k, block, olds->v[i]) : find_q(pl, k, olds->v[i], NULL);
		if (qi != PLAN_NONE && plan_answer(pl, qi, v, err) < 0)
			return -1;
	}
	return 0;
}

/* One rename menu over the open questions of kind k (about block, for the
 * per-block kind). */
static int rename_menu(struct pl *p, struct plan *pl, enum plan_kind k, const char *block,
		       const char *first_q, const char *second_prefix, struct wfo_error *err)
{
	struct strvec olds = STRVEC_INIT, co = STRVEC_INIT, cn = STRVEC_INIT;
	struct strvec *news = xcalloc(plan_count(pl) + 1, sizeof *news);
	for (size_t i = 0; i < plan_count(pl); i++) {
		const struct plan_question *q = plan_question(pl, i);
		if (q->kind != k || q->answer || (block && !same(q->subject, block)))
			continue;
		for (size_t j = 0; q->choices && j < q->choices->n; j++)
			sv_push(&news[olds.n], q->choices->v[j]);
		sv_push(&olds, block ? q->subject2 : q->subject);
	}
	int rc = 0;
	if (olds.n) {
		rc = mdm_ask_renames(p, first_q, second_prefix, &olds, news, &co, &cn, err);
		if (rc == 0)
			rc = answer_renames(pl, k, block, &olds, &co, &cn, err);
	}
	for (size_t i = 0; i < olds.n; i++)
		sv_free(&news[i]);
	free(news);
	sv_free(&olds);
	sv_free(&co);
	sv_free(&cn);
	return rc;
}

static int ask_renames(struct pl *p, struct plan *pl, struct wfo_error *err)
{
	pl_header(p, "Rename resource types");
	if (rename_menu(p, pl, PQ_RT_RENAME, NULL, "Which resource type would you want to rename?",
			"Which resource type should rename ", err) < 0)
		return -1;

	pl_header(p, "Update block resource types");
	struct strvec blocks = STRVEC_INIT;
	for (size_t i = 0; i < plan_count(pl); i++) {
		const struct plan_question *q = plan_question(pl, i);
		if (q->kind == PQ_BLOCK_RT_UPDATE && !q->answer && !sv_contains(&blocks, q->subject))
			sv_push(&blocks, q->subject);
	}
	for (size_t b = 0; b < blocks.n; b++) {
		char *first = xasprintf("Which resource type would you want to update in %s Block?",
					blocks.v[b]);
		int rc = rename_menu(p, pl, PQ_BLOCK_RT_UPDATE, blocks.v[b], first,
				     "Which resource type should update ", err);
		free(first);
		if (rc < 0) {
			sv_free(&blocks);
			return -1;
		}
	}
	sv_free(&blocks);

	pl_header(p, "Update fixed inputs");
	for (;;) {
		size_t qi = PLAN_NONE;
		for (size_t i = 0; i < plan_count(pl) && qi == PLAN_NONE; i++)
			if (plan_question(pl, i)->kind == PQ_FI_RENAME && !plan_question(pl, i)->answer)
				qi = i;
		if (qi == PLAN_NONE)
			return 0;
		const struct plan_question *q = plan_question(pl, qi);
		bool yes = false;
		pl_confirm(p, q->text, &yes);
		const char *v = yes && q->choices && q->choices->n ? q->choices->v[0] : "";
		if (plan_answer(pl, qi, v, err) < 0)
			return -1;
	}
}

static int ask_warnings(struct pl *p, const struct plan *pl, const struct mdm_drive_opts *o,
			struct wfo_error *err)
{
	const struct strvec *w = plan_warnings(pl);
	for (size_t i = 0; i < w->n; i++) {
		fprintf(p->out, "\nWARNING: %s\n", w->v[i]);
		if (o->confirm_warnings)
			continue;
		static const char *const yes_no[] = { "yes", "no" };
		size_t c = 0;
		if (pl_menu(p, "Relating a product block by several attributes is not supported: "
			    "continue with the first attribute only?", yes_no, 2, NULL, &c, err) < 0)
			return -1;
		if (c != 0)
			return wfo_fail(err, WFO_ABORTED, "aborted at the warning about '%s'; nothing "
					"was written (pass --confirm-warnings to accept it)", w->v[i]);
	}
	return 0;
}

static int ask_confirm(struct pl *p, struct plan *pl, const struct diff *d,
		       const struct mdm_drive_opts *o, struct wfo_error *err)
{
	size_t qi = find_q(pl, PQ_CONFIRM, NULL, NULL);
	if (qi == PLAN_NONE || plan_question(pl, qi)->answer || !o->ask_confirm)
		return 0;   /* --yes: the caller shows the summary with the final answers */
	struct changeset cs;
	struct dsum s;
	struct wfo_error e = { 0 };
	plan_changeset_draft(pl, &cs);
	bool counted = o->summary && o->summary(o->summary_ctx, &cs, &s, &e) == 0;
	if (!counted)
		dsum_make(&cs, NULL, &s);
	struct strbuf sb = STRBUF_INIT;
	dsum_render(&s, &sb);
	fprintf(p->out, "\nSummary of the changes:\n%s", sb_str(&sb));
	if (o->summary && !counted)
		fprintf(p->out, "(The deletions are not counted: %s)\n", e.msg);
	sb_free(&sb);
	dsum_free(&s);
	changeset_free(&cs);
	if (d->delete_products.n)
		fprintf(p->out, "\nWARNING: Deleting products will also delete their subscriptions.\n");
	if (d->delete_blocks.n)
		fprintf(p->out, "WARNING: Deleting product blocks will also delete their instances "
			"and values.\n");
	bool yes = false;
	pl_confirm(p, "Confirm the above actions", &yes);
	if (!yes)
		return wfo_fail(err, WFO_ABORTED, "not confirmed; nothing was written");
	return plan_answer(pl, qi, "y", err);
}

static const char *const detail_groups[] = {
	"Create new products", "Create fixed inputs", "Create product blocks",
	"Create resource types", "Create subscription instance values",
};

static int ask_group(struct pl *p, struct plan *pl, const char *group, struct wfo_error *err)
{
	pl_header(p, group);
	struct strvec keys = STRVEC_INIT;
	for (size_t i = 0; i < plan_count(pl); i++)
		if (same(plan_question(pl, i)->group, group))
			sv_push(&keys, plan_question(pl, i)->key_path);
	char *shown = NULL;
	int rc = 0;
	for (size_t k = 0; k < keys.n && rc == 0; k++) {
		size_t qi = find_key(pl, keys.v[k]);
		if (qi == PLAN_NONE)
			continue;
		const struct plan_question *q = plan_question(pl, qi);
		if (q->context && !same(q->context, shown)) {
			pl_line(p, "%s", q->context);
			free(shown);
			shown = xstrdup(q->context);
		}
		while (!q->answer) {
			char *a = NULL;
			if (pl_ask_default(p, q->text, q->prefill, &a, err) < 0) {
				rc = -1;
				break;
			}
			struct wfo_error e = { 0 };
			if (plan_answer(pl, qi, a, &e) < 0)
				pl_line(p, "Not accepted: %s", e.msg);
			free(a);
			q = plan_question(pl, qi);
		}
	}
	free(shown);
	sv_free(&keys);
	return rc;
}

int mdm_drive_lines(struct pl *p, struct plan *pl, const struct diff *d,
		    const struct mdm_drive_opts *o, struct wfo_error *err)
{
	if (!plan_has_updates(pl) && ask_renames(p, pl, err) < 0)
		return -1;
	if (ask_warnings(p, pl, o, err) < 0 || ask_confirm(p, pl, d, o, err) < 0)
		return -1;
	for (size_t g = 0; g < sizeof detail_groups / sizeof detail_groups[0]; g++)
		if (ask_group(p, pl, detail_groups[g], err) < 0)
			return -1;
	return 0;
}

size_t mdm_drive_defaults(FILE *note, struct plan *pl)
{
	struct strvec refused = STRVEC_INIT;
	for (;;) {
		size_t qi = PLAN_NONE;
		for (size_t i = 0; i < plan_count(pl) && qi == PLAN_NONE; i++) {
			const struct plan_question *q = plan_question(pl, i);
			if (!q->answer && q->kind != PQ_CONFIRM && !sv_contains(&refused, q->key_path) &&
			    (!q->required || q->prefill))
				qi = i;
		}
		if (qi == PLAN_NONE)
			break;
		const struct plan_question *q = plan_question(pl, qi);
		bool required = q->required;
		char *key = xstrdup(q->key_path), *val = xstrdup(required ? q->prefill : "");
		if (!required) {
			struct strbuf ch = STRBUF_INIT;
			for (size_t j = 0; q->choices && j < q->choices->n; j++)
				sb_addf(&ch, "%s'%s'", j ? ", " : "", q->choices->v[j]);
			fprintf(note, "No rename: %s is not answered (candidates: %s); pass it with "
				"--updates to rename instead of deleting and creating.\n", key, sb_str(&ch));
			sb_free(&ch);
		}
		struct wfo_error e = { 0 };
		if (plan_answer(pl, qi, val, &e) < 0) {   /* q is stale from here on */
			fprintf(note, "The default from the models for %s is refused: %s\n", key, e.msg);
			sv_push(&refused, key);
		} else if (required) {
			fprintf(note, "Using the default from the models for %s: %s\n", key, val);
		}
		free(key);
		free(val);
	}
	sv_free(&refused);
	size_t open = 0;
	for (size_t i = 0; i < plan_count(pl); i++) {
		const struct plan_question *q = plan_question(pl, i);
		open += q->required && !q->answer;
	}
	return open;
}

void mdm_report_missing(FILE *out, const struct plan *pl)
{
	size_t ng = sizeof detail_groups / sizeof detail_groups[0];
	struct mdm_group g[sizeof detail_groups / sizeof detail_groups[0]];
	bool confirm_open = false;
	for (size_t k = 0; k < ng; k++) {
		g[k].header = detail_groups[k];
		g[k].q = xcalloc(plan_count(pl) + 1, sizeof *g[k].q);
		g[k].n = 0;
	}
	for (size_t i = 0; i < plan_count(pl); i++) {
		const struct plan_question *q = plan_question(pl, i);
		if (q->answer || !q->required)
			continue;
		if (q->kind == PQ_CONFIRM) {
			confirm_open = true;
			continue;
		}
		for (size_t k = 0; k < ng; k++)
			if (same(q->group, detail_groups[k])) {
				struct mdm_question *m = &g[k].q[g[k].n++];
				m->context = q->context;
				m->text = q->text;
				m->file = q->file;
				m->key1 = q->key1;
				m->key2 = q->key2;
				m->prefill = q->prefill;
				m->answer = NULL;
			}
	}
	if (mdm_open_count(g, ng))
		mdm_missing_report(out, g, ng);
	if (confirm_open)
		fprintf(out, "The changes need a confirmation and there is nobody to ask: pass --yes "
			"to confirm them (see the summary with 'wfo-migrate diff' or --test).\n");
	for (size_t k = 0; k < ng; k++)
		free(g[k].q);
}
