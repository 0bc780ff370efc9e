# src/tutorial.mk - the tutorial (lessons in data/tutorial/, progress, the
# private PostgreSQL it starts) and the catalogue browser.
src_libwfo_a_SOURCES += src/datadir.c src/datadir.h \
	src/pgprivate.c src/pgprivate.h \
	src/tutorial_lesson.c src/tutorial_lesson.h \
	src/tutorial_progress.c src/tutorial_progress.h
src_wfo_migrate_SOURCES += src/cmd_browse.c src/cmd_tutorial.c \
	src/tutorial_wizard.c src/tutorial_wizard.h
ui_libwfoui_a_SOURCES += ui/lesson_panel.c ui/lesson_panel.h \
	ui/lesson_page.c ui/lesson_page.h \
	ui/screen_browse.c ui/browse.h

tutorialdir = $(pkgdatadir)/tutorial
dist_tutorial_DATA = \
	data/tutorial/1-first-migration.yaml \
	data/tutorial/2-apply-and-look.yaml \
	data/tutorial/3-rename.yaml \
	data/tutorial/4-two-heads.yaml \
	data/tutorial/5-undo.yaml \
	data/tutorial/models-users.json \
	data/tutorial/models-user-age.json \
	data/tutorial/models-empty.json \
	data/tutorial/subscriptions.sql

# every lesson file: its models load, its answers pass the engine's checks
check_PROGRAMS += tests/unit/test_tutorial
tests_unit_test_tutorial_SOURCES = tests/unit/test_tutorial.c
tests_unit_test_tutorial_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_tutorial_LDADD = $(UNIT_LDADD)
TESTS += tests/unit/test_tutorial

TUTORIAL_TESTS = tests/tui/tutorial_lesson1.sh tests/tui/tutorial_lesson4.sh \
	tests/tui/tutorial_interrupt.sh tests/tui/browse.sh tests/db/private_db.sh
TESTS += $(TUTORIAL_TESTS)
EXTRA_DIST += $(TUTORIAL_TESTS)
