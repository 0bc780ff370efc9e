/* replay.c - runs files through a fuzz target without libFuzzer: the
 * corpus replayer that `make check` runs (under ASan and UBSan in the
 * sanitizer build).
 *
 * Usage: replay_NAME [FILE|FOLDER]...
 * Without arguments: every file of $WFO_TOP_SRCDIR/tests/fuzz/corpus/NAME,
 * and of tests/fuzz/crashers/NAME when NAME is a word of
 * $WFO_FUZZ_CRASHERS. A folder that is missing or holds no file fails (a
 * replay of nothing proves nothing). An input that runs longer than
 * $WFO_FUZZ_TIMEOUT seconds (default 20) fails as a hang. A crash is
 * the sanitizer's report or a signal, after the input's name was printed. */
#include "config.h"
#include "fuzz.h"

#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char *current;

static void on_alarm(int sig)
{
	(void)sig;
	static const char msg[] = "replay: HANG: input ran longer than the timeout: ";
	ssize_t w = write(2, msg, sizeof(msg) - 1);
	w = write(2, current, strlen(current));
	w = write(2, "\n", 1);
	(void)w;
	_exit(1);
}

static int read_all(const char *path, uint8_t **out, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return -1;
	size_t cap = 4096, n = 0;
	uint8_t *buf = malloc(cap);
	size_t got;
	while (buf && (got = fread(buf + n, 1, cap - n, f)) > 0) {
		n += got;
		if (n == cap) {
			uint8_t *nb = realloc(buf, cap *= 2);
			if (!nb) {
				free(buf);
				buf = NULL;
				break;
			}
			buf = nb;
		}
	}
	int bad = ferror(f) || !buf;
	fclose(f);
	if (bad) {
		free(buf);
		return -1;
	}
	*out = buf;
	*len = n;
	return 0;
}

static int run_one(const char *path, unsigned timeout)
{
	uint8_t *data;
	size_t len;
	if (read_all(path, &data, &len) < 0) {
		fprintf(stderr, "replay: cannot read %s: %s\n", path, strerror(errno));
		return -1;
	}
	fprintf(stderr, "replay: %s (%zu bytes)\n", path, len);
	current = path;
	alarm(timeout);
	/* a copy of exactly len bytes, so that ASan sees any read past it */
	uint8_t *copy = malloc(len ? len : 1);
	memcpy(copy, data, len);
	LLVMFuzzerTestOneInput(copy, len);
	alarm(0);
	free(copy);
	free(data);
	return 0;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Runs path (a file, or every regular file of a folder, in name order);
 * counts the inputs in *n. */
static int run_path(const char *path, unsigned timeout, int *n)
{
	struct stat st;
	if (stat(path, &st) < 0) {
		fprintf(stderr, "replay: %s: %s\n", path, strerror(errno));
		return -1;
	}
	if (!S_ISDIR(st.st_mode)) {
		(*n)++;
		return run_one(path, timeout);
	}
	DIR *d = opendir(path);
	if (!d) {
		fprintf(stderr, "replay: %s: %s\n", path, strerror(errno));
		return -1;
	}
	char **names = NULL;
	size_t k = 0;
	struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		names = realloc(names, (k + 1) * sizeof(*names));
		names[k++] = strdup(e->d_name);
	}
	closedir(d);
	if (k)
		qsort(names, k, sizeof(*names), cmp_str);
	int rc = 0, before = *n;
	for (size_t i = 0; i < k; i++) {
		size_t len = strlen(path) + strlen(names[i]) + 2;
		char *full = malloc(len);
		snprintf(full, len, "%s/%s", path, names[i]);
		if (stat(full, &st) == 0 && S_ISREG(st.st_mode)) {
			(*n)++;
			if (run_one(full, timeout) < 0)
				rc = -1;
		}
		free(full);
		free(names[i]);
	}
	free(names);
	if (*n == before) {
		fprintf(stderr, "replay: %s holds no input\n", path);
		return -1;
	}
	return rc;
}

static int has_word(const char *list, const char *word)
{
	size_t wl = strlen(word);
	for (const char *p = list; p && *p;) {
		p += strspn(p, " \t,");
		size_t l = strcspn(p, " \t,");
		if (l == wl && !strncmp(p, word, l))
			return 1;
		p += l;
	}
	return 0;
}

int main(int argc, char **argv)
{
	const char *t = getenv("WFO_FUZZ_TIMEOUT");
	unsigned timeout = t && atoi(t) > 0 ? (unsigned)atoi(t) : 20;
	signal(SIGALRM, on_alarm);
	int n = 0, rc = 0;
	if (argc > 1) {
		for (int i = 1; i < argc; i++)
			if (run_path(argv[i], timeout, &n) < 0)
				rc = 1;
	} else {
		const char *top = getenv("WFO_TOP_SRCDIR");
		const char *dirs[] = { "corpus", "crashers" };
		for (int i = 0; i < 2; i++) {
			if (i == 1 && !has_word(getenv("WFO_FUZZ_CRASHERS"), fuzz_target_name))
				continue;
			size_t len = strlen(top ? top : ".") + strlen(fuzz_target_name) + 32;
			char *dir = malloc(len);
			snprintf(dir, len, "%s/tests/fuzz/%s/%s", top ? top : ".", dirs[i],
				 fuzz_target_name);
			if (run_path(dir, timeout, &n) < 0)
				rc = 1;
			free(dir);
		}
	}
	printf("%s: %d inputs replayed%s\n", fuzz_target_name, n, rc ? ", with errors" : "");
	printf("%d passed, %d failed\n", rc ? 0 : n, rc ? 1 : 0);
	return rc;
}
