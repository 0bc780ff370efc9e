"""Items with two rows.

Revision ID: aaaa00000002
Revises: aaaa00000001
"""
import sqlalchemy as sa
from alembic import op

revision = 'aaaa00000002'
down_revision = 'aaaa00000001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    conn = op.get_bind()
    conn.execute(sa.text("""CREATE TABLE items (id int PRIMARY KEY, label text)"""))
    conn.execute(sa.text("""INSERT INTO items VALUES (1, 'one; with a semicolon');
INSERT INTO items VALUES (2, $$two 'quoted'; $$);"""))


def downgrade() -> None:
    conn = op.get_bind()
    conn.execute(sa.text("""DROP TABLE items"""))
