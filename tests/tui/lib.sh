# tests/tui/lib.sh - end-to-end tests of the full-screen wizard in a real
# terminal: tmux (a private server, fixed size) runs the built
# `wfo-migrate migrate-domain-models` against the private PostgreSQL of
# tests/lib/pg.sh; keys go in with send-keys, the screen comes out with
# capture-pane. Source it, then call tui_setup.
set -u
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
TOP=${WFO_TOP_SRCDIR:-$(cd "$HERE/../.." && pwd)}
. "$TOP/tests/lib/assert.sh"
. "$TOP/tests/lib/pg.sh"
SCHEMA=${WFO_DATA:-$TOP/data}/schema.sql
SEED=$TOP/tests/conformance/workshop_user_products
TMUX_SOCK=

[ -n "${WFO:-}" ] && [ -x "$WFO" ] || { echo "FAILED - \$WFO is not the built binary"; exit 1; }
t_need tmux
t_need psql

tmx() { tmux -L "$TMUX_SOCK" -f /dev/null "$@"; }

tui_cleanup() {
	[ -n "$TMUX_SOCK" ] && tmx kill-server >/dev/null 2>&1
	pg_stop
	[ -n "${W:-}" ] && rm -rf "$W"
}

# A private cluster, a database "orch" with the orchestrator schema, and a
# migrations folder (wfo-migrate init) in $W, the working directory.
tui_setup() {
	pg_start
	W=$(mktemp -d /tmp/wfo-tui.XXXXXX)
	chmod 755 "$W"
	TMUX_SOCK=wfo-tui-$$
	trap 'tui_cleanup' EXIT
	trap 'tui_cleanup; exit 1' INT TERM HUP
	cd "$W" || exit 1
	"$WFO" init >/dev/null 2>&1 || { echo "FAILED - wfo-migrate init"; exit 1; }
	pg_newdb orch
	psql -X -q -v ON_ERROR_STOP=1 -f "$SCHEMA" >/dev/null || { echo "FAILED - load schema"; exit 1; }
}

# tui_start COLSxROWS ARGS...: runs wfo-migrate migrate-domain-models ARGS in
# a new tmux pane of that size; its output stays in the pane, its exit
# status goes to $W/rc and the terminal modes after it to $W/stty.
# TUI_ENV="NAME=VALUE ..." adds to its environment (after LANG=C.UTF-8).
tui_start() {
	local size=$1 cols rows
	shift
	cols=${size%x*} rows=${size#*x}
	# a new server each time: a killed one may still hold its socket
	tmx kill-server >/dev/null 2>&1
	TUI_N=$(( ${TUI_N:-0} + 1 ))
	TMUX_SOCK=wfo-tui-$$-$TUI_N
	rm -f "$W/rc" "$W/stty"
	local q=""
	for a in "$WFO" migrate-domain-models "$@"; do q="$q '${a//\'/\'\\\'\'}'"; done
	# TERM is set by tmux for the pane: extra variables go through env(1)
	tmx new-session -d -s t -x "$cols" -y "$rows" -e "DATABASE_URI=$DATABASE_URI" \
		-e "PGHOST=$PGHOST" -e "PGUSER=$PGUSER" -e "PGDATABASE=$PGDATABASE" -e "LANG=C.UTF-8" \
		"trap : INT; cd '$W' && env ${TUI_ENV:-} $q; r=\$?; stty -a >'$W/stty'; echo \$r >'$W/rc'; sleep 3600"
	tmx set-option -t t status off >/dev/null
}

tui_screen() { tmx capture-pane -p -t t; }
# The command's pid: the child of this pane's shell (never another test's).
tui_pid() { pgrep -P "$(tmx display-message -p -t t '#{pane_pid}')" -f migrate-domain-models; }
tui_keys() { tmx send-keys -t t "$@"; }
tui_type() { tmx send-keys -t t -l "$1"; }

# tui_wait TEXT [SECONDS]: until the screen shows TEXT; false on timeout.
tui_wait() {
	local i n=$(( ${2:-10} * 10 ))
	for ((i = 0; i < n; i++)); do
		tui_screen | grep -qF -- "$1" && return 0
		sleep 0.1
	done
	echo "--- timed out waiting for: $1"; tui_screen
	return 1
}

# tui_wait_exit [SECONDS]: until the command ended; prints its exit status.
tui_wait_exit() {
	local i n=$(( ${1:-20} * 10 ))
	for ((i = 0; i < n; i++)); do
		[ -s "$W/rc" ] && { cat "$W/rc"; return 0; }
		sleep 0.1
	done
	echo timeout
	return 1
}

# t_screen NAME TEXT: the screen shows TEXT (waits for it a few seconds).
t_screen() {
	if tui_wait "$2" "${3:-10}" >/dev/null; then t_ok "$1"; else t_bad "$1"; echo "--- expected on screen: $2"; tui_screen; fi
}

# t_restored NAME: after the command the terminal is back in its normal
# modes (line editing and echo on, no alternate screen).
t_restored() {
	local st; st=$(cat "$W/stty" 2>/dev/null)
	case "$st" in *" icanon"*) t_ok "$1: line editing on" ;; *) t_bad "$1: line editing on"; echo "$st" ;; esac
	case "$st" in *" echo "*) t_ok "$1: echo on" ;; *) t_bad "$1: echo on"; echo "$st" ;; esac
	t_eq "$1: alternate screen off" 0 "$(tmx display-message -p -t t '#{alternate_on}')"
}

# tui_resize COLSxROWS
tui_resize() { tmx resize-window -t t -x "${1%x*}" -y "${1#*x}"; }

nfiles() { ls "$W"/migrations/versions/schema/*.py 2>/dev/null | wc -l; }
sql() { psql -X -A -t -v ON_ERROR_STOP=1 -c "$1"; }

# The tutorial's products in the database (written and upgraded without
# the wizard), for tests that start from there.
seed_db() {
	"$WFO" migrate-domain-models "seed" --models "$SEED/registry.json" --inputs "@$SEED/inputs.json" \
		--yes --no-tui --upgrade </dev/null >/dev/null 2>&1 || { echo "FAILED - seed the tutorial"; exit 1; }
}
