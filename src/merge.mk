# src/merge.mk - merging heads: the merge screen's model (merge.c), what a
# revision's SQL does to the catalogue (mergesql.c), the merge screen
# (ui/), its tests and its benchmark.
src_libwfo_a_SOURCES += src/merge.c src/merge.h src/mergesql.c src/mergesql.h

check_PROGRAMS += tests/unit/test_merge
tests_unit_test_merge_SOURCES = tests/unit/test_merge.c
tests_unit_test_merge_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_merge_LDADD = $(UNIT_LDADD)
TESTS += tests/unit/test_merge

# the merge screen (in the ui library) and the command's glue
ui_libwfoui_a_SOURCES += ui/merge_ui.h ui/mg.h ui/merge_screen.c ui/screen_merge.c \
	ui/screen_merge_write.c ui/graph.h ui/graph.c ui/frame.h
src_wfo_migrate_SOURCES += src/merge_cli.h

# Headless key-script tests of the merge screen and its graph drawing.
check_PROGRAMS += tests/ui/test_merge_screen
tests_ui_test_merge_screen_SOURCES = tests/ui/test_merge_screen.c
tests_ui_test_merge_screen_CFLAGS = $(UNIT_CFLAGS) $(UI_CFLAGS)
tests_ui_test_merge_screen_LDADD = $(UI_LIBS) $(CMOCKA_LIBS)
TESTS += tests/ui/test_merge_screen

# tests/bench/merge_keys: microseconds per keystroke paging through the
# graph of 10,000 revisions headlessly; `make bench-merge` prints the
# figure, make check runs the ratio check (1,000 vs 10,000 revisions).
check_PROGRAMS += tests/bench/merge_keys
tests_bench_merge_keys_SOURCES = tests/bench/merge_keys.c
tests_bench_merge_keys_CFLAGS = $(AM_CFLAGS) $(UI_CFLAGS)
tests_bench_merge_keys_LDADD = $(UI_LIBS)
bench-merge: tests/bench/merge_keys$(EXEEXT)
	tests/bench/merge_keys
.PHONY: bench-merge
TESTS += tests/bench/merge_keys.sh
EXTRA_DIST += tests/bench/merge_keys.sh

# The merge screen in a real terminal (tmux) against the private PostgreSQL.
MERGE_TUI_TESTS = tests/tui/merge.sh tests/tui/merge_three.sh tests/tui/merge_offer.sh
TESTS += $(MERGE_TUI_TESTS)
EXTRA_DIST += tests/tui/merge_lib.sh tests/tui/merge_captures.sh $(MERGE_TUI_TESTS)
