#include "config.h"

#include <err.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "runs.h"

FILE *
run_create(void)
{
	const char *dir = getenv("TMPDIR");
	char *path;
	FILE *f;
	int fd;

	if (dir == NULL || *dir == '\0')
		dir = "/tmp";
	path = xmalloc(strlen(dir) + 32);
	sprintf(path, "%s/tabloid-run.XXXXXX", dir);
	if ((fd = mkstemp(path)) == -1)
		err(2, "%s", path);
	unlink(path);
	free(path);
	if ((f = fdopen(fd, "w+")) == NULL)
		err(2, "temporary file");
	return f;
}

void
run_write(FILE *f, const char *key, uint32_t len, uint32_t glen, uint64_t count,
    uint64_t docs, uint64_t firstdoc, uint64_t lastdoc)
{
	uint64_t n[4] = { count, docs, firstdoc, lastdoc };
	uint32_t l[2] = { len, glen };

	if (fwrite(n, sizeof n, 1, f) != 1 || fwrite(l, sizeof l, 1, f) != 1 ||
	    (len > 0 && fwrite(key, len, 1, f) != 1))
		err(2, "write error on a temporary file");
}

bool
run_read(FILE *f, struct run_rec *r)
{
	uint64_t n[4];
	uint32_t l[2];

	if (fread(n, sizeof n, 1, f) != 1)
		return false;
	if (fread(l, sizeof l, 1, f) != 1)
		errx(2, "temporary file is truncated");
	r->count = n[0];
	r->docs = n[1];
	r->firstdoc = n[2];
	r->lastdoc = n[3];
	r->glen = l[1];
	sbuf_reset(&r->key);
	sbuf_grow(&r->key, l[0]);
	if (l[0] > 0 && fread(r->key.p, l[0], 1, f) != 1)
		errx(2, "temporary file is truncated");
	r->key.len = l[0];
	r->key.p[l[0]] = '\0';
	return true;
}

/* True when run i's record comes before run j's: smaller, or equal and older. */
static bool
run_before(const struct run_merge *m, size_t i, size_t j)
{
	int c = m->cmp(&m->rec[i], &m->rec[j]);

	return c < 0 || (c == 0 && i < j);
}

static void
run_sift_down(struct run_merge *m, size_t k)
{
	size_t x = m->heap[k];

	for (;;) {
		size_t c = 2 * k + 1;

		if (c >= m->nheap)
			break;
		if (c + 1 < m->nheap && run_before(m, m->heap[c + 1], m->heap[c]))
			c++;
		if (!run_before(m, m->heap[c], x))
			break;
		m->heap[k] = m->heap[c];
		k = c;
	}
	m->heap[k] = x;
}

void
run_merge_init(struct run_merge *m, FILE **f, size_t n,
    int (*cmp)(const struct run_rec *, const struct run_rec *))
{
	size_t i;

	m->f = f;
	m->n = n;
	m->cmp = cmp;
	m->rec = xcalloc(n, sizeof *m->rec);
	m->heap = xcalloc(n, sizeof *m->heap);
	m->nheap = 0;
	for (i = 0; i < n; i++) {
		if (fflush(f[i]) != 0 || fseek(f[i], 0, SEEK_SET) != 0)
			err(2, "temporary file");
		if (run_read(f[i], &m->rec[i]))
			m->heap[m->nheap++] = i;
	}
	for (i = m->nheap / 2; i-- > 0;)
		run_sift_down(m, i);
}

long
run_merge_min(struct run_merge *m)
{
	return m->nheap > 0 ? (long)m->heap[0] : -1;
}

void
run_merge_next(struct run_merge *m, size_t i)
{
	if (m->nheap == 0 || m->heap[0] != i)
		errx(2, "run_merge_next: run %zu is not the smallest", i);
	if (!run_read(m->f[i], &m->rec[i]))
		m->heap[0] = m->heap[--m->nheap];
	if (m->nheap > 0)
		run_sift_down(m, 0);
}

void
run_merge_free(struct run_merge *m)
{
	size_t i;

	for (i = 0; i < m->n; i++) {
		sbuf_free(&m->rec[i].key);
		fclose(m->f[i]);
	}
	free(m->rec);
	free(m->heap);
}

void
run_set_add(struct run_set *s, FILE *f, run_merge_fn merge, void *arg)
{
	unsigned lv = 0;
	size_t i;

	s->f = xrealloc(s->f, (s->n + 1) * sizeof *s->f);
	s->level = xrealloc(s->level, (s->n + 1) * sizeof *s->level);
	s->f[s->n] = f;
	s->level[s->n++] = lv;
	for (;;) {
		if (s->n < RUN_FANIN)
			return;
		for (i = s->n - RUN_FANIN; i < s->n; i++)
			if (s->level[i] != lv)
				return;
		f = merge(arg, s->f + s->n - RUN_FANIN, RUN_FANIN);
		s->n -= RUN_FANIN;
		s->f[s->n] = f;
		s->level[s->n++] = ++lv;
	}
}

void
run_set_free(struct run_set *s)
{
	free(s->f);
	free(s->level);
	s->f = NULL;
	s->level = NULL;
	s->n = 0;
}
