# src/rev.mk - revision files and the graph (revision.c, revgraph.c, heads/history).
src_libwfo_a_SOURCES += \
	src/ini.c src/ini.h \
	src/cli_common.c src/cli_common.h
src_libwfo_a_SOURCES += src/revision.c src/revision.h src/pysource.c src/pysource.h
src_libwfo_a_SOURCES += src/revgraph.c src/revgraph.h src/revgraph_int.h src/revresolve.c \
	src/revplan.c src/revformat.c src/revrange.c
src_wfo_migrate_SOURCES += src/cmd_heads.c src/cmd_history.c

check_PROGRAMS += tests/unit/test_revision
tests_unit_test_revision_SOURCES = tests/unit/test_revision.c
tests_unit_test_revision_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_revision_LDADD = $(UNIT_LDADD)
TESTS += tests/unit/test_revision

check_PROGRAMS += tests/unit/test_revgraph
tests_unit_test_revgraph_SOURCES = tests/unit/test_revgraph.c
tests_unit_test_revgraph_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_revgraph_LDADD = $(UNIT_LDADD)
TESTS += tests/unit/test_revgraph
