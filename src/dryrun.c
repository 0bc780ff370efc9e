/* dryrun.c - the dry run of a migration: upgrade, downgrade, compare the
 * catalogue, roll back (see dryrun.h). */
#include "config.h"
#include "dryrun.h"

#include <stdlib.h>
#include <string.h>

#include "db.h"

/* The catalogue as rows (kind, text) keyed by names, not by the ids a
 * downgrade makes anew; subscription data keeps its ids (they are never
 * made anew). Constant SQL: no value of the user's goes in. */
#define DUMP_SQL \
	"SELECT 'product' AS k, concat_ws(' | ', name, description, product_type, tag, status) AS r " \
	"FROM products " \
	"UNION ALL SELECT 'product block', concat_ws(' | ', name, description, tag, status) " \
	"FROM product_blocks " \
	"UNION ALL SELECT 'resource type', concat_ws(' | ', resource_type, description) FROM resource_types " \
	"UNION ALL SELECT 'fixed input', concat_ws(' | ', p.name, f.name, f.value) " \
	"FROM fixed_inputs f JOIN products p USING (product_id) " \
	"UNION ALL SELECT 'block of a product', p.name || ' -> ' || b.name FROM product_product_blocks " \
	"JOIN products p USING (product_id) JOIN product_blocks b USING (product_block_id) " \
	"UNION ALL SELECT 'resource type of a block', b.name || ' -> ' || t.resource_type " \
	"FROM product_block_resource_types JOIN product_blocks b USING (product_block_id) " \
	"JOIN resource_types t USING (resource_type_id) " \
	"UNION ALL SELECT 'block relation', a.name || ' -> ' || d.name FROM product_block_relations x " \
	"JOIN product_blocks a ON a.product_block_id = x.in_use_by_id " \
	"JOIN product_blocks d ON d.product_block_id = x.depends_on_id " \
	"UNION ALL SELECT 'subscription', s.subscription_id || ' | ' || p.name " \
	"FROM subscriptions s JOIN products p USING (product_id) " \
	"UNION ALL SELECT 'subscription instance', i.subscription_instance_id || ' | ' || b.name " \
	"FROM subscription_instances i JOIN product_blocks b USING (product_block_id) " \
	"UNION ALL SELECT 'instance value', v.subscription_instance_id || ' | ' || t.resource_type " \
	"|| ' = ' || v.value FROM subscription_instance_values v JOIN resource_types t USING (resource_type_id) " \
	"UNION ALL SELECT 'instance relation', in_use_by_id || ' -> ' || depends_on_id || ' #' || order_id " \
	"|| coalesce(' ' || domain_model_attr, '') FROM subscription_instance_relations " \
	"UNION ALL SELECT 'process', pid::text FROM processes " \
	"UNION ALL SELECT 'process of a subscription', pid || ' -> ' || subscription_id " \
	"FROM processes_subscriptions"

#define SNAPSHOT_SQL "CREATE TEMPORARY TABLE wfo_dryrun_before ON COMMIT DROP AS " DUMP_SQL

/* Per side and kind: the count and the first three rows. */
#define COMPARE_SQL \
	"WITH now_ AS (" DUMP_SQL "), " \
	"d AS (SELECT false AS extra, k, r FROM (SELECT k, r FROM wfo_dryrun_before " \
	"EXCEPT ALL SELECT k, r FROM now_) a " \
	"UNION ALL SELECT true, k, r FROM (SELECT k, r FROM now_ " \
	"EXCEPT ALL SELECT k, r FROM wfo_dryrun_before) b) " \
	"SELECT extra, k, count(*), array_to_string((array_agg(r ORDER BY r))[1:3], E'\\n') " \
	"FROM d GROUP BY extra, k ORDER BY extra, k"

static int run_list(PGconn *conn, const char *phase, const struct strvec *sql,
		    struct dryrun_stmt **out, size_t *n, size_t *failed_at, struct wfo_error *err)
{
	*out = xcalloc(sql->n + 1, sizeof **out);
	for (size_t i = 0; i < sql->n; i++) {
		long rows = -1;
		if (db_exec(conn, NULL, sql->v[i], &rows, err) < 0) {
			*failed_at = i + 1;
			wfo_error_prefix(err, "%s statement %zu of %zu: ", phase, i + 1, sql->n);
			return -1;
		}
		(*out)[i].sql = db_shorten_sql(sql->v[i], 56);   /* one line at 80 columns */
		(*out)[i].rows = rows;
		*n = i + 1;
	}
	return 0;
}

static int compare(PGconn *conn, struct dryrun_report *rep, struct wfo_error *err)
{
	PGresult *res = PQexec(conn, COMPARE_SQL);
	if (PQresultStatus(res) != PGRES_TUPLES_OK) {
		struct strbuf sb = STRBUF_INIT;
		db_format_error(res, conn, &sb);
		wfo_fail(err, WFO_DB, "comparing the catalogue before and after: %s", sb_str(&sb));
		sb_free(&sb);
		PQclear(res);
		return -1;
	}
	int n = PQntuples(res);
	rep->loss = xcalloc((size_t)n + 1, sizeof *rep->loss);
	for (int i = 0; i < n; i++) {
		struct dryrun_loss *l = &rep->loss[rep->nloss++];
		l->extra = PQgetvalue(res, i, 0)[0] == 't';
		l->kind = xstrdup(PQgetvalue(res, i, 1));
		l->count = atol(PQgetvalue(res, i, 2));
		l->examples = xstrdup(PQgetvalue(res, i, 3));
	}
	PQclear(res);
	rep->compared = true;
	return 0;
}

