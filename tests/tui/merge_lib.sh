# tests/tui/merge_lib.sh - for the merge screen's terminal tests, on top of
# lib.sh: any wfo-migrate command in the tmux pane, revision files written
# by hand (SQL-only, orchestrator-core's layout), stock Alembic.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

# mg_start COLSxROWS ARGS...: `wfo-migrate ARGS` in a new pane of that size
# (like tui_start); exit status to $W/rc, terminal modes to $W/stty.
mg_start() {
	local size=$1 cols rows
	shift
	cols=${size%x*} rows=${size#*x}
	tmx kill-server >/dev/null 2>&1
	TUI_N=$(( ${TUI_N:-0} + 1 ))
	TMUX_SOCK=wfo-tui-$$-$TUI_N
	rm -f "$W/rc" "$W/stty"
	local q=""
	for a in "$WFO" "$@"; do q="$q '${a//\'/\'\\\'\'}'"; done
	tmx new-session -d -s t -x "$cols" -y "$rows" -e "DATABASE_URI=$DATABASE_URI" \
		-e "PGHOST=$PGHOST" -e "PGUSER=$PGUSER" -e "PGDATABASE=$PGDATABASE" -e "LANG=C.UTF-8" \
		"trap : INT; cd '$W' && env ${TUI_ENV:-} $q; r=\$?; stty -a >'$W/stty'; echo \$r >'$W/rc'; sleep 3600"
	tmx set-option -t t status off >/dev/null
}

# mk_rev ID DOWN MESSAGE SQL [DIR]: a revision file whose upgrade runs SQL.
mk_rev() {
	local dir=${5:-$W/migrations/versions/schema} down="'$2'"
	[ "$2" = None ] && down=None
	cat >"$dir/2026-11-21_$1_x.py" <<PY
"""$3.

Revision ID: $1
Revises: $2
Create Date: 2026-11-21 10:00:00.000001

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '$1'
down_revision = $down
branch_labels = ${6:-None}
depends_on = None


def upgrade() -> None:
    conn = op.get_bind()
    conn.execute(sa.text("""
$4
    """))


def downgrade() -> None:
    conn = op.get_bind()
PY
}

# Stock Alembic in $W (env.py reads DATABASE_URI).
alem() { (cd "$W" && "${WFO_PYTHON:-/usr/bin/python3}" -m alembic "$@"); }
versions() { sql "SELECT string_agg(version_num, ' ' ORDER BY version_num) FROM alembic_version"; }
data_head() { "$WFO" heads 2>/dev/null | awk '/\(data\)/ { print $1 }'; }
