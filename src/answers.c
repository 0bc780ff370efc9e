/* answers.c - --inputs / --updates JSON into a plan, and a plan's answers
 * back out as such JSON (jansson). */
#include "config.h"
#include "answers.h"

#include <stdlib.h>
#include <string.h>

#include <jansson.h>

/* A key of ours in --updates (orchestrator-core reads only its three): the
 * renames given answer their questions and the others are still asked. */
#define ASK_OTHERS "ask_other_renames"

static json_t *parse(const char *opt, const char *text, struct wfo_error *err)
{
	if (!text)
		text = "";
	if (text[0] == '@') {
		wfo_fail(err, WFO_INPUT, "--%s: '%s' names a file; read it first (the caller "
			 "passes the file's contents)", opt, text);
		return NULL;
	}
	json_error_t je;
	json_t *root = json_loads(text, JSON_REJECT_DUPLICATES | JSON_ALLOW_NUL, &je);
	if (!root) {
		wfo_fail(err, WFO_INPUT, "--%s: invalid JSON at line %d, column %d: %s", opt, je.line,
			 je.column, je.text);
		return NULL;
	}
	if (!json_is_object(root)) {
		json_decref(root);
		wfo_fail(err, WFO_INPUT, "--%s: expected a JSON object ({...}) at the top level", opt);
		return NULL;
	}
	return root;
}

/* The text of a scalar answer; NULL for "not answered" ("", null, false, 0
 * as the reference treats them); -1 with err for objects and arrays. */
static int scalar_text(json_t *v, const char *kp, char **out, struct wfo_error *err)
{
	*out = NULL;
	if (json_is_string(v)) {
		if (json_string_length(v) != strlen(json_string_value(v)))
			return wfo_fail(err, WFO_INPUT, "%s: the text contains a NUL character", kp);
		if (json_string_value(v)[0])
			*out = xstrdup(json_string_value(v));
		return 0;
	}
	if (json_is_integer(v)) {
		if (json_integer_value(v))
			*out = xasprintf("%" JSON_INTEGER_FORMAT, json_integer_value(v));
		return 0;
	}
	if (json_is_real(v)) {
		if (json_real_value(v) != 0.0)
			*out = xasprintf("%.17g", json_real_value(v));
		return 0;
	}
	if (json_is_true(v))
		return wfo_fail(err, WFO_INPUT, "%s: expected a text, not true", kp);
	if (json_is_null(v) || json_is_false(v))
		return 0;
	return wfo_fail(err, WFO_INPUT, "%s: expected a text, found an %s", kp,
			json_is_object(v) ? "object" : "array");
}

int answers_load_inputs(struct plan *p, const char *json_text, struct wfo_error *err)
{
	json_t *root = parse("inputs", json_text, err);
	if (!root)
		return -1;
	struct strvec keys = STRVEC_INIT, vals = STRVEC_INIT;
	const char *k1;
	json_t *obj;
	int rc = 0;
	json_object_foreach(root, k1, obj) {
		if (!json_is_object(obj)) {
			char *kp = plan_key_path("inputs", k1, NULL, NULL);
			rc = wfo_fail(err, WFO_INPUT, "%s: expected an object of answers, e.g. "
				      "{\"description\": \"...\"}", kp);
			free(kp);
			break;
		}
		const char *k2;
		json_t *v;
		json_object_foreach(obj, k2, v) {
			char *kp = plan_key_path("inputs", k1, k2, NULL);
			char *text;
			if (scalar_text(v, kp, &text, err) < 0) {
				free(kp);
				rc = -1;
				break;
			}
			if (text) {
				sv_push_owned(&keys, kp);
				sv_push_owned(&vals, text);
			} else {
				free(kp);
			}
		}
		if (rc)
			break;
	}
	json_decref(root);
	if (rc == 0)
		for (size_t i = 0; i < keys.n; i++)
			plan_set_answer(p, keys.v[i], vals.v[i]);
	sv_free(&keys);
	sv_free(&vals);
	return rc;
}

/* obj[k] -> { old: new } pairs appended to olds/news (and owner). */
static int load_pairs(json_t *obj, const char *k1, const char *owner, struct strvec *owners,
		      struct strvec *olds, struct strvec *news, struct wfo_error *err)
{
	const char *old;
	json_t *v;
	json_object_foreach(obj, old, v) {
		if (!json_is_string(v) || !json_string_value(v)[0]) {
			char *kp = plan_key_path("updates", k1, owner ? owner : old, owner ? old : NULL);
			int rc = wfo_fail(err, WFO_INPUT, "%s: expected the new name as a non-empty text", kp);
			free(kp);
			return rc;
		}
		if (owners)
			sv_push(owners, owner);
		sv_push(olds, old);
		sv_push(news, json_string_value(v));
	}
	return 0;
}

static void set_rename(struct plan *p, const char *k1, const char *k2, const char *k3, const char *value)
{
	char *kp = plan_key_path("updates", k1, k2, k3);
	plan_set_answer(p, kp, value);
	free(kp);
}

