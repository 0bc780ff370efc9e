# ui/ui.mk - the full-screen wizard (ncursesw): a static library linked into
# src/wfo-migrate, its headless key-script tests and the key benchmark.
# Only ui/ includes curses; ui/ never builds SQL or touches libpq.
noinst_LIBRARIES += ui/libwfoui.a
UI_CFLAGS = $(NCURSES_CFLAGS) -DNCURSES_WIDECHAR=1
ui_libwfoui_a_CFLAGS = $(AM_CFLAGS) $(UI_CFLAGS)
ui_libwfoui_a_SOURCES = \
	ui/wizard.h ui/wizard.c ui/wz.h ui/frame.c ui/quit.c \
	ui/tui.h ui/tui.c ui/keyscript.h ui/keyscript.c ui/keymap.h ui/keymap.c \
	ui/field.h ui/field.c ui/list.h ui/list.c ui/text.h ui/text.c \
	ui/dialog.h ui/dialog.c ui/upgrade_ask.h ui/upgrade_ask.c \
	ui/screen_diff.c ui/screen_renames.c ui/screen_details.c \
	ui/screen_review.c ui/screen_write.c

# The ui library uses the engine, so libwfo comes again after it.
UI_LIBS = ui/libwfoui.a $(NCURSES_LIBS) $(LIBWFO_LIBS)
src_wfo_migrate_LDADD += $(UI_LIBS)

# Headless key-script tests (no terminal, no database): a fake wizard_env.
check_PROGRAMS += tests/ui/test_wizard
tests_ui_test_wizard_SOURCES = tests/ui/test_wizard.c tests/ui/ui_fixture.h
tests_ui_test_wizard_CFLAGS = $(UNIT_CFLAGS) $(UI_CFLAGS)
tests_ui_test_wizard_LDADD = $(UI_LIBS) $(CMOCKA_LIBS)
TESTS += tests/ui/test_wizard

# tests/bench/tui_keys: microseconds per keystroke paging through 10,000
# differences headlessly; `make bench-tui` prints the figure.
check_PROGRAMS += tests/bench/tui_keys
tests_bench_tui_keys_SOURCES = tests/bench/tui_keys.c
tests_bench_tui_keys_CFLAGS = $(AM_CFLAGS) $(UI_CFLAGS)
tests_bench_tui_keys_LDADD = $(UI_LIBS)
bench-tui: tests/bench/tui_keys$(EXEEXT)
	tests/bench/tui_keys
.PHONY: bench-tui

# End-to-end tests in a real terminal: tmux drives the built command against
# a private PostgreSQL (tests/lib/pg.sh).
TUI_TESTS = tests/tui/seed_upgrade.sh tests/tui/rename.sh tests/tui/delete.sh \
	tests/tui/quit_interrupt.sh tests/tui/terminal.sh tests/tui/upgrade_error.sh tests/tui/upgrade_interrupt.sh \
	tests/tui/safety.sh
TESTS += $(TUI_TESTS)
EXTRA_DIST += tests/tui/lib.sh tests/tui/captures.sh $(TUI_TESTS)

# The benchmark's ratio check (1,000 vs 10,000 differences) in make check.
TESTS += tests/bench/tui_keys.sh
EXTRA_DIST += tests/bench/tui_keys.sh
