/* test_registry.c - the model loaders: JSON and YAML registries, generator
 * product YAML, folders, and every error message with its position. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <cmocka.h>

#include "catalog.h"
#include "models.h"

static char tmpdir[] = "/tmp/wfo-test-registry.XXXXXX";

static char *fixture(const char *rel)
{
	const char *top = getenv("WFO_TOP_SRCDIR");
	return xasprintf("%s/tests/unit/models/%s", top ? top : ".", rel);
}

/* Writes text to tmpdir/name (creating one sub folder level) and returns the path. */
static char *write_tmp(const char *name, const char *text)
{
	char *path = xasprintf("%s/%s", tmpdir, name);
	char *slash = strrchr(path, '/');
	*slash = '\0';
	mkdir(path, 0700);
	*slash = '/';
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
	return path;
}

static struct dm_catalog *load_ok(const char *path)
{
	struct dm_catalog *c = NULL;
	struct wfo_error err = { 0 };
	int rc = models_load(path, &c, &err);
	if (rc != 0)
		fprintf(stderr, "unexpected error: %s\n", err.msg);
	assert_int_equal(rc, 0);
	assert_non_null(c);
	return c;
}

/* Loads path expecting failure; the message must contain every fragment. */
static void load_fails(const char *path, enum wfo_status st, ...)
{
	struct dm_catalog *c = NULL;
	struct wfo_error err = { 0 };
	assert_int_equal(models_load(path, &c, &err), -1);
	assert_null(c);
	assert_int_equal(err.status, st);
	va_list ap;
	va_start(ap, st);
	for (const char *frag; (frag = va_arg(ap, const char *));) {
		if (!strstr(err.msg, frag))
			fprintf(stderr, "message \"%s\"\n  lacks \"%s\"\n", err.msg, frag);
		assert_non_null(strstr(err.msg, frag));
	}
	va_end(ap);
}
#define FAILS(path, st, ...) load_fails(path, st, __VA_ARGS__, (const char *)NULL)

static const char *fi_value(const struct dm_product *p, const char *name)
{
	const struct dm_fixed_input *f = dm_find_fixed_input(p, name);
	assert_non_null(f);
	return f->value;
}

static void assert_sv(const struct strvec *v, const char *const *want)
{
	size_t n = 0;
	while (want[n])
		n++;
	if (v->n != n)
		fprintf(stderr, "got %zu names, want %zu\n", v->n, n);
	assert_int_equal(v->n, n);
	for (size_t i = 0; i < n; i++)
		assert_string_equal(v->v[i], want[i]);
}
#define SV(v, ...) assert_sv(v, (const char *const[]){ __VA_ARGS__, NULL })

static void check_user_registry(const struct dm_catalog *c)
{
	assert_int_equal(c->n_products, 2);
	assert_string_equal(c->products[0]->name, "User Group");  /* sorted */
	assert_string_equal(c->products[1]->name, "User internal");
	const struct dm_product *p = cat_find_product(c, "User internal");
	assert_non_null(p);
	assert_string_equal(p->product_type, "User");
	assert_string_equal(p->tag, "USER_INT");
	assert_string_equal(p->description, "user administration - internal");
	assert_string_equal(fi_value(p, "affiliation"), "internal");
	SV(&p->blocks, "UserBlock");
	const struct dm_product *g = cat_find_product(c, "User Group");
	assert_null(g->tag);
	assert_null(g->description);
	assert_int_equal(g->n_fixed_inputs, 0);
	assert_int_equal(c->n_blocks, 2);
	const struct dm_block *b = cat_find_block(c, "UserBlock");
	assert_non_null(b);
	SV(&b->resource_types, "age", "user_id", "username");
	assert_int_equal(b->n_children, 1);
	assert_string_equal(b->children[0].name, "UserGroupBlock");
	assert_string_equal(b->tag, "UB");
	assert_int_equal(c->n_resource_types, 5);
	const char *want[] = { "age", "group_id", "group_name", "user_id", "username" };
	for (size_t i = 0; i < 5; i++)
		assert_string_equal(c->resource_types[i]->name, want[i]);
	assert_string_equal(cat_find_resource_type(c, "age")->description,
			    "age of the user \xc3\xa9");
	assert_null(cat_find_resource_type(c, "username")->description);
	assert_null(cat_find_block(c, "Nope"));
}

