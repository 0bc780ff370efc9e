#!/bin/bash
# tests/tui/tutorial_lesson1.sh - README's first command, `wfo-migrate
# tutorial`, with no database given: the private PostgreSQL starts under
# XDG_STATE_HOME, lesson 1 is completed in a real terminal (the quiz refuses
# the wrong case, the lesson panel refuses an answer other than the
# workshop's, the wizard writes and applies the revision), the server is
# stopped at the end, the progress is remembered and the database holds the
# workshop's catalogue afterwards.
. "$(dirname "$0")/../lib/tutorial.sh"
tut_setup

tut_start 120x32 tutorial
t_screen "lesson 1 starts by itself" "Lesson 1: Your first domain-model migration" 60
t_screen "its first page" "What a domain-model migration is"
t_screen "the private database is shown" "db private PostgreSQL in $W/state/wfo-migrate/pg"
t_true "the private server runs from the state folder" pg_running
t_true "on a unix socket in the state folder" test -S "$W/state/wfo-migrate/pg/.s.PGSQL.5432"
t_eq "no TCP: listen_addresses is empty" "listen_addresses = ''" \
	"$(grep -h '^listen_addresses' "$W/state/wfo-migrate/pg/data/wfo-migrate.conf")"
t_true "tutorial.json remembers the lesson begun" grep -q '"started": 1' "$W/state/wfo-migrate/tutorial.json"

tui_keys Enter
t_screen "the quiz" "The product type of User external, exactly as the model spells it:"
tui_type "user"
tui_keys Enter
t_screen "the wrong case is refused" "the case must match exactly"
tui_keys Escape Enter
t_screen "Enter does not go on without the answer" "Type the answer, then Enter"
tui_keys C-u
tui_type "User"
tui_keys Enter
t_screen "the exact type is accepted" "Right: User"
tui_keys Enter
t_screen "the wizard's page" "Enter opens the wizard"
tui_keys Enter
t_screen "the wizard opens" "+ 3 products to create"
t_screen "with the lesson panel" "Answers: 0 of 17 entered"
t_screen "which names the next answer" "Next: User Group description"
tui_keys n
t_screen "the details" "17 values: 0 done, 17 missing"
tui_keys Enter
tui_type "User group administration"
tui_keys Enter
t_screen "an answer other than the lesson's is refused" "the lesson expects 'user group administration', exactly (case included)"
answer() { tui_keys C-u; tui_type "$1"; tui_keys Enter; sleep 0.3; }
# the rows of the Details step, in their order
answer "user group administration"
t_screen "the panel counts the answer" "Answers: 1 of 17 entered"
answer GROUP
answer "user administration - external"
answer USER_EXT
answer "user administration - internal"
answer USER_INT
answer external
answer internal
answer "user block"
answer UB
answer "user group block"
answer UGB
answer "age of the user"
answer "id of the user group"
answer "name of the user group"
answer "id of the user"
answer "name of the user"
t_screen "every value entered" "17 values: 17 done, 0 missing, 0 invalid"
t_screen "the panel agrees" "All 17 answers entered"
tui_keys n
t_screen "the review" "3 products to create"
tui_keys Enter
t_screen "the confirmation" "You confirm these changes:"
tui_keys Enter
t_screen "the write screen" "[ Write the file ]"
tui_keys Enter
t_screen "apply now?" "Apply it to the database now?"
tui_keys y
t_screen "the upgrade result" "The database is now at head"
tui_keys Enter
t_screen "back in the tutorial" "Where the revision went"
tui_keys Enter
t_screen "history of the revision" "Add User and UserGroup products"
tui_keys Enter
t_screen "current's page" "The database's revision"
tui_keys Enter
t_screen "current's output" "(head)"
tui_keys Enter
t_screen "the lesson is done" "Lesson 1 is done."
t_screen "the next lesson is offered" "Next: lesson 2, Apply and look."
tui_keys q
t_eq "the tutorial exits 0" 0 "$(tui_wait_exit 30)"
t_restored "after the tutorial"
t_no_postgres "the private server is stopped at the end"
t_screen "it says how to go on" "Lesson 1 done."

t_true "lesson 1 is remembered as completed" grep -A2 '"completed"' "$W/state/wfo-migrate/tutorial.json"
t_contains "completed lists 1" "$(tr -d ' \n' <"$W/state/wfo-migrate/tutorial.json")" '"completed":[1]'
list=$(env XDG_STATE_HOME="$W/state" "$WFO" tutorial --list)
t_contains "--list marks lesson 1 done" "$list" "done 1  Your first domain-model migration"
t_contains "--list marks lesson 2 next" "$list" "next 2  Apply and look"
f=$(ls "$W"/state/wfo-migrate/tutorial/migrations/versions/schema/*.py 2>/dev/null)
t_eq "one revision file in the tutorial's folder" 1 "$(printf '%s\n' "$f" | grep -c '\.py$')"
rev=$(sed -n "s/^revision = '\(.*\)'$/\1/p" "$f")

# the database kept the upgrade: reused on the next start
shown=$(tut_wfo show 2>&1)
t_contains "the cluster is reused (no initdb again)" "$shown" "Starting the private PostgreSQL"
t_false "no second initdb" grep -q "Creating a private" <<<"$shown"
t_contains "the workshop's products are in the database" "$shown" "User Group"
t_contains "with the workshop's tags" "$shown" "USER_INT"
t_contains "the database is at the revision" "$(tut_wfo current 2>&1)" "$rev"
t_no_postgres "--private-db stops the server after each command"
t_done
