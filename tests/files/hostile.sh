#!/bin/bash
# hostile.sh - revision files and folders an adversary (or an accident)
# makes, against stock Alembic and a private PostgreSQL:
# - an id that is not a plain identifier is refused with file:line, and a
#   hostile id cannot make a file wfo-migrate writes run code in Alembic;
# - what Alembic cannot import (a syntax error, no down_revision) is refused
#   with file:line (exit 3) and the database is unchanged;
# - a module that rebinds upgrade() is run by Alembic, never differently;
# - exec_driver_sql's '%%' and a latin-1 coding declaration end up in the
#   database exactly as Alembic puts them there;
# - FIFOs and devices in a versions or models folder are refused at once;
# - a read-only versions folder is "not writable";
# - SIGTERM and Ctrl-C exit 7 and leave no temporary file; temporary names
#   are random.
set -u
. "$WFO_TOP_SRCDIR/tests/lib/assert.sh"
. "$WFO_TOP_SRCDIR/tests/lib/pg.sh"
PY=${WFO_PYTHON:-/usr/bin/python3}
al() { "$PY" -m alembic "$@" 2>&1; }
alq() { "$PY" -m alembic "$@" >/dev/null 2>&1; }
t_need psql
t_need strace
t_need timeout
t_true "alembic importable" "$PY" -c "import alembic, sqlalchemy, psycopg2"
pg_start
W=$(mktemp -d /tmp/wfo-hostile.XXXXXX)
trap 'pg_stop; rm -rf "$W"' EXIT
V=migrations/versions/schema

# project NAME: a fresh project folder $W/NAME (cd into it) and database.
project() {
	mkdir -p "$W/$1" && cd "$W/$1" || exit 1
	"$WFO" init >/dev/null || { echo "FAILED - init"; exit 1; }
	pg_newdb "$1"
}
# rev FILE ID DOWN BODY...: a revision file; DOWN is a Python expression.
rev() {
	local f=$1 id=$2 down=$3; shift 3
	{ printf '"""%s."""\nimport sqlalchemy as sa\nfrom alembic import op\n\n' "$id"
	  printf "revision = '%s'\ndown_revision = %s\nbranch_labels = None\ndepends_on = None\n\n" "$id" "$down"
	  printf '%s\n' "$@"; } >"$f"
}
table() { psql -X -A -t -q -c "SELECT coalesce(string_agg(a, ' | ' ORDER BY n), '(empty)') FROM t" 2>&1; }
nfiles() { ls -A "$V" | wc -l; }

# ---- a hostile id cannot inject code into a file wfo-migrate writes ----
project inject
al revision -m base --rev-id aaaa00000001 >/dev/null
"$PY" - "$V/2024-01-01_hostile.py" <<'PY'
import sys
payload = 'x\n"""\nopen("PWNED", "w").write("ran")\n"""\n'
with open(sys.argv[1], "w") as f:
    f.write('"""Hostile."""\nrevision = %r\ndown_revision = None\n'
            'def upgrade():\n    pass\ndef downgrade():\n    pass\n' % payload)
PY
t_contains "stock Alembic loads the hostile file (two heads)" "$(al heads)" "aaaa00000001 (head)"
n=$(nfiles)
out=$("$WFO" merge -m "join them" 2>&1); rc=$?
t_eq "merge with a hostile id in the folder: exit 3" 3 "$rc"
t_contains "the refusal names file:line and the character" "$out" "$V/2024-01-01_hostile.py:2: revision 'x\\x0a"
t_eq "merge wrote nothing" "$n" "$(nfiles)"
out=$("$WFO" revision -m "on top" --head aaaa00000001 2>&1); rc=$?
t_eq "revision with a hostile id in the folder: exit 3" 3 "$rc"
t_eq "revision wrote nothing" "$n" "$(nfiles)"
al heads >/dev/null
t_false "Alembic loading the folder ran no injected code" test -e PWNED
# every value goes through the one escaping function: the message too
printf 'msg """\nopen("PWNED", "w").write("ran")\n""" \\' >"$W/msg"
: >"$W/none"
TOOL="$WFO_TOP_BUILDDIR/tests/files/revwrite_tool"
f=$("$TOOL" "$V" bbbb00000002 "$W/msg" "$W/none" "$W/none" aaaa00000001); rc=$?
t_eq "a hostile message is written" 0 "$rc"
t_true "Python imports it" "$PY" -c "import importlib.util as u, sys; s = u.spec_from_file_location('m', sys.argv[1]); s.loader.exec_module(u.module_from_spec(s))" "$f"
t_false "importing it ran no injected code" test -e PWNED
out=$("$TOOL" "$V" 'cc"""x' "$W/msg" "$W/none" "$W/none" 2>&1); rc=$?
t_eq "revwrite refuses an id that is not plain" 1 "$rc"
t_contains "and says why" "$out" "not a plain revision id"
t_eq "nothing written for it" "$((n + 1))" "$(nfiles)"

