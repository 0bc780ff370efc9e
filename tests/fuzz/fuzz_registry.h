/* fuzz_registry.h - one model file through the loader, shared by the JSON
 * and YAML fuzz targets. */
#ifndef WFO_FUZZ_REGISTRY_H
#define WFO_FUZZ_REGISTRY_H

#include <stddef.h>
#include <stdint.h>

/* json: 1 for registry_json_parse, 0 for registry_yaml_parse */
void fuzz_registry(const uint8_t *data, size_t size, int json);

#endif
