/* revision.h - one Alembic revision file, parsed without Python.
 *
 * Reads the module-level assignments Alembic uses (revision, down_revision,
 * branch_labels, depends_on: None, a string in single or double quotes, or a
 * tuple/list of strings), the docstring, and the bodies of upgrade() and
 * downgrade() when they consist only of SQL string literals executed with
 * conn.execute(sa.text("""...""")), op.execute("...") and their variants, or
 * SQL read from a .sql file beside the revision. A body that does anything
 * else is "not SQL-only": it can only be run by Alembic.
 *
 * A file Python could not import is an error (file:line): bad syntax as far
 * as a token-level check sees it (brackets, strings, indentation, stray
 * characters, two operands in a row), bytes not valid in the declared or
 * default (UTF-8) encoding, no down_revision. Ids and labels must be plain
 * (revid_invalid). A module that runs code besides imports, constants and
 * function definitions, or rebinds a name the bodies rely on (op, sa, text,
 * upgrade, ...), makes both bodies not SQL-only.
 *
 * Ownership: rev_parse_* return a revision the caller frees with rev_free(). */
#ifndef WFO_REVISION_H
#define WFO_REVISION_H

#include "util.h"
#include "wfo_error.h"

struct rev_stmt {
	char *sql;   /* the statement text exactly as the database gets it */
	int line;    /* 1-based line in the revision file where it starts */
};

struct rev_body {
	struct rev_stmt *v;
	size_t n;
	int sql_only;   /* 1: v is everything the function does */
	char *why_not;  /* when !sql_only: "line 31: calls create_workflow()" */
	int line;       /* line of "def upgrade" / "def downgrade" (0: absent) */
};

struct revision {
	char *id;
	struct strvec down;     /* down_revision; empty for a base */
	struct strvec labels;   /* branch_labels */
	struct strvec depends;  /* depends_on as written (id, prefix or label) */
	char *doc;              /* first paragraph of the docstring, stripped */
	char *docstring;        /* the whole docstring as written ("" if none) */
	char *path;             /* the file, as it was found */
	int id_line;            /* line of "revision = ..." */
	struct rev_body upgrade;
	struct rev_body downgrade;
	int down_line;          /* line of "down_revision = ..." (0: absent) */
	int labels_line;        /* line of "branch_labels = ..." */
	int depends_line;       /* line of "depends_on = ..." */
};

/* Both return 0, or -1 with err naming file:line and what was expected. */
int rev_parse_file(const char *path, struct revision **out, struct wfo_error *err);
/* text need not be NUL-terminated; path names the file in errors and locates
 * .sql files read by the revision. */
int rev_parse_buffer(const char *path, const char *text, size_t len,
		     struct revision **out, struct wfo_error *err);

/* REV_PARSE_HEADERS: only what heads, history and current need (the
 * assignments and the docstring); the bodies of upgrade() and downgrade()
 * are not analysed and read as not SQL-only (why_not says so, line set).
 * Errors in the file's syntax are reported all the same. */
#define REV_PARSE_HEADERS 1
int rev_parse_file_flags(const char *path, int flags, struct revision **out,
			 struct wfo_error *err);
int rev_parse_buffer_flags(const char *path, const char *text, size_t len, int flags,
			   struct revision **out, struct wfo_error *err);
void rev_free(struct revision *r);

#endif
