#!/bin/bash
# connect_timeout.sh - a server that accepts the TCP connection and never
# answers (a local listener that holds connections open) must not hang
# wfo-migrate: it gives up after the connect timeout (default 10 s, the URI's
# connect_timeout, or PGCONNECT_TIMEOUT) with exit 4 and names the host.
set -u
. "$WFO_TOP_SRCDIR/tests/lib/assert.sh"
t_need timeout
PY=/usr/bin/python3
W=$(mktemp -d /tmp/wfo-ct.XXXXXX)
LPID=
trap '[ -n "$LPID" ] && kill "$LPID" 2>/dev/null; rm -rf "$W"' EXIT
# the listener: accepts, reads nothing, answers nothing; ends by itself
$PY - "$W/port" <<'PYEOF' &
import socket, sys, time
s = socket.socket()
s.bind(("127.0.0.1", 0))
s.listen(16)
open(sys.argv[1], "w").write(str(s.getsockname()[1]))
s.settimeout(1)
held = []
end = time.time() + 120
while time.time() < end:
    try:
        held.append(s.accept()[0])
    except socket.timeout:
        pass
PYEOF
LPID=$!
for _ in $(seq 50); do [ -s "$W/port" ] && break; sleep 0.1; done
PORT=$(cat "$W/port")
t_true "listener started" test -n "$PORT"
cd "$W" || exit 1
mkdir -p migrations/versions/schema
unset PGHOST PGPORT PGUSER PGDATABASE PGCONNECT_TIMEOUT DATABASE_URI

# run NAME MIN MAX ENV...: `current` fails with exit 4 after MIN..MAX seconds
run() {
	local name=$1 min=$2 max=$3 out rc t0 t1; shift 3
	t0=$(date +%s.%N)
	out=$(env "$@" timeout 60 "$WFO" current 2>&1); rc=$?
	t1=$(date +%s.%N)
	t_eq "$name: exit 4 (124: hung)" 4 "$rc"
	t_contains "$name: names the host" "$out" "127.0.0.1"
	t_contains "$name: says it timed out" "$out" "timeout"
	t_true "$name: took between $min and $max s ($(echo "$t1 - $t0" | bc))" \
		test "$(echo "$t1 - $t0 >= $min && $t1 - $t0 <= $max" | bc)" = 1
}
run "PGCONNECT_TIMEOUT=2" 1.5 6 PGCONNECT_TIMEOUT=2 \
	DATABASE_URI="postgresql://u@127.0.0.1:$PORT/db"
run "connect_timeout=2 in the URI" 1.5 6 \
	DATABASE_URI="postgresql://u@127.0.0.1:$PORT/db?connect_timeout=2"
run "connect_timeout=2 in a key=value string" 1.5 6 \
	DATABASE_URI="host=127.0.0.1 port=$PORT user=u dbname=db connect_timeout=2"
run "the URI wins over PGCONNECT_TIMEOUT" 1.5 6 PGCONNECT_TIMEOUT=30 \
	DATABASE_URI="postgresql://u@127.0.0.1:$PORT/db?connect_timeout=2"
run "PG* variables only" 1.5 6 PGHOST=127.0.0.1 PGPORT="$PORT" PGCONNECT_TIMEOUT=2
run "the default: 10 s" 9 16 DATABASE_URI="postgresql://u@127.0.0.1:$PORT/db"
t_done
