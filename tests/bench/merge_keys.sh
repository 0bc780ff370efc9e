#!/bin/sh
# tests/bench/merge_keys.sh - make check: the merge screen's keystroke cost
# must not grow with the history (tests/bench/merge_keys --check).
exec "${WFO_TOP_BUILDDIR:-.}/tests/bench/merge_keys" --check
