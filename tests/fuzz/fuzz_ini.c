/* fuzz_ini.c - fuzz target: the alembic.ini reader (src/ini.c): parse the
 * bytes, then read back, with interpolation, every key the text seems to
 * set (in its section and in [alembic]) and the keys Alembic reads. */
#include "config.h"
#include "fuzz.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "ini.h"
#include "util.h"

const char fuzz_target_name[] = "ini";

static void get(const struct ini *ini, const char *section, const char *key)
{
	char *v = NULL;
	struct wfo_error err = { 0 };
	if (ini_get(ini, section, key, &v, &err) < 0) {
		FUZZ_CHECK(v == NULL);
		FUZZ_CHECK(err.status != WFO_OK && err.msg[0] != '\0');
	}
	free(v);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = xstrndup((const char *)data, size);
	struct ini *ini = NULL;
	struct wfo_error err = { 0 };
	if (ini_parse("alembic.ini", text, "/project", &ini, &err) < 0) {
		FUZZ_CHECK(ini == NULL);
		FUZZ_CHECK(err.status != WFO_OK && err.msg[0] != '\0');
		free(text);
		return 0;
	}
	static const char *const keys[] = { "script_location", "version_locations",
		"sqlalchemy.url", "file_template", "version_path_separator", "here",
		"prepend_sys_path", "timezone", "truncate_slug_length" };
	for (size_t i = 0; i < sizeof(keys) / sizeof(*keys); i++)
		get(ini, "alembic", keys[i]);
	/* "[section]" and "key = value" lines as a simple reading finds them */
	char *section = xstrdup("alembic");
	for (char *line = strtok(text, "\n"); line; line = strtok(NULL, "\n")) {
		char *p = line + strspn(line, " \t");
		if (*p == '[') {
			char *close = strchr(p, ']');
			if (close) {
				free(section);
				section = xstrndup(p + 1, (size_t)(close - p - 1));
			}
			continue;
		}
		size_t k = strcspn(p, "=:");
		if (!p[k] || p != line)
			continue;
		while (k && isspace((unsigned char)p[k - 1]))
			k--;
		char *key = xstrndup(p, k);
		for (char *c = key; *c; c++)
			*c = (char)tolower((unsigned char)*c);
		get(ini, section, key);
		get(ini, "alembic", key);
		free(key);
	}
	free(section);
	ini_free(ini);
	free(text);
	return 0;
}
