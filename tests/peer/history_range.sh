#!/bin/bash
# history_range.sh - `wfo-migrate history -r START:END` prints what stock
# Alembic's `alembic history -r` prints, for every revision, label and
# relative form of several graph shapes (linear, fork, merge, labels,
# depends_on, external, merged labels, random); and fails where Alembic
# refuses the range. `heads --resolve-dependencies [-v]` likewise.
#
# Alembic is run in one process per folder (alembic_many.py). Where Alembic
# itself dies on an internal assertion (its _topological_sort on some
# dependency graphs) we print the range instead: those are counted and must
# succeed here. Label order inside "(a, b)" is normalised (norm, lib.sh).
set -u
. "$WFO_TOP_SRCDIR/tests/lib/assert.sh"
. "$WFO_TOP_SRCDIR/tests/lib/pg.sh"
. "$WFO_TOP_SRCDIR/tests/peer/lib.sh"
peer_need
W=$(mktemp -d /tmp/wfo-peer-hr.XXXXXX)
trap 'rm -rf "$W"' EXIT
MANY="$WFO_TOP_SRCDIR/tests/peer/alembic_many.py"

# ranges DIR: the ranges to try for a generated folder
ranges() {
	local d=$1 ids labs i l
	ids=$(awk '{print $2}' "$d/revs.txt")
	labs=$(awk '$3 != "-" {print $3}' "$d/revs.txt" | tr ',' '\n' | sort -u)
	printf '%s\n' "base:" ":heads" ":" "-1:" "-2:" "-3:" "-50:" ":+1" ":+2" ":+50" "head:" ":head" "base:base" "heads:heads" "base:x_no_such"
	for i in $ids; do
		printf '%s\n' "$i:" ":$i" "$i:+1" "$i:+2" "$i:-1" "${i:0:5}:heads" "$i:+50" "-2:$i" "-50:$i" "$i:$i"
	done
	for l in $labs; do
		printf '%s\n' "$l@base:" "$l@-1:" ":$l@head" ":$l@heads" "$l@heads:" "$l@+1:" "$l:"
	done
	# pairs of revisions, both orders
	set -- $ids
	local a b
	for a in "$@"; do for b in "$@"; do
		# every third pair keeps the list short on big folders
		[ $(( (PAIRS += 1) % 3 )) -eq 0 ] && echo "$a:$b"
	done; done
}

# compare NAME DIR: every range through Alembic and wfo-migrate
compare() {
	local name=$1 d=$2 arg status exp got grc same=0 refused=0 crashed=0 bad=0
	PAIRS=0
	ranges "$d" | awk '!seen[$0]++' >"$W/ranges"
	(cd "$d" && "$PEER_PY" "$MANY" . history <"$W/ranges") >"$W/alembic.out" 2>"$W/alembic.err" \
		|| { t_bad "$name: alembic_many.py failed"; cat "$W/alembic.err"; return; }
	while IFS= read -r arg; do
		status=$(awk -v a="$arg" 'BEGIN { FS = "\t" } $1 == "### " a { print $2; exit }' "$W/alembic.out")
		exp=$(awk -v a="$arg" 'BEGIN { FS = "\t" } /^### / { on = ($1 == "### " a) ; next } on' "$W/alembic.out" | norm)
		got=$(cd "$d" && "$WFO" history -r "$arg" 2>"$W/wfo.err"); grc=$?
		got=$(printf '%s\n' "$got" | norm)
		case "$status" in
		0)	if [ $grc -eq 0 ] && [ "$exp" = "$got" ]; then same=$((same + 1)); else
				bad=$((bad + 1)); t_bad "$name: history -r $arg (exit $grc)"
				diff <(printf '%s\n' "$exp") <(printf '%s\n' "$got") | head -6; cat "$W/wfo.err"
			fi ;;
		255)	if [ $grc -ne 0 ] && [ -s "$W/wfo.err" ]; then refused=$((refused + 1)); else
				bad=$((bad + 1)); t_bad "$name: history -r $arg: Alembic refuses it, wfo-migrate printed (exit $grc)"
			fi ;;
		1)	if [ $grc -eq 0 ]; then crashed=$((crashed + 1)); else
				bad=$((bad + 1)); t_bad "$name: history -r $arg: Alembic crashes; wfo-migrate should print it"; cat "$W/wfo.err"
			fi ;;
		*)	bad=$((bad + 1)); t_bad "$name: no Alembic answer for '$arg'" ;;
		esac
	done <"$W/ranges"
	t_ok "$name: $same ranges identical, $refused refused by both, $crashed where Alembic crashes"
	[ $same -gt 10 ] || t_bad "$name: too few ranges compared ($same)"
	# heads --resolve-dependencies, plain and -v
	for v in "" -v; do
		exp=$(cd "$d" && echo "$v" | "$PEER_PY" "$MANY" . heads-resolved | sed 1d | norm)
		got=$(cd "$d" && "$WFO" heads --resolve-dependencies $v | norm)
		t_eq "$name: heads --resolve-dependencies $v" "$exp" "$got"
	done
}

for s in linear fork merge labels depends external mergelabels; do
	gen "$W/$s" --shape "$s" --seed 7
	compare "$s" "$W/$s"
done
gen "$W/random" --count 24 --seed 3
compare random "$W/random"

# wrong forms are usage errors, before any folder is read
"$WFO" history -r base >/dev/null 2>"$W/err"; rc=$?
t_eq "a range without ':' is refused" 2 "$rc"
t_contains "the error says the form" "$(cat "$W/err")" "requires [start]:[end]"
"$WFO" history -r a:b:c >/dev/null 2>&1; t_eq "a range with two ':' is refused (Alembic crashes)" 2 "$?"
t_done
