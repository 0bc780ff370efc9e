# tests/lib/tutorial.sh - end-to-end tests of `wfo-migrate tutorial` in a
# real terminal (tmux), with NO database given: the tutorial starts its
# private PostgreSQL under a temporary XDG_STATE_HOME per test and must
# stop it whatever happens. Source it, then call tut_setup.
set -u
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
TOP=${WFO_TOP_SRCDIR:-$(cd "$HERE/../.." && pwd)}
. "$TOP/tests/lib/assert.sh"
[ -n "${WFO:-}" ] && [ -x "$WFO" ] || { echo "FAILED - \$WFO is not the built binary"; exit 1; }
t_need tmux
TMUX_SOCK=
W=
# nothing of the test environment may point at a database
unset DATABASE_URI PGHOST PGPORT PGUSER PGDATABASE PGPASSWORD
export WFO_PRIVATE_DB_NOSYNC=1

tmx() { tmux -L "$TMUX_SOCK" -f /dev/null "$@"; }

# The cluster of this test's state folder (its data folder in the command
# line of the postmaster) - never another test's.
PGDATA_OF() { echo "$W/state/wfo-migrate/pg/data"; }
pg_running() { pgrep -f -- "-D $(PGDATA_OF)\$" >/dev/null 2>&1 || [ -e "$(PGDATA_OF)/postmaster.pid" ]; }

# t_no_postgres NAME: within 15 s no server of this test runs any more.
t_no_postgres() {
	local i
	for ((i = 0; i < 150; i++)); do
		pg_running || { t_ok "$1"; return 0; }
		sleep 0.1
	done
	t_bad "$1"
	pgrep -fa -- "-D $(PGDATA_OF)"
}

tut_cleanup() {
	[ -n "$TMUX_SOCK" ] && tmx kill-server >/dev/null 2>&1
	# a test that failed may leave the server: stop it, then remove all
	if [ -n "$W" ] && [ -e "$(PGDATA_OF)/postmaster.pid" ]; then
		local bin; bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
		if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$bin/pg_ctl" -D "$(PGDATA_OF)" -m immediate stop >/dev/null 2>&1
		else "$bin/pg_ctl" -D "$(PGDATA_OF)" -m immediate stop >/dev/null 2>&1; fi
	fi
	[ -n "$W" ] && rm -rf "$W"
}

tut_setup() {
	W=$(mktemp -d /tmp/wfo-tut.XXXXXX)
	chmod 755 "$W"   # as root the server runs as postgres, which must reach it
	mkdir -m 755 "$W/state" "$W/home"
	trap 'tut_cleanup' EXIT
	trap 'tut_cleanup; exit 1' INT TERM HUP
	cd "$W" || exit 1
}

# tut_start COLSxROWS ARGS...: `wfo-migrate ARGS` in a new tmux pane with
# XDG_STATE_HOME=$W/state; exit status to $W/rc, terminal modes to $W/stty.
tut_start() {
	local size=$1 cols rows
	shift
	cols=${size%x*} rows=${size#*x}
	tmx kill-server >/dev/null 2>&1
	TUI_N=$(( ${TUI_N:-0} + 1 ))
	TMUX_SOCK=wfo-tut-$$-$TUI_N
	rm -f "$W/rc" "$W/stty"
	local q=""
	for a in "$WFO" "$@"; do q="$q '${a//\'/\'\\\'\'}'"; done
	tmx new-session -d -s t -x "$cols" -y "$rows" -e "LANG=C.UTF-8" -e "XDG_STATE_HOME=$W/state" \
		-e "HOME=$W/home" -e "WFO_PRIVATE_DB_NOSYNC=1" \
		"trap : INT; cd '$W' && env -u DATABASE_URI -u PGHOST -u PGUSER -u PGDATABASE -u PGPORT $q; r=\$?; stty -a >'$W/stty'; echo \$r >'$W/rc'; sleep 3600"
	tmx set-option -t t status off >/dev/null
}

tui_screen() { tmx capture-pane -p -t t; }
tui_keys() { tmx send-keys -t t "$@"; }
tui_type() { tmx send-keys -t t -l "$1"; }
# The tutorial's pid: the child of this pane's shell.
tut_pid() { pgrep -P "$(tmx display-message -p -t t '#{pane_pid}')" -f "$WFO"; }

tui_wait() {
	local i n=$(( ${2:-10} * 10 ))
	for ((i = 0; i < n; i++)); do
		tui_screen | grep -qF -- "$1" && return 0
		sleep 0.1
	done
	echo "--- timed out waiting for: $1"; tui_screen
	return 1
}

tui_wait_exit() {
	local i n=$(( ${1:-30} * 10 ))
	for ((i = 0; i < n; i++)); do
		[ -s "$W/rc" ] && { cat "$W/rc"; return 0; }
		sleep 0.1
	done
	echo timeout
	return 1
}

t_screen() {
	if tui_wait "$2" "${3:-15}" >/dev/null; then t_ok "$1"; else t_bad "$1"; echo "--- expected on screen: $2"; tui_screen; fi
}

t_restored() {
	local st; st=$(cat "$W/stty" 2>/dev/null)
	case "$st" in *" icanon"*) t_ok "$1: line editing on" ;; *) t_bad "$1: line editing on"; echo "$st" ;; esac
	case "$st" in *" echo "*) t_ok "$1: echo on" ;; *) t_bad "$1: echo on"; echo "$st" ;; esac
	t_eq "$1: alternate screen off" 0 "$(tmx display-message -p -t t '#{alternate_on}')"
}

# wfo-migrate ARGS on the tutorial's private database (after the tutorial
# ended), in the tutorial's folder.
tut_wfo() {
	(cd "$W/state/wfo-migrate/tutorial" && env XDG_STATE_HOME="$W/state" HOME="$W/home" "$WFO" "$@" --private-db)
}
