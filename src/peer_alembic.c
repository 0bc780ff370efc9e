/* peer_alembic.c - run the real Alembic for revisions wfo-migrate cannot run. */
#include "config.h"
#include "peer_alembic.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "sigexit.h"

/* 1 when `python -c "import alembic"` exits 0 (all output discarded). */
static int imports_alembic(const char *python)
{
	fflush(stdout);
	fflush(stderr);
	pid_t pid = fork();
	if (pid < 0)
		return 0;
	if (pid == 0) {
		int fd = open("/dev/null", O_RDWR);
		if (fd >= 0) {
			dup2(fd, 0);
			dup2(fd, 1);
			dup2(fd, 2);
		}
		char *argv[] = { (char *)python, "-c", "import alembic", NULL };
		execvp(python, argv);
		_exit(127);
	}
	int status;
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return 0;
	return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

char *peer_find_python(struct strbuf *why)
{
	const char *env = getenv("WFO_PYTHON");
	if (env && *env) {
		if (imports_alembic(env))
			return xstrdup(env);
		if (why)
			sb_addf(why, "WFO_PYTHON=%s cannot import alembic", env);
		return NULL;
	}
	static const char *const cands[] = { "python3", "/usr/bin/python3" };
	for (size_t i = 0; i < sizeof(cands) / sizeof(cands[0]); i++)
		if (imports_alembic(cands[i]))
			return xstrdup(cands[i]);
	if (why)
		sb_add(why, "neither python3 on PATH nor /usr/bin/python3 can import alembic "
		       "(install python3-alembic, or set WFO_PYTHON)");
	return NULL;
}

static int is_file(const char *p)
{
	struct stat st;
	return stat(p, &st) == 0 && S_ISREG(st.st_mode);
}

char *peer_find_ini(const char *migrations_dir)
{
	if (is_file("alembic.ini"))
		return xstrdup("alembic.ini");
	if (!migrations_dir || !*migrations_dir)
		return NULL;
	char *d = xstrdup(migrations_dir);
	size_t n = strlen(d);
	while (n > 1 && d[n - 1] == '/')
		d[--n] = '\0';
	char *slash = strrchr(d, '/');
	char *ini;
	if (!slash)
		ini = xstrdup("alembic.ini");
	else if (slash == d)
		ini = xstrdup("/alembic.ini");
	else {
		*slash = '\0';
		ini = xasprintf("%s/alembic.ini", d);
	}
	free(d);
	if (is_file(ini))
		return ini;
	free(ini);
	return NULL;
}

int peer_alembic_run(const char *python, const char *ini, const char *const *args,
		     const char *database_uri, struct wfo_error *err)
{
	char *dir = xstrdup(ini);
	char *slash = strrchr(dir, '/');
	const char *base = ini;
	if (slash) {
		base = ini + (slash - dir) + 1;
		if (slash == dir)
			slash[1] = '\0';
		else
			*slash = '\0';
	} else {
		free(dir);
		dir = xstrdup(".");
	}
	struct strvec argv = STRVEC_INIT;
	sv_push(&argv, python);
	sv_push(&argv, "-m");
	sv_push(&argv, "alembic");
	sv_push(&argv, "-c");
	sv_push(&argv, base);
	for (size_t i = 0; args[i]; i++)
		sv_push(&argv, args[i]);
	sv_push_owned(&argv, NULL);

	int rc = -1;
	fflush(stdout);
	fflush(stderr);
	pid_t pid = fork();
	if (pid < 0) {
		wfo_fail(err, WFO_PEER, "cannot start %s -m alembic: %s", python, strerror(errno));
		goto out;
	}
	if (pid == 0) {
		if (chdir(dir) < 0) {
			fprintf(stderr, "wfo-migrate: cannot enter %s: %s\n", dir, strerror(errno));
			_exit(127);
		}
		if (database_uri && *database_uri)
			setenv("DATABASE_URI", database_uri, 1);
		execvp(python, argv.v);
		fprintf(stderr, "wfo-migrate: cannot run %s: %s\n", python, strerror(errno));
		_exit(127);
	}
	int status;
	sigexit_child(pid);   /* a signal that stops us stops Alembic too */
	while (waitpid(pid, &status, 0) < 0) {
		if (errno != EINTR) {
			sigexit_child(0);
			wfo_fail(err, WFO_PEER, "waiting for alembic: %s", strerror(errno));
			goto out;
		}
	}
	sigexit_child(0);
	if (WIFEXITED(status))
		rc = WEXITSTATUS(status);
	else
		wfo_fail(err, WFO_PEER, "alembic (%s -m alembic -c %s) was killed by signal %d",
			 python, ini, WIFSIGNALED(status) ? WTERMSIG(status) : 0);
out:
	sv_free(&argv);
	free(dir);
	return rc;
}
