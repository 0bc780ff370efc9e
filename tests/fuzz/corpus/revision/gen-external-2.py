"""Add prefix l2vpn table 1.

Revision ID: e5rsuw0zdg4a
Revises: afef6fc0da47
Create Date: 2024-01-02 10:04:05.123457

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = 'e5rsuw0zdg4a'
down_revision = 'afef6fc0da47'
branch_labels = None
depends_on = None


def upgrade() -> None:
    conn = op.get_bind()
    conn.execute(sa.text("""
CREATE TABLE t_e5rsuw0zdg4a (id integer PRIMARY KEY, src varchar(32) NOT NULL, note text, hits integer NOT NULL DEFAULT 0)
    """))
    conn.execute(sa.text("""
INSERT INTO t_e5rsuw0zdg4a (id, src, note) VALUES (1, 'e5rsuw0zdg4a', 'it''s Add prefix l2vpn table 1'), (2, 'e5rsuw0zdg4a', NULL)
    """))
    conn.execute(sa.text("""
INSERT INTO t_afef6fc0da47 (id, src, note) VALUES (1001, 'e5rsuw0zdg4a', 'child of afef6fc0da47')
    """))
    conn.execute(sa.text("""
UPDATE t_afef6fc0da47 SET hits = hits + 1 WHERE id = 1
    """))


def downgrade() -> None:
    conn = op.get_bind()
    conn.execute(sa.text("""
UPDATE t_afef6fc0da47 SET hits = hits - 1 WHERE id = 1
    """))
    conn.execute(sa.text("""
DELETE FROM t_afef6fc0da47 WHERE src = 'e5rsuw0zdg4a'
    """))
    conn.execute(sa.text("""
DROP TABLE t_e5rsuw0zdg4a
    """))
