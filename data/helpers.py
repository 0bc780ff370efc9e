# Migration helpers of this project, written by `wfo-migrate init`.
# When orchestrator-core is installed its helpers are available from here
# too; add the project's own helper functions below.
try:
    from orchestrator.core.migrations.helpers import *  # noqa: F401,F403
except ImportError:
    try:
        from orchestrator.migrations.helpers import *  # noqa: F401,F403
    except ImportError:
        pass

# Project helper functions below this line.
