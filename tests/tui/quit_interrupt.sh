#!/bin/bash
# tests/tui/quit_interrupt.sh - leaving the full-screen wizard without
# writing: q with nothing answered, q after answering (asks; quit without
# saving; save the answers as an --inputs file that a later run accepts),
# Ctrl-C while typing, SIGTERM and SIGHUP on the review. Each time the
# terminal is restored, no revision file is left, the database is untouched.
. "$(dirname "$0")/lib.sh"
tui_setup
reg=$SEED/registry.json
untouched() { t_eq "$1: no revision file" 0 "$(nfiles)"; t_eq "$1: database untouched" 0 "$(sql 'SELECT count(*) FROM products')"; }

tui_start 80x24 "m" --models "$reg"
t_screen "the wizard is up" "+ 3 products to create"
tui_keys q
t_eq "q without answers exits 7 (aborted)" 7 "$(tui_wait_exit)"
t_screen "the command says nothing was written" "quit without writing"
t_restored "q"
untouched "q"

tui_start 80x24 "m" --models "$reg"
tui_wait "+ 3 products to create" >/dev/null
tui_keys n Enter
tui_type "users in groups"
tui_keys Enter Escape q
t_screen "quitting with answers asks" "Quit without writing?"
t_screen "it offers to save them" "[ Save answers ]"
tui_keys BTab Enter
t_eq "quit without saving exits 7" 7 "$(tui_wait_exit)"
t_restored "quit without saving"
untouched "quit without saving"
t_eq "no answers file" 0 "$(ls "$W"/*.json 2>/dev/null | wc -l)"

tui_start 80x24 "m" --models "$reg"
tui_wait "+ 3 products to create" >/dev/null
tui_keys n Enter
tui_type "users in groups"
tui_keys Enter Escape q
t_screen "asked again" "Quit without writing?"
tui_keys BTab BTab Enter
t_screen "a file name is asked" "File name (without -inputs.json"
tui_keys C-u
tui_type "saved"
tui_keys Enter
t_eq "save and quit exits 7" 7 "$(tui_wait_exit)"
t_screen "the command line to use them is printed" "--inputs @saved-inputs.json"
t_restored "save answers"
untouched "save answers"
t_contains "the answers file holds the typed answer" "$(cat saved-inputs.json)" '"users in groups"'
"$WFO" migrate-domain-models "m" --models "$reg" --inputs @saved-inputs.json --no-tui </dev/null >test.out 2>&1
t_eq "a later run without a terminal reads the saved answers (and reports the rest, exit 2)" 2 $?
t_contains "the saved answer is taken: one question fewer" "$(cat test.out)" "16 question(s) need an answer"
t_false "the saved answer is not reported missing" grep -qF -- '--inputs "User Group"."description"' test.out
rm -f saved-inputs.json

tui_start 80x24 "m" --models "$reg"
tui_wait "+ 3 products to create" >/dev/null
tui_keys n Enter
tui_type "half typ"
t_screen "typing in a field" "half typ"
tui_keys C-c
t_eq "Ctrl-C exits 7" 7 "$(tui_wait_exit)"
t_screen "the command says it was interrupted" "interrupted"
t_restored "Ctrl-C"
untouched "Ctrl-C"

for sig in TERM HUP; do
	tui_start 80x24 "m" --models "$reg" --inputs "@$SEED/inputs.json"
	tui_wait "+ 3 products to create" >/dev/null
	tui_keys n n
	t_screen "SIG$sig: on the review" "Enter confirm"
	pid=$(tui_pid)
	kill -s "$sig" "$pid"
	rc=$(tui_wait_exit)
	t_true "SIG$sig: the wizard ends (exit $rc)" test "$rc" != timeout
	t_restored "SIG$sig"
	untouched "SIG$sig"
done
t_done
