#!/bin/bash
# tests/conformance/run.sh - runs every domain-model migration scenario of
# tests/conformance/*/ through wfo-migrate and through stock Alembic.
#
# Usage: run.sh [SCENARIO... | --shard=K/N]   (default: every folder beside
# this script; --shard=K/N: the K-th of N interleaved parts)
# Needs: $WFO (the built binary), $WFO_DATA (data/ with schema.sql; or
# $WFO_SCHEMA naming the schema file), PostgreSQL server binaries, psql,
# Debian's /usr/bin/python3 with alembic + psycopg2 (run through one Python
# process for the whole run: tests/lib/alembic.sh).
#
# Per scenario, on a fresh database of one private cluster:
#   data/schema.sql + before.sql; a migrations folder made by `wfo-migrate init`;
#   `migrate-domain-models` with registry.json, inputs.json, updates.json,
#   --yes --no-tui writes exactly one file, prints its path last, and the file
#   parses as Python; `upgrade heads`; every check of checks.sql is true;
#   `diff --exit-code` finds nothing left; `downgrade -1` gives back the
#   catalogue as it was (minus the lines of downgrade-lost.txt: what the
#   migration deletes for good); then on a second fresh database stock Alembic
#   runs the same file up and down, with dumps identical to ours.
# Prints `N passed, M failed` per scenario and, last, for the whole run;
# exits non-zero on any failure.
set -u

HERE=$(cd "$(dirname "$0")" && pwd)
TOP=${WFO_TOP_SRCDIR:-$(cd "$HERE/../.." && pwd)}
. "$TOP/tests/lib/assert.sh"
. "$TOP/tests/lib/pg.sh"
. "$TOP/tests/lib/alembic.sh"

PY=/usr/bin/python3
SCHEMA=${WFO_SCHEMA:-${WFO_DATA:-$TOP/data}/schema.sql}

fatal() { echo "FAILED - $*"; echo "0 passed, 1 failed"; exit 1; }
[ -n "${WFO:-}" ] && [ -x "$WFO" ] || fatal "\$WFO does not name the built wfo-migrate binary"
[ -r "$SCHEMA" ] || fatal "schema file $SCHEMA is missing (data/schema.sql)"
t_need psql
"$PY" -c 'import alembic, psycopg2' 2>/dev/null \
	|| fatal "$PY cannot import alembic and psycopg2 (apt-get install python3-alembic python3-psycopg2)"

pg_start
ALEMBIC_PY=$PY
alembic_start
WORK=$(mktemp -d /tmp/wfo-conformance.XXXXXX)
chmod 755 "$WORK"
trap 'pg_stop; rm -rf "$WORK"' EXIT

PSQL=(psql -X -q -v ON_ERROR_STOP=1)

# The catalogue as canonical text: by names, never by uuids.
CATALOGUE_SQL=$(cat <<'EOF'
SELECT line FROM (
  SELECT 'product ' || name || ' | ' || description || ' | ' || product_type || ' | ' || tag
         || ' | ' || status || ' | ' || coalesce(end_date::text, '-') AS line FROM products
  UNION ALL
  SELECT 'fixed_input ' || p.name || ' | ' || f.name || ' | ' || f.value
    FROM fixed_inputs f JOIN products p USING (product_id)
  UNION ALL
  SELECT 'product_block ' || p.name || ' | ' || b.name
    FROM product_product_blocks x JOIN products p USING (product_id)
    JOIN product_blocks b USING (product_block_id)
  UNION ALL
  SELECT 'block ' || name || ' | ' || description || ' | ' || coalesce(tag, '<null>')
         || ' | ' || coalesce(status, '<null>') || ' | ' || coalesce(end_date::text, '-') FROM product_blocks
  UNION ALL
  SELECT 'block_rt ' || b.name || ' | ' || r.resource_type
    FROM product_block_resource_types x JOIN product_blocks b USING (product_block_id)
    JOIN resource_types r USING (resource_type_id)
  UNION ALL
  SELECT 'block_rel ' || p.name || ' | ' || c.name || ' | ' || coalesce(x.min::text, '-')
         || ' | ' || coalesce(x.max::text, '-')
    FROM product_block_relations x JOIN product_blocks p ON p.product_block_id = x.in_use_by_id
    JOIN product_blocks c ON c.product_block_id = x.depends_on_id
  UNION ALL
  SELECT 'resource_type ' || resource_type || ' | ' || coalesce(description, '<null>') FROM resource_types
) s ORDER BY line COLLATE "C"
EOF
)

