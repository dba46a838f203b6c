#include "config.h"

#include <csv.h>
#include <stdbool.h>
#include <err.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "csvread.h"
#include "progress.h"

struct csvread_state {
	struct csvread_record rec;	/* record being built */
	size_t cap;			/* field buffers allocated */
	void (*fn)(void *, const struct csvread_record *);
	void *arg;
};

static void
csvread_field(void *data, size_t len, void *st)
{
	struct csvread_state *s = st;

	if (s->rec.n == s->cap) {
		size_t old = s->cap;

		s->cap = s->cap ? s->cap * 2 : 16;
		s->rec.f = xrealloc(s->rec.f, s->cap * sizeof *s->rec.f);
		memset(s->rec.f + old, 0, (s->cap - old) * sizeof *s->rec.f);
	}
	sbuf_reset(&s->rec.f[s->rec.n]);
	sbuf_add(&s->rec.f[s->rec.n], data, len);
	s->rec.n++;
	for (const char *p = data; len > 0 && (p = memchr(p, '\n', len)) != NULL;
	    len = s->rec.f[s->rec.n - 1].len - (size_t)(++p - (const char *)data))
		s->rec.lines++;
}

static void
csvread_end(int c, void *st)
{
	struct csvread_state *s = st;

	(void)c;
	s->rec.recno++;
	s->fn(s->arg, &s->rec);
	s->rec.line += 1 + s->rec.lines;
	s->rec.lines = 0;
	s->rec.n = 0;
}

/*
 * Read up to n bytes into buf; the first read of a file gathers at least
 * three bytes when there are that many, so that a byte order mark is seen
 * whole.  Returns the bytes read, 0 at the end; exits 2 on a read error.
 */
static ssize_t
csvread_fill(int fd, char *buf, size_t n, bool first, const char *name)
{
	size_t got = 0;

	while (got < n) {
		ssize_t r = read(fd, buf + got, n - got);

		if (r == 0)
			break;
		if (r < 0) {
			if (errno == EINTR)
				continue;
			err(2, "%s", name);
		}
		got += (size_t)r;
		if (!first || got >= 3)
			break;
	}
	return (ssize_t)got;
}

int
csvread_file(const char *path,
    void (*fn)(void *arg, const struct csvread_record *rec), void *arg)
{
	struct csvread_state s = { { NULL, 0, 0, 1, 0 }, 0, fn, arg };
	struct csv_parser p;
	char buf[64 * 1024];
	const char *name = strcmp(path, "-") == 0 ? "standard input" : path;
	int fd = strcmp(path, "-") == 0 ? STDIN_FILENO : open(path, O_RDONLY);
	ssize_t n;
	size_t i;
	bool first = true;

	if (fd == -1)
		return -1;
	if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0)
		errx(2, "out of memory");
	while ((n = csvread_fill(fd, buf, sizeof buf, first, name)) != 0) {
		const char *b = buf;

		progress_read((size_t)n);
		if (first && n >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0) {
			b += 3;
			n -= 3;
		}
		first = false;
		if (csv_parse(&p, b, (size_t)n, csvread_field, csvread_end, &s) != (size_t)n)
			errx(2, "%s: line %llu: malformed CSV: %s", name,
			    (unsigned long long)s.rec.line, csv_strerror(csv_error(&p)));
	}
	if (csv_fini(&p, csvread_field, csvread_end, &s) != 0)
		errx(2, "%s: line %llu: malformed CSV: %s", name,
		    (unsigned long long)s.rec.line, csv_strerror(csv_error(&p)));
	csv_free(&p);
	if (fd != STDIN_FILENO)
		close(fd);
	for (i = 0; i < s.cap; i++)
		sbuf_free(&s.rec.f[i]);
	free(s.rec.f);
	return 0;
}
