/*
 * sbuf: a growable byte buffer.
 *
 * The buffer owns its memory; sbuf_free() releases it.  Every function that
 * grows the buffer exits the program with status 2 when memory runs out, so
 * callers never see a failed allocation.  The bytes are always followed by
 * a NUL that is not counted in len.
 */
#ifndef TABLOID_SBUF_H
#define TABLOID_SBUF_H

#include <stddef.h>

struct sbuf {
	char *p;	/* bytes, NUL-terminated, or NULL before first use */
	size_t len;	/* bytes in use */
	size_t cap;	/* bytes allocated */
};

#define SBUF_INIT { NULL, 0, 0 }

/* Make room for at least extra more bytes (plus the NUL). */
void sbuf_grow(struct sbuf *b, size_t extra);
/* Append n bytes. */
void sbuf_add(struct sbuf *b, const void *p, size_t n);
/* Append one byte. */
void sbuf_addc(struct sbuf *b, int c);
/* Set len to 0, keeping the memory. */
void sbuf_reset(struct sbuf *b);
/* Release the memory and reset to the initial state. */
void sbuf_free(struct sbuf *b);

/* Allocation helpers that exit with status 2 on failure. */
void *xmalloc(size_t n);
void *xrealloc(void *p, size_t n);
void *xcalloc(size_t n, size_t size);
char *xstrdup(const char *s);

#endif
