#!/bin/bash
# alembic_runner.sh - the test library's persistent Alembic (alembic_cmd,
# tests/lib/alembic.sh) gives what `python3 -m alembic` gives: stdout,
# stderr and exit status of offline, online, failing and refused commands,
# the same database afterwards; it reads changed revision files anew, keeps
# no connection open between commands, and stays in step when a reader
# stops early (`| head -1`) or a command runs in a subshell.
set -u
. "$WFO_TOP_SRCDIR/tests/lib/assert.sh"
. "$WFO_TOP_SRCDIR/tests/lib/pg.sh"
. "$WFO_TOP_SRCDIR/tests/peer/lib.sh"
peer_need
pg_start
W=$(mktemp -d /tmp/wfo-peer-runner.XXXXXX)
trap 'pg_stop; rm -rf "$W"' EXIT
t_true "the runner is in use" test -n "$ALEMBIC_REQ"

uri() { echo "postgresql://$PGUSER@/$1?host=$PG_TMP"; }
pg_newdb by_runner
pg_newdb by_python

# both NAME DB ARGS...: the command through the runner on database DB_runner
# and through python3 -m alembic on DB_python; stdout, stderr, status equal
# (stdout through norm, and sorted with SORTED=1: Alembic prints some sets).
both() {
	local name=$1 db=$2 ro re rrc po pe prc
	shift 2
	ro=$(DATABASE_URI=$(uri "${db}runner") alem "$@" 2>"$W/r.err"); rrc=$?
	po=$(DATABASE_URI=$(uri "${db}python") "$PEER_PY" -m alembic "$@" 2>"$W/p.err"); prc=$?
	re=$(grep -v '^  File \|^    ' "$W/r.err" | sed "s/by_runner/DB/g")
	pe=$(grep -v '^  File \|^    ' "$W/p.err" | sed "s/by_python/DB/g")
	t_eq "$name: exit status" "$prc" "$rrc"
	local sort=cat
	[ "${SORTED:-0}" = 1 ] && sort=sort
	t_eq "$name: stdout" "$(printf '%s\n' "$po" | sed 's/by_python/DB/g' | norm | $sort)" \
		"$(printf '%s\n' "$ro" | sed 's/by_runner/DB/g' | norm | $sort)"
	t_eq "$name: stderr" "$pe" "$re"
}

gen "$W/f" --count 12 --seed 4 --multi
cd "$W/f" || exit 1
both "heads" by_ heads
both "history -v" by_ history -v
both "unknown command" by_ frobnicate
both "unknown revision" by_ upgrade nosuchrevision
both "current of an empty database" by_ current
both "upgrade to revision 5" by_ upgrade "$(rev_at "$W/f" 5)"
both "upgrade heads" by_ upgrade heads
SORTED=1 both "current" by_ current
both "downgrade -1" by_ downgrade -1
both "upgrade --sql" by_ upgrade "$(rev_at "$W/f" 2):$(rev_at "$W/f" 4)" --sql
t_eq "same database afterwards" "$(dump_db by_python)" "$(dump_db by_runner)"
t_eq "no connection left open by the runner" 0 \
	"$(psql -X -A -t -d postgres -c "SELECT count(*) FROM pg_stat_activity WHERE datname = 'by_runner'")"
out=$(unset DATABASE_URI; alem current 2>&1); rc=$?
t_eq "without DATABASE_URI: env.py's error" "1 DATABASE_URI is not set" "$rc $out"

# a reader that stops after one line, then the next command is answered
alem history | head -1 >/dev/null
t_eq "in step after | head -1" "$("$PEER_PY" -m alembic heads 2>&1)" "$(alem heads 2>&1)"
(alem heads >"$W/sub.out" 2>&1); rc=$?
t_eq "from a subshell, into a file" "0 $("$PEER_PY" -m alembic heads 2>&1)" "$rc $(cat "$W/sub.out")"

# a revision file changed between two commands is read anew
head=$(alem heads | awk '{ print $1; exit }')
sed -i "s/$head/f00000000000/" migrations/versions/*/*_"${head}"_*.py
t_eq "a changed revision file is read again" \
	"$("$PEER_PY" -m alembic heads 2>&1)" "$(alem heads 2>&1)"
t_contains "... with the new id" "$(alem heads 2>&1)" "f00000000000 "
t_done
