/* datadir.c - the folder of wfo-migrate's data files (see datadir.h). */
#include "config.h"
#include "datadir.h"

#include <stdlib.h>
#include <unistd.h>

#include "util.h"

const char *wfo_data_dir(void)
{
	const char *env = getenv("WFO_DATA");
	if (env && *env)
		return env;
	char *probe = xasprintf("%s/schema.sql", WFO_DATADIR);
	int ok = access(probe, R_OK) == 0;
	free(probe);
	return ok ? WFO_DATADIR : WFO_SRCDATADIR;
}
