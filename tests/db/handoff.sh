#!/bin/bash
# Revisions that are not SQL-only: with --no-alembic wfo-migrate stops
# before changing anything and lists them (id, file, why); otherwise it
# hands the whole run to the real Alembic, whose exit status decides.
. "$WFO_TOP_SRCDIR/tests/lib/assert.sh"
. "$WFO_TOP_SRCDIR/tests/lib/pg.sh"
t_need psql
t_need pg_dump
/usr/bin/python3 -c 'import alembic' 2>/dev/null || { echo "FAILED - python3-alembic is required (run ./bootstrap)"; exit 1; }
export WFO_PYTHON=/usr/bin/python3
pg_start
q() { psql -X -At -v ON_ERROR_STOP=1 "$@"; }
dumpdb() { pg_dump -d "$1" | grep -v '^\\\(un\)\?restrict '; }
rows() { q -c "select version_num from alembic_version order by 1" 2>/dev/null | tr '\n' ' '; }

W=$PG_TMP/proj
cp -r "$WFO_TOP_SRCDIR/tests/db/fixtures/project" "$W"
chmod -R u+w "$W"
cd "$W" || exit 1
cat > migrations/versions/schema/2024-01-07_abab00000008_python.py <<'PYEOF'
"""Python code, not SQL only.

Revision ID: abab00000008
Revises: ffff00000007
"""
import sqlalchemy as sa
from alembic import op

revision = "abab00000008"
down_revision = "ffff00000007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table("made_by_alembic", sa.Column("id", sa.Integer, primary_key=True))


def downgrade() -> None:
    op.drop_table("made_by_alembic")
PYEOF

pg_newdb h
"$WFO" upgrade aaaa00000002 2>/dev/null
before=$(dumpdb h)
out=$("$WFO" upgrade heads --no-alembic 2>&1); rc=$?
t_true "refused with --no-alembic (exit $rc)" test "$rc" -ne 0
t_contains "lists the revision and its file" "$out" "abab00000008 ("
t_contains "file named" "$out" "2024-01-07_abab00000008_python.py"
t_contains "says why" "$out" "upgrade() is not SQL-only"
t_eq "nothing changed" "$before" "$(dumpdb h)"
t_eq "only the non-SQL revision listed" 1 "$(grep -c '^  [0-9a-f]\{12\} (' <<<"$out")"

out=$(WFO_PYTHON=/nonexistent/python3 "$WFO" upgrade heads 2>&1); rc=$?
t_true "refused when Alembic is not importable (exit $rc)" test "$rc" -ne 0
t_contains "names the interpreter tried" "$out" "/nonexistent/python3"
t_eq "still nothing changed" "$before" "$(dumpdb h)"

out=$("$WFO" upgrade heads 2>&1); rc=$?
t_eq "handed to Alembic, success" 0 "$rc"
t_contains "says so" "$out" "handing the run to Alembic"
t_eq "alembic_version after Alembic's run" "abab00000008 dddd00000005 " "$(rows)"
t_eq "Alembic ran the Python revision" "made_by_alembic" "$(q -c "select to_regclass('made_by_alembic')")"

# Downgrade through it again: Alembic runs the whole downgrade.
out=$("$WFO" downgrade abab00000008-1 2>&1); rc=$?
t_eq "downgrade handed to Alembic" 0 "$rc"
t_eq "alembic_version after the downgrade" "dddd00000005 ffff00000007 " "$(rows)"
t_eq "table dropped by Alembic" "" "$(q -c "select to_regclass('made_by_alembic')")"

# Alembic's failure is ours.
sed -i 's/op.create_table("made_by_alembic"/op.create_table("core_t"/' \
	migrations/versions/schema/2024-01-07_abab00000008_python.py
before=$(dumpdb h)
out=$("$WFO" upgrade heads 2>&1); rc=$?
t_eq "Alembic failed -> exit 6" 6 "$rc"
t_contains "reports alembic's failure" "$out" "alembic failed"
t_eq "Alembic's transaction rolled back" "$before" "$(dumpdb h)"
t_done
