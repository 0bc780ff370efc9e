/* test_mdm.c - answering open questions: line prompts in order, defaults, the missing-answer report. */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <fcntl.h>
#include <unistd.h>

#include "mdm.h"
#include "util.h"

static char *run_lines(const char *input, struct mdm_group *g, size_t ng, int *rc, struct wfo_error *err)
{
	FILE *in = fmemopen((void *)input, strlen(input), "r");
	char *buf = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);
	struct pl p;
	pl_init(&p, in, out);
	p.color = false;
	*rc = mdm_ask_lines(&p, g, ng, err);
	fclose(in);
	fclose(out);
	return buf;
}

static void test_seed_order_and_wording(void **state)
{
	(void)state;
	struct mdm_question prod[] = {
		{ "Product: UserGroup User Group", "Supply the product description: ", "inputs", "User Group", "description", NULL, NULL },
		{ "Product: UserGroup User Group", "Supply the product tag: ", "inputs", "User Group", "tag", NULL, NULL },
		{ "Product: User User internal", "Supply the product description: ", "inputs", "User internal", "description", NULL, xstrdup("prefilled") },
		{ "Product: User User internal", "Supply the product tag: ", "inputs", "User internal", "tag", "USER_INT", NULL },
	};
	struct mdm_question rts[] = {
		{ NULL, "Supply description for new resource type age: ", "inputs", "age", "description", NULL, NULL },
	};
	struct mdm_group g[] = {
		{ "Create new products", prod, 4 },
		{ "Create fixed inputs", NULL, 0 },
		{ "Create resource types", rts, 1 },
	};
	struct wfo_error err;
	int rc;
	char *out = run_lines("user group administration\nGROUP\n\nage of the user\n", g, 3, &rc, &err);
	assert_int_equal(rc, 0);
	assert_string_equal(out,
		"\nCreate new products\n"
		"Product: UserGroup User Group\n"
		"Supply the product description: user group administration\n"
		"Supply the product tag: GROUP\n"
		"Product: User User internal\n"
		"Supply the product tag [USER_INT]: \n"
		"\nCreate fixed inputs\n"
		"\nCreate resource types\n"
		"Supply description for new resource type age: age of the user\n");
	assert_string_equal(prod[0].answer, "user group administration");
	assert_string_equal(prod[1].answer, "GROUP");
	assert_string_equal(prod[2].answer, "prefilled");
	assert_string_equal(prod[3].answer, "USER_INT");
	assert_string_equal(rts[0].answer, "age of the user");
	assert_int_equal(mdm_open_count(g, 3), 0);
	mdm_groups_free_answers(g, 3);
	assert_int_equal(mdm_open_count(g, 3), 5);
	free(out);
}

static void test_eof_stops_with_unanswered(void **state)
{
	(void)state;
	struct mdm_question q[] = {
		{ NULL, "Supply the product tag: ", "inputs", "P", "tag", NULL, NULL },
		{ NULL, "Supply the product tag: ", "inputs", "Q", "tag", NULL, NULL },
	};
	struct mdm_group g[] = { { "Create new products", q, 2 } };
	struct wfo_error err;
	int rc;
	char *out = run_lines("T1\n", g, 1, &rc, &err);
	assert_int_equal(rc, -1);
	assert_int_equal(err.status, WFO_UNANSWERED);
	assert_string_equal(q[0].answer, "T1");
	assert_null(q[1].answer);
	mdm_groups_free_answers(g, 1);
	free(out);
}

static void test_defaults_and_missing_report(void **state)
{
	(void)state;
	struct mdm_question q[] = {
		{ "Product: User User internal", "Supply the product tag: ", "inputs", "User internal", "tag", "USER_INT", NULL },
		{ "Product: User User internal", "Supply the product description: ", "inputs", "User internal", "description", NULL, NULL },
		{ NULL, "Supply fixed input value for product User internal and fixed input affiliation: ", "inputs", "User internal", "affiliation", NULL, NULL },
		{ NULL, "Supply default subscription instance value for resource type age and product block UserBlock: ", "inputs", "age", "UserBlock", NULL, NULL },
		{ NULL, "Do you wish to rename fixed input a to b for product P? ", "updates", "fixed_inputs", "P", NULL, NULL },
	};
	struct mdm_group g[] = { { "Create new products", q, 5 } };
	char *buf = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);
	assert_int_equal(mdm_take_defaults(out, g, 1), 4);
	mdm_missing_report(out, g, 1);
	fclose(out);
	assert_string_equal(q[0].answer, "USER_INT");
	assert_non_null(strstr(buf, "Using the default from the models for --inputs \"User internal\".\"tag\": USER_INT\n"));
	assert_non_null(strstr(buf, "4 question(s) need an answer"));
	assert_non_null(strstr(buf, "  --inputs \"User internal\".\"description\"  (Supply the product description; Product: User User internal)\n"));
	assert_non_null(strstr(buf, "  --inputs \"User internal\".\"affiliation\""));
	assert_non_null(strstr(buf, "  --inputs \"age\".\"UserBlock\""));
	assert_non_null(strstr(buf, "  --updates \"fixed_inputs\".\"P\""));
	/* the skeletons hold every missing key, and not the answered one */
	assert_non_null(strstr(buf, "Complete and pass with --inputs @FILE:\n{\n  \"User internal\": {\n    \"description\": \"\",\n    \"affiliation\": \"\"\n  },\n  \"age\": {\n    \"UserBlock\": \"\"\n  }\n}\n"));
	assert_non_null(strstr(buf, "Complete and pass with --updates @FILE:"));
	assert_null(strstr(buf, "\"tag\": \"\""));
	mdm_groups_free_answers(g, 1);
	free(buf);
}

