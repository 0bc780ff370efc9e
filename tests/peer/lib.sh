# tests/peer/lib.sh - helpers shared by the peer tests: run stock Alembic,
# generate folders, canonical database dumps, label-order normalisation.
# Source after tests/lib/assert.sh and tests/lib/pg.sh.

. "$WFO_TOP_SRCDIR/tests/lib/alembic.sh"

PEER_PY=${WFO_PYTHON:-/usr/bin/python3}
GENREVS="$WFO_TOP_SRCDIR/tests/peer/genrevs.py"

# The real parts must be there; a peer test fails (never skips) without them.
peer_need() {
	t_need psql
	[ -x "${WFO:-}" ] || { echo "FAILED - \$WFO ($WFO) is not an executable wfo-migrate"; exit 1; }
	"$PEER_PY" -c 'import alembic, sqlalchemy, psycopg2' 2>/dev/null \
		|| { echo "FAILED - Alembic with psycopg2 is required: apt-get install python3-alembic python3-psycopg2"; exit 1; }
	ALEMBIC_PY=$PEER_PY
	alembic_start
}

# alem ARGS...: stock Alembic in the current folder (stdout only; logging
# goes to stderr), as `python3 -m alembic ARGS...` but through one Python
# process for the whole script (tests/lib/alembic.sh).
alem() { alembic_cmd "$@"; }

# gen DIR ARGS...: a generated folder (see genrevs.py --help).
gen() {
	local d=$1; shift
	rm -rf "$d"
	"$PEER_PY" "$GENREVS" --out "$d" "$@" || { echo "FAILED - genrevs.py $*"; exit 1; }
}

# rev_at DIR INDEX: id of the INDEX-th generated revision.
rev_at() { awk -v i="$2" '$1 == i { print $2 }' "$1/revs.txt"; }

# norm: Alembic keeps a revision's branch labels in a Python set, so with
# two or more labels their order changes from run to run (string hashing).
# Likewise "Branches into:" of history -v (a frozenset of next revisions).
# The order is arbitrary in Alembic itself; sort those lists, everything
# else stays byte for byte.
norm() {
	"$PEER_PY" -c '
import re, sys
def srt(m):
    return m.group(1) + "(" + ", ".join(sorted(m.group(2).split(", "))) + ")"
for line in sys.stdin:
    if " -> " in line:
        line = re.sub(r"( -> [0-9a-z]+ )\(([^)]*)\)", srt, line, count=1)
    else:
        line = re.sub(r"^([0-9a-z]+ )\(([^)]*)\)", srt, line, count=1)
    for key in ("Branch names: ", "Branches into: "):
        if line.startswith(key):
            line = key + ", ".join(sorted(line[len(key):].rstrip("\n").split(", "))) + "\n"
    sys.stdout.write(line)
'
}

# dump_db DB: alembic_version rows, then every user table's rows, sorted.
dump_db() {
	echo "alembic_version:"
	psql -X -A -t -q -d "$1" -c "SELECT version_num FROM alembic_version ORDER BY 1" 2>/dev/null || echo "(no alembic_version)"
	psql -X -A -t -q -d "$1" <<-'EOF'
	SELECT format('SELECT %L || '': '' || coalesce(string_agg(x::text, '' | '' ORDER BY x::text), '''') FROM %I x',
	              c.relname, c.relname)
	FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
	WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relname <> 'alembic_version'
	ORDER BY c.relname
	\gexec
	EOF
}

# versions DB: the alembic_version rows, sorted, on one line.
versions() { psql -X -A -t -q -d "$1" -c "SELECT version_num FROM alembic_version ORDER BY 1" 2>/dev/null | tr '\n' ' '; }
