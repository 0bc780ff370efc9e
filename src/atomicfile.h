/* atomicfile.h - create a new file atomically, never overwriting one.
 *
 * The data goes to a temporary file in the same folder (O_CREAT|O_EXCL,
 * mode 0644 less the umask), is fsync'ed, then link()ed to the final name,
 * which fails if that name exists; the temporary is always removed, also on
 * error, and the folder is fsync'ed. Readers see either no file or the
 * complete one. */
#ifndef WFO_ATOMICFILE_H
#define WFO_ATOMICFILE_H

#include <stddef.h>

#include "wfo_error.h"

/* Returns 0, or -1 with err naming the path and the system's reason
 * (WFO_IO; "already exists" when path exists). */
int atomic_create(const char *path, const char *data, size_t len, struct wfo_error *err);

#endif
