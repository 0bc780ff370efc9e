#!/bin/bash
# tests/tui/merge.sh - the merge screen in a real terminal: two heads of
# the data branch that both rename resource type age, one applied; the
# screen draws them down to their common ancestor with the applied marks,
# shows a head's SQL, warns about the collision, shows the order of the
# upgrade after the merge, and writes the merge revision with an edited
# message (not applied). Stock Alembic then sees one head and upgrades.
. "$(dirname "$0")/merge_lib.sh"
t_need "${WFO_PYTHON:-/usr/bin/python3}"
tui_setup
seed_db
ROOT=$(data_head)
mk_rev aaaa11111111 "$ROOT" "rename age to user_age" \
	"UPDATE resource_types SET resource_type='user_age' WHERE resource_types.resource_type = 'age'"
mk_rev bbbb22222222 "$ROOT" "rename age to years" \
	"UPDATE resource_types SET resource_type='years' WHERE resource_types.resource_type = 'age'"
"$WFO" upgrade aaaa11111111 </dev/null >/dev/null 2>&1 || { echo "FAILED - upgrade aaaa11111111"; exit 1; }
t_eq "one head applied" "aaaa11111111" "$(versions)"

mg_start 80x24 merge
t_screen "the merge screen opens" "wfo-migrate · merge · 2 heads on branch data"
t_screen "the legend of the marks" "applied in db: ● yes ○ no"
t_screen "the applied head" "● [x] aaaa11111111  rename age to user_age."
t_screen "the head not applied, on its own lane" "│ ○ [x] bbbb22222222  rename age to years."
t_screen "the lanes join above the common ancestor" "├─┘"
t_screen "the common ancestor, applied" "● ${ROOT:0:12}  seed. (data) (common ancestor)"
t_screen "the collision is counted" "⚠ 1 collision"
t_screen "what the selected head changes" "Changes  renames resource type age to user_age"
tui_keys Enter
t_screen "Enter shows the head's SQL" "UPDATE resource_types SET resource_type='user_age' WHERE"
tui_keys Escape
t_screen "Esc goes back to the graph" "Space select"
tui_keys n
t_screen "the merge step" "Merge 2 heads: aaaa11111111, bbbb22222222"
t_screen "the collision, named" "both heads rename resource type age (aaaa11111111 to user_age,"
t_screen "the order of the upgrade after the merge" "After the merge, upgrade heads runs 2 revisions in this order"
t_screen "the head not applied runs first" "1. ○ bbbb22222222  rename age to years."
t_screen "then the merge" "(this merge)"
t_screen "the default message" "Message   merge heads"
tui_keys Tab Enter C-u
tui_type "merge the age renames"
tui_keys Enter
t_screen "the edited message" "merge the age renames  (this merge)"
tui_keys Enter
t_screen "apply now? is asked" "Apply it to the database now?"
tui_keys n
t_eq "written, not applied: exit 0" 0 "$(tui_wait_exit)"
t_restored "after the merge screen"
t_screen "the path is printed" "_age_renames.py"
M=$(ls "$W"/migrations/versions/schema/*_merge_the_age_renames.py)
t_true "the merge names both heads" grep -Eq "^down_revision = \('(aaaa11111111', 'bbbb22222222|bbbb22222222', 'aaaa11111111)'\)" "$M"
MID=$(sed -n "s/^revision = '\(.*\)'/\1/p" "$M")
t_eq "nothing applied by the screen" "aaaa11111111" "$(versions)"
t_eq "stock Alembic sees one head" "$MID (data) (head)" "$(alem heads 2>/dev/null)"
alem upgrade heads >/dev/null 2>&1; t_eq "stock Alembic upgrades heads" 0 $?
t_eq "the database is at the merge" "$MID" "$(versions)"
t_eq "the applied rename stands (the other matched nothing)" "user_age" \
	"$(sql "SELECT resource_type FROM resource_types WHERE resource_type IN ('age', 'user_age', 'years')")"
t_eq "wfo-migrate sees one head too" 1 "$("$WFO" heads | wc -l)"
t_done
