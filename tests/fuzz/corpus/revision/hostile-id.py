revision = "x\"\n__import__('os').system('id')#"
down_revision = "a\nb"
branch_labels = "\u2028"
depends_on = None
def upgrade():
    pass
