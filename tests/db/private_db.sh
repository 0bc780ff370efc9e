#!/bin/bash
# tests/db/private_db.sh - --private-db on any command: the private cluster
# is created once under $XDG_STATE_HOME/wfo-migrate (else
# ~/.local/state/wfo-migrate) with the orchestrator schema, reused, reached
# on its unix socket only, stopped after each command; DATABASE_URI is
# ignored with it and --database-uri refused. As root the server runs as
# postgres, in postgres's home when it cannot reach the state folder.
# Also the tutorial's commands that need no terminal (--list, --reset, a
# wrong lesson number, no terminal).
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
TOP=${WFO_TOP_SRCDIR:-$(cd "$HERE/../.." && pwd)}
. "$TOP/tests/lib/assert.sh"
[ -n "${WFO:-}" ] && [ -x "$WFO" ] || { echo "FAILED - \$WFO is not the built binary"; exit 1; }
unset DATABASE_URI PGHOST PGPORT PGUSER PGDATABASE
export WFO_PRIVATE_DB_NOSYNC=1
W=$(mktemp -d /tmp/wfo-privdb.XXXXXX)
chmod 755 "$W"
mkdir -m 755 "$W/state" "$W/home"
export XDG_STATE_HOME=$W/state HOME=$W/home
FALLBACK=
cleanup() {
	for d in "$W/state/wfo-migrate/pg/data" "$W/home/.local/state/wfo-migrate/pg/data" ${FALLBACK:+"$FALLBACK/data"}; do
		[ -e "$d/postmaster.pid" ] || continue
		bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
		if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$bin/pg_ctl" -D "$d" -m immediate stop >/dev/null 2>&1
		else "$bin/pg_ctl" -D "$d" -m immediate stop >/dev/null 2>&1; fi
	done
	[ -n "$FALLBACK" ] && rm -rf "$FALLBACK"
	rm -rf "$W"
}
trap cleanup EXIT
running() { [ -e "$1/postmaster.pid" ]; }
PG=$W/state/wfo-migrate/pg

out=$("$WFO" show --private-db 2>&1)
t_eq "show --private-db exits 0" 0 $?
t_contains "the cluster is created once" "$out" "Creating a private PostgreSQL cluster in $PG/data (once)"
t_contains "the schema is loaded" "$out" "Loading the orchestrator schema"
t_contains "an empty catalogue" "$out" "Products (0)"
t_false "the server is stopped afterwards" running "$PG/data"
t_true "the data folder stays for next time" test -s "$PG/data/PG_VERSION"
t_eq "no TCP" "listen_addresses = ''" "$(grep -h '^listen_addresses' "$PG/data/wfo-migrate.conf")"
t_eq "the socket in the cluster's folder" "unix_socket_directories = '$PG'" \
	"$(grep -h '^unix_socket_directories' "$PG/data/wfo-migrate.conf")"
if [ "$(id -u)" = 0 ]; then
	t_eq "as root the data belongs to postgres" postgres "$(stat -c %U "$PG/data")"
fi

out=$(DATABASE_URI=postgresql://nobody@/nothing?host=/nonexistent "$WFO" show --private-db 2>&1)
t_eq "DATABASE_URI is ignored with --private-db" 0 $?
t_contains "the cluster is reused" "$out" "Starting the private PostgreSQL ($PG)"
t_false "not created again" grep -q "Creating" <<<"$out"
t_false "stopped again" running "$PG/data"

out=$("$WFO" show --private-db --database-uri postgresql:///x 2>&1)
t_eq "--private-db with --database-uri: usage error" 2 $?
t_contains "it says why" "$out" "--private-db and --database-uri exclude each other"

# any command: init, a migration written and applied, current, show
mkdir "$W/proj" && cd "$W/proj" || exit 1
"$WFO" init >/dev/null 2>&1
SC=$TOP/tests/conformance/workshop_user_products
"$WFO" migrate-domain-models "Add User and UserGroup products" --models "$SC/registry.json" \
	--inputs "@$SC/inputs.json" --yes --no-tui --upgrade --private-db </dev/null >mdm.out 2>&1
t_eq "migrate-domain-models --upgrade --private-db exits 0" 0 $?
rev=$(sed -n "s/^revision = '\(.*\)'$/\1/p" migrations/versions/schema/*.py)
t_contains "current --private-db shows the revision" "$("$WFO" current --private-db 2>/dev/null)" "$rev (head)"
t_contains "show --private-db shows the products" "$("$WFO" show --private-db 2>/dev/null)" "User internal"
t_false "and nothing is left running" running "$PG/data"
cd "$W" || exit 1

# the tutorial without a terminal
t_contains "tutorial --list" "$("$WFO" tutorial --list)" "next 1  Your first domain-model migration"
out=$("$WFO" tutorial </dev/null 2>&1)
t_eq "tutorial without a terminal: exit 2" 2 "$("$WFO" tutorial </dev/null >/dev/null 2>&1; echo $?)"
t_contains "it says so" "$out" "the tutorial needs a terminal"
t_eq "no lesson 9: exit 2" 2 "$("$WFO" tutorial 9 </dev/null >/dev/null 2>&1; echo $?)"
t_contains "no lesson 9: named" "$("$WFO" tutorial 9 2>&1)" "there is no lesson 9 (lessons 1 to 5"
printf '{"version": 1, "completed": [1, 2], "started": 3}\n' >"$W/state/wfo-migrate/tutorial.json"
t_contains "--list reads the progress" "$("$WFO" tutorial --list)" "next 3  Rename a resource type"
out=$("$WFO" tutorial --reset 2>&1)
t_eq "--reset exits 0" 0 $?
t_contains "--reset says what is gone" "$out" "progress, its revisions and its private database are gone"
t_false "the progress is gone" test -e "$W/state/wfo-migrate/tutorial.json"
t_contains "the database is fresh" "$("$WFO" show --private-db 2>/dev/null)" "Products (0)"
t_false "nothing left running after --reset" running "$PG/data"

# the default state folder: ~/.local/state/wfo-migrate
out=$(env -u XDG_STATE_HOME "$WFO" show --private-db 2>&1)
t_contains "without XDG_STATE_HOME: ~/.local/state/wfo-migrate" "$out" \
	"Creating a private PostgreSQL cluster in $W/home/.local/state/wfo-migrate/pg/data"
t_false "stopped" running "$W/home/.local/state/wfo-migrate/pg/data"

# root, a state folder postgres cannot reach: the cluster goes to postgres's home
if [ "$(id -u)" = 0 ]; then
	mkdir -m 700 "$W/closed"
	out=$(XDG_STATE_HOME=$W/closed/state "$WFO" show --private-db 2>&1)
	t_eq "root, closed state folder: exit 0" 0 $?
	FALLBACK=$(cat "$W/closed/state/wfo-migrate/pg-location" 2>/dev/null)
	t_contains "the cluster went to postgres's home" "$FALLBACK" "$(getent passwd postgres | cut -d: -f6)/wfo-migrate/"
	t_contains "and it says so" "$out" "Creating a private PostgreSQL cluster in $FALLBACK/data"
	t_eq "owned by postgres" postgres "$(stat -c %U "$FALLBACK/data")"
	t_false "stopped" running "$FALLBACK/data"
fi
t_done
