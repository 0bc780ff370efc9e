"""Left fork.

Revision ID: bbbb00000003
Revises: aaaa00000002
"""
import sqlalchemy as sa
from alembic import op

revision = 'bbbb00000003'
down_revision = 'aaaa00000002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("""ALTER TABLE items ADD COLUMN l int""")


def downgrade() -> None:
    op.execute("""ALTER TABLE items DROP COLUMN l""")
