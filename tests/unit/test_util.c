/* test_util.c - strbuf and strvec behaviour. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "util.h"
#include "wfo_error.h"

static void strbuf_grows_and_formats(void **state)
{
	(void)state;
	struct strbuf sb = STRBUF_INIT;
	assert_string_equal(sb_str(&sb), "");
	for (int i = 0; i < 1000; i++)
		sb_addf(&sb, "%d,", i);
	assert_int_equal(strncmp(sb.buf, "0,1,2,", 6), 0);
	assert_true(str_ends_with(sb.buf, "998,999,"));
	sb_addn(&sb, "x\0y", 3);
	assert_int_equal(sb.buf[sb.len - 2], '\0');
	char *s = sb_detach(&sb);
	assert_null(sb.buf);
	free(s);
	s = sb_detach(&sb);
	assert_string_equal(s, "");
	free(s);
}

static void strvec_sorts_and_finds(void **state)
{
	(void)state;
	struct strvec sv = STRVEC_INIT;
	sv_push(&sv, "b");
	sv_push(&sv, "a");
	sv_push_owned(&sv, xstrdup("c"));
	sv_sort(&sv);
	assert_string_equal(sv.v[0], "a");
	assert_string_equal(sv.v[2], "c");
	assert_true(sv_contains(&sv, "b"));
	assert_false(sv_contains(&sv, "d"));
	sv_free(&sv);
	assert_int_equal(sv.n, 0);
}

static void errors_carry_status_and_context(void **state)
{
	(void)state;
	struct wfo_error e;
	assert_int_equal(wfo_fail(&e, WFO_INPUT, "%s:%d: bad", "f.py", 3), -1);
	wfo_error_prefix(&e, "loading %s: ", "versions");
	assert_string_equal(e.msg, "loading versions: f.py:3: bad");
	assert_int_equal(wfo_exit_code(e.status), 3);
	assert_string_equal(wfo_status_text(WFO_DB), "database error");
	assert_int_equal(wfo_fail(NULL, WFO_IO, "ignored"), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(strbuf_grows_and_formats),
		cmocka_unit_test(strvec_sorts_and_finds),
		cmocka_unit_test(errors_carry_status_and_context),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
