#include "config.h"

#include <err.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "input.h"
#include "progress.h"
#include "tsv.h"
#include "wcur.h"

static char *
wcur_dup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

static bool
wcur_blank(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!(s[i] == ' ' || (s[i] >= '\t' && s[i] <= '\r')))
			return false;
	return true;
}

/* Add an article: its text, or why it cannot be had (why != NULL). */
static void
wcur_add(struct wcur *c, const char *id, size_t idlen, const char *text, size_t n,
    const char *source, const char *why)
{
	struct wcur_doc *d;

	if (why == NULL && wcur_blank(text, n))
		why = n == 0 ? "empty article" : "blank article";
	if (why != NULL && !c->keep)
		errx(2, "%s: %s", source, why);
	if (c->n == c->cap) {
		c->cap = c->cap ? 2 * c->cap : 256;
		c->v = xrealloc(c->v, c->cap * sizeof *c->v);
	}
	d = &c->v[c->n++];
	memset(d, 0, sizeof *d);
	d->id = wcur_dup(id, idlen);
	d->idlen = idlen;
	d->source = xstrdup(source);
	if (why != NULL) {
		d->why = xstrdup(why);
		return;
	}
	wstate_put(c->s, text, n, d->obj);
	d->bytes = n;
}

static void
wcur_files(struct wcur *c, const struct docid_files *f)
{
	size_t i;

	for (i = 0; i < f->n; i++) {
		const char *path = f->v[i].path, *name = strcmp(path, "-") == 0 ? "standard input" : path;
		const char *why = NULL;

		if (sbuf_read_file(&c->buf, path) != 0)
			why = strerror(errno);
		else
			progress_read(c->buf.len);
		progress_doc();
		wcur_add(c, f->v[i].id, strlen(f->v[i].id), c->buf.p ? c->buf.p : "",
		    why ? 0 : c->buf.len, name, why);
	}
}

static void
wcur_source(char *buf, size_t n, const char *name, unsigned long long line)
{
	snprintf(buf, n, "%s: line %llu", name, line);
}

static void
wcur_table(struct wcur *c, const char *path)
{
	struct input in;
	long doc, text;
	char src[4096];

	if (input_open(&in, path, false) != 0)
		err(2, "%s", path);
	input_need_text(&in, input_opts.text_col);
	doc = input_doc_col(&in, in.h.n, -2);
	text = input_text_col(&in, in.h.n, (long)in.h.n - 1);
	if (text == doc)
		errx(2, "%s: line 1: expected a doc and a text column, found 1 column", in.r.name);
	while (input_next(&in)) {
		char *t = in.row.f[text], *id = in.row.f[doc];
		size_t tl = tsv_unescape(t, in.row.len[text], t);
		size_t il = tsv_unescape(id, in.row.len[doc], id);

		if (il == 0)
			input_fail(&in, "empty doc id");
		wcur_source(src, sizeof src, in.r.name, (unsigned long long)in.r.lineno);
		wcur_add(c, id, il, t, tl, src, NULL);
	}
	input_close(&in);
}

void
wcur_read(struct wcur *c, enum wcur_format f, const struct docid_files *files,
    const char *table)
{
	switch (f) {
	case WCUR_FILES:
		wcur_files(c, files);
		break;
	case WCUR_TABLE:
		wcur_table(c, table);
		break;
	}
}

static int
wcur_cmp(const void *a, const void *b)
{
	const struct wcur_doc *x = a, *y = b;
	int r = memcmp(x->id, y->id, x->idlen < y->idlen ? x->idlen : y->idlen);

	return r != 0 ? r : (x->idlen > y->idlen) - (x->idlen < y->idlen);
}

void
wcur_sort(struct wcur *c)
{
	size_t i;

	if (c->n > 0)
		qsort(c->v, c->n, sizeof *c->v, wcur_cmp);
	for (i = 1; i < c->n; i++)
		if (wcur_cmp(&c->v[i - 1], &c->v[i]) == 0)
			errx(2, "%s and %s: both give the doc id '%s'", c->v[i - 1].source,
			    c->v[i].source, c->v[i].id);
}

void
wcur_free(struct wcur *c)
{
	size_t i;

	for (i = 0; i < c->n; i++) {
		free(c->v[i].id);
		free(c->v[i].source);
		free(c->v[i].why);
	}
	free(c->v);
	sbuf_free(&c->buf);
	memset(c, 0, sizeof *c);
}
