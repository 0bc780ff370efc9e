# src/rev.mk - revision files and the graph (revision.c, revgraph.c, heads/history).
