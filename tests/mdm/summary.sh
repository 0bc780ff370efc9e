#!/bin/bash
# tests/mdm/summary.sh - the summary of migrate-domain-models on a private
# PostgreSQL: plain English (no change-set identifiers), printed on stdout
# by --yes runs and before "Confirm the above actions" by line prompts, a
# chosen rename shown as a rename, and every deletion counted from the
# database: the totals it announces are what the upgrade then removes.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
TOP=${WFO_TOP_SRCDIR:-$(cd "$HERE/../.." && pwd)}
. "$TOP/tests/lib/assert.sh"
. "$TOP/tests/lib/pg.sh"
SCHEMA=${WFO_DATA:-$TOP/data}/schema.sql
CONF=$TOP/tests/conformance

[ -n "${WFO:-}" ] && [ -x "$WFO" ] || { echo "FAILED - \$WFO is not the built binary"; exit 1; }
t_need psql
pg_start
W=$(mktemp -d /tmp/wfo-summary.XXXXXX)
chmod 755 "$W"
trap 'pg_stop; rm -rf "$W"' EXIT
n=0

# setup SCENARIO: a fresh database and migrations folder with the scenario's catalogue
setup() {
	n=$((n + 1))
	mkdir "$W/$n" && cd "$W/$n" || exit 1
	"$WFO" init >/dev/null 2>&1 || { echo "FAILED - wfo-migrate init"; exit 1; }
	pg_newdb "s$n"
	psql -X -q -v ON_ERROR_STOP=1 -f "$SCHEMA" >/dev/null &&
		psql -X -q -v ON_ERROR_STOP=1 -f "$CONF/$1/before.sql" >/dev/null ||
		{ echo "FAILED - load $1"; exit 1; }
}
# mdm SCENARIO ARGS...: migrate-domain-models with the scenario's models and answers
mdm() {
	local sc=$CONF/$1 a=()
	shift
	[ -f "$sc/inputs.json" ] && a+=(--inputs "@$sc/inputs.json")
	[ -f "$sc/updates.json" ] && a+=(--updates "@$sc/updates.json")
	NO_COLOR=1 "$WFO" migrate-domain-models m --models "$sc/registry.json" "${a[@]}" "$@"
}
rows() {
	psql -X -A -t -c "SELECT (SELECT count(*) FROM subscriptions) || ' ' ||
		(SELECT count(*) FROM subscription_instances) || ' ' ||
		(SELECT count(*) FROM subscription_instance_values) || ' ' ||
		(SELECT count(*) FROM subscription_instance_relations) || ' ' ||
		(SELECT count(*) FROM processes)"
}
# the summary part of a run's output: from "Summary of the changes:" to the next blank line
summary() { sed -n '/^Summary of the changes:/,/^$/p' "$1"; }
plain() {
	local s=$1 what=$2
	if printf '%s' "$s" | grep -Eq 'create_|delete_|rename_|update_|_relations'; then
		t_bad "$what: the summary has change-set identifiers"
		printf '%s\n' "$s" | sed 's/^/  | /'
	else
		t_ok "$what: the summary is plain English (no create_/delete_ identifiers)"
	fi
}

# --- deletions only: the announced totals are what the upgrade removes
for sc in wi_remove_product wi_remove_product_block wi_remove_resource_type wi_remove_product_shared_process; do
	setup "$sc"
	before=$(rows)
	mdm "$sc" --yes --no-tui </dev/null >out 2>err
	t_eq "$sc: --yes run exits 0" 0 $?
	s=$(summary out)
	t_contains "$sc: --yes prints the summary on stdout" "$s" "Summary of the changes:"
	plain "$s" "$sc"
	"$WFO" upgrade heads >/dev/null 2>&1 || t_bad "$sc: upgrade heads"
	after=$(rows)
	read -r s0 i0 v0 r0 p0 <<<"$before"
	read -r s1 i1 v1 r1 p1 <<<"$after"
	total=$(printf '%s\n' "$s" | grep '^In all the upgrade deletes' || true)
	t_eq "$sc: the announced total is what the upgrade deleted" \
		"$(printf '%d %d %d %d %d' $((s0 - s1)) $((i0 - i1)) $((v0 - v1)) $((r0 - r1)) $((p0 - p1)))" \
		"$(printf '%s' "$total" | grep -Eo '[0-9]+' | tr '\n' ' ' | sed 's/ $//')"
done

# the shared process: the product line names the one process it deletes
setup wi_remove_product_shared_process
mdm wi_remove_product_shared_process --yes --no-tui </dev/null >out 2>err
t_contains "a product deletion is counted per kind, processes included" "$(summary out)" \
	"Delete product PA: 1 subscription, 0 instances, 0 values, 0 relations, 1 process"
t_contains "the block deleted first is counted with its instance" "$(summary out)" \
	"Delete product block BA: 1 instance, 1 value, 0 relations"
t_contains "the downgrade note" "$(summary out)" "A downgrade does not bring back what the upgrade deletes"

# --- a kept block is said to be kept, with what it keeps
setup wi_new_root_block_keeps_shared
mdm wi_new_root_block_keeps_shared --yes --no-tui </dev/null >out 2>err
t_eq "keeps-shared: exits 0" 0 $?
s=$(summary out)
plain "$s" "keeps-shared"
t_contains "the kept block and its data are named" "$s" \
	"Keep product block Shared in the subscriptions of product P1 (1 instance, 2 values)"
t_contains "nothing is deleted" "$s" "The upgrade deletes no subscription, instance, value, relation or process"
t_contains "creations in plain English" "$s" "1 product block to create: P1Root"

# --- line prompts: the summary comes before the confirmation and shows the rename
setup wi_rename_moves_resource_type
printf 'y\n' >answers.txt
mdm wi_rename_moves_resource_type --no-tui <answers.txt >out 2>err
t_eq "line prompts: exits 0 after y" 0 $?
s=$(summary out)
plain "$s" "line prompts"
t_contains "the rename is a rename, with the values it keeps" "$s" "Rename resource type a to a2 (keeps 0 values)"
t_contains "the values the moved type loses are counted" "$s" "Remove resource type a from product block B1: 1 value"
t_eq "no deletion of a or creation of a2 in its place" "" "$(printf '%s\n' "$s" | grep -E 'Delete resource type a|to create: a2' || true)"
t_true "the summary comes before the confirmation" \
	awk '/^Summary of the changes:/ { s = NR } /Confirm the above actions/ { c = NR } END { exit !(s && c && s < c) }' out

# an answer of no writes nothing
setup wi_remove_product_shared_process
printf 'n\n' >answers.txt
mdm wi_remove_product_shared_process --no-tui <answers.txt >out 2>err
t_eq "declining the confirmation exits 7" 7 $?
t_contains "the deletions were shown before asking" "$(summary out)" "Delete product PA: 1 subscription"
t_eq "nothing written after no" 0 "$(ls migrations/versions/schema/*.py 2>/dev/null | wc -l)"

t_done
