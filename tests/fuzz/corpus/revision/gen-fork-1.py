"""Add device prefix table 1.
More words on a second line of the first paragraph.

Revision ID: 5e433ccf0777
Revises: 67f2dbe19bce
Create Date: 2024-01-02 10:04:05.123457

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '5e433ccf0777'
down_revision = '67f2dbe19bce'
branch_labels = None
depends_on = None


def upgrade():
    # ### commands written by hand ###
    op.execute('CREATE TABLE t_5e433ccf0777 (id integer PRIMARY KEY, src varchar(32) NOT NULL, note text, hits integer NOT NULL DEFAULT 0)')
    op.execute(sa.text("INSERT INTO t_5e433ccf0777 (id, src, note) VALUES (1, '5e433ccf0777', 'it''s Add device prefix table 1'), (2, '5e433ccf0777', NULL)"))
    op.execute('INSERT INTO t_67f2dbe19bce (id, src, note) VALUES (1001, \'5e433ccf0777\', \'child of 67f2dbe19bce\')')
    op.execute(sa.text("UPDATE t_67f2dbe19bce SET hits = hits + 1 WHERE id = 1"))


def downgrade():
    conn = op.get_bind()
    conn.execute(sa.text("""UPDATE t_67f2dbe19bce SET hits = hits - 1 WHERE id = 1"""))
    op.execute('DELETE FROM t_67f2dbe19bce WHERE src = \'5e433ccf0777\'')
    op.execute("DROP TABLE t_5e433ccf0777")
