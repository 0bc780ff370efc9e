/* mdm_session.c - models + database catalogue + diff, for diff and
 * migrate-domain-models. */
#include "config.h"
#include "mdm_session.h"

#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "dbcatalog.h"
#include "models.h"
#include "pguri.h"

static void read_skip_list(struct strvec *skip)
{
	const char *env = getenv("SKIP_MODEL_FOR_MIGRATION_DB_DIFF");
	if (!env || !*env)
		return;
	/* Accepts "a,b" as well as the JSON list form '["a", "b"]' that
	 * pydantic settings take. */
	char *s = xstrdup(env), *save = NULL;
	for (char *t = strtok_r(s, ",[]", &save); t; t = strtok_r(NULL, ",[]", &save)) {
		while (*t == ' ' || *t == '"' || *t == '\'')
			t++;
		size_t n = strlen(t);
		while (n && (t[n - 1] == ' ' || t[n - 1] == '"' || t[n - 1] == '\''))
			t[--n] = '\0';
		if (n)
			sv_push(skip, t);
	}
	free(s);
}

int mdm_session_open(struct mdm_session *s, const char *models, const char *uri,
		     bool value_counts, struct wfo_error *err)
{
	if (!models)
		models = models_default_path();
	if (!models)
		return wfo_fail(err, WFO_USAGE, "no domain models: there is no ./products folder or "
				"file here; name them with --models PATH (a JSON registry, a "
				"generator product YAML file, or a folder of them)");
	s->models_path = xstrdup(models);
	if (models_load(models, &s->model, err) < 0)
		return -1;
	if (db_connect(uri, &s->conn, err) < 0)
		return -1;
	s->db_display = uri && *uri ? pguri_display(uri) : db_describe(s->conn);
	if (dbcat_read_opt(s->conn, value_counts, &s->db, &s->extra, NULL, err) < 0)
		return -1;
	read_skip_list(&s->skip);
	return diff_compute(s->model, s->db, &s->skip, &s->diff, err);
}

void mdm_session_close(struct mdm_session *s)
{
	free(s->models_path);
	free(s->db_display);
	db_close(s->conn);
	if (s->model)
		dm_catalog_free(s->model);
	if (s->db)
		dm_catalog_free(s->db);
	cat_extra_free(s->extra);
	sv_free(&s->skip);
	diff_free(&s->diff);
	memset(s, 0, sizeof *s);
}
