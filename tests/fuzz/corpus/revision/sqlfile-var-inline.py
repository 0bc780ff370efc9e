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
    p = Path(__file__)
    with open(p.with_suffix(".sql"), "rt",) as sqlf: op.execute(sa.text(sqlf.read()))


def downgrade() -> None:
    with open("/nonexistent/x.sql") as f:
        op.execute(sa.text(f.read()))
