/* sigexit.h - Ctrl-C, SIGTERM and SIGHUP outside the wizard: the temporary
 * file being written is removed, a running Alembic gets the signal too,
 * one line says so on stderr and the program exits with 7 (aborted).
 * Nothing half-done is kept: a revision file is either complete or not
 * there (it is linked into place in one step), and a transaction that was
 * not committed is rolled back by PostgreSQL when the connection ends.
 * The wizard installs its own handlers while it runs and restores these. */
#ifndef WFO_SIGEXIT_H
#define WFO_SIGEXIT_H

#include <sys/types.h>

void sigexit_install(void);
/* The temporary file to remove on a signal (copied; NULL: none). Paths
 * longer than 4095 bytes are not registered. */
void sigexit_tmp(const char *path);
/* The child to pass the signal to (0: none). */
void sigexit_child(pid_t pid);

#endif