static void json_registry(void **state)
{
	(void)state;
	char *path = fixture("ok_json/registry.json");
	struct dm_catalog *c = load_ok(path);
	check_user_registry(c);
	dm_catalog_free(c);
	free(path);
}

static void yaml_registry_same_as_json(void **state)
{
	(void)state;
	char *pj = fixture("ok_json/registry.json"), *py = fixture("ok_json/registry.yaml");
	struct dm_catalog *cj = load_ok(pj), *cy = load_ok(py);
	check_user_registry(cy);
	struct strbuf a = STRBUF_INIT, b = STRBUF_INIT;
	cat_render_json(cj, NULL, &a);
	cat_render_json(cy, NULL, &b);
	assert_string_equal(sb_str(&a), sb_str(&b));
	sb_free(&a);
	sb_free(&b);
	dm_catalog_free(cj);
	dm_catalog_free(cy);
	free(pj);
	free(py);
}

static const struct dm_child *child(const struct dm_block *b, const char *name)
{
	for (size_t i = 0; i < b->n_children; i++)
		if (strcmp(b->children[i].name, name) == 0)
			return &b->children[i];
	return NULL;
}

static void generator_variants_block_name_and_cross_file_blocks(void **state)
{
	(void)state;
	char *path = fixture("ok_gen");
	struct dm_catalog *c = load_ok(path);
	/* node: 2 vendors x 3 port counts (first list varies slowest) + Site */
	const char *names[] = { "Site", "node Cisco 10", "node Cisco 20", "node Cisco 40",
				"node Nokia 10", "node Nokia 20", "node Nokia 40" };
	assert_int_equal(c->n_products, 7);
	for (size_t i = 0; i < 7; i++)
		assert_string_equal(c->products[i]->name, names[i]);
	const struct dm_product *p = cat_find_product(c, "node Nokia 20");
	assert_string_equal(p->product_type, "Node");
	assert_string_equal(p->tag, "NODE");
	assert_string_equal(p->description, "Network node");
	assert_int_equal(p->n_fixed_inputs, 3);
	assert_string_equal(fi_value(p, "node_vendor"), "Nokia");
	assert_string_equal(fi_value(p, "node_ports"), "20");
	assert_null(fi_value(p, "node_rack_mountable"));  /* no values: no prefill */
	SV(&p->blocks, "NodeBlock");                       /* the root, by block_name */
	const struct dm_block *nb = cat_find_block(c, "NodeBlock");
	assert_non_null(nb);
	assert_string_equal(nb->tag, "NODE");
	assert_string_equal(nb->description, "node product block");
	SV(&nb->resource_types, "node_name");
	assert_int_equal(nb->n_children, 2);
	/* list of a block type, and a block type defined in another file */
	assert_string_equal(child(nb, "Port")->attr, "ports");
	assert_string_equal(child(nb, "SiteBlock")->attr, "site");
	const struct dm_block *port = cat_find_block(c, "Port");  /* no block_name: type */
	assert_non_null(port);
	SV(&port->resource_types, "port_mode");
	assert_null(cat_find_block(c, "Node"));
	SV(&cat_find_product(c, "Site")->blocks, "SiteBlock");
	assert_string_equal(cat_find_resource_type(c, "site_name")->description, "name of the site");
	assert_string_equal(cat_find_resource_type(c, "node_name")->description,
			    "Unique name of the node");
	assert_null(cat_find_resource_type(c, "ports"));
	dm_catalog_free(c);
	free(path);
}

static void generator_workshop_users(void **state)
{
	(void)state;
	char *path = fixture("workshop");
	struct dm_catalog *c = load_ok(path);
	assert_int_equal(c->n_products, 3);
	assert_string_equal(c->products[0]->name, "User Group");
	assert_string_equal(c->products[1]->name, "User external");
	assert_string_equal(c->products[2]->name, "User internal");
	assert_string_equal(fi_value(c->products[1], "affiliation"), "external");
	SV(&c->products[2]->blocks, "UserBlock");
	const struct dm_block *u = cat_find_block(c, "UserBlock");
	SV(&u->resource_types, "age", "user_id", "username");
	assert_int_equal(u->n_children, 1);
	assert_string_equal(u->children[0].name, "UserGroupBlock");
	assert_string_equal(u->children[0].attr, "group");
	SV(&cat_find_block(c, "UserGroupBlock")->resource_types, "group_id", "group_name");
	dm_catalog_free(c);
	free(path);
}

