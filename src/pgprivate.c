/* pgprivate.c - the private PostgreSQL cluster of the tutorial and
 * --private-db: find the server, initdb once, start on a unix socket, a
 * supervisor that stops it when this process ends however it ends, the
 * database and its schema (see pgprivate.h). */
#include "config.h"
#include "pgprivate.h"

#include <errno.h>
#include <fcntl.h>
#include <glob.h>
#include <grp.h>
#include <pwd.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include "db.h"
#include "sqlquote.h"
#include "util.h"

#define PGP_PORT "5432"

char *pgp_state_dir(void)
{
	const char *x = getenv("XDG_STATE_HOME");
	if (x && *x == '/')
		return xasprintf("%s/wfo-migrate", x);
	const char *home = getenv("HOME");
	if (!home || !*home) {
		struct passwd *pw = getpwuid(getuid());
		home = pw && pw->pw_dir ? pw->pw_dir : "/tmp";
	}
	return xasprintf("%s/.local/state/wfo-migrate", home);
}

static bool has_initdb(const char *dir)
{
	char *p = xasprintf("%s/initdb", dir);
	bool ok = access(p, X_OK) == 0;
	free(p);
	return ok;
}

/* "/usr/lib/postgresql/15/bin" -> 15 (for the newest first). */
static long dir_version(const char *d)
{
	const char *p = strstr(d, "postgresql/");
	return p ? strtol(p + 11, NULL, 10) : 0;
}

char *pgp_find_bindir(void)
{
	FILE *fp = popen("pg_config --bindir 2>/dev/null", "r");
	if (fp) {
		char line[4096];
		bool got = fgets(line, sizeof line, fp) != NULL;
		pclose(fp);
		if (got) {
			line[strcspn(line, "\n")] = 0;
			if (*line && has_initdb(line))
				return xstrdup(line);
		}
	}
	glob_t g;
	char *best = NULL;
	long bestv = -1;
	if (glob("/usr/lib/postgresql/*/bin", GLOB_NOSORT, NULL, &g) == 0) {
		for (size_t i = 0; i < g.gl_pathc; i++) {
			long v = dir_version(g.gl_pathv[i]);
			if (v > bestv && has_initdb(g.gl_pathv[i])) {
				free(best);
				best = xstrdup(g.gl_pathv[i]);
				bestv = v;
			}
		}
		globfree(&g);
	}
	return best;
}

/* mkdir -p with mode for the folders it creates. */
static int mkdirs(const char *path, mode_t mode)
{
	char *p = xstrdup(path);
	for (char *s = p + 1; ; s++) {
		if (*s == '/' || !*s) {
			char c = *s;
			*s = 0;
			if (mkdir(p, mode) < 0 && errno != EEXIST) {
				free(p);
				return -1;
			}
			*s = c;
			if (!c)
				break;
		}
	}
	free(p);
	return 0;
}

/* In a child: become the cluster's OS user (root only), leave the
 * caller's folder (postgres may not read it). */
static void become_user(const struct pgp *p)
{
	if (p->as_postgres) {
		if (setgid(p->gid) < 0 || initgroups("postgres", p->gid) < 0 || setuid(p->uid) < 0)
			_exit(126);
		setenv("HOME", "/", 1);
		setenv("USER", "postgres", 1);
		setenv("LOGNAME", "postgres", 1);
	}
	if (chdir("/") < 0)
		_exit(126);
}

