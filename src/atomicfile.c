/* atomicfile.c - write a new file via a temporary file and link(). */
#include "config.h"
#include "atomicfile.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "sigexit.h"
#include "util.h"

static char *dir_of(const char *path)
{
	const char *slash = strrchr(path, '/');
	if (!slash)
		return xstrdup(".");
	if (slash == path)
		return xstrdup("/");
	return xstrndup(path, (size_t)(slash - path));
}

/* Temporary names are not predictable (nor the same in two processes that
 * share a pid number, e.g. in containers): 64 random bits from the kernel,
 * else the clock mixed with the address space layout. */
static unsigned long long random_bits(void)
{
	unsigned long long v = 0;
	if (getrandom(&v, sizeof v, GRND_NONBLOCK) == (ssize_t)sizeof v)
		return v;
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	v = (unsigned long long)ts.tv_nsec * 0x9E3779B97F4A7C15ULL ^ (unsigned long long)ts.tv_sec ^
	    (unsigned long long)(uintptr_t)&v;
	return v;
}

static int write_all(int fd, const char *data, size_t len)
{
	while (len) {
		ssize_t w = write(fd, data, len);
		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0)
			return -1;
		data += w;
		len -= (size_t)w;
	}
	return 0;
}

int atomic_create(const char *path, const char *data, size_t len, struct wfo_error *err)
{
	char *dir = dir_of(path);
	char *tmp = NULL;
	int fd = -1, rc = -1;
	struct stat st;

	if (lstat(path, &st) == 0) {
		wfo_fail(err, WFO_IO, "%s: already exists; not overwriting it", path);
		goto out;
	}
	for (int attempt = 0; attempt < 100 && fd < 0; attempt++) {
		free(tmp);
		tmp = xasprintf("%s/.wfo-tmp-%ld-%016llx", dir, (long)getpid(), random_bits());
		sigexit_tmp(tmp);   /* removed if a signal ends the program */
		fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
		if (fd < 0 && errno != EEXIST) {
			int e = errno;
			sigexit_tmp(NULL);
			if (e == EACCES || e == EROFS || e == EPERM)
				wfo_fail(err, WFO_IO, "%s: the folder is not writable (%s); nothing "
					 "was written", dir, strerror(e));
			else
				wfo_fail(err, WFO_IO, "%s: cannot create a file in this folder: %s",
					 dir, strerror(e));
			free(tmp);
			tmp = NULL;
			goto out;
		}
	}
	if (fd < 0) {
		wfo_fail(err, WFO_IO, "%s: cannot create a temporary file", dir);
		free(tmp);
		tmp = NULL;
		goto out;
	}
	if (write_all(fd, data, len) < 0 || fsync(fd) < 0) {
		wfo_fail(err, WFO_IO, "%s: cannot write: %s", path, strerror(errno));
		goto out;
	}
	if (close(fd) < 0) {
		fd = -1;
		wfo_fail(err, WFO_IO, "%s: cannot write: %s", path, strerror(errno));
		goto out;
	}
	fd = -1;
	if (link(tmp, path) < 0) {
		if (errno == EEXIST)
			wfo_fail(err, WFO_IO, "%s: already exists; not overwriting it", path);
		else
			wfo_fail(err, WFO_IO, "%s: cannot create: %s", path, strerror(errno));
		goto out;
	}
	rc = 0;
out:
	if (fd >= 0)
		close(fd);
	if (tmp) {
		unlink(tmp);
		sigexit_tmp(NULL);
		free(tmp);
	}
	if (rc == 0) {
		int dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
		if (dfd >= 0) {
			fsync(dfd);
			close(dfd);
		}
	}
	free(dir);
	return rc;
}
