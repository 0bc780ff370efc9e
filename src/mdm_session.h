/* mdm_session.h - what `diff` and `migrate-domain-models` start from: the
 * domain models (--models), the database catalogue (one connection, a
 * constant number of queries) and the differences between them.
 *
 * Ownership: a struct mdm_session owns everything it holds; free it with
 * mdm_session_close (also after a failed open). */
#ifndef WFO_MDM_SESSION_H
#define WFO_MDM_SESSION_H

#include <stdbool.h>

#include <libpq-fe.h>

#include "catalog.h"
#include "diff.h"
#include "util.h"
#include "wfo_error.h"

struct mdm_session {
	char *models_path;          /* the --models source used */
	char *db_display;           /* the database for people: password hidden */
	PGconn *conn;               /* open until mdm_session_close */
	struct dm_catalog *model;
	struct dm_catalog *db;
	struct cat_extra *extra;
	struct strvec skip;         /* SKIP_MODEL_FOR_MIGRATION_DB_DIFF */
	struct diff diff;
};

#define MDM_SESSION_INIT { NULL, NULL, NULL, NULL, NULL, NULL, STRVEC_INIT, DIFF_INIT }

/* models: --models PATH or NULL for the default (./products when it
 * exists; otherwise an error saying how to name the models). uri: as
 * db_connect takes it. The models are loaded before connecting, so a model
 * file error is reported without touching the database. Product names in
 * $SKIP_MODEL_FOR_MIGRATION_DB_DIFF (comma separated, orchestrator-core's
 * setting) get no per-product comparison. value_counts: also count the
 * instance values per block and resource type (the impact figures of
 * migrate-domain-models; `diff` shows none). 0, or -1 with err. */
int mdm_session_open(struct mdm_session *s, const char *models, const char *uri,
		     bool value_counts, struct wfo_error *err);
void mdm_session_close(struct mdm_session *s);

#endif
