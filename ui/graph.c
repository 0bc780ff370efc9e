/* graph.c - lanes of a revision graph (see graph.h). */
#include "config.h"
#include "graph.h"

#include <stdlib.h>
#include <string.h>

#define FREE ((size_t)-1)

struct build {
	struct graph *g;
	size_t *lanes;     /* the node each lane waits for, or FREE */
	size_t nlanes, cap;
	size_t cells_cap;
	uint8_t *row;      /* cells of the row being made */
};

static size_t lane_find(const struct build *b, size_t node)
{
	for (size_t j = 0; j < b->nlanes; j++)
		if (b->lanes[j] == node)
			return j;
	return FREE;
}

static size_t lane_free(struct build *b)
{
	for (size_t j = 0; j < b->nlanes; j++)
		if (b->lanes[j] == FREE)
			return j;
	if (b->nlanes == b->cap) {
		b->cap = b->cap ? b->cap * 2 : 8;
		b->lanes = xrealloc(b->lanes, b->cap * sizeof *b->lanes);
		b->row = xrealloc(b->row, b->cap);
	}
	b->lanes[b->nlanes] = FREE;
	return b->nlanes++;
}

static void trim(struct build *b)
{
	while (b->nlanes && b->lanes[b->nlanes - 1] == FREE)
		b->nlanes--;
}

/* Appends a row of the cells b->row[0 .. width). */
static void emit(struct build *b, size_t node, unsigned width)
{
	struct graph *g = b->g;
	while (width && !b->row[width - 1])
		width--;
	if (g->nrows % 256 == 0)
		g->rows = xrealloc(g->rows, (g->nrows + 256) * sizeof *g->rows);
	size_t used = g->nrows ? g->rows[g->nrows - 1].off + g->rows[g->nrows - 1].width : 0;
	if (used + width > b->cells_cap) {
		b->cells_cap = (used + width) * 2 + 64;
		g->cells = xrealloc(g->cells, b->cells_cap);
	}
	memcpy(g->cells + used, b->row, width);
	g->rows[g->nrows] = (struct graph_row){ node, used, width };
	if (width > g->lanes)
		g->lanes = width;
	g->nrows++;
}

void graph_layout(const struct graph_input *in, struct graph *out)
{
	memset(out, 0, sizeof *out);
	out->row_of = xcalloc(in->n ? in->n : 1, sizeof *out->row_of);
	struct build b = { .g = out };
	size_t *targets = NULL;
	enum { K_JOIN, K_NEW, K_ENDS } *kinds = NULL;   /* the target lane goes on, starts, ends */
	size_t tcap = 0;
	for (size_t i = 0; i < in->n; i++) {
		size_t c = lane_find(&b, i);
		if (c == FREE)
			c = lane_free(&b);
		/* the node's row */
		for (size_t j = 0; j < b.nlanes; j++)
			b.row[j] = j == c ? GC_NODE : b.lanes[j] != FREE ? (GC_UP | GC_DOWN) : 0;
		out->row_of[i] = out->nrows;
		emit(&b, i, (unsigned)b.nlanes);
		/* where its lines go */
		b.lanes[c] = FREE;
		size_t np = in->nparents(in->ctx, i), nt = 0;
		if (np > tcap) {
			tcap = np;
			targets = xrealloc(targets, tcap * sizeof *targets);
			kinds = xrealloc(kinds, tcap * sizeof *kinds);
		}
		for (size_t k = 0; k < np; k++) {
			size_t p = in->parent(in->ctx, i, k);
			if (p <= i || p >= in->n || lane_find(&b, p) == c)
				continue;
			size_t t = lane_find(&b, p);
			if (t != FREE && t > c && b.lanes[c] == FREE) {
				/* keep to the left: this lane goes on, the other one ends here */
				b.lanes[c] = p;
				b.lanes[t] = FREE;
				targets[nt] = t;
				kinds[nt++] = K_ENDS;
			} else if (t != FREE) {
				targets[nt] = t;
				kinds[nt++] = K_JOIN;
			} else if (b.lanes[c] == FREE) {
				b.lanes[c] = p;        /* straight down */
			} else {
				t = lane_free(&b);
				b.lanes[t] = p;
				targets[nt] = t;
				kinds[nt++] = K_NEW;
			}
		}
		if (nt) {
			/* the connector row */
			for (size_t j = 0; j < b.nlanes; j++)
				b.row[j] = b.lanes[j] != FREE ? (GC_UP | GC_DOWN) : 0;
			for (size_t k = 0; k < nt; k++)
				b.row[targets[k]] = 0;
			b.row[c] = GC_UP | (b.lanes[c] != FREE ? GC_DOWN : 0);
			for (size_t k = 0; k < nt; k++) {
				size_t t = targets[k];
				b.row[t] |= kinds[k] == K_NEW ? GC_DOWN : kinds[k] == K_ENDS ? GC_UP
					  : (GC_UP | GC_DOWN);
				size_t lo = t < c ? t : c, hi = t < c ? c : t;
				b.row[lo] |= GC_RIGHT;
				b.row[hi] |= GC_LEFT;
				for (size_t j = lo + 1; j < hi; j++)
					b.row[j] |= GC_LEFT | GC_RIGHT;
			}
			emit(&b, GRAPH_CONNECTOR, (unsigned)b.nlanes);
		}
		trim(&b);
	}
	free(targets);
	free(kinds);
	free(b.lanes);
	free(b.row);
}

void graph_free(struct graph *g)
{
	free(g->rows);
	free(g->cells);
	free(g->row_of);
	memset(g, 0, sizeof *g);
}

static const char *glyph(unsigned m, bool utf8)
{
	m &= GC_UP | GC_DOWN | GC_LEFT | GC_RIGHT;
	static const char *const box[16] = {
		[0] = " ",
		[GC_UP] = "│", [GC_DOWN] = "│", [GC_UP | GC_DOWN] = "│",
		[GC_LEFT] = "─", [GC_RIGHT] = "─", [GC_LEFT | GC_RIGHT] = "─",
		[GC_DOWN | GC_RIGHT] = "┌", [GC_DOWN | GC_LEFT] = "┐",
		[GC_UP | GC_RIGHT] = "└", [GC_UP | GC_LEFT] = "┘",
		[GC_UP | GC_DOWN | GC_RIGHT] = "├", [GC_UP | GC_DOWN | GC_LEFT] = "┤",
		[GC_DOWN | GC_LEFT | GC_RIGHT] = "┬", [GC_UP | GC_LEFT | GC_RIGHT] = "┴",
		[GC_UP | GC_DOWN | GC_LEFT | GC_RIGHT] = "┼",
	};
	if (utf8)
		return box[m];
	if (m == 0)
		return " ";
	if (!(m & (GC_LEFT | GC_RIGHT)))
		return "|";
	if (!(m & (GC_UP | GC_DOWN)))
		return "-";
	return "+";
}

int graph_render(const struct graph *g, size_t r, const char *mark, bool utf8, int max_cols,
		 struct strbuf *out)
{
	const struct graph_row *row = &g->rows[r];
	int cols = 0;
	for (unsigned j = 0; j < row->width && cols + 2 <= max_cols; j++) {
		unsigned m = g->cells[row->off + j];
		sb_add(out, m & GC_NODE ? mark : glyph(m, utf8));
		sb_add(out, m & GC_RIGHT ? (utf8 ? "─" : "-") : " ");
		cols += 2;
	}
	return cols;
}
