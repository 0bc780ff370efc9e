revision = 'abc'
down_revision = None


def downgrade():
    with open(Path(__file__).with_suffix('.gone' x)) as f:
        pass
