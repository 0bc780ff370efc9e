#!/bin/bash
# tests/tui/tutorial_lesson4.sh - `wfo-migrate tutorial 4` with no
# database given: lessons 1 to 3 are replayed on a fresh private database
# without questions, then lesson 4 is completed in a real terminal: Ann's
# and Bob's revisions on parallel branches, two heads, a third revision
# refused, the merge on the merge screen (both heads drawn, the lesson's
# message filled in, written without applying), one head, upgrade. The server is stopped at the end, and also when the
# tutorial is left with q in the middle of a lesson.
. "$(dirname "$0")/../lib/tutorial.sh"
tut_setup
next() { tui_keys Enter; sleep 0.3; }

tut_start 120x32 tutorial 4
t_screen "lesson 4 starts (after replaying 1-3)" "Lesson 4: Two branches, two heads" 90
t_screen "its first page" "How two heads happen"
t_true "the private server runs" pg_running
t_eq "the replay wrote lessons 1 and 3's revisions" 2 \
	"$(ls "$W"/state/wfo-migrate/tutorial/migrations/versions/schema/*.py | wc -l)"
next
t_screen "Ann's page names the command" "wfo-migrate revision -m 'Ann: user notes'"
next
t_screen "Ann's revision is written: the output page" "Its output:"
t_eq "Ann's file" 1 "$(ls "$W"/state/wfo-migrate/tutorial/migrations/versions/schema/*_ann_user_notes.py | wc -l)"
next
t_screen "Bob's page" "Bob wrote his before he had Ann's"
t_screen "the tutorial filled in the rename's id" "--head "
next
t_screen "Bob's revision is written: the output page" "Its output:"
t_eq "Bob's file" 1 "$(ls "$W"/state/wfo-migrate/tutorial/migrations/versions/schema/*_bob_user_phone_numbers.py | wc -l)"
next
t_screen "the heads page" "Two heads"
next
t_screen "heads lists Ann's" "Ann: user notes"
t_screen "heads lists Bob's" "Bob: user phone numbers"
t_eq "two heads" 2 "$(tui_screen | grep -c '^ *Rev: .*(head)')"
next
t_screen "the refusal's page" "What two heads block"
next
t_screen "a third revision is refused" "the data branch has several heads"
t_screen "with its exit status" "It ended with exit status 3"
next
t_screen "the merge is explained first" "A merge revision revises both heads at once"
next
t_screen "the merge page names the command" "wfo-migrate merge --screen -m \"Merge Ann's and Bob's revisions\""
next
t_screen "the merge screen opens" "wfo-migrate · merge · 2 heads on branch data" 20
t_screen "Ann's head, selected" "[x]"
t_screen "Ann's head on the graph" "Ann: user notes"
t_screen "Bob's head on the graph" "Bob: user phone numbers"
t_screen "the rename they share" "(common ancestor)"
tui_keys n
t_screen "the merge step" "Merge 2 heads:"
t_screen "the lesson's message is filled in" "Merge Ann's and Bob's revisions"
t_screen "the order of the upgrade" "After the merge, upgrade heads runs"
tui_keys Enter
t_screen "apply now? is asked" "Apply it to the database now?"
tui_keys n
t_eq "the merge file" 1 "$(ls "$W"/state/wfo-migrate/tutorial/migrations/versions/schema/*_merge_*.py 2>/dev/null | wc -l)"
t_screen "back in the tutorial: the next page" "One head again" 20
next
t_eq "one head" 1 "$(tui_screen | grep -c '^ *Rev: .*(head)')"
t_screen "the merge is the head" "(mergepoint)"
next
t_screen "upgrade's page" "Apply all three"
next
t_screen "upgrade applies the merge" "Running upgrade"
t_screen "the merge among them" "Merge Ann's and Bob's"
next
t_screen "lesson 4 is done" "Lesson 4 is done."
t_screen "lesson 5 is offered" "Next: lesson 5, Undo."
tui_keys q
t_eq "the tutorial exits 0" 0 "$(tui_wait_exit 30)"
t_restored "after lesson 4"
t_no_postgres "the private server is stopped"
t_contains "lesson 4 is remembered" "$(tr -d ' \n' <"$W/state/wfo-migrate/tutorial.json")" '"completed":[4]'
merge=$(ls "$W"/state/wfo-migrate/tutorial/migrations/versions/schema/*_merge_*.py)
mid=$(sed -n "s/^revision = '\(.*\)'$/\1/p" "$merge")
t_contains "the merge revises both heads" "$(grep '^down_revision' "$merge")" ", "
t_contains "the database is at the merge" "$(tut_wfo current 2>&1)" "$mid"
t_no_postgres "stopped after current --private-db"

# leaving in the middle of a lesson (q on a page) stops the server too
tut_start 120x32 tutorial 4
t_screen "lesson 4 again" "How two heads happen" 90
t_true "the server runs again" pg_running
tui_keys q
t_eq "q leaves with exit 0" 0 "$(tui_wait_exit 30)"
t_screen "it says how to come back" "Left lesson 4."
t_no_postgres "the server is stopped after q"
t_eq "starting lesson 4 again made it fresh: lessons 1 and 3's revisions only" 2 \
	"$(ls "$W"/state/wfo-migrate/tutorial/migrations/versions/schema/*.py | wc -l)"
t_done
