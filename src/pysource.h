/* pysource.h - the bytes of a Python source file as the UTF-8 text Python
 * reads from them: a UTF-8 BOM, or a coding declaration ("# -*- coding:
 * latin-1 -*-") in the first line or in the second after a blank or
 * comment-only first line, as Python honours them.
 *
 * Encodings known: UTF-8 (the default), ASCII, Latin-1 (ISO-8859-1),
 * ISO-8859-15 and Windows-1252, under the names and aliases Python accepts
 * for them. Any other declared encoding is refused, naming the line; so is
 * text that is not valid in its encoding (Python would not import it).
 *
 * Ownership: *out is a heap string (NUL-terminated, also when the text holds
 * no NUL) the caller frees. */
#ifndef WFO_PYSOURCE_H
#define WFO_PYSOURCE_H

#include <stddef.h>

#include "wfo_error.h"

/* Returns 0 with *out / *out_len, or -1 with err naming path:line. The BOM
 * is dropped; line breaks are left as they are. */
int pysource_to_utf8(const char *path, const char *text, size_t len, char **out,
		     size_t *out_len, struct wfo_error *err);

#endif
