#!/bin/bash
# revision.sh - `wfo-migrate revision` and `merge` write files stock Alembic
# loads: the data head is created first (depending on the schema head),
# later revisions go on data@head, several data heads are refused until
# merged, and merge joins them; Alembic then upgrades the lot.
set -u
. "$WFO_TOP_SRCDIR/tests/lib/assert.sh"
. "$WFO_TOP_SRCDIR/tests/lib/pg.sh"
PY=${WFO_PYTHON:-/usr/bin/python3}
al() { "$PY" -m alembic "$@" 2>&1; }
t_need psql
pg_start
pg_newdb revtest
W=$(mktemp -d /tmp/wfo-rev.XXXXXX)
trap 'pg_stop; rm -rf "$W"' EXIT
cd "$W"
"$WFO" init >/dev/null || { echo "FAILED - init"; exit 1; }
V=migrations/versions/schema

# a stand-in for orchestrator-core's schema branch
al revision -m "Initial schema" --rev-id c112305b07d3 --branch-label schema >/dev/null
al revision -m "schema two" --rev-id da5c9f4cce1c --head schema@head >/dev/null

out=$("$WFO" revision -m "add user products"); rc=$?
t_eq "revision exits 0" 0 "$rc"
t_eq "two files printed (data head, then the revision)" 2 "$(printf '%s\n' "$out" | wc -l)"
root=$(printf '%s\n' "$out" | sed -n 1p); first=$(printf '%s\n' "$out" | sed -n 2p)
t_true "data head file exists" test -f "$root"
t_contains "data head file name" "$root" "_create_data_head.py"
t_contains "revision file name" "$first" "_add_user_products.py"
t_contains "data head: no down_revision" "$(cat "$root")" "down_revision = None"
t_contains "data head: label data" "$(cat "$root")" "branch_labels = ('data',)"
t_contains "data head depends on the schema head" "$(cat "$root")" "depends_on = 'da5c9f4cce1c'"
rid=$(sed -n "s/^revision = '\(.*\)'/\1/p" "$root")
fid=$(sed -n "s/^revision = '\(.*\)'/\1/p" "$first")
t_contains "revision revises the data head" "$(cat "$first")" "down_revision = '$rid'"
heads=$(al heads | sort)
t_eq "alembic heads" "$(printf '%s\n' "$fid (data) (head)" "da5c9f4cce1c (schema) (effective head)" | sort)" "$heads"

out=$("$WFO" revision -m 'hostile """ \ message: %(x)s ünï')
t_eq "second revision: one file" 1 "$(printf '%s\n' "$out" | wc -l)"
t_true "hostile message file parses" "$PY" -c "import ast,sys; ast.parse(open(sys.argv[1], encoding='utf-8').read())" "$out"
sid=$(sed -n "s/^revision = '\(.*\)'/\1/p" "$out")
t_contains "on data@head" "$(cat "$out")" "down_revision = '$fid'"
t_contains "alembic history shows the message" "$(al history)" "$fid -> $sid (data) (head), hostile \"\"\" \\ message: %(x)s ünï."

# a fork of the data branch: refused, then merged
al revision -m "fork" --rev-id f0f0f0f0f0f0 --head "$fid" --splice >/dev/null
msg=$("$WFO" revision -m "more" 2>&1); rc=$?
t_eq "several data heads: exit 3" 3 "$rc"
t_contains "the refusal says to merge" "$msg" "merge"
t_eq "nothing written on refusal" 6 "$(ls $V/*.py | wc -l)"

# same_as_alembic NAME FILE ALEMBIC-MERGE-ARGS...: FILE is what stock Alembic
# writes for `alembic merge ARGS` in a copy of the project, but for the
# revision id and the creation date.
same_as_alembic() {
	local name=$1 file=$2 c="$W.alembic" a; shift 2
	rm -rf "$c"; mkdir "$c"; cp -r "$W/alembic.ini" "$W/migrations" "$c/"
	rm -f "$c/$V/$(basename "$file")"
	a=$(cd "$c" && al merge --rev-id 0123456789ab "$@" >/dev/null && ls "$c/$V/"*0123456789ab*.py)
	if [ -z "$a" ]; then t_bad "$name: alembic merge $*"; return; fi
	t_eq "$name" "$(normrev <"$a")" "$(normrev <"$file")"
	t_contains "$name: file name as Alembic's (date, id, slug)" "$(basename "$a" | sed 's/0123456789ab/ID/')" \
		"$(basename "$file" | sed "s/$(sed -n "s/^revision = '\(.*\)'/\1/p" "$file")/ID/")"
	rm -rf "$c"
}
normrev() {
	sed -e "s/^Create Date: .*/Create Date: DATE/" -e "s/^Revision ID: .*/Revision ID: ID/" \
		-e "s/^revision = .*/revision = ID/"
}

