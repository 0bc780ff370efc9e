/* dbcatalog.c - the product catalogue of an orchestrator database in a
 * constant number of queries. */
#include "config.h"
#include "dbcatalog.h"

#include <stdbool.h>

#include <stdlib.h>
#include <string.h>

const char *const dbcat_required_tables[] = {
	"products", "product_blocks", "resource_types", "fixed_inputs",
	"product_product_blocks", "product_block_resource_types", "product_block_relations",
	"subscriptions", "subscription_instances", "subscription_instance_values", NULL,
};

/* Names ordered with COLLATE "C" compare like strcmp, so rows arrive in the
 * order catalog.h guarantees. */
static const char Q_MISSING[] =
	"SELECT t FROM unnest(ARRAY['products','product_blocks','resource_types','fixed_inputs',"
	"'product_product_blocks','product_block_resource_types','product_block_relations',"
	"'subscriptions','subscription_instances','subscription_instance_values']) WITH ORDINALITY AS u(t, i) "
	"WHERE to_regclass(quote_ident(t)) IS NULL ORDER BY i";
static const char Q_PRODUCTS[] =
	"SELECT p.product_id, p.name, p.product_type, p.description, p.tag, p.status, "
	"coalesce(s.n, 0) FROM products p LEFT JOIN "
	"(SELECT product_id, count(*) AS n FROM subscriptions GROUP BY product_id) s "
	"ON s.product_id = p.product_id ORDER BY p.name COLLATE \"C\"";
static const char Q_BLOCKS[] =
	"SELECT b.product_block_id, b.name, b.description, b.tag, coalesce(i.n, 0) "
	"FROM product_blocks b LEFT JOIN "
	"(SELECT product_block_id, count(*) AS n FROM subscription_instances GROUP BY product_block_id) i "
	"ON i.product_block_id = b.product_block_id ORDER BY b.name COLLATE \"C\"";
static const char Q_RTS[] =
	"SELECT resource_type_id, resource_type, description FROM resource_types "
	"ORDER BY resource_type COLLATE \"C\"";
static const char Q_FIXED[] =
	"SELECT p.name, f.name, f.value FROM fixed_inputs f JOIN products p ON p.product_id = f.product_id "
	"ORDER BY p.name COLLATE \"C\", f.name COLLATE \"C\"";
static const char Q_PPB[] =
	"SELECT p.name, b.name FROM product_product_blocks x "
	"JOIN products p ON p.product_id = x.product_id "
	"JOIN product_blocks b ON b.product_block_id = x.product_block_id "
	"ORDER BY p.name COLLATE \"C\", b.name COLLATE \"C\"";
static const char Q_PBRT[] =
	"SELECT b.name, r.resource_type FROM product_block_resource_types x "
	"JOIN product_blocks b ON b.product_block_id = x.product_block_id "
	"JOIN resource_types r ON r.resource_type_id = x.resource_type_id "
	"ORDER BY b.name COLLATE \"C\", r.resource_type COLLATE \"C\"";
static const char Q_REL[] =
	"SELECT u.name, d.name FROM product_block_relations x "
	"JOIN product_blocks u ON u.product_block_id = x.in_use_by_id "
	"JOIN product_blocks d ON d.product_block_id = x.depends_on_id "
	"ORDER BY u.name COLLATE \"C\", d.name COLLATE \"C\"";
static const char Q_VALUES[] =
	"SELECT b.name, r.resource_type, c.n FROM "
	"(SELECT si.product_block_id, v.resource_type_id, count(*) AS n "
	"FROM subscription_instance_values v JOIN subscription_instances si "
	"ON si.subscription_instance_id = v.subscription_instance_id GROUP BY 1, 2) c "
	"JOIN product_blocks b ON b.product_block_id = c.product_block_id "
	"JOIN resource_types r ON r.resource_type_id = c.resource_type_id "
	"ORDER BY b.name COLLATE \"C\", r.resource_type COLLATE \"C\"";

struct reader {
	PGconn *conn;
	int queries;
	struct wfo_error *err;
};

static const char *db_name(PGconn *conn)
{
	const char *n = PQdb(conn);
	return n && *n ? n : "(default)";
}

/* Runs sql; on failure fills err naming what was being read. */
static PGresult *run(struct reader *r, const char *sql, const char *what)
{
	r->queries++;
	PGresult *res = PQexec(r->conn, sql);
	ExecStatusType st = PQresultStatus(res);
	if (st == PGRES_TUPLES_OK || st == PGRES_COMMAND_OK)
		return res;
	const char *msg = PQresultErrorMessage(res);
	if (!msg || !*msg)
		msg = PQerrorMessage(r->conn);
	wfo_fail(r->err, WFO_DB, "database %s: reading %s failed: %s", db_name(r->conn), what,
		 msg && *msg ? msg : "no answer from the server");
	size_t n = strlen(r->err->msg);
	while (n > 0 && r->err->msg[n - 1] == '\n')
		r->err->msg[--n] = '\0';
	PQclear(res);
	return NULL;
}

