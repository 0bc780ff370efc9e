#!/bin/bash
# tests/tui/captures.sh OUTDIR - the capture-pane text of each wizard screen
# at 80x24, as shown in README.md ("The wizard"); not a test. Needs the
# built binary in $WFO (default src/wfo-migrate of this tree).
. "$(dirname "$0")/lib.sh"
OUT=$(mkdir -p "${1:?usage: captures.sh OUTDIR}" && cd "$1" && pwd)
tui_setup
snap() { sleep 0.5; tui_screen | sed -e 's/[[:space:]]*$//' >"$OUT/$1.txt"; }
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); del d["User Group"]["tag"]; print(json.dumps(d))' \
	"$SEED/inputs.json" >notag.json
mkdir -p products
cp "$SEED/registry.json" products/registry.json

# the tutorial: differences, a refused tag, review, write, upgrade
tui_start 80x24 "Add User and UserGroup products" --models products --inputs @notag.json
tui_wait "+ 3 products" >/dev/null
tui_keys Right Down Down; snap diff
tui_keys n n Enter; tui_type "USER_GROUP_ADMINISTRATION"; tui_keys Enter; snap details
tui_keys C-u; tui_type GROUP; tui_keys Enter n; snap review
tui_keys Tab; snap review-sql
tui_keys Enter; snap confirm
tui_keys Enter; snap write
tui_keys Enter y; snap upgraded
tui_keys Enter; tui_wait_exit >/dev/null; snap result

# a rename with a value to keep
psql -X -q -v ON_ERROR_STOP=1 >/dev/null <<'SQL'
INSERT INTO subscriptions (subscription_id, description, status, product_id, customer_id, insync, start_date)
	SELECT '00000000-0000-4000-8000-000000000001', 'user 1', 'active', product_id,
	       'c0ffee00-0000-4000-8000-000000000001', true, now() FROM products WHERE name = 'User internal';
INSERT INTO subscription_instances (subscription_instance_id, subscription_id, product_block_id)
	SELECT '00000000-0000-4000-8000-0000000000a1', '00000000-0000-4000-8000-000000000001', product_block_id
	FROM product_blocks WHERE name = 'UserBlock';
INSERT INTO subscription_instance_values (subscription_instance_id, resource_type_id, value)
	SELECT '00000000-0000-4000-8000-0000000000a1', resource_type_id, '42' FROM resource_types WHERE resource_type = 'age';
SQL
sed -i 's/"age"/"user_age"/' products/registry.json
tui_start 80x24 "Rename age to user_age" --models products
tui_wait "product block changed" >/dev/null
tui_keys n; snap renames
tui_keys Enter; snap renames-menu
tui_keys Escape F1; snap help
tui_keys Escape; tui_resize 60x20; snap 60x20
tui_resize 80x24; tui_keys Enter Enter n d; tui_wait "Verdict" >/dev/null; snap rename-dryrun
tui_keys q

# a deletion with a subscription
pg_newdb del
SC=$TOP/tests/conformance/wi_remove_product
psql -X -q -v ON_ERROR_STOP=1 -f "$SCHEMA" >/dev/null
psql -X -q -v ON_ERROR_STOP=1 -f "$SC/before.sql" >/dev/null
cp "$SC/registry.json" products/registry.json
tui_start 80x24 "Remove TestProductOne" --models products
tui_wait "product to delete" >/dev/null
tui_keys n; snap del-review
tui_keys Enter; snap del-confirm
tui_keys Escape d; tui_wait "Verdict" >/dev/null; snap del-dryrun
tui_keys q
ls "$OUT"
