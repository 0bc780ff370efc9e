#!/bin/bash
# man.sh - the man page renders without warnings, and every command of
# src/commands.def is documented there and listed by --help.
set -u
. "$WFO_TOP_SRCDIR/tests/lib/assert.sh"
t_need groff
MAN="$WFO_TOP_SRCDIR/man/wfo-migrate.1"
warn=$(LC_ALL=C.UTF-8 groff -man -Tutf8 -ww -z "$MAN" 2>&1)
t_eq "groff -man -ww: no warnings" "" "$warn"
page=$(LC_ALL=C.UTF-8 groff -man -Tutf8 -P-cbou "$MAN" 2>/dev/null)
for sect in NAME SYNOPSIS DESCRIPTION COMMANDS OPTIONS ENVIRONMENT FILES "EXTERNAL REVISIONS" "EXIT STATUS" EXAMPLES "SEE ALSO"; do
	t_true "section $sect" grep -q "^$sect\$" <<<"$page"
done
help=$("$WFO" --help)
# the tags of the ".TP" paragraphs of a section of the roff source
tags() { awk -v s="$1" '/^\.SH /{ins = ($0 == ".SH " s)} ins && prev == ".TP" {sub(/^\.B /, ""); gsub(/\\-/, "-"); print} {prev = $0}' "$MAN"; }
commands=$(tags COMMANDS)
exits=$(tags "EXIT STATUS")
cmds=$(sed -n 's/^WFO_COMMAND("\([^"]*\)".*/\1/p' "$WFO_TOP_SRCDIR/src/commands.def")
t_true "commands.def lists commands" test -n "$cmds"
for c in $cmds; do
	# a tagged paragraph ".TP" + ".B name" in COMMANDS, and a line of --help
	t_true "man page documents '$c'" grep -qx "$c" <<<"$commands"
	t_true "--help lists '$c'" grep -qE "^  $c +" <<<"$help"
done
for c in init revision merge heads history current upgrade downgrade diff show migrate-domain-models; do
	t_true "man page documents '$c' (issues 2 and 3)" grep -qx "$c" <<<"$commands"
done
for v in DATABASE_URI WFO_PYTHON WFO_DATA WFO_EXTRA_VERSION_LOCATIONS NO_COLOR PGHOST; do
	t_contains "ENVIRONMENT names $v" "$page" "$v"
done
for code in 0 1 2 3 4 5 6 7 70; do
	t_true "EXIT STATUS lists $code" grep -qx "$code" <<<"$exits"
done
t_done
