"""Add vlan l2vpn table 0.

Revision ID: 00904bdf37ce
Revises:
Create Date: 2024-01-02 03:04:05.123456

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '00904bdf37ce'
down_revision = None
branch_labels = ('schema',)
depends_on = None


def upgrade():
    # step 1
    op.execute(
        """
        CREATE TABLE t_00904bdf37ce (id integer PRIMARY KEY, src varchar(32) NOT NULL, note text, hits integer NOT NULL DEFAULT 0)
        """
    )
    op.execute(
        """
        INSERT INTO t_00904bdf37ce (id, src, note) VALUES (1, '00904bdf37ce', 'it''s Add vlan l2vpn table 0'), (2, '00904bdf37ce', NULL)
        """
    )


def downgrade():
    # step 1
    op.execute("DROP TABLE t_00904bdf37ce")
