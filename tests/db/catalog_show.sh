#!/bin/bash
# catalog_show.sh - data/schema.sql loads into PostgreSQL; `wfo-migrate show`
# and `show --json` print a small catalogue (products, fixed inputs, block
# tree, counts, hostile text); the catalogue is read in a constant number of
# queries; a database without the orchestrator tables gets one clear error.
set -u
. "$WFO_TOP_SRCDIR/tests/lib/assert.sh"
. "$WFO_TOP_SRCDIR/tests/lib/pg.sh"
PY=${WFO_PYTHON:-/usr/bin/python3}
TOOL="$WFO_TOP_BUILDDIR/tests/db/dbcat_tool"
t_need psql
t_need "$PY"
pg_start
pg_newdb cat
t_true "schema.sql loads" psql -X -q -v ON_ERROR_STOP=1 -f "$WFO_DATA/schema.sql"
t_eq "19 orchestrator tables" 19 "$(psql -X -Atc "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")"
t_eq "products.tag is varchar(20) NOT NULL" "character varying|20|NO" \
	"$(psql -X -Atc "SELECT data_type, character_maximum_length, is_nullable FROM information_schema.columns WHERE table_name = 'products' AND column_name = 'tag'")"
fk() { psql -X -Atc "SELECT confdeltype FROM pg_constraint WHERE contype = 'f' AND conrelid = '$1'::regclass AND confrelid = '$2'::regclass"; }
t_eq "subscription_instances -> product_blocks: no ON DELETE" a "$(fk subscription_instances product_blocks)"
t_eq "values -> instances: ON DELETE CASCADE" c "$(fk subscription_instance_values subscription_instances)"
t_eq "fixed_inputs -> products: ON DELETE CASCADE" c "$(fk fixed_inputs products)"
t_eq "subscriptions -> products: no ON DELETE" a "$(fk subscriptions products)"
t_true "uuid default works" psql -X -q -v ON_ERROR_STOP=1 -c "INSERT INTO workflows (name, target, description) VALUES ('w', 'CREATE', 'd')"
t_true "small catalogue loads" psql -X -q -v ON_ERROR_STOP=1 -f "$WFO_TOP_SRCDIR/tests/db/catalog_small.sql"

out=$("$WFO" show 2>&1); rc=$?
t_eq "show exits 0" 0 "$rc"
t_contains "show: product with type, tag, status" "$out" "  User Group
    product type: UserGroup
    tag: GROUP
    status: active
    description: user group product
    subscriptions: 3
    product blocks:
      UserGroupBlock (3 instances)
        resource types: group_id, group_name"
t_contains "show: fixed inputs and the depends-on tree" "$out" "    fixed inputs:
      affiliation = internal
    product blocks:
      UserBlock
        resource types: username
        UserGroupBlock (3 instances)"
t_contains "show: blocks with counts" "$out" "  UserGroupBlock  tag: UGB  instances: 3  description: group block"
t_contains "show: resource types with value counts" "$out" "  group_id  values: 3"
t_contains "show: products sorted" "$(printf '%s\n' "$out" | grep -E '^  [A-Z]' | head -3 | sed 's/^ *//' | tr '\n' '|')" "Empty|User Group|User internal|"

