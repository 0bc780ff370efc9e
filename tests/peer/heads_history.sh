#!/bin/bash
# heads_history.sh - `wfo-migrate heads`, `history`, `history -v`, `current`
# and `history --current` print byte for byte what stock Alembic prints
# (`alembic heads|history|history -v|current|history -i`) for generated
# folders of several shapes: linear, fork, merge, several labels, labels
# merged, depends_on, a second version location ("core" folder), random
# graphs; the database-side commands after partial upgrades.
#
# Only the order of a revision's branch labels (and of "Branches into:") is
# normalised (see norm in lib.sh): Alembic keeps them in Python sets, so even
# Alembic prints them in a different order from one run to the next.
# `alembic current` prints a Python set of revisions (get_all_current), in
# an order that changes from run to run: its lines are compared sorted.
# Head order is NOT normalised: Alembic lists heads in the order it read the
# files (os.listdir), which is fixed for a given folder.
set -u
. "$WFO_TOP_SRCDIR/tests/lib/assert.sh"
. "$WFO_TOP_SRCDIR/tests/lib/pg.sh"
. "$WFO_TOP_SRCDIR/tests/peer/lib.sh"
peer_need
pg_start
W=$(mktemp -d /tmp/wfo-peer-hh.XXXXXX)
trap 'pg_stop; rm -rf "$W"' EXIT

# same NAME CMD...: `wfo-migrate CMD` and `alembic CMD'` (CMD' = alembic's
# spelling, given after --) print the same stdout and both succeed.
same() {
	local name=$1; shift
	local wargs=() aargs=()
	while [ $# -gt 0 ] && [ "$1" != "--" ]; do wargs+=("$1"); shift; done
	shift
	aargs=("$@")
	local exp got erc grc
	exp=$(alem "${aargs[@]}" 2>"$W/alembic.err"); erc=$?
	got=$("$WFO" "${wargs[@]}" 2>"$W/wfo.err"); grc=$?
	if [ $erc -ne 0 ]; then
		t_bad "$name: alembic ${aargs[*]} failed (exit $erc)"; cat "$W/alembic.err"; return
	fi
	if [ $grc -ne 0 ]; then
		t_bad "$name: wfo-migrate ${wargs[*]} failed (exit $grc)"; cat "$W/wfo.err"; return
	fi
	if [ "${SORTED:-0}" = 1 ]; then
		t_eq "$name" "$(printf '%s\n' "$exp" | norm | sort)" "$(printf '%s\n' "$got" | norm | sort)"
	else
		t_eq "$name" "$(printf '%s\n' "$exp" | norm)" "$(printf '%s\n' "$got" | norm)"
	fi
}

# offline NAME DIR: heads, history, history -v without a database.
offline() {
	cd "$2" || exit 1
	same "$1: heads" heads -- heads
	same "$1: history" history -- history
	same "$1: history -v" history -v -- history -v
}

# online NAME DIR TARGET...: for a fresh database, after each alembic
# upgrade to TARGET: current, history --current (alembic history -i).
online() {
	local name=$1 dir=$2 db
	shift 2
	db="hh_$(echo "$name" | tr -c 'a-z0-9\n' '_')"
	pg_newdb "$db"
	cd "$dir" || exit 1
	SORTED=1 same "$name: current of an empty database" current -- current
	for tgt in "$@"; do
		if ! alem upgrade "$tgt" >/dev/null 2>"$W/up.err"; then
			t_bad "$name: alembic upgrade $tgt"; cat "$W/up.err"; continue
		fi
		SORTED=1 same "$name: current after upgrade $tgt" current -- current
		same "$name: history --current after upgrade $tgt" history --current -- history -i
		same "$name: history -v --current after upgrade $tgt" history -v --current -- history -v -i
	done
}

# the shapes
for s in linear fork merge labels depends external mergelabels; do
	gen "$W/$s" --shape "$s" --seed 7
	offline "$s" "$W/$s"
done
online linear "$W/linear" "$(rev_at "$W/linear" 1)" +1 heads
online fork "$W/fork" "$(rev_at "$W/fork" 1)" "$(rev_at "$W/fork" 2)" heads
online merge "$W/merge" "$(rev_at "$W/merge" 2)" "$(rev_at "$W/merge" 1)" "$(rev_at "$W/merge" 4)" heads
online labels "$W/labels" schema@head data@head extra@head heads
online depends "$W/depends" "$(rev_at "$W/depends" 2)" "$(rev_at "$W/depends" 5)" heads
online external "$W/external" schema@head data@head
online mergelabels "$W/mergelabels" left@head "$(rev_at "$W/mergelabels" 2)" heads

# random graphs with forks, merges, labels and depends_on
for seed in 1 2 3 4; do
	gen "$W/r$seed" --count 40 --seed "$seed"
	offline "random seed $seed" "$W/r$seed"
	online "random$seed" "$W/r$seed" "$(rev_at "$W/r$seed" 10)" "$(rev_at "$W/r$seed" 25)" heads
done

# a bigger one: history of 300 revisions
gen "$W/big" --count 300 --seed 11
offline "random 300" "$W/big"
cd "$W/big" && same "random 300: history --verbose" history --verbose -- history --verbose

# external revisions: the project's alembic.ini without the core folder.
# The core revisions are then unknown locally, the data root depends on one
# of them; heads/history show the local revisions as Alembic shows them when
# it does know the core folder, minus the core revisions' own lines.
cd "$W/external" || exit 1
core=$(awk '$4 ~ /versions\/core\// { print $2 }' revs.txt | paste -sd'|')
exp_heads=$(alem heads 2>/dev/null | grep -Ev "^($core) " | norm)
sed -i 's#^version_locations = .*#version_locations = %(here)s/migrations/versions/schema#' alembic.ini
got=$("$WFO" heads 2>"$W/wfo.err"); rc=$?
t_eq "external depends_on: heads exits 0" 0 "$rc"
[ "$rc" = 0 ] || cat "$W/wfo.err"
t_eq "external depends_on: heads lists the local heads" "$exp_heads" "$(printf '%s\n' "$got" | norm)"
t_done
