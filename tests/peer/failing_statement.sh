#!/bin/bash
# failing_statement.sh - a revision whose upgrade ends with a failing
# statement, pending behind other revisions: `wfo-migrate upgrade heads`
# exits 4, names the revision file, the statement and PostgreSQL's error,
# and leaves the database exactly as it was (tables, rows, alembic_version,
# no advisory lock left) - on a fresh database and on one Alembic had
# already taken halfway. Stock Alembic, for comparison, fails the same way.
set -u
. "$WFO_TOP_SRCDIR/tests/lib/assert.sh"
. "$WFO_TOP_SRCDIR/tests/lib/pg.sh"
. "$WFO_TOP_SRCDIR/tests/peer/lib.sh"
peer_need
pg_start
W=$(mktemp -d /tmp/wfo-peer-fail.XXXXXX)
trap 'pg_stop; rm -rf "$W"' EXIT

D="$W/f"
gen "$D" --count 20 --seed 5 --fail-at 19 --multi
bad=$(rev_at "$D" 19)
badfile=$(basename "$(awk '$1 == 19 { print $4 }' "$D/revs.txt")")
cd "$D" || exit 1

# check NAME: wfo-migrate upgrade heads fails and changes nothing.
check() {
	local name=$1 before out rc
	before=$(dump_db "$PGDATABASE")
	out=$("$WFO" upgrade heads 2>&1); rc=$?
	t_eq "$name: exit status 4 (database error)" 4 "$rc"
	t_contains "$name: the error names the revision file" "$out" "$badfile"
	t_contains "$name: the error shows the statement" "$out" "VALUES (1, 'duplicate key on purpose')"
	t_contains "$name: the error has PostgreSQL's message" "$out" \
		"duplicate key value violates unique constraint \"t_${bad}_pkey\""
	t_eq "$name: database exactly as before" "$before" "$(dump_db "$PGDATABASE")"
	t_eq "$name: no advisory lock left" 0 \
		"$(psql -X -A -t -c "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'")"
	t_eq "$name: no other session left" 0 \
		"$(psql -X -A -t -c "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()")"
}

# a fresh database: everything pending, no alembic_version yet
pg_newdb fresh
check "fresh database"
t_eq "fresh database: no alembic_version table" "" \
	"$(psql -X -A -t -c "SELECT to_regclass('alembic_version')")"

# a database Alembic took halfway; the steps before the failing one are
# pending and would succeed
pg_newdb halfway
t_true "alembic upgrade to revision 9" eval 'alem upgrade "$(rev_at "$D" 9)" >/dev/null 2>&1'
t_true "halfway database has tables" test "$(dump_db halfway | wc -l)" -gt 3
check "halfway database"

# the revision just before the failing one can be reached: the failure is
# that revision's own statement, not the steps before it
pg_newdb partial
t_true "wfo-migrate upgrade to a revision without the failing one" "$WFO" upgrade "$(rev_at "$D" 18)"
pg_newdb partial_ref
t_true "alembic upgrade to the same revision" eval 'alem upgrade "$(rev_at "$D" 18)" >/dev/null 2>&1'
t_eq "same state as Alembic's" "$(dump_db partial_ref)" "$(dump_db partial)"

# Alembic fails on the same revision and keeps the database too
PGDATABASE=halfway
before=$(dump_db halfway)
out=$(DATABASE_URI="postgresql://$PGUSER@/halfway?host=$PG_TMP" alem upgrade heads 2>&1); rc=$?
t_false "alembic upgrade heads fails as well" test "$rc" = 0
t_contains "alembic's error is the same PostgreSQL error" "$out" "duplicate key value violates unique constraint"
t_eq "alembic left the database as it was" "$before" "$(dump_db halfway)"
t_done
