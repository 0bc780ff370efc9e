#!/bin/bash
# tests/tui/safety.sh - nothing lost without saying so, in a real terminal,
# on the tutorial's database with a subscription whose age is 42 and whose
# username is "ann"; the models rename age to user_age and username to
# login:
#  - n on Renames with an undecided rename asks first, naming the values
#    dropped, and the default (Enter) is No;
#  - quitting with one rename decided and one undecided saves answers files
#    that a resumed run reads: the decided rename is kept, the other is
#    asked again (not turned into a drop);
#  - d on the Review runs the dry run on the database: rows per statement,
#    the downgrade's verdict, and nothing changed;
#  - after writing and applying, the result stays on the terminal: file,
#    new head, applied, backup reminder, and the unattended command, which
#    run on a second database writes a revision with the same SQL.
. "$(dirname "$0")/lib.sh"
tui_setup
seed_db
fixture() {
	psql -X -q -v ON_ERROR_STOP=1 >/dev/null <<'SQL' || { echo "FAILED - subscription fixture"; exit 1; }
INSERT INTO subscriptions (subscription_id, description, status, product_id, customer_id, insync, start_date)
	SELECT '00000000-0000-4000-8000-000000000001', 'user 1', 'active', product_id,
	       'c0ffee00-0000-4000-8000-000000000001', true, now() FROM products WHERE name = 'User internal';
INSERT INTO subscription_instances (subscription_instance_id, subscription_id, product_block_id)
	SELECT '00000000-0000-4000-8000-0000000000a1', '00000000-0000-4000-8000-000000000001', product_block_id
	FROM product_blocks WHERE name = 'UserBlock';
INSERT INTO subscription_instance_values (subscription_instance_id, resource_type_id, value)
	SELECT '00000000-0000-4000-8000-0000000000a1', resource_type_id, '42' FROM resource_types WHERE resource_type = 'age';
INSERT INTO subscription_instance_values (subscription_instance_id, resource_type_id, value)
	SELECT '00000000-0000-4000-8000-0000000000a1', resource_type_id, 'ann' FROM resource_types WHERE resource_type = 'username';
SQL
}
fixture
sed -e 's/"age"/"user_age"/' -e 's/"username"/"login"/' "$SEED/registry.json" >renamed.json
dbdump() { pg_dump --data-only --no-owner "$1" | grep -v -e '^--' -e '^.restrict' -e '^.unrestrict' | sort; }
before=$(nfiles)

# --- n asks before declining; save with one rename undecided
tui_start 80x24 "Rename age and username" --models renamed.json
t_screen "the wizard is up" "~ 1 product block changed"
tui_keys n
t_screen "two rename suggestions" "? Resource type username"
tui_keys Enter
t_screen "the choices for age" "Rename age to user_age"
tui_keys Down Enter
t_screen "age decided" "→ user_age"
t_screen "the cursor moved on to the undecided username" "Which new resource type replaces username?"
tui_keys n
t_screen "n with an undecided rename asks first" "Decline 1 rename?"
t_screen "it names the values that would be dropped" "Going on declines it: 1 value of username will"
tui_keys Enter
t_screen "the default is No: nothing declined" "Nothing declined"
t_screen "username still undecided" "not decided"
tui_keys q
t_screen "quitting asks" "Quit without writing?"
tui_keys BTab BTab Enter
t_screen "a file name is asked" "File name (without -inputs.json"
tui_keys C-u
tui_type "half"
tui_keys Enter
t_eq "save and quit exits 7" 7 "$(tui_wait_exit)"
t_screen "the farewell says undecided renames are asked again" "1 undecided rename will be asked again"
t_contains "the updates file keeps the decided rename" "$(cat half-updates.json)" '"age": "user_age"'
t_contains "and asks the others again" "$(cat half-updates.json)" '"ask_other_renames": true'

