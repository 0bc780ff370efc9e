/* merge_cli.h - the merge screen for the commands: `wfo-migrate merge` in
 * a terminal, and the offer wherever several heads block another command
 * (upgrade with an ambiguous target, revision, migrate-domain-models).
 * Without a terminal those commands stop with an error that names the
 * heads and the exact `wfo-migrate merge ...` command (merge_command_text).
 * Implemented in cmd_merge.c (it links the screen of ui/). */
#ifndef WFO_MERGE_CLI_H
#define WFO_MERGE_CLI_H

#include <stdbool.h>

#include "cli_common.h"
#include "util.h"
#include "wfo_error.h"

/* Whether the merge screen can be offered: stdin and stdout are terminals
 * that curses can drive. */
bool merge_offer_possible(void);

/* The command that merges heads without a terminal, as the user would
 * type it: wfo-migrate merge ID ID... -m "merge heads" (with
 * --migrations DIR when cc names a folder other than the default). Heap. */
char *merge_command_text(const struct strvec *heads, const struct cli_common *cc);

/* Asks on the terminal "<question> [Y/n] " (def_yes) or "[y/N] " and on
 * yes opens the merge screen for cc's project with reason on top.
 * Returns 1 when a merge revision was written (*upgraded says whether the
 * screen also applied it), 0 when declined, 2 when the screen was left
 * without writing, -1 with err (interrupted: WFO_ABORTED). */
int merge_offer(const char *cmd, const char *question, bool def_yes, const char *reason,
		const struct cli_common *cc, bool upgrade_default, bool *upgraded,
		struct wfo_error *err);

/* Before an upgrade to target on g (not --sql): when the data branch has
 * several heads and target is ambiguous because of it, or target is
 * "heads" (orchestrator-core does not start with several heads), the
 * offer in a terminal, the error with the merge command without one.
 * Returns 1 when the command is done (*exit_code set), 0 to go on. */
int merge_before_upgrade(const struct rev_graph *g, const char *target,
			 const struct cli_common *cc, int *exit_code);

#endif