static void generator_single_file_without_enums(void **state)
{
	(void)state;
	char *p = write_tmp("plain.yaml",
			    "name: Circuit\ntype: Circuit\nfixed_inputs:\n  - name: speed\n    type: str\n"
			    "product_blocks:\n  - name: ckt\n    type: Circuit\n    fields:\n"
			    "      - name: members\n        type: list\n        list_type: Layer3Interface\n");
	struct dm_catalog *c = load_ok(p);
	assert_int_equal(c->n_products, 1);
	assert_string_equal(c->products[0]->name, "Circuit");
	assert_null(fi_value(c->products[0], "speed"));
	/* a list of an unknown type is a resource type named by the field */
	SV(&cat_find_block(c, "Circuit")->resource_types, "members");
	dm_catalog_free(c);
	free(p);
}

/* ---- errors ---- */

static void json_syntax_error_has_line_and_column(void **state)
{
	(void)state;
	char *p = write_tmp("bad.json", "{\n  \"products\": {\n    \"A\": {,}\n  }\n}\n");
	FAILS(p, WFO_INPUT, "bad.json:3:11: invalid JSON");
	free(p);
	p = write_tmp("dupkey.json", "{\"products\": {}, \"products\": {}}");
	FAILS(p, WFO_INPUT, "dupkey.json:1:", "duplicate");
	free(p);
}

static void json_unknown_key(void **state)
{
	(void)state;
	char *p = write_tmp("unknown.json",
			    "{\n \"products\": {\n  \"User\": {\n   \"product_type\": \"U\",\n"
			    "   \"product_blokcs\": []\n  }\n }\n}\n");
	FAILS(p, WFO_INPUT, "unknown.json:5:4: products.User: unknown key \"product_blokcs\"",
	      "expected one of: product_type, fixed_inputs, product_blocks");
	free(p);
	p = write_tmp("top.json", "{\"product\": {}}");
	FAILS(p, WFO_INPUT, "top.json:1:2: top level: unknown key \"product\"");
	free(p);
}

static void json_undefined_block(void **state)
{
	(void)state;
	char *p = write_tmp("undef.json",
			    "{\"products\": {\"My product\": {\"product_type\": \"P\",\n"
			    "   \"product_blocks\": [\"A\", \"Missing\"]}},\n"
			    " \"product_blocks\": {\"A\": {\"product_blocks\": [\"AlsoMissing\"]}}}\n");
	FAILS(p, WFO_INPUT, "undef.json:2:28: products.\"My product\".product_blocks[1]: "
	      "product block \"Missing\" is not defined");
	free(p);
}

static void json_type_errors(void **state)
{
	(void)state;
	char *p = write_tmp("type.json", "{\"products\": {\"P\": {\"product_type\": [1]}}}");
	FAILS(p, WFO_INPUT, "type.json:1:37: products.P.product_type: expected a string, found a list");
	free(p);
	p = write_tmp("noptype.json", "{\"products\": {\"P\": {\"tag\": \"T\"}}}");
	FAILS(p, WFO_INPUT, "noptype.json:1:20: products.P: \"product_type\" is required");
	free(p);
	p = write_tmp("arr.json", "[1, 2]");
	FAILS(p, WFO_INPUT, "arr.json:1:1: expected an object");
	free(p);
	p = write_tmp("unused.json",
		      "{\"product_blocks\": {\"B\": {\"resource_types\": [\"x\"]}},\n"
		      " \"resource_types\": {\"y\": {\"description\": \"typo\"}}}");
	FAILS(p, WFO_INPUT, "unused.json:2:21: resource_types.y: resource type \"y\" is described but");
	free(p);
}

