# tests/conformance/conformance.mk - the domain-model migration conformance
# suite: one folder per scenario of the reference's integration tests plus the
# workshop tutorial, run through wfo-migrate and stock Alembic by run.sh.
EXTRA_DIST += tests/conformance
