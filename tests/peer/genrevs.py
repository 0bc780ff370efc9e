#!/usr/bin/python3
# genrevs.py - generates an Alembic migrations folder of SQL-only revisions for the peer tests and the benchmark.
"""Generate an Alembic project folder full of SQL-only revisions.

Layout written under --out:
    alembic.ini                      script_location + version_locations
    migrations/env.py                stock-Alembic env: DATABASE_URI, one transaction
    migrations/script.py.mako
    migrations/versions/schema/*.py  the revisions
    migrations/versions/core/*.py    (--shape external only: a second folder)
    revs.txt                         one line per revision: INDEX ID LABELS FILE

Every revision N creates table t_<id> and fills it; it also inserts a row into
the table of each of its parents and dependencies and bumps their `hits`
counter, so applying revisions out of order fails and table contents show
exactly which revisions are applied. downgrade() undoes all of it.

The output is a pure function of the options (seed included): the same
command gives byte-identical files.
"""
import argparse
import datetime
import os
import random
import sys

LICENCE = """# Copyright 2019-2026 SURF, GEANT.
# Licensed under the Apache License, Version 2.0 (the "License");
# you may not use this file except in compliance with the License.
# You may obtain a copy of the License at
#
#    http://www.apache.org/licenses/LICENSE-2.0
#
# Unless required by applicable law or agreed to in writing, software
# distributed under the License is distributed on an "AS IS" BASIS,
# WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
# See the License for the specific language governing permissions and
# limitations under the License.
"""

ENV_PY = '''# env.py of the wfo-migrate peer tests: stock Alembic, no orchestrator needed.
# The database comes from DATABASE_URI; every step of one command runs in a
# single transaction (transactional DDL), like orchestrator-core's env.py.
import os

from alembic import context
from sqlalchemy import create_engine, pool

config = context.config


def url() -> str:
    u = os.environ.get("DATABASE_URI")
    if not u:
        raise SystemExit("DATABASE_URI is not set")
    for p in ("postgresql+psycopg://", "postgres://"):
        if u.startswith(p):
            u = "postgresql://" + u[len(p):]
    return u


if context.is_offline_mode():
    context.configure(url=url(), literal_binds=True, transaction_per_migration=False)
    with context.begin_transaction():
        context.run_migrations()
else:
    engine = create_engine(url(), poolclass=pool.NullPool)
    with engine.connect() as connection:
        context.configure(connection=connection, target_metadata=None,
                          transaction_per_migration=False)
        with connection.begin():
            context.run_migrations()
'''

MAKO = '''"""${message}.

Revision ID: ${up_revision}
Revises: ${down_revision | comma,n}
Create Date: ${create_date}

"""
import sqlalchemy as sa
from alembic import op
${imports if imports else ""}
# revision identifiers, used by Alembic.
revision = ${repr(up_revision)}
down_revision = ${repr(down_revision)}
branch_labels = ${repr(branch_labels)}
depends_on = ${repr(depends_on)}


def upgrade() -> None:
    ${upgrades if upgrades else "pass"}


def downgrade() -> None:
    ${downgrades if downgrades else "pass"}
'''

INI = """# alembic.ini written by tests/peer/genrevs.py
[alembic]
file_template = %%(year)d-%%(month).2d-%%(day).2d_%%(rev)s_%%(slug)s
script_location = %(here)s/migrations
version_locations = {locations}

[loggers]
keys = root,sqlalchemy,alembic

[handlers]
keys = console

[formatters]
keys = generic

[logger_root]
level = WARN
handlers = console
qualname =

[logger_sqlalchemy]
level = WARN
handlers =
qualname = sqlalchemy.engine

[logger_alembic]
level = INFO
handlers =
qualname = alembic

[handler_console]
class = StreamHandler
args = (sys.stderr,)
level = NOTSET
formatter = generic

[formatter_generic]
format = %(levelname)-5.5s [%(name)s] %(message)s
datefmt = %H:%M:%S
"""

