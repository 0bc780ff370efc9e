# tests/peer/peer.mk - peer tests against the real Alembic.