static const char *val(const PGresult *res, int row, int col)
{
	return PQgetisnull(res, row, col) ? NULL : PQgetvalue(res, row, col);
}

static int check_tables(struct reader *r)
{
	PGresult *res = run(r, Q_MISSING, "the list of orchestrator tables");
	if (!res)
		return -1;
	int n = PQntuples(res);
	if (n == 0) {
		PQclear(res);
		return 0;
	}
	struct strbuf sb = STRBUF_INIT;
	for (int i = 0; i < n; i++)
		sb_addf(&sb, "%s%s", i ? ", " : "", PQgetvalue(res, i, 0));
	size_t total = sizeof(dbcat_required_tables) / sizeof(dbcat_required_tables[0]) - 1;
	wfo_fail(r->err, WFO_DB,
		 "database %s %s %s: this is not an orchestrator database, or it is not "
		 "initialised yet. Point DATABASE_URI (or --database-uri) at the orchestrator's "
		 "database, or create its tables first (orchestrator-core: `python main.py db "
		 "upgrade heads`; for a scratch database: psql -f schema.sql from wfo-migrate's "
		 "data directory).",
		 db_name(r->conn),
		 (size_t)n == total ? "has none of the orchestrator tables; missing:"
		 : n == 1 ? "has no table" : "lacks the orchestrator tables",
		 sb_str(&sb));
	sb_free(&sb);
	PQclear(res);
	return -1;
}

static long to_long(const char *s)
{
	return s ? strtol(s, NULL, 10) : 0;
}

static int read_all(struct reader *r, struct dm_catalog *c, struct cat_extra *x, bool values)
{
	PGresult *res;
	int n;

	if (!(res = run(r, Q_PRODUCTS, "table products")))
		return -1;
	n = PQntuples(res);
	x->product_ids = xcalloc((size_t)n + 1, sizeof(char *));
	x->product_status = xcalloc((size_t)n + 1, sizeof(char *));
	for (int i = 0; i < n; i++) {
		struct dm_product *p = cat_push_product(c, val(res, i, 1), val(res, i, 2),
							val(res, i, 3), val(res, i, 4));
		p->subscriptions = to_long(val(res, i, 6));
		x->product_ids[i] = xstrdup(PQgetvalue(res, i, 0));
		x->product_status[i] = xstrdup(PQgetvalue(res, i, 5));
		x->n_products++;
	}
	PQclear(res);

	if (!(res = run(r, Q_BLOCKS, "table product_blocks")))
		return -1;
	n = PQntuples(res);
	x->block_ids = xcalloc((size_t)n + 1, sizeof(char *));
	for (int i = 0; i < n; i++) {
		struct dm_block *b = cat_push_block(c, val(res, i, 1), val(res, i, 2), val(res, i, 3));
		b->instances = to_long(val(res, i, 4));
		x->block_ids[i] = xstrdup(PQgetvalue(res, i, 0));
		x->n_blocks++;
	}
	PQclear(res);

	if (!(res = run(r, Q_RTS, "table resource_types")))
		return -1;
	n = PQntuples(res);
	x->resource_type_ids = xcalloc((size_t)n + 1, sizeof(char *));
	for (int i = 0; i < n; i++) {
		cat_push_resource_type(c, val(res, i, 1), val(res, i, 2));
		x->resource_type_ids[i] = xstrdup(PQgetvalue(res, i, 0));
		x->n_resource_types++;
	}
	PQclear(res);

	if (!(res = run(r, Q_FIXED, "table fixed_inputs")))
		return -1;
	n = PQntuples(res);
	struct dm_product *p = NULL;
	for (int i = 0; i < n; i++) {
		const char *pn = PQgetvalue(res, i, 0);
		if (!p || strcmp(p->name, pn) != 0)
			p = cat_find_product(c, pn);
		if (p)
			cat_push_fixed_input(p, PQgetvalue(res, i, 1), val(res, i, 2));
	}
	PQclear(res);

	if (!(res = run(r, Q_PPB, "table product_product_blocks")))
		return -1;
	n = PQntuples(res);
	p = NULL;
	for (int i = 0; i < n; i++) {
		const char *pn = PQgetvalue(res, i, 0);
		if (!p || strcmp(p->name, pn) != 0)
			p = cat_find_product(c, pn);
		if (p)
			sv_push(&p->blocks, PQgetvalue(res, i, 1));
	}
	PQclear(res);

	if (!(res = run(r, Q_PBRT, "table product_block_resource_types")))
		return -1;
	n = PQntuples(res);
	struct dm_block *b = NULL;
	for (int i = 0; i < n; i++) {
		const char *bn = PQgetvalue(res, i, 0);
		if (!b || strcmp(b->name, bn) != 0)
			b = cat_find_block(c, bn);
		if (b)
			sv_push(&b->resource_types, PQgetvalue(res, i, 1));
	}
	PQclear(res);

	if (!(res = run(r, Q_REL, "table product_block_relations")))
		return -1;
	n = PQntuples(res);
	b = NULL;
	for (int i = 0; i < n; i++) {
		const char *bn = PQgetvalue(res, i, 0);
		if (!b || strcmp(b->name, bn) != 0)
			b = cat_find_block(c, bn);
		if (b)
			cat_push_child(b, PQgetvalue(res, i, 1), NULL);
	}
	PQclear(res);

	if (!values)
		return 0;
	if (!(res = run(r, Q_VALUES, "the value counts of subscription_instance_values")))
		return -1;
	n = PQntuples(res);
	x->block_rt = xcalloc((size_t)n + 1, sizeof(*x->block_rt));
	for (int i = 0; i < n; i++) {
		struct cat_block_rt_count *e = &x->block_rt[x->n_block_rt++];
		e->block = xstrdup(PQgetvalue(res, i, 0));
		e->resource_type = xstrdup(PQgetvalue(res, i, 1));
		e->values = to_long(val(res, i, 2));
		struct dm_resource_type *rt = cat_find_resource_type(c, e->resource_type);
		if (rt)
			rt->values += e->values;
	}
	PQclear(res);
	return 0;
}

