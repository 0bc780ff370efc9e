# tests/unit/unit.mk - cmocka unit tests of the pure engine (no database).
check_PROGRAMS += tests/unit/test_util
tests_unit_test_util_SOURCES = tests/unit/test_util.c
tests_unit_test_util_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_util_LDADD = $(UNIT_LDADD)
TESTS += tests/unit/test_util
check_PROGRAMS += tests/unit/test_ini
tests_unit_test_ini_SOURCES = tests/unit/test_ini.c
tests_unit_test_ini_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_ini_LDADD = $(UNIT_LDADD)
TESTS += tests/unit/test_ini