int answers_load_updates(struct plan *p, const char *json_text, struct wfo_error *err)
{
	json_t *root = parse("updates", json_text, err);
	if (!root)
		return -1;
	struct plan_updates u;
	memset(&u, 0, sizeof(u));
	int rc = 0;
	const char *k;
	json_t *v;
	bool ask_others = false;
	json_object_foreach(root, k, v) {
		if (!strcmp(k, ASK_OTHERS)) {
			if (!json_is_boolean(v)) {
				rc = wfo_fail(err, WFO_INPUT, "updates[\"%s\"]: expected true or false", k);
				break;
			}
			ask_others = json_is_true(v);
			continue;
		}
		bool known = !strcmp(k, "fixed_inputs") || !strcmp(k, "resource_types") ||
			     !strcmp(k, "block_resource_types");
		if (!known) {
			rc = wfo_fail(err, WFO_INPUT, "updates[\"%s\"]: unknown key; expected fixed_inputs, "
				      "resource_types, block_resource_types or " ASK_OTHERS, k);
			break;
		}
		if (!json_is_object(v)) {
			rc = wfo_fail(err, WFO_INPUT, "updates[\"%s\"]: expected an object", k);
			break;
		}
		if (!strcmp(k, "resource_types")) {
			rc = load_pairs(v, k, NULL, NULL, &u.rt_old, &u.rt_new, err);
		} else {
			const char *owner;
			json_t *inner;
			json_object_foreach(v, owner, inner) {
				if (!json_is_object(inner)) {
					rc = wfo_fail(err, WFO_INPUT, "updates[\"%s\"][\"%s\"]: expected an "
						      "object {\"<old name>\": \"<new name>\"}", k, owner);
					break;
				}
				if (!strcmp(k, "fixed_inputs"))
					rc = load_pairs(inner, k, owner, &u.fi_product, &u.fi_old, &u.fi_new, err);
				else
					rc = load_pairs(inner, k, owner, &u.brt_block, &u.brt_old, &u.brt_new, err);
				if (rc)
					break;
			}
		}
		if (rc)
			break;
	}
	json_decref(root);
	/* docs/REFERENCE.md: renames: an empty --updates ({}) leaves the rename questions on */
	bool any = u.fi_old.n || u.rt_old.n || u.brt_old.n;
	if (rc == 0 && any && ask_others) {
		/* the pairs answer their rename questions; the other questions
		   stay open (a saved, unfinished wizard run) */
		for (size_t i = 0; i < u.rt_old.n; i++)
			set_rename(p, "resource_types", u.rt_old.v[i], NULL, u.rt_new.v[i]);
		for (size_t i = 0; i < u.brt_old.n; i++)
			set_rename(p, "block_resource_types", u.brt_block.v[i], u.brt_old.v[i], u.brt_new.v[i]);
		for (size_t i = 0; i < u.fi_old.n; i++)
			set_rename(p, "fixed_inputs", u.fi_product.v[i], u.fi_old.v[i], u.fi_new.v[i]);
	} else if (rc == 0 && any) {
		rc = plan_set_updates(p, &u, err);
	}
	plan_updates_free(&u);
	return rc;
}

static json_t *child(json_t *o, const char *k)
{
	json_t *c = json_object_get(o, k);
	if (!c) {
		c = json_object();
		json_object_set_new(o, k, c);
	}
	return c;
}

static char *dump(json_t *root)
{
	char *s = json_dumps(root, JSON_INDENT(2) | JSON_SORT_KEYS);
	json_decref(root);
	char *r = xasprintf("%s\n", s ? s : "{}");
	free(s);
	return r;
}

char *answers_dump_inputs(const struct plan *p)
{
	json_t *root = json_object();
	for (size_t i = 0; i < plan_count(p); i++) {
		const struct plan_question *q = plan_question(p, i);
		if (!q->answer || !q->file || strcmp(q->file, "inputs") != 0 || !q->key2)
			continue;
		json_object_set_new(child(root, q->key1), q->key2, json_string(q->answer));
	}
	return dump(root);
}

char *answers_dump_updates(const struct plan *p)
{
	return answers_dump_updates_open(p, false);
}

char *answers_dump_updates_open(const struct plan *p, bool ask_others)
{
	struct plan_updates u;
	plan_current_updates(p, &u);
	json_t *root = json_object();
	if (ask_others)
		json_object_set_new(root, ASK_OTHERS, json_true());
	for (size_t i = 0; i < u.fi_old.n; i++)
		json_object_set_new(child(child(root, "fixed_inputs"), u.fi_product.v[i]), u.fi_old.v[i],
				    json_string(u.fi_new.v[i]));
	for (size_t i = 0; i < u.rt_old.n; i++)
		json_object_set_new(child(root, "resource_types"), u.rt_old.v[i],
				    json_string(u.rt_new.v[i]));
	for (size_t i = 0; i < u.brt_old.n; i++)
		json_object_set_new(child(child(root, "block_resource_types"), u.brt_block.v[i]),
				    u.brt_old.v[i], json_string(u.brt_new.v[i]));
	plan_updates_free(&u);
	return dump(root);
}
