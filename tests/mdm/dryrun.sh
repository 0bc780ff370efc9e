#!/bin/bash
# tests/mdm/dryrun.sh - `migrate-domain-models --dry-run` on a private
# PostgreSQL with the tutorial's products and a subscription whose age is
# 42: the rows each statement touches, the verdict after the downgrade
# (a rename comes back whole: exit 0; dropping age loses the value: exit 1,
# the value listed), a failing statement named with PostgreSQL's error
# (exit 4); every time no file is written and the database is unchanged.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
TOP=${WFO_TOP_SRCDIR:-$(cd "$HERE/../.." && pwd)}
. "$TOP/tests/lib/assert.sh"
. "$TOP/tests/lib/pg.sh"
SCHEMA=${WFO_DATA:-$TOP/data}/schema.sql
SC=$TOP/tests/conformance/workshop_user_products

[ -n "${WFO:-}" ] && [ -x "$WFO" ] || { echo "FAILED - \$WFO is not the built binary"; exit 1; }
t_need psql
t_need pg_dump
pg_start
W=$(mktemp -d /tmp/wfo-dry.XXXXXX)
chmod 755 "$W"
trap 'pg_stop; [ -n "${KEEP:-}" ] || rm -rf "$W"' EXIT
cd "$W" || exit 1
"$WFO" init >/dev/null 2>&1 || { echo "FAILED - wfo-migrate init"; exit 1; }
pg_newdb orch
psql -X -q -v ON_ERROR_STOP=1 -f "$SCHEMA" >/dev/null || { echo "FAILED - load schema"; exit 1; }
"$WFO" migrate-domain-models seed --models "$SC/registry.json" --inputs "@$SC/inputs.json" \
	--yes --no-tui --upgrade </dev/null >/dev/null 2>&1 || { echo "FAILED - seed"; exit 1; }
psql -X -q -v ON_ERROR_STOP=1 >/dev/null <<'SQL' || { echo "FAILED - subscription fixture"; exit 1; }
INSERT INTO subscriptions (subscription_id, description, status, product_id, customer_id, insync, start_date)
	SELECT '00000000-0000-4000-8000-000000000001', 'user 1', 'active', product_id,
	       'c0ffee00-0000-4000-8000-000000000001', true, now() FROM products WHERE name = 'User internal';
INSERT INTO subscription_instances (subscription_instance_id, subscription_id, product_block_id)
	SELECT '00000000-0000-4000-8000-0000000000a1', '00000000-0000-4000-8000-000000000001', product_block_id
	FROM product_blocks WHERE name = 'UserBlock';
INSERT INTO subscription_instance_values (subscription_instance_id, resource_type_id, value)
	SELECT '00000000-0000-4000-8000-0000000000a1', resource_type_id, '42' FROM resource_types WHERE resource_type = 'age';
SQL
sed 's/"age"/"user_age"/' "$SC/registry.json" >renamed.json
nfiles() { ls migrations/versions/schema/*.py 2>/dev/null | wc -l; }
dump() { pg_dump --data-only --no-owner orch | grep -v -e '^--' -e '^.restrict' -e '^.unrestrict' | sort; }
before_files=$(nfiles)
dump >db.before
unchanged() {
	t_eq "$1: no revision file written" "$before_files" "$(nfiles)"
	dump >db.after
	t_true "$1: the database is unchanged (pg_dump)" cmp -s db.before db.after
}

# a rename: everything comes back
"$WFO" migrate-domain-models m --models renamed.json --updates '{"resource_types": {"age": "user_age"}}' \
	--dry-run </dev/null >out 2>err
t_eq "a rename: exit 0" 0 $?
t_contains "the report says it was rolled back" "$(cat out)" "rolled back; nothing was written or changed"
t_contains "the rename statement touched 1 row" "$(cat out)" "1 row   UPDATE resource_types SET resource_type='user_age'"
t_contains "the downgrade ran after it" "$(cat out)" "Downgrade (after the upgrade): 1 of 1 statement ran"
t_contains "the verdict: the catalogue comes back" "$(cat out)" "the catalogue is as it was before the upgrade"
unchanged "a rename"

# no rename: the value of age is dropped and cannot come back
"$WFO" migrate-domain-models m --models renamed.json \
	--inputs '{"user_age": {"description": "age of the user", "value": "0"}}' --dry-run </dev/null >out 2>err
t_eq "dropping age: exit 1 (some rows cannot come back)" 1 $?
t_contains "the dropped value is counted per statement" "$(cat out)" "1 row   DELETE FROM subscription_instance_values"
t_contains "the verdict: not as it was" "$(cat out)" "the catalogue is NOT as it was"
t_contains "what cannot come back is listed" "$(cat out)" "instance value: 1 row, e.g."
t_contains "the lost value itself" "$(cat out)" "00000000-0000-4000-8000-0000000000a1 | age = 42"
t_contains "the list is headed as what cannot come back" "$(cat out)" "Cannot come back (deleted by the upgrade, not restored):"
cp out lossy.out
unchanged "dropping age"

# an upgrade running (holding the advisory lock): the dry run says so at
# once instead of waiting
psql -X -q -c "SELECT pg_advisory_lock(8603686379037747058), pg_sleep(60)" >/dev/null 2>&1 &
locker=$!
for _ in $(seq 50); do
	[ "$(psql -X -A -t -c "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted")" = 1 ] && break
	sleep 0.1
done
start=$(date +%s)
"$WFO" migrate-domain-models m --models renamed.json --updates '{"resource_types": {"age": "user_age"}}' \
	--dry-run </dev/null >out 2>err
t_eq "the lock is held elsewhere: exit 4" 4 $?
t_true "without waiting for it" test $(( $(date +%s) - start )) -lt 20
t_contains "it says why" "$(cat err)" "another wfo-migrate upgrade or downgrade is running"
kill "$locker" 2>/dev/null
psql -X -q -c "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query LIKE '%pg_sleep(60)%' AND pid <> pg_backend_pid()" >/dev/null
wait "$locker" 2>/dev/null
unchanged "the lock held elsewhere"

# a failing statement: named, with PostgreSQL's error; exit 4
psql -X -q -c "ALTER TABLE resource_types ADD CONSTRAINT no_user_age CHECK (resource_type <> 'user_age')" || exit 1
dump >db.before
"$WFO" migrate-domain-models m --models renamed.json --updates '{"resource_types": {"age": "user_age"}}' \
	--dry-run </dev/null >out 2>err
t_eq "a failing statement: exit 4" 4 $?
t_contains "the report names the failing statement" "$(cat out)" "upgrade statement 1 of 1: statement failed: UPDATE resource_types"
t_contains "the report quotes PostgreSQL" "$(cat out)" 'violates check constraint "no_user_age"'
t_contains "the error on stderr too" "$(cat err)" "upgrade statement 1 of 1"
unchanged "a failing statement"
t_done
