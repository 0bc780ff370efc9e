/* test_revgraph.c - the revision graph: heads, labels, dependencies,
 * external revisions, identifiers, validation errors, history text and the
 * upgrade/downgrade plans with their alembic_version statements. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "revgraph.h"
#include "util.h"
#include "wfo_error.h"

/* "id down1,down2 labels deps" -> a revision; "-" = none */
static struct revision *mkrev(const char *id, const char *down, const char *labels,
			      const char *deps)
{
	struct strbuf sb = STRBUF_INIT;
	sb_addf(&sb, "\"\"\"Doc of %s.\n\nMore.\n\"\"\"\nrevision = '%s'\n", id, id);
	const char *vals[3] = { down, labels, deps };
	const char *keys[3] = { "down_revision", "branch_labels", "depends_on" };
	for (int k = 0; k < 3; k++) {
		if (!vals[k] || !strcmp(vals[k], "-")) {
			sb_addf(&sb, "%s = None\n", keys[k]);
			continue;
		}
		sb_addf(&sb, "%s = (", keys[k]);
		char *c = xstrdup(vals[k]);
		for (char *t = strtok(c, ","); t; t = strtok(NULL, ","))
			sb_addf(&sb, "'%s', ", t);
		free(c);
		sb_add(&sb, ")\n");
	}
	sb_addf(&sb, "def upgrade():\n    op.execute('UP %s')\ndef downgrade():\n"
		"    op.execute('DOWN %s')\n", id, id);
	char *path = xasprintf("v/%s.py", id);
	struct revision *r = NULL;
	struct wfo_error err = { 0 };
	if (rev_parse_buffer(path, sb.buf, sb.len, &r, &err) < 0)
		fail_msg("%s", err.msg);
	free(path);
	sb_free(&sb);
	return r;
}

/* spec: "id:down:labels:deps;..." */
static int build(const char *spec, struct rev_graph **out, struct wfo_error *err)
{
	struct rev_graph *g = rev_graph_new();
	char *s = xstrdup(spec);
	char *save = NULL;
	for (char *t = strtok_r(s, ";", &save); t; t = strtok_r(NULL, ";", &save)) {
		char *f[4] = { "-", "-", "-", "-" };
		int n = 0;
		for (char *p = t; n < 4; n++) {
			f[n] = p;
			char *c = strchr(p, ':');
			if (!c)
				break;
			*c = '\0';
			p = c + 1;
		}
		if (rev_graph_add(g, mkrev(f[0], f[1], f[2], f[3]), err) < 0) {
			free(s);
			rev_graph_free(g);
			return -1;
		}
	}
	free(s);
	if (rev_graph_finish(g, err) < 0) {
		rev_graph_free(g);
		return -1;
	}
	*out = g;
	return 0;
}

static struct rev_graph *build_ok(const char *spec)
{
	struct rev_graph *g = NULL;
	struct wfo_error err = { 0 };
	if (build(spec, &g, &err) < 0)
		fail_msg("build: %s", err.msg);
	return g;
}

static void build_err(const char *spec, const char *want)
{
	struct rev_graph *g = NULL;
	struct wfo_error err = { 0 };
	assert_int_equal(build(spec, &g, &err), -1);
	if (!strstr(err.msg, want))
		fail_msg("error '%s' lacks '%s'", err.msg, want);
}

static char *joined(const struct strvec *v)
{
	struct strbuf sb = STRBUF_INIT;
	sb_add(&sb, "");
	for (size_t i = 0; i < v->n; i++)
		sb_addf(&sb, "%s%s", i ? " " : "", v->v[i]);
	return sb_detach(&sb);
}

static void rows_of(struct strvec *sv, const char *rows)
{
	char *c = xstrdup(rows);
	for (char *t = strtok(c, " "); t; t = strtok(NULL, " "))
		sv_push(sv, t);
	free(c);
}

