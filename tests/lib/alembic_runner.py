#!/usr/bin/python3
"""alembic_runner.py - stock Alembic's command line, many commands in one
Python process (the test library's persistent Alembic, see alembic.sh).

Usage: alembic_runner.py DIR
Reads requests from the FIFO DIR/req, answers on the FIFO DIR/resp, and
removes DIR when the requests end (then appends its CPU time, user and
system seconds, to the file $WFO_ALEMBIC_RUSAGE if set).

Each request is one line of tab-separated fields:
    OUT  ERR  CWD  URI  ARG...
OUT and ERR are paths to open (for appending) as the command's stdout and
stderr: the caller's /proc/PID/fd/1 and /proc/PID/fd/2, or files; CWD is
the folder to run in; URI is "=VALUE" to set DATABASE_URI or "-" to unset
it; ARG... are the arguments of `python3 -m alembic`. The command runs as
`python3 -m alembic ARG...` would, and the response is one line
"status N" with its exit status.

What a fresh process would not carry over is reset around each command:
the working directory, DATABASE_URI, sys.path (the command's folder first,
as `python3 -m` puts it), modules imported from the command's folder,
logging configuration (env.py may call fileConfig), and database
connections (every SQLAlchemy engine left is disposed). Alembic itself
reads alembic.ini, env.py and every revision file anew per command (a new
Config and ScriptDirectory; its files are loaded without sys.modules).
"""
import gc
import logging
import os
import resource
import shutil
import sys
import traceback

from alembic.config import CommandLine
from sqlalchemy.engine import Engine

BASE_PATH = list(sys.path[1:])


def logging_state():
    """Handlers, level, propagate and disabled of every logger now."""
    state = {"": (list(logging.root.handlers), logging.root.level, True, False)}
    for name, lg in logging.Logger.manager.loggerDict.items():
        if isinstance(lg, logging.Logger):
            state[name] = (list(lg.handlers), lg.level, lg.propagate, lg.disabled)
    return state


def reset_logging():
    """Logging as the imports left it (env.py may call fileConfig): the
    handlers libraries add at import (alembic's NullHandler) stay, those a
    command added go; levels and flags as they were, or as new."""
    loggers = {"": logging.root}
    loggers.update((n, lg) for n, lg in logging.Logger.manager.loggerDict.items()
                   if isinstance(lg, logging.Logger))
    for name, lg in loggers.items():
        handlers, level, propagate, disabled = INITIAL_LOGGING.get(
            name, ([h for h in lg.handlers if isinstance(h, logging.NullHandler)],
                   logging.NOTSET, True, False))
        for h in list(lg.handlers):
            if h not in handlers:
                lg.removeHandler(h)
                h.close()
        lg.setLevel(level)
        lg.propagate = propagate
        lg.disabled = disabled
    logging.disable(logging.NOTSET)


INITIAL_LOGGING = logging_state()


def status_of(exc):
    """Exit status of a process ending with SystemExit exc, as Python's."""
    code = exc.code
    if code is None:
        return 0
    if isinstance(code, int):
        return code & 0xFF
    print(code, file=sys.stderr)
    return 1


def run(fields):
    out, err, cwd, uri = fields[:4]
    argv = fields[4:]
    saved = os.dup(1), os.dup(2)
    fo = os.open(out, os.O_WRONLY | os.O_APPEND)
    fe = fo if err == out else os.open(err, os.O_WRONLY | os.O_APPEND)
    os.dup2(fo, 1)
    os.dup2(fe, 2)
    status = 0
    modules = set(sys.modules)
    try:
        os.chdir(cwd)
        if uri == "-":
            os.environ.pop("DATABASE_URI", None)
        else:
            os.environ["DATABASE_URI"] = uri[1:]
        sys.path[:] = [os.getcwd()] + BASE_PATH
        reset_logging()
        try:
            CommandLine(prog="alembic").main(argv=argv)
        except SystemExit as e:
            status = status_of(e)
        except BaseException:  # as Python reports an uncaught exception
            traceback.print_exc()
            status = 1
    finally:
        for f in (sys.stdout, sys.stderr):
            try:
                f.flush()
            except OSError:
                # the reader went away (`| head -1`): the rest of the
                # output goes nowhere, not into the next command's
                null = os.open(os.devnull, os.O_WRONLY)
                os.dup2(null, f.fileno())
                os.close(null)
                try:
                    f.flush()
                except OSError:
                    pass
        here = os.getcwd() + os.sep
        for name in set(sys.modules) - modules:
            f = getattr(sys.modules[name], "__file__", None) or ""
            if f.startswith(here):
                del sys.modules[name]
        reset_logging()
        gc.collect()
        for o in gc.get_objects():
            if isinstance(o, Engine):
                o.dispose()
        os.dup2(saved[0], 1)
        os.dup2(saved[1], 2)
        for fd in {fo, fe} | set(saved):
            os.close(fd)
    return status


def main():
    top = sys.argv[1]
    with open(os.path.join(top, "req"), "r") as req, \
            open(os.path.join(top, "resp"), "w") as resp:
        for line in req:
            fields = line.rstrip("\n").split("\t")
            if len(fields) < 4:
                status = 2
            else:
                try:
                    status = run(fields)
                except OSError as e:  # a bad OUT/ERR/CWD: say so, go on
                    print("alembic_runner: %s" % e, file=sys.stderr)
                    status = 126
            resp.write("status %d\n" % status)
            resp.flush()
    shutil.rmtree(top, ignore_errors=True)
    stats = os.environ.get("WFO_ALEMBIC_RUSAGE")
    if stats:  # for measuring: this process's CPU seconds, user and system
        ru = resource.getrusage(resource.RUSAGE_SELF)
        with open(stats, "a") as f:
            f.write("%.2f %.2f\n" % (ru.ru_utime, ru.ru_stime))


if __name__ == "__main__":
    main()
