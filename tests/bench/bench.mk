# tests/bench/bench.mk - benchmarks (run by hand or CI, not timed tests).
# `make bench` in a build folder runs tests/bench/revisions against the
# wfo-migrate built there (needs PostgreSQL and Debian's Alembic).
EXTRA_DIST += tests/bench/revisions

bench: src/wfo-migrate$(EXEEXT)
	WFO='$(abs_top_builddir)/src/wfo-migrate' WFO_TOP_SRCDIR='$(abs_top_srcdir)' \
		$(SHELL) '$(abs_top_srcdir)/tests/bench/revisions'
.PHONY: bench

# `make bench-catalogue` runs tests/bench/catalogue (issue 3: reading a large
# catalogue vs the raw tables, statement count, peak memory, a set-based
# migration on 1,000,000 instances; needs PostgreSQL and GNU time).
EXTRA_DIST += tests/bench/catalogue tests/bench/catalogue-data.sql tests/bench/catalogue-registry.sql

bench-catalogue: src/wfo-migrate$(EXEEXT)
	WFO='$(abs_top_builddir)/src/wfo-migrate' WFO_TOP_SRCDIR='$(abs_top_srcdir)' \
		bash '$(abs_top_srcdir)/tests/bench/catalogue'
.PHONY: bench-catalogue