static void expect_resolve(const struct rev_graph *g, const char *spec, const char *rows,
			   const char *want)
{
	struct strvec cur = STRVEC_INIT, out = STRVEC_INIT;
	rows_of(&cur, rows);
	struct wfo_error err = { 0 };
	if (rev_graph_resolve(g, spec, &cur, &out, &err) < 0)
		fail_msg("resolve %s: %s", spec, err.msg);
	char *got = joined(&out);
	if (strcmp(got, want))
		fail_msg("resolve %s: got '%s', want '%s'", spec, got, want);
	free(got);
	sv_free(&cur);
	sv_free(&out);
}

static void expect_resolve_err(const struct rev_graph *g, const char *spec, const char *want)
{
	struct strvec out = STRVEC_INIT;
	struct wfo_error err = { 0 };
	assert_int_equal(rev_graph_resolve(g, spec, NULL, &out, &err), -1);
	if (!strstr(err.msg, want))
		fail_msg("resolve %s: error '%s' lacks '%s'", spec, err.msg, want);
	sv_free(&out);
}

/* The plan as text: "+id" / "-id" per step, then its statements, then
 * "rows: ..." */
static char *plan_text(const struct rev_graph *g, int up, const char *rows, const char *target)
{
	struct strvec cur = STRVEC_INIT;
	rows_of(&cur, rows);
	struct rev_plan p;
	struct wfo_error err = { 0 };
	int rc = up ? rev_plan_upgrade(g, &cur, target, &p, &err)
		    : rev_plan_downgrade(g, &cur, target, &p, &err);
	sv_free(&cur);
	if (rc < 0)
		return xasprintf("ERR %s", err.msg);
	struct strbuf sb = STRBUF_INIT;
	for (size_t i = 0; i < p.n; i++) {
		sb_addf(&sb, "%c%s%s\n", p.steps[i].upgrade ? '+' : '-', p.steps[i].id,
			p.steps[i].rev ? "" : " (external)");
		for (size_t k = 0; k < p.steps[i].version_sql.n; k++)
			sb_addf(&sb, "  %s\n", p.steps[i].version_sql.v[k]);
	}
	char *r = joined(&p.heads_after);
	sb_addf(&sb, "rows: %s", r);
	free(r);
	rev_plan_free(&p);
	return sb_detach(&sb);
}

static void expect_plan(const struct rev_graph *g, int up, const char *rows, const char *target,
			const char *want)
{
	char *got = plan_text(g, up, rows, target);
	if (strcmp(got, want))
		fail_msg("%s %s from [%s]:\n--- got\n%s\n--- want\n%s", up ? "upgrade"
			 : "downgrade", target, rows, got, want);
	free(got);
}

#define INS(x) "  INSERT INTO alembic_version (version_num) VALUES ('" x "')\n"
#define UPD(f, t) "  UPDATE alembic_version SET version_num='" t \
	"' WHERE alembic_version.version_num = '" f "'\n"
#define DEL(x) "  DELETE FROM alembic_version WHERE alembic_version.version_num = '" x "'\n"

/* core c1 (schema) - c2 - c3; data d1 (data, depends c3) - e2 - {f3, a4} -
 * b5 (merge) */
#define PROJECT "c1::schema;c2:c1;c3:c2;d1::data:c3;e2:d1;f3:e2;a4:e2;b5:f3,a4"

