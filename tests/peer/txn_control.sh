#!/bin/bash
# txn_control.sh - COMMIT, ROLLBACK, END... inside a revision. wfo-migrate
# promises one transaction per run, which such a revision breaks, so it
# never runs one itself: the run is handed to the real Alembic (which
# commits where the revision says), or refused up front with --no-alembic
# (naming file:line, nothing changed). Each case is run on twin databases by
# wfo-migrate and by stock Alembic, and must end in the same state; no
# message claims "unchanged" when something was committed.
set -u
. "$WFO_TOP_SRCDIR/tests/lib/assert.sh"
. "$WFO_TOP_SRCDIR/tests/lib/pg.sh"
. "$WFO_TOP_SRCDIR/tests/peer/lib.sh"
. "$WFO_TOP_SRCDIR/tests/db/revlib.sh"
peer_need
export WFO_PYTHON=$PEER_PY
pg_start
W=$PG_TMP/proj
q() { psql -X -At "$@"; }
uri() { echo "postgresql://$PGUSER@/$1?host=$PG_TMP"; }
# state DB: the enum's values, the rows, alembic_version
state() {
	q -d "$1" -c "SELECT string_agg(enumlabel, ',' ORDER BY enumsortorder) FROM pg_enum" 2>/dev/null
	q -d "$1" -c "SELECT string_agg(id::text || ':' || m::text, ',' ORDER BY id) FROM t" 2>/dev/null
	q -d "$1" -c "SELECT version_num FROM alembic_version" 2>/dev/null || echo "(no alembic_version)"
}
n=0
# twins NAME: two fresh databases $w (wfo-migrate) and $a (stock Alembic)
twins() { n=$((n + 1)); w=w$n; a=a$n; pg_newdb "$a"; pg_newdb "$w"; }
wfo() { local db=$1; shift; (cd "$W" && DATABASE_URI=$(uri "$db") "$WFO" "$@"); }
alm() { local db=$1; shift; (cd "$W" && DATABASE_URI=$(uri "$db") "$PEER_PY" -m alembic "$@"); }

