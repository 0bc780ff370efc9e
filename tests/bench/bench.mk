# tests/bench/bench.mk - benchmarks (run by hand or CI, not timed tests).
# `make bench` in a build folder runs tests/bench/revisions against the
# wfo-migrate built there (needs PostgreSQL and Debian's Alembic).
EXTRA_DIST += tests/bench/revisions

bench: src/wfo-migrate$(EXEEXT)
	WFO='$(abs_top_builddir)/src/wfo-migrate' WFO_TOP_SRCDIR='$(abs_top_srcdir)' \
		$(SHELL) '$(abs_top_srcdir)/tests/bench/revisions'
.PHONY: bench
