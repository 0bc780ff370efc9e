/* fuzz.h - what every fuzz target defines: libFuzzer's entry point, and
 * the target's name (its corpus is tests/fuzz/corpus/NAME).
 *
 * A target is linked either with clang's -fsanitize=fuzzer (libFuzzer
 * supplies main) or with replay.c (runs every file of a corpus). A target
 * aborts when a parser breaks one of its own promises (an error without a
 * message, a result and an error at once), so that the fuzzer reports it. */
#ifndef WFO_FUZZ_H
#define WFO_FUZZ_H

#include <stddef.h>
#include <stdint.h>

extern const char fuzz_target_name[];

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* FUZZ_CHECK(cond): abort with the condition's text when it does not hold */
#define FUZZ_CHECK(cond) fuzz_check((cond) != 0, #cond, __FILE__, __LINE__)
void fuzz_check(int ok, const char *what, const char *file, int line);

#endif