WORDS = ("port", "node", "customer", "vlan", "circuit", "service", "link",
         "ip", "prefix", "site", "device", "tenant", "speed", "label", "l2vpn")


class Rev:
    def __init__(self, index, rid):
        self.index = index
        self.id = rid
        self.down = []       # ids
        self.labels = []     # own branch labels
        self.depends = []    # ids (or external ids)
        self.folder = "schema"
        self.message = ""
        self.fail = False    # upgrade ends with a failing statement
        self.multi = False   # one string holds two statements


class Gen:
    def __init__(self, seed, multi=False):
        self.rnd = random.Random(seed)
        self.revs = []
        self.by_id = {}
        self.multi = multi
        self.external = set()

    # ids: 12 lower-case hex digits, like Alembic's; rarely a non-hex one
    # such as the core's own 4fjdn13f83ga.
    def new_id(self):
        while True:
            if self.rnd.random() < 0.03:
                rid = "".join(self.rnd.choice("0123456789abcdefghijklmnopqrstuvwxyz") for _ in range(12))
            else:
                rid = "%012x" % self.rnd.getrandbits(48)
            # keep 4-character prefixes unique so prefixes resolve the same way
            if rid not in self.by_id and not any(r.startswith(rid[:4]) for r in self.by_id):
                return rid

    def add(self, down=(), labels=(), depends=(), folder="schema"):
        r = Rev(len(self.revs), self.new_id())
        r.down = list(down)
        r.labels = list(labels)
        r.depends = list(depends)
        r.folder = folder
        w = self.rnd.sample(WORDS, 2)
        r.message = "Add %s %s table %d" % (w[0], w[1], r.index)
        self.revs.append(r)
        self.by_id[r.id] = r
        return r

    # ---- graph helpers ------------------------------------------------
    def ancestry(self, rid):
        """rid and everything it needs (down_revision and depends_on)."""
        seen = set()
        stack = [rid]
        while stack:
            x = stack.pop()
            if x in seen or x not in self.by_id:
                continue
            seen.add(x)
            stack.extend(self.by_id[x].down)
            stack.extend(self.by_id[x].depends)
        return seen

    def heads(self):
        used = set()
        for r in self.revs:
            used.update(r.down)
        return [r.id for r in self.revs if r.id not in used]

    def label_count(self):
        return sum(len(r.labels) for r in self.revs)

    # ---- random graph -------------------------------------------------
    def random_graph(self, count, labels_max=4, bench=False):
        names = ["schema", "data", "extra", "tools", "audit", "billing"]
        while len(self.revs) < count:
            heads = self.heads()
            x = self.rnd.random()
            nlab = self.label_count()
            if not self.revs or (not bench and x < 0.06 and nlab < labels_max):
                # a new labelled base; a later one depends on another branch
                # (orchestrator's data root depends on the schema head)
                dep = []
                if self.revs and self.rnd.random() < 0.7:
                    dep = [self.rnd.choice(self.revs).id]
                lab = [names[nlab]] if nlab < len(names) else []
                self.add(labels=lab, depends=dep)
            elif x < 0.20 and len(heads) >= 2:
                # merge two (rarely three) independent heads
                k = 3 if len(heads) >= 3 and self.rnd.random() < 0.2 else 2
                pick = self.rnd.sample(heads, k)
                ok = all(a == b or a not in self.ancestry(b)
                         for a in pick for b in pick)
                if ok:
                    self.add(down=pick)
            elif x < 0.30 and len(self.revs) > 2:
                # fork from an older revision (a branch point)
                lo = max(0, len(self.revs) - 40)
                base = self.rnd.choice(self.revs[lo:]).id
                self.add(down=[base])
            elif not bench and x < 0.33 and nlab < labels_max and len(heads) >= 1:
                # a label on a non-base revision
                self.add(down=[self.rnd.choice(heads)], labels=[names[nlab]])
            else:
                h = self.rnd.choice(heads) if not bench else self.revs[-1].id
                if bench and self.revs[-1].id not in heads:
                    h = self.rnd.choice(heads)
                dep = []
                if not bench and self.rnd.random() < 0.12:
                    anc = self.ancestry(h)
                    cand = [r.id for r in self.revs if r.id not in anc]
                    if cand:
                        dep = [self.rnd.choice(cand)]
                self.add(down=[h], depends=dep)
            if bench and len(self.revs) < count and len(self.heads()) > 3:
                # keep the bench graph a chain with short-lived forks
                hs = self.heads()
                self.add(down=self.rnd.sample(hs, 2))

    # ---- SQL of one revision --------------------------------------------
    def sql(self, r):
        t = "t_" + r.id
        up = ["CREATE TABLE %s (id integer PRIMARY KEY, src varchar(32) NOT NULL, note text, hits integer NOT NULL DEFAULT 0)" % t,
              "INSERT INTO %s (id, src, note) VALUES (1, '%s', 'it''s %s'), (2, '%s', NULL)"
              % (t, r.id, r.message.replace("'", "''"), r.id)]
        down = []
        for p in r.down + r.depends:
            if p in self.external:
                continue
            up.append("INSERT INTO t_%s (id, src, note) VALUES (%d, '%s', 'child of %s')"
                      % (p, 1000 + r.index, r.id, p))
            up.append("UPDATE t_%s SET hits = hits + 1 WHERE id = 1" % p)
            down.append("UPDATE t_%s SET hits = hits - 1 WHERE id = 1" % p)
            down.append("DELETE FROM t_%s WHERE src = '%s'" % (p, r.id))
        down.append("DROP TABLE %s" % t)
        if r.multi and len(up) >= 2:
            up[0:2] = [up[0] + ";\n" + up[1]]
        if r.fail:
            up.append("INSERT INTO %s (id, src) VALUES (1, 'duplicate key on purpose')" % t)
        return up, down


