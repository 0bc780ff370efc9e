# tests/fuzz/fuzz.mk - fuzz targets of the hand-written parsers, one file
# each (fuzz_NAME.c, libFuzzer's LLVMFuzzerTestOneInput), built two ways:
#   tests/fuzz/replay_NAME: with replay.c, always; `make check` runs it on
#     tests/fuzz/corpus/NAME (under ASan+UBSan in the sanitizer build), and
#     on tests/fuzz/crashers/NAME when NAME is listed in FUZZ_CRASHERS;
#   tests/fuzz/fuzz_NAME: with libFuzzer, when configured with
#     --enable-fuzzing (clang); `make fuzz` runs each for FUZZ_RUNS inputs.
FUZZ_TARGETS = revision registry_json registry_yaml ini pguri

# Targets whose crashers/ folder make check replays as well: a crasher
# found by the fuzzer goes into tests/fuzz/crashers/NAME; once its bug is
# fixed, NAME is added here so that it stays fixed.
# Waiting in crashers/ today:
#   revision: Path(__file__).with_suffix(S not followed by ')' (e.g. the
#     valid `.with_suffix('.sql',)`) frees S twice (the first one the
#     fuzzer found by itself, from the corpus, in under a minute);
#   registry_yaml: alias bombs (`a: &a [*a, *a]`, a 478-byte billion
#     laughs) exhaust memory; 100,000 nested '[' take longer than 20 s.
FUZZ_CRASHERS = revision registry_yaml

FUZZ_COMMON = tests/fuzz/fuzz.h tests/fuzz/fuzz_check.c
FUZZ_REVDIR_FLAGS = $(AM_CPPFLAGS) -DFUZZ_REVDIR='"$(abs_top_srcdir)/tests/fuzz/revdir"'
FUZZ_REGISTRY = tests/fuzz/fuzz_registry.c tests/fuzz/fuzz_registry.h

check_PROGRAMS += tests/fuzz/replay_revision tests/fuzz/replay_registry_json \
	tests/fuzz/replay_registry_yaml tests/fuzz/replay_ini tests/fuzz/replay_pguri
TESTS += tests/fuzz/replay_revision tests/fuzz/replay_registry_json \
	tests/fuzz/replay_registry_yaml tests/fuzz/replay_ini tests/fuzz/replay_pguri
AM_TESTS_ENVIRONMENT += WFO_FUZZ_CRASHERS='$(FUZZ_CRASHERS)'; export WFO_FUZZ_CRASHERS;

tests_fuzz_replay_revision_SOURCES = tests/fuzz/fuzz_revision.c tests/fuzz/replay.c $(FUZZ_COMMON)
tests_fuzz_replay_revision_CPPFLAGS = $(FUZZ_REVDIR_FLAGS)
tests_fuzz_replay_revision_LDADD = $(LIBWFO_LIBS)
tests_fuzz_replay_registry_json_SOURCES = tests/fuzz/fuzz_registry_json.c $(FUZZ_REGISTRY) \
	tests/fuzz/replay.c $(FUZZ_COMMON)
tests_fuzz_replay_registry_json_LDADD = $(LIBWFO_LIBS)
tests_fuzz_replay_registry_yaml_SOURCES = tests/fuzz/fuzz_registry_yaml.c $(FUZZ_REGISTRY) \
	tests/fuzz/replay.c $(FUZZ_COMMON)
tests_fuzz_replay_registry_yaml_LDADD = $(LIBWFO_LIBS)
tests_fuzz_replay_ini_SOURCES = tests/fuzz/fuzz_ini.c tests/fuzz/replay.c $(FUZZ_COMMON)
tests_fuzz_replay_ini_LDADD = $(LIBWFO_LIBS)
tests_fuzz_replay_pguri_SOURCES = tests/fuzz/fuzz_pguri.c tests/fuzz/replay.c $(FUZZ_COMMON)
tests_fuzz_replay_pguri_LDADD = $(LIBWFO_LIBS)

EXTRA_DIST += tests/fuzz/corpus tests/fuzz/crashers tests/fuzz/revdir tests/fuzz/dict

# make fuzz: each target for FUZZ_RUNS inputs from its corpus and what it
# found before (fuzz-out/NAME, kept between runs); a crash, leak, hang or
# sanitizer report is written to fuzz-out/NAME-crash-... and fails the run.
# FUZZ_ARGS: more libFuzzer options (e.g. FUZZ_ARGS=-max_total_time=300).
FUZZ_RUNS = 20000
FUZZ_ARGS =
FUZZ_LIBFUZZER_OPTS = -timeout=10 -rss_limit_mb=2048 -max_len=8192 -print_final_stats=1

