"""Merge left and right.

Revision ID: dddd00000005
Revises: bbbb00000003, cccc00000004
"""
import sqlalchemy as sa
from alembic import op

revision = 'dddd00000005'
down_revision = ('bbbb00000003', 'cccc00000004')
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
