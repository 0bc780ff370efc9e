/* tui_keys - microseconds per keystroke of the wizard's Differences screen
 * paging through 10,000 differences, headless (a key script, curses output
 * to /dev/null): the redraw must cost what the screen shows, not what the
 * catalogue holds. Prints one line. With --check (make check) it fails
 * when a keystroke costs much more with 10,000 differences than with
 * 1,000: a ratio, so a slow or busy machine does not fail it. */
#include "config.h"

#include <locale.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "catalog.h"
#include "diff.h"
#include "plan.h"
#include "wizard.h"

#define ITEMS 10000
#define KEYS 2000

static double now_us(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e6 + (double)ts.tv_nsec / 1e3;
}

static int no_write(void *ctx, const char *message, char **path_out, struct wfo_error *err)
{
	return wfo_fail(err, WFO_INTERNAL, "the benchmark writes nothing");
}

/* Runs the wizard on a script; returns the elapsed microseconds. */
static double run(struct wizard_env *e, const char *path, const char *script)
{
	FILE *fp = fopen(path, "w");
	fputs(script, fp);
	fclose(fp);
	struct wfo_error err;
	double t0 = now_us();
	wizard_run(e, NULL, &err);
	return now_us() - t0;
}

/* Microseconds per keystroke on a list of items products to create (the
 * best of three runs, less the fixed cost of opening and closing). */
static double per_key(int items, int keys)
{
	struct dm_catalog *model = dm_catalog_new(), *db = dm_catalog_new();
	char name[64];
	struct dm_block *b = dm_add_block(model, "B", NULL, NULL);
	dm_block_add_resource_type(b, "r");
	dm_add_resource_type(model, "r", NULL);
	for (int i = 0; i < items; i++) {
		snprintf(name, sizeof name, "Product %05d", i);
		struct dm_product *p = cat_push_product(model, name, "P", NULL, NULL);
		dm_product_add_block(p, "B");
	}
	struct diff d = DIFF_INIT;
	struct wfo_error err;
	diff_compute(model, db, NULL, &d, &err);
	struct plan *pl = plan_new(model, db, &d);
	struct wizard_env e = {
		.message = "bench", .database = "postgresql://bench@localhost/bench", .models = "bench",
		.head = "none", .write_dir = ".", .revision_id = "0", .revises = "None", .branch = "data",
		.model = model, .db = db, .diff = &d, .plan = pl, .write = no_write,
	};
	char path[] = "/tmp/wfo-tui-bench-XXXXXX";
	int fd = mkstemp(path);
	if (fd < 0) {
		perror(path);
		exit(2);
	}
	close(fd);
	setenv("WFO_UI_KEYS", path, 1);
	setenv("WFO_UI_SIZE", "80x24", 1);
	/* the products group open, then PgDn and j through it, back to the
	 * top every 80 keys (about 650 rows: inside the smaller list too) */
	char *script = malloc(64 + (size_t)keys * 8), *sp = script;
	sp += sprintf(sp, "<Right>\n");
	for (int i = 0; i < keys; i++)
		sp += sprintf(sp, "%s\n", i % 80 == 79 ? "<Home>" : i % 4 == 3 ? "j" : "<PgDn>");
	sprintf(sp, "q\n");
	double best = -1;
	for (int r = 0; r < 3; r++) {
		double base = run(&e, path, "<Right> q");
		double per = (run(&e, path, script) - base) / keys;
		if (best < 0 || per < best)
			best = per;
	}
	unlink(path);
	free(script);
	plan_free(pl);
	diff_free(&d);
	dm_catalog_free(model);
	dm_catalog_free(db);
	return best;
}

int main(int argc, char **argv)
{
	setlocale(LC_ALL, "C.UTF-8");
	bool check = argc > 1 && !strcmp(argv[1], "--check");
	double small = per_key(ITEMS / 10, KEYS), big = per_key(ITEMS, KEYS);
	printf("tui_keys: %d differences, %d keystrokes (PgDn and j): %.1f us per keystroke "
	       "(%.1f us with %d differences)\n", ITEMS + 3, KEYS, big, small, ITEMS / 10 + 3);
	if (check && big > 4 * small + 50) {
		printf("tui_keys: FAILED - a keystroke costs %.1fx more with 10x the differences: "
		       "the redraw depends on the catalogue\n", big / small);
		return 1;
	}
	return 0;
}