static void test_rename_menus(void **state)
{
	(void)state;
	struct strvec olds = STRVEC_INIT, out_old = STRVEC_INIT, out_new = STRVEC_INIT;
	struct strvec news[2] = { STRVEC_INIT, STRVEC_INIT };
	sv_push(&olds, "int_field");
	sv_push(&olds, "list_field");
	sv_push(&news[0], "changed_int_field");
	sv_push(&news[0], "new_list_field");
	sv_push(&news[1], "new_list_field");
	/* pick list_field, cancel, pick it again -> new_list_field; then
	 * int_field only offers changed_int_field; then nothing is left */
	const char *input = "2\nq\n2\n1\n1\n1\n";
	FILE *in = fmemopen((void *)input, strlen(input), "r");
	char *buf = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);
	struct pl p;
	pl_init(&p, in, out);
	p.color = false;
	struct wfo_error err;
	assert_int_equal(mdm_ask_renames(&p, "Which resource type would you want to rename?",
					 "Which resource type should rename ", &olds, news,
					 &out_old, &out_new, &err), 0);
	fclose(in);
	fclose(out);
	assert_int_equal(out_old.n, 2);
	assert_string_equal(out_old.v[0], "list_field");
	assert_string_equal(out_new.v[0], "new_list_field");
	assert_string_equal(out_old.v[1], "int_field");
	assert_string_equal(out_new.v[1], "changed_int_field");
	assert_string_equal(buf,
		"Which resource type would you want to rename?\n1) int_field\n2) list_field\nq) continue\n? 2\n"
		"\nWhich resource type should rename list_field?\n1) new_list_field\nq) cancel\n? q\n"
		"Which resource type would you want to rename?\n1) int_field\n2) list_field\nq) continue\n? 2\n"
		"\nWhich resource type should rename list_field?\n1) new_list_field\nq) cancel\n? 1\n"
		"Which resource type would you want to rename?\n1) int_field\nq) continue\n? 1\n"
		"\nWhich resource type should rename int_field?\n1) changed_int_field\nq) cancel\n? 1\n");
	free(buf);
	sv_free(&olds);
	sv_free(&news[0]);
	sv_free(&news[1]);
	sv_free(&out_old);
	sv_free(&out_new);
}

static void test_fd_has_input(void **state)
{
	(void)state;
	int fds[2];
	/* /dev/null: nothing to read */
	int fd = open("/dev/null", O_RDONLY);
	assert_false(mdm_fd_has_input(fd));
	close(fd);
	assert_false(mdm_fd_has_input(fd)); /* closed */
	/* a regular file: input until its end */
	char path[] = "/tmp/test_mdm_in.XXXXXX";
	fd = mkstemp(path);
	assert_false(mdm_fd_has_input(fd));
	assert_int_equal(write(fd, "y\n", 2), 2);
	lseek(fd, 0, SEEK_SET);
	assert_true(mdm_fd_has_input(fd));
	lseek(fd, 0, SEEK_END);
	assert_false(mdm_fd_has_input(fd));
	close(fd);
	unlink(path);
	/* a pipe: open and empty -> answers may come; closed and empty -> none */
	assert_int_equal(pipe(fds), 0);
	assert_true(mdm_fd_has_input(fds[0]));
	assert_int_equal(write(fds[1], "x", 1), 1);
	assert_true(mdm_fd_has_input(fds[0]));
	char c;
	assert_int_equal(read(fds[0], &c, 1), 1);
	close(fds[1]);
	assert_false(mdm_fd_has_input(fds[0]));
	close(fds[0]);
}

