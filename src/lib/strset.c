#include "config.h"

#include <err.h>
#include <stdlib.h>
#include <string.h>
#include <uthash.h>

#include "sbuf.h"
#include "strset.h"
#include "tsv.h"
#include "utf8.h"

struct strset_ent {
	UT_hash_handle hh;
	int val;
	size_t len;
	char key[];
};

struct strset {
	struct strset_ent *head;
	size_t n;
};

struct strset *
strset_new(void)
{
	return xcalloc(1, sizeof(struct strset));
}

void
strset_put(struct strset *s, const char *key, size_t n, int val)
{
	struct strset_ent *e;

	HASH_FIND(hh, s->head, key, n, e);
	if (e != NULL) {
		e->val = val;
		return;
	}
	e = xmalloc(sizeof *e + n + 1);
	memcpy(e->key, key, n);
	e->key[n] = '\0';
	e->len = n;
	e->val = val;
	HASH_ADD_KEYPTR(hh, s->head, e->key, n, e);
	s->n++;
}

int
strset_get(const struct strset *s, const char *key, size_t n)
{
	struct strset_ent *e;

	if (s == NULL)
		return -1;
	HASH_FIND(hh, s->head, key, n, e);
	return e != NULL ? e->val : -1;
}

void
strset_each(const struct strset *s,
    void (*fn)(void *arg, const char *key, size_t n, int val), void *arg)
{
	const struct strset_ent *e;

	for (e = s->head; e != NULL; e = e->hh.next)
		fn(arg, e->key, e->len, e->val);
}

size_t
strset_count(const struct strset *s)
{
	return s->n;
}

void
strset_free(struct strset *s)
{
	struct strset_ent *e, *t;

	if (s == NULL)
		return;
	HASH_ITER(hh, s->head, e, t) {
		HASH_DEL(s->head, e);
		free(e);
	}
	free(s);
}

static size_t
strset_trim(char **p, size_t len)
{
	while (len > 0 && (**p == ' ' || **p == '\t')) {
		(*p)++;
		len--;
	}
	while (len > 0 && ((*p)[len - 1] == ' ' || (*p)[len - 1] == '\t'))
		len--;
	return len;
}

int
strset_read_list(const char *path,
    int (*fn)(void *arg, char **f, size_t *len, size_t nf), void *arg,
    const char *what)
{
	struct tsv_reader r;
	struct tsv_row row = { 0 };
	char *line;
	long long n;

	if (tsv_open(&r, path) != 0)
		return -1;
	while ((n = tsv_getline(&r, &line)) >= 0) {
		size_t len = strset_trim(&line, (size_t)n);

		if (len == 0 || line[0] == '#')
			continue;
		tsv_split(&row, line, len);
		if (fn(arg, row.f, row.len, row.n) != 0)
			errx(2, "%s: line %llu: malformed %s entry", path,
			    (unsigned long long)r.lineno, what);
	}
	tsv_row_free(&row);
	tsv_close(&r);
	return 0;
}

static int
strset_add_word(void *arg, char **f, size_t *len, size_t nf)
{
	struct sbuf b = SBUF_INIT;

	if (nf != 1)
		return -1;
	utf8_normalize(&b, f[0], len[0], true, false);
	strset_put(arg, b.p, b.len, 1);
	sbuf_free(&b);
	return 0;
}

int
strset_load_words(struct strset *s, const char *path)
{
	return strset_read_list(path, strset_add_word, s, "word list");
}
