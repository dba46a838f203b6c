#include "config.h"

#include <err.h>
#include <stdint.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>
#include <string.h>

#include "sbuf.h"

void *
xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (p == NULL)
		err(2, "out of memory");
	return p;
}

void *
xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (p == NULL)
		err(2, "out of memory");
	return p;
}

void *
xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);

	if (p == NULL)
		err(2, "out of memory");
	return p;
}

char *
xstrdup(const char *s)
{
	char *p = strdup(s);

	if (p == NULL)
		err(2, "out of memory");
	return p;
}

void
sbuf_grow(struct sbuf *b, size_t extra)
{
	size_t need, cap;

	if (b->len >= SBUF_MAX || extra >= SBUF_MAX - b->len)
		errx(2, "out of memory: a buffer of more than %zu bytes", (size_t)SBUF_MAX);
	need = b->len + extra + 1;
	if (need <= b->cap)
		return;
	cap = b->cap < 64 ? 64 : b->cap;
	while (cap < need)
		cap = cap > SBUF_MAX / 2 ? SBUF_MAX : cap * 2;
	b->p = xrealloc(b->p, cap);
	b->cap = cap;
}

void
sbuf_add_slow(struct sbuf *b, const void *p, size_t n)
{
	sbuf_grow(b, n);
	if (n > 0)
		memcpy(b->p + b->len, p, n);
	b->len += n;
	b->p[b->len] = '\0';
}

void
sbuf_addc_slow(struct sbuf *b, int c)
{
	sbuf_grow(b, 1);
	b->p[b->len++] = (char)c;
	b->p[b->len] = '\0';
}

void
sbuf_reset(struct sbuf *b)
{
	b->len = 0;
	if (b->p != NULL)
		b->p[0] = '\0';
}

void
sbuf_free(struct sbuf *b)
{
	free(b->p);
	b->p = NULL;
	b->len = b->cap = 0;
}

int
sbuf_read_file(struct sbuf *b, const char *path)
{
	int fd = strcmp(path, "-") == 0 ? STDIN_FILENO : open(path, O_RDONLY | O_CLOEXEC);
	ssize_t k = 0;
	int e;

	if (fd == -1)
		return -1;
	sbuf_reset(b);
	for (;;) {
		sbuf_grow(b, 64 * 1024);
		k = read(fd, b->p + b->len, b->cap - b->len - 1);
		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			break;
		b->len += (size_t)k;
	}
	b->p[b->len] = '\0';
	e = errno;
	if (fd != STDIN_FILENO)
		close(fd);
	errno = e;
	return k < 0 ? -1 : 0;
}
