"""Add device vlan table 0.

Revision ID: 974e45f8a701
Revises:
Create Date: 2024-01-02 03:04:05.123456

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '974e45f8a701'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute(
        """
        CREATE TABLE t_974e45f8a701 (id integer PRIMARY KEY, src varchar(32) NOT NULL, note text, hits integer NOT NULL DEFAULT 0)
        """
    )
    op.execute("INSERT INTO t_974e45f8a701 (id, src, note) VALUES (1, '974e45f8a701', 'it''s Add device vlan table 0'), (2, '974e45f8a701', NULL)")


def downgrade() -> None:
    op.execute("DROP TABLE t_974e45f8a701")
