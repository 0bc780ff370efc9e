"""Tricky.

Revision ID: abcdef123456
Revises: 0123456789ab
Create Date: 2024-01-01

"""
import sqlalchemy as sa
from pathlib import Path
import os
from alembic import op

revision = "abcdef123456"
down_revision = "0123456789ab"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute(f"SELECT {1}")
    op.execute(b"SELECT 1")
    op.execute(r"SELECT \x")
    op.execute(rb"SELECT 1" Rb"x")
    op.execute(u"SELECT \N{BULLET} \u00e9 \U0001F600 \x41 \101")
    op.get_bind().exec_driver_sql("SELECT 100 % 7, '%s'")


def downgrade() -> None:
    op.execute("""\
    SELECT 1; SELECT 2;
    """)
