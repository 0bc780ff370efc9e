revision = "r5"
down_revision = None
def upgrade():
    op.execute("SELECT 1") \