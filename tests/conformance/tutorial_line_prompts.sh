#!/bin/bash
# tests/conformance/tutorial_line_prompts.sh - the workshop tutorial (seed 001:
# User Group / User internal / User external) with line prompts, from an
# empty catalogue to `upgrade heads`: every question is answered on stdin, in
# the order the program asks it, with the answers the seed lists.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
TOP=${WFO_TOP_SRCDIR:-$(cd "$HERE/../.." && pwd)}
. "$TOP/tests/lib/assert.sh"
. "$TOP/tests/lib/pg.sh"
SCHEMA=${WFO_SCHEMA:-${WFO_DATA:-$TOP/data}/schema.sql}
SC=$HERE/workshop_user_products

[ -n "${WFO:-}" ] && [ -x "$WFO" ] || { echo "FAILED - \$WFO is not the built binary"; exit 1; }
[ -r "$SCHEMA" ] || { echo "FAILED - $SCHEMA is missing"; exit 1; }
t_need psql
pg_start
W=$(mktemp -d /tmp/wfo-tutorial.XXXXXX)
trap 'pg_stop; rm -rf "$W"' EXIT
pg_newdb tutorial
psql -X -q -v ON_ERROR_STOP=1 -f "$SCHEMA" >/dev/null || { echo "FAILED - load $SCHEMA"; exit 1; }
(cd "$W" && "$WFO" init >/dev/null 2>&1) || { echo "FAILED - wfo-migrate init"; exit 1; }

# The seed's answers, by question (and by the Product:/Product block: line
# shown before a description or tag question).
answer() { # $1 = question text, $2 = current product, $3 = current block
	case "$1" in
	"Supply the product description: ")
		case "$2" in
		"User Group") echo "user group administration" ;;
		"User internal") echo "user administration - internal" ;;
		"User external") echo "user administration - external" ;;
		esac ;;
	"Supply the product tag: ")
		case "$2" in
		"User Group") echo GROUP ;; "User internal") echo USER_INT ;; "User external") echo USER_EXT ;;
		esac ;;
	"Supply fixed input value for product User internal and fixed input affiliation: ") echo internal ;;
	"Supply fixed input value for product User external and fixed input affiliation: ") echo external ;;
	"Supply the product block description: ")
		case "$3" in UserGroupBlock) echo "user group block" ;; UserBlock) echo "user block" ;; esac ;;
	"Supply the product block tag: ")
		case "$3" in UserGroupBlock) echo UGB ;; UserBlock) echo UB ;; esac ;;
	"Supply description for new resource type group_name: ") echo "name of the user group" ;;
	"Supply description for new resource type group_id: ") echo "id of the user group" ;;
	"Supply description for new resource type username: ") echo "name of the user" ;;
	"Supply description for new resource type age: ") echo "age of the user" ;;
	"Supply description for new resource type user_id: ") echo "id of the user" ;;
	*"[y/N]: "|*"[y/n]: ") echo y ;;
	esac
}

cd "$W"
coproc MDM { NO_COLOR=1 exec "$WFO" migrate-domain-models "Add User and UserGroup products" \
	--models "$SC/registry.json" --no-tui 2>&1; }
# bash closes the coprocess's descriptors when it ends: keep copies
PID=$MDM_PID
exec {OUT_FD}<&"${MDM[0]}" {IN_FD}>&"${MDM[1]}"
transcript=""
line=""
product=""
block=""
asked=0
unknown=""
while IFS= read -r -N 1 -t 30 c <&"$OUT_FD"; do
	transcript+=$c
	if [ "$c" = $'\n' ]; then
		case "$line" in
		"Product: "*) product=${line#Product: }; product=${product#* } ;;
		"Product block: "*) block=${line#Product block: } ;;
		esac
		line=""
		continue
	fi
	line+=$c
	case "$line" in
	*": "|"? ")
		a=$(answer "$line" "$product" "$block")
		if [ -n "$a" ]; then
			printf '%s\n' "$a" >&"$IN_FD"
			asked=$((asked + 1))
		elif [ "$line" = "? " ]; then
			unknown="$unknown [menu]"
			printf 'q\n' >&"$IN_FD"
		elif [[ "$line" == Supply* ]] || [[ "$line" == *"]: " ]]; then
			unknown="$unknown [$line]"
			exec {IN_FD}>&-
		fi ;;
	esac
done
exec {IN_FD}>&- 2>/dev/null
wait "$PID"
rc=$?
printf '%s\n' "$transcript" >"$W/transcript"
sed 's/^/  | /' "$W/transcript"

t_eq "migrate-domain-models exits 0" 0 "$rc"
t_eq "no question without a seed answer" "" "$unknown"
# 3 products x 2, 2 fixed inputs, 2 blocks x 2, 5 resource types, 1 confirmation
t_eq "every seed answer was asked for" 18 "$asked"
for l in "Create new products" "Product: UserGroup User Group" "Product: User User internal" \
	"Product: User User external" "Create fixed inputs" "Create product blocks" \
	"Product block: UserGroupBlock" "Product block: UserBlock" "Create resource types" \
	"Supply the product description: user group administration" \
	"Supply the product tag: USER_INT" \
	"Supply fixed input value for product User external and fixed input affiliation: external" \
	"Supply the product block tag: UGB" \
	"Supply description for new resource type age: age of the user"; do
	t_contains "the transcript reads like the seed: $l" "$transcript" "$l"
done
file=$(ls migrations/versions/schema/*.py 2>/dev/null)
t_eq "one revision file written" 1 "$(printf '%s' "$file" | grep -c .)"
last=$(printf '%s' "$transcript" | tail -n 1)
t_eq "the last line is the written file" "$(readlink -f "$file" 2>/dev/null)" "$(readlink -f "$last" 2>/dev/null)"
t_true "upgrade heads" "$WFO" upgrade heads
# the workshop scenario's checks hold after the upgrade
while IFS= read -r l; do
	case "$l" in --*) c=${l#-- } ;; SELECT*)
		t_eq "$c" t "$(psql -X -A -t -c "$l" 2>&1)" ;;
	esac
done <"$SC/checks.sql"
t_done
