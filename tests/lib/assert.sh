# tests/lib/assert.sh - small assertions for shell tests. Each failed
# assertion prints what was expected and what came, and counts a failure;
# t_done prints "N passed, M failed" and exits non-zero on any failure.
T_PASS=0
T_FAIL=0

t_ok() { T_PASS=$((T_PASS + 1)); echo "ok - $1"; }
t_bad() { T_FAIL=$((T_FAIL + 1)); echo "FAILED - $1"; }

# t_eq NAME EXPECTED ACTUAL
t_eq() {
	if [ "$2" = "$3" ]; then t_ok "$1"; else
		t_bad "$1"; echo "--- expected"; printf '%s\n' "$2"; echo "--- got"; printf '%s\n' "$3"
		diff <(printf '%s\n' "$2") <(printf '%s\n' "$3") | head -20 || true
	fi
}
# t_true NAME CMD...   (the command must exit 0)
t_true() { local n=$1; shift; if "$@"; then t_ok "$n"; else t_bad "$n (exit $?: $*)"; fi; }
# t_false NAME CMD...  (the command must exit non-zero)
t_false() { local n=$1; shift; if "$@"; then t_bad "$n (unexpected success: $*)"; else t_ok "$n"; fi; }
# t_contains NAME HAYSTACK NEEDLE
t_contains() {
	case "$2" in *"$3"*) t_ok "$1" ;; *) t_bad "$1"; echo "--- expected to contain: $3"; echo "--- in:"; printf '%s\n' "$2" ;; esac
}
t_done() { echo "$T_PASS passed, $T_FAIL failed"; [ "$T_FAIL" -eq 0 ]; }

# Tests need the real parts; never silently skip them.
t_need() { command -v "$1" >/dev/null 2>&1 || { echo "FAILED - $1 is required (run ./bootstrap)"; exit 1; }; }
