#!/bin/bash
# The executor (migrate.c) with hand-built plans on a real PostgreSQL:
# multi-command statements, quotes and dollar quotes, comments; a failing
# statement rolls everything back and is named by file:line; alembic_version
# UPDATEs that match no row fail; two runs serialize on the advisory lock.
. "$WFO_TOP_SRCDIR/tests/lib/assert.sh"
. "$WFO_TOP_SRCDIR/tests/lib/pg.sh"
t_need psql
t_need pg_dump
X="$WFO_TOP_BUILDDIR/tests/db/migrate_exec"
[ -x "$X" ] || { echo "FAILED - $X not built"; exit 1; }
pg_start
q() { psql -X -At -v ON_ERROR_STOP=1 "$@"; }
# schema and data; pg_dump's random \restrict keys left out
dumpdb() { pg_dump -d "$1" | grep -v '^\\\(un\)\?restrict '; }

pg_newdb chain
out=$("$X" chain 2>"$PG_TMP/err")
t_eq "chain applied" "progress 9/9 last=aaaa00000003
applied 3" "$out"
t_eq "rows, with ; and quotes inside literals" "1|x; y
2| '; 
3|it's" "$(q -c 'select * from t order by a')"
t_eq "alembic_version" "aaaa00000003" "$(q -c 'select * from alembic_version')"
t_eq "function body with ; ran as one command" "1" "$(q -c 'select * from u')"
t_eq "alembic_version created as Alembic does" \
	"version_num|character varying|32|NO
alembic_version_pkc" \
	"$(q -c "select column_name, data_type, character_maximum_length, is_nullable from information_schema.columns where table_name='alembic_version'" \
	     -c "select conname from pg_constraint where conrelid='alembic_version'::regclass")"
t_contains "log lines as Alembic's" "$(cat "$PG_TMP/err")" \
	"INFO  [alembic.runtime.migration] Running upgrade aaaa00000001 -> aaaa00000002, Revision aaaa00000002."

pg_newdb failing
q -c "create table keep (k int); insert into keep values (42)" >/dev/null
before=$(dumpdb failing)
out=$("$X" fail 2>/dev/null); rc=$?
t_eq "failing run exits with the database status" 4 "$rc"
t_contains "error names file:line of the failing command" "$out" \
	"versions/schema/2024-01-03_aaaa00000003_test.py:36: revision aaaa00000003 (upgrade) failed"
t_contains "error shows the statement" "$out" "Statement: UPDATE t SET b = 'x' WHERE no_such_column = 1"
t_contains "error carries PostgreSQL's message and SQLSTATE" "$out" \
	'ERROR:  column "no_such_column" does not exist (SQLSTATE 42703)'
t_eq "database exactly as before" "$before" "$(dumpdb failing)"

pg_newdb rowcheck
out=$("$X" rowcheck 2>/dev/null); rc=$?
t_eq "UPDATE of alembic_version matching no row fails" 4 "$rc"
t_contains "row check message" "$out" "matched 0 rows instead of exactly one"
t_eq "rolled back" "" "$(q -c "select to_regclass('alembic_version')")"

pg_newdb locking
"$X" slow >"$PG_TMP/first" 2>/dev/null &
first=$!
sleep 0.3
start=$(date +%s%N)
out=$("$X" slow 2>/dev/null); rc=$?
waited=$(( ($(date +%s%N) - start) / 1000000 ))
wait $first; rc1=$?
t_eq "first run" "0 applied 3" "$rc1 $(tail -1 "$PG_TMP/first")"
t_eq "second run waited for the lock, then found nothing to do" "0 applied 0" "$rc $out"
t_true "second run waited (${waited} ms)" test "$waited" -ge 400
t_eq "rows once" "3|aaaa00000003" "$(q -c 'select (select count(*) from t), version_num from alembic_version')"

pg_newdb replan
"$X" slow >/dev/null 2>&1 &
first=$!
sleep 0.3
out=$("$X" replan-fail 2>/dev/null); rc=$?
wait $first
t_eq "re-plan needing Alembic refuses" 4 "$rc"
t_contains "re-plan message" "$out" "alembic_version changed while wfo-migrate was planning"

out=$("$X" sql 2>/dev/null)
t_contains "--sql starts with BEGIN and the version table" "$out" "BEGIN;

CREATE TABLE alembic_version (
    version_num VARCHAR(32) NOT NULL, 
    CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);

-- Running upgrade  -> aaaa00000001

CREATE TABLE t (a int PRIMARY KEY, b text);

INSERT INTO alembic_version"
t_eq "--sql ends with COMMIT" "COMMIT;" "$(printf '%s' "$out" | tail -1)"
t_done
