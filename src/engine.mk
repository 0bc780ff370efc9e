# src/engine.mk - diff, questions/answers, change set, SQL generation, migrate-domain-models.
src_libwfo_a_SOURCES += src/diff.c src/diff.h src/plan.c src/plan.h src/dsummary.c src/dsummary.h \
	src/answers.c src/answers.h src/sqlgen.c src/sqlgen.h

check_PROGRAMS += tests/unit/test_sqlgen
tests_unit_test_sqlgen_SOURCES = tests/unit/test_sqlgen.c tests/unit/engine_fixture.h
tests_unit_test_sqlgen_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_sqlgen_LDADD = $(UNIT_LDADD)
TESTS += tests/unit/test_sqlgen

check_PROGRAMS += tests/unit/test_plan
tests_unit_test_plan_SOURCES = tests/unit/test_plan.c tests/unit/engine_fixture.h
tests_unit_test_plan_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_plan_LDADD = $(UNIT_LDADD)
TESTS += tests/unit/test_plan

check_PROGRAMS += tests/unit/test_answers
tests_unit_test_answers_SOURCES = tests/unit/test_answers.c tests/unit/engine_fixture.h
tests_unit_test_answers_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_answers_LDADD = $(UNIT_LDADD)
TESTS += tests/unit/test_answers

check_PROGRAMS += tests/unit/test_diff
tests_unit_test_diff_SOURCES = tests/unit/test_diff.c tests/unit/engine_fixture.h
tests_unit_test_diff_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_diff_LDADD = $(UNIT_LDADD)
TESTS += tests/unit/test_diff

# engine SQL on a real PostgreSQL (tests/engine/sql_apply.sh runs the helper's output)
check_PROGRAMS += tests/unit/engine_sqlrun
tests_unit_engine_sqlrun_SOURCES = tests/unit/engine_sqlrun.c tests/unit/engine_fixture.h
tests_unit_engine_sqlrun_CFLAGS = $(UNIT_CFLAGS)
tests_unit_engine_sqlrun_LDADD = $(UNIT_LDADD)
TESTS += tests/engine/sql_apply.sh
EXTRA_DIST += tests/engine/sql_apply.sh tests/engine/schema_min.sql tests/engine/seed.sql
