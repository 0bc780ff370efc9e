/* mdm_drive.h - the non-screen drivers of migrate-domain-models' question
 * list (plan.h): line prompts in the reference's order and wording, the
 * defaults a non-interactive run takes, and the report of what is still
 * missing as --inputs / --updates / --yes keys.
 *
 * Order of the line prompts (docs/REFERENCE.md: question order and wording): the three rename parts
 * (unless --updates was given), multiple-attribute warnings, the summary of
 * the decided changes in plain English with every deletion counted (a chosen
 * rename shows as a rename) and the confirmation, then the detail questions group by
 * group (each header printed even when the group is empty). Every answer
 * goes through plan_answer; a refused answer (a tag over 20 characters, a
 * value over its column) prints the reason and asks again.
 *
 * Ownership: nothing returned needs freeing; the plan is answered in place. */
#ifndef WFO_MDM_DRIVE_H
#define WFO_MDM_DRIVE_H

#include <stdbool.h>
#include <stdio.h>

#include "diff.h"
#include "plan.h"
#include "prompt_line.h"
#include "wfo_error.h"

struct dsum;

struct mdm_drive_opts {
	bool confirm_warnings;   /* --confirm-warnings: do not ask about them */
	bool ask_confirm;        /* false with --test (no confirmation) */
	/* The summary shown before "Confirm the above actions" (dsummary.h),
	 * its deletions counted in the database; NULL, or failing: shown
	 * without counts. */
	int (*summary)(void *ctx, const struct changeset *cs, struct dsum *out,
		       struct wfo_error *err);
	void *summary_ctx;
};

/* Asks every open question on p. 0; -1 with err: WFO_ABORTED when the user
 * declined (a warning or the confirmation), WFO_UNANSWERED at the end of
 * input (the caller then reports what is missing). */
int mdm_drive_lines(struct pl *p, struct plan *pl, const struct diff *d,
		    const struct mdm_drive_opts *o, struct wfo_error *err);

/* A run without anyone to ask: open rename questions are declined (each
 * named on note, with the --updates key that would rename), open questions
 * with a prefill from the models take it (each named on note). Returns the
 * number of required questions still open (the confirmation included). */
size_t mdm_drive_defaults(FILE *note, struct plan *pl);

/* Writes every open question as its --inputs / --updates key (with the
 * question), JSON skeletons to complete, and --yes when the confirmation
 * is open. */
void mdm_report_missing(FILE *out, const struct plan *pl);

#endif
