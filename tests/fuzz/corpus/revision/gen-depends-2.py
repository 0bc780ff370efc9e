"""Add ip vlan table 1.
More words on a second line of the first paragraph.

Revision ID: 6374c071fdaf
Revises: 00904bdf37ce
Create Date: 2024-01-02 10:04:05.123457

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '6374c071fdaf'
down_revision = '00904bdf37ce'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute('CREATE TABLE t_6374c071fdaf (id integer PRIMARY KEY, src varchar(32) NOT NULL, note text, hits integer NOT NULL DEFAULT 0)')
    op.execute('INSERT INTO t_6374c071fdaf (id, src, note) VALUES (1, \'6374c071fdaf\', \'it\'\'s Add ip vlan table 1\'), (2, \'6374c071fdaf\', NULL)')
    op.execute("INSERT INTO t_00904bdf37ce (id, src, note) VALUES (1001, '6374c071fdaf', 'child of 00904bdf37ce')")
    # step 4
    op.execute('UPDATE t_00904bdf37ce SET hits = hits + 1 WHERE id = 1')


def downgrade() -> None:
    op.execute('UPDATE t_00904bdf37ce SET hits = hits - 1 WHERE id = 1')
    conn = op.get_bind()
    conn.execute(sa.text("""DELETE FROM t_00904bdf37ce WHERE src = '6374c071fdaf'"""))
    # step 3
    op.execute(
        """
        DROP TABLE t_6374c071fdaf
        """
    )
