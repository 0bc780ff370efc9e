/* fuzz_registry.c - one model file through the loader the way models_load
 * takes it: parse into a tree, add it as a registry or a generator product
 * file, resolve and check, free everything. */
#include "config.h"
#include "fuzz_registry.h"

#include "catalog.h"
#include "diff.h"
#include "fuzz.h"
#include "models.h"

void fuzz_registry(const uint8_t *data, size_t size, int json)
{
	const char *file = json ? "fuzz.json" : "fuzz.yaml";
	struct wfo_error err = { 0 };
	struct rnode *doc = NULL;
	int rc = json ? registry_json_parse(file, (const char *)data, size, &doc, &err)
		      : registry_yaml_parse(file, (const char *)data, size, &doc, &err);
	if (rc < 0) {
		FUZZ_CHECK(rc == -1);
		rnode_free(doc);   /* models_load frees it whatever the result */
		FUZZ_CHECK(err.status != WFO_OK && err.msg[0] != '\0');
		return;
	}
	FUZZ_CHECK(doc != NULL);
	struct reg *r = reg_new();
	rc = reg_is_generator(doc) ? reg_add_generator(r, file, doc, &err)
				   : reg_add_registry(r, file, doc, &err);
	rnode_free(doc);
	struct dm_catalog *cat = NULL;
	if (rc == 0)
		rc = reg_finish(r, &cat, &err);
	if (rc == 0) {
		FUZZ_CHECK(cat != NULL);
		dm_catalog_free(cat);
	} else {
		FUZZ_CHECK(rc == -1 && cat == NULL);
		FUZZ_CHECK(err.status != WFO_OK && err.msg[0] != '\0');
	}
	reg_free(r);
}
