revision = "re"

def upgrade():
    pass
