#!/bin/bash
# roundtrip.sh - a revision file written by revwrite, run by the real Alembic
# against a private PostgreSQL, delivers every statement byte for byte:
# hostile values are stored unchanged and current_query() equals our text.
set -u
. "$WFO_TOP_SRCDIR/tests/lib/assert.sh"
. "$WFO_TOP_SRCDIR/tests/lib/pg.sh"
PY=${WFO_PYTHON:-/usr/bin/python3}
TOOL="$WFO_TOP_BUILDDIR/tests/files/revwrite_tool"
t_need psql
t_true "alembic importable" "$PY" -c "import alembic, sqlalchemy, psycopg2"
[ -x "$TOOL" ] || { echo "FAILED - $TOOL not built"; exit 1; }
pg_start
pg_newdb roundtrip

W=$(mktemp -d /tmp/wfo-rt.XXXXXX)
trap 'pg_stop; rm -rf "$W"' EXIT
mkdir -p "$W/migrations/versions/schema"
cp "$WFO_DATA/env.py" "$WFO_DATA/script.py.mako" "$W/migrations/"
cp "$WFO_DATA/alembic.ini" "$W/"

# Statements and expected values, NUL-separated, made by Python.
"$PY" - "$W" <<'PY'
import random, sys, json
w = sys.argv[1]
hostile = [
    'quote \' and "double" and """triple""" and """"',
    'back\\slash \\\\ \\n \\x41 \\: \\\\: ends with \\',
    'newlines\nand\r\ncr and\ttab',
    '100% %s %% %(x)s %(name)s %',
    ':name :a:b (:c) x::int ::y \\:z $:w',
    'Größe ändern – ünïcödé … 日本語 😀🎉',
    '"',
    '\\',
    '',
]
rnd = random.Random(4242)
alpha = [':', ':', '\\', '"', "'", '%', '(', ')', 'a', 'b', '$', ' ', '\n', '\r', 'é', '😀', '\t', '_', '1', 's', 'x']
for _ in range(300):
    hostile.append(''.join(rnd.choice(alpha) for _ in range(rnd.randint(1, 12))))
def lit(s):
    return "'" + s.replace("'", "''") + "'"
up = ['CREATE TABLE rt (id int PRIMARY KEY, v text NOT NULL, q text NOT NULL)']
for i, h in enumerate(hostile):
    up.append('INSERT INTO rt VALUES (%d, %s, current_query()) /* %s */' % (i, lit(h), h))
open(w + '/up', 'wb').write(b'\0'.join(s.encode() for s in up))
open(w + '/down', 'wb').write(b'DROP TABLE rt')
open(w + '/msg', 'wb').write('Hostile """ \\ message: %(x)s é'.encode())
json.dump({'hostile': hostile, 'up': up}, open(w + '/expect.json', 'w'))
PY

out=$("$TOOL" "$W/migrations/versions/schema" 0123456789ab "$W/msg" "$W/up" "$W/down" 2>&1)
t_true "revwrite_tool wrote a file" test -f "$out"
t_true "the file is valid Python" "$PY" -c "import ast,sys; ast.parse(open(sys.argv[1], encoding='utf-8').read())" "$out"

cd "$W"
hist=$("$PY" -m alembic history 2>&1)
t_eq "alembic history shows the escaped message" '<base> -> 0123456789ab (head), Hostile """ \ message: %(x)s é.' "$hist"

up_out=$("$PY" -m alembic upgrade head 2>&1)
t_eq "alembic upgrade head succeeds" 0 "$?"
t_contains "alembic ran our revision" "$up_out" "Running upgrade  -> 0123456789ab"

res=$("$PY" - "$W" <<'PY'
import json, os, sys, psycopg2
w = sys.argv[1]
e = json.load(open(w + '/expect.json'))
c = psycopg2.connect(os.environ['DATABASE_URI'])
cur = c.cursor()
cur.execute('SELECT id, v, q FROM rt ORDER BY id')
rows = cur.fetchall()
bad = 0
if len(rows) != len(e['hostile']):
    print('rows: %d, expected %d' % (len(rows), len(e['hostile']))); bad += 1
for i, v, q in rows:
    if v != e['hostile'][i]:
        print('value %d: stored %r, wrote %r' % (i, v, e['hostile'][i])); bad += 1
    if q != e['up'][i + 1]:
        print('statement %d: server got %r, wrote %r' % (i, q, e['up'][i + 1])); bad += 1
cur.execute('SELECT version_num FROM alembic_version')
print('version', cur.fetchall())
print('mismatches', bad)
PY
)
t_contains "every value and statement arrived byte for byte" "$res" "mismatches 0"
t_contains "alembic_version records the revision" "$res" "version [('0123456789ab',)]"
[ "${res##*mismatches 0}" = "" ] || printf '%s\n' "$res" | head -20

sqlout=$("$PY" -m alembic downgrade 0123456789ab:base --sql 2>/dev/null)
t_contains "offline --sql mode renders the downgrade" "$sqlout" "DROP TABLE rt"
sqlout=$("$PY" -m alembic upgrade base:head --sql 2>/dev/null)
t_contains "offline --sql keeps %, colons and backslashes" "$sqlout" "'100% %s %% %(x)s %(name)s %'"
t_contains "offline --sql keeps :name" "$sqlout" "':name :a:b (:c) x::int ::y \\:z \$:w'"

t_true "alembic downgrade base succeeds" "$PY" -m alembic downgrade base
t_eq "downgrade dropped the table" "" "$(psql -X -A -t -c "SELECT to_regclass('rt')")"
t_done
