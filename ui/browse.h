/* browse.h - the catalogue browser (`wfo-migrate browse`, a step of the
 * tutorial): products -> their blocks -> resource types (and child
 * blocks), fixed inputs, with the counts of subscriptions, instances and
 * values the database holds; `/` searches by name. Same frame, colours and
 * keymap as the wizard; read only. The catalogue is read by the command
 * (src/cmd_browse.c, dbcatalog.h): this module never touches libpq. */
#ifndef WFO_UI_BROWSE_H
#define WFO_UI_BROWSE_H

#include "catalog.h"
#include "wfo_error.h"

struct browse_env {
	const char *database;          /* for the context line, password hidden */
	const struct dm_catalog *c;    /* database side, sorted (borrowed) */
	const struct cat_extra *x;     /* status and value counts; may be NULL */
};

/* 0 when left with q / F10 / Esc, 1 when interrupted (Ctrl-C, SIGTERM,
 * SIGHUP), -1 with err when the terminal could not be opened. */
int browse_run(const struct browse_env *e, struct wfo_error *err);

#endif
