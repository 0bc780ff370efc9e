#!/bin/bash
# tests/tui/rename.sh - renaming age to user_age in the full-screen wizard,
# on the tutorial's database with a subscription whose age is 42: the
# rename suggestion with the values it keeps, going back from the review to
# change the answer (no rename: the plan asks for a description and a
# default value for the existing instance, the review warns about the
# dropped values), back again to rename, then write and upgrade; the value
# survives under the new name.
. "$(dirname "$0")/lib.sh"
tui_setup
seed_db
psql -X -q -v ON_ERROR_STOP=1 >/dev/null <<'SQL' || { echo "FAILED - subscription fixture"; exit 1; }
INSERT INTO subscriptions (subscription_id, description, status, product_id, customer_id, insync, start_date)
	SELECT '00000000-0000-4000-8000-000000000001', 'user 1', 'active', product_id,
	       'c0ffee00-0000-4000-8000-000000000001', true, now() FROM products WHERE name = 'User internal';
INSERT INTO subscription_instances (subscription_instance_id, subscription_id, product_block_id)
	SELECT '00000000-0000-4000-8000-0000000000a1', '00000000-0000-4000-8000-000000000001', product_block_id
	FROM product_blocks WHERE name = 'UserBlock';
INSERT INTO subscription_instance_values (subscription_instance_id, resource_type_id, value)
	SELECT '00000000-0000-4000-8000-0000000000a1', resource_type_id, '42' FROM resource_types WHERE resource_type = 'age';
SQL
sed 's/"age"/"user_age"/' "$SEED/registry.json" >renamed.json
before=$(nfiles)

tui_start 80x24 "Rename age to user_age" --models renamed.json
t_screen "the changed block is listed" "~ 1 product block changed"
t_screen "the deleted resource type warns about its values" "⚠ 1 value "
t_screen "the renames step is not skipped" "1 Differences ▸ 2 Renames ▸ 3 Details"
tui_keys n
t_screen "the rename suggestion" "Resource type age"
t_screen "the question in plain words" "Which new resource type replaces age?"
t_screen "the values kept by renaming" "1 value is kept by renaming"
tui_keys Enter
t_screen "the choices" "Rename age to user_age"
tui_keys Enter
t_screen "the decision" "→ user_age"
tui_keys n
t_screen "nothing to fill in after the rename: the review" "1 Summary"
t_screen "the rename in the summary" "Rename resource type age to user_age"
tui_keys Escape
t_screen "Esc goes back to the renames" "Which new resource type replaces age?"
tui_keys Enter End Enter
t_screen "the decision changed" "no rename"
tui_keys n
t_screen "declining the per-block rename is asked first" "Decline 1 rename?"
tui_keys y
t_screen "the plan recomputed: a default value for the instance" "user_age in UserBlock"
tui_keys n
t_screen "n names the missing value" 'values are missing; the first: Description of resource type user_age'
tui_keys Enter
tui_type "age of the user"
tui_keys Enter
t_screen "the default value's reach" "1 existing instance of UserBlock will get this value"
tui_type "0"
tui_keys Enter n
t_screen "dropping age warns in the review" "Remove resource type age from product block UserBlock: 1 value"
tui_keys Escape
t_screen "back to the details" "user_age in UserBlock"
tui_keys Escape
t_screen "back to the renames, the cursor on the per-block rename" "In block UserBlock, which new resource type replaces age?"
tui_keys Home
t_screen "the global rename" "Which new resource type replaces age?"
tui_keys Enter Home Enter
t_screen "renamed again" "→ user_age"
tui_keys n
t_screen "the review shows the rename again" "Rename resource type age to user_age"
tui_keys Enter
t_screen "the confirmation" "You confirm these changes:"
tui_keys Enter
t_screen "the write screen" "[ Write the file ]"
tui_keys Enter
t_screen "apply now?" "Apply it to the database now?"
tui_keys y
t_screen "upgraded" "The database is now at head"
tui_keys Enter
t_eq "the wizard exits 0" 0 "$(tui_wait_exit)"
t_restored "after the wizard"
t_eq "one more revision file" $((before + 1)) "$(nfiles)"
t_eq "user_age exists, age does not" "user_age" \
	"$(sql "SELECT string_agg(resource_type, ',') FROM resource_types WHERE resource_type IN ('age', 'user_age')")"
t_eq "the value survived the rename" 42 \
	"$(sql "SELECT v.value FROM subscription_instance_values v JOIN resource_types r USING (resource_type_id) WHERE r.resource_type = 'user_age'")"
t_eq "no default value was added" 1 "$(sql 'SELECT count(*) FROM subscription_instance_values')"
t_done
