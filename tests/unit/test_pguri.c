/* test_pguri.c - DATABASE_URI forms to libpq conninfo, checked with libpq's
 * own parser, and the password-hiding display form. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <libpq-fe.h>

#include "pguri.h"
#include "util.h"
#include "wfo_error.h"

/* What libpq makes of uri after conversion: "key=value;" for the keys
 * asked for, in that order ("-" for unset). */
static char *parsed(const char *uri, const char *const *keys)
{
	struct wfo_error err = { 0 };
	char *ci = NULL;
	assert_int_equal(pguri_to_conninfo(uri, &ci, &err), 0);
	char *msg = NULL;
	PQconninfoOption *opts = PQconninfoParse(ci, &msg);
	if (!opts)
		fail_msg("libpq refused %s (from %s): %s", ci, uri, msg ? msg : "?");
	struct strbuf sb = STRBUF_INIT;
	for (size_t k = 0; keys[k]; k++) {
		const char *val = "-";
		for (PQconninfoOption *o = opts; o->keyword; o++)
			if (!strcmp(o->keyword, keys[k]) && o->val)
				val = o->val;
		sb_addf(&sb, "%s=%s;", keys[k], val);
	}
	PQconninfoFree(opts);
	free(ci);
	return sb_detach(&sb);
}

static const char *const K[] = { "user", "password", "host", "port", "dbname", NULL };

#define CHECK(uri, want) do { \
	char *got_ = parsed(uri, K); \
	assert_string_equal(got_, want); \
	free(got_); \
} while (0)

static void plain_forms(void **state)
{
	(void)state;
	CHECK("postgresql://nwa:secret@db.example:5433/orchestrator",
	      "user=nwa;password=secret;host=db.example;port=5433;dbname=orchestrator;");
	CHECK("postgres://nwa@localhost/orch",
	      "user=nwa;password=-;host=localhost;port=-;dbname=orch;");
	CHECK("postgresql:///orch", "user=-;password=-;host=-;port=-;dbname=orch;");
}

static void sqlalchemy_drivers_are_dropped(void **state)
{
	(void)state;
	CHECK("postgresql+psycopg://nwa:nwa@localhost/orchestrator-core",
	      "user=nwa;password=nwa;host=localhost;port=-;dbname=orchestrator-core;");
	CHECK("postgresql+psycopg2://u:p@h:6543/d",
	      "user=u;password=p;host=h;port=6543;dbname=d;");
	CHECK("POSTGRESQL+asyncpg://u@h/d", "user=u;password=-;host=h;port=-;dbname=d;");
	CHECK("postgresql+pg8000://u@h/d", "user=u;password=-;host=h;port=-;dbname=d;");
}

static void passwords_with_special_characters(void **state)
{
	(void)state;
	/* percent-encoded, as the URI standard wants */
	CHECK("postgresql://u:p%40ss%2Fw%3Ard@h/d",
	      "user=u;password=p@ss/w:rd;host=h;port=-;dbname=d;");
	/* raw, as SQLAlchemy accepts: up to the first @ */
	CHECK("postgresql+psycopg://u:a/b?c:d#e@h/d",
	      "user=u;password=a/b?c:d#e;host=h;port=-;dbname=d;");
	/* a lone % is kept literally */
	CHECK("postgresql://u:100%@h/d", "user=u;password=100%;host=h;port=-;dbname=d;");
	CHECK("postgresql://u:50%2x@h/d", "user=u;password=50%2x;host=h;port=-;dbname=d;");
	CHECK("postgresql://us%20er:@h/d", "user=us er;password=-;host=h;port=-;dbname=d;");
}

static void unix_sockets_and_query_parameters(void **state)
{
	(void)state;
	CHECK("postgresql://postgres@/orch?host=/tmp/wfo-pg.x",
	      "user=postgres;password=-;host=/tmp/wfo-pg.x;port=-;dbname=orch;");
	CHECK("postgresql+psycopg2://postgres@%2Fvar%2Frun%2Fpostgresql:5432/orch",
	      "user=postgres;password=-;host=/var/run/postgresql;port=5432;dbname=orch;");
	CHECK("postgresql://u@/d?host=/s&port=7777&password=x%20y",
	      "user=u;password=x y;host=/s;port=7777;dbname=d;");
	static const char *const ssl[] = { "sslmode", "application_name", NULL };
	char *got = parsed("postgresql+psycopg://u@h/d?sslmode=require&application_name=wfo", ssl);
	assert_string_equal(got, "sslmode=require;application_name=wfo;");
	free(got);
}

