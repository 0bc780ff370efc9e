/* fuzz_revision.c - fuzz target: the revision parser (src/revision.c) on a
 * revision file's bytes, fully and headers only.
 *
 * The file is named FUZZ_REVDIR/1234_fuzz.py: that folder holds .sql files
 * (1234_fuzz.sql, up.sql, down.sql) so that revisions reading SQL from a
 * file beside them, Path(__file__).with_suffix('.sql') and the like, parse
 * through to the end. */
#include "config.h"
#include "fuzz.h"

#include <stdlib.h>

#include "revision.h"

const char fuzz_target_name[] = "revision";

#ifndef FUZZ_REVDIR
#define FUZZ_REVDIR "tests/fuzz/revdir"
#endif

static void parse(const uint8_t *data, size_t size, int flags)
{
	struct revision *r = NULL;
	struct wfo_error err = { 0 };
	int rc = rev_parse_buffer_flags(FUZZ_REVDIR "/1234_fuzz.py", (const char *)data, size,
					flags, &r, &err);
	if (rc == 0) {
		FUZZ_CHECK(r != NULL);
		FUZZ_CHECK(r->id != NULL);
		rev_free(r);
	} else {
		FUZZ_CHECK(rc == -1);
		FUZZ_CHECK(r == NULL);
		FUZZ_CHECK(err.status != WFO_OK && err.msg[0] != '\0');
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	parse(data, size, 0);
	parse(data, size, REV_PARSE_HEADERS);
	return 0;
}
