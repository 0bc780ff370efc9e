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

/* ---- building the tree from libyaml's events ----
 * Not yaml_parser_load(): its document keeps aliases as shared nodes, and
 * copying them out expands a few hundred bytes into billions of nodes; and
 * it parses everything before the depth can be checked. Events let every
 * limit stop the parse at the line that breaks it. */

struct anchor {
	char *name;
	struct rnode *node;   /* NULL while the node is still being read */
	char *raw;            /* a scalar's text as written (keys through aliases) */
};

struct frame {
	struct rnode *node;
	char *key;            /* R_MAP: the key read, waiting for its value */
	int key_line, key_col;
	int key_is_raw;       /* the next event is a key */
	size_t anchor;        /* index + 1 of the anchor naming node, or 0 */
};

struct builder {
	const char *file;
	struct wfo_error *err;
	struct frame *st;
	size_t depth, cap;
	struct anchor *an;
	size_t nan, can;
	size_t alias_nodes;   /* nodes made by copying aliases, all together */
	struct rnode *root;
	struct rnode **junk;  /* nodes read as keys */
	size_t njunk, cjunk;
};

static size_t count_nodes(const struct rnode *n)
{
	size_t c = 1;
	for (size_t i = 0; (n->kind == R_MAP || n->kind == R_SEQ) && i < n->n; i++)
		c += count_nodes(n->items[i]);
	return c;
}

static struct rnode *copy_node(const struct rnode *n)
{
	struct rnode *c = rnode_new(n->kind, n->line, n->col);
	if (n->text)
		c->text = xstrdup(n->text);
	for (size_t i = 0; i < n->n; i++) {
		if (n->kind == R_MAP)
			rnode_put(c, xstrdup(n->keys[i]), n->key_line[i], n->key_col[i],
				  copy_node(n->items[i]));
		else
			rnode_add(c, copy_node(n->items[i]));
	}
	return c;
}

static struct anchor *find_anchor(struct builder *b, const char *name)
{
	for (size_t i = b->nan; i-- > 0;)   /* a later definition wins */
		if (!strcmp(b->an[i].name, name))
			return &b->an[i];
	return NULL;
}

static size_t add_anchor(struct builder *b, const yaml_char_t *name, struct rnode *node,
			 const char *raw)
{
	if (!name)
		return 0;
	if (b->nan == b->can) {
		b->can = b->can ? b->can * 2 : 8;
		b->an = xrealloc(b->an, b->can * sizeof(*b->an));
	}
	b->an[b->nan++] = (struct anchor){ xstrdup((const char *)name), node,
					   raw ? xstrdup(raw) : NULL };
	return b->nan;
}

/* Hands a finished node (with the raw text of a scalar, for keys) to the
 * open container, or makes it the root. */
static void place(struct builder *b, struct rnode *n, const char *raw, const yaml_mark_t *m)
{
	if (!b->depth) {
		b->root = n;
		return;
	}
	struct frame *f = &b->st[b->depth - 1];
	if (f->node->kind == R_SEQ) {
		rnode_add(f->node, n);
	} else if (f->key_is_raw) {
		/* a key: its text; a key that is not a scalar reads as "?" */
		f->key = xstrdup(raw ? raw : "?");
		f->key_line = (int)m->line + 1;
		f->key_col = (int)m->column + 1;
		f->key_is_raw = 0;
		/* kept until the end: an anchor may name it */
		if (b->njunk == b->cjunk) {
			b->cjunk = b->cjunk ? b->cjunk * 2 : 8;
			b->junk = xrealloc(b->junk, b->cjunk * sizeof(*b->junk));
		}
		b->junk[b->njunk++] = n;
	} else {
		rnode_put(f->node, f->key, f->key_line, f->key_col, n);
		f->key = NULL;
		f->key_is_raw = 1;
	}
}

static struct rnode *scalar_node(const yaml_event_t *e)
{
	const char *s = (const char *)e->data.scalar.value;
	int line = (int)e->start_mark.line + 1, col = (int)e->start_mark.column + 1;
	bool plain = e->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
	if (plain && is_null_plain(s))
		return rnode_new(R_NULL, line, col);
	struct rnode *n = rnode_new(plain && is_plain_scalar(s) ? R_SCALAR : R_STR, line, col);
	n->text = xstrndup(s, e->data.scalar.length);
	return n;
}