json=$("$WFO" show --json); t_eq "show --json exits 0" 0 "$?"
check=$(printf '%s' "$json" | "$PY" -c '
import json, sys
d = json.load(sys.stdin)
p = d["products"]
assert list(p) == ["Empty", "User Group", "User internal"], list(p)
assert p["User Group"]["subscriptions"] == 3
assert p["User Group"]["product_type"] == "UserGroup"
assert p["User internal"]["fixed_inputs"] == {"affiliation": "internal"}
assert p["User internal"]["product_blocks"] == ["UserBlock"]
assert p["Empty"]["description"] == "it'"'"'s \"quoted\""
b = d["product_blocks"]
assert b["UserBlock"]["product_blocks"] == ["UserGroupBlock"]
assert b["UserBlock"]["tag"] is None
assert b["UserGroupBlock"]["instances"] == 3
assert b["UserGroupBlock"]["resource_types"] == ["group_id", "group_name"]
r = d["resource_types"]
assert r["group_name"] == {"description": "name of the group", "values": 3}
odd = "odd \\ '"'"'name'"'"' \"x\" \u00e9"
assert r[odd]["description"] == "line1\nline2", r
print("ok")
' 2>&1)
t_eq "show --json content" ok "$check"

# the SQLAlchemy form of the URI and --database-uri
out=$(DATABASE_URI= "$WFO" show --database-uri "postgresql+psycopg://$PGUSER@/cat?host=$PGHOST" 2>&1)
t_contains "--database-uri with postgresql+psycopg://" "$out" "Products (3)"

# constant number of queries whatever the size
q1=$("$TOOL" | grep '^queries=')
t_eq "small catalogue read in 11 queries (9 + BEGIN/COMMIT)" "queries=11" "$q1"
psql -X -q -v ON_ERROR_STOP=1 <<'SQL'
INSERT INTO products (name, description, product_type, tag, status)
	SELECT 'P' || g, 'd', 'T', 'T', 'active' FROM generate_series(1, 500) g;
INSERT INTO product_blocks (name, description) SELECT 'B' || g, 'd' FROM generate_series(1, 300) g;
INSERT INTO resource_types (resource_type) SELECT 'r' || g FROM generate_series(1, 2000) g;
INSERT INTO fixed_inputs (name, value, product_id) SELECT 'f', 'v', product_id FROM products;
INSERT INTO product_product_blocks SELECT p.product_id, b.product_block_id FROM products p, product_blocks b WHERE p.name = 'P' || substr(b.name, 2);
INSERT INTO product_block_resource_types SELECT b.product_block_id, r.resource_type_id FROM product_blocks b, resource_types r WHERE r.resource_type IN ('r1', 'r2', 'r' || substr(b.name, 2));
INSERT INTO product_block_relations (in_use_by_id, depends_on_id) SELECT a.product_block_id, b.product_block_id FROM product_blocks a, product_blocks b WHERE a.name = 'B1' AND b.name LIKE 'B2%';
INSERT INTO subscriptions (description, status, product_id, customer_id, insync) SELECT 's', 'active', product_id, 'c', true FROM products, generate_series(1, 20);
INSERT INTO subscription_instances (subscription_id, product_block_id) SELECT s.subscription_id, x.product_block_id FROM subscriptions s JOIN product_product_blocks x USING (product_id);
INSERT INTO subscription_instance_values (subscription_instance_id, resource_type_id, value) SELECT si.subscription_instance_id, x.resource_type_id, 'v' FROM subscription_instances si JOIN product_block_resource_types x USING (product_block_id);
SQL
big=$("$TOOL")
t_contains "bigger catalogue: same query count" "$big" "$q1"
t_contains "bigger catalogue: products" "$big" "products=503"
t_contains "bigger catalogue: resource types" "$big" "resource_types=2005"
t_contains "bigger catalogue: subscriptions counted" "$big" "subscriptions=$(psql -X -Atc 'SELECT count(*) FROM subscriptions')"
t_contains "bigger catalogue: instances counted" "$big" "instances=$(psql -X -Atc 'SELECT count(*) FROM subscription_instances')"
t_contains "bigger catalogue: values counted" "$big" "values=$(psql -X -Atc 'SELECT count(*) FROM subscription_instance_values')"
t_contains "no transaction left open" "$big" "in_transaction_after=0"

# not an orchestrator database
pg_newdb plain
out=$("$WFO" show 2>&1); rc=$?
t_eq "empty database: exit 4 (database error)" 4 "$rc"
t_contains "empty database: says so" "$out" "database plain has none of the orchestrator tables; missing: products, product_blocks"
t_contains "empty database: says how to fix" "$out" "not an orchestrator database, or it is not initialised yet"
t_eq "empty database: one line" 1 "$(printf '%s\n' "$out" | wc -l)"
psql -X -q -c "CREATE TABLE products (x int)"
out=$("$WFO" show 2>&1)
t_contains "partly initialised: names the first missing table" "$out" "database plain lacks the orchestrator tables product_blocks, resource_types"
pg_newdb nearly
psql -X -q -v ON_ERROR_STOP=1 -f "$WFO_DATA/schema.sql"
psql -X -q -c "DROP TABLE product_block_relations"
out=$("$WFO" show 2>&1)
t_contains "one table missing" "$out" "database nearly has no table product_block_relations: this is not"
out=$("$WFO" show --database-uri "postgresql://$PGUSER@/does_not_exist?host=$PGHOST" 2>&1); rc=$?
t_eq "unknown database: exit 4" 4 "$rc"
t_contains "unknown database: libpq's reason" "$out" "cannot connect to database "
t_done
