#!/bin/bash
# wfo-migrate upgrade / downgrade / current on a real PostgreSQL, compared
# with the real Alembic on a twin database after every step: branches, a
# merge, a second base that depends_on the first branch, labels; --sql
# byte for byte; a failing revision leaves the database exactly as it was.
. "$WFO_TOP_SRCDIR/tests/lib/assert.sh"
. "$WFO_TOP_SRCDIR/tests/lib/pg.sh"
t_need psql
t_need pg_dump
PY=/usr/bin/python3
$PY -c 'import alembic' 2>/dev/null || { echo "FAILED - python3-alembic is required (run ./bootstrap)"; exit 1; }
pg_start
q() { psql -X -At -v ON_ERROR_STOP=1 "$@"; }
dumpdb() { pg_dump -d "$1" | grep -v '^\\\(un\)\?restrict '; }
rows() { q -d "$1" -c "select version_num from alembic_version order by 1" 2>/dev/null | tr '\n' ' '; }
uri() { echo "postgresql://$PGUSER@/$1?host=$PG_TMP"; }
wfo() { local db=$1; shift; DATABASE_URI=$(uri "$db") "$WFO" "$@"; }
alembic() { local db=$1; shift; DATABASE_URI=$(uri "$db") $PY -m alembic "$@"; }

W=$PG_TMP/proj
cp -r "$WFO_TOP_SRCDIR/tests/db/fixtures/project" "$W"
chmod -R u+w "$W"
cd "$W" || exit 1
pg_newdb w; pg_newdb a

# Same targets, one tool each; the two databases must stay identical (the
# dumps as sorted lines: the physical order of rows after UPDATEs depends on
# when PostgreSQL prunes pages, not on the tool).
same() {
	t_eq "$1: alembic_version" "$(rows a)" "$(rows w)"
	t_eq "$1: schema and data" "$(dumpdb a | sort)" "$(dumpdb w | sort)"
}
step() {   # step NAME up|down TARGET
	local err
	err=$(wfo w "$2grade" "$3" 2>&1 >/dev/null) || t_bad "$1: wfo-migrate $2grade $3: $err"
	alembic a "$2grade" "$3" >/dev/null 2>&1 || t_bad "$1: alembic $2grade $3"
	same "$1"
}

t_eq "current before anything" "" "$(wfo w current 2>&1)"
step "upgrade to a revision" up aaaa00000002
t_eq "one row" "aaaa00000002 " "$(rows w)"
t_eq "current as alembic current" "$(alembic a current 2>/dev/null)" "$(wfo w current 2>/dev/null)"
step "upgrade into a fork" up bbbb00000003
step "upgrade the other fork" up cccc00000004
t_eq "two rows at the fork" "bbbb00000003 cccc00000004 " "$(rows w)"
t_eq "current at the fork (Alembic prints a set: any order)" "$(alembic a current 2>/dev/null | sort)" \
	"$(wfo w current 2>/dev/null | sort)"
step "merge" up core@head
t_eq "merged" "dddd00000005 " "$(rows w)"
step "data root depending on core" up data@+1
step "everything" up heads
t_eq "heads" "dddd00000005 ffff00000007 " "$(rows w)"
t_eq "current (two rows) as alembic current" "$(alembic a current 2>/dev/null | sort)" "$(wfo w current 2>/dev/null | sort)"
out=$(wfo w upgrade heads 2>&1); rc=$?
t_eq "upgrade when at heads: nothing, exit 0" "0:" "$rc:$out"

step "downgrade data@-1" down data@-1
step "unmerge" down bbbb00000003
step "downgrade to a revision" down aaaa00000001
t_eq "current -v as alembic current -v (same database)" "$(alembic a current -v 2>/dev/null)" \
	"$(wfo a current -v 2>/dev/null)"
step "downgrade base" down base
t_eq "empty alembic_version at base" "" "$(rows w)"

# Mixed: one tool upgrades, the other downgrades, and back.
wfo w upgrade heads 2>/dev/null
alembic a upgrade heads >/dev/null 2>&1
same "wfo-migrate upgraded"
alembic w downgrade ffff00000007-1 >/dev/null 2>&1
wfo a downgrade ffff00000007-1 2>/dev/null
same "alembic downgraded what wfo-migrate upgraded"
alembic w upgrade heads >/dev/null 2>&1
wfo a upgrade heads 2>/dev/null
same "wfo-migrate upgraded what alembic downgraded"

