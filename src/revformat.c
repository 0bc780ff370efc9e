/* revformat.c - the text of `alembic heads`, `alembic history [-v] [-i]`
 * and `alembic current [-v]` (Alembic 1.8's Script.cmd_format/log_entry). */
#include "config.h"
#include "revgraph.h"

#include <stdlib.h>
#include <string.h>

#include "revgraph_int.h"

static void add_comma(struct strbuf *out, const struct strvec *v)
{
	for (size_t i = 0; i < v->n; i++)
		sb_addf(out, "%s%s", i ? ", " : "", v->v[i]);
}

static void add_down(struct strbuf *out, const struct revision *r)
{
	if (!r->down.n)
		sb_add(out, "<base>");
	else
		add_comma(out, &r->down);
}

static int is_py_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' ||
	       (c >= 0x1c && c <= 0x1f);
}

/* Script.log_entry: the -v block, followed by the newline print adds. */
static void log_entry(const struct rev_graph *g, size_t i, int current, struct strbuf *out)
{
	const struct rg_node *n = &g->nodes[i];
	const struct revision *r = n->r;
	sb_addf(out, "Rev: %s%s%s%s%s\n", r->id, n->next.n ? "" : " (head)",
		n->next.n > 1 ? " (branchpoint)" : "", r->down.n > 1 ? " (mergepoint)" : "",
		current ? " (current)" : "");
	sb_add(out, r->down.n > 1 ? "Merges: " : "Parent: ");
	add_down(out, r);
	sb_add(out, "\n");
	if (r->depends.n) {
		sb_add(out, "Also depends on: ");
		add_comma(out, &r->depends);
		sb_add(out, "\n");
	}
	if (n->next.n > 1) {
		sb_add(out, "Branches into: ");
		for (size_t k = 0; k < n->next.n; k++)
			sb_addf(out, "%s%s", k ? ", " : "", g->nodes[n->next.v[k]].r->id);
		sb_add(out, "\n");
	}
	if (n->labels.n) {
		sb_add(out, "Branch names: ");
		add_comma(out, &n->labels);
		sb_add(out, "\n");
	}
	sb_addf(out, "Path: %s\n", r->path);
	/* "\n" + each line of the stripped docstring indented by 4 + "\n" */
	sb_add(out, "\n");
	const char *s = r->docstring;
	size_t len = strlen(s);
	while (len && is_py_space(*s))
		s++, len--;
	while (len && is_py_space(s[len - 1]))
		len--;
	int first = 1;
	while (len) {
		size_t k = 0;
		while (k < len && s[k] != '\n' && s[k] != '\r' && s[k] != '\v' && s[k] != '\f' &&
		       !(s[k] >= 0x1c && s[k] <= 0x1e))
			k++;
		sb_addf(out, "%s    %.*s", first ? "" : "\n", (int)k, s);
		first = 0;
		if (k < len && s[k] == '\r' && k + 1 < len && s[k + 1] == '\n')
			k++;
		if (k < len)
			k++;
		s += k;
		len -= k;
	}
	sb_add(out, "\n\n");
}

/* Script._head_only. */
static void head_only(const struct rev_graph *g, size_t i, int branches, int doc,
		      int parents, int tree, int current, struct strbuf *out)
{
	const struct rg_node *n = &g->nodes[i];
	const struct revision *r = n->r;
	if (parents) {
		add_down(out, r);
		if (r->depends.n) {
			sb_add(out, " (");
			add_comma(out, &r->depends);
			sb_add(out, ")");
		}
		sb_add(out, " -> ");
	}
	sb_add(out, r->id);
	if (branches && n->labels.n) {
		sb_add(out, " (");
		add_comma(out, &n->labels);
		sb_add(out, ")");
	}
	sb_addf(out, "%s%s%s", !n->allnext.n ? " (head)" : "",
		!n->next.n && n->allnext.n ? " (effective head)" : "", current ? " (current)" : "");
	if (tree)
		sb_addf(out, "%s%s", n->next.n > 1 ? " (branchpoint)" : "",
			r->down.n > 1 ? " (mergepoint)" : "");
	if (doc)
		sb_addf(out, ", %s", r->doc);
	sb_add(out, "\n");
}

