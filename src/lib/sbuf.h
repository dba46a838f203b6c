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
#include <stdint.h>
#include <string.h>

struct sbuf {
	char *p;	/* bytes, NUL-terminated, or NULL before first use */
	size_t len;	/* bytes in use */
	size_t cap;	/* bytes allocated */
};

#define SBUF_INIT { NULL, 0, 0 }

/* The largest buffer, NUL included: a size malloc() could ever return. */
#define SBUF_MAX ((size_t)PTRDIFF_MAX)

/*
 * Make room for at least extra more bytes (plus the NUL).  A size past
 * SBUF_MAX exits with status 2, as a failed allocation does.
 */
void sbuf_grow(struct sbuf *b, size_t extra);
/* Append n bytes. */
static inline void sbuf_add(struct sbuf *b, const void *p, size_t n);
/* Append one byte. */
static inline void sbuf_addc(struct sbuf *b, int c);
/* sbuf_add() and sbuf_addc() when the buffer may have to grow. */
void sbuf_add_slow(struct sbuf *b, const void *p, size_t n);
void sbuf_addc_slow(struct sbuf *b, int c);
/* Set len to 0, keeping the memory. */
void sbuf_reset(struct sbuf *b);
/* Release the memory and reset to the initial state. */
void sbuf_free(struct sbuf *b);

/*
 * Replace b's contents with the whole of file path ("-": standard input).
 * Returns 0, or -1 with errno set.
 */
int sbuf_read_file(struct sbuf *b, const char *path);

/* Allocation helpers that exit with status 2 on failure. */
void *xmalloc(size_t n);
void *xrealloc(void *p, size_t n);
void *xcalloc(size_t n, size_t size);
char *xstrdup(const char *s);

static inline void
sbuf_add(struct sbuf *b, const void *p, size_t n)
{
	if (b->len + n < b->cap && n < b->cap) {
		if (n > 0)
			memcpy(b->p + b->len, p, n);
		b->len += n;
		b->p[b->len] = '\0';
	} else
		sbuf_add_slow(b, p, n);
}

static inline void
sbuf_addc(struct sbuf *b, int c)
{
	if (b->len + 1 < b->cap) {
		b->p[b->len++] = (char)c;
		b->p[b->len] = '\0';
	} else
		sbuf_addc_slow(b, c);
}

#endif
