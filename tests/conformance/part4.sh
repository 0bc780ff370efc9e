#!/bin/sh
# conformance scenarios, part 4 of 4 (see run.sh)
exec bash "${WFO_TOP_SRCDIR:-.}/tests/conformance/run.sh" --shard=4/4
