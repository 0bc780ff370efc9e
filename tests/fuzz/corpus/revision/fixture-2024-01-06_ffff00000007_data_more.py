"""More data.

Revision ID: ffff00000007
Revises: eeee00000006
"""
import sqlalchemy as sa
from alembic import op

revision = 'ffff00000007'
down_revision = 'eeee00000006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("""INSERT INTO core_t VALUES (2, 'more data')""")


def downgrade() -> None:
    op.execute("""DELETE FROM core_t WHERE id = 2""")
