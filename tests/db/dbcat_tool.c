/* dbcat_tool.c - test helper: read the catalogue of $DATABASE_URI (libpq
 * form) and print the query count and the sizes, one "key=value" a line. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include <libpq-fe.h>

#include "dbcatalog.h"

int main(void)
{
	const char *uri = getenv("DATABASE_URI");
	PGconn *conn = PQconnectdb(uri ? uri : "");
	struct dm_catalog *c;
	struct cat_extra *x;
	struct wfo_error err = { 0 };
	int q = 0;
	if (dbcat_read(conn, &c, &x, &q, &err) < 0) {
		fprintf(stderr, "%s\n", err.msg);
		printf("queries=%d\n", q);
		PQfinish(conn);
		return 1;
	}
	long subs = 0, inst = 0, vals = 0;
	for (size_t i = 0; i < c->n_products; i++)
		subs += c->products[i]->subscriptions;
	for (size_t i = 0; i < c->n_blocks; i++)
		inst += c->blocks[i]->instances;
	for (size_t i = 0; i < c->n_resource_types; i++)
		vals += c->resource_types[i]->values;
	printf("queries=%d\nproducts=%zu\nblocks=%zu\nresource_types=%zu\n", q, c->n_products,
	       c->n_blocks, c->n_resource_types);
	printf("subscriptions=%ld\ninstances=%ld\nvalues=%ld\nblock_rt=%zu\n", subs, inst, vals,
	       x ? x->n_block_rt : 0);
	printf("in_transaction_after=%d\n", PQtransactionStatus(conn) != PQTRANS_IDLE);
	dm_catalog_free(c);
	cat_extra_free(x);
	PQfinish(conn);
	return 0;
}