# Subscriptions, instances, values and instance relations: new instances get
# random ids, so an instance is named by subscription, block and values.
INSTANCES_SQL=$(cat <<'EOF'
WITH inst AS (
  SELECT i.subscription_instance_id AS id,
         i.subscription_id || ' ' || b.name || ' [' || coalesce(i.label, '') || '] {' || coalesce((
           SELECT string_agg(r.resource_type || '=' || v.value, ', '
                             ORDER BY r.resource_type COLLATE "C", v.value COLLATE "C")
             FROM subscription_instance_values v JOIN resource_types r USING (resource_type_id)
            WHERE v.subscription_instance_id = i.subscription_instance_id), '') || '}' AS name
    FROM subscription_instances i JOIN product_blocks b USING (product_block_id)
)
SELECT line FROM (
  SELECT 'subscription ' || s.subscription_id || ' | ' || p.name || ' | ' || s.status AS line
    FROM subscriptions s JOIN products p USING (product_id)
  UNION ALL
  SELECT 'instance ' || name FROM inst
  UNION ALL
  SELECT 'instance_rel ' || a.name || ' -> ' || c.name || ' | ' || r.order_id || ' | '
         || coalesce(r.domain_model_attr, '<null>')
    FROM subscription_instance_relations r JOIN inst a ON a.id = r.in_use_by_id
    JOIN inst c ON c.id = r.depends_on_id
  UNION ALL
  SELECT 'version ' || version_num FROM alembic_version
) s ORDER BY line COLLATE "C"
EOF
)

dump_catalogue() { "${PSQL[@]}" -A -t -d "$1" -c "$CATALOGUE_SQL"; }
dump_all() {
	dump_catalogue "$1"
	echo "--"
	# alembic_version may not exist before the first upgrade
	"${PSQL[@]}" -d "$1" -c 'CREATE TABLE IF NOT EXISTS alembic_version (version_num varchar(32) NOT NULL)' \
		>/dev/null 2>&1
	"${PSQL[@]}" -A -t -d "$1" -c "$INSTANCES_SQL"
}

# without_lost FILE: stdin minus the lines containing any line of FILE
without_lost() {
	if [ -s "$1" ]; then grep -v -F -f "$1" || true; else cat; fi
}

# run_checks DB CHECKS.SQL LABEL: every check must return true
run_checks() {
	local db=$1 file=$2 label=$3 comment="" stmt="" line res n=0
	while IFS= read -r line || [ -n "$line" ]; do
		case "$line" in
		--*) [ -z "$stmt" ] && comment=${line#-- } ; continue ;;
		"") [ -z "$stmt" ] && continue ;;
		esac
		stmt="$stmt$line"$'\n'
		case "$line" in
		*\;)
			n=$((n + 1))
			res=$("${PSQL[@]}" -A -t -d "$db" -c "$stmt" 2>&1)
			if [ "$res" = t ]; then t_ok "$label: $comment"
			else t_bad "$label: $comment"; printf '  got: %s\n  from: %s' "$res" "$stmt"; fi
			stmt=""; comment="" ;;
		esac
	done <"$file"
	[ "$n" -gt 0 ] || t_bad "$label: $file has no checks"
}

