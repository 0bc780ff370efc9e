#!/bin/sh
# tests/bench/tui_keys.sh - make check: the wizard's keystroke cost must not
# grow with the catalogue (tests/bench/tui_keys --check).
exec "${WFO_TOP_BUILDDIR:-.}/tests/bench/tui_keys" --check
