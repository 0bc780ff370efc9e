/* graph.h - the lanes of a revision graph drawn like `git log --graph` or
 * tig's main view: one row per revision with its lane marked, and a
 * connector row where lines join (├─┘) or fork (├─┐). Computed once for
 * the whole list (linear in rows x lanes), so drawing a screenful costs the
 * same for ten revisions or ten thousand. Pure: no curses; the screen puts
 * the rendered text where it wants.
 *
 * Ownership: graph_layout fills a struct graph the caller frees with
 * graph_free. */
#ifndef WFO_UI_GRAPH_H
#define WFO_UI_GRAPH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util.h"

/* Cell bits: lines leaving the cell up, down, left, right; or the node. */
#define GC_UP    0x01u
#define GC_DOWN  0x02u
#define GC_LEFT  0x04u
#define GC_RIGHT 0x08u
#define GC_NODE  0x10u

#define GRAPH_CONNECTOR ((size_t)-1)

struct graph_row {
	size_t node;      /* the node of this row, or GRAPH_CONNECTOR */
	size_t off;       /* its cells in graph.cells */
	unsigned width;   /* lanes */
};

struct graph {
	struct graph_row *rows;
	size_t nrows;
	uint8_t *cells;
	size_t *row_of;   /* node -> its row */
	unsigned lanes;   /* the widest row */
};

/* The input: n nodes in drawing order (children before parents); the
 * parents of node i are parent(ctx, i, 0 .. nparents(ctx, i) - 1), node
 * indexes greater than i (others are ignored). */
struct graph_input {
	size_t n;
	size_t (*nparents)(const void *ctx, size_t i);
	size_t (*parent)(const void *ctx, size_t i, size_t k);
	const void *ctx;
};

void graph_layout(const struct graph_input *in, struct graph *out);
void graph_free(struct graph *g);

/* Appends the text of row r to out: two columns per lane, at most
 * max_cols columns; the node's cell shows mark (one column). utf8: box
 * drawing, else ASCII (| - +). Returns the columns appended. */
int graph_render(const struct graph *g, size_t r, const char *mark, bool utf8, int max_cols,
		 struct strbuf *out);

#endif
