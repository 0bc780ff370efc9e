"""Add node customer table 1.

Revision ID: ccc77d0b1db7
Revises: b6de0fbec340
Create Date: 2024-01-02 10:04:05.123457

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = 'ccc77d0b1db7'
down_revision = 'b6de0fbec340'
branch_labels = None
depends_on = None


def upgrade() -> None:
    conn = op.get_bind()
    conn.execute(sa.text("""
CREATE TABLE t_ccc77d0b1db7 (id integer PRIMARY KEY, src varchar(32) NOT NULL, note text, hits integer NOT NULL DEFAULT 0);
INSERT INTO t_ccc77d0b1db7 (id, src, note) VALUES (1, 'ccc77d0b1db7', 'it''s Add node customer table 1'), (2, 'ccc77d0b1db7', NULL)
    """))
    conn.execute(sa.text("""
INSERT INTO t_b6de0fbec340 (id, src, note) VALUES (1001, 'ccc77d0b1db7', 'child of b6de0fbec340')
    """))
    conn.execute(sa.text("""
UPDATE t_b6de0fbec340 SET hits = hits + 1 WHERE id = 1
    """))


def downgrade() -> None:
    conn = op.get_bind()
    conn.execute(sa.text("""
UPDATE t_b6de0fbec340 SET hits = hits - 1 WHERE id = 1
    """))
    conn.execute(sa.text("""
DELETE FROM t_b6de0fbec340 WHERE src = 'ccc77d0b1db7'
    """))
    conn.execute(sa.text("""
DROP TABLE t_ccc77d0b1db7
    """))