static void test_heads_and_labels(void **state)
{
	(void)state;
	struct rev_graph *g = build_ok(PROJECT);
	struct strvec h = STRVEC_INIT;
	rev_graph_heads(g, &h);
	char *j = joined(&h);
	assert_string_equal(j, "c3 b5");
	free(j);
	sv_free(&h);
	struct strbuf out = STRBUF_INIT;
	rev_format_heads(g, &out);
	assert_string_equal(out.buf, "c3 (schema) (effective head)\nb5 (data) (head)\n");
	sb_reset(&out);
	rev_format_history(g, 0, NULL, &out);
	assert_string_equal(out.buf,
		"f3, a4 -> b5 (data) (head) (mergepoint), Doc of b5.\n"
		"e2 -> f3 (data), Doc of f3.\n"
		"e2 -> a4 (data), Doc of a4.\n"
		"d1 -> e2 (data) (branchpoint), Doc of e2.\n"
		"<base> (c3) -> d1 (data), Doc of d1.\n"
		"c2 -> c3 (schema) (effective head), Doc of c3.\n"
		"c1 -> c2 (schema), Doc of c2.\n"
		"<base> -> c1 (schema), Doc of c1.\n");
	sb_reset(&out);
	struct strvec cur = STRVEC_INIT;
	sv_push(&cur, "e2");
	rev_format_history(g, 1, &cur, &out);
	assert_non_null(strstr(out.buf, "Rev: e2 (branchpoint) (current)\nParent: d1\n"
			       "Branches into: f3, a4\nBranch names: data\nPath: v/e2.py\n\n"
			       "    Doc of e2.\n    \n    More.\n\n"));
	assert_non_null(strstr(out.buf, "Rev: d1\nParent: <base>\nAlso depends on: c3\n"));
	sb_reset(&out);
	rev_format_current(g, &cur, 0, &out);
	assert_string_equal(out.buf, "c3 (effective head)\ne2 (branchpoint)\n");
	sv_free(&cur);
	sb_free(&out);
	assert_int_equal(rev_graph_external(g)->n, 0);
	assert_non_null(rev_graph_lookup(g, "a4"));
	assert_null(rev_graph_lookup(g, "a"));
	rev_graph_free(g);
}

static void test_resolve(void **state)
{
	(void)state;
	struct rev_graph *g = build_ok("abcd1111::schema;abcd2222:abcd1111;abce3333:abcd2222;"
				       "dd000001::data:abce3333;dd000002:dd000001");
	expect_resolve(g, "heads", "", "dd000002");
	/* abce3333 is a versioned head too (only depended on) */
	expect_resolve_err(g, "head", "Multiple heads are present for given argument 'head'; "
			   "abce3333, dd000002");
	expect_resolve(g, "base", "", "");
	expect_resolve(g, "abcd2222", "", "abcd2222");
	expect_resolve(g, "abce", "", "abce3333");
	expect_resolve(g, "data@head", "", "dd000002");
	expect_resolve(g, "schema@head", "", "abce3333");
	expect_resolve(g, "data@base", "", "");
	expect_resolve(g, "data@dd000001", "", "dd000001");
	expect_resolve(g, "schema", "", "abcd1111");
	expect_resolve(g, "+1", "abcd1111", "abcd2222");
	expect_resolve(g, "schema@+2", "", "abcd2222");
	expect_resolve_err(g, "+2", "Ambiguous walk");  /* two bases */
	expect_resolve(g, "abcd1111+2", "", "abce3333");
	expect_resolve(g, "-1", "abce3333", "abcd2222");
	expect_resolve(g, "-1", "abcd1111", "");
	expect_resolve(g, "dd000002-1", "", "dd000001");
	expect_resolve(g, "data@-1", "dd000002", "dd000001");
	expect_resolve(g, "data@+1", "dd000001", "dd000002");
	expect_resolve_err(g, "abcd", "Multiple revisions start with 'abcd'");
	expect_resolve_err(g, "abc", "at least four characters");
	expect_resolve_err(g, "zzzz9", "No such revision or branch 'zzzz9'");
	expect_resolve_err(g, "nope@head", "No such branch: 'nope'");
	expect_resolve_err(g, "data@abcd2222", "not a member of branch 'data'");
	expect_resolve_err(g, "schema@+9", "didn't produce 9 migrations");
	rev_graph_free(g);
	g = build_ok("a1111;b2222:a1111;c3333:a1111");
	expect_resolve_err(g, "head", "Multiple heads are present");
	expect_resolve(g, "heads", "", "b2222 c3333");
	expect_resolve_err(g, "a1111+1", "Ambiguous walk");
	rev_graph_free(g);
}

