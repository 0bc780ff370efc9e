/* fuzz_check.c - the fuzz targets' own assertion (NDEBUG-proof). */
#include "config.h"
#include "fuzz.h"

#include <stdio.h>
#include <stdlib.h>

void fuzz_check(int ok, const char *what, const char *file, int line)
{
	if (ok)
		return;
	fprintf(stderr, "%s:%d: fuzz check failed: %s\n", file, line, what);
	abort();
}
