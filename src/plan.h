/* plan.h - the decisions of a domain-model migration: the list of open
 * questions (renames, descriptions, tags, fixed input values, default
 * values, confirmation) computed from a diff, the answers given so far, the
 * validation before writing, and the resulting change set. Pure: no I/O.
 *
 * How a driver uses it:
 *   struct plan *pl = plan_new(model, db, diff);
 *   answers_load_inputs / answers_load_updates (answers.h)  -- prefilled
 *   while ((i = plan_next_open(pl)) != PLAN_NONE) {
 *           const struct plan_question *q = plan_question(pl, i);
 *           ... show q->group / q->context / q->text / q->prefill ...
 *           if (plan_answer(pl, i, value, &err) < 0) show err.msg, ask again
 *   }
 *   plan_validate(pl, &err);  then  plan_changeset(pl, &cs, &err);
 *   sqlgen_upgrade / sqlgen_downgrade (sqlgen.h).
 *
 * Answers are kept by key (the question's key_path), not by position:
 * every plan_answer recomputes the whole question list, because a rename
 * changes which descriptions / values are needed. An answer whose question
 * still exists afterwards is kept (an answer to a question that vanished is
 * kept too, so going back and forth does not lose it), so a full-screen
 * driver may go back and change any earlier answer with plan_answer.
 *
 * Question order (the reference's, names sorted inside each group):
 *   1. PQ_RT_RENAME       global resource type renames, one question per old
 *                         candidate (docs/REFERENCE.md: renames), choices = unused new candidates
 *   2. PQ_BLOCK_RT_UPDATE per block and old resource type (docs/REFERENCE.md: renames), asked only
 *                         for old names not renamed globally
 *   3. PQ_FI_RENAME       per product with exactly one fixed input missing
 *                         on each side (docs/REFERENCE.md: renames); choices = {new}
 *      (1-3 only when no --updates content was loaded)
 *   4. PQ_PRODUCT_DESCRIPTION, PQ_PRODUCT_TAG  per product to create
 *   5. PQ_FI_VALUE        per (product, fixed input) to create, existing
 *                         products too
 *   6. PQ_BLOCK_DESCRIPTION, PQ_BLOCK_TAG      per block to create
 *   7. PQ_RT_DESCRIPTION  per resource type to create
 *   8. PQ_DEFAULT_VALUE   per (resource type, block) whose block has or will
 *                         have instances (docs/REFERENCE.md: has instances); impact = instance count
 *   9. PQ_CONFIRM         "Confirm the above actions" (answer "y"/"yes" to
 *                         confirm; --yes answers it); only when the change
 *                         set is non-empty.
 * Rename questions are optional: their answer is one of choices, or "" for
 * "no rename"; their prefill is "" so a non-interactive run declines them.
 * All other questions are required and have prefill = the model's value
 * (description, tag, fixed input value, resource type description) or NULL.
 *
 * Ownership: plan_new borrows model, db and diff: they must outlive the
 * plan; plan_free releases only the plan. Question pointers and their
 * strings belong to the plan and stay valid until the next plan_answer /
 * answers_load_* / plan_free. */
#ifndef WFO_PLAN_H
#define WFO_PLAN_H

#include <stdbool.h>
#include <stddef.h>

#include "diff.h"
#include "util.h"
#include "wfo_error.h"

/* Column limits (docs/REFERENCE.md: the catalogue): checked by plan_answer and plan_validate. */
#define PLAN_TAG_MAX 20
#define PLAN_DESCRIPTION_MAX 2000
#define PLAN_RESOURCE_TYPE_MAX 510
#define PLAN_VALUE_MAX 10000

enum plan_kind {
	PQ_RT_RENAME,
	PQ_BLOCK_RT_UPDATE,
	PQ_FI_RENAME,
	PQ_PRODUCT_DESCRIPTION,
	PQ_PRODUCT_TAG,
	PQ_FI_VALUE,
	PQ_BLOCK_DESCRIPTION,
	PQ_BLOCK_TAG,
	PQ_RT_DESCRIPTION,
	PQ_DEFAULT_VALUE,
	PQ_CONFIRM,
};

