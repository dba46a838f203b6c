#include "config.h"

#include <err.h>
#include <stdio.h>
#include <stdlib.h>

#include "docrun.h"

#define DOCRUN_HOW "keep each document's rows together, as parallel --pipe --header : " \
	"--colsep '\\t' --group-by doc does, or give --partial-docs"

void
docrun_init(struct docrun *d, bool partial)
{
	d->seen = strset_new();
	d->partial = partial;
	d->warned = false;
	d->num = -1;
}

void
docrun_columns(struct docrun *d, const struct input *in)
{
	d->num = -1;
	if (!in->have_header)
		return;
	d->num = tsv_header_find(&in->h, "sent");
	if (d->num < 0)
		d->num = tsv_header_find(&in->h, "para");
}

/* The number in the numbering column of the current record, or 0. */
static unsigned long
docrun_number(const struct docrun *d, const struct input *in)
{
	const char *s;
	size_t n, i;
	unsigned long v = 0;

	if (d->num < 0 || (size_t)d->num >= in->row.n)
		return 0;
	s = in->row.f[d->num];
	n = in->row.len[d->num];
	for (i = 0; i < n && i < 18; i++) {
		if (s[i] < '0' || s[i] > '9')
			return 0;
		v = v * 10 + (unsigned long)(s[i] - '0');
	}
	return i == n ? v : 0;
}

static void
docrun_report(struct docrun *d, const struct input *in, const char *id, size_t n,
    const char *what)
{
	int w = (int)(n > 60 ? 60 : n);

	if (!d->partial)
		errx(2, "%s: line %llu: document '%.*s' %s; %s", in->r.name,
		    (unsigned long long)in->r.lineno, w, id, what, DOCRUN_HOW);
	if (!d->warned)
		warnx("%s: line %llu: document '%.*s' %s; each run of its rows is taken as a "
		    "document", in->r.name, (unsigned long long)in->r.lineno, w, id, what);
	d->warned = true;
}

void
docrun_begin(struct docrun *d, const struct input *in, const char *id, size_t n)
{
	unsigned long k;

	if (n == 0)
		return;
	if (strset_get(d->seen, id, n) > 0)
		docrun_report(d, in, id, n, "comes back after other documents");
	else if ((k = docrun_number(d, in)) > 1) {
		char what[96];

		snprintf(what, sizeof what, "starts at %s %lu, so its first rows are not in this input",
		    tsv_header_find(&in->h, "sent") == d->num ? "sentence" : "paragraph", k);
		docrun_report(d, in, id, n, what);
	}
}

void
docrun_end(struct docrun *d, const char *id, size_t n)
{
	if (n > 0)
		strset_put(d->seen, id, n, 1);
}

void
docrun_free(struct docrun *d)
{
	strset_free(d->seen);
	d->seen = NULL;
}
