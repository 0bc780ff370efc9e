"""Add service tenant table 2.

Revision ID: 9b45dfaf5442
Revises: 5074d38b177f
Create Date: 2024-01-02 17:04:05.123458

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '9b45dfaf5442'
down_revision = '5074d38b177f'
branch_labels = None
depends_on = None


def upgrade() -> None:
    conn = op.get_bind()
    conn.execute(sa.text("""
CREATE TABLE t_9b45dfaf5442 (id integer PRIMARY KEY, src varchar(32) NOT NULL, note text, hits integer NOT NULL DEFAULT 0)
    """))
    conn.execute(sa.text("""
INSERT INTO t_9b45dfaf5442 (id, src, note) VALUES (1, '9b45dfaf5442', 'it''s Add service tenant table 2'), (2, '9b45dfaf5442', NULL)
    """))
    conn.execute(sa.text("""
INSERT INTO t_5074d38b177f (id, src, note) VALUES (1002, '9b45dfaf5442', 'child of 5074d38b177f')
    """))
    conn.execute(sa.text("""
UPDATE t_5074d38b177f SET hits = hits + 1 WHERE id = 1
    """))


def downgrade() -> None:
    conn = op.get_bind()
    conn.execute(sa.text("""
UPDATE t_5074d38b177f SET hits = hits - 1 WHERE id = 1
    """))
    conn.execute(sa.text("""
DELETE FROM t_5074d38b177f WHERE src = '9b45dfaf5442'
    """))
    conn.execute(sa.text("""
DROP TABLE t_9b45dfaf5442
    """))