# ---- what Alembic cannot import: exit 3, file:line, nothing applied ----
project syntax
rev "$V/2024-01-01_aaaa00000001_t.py" aaaa00000001 None \
	'def upgrade():' '    op.execute("CREATE TABLE t (n int, a text)")' \
	'def downgrade():' '    op.execute("DROP TABLE t")'
rev "$V/2024-01-02_bbbb00000002_bad.py" bbbb00000002 "'aaaa00000001'" \
	'def upgrade():' "    op.execute(\"INSERT INTO t VALUES (1, 'x')\")" \
	'this is not valid python' \
	'def downgrade():' '    pass'
out=$("$WFO" upgrade heads 2>&1); rc=$?
t_eq "module-level syntax error: exit 3" 3 "$rc"
t_contains "names file:line" "$out" "$V/2024-01-02_bbbb00000002_bad.py:12: invalid syntax"
t_eq "nothing applied" "" "$(psql -X -A -t -q -c "SELECT to_regclass('alembic_version')")"
t_false "stock Alembic refuses the file too" alq upgrade heads
rev "$V/2024-01-02_bbbb00000002_bad.py" bbbb00000002 "'aaaa00000001'" \
	'def upgrade():' "    op.execute(\"INSERT INTO t VALUES (1, 'x')\")" \
	'def downgrade():' '    pass'
sed -i '/^down_revision/d' "$V/2024-01-02_bbbb00000002_bad.py"
out=$("$WFO" upgrade heads 2>&1); rc=$?
t_eq "no down_revision: exit 3" 3 "$rc"
t_contains "names file:line" "$out" "$V/2024-01-02_bbbb00000002_bad.py:5: no 'down_revision"
t_eq "nothing applied" "" "$(psql -X -A -t -q -c "SELECT to_regclass('alembic_version')")"
t_false "stock Alembic refuses the file too" alq upgrade heads

# ---- module-level rebinding of upgrade: run as Alembic runs it ----
rev "$V/2024-01-02_bbbb00000002_bad.py" bbbb00000002 "'aaaa00000001'" \
	'def upgrade():' "    op.execute(\"INSERT INTO t VALUES (1, 'the def')\")" \
	'def downgrade():' '    pass' \
	'def _other():' "    op.execute(\"INSERT INTO t VALUES (1, 'the rebinding')\")" \
	'upgrade = _other'
out=$("$WFO" upgrade heads 2>&1); rc=$?
t_eq "rebinding upgrade: exit 0" 0 "$rc"
t_eq "what ran is what Alembic runs" "the rebinding" "$(table)"
pg_newdb syntax2
t_true "stock Alembic upgrade" alq upgrade heads
t_eq "stock Alembic: the same row" "the rebinding" "$(table)"

# ---- '%%' given to the driver, and a latin-1 file, as Alembic stores them ----
project percent
rev "$V/2024-01-01_aaaa00000001_t.py" aaaa00000001 None \
	'def upgrade():' '    op.execute("CREATE TABLE t (n int, a text)")' \
	'def downgrade():' '    op.execute("DROP TABLE t")'
rev "$V/2024-01-02_bbbb00000002_pct.py" bbbb00000002 "'aaaa00000001'" \
	'def upgrade():' '    conn = op.get_bind()' \
	"    conn.exec_driver_sql(\"INSERT INTO t VALUES (1, '100%%')\")" \
	"    conn.exec_driver_sql(\"INSERT INTO t VALUES (2, '%%%%')\")" \
	"    conn.execute(sa.text(\"INSERT INTO t VALUES (3, '100%%')\"))" \
	"    op.execute(\"INSERT INTO t VALUES (4, '50%%')\")" \
	'def downgrade():' '    pass'
rev "$W/latin1" cccc00000003 "'bbbb00000002'" \
	'def upgrade():' $'    op.execute("INSERT INTO t VALUES (5, \'\xe9t\xe9 \xa4\')")' \
	'def downgrade():' '    pass'
