/* shellquote.c - see shellquote.h. */
#include "config.h"
#include "shellquote.h"

#include <stdbool.h>
#include <string.h>

static int safe(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       (c && strchr("_-./:@%+=,", c));
}

void shell_quote(struct strbuf *out, const char *s)
{
	bool plain = *s != 0;
	for (const char *p = s; *p && plain; p++)
		plain = safe((unsigned char)*p);
	if (plain) {
		sb_add(out, s);
		return;
	}
	sb_addc(out, '\'');
	for (const char *p = s; *p; p++) {
		if (*p == '\'')
			sb_add(out, "'\\''");
		else
			sb_addc(out, *p);
	}
	sb_addc(out, '\'');
}
