"""Add circuit label table 2.

Revision ID: 75452a4da750
Revises: 67f2dbe19bce
Create Date: 2024-01-02 17:04:05.123458

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '75452a4da750'
down_revision = '67f2dbe19bce'
branch_labels = None
depends_on = None


def upgrade() -> None:
    conn = op.get_bind()
    conn.execute(sa.text("""
CREATE TABLE t_75452a4da750 (id integer PRIMARY KEY, src varchar(32) NOT NULL, note text, hits integer NOT NULL DEFAULT 0)
    """))
    conn.execute(sa.text("""
INSERT INTO t_75452a4da750 (id, src, note) VALUES (1, '75452a4da750', 'it''s Add circuit label table 2'), (2, '75452a4da750', NULL)
    """))
    conn.execute(sa.text("""
INSERT INTO t_67f2dbe19bce (id, src, note) VALUES (1002, '75452a4da750', 'child of 67f2dbe19bce')
    """))
    conn.execute(sa.text("""
UPDATE t_67f2dbe19bce SET hits = hits + 1 WHERE id = 1
    """))


def downgrade() -> None:
    conn = op.get_bind()
    conn.execute(sa.text("""
UPDATE t_67f2dbe19bce SET hits = hits - 1 WHERE id = 1
    """))
    conn.execute(sa.text("""
DELETE FROM t_67f2dbe19bce WHERE src = '75452a4da750'
    """))
    conn.execute(sa.text("""
DROP TABLE t_75452a4da750
    """))
