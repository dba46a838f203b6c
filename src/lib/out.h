/*
 * out: buffered output for the programs' results.
 *
 * There is one output per process: standard output, or a file named with
 * -o that is written to a temporary file in the same directory and renamed
 * over the target by out_close(), so that nobody sees half an output.  Any
 * failed write ends the program with "write error" and status 2; the
 * temporary file is removed when the program exits without out_close().
 */
#ifndef TABLOID_OUT_H
#define TABLOID_OUT_H

#include <stddef.h>
#include <stdint.h>

/* Start output to path, or to standard output when path is NULL or "-". */
void out_open(const char *path);
/* Append n bytes. */
void out_write(const void *p, size_t n);
/* Append one byte. */
void out_byte(int c);
/* Append a NUL-terminated string. */
void out_str(const char *s);
/* Append an unsigned decimal number. */
void out_u64(uint64_t v);
/* Append bytes escaped for a TSV field (TAB, LF, CR and backslash). */
void out_escaped(const void *p, size_t n);
/* Write out what is buffered. */
void out_flush(void);
/* Flush, close and (for -o) rename into place; exits 2 on any error. */
void out_close(void);

#endif
