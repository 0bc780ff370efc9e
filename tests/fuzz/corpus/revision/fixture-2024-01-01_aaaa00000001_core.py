"""Create the core table.

Revision ID: aaaa00000001
Revises: 
"""
import sqlalchemy as sa
from alembic import op

revision = 'aaaa00000001'
down_revision = None
branch_labels = ('core',)
depends_on = None


def upgrade() -> None:
    op.execute("""CREATE TABLE core_t (id int PRIMARY KEY, name text NOT NULL)""")


def downgrade() -> None:
    op.execute("""DROP TABLE core_t""")
