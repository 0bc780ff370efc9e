#!/bin/bash
# copy_stmt.sh - COPY ... TO STDOUT / FROM STDIN in a revision: wfo-migrate
# has no client side for the rows, so `upgrade heads` must fail at once
# (it used to spin forever in the COPY state with the lock held): exit 4,
# the error names file:line and the statement, and the database is exactly
# as before (transaction rolled back, no advisory lock, no other session).
set -u
. "$WFO_TOP_SRCDIR/tests/lib/assert.sh"
. "$WFO_TOP_SRCDIR/tests/lib/pg.sh"
. "$WFO_TOP_SRCDIR/tests/db/revlib.sh"
t_need psql
t_need timeout
pg_start
W=$PG_TMP/proj
q() { psql -X -At -v ON_ERROR_STOP=1 "$@"; }
state() {
	q -c "SELECT to_regclass('alembic_version') IS NOT NULL, to_regclass('products') IS NOT NULL"
	q -c "SELECT version_num FROM alembic_version" 2>/dev/null
}

# check NAME STATEMENT: the second of two pending revisions runs STATEMENT.
check() {
	local name=$1 stmt=$2 before out rc file line
	pg_newdb "db$RANDOM"
	mkproj "$W"
	mkrev "$W" aaaa00000001 None \
		"op.execute(\"CREATE TABLE products (id int PRIMARY KEY)\")
op.execute(\"INSERT INTO products VALUES (1), (2)\")"
	mkrev "$W" bbbb00000002 aaaa00000001 "op.execute(\"INSERT INTO products VALUES (3)\")
op.execute(\"$stmt\")"
	file=$W/migrations/versions/schema/bbbb00000002.py
	line=$(lineof "$file" "$stmt")
	before=$(state)
	out=$(cd "$W" && timeout 20 "$WFO" upgrade heads </dev/null 2>&1); rc=$?
	t_eq "$name: exit status 4 at once (124: still running after 20 s)" 4 "$rc"
	t_contains "$name: the error names file:line" "$out" "bbbb00000002.py:$line:"
	t_contains "$name: the error shows the statement" "$out" "Statement: $stmt"
	t_contains "$name: the error says why" "$out" "COPY to or from the client"
	t_eq "$name: database as before" "$before" "$(state)"
	t_eq "$name: no advisory lock left" 0 \
		"$(q -c "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'")"
	t_eq "$name: no other session left" 0 \
		"$(q -c "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()")"
	# the same with the table already there (an upgrade that resumes)
	(cd "$W" && "$WFO" upgrade aaaa00000001 >/dev/null 2>&1)
	before=$(state)
	t_eq "$name: first revision applied" "t|t
aaaa00000001" "$before"
	out=$(cd "$W" && timeout 20 "$WFO" upgrade heads </dev/null 2>&1); rc=$?
	t_eq "$name, resumed: exit status 4" 4 "$rc"
	t_eq "$name, resumed: database as before" "$before" "$(state)"
	t_eq "$name, resumed: rows unchanged" "1 2 " "$(q -c 'SELECT id FROM products ORDER BY 1' | tr '\n' ' ')"
}

check "COPY TO STDOUT" "COPY products TO STDOUT"
check "COPY FROM STDIN" "COPY products FROM STDIN"
check "COPY (query) TO STDOUT with CSV" "COPY (SELECT * FROM products) TO STDOUT WITH (FORMAT csv)"
t_done
