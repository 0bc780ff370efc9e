#!/bin/bash
# init.sh - `wfo-migrate init` makes a tree stock Alembic accepts: heads,
# revision with our script.py.mako, upgrade in ONE transaction (a failing
# second revision leaves nothing behind), offline --sql, the
# postgresql+psycopg:// form of DATABASE_URI; and it refuses a non-empty
# migrations/.
set -u
. "$WFO_TOP_SRCDIR/tests/lib/assert.sh"
. "$WFO_TOP_SRCDIR/tests/lib/pg.sh"
PY=${WFO_PYTHON:-/usr/bin/python3}
TOOL="$WFO_TOP_BUILDDIR/tests/files/revwrite_tool"
t_need psql
pg_start
pg_newdb inittest
W=$(mktemp -d /tmp/wfo-init.XXXXXX)
trap 'pg_stop; rm -rf "$W"' EXIT
cd "$W"

out=$("$WFO" init 2>&1)
t_eq "init exits 0" 0 "$?"
for f in migrations/env.py migrations/script.py.mako migrations/helpers.py alembic.ini; do
	t_true "init created $f" test -s "$f"
	t_contains "init printed $f" "$out" "$W/$f"
done
t_true "init created versions/schema" test -d migrations/versions/schema
t_eq "nothing else in migrations/versions" "schema" "$(ls migrations/versions)"
t_eq "alembic heads runs on the empty tree" "" "$("$PY" -m alembic heads 2>&1)"
t_true "helpers.py imports without orchestrator" "$PY" -c "import runpy; runpy.run_path('migrations/helpers.py')"

# refuses a non-empty migrations/, changes nothing
before=$(find migrations alembic.ini -printf '%p %s\n' | sort)
msg=$("$WFO" init 2>&1); rc=$?
t_false "init refuses a non-empty migrations/" test "$rc" = 0
t_contains "the refusal names the folder" "$msg" "migrations already exists and is not empty"
t_eq "refused init changed nothing" "$before" "$(find migrations alembic.ini -printf '%p %s\n' | sort)"

# an existing alembic.ini is kept
mkdir "$W/other" && cd "$W/other" && echo "# mine" > alembic.ini
t_true "init with an existing alembic.ini" "$WFO" init --migrations mig
t_eq "existing alembic.ini kept" "# mine" "$(cat alembic.ini)"
t_true "custom --migrations folder created" test -f mig/env.py -a -d mig/versions/schema
cd "$W/other" && rm alembic.ini && rm -rf mig && "$WFO" init --migrations mig >/dev/null
t_contains "alembic.ini names the custom folder" "$(cat alembic.ini)" "script_location = %(here)s/mig"
t_eq "alembic heads in the custom folder" "" "$("$PY" -m alembic heads 2>&1)"
cd "$W"

# stock alembic revision uses our script.py.mako
rev1=$("$PY" -m alembic revision -m "first one" --rev-id aaaaaaaaaaaa 2>&1)
t_contains "alembic revision works" "$rev1" "aaaaaaaaaaaa_first_one.py"
t_eq "alembic heads shows it" "aaaaaaaaaaaa (head)" "$("$PY" -m alembic heads 2>&1)"
f1=$(ls migrations/versions/schema/*aaaaaaaaaaaa*.py)
t_contains "file has the orchestrator layout" "$(cat "$f1")" "import sqlalchemy as sa"

# one transaction: a good revision then a failing one -> nothing applied
printf 'first' >m1; printf 'CREATE TABLE t1 (x int)' >u1; printf 'DROP TABLE t1' >d1
printf 'second' >m2; printf 'CREATE TABLE t2 (x int)\0SELECT no_such_function()' >u2; : >d2
rm -f "$f1"
"$TOOL" migrations/versions/schema 111111111111 m1 u1 d1 >/dev/null
"$TOOL" migrations/versions/schema 222222222222 m2 u2 d2 111111111111 >/dev/null
up=$("$PY" -m alembic upgrade head 2>&1); rc=$?
t_false "the failing upgrade fails" test "$rc" = 0
t_contains "the error is PostgreSQL's" "$up" "no_such_function"
t_eq "no table of the first revision (single transaction)" "" "$(psql -X -A -t -c "SELECT to_regclass('t1')")"
t_eq "no alembic_version rows" "" "$(psql -X -A -t -c "SELECT to_regclass('alembic_version')")"

# the SQLAlchemy form of DATABASE_URI, and the first revision alone
DATABASE_URI=${DATABASE_URI/postgresql:/postgresql+psycopg:} t_true "upgrade with postgresql+psycopg://" "$PY" -m alembic upgrade 111111111111
t_eq "first revision applied" "t1" "$(psql -X -A -t -c "SELECT to_regclass('t1')")"
t_eq "alembic_version" "111111111111" "$(psql -X -A -t -c "SELECT version_num FROM alembic_version")"

# offline mode
sql=$("$PY" -m alembic upgrade 111111111111:head --sql 2>/dev/null)
t_contains "offline --sql prints the statements" "$sql" "SELECT no_such_function()"
t_contains "offline --sql updates alembic_version" "$sql" "UPDATE alembic_version SET version_num='222222222222'"

out=$(DATABASE_URI= "$PY" -m alembic heads 2>&1)
t_eq "heads needs no database" "222222222222 (head)" "$out"
out=$(env -u DATABASE_URI "$PY" -m alembic current 2>&1)
t_contains "a missing DATABASE_URI is explained" "$out" "DATABASE_URI is not set"
t_done
