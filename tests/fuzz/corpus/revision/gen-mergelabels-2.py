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

"""Add service speed table 1.

Revision ID: d81593b1b0b4
Revises:
Create Date: 2024-01-02T10:04:05.123457

"""

import sqlalchemy as sa  # noqa: F401
from alembic import op

# revision identifiers, used by Alembic.
revision = "d81593b1b0b4"
down_revision = None
branch_labels = "right"
depends_on = None


def upgrade() -> None:
    conn = op.get_bind()
    conn.execute(sa.text("""CREATE TABLE t_d81593b1b0b4 (id integer PRIMARY KEY, src varchar(32) NOT NULL, note text, hits integer NOT NULL DEFAULT 0)"""))
    conn = op.get_bind()
    conn.execute(sa.text("""INSERT INTO t_d81593b1b0b4 (id, src, note) VALUES (1, 'd81593b1b0b4', 'it''s Add service speed table 1'), (2, 'd81593b1b0b4', NULL)"""))


def downgrade() -> None:
    op.execute(sa.text("DROP TABLE t_d81593b1b0b4"))
