"""Add label circuit table 1.

Revision ID: c6da48e78f43
Revises: 974e45f8a701
Create Date: 2024-01-02 10:04:05.123457

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = 'c6da48e78f43'
down_revision = '974e45f8a701'
branch_labels = None
depends_on = None


def upgrade() -> None:
    conn = op.get_bind()
    conn.execute(sa.text("""
CREATE TABLE t_c6da48e78f43 (id integer PRIMARY KEY, src varchar(32) NOT NULL, note text, hits integer NOT NULL DEFAULT 0)
    """))
    conn.execute(sa.text("""
INSERT INTO t_c6da48e78f43 (id, src, note) VALUES (1, 'c6da48e78f43', 'it''s Add label circuit table 1'), (2, 'c6da48e78f43', NULL)
    """))
    conn.execute(sa.text("""
INSERT INTO t_974e45f8a701 (id, src, note) VALUES (1001, 'c6da48e78f43', 'child of 974e45f8a701')
    """))
    conn.execute(sa.text("""
UPDATE t_974e45f8a701 SET hits = hits + 1 WHERE id = 1
    """))


def downgrade() -> None:
    conn = op.get_bind()
    conn.execute(sa.text("""
UPDATE t_974e45f8a701 SET hits = hits - 1 WHERE id = 1
    """))
    conn.execute(sa.text("""
DELETE FROM t_974e45f8a701 WHERE src = 'c6da48e78f43'
    """))
    conn.execute(sa.text("""
DROP TABLE t_c6da48e78f43
    """))
