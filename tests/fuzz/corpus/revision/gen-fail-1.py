"""Add vlan tenant table 0.

Revision ID: b6de0fbec340
Revises:
Create Date: 2024-01-02 03:04:05.123456

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = 'b6de0fbec340'
down_revision = None
branch_labels = ('schema',)
depends_on = None


def upgrade():
    # ### commands written by hand ###
    # step 1
    op.execute(sa.text("CREATE TABLE t_b6de0fbec340 (id integer PRIMARY KEY, src varchar(32) NOT NULL, note text, hits integer NOT NULL DEFAULT 0)"))
    op.execute(sa.text("INSERT INTO t_b6de0fbec340 (id, src, note) VALUES (1, 'b6de0fbec340', 'it''s Add vlan tenant table 0'), (2, 'b6de0fbec340', NULL)"))


def downgrade():
    conn = op.get_bind()
    conn.execute(sa.text("""DROP TABLE t_b6de0fbec340"""))