static void test_validation(void **state)
{
	(void)state;
	build_err("a1;a1", "revision a1 is defined twice: in v/a1.py:5 and in v/a1.py:5");
	build_err("a1;b2:zz", "v/b2.py:6: down_revision 'zz' of revision b2 exists in no "
		  "version folder");
	build_err("a1::x;b2::x", "v/b2.py:7: branch name 'x' in revision b2 is already used "
		  "by revision a1");
	build_err("a1:b2;b2:a1", "Cycle is detected in revisions: a1 (v/a1.py), b2 (v/b2.py)");
	build_err("a1:a1", "names itself as down_revision");
	build_err("a1;b2:a1::c3;c3:::b2", "Dependency cycle is detected in revisions: b2");
	build_err("abcd1;abcd2;x3:::abcd", "depends_on 'abcd' of revision x3 matches several");
}

static void test_external(void **state)
{
	(void)state;
	/* the orchestrator-core folder is not loaded: the data root depends on
	 * an unknown core head */
	struct rev_graph *g = build_ok("d1::data:ca79fd834ba0;e2:d1");
	const struct strvec *ext = rev_graph_external(g);
	assert_int_equal(ext->n, 1);
	assert_string_equal(ext->v[0], "ca79fd834ba0");
	expect_plan(g, 1, "ca79fd834ba0", "heads",
		    "+d1\n" UPD("ca79fd834ba0", "d1") "+e2\n" UPD("d1", "e2") "rows: e2");
	expect_plan(g, 1, "", "heads",
		    "+ca79fd834ba0 (external)\n+d1\n" UPD("ca79fd834ba0", "d1")
		    "+e2\n" UPD("d1", "e2") "rows: e2");
	/* a newer core head recorded beside the data head */
	expect_plan(g, 1, "d1 ffff00000000", "heads", "+e2\n" UPD("d1", "e2")
		    "rows: e2 ffff00000000");
	expect_plan(g, 0, "e2", "base", "-e2\n" UPD("e2", "d1") "-d1\n" UPD("d1", "ca79fd834ba0")
		    "rows: ca79fd834ba0");
	rev_graph_free(g);
}

static void test_plans_linear_and_branches(void **state)
{
	(void)state;
	struct rev_graph *g = build_ok(PROJECT);
	expect_plan(g, 1, "", "c2", "+c1\n" INS("c1") "+c2\n" UPD("c1", "c2") "rows: c2");
	expect_plan(g, 1, "c3", "heads",
		    "+d1\n" UPD("c3", "d1") "+e2\n" UPD("d1", "e2") "+a4\n" UPD("e2", "a4")
		    "+f3\n" INS("f3") "+b5\n" DEL("f3") UPD("a4", "b5") "rows: b5");
	expect_plan(g, 1, "b5", "heads", "rows: b5");
	expect_plan(g, 1, "e2", "+1", "ERR Ambiguous walk: e2 has several children; name the "
		    "revision (or LABEL@...) to go to");
	expect_plan(g, 1, "e2", "a4", "+a4\n" UPD("e2", "a4") "rows: a4");
	/* rows of which one is below another (some downgrades leave them):
	 * Alembic refuses every upgrade, naming the first row whose walk
	 * reaches another row */
	expect_plan(g, 1, "d1 e2 c3", "heads", "ERR Requested revision d1 overlaps with "
		    "other requested revisions c3");
	expect_plan(g, 1, "e2 d1", "b5", "ERR Requested revision e2 overlaps with other "
		    "requested revisions d1");
	expect_plan(g, 1, "a4 f3", "b5", "+b5\n" DEL("f3") UPD("a4", "b5") "rows: b5");
	/* unmerge on downgrade */
	expect_plan(g, 0, "b5", "-1", "ERR Ambiguous walk: b5 has several parents; name the "
		    "revision (or LABEL@...) to go to");
	expect_plan(g, 0, "b5", "a4", "-b5\n" INS("f3") UPD("b5", "a4") "rows: a4 f3");
	expect_plan(g, 0, "b5", "e2",
		    "-b5\n" INS("f3") UPD("b5", "a4") "-f3\n" DEL("f3") "-a4\n" UPD("a4", "e2")
		    "rows: e2");
	expect_plan(g, 0, "b5", "data@base",
		    "-b5\n" INS("f3") UPD("b5", "a4") "-f3\n" DEL("f3") "-a4\n" UPD("a4", "e2")
		    "-e2\n" UPD("e2", "d1") "-d1\n" UPD("d1", "c3") "rows: c3");
	expect_plan(g, 0, "c2", "base", "-c2\n" UPD("c2", "c1") "-c1\n" DEL("c1") "rows: ");
	expect_plan(g, 0, "c2", "b5", "ERR Destination b5 is not a valid downgrade target from current head(s): "
		    "nothing to drop");
	rev_graph_free(g);
}

