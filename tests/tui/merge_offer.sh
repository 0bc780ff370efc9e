#!/bin/bash
# tests/tui/merge_offer.sh - where several data heads block the way:
# without a terminal, upgrade with an ambiguous target, revision and
# migrate-domain-models stop with an error that names the heads and the
# exact merge command (which works when run); in a terminal, `upgrade`
# (heads) offers the merge screen, which writes the merge and applies it
# ("Apply now?" defaults to yes there), and `revision` offers it and then
# writes the revision on the merge.
. "$(dirname "$0")/merge_lib.sh"
tui_setup
seed_db
ROOT=$(data_head)
fork() {   # fork PREFIX DOWN: two heads PREFIX...1 and PREFIX...2 on DOWN
	mk_rev "${1}00000001" "$2" "$1 one" "UPDATE products SET description = '$1 one' WHERE name = 'User internal'"
	mk_rev "${1}00000002" "$2" "$1 two" "UPDATE products SET description = '$1 two' WHERE name = 'User external'"
}
fork e1e1 "$ROOT"
H1=e1e100000001 H2=e1e100000002

# no terminal: the errors with the command
out=$("$WFO" upgrade head </dev/null 2>&1); rc=$?
t_eq "upgrade head, no terminal: exit 3" 3 "$rc"
t_contains "... says why" "$out" "Multiple heads are present for given argument 'head'"
t_contains "... names the heads" "$out" "The data branch has 2 heads ("
t_true "... and the merge command" grep -Eq "^    wfo-migrate merge ($H1 $H2|$H2 $H1) -m \"merge heads\"$" <<<"$out"
out=$("$WFO" revision -m "x" </dev/null 2>&1); rc=$?
t_eq "revision, no terminal: exit 3" 3 "$rc"
t_true "... names the heads and the merge command" grep -Eq "^    wfo-migrate merge ($H1 $H2|$H2 $H1) -m \"merge heads\"$" <<<"$out"
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); del d["products"]["User Group"]; print(json.dumps(d))' \
	"$SEED/registry.json" >nogroup.json
out=$("$WFO" migrate-domain-models "remove the group" --models nogroup.json </dev/null 2>&1); rc=$?
t_eq "migrate-domain-models, no terminal: exit 3" 3 "$rc"
t_contains "... names the heads" "$out" "the data branch has 2 heads ("
t_true "... and the merge command" grep -Eq "^    wfo-migrate merge ($H1 $H2|$H2 $H1) -m \"merge heads\"$" <<<"$out"
t_eq "nothing was written" 3 "$(nfiles)"
out=$("$WFO" upgrade heads </dev/null 2>&1); rc=$?
t_eq "upgrade heads without a terminal is not blocked" 0 "$rc"
"$WFO" downgrade "$ROOT" </dev/null >/dev/null 2>&1 || { echo "FAILED - downgrade"; exit 1; }

# a terminal: upgrade (heads) offers the merge screen
mg_start 100x30 upgrade
t_screen "the heads are named" "The data branch has 2 heads:"
t_screen "orchestrator-core's refusal is explained" "orchestrator-core does not start like that."
t_screen "the offer" "Merge them first, in the merge screen? [y/N]"
tui_type y
tui_keys Enter
t_screen "the merge screen, with the reason" "upgrade heads: the data branch has 2 heads; merge them here"
t_screen "the title names the command" "wfo-migrate · upgrade · 2 heads on branch data"
tui_keys n
t_screen "the merge step" "After the merge, upgrade heads runs 3 revisions"
tui_keys Enter
t_screen "apply now? (yes by default when offered by upgrade)" "Apply it to the database now?"
tui_keys Enter
t_screen "upgraded" "Database upgraded"
tui_keys Enter
t_eq "exit 0" 0 "$(tui_wait_exit)"
t_restored "after the offer from upgrade"
M1=$("$WFO" heads | awk '{ print $1 }')
t_eq "one head: the merge" 1 "$("$WFO" heads | wc -l)"
t_eq "the database is at the merge" "$M1" "$(versions)"

# a terminal: revision offers it, then writes the revision on the merge
fork f2f2 "$M1"
mg_start 100x30 revision -m "after the merge"
t_screen "revision: the heads and the command" "merge them first:"
t_screen "the offer (yes by default)" "Open the merge screen to merge them? [Y/n]"
tui_keys Enter
t_screen "the merge screen" "wfo-migrate · revision · 2 heads on branch data"
tui_keys n Enter
t_screen "apply now? (no by default)" "Apply it to the database now?"
tui_keys Enter
t_eq "exit 0" 0 "$(tui_wait_exit)"
M2=$(ls "$W"/migrations/versions/schema/*_merge_heads.py | grep -v "$M1" | sed 's|.*/[0-9-]*_\([0-9a-f]*\)_merge_heads.py|\1|')
A=$(ls "$W"/migrations/versions/schema/*_after_the_merge.py)
t_true "the revision is written on the new merge" grep -q "^down_revision = '$M2'" "$A"
t_eq "nothing applied (No)" "$M1" "$(versions)"

# the printed command works
fork a3a3 "$(data_head)"
cmd=$("$WFO" revision -m "y" </dev/null 2>&1 | sed -n 's/^    \(wfo-migrate merge .*\)$/\1/p')
t_contains "the command is printed" "$cmd" "wfo-migrate merge "
(eval "\"\$WFO\"${cmd#wfo-migrate}" </dev/null >/dev/null 2>&1); t_eq "running it merges" 0 $?
t_eq "one head again" 1 "$("$WFO" heads | wc -l)"

# leaving the screen offered by upgrade heads upgrades nothing
fork b4b4 "$(data_head)"
before=$(versions)
mg_start 100x30 upgrade
t_screen "the offer again" "Merge them first, in the merge screen? [y/N]"
tui_type y
tui_keys Enter
t_screen "the merge screen" "wfo-migrate · upgrade · 2 heads on branch data"
tui_keys q
t_eq "left the screen: exit 7" 7 "$(tui_wait_exit)"
t_screen "... and says so" "left the merge screen; nothing was written or upgraded"
t_eq "nothing upgraded" "$before" "$(versions)"
t_eq "nothing merged" 2 "$("$WFO" heads | wc -l)"
t_done
