/* tutorial_lesson.c - reading and checking the tutorial's lesson files
 * (see tutorial_lesson.h). */
#include "config.h"
#include "tutorial_lesson.h"

#include <dirent.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <jansson.h>

#include "models.h"
#include "plan.h"

static const char *const kinds[] = { "text", "quiz", "wizard", "run", "browse", "sql", "merge", NULL };

struct ctx {
	const char *file;
	struct wfo_error *err;
};

static int bad(struct ctx *c, const struct rnode *n, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static int bad(struct ctx *c, const struct rnode *n, const char *fmt, ...)
{
	struct strbuf sb = STRBUF_INIT;
	va_list ap;
	va_start(ap, fmt);
	sb_vaddf(&sb, fmt, ap);
	va_end(ap);
	wfo_fail(c->err, WFO_INPUT, "%s:%d:%d: %s", c->file, n ? n->line : 1, n ? n->col : 1, sb_str(&sb));
	sb_free(&sb);
	return -1;
}

static bool is_text(const struct rnode *n)
{
	return n && (n->kind == R_STR || n->kind == R_SCALAR);
}

/* An optional text key; required ones fail when missing. */
static int get_text(struct ctx *c, const struct rnode *map, const char *key, bool required, char **out)
{
	const struct rnode *n = rnode_get(map, key);
	*out = NULL;
	if (!n || n->kind == R_NULL) {
		if (required)
			return bad(c, map, "the key '%s' is missing", key);
		return 0;
	}
	if (!is_text(n))
		return bad(c, n, "'%s' must be text", key);
	*out = xstrdup(n->text);
	return 0;
}

static json_t *to_json(const struct rnode *n)
{
	switch (n->kind) {
	case R_MAP: {
		json_t *o = json_object();
		for (size_t i = 0; i < n->n; i++)
			json_object_set_new(o, n->keys[i], to_json(n->items[i]));
		return o;
	}
	case R_SEQ: {
		json_t *a = json_array();
		for (size_t i = 0; i < n->n; i++)
			json_array_append_new(a, to_json(n->items[i]));
		return a;
	}
	case R_NULL:
		return json_null();
	default:
		return json_string(n->text);
	}
}

/* A map of answers as JSON text (answers.h's formats). */
static int get_json(struct ctx *c, const struct rnode *map, const char *key, char **out)
{
	const struct rnode *n = rnode_get(map, key);
	*out = NULL;
	if (!n || n->kind == R_NULL)
		return 0;
	if (n->kind != R_MAP)
		return bad(c, n, "'%s' must be a map of answers", key);
	json_t *j = to_json(n);
	*out = json_dumps(j, JSON_COMPACT);
	json_decref(j);
	return 0;
}

/* A file name relative to the lesson's folder that must exist. */
static int get_file(struct ctx *c, const char *dir, const struct rnode *map, const char *key,
		    bool required, char **out)
{
	char *name;
	if (get_text(c, map, key, required, &name) < 0)
		return -1;
	*out = NULL;
	if (!name)
		return 0;
	*out = name[0] == '/' ? xstrdup(name) : xasprintf("%s/%s", dir, name);
	free(name);
	if (access(*out, R_OK) != 0)
		return bad(c, rnode_get(map, key), "the file %s cannot be read", *out);
	return 0;
}

static int load_step(struct ctx *c, const char *dir, const struct rnode *n, struct tut_step *s)
{
	s->line = n->line;
	if (n->kind != R_MAP)
		return bad(c, n, "a step must be a map (%s)", "kind: text|quiz|wizard|run|browse|sql|merge");
	char *kind;
	if (get_text(c, n, "kind", true, &kind) < 0)
		return -1;
	int k = 0;
	while (kinds[k] && strcmp(kinds[k], kind))
		k++;
	if (!kinds[k]) {
		int rc = bad(c, rnode_get(n, "kind"), "unknown kind '%s' (text, quiz, wizard, run, "
			     "browse, sql or merge)", kind);
		free(kind);
		return rc;
	}
	free(kind);
	s->kind = (enum tut_kind)k;
	static const char *const known[] = { "kind", "title", "text", "question", "answer", "hint",
					     "models", "before", "message", "screens", "inputs",
					     "updates", "command", "file", "screen", "fails", NULL };
	for (size_t i = 0; i < n->n; i++) {
		int j = 0;
		while (known[j] && strcmp(known[j], n->keys[i]))
			j++;
		if (!known[j]) {
			struct rnode pos = { .line = n->key_line[i], .col = n->key_col[i] };
			return bad(c, &pos, "unknown key '%s'", n->keys[i]);
		}
	}
	if (get_text(c, n, "title", false, &s->title) < 0 || get_text(c, n, "text", false, &s->text) < 0)
		return -1;
	switch (s->kind) {
	case TK_TEXT:
		if (!s->text)
			return bad(c, n, "a text step needs '%s'", "text");
		break;
	case TK_QUIZ:
		if (get_text(c, n, "question", true, &s->question) < 0 ||
		    get_text(c, n, "answer", true, &s->answer) < 0 ||
		    get_text(c, n, "hint", false, &s->hint) < 0)
			return -1;
		break;
	case TK_WIZARD: {
		if (get_file(c, dir, n, "models", true, &s->models) < 0 ||
		    get_file(c, dir, n, "before", false, &s->before) < 0 ||
		    get_text(c, n, "message", true, &s->message) < 0 ||
		    get_json(c, n, "inputs", &s->inputs_json) < 0 ||
		    get_json(c, n, "updates", &s->updates_json) < 0)
			return -1;
		const struct rnode *sc = rnode_get(n, "screens");
		if (sc && sc->kind != R_MAP)
			return bad(c, sc, "'%s' must map wizard steps to text", "screens");
		for (size_t i = 0; sc && i < sc->n; i++) {
			static const char *const screens[] = { "Differences", "Renames", "Details", "Review",
								"Write", NULL };
			int j = 0;
			while (screens[j] && strcmp(screens[j], sc->keys[i]))
				j++;
			if (!screens[j] || !is_text(sc->items[i])) {
				struct rnode pos = { .line = sc->key_line[i], .col = sc->key_col[i] };
				return bad(c, &pos, "screens: '%s' is not Differences, Renames, Details, Review "
					   "or Write with a text", sc->keys[i]);
			}
			sv_push(&s->screen_names, sc->keys[i]);
			sv_push(&s->screen_texts, sc->items[i]->text);
		}
		break;
	}
	case TK_RUN: {
		const struct rnode *cmd = rnode_get(n, "command");
		if (!cmd || cmd->kind != R_SEQ || !cmd->n)
			return bad(c, cmd ? cmd : n, "a run step needs '%s': a list, the wfo-migrate "
				   "command and its arguments", "command");
		for (size_t i = 0; i < cmd->n; i++) {
			if (!is_text(cmd->items[i]))
				return bad(c, cmd->items[i], "command arguments must be text%s", "");
			sv_push(&s->command, cmd->items[i]->text);
		}
		const struct rnode *fl = rnode_get(n, "fails");
		s->fails = fl && is_text(fl) && (!strcmp(fl->text, "true") || !strcmp(fl->text, "yes"));
		break;
	}
	case TK_SQL:
		if (get_file(c, dir, n, "file", true, &s->sql) < 0)
			return -1;
		break;
	case TK_MERGE: {
		if (get_text(c, n, "message", true, &s->message) < 0)
			return -1;
		const struct rnode *sc = rnode_get(n, "screen");
		s->screen = sc && is_text(sc) && (!strcmp(sc->text, "true") || !strcmp(sc->text, "yes"));
		break;
	}
	case TK_BROWSE:
		break;
	}
	return 0;
}

static void step_free(struct tut_step *s)
{
	free(s->title);
	free(s->text);
	free(s->question);
	free(s->answer);
	free(s->hint);
	free(s->models);
	free(s->before);
	free(s->message);
	free(s->inputs_json);
	free(s->updates_json);
	sv_free(&s->screen_names);
	sv_free(&s->screen_texts);
	sv_free(&s->command);
	free(s->sql);
}

void tut_lesson_free(struct tut_lesson *l)
{
	if (!l)
		return;
	for (size_t i = 0; i < l->n; i++)
		step_free(&l->steps[i]);
	free(l->steps);
	free(l->file);
	free(l->dir);
	free(l->title);
	free(l->summary);
	free(l);
}

int tut_lesson_load(const char *path, struct tut_lesson **out, struct wfo_error *err)
{
	*out = NULL;
	size_t len;
	char *text = read_file(path, &len);
	if (!text)
		return wfo_fail(err, WFO_IO, "cannot read the lesson %s", path);
	struct rnode *doc;
	int rc = registry_yaml_parse(path, text, len, &doc, err);
	free(text);
	if (rc < 0)
		return -1;
	struct ctx c = { path, err };
	struct tut_lesson *l = xcalloc(1, sizeof *l);
	l->file = xstrdup(path);
	const char *slash = strrchr(path, '/');
	l->dir = slash ? xstrndup(path, (size_t)(slash - path)) : xstrdup(".");
	rc = -1;
	if (doc->kind != R_MAP) {
		bad(&c, doc, "a lesson is a map (%s)", "lesson, title, summary, steps");
		goto out;
	}
	char *num = NULL;
	if (get_text(&c, doc, "lesson", true, &num) < 0)
		goto out;
	char *end;
	l->number = (int)strtol(num, &end, 10);
	if (*end || l->number < 1) {
		free(num);
		bad(&c, rnode_get(doc, "lesson"), "'lesson' must be a number from 1 on%s", "");
		goto out;
	}
	free(num);
	if (get_text(&c, doc, "title", true, &l->title) < 0 ||
	    get_text(&c, doc, "summary", true, &l->summary) < 0)
		goto out;
	const struct rnode *steps = rnode_get(doc, "steps");
	if (!steps || steps->kind != R_SEQ || !steps->n) {
		bad(&c, steps ? steps : doc, "'steps' must be a list of steps%s", "");
		goto out;
	}
	l->steps = xcalloc(steps->n, sizeof *l->steps);
	for (size_t i = 0; i < steps->n; i++) {
		l->n++;
		if (load_step(&c, l->dir, steps->items[i], &l->steps[i]) < 0)
			goto out;
	}
	rc = 0;
out:
	rnode_free(doc);
	if (rc < 0)
		tut_lesson_free(l);
	else
		*out = l;
	return rc;
}

static int cmp_lesson(const void *a, const void *b)
{
	const struct tut_lesson *x = *(struct tut_lesson *const *)a, *y = *(struct tut_lesson *const *)b;
	return x->number - y->number;
}

void tut_lessons_free(struct tut_lesson **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		tut_lesson_free(v[i]);
	free(v);
}

int tut_lessons_load(const char *dir, struct tut_lesson ***out, size_t *n, struct wfo_error *err)
{
	*out = NULL;
	*n = 0;
	DIR *d = opendir(dir);
	if (!d)
		return wfo_fail(err, WFO_IO, "cannot open the lessons folder %s", dir);
	struct strvec names = STRVEC_INIT;
	struct dirent *e;
	while ((e = readdir(d)))
		if (e->d_name[0] >= '1' && e->d_name[0] <= '9' && str_ends_with(e->d_name, ".yaml"))
			sv_push(&names, e->d_name);
	closedir(d);
	sv_sort(&names);
	struct tut_lesson **v = xcalloc(names.n + 1, sizeof *v);
	size_t k = 0;
	int rc = 0;
	for (size_t i = 0; i < names.n && rc == 0; i++) {
		char *p = xasprintf("%s/%s", dir, names.v[i]);
		rc = tut_lesson_load(p, &v[k], err);
		free(p);
		if (rc == 0)
			k++;
	}
	sv_free(&names);
	if (rc == 0) {
		qsort(v, k, sizeof *v, cmp_lesson);
		for (size_t i = 0; i < k; i++)
			if (v[i]->number != (int)i + 1) {
				rc = wfo_fail(err, WFO_INPUT, "%s: lesson %d where lesson %zu was expected "
					      "(lessons are numbered 1, 2, ... without gaps)", v[i]->file,
					      v[i]->number, i + 1);
				break;
			}
	}
	if (rc == 0 && !k)
		rc = wfo_fail(err, WFO_IO, "no lesson files (N-name.yaml) in %s", dir);
	if (rc < 0) {
		tut_lessons_free(v, k);
		return -1;
	}
	*out = v;
	*n = k;
	return 0;
}

static void flatten(const char *file, json_t *j, const char *k[3], int depth, struct strvec *keys,
		    struct strvec *values)
{
	if (json_is_string(j)) {
		if (depth < 1)
			return;
		sv_push_owned(keys, plan_key_path(file, k[0], depth > 1 ? k[1] : NULL,
						  depth > 2 ? k[2] : NULL));
		sv_push(values, json_string_value(j));
		return;
	}
	if (!json_is_object(j) || depth >= 3)
		return;
	const char *key;
	json_t *v;
	json_object_foreach(j, key, v) {
		k[depth] = key;
		flatten(file, v, k, depth + 1, keys, values);
	}
}

void tut_expected(const struct tut_step *s, struct strvec *keys, struct strvec *values)
{
	const char *texts[2] = { s->updates_json, s->inputs_json };
	const char *files[2] = { "updates", "inputs" };
	for (int i = 0; i < 2; i++) {
		if (!texts[i])
			continue;
		json_t *j = json_loads(texts[i], 0, NULL);
		const char *k[3] = { NULL, NULL, NULL };
		if (j)
			flatten(files[i], j, k, 0, keys, values);
		json_decref(j);
	}
}

const char *tut_screen_text(const struct tut_step *s, const char *screen)
{
	for (size_t i = 0; i < s->screen_names.n; i++)
		if (!strcmp(s->screen_names.v[i], screen))
			return s->screen_texts.v[i];
	return NULL;
}
