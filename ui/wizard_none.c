/* wizard_none.c - placeholder until ui/ lands: no full-screen driver. */
#include "config.h"
#include "wizard.h"

bool wizard_available(void)
{
	return false;
}

enum wizard_result wizard_run(struct wizard_env *env, char **path_out, struct wfo_error *err)
{
	(void)env;
	(void)path_out;
	wfo_fail(err, WFO_INTERNAL, "no full-screen driver is built in; use --no-tui");
	return WIZARD_ERROR;
}
