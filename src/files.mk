# src/files.mk - writing revision files, init/revision/merge, data templates, man page.
src_libwfo_a_SOURCES += \
	src/revid.c src/revid.h \
	src/atomicfile.c src/atomicfile.h \
	src/sigexit.c src/sigexit.h \
	src/revwrite.c src/revwrite.h

dist_pkgdata_DATA += data/env.py data/script.py.mako data/helpers.py data/alembic.ini

check_PROGRAMS += tests/unit/test_revwrite tests/files/revwrite_tool
tests_unit_test_revwrite_SOURCES = tests/unit/test_revwrite.c
tests_unit_test_revwrite_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_revwrite_LDADD = $(UNIT_LDADD)
tests_files_revwrite_tool_SOURCES = tests/files/revwrite_tool.c
tests_files_revwrite_tool_LDADD = $(LIBWFO_LIBS)
TESTS += tests/unit/test_revwrite

TESTS += tests/files/roundtrip.sh tests/files/init.sh tests/files/man.sh
EXTRA_DIST += tests/files/roundtrip.sh tests/files/init.sh tests/files/man.sh
dist_man_MANS += man/wfo-migrate.1

src_wfo_migrate_SOURCES += src/cmd_init.c
src_wfo_migrate_SOURCES += src/cmd_revision.c src/cmd_merge.c
TESTS += tests/files/revision.sh tests/files/hostile.sh
EXTRA_DIST += tests/files/revision.sh tests/files/hostile.sh