# A migrations folder as `wfo-migrate init` makes it (a minimal one when init
# is not available yet, so the rest can still be exercised).
make_folder() {
	if (cd "$1" && "$WFO" init >init.out 2>&1) && [ -d "$1/migrations/versions/schema" ]; then
		return 0
	fi
	echo "note: 'wfo-migrate init' failed ($(tail -1 "$1/init.out")); using a minimal folder"
	mkdir -p "$1/migrations/versions/schema"
	cat >"$1/alembic.ini" <<'EOF'
[alembic]
script_location = migrations
version_locations = %(here)s/migrations/versions/schema
EOF
	cat >"$1/migrations/env.py" <<'EOF'
import os
from alembic import context
from sqlalchemy import create_engine
url = os.environ["DATABASE_URI"].replace("postgresql+psycopg://", "postgresql://")
with create_engine(url).connect() as connection:
    context.configure(connection=connection, target_metadata=None)
    with context.begin_transaction():
        context.run_migrations()
EOF
	cp "$TOP/tests/conformance/script.py.mako" "$1/migrations/" 2>/dev/null || true
}

new_db() {
	pg_newdb "$1"
	"${PSQL[@]}" -d "$1" -f "$SCHEMA" -f "$2/before.sql" >"$WORK/load.out" 2>&1 \
		|| { t_bad "load schema.sql + before.sql into $1"; cat "$WORK/load.out"; return 1; }
}

