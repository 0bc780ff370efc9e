#!/bin/bash
# tests/tui/upgrade_interrupt.sh - Ctrl-C while the wizard upgrades a real
# database. The first INSERT waits on a lock another session holds, so the
# Ctrl-C surely lands mid-upgrade; when the statement has run the wizard asks.
# "Stop and roll back": PostgreSQL ends up exactly as before (no product, no
# alembic_version table), the screen and the summary say it was stopped and
# rolled back, the revision file stays. "Go on": the upgrade completes.
. "$(dirname "$0")/lib.sh"
tui_setup

# lock_products SECONDS: another session holds products for that long (in
# the background); returns once the lock is taken.
lock_products() {
	psql -X -q -c "BEGIN; LOCK TABLE products IN ACCESS EXCLUSIVE MODE; SELECT pg_sleep($1); COMMIT;" >/dev/null &
	LOCKER=$!
	local i
	for ((i = 0; i < 100; i++)); do
		[ "$(sql "SELECT count(*) FROM pg_locks l JOIN pg_class c ON c.oid = l.relation WHERE c.relname = 'products' AND l.mode = 'AccessExclusiveLock' AND l.granted")" = 1 ] && return 0
		sleep 0.1
	done
	return 1
}
# waiting: whether a session waits on a lock of products (the wizard's INSERT)
waiting() {
	[ "$(sql "SELECT count(*) FROM pg_locks l JOIN pg_class c ON c.oid = l.relation WHERE c.relname = 'products' AND NOT l.granted")" -ge 1 ]
}
to_apply() {
	tui_start 100x30 "Add User and UserGroup products" --models "$SEED/registry.json" \
		--inputs "@$SEED/inputs.json"
	t_screen "$1: the wizard is up" "+ 3 products to create"
	tui_keys n n
	t_screen "$1: the review" "Enter confirm"
	tui_keys Enter
	t_screen "$1: the confirmation" "You confirm these changes:"
	tui_keys Enter
	t_screen "$1: the write screen" "[ Write the file ]"
	tui_keys Enter
	t_screen "$1: apply now?" "Apply it to the database now?"
	t_true "$1: another session locks products" lock_products 4
	tui_keys y
	local i
	for ((i = 0; i < 50; i++)); do waiting && break; sleep 0.1; done
	t_true "$1: the upgrade waits on the lock" waiting
	tui_keys C-c
}

# --- stop and roll back
to_apply "stop"
t_screen "stop: asked once the statement has run" "Stop the upgrade?" 20
t_screen "stop: nothing is committed yet" "nothing is committed yet"
wait "$LOCKER"
tui_keys Enter
t_screen "stop: the wizard says it was stopped" "The upgrade was stopped"
t_screen "stop: and rolled back" "Everything it had done was rolled back"
t_eq "stop: no product was added" 0 "$(sql "SELECT count(*) FROM products")"
t_eq "stop: alembic_version was not created (one transaction)" 0 \
	"$(sql "SELECT count(*) FROM pg_tables WHERE tablename = 'alembic_version'")"
t_eq "stop: the advisory lock is free again" 0 \
	"$(sql "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'")"
tui_keys Enter
t_screen "stop: the Write screen keeps it" "The upgrade was stopped; nothing was changed"
tui_keys q
t_eq "stop: q leaves with the file written: exit 0" 0 "$(tui_wait_exit)"
t_screen "stop: the summary says so" "Applied: no, the upgrade was stopped and rolled back; the database is unchanged."
t_screen "stop: and how to apply later" "Apply later: wfo-migrate upgrade"
t_restored "stop"
t_eq "stop: the revision file stays" 1 "$(nfiles)"

# --- go on: a new wizard run (the stopped run's files set aside), answering
# "Go on"
rm -f "$W"/migrations/versions/schema/*.py "$W"/migrations/versions/schema/*.json
to_apply "go on"
t_screen "go on: asked" "Stop the upgrade?" 20
wait "$LOCKER"
tui_keys Tab Enter
t_screen "go on: the upgrade completes" "Database upgraded"
tui_keys Enter
t_eq "go on: exit 0" 0 "$(tui_wait_exit)"
t_screen "go on: the summary says applied" "Applied: yes"
t_eq "go on: the products are there" 3 "$(sql "SELECT count(*) FROM products")"
t_eq "go on: alembic_version at the new head" 1 "$(sql "SELECT count(*) FROM alembic_version")"
t_done
