revision = "rf"
down_revision = None
def upgrade():
    op.execute("COPY products TO STDOUT")
    op.execute("COMMIT")
    op.execute("ALTER TYPE x ADD VALUE 'y'")
def downgrade():
    op.execute("ROLLBACK")
