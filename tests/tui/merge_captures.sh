#!/bin/bash
# tests/tui/merge_captures.sh OUTDIR - the capture-pane text of the merge
# screen at 80x24, as shown in README.md ("The merge screen"); not a test.
# Needs the built binary in $WFO.
. "$(dirname "$0")/merge_lib.sh"
OUT=$(mkdir -p "${1:?usage: merge_captures.sh OUTDIR}" && cd "$1" && pwd)
tui_setup
snap() { sleep 0.5; tui_screen | sed -e 's/[[:space:]]*$//' >"$OUT/$1.txt"; }
seed_db
ROOT=$(data_head)
mk_rev 4c2a91e0b7d1 "$ROOT" "rename age to user_age" \
	"UPDATE resource_types SET resource_type='user_age' WHERE resource_types.resource_type = 'age'"
mk_rev 77e0c3d2a9f4 "$ROOT" "rename age to years" \
	"UPDATE resource_types SET resource_type='years' WHERE resource_types.resource_type = 'age'"
"$WFO" upgrade 4c2a91e0b7d1 </dev/null >/dev/null 2>&1
mg_start 80x24 merge
tui_wait "2 heads on branch data" >/dev/null
snap merge-heads
tui_keys Enter; snap merge-sql
tui_keys Escape n; snap merge-write
tui_keys Enter; snap merge-apply
tui_keys q; tui_wait_exit >/dev/null
