#!/bin/bash
# tests/tui/upgrade_error.sh - an upgrade that fails from the Write screen:
# with --upgrade the file is applied as soon as it is written (not asked
# again); a product of the same name
# created behind the wizard's back makes PostgreSQL refuse; the dialog shows
# PostgreSQL's error and that nothing was changed, the wizard stays usable
# (the button offers to apply again), q leaves with the file written and
# the database as it was.
. "$(dirname "$0")/lib.sh"
tui_setup

tui_start 80x24 "Add User and UserGroup products" --models "$SEED/registry.json" \
	--inputs "@$SEED/inputs.json" --upgrade
t_screen "the wizard is up" "+ 3 products to create"
tui_keys n n
t_screen "the review" "Enter confirm"
tui_keys Enter
t_screen "the confirmation" "You confirm these changes:"
tui_keys Enter
t_screen "the write screen" "[ Write the file ]"
sql "INSERT INTO products (name, description, product_type, tag, status) VALUES ('User Group', 'in the way', 'X', 'X', 'active')" >/dev/null
tui_keys Enter
t_screen "the upgrade failed (--upgrade: applied without asking again)" "The upgrade failed"
t_false "--upgrade: not asked again" sh -c "tmux -L '$TMUX_SOCK' capture-pane -p -t t | grep -q 'Apply it to the database now?'"
t_screen "PostgreSQL's error is shown" "duplicate key"
t_screen "nothing was changed" "Nothing was changed in the database"
tui_keys Enter
t_screen "the wizard stays usable: apply again" "[ Apply to the database ]"
t_screen "the failure stays on the screen" "The upgrade failed; nothing was changed"
t_screen "with PostgreSQL's reason, readable after the dialog" "duplicate key value violates unique constraint"
tui_keys q
t_eq "q leaves with the file written: exit 0" 0 "$(tui_wait_exit)"
t_screen "the summary says it was not applied" "Applied: no, the upgrade failed and changed nothing"
t_screen "and how to apply later" "Apply later: wfo-migrate upgrade"
t_restored "after the failed upgrade"
t_eq "the revision file is written" 1 "$(nfiles)"
t_eq "nothing was applied: only the product in the way" "in the way" \
	"$(sql "SELECT string_agg(description, ',') FROM products")"
t_eq "alembic_version was not created either (one transaction)" 0 \
	"$(sql "SELECT count(*) FROM pg_tables WHERE tablename = 'alembic_version'")"
t_done
