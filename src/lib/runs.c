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

void
run_merge_init(struct run_merge *m, FILE **f, size_t n,
    int (*cmp)(const struct run_rec *, const struct run_rec *))
{
	size_t i;

	m->f = f;
	m->n = n;
	m->cmp = cmp;
	m->rec = xcalloc(n, sizeof *m->rec);
	m->live = xcalloc(n, sizeof *m->live);
	for (i = 0; i < n; i++) {
		if (fflush(f[i]) != 0 || fseek(f[i], 0, SEEK_SET) != 0)
			err(2, "temporary file");
		m->live[i] = run_read(f[i], &m->rec[i]);
	}
}

long
run_merge_min(struct run_merge *m)
{
	long best = -1;
	size_t i;

	for (i = 0; i < m->n; i++)
		if (m->live[i] && (best < 0 || m->cmp(&m->rec[i], &m->rec[best]) < 0))
			best = (long)i;
	return best;
}

void
run_merge_next(struct run_merge *m, size_t i)
{
	m->live[i] = run_read(m->f[i], &m->rec[i]);
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
	free(m->live);
}