# --- resumed: the decided rename kept, the undecided one asked again
tui_start 80x24 "Rename age and username" --models renamed.json --inputs @half-inputs.json --updates @half-updates.json
t_screen "resumed: the renames step is not skipped" "2 Renames ▸"
tui_keys n
t_screen "resumed: age kept as decided" "→ user_age"
t_screen "resumed: username asked again" "? Resource type username"
tui_keys Down Enter
t_screen "the choice for username" "Rename username to login"
tui_keys Enter
t_screen "username decided" "→ login"
tui_keys n
t_screen "nothing more to fill in: the review" "Enter confirm"

# --- the dry run
dbdump orch >db.before
tui_keys d
t_screen "the dry run tab" "Dry run: everything below ran in one transaction that was rolled back"
t_screen "rows per statement" "1 row   UPDATE resource_types SET resource_type='login'"
t_screen "the downgrade's verdict on the status line" "Dry run: after the downgrade the catalogue is as it was"
dbdump orch >db.after
t_true "the dry run changed nothing in the database" cmp -s db.before db.after
t_eq "the dry run wrote nothing" "$before" "$(nfiles)"

# --- write, apply, the result left on the terminal
tui_keys Enter
t_screen "the confirmation lists the renames" "Rename 2 resource types"
tui_keys y
t_screen "the write screen" "[ Write the file ]"
tui_keys Enter
t_screen "apply now?" "Apply it to the database now?"
tui_keys y
t_screen "upgraded" "The database is now at head"
tui_keys Enter
t_eq "the wizard exits 0" 0 "$(tui_wait_exit)"
out=$(tmx capture-pane -p -J -t t)
f=$(ls -t "$W"/migrations/versions/schema/*.py | head -1)
rev=$(sed -n "s/^revision = '\(.*\)'$/\1/p" "$f")
t_contains "left on the terminal: the file" "$out" "Revision written: $f"
t_contains "left on the terminal: the new head" "$out" "New head of the data branch: $rev"
t_contains "left on the terminal: applied" "$out" "Applied: yes, the database is at $rev."
t_contains "left on the terminal: back up first" "$out" "Back up the database before applying this in production."
t_contains "left on the terminal: the unattended command" "$out" "The same run without questions"
t_eq "the values survived under the new names" "42,ann" \
	"$(sql "SELECT string_agg(v.value, ',' ORDER BY v.value) FROM subscription_instance_values v")"
cmd=$(printf '%s\n' "$out" | sed -n 's/^  \(wfo-migrate migrate-domain-models .*\)$/\1/p')
t_contains "the command is shell-quoted" "$cmd" "wfo-migrate migrate-domain-models 'Rename age and username' --models renamed.json --inputs @${f%.py}.inputs.json"
t_contains "the command gives the renames" "$cmd" "--updates @${f%.py}.updates.json"
t_contains "the command asks nothing" "$cmd" "--yes --no-tui"
t_contains "the answers file beside the revision" "$(cat "${f%.py}.updates.json")" '"username": "login"'

# the command, run on a second database as it was, writes the same SQL
pg_newdb orch2
psql -X -q -v ON_ERROR_STOP=1 -f "$SCHEMA" >/dev/null || exit 1
seed_rev=$(sed -n "s/^down_revision = '\(.*\)'$/\1/p" "$f")
"$WFO" upgrade "$seed_rev" >/dev/null 2>&1 || { echo "FAILED - orch2 at the seed revision"; exit 1; }
fixture
# orch2 is behind the folder while the first revision is in it, and
# migrate-domain-models refuses to write on top of unapplied revisions: the
# first revision is set aside, as on a checkout without it
mv "$f" "$W/first.py"
eval "\"\$WFO\" ${cmd#wfo-migrate }" </dev/null >repro.out 2>&1
t_eq "the unattended command exits 0" 0 $?
t_eq "it wrote one more revision" $((before + 1)) "$(nfiles)"
g=$(ls -t "$W"/migrations/versions/schema/*.py | head -1)
body() { sed -n '/^def upgrade/,$p' "$1"; }
t_eq "with the same SQL" "$(body "$W/first.py")" "$(body "$g")"
t_done
