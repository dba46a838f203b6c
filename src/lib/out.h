/*
 * out: buffered output for the programs' results.
 *
 * There is one output per process: standard output, or a file named with
 * -o that is written to a temporary file in the same directory and renamed
 * over the target by out_close(), so that nobody sees half an output.  Any
 * failed write ends the program with "write error" and status 2; the
 * temporary file is removed when the program exits without out_close()
 * and when a signal (INT, TERM, HUP, PIPE, QUIT, XCPU, XFSZ) ends it.  A -o
 * path that is a symbolic link replaces the file it points to; one that
 * names a FIFO or a device is written directly.
 *
 * What is written is valid UTF-8: a byte that is not part of a valid
 * sequence leaves as U+FFFD, so that no reader of the output meets an
 * encoding error whatever a program was given.  (Programs that read text
 * decode it first, with enc.h, to keep its characters.)
 */
#ifndef TABLOID_OUT_H
#define TABLOID_OUT_H

#include <signal.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "sbuf.h"

/* The output buffer; use the functions below, not these fields. */
#define OUT_BUFSIZE (64 * 1024)
extern char out_buf[OUT_BUFSIZE];
extern size_t out_len;

/* Start output to path, or to standard output when path is NULL or "-". */
void out_open(const char *path);
/* Write out what is buffered. */
void out_flush(void);
/* Write out what is buffered, and end the output for out_filter()'s end(). */
void out_finish(void);
/*
 * Write out what is buffered, then send later output to the open file fd,
 * or, when fd is -1, append it to hold (which must stay valid until the
 * next call).  The caller owns fd and closes it; use this instead of
 * out_open(), not after it.
 */
void out_redirect(int fd, struct sbuf *hold);
/*
 * Create an empty temporary file as mkstemp(3) does from tmpl (a path
 * ending in XXXXXX, which are replaced), with the permissions the umask
 * gives a new file.  Returns its descriptor, or -1 with errno set.
 */
int out_mktemp(char *tmpl);
/*
 * On each signal that ends a run (INT, TERM, HUP, PIPE, QUIT, XCPU, XFSZ)
 * and is not ignored, call fn (unless NULL; it must be async-signal-safe),
 * then die of the signal.  out_open() sets this up for -o.
 */
void out_trap(void (*fn)(void));
/* Make *set the set of those signals. */
void out_signals(sigset_t *set);
/*
 * A filter on the output: from now on, the bytes bound for a file (not
 * those held by out_redirect()) go to feed(), which writes its own with
 * out_raw(); end() is called when an output is finished (out_close(),
 * out_redirect()), to write a last partial line and start afresh.
 */
void out_filter(void (*feed)(const char *p, size_t n), void (*end)(void));
/* Whether out_redirect() holds the output. */
bool out_held(void);
/* Write n bytes to the output's file, past the buffer and the filter. */
void out_raw(const void *p, size_t n);
/* Append n bytes (large or overflowing writes). */
void out_write_slow(const void *p, size_t n);

/* Append n bytes. */
static inline void
out_write(const void *p, size_t n)
{
	if (n <= 16 && out_len + 16 <= OUT_BUFSIZE) {
		const char *s = p;
		size_t i;

		for (i = 0; i < n; i++)
			out_buf[out_len + i] = s[i];
		out_len += n;
	} else
		out_write_slow(p, n);
}

/* Append one byte. */
static inline void
out_byte(int c)
{
	if (out_len == OUT_BUFSIZE)
		out_flush();
	out_buf[out_len++] = (char)c;
}
/* Append a NUL-terminated string. */
void out_str(const char *s);
/* Append an unsigned decimal number. */
void out_u64(uint64_t v);
/* Append bytes escaped for a TSV field (TAB, LF, CR and backslash). */
void out_escaped(const void *p, size_t n);
/* Flush, close and (for -o) rename into place; exits 2 on any error. */
void out_close(void);
/*
 * End the program with status: 0 closes the output as out_close() does;
 * any other status flushes standard output but leaves a -o target as it
 * was, so that a failed run never replaces a good file.
 */
void out_exit(int status) __attribute__((noreturn));

#endif