/* migration-files.md 2.3: core X, data root D depends on X, core adds Y on
 * X => rows {D, Y}; next data revision E => {E, Y}. */
static void test_plans_depends_across_branches(void **state)
{
	(void)state;
	struct rev_graph *g = build_ok("X::schema;D::data:X");
	expect_plan(g, 1, "X", "heads", "+D\n" UPD("X", "D") "rows: D");
	rev_graph_free(g);
	g = build_ok("X::schema;D::data:X;Y:X");
	expect_plan(g, 1, "D", "heads", "+Y\n" INS("Y") "rows: D Y");
	expect_plan(g, 1, "X", "heads", "+Y\n" UPD("X", "Y") "+D\n" INS("D") "rows: Y D");
	rev_graph_free(g);
	g = build_ok("X::schema;D::data:X;Y:X;E:D");
	expect_plan(g, 1, "D Y", "heads", "+E\n" UPD("D", "E") "rows: E Y");
	expect_plan(g, 1, "D Y", "data@head", "+E\n" UPD("D", "E") "rows: E Y");
	expect_plan(g, 0, "E Y", "data@base", "-E\n" UPD("E", "D") "-D\n" DEL("D") "rows: Y");
	/* to base: Alembic's order starts from the row loaded first (Y) */
	expect_plan(g, 0, "E Y", "base",
		    "-Y\n" DEL("Y") "-E\n" UPD("E", "D") "-D\n" UPD("D", "X") "-X\n" DEL("X")
		    "rows: ");
	rev_graph_free(g);
}

static void test_load_folder(void **state)
{
	(void)state;
	char dir[] = "/tmp/wfo-rgtest-XXXXXX";
	assert_non_null(mkdtemp(dir));
	const char *names[] = { "a.py", "b.py", "__init__.py", ".#c.py", "notes.txt" };
	const char *texts[] = {
		"revision = 'a1'\ndown_revision = None\n",
		"revision = 'b2'\ndown_revision = 'a1'\n",
		"", "garbage (", "garbage (",
	};
	for (int i = 0; i < 5; i++) {
		char *p = xasprintf("%s/%s", dir, names[i]);
		FILE *f = fopen(p, "w");
		fputs(texts[i], f);
		fclose(f);
		free(p);
	}
	const char *dirs[] = { dir, dir, "/nonexistent/folder" };
	struct rev_graph *g = NULL;
	struct wfo_error err = { 0 };
	if (rev_graph_load(dirs, 3, &g, &err) < 0)
		fail_msg("%s", err.msg);
	assert_int_equal(rev_graph_size(g), 2);
	struct strbuf out = STRBUF_INIT;
	rev_format_heads(g, &out);
	assert_string_equal(out.buf, "b2 (head)\n");
	sb_free(&out);
	rev_graph_free(g);
	/* a broken file fails the load, naming the file */
	char *p = xasprintf("%s/z.py", dir);
	FILE *f = fopen(p, "w");
	fputs("revision = 'z'\ndown_revision = (\n", f);
	fclose(f);
	assert_int_equal(rev_graph_load(dirs, 1, &g, &err), -1);
	assert_non_null(strstr(err.msg, "z.py"));
	for (int i = 0; i < 5; i++) {
		char *q = xasprintf("%s/%s", dir, names[i]);
		remove(q);
		free(q);
	}
	remove(p);
	free(p);
	remove(dir);
}