static void folder_duplicate_names_both_files(void **state)
{
	(void)state;
	char *p = fixture("dup");
	FAILS(p, WFO_INPUT, "dup/b.yaml:3:3: product block \"B\" is defined twice",
	      "dup/a.json:1:");
	free(p);
	char *a = write_tmp("dupprod/one.yaml", "name: X\ntype: X\nproduct_blocks:\n  - type: XB\n");
	char *b = write_tmp("dupprod/two.json", "{\"products\": {\"X\": {\"product_type\": \"X\"}}}");
	char *d = xasprintf("%s/dupprod", tmpdir);
	FAILS(d, WFO_INPUT, "two.json:1:15: product \"X\" is defined twice", "one.yaml:1:1");
	free(a);
	free(b);
	free(d);
}

static void yaml_syntax_error_has_line_and_column(void **state)
{
	(void)state;
	char *p = write_tmp("bad.yaml", "products:\n  A:\n    product_type: [x\n  B: {}\n");
	FAILS(p, WFO_INPUT, "bad.yaml:4:", "invalid YAML");
	free(p);
	p = write_tmp("tab.yaml", "name: x\n\ttype: y\n");
	FAILS(p, WFO_INPUT, "tab.yaml:2:1: invalid YAML");
	free(p);
	p = write_tmp("dupkey.yaml", "products: {}\nproducts: {}\n");
	FAILS(p, WFO_INPUT, "dupkey.yaml:2:1: key \"products\" repeated (first at line 1)");
	free(p);
	p = write_tmp("twodocs.yaml", "products: {}\n---\nproducts: {}\n");
	FAILS(p, WFO_INPUT, "twodocs.yaml:3:1: a second YAML document");
	free(p);
}


