revision = "ÿþ"
down_revision = None
def upgrade():
    op.execute("Ã( â‚")