static void test_big_linear(void **state)
{
	(void)state;
	struct rev_graph *g = rev_graph_new();
	struct wfo_error err = { 0 };
	char prev[32] = "";
	for (int i = 0; i < 3000; i++) {
		char id[32];
		snprintf(id, sizeof(id), "r%05d", i);
		struct revision *r = xcalloc(1, sizeof(*r));
		r->id = xstrdup(id);
		r->path = xasprintf("v/%s.py", id);
		r->doc = xstrdup("");
		r->docstring = xstrdup("");
		if (*prev)
			sv_push(&r->down, prev);
		assert_int_equal(rev_graph_add(g, r, &err), 0);
		snprintf(prev, sizeof(prev), "%s", id);
	}
	assert_int_equal(rev_graph_finish(g, &err), 0);
	char *t = plan_text(g, 1, "r01000", "heads");
	assert_non_null(strstr(t, "rows: r02999"));
	free(t);
	struct strbuf out = STRBUF_INIT;
	rev_format_history(g, 0, NULL, &out);
	assert_true(str_starts_with(out.buf, "r02998 -> r02999 (head), \n"));
	sb_free(&out);
	rev_graph_free(g);
}

/* A folder big enough to be read on several threads: every file is in the
 * graph, the folder's order is kept (the same heads as a single-threaded
 * read), and a broken file or a duplicate id still fails naming the file. */
static void write_rev(const char *dir, int i, const char *text)
{
	char *p = xasprintf("%s/%04d_r.py", dir, i);
	FILE *f = fopen(p, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
	free(p);
}

static void test_load_many_files(void **state)
{
	(void)state;
	char dir[] = "/tmp/wfo-rgmany-XXXXXX";
	assert_non_null(mkdtemp(dir));
	enum { N = 600 };
	for (int i = 0; i < N; i++) {
		/* a chain with a fork every 100 revisions: 6 heads */
		char *t = i == 0 ? xstrdup("revision = 'r0000'\ndown_revision = None\n")
			: xasprintf("revision = 'r%04d'\ndown_revision = 'r%04d'\n", i,
				    i % 100 == 0 ? i - 2 : i - 1);
		write_rev(dir, i, t);
		free(t);
	}
	const char *dirs[] = { dir };
	struct rev_graph *g = NULL;
	struct wfo_error err = { 0 };
	if (rev_graph_load(dirs, 1, &g, &err) < 0)
		fail_msg("%s", err.msg);
	assert_int_equal(rev_graph_size(g), N);
	struct strvec heads = STRVEC_INIT;
	rev_graph_heads(g, &heads);
	assert_int_equal(heads.n, 6);
	assert_true(sv_contains(&heads, "r0599"));
	assert_true(sv_contains(&heads, "r0099"));
	/* the graph keeps the folder's listing order, whichever thread read a file */
	struct rev_graph *g2 = NULL;
	assert_int_equal(rev_graph_load(dirs, 1, &g2, &err), 0);
	for (size_t k = 0; k < rev_graph_size(g); k++)
		assert_string_equal(rev_graph_get(g, k)->id, rev_graph_get(g2, k)->id);
	rev_graph_free(g2);
	sv_free(&heads);
	rev_graph_free(g);

	write_rev(dir, 333, "revision = 'r0333'\ndown_revision = (\n");
	assert_int_equal(rev_graph_load(dirs, 1, &g, &err), -1);
	assert_non_null(strstr(err.msg, "0333_r.py"));
	write_rev(dir, 333, "revision = 'r0332'\ndown_revision = 'r0331'\n");
	assert_int_equal(rev_graph_load(dirs, 1, &g, &err), -1);
	assert_non_null(strstr(err.msg, "r0332"));
	assert_non_null(strstr(err.msg, "0333_r.py"));
	for (int i = 0; i < N; i++) {
		char *p = xasprintf("%s/%04d_r.py", dir, i);
		remove(p);
		free(p);
	}
	remove(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_heads_and_labels),
		cmocka_unit_test(test_resolve),
		cmocka_unit_test(test_validation),
		cmocka_unit_test(test_external),
		cmocka_unit_test(test_plans_linear_and_branches),
		cmocka_unit_test(test_plans_depends_across_branches),
		cmocka_unit_test(test_load_folder),
		cmocka_unit_test(test_big_linear),
		cmocka_unit_test(test_load_many_files),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
