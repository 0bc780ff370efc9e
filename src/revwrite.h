/* revwrite.h - render an Alembic revision file (orchestrator-core's layout)
 * and write it into a version folder.
 *
 * SQL embedding (what the parser in revision.c must undo): every statement
 * is written as
 *
 *     conn.execute(sa.text("""\
 *     <statement>"""))
 *
 * i.e. a Python triple-quoted string that starts with a line continuation
 * and ends right after the statement, so the string's value is exactly the
 * statement. Inside it, Python escapes apply: '\' is written '\\', a '"'
 * that is followed by '"' or ends the statement is written '\"', CR is
 * '\r' and other control characters except TAB and LF are '\xHH'. Before
 * that, colons that sa.text() would take for bind parameters (or whose
 * preceding backslash it would remove) are escaped as '\:', which sa.text()
 * turns back into ':'. With SQLAlchemy 1.4 + psycopg2, '%' needs no
 * escaping (sa.text doubles it and psycopg2 undoes that). Every other value
 * (message, ids, labels, date; in the docstring or in '...' literals) goes
 * through the same escaping function, and ids and labels must be plain
 * (revid_invalid) or revwrite_check refuses them.
 *
 * Ownership: a struct revwrite only borrows; revwrite_render returns a heap
 * string the caller frees. */
#ifndef WFO_REVWRITE_H
#define WFO_REVWRITE_H

#include <stddef.h>
#include <time.h>

#include "util.h"
#include "wfo_error.h"

struct revwrite {
	const char *message;        /* NULL: "empty message" and an empty slug */
	const char *id;
	struct strvec down;         /* down_revision: none, one, or a merge */
	struct strvec labels;       /* branch_labels */
	struct strvec depends;      /* depends_on */
	const char *const *up;      /* upgrade statements */
	size_t nup;
	const char *const *down_sql; /* downgrade statements */
	size_t ndown;
	struct timespec created;    /* Create Date and the file name's date */
};

/* Checks what render cannot represent: message and statements must be
 * valid UTF-8, ids and labels must be non-empty. Returns 0 or -1 with err
 * saying which statement / field and at which byte. */
int revwrite_check(const struct revwrite *rw, struct wfo_error *err);

/* The file's text (call revwrite_check first). */
char *revwrite_render(const struct revwrite *rw);

/* "<SQL>" -> the text that goes between the quotes (exposed for tests). */
void revwrite_embed_sql(struct strbuf *out, const char *sql);

/* Writes dir/YYYY-MM-DD_<id>_<slug>.py atomically and never over an
 * existing file. *path_out (if path_out) gets the path, caller frees. */
int revwrite_file(const char *dir, const struct revwrite *rw, char **path_out,
		  struct wfo_error *err);

#endif
