#!/bin/bash
# concurrent.sh - three `upgrade heads` started together on a fresh
# database (no alembic_version yet): one applies the revisions, the two that
# waited for the advisory lock plan again under it and find nothing to do.
# All exit 0, every revision is applied once (its INSERT would fail a second
# time), and the "Running upgrade" lines printed by the three runs together
# name each revision once: lines are printed for revisions applied, not for
# revisions planned. Then the same from a database part-way up.
set -u
. "$WFO_TOP_SRCDIR/tests/lib/assert.sh"
. "$WFO_TOP_SRCDIR/tests/lib/pg.sh"
. "$WFO_TOP_SRCDIR/tests/db/revlib.sh"
t_need psql
pg_start
W=$PG_TMP/proj
q() { psql -X -At -v ON_ERROR_STOP=1 "$@"; }
mkproj "$W"
# the first revision sleeps so the other runs are waiting for the lock
mkrev "$W" aaaa00000001 None "op.execute(\"SELECT pg_sleep(1.5)\")
op.execute(\"CREATE TABLE log (rev text PRIMARY KEY)\")
op.execute(\"INSERT INTO log VALUES ('aaaa00000001')\")"
mkrev "$W" bbbb00000002 aaaa00000001 "op.execute(\"INSERT INTO log VALUES ('bbbb00000002')\")"
mkrev "$W" cccc00000003 bbbb00000002 "op.execute(\"SELECT pg_sleep(0.5)\")
op.execute(\"INSERT INTO log VALUES ('cccc00000003')\")"
cd "$W" || exit 1

race() {   # race NAME EXPECTED-RUNNING-LINES
	local name=$1 want=$2 i rc all=
	for i in 1 2 3; do
		"$WFO" upgrade heads >"$PG_TMP/out$i" 2>&1 &
		eval "pid$i=\$!"
	done
	for i in 1 2 3; do
		eval "wait \$pid$i"; rc=$?
		t_eq "$name: run $i exits 0 ($(tr '\n' ' ' <"$PG_TMP/out$i"))" 0 "$rc"
		all+=$(grep -o 'Running upgrade.*' "$PG_TMP/out$i")$'\n'
	done
	t_eq "$name: alembic_version at the head" cccc00000003 "$(q -c 'SELECT version_num FROM alembic_version')"
	t_eq "$name: every revision applied once" "aaaa00000001 bbbb00000002 cccc00000003 " \
		"$(q -c 'SELECT rev FROM log ORDER BY 1' | tr '\n' ' ')"
	t_eq "$name: one Running line per applied revision" "$want" "$(printf '%s' "$all" | grep . | sort)"
}

pg_newdb fresh
race "fresh database" "$(printf 'Running upgrade  -> aaaa00000001, Revision aaaa00000001.\nRunning upgrade aaaa00000001 -> bbbb00000002, Revision bbbb00000002.\nRunning upgrade bbbb00000002 -> cccc00000003, Revision cccc00000003.')"

pg_newdb halfway
"$WFO" upgrade aaaa00000001 >/dev/null 2>&1
mkrev "$W" aaaa00000001 None "op.execute(\"CREATE TABLE log (rev text PRIMARY KEY)\")
op.execute(\"INSERT INTO log VALUES ('aaaa00000001')\")"
mkrev "$W" bbbb00000002 aaaa00000001 "op.execute(\"SELECT pg_sleep(1.5)\")
op.execute(\"INSERT INTO log VALUES ('bbbb00000002')\")"
race "database part-way up" "$(printf 'Running upgrade aaaa00000001 -> bbbb00000002, Revision bbbb00000002.\nRunning upgrade bbbb00000002 -> cccc00000003, Revision cccc00000003.')"
t_done
