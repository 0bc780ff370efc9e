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

"""Add site link table 2.
More words on a second line of the first paragraph.

Revision ID: 936a0c396bc5
Revises:
Create Date: 2024-01-02T17:04:05.123458

"""

import sqlalchemy as sa  # noqa: F401
from alembic import op

# revision identifiers, used by Alembic.
revision = "936a0c396bc5"
down_revision = None
branch_labels = "data"
depends_on = "a2812eeacd71"


def upgrade() -> None:
    conn = op.get_bind()
    conn.execute(sa.text("""CREATE TABLE t_936a0c396bc5 (id integer PRIMARY KEY, src varchar(32) NOT NULL, note text, hits integer NOT NULL DEFAULT 0)"""))
    conn = op.get_bind()
    conn.execute(sa.text("""INSERT INTO t_936a0c396bc5 (id, src, note) VALUES (1, '936a0c396bc5', 'it''s Add site link table 2'), (2, '936a0c396bc5', NULL)"""))
    op.execute(sa.text("INSERT INTO t_a2812eeacd71 (id, src, note) VALUES (1002, '936a0c396bc5', 'child of a2812eeacd71')"))
    op.execute(sa.text("UPDATE t_a2812eeacd71 SET hits = hits + 1 WHERE id = 1"))


def downgrade() -> None:
    conn = op.get_bind()
    conn.execute(sa.text("""UPDATE t_a2812eeacd71 SET hits = hits - 1 WHERE id = 1"""))
    op.execute("DELETE FROM t_a2812eeacd71 WHERE src = '936a0c396bc5'")
    # step 3
    op.execute("DROP TABLE t_936a0c396bc5")