printf '# -*- coding: latin-1 -*-\n' | cat - "$W/latin1" >"$V/2024-01-03_cccc00000003_latin1.py"
out=$(WFO_PYTHON=/nonexistent "$WFO" upgrade heads 2>&1); rc=$?
t_eq "wfo-migrate runs them itself (no Alembic at hand): exit 0" 0 "$rc"
ours=$(table)
pg_newdb percent2
t_true "stock Alembic upgrade" alq upgrade heads
t_eq "the database holds what Alembic stores" "$(table)" "$ours"
t_eq "which is" "100% | %% | 100%% | 50%% | été ¤" "$ours"
printf '# coding: klingon\n' | cat - "$V/2024-01-03_cccc00000003_latin1.py" >"$W/k" && mv "$W/k" "$V/2024-01-03_cccc00000003_latin1.py"
out=$("$WFO" heads 2>&1); rc=$?
t_eq "unknown coding: exit 3" 3 "$rc"
t_contains "names file:line" "$out" "$V/2024-01-03_cccc00000003_latin1.py:1: unknown or unsupported source encoding 'klingon'"
rm "$V/2024-01-03_cccc00000003_latin1.py"

# ---- FIFOs and devices are refused, never waited on or read forever ----
mkfifo "$V/2024-01-04_fifo.py"
out=$(timeout 20 "$WFO" heads 2>&1); rc=$?
t_eq "a FIFO in the versions folder: exit 5 at once" 5 "$rc"
t_contains "it is named" "$out" "2024-01-04_fifo.py: cannot read: not a regular file"
rm "$V/2024-01-04_fifo.py"
ln -s /dev/zero "$V/2024-01-04_zero.py"
out=$(timeout 20 "$WFO" heads 2>&1); rc=$?
t_eq "/dev/zero in the versions folder: exit 5 at once" 5 "$rc"
rm "$V/2024-01-04_zero.py"
mkdir products && mkfifo products/a.json
out=$(timeout 20 "$WFO" diff --models products 2>&1); rc=$?
t_eq "a FIFO in the models folder: exit 5 at once" 5 "$rc"
t_contains "it is named" "$out" "products/a.json: cannot read the model file: not a regular file"
rm products/a.json && ln -s /dev/zero products/z.yaml
out=$(timeout 20 "$WFO" diff --models products 2>&1); rc=$?
t_eq "/dev/zero in the models folder: exit 5 at once" 5 "$rc"
out=$(timeout 20 "$WFO" diff --models /dev/zero 2>&1); rc=$?
t_eq "--models /dev/zero: exit 5 at once" 5 "$rc"

# ---- a read-only versions folder (checked as an unprivileged user) ----
R=$(mktemp -d /tmp/wfo-ro.XXXXXX)
chmod 755 "$R" && cd "$R" && "$WFO" init >/dev/null && chown -R nobody: "$R" && chmod 555 "$R/$V"
out=$(runuser -u nobody -- "$WFO" revision -m "x" 2>&1); rc=$?
t_eq "read-only versions folder: exit 5" 5 "$rc"
t_contains "says not writable" "$out" "$R/$V: the folder of revisions is not writable"
t_false "does not say to run init" grep -q "init" <<<"$out"
chmod 755 "$R/$V"
out=$(runuser -u nobody -- "$WFO" revision -m "x" --version-path /usr 2>&1); rc=$?
t_eq "an unwritable --version-path: exit 5" 5 "$rc"
t_contains "says not writable" "$out" "not writable"
cd "$W" && rm -rf "$R"

# ---- signals: exit 7, no temporary file left; random temporary names ----
project signals
# stopped in the middle of writing (strace holds each fsync for 3 s)
for sig in TERM INT; do
	# (a background job of a script starts with SIGINT ignored: undo that)
	"$PY" -c 'import os, signal, sys; signal.signal(signal.SIGINT, signal.SIG_DFL); os.execvp(sys.argv[1], sys.argv[1:])' \
		strace -f -o /dev/null -e trace=fsync -e inject=fsync:delay_enter=3000000 \
		"$WFO" revision -m "slow $sig" >/dev/null 2>"$W/sig.err" &
	sp=$!
	for _ in $(seq 50); do
		ls -A "$V" | grep -q '^\.wfo-tmp-' && break
		sleep 0.1
	done
	t_true "SIG$sig: the temporary file exists while writing" sh -c "ls -A '$V' | grep -q '^\.wfo-tmp-'"
	kill -"$sig" "$(pgrep -P "$sp")"
	wait "$sp"; rc=$?
	t_eq "SIG$sig while writing: exit 7" 7 "$rc"
	t_contains "SIG$sig: says so" "$(cat "$W/sig.err")" "wfo-migrate: "
	t_eq "SIG$sig: no temporary file, no revision file left" "" "$(ls -A "$V")"
done
names=$(for i in 1 2; do strace -f -e trace=openat "$WFO" revision -m "n$i" 2>&1 >/dev/null \
	| grep -o '\.wfo-tmp-[^"]*' | head -1; done)
t_eq "two temporary names" 2 "$(printf '%s\n' "$names" | sort -u | wc -l)"
t_eq "each ends in 16 random hex digits" 2 "$(printf '%s\n' "$names" | grep -cE -- '-[0-9a-f]{16}$')"
t_done
