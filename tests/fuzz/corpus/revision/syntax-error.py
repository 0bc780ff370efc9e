revision = "rd"
down_revision = None
def upgrade(:
    pass
)))
