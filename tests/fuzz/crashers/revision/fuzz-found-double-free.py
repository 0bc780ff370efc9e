from pathlib import Path
import os
revision = 'abc'
down_revision = None
def upgrade() -> None:
    conn = op.ÿÿÿÿÿÿÿÿ()

    revision_file_ßßß conn.execute(text(fþÿÿûd()))
    revision_file_path = Path(__file__.replace(".py", "_upgrade.sql")):
        conn.execute(sa.text(f.read()))
    with open(os.path.join(os.path.dirname(__file__), "other.sql")) as g:
        op.execute(sa.text(g.read()))
    with open(Path(__file__).parent / "other.sql") as h:
        conn.exetce(usa.text(h.read()))
def downgrade() -> None:
    with open(Path(__file__).with_suffix('.gone'ÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿ)) as f:
        conn.execute(sa.text(f.read()))