mkproj "$W"
mkrev "$W" aaaa00000001 None "op.execute(\"CREATE TYPE mood AS ENUM ('sad')\")
op.execute(\"CREATE TABLE t (id int PRIMARY KEY, m mood)\")
op.execute(\"INSERT INTO t VALUES (1, 'sad')\")"
# the Alembic idiom: ALTER TYPE ... ADD VALUE cannot be used in the
# transaction that added the value, so the revision commits first
mkrev "$W" bbbb00000002 aaaa00000001 "op.execute(\"INSERT INTO t VALUES (2, 'sad')\")
op.execute(\"COMMIT\")
op.execute(\"ALTER TYPE mood ADD VALUE 'happy'\")"
mkrev "$W" cccc00000003 bbbb00000002 "op.execute(\"INSERT INTO t VALUES (3, 'happy')\")"
F2=$W/migrations/versions/schema/bbbb00000002.py
L2=$(lineof "$F2" 'op.execute("COMMIT")')

# 1. refused up front with --no-alembic
twins
out=$(wfo "$w" upgrade heads --no-alembic 2>&1); rc=$?
t_eq "--no-alembic: refused, exit 6" 6 "$rc"
t_contains "--no-alembic: names file:line" "$out" "bbbb00000002 ($F2:$L2): upgrade() ends the transaction part-way (COMMIT)"
t_contains "--no-alembic: nothing changed" "$out" "Nothing was changed."
t_eq "--no-alembic: database untouched" "
(no alembic_version)" "$(state "$w")"

# 2. the idiom works: handed to Alembic, same end state as stock Alembic
out=$(wfo "$w" upgrade heads 2>&1); rc=$?
t_eq "COMMIT idiom: exit 0 ($out)" 0 "$rc"
t_contains "COMMIT idiom: handed to Alembic, saying why" "$out" "handing the run to Alembic"
t_true "COMMIT idiom: stock Alembic on the twin" eval 'alm "$a" upgrade heads >/dev/null 2>&1'
t_eq "COMMIT idiom: same state as Alembic's" "$(state "$a")" "$(state "$w")"
t_eq "COMMIT idiom: the expected state" "sad,happy
1:sad,2:sad,3:happy
cccc00000003" "$(state "$w")"

# 3. a failure after the COMMIT: Alembic keeps what was committed; wfo-migrate
# hands the run over and says the database may be partly upgraded
mkrev "$W" cccc00000003 bbbb00000002 "op.execute(\"INSERT INTO t VALUES (1, 'happy')\")"
twins
out=$(wfo "$w" upgrade heads 2>&1); rc=$?
t_eq "failure after COMMIT: exit 6 (Alembic failed)" 6 "$rc"
t_false "failure after COMMIT: never says unchanged" eval 'case "$out" in *unchanged*) true ;; *) false ;; esac'
t_contains "failure after COMMIT: says what may be true" "$out" "may be partly upgraded"
alm "$a" upgrade heads >/dev/null 2>&1
t_eq "failure after COMMIT: same state as Alembic's" "$(state "$a")" "$(state "$w")"
t_eq "failure after COMMIT: alembic_version matches what is committed" "sad,happy
1:sad,2:sad
bbbb00000002" "$(state "$w")"

# 4. a failure before the COMMIT (in the revision before): nothing committed
mkrev "$W" aaaa00000001 None "op.execute(\"CREATE TYPE mood AS ENUM ('sad')\")
op.execute(\"CREATE TABLE t (id int PRIMARY KEY, m mood)\")
op.execute(\"INSERT INTO t VALUES (1, 'sad'), (1, 'sad')\")"
twins
out=$(wfo "$w" upgrade heads 2>&1); rc=$?
t_eq "failure before COMMIT: exit 6 (Alembic failed)" 6 "$rc"
alm "$a" upgrade heads >/dev/null 2>&1
t_eq "failure before COMMIT: same state as Alembic's" "$(state "$a")" "$(state "$w")"
t_eq "failure before COMMIT: nothing committed" "
(no alembic_version)" "$(state "$w")"

# 5. ROLLBACK, END, ABORT, BEGIN, START TRANSACTION, PREPARE TRANSACTION are
# refused the same way; SAVEPOINT / ROLLBACK TO / RELEASE stay inside the
# transaction and run
rm "$W/migrations/versions/schema/cccc00000003.py"
mkrev "$W" aaaa00000001 None "op.execute(\"CREATE TYPE mood AS ENUM ('sad')\")
op.execute(\"CREATE TABLE t (id int PRIMARY KEY, m mood)\")"
for stmt in "ROLLBACK" "rollback work" "END" "ABORT" "BEGIN" "START TRANSACTION" \
	"PREPARE TRANSACTION 'x'" "SELECT 1; COMMIT" "/* c */ commit and chain"; do
	mkrev "$W" bbbb00000002 aaaa00000001 "op.execute(\"INSERT INTO t VALUES (2, 'sad')\")
op.execute(\"$stmt\")"
	twins
	out=$(wfo "$w" upgrade heads --no-alembic 2>&1); rc=$?
	t_eq "$stmt: refused with --no-alembic" 6 "$rc"
	t_contains "$stmt: names the file and line" "$out" "bbbb00000002 ($F2:$(lineof "$F2" "$stmt")): upgrade() ends the transaction part-way"
	t_eq "$stmt: database untouched" "
(no alembic_version)" "$(state "$w")"
done
mkrev "$W" bbbb00000002 aaaa00000001 "op.execute(\"SAVEPOINT s1\")
op.execute(\"INSERT INTO t VALUES (2, 'sad')\")
op.execute(\"ROLLBACK TO SAVEPOINT s1\")
op.execute(\"INSERT INTO t VALUES (3, 'sad')\")
op.execute(\"RELEASE SAVEPOINT s1\")"
twins
out=$(wfo "$w" upgrade heads --no-alembic 2>&1); rc=$?
t_eq "savepoints run by wfo-migrate itself ($out)" 0 "$rc"
alm "$a" upgrade heads >/dev/null 2>&1
t_eq "savepoints: same state as Alembic's" "$(state "$a")" "$(state "$w")"

# 6. a COMMIT the up-front check cannot see (in text it cannot split: a
# BEGIN ATOMIC body): the executor notices the transaction ended and says
# what is true
mkrev "$W" bbbb00000002 aaaa00000001 "op.execute(\"INSERT INTO t VALUES (2, 'sad')\")
op.execute(\"CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; END; COMMIT\")
op.execute(\"INSERT INTO t VALUES (2, 'sad')\")"
twins
out=$(wfo "$w" upgrade heads --no-alembic 2>&1); rc=$?
t_eq "hidden COMMIT: exit 4" 4 "$rc"
t_false "hidden COMMIT: never says unchanged" eval 'case "$out" in *unchanged*) true ;; *) false ;; esac'
t_contains "hidden COMMIT: says the database may be partly changed" "$out" "may be partly changed"
t_contains "hidden COMMIT: names the revision" "$out" "bbbb00000002"
t_contains "hidden COMMIT: names alembic_version as it now is" "$out" "alembic_version now holds aaaa00000001"
t_eq "hidden COMMIT: what it says is what is committed" "sad
2:sad
aaaa00000001" "$(state "$w")"
alm "$a" upgrade heads >/dev/null 2>&1
t_eq "hidden COMMIT: same state as Alembic's" "$(state "$a")" "$(state "$w")"
# the same, with the failing statement in the text after the COMMIT
mkrev "$W" bbbb00000002 aaaa00000001 "op.execute(\"INSERT INTO t VALUES (2, 'sad')\")
op.execute(\"CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; END; COMMIT; INSERT INTO t VALUES (2, 'sad')\")"
twins
out=$(wfo "$w" upgrade heads --no-alembic 2>&1); rc=$?
t_eq "hidden COMMIT, then an error: exit 4" 4 "$rc"
t_false "hidden COMMIT, then an error: never says unchanged" eval 'case "$out" in *unchanged*) true ;; *) false ;; esac'
t_contains "hidden COMMIT, then an error: says the database may be partly changed" "$out" "may be partly changed"
t_eq "hidden COMMIT, then an error: what is committed" "sad
2:sad
aaaa00000001" "$(state "$w")"
t_done
