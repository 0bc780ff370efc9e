"""Data root depends on items.

Revision ID: eeee00000006
Revises: 
"""
import sqlalchemy as sa
from alembic import op

revision = 'eeee00000006'
down_revision = None
branch_labels = ('data',)
depends_on = 'aaaa00000002'


def upgrade() -> None:
    op.execute("""INSERT INTO core_t VALUES (1, 'data root')""")
    op.execute("""UPDATE items SET label = E'it\\'s two' WHERE id = 2""")


def downgrade() -> None:
    op.execute("""DELETE FROM core_t WHERE id = 1""")
    op.execute("""UPDATE items SET label = $$two 'quoted'; $$ WHERE id = 2""")