if FUZZING
EXTRA_PROGRAMS = tests/fuzz/fuzz_revision tests/fuzz/fuzz_registry_json \
	tests/fuzz/fuzz_registry_yaml tests/fuzz/fuzz_ini tests/fuzz/fuzz_pguri
CLEANFILES += $(EXTRA_PROGRAMS)
FUZZ_LINK_FLAGS = $(AM_LDFLAGS) -fsanitize=fuzzer
tests_fuzz_fuzz_revision_SOURCES = tests/fuzz/fuzz_revision.c $(FUZZ_COMMON)
tests_fuzz_fuzz_revision_CPPFLAGS = $(FUZZ_REVDIR_FLAGS)
tests_fuzz_fuzz_revision_LDFLAGS = $(FUZZ_LINK_FLAGS)
tests_fuzz_fuzz_revision_LDADD = $(LIBWFO_LIBS)
tests_fuzz_fuzz_registry_json_SOURCES = tests/fuzz/fuzz_registry_json.c $(FUZZ_REGISTRY) $(FUZZ_COMMON)
tests_fuzz_fuzz_registry_json_LDFLAGS = $(FUZZ_LINK_FLAGS)
tests_fuzz_fuzz_registry_json_LDADD = $(LIBWFO_LIBS)
tests_fuzz_fuzz_registry_yaml_SOURCES = tests/fuzz/fuzz_registry_yaml.c $(FUZZ_REGISTRY) $(FUZZ_COMMON)
tests_fuzz_fuzz_registry_yaml_LDFLAGS = $(FUZZ_LINK_FLAGS)
tests_fuzz_fuzz_registry_yaml_LDADD = $(LIBWFO_LIBS)
tests_fuzz_fuzz_ini_SOURCES = tests/fuzz/fuzz_ini.c $(FUZZ_COMMON)
tests_fuzz_fuzz_ini_LDFLAGS = $(FUZZ_LINK_FLAGS)
tests_fuzz_fuzz_ini_LDADD = $(LIBWFO_LIBS)
tests_fuzz_fuzz_pguri_SOURCES = tests/fuzz/fuzz_pguri.c $(FUZZ_COMMON)
tests_fuzz_fuzz_pguri_LDFLAGS = $(FUZZ_LINK_FLAGS)
tests_fuzz_fuzz_pguri_LDADD = $(LIBWFO_LIBS)

fuzz: $(EXTRA_PROGRAMS)
	@failed=""; for t in $(FUZZ_TARGETS); do \
		mkdir -p fuzz-out/$$t; \
		dict=""; test -f $(srcdir)/tests/fuzz/dict/$$t.dict && dict=-dict=$(srcdir)/tests/fuzz/dict/$$t.dict; \
		echo "fuzz: $$t, $(FUZZ_RUNS) runs (log: fuzz-out/$$t.log)"; \
		if tests/fuzz/fuzz_$$t $(FUZZ_LIBFUZZER_OPTS) -runs=$(FUZZ_RUNS) $$dict \
			-artifact_prefix=fuzz-out/$$t- $(FUZZ_ARGS) \
			fuzz-out/$$t $(srcdir)/tests/fuzz/corpus/$$t >fuzz-out/$$t.log 2>&1; then \
			grep -E '^(stat::number_of_executed_units|stat::peak_rss_mb|Done)' fuzz-out/$$t.log | sed 's/^/  /'; \
		else \
			failed="$$failed $$t"; tail -n 40 fuzz-out/$$t.log; \
		fi; \
	done; \
	if test -n "$$failed"; then echo "fuzz: FAILED:$$failed (inputs in fuzz-out/)"; exit 1; fi; \
	echo "fuzz: every target ran $(FUZZ_RUNS) inputs without a finding"
else
fuzz:
	@echo "make fuzz needs a build configured with --enable-fuzzing (clang's libFuzzer):"
	@echo "  mkdir build-fuzz && cd build-fuzz && ../configure --enable-fuzzing && make fuzz"
	@exit 1
endif
.PHONY: fuzz

clean-local: fuzz-clean
fuzz-clean:
	rm -rf fuzz-out
.PHONY: fuzz-clean
