# tests/bench/bench.mk - benchmarks (run by hand or CI, not timed tests).
