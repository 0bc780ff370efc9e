/* registry_yaml.c - a YAML model file (registry shape or generator product
 * file) into a positioned tree (libyaml). */
#include "config.h"
#include "models.h"

#include <stdlib.h>
#include <string.h>

#include <yaml.h>

static bool is_null_plain(const char *s)
{
	return !*s || !strcmp(s, "~") || !strcmp(s, "null") || !strcmp(s, "Null") || !strcmp(s, "NULL");
}

static bool is_plain_scalar(const char *s)
{
	static const char *const words[] = { "true", "True", "TRUE", "false", "False", "FALSE",
					     "yes", "Yes", "YES", "no", "No", "NO", "on", "On", "ON",
					     "off", "Off", "OFF", NULL };
	for (int i = 0; words[i]; i++)
		if (!strcmp(s, words[i]))
			return true;
	char *end;
	(void)strtod(s, &end);
	return *s && !*end;
}

static struct rnode *convert(yaml_document_t *doc, yaml_node_t *y, int depth)
{
	int line = (int)y->start_mark.line + 1, col = (int)y->start_mark.column + 1;
	struct rnode *n;
	if (depth > 100)
		return rnode_new(R_NULL, line, col);
	switch (y->type) {
	case YAML_SCALAR_NODE: {
		const char *s = (const char *)y->data.scalar.value;
		bool plain = y->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
		if (plain && is_null_plain(s))
			return rnode_new(R_NULL, line, col);
		n = rnode_new(plain && is_plain_scalar(s) ? R_SCALAR : R_STR, line, col);
		n->text = xstrndup(s, y->data.scalar.length);
		return n;
	}
	case YAML_SEQUENCE_NODE:
		n = rnode_new(R_SEQ, line, col);
		for (yaml_node_item_t *it = y->data.sequence.items.start; it < y->data.sequence.items.top; it++)
			rnode_add(n, convert(doc, yaml_document_get_node(doc, *it), depth + 1));
		return n;
	case YAML_MAPPING_NODE:
		n = rnode_new(R_MAP, line, col);
		for (yaml_node_pair_t *p = y->data.mapping.pairs.start; p < y->data.mapping.pairs.top; p++) {
			yaml_node_t *k = yaml_document_get_node(doc, p->key);
			yaml_node_t *v = yaml_document_get_node(doc, p->value);
			const char *ks = k && k->type == YAML_SCALAR_NODE ? (const char *)k->data.scalar.value : "?";
			rnode_put(n, xstrdup(ks), k ? (int)k->start_mark.line + 1 : line,
				  k ? (int)k->start_mark.column + 1 : col,
				  v ? convert(doc, v, depth + 1) : rnode_new(R_NULL, line, col));
		}
		return n;
	default:
		return rnode_new(R_NULL, line, col);
	}
}

struct keyref {
	const char *key;
	size_t i;
};

static int cmp_keyref(const void *a, const void *b)
{
	const struct keyref *x = a, *y = b;
	int r = strcmp(x->key, y->key);
	return r ? r : (x->i > y->i) - (x->i < y->i);
}

/* Repeated keys in one mapping are an error in a model file. */
static int check_dup_keys(const char *file, const struct rnode *n, struct wfo_error *err)
{
	if (n->kind == R_MAP && n->n > 1) {
		struct keyref *k = xmalloc(n->n * sizeof(*k));
		for (size_t i = 0; i < n->n; i++)
			k[i] = (struct keyref){ n->keys[i], i };
		qsort(k, n->n, sizeof(*k), cmp_keyref);
		for (size_t i = 1; i < n->n; i++) {
			if (strcmp(k[i].key, k[i - 1].key) == 0) {
				size_t a = k[i - 1].i, b = k[i].i;
				free(k);
				return wfo_fail(err, WFO_INPUT,
						"%s:%d:%d: key \"%s\" repeated (first at line %d)",
						file, n->key_line[b], n->key_col[b], n->keys[b],
						n->key_line[a]);
			}
		}
		free(k);
	}
	for (size_t i = 0; (n->kind == R_MAP || n->kind == R_SEQ) && i < n->n; i++)
		if (check_dup_keys(file, n->items[i], err) < 0)
			return -1;
	return 0;
}

int registry_yaml_parse(const char *file, const char *text, size_t len, struct rnode **out,
			struct wfo_error *err)
{
	yaml_parser_t p;
	yaml_document_t doc;
	*out = NULL;
	if (!yaml_parser_initialize(&p))
		return wfo_fail(err, WFO_INTERNAL, "%s: cannot start the YAML parser", file);
	yaml_parser_set_input_string(&p, (const unsigned char *)text, len);
	if (!yaml_parser_load(&p, &doc)) {
		int rc = wfo_fail(err, WFO_INPUT, "%s:%zu:%zu: invalid YAML: %s%s%s", file,
				  p.problem_mark.line + 1, p.problem_mark.column + 1,
				  p.problem ? p.problem : "syntax error",
				  p.context ? " " : "", p.context ? p.context : "");
		yaml_parser_delete(&p);
		return rc;
	}
	yaml_node_t *root = yaml_document_get_root_node(&doc);
	struct rnode *tree = root ? convert(&doc, root, 0) : rnode_new(R_NULL, 1, 1);
	yaml_document_delete(&doc);
	/* A second document is not part of the model format. */
	yaml_document_t doc2;
	if (yaml_parser_load(&p, &doc2)) {
		yaml_node_t *r2 = yaml_document_get_root_node(&doc2);
		if (r2) {
			int rc = wfo_fail(err, WFO_INPUT,
					  "%s:%zu:%zu: a second YAML document; a model file holds one",
					  file, r2->start_mark.line + 1, r2->start_mark.column + 1);
			yaml_document_delete(&doc2);
			yaml_parser_delete(&p);
			rnode_free(tree);
			return rc;
		}
		yaml_document_delete(&doc2);
	} else {
		int rc = wfo_fail(err, WFO_INPUT, "%s:%zu:%zu: invalid YAML: %s%s%s", file,
				  p.problem_mark.line + 1, p.problem_mark.column + 1,
				  p.problem ? p.problem : "syntax error",
				  p.context ? " " : "", p.context ? p.context : "");
		yaml_parser_delete(&p);
		rnode_free(tree);
		return rc;
	}
	yaml_parser_delete(&p);
	if (check_dup_keys(file, tree, err) < 0) {
		rnode_free(tree);
		return -1;
	}
	*out = tree;
	return 0;
}
