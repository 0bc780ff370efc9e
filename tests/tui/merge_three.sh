#!/bin/bash
# tests/tui/merge_three.sh - the merge screen on the real layout: the
# orchestrator-core revisions (branch 'schema') in a folder of their own,
# named by alembic.ini's version_locations beside the project's folder; the
# data branch's root depends on the schema head. Three data heads, one
# applied and two not: the screen draws the three down to the root, the
# schema head is named as not merged here; the merge is written and applied
# from the screen with its progress; stock Alembic then sees one data head
# and has nothing left to do.
. "$(dirname "$0")/merge_lib.sh"
PY=${WFO_PYTHON:-/usr/bin/python3}
t_need "$PY"
tui_setup
CORE=$W/core/migrations/versions/schema
mkdir -p "$CORE"
mk_rev c0c0c0c0c0c1 None "Initial schema migration" "CREATE TABLE core_one (x int)" "$CORE" "('schema',)"
mk_rev c0c0c0c0c0c2 c0c0c0c0c0c1 "Add core table two" "CREATE TABLE core_two (x int)" "$CORE"
sed -i "s|^version_locations = .*|version_locations = $CORE %(here)s/migrations/versions/schema|" alembic.ini
"$WFO" upgrade heads </dev/null >/dev/null 2>&1 || { echo "FAILED - upgrade the schema branch"; exit 1; }   # nothing may be unapplied under a new migration
seed_db
ROOT=$(data_head)
t_true "the data root depends on the schema head" grep -q "^depends_on = 'c0c0c0c0c0c2'" \
	"$(ls "$W"/migrations/versions/schema/*_"$ROOT"_*.py)"
mk_rev d1d1d1d1d1d1 "$ROOT" "first head" "UPDATE products SET description = 'one' WHERE name = 'User internal'"
mk_rev d2d2d2d2d2d2 "$ROOT" "second head" "INSERT INTO workflows (name, target, description) VALUES ('wf_two', 'MODIFY', 'two')"
mk_rev d3d3d3d3d3d3 "$ROOT" "third head" "UPDATE products SET description = 'three' WHERE name = 'User external'"
"$WFO" upgrade d1d1d1d1d1d1 </dev/null >/dev/null 2>&1 || { echo "FAILED - upgrade d1d1d1d1d1d1"; exit 1; }

mg_start 100x30 merge
t_screen "three heads of the data branch" "wfo-migrate · merge · 3 heads on branch data"
t_screen "the schema head is not merged here" "Not merged here (other branches): c0c0c0c0c0c2 (schema)"
t_screen "the applied head" "● [x] d1d1d1d1d1d1  first head."
t_screen "a head not applied" "○ [x] d2d2d2d2d2d2  second head."
t_screen "the other head not applied" "○ [x] d3d3d3d3d3d3  third head."
t_screen "the common ancestor" "● ${ROOT:0:12}  seed. (data) (common ancestor)"
t_screen "different names: no collision" "✓ no collisions found"
t_eq "the schema revisions are not drawn" 0 "$(tui_screen | grep -c 'core table two')"
tui_keys n
t_screen "the merge step" "Merge 3 heads:"
t_screen "three revisions to run" "After the merge, upgrade heads runs 3 revisions in this order"
tui_keys Enter
t_screen "apply now?" "Apply it to the database now?"
tui_keys y
t_screen "upgraded from the screen" "Database upgraded"
tui_keys Enter
t_eq "exit 0" 0 "$(tui_wait_exit)"
t_restored "after the merge screen"
MID=$(ls "$W"/migrations/versions/schema/*_merge_heads.py | sed 's|.*/[0-9-]*_\([0-9a-f]*\)_merge_heads.py|\1|')
t_eq "one row: the merge" "$MID" "$(versions)"
t_eq "the heads' changes are in" "one three" \
	"$(sql "SELECT string_agg(description, ' ' ORDER BY description) FROM products WHERE name IN ('User internal', 'User external')")"
t_eq "stock Alembic: one data head" "$MID (data) (head)" "$(alem heads 2>/dev/null | grep '(data)')"
t_contains "stock Alembic: the database is at the merge" "$(alem current 2>/dev/null)" "$MID (head) (mergepoint)"
alem upgrade heads >/dev/null 2>&1; t_eq "stock Alembic: upgrade heads works" 0 $?
t_eq "... and had nothing to do" "$MID" "$(versions)"
t_done
