revision = "r1"
down_revision = None
branch_labels = ("a", "b",)
depends_on = ["x", \
  "y"]

def upgrade():
	if True:
		op.execute("SELECT 1")

def downgrade():
    pass