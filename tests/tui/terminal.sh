#!/bin/bash
# tests/tui/terminal.sh - what the wizard does with the terminal it gets:
# colours by default, attributes only with NO_COLOR and on a monochrome
# TERM, UTF-8 line drawing, ASCII when the locale is not UTF-8, the detail
# pane beside the list on a wide terminal; nothing is written.
. "$(dirname "$0")/lib.sh"
tui_setup
reg=$SEED/registry.json
esc=$(printf '\033')
# the SGR sequences tmux reports for the screen (capture-pane -e)
sgr() { tmx capture-pane -p -e -t t | grep -o "${esc}\[[0-9;]*m" | sort -u | tr '\n' ' '; }
colours() { sgr | grep -Eq "${esc}\[(3[0-7]|9[0-7]|38;)"; }

tui_start 80x24 "m" --models "$reg"
t_screen "the wizard is up" "+ 3 products to create"
t_true "colours by default" colours
t_screen "UTF-8 line drawing" "────────"
tui_keys q
tui_wait_exit >/dev/null

TUI_ENV="NO_COLOR=1" tui_start 80x24 "m" --models "$reg"
t_screen "NO_COLOR: the wizard is up" "+ 3 products to create"
t_false "NO_COLOR: no colour" colours
t_contains "NO_COLOR: attributes (reverse) instead" "$(sgr)" "${esc}[7m"
tui_keys q
tui_wait_exit >/dev/null

TUI_ENV="TERM=vt100" tui_start 80x24 "m" --models "$reg"
t_screen "vt100 (monochrome): the wizard is up" "+ 3 products to create"
t_false "vt100: no colour" colours
tui_keys q
tui_wait_exit >/dev/null

TUI_ENV="LANG=C LC_ALL=C" tui_start 80x24 "m" --models "$reg"
t_screen "C locale: ASCII step bar" "1 Differences > 2 Renames (skipped) > 3 Details"
t_screen "C locale: ASCII rules" "--------"
t_false "C locale: no UTF-8 line drawing" grep -q "─" <(tui_screen)
t_screen "C locale: ASCII key names" "Up/Dn move"
tui_keys q
tui_wait_exit >/dev/null

tui_start 120x30 "m" --models "$reg"
t_screen "wide: the wizard is up" "+ 3 products to create"
tui_keys Right Down
t_screen "wide: the detail pane beside the list" "│ Product User Group, to create"
tui_keys q
t_eq "q exits 7" 7 "$(tui_wait_exit)"
t_eq "nothing written" 0 "$(nfiles)"
t_done
