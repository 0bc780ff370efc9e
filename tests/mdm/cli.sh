#!/bin/bash
# tests/mdm/cli.sh - `wfo-migrate diff` and `migrate-domain-models` from the
# outside, on a private PostgreSQL: what a run without a terminal does with
# open questions (exit 2, every key listed, nothing written), --test, refused
# answers, bad input files, hostile text byte for byte through our executor
# and through stock Alembic, the data branch (root, then revising its head),
# --upgrade, "nothing to do", and the errors for a database or a folder that
# is not ready.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
TOP=${WFO_TOP_SRCDIR:-$(cd "$HERE/../.." && pwd)}
. "$TOP/tests/lib/assert.sh"
. "$TOP/tests/lib/pg.sh"
SCHEMA=${WFO_DATA:-$TOP/data}/schema.sql
SC=$TOP/tests/conformance/workshop_user_products
REG=$SC/registry.json
PY=/usr/bin/python3

[ -n "${WFO:-}" ] && [ -x "$WFO" ] || { echo "FAILED - \$WFO is not the built binary"; exit 1; }
t_need psql
pg_start
W=$(mktemp -d /tmp/wfo-mdm.XXXXXX)
chmod 755 "$W"
trap 'pg_stop; rm -rf "$W"' EXIT
cd "$W" || exit 1
"$WFO" init >/dev/null 2>&1 || { echo "FAILED - wfo-migrate init"; exit 1; }
pg_newdb orch
psql -X -q -v ON_ERROR_STOP=1 -f "$SCHEMA" >/dev/null || { echo "FAILED - load schema"; exit 1; }
nfiles() { ls migrations/versions/schema/*.py 2>/dev/null | wc -l; }
mdm() { NO_COLOR=1 "$WFO" migrate-domain-models "$@"; }

# --- diff
"$WFO" diff --models "$REG" >diff.out 2>&1
t_eq "diff exits 0 without --exit-code" 0 $?
t_contains "diff names the products to create" "$(cat diff.out)" "User internal"
"$WFO" diff --models "$REG" --exit-code >/dev/null 2>&1
t_eq "diff --exit-code exits 1 on differences" 1 $?
"$WFO" diff --models "$REG" --json >diff.json 2>&1
t_true "diff --json is JSON with create_products" \
	"$PY" -c 'import json,sys; d=json.load(open(sys.argv[1])); assert "User Group" in d["create_products"]' diff.json

# --- no terminal, no answers: exit 2, every key listed, nothing written
mdm "m" --models "$REG" --no-tui </dev/null >out 2>err
t_eq "open questions without a terminal exit 2" 2 $?
t_eq "nothing written" 0 "$(nfiles)"
for k in '"User Group"."description"' '"User internal"."affiliation"' '"UserBlock"."tag"' \
	'"age"."description"'; do
	t_contains "missing answer listed: $k" "$(cat err)" "--inputs $k"
done
t_contains "the confirmation is listed as --yes" "$(cat err)" "--yes"
t_contains "a JSON skeleton to complete" "$(cat err)" "Complete and pass with --inputs @FILE"

# --- --test: the SQL, no question, no file
mdm "m" --models "$REG" --inputs "@$SC/inputs.json" --test </dev/null >out 2>err
t_eq "--test exits 0" 0 $?
t_contains "--test says it writes nothing" "$(head -1 out)" "NOTE: Running in test mode"
t_contains "--test prints the upgrade SQL" "$(cat out)" "INSERT INTO products"
t_eq "--test writes nothing" 0 "$(nfiles)"

# --- a refused answer: a tag over the column's 20 characters
sed 's/"GROUP"/"GROUP_TAG_THAT_IS_TOO_LONG"/' "$SC/inputs.json" >long.json
mdm "m" --models "$REG" --inputs @long.json --yes --no-tui </dev/null >out 2>err
t_eq "a tag over 20 characters exits 3" 3 $?
t_contains "the error names the key" "$(cat err)" 'inputs["User Group"]["tag"]'
t_contains "the error names the limit" "$(cat err)" "20"
t_eq "nothing written after a refused answer" 0 "$(nfiles)"

# --- bad input files
printf '{\n  "User Group": {"tag": }\n}\n' >bad.json
mdm "m" --models "$REG" --inputs @bad.json --yes --no-tui </dev/null >out 2>err
t_eq "broken --inputs JSON exits 3" 3 $?
t_contains "the error gives the line" "$(cat err)" "line 2"
printf '{"products": {"P": {"product_type": "T", "product_blocks": ["Nope"]}}}\n' >badreg.json
mdm "m" --models badreg.json --yes --no-tui </dev/null >out 2>err
t_eq "a registry naming an unknown block exits 3" 3 $?
t_contains "the error names the file" "$(cat err)" "badreg.json"
t_contains "the error names the block" "$(cat err)" "Nope"
mdm "m" --models nowhere.json --yes --no-tui </dev/null >out 2>err
t_eq "a missing models file exits 5" 5 $?
t_contains "the error names the path" "$(cat err)" "nowhere.json"

# --- line prompts: a refused tag is asked again (in a folder of its own)
mkdir lp && (cd lp && "$WFO" init >/dev/null 2>&1)
"$PY" -c 'import json,sys; d=json.load(open(sys.argv[1])); del d["User Group"]["tag"]; print(json.dumps(d))' \
	"$SC/inputs.json" >notag.json
printf 'y\nGROUP_TAG_THAT_IS_TOO_LONG\nGROUP\n' >answers.txt
(cd lp && NO_COLOR=1 "$WFO" migrate-domain-models "m" --models "$REG" --inputs @../notag.json \
	--no-tui <../answers.txt >../out 2>../err)
t_eq "line prompts with a refused tag then a good one exit 0" 0 $?
t_contains "the tag is asked" "$(cat out)" "Supply the product tag: "
t_contains "the refusal is shown" "$(cat out)" "Not accepted"
t_contains "the good tag is written" "$(cat "$(tail -n 1 out)")" "'GROUP'"

# --- hostile text, byte for byte, through our executor and through Alembic
HOSTILE=$(printf 'it'"'"'s "quoted" """triple""" back\\slash 100%% :colon \\n na\xc3\xafve\nsecond line')
"$PY" - "$SC/inputs.json" "$HOSTILE" >hostile.json <<'PYEOF'
import json, sys
d = json.load(open(sys.argv[1]))
d["User Group"]["description"] = sys.argv[2]
print(json.dumps(d))
PYEOF
mdm "first" --models "$REG" --inputs @hostile.json --yes --no-tui </dev/null >out 2>err
t_eq "hostile text: migrate-domain-models exits 0" 0 $?
first=$(tail -n 1 out)
t_eq "one file written" 1 "$(nfiles)"
t_contains "the first data revision is the branch root" "$(cat "$first")" "down_revision = None"
t_contains "the first data revision has the data label" "$(cat "$first")" "data"
"$WFO" upgrade heads >/dev/null 2>up.err
t_eq "wfo-migrate upgrade heads" 0 $?
got=$(psql -X -A -t -c "SELECT encode(convert_to(description, 'UTF8'), 'hex') FROM products WHERE name = 'User Group'")
want=$(printf '%s' "$HOSTILE" | od -An -tx1 | tr -d ' \n')
t_eq "hostile text survives our executor byte for byte" "$want" "$got"
pg_newdb peer
psql -X -q -v ON_ERROR_STOP=1 -f "$SCHEMA" >/dev/null
DATABASE_URI=$DATABASE_URI "$PY" -m alembic upgrade heads >aup.out 2>&1
t_eq "stock Alembic runs the same file" 0 $?
got=$(psql -X -A -t -c "SELECT encode(convert_to(description, 'UTF8'), 'hex') FROM products WHERE name = 'User Group'")
t_eq "hostile text survives Alembic byte for byte" "$want" "$got"
export PGDATABASE=orch DATABASE_URI="postgresql://$PGUSER@/orch?host=$PG_TMP"

# --- nothing to do once the database matches
mdm "again" --models "$REG" --yes --no-tui </dev/null >out 2>err
t_eq "no differences: exit 0" 0 $?
t_contains "no differences: says so" "$(cat out)" "nothing to do"
t_eq "no differences: nothing written" 1 "$(nfiles)"

# --- the next revision revises the data head; --upgrade applies it
firstid=$(sed -n "s/^revision = ['\"]\(.*\)['\"]/\1/p" "$first")
cat >reg2.json <<'JSON'
{"products": {"User Group": {"product_type": "UserGroup", "product_blocks": ["UserGroupBlock"]},
 "User internal": {"product_type": "User", "fixed_inputs": ["affiliation"], "product_blocks": ["UserBlock"]},
 "User external": {"product_type": "User", "fixed_inputs": ["affiliation"], "product_blocks": ["UserBlock"]}},
 "product_blocks": {"UserGroupBlock": {"resource_types": ["group_name", "group_id"]},
  "UserBlock": {"resource_types": ["username", "age", "user_id", "email"], "product_blocks": ["UserGroupBlock"]}}}
JSON
"$WFO" diff --models reg2.json --exit-code >/dev/null 2>&1
if [ $? = 1 ]; then t_ok "reg2 adds a resource type"; else t_bad "reg2 adds a resource type"; "$WFO" diff --models reg2.json; fi
mdm "add email" --models reg2.json --inputs '{"email": {"description": "mail address"}}' \
	--yes --no-tui --upgrade </dev/null >out 2>err
t_eq "--upgrade: exit 0" 0 $?
second=$(tail -n 1 out)
t_true "--upgrade: the last line is the written file" test -f "$second"
t_contains "the second revision revises the first" "$(grep '^down_revision' "$second")" "$firstid"
t_eq "--upgrade applied it" t \
	"$(psql -X -A -t -c "SELECT EXISTS (SELECT 1 FROM resource_types WHERE resource_type = 'email')")"
t_eq "the database is at the second revision" "$(sed -n "s/^revision = ['\"]\(.*\)['\"]/\1/p" "$second")" \
	"$(psql -X -A -t -c "SELECT version_num FROM alembic_version")"

# --- a database without the orchestrator tables; a project without migrations/
pg_newdb empty
mdm "m" --models "$REG" --yes --no-tui </dev/null >out 2>err
t_eq "not an orchestrator database: exit 4" 4 $?
t_contains "not an orchestrator database: says which tables are missing" "$(cat err)" "products"
export PGDATABASE=orch DATABASE_URI="postgresql://$PGUSER@/orch?host=$PG_TMP"
mkdir -p elsewhere
(cd elsewhere && mdm "m" --models "$REG" --inputs "@$SC/inputs.json" --yes --no-tui </dev/null >out 2>err)
t_eq "no migrations folder: exit 5" 5 $?
t_contains "no migrations folder: says to run init" "$(cat elsewhere/err)" "wfo-migrate init"
t_done
