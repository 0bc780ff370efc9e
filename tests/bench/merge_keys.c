/* merge_keys - microseconds per keystroke of the merge screen paging
 * through the graph of 10,000 revisions (two heads of about 5,000
 * revisions each, with a fork and a merge every 250), headless (a key
 * script, curses output to /dev/null). Each key redraws the whole frame;
 * the graph's lanes are laid out once, so a key must cost what the screen
 * shows, not what the history holds. Prints one line. With --check (make
 * check) it fails when a keystroke costs much more with 10,000 revisions
 * than with 1,000, or more than 5 ms (the target is under 1 ms). */
#include "config.h"

#include <locale.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "merge.h"
#include "merge_ui.h"
#include "revgraph.h"
#include "util.h"

#define KEYS 2000

static double now_us(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e6 + (double)ts.tv_nsec / 1e3;
}

static void die(const char *what)
{
	fprintf(stderr, "merge_keys: %s\n", what);
	exit(2);
}

static void add(struct rev_graph *g, const char *id, const char *down)
{
	char *text = xasprintf("\"\"\"Revision %s.\n\nCreate Date: 2026-11-20 10:00:00\n\"\"\"\n"
			       "revision = '%s'\ndown_revision = %s\nbranch_labels = %s\n"
			       "depends_on = None\n\ndef upgrade():\n    op.execute(\"UPDATE products SET "
			       "description = 'x' WHERE name = 'P%s'\")\n\ndef downgrade():\n    pass\n",
			       id, id, down, strcmp(id, "base") ? "None" : "('data',)", id);
	char *path = xasprintf("migrations/versions/schema/2026-11-20_%s_revision.py", id);
	struct revision *r = NULL;
	struct wfo_error err = { 0 };
	if (rev_parse_buffer(path, text, strlen(text), &r, &err) < 0 || rev_graph_add(g, r, &err) < 0)
		die(err.msg);
	free(text);
	free(path);
}

static struct merge_model *history(size_t n)
{
	struct rev_graph *g = rev_graph_new();
	add(g, "base", "None");
	char prev_a[32] = "base", prev_b[32] = "base", id[32], down[96];
	for (size_t i = 1; 2 * i < n; i++) {
		snprintf(id, sizeof id, "a%05zu", i);
		if (i % 250 == 100) {
			char s[32];
			snprintf(s, sizeof s, "s%05zu", i);
			snprintf(down, sizeof down, "'%s'", prev_a);
			add(g, s, down);
		}
		if (i % 250 == 101)
			snprintf(down, sizeof down, "('%s', 's%05zu')", prev_a, i - 1);
		else
			snprintf(down, sizeof down, "'%s'", prev_a);
		add(g, id, down);
		strcpy(prev_a, id);
		snprintf(id, sizeof id, "b%05zu", i);
		snprintf(down, sizeof down, "'%s'", prev_b);
		add(g, id, down);
		strcpy(prev_b, id);
	}
	struct wfo_error err = { 0 };
	if (rev_graph_finish(g, &err) < 0)
		die(err.msg);
	struct strvec taken = STRVEC_INIT;
	struct merge_model *m = NULL;
	if (merge_model_new(g, NULL, "benchmark", &taken, &m, &err) < 0)
		die(err.msg);
	sv_free(&taken);
	return m;
}

static int no_write(void *ctx, const struct strvec *down, const char *message, char **path,
		    struct wfo_error *err)
{
	return wfo_fail(err, WFO_INTERNAL, "the benchmark writes nothing");
}

static double run(struct merge_ui_env *e, const char *path, const char *script)
{
	FILE *fp = fopen(path, "w");
	if (!fp)
		die(path);
	fputs(script, fp);
	fclose(fp);
	struct wfo_error err;
	double t0 = now_us();
	merge_ui_run(e, NULL, NULL, &err);
	return now_us() - t0;
}

/* Microseconds per keystroke (the best of three runs, less the cost of
 * opening and closing); *rows gets the revisions drawn. */
static double per_key(size_t revisions, size_t *rows)
{
	struct merge_model *m = history(revisions);
	*rows = m->n;
	struct merge_ui_env e = {
		.model = m, .command = "merge", .database = "postgresql://bench@localhost/bench",
		.write_dir = ".", .message = "merge heads", .write = no_write,
	};
	char path[] = "/tmp/wfo-merge-bench-XXXXXX";
	int fd = mkstemp(path);
	if (fd < 0)
		die(path);
	close(fd);
	setenv("WFO_UI_KEYS", path, 1);
	setenv("WFO_UI_SIZE", "80x24", 1);
	unsetenv("WFO_UI_DUMP");
	/* PgDn, j and k through the graph (it redraws the detail pane with
	 * what each revision changes), End and Home every 200 keys */
	char *script = xmalloc(16 + (size_t)KEYS * 8), *sp = script;
	for (int i = 0; i < KEYS; i++)
		sp += sprintf(sp, "%s\n", i % 200 == 199 ? "<Home>" : i % 200 == 99 ? "<End>" :
			      i % 4 == 3 ? "j" : i % 4 == 2 ? "k" : "<PgDn>");
	sprintf(sp, "q\n");
	double best = -1;
	for (int r = 0; r < 3; r++) {
		double base = run(&e, path, "q");
		double per = (run(&e, path, script) - base) / KEYS;
		if (best < 0 || per < best)
			best = per;
	}
	unlink(path);
	free(script);
	merge_model_free(m);
	return best;
}

int main(int argc, char **argv)
{
	setlocale(LC_ALL, "C.UTF-8");
	bool check = argc > 1 && !strcmp(argv[1], "--check");
	size_t small_rows, big_rows;
	double small = per_key(1000, &small_rows), big = per_key(10000, &big_rows);
	printf("merge_keys: %zu revisions in the graph, %d keystrokes (PgDn, j, k, End, Home): "
	       "%.1f us per keystroke (%.1f us with %zu revisions)\n", big_rows, KEYS, big, small,
	       small_rows);
	if (check && big > 4 * small + 50) {
		printf("merge_keys: FAILED - a keystroke costs %.1fx more with 10x the revisions: the "
		       "redraw depends on the history\n", big / small);
		return 1;
	}
	if (check && big > 5000) {
		printf("merge_keys: FAILED - %.1f us per keystroke (the target is under 1 ms)\n", big);
		return 1;
	}
	return 0;
}