static void empty_and_keyword_forms(void **state)
{
	(void)state;
	struct wfo_error err = { 0 };
	char *ci = NULL;
	assert_int_equal(pguri_to_conninfo(NULL, &ci, &err), 0);
	assert_string_equal(ci, "");
	free(ci);
	assert_int_equal(pguri_to_conninfo("  ", &ci, &err), 0);
	assert_string_equal(ci, "");
	free(ci);
	CHECK("host=/tmp dbname=orch user='a b' password='it\\'s'",
	      "user=a b;password=it's;host=/tmp;port=-;dbname=orch;");
}

static void bad_uris_are_errors_without_password(void **state)
{
	(void)state;
	struct wfo_error err = { 0 };
	char *ci = (char *)1;
	assert_int_equal(pguri_to_conninfo("mysql://root:hunter2@h/d", &ci, &err), -1);
	assert_null(ci);
	assert_int_equal(err.status, WFO_USAGE);
	assert_non_null(strstr(err.msg, "\"mysql\""));
	assert_non_null(strstr(err.msg, "mysql://root:***@h/d"));
	assert_null(strstr(err.msg, "hunter2"));
	assert_int_equal(pguri_to_conninfo("postgresql+psy cop://u@h/d", &ci, &err), -1);
	assert_int_equal(pguri_to_conninfo("orchestrator", &ci, &err), -1);
	assert_non_null(strstr(err.msg, "\"orchestrator\""));
}

#define SHOW(uri, want) do { \
	char *s_ = pguri_display(uri); \
	assert_string_equal(s_, want); \
	free(s_); \
} while (0)

static void display_hides_passwords(void **state)
{
	(void)state;
	SHOW(NULL, "");
	SHOW("", "");
	SHOW("postgresql://nwa:secret@h:5432/d", "postgresql://nwa:***@h:5432/d");
	SHOW("postgresql+psycopg://u:a/b?c@h/d?sslmode=require",
	     "postgresql+psycopg://u:***@h/d?sslmode=require");
	SHOW("postgresql://u@/d?host=/tmp&password=s3&port=1&PASSWORD=x",
	     "postgresql://u@/d?host=/tmp&password=***&port=1&PASSWORD=***");
	SHOW("postgresql://u@h/d", "postgresql://u@h/d");
	SHOW("postgresql:///d?host=%2Ftmp", "postgresql:///d?host=%2Ftmp");
	SHOW("host=h password='a b\\' c' dbname=d", "host=h password=*** dbname=d");
	SHOW("host=h password = x user=u", "host=h password = *** user=u");
}

static void sqlalchemy_form_for_alembic(void **state)
{
	(void)state;
	char *s = pguri_for_sqlalchemy("postgres://u:p@h/d");
	assert_string_equal(s, "postgresql://u:p@h/d");
	free(s);
	s = pguri_for_sqlalchemy("postgresql+psycopg://u@h/d");
	assert_string_equal(s, "postgresql+psycopg://u@h/d");
	free(s);
	s = pguri_for_sqlalchemy(NULL);
	assert_string_equal(s, "");
	free(s);
}

static void sqlalchemy_display(void **state)
{
	(void)state;
	char *s = pguri_sqlalchemy_display("postgresql://postgres@/a?host=/tmp/wfo-pg.x&port=5432");
	assert_string_equal(s, "postgresql://postgres@/a?host=%2Ftmp%2Fwfo-pg.x&port=5432");
	free(s);
	s = pguri_sqlalchemy_display("postgresql+psycopg2://u%40x:pw@h:1/d?b=2&a=x+y&empty=&a=1");
	assert_string_equal(s, "postgresql+psycopg2://u%40x:***@h:1/d?a=x+y&a=1&b=2");
	free(s);
	s = pguri_sqlalchemy_display("postgresql://h/d");
	assert_string_equal(s, "postgresql://h/d");
	free(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(plain_forms),
		cmocka_unit_test(sqlalchemy_drivers_are_dropped),
		cmocka_unit_test(passwords_with_special_characters),
		cmocka_unit_test(unix_sockets_and_query_parameters),
		cmocka_unit_test(empty_and_keyword_forms),
		cmocka_unit_test(bad_uris_are_errors_without_password),
		cmocka_unit_test(display_hides_passwords),
		cmocka_unit_test(sqlalchemy_form_for_alembic),
		cmocka_unit_test(sqlalchemy_display),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
