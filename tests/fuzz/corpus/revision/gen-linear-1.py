"""Add link label table 1.

Revision ID: 5074d38b177f
Revises: bbc707ecb0e6
Create Date: 2024-01-02 10:04:05.123457

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '5074d38b177f'
down_revision = 'bbc707ecb0e6'
branch_labels = None
depends_on = None


def upgrade() -> None:
    conn = op.get_bind()
    conn.execute(sa.text("""
CREATE TABLE t_5074d38b177f (id integer PRIMARY KEY, src varchar(32) NOT NULL, note text, hits integer NOT NULL DEFAULT 0)
    """))
    conn.execute(sa.text("""
INSERT INTO t_5074d38b177f (id, src, note) VALUES (1, '5074d38b177f', 'it''s Add link label table 1'), (2, '5074d38b177f', NULL)
    """))
    conn.execute(sa.text("""
INSERT INTO t_bbc707ecb0e6 (id, src, note) VALUES (1001, '5074d38b177f', 'child of bbc707ecb0e6')
    """))
    conn.execute(sa.text("""
UPDATE t_bbc707ecb0e6 SET hits = hits + 1 WHERE id = 1
    """))


def downgrade() -> None:
    conn = op.get_bind()
    conn.execute(sa.text("""
UPDATE t_bbc707ecb0e6 SET hits = hits - 1 WHERE id = 1
    """))
    conn.execute(sa.text("""
DELETE FROM t_bbc707ecb0e6 WHERE src = '5074d38b177f'
    """))
    conn.execute(sa.text("""
DROP TABLE t_5074d38b177f
    """))