run_scenario() {
	local dir=$1 name
	name=$(basename "$dir")
	local p0=$T_PASS f0=$T_FAIL
	local w="$WORK/$name" ours="c_${name}" peer="a_${name}"
	ours=${ours:0:60}; peer=${peer:0:60}
	mkdir -p "$w"
	echo "# scenario $name"

	new_db "$ours" "$dir" || { scenario_done "$name" "$p0" "$f0"; return; }
	dump_catalogue "$ours" >"$w/cat0"
	dump_all "$ours" >"$w/all0"
	make_folder "$w"
	local before
	before=$(ls "$w"/migrations/versions/schema/*.py 2>/dev/null | wc -l)

	local args=("migrate-domain-models" "$name" --models "$dir/registry.json" --yes --no-tui)
	[ -f "$dir/inputs.json" ] && args+=(--inputs "@$dir/inputs.json")
	[ -f "$dir/updates.json" ] && args+=(--updates "@$dir/updates.json")
	(cd "$w" && DATABASE_URI=$DATABASE_URI "$WFO" "${args[@]}" </dev/null >"$w/mdm.out" 2>"$w/mdm.err")
	local rc=$?
	t_eq "$name: migrate-domain-models exits 0" 0 "$rc"
	[ "$rc" = 0 ] || { sed 's/^/  | /' "$w/mdm.err" | tail -20; }

	local files after
	files=$(cd "$w" && ls migrations/versions/schema/*.py 2>/dev/null)
	after=$(printf '%s' "$files" | grep -c . || true)
	t_eq "$name: exactly one revision file written" $((before + 1)) "$after"
	local file
	file=$(cd "$w" && ls -t migrations/versions/schema/*.py 2>/dev/null | head -1)
	if [ "$after" != $((before + 1)) ] || [ -z "$file" ]; then
		scenario_done "$name" "$p0" "$f0"; return
	fi
	local last
	last=$(tail -n 1 "$w/mdm.out")
	t_eq "$name: the last line of output is the written file" \
		"$(readlink -f "$w/$file")" "$(cd "$w" && readlink -f "$last" 2>/dev/null)"
	t_true "$name: $file parses as Python" \
		"$PY" -c 'import ast, sys; ast.parse(open(sys.argv[1]).read(), sys.argv[1])' "$w/$file"
	cp "$w/$file" "$w/revision.py"

	# --- ours: upgrade, checks, diff, downgrade
	(cd "$w" && DATABASE_URI=$DATABASE_URI "$WFO" upgrade heads >"$w/up.out" 2>&1)
	rc=$?
	t_eq "$name: wfo-migrate upgrade heads exits 0" 0 "$rc"
	[ "$rc" = 0 ] || sed 's/^/  | /' "$w/up.out" | tail -20
	run_checks "$ours" "$dir/checks.sql" "$name"
	(cd "$w" && DATABASE_URI=$DATABASE_URI "$WFO" diff --exit-code --models "$dir/registry.json" >"$w/diff.out" 2>&1)
	rc=$?
	t_eq "$name: diff --exit-code finds nothing left after the upgrade" 0 "$rc"
	[ "$rc" = 0 ] || sed 's/^/  | /' "$w/diff.out" | head -20
	dump_all "$ours" >"$w/all1"
	(cd "$w" && DATABASE_URI=$DATABASE_URI "$WFO" downgrade -1 >"$w/down.out" 2>&1)
	rc=$?
	t_eq "$name: wfo-migrate downgrade -1 exits 0" 0 "$rc"
	[ "$rc" = 0 ] || sed 's/^/  | /' "$w/down.out" | tail -20
	dump_catalogue "$ours" >"$w/cat2"
	dump_all "$ours" >"$w/all2"
	t_eq "$name: downgrade gives back the catalogue" \
		"$(without_lost "$dir/downgrade-lost.txt" <"$w/cat0")" \
		"$(without_lost "$dir/downgrade-lost.txt" <"$w/cat2")"

	# --- stock Alembic on a second fresh database, same folder and file
	new_db "$peer" "$dir" || { scenario_done "$name" "$p0" "$f0"; return; }
	local puri="postgresql://$PGUSER@/$peer?host=$PG_TMP"
	(cd "$w" && DATABASE_URI=$puri alembic_cmd upgrade heads >"$w/aup.out" 2>&1)
	rc=$?
	t_eq "$name: alembic upgrade heads exits 0" 0 "$rc"
	[ "$rc" = 0 ] || sed 's/^/  | /' "$w/aup.out" | tail -20
	t_eq "$name: after upgrade, Alembic's database equals ours" "$(cat "$w/all1")" "$(dump_all "$peer")"
	(cd "$w" && DATABASE_URI=$puri alembic_cmd downgrade -1 >"$w/adown.out" 2>&1)
	rc=$?
	t_eq "$name: alembic downgrade -1 exits 0" 0 "$rc"
	[ "$rc" = 0 ] || sed 's/^/  | /' "$w/adown.out" | tail -20
	t_eq "$name: after downgrade, Alembic's database equals ours" "$(cat "$w/all2")" "$(dump_all "$peer")"

	scenario_done "$name" "$p0" "$f0"
}

scenario_done() {
	echo "scenario $1: $((T_PASS - $2)) passed, $((T_FAIL - $3)) failed"
	[ "$((T_FAIL - $3))" = 0 ] && SC_OK=$((SC_OK + 1)) || SC_BAD="$SC_BAD $1"
}

SC_OK=0
SC_BAD=""
if [ $# -gt 0 ] && [ "${1%%/*}" != "--shard" ] && [[ "$1" != --shard=* ]]; then
	for s in "$@"; do run_scenario "$HERE/${s%/}"; done
else
	# --shard=K/N: every N-th scenario from the K-th (automake runs the
	# shards side by side, each with its own cluster)
	k=1 n=1
	case "${1:-}" in --shard=*/*) k=${1#--shard=}; n=${k#*/}; k=${k%/*} ;; esac
	i=0
	for d in "$HERE"/*/; do
		[ -f "$d/registry.json" ] || continue
		i=$((i + 1))
		[ $(((i - 1) % n)) = $((k - 1)) ] && run_scenario "${d%/}"
	done
fi
echo "scenarios: $SC_OK passed${SC_BAD:+, failed:$SC_BAD}"
t_done