void rev_format_heads(const struct rev_graph *g, struct strbuf *out)
{
	for (size_t i = 0; i < g->heads.n; i++)
		head_only(g, g->heads.v[i], 1, 0, 0, 0, 0, out);
}

/* `alembic heads -v` */
void rev_format_heads_verbose(const struct rev_graph *g, struct strbuf *out)
{
	for (size_t i = 0; i < g->heads.n; i++)
		log_entry(g, g->heads.v[i], 0, out);
}

void rev_format_heads_resolved(const struct rev_graph *g, int verbose, struct strbuf *out)
{
	for (size_t i = 0; i < g->real_heads.n; i++) {
		if (verbose)
			log_entry(g, g->real_heads.v[i], 0, out);
		else
			head_only(g, g->real_heads.v[i], 1, 0, 0, 0, 0, out);
	}
}

static void history_lines(const struct rev_graph *g, const struct idxvec *order, int verbose,
			  const struct strvec *current, struct strbuf *out)
{
	for (size_t k = 0; k < order->n; k++) {
		size_t i = order->v[k];
		int cur = current && sv_contains(current, g->nodes[i].r->id);
		if (verbose)
			log_entry(g, i, cur, out);
		else
			head_only(g, i, 1, 1, 1, 1, cur, out);
	}
}

void rev_format_history(const struct rev_graph *g, int verbose,
			const struct strvec *current, struct strbuf *out)
{
	/* walk_revisions("base", "heads"): everything below the real heads in
	 * topological order from the heads */
	char *all = rg_set_new(g);
	rg_ancestors(g, g->real_heads.v, g->real_heads.n, 1, all);
	struct idxvec order = { 0 };
	rg_toposort(g, all, g->real_heads.v, g->real_heads.n, &order);
	free(all);
	history_lines(g, &order, verbose, current, out);
	iv_free(&order);
}

int rev_format_history_range(const struct rev_graph *g, int verbose,
			     const struct strvec *current, const struct strvec *lower,
			     int lower_is_rows, const struct strvec *upper,
			     struct strbuf *out, struct wfo_error *err)
{
	struct idxvec order = { 0 };
	int rc = rg_range(g, lower, lower_is_rows, upper, &order, err);
	if (rc == 0)
		history_lines(g, &order, verbose, current, out);
	iv_free(&order);
	return rc;
}

void rev_format_current(const struct rev_graph *g, const struct strvec *current,
			int verbose, struct strbuf *out)
{
	/* get_all_current: the rows and their ancestors, reduced to those with no
	 * down_revision descendant in the set (load order) */
	struct idxvec rows = { 0 };
	for (size_t i = 0; current && i < current->n; i++) {
		long x = rg_map_get(&g->ids, current->v[i]);
		if (x >= 0)
			iv_push(&rows, (size_t)x);
	}
	char *set = rg_set_new(g);
	rg_ancestors(g, rows.v, rows.n, 1, set);
	for (size_t i = 0; i < g->n; i++) {
		if (!set[i])
			continue;
		char *desc = rg_set_new(g);
		rg_descendants(g, &i, 1, 0, desc);
		int covered = 0;
		for (size_t k = 0; k < g->n && !covered; k++)
			if (k != i && desc[k] && set[k])
				covered = 1;
		free(desc);
		if (covered)
			continue;
		if (verbose)
			log_entry(g, i, 0, out);
		else
			head_only(g, i, 0, 0, 0, 1, 0, out);
	}
	free(set);
	iv_free(&rows);
	/* rows Alembic would not find (external revisions) */
	for (size_t i = 0; current && i < current->n; i++)
		if (rg_map_get(&g->ids, current->v[i]) < 0)
			sb_addf(out, "%s (not in the version folders)\n", current->v[i]);
}
