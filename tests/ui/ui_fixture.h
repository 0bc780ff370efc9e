/* ui_fixture.h - a fake wizard_env for the headless wizard tests: small
 * catalogues built in C (the tutorial's models, a rename, a deletion), a
 * diff and a plan, fake write / upgrade callbacks that record what they
 * were asked, and a runner that feeds a key script and collects the screen
 * dumps. No terminal, no database. Static functions only. */
#ifndef WFO_UI_FIXTURE_H
#define WFO_UI_FIXTURE_H

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../unit/engine_fixture.h"
#include "wizard.h"

struct fake {
	struct wizard_env env;
	struct dm_catalog *model, *db;
	struct diff diff;
	int writes, write_failures_left;
	char *written_message;
	int upgrades, upgrade_failures_left;
	size_t progress_calls, progress_total;
	/* a signal (interrupt_sig) arriving while statement interrupt_at of 3
	 * runs (4: while the COMMIT runs, after the last one); 0: none */
	int interrupt_at, interrupt_sig;
	int rolled_back;  /* the upgrade was stopped by progress() */
	int dry_runs, dry_result;   /* what fake_dry_run returns: 0, 1 or -1 */
	char dump_path[64], keys_path[64];
	char *dump;       /* every <Dump> of the last run */
	char *path;       /* path_out of the last run */
	enum wizard_result result;
	struct wfo_error err;
};

static int fake_write(void *ctx, const char *message, char **path_out, struct wfo_error *err)
{
	struct fake *f = ctx;
	f->writes++;
	if (f->write_failures_left > 0) {
		f->write_failures_left--;
		return wfo_fail(err, WFO_IO, "/tmp/versions/2026-12-01_abc_x.py: already exists");
	}
	free(f->written_message);
	f->written_message = xstrdup(message);
	*path_out = xasprintf("/tmp/versions/2026-12-01_4c2a91e0b7d1_%s.py", message);
	return 0;
}

static int fake_upgrade(void *ctx, wizard_progress_fn progress, void *ui, char **head_out,
			struct wfo_error *err)
{
	struct fake *f = ctx;
	f->upgrades++;
	for (size_t i = 1; i <= 3; i++) {
		if (f->interrupt_at == (int)i)
			raise(f->interrupt_sig);
		int stop = progress(ui, i, 3, "INSERT INTO products ...");
		f->progress_calls++;
		f->progress_total = 3;
		if (stop) {
			f->rolled_back++;
			return wfo_fail(err, WFO_ABORTED, "interrupted: the upgrade was stopped and "
					"everything was rolled back; the database is unchanged");
		}
	}
	if (f->interrupt_at == 4)
		raise(f->interrupt_sig);
	if (f->upgrade_failures_left > 0) {
		f->upgrade_failures_left--;
		return wfo_fail(err, WFO_DB, "statement 2 of 3: ERROR: duplicate key value violates unique constraint");
	}
	*head_out = xstrdup("4c2a91e0b7d1");
	return 0;
}

static int fake_dry_run(void *ctx, char **report_out, struct wfo_error *err)
{
	struct fake *f = ctx;
	f->dry_runs++;
	if (f->dry_result < 0) {
		*report_out = xstrdup("Upgrade: 1 of 2 statements ran\nThe upgrade fails; nothing was changed:\n"
				      "upgrade statement 2 of 2: statement failed: UPDATE x\nERROR:  boom\n");
		return wfo_fail(err, WFO_DB, "upgrade statement 2 of 2: statement failed: UPDATE x ERROR:  boom");
	}
	*report_out = xasprintf("Upgrade: 2 of 2 statements ran\n    1       7 rows  DELETE FROM values\n"
				"Verdict: %s\n", f->dry_result ? "NOT as it was; instance value: 7 rows"
								 : "the catalogue is as it was");
	return f->dry_result;
}

/* Takes both catalogues. */
static struct fake *fake_new(struct dm_catalog *model, struct dm_catalog *db)
{
	struct fake *f = xcalloc(1, sizeof *f);
	struct wfo_error err;
	f->model = model;
	f->db = db;
	diff_compute(model, db, NULL, &f->diff, &err);
	struct wizard_env *e = &f->env;
	e->message = "Add User and UserGroup products";
	e->database = "postgresql://nwa:secret@localhost/orchestrator-core";
	e->models = "./products";
	e->head = "9a31b6bf3e85";
	e->write_dir = "migrations/versions/schema";
	e->revision_id = "4c2a91e0b7d1";
	e->revises = "9a31b6bf3e85";
	e->branch = "data";
	e->model = model;
	e->db = db;
	e->diff = &f->diff;
	e->plan = plan_new(model, db, &f->diff);
	e->write = fake_write;
	e->upgrade = fake_upgrade;
	e->dry_run = fake_dry_run;
	e->ctx = f;
	snprintf(f->dump_path, sizeof f->dump_path, "/tmp/wfo-ui-dump-XXXXXX");
	int fd = mkstemp(f->dump_path);
	if (fd >= 0)
		close(fd);
	snprintf(f->keys_path, sizeof f->keys_path, "/tmp/wfo-ui-keys-XXXXXX");
	fd = mkstemp(f->keys_path);
	if (fd >= 0)
		close(fd);
	return f;
}

