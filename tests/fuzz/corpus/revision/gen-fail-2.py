"""Add circuit speed table 2.

Revision ID: be1c3cd53818
Revises: ccc77d0b1db7
Create Date: 2024-01-02 17:04:05.123458

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = 'be1c3cd53818'
down_revision = 'ccc77d0b1db7'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute(sa.text("CREATE TABLE t_be1c3cd53818 (id integer PRIMARY KEY, src varchar(32) NOT NULL, note text, hits integer NOT NULL DEFAULT 0);\nINSERT INTO t_be1c3cd53818 (id, src, note) VALUES (1, 'be1c3cd53818', 'it''s Add circuit speed table 2'), (2, 'be1c3cd53818', NULL)"))
    conn = op.get_bind()
    conn.execute(sa.text("""INSERT INTO t_ccc77d0b1db7 (id, src, note) VALUES (1002, 'be1c3cd53818', 'child of ccc77d0b1db7')"""))
    op.execute("UPDATE t_ccc77d0b1db7 SET hits = hits + 1 WHERE id = 1")


def downgrade() -> None:
    op.execute(
        """
        UPDATE t_ccc77d0b1db7 SET hits = hits - 1 WHERE id = 1
        """
    )
    op.execute(sa.text("DELETE FROM t_ccc77d0b1db7 WHERE src = 'be1c3cd53818'"))
    op.execute("DROP TABLE t_be1c3cd53818")
