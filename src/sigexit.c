/* sigexit.c - exit 7 on Ctrl-C, SIGTERM and SIGHUP, removing the temporary
 * file being written (see sigexit.h). Only async-signal-safe calls in the
 * handler: unlink, kill, write, _exit. */
#include "config.h"
#include "sigexit.h"

#include <signal.h>
#include <string.h>
#include <unistd.h>

static char tmp_path[4096];
static volatile sig_atomic_t tmp_set;
static volatile sig_atomic_t child;

static void say(const char *s)
{
	ssize_t r = write(2, s, strlen(s));
	(void)r;
}

static void on_signal(int sig)
{
	if (tmp_set)
		unlink(tmp_path);
	if (child > 0)
		kill((pid_t)child, sig);
	say(sig == SIGINT ? "\nwfo-migrate: interrupted (Ctrl-C)"
	    : sig == SIGTERM ? "\nwfo-migrate: stopped by SIGTERM" : "\nwfo-migrate: stopped by SIGHUP");
	say("; nothing half-done is kept (an unfinished file is removed, an uncommitted "
	    "transaction is rolled back)\n");
	_exit(7);
}

void sigexit_install(void)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaddset(&sa.sa_mask, SIGINT);
	sigaddset(&sa.sa_mask, SIGTERM);
	sigaddset(&sa.sa_mask, SIGHUP);
	static const int sigs[] = { SIGINT, SIGTERM, SIGHUP };
	for (size_t i = 0; i < sizeof sigs / sizeof *sigs; i++) {
		struct sigaction old;
		/* a signal ignored by whoever started us stays ignored (nohup) */
		if (sigaction(sigs[i], NULL, &old) == 0 && old.sa_handler == SIG_IGN)
			continue;
		sigaction(sigs[i], &sa, NULL);
	}
}

void sigexit_tmp(const char *path)
{
	tmp_set = 0;
	if (!path || strlen(path) >= sizeof tmp_path)
		return;
	memcpy(tmp_path, path, strlen(path) + 1);
	tmp_set = 1;
}

void sigexit_child(pid_t pid)
{
	child = pid;
}
