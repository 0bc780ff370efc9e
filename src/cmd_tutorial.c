/* cmd_tutorial.c - `wfo-migrate tutorial`: guided lessons (data/tutorial/
 * N-name.yaml, tutorial_lesson.h) on a private PostgreSQL that it starts
 * and stops itself (pgprivate.h) unless a database is given.
 *
 * The tutorial runs the real commands: each wizard, browser or command of a
 * lesson is `wfo-migrate ...` run as a child process in the tutorial's
 * folder ($XDG_STATE_HOME/wfo-migrate/tutorial: alembic.ini, migrations/);
 * the wizard's children get the lesson panel through WFO_TUTORIAL_LESSON
 * and WFO_TUTORIAL_STEP (tutorial_wizard.h). Between them the tutorial
 * shows its own pages (ui/lesson_page.c).
 *
 * On the private database each lesson starts from a known state: the
 * database is made afresh and the lessons before it are replayed without
 * questions (their answers are in the lesson files). Ctrl-C, SIGTERM and
 * SIGHUP end the tutorial; the server is stopped on every way out. */
#include "config.h"
#include "commands.h"

#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <getopt.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cli_common.h"
#include "datadir.h"
#include "db.h"
#include "lesson_page.h"
#include "pgprivate.h"
#include "pguri.h"
#include "revgraph.h"
#include "revision.h"
#include "tutorial_lesson.h"
#include "tutorial_progress.h"
#include "util.h"
#include "wfo_error.h"
#include "wizard.h"

static volatile sig_atomic_t got_signal;

static void on_signal(int sig)
{
	got_signal = sig;
}

struct tut {
	struct tut_lesson **ls;
	size_t nl;
	char *state, *workdir, *progress_path, *schema;
	struct tut_progress prog;
	struct pgp pg;
	bool private_db;
	char *uri, *db_display;
	char self[4096];
	pid_t child;
};

static void tutorial_usage(FILE *out)
{
	fprintf(out,
		"Usage: wfo-migrate tutorial [N] [--list] [--reset] [--database-uri URI]\n"
		"Learn domain-model migrations in guided lessons: the full-screen wizard with a\n"
		"lesson panel, the catalogue browser, upgrade, heads and merges, downgrade.\n"
		"Without --database-uri or DATABASE_URI the lessons run on a private\n"
		"PostgreSQL cluster in $XDG_STATE_HOME/wfo-migrate (default\n"
		"~/.local/state/wfo-migrate), started and stopped by the tutorial; each lesson\n"
		"then starts from a fresh catalogue with the lessons before it applied.\n\n"
		"  N                    run lesson N (default: the first one not completed)\n"
		"      --list           list the lessons and the progress, and exit\n"
		"      --reset          forget the progress, the tutorial's revisions and its\n"
		"                       private database\n"
		"      --database-uri URI  run the lessons on this database instead (nothing\n"
		"                       is reset or replayed there)\n"
		"  -h, --help           show this help\n"
		"Progress is kept in $XDG_STATE_HOME/wfo-migrate/tutorial.json.\n");
}

/* ---- child processes: the real commands ---- */

/* Runs `wfo-migrate args...` in the tutorial's folder. terminal: the child
 * has the terminal (wizard, browser); else its output is collected in *out.
 * lesson/step: the wizard's lesson panel. Returns the exit status, 128+N
 * when killed by signal N, -1 when it could not run. */
