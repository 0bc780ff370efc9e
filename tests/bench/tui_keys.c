/* tui_keys - microseconds per keystroke of the wizard's Differences screen
 * paging through 10,000 differences, headless (a key script, curses output
 * to /dev/null): the redraw must cost what the screen shows, not what the
 * catalogue holds. Prints one line; exits 1 above the limit given as the
 * first argument (microseconds, default: no limit). */
#include "config.h"

#include <locale.h>
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
#define KEYS 4000

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

int main(int argc, char **argv)
{
	setlocale(LC_ALL, "C.UTF-8");
	double limit = argc > 1 ? atof(argv[1]) : 0;
	struct dm_catalog *model = dm_catalog_new(), *db = dm_catalog_new();
	char name[64];
	/* 10,000 products to create, one block, and the items of one group open */
	struct dm_block *b = dm_add_block(model, "B", NULL, NULL);
	dm_block_add_resource_type(b, "r");
	dm_add_resource_type(model, "r", NULL);
	for (int i = 0; i < ITEMS; i++) {
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
	if (fd < 0)
		return 2;
	close(fd);
	setenv("WFO_UI_KEYS", path, 1);
	setenv("WFO_UI_SIZE", "80x24", 1);
	/* the fixed cost: open, build the tree, first frame, close */
	double base = run(&e, path, "<Right> q");
	/* PgDn and j through the list, back to the top every 800 keys (the
	 * list holds about 900 pages) */
	char *script = malloc(64 + (size_t)KEYS * 8), *sp = script;
	sp += sprintf(sp, "<Right>\n");
	for (int i = 0; i < KEYS; i++)
		sp += sprintf(sp, "%s\n", i % 800 == 799 ? "<Home>" : i % 4 == 3 ? "j" : "<PgDn>");
	sprintf(sp, "q\n");
	double total = run(&e, path, script);
	double per = (total - base) / KEYS;
	printf("tui_keys: %d differences, %d keystrokes (PgDn and j), %.1f us per keystroke (fixed cost %.0f us)\n",
	       ITEMS + 3, KEYS, per, base);
	unlink(path);
	free(script);
	plan_free(pl);
	diff_free(&d);
	dm_catalog_free(model);
	dm_catalog_free(db);
	return limit > 0 && per > limit ? 1 : 0;
}
