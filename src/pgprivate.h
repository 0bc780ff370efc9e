/* pgprivate.h - a private PostgreSQL cluster that wfo-migrate starts itself
 * (the tutorial, and any command given --private-db): created once under
 * the state folder ($XDG_STATE_HOME/wfo-migrate, default
 * ~/.local/state/wfo-migrate), reached on a unix socket only (no TCP),
 * holding a database "orchestrator-core" with the orchestrator schema
 * (data/schema.sql), reused on the next run.
 *
 * The server is stopped when the process ends in any way: pgp_stop on a
 * normal end, and otherwise by a supervisor process forked before the
 * server starts, which waits for its parent to go away (a pipe reaching
 * end-of-file: the parent exited, was killed or crashed) and then stops the
 * server. The supervisor and the server ignore the terminal's Ctrl-C.
 *
 * As root the server runs as the user "postgres" (initdb refuses root): the
 * cluster's folder belongs to it. When postgres cannot reach the state
 * folder (e.g. under /root, mode 0700), the cluster lives in postgres's
 * home instead (/var/lib/postgresql/wfo-migrate/<hash of the state
 * folder>), as PostgreSQL's own cluster scripts put clusters there.
 *
 * Ownership: struct pgp owns its strings; pgp_stop frees them. */
#ifndef WFO_PGPRIVATE_H
#define WFO_PGPRIVATE_H

#include <stdbool.h>
#include <stdio.h>
#include <sys/types.h>

#include "wfo_error.h"

#define PGP_DBNAME "orchestrator-core"

struct pgp {
	char *home;      /* the cluster's folder: data/, the socket, logs */
	char *bindir;    /* initdb, pg_ctl */
	char *user;      /* the database role (the server's OS user) */
	char *uri;       /* postgresql://user@/orchestrator-core?host=home&port=5432 */
	char *display;   /* the same for people: "private cluster in <home>" */
	bool as_postgres;     /* root: the server runs as user postgres */
	uid_t uid;
	gid_t gid;
	bool started;         /* this process started it (and stops it) */
	pid_t supervisor;
	int pipe_w;
};

#define PGP_INIT { NULL, NULL, NULL, NULL, NULL, false, 0, 0, false, -1, -1 }

/* The state folder: $XDG_STATE_HOME/wfo-migrate, else
 * $HOME/.local/state/wfo-migrate (a new string). Not created. */
char *pgp_state_dir(void);

/* The folder of initdb and pg_ctl: `pg_config --bindir` when initdb is
 * there, else the newest /usr/lib/postgresql/N/bin. NULL when none. */
char *pgp_find_bindir(void);

/* Creates (first time) or reuses the cluster of state_dir, starts it when
 * it is not running, creates the database and loads schema_sql into it
 * when its products table is missing. Progress lines ("Starting the
 * private PostgreSQL ...") go to log when not NULL. 0, or -1 with err
 * saying exactly what to do (install the server, run as another user...). */
int pgp_start(struct pgp *p, const char *state_dir, const char *schema_sql, FILE *log,
	      struct wfo_error *err);

/* A fresh database: drops "orchestrator-core" and creates it again with
 * schema_sql (the tutorial starts each lesson from a known catalogue).
 * 0, or -1 with err. */
int pgp_reset_db(struct pgp *p, const char *schema_sql, struct wfo_error *err);

/* Stops the server when this process started it and waits until it is
 * down; frees p. Safe to call twice. */
void pgp_stop(struct pgp *p);

/* Runs argv (argv[0] a path) as the cluster's OS user, output appended to
 * log_path (NULL: /dev/null); the exit status, or -1 when it could not run. */
int pgp_run(const struct pgp *p, char *const argv[], const char *log_path);

#endif
