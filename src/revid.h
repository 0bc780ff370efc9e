/* revid.h - new revision ids, message slugs, file names and Create Date
 * texts, as Alembic (with orchestrator-core's alembic.ini) makes them.
 *
 * Ownership: functions returning char * return heap strings the caller
 * frees with free(). */
#ifndef WFO_REVID_H
#define WFO_REVID_H

#include <time.h>

#include "util.h"
#include "wfo_error.h"

/* A new revision id: 12 lower-case hex digits from /dev/urandom, different
 * from every id in taken and neither a prefix of one nor prefixed by one
 * (so prefixes keep resolving). taken may be NULL. Writes 13 bytes to out.
 * Returns 0, or -1 with err set when /dev/urandom cannot be read. */
int revid_new(char out[13], const struct strvec *taken, struct wfo_error *err);

/* Revision ids and branch labels wfo-migrate reads and writes: ASCII
 * letters, digits and '_', 1 to 255 characters (Alembic's own ids are 12
 * hex digits; Alembic refuses '@', '-' and '+', and this stricter rule keeps
 * every id safe to write into a Python file). Returns -1 when s is such an
 * id, else the offset of the first byte that is not allowed (0 for an empty
 * or too long string). */
#define REVID_MAX 255
long revid_invalid(const char *s);

/* Alembic's slug of a message: runs of word characters (ASCII letters,
 * digits, '_' and every byte of a UTF-8 sequence) joined with '_', ASCII
 * lower-cased; longer than 40 characters (code points): cut at 40, drop
 * what follows the last '_' and append '_'. NULL gives "". */
char *revid_slug(const char *message);

/* "YYYY-MM-DD_<id>_<slug>.py" with the local date of when. */
char *revid_filename(const char *id, const char *message, time_t when);

/* Python's str(datetime) of the local time: "2023-10-03 22:25:10.190209",
 * without ".ffffff" when the microseconds are 0. Writes at most 32 bytes. */
void revid_date_text(const struct timespec *when, char out[32]);

#endif
