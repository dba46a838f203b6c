#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "cols.h"

void
cols_offsets_of(const char *name, const char **start, const char **end)
{
	if (strcmp(name, "token") == 0) {
		*start = "tok_start";
		*end = "tok_end";
	} else if (strcmp(name, "mention") == 0) {
		*start = "ent_start";
		*end = "ent_end";
	} else {
		*start = "start";
		*end = "end";
	}
}

/* Index of the column called name, or -1; never the text column. */
static long
cols_named(const struct tsv_header *h, const char *name, size_t text)
{
	long k = tsv_header_find(h, name);

	return k >= 0 && (size_t)k == text ? -1 : k;
}

void
cols_find(struct cols_text *c, const struct tsv_header *h, size_t nf, size_t text)
{
	const char *start, *end;

	c->text = text;
	c->start = c->end = c->fold = -1;
	if (h == NULL) {
		c->doc = text == 0 ? -1 : 0;
		if (nf >= 5 && text == nf - 1) {
			c->start = (long)nf - 4;
			c->end = (long)nf - 3;
			c->fold = (long)nf - 2;
		}
		return;
	}
	c->doc = cols_named(h, "doc", text);
	cols_offsets_of(h->names[text], &start, &end);
	c->start = cols_named(h, start, text);
	c->end = cols_named(h, end, text);
	if (strcmp(start, "start") == 0)
		c->fold = cols_named(h, "fold", text);
}

void
cols_pass_init(struct cols_pass *p, const struct tsv_header *h, size_t n,
    const char *const *own)
{
	size_t i, k;

	p->n = n;
	p->keep = xmalloc(n > 0 ? n : 1);
	for (i = 0; i < n; i++) {
		p->keep[i] = true;
		for (k = 0; h != NULL && own[k] != NULL; k++)
			if (strcmp(h->names[i], own[k]) == 0)
				p->keep[i] = false;
	}
}

void
cols_pass_drop(struct cols_pass *p, long i)
{
	if (i >= 0 && (size_t)i < p->n)
		p->keep[i] = false;
}

bool
cols_passes(const struct cols_pass *p, size_t i)
{
	return i < p->n && p->keep[i];
}

void
cols_pass_row(const struct cols_pass *p, const struct tsv_row *row, struct sbuf *b)
{
	size_t i;

	for (i = 0; i < row->n && i < p->n; i++) {
		if (!p->keep[i])
			continue;
		sbuf_add(b, row->f[i], row->len[i]);
		sbuf_addc(b, '\t');
	}
}

void
cols_pass_names(const struct cols_pass *p, const struct tsv_header *h, struct sbuf *b)
{
	size_t i;

	for (i = 0; i < h->n && i < p->n; i++) {
		if (!p->keep[i])
			continue;
		sbuf_add(b, h->names[i], strlen(h->names[i]));
		sbuf_addc(b, '\t');
	}
}

void
cols_add_names(const char *const *names, struct sbuf *b)
{
	size_t i;

	for (i = 0; names[i] != NULL; i++) {
		sbuf_add(b, names[i], strlen(names[i]));
		sbuf_addc(b, '\t');
	}
}

void
cols_pass_free(struct cols_pass *p)
{
	free(p->keep);
	p->keep = NULL;
	p->n = 0;
}
