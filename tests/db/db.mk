# tests/db/db.mk - tests against a real, private PostgreSQL.
TESTS += tests/db/pg_cluster.sh
EXTRA_DIST += tests/db/pg_cluster.sh
