# tests/conformance/conformance.mk - the domain-model migration conformance
# suite: one folder per scenario of the reference's integration tests plus the
# workshop tutorial, run through wfo-migrate and stock Alembic by run.sh, in
# four interleaved parts so that `make check -j` runs them side by side.
EXTRA_DIST += tests/conformance
TESTS += tests/conformance/part1.sh tests/conformance/part2.sh \
	tests/conformance/part3.sh tests/conformance/part4.sh \
	tests/conformance/tutorial_line_prompts.sh

# The folder is distributed whole: leave out the results of a test run in
# the source tree (a VPATH build would take them for its own, up to date).
dist-hook: conformance-dist-clean
conformance-dist-clean:
	rm -f $(distdir)/tests/conformance/*.log $(distdir)/tests/conformance/*.trs
.PHONY: conformance-dist-clean
