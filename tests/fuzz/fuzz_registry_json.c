/* fuzz_registry_json.c - fuzz target: the JSON model loader
 * (src/registry_json.c into the registry checks of src/models.c), as
 * models_load runs it on one .json file. */
#include "config.h"
#include "fuzz.h"

#include "fuzz_registry.h"

const char fuzz_target_name[] = "registry_json";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_registry(data, size, 1);
	return 0;
}
