"""Add speed tenant table 2.

Revision ID: e2232af160b6
Revises: ca929c954b42, d81593b1b0b4
Create Date: 2024-01-02 17:04:05.123458

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = 'e2232af160b6'
down_revision = ('ca929c954b42', 'd81593b1b0b4')
branch_labels = None
depends_on = None


def upgrade() -> None:
    conn = op.get_bind()
    conn.execute(sa.text("""
CREATE TABLE t_e2232af160b6 (id integer PRIMARY KEY, src varchar(32) NOT NULL, note text, hits integer NOT NULL DEFAULT 0)
    """))
    conn.execute(sa.text("""
INSERT INTO t_e2232af160b6 (id, src, note) VALUES (1, 'e2232af160b6', 'it''s Add speed tenant table 2'), (2, 'e2232af160b6', NULL)
    """))
    conn.execute(sa.text("""
INSERT INTO t_ca929c954b42 (id, src, note) VALUES (1002, 'e2232af160b6', 'child of ca929c954b42')
    """))
    conn.execute(sa.text("""
UPDATE t_ca929c954b42 SET hits = hits + 1 WHERE id = 1
    """))
    conn.execute(sa.text("""
INSERT INTO t_d81593b1b0b4 (id, src, note) VALUES (1002, 'e2232af160b6', 'child of d81593b1b0b4')
    """))
    conn.execute(sa.text("""
UPDATE t_d81593b1b0b4 SET hits = hits + 1 WHERE id = 1
    """))


def downgrade() -> None:
    conn = op.get_bind()
    conn.execute(sa.text("""
UPDATE t_ca929c954b42 SET hits = hits - 1 WHERE id = 1
    """))
    conn.execute(sa.text("""
DELETE FROM t_ca929c954b42 WHERE src = 'e2232af160b6'
    """))
    conn.execute(sa.text("""
UPDATE t_d81593b1b0b4 SET hits = hits - 1 WHERE id = 1
    """))
    conn.execute(sa.text("""
DELETE FROM t_d81593b1b0b4 WHERE src = 'e2232af160b6'
    """))
    conn.execute(sa.text("""
DROP TABLE t_e2232af160b6
    """))
