#!/bin/bash
# tests/mdm/unapplied.sh - migrate-domain-models on a database behind the
# revision folder: a revision written earlier is not applied yet, so a new
# migration diffed against the database would repeat its changes (and the
# folder could no longer be upgraded). The run stops before asking anything
# (exit 4), names the unapplied revision and says to run `wfo-migrate
# upgrade` first; nothing is written. After the upgrade the models and the
# database agree. An empty revision left unapplied ("create data head")
# changes nothing and does not stop the run.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
TOP=${WFO_TOP_SRCDIR:-$(cd "$HERE/../.." && pwd)}
. "$TOP/tests/lib/assert.sh"
. "$TOP/tests/lib/pg.sh"
SCHEMA=${WFO_DATA:-$TOP/data}/schema.sql
SC=$TOP/tests/conformance/workshop_user_products
REG=$SC/registry.json

[ -n "${WFO:-}" ] && [ -x "$WFO" ] || { echo "FAILED - \$WFO is not the built binary"; exit 1; }
t_need psql
pg_start
W=$(mktemp -d /tmp/wfo-mdm-unapplied.XXXXXX)
trap 'pg_stop; rm -rf "$W"' EXIT
cd "$W" || exit 1
"$WFO" init >/dev/null 2>&1 || { echo "FAILED - wfo-migrate init"; exit 1; }
pg_newdb orch
psql -X -q -v ON_ERROR_STOP=1 -f "$SCHEMA" >/dev/null || { echo "FAILED - load schema"; exit 1; }
nfiles() { ls migrations/versions/schema/*.py 2>/dev/null | wc -l; }
mdm() { NO_COLOR=1 "$WFO" migrate-domain-models "$@"; }

# an empty revision is not a reason to stop
"$WFO" revision -m "create data head" >/dev/null 2>&1
n0=$(nfiles)
t_true "empty revisions written (the data head and the revision)" test "$n0" -ge 1
mdm "first" --models "$REG" --inputs "@$SC/inputs.json" --yes --no-tui </dev/null >out 2>err
t_eq "an unapplied empty revision does not stop the run ($(cat err))" 0 $?
first=$(tail -n 1 out)
t_eq "the first migration written" 1 "$(($(nfiles) - n0))"
firstid=$(sed -n "s/^revision = ['\"]\(.*\)['\"]/\1/p" "$first")

# the first migration is not applied: the second run stops before anything
printf 'y\ny\ny\n' >answers.txt
mdm "second" --models "$REG" --no-tui <answers.txt >out 2>err
rc=$?
t_eq "behind the folder: exit 4" 4 "$rc"
t_contains "names the unapplied revision and its file" "$(cat err)" "$firstid ($first)"
t_contains "says to upgrade first" "$(cat err)" "Run 'wfo-migrate upgrade' first"
t_contains "says nothing was written" "$(cat err)" "Nothing was asked or written."
t_eq "asked nothing" "" "$(cat out)"
t_eq "wrote nothing" 1 "$(($(nfiles) - n0))"
mdm "second" --models "$REG" --inputs "@$SC/inputs.json" --yes --no-tui </dev/null >out 2>err
t_eq "the same with every answer given: exit 4" 4 $?
t_eq "still nothing written" 1 "$(($(nfiles) - n0))"

# after the upgrade: nothing to do, as the revision already did it
"$WFO" upgrade heads >/dev/null 2>&1
t_eq "upgrade heads" 0 $?
mdm "second" --models "$REG" --yes --no-tui </dev/null >out 2>err
t_eq "after the upgrade: exit 0" 0 $?
t_contains "after the upgrade: nothing to do" "$(cat out)" "nothing to do"
t_eq "after the upgrade: nothing written" 1 "$(($(nfiles) - n0))"
t_done
