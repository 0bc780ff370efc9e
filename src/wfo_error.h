/* wfo_error.h - status codes with their messages and exit codes (one
 * table), and the error value that carries the details (file:line,
 * object, key) up to the driver that shows it.
 *
 * Functions below main.c never print errors or exit: they fill a
 * struct wfo_error owned by the caller and return -1. */
#ifndef WFO_ERROR_H
#define WFO_ERROR_H

/* X(name, exit code, text) */
#define WFO_STATUS_TABLE(X) \
	X(WFO_OK,        0, "success") \
	X(WFO_DIFFERS,   1, "differences found") \
	X(WFO_USAGE,     2, "usage error") \
	X(WFO_UNANSWERED, 2, "questions left unanswered") \
	X(WFO_INPUT,     3, "invalid input") \
	X(WFO_GRAPH,     3, "invalid revision graph") \
	X(WFO_DB,        4, "database error") \
	X(WFO_IO,        5, "file error") \
	X(WFO_PEER,      6, "alembic failed") \
	X(WFO_ABORTED,   7, "aborted by the user") \
	X(WFO_INTERNAL, 70, "internal error")

enum wfo_status {
#define X(name, code, text) name,
	WFO_STATUS_TABLE(X)
#undef X
};

struct wfo_error {
	enum wfo_status status;
	char msg[4096];  /* complete, user-facing sentence(s) */
};

/* Sets e (if non-NULL) and returns -1, so callers can write
 * `return wfo_fail(err, WFO_INPUT, "%s:%d: ...", file, line);` */
int wfo_fail(struct wfo_error *e, enum wfo_status st, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Prefixes an existing message with more context ("while X: "). */
void wfo_error_prefix(struct wfo_error *e, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void wfo_error_clear(struct wfo_error *e);
const char *wfo_status_text(enum wfo_status st);
int wfo_exit_code(enum wfo_status st);

#endif
