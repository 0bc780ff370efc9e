"""Right fork.

Revision ID: cccc00000004
Revises: aaaa00000002
"""
import sqlalchemy as sa
from alembic import op

revision = 'cccc00000004'
down_revision = 'aaaa00000002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("""ALTER TABLE items ADD COLUMN r int -- a trailing comment""")
    

def downgrade() -> None:
    op.execute("""ALTER TABLE items DROP COLUMN r""")
