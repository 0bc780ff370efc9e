/* test_prompt_line.c - the line-prompt driver: wording, re-asking, menus, confirmation. */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "prompt_line.h"

struct io {
	FILE *in;
	FILE *out;
	char *obuf;
	size_t olen;
	struct pl pl;
};

static void io_open(struct io *io, const char *input)
{
	io->in = fmemopen((void *)input, strlen(input), "r");
	assert_non_null(io->in);
	io->obuf = NULL;
	io->olen = 0;
	io->out = open_memstream(&io->obuf, &io->olen);
	assert_non_null(io->out);
	pl_init(&io->pl, io->in, io->out);
	io->pl.color = false;
}

static const char *io_out(struct io *io)
{
	fflush(io->out);
	return io->obuf;
}

static void io_close(struct io *io)
{
	fclose(io->in);
	fclose(io->out);
	free(io->obuf);
}

static void test_text_reasks_on_empty_and_trims(void **state)
{
	(void)state;
	struct io io;
	struct wfo_error err;
	char *ans = NULL;
	io_open(&io, "\n   \n  user group administration  \n");
	assert_int_equal(pl_ask_text(&io.pl, "Supply the product description: ", &ans, &err), 0);
	assert_string_equal(ans, "user group administration");
	/* asked three times, every answer echoed (stdin is not a terminal) */
	assert_string_equal(io_out(&io),
		"Supply the product description: \n"
		"Supply the product description: \n"
		"Supply the product description: user group administration\n");
	free(ans);
	io_close(&io);
}

static void test_text_eof_is_an_error_naming_the_question(void **state)
{
	(void)state;
	struct io io;
	struct wfo_error err;
	char *ans = NULL;
	io_open(&io, "");
	assert_int_equal(pl_ask_text(&io.pl, "Supply the product tag: ", &ans, &err), -1);
	assert_int_equal(err.status, WFO_UNANSWERED);
	assert_non_null(strstr(err.msg, "\"Supply the product tag\""));
	assert_null(ans);
	io_close(&io);
}

static void test_long_answer(void **state)
{
	(void)state;
	struct io io;
	struct wfo_error err;
	char *ans = NULL;
	char *input = malloc(3002);
	memset(input, 'x', 3000);
	input[3000] = '\n';
	input[3001] = '\0';
	io_open(&io, input);
	assert_int_equal(pl_ask_text(&io.pl, "Q: ", &ans, &err), 0);
	assert_int_equal(strlen(ans), 3000);
	free(ans);
	io_close(&io);
	free(input);
}

static void test_default_taken_on_empty(void **state)
{
	(void)state;
	struct io io;
	struct wfo_error err;
	char *a = NULL, *b = NULL;
	io_open(&io, "\n  other \n");
	assert_int_equal(pl_ask_default(&io.pl, "Supply the product block tag: ", "UB", &a, &err), 0);
	assert_int_equal(pl_ask_default(&io.pl, "Supply the product block tag: ", "UB", &b, &err), 0);
	assert_string_equal(a, "UB");
	assert_string_equal(b, "other");
	assert_string_equal(io_out(&io),
		"Supply the product block tag [UB]: \nSupply the product block tag [UB]: other\n");
	free(a);
	free(b);
	io_close(&io);
}

static void test_menu_invalid_then_valid(void **state)
{
	(void)state;
	struct io io;
	struct wfo_error err;
	const char *labels[] = { "list_field", "int_field" };
	size_t choice = 99;
	io_open(&io, "\n7\nx\n2\n");
	assert_int_equal(pl_menu(&io.pl, "Which resource type would you want to rename?",
				 labels, 2, "continue", &choice, &err), 0);
	assert_int_equal(choice, 1);
	assert_string_equal(io_out(&io),
		"Which resource type would you want to rename?\n1) list_field\n2) int_field\nq) continue\n"
		"? \n? 7\nInvalid choice\n"
		"Which resource type would you want to rename?\n1) list_field\n2) int_field\nq) continue\n"
		"? x\nInvalid choice\n"
		"Which resource type would you want to rename?\n1) list_field\n2) int_field\nq) continue\n"
		"? 2\n");
	io_close(&io);
}

static void test_menu_quit_and_eof(void **state)
{
	(void)state;
	struct io io;
	struct wfo_error err;
	const char *labels[] = { "a" };
	size_t choice = 99;
	io_open(&io, "q\n");
	assert_int_equal(pl_menu(&io.pl, "M", labels, 1, "cancel", &choice, &err), 0);
	assert_int_equal(choice, 1);
	assert_int_equal(pl_menu(&io.pl, "M", labels, 1, "cancel", &choice, &err), -1);
	assert_int_equal(err.status, WFO_UNANSWERED);
	io_close(&io);
	/* without a quit entry, q is just an invalid choice */
	io_open(&io, "q\n1\n");
	assert_int_equal(pl_menu(&io.pl, "M", labels, 1, NULL, &choice, &err), 0);
	assert_int_equal(choice, 0);
	assert_non_null(strstr(io_out(&io), "Invalid choice"));
	assert_null(strstr(io_out(&io), "q) "));
	io_close(&io);
}

static void test_confirm_defaults_no_and_only_yes_confirms(void **state)
{
	(void)state;
	const struct { const char *in; bool yes; } cases[] = {
		{ "y\n", true }, { "Y\n", true }, { "yes\n", true }, { " YES \n", true },
		{ "\n", false }, { "n\n", false }, { "okay\n", false }, { "yy\n", false },
		{ "yess\n", false }, { "", false },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct io io;
		bool yes = !cases[i].yes;
		io_open(&io, cases[i].in);
		assert_int_equal(pl_confirm(&io.pl, "Confirm the above actions", &yes), 0);
		assert_int_equal(yes, cases[i].yes);
		assert_true(strncmp(io_out(&io), "Confirm the above actions [y/N]: ", 33) == 0);
		io_close(&io);
	}
}

static void test_header_plain_and_colour(void **state)
{
	(void)state;
	struct io io;
	io_open(&io, "");
	pl_header(&io.pl, "Create new products");
	pl_line(&io.pl, "Product: %s %s", "UserGroup", "User Group");
	io.pl.color = true;
	pl_header(&io.pl, "X");
	assert_string_equal(io_out(&io),
		"\nCreate new products\nProduct: UserGroup User Group\n\n\033[1m\033[4mX\033[0m\n");
	io_close(&io);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_text_reasks_on_empty_and_trims),
		cmocka_unit_test(test_text_eof_is_an_error_naming_the_question),
		cmocka_unit_test(test_long_answer),
		cmocka_unit_test(test_default_taken_on_empty),
		cmocka_unit_test(test_menu_invalid_then_valid),
		cmocka_unit_test(test_menu_quit_and_eof),
		cmocka_unit_test(test_confirm_defaults_no_and_only_yes_confirms),
		cmocka_unit_test(test_header_plain_and_colour),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
