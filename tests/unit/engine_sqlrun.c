/* engine_sqlrun.c - prints the upgrade or downgrade SQL (one statement per
 * line, ';'-terminated) of a fixed scenario on the tutorial catalogue, for
 * tests/engine/sql_apply.sh to run on a real PostgreSQL: a new child block
 * with a default value on existing instances, a resource type removed, a
 * fixed input added, a product replaced by another, hostile text. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine_fixture.h"

int main(int argc, char **argv)
{
	if (argc != 2 || (strcmp(argv[1], "up") != 0 && strcmp(argv[1], "down") != 0)) {
		fprintf(stderr, "usage: engine_sqlrun up|down\n");
		return 2;
	}
	struct dm_catalog *m = fx_seed_model(), *d = fx_seed_db(2, 2);
	struct dm_block *a = dm_add_block(m, "AddressBlock", NULL, NULL);
	dm_block_add_resource_type(a, "street");
	dm_add_resource_type(m, "street", NULL);
	dm_block_add_child(dm_find_block(m, "UserBlock"), "AddressBlock", "address");
	struct dm_block *g = dm_find_block(m, "UserGroupBlock");
	sv_free(&g->resource_types);
	dm_block_add_resource_type(g, "group_name");
	dm_product_add_fixed_input(dm_find_product(m, "User internal"), "zone", NULL);
	struct dm_product *e = dm_find_product(m, "User external");
	free(e->name);
	e->name = xstrdup("User Zxternal");
	static const char *const ans[] = {
		"inputs[\"User Zxternal\"][\"description\"]", "ext's \"\"\" 100% \\n :x \xc3\xa9",
		"inputs[\"User Zxternal\"][\"tag\"]", "UZ",
		"inputs[\"User Zxternal\"][\"affiliation\"]", "external",
		"inputs[\"User internal\"][\"zone\"]", "eu-west",
		"inputs[\"AddressBlock\"][\"description\"]", "addr",
		"inputs[\"AddressBlock\"][\"tag\"]", "AB",
		"inputs[\"street\"][\"description\"]", "street",
		"inputs[\"street\"][\"value\"]", "Main St. 1 'x'",
		NULL,
	};
	struct fx_run r;
	if (fx_run(&r, m, d, NULL, ans) < 0) {
		fprintf(stderr, "engine_sqlrun: the scenario did not produce SQL\n");
		return 1;
	}
	const struct strvec *v = strcmp(argv[1], "up") == 0 ? &r.up : &r.down;
	for (size_t i = 0; i < v->n; i++)
		printf("%s;\n", v->v[i]);
	fx_run_free(&r);
	return 0;
}
