/* peer_alembic.h - handing a whole upgrade/downgrade to the real Alembic
 * when a pending revision is not SQL-only: finding a Python that imports
 * alembic, finding alembic.ini, running `python -m alembic` (fork/execvp with
 * an argv, never a shell).
 *
 * Ownership: every char * returned is newly allocated; the caller frees it. */
#ifndef WFO_PEER_ALEMBIC_H
#define WFO_PEER_ALEMBIC_H

#include "util.h"
#include "wfo_error.h"

/* The interpreter to use: $WFO_PYTHON when set (and only it), else python3
 * from PATH, else /usr/bin/python3 -- the first for which `import alembic`
 * works. NULL when none does; why (may be NULL) then says what was tried. */
char *peer_find_python(struct strbuf *why);

/* alembic.ini for a migrations folder: ./alembic.ini, else the one in the
 * folder's parent. NULL when there is none. */
char *peer_find_ini(const char *migrations_dir);

/* Runs `PYTHON -m alembic -c INI ARGS...` in INI's folder, with
 * DATABASE_URI=database_uri in the environment when it is non-empty, output
 * going to ours. Returns the exit status of Alembic (0 = success), or -1
 * with err when it could not be started or died of a signal. */
int peer_alembic_run(const char *python, const char *ini, const char *const *args,
		     const char *database_uri, struct wfo_error *err);

#endif
