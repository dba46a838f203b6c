#include "config.h"

#include <err.h>
#include <stdlib.h>
#include <string.h>

#include "htab.h"
#include "sbuf.h"
#include "strset.h"
#include "tsv.h"
#include "utf8.h"

struct strset {
	struct htab keys;
	int *val;		/* by key index */
	size_t capval;
};

struct strset *
strset_new(void)
{
	return xcalloc(1, sizeof(struct strset));
}

void
strset_put(struct strset *s, const char *key, size_t n, int val)
{
	uint32_t i = htab_add(&s->keys, key, n, NULL);

	if (i >= s->capval) {
		s->capval = s->capval ? 2 * s->capval : 64;
		s->val = xrealloc(s->val, s->capval * sizeof *s->val);
	}
	s->val[i] = val;
}

int
strset_get(const struct strset *s, const char *key, size_t n)
{
	uint32_t i;

	if (s == NULL)
		return -1;
	i = htab_find(&s->keys, key, n);
	return i != HTAB_NONE ? s->val[i] : -1;
}

size_t
strset_count(const struct strset *s)
{
	return s->keys.n;
}

void
strset_free(struct strset *s)
{
	if (s == NULL)
		return;
	htab_free(&s->keys);
	free(s->val);
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
    const char *(*fn)(void *arg, char **f, size_t *len, size_t nf), void *arg,
    const char *what)
{
	struct tsv_reader r;
	struct tsv_row row = { 0 };
	const char *why;
	char *line;
	long long n;

	if (tsv_open(&r, path) != 0)
		return -1;
	while ((n = tsv_getline(&r, &line)) >= 0) {
		size_t len = strset_trim(&line, (size_t)n);

		if (len == 0 || line[0] == '#')
			continue;
		tsv_split(&row, line, len);
		if ((why = fn(arg, row.f, row.len, row.n)) != NULL)
			errx(2, "%s: line %llu: malformed %s entry: %s", path,
			    (unsigned long long)r.lineno, what, why);
	}
	tsv_row_free(&row);
	tsv_close(&r);
	return 0;
}

static const char *
strset_add_word(void *arg, char **f, size_t *len, size_t nf)
{
	struct sbuf b = SBUF_INIT;

	if (nf != 1)
		return "more than one field";
	utf8_normalize(&b, f[0], len[0], true, false);
	strset_put(arg, b.p, b.len, 1);
	sbuf_free(&b);
	return NULL;
}

int
strset_load_words(struct strset *s, const char *path)
{
	return strset_read_list(path, strset_add_word, s, "word list");
}
