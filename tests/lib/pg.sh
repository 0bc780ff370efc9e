# tests/lib/pg.sh - a private PostgreSQL cluster for one test script.
# Source it and call pg_start: initdb into a temp dir, unix socket in that
# dir, no TCP, fsync off; stopped and removed on exit, even on failure.
# As root (CI) the server runs as the postgres user, which initdb requires.
# Exports PGHOST, PGPORT, PGUSER, PGDATABASE and DATABASE_URI for clients.
# PG_TMPDIR: where the cluster's folder is made (default /tmp; the
# benchmark uses /dev/shm when it is there, see tests/bench/revisions).
# PG_SERVER_OPTS: further server options ("-c name=value ..."), e.g. for a
# benchmark that creates thousands of tables in one transaction.

pg_bindir() {
	for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r) ; do
		[ -x "$d/initdb" ] && { echo "$d"; return 0; }
	done
	command -v initdb >/dev/null 2>&1 && { dirname "$(command -v initdb)"; return 0; }
	return 1
}

pg_run() {
	if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

pg_stop() {
	if [ -n "${PG_TMP:-}" ] && [ -d "$PG_TMP" ]; then
		pg_run "$PG_BIN/pg_ctl" -D "$PG_TMP/data" -m immediate stop >/dev/null 2>&1 || true
		rm -rf "$PG_TMP"
	fi
	PG_TMP=
}

pg_start() {
	PG_BIN=$(pg_bindir) || { echo "PostgreSQL server not found: apt-get install postgresql" >&2; exit 1; }
	PG_TMP=$(mktemp -d "${PG_TMPDIR:-/tmp}/wfo-pg.XXXXXX")
	trap 'pg_stop' EXIT
	trap 'pg_stop; exit 1' INT TERM HUP
	if [ "$(id -u)" = 0 ]; then
		chown postgres: "$PG_TMP"
		PGUSER=postgres
	else
		PGUSER=$(id -un)
	fi
	pg_run "$PG_BIN/initdb" -D "$PG_TMP/data" -A trust -U "$PGUSER" -E UTF8 \
		--no-sync --no-instructions >"$PG_TMP/initdb.log" 2>&1 \
		|| { cat "$PG_TMP/initdb.log" >&2; echo "initdb failed" >&2; exit 1; }
	PGPORT=5432
	pg_run "$PG_BIN/pg_ctl" -D "$PG_TMP/data" -l "$PG_TMP/server.log" -w -s \
		-o "-c listen_addresses='' -c unix_socket_directories='$PG_TMP' -p $PGPORT -c fsync=off -c full_page_writes=off -c synchronous_commit=off -c max_connections=40 ${PG_SERVER_OPTS:-}" \
		start || { cat "$PG_TMP/server.log" >&2; echo "PostgreSQL did not start" >&2; exit 1; }
	PGHOST=$PG_TMP
	PGDATABASE=postgres
	DATABASE_URI="postgresql://$PGUSER@/postgres?host=$PG_TMP"
	export PGHOST PGPORT PGUSER PGDATABASE DATABASE_URI PG_BIN PG_TMP
}

# pg_newdb NAME: a fresh empty database; prints nothing, sets DATABASE_URI.
pg_newdb() {
	psql -X -q -v ON_ERROR_STOP=1 -d postgres -c "CREATE DATABASE \"$1\"" >/dev/null || exit 1
	PGDATABASE=$1
	DATABASE_URI="postgresql://$PGUSER@/$1?host=$PG_TMP"
	export PGDATABASE DATABASE_URI
}