/* Whether the arrays arrived in strcmp order (they do with COLLATE "C"). */
static int sorted(const struct dm_catalog *c)
{
	for (size_t i = 1; i < c->n_products; i++)
		if (strcmp(c->products[i - 1]->name, c->products[i]->name) >= 0)
			return 0;
	for (size_t i = 1; i < c->n_blocks; i++)
		if (strcmp(c->blocks[i - 1]->name, c->blocks[i]->name) >= 0)
			return 0;
	for (size_t i = 1; i < c->n_resource_types; i++)
		if (strcmp(c->resource_types[i - 1]->name, c->resource_types[i]->name) >= 0)
			return 0;
	return 1;
}

int dbcat_read(PGconn *conn, struct dm_catalog **out, struct cat_extra **extra,
	       int *n_queries, struct wfo_error *err)
{
	return dbcat_read_opt(conn, true, out, extra, n_queries, err);
}

int dbcat_read_opt(PGconn *conn, bool values, struct dm_catalog **out, struct cat_extra **extra,
		   int *n_queries, struct wfo_error *err)
{
	struct reader r = { conn, 0, err };
	*out = NULL;
	if (extra)
		*extra = NULL;
	if (!conn || PQstatus(conn) != CONNECTION_OK) {
		int ret = wfo_fail(err, WFO_DB, "reading the catalogue: not connected to the database%s%s",
				   conn ? ": " : "", conn ? PQerrorMessage(conn) : "");
		if (n_queries)
			*n_queries = 0;
		return ret;
	}
	int own_tx = PQtransactionStatus(conn) == PQTRANS_IDLE;
	if (own_tx) {
		/* No JIT in our own transaction (PostgreSQL >= 11): the count
		 * queries over the instance tables cost enough to be compiled
		 * (jit_above_cost), and compiling them, every time, costs more
		 * than it saves (tests/bench/catalogue: 1.75 s -> 1.23 s for the
		 * value counts of 1,000,000 values). Same statement, no extra
		 * round trip. */
		PGresult *res = run(&r, PQserverVersion(conn) >= 110000
				    ? "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY; SET LOCAL jit = off"
				    : "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY",
				    "the catalogue (starting a read-only transaction)");
		if (!res)
			goto fail_notx;
		PQclear(res);
	}
	if (check_tables(&r) < 0)
		goto fail;
	struct dm_catalog *c = dm_catalog_new();
	struct cat_extra *x = xcalloc(1, sizeof(*x));
	if (read_all(&r, c, x, values) < 0) {
		dm_catalog_free(c);
		cat_extra_free(x);
		goto fail;
	}
	if (own_tx) {
		PGresult *res = run(&r, "COMMIT", "the catalogue (ending the read-only transaction)");
		if (!res) {
			dm_catalog_free(c);
			cat_extra_free(x);
			goto fail_notx;
		}
		PQclear(res);
	}
	if (!sorted(c)) {
		/* A database whose names repeat under a case-insensitive or
		 * otherwise unusual unique index; keep the promise anyway (the
		 * extras then no longer line up and are dropped). */
		cat_extra_free(x);
		x = NULL;
	}
	cat_sort(c);
	*out = c;
	if (extra)
		*extra = x;
	else
		cat_extra_free(x);
	if (n_queries)
		*n_queries = r.queries;
	return 0;
fail:
	if (own_tx)
		PQclear(PQexec(conn, "ROLLBACK"));
fail_notx:
	if (n_queries)
		*n_queries = r.queries;
	return -1;
}