static void fake_free(struct fake *f)
{
	plan_free(f->env.plan);
	diff_free(&f->diff);
	dm_catalog_free(f->model);
	dm_catalog_free(f->db);
	unlink(f->dump_path);
	unlink(f->keys_path);
	free(f->written_message);
	free(f->dump);
	free(f->path);
	free(f);
}

/* Runs the wizard on the key script at the size "COLSxROWS". */
static enum wizard_result fake_run(struct fake *f, const char *size, const char *script)
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
	f->result = wizard_run(&f->env, &f->path, &f->err);
	free(f->dump);
	f->dump = read_file(f->dump_path, NULL);
	if (!f->dump)
		f->dump = xstrdup("");
	return f->result;
}

/* The n-th dump (1-based) as a heap string, "" when there is none. */
static char *fake_screen(const struct fake *f, int n)
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

/* Index of the first question of kind k about subject (and subject2), or PLAN_NONE. */
static size_t fake_q(const struct fake *f, enum plan_kind k, const char *subject, const char *subject2)
{
	const struct plan *p = f->env.plan;
	for (size_t i = 0; i < plan_count(p); i++) {
		const struct plan_question *q = plan_question(p, i);
		if (q->kind == k && (!subject || (q->subject && !strcmp(q->subject, subject))) &&
		    (!subject2 || (q->subject2 && !strcmp(q->subject2, subject2))))
			return i;
	}
	return PLAN_NONE;
}

/* The tutorial's models against an empty database. */
static struct fake *fake_seed(void)
{
	return fake_new(fx_seed_model(), dm_catalog_new());
}

/* age renamed to user_age in the models; the database has 4 instances of
 * UserBlock and 7 values of age. */
static struct fake *fake_rename(void)
{
	struct dm_catalog *m = fx_seed_model();
	struct dm_block *ub = dm_find_block(m, "UserBlock");
	for (size_t i = 0; i < ub->resource_types.n; i++)
		if (!strcmp(ub->resource_types.v[i], "age")) {
			free(ub->resource_types.v[i]);
			ub->resource_types.v[i] = xstrdup("user_age");
		}
	struct dm_resource_type *age = dm_find_resource_type(m, "age");
	free(age->name);
	age->name = xstrdup("user_age");
	struct dm_catalog *db = fx_seed_db(2, 4);
	dm_find_resource_type(db, "age")->values = 7;
	return fake_new(m, db);
}

/* As fake_rename, and username renamed to login too: two rename
 * questions (age: 7 values, username: 3 values). */
static struct fake *fake_rename2(void)
{
	struct dm_catalog *m = fx_seed_model();
	struct dm_block *ub = dm_find_block(m, "UserBlock");
	for (size_t i = 0; i < ub->resource_types.n; i++) {
		const char *to = !strcmp(ub->resource_types.v[i], "age") ? "user_age"
			: !strcmp(ub->resource_types.v[i], "username") ? "login" : NULL;
		if (to) {
			free(ub->resource_types.v[i]);
			ub->resource_types.v[i] = xstrdup(to);
		}
	}
	struct dm_resource_type *rt = dm_find_resource_type(m, "age");
	free(rt->name);
	rt->name = xstrdup("user_age");
	rt = dm_find_resource_type(m, "username");
	free(rt->name);
	rt->name = xstrdup("login");
	struct dm_catalog *db = fx_seed_db(2, 4);
	dm_find_resource_type(db, "age")->values = 7;
	dm_find_resource_type(db, "username")->values = 3;
	return fake_new(m, db);
}

/* The database also has the product Legacy (12 subscriptions). */
static struct fake *fake_delete(void)
{
	struct dm_catalog *db = fx_seed_db(3, 5);
	struct dm_product *p = dm_add_product(db, "Legacy", "Legacy", "old", "LEG");
	p->subscriptions = 12;
	return fake_new(fx_seed_model(), db);
}

#endif
