revision = "r3"
down_revision = None
def upgrade():
    op.execute("""never closed
