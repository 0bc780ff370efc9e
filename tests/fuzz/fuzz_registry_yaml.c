/* fuzz_registry_yaml.c - fuzz target: the YAML model loader
 * (src/registry_yaml.c into the registry checks of src/models.c), as
 * models_load runs it on one .yaml file: registry or generator product. */
#include "config.h"
#include "fuzz.h"

#include "fuzz_registry.h"

const char fuzz_target_name[] = "registry_yaml";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_registry(data, size, 0);
	return 0;
}