# Log lines as Alembic's logger writes them, nothing on stdout.
pg_newdb logs
out=$(wfo logs upgrade aaaa00000002 2>"$PG_TMP/err")
t_eq "no stdout on success" "" "$out"
t_eq "INFO lines" "INFO  [alembic.runtime.migration] Running upgrade  -> aaaa00000001, Create the core table.
INFO  [alembic.runtime.migration] Running upgrade aaaa00000001 -> aaaa00000002, Items with two rows." \
	"$(cat "$PG_TMP/err")"

# downgrade -1 with several heads: Alembic's warning, Alembic's choice.
pg_newdb amb_w; pg_newdb amb_a
wfo amb_w upgrade heads 2>/dev/null; alembic amb_a upgrade heads >/dev/null 2>&1
err=$(wfo amb_w downgrade 2>&1 >/dev/null)
t_contains "ambiguous -1 warns" "$err" "downgrade -1 from multiple heads is ambiguous; this usage will be disallowed in a future release."
alembic amb_a downgrade -1 >/dev/null 2>&1
t_eq "ambiguous -1 acts as Alembic" "$(rows amb_a)" "$(rows amb_w)"

# --sql: the same text as alembic --sql.
t_eq "upgrade --sql as alembic" "$(alembic a upgrade heads --sql 2>/dev/null)" "$(wfo a upgrade heads --sql 2>/dev/null)"
t_eq "upgrade --sql FROM:TO as alembic" "$(alembic a upgrade aaaa00000002:heads --sql 2>/dev/null)" \
	"$(wfo a upgrade aaaa00000002:heads --sql 2>/dev/null)"
t_eq "downgrade --sql FROM:TO as alembic" "$(alembic a downgrade ffff00000007:eeee00000006 --sql 2>/dev/null)" \
	"$(wfo a downgrade ffff00000007:eeee00000006 --sql 2>/dev/null)"
t_eq "downgrade --sql to base as alembic" "$(alembic a downgrade aaaa00000002:base --sql 2>/dev/null)" \
	"$(wfo a downgrade aaaa00000002:base --sql 2>/dev/null)"
t_false "downgrade --sql needs FROM:TO" wfo a downgrade -1 --sql

# A failing statement in the middle of a multi-revision run.
cat > migrations/versions/schema/2024-01-07_abab00000008_broken.py <<'EOF'
"""Broken.

Revision ID: abab00000008
Revises: ffff00000007
"""
from alembic import op

revision = "abab00000008"
down_revision = "ffff00000007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("INSERT INTO core_t VALUES (3, 'three')")
    op.execute("""INSERT INTO core_t
    VALUES (4, NULL)""")


def downgrade() -> None:
    op.execute("DELETE FROM core_t WHERE id IN (3, 4)")
EOF
pg_newdb broken
wfo broken upgrade aaaa00000001 2>/dev/null
q -d broken -c "insert into core_t values (99, 'kept')" >/dev/null
before=$(dumpdb broken)
out=$(wfo broken upgrade heads 2>&1); rc=$?
t_eq "failing upgrade exits 4" 4 "$rc"
t_contains "names file:line" "$out" "2024-01-07_abab00000008_broken.py:16: revision abab00000008 (upgrade) failed"
t_contains "names the statement" "$out" "Statement: INSERT INTO core_t VALUES (4, NULL)"
t_contains "PostgreSQL's error" "$out" 'null value in column "name" of relation "core_t" violates not-null constraint (SQLSTATE 23502)'
t_contains "PostgreSQL's detail" "$out" "DETAIL:  Failing row contains (4, null)."
t_eq "database exactly as before" "$before" "$(dumpdb broken)"
rm migrations/versions/schema/2024-01-07_abab00000008_broken.py

# Bad connection: the message names the database, hides the password.
out=$(DATABASE_URI="postgresql+psycopg://nobody:s3cret@/nodb?host=$PG_TMP" "$WFO" current 2>&1); rc=$?
t_eq "connection failure exits 4" 4 "$rc"
t_contains "names the database" "$out" 'database "nodb"'
t_false "password hidden" grep -q s3cret <<<"$out"
t_done
