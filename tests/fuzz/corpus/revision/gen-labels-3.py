"""Add l2vpn circuit table 0.

Revision ID: f2252060e03e
Revises:
Create Date: 2024-01-02 03:04:05.123456

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = 'f2252060e03e'
down_revision = None
branch_labels = ('schema',)
depends_on = None


def upgrade() -> None:
    conn = op.get_bind()
    conn.execute(sa.text("""
CREATE TABLE t_f2252060e03e (id integer PRIMARY KEY, src varchar(32) NOT NULL, note text, hits integer NOT NULL DEFAULT 0)
    """))
    conn.execute(sa.text("""
INSERT INTO t_f2252060e03e (id, src, note) VALUES (1, 'f2252060e03e', 'it''s Add l2vpn circuit table 0'), (2, 'f2252060e03e', NULL)
    """))


def downgrade() -> None:
    conn = op.get_bind()
    conn.execute(sa.text("""
DROP TABLE t_f2252060e03e
    """))