static int run_child(struct tut *t, const struct strvec *args, bool terminal, char **out,
		     const char *lesson, int step)
{
	int fds[2] = { -1, -1 };
	if (!terminal && pipe(fds) < 0)
		return -1;
	fflush(NULL);
	pid_t pid = fork();
	if (pid < 0)
		return -1;
	if (pid == 0) {
		signal(SIGINT, SIG_DFL);
		signal(SIGTERM, SIG_DFL);
		signal(SIGHUP, SIG_DFL);
		signal(SIGPIPE, SIG_DFL);
		if (!terminal) {
			int null = open("/dev/null", O_RDONLY);
			if (null >= 0)
				dup2(null, 0);
			dup2(fds[1], 1);
			dup2(fds[1], 2);
			close(fds[0]);
			close(fds[1]);
			setenv("NO_COLOR", "1", 1);
		}
		if (chdir(t->workdir) < 0)
			_exit(127);
		setenv("DATABASE_URI", t->uri, 1);
		if (lesson) {
			char n[16];
			snprintf(n, sizeof n, "%d", step);
			setenv("WFO_TUTORIAL_LESSON", lesson, 1);
			setenv("WFO_TUTORIAL_STEP", n, 1);
		}
		char **argv = xcalloc(args->n + 2, sizeof *argv);
		argv[0] = t->self;
		for (size_t i = 0; i < args->n; i++)
			argv[i + 1] = args->v[i];
		execv(t->self, argv);
		_exit(127);
	}
	t->child = pid;
	struct strbuf sb = STRBUF_INIT;
	if (!terminal) {
		close(fds[1]);
		char buf[4096];
		for (;;) {
			ssize_t n = read(fds[0], buf, sizeof buf);
			if (n > 0) {
				sb_addn(&sb, buf, (size_t)n);
			} else if (n < 0 && errno == EINTR) {
				if (got_signal && got_signal != SIGINT)
					kill(pid, got_signal);
			} else {
				break;
			}
		}
		close(fds[0]);
	}
	int st = 0;
	bool forwarded = false;
	while (waitpid(pid, &st, 0) < 0) {
		if (errno != EINTR)
			break;
		/* SIGTERM / SIGHUP to the tutorial alone: pass it on (Ctrl-C
		 * reached the child from the terminal already) */
		if (got_signal && got_signal != SIGINT && !forwarded) {
			kill(pid, got_signal);
			forwarded = true;
		}
	}
	t->child = 0;
	if (out)
		*out = sb_detach(&sb);
	else
		sb_free(&sb);
	if (WIFSIGNALED(st))
		return 128 + WTERMSIG(st);
	return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

static int run_args(struct tut *t, bool terminal, char **out, const char *a0, ...)
{
	struct strvec v = STRVEC_INIT;
	va_list ap;
	va_start(ap, a0);
	for (const char *a = a0; a; a = va_arg(ap, const char *))
		sv_push(&v, a);
	va_end(ap);
	int rc = run_child(t, &v, terminal, out, NULL, 0);
	sv_free(&v);
	return rc;
}

/* "{rev:MESSAGE}" in a lesson's command: the id of the tutorial's
 * revision with that message (lessons cannot know the ids). Other
 * arguments are copied. 0, or -1 with err. */
static int expand_args(struct tut *t, const struct strvec *in, struct strvec *out, struct wfo_error *err)
{
	struct rev_graph *g = NULL;
	int rc = 0;
	for (size_t i = 0; i < in->n && rc == 0; i++) {
		const char *a = in->v[i];
		size_t n = strlen(a);
		if (strncmp(a, "{rev:", 5) || n < 6 || a[n - 1] != '}') {
			sv_push(out, a);
			continue;
		}
		char *msg = xstrndup(a + 5, n - 6);
		if (!g) {
			struct cli_common cc = CLI_COMMON_INIT;
			char *mig = xasprintf("%s/migrations", t->workdir);
			cli_common_option(&cc, CLI_OPT_MIGRATIONS, mig);
			free(mig);
			if (cli_common_finish(&cc, err) < 0 || cli_load_graph_headers(&cc, &g, err) < 0)
				rc = -1;
			cli_common_free(&cc);
		}
		const char *id = NULL;
		for (size_t k = 0; rc == 0 && k < rev_graph_size(g); k++) {
			const struct revision *r = rev_graph_get(g, k);
			/* the docstring is the message and a full stop */
			size_t dl = r->doc ? strlen(r->doc) : 0, ml = strlen(msg);
			if (dl && !strncmp(r->doc, msg, ml) && (dl == ml || (dl == ml + 1 && r->doc[ml] == '.')))
				id = r->id;
		}
		if (rc == 0 && !id)
			rc = wfo_fail(err, WFO_INPUT, "no revision of the tutorial has the message '%s'", msg);
		else if (rc == 0)
			sv_push(out, id);
		free(msg);
	}
	if (g)
		rev_graph_free(g);
	return rc;
}

/* ---- the tutorial's folder and database ---- */

static int rm_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	return remove(path) < 0 && errno != ENOENT ? -1 : 0;
}

