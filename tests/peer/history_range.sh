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

# compare NAME DIR: every range through Alembic and wfo-migrate. Both
# sides' answers go into one file each ("### RANGE<tab>STATUS" + stdout),
# normalised once and compared block by block (the Python below).
compare() {
	local name=$1 d=$2 arg rc verdict line
	PAIRS=0
	ranges "$d" | awk '!seen[$0]++' >"$W/ranges"
	(cd "$d" && "$PEER_PY" "$MANY" . history <"$W/ranges") >"$W/alembic.out" 2>"$W/alembic.err" \
		|| { t_bad "$name: alembic_many.py failed"; cat "$W/alembic.err"; return; }
	: >"$W/wfo.out"
	while IFS= read -r arg; do
		(cd "$d" && "$WFO" history -r "$arg") >"$W/one.out" 2>"$W/one.err"; rc=$?
		[ $rc -ne 0 ] && [ ! -s "$W/one.err" ] && rc=999   # a refusal must say why
		printf '### %s\t%s\n' "$arg" "$rc" >>"$W/wfo.out"
		cat "$W/one.out" >>"$W/wfo.out"
	done <"$W/ranges"
	norm <"$W/alembic.out" >"$W/alembic.norm"
	norm <"$W/wfo.out" >"$W/wfo.norm"
	while IFS= read -r line; do
		verdict=${line%% *}
		case "$verdict" in
		PASS) t_ok "$name: ${line#PASS }" ;;
		*) t_bad "$name: ${line#FAIL }" ;;
		esac
	done < <("$PEER_PY" - "$W/alembic.norm" "$W/wfo.norm" <<'PY'
import sys
def blocks(path):
    out, key = {}, None
    for line in open(path, encoding="utf-8"):
        if line.startswith("### "):
            arg, status = line[4:].rstrip("\n").rsplit("\t", 1)
            key = arg
            out[key] = [int(status), ""]
        else:
            out[key][1] += line
    return out
a, w = blocks(sys.argv[1]), blocks(sys.argv[2])
same = refused = crashed = 0
for arg, (st, text) in a.items():
    wst, wtext = w.get(arg, (None, None))
    if st == 0 and wst == 0 and text == wtext:
        same += 1
    elif st == 255 and wst not in (0, 999, None):
        refused += 1
    elif st == 1 and wst == 0:   # Alembic's internal error: we print the range
        crashed += 1
    else:
        print("FAIL history -r %s: Alembic exit %s, wfo-migrate exit %s\n--- alembic:\n%s--- wfo-migrate:\n%s"
              % (arg, st, wst, text, wtext or "").replace("\n", " | "))
print("PASS %d ranges identical, %d refused by both, %d where Alembic crashes"
      % (same, refused, crashed))
if same <= 10:
    print("FAIL too few ranges compared (%d)" % same)
PY
)
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
