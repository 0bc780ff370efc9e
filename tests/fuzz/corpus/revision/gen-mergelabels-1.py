"""Add ip port table 0.

Revision ID: ca929c954b42
Revises:
Create Date: 2024-01-02 03:04:05.123456

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = 'ca929c954b42'
down_revision = None
branch_labels = 'left'
depends_on = None


def upgrade() -> None:
    # ### commands written by hand ###
    op.execute("CREATE TABLE t_ca929c954b42 (id integer PRIMARY KEY, src varchar(32) NOT NULL, note text, hits integer NOT NULL DEFAULT 0)")
    op.execute(
        """
        INSERT INTO t_ca929c954b42 (id, src, note) VALUES (1, 'ca929c954b42', 'it''s Add ip port table 0'), (2, 'ca929c954b42', NULL)
        """
    )


def downgrade() -> None:
    conn = op.get_bind()
    conn.execute(sa.text("""DROP TABLE t_ca929c954b42"""))