static void rm_tree(const char *path)
{
	if (access(path, F_OK) == 0)
		nftw(path, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
}

/* alembic.ini and migrations/ in the tutorial's folder (wfo-migrate init). */
static int ensure_workdir(struct tut *t, bool fresh, struct wfo_error *err)
{
	char *ini = xasprintf("%s/alembic.ini", t->workdir), *mig = xasprintf("%s/migrations", t->workdir);
	if (fresh) {
		unlink(ini);
		rm_tree(mig);
	}
	int rc = 0;
	mkdir(t->state, 0755);   /* may exist; the next mkdir reports a problem */
	if (mkdir(t->workdir, 0755) < 0 && errno != EEXIST) {
		rc = wfo_fail(err, WFO_IO, "cannot create %s: %s", t->workdir, strerror(errno));
	} else if (access(ini, F_OK) != 0) {
		char *out = NULL;
		int code = run_args(t, false, &out, "init", NULL);
		if (code != 0)
			rc = wfo_fail(err, WFO_IO, "wfo-migrate init in %s failed (exit %d):\n%s", t->workdir,
				      code, out ? out : "");
		free(out);
	}
	free(ini);
	free(mig);
	return rc;
}

static int run_sql_file(struct tut *t, const char *file, struct wfo_error *err)
{
	char *sql = read_file(file, NULL);
	if (!sql)
		return wfo_fail(err, WFO_IO, "cannot read %s", file);
	PGconn *c;
	int rc = db_connect(t->uri, &c, err);
	if (rc == 0) {
		if (db_begin(c, err) < 0 || db_exec(c, file, sql, NULL, err) < 0 || db_commit(c, err) < 0)
			rc = -1;
		db_close(c);
	}
	free(sql);
	return rc;
}

/* The arguments of a wizard step run without questions (replays). */
static void wizard_args(const struct tut_step *s, struct strvec *v)
{
	sv_push(v, "migrate-domain-models");
	sv_push(v, s->message);
	sv_push(v, "--models");
	sv_push(v, s->models);
	if (s->inputs_json) {
		sv_push(v, "--inputs");
		sv_push(v, s->inputs_json);
	}
	if (s->updates_json) {
		sv_push(v, "--updates");
		sv_push(v, s->updates_json);
	}
	sv_push(v, "--yes");
	sv_push(v, "--no-tui");
	sv_push(v, "--upgrade");
}

/* Does what a step does to the database and the revisions, asking
 * nothing: for the lessons before the one that is run. */
static int replay_step(struct tut *t, const struct tut_lesson *l, const struct tut_step *s,
		       struct wfo_error *err)
{
	struct strvec v = STRVEC_INIT;
	switch (s->kind) {
	case TK_WIZARD:
		wizard_args(s, &v);
		break;
	case TK_RUN:
		if (s->fails)
			return 0;
		if (expand_args(t, &s->command, &v, err) < 0) {
			sv_free(&v);
			return -1;
		}
		break;
	case TK_MERGE:
		sv_push(&v, "merge");
		sv_push(&v, "-m");
		sv_push(&v, s->message);
		break;
	case TK_SQL:
		return run_sql_file(t, s->sql, err);
	default:
		return 0;
	}
	char *out = NULL;
	int code = run_child(t, &v, false, &out, NULL, 0);
	int rc = 0;
	if (code != 0)
		rc = wfo_fail(err, code == 7 || got_signal ? WFO_ABORTED : WFO_INTERNAL,
			      "replaying lesson %d (%s:%d) failed (exit %d):\n%s", l->number, l->file,
			      s->line, code, out ? out : "");
	free(out);
	sv_free(&v);
	return rc;
}

/* Lesson n starts from a fresh catalogue with lessons 1..n-1 applied. */
static int prepare_lesson(struct tut *t, int n, struct wfo_error *err)
{
	if (!t->private_db)
		return ensure_workdir(t, false, err);
	if (pgp_reset_db(&t->pg, t->schema, err) < 0 || ensure_workdir(t, true, err) < 0)
		return -1;
	for (int k = 0; k + 1 < n; k++)
		for (size_t i = 0; i < t->ls[k]->n; i++)
			if (replay_step(t, t->ls[k], &t->ls[k]->steps[i], err) < 0)
				return -1;
	return 0;
}

/* ---- a lesson, page by page ---- */

enum flow { F_NEXT, F_BACK, F_QUIT, F_INTERRUPTED, F_ERROR };

static enum flow page(struct tut *t, const struct tut_lesson *l, size_t i, const char *title,
		      const char *text, const char *output, const char *enter, struct wfo_error *err)
{
	const struct tut_step *s = &l->steps[i];
	char *lesson = xasprintf("Lesson %d: %s", l->number, l->title);
	struct lesson_page p = {
		.lesson = lesson, .database = t->db_display, .step = (int)i + 1, .nsteps = (int)l->n,
		.title = title ? title : s->title, .text = text, .output = output,
		.question = s->kind == TK_QUIZ && !output ? s->question : NULL,
		.answer = s->answer, .hint = s->hint, .enter = enter,
	};
	enum lesson_page_result r = lesson_page_run(&p, err);
	free(lesson);
	if (got_signal)
		return F_INTERRUPTED;
	switch (r) {
	case LP_NEXT: return F_NEXT;
	case LP_BACK: return F_BACK;
	case LP_QUIT: return F_QUIT;
	case LP_INTERRUPTED: return F_INTERRUPTED;
	default: return F_ERROR;
	}
}

static char *command_line(const struct strvec *v)
{
	struct strbuf sb = STRBUF_INIT;
	sb_add(&sb, "wfo-migrate");
	for (size_t i = 0; i < v->n; i++) {
		const char *a = v->v[i];
		if (*a && !a[strcspn(a, " \t\"'{}$`\\!*?;&|<>()#~")]) {
			sb_addf(&sb, " %s", a);
		} else if (!strchr(a, '\'')) {
			sb_addf(&sb, " '%s'", a);
		} else {   /* as a shell reads it back */
			sb_add(&sb, " \"");
			for (const char *c = a; *c; c++) {
				if (strchr("\"\\$`", *c))
					sb_addc(&sb, '\\');
				sb_addc(&sb, *c);
			}
			sb_add(&sb, "\"");
		}
	}
	return sb_detach(&sb);
}

/* After a child that had the terminal: what its status means. */
static enum flow after_terminal_child(int code)
{
	if (got_signal || code == 128 + SIGINT || code == 128 + SIGTERM || code == 128 + SIGHUP)
		return F_INTERRUPTED;
	return F_NEXT;
}

static enum flow run_wizard_step(struct tut *t, const struct tut_lesson *l, size_t i, struct wfo_error *err)
{
	const struct tut_step *s = &l->steps[i];
	struct strvec v = STRVEC_INIT;
	sv_push(&v, "migrate-domain-models");
	sv_push(&v, s->message);
	sv_push(&v, "--models");
	sv_push(&v, s->models);
	char *cmd = command_line(&v);
	char *enter = xasprintf("Enter opens the wizard, as this command does:\n  %s", cmd);
	free(cmd);
	enum flow f = page(t, l, i, NULL, s->text, NULL, enter, err);
	free(enter);
	while (f == F_NEXT) {
		int code = run_child(t, &v, true, NULL, l->file, (int)i);
		f = after_terminal_child(code);
		if (f != F_NEXT || code == 0)
			break;
		char *msg;
		if (code == 7)
			msg = xstrdup("The wizard was left before the revision was written. Enter opens it "
				      "again; Esc goes back.");
		else if (code > 128)
			msg = xasprintf("The wizard ended abnormally (signal %d). Enter opens it again; "
					"Esc goes back.", code - 128);
		else
			msg = xasprintf("The wizard ended with exit status %d (its message is above the "
					"tutorial's screen in the terminal's history). Enter opens it again; "
					"Esc goes back.", code);
		f = page(t, l, i, "The wizard did not finish", msg, NULL, NULL, err);
		free(msg);
	}
	sv_free(&v);
	return f;
}

/* A command whose output is shown; merge opens the merge screen instead
 * when the lesson asks for it (screen: true) and that screen exists. */
static enum flow run_command_step(struct tut *t, const struct tut_lesson *l, size_t i, struct strvec *v,
				  bool terminal, struct wfo_error *err)
{
	const struct tut_step *s = &l->steps[i];
	char *cmd = command_line(v);
	char *enter = xasprintf("Enter runs:\n  %s", cmd);
	enum flow f = page(t, l, i, NULL, s->text, NULL, enter, err);
	free(enter);
	if (f == F_NEXT) {
		char *out = NULL;
		int code = run_child(t, v, terminal, terminal ? NULL : &out, NULL, 0);
		if (got_signal) {
			f = F_INTERRUPTED;
		} else if (!terminal) {
			char *title = xasprintf("$ %s", cmd);
			char *text = code ? xasprintf("It ended with exit status %d:", code)
					  : xstrdup("Its output:");
			f = page(t, l, i, title, text, out && *out ? out : "(no output)\n", NULL, err);
			free(title);
			free(text);
		} else {
			f = after_terminal_child(code);
		}
		free(out);
	}
	free(cmd);
	return f;
}

static enum flow run_step(struct tut *t, const struct tut_lesson *l, size_t i, struct wfo_error *err)
{
	const struct tut_step *s = &l->steps[i];
	struct strvec v = STRVEC_INIT;
	enum flow f = F_NEXT;
	switch (s->kind) {
	case TK_TEXT:
	case TK_QUIZ:
		f = page(t, l, i, NULL, s->text, NULL, NULL, err);
		break;
	case TK_WIZARD:
		f = run_wizard_step(t, l, i, err);
		break;
	case TK_RUN:
		f = expand_args(t, &s->command, &v, err) < 0 ? F_ERROR
			: run_command_step(t, l, i, &v, false, err);
		break;
	case TK_MERGE:
		/* With `screen: true` in the lesson, `wfo-migrate merge --screen`
		 * gets the terminal and opens the merge screen there, the lesson's
		 * message filled in; otherwise the merge runs without questions
		 * and its output is shown. */
		sv_push(&v, "merge");
		if (s->screen)
			sv_push(&v, "--screen");
		sv_push(&v, "-m");
		sv_push(&v, s->message);
		f = run_command_step(t, l, i, &v, s->screen, err);
		break;
	case TK_BROWSE:
		sv_push(&v, "browse");
		f = page(t, l, i, NULL, s->text, NULL, "Enter opens the browser (wfo-migrate browse); q leaves "
			 "it and the lesson goes on.", err);
		if (f == F_NEXT)
			f = after_terminal_child(run_child(t, &v, true, NULL, NULL, 0));
		break;
	case TK_SQL: {
		char *enter = xasprintf("Enter runs %s on the tutorial's database.", s->sql);
		f = page(t, l, i, NULL, s->text, NULL, enter, err);
		free(enter);
		if (f == F_NEXT && run_sql_file(t, s->sql, err) < 0)
			f = F_ERROR;
		break;
	}
	}
	sv_free(&v);
	return f;
}

static enum flow run_lesson(struct tut *t, const struct tut_lesson *l, struct wfo_error *err)
{
	size_t i = 0;
	while (i < l->n) {
		enum flow f = run_step(t, l, i, err);
		if (f == F_NEXT) {
			i++;
		} else if (f == F_BACK) {
			/* back over pages only: what ran stays done */
			if (i > 0 && (l->steps[i - 1].kind == TK_TEXT || l->steps[i - 1].kind == TK_QUIZ))
				i--;
		} else {
			return f;
		}
	}
	return F_NEXT;
}

/* ---- the command ---- */

static void list_lessons(const struct tut *t)
{
	int next = tut_progress_next(&t->prog, (int)t->nl);
	printf("Lessons (progress in %s):\n", t->progress_path);
	for (size_t i = 0; i < t->nl; i++) {
		const struct tut_lesson *l = t->ls[i];
		const char *mark = t->prog.completed[l->number] ? "done" : l->number == next ? "next" : "";
		printf("  %-4s %d  %s\n", mark, l->number, l->title);
		printf("           %s\n", l->summary);
	}
	if (next)
		printf("'wfo-migrate tutorial' continues with lesson %d; 'wfo-migrate tutorial N' runs lesson N.\n",
		       next);
	else
		printf("Every lesson is done. 'wfo-migrate tutorial N' runs lesson N again.\n");
}

static int reset(struct tut *t, bool private_db, struct wfo_error *err)
{
	unlink(t->progress_path);
	rm_tree(t->workdir);
	/* only a cluster that exists is started to be emptied */
	char *v = xasprintf("%s/pg/data/PG_VERSION", t->state), *loc = xasprintf("%s/pg-location", t->state);
	if (access(v, F_OK) != 0 && access(loc, F_OK) != 0)
		private_db = false;
	free(v);
	free(loc);
	if (private_db) {
		if (pgp_start(&t->pg, t->state, t->schema, NULL, err) < 0)
			return -1;
		int rc = pgp_reset_db(&t->pg, t->schema, err);
		pgp_stop(&t->pg);
		if (rc < 0)
			return -1;
	}
	printf("The tutorial starts afresh: progress, its revisions%s are gone.\n",
	       private_db ? " and its private database" : "");
	return 0;
}

static void on_exit_stop(struct tut *t)
{
	fflush(NULL);
	pgp_stop(&t->pg);
}

static int tutorial(struct tut *t, int lesson_arg, bool list, bool do_reset, const char *uri_opt,
		    struct wfo_error *err)
{
	char *dir = xasprintf("%s/tutorial", wfo_data_dir());
	int rc = tut_lessons_load(dir, &t->ls, &t->nl, err);
	free(dir);
	if (rc < 0)
		return -1;
	t->state = pgp_state_dir();
	t->workdir = xasprintf("%s/tutorial", t->state);
	t->progress_path = xasprintf("%s/tutorial.json", t->state);
	t->schema = xasprintf("%s/schema.sql", wfo_data_dir());
	const char *env_uri = getenv("DATABASE_URI");
	const char *uri = uri_opt ? uri_opt : env_uri && *env_uri ? env_uri : NULL;
	if (tut_progress_load(t->progress_path, &t->prog, err) < 0 && !do_reset)
		return -1;
	if (list) {
		list_lessons(t);
		return 0;
	}
	if (do_reset)
		return reset(t, uri == NULL, err);
	if (lesson_arg > (int)t->nl)
		return wfo_fail(err, WFO_USAGE, "there is no lesson %d (lessons 1 to %zu; see "
				"'wfo-migrate tutorial --list')", lesson_arg, t->nl);
	int n = lesson_arg ? lesson_arg : tut_progress_next(&t->prog, (int)t->nl);
	if (!n) {
		list_lessons(t);
		return 0;
	}
	if (!wizard_available())
		return wfo_fail(err, WFO_USAGE, "the tutorial needs a terminal ('wfo-migrate tutorial "
				"--list' lists the lessons)");
	ssize_t len = readlink("/proc/self/exe", t->self, sizeof t->self - 1);
	if (len <= 0)
		return wfo_fail(err, WFO_INTERNAL, "cannot find the wfo-migrate program (/proc/self/exe)");
	t->self[len] = 0;
	if (uri) {
		t->uri = xstrdup(uri);
		t->db_display = pguri_display(uri);
	} else {
		if (pgp_start(&t->pg, t->state, t->schema, stderr, err) < 0)
			return -1;
		t->private_db = true;
		t->uri = xstrdup(t->pg.uri);
		t->db_display = xstrdup(t->pg.display);
	}
	/* lesson n from a fresh state; the lessons after it go on from the
	 * state it left */
	for (bool fresh = true;; fresh = false) {
		if (fresh && prepare_lesson(t, n, err) < 0)
			return -1;
		t->prog.started = n;
		if (tut_progress_save(t->progress_path, &t->prog, err) < 0)
			return -1;
		const struct tut_lesson *l = t->ls[n - 1];
		enum flow f = run_lesson(t, l, err);
		if (f == F_INTERRUPTED || got_signal)
			return wfo_fail(err, WFO_ABORTED, "interrupted in lesson %d; 'wfo-migrate tutorial %d' "
					"starts it again", n, n);
		if (f == F_QUIT) {
			printf("Left lesson %d. 'wfo-migrate tutorial' starts it again.\n", n);
			return 0;
		}
		if (f == F_ERROR)
			return -1;
		t->prog.completed[n] = true;
		if (tut_progress_save(t->progress_path, &t->prog, err) < 0)
			return -1;
		int next = n < (int)t->nl ? n + 1 : 0;
		char *text = next ? xasprintf("Lesson %d is done.\n\nNext: lesson %d, %s.\n%s\n\nEnter starts "
					      "it; q leaves (the progress is kept: 'wfo-migrate tutorial' "
					      "goes on from there).", n, next, t->ls[next - 1]->title,
					      t->ls[next - 1]->summary)
				  : xasprintf("Lesson %d is done, and with it the tutorial.\n\nThe same "
					      "commands work on your orchestrator's database: set "
					      "DATABASE_URI and run them in your project's folder.\n\n"
					      "Enter or q leaves.", n);
		char *title = xasprintf("Lesson %d: %s", n, l->title);
		struct lesson_page p = { .lesson = title, .database = t->db_display,
					 .step = (int)l->n, .nsteps = (int)l->n, .title = "Lesson done",
					 .text = text };
		enum lesson_page_result r = lesson_page_run(&p, err);
		free(text);
		free(title);
		if (r == LP_INTERRUPTED || got_signal)
			return wfo_fail(err, WFO_ABORTED, "interrupted");
		if (!next || r != LP_NEXT) {
			printf("Lesson %d done. 'wfo-migrate tutorial --list' shows the lessons.\n", n);
			return 0;
		}
		n = next;
	}
}

int cmd_tutorial(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "list", no_argument, NULL, 'l' },
		{ "reset", no_argument, NULL, 'r' },
		{ "database-uri", required_argument, NULL, 'd' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	bool list = false, do_reset = false;
	const char *uri = NULL;
	int c, lesson = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (c) {
		case 'l': list = true; break;
		case 'r': do_reset = true; break;
		case 'd': uri = optarg; break;
		case 'h': tutorial_usage(stdout); return 0;
		default: tutorial_usage(stderr); return 2;
		}
	}
	if (optind < argc) {
		char *end;
		long v = strtol(argv[optind], &end, 10);
		if (*end || v < 1 || v > TUT_MAX_LESSONS || optind + 1 < argc) {
			fprintf(stderr, "wfo-migrate tutorial: '%s' is not a lesson number\n", argv[optind]);
			tutorial_usage(stderr);
			return 2;
		}
		lesson = (int)v;
	}
	struct sigaction sa = { 0 }, old_int, old_term, old_hup;
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, &old_int);
	sigaction(SIGTERM, &sa, &old_term);
	sigaction(SIGHUP, &sa, &old_hup);
	struct tut t = { .pg = PGP_INIT };
	struct wfo_error err = { 0 };
	int rc = tutorial(&t, lesson, list, do_reset, uri, &err);
	on_exit_stop(&t);
	sigaction(SIGINT, &old_int, NULL);
	sigaction(SIGTERM, &old_term, NULL);
	sigaction(SIGHUP, &old_hup, NULL);
	int code = 0;
	if (rc < 0) {
		fprintf(stderr, "wfo-migrate tutorial: %s\n", err.msg);
		code = wfo_exit_code(err.status);
	}
	tut_lessons_free(t.ls, t.nl);
	free(t.state);
	free(t.workdir);
	free(t.progress_path);
	free(t.schema);
	free(t.uri);
	free(t.db_display);
	return code;
}
