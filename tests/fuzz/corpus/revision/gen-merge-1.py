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

"""Add ip prefix table 2.
More words on a second line of the first paragraph.

Revision ID: 6abef9bacb2c
Revises: 974e45f8a701
Create Date: 2024-01-02T17:04:05.123458

"""

import sqlalchemy as sa  # noqa: F401
from alembic import op

# revision identifiers, used by Alembic.
revision = "6abef9bacb2c"
down_revision = "974e45f8a701"
branch_labels = None
depends_on = None


def upgrade() -> None:
    conn = op.get_bind()
    conn.execute(sa.text("""CREATE TABLE t_6abef9bacb2c (id integer PRIMARY KEY, src varchar(32) NOT NULL, note text, hits integer NOT NULL DEFAULT 0)"""))
    op.execute("INSERT INTO t_6abef9bacb2c (id, src, note) VALUES (1, '6abef9bacb2c', 'it''s Add ip prefix table 2'), (2, '6abef9bacb2c', NULL)")
    # step 3
    op.execute(sa.text("INSERT INTO t_974e45f8a701 (id, src, note) VALUES (1002, '6abef9bacb2c', 'child of 974e45f8a701')"))
    # step 4
    op.execute("UPDATE t_974e45f8a701 SET hits = hits + 1 WHERE id = 1")


def downgrade() -> None:
    op.execute("UPDATE t_974e45f8a701 SET hits = hits - 1 WHERE id = 1")
    # step 2
    conn = op.get_bind()
    conn.execute(sa.text("""DELETE FROM t_974e45f8a701 WHERE src = '6abef9bacb2c'"""))
    # step 3
    conn = op.get_bind()
    conn.execute(sa.text("""DROP TABLE t_6abef9bacb2c"""))
