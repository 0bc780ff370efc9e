/* fuzz_pguri.c - fuzz target: the database URI parser (src/pguri.c), every
 * function on the same text: conninfo, SQLAlchemy form, both displays. A
 * display must never show the password of a "user:PASSWORD@" URI. */
#include "config.h"
#include "fuzz.h"

#include <stdlib.h>
#include <string.h>

#include "pguri.h"
#include "util.h"

const char fuzz_target_name[] = "pguri";

/* The password of "scheme://user:PASSWORD@rest" when the text shows it
 * nowhere else (so that finding it in a display means it leaked). */
static char *sole_password(const char *uri)
{
	const char *s = strstr(uri, "://");
	if (!s)
		return NULL;
	s += 3;
	size_t u = strcspn(s, ":/@?");
	const char *at = s[u] == ':' ? strchr(s + u + 1, '@') : NULL;
	if (!at || at == s + u + 1)
		return NULL;
	char *pass = xstrndup(s + u + 1, (size_t)(at - s - u - 1));
	char *before = xstrndup(uri, (size_t)(s + u + 1 - uri));
	int elsewhere = strstr(before, pass) || strstr(at + 1, pass) || strstr("***", pass);
	free(before);
	if (elsewhere) {
		free(pass);
		return NULL;
	}
	return pass;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *uri = xstrndup((const char *)data, size);
	char *conninfo = NULL;
	struct wfo_error err = { 0 };
	if (pguri_to_conninfo(uri, &conninfo, &err) == 0) {
		FUZZ_CHECK(conninfo != NULL);
	} else {
		FUZZ_CHECK(conninfo == NULL);
		FUZZ_CHECK(err.status == WFO_USAGE && err.msg[0] != '\0');
	}
	free(conninfo);
	char *sa = pguri_for_sqlalchemy(uri);
	char *shown = pguri_display(uri);
	char *sashown = pguri_sqlalchemy_display(uri);
	FUZZ_CHECK(sa && shown && sashown);
	char *pass = sole_password(uri);
	if (pass)
		FUZZ_CHECK(strstr(shown, pass) == NULL);
	free(pass);
	free(sa);
	free(shown);
	free(sashown);
	free(uri);
	return 0;
}
