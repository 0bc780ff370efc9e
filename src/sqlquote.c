/* sqlquote.c - SQL string literals. */
#include "config.h"
#include "sqlquote.h"

#include <string.h>

void sql_quote(struct strbuf *out, const char *s)
{
	sb_addc(out, '\'');
	for (const char *p = s; *p; ) {
		const char *q = strchr(p, '\'');
		if (!q) {
			sb_add(out, p);
			break;
		}
		sb_addn(out, p, (size_t)(q - p) + 1);
		sb_addc(out, '\'');
		p = q + 1;
	}
	sb_addc(out, '\'');
}

char *sql_quoted(const char *s)
{
	struct strbuf sb = STRBUF_INIT;
	sql_quote(&sb, s);
	return sb_detach(&sb);
}
