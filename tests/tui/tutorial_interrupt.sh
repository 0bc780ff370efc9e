#!/bin/bash
# tests/tui/tutorial_interrupt.sh - the tutorial's private PostgreSQL is
# stopped however the tutorial ends: Ctrl-C in the wizard mid-lesson and on
# a page, SIGTERM while the wizard is open, a crash of the wizard (SIGSEGV:
# the tutorial says so and goes on), and a crash of the tutorial itself
# (SIGKILL: its supervisor stops the server). No revision file is left by
# the interrupted wizard.
. "$(dirname "$0")/../lib/tutorial.sh"
tut_setup
to_wizard() {
	t_screen "$1: lesson 1" "What a domain-model migration is" 60
	tui_keys Enter
	tui_wait "The product type of User external" >/dev/null
	tui_type "User"
	tui_keys Enter Enter
	tui_wait "Enter opens the wizard" >/dev/null
	tui_keys Enter
	t_screen "$1: the wizard is open" "+ 3 products to create"
}
# the wizard this test's tutorial started (not one of a test running beside it)
wizard_pid() { pgrep -P "$(tut_pid)" -f -- "$WFO migrate-domain-models Add User" | head -n 1; }
nfiles() { ls "$W"/state/wfo-migrate/tutorial/migrations/versions/schema/*.py 2>/dev/null | wc -l; }

# Ctrl-C while typing in the wizard
tut_start 120x32 tutorial 1
to_wizard "Ctrl-C"
tui_keys Enter Enter
tui_type "half an answ"
t_true "Ctrl-C: the server runs" pg_running
tui_keys C-c
t_eq "Ctrl-C in the wizard ends the tutorial (exit 7)" 7 "$(tui_wait_exit 30)"
t_screen "Ctrl-C: it says where to start again" "interrupted in lesson 1; 'wfo-migrate tutorial 1' starts it again"
t_restored "Ctrl-C in the wizard"
t_no_postgres "Ctrl-C in the wizard: no server left"
t_eq "Ctrl-C in the wizard: no revision file" 0 "$(nfiles)"
t_contains "Ctrl-C: lesson 1 is not completed" "$(tr -d ' \n' <"$W/state/wfo-migrate/tutorial.json")" '"completed":[]'

# Ctrl-C on one of the tutorial's pages
tut_start 100x30 tutorial
t_screen "Ctrl-C on a page: lesson 1 again (not completed)" "What a domain-model migration is" 60
tui_keys C-c
t_eq "Ctrl-C on a page exits 7" 7 "$(tui_wait_exit 30)"
t_restored "Ctrl-C on a page"
t_no_postgres "Ctrl-C on a page: no server left"

# SIGTERM to the tutorial while the wizard is open
tut_start 120x32 tutorial 1
to_wizard "SIGTERM"
kill -TERM "$(tut_pid)"
t_eq "SIGTERM ends the tutorial (exit 7)" 7 "$(tui_wait_exit 30)"
t_restored "SIGTERM"
t_no_postgres "SIGTERM: no server left"
t_eq "SIGTERM: no revision file" 0 "$(nfiles)"

# a crash of the wizard: the tutorial reports it and can go on
# (a sanitizer build's runtime would catch the SIGSEGV and exit 1 instead of
# dying of the signal: let the signal through, as in a plain build)
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}handle_segv=0"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:+$UBSAN_OPTIONS:}handle_segv=0"
tut_start 120x32 tutorial 1
to_wizard "wizard crash"
kill -SEGV "$(wizard_pid)"
t_screen "the crash is reported" "The wizard ended abnormally (signal 11)"
t_true "the server still runs for the tutorial" pg_running
tui_keys q
t_eq "q after the crash exits 0" 0 "$(tui_wait_exit 30)"
t_no_postgres "wizard crash: no server left"

# a crash of the tutorial itself: the supervisor stops the server
tut_start 120x32 tutorial 1
t_screen "SIGKILL: lesson 1" "What a domain-model migration is" 60
t_true "SIGKILL: the server runs" pg_running
kill -KILL "$(tut_pid)"
t_no_postgres "SIGKILL of the tutorial: its supervisor stops the server"
t_done
