/* wfo_error.c - the status table and error helpers. */
#include "config.h"
#include "wfo_error.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static const struct {
	int code;
	const char *text;
} status_info[] = {
#define X(name, code, text) { code, text },
	WFO_STATUS_TABLE(X)
#undef X
};

int wfo_fail(struct wfo_error *e, enum wfo_status st, const char *fmt, ...)
{
	if (!e)
		return -1;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(e->msg, sizeof(e->msg), fmt, ap);
	va_end(ap);
	e->status = st;
	return -1;
}

void wfo_error_prefix(struct wfo_error *e, const char *fmt, ...)
{
	if (!e)
		return;
	char prefix[1024], old[sizeof(e->msg)];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(prefix, sizeof(prefix), fmt, ap);
	va_end(ap);
	memcpy(old, e->msg, sizeof(old));
	/* Truncation is acceptable here: the message is for people. */
	size_t n = strlen(prefix);
	if (n >= sizeof(e->msg))
		n = sizeof(e->msg) - 1;
	memcpy(e->msg, prefix, n);
	size_t rest = strnlen(old, sizeof(old));
	if (rest > sizeof(e->msg) - 1 - n)
		rest = sizeof(e->msg) - 1 - n;
	memcpy(e->msg + n, old, rest);
	e->msg[n + rest] = '\0';
}

void wfo_error_clear(struct wfo_error *e)
{
	if (e) {
		e->status = WFO_OK;
		e->msg[0] = '\0';
	}
}

const char *wfo_status_text(enum wfo_status st)
{
	return status_info[st].text;
}

int wfo_exit_code(enum wfo_status st)
{
	return status_info[st].code;
}