struct plan_question {
	enum plan_kind kind;
	const char *subject;   /* RT_RENAME: old rt; BLOCK_RT_UPDATE: block; FI_RENAME,
				  PRODUCT_*, FI_VALUE: product; BLOCK_*: block;
				  RT_DESCRIPTION, DEFAULT_VALUE: resource type; CONFIRM: NULL */
	const char *subject2;  /* BLOCK_RT_UPDATE: old rt; FI_RENAME: old fixed input;
				  FI_VALUE: fixed input; DEFAULT_VALUE: block; else NULL */
	const char *group;     /* the reference's header: "Rename resource types",
				  "Update block resource types", "Update fixed inputs",
				  "Create new products", "Create fixed inputs",
				  "Create product blocks", "Create resource types",
				  "Create subscription instance values", or NULL (confirm) */
	const char *context;   /* "Product: User User internal", "Product block: UB", or NULL */
	const char *text;      /* exact prompt of the reference, trailing ": " / "? "
				  included, e.g. "Supply the product tag: "; rename
				  questions: "Which resource type should rename <old>?",
				  "Which resource type should update <old>?",
				  "Do you wish to rename fixed input <old> to <new> for product <p>?",
				  confirm: "Confirm the above actions" */
	const char *file;      /* "inputs", "updates", or NULL (confirm: --yes) */
	const char *key1;      /* JSON keys of the answer inside that file ... */
	const char *key2;      /* ... (NULL when not needed) */
	const char *key3;      /* only block_resource_types: updates[key1][key2][key3] */
	const char *key_path;  /* e.g. inputs["User internal"]["tag"],
				  updates["block_resource_types"]["B"]["old"], "--yes" */
	const char *prefill;   /* default (see above) or NULL */
	const struct strvec *choices;  /* rename questions: allowed non-empty answers */
	bool required;         /* false for rename questions */
	size_t max_len;        /* column limit in bytes, 0 = none */
	long impact;           /* subscriptions (product questions) or instances (block,
				  default value questions) affected, 0 when none */
	const char *answer;    /* current answer, NULL while open */
};

#define PLAN_NONE ((size_t)-1)

struct plan;

/* A plan for diff between model and db (all three borrowed; they must
 * outlive the plan). Never NULL. */
struct plan *plan_new(const struct dm_catalog *model, const struct dm_catalog *db,
		      const struct diff *diff);
void plan_free(struct plan *p);

size_t plan_count(const struct plan *p);
const struct plan_question *plan_question(const struct plan *p, size_t i);
/* Index of the first open question, or PLAN_NONE. */
size_t plan_next_open(const struct plan *p);
size_t plan_open_count(const struct plan *p);

/* Answers question i with value (copied; trimmed of surrounding white
 * space). Rename questions take "" (no rename) or one of choices; others
 * must be non-empty and within max_len, tags at most 20 characters. Then
 * the question list is recomputed. 0, or -1 with err (WFO_INPUT) naming
 * key_path; the plan is unchanged on error. */
int plan_answer(struct plan *p, size_t i, const char *value, struct wfo_error *err);
/* Forgets the answer of question i (it becomes open again). */
void plan_unanswer(struct plan *p, size_t i);
/* Answers by key path without validation against a current question (for
 * answers.c): stored, used when such a question exists. value NULL erases. */
void plan_set_answer(struct plan *p, const char *key_path, const char *value);
const char *plan_get_answer(const struct plan *p, const char *key_path);
/* The key path of file[k1][k2][k3] (k2, k3 may be NULL), keys written as
 * JSON strings: inputs["User internal"]["tag"]. Heap string. */
char *plan_key_path(const char *file, const char *k1, const char *k2, const char *k3);

/* --updates content: renames fixed by the user; when set (even to empty
 * lists) no rename question is asked (docs/REFERENCE.md: renames). Pairs are copied. Checked by
 * plan_set_updates against the diff: each pair must be a real difference,
 * else -1 with err naming the key (reference defect 5 fixed: no crash). */
struct plan_updates {
	struct strvec fi_product, fi_old, fi_new;      /* fixed_inputs */
	struct strvec rt_old, rt_new;                  /* resource_types */
	struct strvec brt_block, brt_old, brt_new;     /* block_resource_types */
};
void plan_updates_free(struct plan_updates *u);
int plan_set_updates(struct plan *p, const struct plan_updates *u, struct wfo_error *err);
bool plan_has_updates(const struct plan *p);

/* The decided renames (from --updates or from answered rename questions),
 * sorted; for answers_dump. */
void plan_current_updates(const struct plan *p, struct plan_updates *out);

