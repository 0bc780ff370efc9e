# src/db.mk - libpq access and the upgrade/downgrade executor.
src_libwfo_a_SOURCES += \
	src/pguri.c src/pguri.h \
	src/db.c src/db.h \
	src/migrate.c src/migrate.h \
	src/peer_alembic.c src/peer_alembic.h

src_wfo_migrate_SOURCES += src/cmd_upgrade.c src/cmd_downgrade.c src/cmd_current.c

check_PROGRAMS += tests/unit/test_pguri
tests_unit_test_pguri_SOURCES = tests/unit/test_pguri.c
tests_unit_test_pguri_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_pguri_LDADD = $(UNIT_LDADD)
TESTS += tests/unit/test_pguri

check_PROGRAMS += tests/unit/test_migrate
tests_unit_test_migrate_SOURCES = tests/unit/test_migrate.c
tests_unit_test_migrate_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_migrate_LDADD = $(UNIT_LDADD)
TESTS += tests/unit/test_migrate

check_PROGRAMS += tests/db/migrate_exec
tests_db_migrate_exec_SOURCES = tests/db/migrate_exec.c
tests_db_migrate_exec_LDADD = $(LIBWFO_LIBS)
TESTS += tests/db/executor.sh tests/db/upgrade.sh tests/db/handoff.sh
EXTRA_DIST += tests/db/executor.sh tests/db/upgrade.sh tests/db/handoff.sh tests/db/fixtures
# hardening: COPY, concurrent runs on a fresh database
TESTS += tests/db/copy_stmt.sh tests/db/concurrent.sh tests/db/connect_timeout.sh \
	tests/db/interrupt.sh
EXTRA_DIST += tests/db/revlib.sh tests/db/copy_stmt.sh tests/db/concurrent.sh \
	tests/db/connect_timeout.sh tests/db/interrupt.sh
