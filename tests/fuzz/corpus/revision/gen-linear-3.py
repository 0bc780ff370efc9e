"""Add prefix customer table 0.
More words on a second line of the first paragraph.

Revision ID: bbc707ecb0e6
Revises:
Create Date: 2024-01-02 03:04:05.123456

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = 'bbc707ecb0e6'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute(sa.text("CREATE TABLE t_bbc707ecb0e6 (id integer PRIMARY KEY, src varchar(32) NOT NULL, note text, hits integer NOT NULL DEFAULT 0)"))
    op.execute(
        """
        INSERT INTO t_bbc707ecb0e6 (id, src, note) VALUES (1, 'bbc707ecb0e6', 'it''s Add prefix customer table 0'), (2, 'bbc707ecb0e6', NULL)
        """
    )


def downgrade() -> None:
    conn = op.get_bind()
    conn.execute(sa.text("""DROP TABLE t_bbc707ecb0e6"""))