/* The advisory lock of upgrades, without waiting: a dry run next to a
 * running upgrade says so instead of hanging the screen. */
static int try_lock(PGconn *conn, struct wfo_error *err)
{
	PGresult *res = PQexec(conn, "SELECT pg_try_advisory_xact_lock(" DB_LOCK_KEY ")");
	int rc = 0;
	if (PQresultStatus(res) != PGRES_TUPLES_OK) {
		struct strbuf sb = STRBUF_INIT;
		db_format_error(res, conn, &sb);
		rc = wfo_fail(err, WFO_DB, "taking the wfo-migrate advisory lock: %s", sb_str(&sb));
		sb_free(&sb);
	} else if (strcmp(PQgetvalue(res, 0, 0), "t") != 0) {
		rc = wfo_fail(err, WFO_DB, "another wfo-migrate upgrade or downgrade is running on this "
			      "database (it holds the advisory lock); try the dry run again when it is done");
	}
	PQclear(res);
	return rc;
}

enum dryrun_verdict dryrun_run(PGconn *conn, const struct strvec *up, const struct strvec *down,
			       struct dryrun_report *rep, struct wfo_error *err)
{
	memset(rep, 0, sizeof *rep);
	rep->total_up = up->n;
	rep->total_down = down->n;
	int rc = -1;
	if (db_begin(conn, err) < 0)
		goto fail;
	if (try_lock(conn, err) < 0 ||
	    db_exec(conn, "copying the catalogue before the dry run", SNAPSHOT_SQL, NULL, err) < 0)
		goto out;
	if (run_list(conn, "upgrade", up, &rep->up, &rep->nup, &rep->failed_at, err) < 0) {
		rep->failed_in_up = true;
		goto out;
	}
	if (run_list(conn, "downgrade", down, &rep->down, &rep->ndown, &rep->failed_at, err) < 0) {
		rep->failed_in_down = true;
		goto out;
	}
	rc = compare(conn, rep, err);
out:
	db_rollback(conn);
fail:
	if (rc < 0) {
		rep->failed = true;
		rep->error = xstrdup(err->msg);
		return DRYRUN_FAILED;
	}
	return rep->nloss ? DRYRUN_LOSSY : DRYRUN_RESTORED;
}

static void stmts(struct strbuf *out, const char *title, const struct dryrun_stmt *v, size_t n,
		  size_t total)
{
	sb_addf(out, "%s: %zu of %zu statement%s ran\n", title, n, total, total == 1 ? "" : "s");
	if (!total)
		sb_add(out, "  (no statements)\n");
	for (size_t i = 0; i < n; i++) {
		if (v[i].rows >= 0)
			sb_addf(out, "  %3zu %6ld row%s  %s\n", i + 1, v[i].rows, v[i].rows == 1 ? " " : "s",
				v[i].sql);
		else
			sb_addf(out, "  %3zu          -  %s\n", i + 1, v[i].sql);
	}
}

void dryrun_render(const struct dryrun_report *rep, struct strbuf *out)
{
	sb_add(out, "Dry run: everything below ran in one transaction that was rolled back; "
		    "nothing was written or changed.\n\n");
	stmts(out, "Upgrade", rep->up, rep->nup, rep->total_up);
	if (rep->failed && !rep->failed_in_down) {
		sb_addf(out, "\nThe %s fails; nothing was changed:\n%s\n", rep->failed_in_up ? "upgrade" : "dry run",
			rep->error ? rep->error : "");
		return;
	}
	sb_add(out, "\n");
	stmts(out, "Downgrade (after the upgrade)", rep->down, rep->ndown, rep->total_down);
	if (rep->failed) {
		sb_addf(out, "\nThe downgrade fails; nothing was changed:\n%s\n", rep->error ? rep->error : "");
		return;
	}
	sb_add(out, "\n");
	if (!rep->nloss) {
		sb_add(out, "Verdict: after the downgrade the catalogue is as it was before the upgrade.\n");
		return;
	}
	sb_add(out, "Verdict: after the downgrade the catalogue is NOT as it was before the upgrade.\n");
	for (int pass = 0; pass < 2; pass++) {
		bool any = false;
		for (size_t i = 0; i < rep->nloss; i++) {
			const struct dryrun_loss *l = &rep->loss[i];
			if (l->extra != (pass == 1))
				continue;
			if (!any)
				sb_add(out, pass ? "Left over by the downgrade (not there before):\n"
						 : "Cannot come back (deleted by the upgrade, not restored):\n");
			any = true;
			sb_addf(out, "  %s: %ld row%s, e.g.\n", l->kind, l->count, l->count == 1 ? "" : "s");
			const char *e = l->examples;
			while (e && *e) {
				const char *nl = strchr(e, '\n');
				size_t len = nl ? (size_t)(nl - e) : strlen(e);
				sb_add(out, "      ");
				sb_addn(out, e, len);
				sb_add(out, "\n");
				e += len + (nl ? 1 : 0);
			}
		}
	}
}

void dryrun_report_free(struct dryrun_report *rep)
{
	for (size_t i = 0; i < rep->nup; i++)
		free(rep->up[i].sql);
	for (size_t i = 0; i < rep->ndown; i++)
		free(rep->down[i].sql);
	free(rep->up);
	free(rep->down);
	for (size_t i = 0; i < rep->nloss; i++) {
		free(rep->loss[i].kind);
		free(rep->loss[i].examples);
	}
	free(rep->loss);
	free(rep->error);
	memset(rep, 0, sizeof *rep);
}
