# Copyright 2019-2026 SURF, GEANT.
# Licensed under the Apache License, Version 2.0 (the "License");
# you may not use this file except in compliance with the License.
# You may obtain a copy of the License at
#
#    http://www.apache.org/licenses/LICENSE-2.0
#
# Unless required by applicable law or agreed to in writing, software
# distributed under the License is distributed on an "AS IS" BASIS,
# WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
# See the License for the specific language governing permissions and
# limitations under the License.

"""Add label port table 2.

Revision ID: v3th7yw01ucs
Revises: e5rsuw0zdg4a
Create Date: 2024-01-02T17:04:05.123458

"""

import sqlalchemy as sa  # noqa: F401
from alembic import op

# revision identifiers, used by Alembic.
revision = "v3th7yw01ucs"
down_revision = "e5rsuw0zdg4a"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("CREATE TABLE t_v3th7yw01ucs (id integer PRIMARY KEY, src varchar(32) NOT NULL, note text, hits integer NOT NULL DEFAULT 0)")
    op.execute(
        """
        INSERT INTO t_v3th7yw01ucs (id, src, note) VALUES (1, 'v3th7yw01ucs', 'it''s Add label port table 2'), (2, 'v3th7yw01ucs', NULL)
        """
    )
    conn = op.get_bind()
    conn.execute(sa.text("""INSERT INTO t_e5rsuw0zdg4a (id, src, note) VALUES (1002, 'v3th7yw01ucs', 'child of e5rsuw0zdg4a')"""))
    op.execute("UPDATE t_e5rsuw0zdg4a SET hits = hits + 1 WHERE id = 1")


def downgrade() -> None:
    op.execute("UPDATE t_e5rsuw0zdg4a SET hits = hits - 1 WHERE id = 1")
    op.execute("DELETE FROM t_e5rsuw0zdg4a WHERE src = 'v3th7yw01ucs'")
    op.execute(
        """
        DROP TABLE t_v3th7yw01ucs
        """
    )
