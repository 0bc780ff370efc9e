"""Add service site table 2.
More words on a second line of the first paragraph.

Revision ID: cc94e2492822
Revises:
Create Date: 2024-01-02 17:04:05.123458

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = 'cc94e2492822'
down_revision = None
branch_labels = ('data',)
depends_on = '6374c071fdaf'


def upgrade() -> None:
    # ### commands written by hand ###
    op.execute("CREATE TABLE t_cc94e2492822 (id integer PRIMARY KEY, src varchar(32) NOT NULL, note text, hits integer NOT NULL DEFAULT 0)")
    op.execute("INSERT INTO t_cc94e2492822 (id, src, note) VALUES (1, 'cc94e2492822', 'it''s Add service site table 2'), (2, 'cc94e2492822', NULL)")
    op.execute(
        """
        INSERT INTO t_6374c071fdaf (id, src, note) VALUES (1002, 'cc94e2492822', 'child of 6374c071fdaf')
        """
    )
    op.execute(sa.text("UPDATE t_6374c071fdaf SET hits = hits + 1 WHERE id = 1"))


def downgrade() -> None:
    op.execute("UPDATE t_6374c071fdaf SET hits = hits - 1 WHERE id = 1")
    op.execute(sa.text("DELETE FROM t_6374c071fdaf WHERE src = 'cc94e2492822'"))
    # step 3
    conn = op.get_bind()
    conn.execute(sa.text("""DROP TABLE t_cc94e2492822"""))
