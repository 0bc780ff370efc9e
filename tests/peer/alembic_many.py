"""alembic_many.py DIR COMMAND ARG... - run one stock Alembic command
(`history -r` or `heads`) for many arguments in one Python process, so a
test can compare hundreds of answers without hundreds of interpreter starts.

Reads arguments from stdin, one per line. For each prints
'### <arg>\\t<status>' then Alembic's stdout: status 0 for success, 255 for
Alembic's own refusal (CommandError, printed 'FAILED: ...' by its CLI), 1 for
any other exception (Alembic's internal errors)."""
import io
import os
import sys

from alembic import command, util
from alembic.config import Config


def main():
    os.chdir(sys.argv[1])
    what = sys.argv[2]
    for line in sys.stdin:
        arg = line.rstrip("\n")
        out = io.StringIO()
        cfg = Config("alembic.ini", stdout=out)
        try:
            if what == "history":
                command.history(cfg, rev_range=arg)
            elif what == "history-v":
                command.history(cfg, rev_range=arg, verbose=True)
            elif what == "heads-resolved":
                command.heads(cfg, verbose=arg == "-v", resolve_dependencies=True)
            status = 0
        except util.CommandError:
            status = 255
        except Exception:  # noqa: BLE001 - Alembic's internal errors
            status = 1
        sys.stdout.write("### %s\t%d\n%s" % (arg, status, out.getvalue()))


main()