int pgp_run(const struct pgp *p, char *const argv[], const char *log_path)
{
	pid_t pid = fork();
	if (pid < 0)
		return -1;
	if (pid == 0) {
		int fd = open("/dev/null", O_RDONLY);
		if (fd >= 0)
			dup2(fd, 0);
		int out = log_path ? open(log_path, O_WRONLY | O_CREAT | O_APPEND, 0644)
				   : open("/dev/null", O_WRONLY);
		if (out >= 0) {
			dup2(out, 1);
			dup2(out, 2);
		}
		become_user(p);
		signal(SIGINT, SIG_IGN);
		execv(argv[0], argv);
		_exit(127);
	}
	int st;
	while (waitpid(pid, &st, 0) < 0)
		if (errno != EINTR)
			return -1;
	return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

/* Whether the cluster's OS user can use folder dir (root only). */
static bool user_can_reach(const struct pgp *p, const char *dir)
{
	pid_t pid = fork();
	if (pid < 0)
		return false;
	if (pid == 0) {
		if (setgid(p->gid) < 0 || initgroups("postgres", p->gid) < 0 || setuid(p->uid) < 0)
			_exit(1);
		_exit(access(dir, R_OK | W_OK | X_OK) == 0 ? 0 : 1);
	}
	int st;
	while (waitpid(pid, &st, 0) < 0)
		if (errno != EINTR)
			return false;
	return WIFEXITED(st) && WEXITSTATUS(st) == 0;
}

static uint32_t fnv1a(const char *s)
{
	uint32_t h = 2166136261u;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

/* Where the cluster lives and who runs it. */
static int choose_home(struct pgp *p, const char *state_dir, struct wfo_error *err)
{
	if (mkdirs(state_dir, 0755) < 0)
		return wfo_fail(err, WFO_IO, "cannot create the state folder %s: %s", state_dir,
				strerror(errno));
	p->home = xasprintf("%s/pg", state_dir);
	if (geteuid() != 0) {
		struct passwd *pw = getpwuid(geteuid());
		p->user = xstrdup(pw ? pw->pw_name : "postgres");
		if (mkdir(p->home, 0700) < 0 && errno != EEXIST)
			return wfo_fail(err, WFO_IO, "cannot create %s: %s", p->home, strerror(errno));
		return 0;
	}
	struct passwd *pw = getpwnam("postgres");
	if (!pw)
		return wfo_fail(err, WFO_USAGE, "running as root, the private PostgreSQL must run as "
				"the user postgres, which does not exist. Install the server (apt-get "
				"install postgresql creates the user), or run wfo-migrate as a normal user");
	p->as_postgres = true;
	p->uid = pw->pw_uid;
	p->gid = pw->pw_gid;
	p->user = xstrdup("postgres");
	char *pghome = xstrdup(pw->pw_dir ? pw->pw_dir : "/var/lib/postgresql");
	if (mkdir(p->home, 0700) < 0 && errno != EEXIST) {
		free(pghome);
		return wfo_fail(err, WFO_IO, "cannot create %s: %s", p->home, strerror(errno));
	}
	if (chown(p->home, p->uid, p->gid) < 0 || !user_can_reach(p, p->home)) {
		/* a folder above is closed to postgres (/root is 0700) */
		rmdir(p->home);
		free(p->home);
		p->home = xasprintf("%s/wfo-migrate/%08x", pghome, (unsigned)fnv1a(state_dir));
		char *parent = xasprintf("%s/wfo-migrate", pghome);
		int bad = mkdirs(p->home, 0700) < 0 || chown(parent, p->uid, p->gid) < 0 ||
			  chown(p->home, p->uid, p->gid) < 0 || !user_can_reach(p, p->home);
		free(parent);
		if (bad) {
			wfo_fail(err, WFO_USAGE, "running as root, the private PostgreSQL must run as the "
				 "user postgres, which can reach neither %s/pg nor %s. Run wfo-migrate as a "
				 "normal user, or give it a state folder postgres can reach: "
				 "mkdir -m 755 /var/tmp/wfo-state && XDG_STATE_HOME=/var/tmp/wfo-state "
				 "wfo-migrate ...", state_dir, p->home);
			free(pghome);
			return -1;
		}
		/* say where it went, for people looking in the state folder */
		char *note = xasprintf("%s/pg-location", state_dir);
		FILE *fp = fopen(note, "w");
		if (fp) {
			fprintf(fp, "%s\n", p->home);
			fclose(fp);
		}
		free(note);
	}
	free(pghome);
	return 0;
}

static bool file_exists(const char *dir, const char *name)
{
	char *f = xasprintf("%s/%s", dir, name);
	bool ok = access(f, F_OK) == 0;
	free(f);
	return ok;
}

static char *tail_of(const char *path)
{
	size_t n = 0;
	char *t = read_file(path, &n);
	if (!t)
		return xstrdup("");
	const char *s = t + (n > 1500 ? n - 1500 : 0);
	char *r = xstrdup(s);
	free(t);
	return r;
}

static int run_initdb(struct pgp *p, FILE *log, struct wfo_error *err)
{
	char *data = xasprintf("%s/data", p->home);
	char *logf = xasprintf("%s/initdb.log", p->home);
	char *initdb = xasprintf("%s/initdb", p->bindir);
	char *uarg = xasprintf("--username=%s", p->user);
	/* WFO_PRIVATE_DB_NOSYNC (tests): no fsync, as tests/lib/pg.sh does */
	const char *ns = getenv("WFO_PRIVATE_DB_NOSYNC");
	char *argv[] = { initdb, "-D", data, "-A", "trust", uarg, "-E", "UTF8", "--no-locale",
			 "--no-instructions", ns && *ns ? "--no-sync" : NULL, NULL };
	if (log)
		fprintf(log, "Creating a private PostgreSQL cluster in %s (once)\n", data), fflush(log);
	int rc = pgp_run(p, argv, logf);
	if (rc != 0) {
		char *t = tail_of(logf);
		wfo_fail(err, WFO_DB, "initdb failed (exit %d), see %s:\n%s", rc, logf, t);
		free(t);
	}
	free(data);
	free(logf);
	free(initdb);
	free(uarg);
	return rc == 0 ? 0 : -1;
}

/* Our settings, rewritten on each start (the folder may have moved):
 * unix socket only, in the cluster's folder. */
static int write_conf(struct pgp *p, struct wfo_error *err)
{
	char *conf = xasprintf("%s/data/postgresql.conf", p->home);
	char *text = read_file(conf, NULL);
	if (!text) {
		wfo_fail(err, WFO_IO, "cannot read %s", conf);
		free(conf);
		return -1;
	}
	bool included = strstr(text, "include_if_exists = 'wfo-migrate.conf'") != NULL;
	free(text);
	if (!included) {
		FILE *fp = fopen(conf, "a");
		if (!fp || fputs("\n# wfo-migrate's settings\ninclude_if_exists = 'wfo-migrate.conf'\n", fp) < 0
		    || fclose(fp) != 0) {
			wfo_fail(err, WFO_IO, "cannot write %s", conf);
			free(conf);
			return -1;
		}
	}
	free(conf);
	char *ours = xasprintf("%s/data/wfo-migrate.conf", p->home);
	FILE *fp = fopen(ours, "w");
	if (!fp) {
		wfo_fail(err, WFO_IO, "cannot write %s: %s", ours, strerror(errno));
		free(ours);
		return -1;
	}
	struct strbuf sb = STRBUF_INIT;
	for (const char *s = p->home; *s; s++) {  /* a configuration-file string */
		if (*s == '\'')
			sb_addc(&sb, '\'');
		sb_addc(&sb, *s);
	}
	const char *ns = getenv("WFO_PRIVATE_DB_NOSYNC");
	fprintf(fp, "# written by wfo-migrate on each start of its private cluster\n"
		"listen_addresses = ''\nport = %s\nunix_socket_directories = '%s'\n"
		"max_connections = 20\nshared_buffers = 16MB\n%s", PGP_PORT, sb_str(&sb),
		ns && *ns ? "fsync = off\nfull_page_writes = off\nsynchronous_commit = off\n" : "");
	sb_free(&sb);
	int bad = fclose(fp) != 0;
	if (!bad && p->as_postgres && chown(ours, p->uid, p->gid) < 0)
		bad = 1;
	if (bad)
		wfo_fail(err, WFO_IO, "cannot write %s", ours);
	free(ours);
	return bad ? -1 : 0;
}

static int pg_ctl(const struct pgp *p, const char *what, const char *extra, bool logit)
{
	char *ctl = xasprintf("%s/pg_ctl", p->bindir);
	char *data = xasprintf("%s/data", p->home);
	char *logf = xasprintf("%s/server.log", p->home);
	char *argv[10];
	int n = 0;
	argv[n++] = ctl;
	argv[n++] = "-D";
	argv[n++] = data;
	if (!strcmp(what, "start")) {
		argv[n++] = "-l";
		argv[n++] = logf;
	}
	argv[n++] = "-w";
	argv[n++] = "-s";
	if (extra) {
		argv[n++] = "-m";
		argv[n++] = (char *)extra;
	}
	argv[n++] = (char *)what;
	argv[n] = NULL;
	int rc = pgp_run(p, argv, logit ? logf : NULL);
	free(ctl);
	free(data);
	free(logf);
	return rc;
}

/* The supervisor: waits for the parent to end (end-of-file on the pipe:
 * the write end is only ever open in the parent), then stops the server. */
static int start_supervisor(struct pgp *p, struct wfo_error *err)
{
	int fds[2];
	if (pipe2(fds, O_CLOEXEC) < 0)
		return wfo_fail(err, WFO_INTERNAL, "pipe: %s", strerror(errno));
	fflush(NULL);
	pid_t pid = fork();
	if (pid < 0) {
		close(fds[0]);
		close(fds[1]);
		return wfo_fail(err, WFO_INTERNAL, "fork: %s", strerror(errno));
	}
	if (pid == 0) {
		close(fds[1]);
		setsid();  /* away from the terminal: its Ctrl-C is the parent's */
		signal(SIGINT, SIG_IGN);
		signal(SIGHUP, SIG_IGN);
		signal(SIGTERM, SIG_IGN);
		signal(SIGQUIT, SIG_IGN);
		signal(SIGPIPE, SIG_IGN);
		int fd = open("/dev/null", O_RDWR);
		if (fd >= 0) {
			dup2(fd, 0);
			dup2(fd, 1);
			dup2(fd, 2);
		}
		char c;
		ssize_t n;
		do
			n = read(fds[0], &c, 1);
		while (n > 0 || (n < 0 && errno == EINTR));
		/* the parent may have gone while the server was still starting:
		 * try again until it is down (or never came up) */
		char *pidf = xasprintf("%s/data/postmaster.pid", p->home);
		for (int i = 0; i < 30; i++) {
			if (pg_ctl(p, "stop", "fast", true) == 0)
				break;
			if (i >= 3 && access(pidf, F_OK) != 0)
				break;
			sleep(1);
		}
		_exit(0);
	}
	close(fds[0]);
	p->supervisor = pid;
	p->pipe_w = fds[1];
	return 0;
}

static int ensure_database(struct pgp *p, const char *schema_sql, FILE *log, struct wfo_error *err)
{
	char *admin = xasprintf("postgresql://%s@/postgres?host=%s&port=%s", p->user, p->home, PGP_PORT);
	PGconn *c = NULL;
	int rc = db_connect(admin, &c, err);
	free(admin);
	if (rc < 0)
		return -1;
	struct strbuf q = STRBUF_INIT;
	sb_add(&q, "SELECT 1 FROM pg_database WHERE datname = ");
	sql_quote(&q, PGP_DBNAME);
	PGresult *r = PQexec(c, sb_str(&q));
	sb_free(&q);
	bool exists = PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) == 1;
	PQclear(r);
	if (!exists && db_exec(c, "creating the database", "CREATE DATABASE \"" PGP_DBNAME "\"",
			       NULL, err) < 0) {
		db_close(c);
		return -1;
	}
	db_close(c);
	if (db_connect(p->uri, &c, err) < 0)
		return -1;
	r = PQexec(c, "SELECT to_regclass('public.products') IS NOT NULL");
	bool has = PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) == 1 &&
		   !strcmp(PQgetvalue(r, 0, 0), "t");
	PQclear(r);
	rc = 0;
	if (!has) {
		char *sql = read_file(schema_sql, NULL);
		if (!sql) {
			rc = wfo_fail(err, WFO_IO, "cannot read the orchestrator schema %s", schema_sql);
		} else {
			if (log)
				fprintf(log, "Loading the orchestrator schema (%s)\n", schema_sql), fflush(log);
			if (db_begin(c, err) < 0 || db_exec(c, schema_sql, sql, NULL, err) < 0 ||
			    db_commit(c, err) < 0)
				rc = -1;
			free(sql);
		}
	}
	db_close(c);
	return rc;
}

