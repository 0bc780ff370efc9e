"""Add ip circuit table 0.

Revision ID: 67f2dbe19bce
Revises:
Create Date: 2024-01-02 03:04:05.123456

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '67f2dbe19bce'
down_revision = None
branch_labels = ('data',)
depends_on = None


def upgrade() -> None:
    # step 1
    op.execute(
        """
        CREATE TABLE t_67f2dbe19bce (id integer PRIMARY KEY, src varchar(32) NOT NULL, note text, hits integer NOT NULL DEFAULT 0)
        """
    )
    conn = op.get_bind()
    conn.execute(sa.text("""INSERT INTO t_67f2dbe19bce (id, src, note) VALUES (1, '67f2dbe19bce', 'it''s Add ip circuit table 0'), (2, '67f2dbe19bce', NULL)"""))


def downgrade() -> None:
    conn = op.get_bind()
    conn.execute(sa.text("""DROP TABLE t_67f2dbe19bce"""))
