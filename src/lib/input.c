#include "config.h"

#include <err.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "input.h"
#include "progress.h"

int
input_open(struct input *in, const char *path, bool noheader)
{
	char *line;
	long long n;
	long k;

	memset(in, 0, sizeof *in);
	in->noheader = noheader;
	if (tsv_open(&in->r, path) != 0)
		return -1;
	in->r.progress = true;
	if (noheader)
		return 0;
	if ((n = tsv_getline(&in->r, &line)) >= 0) {
		tsv_header_set(&in->h, line, (size_t)n);
		in->have_header = true;
		in->nf = in->h.n;
		if (progress_state.on && (k = tsv_header_find(&in->h, "doc")) >= 0) {
			in->docs = true;
			in->doc = (size_t)k;
		}
	}
	return 0;
}

void
input_fail(const struct input *in, const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	errx(2, "%s: line %llu: %s", in->r.name, (unsigned long long)in->r.lineno, msg);
}

void
input_need_text(const struct input *in, const char *col)
{
	const char *name;

	if (!in->have_header || in->h.n != 1)
		return;
	name = in->h.names[0];
	if (strcmp(name, "text") == 0 || (col != NULL && strcmp(name, col) == 0) ||
	    (col != NULL && strcmp(col, "1") == 0))
		return;
	input_fail(in, "not TSV: the header has no TAB and no column 'text' (plain articles "
	    "go through tabloid-split first)");
}

bool
input_next(struct input *in)
{
	char *line;
	long long n;

	for (;;) {
		if ((n = tsv_getline(&in->r, &line)) < 0)
			return false;
		if (in->have_header && tsv_header_is(&in->h, line, (size_t)n))
			continue;
		tsv_split(&in->row, line, (size_t)n);
		if (in->nf == 0)
			in->nf = in->row.n;
		if (in->row.n != in->nf)
			input_fail(in, "expected %zu fields, found %zu", in->nf, in->row.n);
		if (in->docs)
			progress_doc_id(in->row.f[in->doc], in->row.len[in->doc]);
		return true;
	}
}

void
input_close(struct input *in)
{
	tsv_close(&in->r);
	tsv_header_free(&in->h);
	tsv_row_free(&in->row);
}

size_t
input_offset(const struct input *in, size_t i)
{
	const char *p = in->row.f[i];
	size_t n = in->row.len[i], v = 0, j;

	if (n == 0 || n > 18)
		input_fail(in, "column %zu: '%.*s' is not an offset", i + 1, (int)(n > 40 ? 40 : n), p);
	for (j = 0; j < n; j++) {
		if (p[j] < '0' || p[j] > '9')
			input_fail(in, "column %zu: '%.*s' is not an offset", i + 1,
			    (int)(n > 40 ? 40 : n), p);
		v = v * 10 + (size_t)(p[j] - '0');
	}
	return v;
}
