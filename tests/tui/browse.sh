#!/bin/bash
# tests/tui/browse.sh - `wfo-migrate browse` in a real terminal on a
# conformance catalogue (the reference's TestProductOne with a subscription,
# instances and values): products -> blocks -> resource types and fixed
# inputs with their counts, the detail pane, / search with n, Esc, help,
# resizing, q; without a terminal it refuses and points to `show`.
. "$(dirname "$0")/lib.sh"
tui_setup
psql -X -q -v ON_ERROR_STOP=1 -f "$TOP/tests/conformance/wi_remove_product/before.sql" >/dev/null \
	|| { echo "FAILED - load the conformance catalogue"; exit 1; }

browse_start() {
	tmx kill-server >/dev/null 2>&1
	TUI_N=$(( ${TUI_N:-0} + 1 ))
	TMUX_SOCK=wfo-browse-$$-$TUI_N
	rm -f "$W/rc" "$W/stty"
	tmx new-session -d -s t -x "${1%x*}" -y "${1#*x}" -e "DATABASE_URI=$DATABASE_URI" -e "LANG=C.UTF-8" \
		"cd '$W' && '$WFO' browse; r=\$?; stty -a >'$W/stty'; echo \$r >'$W/rc'; sleep 3600"
	tmx set-option -t t status off >/dev/null
}

browse_start 100x30
t_screen "the title" "wfo-migrate · browse · the product catalogue"
t_screen "the counts of the catalogue" "1 product ▸ 2 blocks ▸ 4 resource types"
t_screen "the product with its type, tag and subscriptions" "▸ TestProductOne  (Test, TEST)  1 subscription"
t_screen "the detail pane" "Product TestProductOne: Test ProductTable"
t_screen "its counts" "Type Test  tag TEST  status active  1 subscription"
t_screen "the key bar" "/ search  n next  Esc back  F1 help  F10 quit"
tui_keys Right
t_screen "opened: the fixed input" "fixed input test_fixed_input = False"
t_screen "opened: the block with its instances" "▸ block ProductBlockOneForTest  (TEST)  1 instance"
tui_keys Down Down Right
t_screen "the block's resource types with their values" "resource type int_field  1 value"
t_screen "the child block" "▸ block SubBlockOneForTest  (TEST)  2 instances"
t_screen "the block's detail" "Tag TEST  1 instance  used by 1 product"
tui_keys End Right
t_screen "the child block's values" "resource type str_field  2 values"
tui_keys Down
t_screen "a resource type's detail: values here and in all" "2 values in SubBlockOneForTest, 3 in all  used by 2 blocks"
tui_keys Left Left
t_screen "Left on a leaf goes to its block, then closes it" "▸ block SubBlockOneForTest  (TEST)  2 instances"
tui_keys /
t_screen "search asks for a name" "Name (or part of it)"
tui_type "str"
tui_keys Enter
t_screen "the search is shown" 'search "str"'
t_screen "it counts the matches" "2 matches; n / N next / previous, Esc clears the search"
t_eq "the matches and what holds them, nothing else" \
	"2 2 0" "$(tui_screen | grep -c 'resource type str_field') $(tui_screen | grep -c 'block .*ForTest') $(tui_screen | grep -c 'int_field')"
t_screen "the first match is selected" "1 value in ProductBlockOneForTest, 3 in all"
tui_keys n
t_screen "n goes to the next match" "2 values in SubBlockOneForTest, 3 in all"
tui_keys Escape
t_screen "Esc clears the search" "fixed input test_fixed_input = False"
t_false "no search shown any more" tui_wait 'search "str"' 1
tui_keys /
tui_type "nothing-like-this"
tui_keys Enter
t_screen "no match" "Nothing matches the search (Esc clears it)."
tui_keys Escape
tui_keys F1
t_screen "help lists the browser's keys" "Keys: catalogue browser"
t_screen "from the key table" "search by name"
tui_keys Escape
tui_resize 60x20
t_screen "at 60x20 it still works" "TestProductOne"
tui_resize 44x12
t_screen "below the minimum: one clear line" "Please enlarge it to at least 50x15."
tui_resize 100x30
t_screen "back" "1 product ▸ 2 blocks"
tui_keys q
t_eq "q leaves with exit 0" 0 "$(tui_wait_exit)"
t_restored "after browse"

out=$("$WFO" browse </dev/null 2>&1)
t_eq "without a terminal: exit 2" 2 "$("$WFO" browse </dev/null >/dev/null 2>&1; echo $?)"
t_contains "it points to show" "$out" "'wfo-migrate show' prints the same catalogue"
t_done
