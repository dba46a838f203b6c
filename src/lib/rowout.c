#include "config.h"

#include <err.h>
#include <stdlib.h>
#include <string.h>

#include "out.h"
#include "rowout.h"
#include "sbuf.h"
#include "tsv.h"
#include "utf8.h"

int
rowout_format_parse(const char *s)
{
	if (strcmp(s, "tsv") == 0)
		return ROWOUT_TSV;
	if (strcmp(s, "csv") == 0)
		return ROWOUT_CSV;
	if (strcmp(s, "jsonl") == 0)
		return ROWOUT_JSONL;
	return -1;
}

void
rowout_init(struct rowout *w, enum rowout_format f, const char *const *names, size_t n)
{
	size_t i;

	memset(w, 0, sizeof *w);
	w->f = f;
	w->n = n;
	w->names = xcalloc(n + 1, sizeof *w->names);
	for (i = 0; i < n; i++)
		w->names[i] = xstrdup(names[i]);
}

static bool
rowout_csv_needs_quotes(const char *s, size_t n)
{
	size_t i;

	if (n > 0 && (s[0] == ' ' || s[n - 1] == ' '))
		return true;
	for (i = 0; i < n; i++)
		if (s[i] == ',' || s[i] == '"' || s[i] == '\n' || s[i] == '\r')
			return true;
	return false;
}

static void
rowout_csv(const char *s, size_t n)
{
	size_t i, from = 0;

	if (!rowout_csv_needs_quotes(s, n)) {
		out_write(s, n);
		return;
	}
	out_byte('"');
	for (i = 0; i < n; i++)
		if (s[i] == '"') {
			out_write(s + from, i + 1 - from);
			out_byte('"');
			from = i + 1;
		}
	out_write(s + from, n - from);
	out_byte('"');
}

static void
rowout_json_string(const char *s, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	size_t i = 0, from = 0;

	out_byte('"');
	while (i < n) {
		unsigned char c = (unsigned char)s[i];
		int32_t cp;
		size_t k;

		if (c >= 0x20 && c != '"' && c != '\\' && c < 0x80) {
			i++;
			continue;
		}
		if (c >= 0x80) {
			k = utf8_decode(s + i, n - i, &cp);
			if (cp >= 0) {
				i += k;
				continue;
			}
		}
		out_write(s + from, i - from);
		switch (c) {
		case '"': out_str("\\\""); break;
		case '\\': out_str("\\\\"); break;
		case '\n': out_str("\\n"); break;
		case '\t': out_str("\\t"); break;
		case '\r': out_str("\\r"); break;
		default:
			if (c >= 0x80)
				out_str("\xef\xbf\xbd");
			else {
				out_str("\\u00");
				out_byte(hex[c >> 4]);
				out_byte(hex[c & 15]);
			}
		}
		i++;
		from = i;
	}
	out_write(s + from, n - from);
	out_byte('"');
}

static void
rowout_sep(struct rowout *w)
{
	if (w->col >= w->n)
		errx(2, "internal error: a row of more than %zu fields", w->n);
	switch (w->f) {
	case ROWOUT_TSV:
		if (w->col > 0)
			out_byte('\t');
		break;
	case ROWOUT_CSV:
		if (w->col > 0)
			out_byte(',');
		break;
	case ROWOUT_JSONL:
		out_str(w->col > 0 ? "," : "{");
		rowout_json_string(w->names[w->col], strlen(w->names[w->col]));
		out_byte(':');
		break;
	}
	w->col++;
}

void
rowout_header(const struct rowout *w)
{
	size_t i;

	if (w->f == ROWOUT_JSONL)
		return;
	for (i = 0; i < w->n; i++) {
		if (i > 0)
			out_byte(w->f == ROWOUT_TSV ? '\t' : ',');
		if (w->f == ROWOUT_TSV)
			out_escaped(w->names[i], strlen(w->names[i]));
		else
			rowout_csv(w->names[i], strlen(w->names[i]));
	}
	out_byte('\n');
}

void
rowout_str(struct rowout *w, const char *s, size_t n)
{
	rowout_sep(w);
	switch (w->f) {
	case ROWOUT_TSV:
		out_escaped(s, n);
		break;
	case ROWOUT_CSV:
		rowout_csv(s, n);
		break;
	case ROWOUT_JSONL:
		rowout_json_string(s, n);
		break;
	}
}

void
rowout_tsv(struct rowout *w, const char *s, size_t n)
{
	if (w->f == ROWOUT_TSV) {
		rowout_sep(w);
		out_write(s, n);
		return;
	}
	sbuf_reset(&w->tmp);
	sbuf_grow(&w->tmp, n);
	w->tmp.len = tsv_unescape(s, n, w->tmp.p);
	rowout_str(w, w->tmp.p, w->tmp.len);
}

void
rowout_num(struct rowout *w, uint64_t v)
{
	rowout_sep(w);
	out_u64(v);
}

void
rowout_null(struct rowout *w)
{
	rowout_sep(w);
	if (w->f == ROWOUT_JSONL)
		out_str("null");
}

void
rowout_end(struct rowout *w)
{
	if (w->col != w->n)
		errx(2, "internal error: a row of %zu fields, not %zu", w->col, w->n);
	if (w->f == ROWOUT_JSONL)
		out_byte('}');
	out_byte('\n');
	w->col = 0;
}

void
rowout_free(struct rowout *w)
{
	size_t i;

	for (i = 0; i < w->n; i++)
		free(w->names[i]);
	free(w->names);
	sbuf_free(&w->tmp);
	memset(w, 0, sizeof *w);
}
