#!/bin/bash
# interrupt.sh - Ctrl-C (SIGINT) or SIGTERM during `wfo-migrate upgrade`:
# the statement running is cancelled, the transaction rolled back, the
# message says so, the exit status is 7, and the database is exactly as
# before (no table, no alembic_version row, no advisory lock left) - while a
# revision's statement runs, and while waiting for another run's lock.
set -u
. "$WFO_TOP_SRCDIR/tests/lib/assert.sh"
. "$WFO_TOP_SRCDIR/tests/lib/pg.sh"
. "$WFO_TOP_SRCDIR/tests/db/revlib.sh"
t_need psql
pg_start
W=$PG_TMP/proj
q() { psql -X -At -v ON_ERROR_STOP=1 "$@"; }
state() {
	q -c "SELECT to_regclass('alembic_version') IS NOT NULL, to_regclass('t') IS NOT NULL"
	q -c "SELECT version_num FROM alembic_version" 2>/dev/null
}
mkproj "$W"
mkrev "$W" aaaa00000001 None "op.execute(\"CREATE TABLE t (id int)\")"
mkrev "$W" bbbb00000002 aaaa00000001 "op.execute(\"INSERT INTO t VALUES (1)\")
op.execute(\"SELECT pg_sleep(30)\")"
cd "$W" || exit 1

# waitfor SQL-CONDITION: up to 10 s
waitfor() {
	local i
	for i in $(seq 100); do
		[ "$(q -c "SELECT $1")" = t ] && return 0
		sleep 0.1
	done
	return 1
}

# interrupt NAME SIGNAL CONDITION: start an upgrade, send SIGNAL once
# CONDITION holds in the database
interrupt() {
	local name=$1 sig=$2 cond=$3 before out rc pid t0
	before=$(state)
	t0=$SECONDS
	"$WFO" upgrade heads >"$PG_TMP/out" 2>&1 &
	pid=$!
	t_true "$name: the run got there" waitfor "$cond"
	kill "-$sig" "$pid"
	wait "$pid"; rc=$?
	out=$(cat "$PG_TMP/out")
	t_eq "$name: exit status 7 ($out)" 7 "$rc"
	t_true "$name: stopped at once, not after the 30 s statement" test $((SECONDS - t0)) -lt 20
	t_contains "$name: says it rolled back" "$out" "interrupted: the upgrade was stopped and everything was rolled back; the database is unchanged"
	t_eq "$name: database as before" "$before" "$(state)"
	t_eq "$name: no advisory lock left" 0 \
		"$(q -c "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'")"
}

running="EXISTS (SELECT 1 FROM pg_stat_activity WHERE query LIKE '%pg_sleep(30)%' AND pid <> pg_backend_pid())"
interrupt "SIGINT during a statement, fresh database" INT "$running"
interrupt "SIGTERM during a statement, fresh database" TERM "$running"
"$WFO" upgrade aaaa00000001 >/dev/null 2>&1
t_eq "first revision applied" "t|t
aaaa00000001" "$(state)"
interrupt "SIGINT during a statement, resumed" INT "$running"

# waiting for the lock another session holds
q -c "SELECT pg_advisory_lock(8603686379037747058), pg_sleep(60)" >/dev/null 2>&1 &
holder=$!
waitfor "EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND granted)" >/dev/null
waiting="EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND NOT granted)"
before=$(state)
"$WFO" upgrade heads >"$PG_TMP/out" 2>&1 &
pid=$!
t_true "lock: the run waits for the lock" waitfor "$waiting"
kill -INT "$pid"
wait "$pid"; rc=$?
t_eq "lock: exit status 7 ($(cat "$PG_TMP/out"))" 7 "$rc"
t_contains "lock: says it rolled back" "$(cat "$PG_TMP/out")" "everything was rolled back; the database is unchanged"
t_eq "lock: database as before" "$before" "$(state)"
q -c "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query LIKE '%pg_sleep(60)%' AND pid <> pg_backend_pid()" >/dev/null
wait "$holder" 2>/dev/null
t_done