dheads=$(al heads | sed -n 's/^\([0-9a-z]*\) (data) (head)$/\1/p' | paste -sd' ' | sed "s/ /', '/g")
# --screen asks for the merge screen: without a terminal it is refused
# (exit 2, nothing written), as it is together with --no-tui or a REV
before=$(ls "$W/$V" | wc -l)
msg=$("$WFO" merge --screen -m "merge data heads" </dev/null 2>&1); rc=$?
t_eq "merge --screen without a terminal: exit 2" 2 "$rc"
t_contains "merge --screen says it needs a terminal" "$msg" "--screen needs a terminal"
msg=$("$WFO" merge --screen --no-tui -m x 2>&1); rc=$?
t_eq "merge --screen --no-tui: exit 2" 2 "$rc"
t_contains "they exclude each other" "$msg" "exclude each other"
t_eq "nothing written by the refusals" "$before" "$(ls "$W/$V" | wc -l)"
m=$("$WFO" merge -m "merge data heads"); rc=$?
t_eq "merge exits 0" 0 "$rc"
t_contains "merge is in the project folder" "$m" "$W/$V/"
t_true "merge file exists" test -f "$m"
mid=$(sed -n "s/^revision = '\(.*\)'/\1/p" "$m")
t_contains "merge: down_revision is the tuple of both data heads (Alembic's head order)" \
	"$(cat "$m")" "down_revision = ('$dheads')"
t_contains "merge: Revises names both" "$(cat "$m")" "Revises: $(printf '%s' "$dheads" | sed "s/', '/, /g")"
t_eq "merge: the two data heads were $sid and f0f0f0f0f0f0" "$(printf '%s\n' "$sid" f0f0f0f0f0f0 | sort)" \
	"$(printf '%s' "$dheads" | sed "s/', '/\n/g" | sort)"
t_false "merge: the schema head is not merged in" grep -q "da5c9f4cce1c" "$m"
same_as_alembic "merge of the data heads: the file alembic merge data@heads writes" "$m" \
	-m "merge data heads" data@heads
heads=$(al heads | sort)
t_eq "one data head after merge" "$(printf '%s\n' "$mid (data) (head)" "da5c9f4cce1c (schema) (effective head)" | sort)" "$heads"
t_contains "history shows the merge point" "$(al history)" "-> $mid (data) (head) (mergepoint), merge data heads."

m2=$("$WFO" merge 2>&1); rc=$?
t_false "merge with one data head refuses" test "$rc" = 0
t_contains "says nothing to merge" "$m2" "nothing to merge"

# merge of named revisions (a prefix, in the order given) and of a schema
# revision: exactly those, in that order
al revision -m "fork a" --rev-id a1a1a1a1a1a1 --head "$mid" --splice >/dev/null
al revision -m "fork b" --rev-id b2b2b2b2b2b2 --head "$mid" --splice >/dev/null
n=$(ls $V/*.py | wc -l)
bad=$("$WFO" merge -m "x" zzzzzz a1a1 2>&1); rc=$?
t_false "merge of an unknown revision fails" test "$rc" = 0
t_contains "the error names the unknown revision" "$bad" "zzzzzz"
t_eq "nothing written on an unknown revision" "$n" "$(ls $V/*.py | wc -l)"
m3=$("$WFO" merge -m "merge named" b2b2 a1a1a1a1a1a1); rc=$?
t_eq "merge of named revisions exits 0" 0 "$rc"
m3id=$(sed -n "s/^revision = '\(.*\)'/\1/p" "$m3")
t_contains "merge of named revisions: in the order given, full ids" "$(cat "$m3")" \
	"down_revision = ('b2b2b2b2b2b2', 'a1a1a1a1a1a1')"
same_as_alembic "merge of named revisions: the file alembic merge writes" "$m3" \
	-m "merge named" b2b2 a1a1a1a1a1a1
t_eq "alembic heads after the named merge" \
	"$(printf '%s\n' "$m3id (data) (head)" "da5c9f4cce1c (schema) (effective head)" | sort)" "$(al heads | sort)"
t_contains "alembic history: the named merge point" "$(al history)" \
	"b2b2b2b2b2b2, a1a1a1a1a1a1 -> $m3id (data) (head) (mergepoint), merge named."
m4=$("$WFO" merge -m "all in" 2>&1); rc=$?
t_false "merge after the named merge: nothing to merge" test "$rc" = 0

t_true "alembic upgrade heads runs every file" "$PY" -m alembic upgrade heads
t_eq "alembic_version (the schema head is covered by the data root)" "$m3id" "$(psql -X -A -t -c "SELECT version_num FROM alembic_version ORDER BY 1")"
# (Alembic prints current's heads from a Python set: compared sorted)
t_eq "wfo-migrate current agrees" "$("$PY" -m alembic current 2>/dev/null | sort)" "$("$WFO" current | sort)"
t_done
