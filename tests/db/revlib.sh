# tests/db/revlib.sh - small revision folders written by a test: a project
# (alembic.ini and env.py of tests/db/fixtures, an empty versions folder) and
# revisions whose upgrade()/downgrade() execute given SQL.
# Source after tests/lib/assert.sh.

# mkproj DIR: a project folder with an empty versions folder.
mkproj() {
	rm -rf "$1"
	mkdir -p "$1/migrations/versions/schema"
	cp "$WFO_TOP_SRCDIR/tests/db/fixtures/project/alembic.ini" "$1/"
	cp "$WFO_TOP_SRCDIR/tests/db/fixtures/project/migrations/env.py" \
		"$WFO_TOP_SRCDIR/tests/db/fixtures/project/migrations/script.py.mako" "$1/migrations/"
	chmod -R u+w "$1"
}

# mkrev DIR ID DOWN UPGRADE-LINES [DOWNGRADE-LINES]: a revision file
# DIR/migrations/versions/schema/<ID>.py; DOWN is an id or None; the bodies
# are Python lines (indented by the caller's text, 4 spaces added).
mkrev() {
	local dir=$1 id=$2 down=$3 up=$4 dn=${5:-pass}
	[ "$down" = None ] || down="'$down'"
	{
		printf '"""Revision %s.\n\nRevision ID: %s\n"""\n' "$id" "$id"
		printf 'import sqlalchemy as sa\nfrom alembic import op\n\n'
		printf "revision = '%s'\ndown_revision = %s\nbranch_labels = None\ndepends_on = None\n\n\n" "$id" "$down"
		printf 'def upgrade() -> None:\n'
		printf '%s\n' "$up" | sed 's/^/    /'
		printf '\n\ndef downgrade() -> None:\n'
		printf '%s\n' "$dn" | sed 's/^/    /'
	} >"$dir/migrations/versions/schema/$id.py"
}

# lineof FILE TEXT: the number of the first line of FILE containing TEXT.
lineof() { grep -n -F -- "$2" "$1" | head -1 | cut -d: -f1; }
