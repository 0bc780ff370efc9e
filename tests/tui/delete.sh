#!/bin/bash
# tests/tui/delete.sh - deleting a product that has a subscription, in the
# full-screen wizard: the differences warn with the count, the review lists
# the destructive changes, the confirmation defaults to No (Enter keeps the
# review), then yes; the file is written and not applied ("No" to apply
# now): the database is unchanged.
. "$(dirname "$0")/lib.sh"
SC=$TOP/tests/conformance/wi_remove_product
tui_setup
psql -X -q -v ON_ERROR_STOP=1 -f "$SC/before.sql" >/dev/null || { echo "FAILED - load $SC/before.sql"; exit 1; }

tui_start 80x24 "Remove TestProductOne" --models "$SC/registry.json"
t_screen "the product to delete" "1 product to delete"
t_screen "its subscription counted" "⚠ 1 subscription "
tui_keys Right Down
t_screen "the detail names the database side" "Product TestProductOne, to delete"
t_screen "the detail counts the impact" "1 subscription will be deleted"
tui_keys n
t_screen "the review warns" "destructive change"
t_screen "the deleted subscription is named" "Delete product TestProductOne: 1 subscription"
tui_keys Enter
t_screen "the confirmation lists what it confirms" "Delete 1 product"
t_screen "the confirmation names what is destroyed" "They destroy data:"
tui_keys Enter
t_screen "the default was No: still on the review" "Enter confirm"
t_eq "nothing written after No" 0 "$(nfiles)"
tui_keys Enter
t_screen "asked again" "They destroy data:"
tui_keys y
t_screen "the write screen" "[ Write the file ]"
tui_keys Enter
t_screen "apply now?" "Apply it to the database now?"
tui_keys n
t_eq "the wizard exits 0" 0 "$(tui_wait_exit)"
t_restored "after the wizard"
t_eq "the revision file is written" 1 "$(nfiles)"
t_contains "the file deletes the product" "$(cat "$W"/migrations/versions/schema/*.py)" "DELETE FROM products"
t_eq "not applied: the product is still there" 1 "$(sql "SELECT count(*) FROM products WHERE name = 'TestProductOne'")"
t_eq "not applied: its subscription too" 1 "$(sql 'SELECT count(*) FROM subscriptions')"
t_done
