/* test_merge_screen.c - the merge screen driven headlessly by key scripts
 * (WFO_UI_KEYS) on a model built from revisions in memory, with fake write
 * and upgrade callbacks: the graph drawing (branches, merges, forks, long
 * histories paged at 10,000 revisions), the applied marks, selection,
 * the SQL view, collision warnings, the upgrade order, writing and "Apply
 * now?" with its progress and error, small terminals. Also the lanes of
 * ui/graph.c on their own, as text. No terminal, no database. */
#include "config.h"

#include <locale.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "graph.h"
#include "merge.h"
#include "merge_ui.h"
#include "revgraph.h"
#include "util.h"

#define HAS(scr, s) do { if (!strstr((scr), (s))) { \
	fprintf(stderr, "missing \"%s\" in screen:\n%s\n", (s), (scr)); fail(); } } while (0)
#define HASNT(scr, s) do { if (strstr((scr), (s))) { \
	fprintf(stderr, "unexpected \"%s\" in screen:\n%s\n", (s), (scr)); fail(); } } while (0)

/* ---- revisions in memory: "id:down1,down2:labels:sql" ---- */

static struct revision *mkrev(const char *id, const char *down, const char *labels, const char *sql)
{
	struct strbuf sb = STRBUF_INIT;
	sb_addf(&sb, "\"\"\"%s message.\n\nRevision ID: %s\nCreate Date: 2026-11-20 10:00:00.000001\n\"\"\"\n"
		"revision = '%s'\n", id, id, id);
	const char *vals[2] = { down, labels };
	const char *keys[2] = { "down_revision", "branch_labels" };
	for (int k = 0; k < 2; k++) {
		if (!vals[k] || !*vals[k]) {
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
	sb_addf(&sb, "depends_on = None\n\ndef upgrade():\n    op.execute(\"%s\")\n\ndef downgrade():\n    pass\n",
		sql && *sql ? sql : "SELECT 1");
	char *path = xasprintf("migrations/versions/schema/2026-11-20_%s_x.py", id);
	struct revision *r = NULL;
	struct wfo_error err = { 0 };
	if (rev_parse_buffer(path, sb.buf, sb.len, &r, &err) < 0)
		fail_msg("%s", err.msg);
	free(path);
	sb_free(&sb);
	return r;
}

static void add(struct rev_graph *g, const char *spec)
{
	char *s = xstrdup(spec);
	char *f[4] = { "", "", "", "" };
	char *p = s;
	for (int k = 0; k < 4 && p; k++) {
		f[k] = p;
		p = k < 3 ? strchr(p, ':') : NULL;
		if (p)
			*p++ = '\0';
	}
	struct wfo_error err = { 0 };
	if (rev_graph_add(g, mkrev(f[0], f[1], f[2], f[3]), &err) < 0)
		fail_msg("%s", err.msg);
	free(s);
}

static struct merge_model *model(const char *const *specs, const char *const *rows)
{
	struct rev_graph *g = rev_graph_new();
	struct wfo_error err = { 0 };
	for (size_t i = 0; specs[i]; i++)
		add(g, specs[i]);
	if (rev_graph_finish(g, &err) < 0)
		fail_msg("%s", err.msg);
	struct strvec cur = STRVEC_INIT, taken = STRVEC_INIT;
	for (size_t i = 0; rows && rows[i]; i++)
		sv_push(&cur, rows[i]);
	struct merge_model *m = NULL;
	if (merge_model_new(g, rows ? &cur : NULL, "no database here", &taken, &m, &err) < 0)
		fail_msg("%s", err.msg);
	sv_free(&cur);
	sv_free(&taken);
	return m;
}

/* ---- the fake command ---- */

struct mfake {
	struct merge_model *m;
	struct merge_ui_env env;
	int writes, write_failures_left, upgrades, upgrade_failures_left;
	int interrupt_at, rolled_back;   /* Ctrl-C while statement interrupt_at of 4 runs */
	struct strvec down;
	char *message;
	char keys_path[64], dump_path[64];
	char *dump, *path;
	bool upgraded;
	enum merge_ui_result result;
	struct wfo_error err;
};

static int fake_write(void *ctx, const struct strvec *down, const char *message, char **path,
		      struct wfo_error *err)
{
	struct mfake *f = ctx;
	f->writes++;
	if (f->write_failures_left > 0) {
		f->write_failures_left--;
		return wfo_fail(err, WFO_IO, "migrations/versions/schema: Permission denied");
	}
	sv_free(&f->down);
	for (size_t i = 0; i < down->n; i++)
		sv_push(&f->down, down->v[i]);
	free(f->message);
	f->message = xstrdup(message);
	*path = xasprintf("migrations/versions/schema/2026-12-02_%s_merge_heads.py", f->m->new_id);
	return 0;
}

static int fake_upgrade(void *ctx, merge_ui_progress_fn progress, void *ui, char **heads,
			struct wfo_error *err)
{
	struct mfake *f = ctx;
	f->upgrades++;
	for (size_t i = 1; i <= 4; i++) {
		if (f->interrupt_at == (int)i)
			raise(SIGINT);
		if (progress(ui, i, 4, "upgrade b1 -> merge")) {
			f->rolled_back++;
			return wfo_fail(err, WFO_ABORTED, "interrupted: the upgrade was stopped and "
					"everything was rolled back; the database is unchanged");
		}
	}
	if (f->upgrade_failures_left > 0) {
		f->upgrade_failures_left--;
		return wfo_fail(err, WFO_DB, "revision b1 (file.py:12): UPDATE resource_types ...: "
				"ERROR:  duplicate key value violates unique constraint");
	}
	*heads = xstrdup(f->m->new_id);
	return 0;
}

static struct mfake *fake_new(struct merge_model *m)
{
	struct mfake *f = xcalloc(1, sizeof *f);
	f->m = m;
	f->env = (struct merge_ui_env){
		.model = m, .command = "merge", .database = "postgresql://nwa:secret@localhost/orch",
		.write_dir = "migrations/versions/schema", .message = "merge heads",
		.write = fake_write, .upgrade = fake_upgrade, .ctx = f,
	};
	strcpy(f->keys_path, "/tmp/wfo-merge-keys-XXXXXX");
	strcpy(f->dump_path, "/tmp/wfo-merge-dump-XXXXXX");
	close(mkstemp(f->keys_path));
	close(mkstemp(f->dump_path));
	return f;
}

static void fake_free(struct mfake *f)
{
	unlink(f->keys_path);
	unlink(f->dump_path);
	merge_model_free(f->m);
	sv_free(&f->down);
	free(f->message);
	free(f->dump);
	free(f->path);
	free(f);
}

static enum merge_ui_result run(struct mfake *f, const char *size, const char *script)
{
	FILE *fp = fopen(f->keys_path, "w");
	fputs(script, fp);
	fclose(fp);
	fp = fopen(f->dump_path, "w");
	fclose(fp);
	setenv("WFO_UI_KEYS", f->keys_path, 1);
	setenv("WFO_UI_DUMP", f->dump_path, 1);
	setenv("WFO_UI_SIZE", size, 1);
	free(f->path);
	f->path = NULL;
	memset(&f->err, 0, sizeof f->err);
	f->result = merge_ui_run(&f->env, &f->path, &f->upgraded, &f->err);
	free(f->dump);
	f->dump = read_file(f->dump_path, NULL);
	if (!f->dump)
		f->dump = xstrdup("");
	return f->result;
}

static char *screen(const struct mfake *f, int n)
{
	char head[32];
	snprintf(head, sizeof head, "=== screen %d ", n);
	const char *s = strstr(f->dump, head);
	if (!s)
		return xstrdup("");
	s = strchr(s, '\n');
	s = s ? s + 1 : "";
	const char *e = strstr(s, "=== screen ");
	return e ? xstrndup(s, (size_t)(e - s)) : xstrdup(s);
}

/* Two data heads off a common ancestor; both rename resource type age;
 * a2 is applied, b1 is not. */
static const char *const two[] = {
	"s1:::CREATE TABLE t1 (x int)",
	"base::data:INSERT INTO resource_types (resource_type, description) VALUES ('age', 'x')",
	"a1:base::SELECT 1",
	"a2:a1::UPDATE resource_types SET resource_type='user_age' WHERE resource_types.resource_type = 'age'",
	"b1:base::UPDATE resource_types SET resource_type='years' WHERE resource_types.resource_type = 'age'",
	NULL,
};
static const char *const two_rows[] = { "a2", "s1", NULL };

static void graph_of_two_heads(void **state)
{
	struct mfake *f = fake_new(model(two, two_rows));
	assert_int_equal(run(f, "80x24", "<Dump> q"), MERGE_UI_QUIT);
	assert_int_equal(f->writes, 0);
	char *s = screen(f, 1);
	HAS(s, "wfo-migrate · merge · 2 heads on branch data");
	HAS(s, "db nwa:***@localhost/orch");
	HASNT(s, "secret");
	HAS(s, "applied in db: ● yes ○ no");
	HAS(s, "1 Heads ▸ 2 Merge");
	HAS(s, "Heads on branch data: 2, 2 selected");
	HAS(s, "⚠ 1 collision");
	/* the drawing, as git log --graph draws it */
	HAS(s, "\n ● [x] a2  a2 message.");
	HAS(s, "\n ● a1  a1 message.");
	HAS(s, "\n │ ○ [x] b1  b1 message.");
	HAS(s, "\n ├─┘\n");
	HAS(s, "\n ● base  base message. (data) (common ancestor)");
	HAS(s, "2026-11-20");
	HASNT(s, " s1  ");
	HAS(s, "Not merged here (other branches): s1");
	/* the detail pane of the selected head */
	HAS(s, "a2  head 1 of 2, selected  ● applied  branch data");
	HAS(s, "File     migrations/versions/schema/2026-11-20_a2_x.py");
	HAS(s, "Revises  a1; created 2026-11-20");
	HAS(s, "Changes  renames resource type age to user_age");
	HAS(s, "↑↓ move  Space select  Enter SQL  n next  F1 help  F10 quit");
	free(s);
	fake_free(f);
}

static void select_and_sql(void **state)
{
	struct mfake *f = fake_new(model(two, two_rows));
	/* down to b1, its SQL, a search, back; unselect it; n refuses */
	run(f, "80x24", "j j <Dump> <Enter> <Dump> / \"years\" <Enter> <Dump> <Esc> <Space> <Dump> n <Dump> "
		"k <Space> <Dump> q");
	char *s = screen(f, 1);
	HAS(s, "b1  head 2 of 2, selected  ○ not applied  branch data");
	free(s);
	s = screen(f, 2);
	HAS(s, "-- Revision b1: b1 message.");
	HAS(s, "-- Running upgrade base -> b1, b1 message.");
	HAS(s, "UPDATE resource_types SET resource_type='years' WHERE");
	HAS(s, "resource_types.resource_type = 'age';");
	HAS(s, "-- Running downgrade b1 -> base, b1 message.");
	HAS(s, "Esc back");
	HAS(s, "/ search");
	free(s);
	s = screen(f, 4);
	HAS(s, "○ [ ] b1");
	HAS(s, "Heads on branch data: 2, 1 selected");
	HAS(s, "b1 not selected; 1 of 2 heads selected");
	free(s);
	s = screen(f, 5);
	HAS(s, "Select at least two heads (space) to merge them");
	HAS(s, "1 Heads ▸ 2 Merge");
	free(s);
	/* space on a revision that is not a head */
	s = screen(f, 6);
	HAS(s, "Only heads are merged; a1 is below them");
	free(s);
	fake_free(f);
}

static void merge_write_and_apply(void **state)
{
	struct mfake *f = fake_new(model(two, two_rows));
	assert_int_equal(run(f, "80x24", "n <Dump> <Tab> <Enter> <C-u> \"merge age renames\" <Enter> <Dump> "
			     "<Enter> <Dump> y <Dump> <Enter>"), MERGE_UI_WRITTEN);
	char *s = screen(f, 1);
	HAS(s, "1 Heads ✓ ▸ 2 Merge");
	HAS(s, "Merge 2 heads: a2, b1");
	HAS(s, "⚠ both heads rename resource type age (a2 to user_age, b1 to years)");
	HAS(s, "After the merge, upgrade heads runs 2 revisions in this order (3 of the");
	HAS(s, "   1. ○ b1  b1 message.");
	char *merge_line = xasprintf("   2. ○ %.12s  merge heads  (this merge)", f->m->new_id);
	HAS(s, merge_line);
	free(merge_line);
	HAS(s, "[ Write the merge revision ]");
	HAS(s, "Tab field");
	free(s);
	s = screen(f, 2);
	HAS(s, "merge age renames  (this merge)");
	free(s);
	s = screen(f, 3);
	HAS(s, "Apply to the database now?");
	HAS(s, "upgrade heads runs 2 revisions in one");
	HAS(s, "[ Yes, upgrade ]");
	free(s);
	s = screen(f, 4);
	HAS(s, "Database upgraded");
	free(s);
	assert_int_equal(f->writes, 1);
	assert_int_equal(f->down.n, 2);
	assert_string_equal(f->down.v[0], "a2");
	assert_string_equal(f->down.v[1], "b1");
	assert_string_equal(f->message, "merge age renames");
	assert_int_equal(f->upgrades, 1);
	assert_true(f->upgraded);
	assert_non_null(f->path);
	assert_non_null(strstr(f->path, "_merge_heads.py"));
	fake_free(f);
}

/* Ctrl-C while `upgrade heads` runs from the merge screen: asked, stopped,
 * rolled back; the screen says it was stopped, not that it failed. */
static void apply_ctrl_c_stops(void **state)
{
	struct mfake *f = fake_new(model(two, two_rows));
	f->interrupt_at = 3;
	assert_int_equal(run(f, "80x24", "n <Enter> y <Dump> <Enter> <Dump> <Enter> <Dump> q"),
			 MERGE_UI_WRITTEN);
	char *s = screen(f, 1);
	HAS(s, "Stop the upgrade?");
	HAS(s, "Statement 3 of 4 has run; nothing is committed yet.");
	free(s);
	s = screen(f, 2);
	HAS(s, "The upgrade was stopped");
	HAS(s, "Everything it had done was rolled back");
	free(s);
	s = screen(f, 3);
	HAS(s, "The upgrade was stopped; nothing was changed in the database");
	HAS(s, "[ Apply to the database ]");
	free(s);
	assert_int_equal(f->rolled_back, 1);
	assert_false(f->upgraded);
	fake_free(f);
}

static void apply_fails_then_no(void **state)
{
	struct mfake *f = fake_new(model(two, two_rows));
	f->upgrade_failures_left = 1;
	f->write_failures_left = 1;
	/* writing fails once (the dialog says why), then works; "Apply now?"
	 * defaults to No without upgrade_default; yes -> the upgrade fails */
	assert_int_equal(run(f, "80x24", "n <Enter> <Dump> <Enter> <Enter> <Dump> y <Dump> <Enter> <Dump> q"),
			 MERGE_UI_WRITTEN);
	char *s = screen(f, 1);
	HAS(s, "Cannot write the merge revision");
	HAS(s, "Permission denied");
	free(s);
	s = screen(f, 2);
	HAS(s, "Apply to the database now?");
	free(s);
	s = screen(f, 3);
	HAS(s, "The upgrade failed");
	HAS(s, "violates unique constraint");
	HAS(s, "Nothing was changed in the database");
	free(s);
	s = screen(f, 4);
	HAS(s, "[ Apply to the database ]");
	HAS(s, "The upgrade failed; nothing was changed in the database");
	HAS(s, "Written (atomically, never overwriting)");
	free(s);
	assert_int_equal(f->writes, 2);
	assert_int_equal(f->upgrades, 1);
	assert_false(f->upgraded);
	fake_free(f);

	/* "No": written, not applied */
	f = fake_new(model(two, two_rows));
	assert_int_equal(run(f, "80x24", "n <Enter> <Enter>"), MERGE_UI_WRITTEN);
	assert_int_equal(f->upgrades, 0);
	assert_false(f->upgraded);
	fake_free(f);
	/* interrupted: nothing written */
	f = fake_new(model(two, two_rows));
	assert_int_equal(run(f, "80x24", "n <SIGINT>"), MERGE_UI_INTERRUPTED);
	assert_int_equal(f->writes, 0);
	fake_free(f);
}

/* Three heads: one through a merge point, one forking off a branch, one
 * off the root; r is the only common ancestor. */
static const char *const three[] = {
	"r::data:", "x1:r::", "y1:r::", "m1:x1,y1::", "h1:m1::", "h2:x1::", "h3:r::", NULL,
};

static void graph_of_three_heads(void **state)
{
	struct mfake *f = fake_new(model(three, NULL));
	run(f, "80x24", "<Dump> q");
	char *s = screen(f, 1);
	HAS(s, "3 heads on branch data");
	HAS(s, "applied: ? unknown");
	HAS(s, "\n ? [x] h1  h1 message.");
	HAS(s, "\n ? m1  m1 message.");
	HAS(s, "\n ├─┐\n");
	HAS(s, "\n │ ? y1  y1 message.");
	HAS(s, "\n │ │ ? [x] h2  h2 message.");
	HAS(s, "\n ├─┼─┘\n");
	HAS(s, "\n ? │ x1  x1 message.");
	HAS(s, "\n ├─┘\n │ ? [x] h3  h3 message.");
	HAS(s, "h3 message.                                             2026-11-20\n ├─┘\n ? r");
	HAS(s, "\n ? r  r message. (data) (common ancestor)");
	HAS(s, "✓ no collisions found");
	free(s);
	fake_free(f);
}

static void small_terminal_and_resize(void **state)
{
	struct mfake *f = fake_new(model(two, two_rows));
	run(f, "40x10", "<Dump> <Resize 60x16> <Dump> <Resize 120x30> <Dump> q");
	char *s = screen(f, 1);
	HAS(s, "Terminal too small (40x10).");
	free(s);
	s = screen(f, 2);
	HAS(s, "[x] a2");
	free(s);
	s = screen(f, 3);
	/* wide: the file column */
	HAS(s, "2026-11-20_a2_x.py");
	free(s);
	fake_free(f);
}

static void help_lists_keys(void **state)
{
	struct mfake *f = fake_new(model(two, two_rows));
	run(f, "80x30", "<F1> <Dump> <Esc> n ? <Dump> <Esc> q");
	char *s = screen(f, 1);
	HAS(s, "Keys: merge screen, 1 Heads");
	HAS(s, "select or unselect the head");
	HAS(s, "show the revision's SQL");
	free(s);
	s = screen(f, 2);
	HAS(s, "Keys: merge screen, 2 Merge");
	HAS(s, "edit the message / press the button");
	free(s);
	fake_free(f);
}

/* 10,000 revisions: two branches of 4,999 off a base, with a fork and a
 * merge every 500 on the first. */
static struct merge_model *long_model(size_t n)
{
	struct rev_graph *g = rev_graph_new();
	char spec[128];
	add(g, "base::data:");
	size_t half = (n - 1) / 2;
	char prev_a[16] = "base", prev_b[16] = "base";
	for (size_t i = 1; i <= half; i++) {
		char id[16];
		snprintf(id, sizeof id, "a%05zu", i);
		if (i % 500 == 250) {
			/* a fork: s<i> beside a<i>, merged at a<i+1> */
			snprintf(spec, sizeof spec, "s%05zu:%s::", i, prev_a);
			add(g, spec);
		}
		if (i % 500 == 251)
			snprintf(spec, sizeof spec, "%s:%s,s%05zu::", id, prev_a, i - 1);
		else
			snprintf(spec, sizeof spec, "%s:%s::", id, prev_a);
		add(g, spec);
		strcpy(prev_a, id);
		snprintf(id, sizeof id, "b%05zu", i);
		snprintf(spec, sizeof spec, "%s:%s::", id, prev_b);
		add(g, spec);
		strcpy(prev_b, id);
	}
	struct wfo_error err = { 0 };
	if (rev_graph_finish(g, &err) < 0)
		fail_msg("%s", err.msg);
	struct strvec taken = STRVEC_INIT;
	struct merge_model *m = NULL;
	if (merge_model_new(g, NULL, "none", &taken, &m, &err) < 0)
		fail_msg("%s", err.msg);
	sv_free(&taken);
	return m;
}

static void long_history_paging(void **state)
{
	struct merge_model *m = long_model(10000);
	assert_true(m->n >= 9999);
	struct mfake *f = fake_new(m);
	run(f, "80x24", "<Dump> <PgDn> <Dump> <End> <Dump> <Home> <Dump> <Repeat 700> <PgDn> <Dump> q");
	char *s = screen(f, 1);
	HAS(s, "[x] a04999");
	HASNT(s, "[x] b04999");
	free(s);
	s = screen(f, 2);
	HAS(s, " a04989  a04989 message.");
	HAS(s, " 11/");
	free(s);
	s = screen(f, 3);
	HAS(s, " base  base message. (data) (common ancestor)");
	HAS(s, "b00001  b00001 message.");
	HAS(s, "├─┘");
	char *pos = xasprintf(" %zu/%zu\n", m->n, m->n);
	HAS(s, pos);
	free(pos);
	free(s);
	s = screen(f, 4);
	HAS(s, "[x] a04999");
	free(s);
	/* 700 pages of 10 rows on: the second head's branch, on its lane */
	s = screen(f, 5);
	HAS(s, " │ ? b0");
	free(s);
	fake_free(f);
}

/* ---- the lanes alone ---- */

struct gin {
	size_t n;
	const size_t *np;
	const size_t (*p)[3];
};

static size_t g_np(const void *ctx, size_t i)
{
	return ((const struct gin *)ctx)->np[i];
}

static size_t g_p(const void *ctx, size_t i, size_t k)
{
	return ((const struct gin *)ctx)->p[i][k];
}

static char *lanes_text(const struct gin *in, bool utf8)
{
	struct graph gr;
	struct graph_input gi = { in->n, g_np, g_p, in };
	graph_layout(&gi, &gr);
	struct strbuf sb = STRBUF_INIT;
	for (size_t r = 0; r < gr.nrows; r++) {
		struct strbuf line = STRBUF_INIT;
		graph_render(&gr, r, "*", utf8, 80, &line);
		size_t len = line.len;
		while (len && line.buf[len - 1] == ' ')
			len--;
		sb_addn(&sb, line.buf ? line.buf : "", len);
		sb_add(&sb, "\n");
		sb_free(&line);
	}
	graph_free(&gr);
	return sb_detach(&sb);
}

static void lanes(void **state)
{
	/* 0 merges 1 and 2; 1 and 2 both come from 3; 4 is a separate head on 3 */
	static const size_t np[] = { 2, 1, 1, 0 };
	static const size_t p[][3] = { { 1, 2 }, { 3 }, { 3 }, { 0 } };
	struct gin in = { 4, np, p };
	char *t = lanes_text(&in, true);
	assert_string_equal(t, "*\n├─┐\n* │\n│ *\n├─┘\n*\n");
	free(t);
	t = lanes_text(&in, false);
	assert_string_equal(t, "*\n+-+\n* |\n| *\n+-+\n*\n");
	free(t);
	/* two heads on one parent, a third without shown parents */
	static const size_t np2[] = { 1, 1, 0, 0 };
	static const size_t p2[][3] = { { 3 }, { 3 }, { 0 }, { 0 } };
	struct gin in2 = { 4, np2, p2 };
	t = lanes_text(&in2, true);
	assert_string_equal(t, "*\n│ *\n├─┘\n│ *\n*\n");
	free(t);
	/* a parent that is not shown (index out of range) ends the lane */
	static const size_t np3[] = { 1, 0 };
	static const size_t p3[][3] = { { 9 }, { 0 } };
	struct gin in3 = { 2, np3, p3 };
	t = lanes_text(&in3, true);
	assert_string_equal(t, "*\n*\n");
	free(t);
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	unsetenv("NO_COLOR");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(lanes),
		cmocka_unit_test(graph_of_two_heads),
		cmocka_unit_test(select_and_sql),
		cmocka_unit_test(merge_write_and_apply),
		cmocka_unit_test(apply_fails_then_no),
		cmocka_unit_test(apply_ctrl_c_stops),
		cmocka_unit_test(graph_of_three_heads),
		cmocka_unit_test(small_terminal_and_resize),
		cmocka_unit_test(help_lists_keys),
		cmocka_unit_test(long_history_paging),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
