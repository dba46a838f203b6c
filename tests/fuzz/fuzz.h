/*
 * fuzz: what the fuzz targets of tests/fuzz/ share.
 *
 * Every target defines LLVMFuzzerTestOneInput(), which libFuzzer calls
 * (fuzz-TARGET, built with --enable-fuzzing) or replay.c calls on the
 * files of a corpus (replay-TARGET, built always).
 *
 * The library ends the program with err(3) or errx(3) on malformed input
 * (a ragged TSV row, malformed CSV).  That is correct behaviour, not a
 * finding, so this module replaces err(), errx(), verr() and verrx():
 * after fuzz_arm() they jump back to setjmp(fuzz_jmp) instead of exiting,
 * closing the descriptors the library opened, and under AddressSanitizer
 * fuzz_done() frees the memory the library still held (the program would
 * have exited with it).  Outside that they behave as in libc.
 */
#ifndef TABLOID_FUZZ_H
#define TABLOID_FUZZ_H

#include <setjmp.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

extern jmp_buf fuzz_jmp;

/*
 * Catching the library's fatal errors:
 *
 *	if (setjmp(fuzz_jmp) == 0) {
 *		fuzz_arm();
 *		... calls into the library ...
 *	}
 *	if (fuzz_status != 0)
 *		... free everything of the target's ...
 *	fuzz_done();
 *
 * An error jumps back with setjmp() returning 1 and fuzz_status set to
 * the exit status.  The target must then free (not only empty) all it
 * owns that may have grown since fuzz_arm() before calling fuzz_done(),
 * which frees the library's caches (input_decode_free()) and every other
 * block allocated since and still held.  Locals
 * changed after setjmp() are indeterminate after the jump: keep what is
 * to be freed in static storage.
 */
void fuzz_arm(void);
/* Stop catching; after an error, free what the library held. */
void fuzz_done(void);
/* The status the last caught error would have exited with, or 0. */
extern int fuzz_status;

/*
 * Once per process: standard output goes to /dev/null (the library writes
 * its results there), and TABLOID_DATADIR is set to the source tree's data
 * directory unless it is set already.
 */
void fuzz_init(void);
/*
 * A path naming a file that holds data[0..size) (slot 0 to 3: files open
 * at once).  The file stays until the next call with the same slot.
 */
const char *fuzz_file(int slot, const void *data, size_t size);

/* An invariant: abort() with the message when cond is false. */
#define fuzz_assert(cond, msg)                                                           \
	((cond) ? (void)0 : fuzz_fail(__FILE__, __LINE__, #cond, (msg)))
void fuzz_fail(const char *file, int line, const char *cond, const char *msg)
    __attribute__((noreturn));

#endif
