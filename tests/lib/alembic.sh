# tests/lib/alembic.sh - stock Alembic for test scripts, one Python process
# for all of a script's commands (tests/lib/alembic_runner.py) instead of one
# `python3 -m alembic` start per command.
#
#   alembic_start            start the runner (once per script; it ends with it)
#   alembic_cmd ARGS...      `python3 -m alembic ARGS...` in the current
#                            folder with the current DATABASE_URI: the same
#                            stdout, stderr and exit status
#
# Works from subshells and command substitutions, one command at a time.
# ALEMBIC_PY: the Python with Alembic (default /usr/bin/python3).
# WFO_ALEMBIC_RUNNER=0: alembic_cmd starts `python3 -m alembic` each time
# (to compare the two).

ALEMBIC_PY=${ALEMBIC_PY:-/usr/bin/python3}
ALEMBIC_REQ=
ALEMBIC_TMP=

# The runner reads requests until every copy of the request pipe is closed:
# when the script and its subshells (and servers it started) have exited;
# it then removes its folder. Its own errors go to the script's stderr.
alembic_start() {
	[ "${WFO_ALEMBIC_RUNNER:-1}" = 0 ] && return 0
	[ -n "$ALEMBIC_REQ" ] && return 0
	local lib
	lib=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
	ALEMBIC_TMP=$(mktemp -d /tmp/wfo-alembic.XXXXXX) || exit 1
	mkfifo "$ALEMBIC_TMP/req" "$ALEMBIC_TMP/resp" || exit 1
	"$ALEMBIC_PY" "$lib/alembic_runner.py" "$ALEMBIC_TMP" </dev/null >/dev/null &
	exec {ALEMBIC_REQ}>"$ALEMBIC_TMP/req" {ALEMBIC_RESP}<"$ALEMBIC_TMP/resp"
}

# The command's output goes straight to a pipe, terminal or device the
# caller's stdout/stderr is; to a regular file through a file of the runner
# then cat, since the caller's own offset in it would not move on. A
# stdout and stderr that are one file (2>&1) share one such file, so that
# their lines stay in the order written.
alembic_cmd() {
	if [ -z "$ALEMBIC_REQ" ]; then
		"$ALEMBIC_PY" -m alembic "$@"
		return
	fi
	local uri=- a line IFS= so se o e to= te= rc
	[ -n "${DATABASE_URI+set}" ] && uri="=$DATABASE_URI"
	case "$uri$PWD$*" in
	*$'\t'* | *$'\n'*) "$ALEMBIC_PY" -m alembic "$@"; return ;;
	esac
	# copies of stdout and stderr for the runner to open: fd 1 itself is
	# the request pipe while printf writes the request
	exec {so}>&1 {se}>&2
	o=/proc/$BASHPID/fd/$so e=/proc/$BASHPID/fd/$se
	if [ -f "$o" ]; then to=$ALEMBIC_TMP/out; : >"$to"; fi
	if [ -f "$e" ]; then
		if [ -n "$to" ] && [[ $o -ef $e ]]; then te=$to; else te=$ALEMBIC_TMP/err; : >"$te"; fi
	fi
	line="${to:-$o}"$'\t'"${te:-$e}"$'\t'"$PWD"$'\t'"$uri"
	for a in "$@"; do line+=$'\t'"$a"; done
	printf '%s\n' "$line" >&"$ALEMBIC_REQ"
	if ! read -r line <&"$ALEMBIC_RESP"; then
		exec {so}>&- {se}>&-
		echo "alembic_cmd: the Alembic runner ended (see its error above)" >&2
		return 70
	fi
	exec {so}>&- {se}>&-
	rc=${line#status }
	[ -n "$to" ] && cat "$to"
	[ -n "$te" ] && [ "$te" != "$to" ] && cat "$te" >&2
	return "$rc"
}
