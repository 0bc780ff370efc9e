# src/mdm.mk - the command-line front of domain-model migrations: line
# prompts (prompt_line.c) and the diff / migrate-domain-models commands.
src_libwfo_a_SOURCES += src/prompt_line.c src/prompt_line.h

check_PROGRAMS += tests/unit/test_prompt_line
tests_unit_test_prompt_line_SOURCES = tests/unit/test_prompt_line.c
tests_unit_test_prompt_line_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_prompt_line_LDADD = $(UNIT_LDADD)
TESTS += tests/unit/test_prompt_line

src_libwfo_a_SOURCES += src/mdm.c src/mdm.h
check_PROGRAMS += tests/unit/test_mdm
tests_unit_test_mdm_SOURCES = tests/unit/test_mdm.c
tests_unit_test_mdm_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_mdm_LDADD = $(UNIT_LDADD)
TESTS += tests/unit/test_mdm

# diff and migrate-domain-models: models + catalogue + diff (mdm_session),
# the non-screen drivers (mdm_drive), the commands.
src_libwfo_a_SOURCES += src/mdm_session.c src/mdm_session.h src/mdm_drive.c src/mdm_drive.h
# the dry run (upgrade, downgrade, compare, roll back) and shell quoting of
# the command that reproduces a wizard run
src_libwfo_a_SOURCES += src/dryrun.c src/dryrun.h src/shellquote.c src/shellquote.h
check_PROGRAMS += tests/unit/test_shellquote
tests_unit_test_shellquote_SOURCES = tests/unit/test_shellquote.c
tests_unit_test_shellquote_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_shellquote_LDADD = $(UNIT_LDADD)
TESTS += tests/unit/test_shellquote
src_wfo_migrate_SOURCES += src/cmd_diff.c src/cmd_migrate_domain_models.c ui/wizard.h
TESTS += tests/mdm/cli.sh tests/mdm/dryrun.sh tests/mdm/summary.sh tests/mdm/unapplied.sh
EXTRA_DIST += tests/mdm/cli.sh tests/mdm/dryrun.sh tests/mdm/summary.sh tests/mdm/unapplied.sh
check_PROGRAMS += tests/unit/test_mdm_drive
tests_unit_test_mdm_drive_SOURCES = tests/unit/test_mdm_drive.c tests/unit/engine_fixture.h
tests_unit_test_mdm_drive_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_mdm_drive_LDADD = $(UNIT_LDADD)
TESTS += tests/unit/test_mdm_drive
