/* tutorial_progress.c - the tutorial's remembered progress (see
 * tutorial_progress.h). */
#include "config.h"
#include "tutorial_progress.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <jansson.h>

#include "util.h"

int tut_progress_load(const char *path, struct tut_progress *p, struct wfo_error *err)
{
	memset(p, 0, sizeof *p);
	if (access(path, F_OK) != 0)
		return 0;
	json_error_t je;
	json_t *j = json_load_file(path, 0, &je);
	if (!j)
		return wfo_fail(err, WFO_INPUT, "%s:%d:%d: %s ('wfo-migrate tutorial --reset' starts afresh)",
				path, je.line, je.column, je.text);
	int rc = 0;
	json_t *done = json_object_get(j, "completed"), *started = json_object_get(j, "started");
	if (!json_is_object(j) || (done && !json_is_array(done)) || (started && !json_is_integer(started))) {
		rc = wfo_fail(err, WFO_INPUT, "%s: not the tutorial's progress (\"completed\": a list of "
			      "lesson numbers, \"started\": a number); 'wfo-migrate tutorial --reset' starts "
			      "afresh", path);
		goto out;
	}
	size_t i;
	json_t *v;
	json_array_foreach(done, i, v) {
		json_int_t n = json_is_integer(v) ? json_integer_value(v) : 0;
		if (n >= 1 && n <= TUT_MAX_LESSONS)
			p->completed[n] = true;
	}
	if (started && json_integer_value(started) >= 0 && json_integer_value(started) <= TUT_MAX_LESSONS)
		p->started = (int)json_integer_value(started);
out:
	json_decref(j);
	return rc;
}

int tut_progress_save(const char *path, const struct tut_progress *p, struct wfo_error *err)
{
	json_t *j = json_object(), *done = json_array();
	for (int n = 1; n <= TUT_MAX_LESSONS; n++)
		if (p->completed[n])
			json_array_append_new(done, json_integer(n));
	json_object_set_new(j, "version", json_integer(1));
	json_object_set_new(j, "completed", done);
	json_object_set_new(j, "started", json_integer(p->started));
	char *text = json_dumps(j, JSON_INDENT(2));
	json_decref(j);
	char *tmp = xasprintf("%s.tmp.%ld", path, (long)getpid());
	FILE *fp = fopen(tmp, "w");
	int rc = 0;
	if (!fp || fprintf(fp, "%s\n", text) < 0 || fclose(fp) != 0 || rename(tmp, path) != 0) {
		rc = wfo_fail(err, WFO_IO, "cannot write %s: %s", path, strerror(errno));
		unlink(tmp);
	}
	free(tmp);
	free(text);
	return rc;
}

int tut_progress_next(const struct tut_progress *p, int n)
{
	for (int i = 1; i <= n && i <= TUT_MAX_LESSONS; i++)
		if (!p->completed[i])
			return i;
	return 0;
}
