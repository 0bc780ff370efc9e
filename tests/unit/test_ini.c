/* test_ini.c - alembic.ini reading: interpolation as ConfigParser does it,
 * and its limits (depth, size) as errors naming file:line, at once. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <cmocka.h>

#include "ini.h"
#include "util.h"

static struct ini *parse(const char *text)
{
	struct ini *ini = NULL;
	struct wfo_error err = { 0 };
	if (ini_parse("t/alembic.ini", text, "/proj", &ini, &err) < 0)
		fail_msg("parse failed: %s", err.msg);
	return ini;
}

static void interpolation(void **state)
{
	(void)state;
	struct ini *ini = parse("[DEFAULT]\nroot = /srv\n[alembic]\n"
				"script_location = %(root)s/m\nurl = a%%b\nv = %(here)s/x\n"
				"   continued\n");
	char *v = NULL;
	struct wfo_error err = { 0 };
	assert_int_equal(ini_get(ini, "alembic", "script_location", &v, &err), 0);
	assert_string_equal(v, "/srv/m");
	free(v);
	assert_int_equal(ini_get(ini, "alembic", "url", &v, &err), 0);
	assert_string_equal(v, "a%b");
	free(v);
	assert_int_equal(ini_get(ini, "alembic", "v", &v, &err), 0);
	assert_string_equal(v, "/proj/x\ncontinued");
	free(v);
	assert_int_equal(ini_get(ini, "alembic", "absent", &v, &err), 0);
	assert_null(v);
	ini_free(ini);
}

static void too_deep(void **state)
{
	(void)state;
	struct strbuf sb = STRBUF_INIT;
	sb_add(&sb, "[alembic]\nk0 = end\n");
	for (int i = 1; i <= 12; i++)
		sb_addf(&sb, "k%d = %%(k%d)s\n", i, i - 1);
	struct ini *ini = parse(sb.buf);
	char *v = NULL;
	struct wfo_error err = { 0 };
	assert_int_equal(ini_get(ini, "alembic", "k12", &v, &err), -1);
	assert_null(v);
	assert_non_null(strstr(err.msg, "t/alembic.ini:"));
	assert_non_null(strstr(err.msg, "nests too deeply"));
	ini_free(ini);
	sb_free(&sb);
}

/* Ten references per level, nine levels (within the depth limit): 10^9
 * copies without the size limit. */
static void fanout_is_an_error_at_once(void **state)
{
	(void)state;
	struct strbuf sb = STRBUF_INIT;
	sb_add(&sb, "[alembic]\nscript_location = %(l0)s\n");
	for (int i = 0; i < 9; i++) {
		sb_addf(&sb, "l%d = ", i);
		for (int j = 0; j < 10; j++)
			sb_addf(&sb, "%%(l%d)s", i + 1);
		sb_add(&sb, "\n");
	}
	sb_add(&sb, "l9 = x\n");
	struct ini *ini = parse(sb.buf);
	char *v = NULL;
	struct wfo_error err = { 0 };
	time_t t0 = time(NULL);
	assert_int_equal(ini_get(ini, "alembic", "script_location", &v, &err), -1);
	assert_true(time(NULL) - t0 <= 2);
	assert_null(v);
	assert_non_null(strstr(err.msg, "t/alembic.ini:"));
	char *want = xasprintf("takes more than %d %%(name)s references", INI_REFS_MAX);
	assert_non_null(strstr(err.msg, want));
	free(want);
	ini_free(ini);
	sb_free(&sb);
}

/* Few references to a long value: the size limit. */
static void too_long(void **state)
{
	(void)state;
	struct strbuf sb = STRBUF_INIT;
	sb_add(&sb, "[alembic]\nbig = ");
	for (int i = 0; i < 2000; i++)
		sb_addc(&sb, 'y');
	sb_add(&sb, "\nv = ");
	for (int i = 0; i < 40; i++)
		sb_add(&sb, "%(big)s");
	sb_add(&sb, "\nw = %(big)s%(big)s\n");
	struct ini *ini = parse(sb.buf);
	char *v = NULL;
	struct wfo_error err = { 0 };
	assert_int_equal(ini_get(ini, "alembic", "w", &v, &err), 0);
	assert_int_equal(strlen(v), 4000);
	free(v);
	assert_int_equal(ini_get(ini, "alembic", "v", &v, &err), -1);
	assert_null(v);
	char *want = xasprintf("t/alembic.ini:3: the value of 'v' grows beyond %d bytes",
			       INI_VALUE_MAX);
	assert_non_null(strstr(err.msg, want));
	free(want);
	ini_free(ini);
	sb_free(&sb);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(interpolation),
		cmocka_unit_test(too_deep),
		cmocka_unit_test(fanout_is_an_error_at_once),
		cmocka_unit_test(too_long),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
