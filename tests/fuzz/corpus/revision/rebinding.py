revision = "rb"
down_revision = None
def upgrade():
    op.execute("SELECT 1")
def downgrade():
    pass
upgrade = downgrade
revision = "rc"
op = None
