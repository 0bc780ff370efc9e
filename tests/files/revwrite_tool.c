/* revwrite_tool.c - test helper: writes a revision file from files of
 * NUL-separated statements, so shell tests can hand revwrite hostile text.
 * Usage: revwrite_tool DIR ID MESSAGE-FILE UP-FILE DOWN-FILE [DOWN-REV...] */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "revwrite.h"
#include "util.h"

static void split(const char *path, struct strvec *out)
{
	size_t len;
	char *text = read_file(path, &len);
	if (!text) {
		perror(path);
		exit(2);
	}
	size_t i = 0;
	while (i < len) {
		size_t n = strnlen(text + i, len - i);
		if (n)
			sv_push_owned(out, xstrndup(text + i, n));
		i += n + 1;
	}
	free(text);
}

int main(int argc, char **argv)
{
	if (argc < 6) {
		fprintf(stderr, "usage: %s DIR ID MESSAGE-FILE UP-FILE DOWN-FILE [DOWN-REV...]\n", argv[0]);
		return 2;
	}
	struct revwrite rw = { 0 };
	struct strvec up = STRVEC_INIT, down = STRVEC_INIT;
	char *msg = read_file(argv[3], NULL);
	if (!msg) {
		perror(argv[3]);
		return 2;
	}
	split(argv[4], &up);
	split(argv[5], &down);
	rw.message = msg;
	rw.id = argv[2];
	for (int i = 6; i < argc; i++)
		sv_push(&rw.down, argv[i]);
	rw.up = (const char *const *)up.v;
	rw.nup = up.n;
	rw.down_sql = (const char *const *)down.v;
	rw.ndown = down.n;
	clock_gettime(CLOCK_REALTIME, &rw.created);
	struct wfo_error err = { 0 };
	char *path = NULL;
	int rc = revwrite_file(argv[1], &rw, &path, &err);
	if (rc < 0)
		fprintf(stderr, "revwrite_tool: %s\n", err.msg);
	else
		printf("%s\n", path);
	free(path);
	free(msg);
	sv_free(&up);
	sv_free(&down);
	sv_free(&rw.down);
	return rc < 0 ? 1 : 0;
}