# ---- rendering --------------------------------------------------------
def pyrepr_str(s, q):
    return q + s + q


def render_value(v, q, kind, rnd):
    """down_revision / branch_labels / depends_on in a varied literal style."""
    if not v:
        return "None"
    if len(v) == 1 and (kind != "labels" or rnd.random() < 0.3):
        if kind == "labels" or rnd.random() < 0.8:
            return pyrepr_str(v[0], q)
    items = ", ".join(pyrepr_str(x, q) for x in v)
    if rnd.random() < 0.25:
        return "[" + items + "]"
    return "(" + items + (",)" if len(v) == 1 else ")")


def py_single(s):
    return "'" + s.replace("\\", "\\\\").replace("'", "\\'").replace("\n", "\\n") + "'"


def py_double(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def render_calls(stmts, style, rnd):
    """Body lines executing the statements, in one of several real forms."""
    if not stmts:
        return ["    pass"]
    lines = []
    if style == "orchestrator":
        lines.append("    conn = op.get_bind()")
        for s in stmts:
            lines.append('    conn.execute(sa.text("""')
            lines.append(s)
            lines.append('    """))')
        return lines
    for i, s in enumerate(stmts):
        if rnd.random() < 0.15:
            lines.append("    # step %d" % (i + 1))
        form = rnd.randrange(5)
        if style == "alembic" and form == 0:
            lines.append("    op.execute(%s)" % py_single(s))
        elif form == 1:
            lines.append("    op.execute(%s)" % py_double(s))
        elif form == 2:
            lines.append('    op.execute(\n        """\n        %s\n        """\n    )' % s.replace("\n", "\n        "))
        elif form == 3:
            lines.append("    op.execute(sa.text(%s))" % py_double(s))
        else:
            lines.append("    conn = op.get_bind()")
            lines.append('    conn.execute(sa.text("""%s"""))' % s)
    return lines


def render(gen, r, date):
    rnd = random.Random("%s-style" % r.id)
    style = rnd.choice(["alembic", "orchestrator", "datahead", "alembic", "orchestrator"])
    q = "'" if style in ("alembic", "orchestrator") else '"'
    up, down = gen.sql(r)
    out = []
    if style == "datahead":
        out.append(LICENCE)
    revises = ", ".join(r.down)
    out.append('"""%s.' % r.message)
    if rnd.random() < 0.2:
        out.append("More words on a second line of the first paragraph.")
    out.append("")
    out.append("Revision ID: %s" % r.id)
    out.append(("Revises: " + revises) if revises else "Revises:")
    if style == "datahead":
        out.append("Create Date: %s" % date.isoformat())
    else:
        out.append("Create Date: %s" % date.strftime("%Y-%m-%d %H:%M:%S.%f"))
    out.append("")
    out.append('"""')
    if style != "datahead":
        out.append("import sqlalchemy as sa")
        out.append("from alembic import op")
        out.append("")
    else:
        out.append("")
        out.append("import sqlalchemy as sa  # noqa: F401")
        out.append("from alembic import op")
        out.append("")
    out.append("# revision identifiers, used by Alembic.")
    out.append("revision = %s" % pyrepr_str(r.id, q))
    out.append("down_revision = %s" % render_value(r.down, q, "down", rnd))
    out.append("branch_labels = %s" % render_value(r.labels, q, "labels", rnd))
    out.append("depends_on = %s" % render_value(r.depends, q, "depends", rnd))
    out.append("")
    out.append("")
    ann = " -> None" if rnd.random() < 0.85 else ""
    out.append("def upgrade()%s:" % ann)
    if style == "alembic" and rnd.random() < 0.5:
        out.append("    # ### commands written by hand ###")
    out.extend(render_calls(up, style, rnd))
    out.append("")
    out.append("")
    out.append("def downgrade()%s:" % ann)
    out.extend(render_calls(down, style, rnd))
    return "\n".join(out) + "\n"


def slug(msg):
    import re
    s = "_".join(re.findall(r"\w+", msg)).lower()
    if len(s) > 40:
        s = s[:40]
        s = s[: s.rindex("_")] + "_" if "_" in s else s
    return s


def write(gen, out, env_file=None):
    mig = os.path.join(out, "migrations")
    folders = sorted(set(r.folder for r in gen.revs) | {"schema"})
    for f in folders:
        os.makedirs(os.path.join(mig, "versions", f), exist_ok=True)
    if env_file:
        with open(env_file) as fh:
            env = fh.read()
    else:
        env = ENV_PY
    with open(os.path.join(mig, "env.py"), "w") as fh:
        fh.write(env)
    with open(os.path.join(mig, "script.py.mako"), "w") as fh:
        fh.write(MAKO)
    locs = " ".join("%%(here)s/migrations/versions/%s" % f for f in folders)
    with open(os.path.join(out, "alembic.ini"), "w") as fh:
        fh.write(INI.format(locations=locs))
    start = datetime.datetime(2024, 1, 2, 3, 4, 5, 123456)
    listing = []
    for r in gen.revs:
        date = start + datetime.timedelta(hours=7 * r.index, microseconds=r.index)
        name = "%s_%s_%s.py" % (date.strftime("%Y-%m-%d"), r.id, slug(r.message))
        path = os.path.join(mig, "versions", r.folder, name)
        with open(path, "w") as fh:
            fh.write(render(gen, r, date))
        listing.append("%d %s %s %s" % (r.index, r.id, ",".join(r.labels) or "-",
                                        os.path.join("migrations", "versions", r.folder, name)))
    with open(os.path.join(out, "revs.txt"), "w") as fh:
        fh.write("\n".join(listing) + "\n")


def shape(gen, name):
    """Small folders with one specific shape each."""
    A = gen.add
    if name == "linear":
        a = A()
        b = A(down=[a.id])
        c = A(down=[b.id])
        A(down=[c.id])
    elif name == "fork":
        a = A(labels=["data"])
        b = A(down=[a.id])
        A(down=[a.id])
        A(down=[b.id])
    elif name == "merge":
        a = A()
        b = A(down=[a.id])
        c = A(down=[a.id])
        d = A(down=[a.id])
        m = A(down=[b.id, c.id])
        A(down=[m.id])
        e = A(down=[d.id])
        A(down=[e.id])
    elif name == "labels":
        s = A(labels=["schema"])
        s2 = A(down=[s.id])
        d = A(labels=["data"], depends=[s2.id])
        d2 = A(down=[d.id])
        A(down=[s2.id])
        x = A(labels=["extra", "tools"])
        A(down=[x.id])
        sub = A(down=[d2.id], labels=["sub"])
        A(down=[sub.id])
    elif name == "depends":
        s = A(labels=["schema"])
        s2 = A(down=[s.id])
        d = A(labels=["data"], depends=[s2.id])
        d2 = A(down=[d.id])
        s3 = A(down=[s2.id], depends=[d2.id])
        A(down=[d2.id], depends=[s.id])
        o = A(labels=["other"])
        A(down=[o.id], depends=[s3.id, d.id])
    elif name == "external":
        # a "core" folder (second version location) and a project data
        # branch that depends on the core head
        c1 = A(labels=["schema"], folder="core")
        c2 = A(down=[c1.id], folder="core")
        c3 = A(down=[c2.id], folder="core")
        d = A(labels=["data"], depends=[c3.id])
        d2 = A(down=[d.id])
        A(down=[d2.id])
    elif name == "mergelabels":
        a = A(labels=["left"])
        b = A(labels=["right"])
        m = A(down=[a.id, b.id])
        f1 = A(down=[m.id])
        f2 = A(down=[m.id])
        A(down=[f1.id, f2.id])
    else:
        sys.exit("genrevs.py: unknown --shape %s (linear, fork, merge, labels, depends, "
                 "external, mergelabels, random, bench)" % name)


def main():
    ap = argparse.ArgumentParser(description="Generate an Alembic folder of SQL-only revisions.")
    ap.add_argument("--out", required=True, help="folder to create (alembic.ini + migrations/)")
    ap.add_argument("--count", type=int, default=30, help="revisions (random and bench shapes)")
    ap.add_argument("--seed", default="1", help="seed; same seed, same files")
    ap.add_argument("--shape", default="random",
                    help="random (default), bench (chain with forks and merges), or a small "
                    "fixed shape: linear, fork, merge, labels, depends, external, mergelabels")
    ap.add_argument("--multi", action="store_true",
                    help="some strings hold two statements separated by ';'")
    ap.add_argument("--fail-at", type=int, default=-1, metavar="INDEX",
                    help="revision INDEX's upgrade ends with a failing statement")
    ap.add_argument("--env", help="use this env.py instead of the built-in one")
    a = ap.parse_args()
    if os.path.exists(os.path.join(a.out, "migrations")):
        sys.exit("genrevs.py: %s/migrations already exists" % a.out)
    gen = Gen("%s/%s" % (a.seed, a.shape))
    if a.shape == "random":
        gen.random_graph(a.count)
    elif a.shape == "bench":
        gen.random_graph(a.count, bench=True)
    else:
        shape(gen, a.shape)
    if a.multi:
        for r in gen.revs:
            r.multi = gen.rnd.random() < 0.5
    if a.fail_at >= 0:
        if a.fail_at >= len(gen.revs):
            sys.exit("genrevs.py: --fail-at %d: only %d revisions" % (a.fail_at, len(gen.revs)))
        gen.revs[a.fail_at].fail = True
    write(gen, a.out, a.env)


if __name__ == "__main__":
    main()
