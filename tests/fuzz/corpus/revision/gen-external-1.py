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

"""Add customer label table 0.

Revision ID: afef6fc0da47
Revises:
Create Date: 2024-01-02T03:04:05.123456

"""

import sqlalchemy as sa  # noqa: F401
from alembic import op

# revision identifiers, used by Alembic.
revision = "afef6fc0da47"
down_revision = None
branch_labels = ("schema",)
depends_on = None


def upgrade() -> None:
    conn = op.get_bind()
    conn.execute(sa.text("""CREATE TABLE t_afef6fc0da47 (id integer PRIMARY KEY, src varchar(32) NOT NULL, note text, hits integer NOT NULL DEFAULT 0)"""))
    op.execute(sa.text("INSERT INTO t_afef6fc0da47 (id, src, note) VALUES (1, 'afef6fc0da47', 'it''s Add customer label table 0'), (2, 'afef6fc0da47', NULL)"))


def downgrade() -> None:
    op.execute(sa.text("DROP TABLE t_afef6fc0da47"))
