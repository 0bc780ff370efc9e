# -*- coding: latin-1 -*-
revision = "aé"
down_revision = None

def upgrade():
    op.execute("SELECT é")

def downgrade():
    pass