/* Multiple-attribute warnings (docs/REFERENCE.md: question order and wording), one line each ("Product block 'C' is
 * related to 'P' by several attributes: a, b; the new relation uses 'a'"). */
const struct strvec *plan_warnings(const struct plan *p);

/* Checks everything before writing; collects every problem, one per line,
 * each naming its key (missing answers, tags > 20, lengths over the column
 * limits, rename targets that already exist or are used twice, a product
 * type in --inputs that differs from the model). 0, or -1 with err
 * (WFO_UNANSWERED when only answers are missing, else WFO_INPUT). The
 * confirmation question is not required here. */
int plan_validate(const struct plan *p, struct wfo_error *err);

/* Whether the confirmation question has been answered yes. */
bool plan_confirmed(const struct plan *p);

/* ---- The change set (docs/REFERENCE.md: change sets, renames applied first docs/REFERENCE.md: renames) ---- */

/* A row of a change set: a (key, member) pair plus a value. All arrays are
 * sorted by (a, b) with strcmp and hold no duplicates. */
struct cs_row {
	char *a;
	char *b;       /* NULL when the kind has none */
	char *value;   /* NULL when the kind has none */
	char *value2;  /* NULL when the kind has none */
};

struct cs_rows {
	struct cs_row *v;
	size_t n;
	size_t cap;
};

struct changeset {
	struct cs_rows create_products;       /* a product, b product_type, value description,
					         value2 tag (U10) */
	struct strvec delete_products;
	struct cs_rows create_fixed_inputs;   /* a fixed input, b product, value */
	struct cs_rows update_fixed_inputs;   /* a product, b old, value new */
	struct cs_rows delete_fixed_inputs;   /* a fixed input, b product, value: db value (D10) */
	struct cs_rows create_product_blocks_rel; /* a block, b product (U16) */
	struct cs_rows delete_product_blocks_rel; /* a block, b product (U5) */
	struct cs_rows rename_resource_types; /* a old, value new (U2) */
	struct cs_rows update_block_resource_types; /* a block, b old, value new (U14/U15) */
	struct cs_rows create_rt_relations;   /* a resource type, b block (U18) */
	struct cs_rows delete_rt_relations;   /* a resource type, b block (U3) */
	struct cs_rows create_block_relations; /* a child, b parent, value attribute (U17/U20) */
	struct cs_rows delete_block_relations; /* a child, b parent (U4) */
	struct cs_rows create_resource_types; /* a name, value description (U13) */
	struct strvec delete_resource_types;  /* U6 */
	struct cs_rows create_blocks;         /* a block, value description, value2 tag (U12) */
	struct strvec delete_blocks;          /* U7 */
	struct cs_rows default_values;        /* a resource type, b block, value (U21) */
	/* a block, b product: a link removed by delete_product_blocks_rel or
	   delete_block_relations leaves the block reachable from the product
	   in the models, so its instances in the product's subscriptions are
	   kept (not deleted by U4/U5, not made anew by U19) and related under
	   the new parent block's instances (U20) */
	struct cs_rows keep_instances;
	/* products / blocks that existed before (for U19/U20: only they can
	   have subscriptions / instances at upgrade time) */
	struct strvec existing_products;
	struct strvec existing_blocks;
};

void cs_rows_add(struct cs_rows *r, const char *a, const char *b, const char *value,
		 const char *value2);
void cs_rows_sort(struct cs_rows *r);   /* sorts and drops duplicates of (a, b) */
void cs_rows_free(struct cs_rows *r);
void changeset_free(struct changeset *cs);
bool changeset_is_empty(const struct changeset *cs);

/* Builds the change set from the diff and the answers. Requires every
 * required question answered (else -1, WFO_UNANSWERED naming the first open
 * key). The change set is the caller's (changeset_free). */
int plan_changeset(const struct plan *p, struct changeset *out, struct wfo_error *err);
/* The change set as answered so far: the renames decided, the values of
 * open questions NULL (for a summary before every detail is asked, as the
 * line prompts confirm before the details). The caller frees it. */
void plan_changeset_draft(const struct plan *p, struct changeset *out);

/* The summary of cs in plain English without database counts (dsummary.h:
 * dsum_make with no counts; dsum_build counts the deletions). db is not
 * used any more. Appends to out. */
void changeset_render_summary(const struct changeset *cs, const struct dm_catalog *db,
			      struct strbuf *out);

#endif