int pgp_reset_db(struct pgp *p, const char *schema_sql, struct wfo_error *err)
{
	char *admin = xasprintf("postgresql://%s@/postgres?host=%s&port=%s", p->user, p->home, PGP_PORT);
	PGconn *c = NULL;
	int rc = db_connect(admin, &c, err);
	free(admin);
	if (rc < 0)
		return -1;
	rc = db_exec(c, "dropping the tutorial database", "DROP DATABASE IF EXISTS \"" PGP_DBNAME "\"",
		     NULL, err);
	db_close(c);
	if (rc < 0)
		return -1;
	return ensure_database(p, schema_sql, NULL, err);
}

int pgp_start(struct pgp *p, const char *state_dir, const char *schema_sql, FILE *log,
	      struct wfo_error *err)
{
	*p = (struct pgp)PGP_INIT;
	p->bindir = pgp_find_bindir();
	if (!p->bindir) {
		wfo_fail(err, WFO_USAGE, "the PostgreSQL server is not installed (no initdb in "
			 "'pg_config --bindir' nor in /usr/lib/postgresql/*/bin). Install it with: "
			 "apt-get install postgresql (./bootstrap does, as root); or give a database "
			 "with --database-uri or DATABASE_URI");
		goto fail;
	}
	if (choose_home(p, state_dir, err) < 0)
		goto fail;
	struct sockaddr_un sun;
	if (strlen(p->home) + sizeof "/.s.PGSQL." PGP_PORT > sizeof sun.sun_path) {
		wfo_fail(err, WFO_USAGE, "the state folder's path is too long for a unix socket "
			 "(%s): set XDG_STATE_HOME to a shorter folder", p->home);
		goto fail;
	}
	p->uri = xasprintf("postgresql://%s@/%s?host=%s&port=%s", p->user, PGP_DBNAME, p->home, PGP_PORT);
	p->display = xasprintf("private PostgreSQL in %s", p->home);
	if (!file_exists(p->home, "data/PG_VERSION") && run_initdb(p, log, err) < 0)
		goto fail;
	if (pg_ctl(p, "status", NULL, false) != 0) {
		if (write_conf(p, err) < 0)
			goto fail;
		if (log)
			fprintf(log, "Starting the private PostgreSQL (%s)\n", p->home), fflush(log);
		/* the supervisor first: a crash right after the start is covered */
		if (start_supervisor(p, err) < 0)
			goto fail;
		p->started = true;
		int rc = pg_ctl(p, "start", NULL, false);
		if (rc != 0) {
			char *logf = xasprintf("%s/server.log", p->home);
			char *t = tail_of(logf);
			wfo_fail(err, WFO_DB, "the private PostgreSQL did not start (pg_ctl exit %d); "
				 "its log %s ends:\n%s", rc, logf, t);
			free(t);
			free(logf);
			goto fail;
		}
	} else if (log) {
		fprintf(log, "Using the private PostgreSQL that is already running (%s); it is left "
			"running\n", p->home);
		fflush(log);
	}
	if (ensure_database(p, schema_sql, log, err) < 0)
		goto fail;
	return 0;
fail:
	pgp_stop(p);
	return -1;
}

void pgp_stop(struct pgp *p)
{
	if (p->pipe_w >= 0) {
		close(p->pipe_w);  /* the supervisor stops the server */
		p->pipe_w = -1;
	}
	if (p->supervisor > 0) {
		int st;
		while (waitpid(p->supervisor, &st, 0) < 0 && errno == EINTR)
			;
		p->supervisor = -1;
	}
	free(p->home);
	free(p->bindir);
	free(p->user);
	free(p->uri);
	free(p->display);
	*p = (struct pgp)PGP_INIT;
}