static void test_choose_mode(void **state)
{
	(void)state;
	/* no_tui, tui_available, stdin_tty, stdout_tty, stdin_has_input */
	assert_int_equal(mdm_choose_mode(false, true, true, true, true), MDM_MODE_TUI);
	assert_int_equal(mdm_choose_mode(true, true, true, true, true), MDM_MODE_LINES);
	assert_int_equal(mdm_choose_mode(false, false, true, true, true), MDM_MODE_LINES);
	assert_int_equal(mdm_choose_mode(false, true, true, false, true), MDM_MODE_LINES);
	assert_int_equal(mdm_choose_mode(true, true, false, false, true), MDM_MODE_LINES);
	assert_int_equal(mdm_choose_mode(false, true, false, true, true), MDM_MODE_LINES);
	assert_int_equal(mdm_choose_mode(true, true, false, false, false), MDM_MODE_NONINTERACTIVE);
	assert_int_equal(mdm_choose_mode(false, true, false, true, false), MDM_MODE_NONINTERACTIVE);
}

static void test_parse_args(void **state)
{
	(void)state;
	struct mdm_args a;
	struct wfo_error err;
	char *ok1[] = { "migrate-domain-models", "Add products", "--models", "m.json", "--inputs=@in.json",
			"--updates", "{}", "--yes", "--no-tui", "--test", "--upgrade", "--migrations", "mig",
			"--database-uri", "postgresql://x/y", NULL };
	assert_int_equal(mdm_parse_args(15, ok1, &a, &err), 0);
	assert_string_equal(a.message, "Add products");
	assert_string_equal(a.models, "m.json");
	assert_string_equal(a.inputs, "@in.json");
	assert_string_equal(a.updates, "{}");
	assert_string_equal(a.migrations, "mig");
	assert_string_equal(a.database_uri, "postgresql://x/y");
	assert_true(a.yes && a.no_tui && a.test && a.upgrade);
	assert_false(a.json || a.exit_code || a.help);

	char *ok2[] = { "diff", "--json", "--exit-code", "--models=p", NULL };
	assert_int_equal(mdm_parse_args(4, ok2, &a, &err), 0);
	assert_true(a.json && a.exit_code);
	assert_string_equal(a.models, "p");

	char *bad1[] = { "diff", "--yes", NULL };
	assert_int_equal(mdm_parse_args(2, bad1, &a, &err), -1);
	assert_int_equal(err.status, WFO_USAGE);
	assert_non_null(strstr(err.msg, "unknown option '--yes'"));
	char *bad2[] = { "migrate-domain-models", "m", "--models", NULL };
	assert_int_equal(mdm_parse_args(3, bad2, &a, &err), -1);
	assert_non_null(strstr(err.msg, "'--models' needs a value"));
	char *bad3[] = { "migrate-domain-models", "--yes", NULL };
	assert_int_equal(mdm_parse_args(2, bad3, &a, &err), -1);
	assert_non_null(strstr(err.msg, "MESSAGE missing"));
	char *bad4[] = { "migrate-domain-models", "a", "b", NULL };
	assert_int_equal(mdm_parse_args(3, bad4, &a, &err), -1);
	assert_non_null(strstr(err.msg, "one MESSAGE only"));
	char *bad5[] = { "migrate-domain-models", "a", "--yes=1", NULL };
	assert_int_equal(mdm_parse_args(3, bad5, &a, &err), -1);
	assert_non_null(strstr(err.msg, "takes no value"));
	char *help[] = { "migrate-domain-models", "--help", NULL };
	assert_int_equal(mdm_parse_args(2, help, &a, &err), 0);
	assert_true(a.help);
	char *dash[] = { "migrate-domain-models", "--", "--odd message", NULL };
	assert_int_equal(mdm_parse_args(3, dash, &a, &err), 0);
	assert_string_equal(a.message, "--odd message");
}

static void test_read_json_arg(void **state)
{
	(void)state;
	struct wfo_error err;
	char *s = mdm_read_json_arg("--inputs", "{\"a\": 1}", &err);
	assert_string_equal(s, "{\"a\": 1}");
	free(s);
	char path[] = "/tmp/test_mdm.XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	FILE *f = fdopen(fd, "w");
	fputs("{\"x\": \"y\"}\n", f);
	fclose(f);
	char *arg = xasprintf("@%s", path);
	s = mdm_read_json_arg("--inputs", arg, &err);
	assert_string_equal(s, "{\"x\": \"y\"}\n");
	free(s);
	unlink(path);
	s = mdm_read_json_arg("--updates", arg, &err);
	assert_null(s);
	assert_int_equal(err.status, WFO_IO);
	assert_non_null(strstr(err.msg, "--updates @/tmp/test_mdm."));
	free(arg);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_seed_order_and_wording),
		cmocka_unit_test(test_eof_stops_with_unanswered),
		cmocka_unit_test(test_defaults_and_missing_report),
		cmocka_unit_test(test_rename_menus),
		cmocka_unit_test(test_fd_has_input),
		cmocka_unit_test(test_choose_mode),
		cmocka_unit_test(test_parse_args),
		cmocka_unit_test(test_read_json_arg),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