/* One event; 1 when the document is complete, 0 to go on, -1 on error. */
static int on_event(struct builder *b, const yaml_event_t *e)
{
	const yaml_mark_t *m = &e->start_mark;
	switch (e->type) {
	case YAML_SCALAR_EVENT: {
		struct rnode *n = scalar_node(e);
		const char *raw = (const char *)e->data.scalar.value;
		add_anchor(b, e->data.scalar.anchor, n, raw);
		place(b, n, raw, m);
		break;
	}
	case YAML_ALIAS_EVENT: {
		const char *name = (const char *)e->data.alias.anchor;
		struct anchor *a = find_anchor(b, name);
		if (!a)
			return wfo_fail(b->err, WFO_INPUT, "%s:%zu:%zu: invalid YAML: alias *%s names "
					"no anchor before it", b->file, m->line + 1, m->column + 1, name);
		if (!a->node)
			return wfo_fail(b->err, WFO_INPUT, "%s:%zu:%zu: alias *%s is inside the node "
					"it names (a recursive structure, which a model file cannot "
					"hold)", b->file, m->line + 1, m->column + 1, name);
		size_t c = count_nodes(a->node);
		if (c > YAML_MAX_ALIAS_NODES - b->alias_nodes)
			return wfo_fail(b->err, WFO_INPUT, "%s:%zu:%zu: aliases expand to more than "
					"%d nodes (the limit for a model file; a \"billion laughs\" "
					"file?)", b->file, m->line + 1, m->column + 1,
					YAML_MAX_ALIAS_NODES);
		b->alias_nodes += c;
		place(b, copy_node(a->node), a->raw, m);
		break;
	}
	case YAML_SEQUENCE_START_EVENT:
	case YAML_MAPPING_START_EVENT: {
		if (b->depth >= YAML_MAX_DEPTH)
			return wfo_fail(b->err, WFO_INPUT, "%s:%zu:%zu: nested more than %d levels "
					"deep (the limit for a model file)", b->file, m->line + 1,
					m->column + 1, YAML_MAX_DEPTH);
		int map = e->type == YAML_MAPPING_START_EVENT;
		struct rnode *n = rnode_new(map ? R_MAP : R_SEQ, (int)m->line + 1, (int)m->column + 1);
		if (b->depth == b->cap) {
			b->cap = b->cap ? b->cap * 2 : 16;
			b->st = xrealloc(b->st, b->cap * sizeof(*b->st));
		}
		const yaml_char_t *anchor = map ? e->data.mapping_start.anchor
						: e->data.sequence_start.anchor;
		b->st[b->depth++] = (struct frame){ n, NULL, 0, 0, map, add_anchor(b, anchor, NULL, NULL) };
		break;
	}
	case YAML_SEQUENCE_END_EVENT:
	case YAML_MAPPING_END_EVENT: {
		struct frame f = b->st[--b->depth];
		free(f.key);
		if (f.anchor)
			b->an[f.anchor - 1].node = f.node;
		/* as a key, a container is named at its start */
		yaml_mark_t start = { 0, (size_t)f.node->line - 1, (size_t)f.node->col - 1 };
		place(b, f.node, NULL, &start);
		break;
	}
	case YAML_DOCUMENT_END_EVENT:
		return 1;
	default:
		break;
	}
	return 0;
}

static void builder_free(struct builder *b)
{
	for (size_t i = 0; i < b->depth; i++) {
		free(b->st[i].key);
		rnode_free(b->st[i].node);
	}
	free(b->st);
	for (size_t i = 0; i < b->nan; i++) {
		free(b->an[i].name);
		free(b->an[i].raw);
	}
	free(b->an);
	for (size_t i = 0; i < b->njunk; i++)
		rnode_free(b->junk[i]);
	free(b->junk);
}

static int syntax_error(const char *file, yaml_parser_t *p, struct wfo_error *err)
{
	return wfo_fail(err, WFO_INPUT, "%s:%zu:%zu: invalid YAML: %s%s%s", file,
			p->problem_mark.line + 1, p->problem_mark.column + 1,
			p->problem ? p->problem : "syntax error",
			p->context ? " " : "", p->context ? p->context : "");
}

int registry_yaml_parse(const char *file, const char *text, size_t len, struct rnode **out,
			struct wfo_error *err)
{
	yaml_parser_t p;
	*out = NULL;
	if (len > MODELS_MAX_BYTES)
		return wfo_fail(err, WFO_INPUT, "%s: %zu bytes; a model file may have at most %d",
				file, len, MODELS_MAX_BYTES);
	if (!yaml_parser_initialize(&p))
		return wfo_fail(err, WFO_INTERNAL, "%s: cannot start the YAML parser", file);
	yaml_parser_set_input_string(&p, (const unsigned char *)text, len);
	struct builder b = { .file = file, .err = err };
	int docs = 0, rc = 0;
	for (;;) {
		yaml_event_t e;
		if (!yaml_parser_parse(&p, &e)) {
			rc = syntax_error(file, &p, err);
			break;
		}
		if (e.type == YAML_STREAM_END_EVENT) {
			yaml_event_delete(&e);
			break;
		}
		if (e.type == YAML_DOCUMENT_START_EVENT && docs++) {
			/* A second document is not part of the model format; it
			 * is named at its first node */
			yaml_event_delete(&e);
			if (!yaml_parser_parse(&p, &e)) {
				rc = syntax_error(file, &p, err);
				break;
			}
			rc = wfo_fail(err, WFO_INPUT,
				      "%s:%zu:%zu: a second YAML document; a model file holds one",
				      file, e.start_mark.line + 1, e.start_mark.column + 1);
			yaml_event_delete(&e);
			break;
		}
		rc = on_event(&b, &e);
		yaml_event_delete(&e);
		if (rc < 0)
			break;
		rc = 0;
	}
	yaml_parser_delete(&p);
	builder_free(&b);
	struct rnode *tree = b.root ? b.root : rnode_new(R_NULL, 1, 1);
	if (rc < 0) {
		rnode_free(tree);
		return -1;
	}
	if (check_dup_keys(file, tree, err) < 0) {
		rnode_free(tree);
		return -1;
	}
	*out = tree;
	return 0;
}