static double now_s(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* text as a YAML file must fail with every fragment in the message, at once. */
static void yaml_fails_fast(const char *name, const char *text, const char *frag1,
			    const char *frag2)
{
	char *p = write_tmp(name, text);
	double t0 = now_s();
	FAILS(p, WFO_INPUT, frag1, frag2);
	double dt = now_s() - t0;
	if (dt >= 1.0)
		fprintf(stderr, "%s: %.2f s\n", name, dt);
	assert_true(dt < 1.0);
	unlink(p);
	free(p);
}

static char *repeat(const char *head, const char *unit, size_t n, const char *tail)
{
	struct strbuf sb = STRBUF_INIT;
	sb_add(&sb, head);
	for (size_t i = 0; i < n; i++)
		sb_add(&sb, unit);
	sb_add(&sb, tail);
	return sb_detach(&sb);
}

/* Alias bombs, recursive aliases, deep nesting and huge files end in a
 * clear error within a second instead of exhausting memory or time. */
static void yaml_limits(void **state)
{
	(void)state;
	yaml_fails_fast("self.yaml", "a: &a [*a, *a]\n", "self.yaml:1:8: alias *a is inside the node",
			"recursive");
	yaml_fails_fast("undefined.yaml", "a: [*nope]\n", "undefined.yaml:1:5:", "alias *nope");
	/* the 342-byte "billion laughs": 10^9 strings once expanded */
	struct strbuf lol = STRBUF_INIT;
	sb_add(&lol, "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
	for (char c = 'b'; c <= 'i'; c++)
		sb_addf(&lol, "%c: &%c [*%c,*%c,*%c,*%c,*%c,*%c,*%c,*%c,*%c]\n", c, c, c - 1, c - 1,
			c - 1, c - 1, c - 1, c - 1, c - 1, c - 1, c - 1);
	assert_true(lol.len < 400);
	yaml_fails_fast("laughs.yaml", sb_str(&lol), "laughs.yaml:", "aliases expand to more than 100000 nodes");
	sb_free(&lol);
	char *deep = repeat("", "[", 100000, "");
	yaml_fails_fast("deep.yaml", deep, "deep.yaml:1:101: nested more than 100 levels", "limit");
	free(deep);
	deep = repeat("", "[", 1000000, "");
	yaml_fails_fast("deeper.yaml", deep, "deeper.yaml:1:101: nested more than 100", "limit");
	free(deep);
	deep = repeat("", "- ", 200, "x\n");
	yaml_fails_fast("block.yaml", deep, "block.yaml:1:201: nested more than 100", "limit");
	free(deep);
	/* a file over the size limit, JSON or YAML */
	char *big = repeat("# ", "x", MODELS_MAX_BYTES, "\n");
	yaml_fails_fast("big.yaml", big, "big.yaml: 16777219 bytes; a model file may have at most 16777216",
			"at most");
	yaml_fails_fast("big.json", big, "big.json: 16777219 bytes", "at most");
	free(big);
	struct rnode *t = NULL;
	struct wfo_error err = { 0 };
	assert_int_equal(registry_yaml_parse("m.yaml", "x", (size_t)MODELS_MAX_BYTES + 1, &t, &err), -1);
	assert_int_equal(err.status, WFO_INPUT);
	assert_int_equal(registry_json_parse("m.json", "{}", (size_t)MODELS_MAX_BYTES + 1, &t, &err), -1);
	assert_null(t);
}

/* Anchors and aliases within the limits still work: the alias is a copy of
 * the anchored node with its positions; a scalar alias can be a key. */
static void yaml_aliases_within_limits(void **state)
{
	(void)state;
	const char *y = "base: &b {tag: T, n: 1}\nk: &k name\nuse: *b\nlist: [*b, *b]\n*k : v\n"
			"deep: &d [[[[1]]]]\nmore: [*d, *d]\n";
	struct rnode *t = NULL;
	struct wfo_error err = { 0 };
	int rc = registry_yaml_parse("a.yaml", y, strlen(y), &t, &err);
	if (rc)
		fprintf(stderr, "%s\n", err.msg);
	assert_int_equal(rc, 0);
	const struct rnode *use = rnode_get(t, "use");
	assert_non_null(use);
	assert_int_equal(use->kind, R_MAP);
	assert_int_equal(use->line, 1);
	assert_string_equal(rnode_get(use, "tag")->text, "T");
	const struct rnode *list = rnode_get(t, "list");
	assert_int_equal(list->n, 2);
	assert_string_equal(rnode_get(list->items[1], "n")->text, "1");
	const struct rnode *v = rnode_get(t, "name");
	assert_non_null(v);
	assert_string_equal(v->text, "v");
	assert_int_equal(rnode_get(t, "more")->n, 2);
	rnode_free(t);
	/* exactly at the depth limit is fine */
	char *ok = repeat("", "[", 100, "");
	char *full = repeat(ok, "]", 100, "\n");
	rc = registry_yaml_parse("d.yaml", full, strlen(full), &t, &err);
	assert_int_equal(rc, 0);
	rnode_free(t);
	free(ok);
	free(full);
}

static void generator_errors(void **state)
{
	(void)state;
	char *p = write_tmp("g1.yaml", "name: N\ntype: T\nproduct_blocks:\n  - type: B\n    fields:\n"
			    "      - name: f\n        type: str\n        requird: active\n");
	FAILS(p, WFO_INPUT, "g1.yaml:8:9: product_blocks[0].fields[0]: unknown key \"requird\"");
	free(p);
	p = write_tmp("g2.yaml", "name: N\ntype: T\nproduct_blocks:\n  - type: A\n  - type: B\n");
	FAILS(p, WFO_INPUT, "g2.yaml:4:3: product_blocks: there should be exactly 1 root product block",
	      "several: A, B");
	free(p);
	p = write_tmp("g3.yaml", "name: N\ntype: T\nproduct_blocks:\n  - type: A\n    fields:\n"
		      "      - {name: b, type: B}\n  - type: B\n    fields:\n      - {name: a, type: A}\n");
	FAILS(p, WFO_INPUT, "g3.yaml:4:3:", "found none");
	free(p);
	p = write_tmp("g4.yaml", "name: N\nproduct_blocks:\n  - type: A\n");
	FAILS(p, WFO_INPUT, "g4.yaml:1:1: top level: \"type\" is required");
	free(p);
	p = write_tmp("g5.yaml", "name: N\ntype: T\nproduct_blocks:\n  - type: A\n    fields:\n"
		      "      - {name: x, type: int}\n      - {name: x, type: str}\n");
	FAILS(p, WFO_INPUT, "g5.yaml:7:9:", "field \"x\" of block \"A\" is defined twice");
	free(p);
	p = write_tmp("g6.yaml", "name: N\ntype: T\nfixed_inputs:\n  - name: e\n    values: []\n"
		      "product_blocks:\n  - type: A\n");
	FAILS(p, WFO_INPUT, "g6.yaml:5:13: fixed_inputs[0].values: an enum needs at least one value");
	free(p);
	p = write_tmp("g7.yaml", "name: N\ntype: T\nproduct_blocks: {}\n");
	FAILS(p, WFO_INPUT, "g7.yaml:3:17: product_blocks: expected a list, found a mapping");
	free(p);
}

static void missing_path_and_empty_folder(void **state)
{
	(void)state;
	char *p = xasprintf("%s/nothing-here", tmpdir);
	FAILS(p, WFO_IO, "nothing-here: cannot open the models");
	free(p);
	p = xasprintf("%s/empty", tmpdir);
	mkdir(p, 0700);
	FAILS(p, WFO_INPUT, "empty: the models folder has no .json, .yaml or .yml file");
	free(p);
}

static void hostile_names_survive(void **state)
{
	(void)state;
	char *p = write_tmp("hostile.json",
			    "{\"products\": {\"it's \\\"q\\\" \\\\ %s\\n\\u00fc\\ud83d\\ude00\": "
			    "{\"product_type\": \"T\", \"fixed_inputs\": {\"n\": 10}}}}");
	struct dm_catalog *c = load_ok(p);
	assert_int_equal(c->n_products, 1);
	assert_string_equal(c->products[0]->name, "it's \"q\" \\ %s\n\xc3\xbc\xf0\x9f\x98\x80");
	assert_string_equal(fi_value(c->products[0], "n"), "10");
	dm_catalog_free(c);
	free(p);
}

static void catalog_sort_and_find(void **state)
{
	(void)state;
	struct dm_catalog *c = dm_catalog_new();
	char name[32];
	for (int i = 19999; i >= 0; i--) {
		snprintf(name, sizeof(name), "rt_%05d", i);
		cat_push_resource_type(c, name, NULL);
	}
	struct dm_block *b = cat_push_block(c, "B", "d", NULL);
	sv_push(&b->resource_types, "z");
	sv_push(&b->resource_types, "a");
	sv_push(&b->resource_types, "z");
	cat_push_child(b, "C", "y");
	cat_push_child(b, "C", NULL);
	cat_push_child(b, "A", "x");
	cat_sort(c);
	assert_string_equal(c->resource_types[0]->name, "rt_00000");
	assert_non_null(cat_find_resource_type(c, "rt_12345"));
	assert_null(cat_find_resource_type(c, "rt_20000"));
	SV(&b->resource_types, "a", "z");
	assert_string_equal(b->children[0].name, "A");
	assert_null(b->children[1].attr);
	assert_string_equal(b->children[2].attr, "y");
	dm_catalog_free(c);
}

static int setup(void **state)
{
	(void)state;
	return mkdtemp(tmpdir) ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	char *cmd = xasprintf("rm -rf '%s'", tmpdir);
	int rc = system(cmd);
	free(cmd);
	return rc == 0 ? 0 : -1;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(json_registry),
		cmocka_unit_test(yaml_registry_same_as_json),
		cmocka_unit_test(generator_variants_block_name_and_cross_file_blocks),
		cmocka_unit_test(generator_workshop_users),
		cmocka_unit_test(generator_single_file_without_enums),
		cmocka_unit_test(json_syntax_error_has_line_and_column),
		cmocka_unit_test(json_unknown_key),
		cmocka_unit_test(json_undefined_block),
		cmocka_unit_test(json_type_errors),
		cmocka_unit_test(folder_duplicate_names_both_files),
		cmocka_unit_test(yaml_syntax_error_has_line_and_column),
		cmocka_unit_test(generator_errors),
		cmocka_unit_test(missing_path_and_empty_folder),
		cmocka_unit_test(hostile_names_survive),
		cmocka_unit_test(catalog_sort_and_find),
		cmocka_unit_test(yaml_limits),
		cmocka_unit_test(yaml_aliases_within_limits),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
