# tests/peer/peer.mk - peer tests against the real Alembic.
# genrevs.py generates the Alembic folders (also for tests/bench), lib.sh
# holds the helpers the scripts share, alembic_many.py runs one Alembic
# command for many arguments in one process.
EXTRA_DIST += tests/peer/genrevs.py tests/peer/lib.sh tests/peer/alembic_many.py \
	tests/peer/heads_history.sh tests/peer/cross_upgrade.sh \
	tests/peer/failing_statement.sh tests/peer/history_range.sh tests/peer/txn_control.sh \
	tests/peer/alembic_runner.sh
TESTS += tests/peer/cross_upgrade.sh tests/peer/heads_history.sh \
	tests/peer/failing_statement.sh tests/peer/history_range.sh tests/peer/txn_control.sh \
	tests/peer/alembic_runner.sh
