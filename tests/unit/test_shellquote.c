/* test_shellquote.c - shell_quote: safe words stay as they are, everything
 * else is single-quoted, and a real sh gives back each word byte for byte. */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "shellquote.h"

static char *q(const char *s)
{
	struct strbuf sb = STRBUF_INIT;
	shell_quote(&sb, s);
	return sb_detach(&sb);
}

static void shapes(void **state)
{
	(void)state;
	static const char *const cases[][2] = {
		{ "renamed.json", "renamed.json" },
		{ "@/tmp/x/2026-12-02_ab_c.inputs.json", "@/tmp/x/2026-12-02_ab_c.inputs.json" },
		{ "Rename age and username", "'Rename age and username'" },
		{ "", "''" },
		{ "it's", "'it'\\''s'" },
		{ "$HOME", "'$HOME'" },
		{ "a;rm -rf /", "'a;rm -rf /'" },
		{ "~user", "'~user'" },
		{ "*", "'*'" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *r = q(cases[i][0]);
		assert_string_equal(r, cases[i][1]);
		free(r);
	}
}

/* Each word through sh and back (printf %s\0 per argument). */
static void round_trip_through_sh(void **state)
{
	(void)state;
	static const char *const words[] = {
		"plain", "two words", "it's", "'", "''", "\"dq\"", "$(echo no)", "`echo no`", "a\\b",
		"tab\there", "new\nline", "ümlaut ✓", "!bang", "--inputs", "-", "#hash", "a=b c",
	};
	struct strbuf cmd = STRBUF_INIT;
	sb_add(&cmd, "printf '%s\\0'");
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
		sb_add(&cmd, " ");
		shell_quote(&cmd, words[i]);
	}
	FILE *p = popen(sb_str(&cmd), "r");
	assert_non_null(p);
	char buf[4096];
	size_t n = fread(buf, 1, sizeof buf, p);
	assert_int_equal(pclose(p), 0);
	size_t off = 0;
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
		assert_true(off < n);
		assert_string_equal(buf + off, words[i]);
		off += strlen(words[i]) + 1;
	}
	assert_int_equal(off, n);
	sb_free(&cmd);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(shapes),
		cmocka_unit_test(round_trip_through_sh),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
