"""Add label speed table 1.

Revision ID: a2812eeacd71
Revises: f2252060e03e
Create Date: 2024-01-02 10:04:05.123457

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = 'a2812eeacd71'
down_revision = ('f2252060e03e',)
branch_labels = None
depends_on = None


def upgrade() -> None:
    conn = op.get_bind()
    conn.execute(sa.text("""
CREATE TABLE t_a2812eeacd71 (id integer PRIMARY KEY, src varchar(32) NOT NULL, note text, hits integer NOT NULL DEFAULT 0)
    """))
    conn.execute(sa.text("""
INSERT INTO t_a2812eeacd71 (id, src, note) VALUES (1, 'a2812eeacd71', 'it''s Add label speed table 1'), (2, 'a2812eeacd71', NULL)
    """))
    conn.execute(sa.text("""
INSERT INTO t_f2252060e03e (id, src, note) VALUES (1001, 'a2812eeacd71', 'child of f2252060e03e')
    """))
    conn.execute(sa.text("""
UPDATE t_f2252060e03e SET hits = hits + 1 WHERE id = 1
    """))


def downgrade() -> None:
    conn = op.get_bind()
    conn.execute(sa.text("""
UPDATE t_f2252060e03e SET hits = hits - 1 WHERE id = 1
    """))
    conn.execute(sa.text("""
DELETE FROM t_f2252060e03e WHERE src = 'a2812eeacd71'
    """))
    conn.execute(sa.text("""
DROP TABLE t_a2812eeacd71
    """))
