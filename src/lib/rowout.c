#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "opt.h"
#include "out.h"
#include "rowout.h"
#include "sbuf.h"
#include "tsv.h"
#include "utf8.h"

/* Converted bytes are written out once this many are waiting. */
#define ROWOUT_CHUNK (64 * 1024)

static enum rowout_format rowout_f;	/* the format */
static bool rowout_header;		/* outputs begin with a header line */
static bool rowout_named;		/* this output's header has been read */
static struct sbuf rowout_names;	/* its names, decoded, each NUL-ended */
static size_t *rowout_name_at;		/* where each starts in rowout_names */
static bool *rowout_numeric;		/* whether each column holds numbers */
static size_t rowout_ncols;		/* number of names */
static struct sbuf rowout_part;		/* a line not yet ended */
static struct sbuf rowout_dst;		/* converted bytes */
static struct sbuf rowout_field;	/* a field being decoded */

/* The columns that hold numbers, in every program's output. */
static const char *const rowout_numbers[] = {
	"added", "bytes", "count", "docs", "edited", "end", "ent_end", "ent_start",
	"freq", "moved", "new_sent", "new_version", "old_sent", "old_version",
	"para", "removed", "sent", "similarity", "start", "tfidf", "tok", "tok_end",
	"tok_start", "version", "words_added", "words_removed",
};

bool
rowout_is_number(const char *name, size_t n)
{
	size_t i;

	for (i = 0; i < sizeof rowout_numbers / sizeof rowout_numbers[0]; i++)
		if (strlen(rowout_numbers[i]) == n && memcmp(rowout_numbers[i], name, n) == 0)
			return true;
	return false;
}

bool
rowout_getopt(int ch, enum rowout_format *f)
{
	static const char *seen;
	static const char *const names[] = { "--otsv", "--ocsv", "--ojsonl" };

	if (ch < ROWOUT_OPT_TSV || ch > ROWOUT_OPT_JSONL)
		return false;
	opt_exclusive(&seen, names[ch - ROWOUT_OPT_TSV]);
	*f = (enum rowout_format)(ch - ROWOUT_OPT_TSV);
	return true;
}

const char *
rowout_ext(enum rowout_format f)
{
	return f == ROWOUT_CSV ? ".csv" : f == ROWOUT_JSONL ? ".jsonl" : ".tsv";
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
rowout_csv(struct sbuf *b, const char *s, size_t n)
{
	size_t i, from = 0;

	if (!rowout_csv_needs_quotes(s, n)) {
		sbuf_add(b, s, n);
		return;
	}
	sbuf_addc(b, '"');
	for (i = 0; i < n; i++)
		if (s[i] == '"') {
			sbuf_add(b, s + from, i + 1 - from);
			sbuf_addc(b, '"');
			from = i + 1;
		}
	sbuf_add(b, s + from, n - from);
	sbuf_addc(b, '"');
}

/* Append the escape of the byte c, which cannot stand in a JSON string. */
static void
rowout_json_escape(struct sbuf *b, unsigned char c)
{
	static const char hex[] = "0123456789abcdef";

	switch (c) {
	case '"': sbuf_add(b, "\\\"", 2); break;
	case '\\': sbuf_add(b, "\\\\", 2); break;
	case '\n': sbuf_add(b, "\\n", 2); break;
	case '\t': sbuf_add(b, "\\t", 2); break;
	case '\r': sbuf_add(b, "\\r", 2); break;
	default:
		if (c >= 0x80)
			sbuf_add(b, "\xef\xbf\xbd", 3);
		else {
			sbuf_add(b, "\\u00", 4);
			sbuf_addc(b, hex[c >> 4]);
			sbuf_addc(b, hex[c & 15]);
		}
	}
}

static void
rowout_json_string(struct sbuf *b, const char *s, size_t n)
{
	size_t i = 0, from = 0;

	sbuf_addc(b, '"');
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
		sbuf_add(b, s + from, i - from);
		rowout_json_escape(b, c);
		from = ++i;
	}
	sbuf_add(b, s + from, n - from);
	sbuf_addc(b, '"');
}

/* Whether s[0..n) is a number as JSON writes one (RFC 8259, section 6). */
static bool
rowout_json_number(const char *s, size_t n)
{
	size_t i = 0, d;

	if (i < n && s[i] == '-')
		i++;
	if (i < n && s[i] == '0')
		i++;
	else {
		for (d = i; i < n && s[i] >= '0' && s[i] <= '9'; i++)
			;
		if (i == d)
			return false;
	}
	if (i < n && s[i] == '.') {
		for (d = ++i; i < n && s[i] >= '0' && s[i] <= '9'; i++)
			;
		if (i == d)
			return false;
	}
	if (i < n && (s[i] == 'e' || s[i] == 'E')) {
		if (++i < n && (s[i] == '+' || s[i] == '-'))
			i++;
		for (d = i; i < n && s[i] >= '0' && s[i] <= '9'; i++)
			;
		if (i == d)
			return false;
	}
	return i == n;
}

/* The field s[0..n) in the TSV escapes, decoded into rowout_field. */
static const char *
rowout_decode(const char *s, size_t n, size_t *len)
{
	if (memchr(s, '\\', n) == NULL) {
		*len = n;
		return s;
	}
	sbuf_reset(&rowout_field);
	sbuf_grow(&rowout_field, n);
	*len = tsv_unescape(s, n, rowout_field.p);
	return rowout_field.p;
}

/* Take the header line s[0..n) as the names of the columns. */
static void
rowout_set_names(const char *s, size_t n)
{
	const char *end = s + n;
	size_t i, len;

	rowout_ncols = 0;
	for (i = 0; i < n; i++)
		rowout_ncols += s[i] == '\t';
	rowout_ncols++;
	free(rowout_name_at);
	free(rowout_numeric);
	rowout_name_at = xcalloc(rowout_ncols, sizeof *rowout_name_at);
	rowout_numeric = xcalloc(rowout_ncols, sizeof *rowout_numeric);
	sbuf_reset(&rowout_names);
	for (i = 0; i < rowout_ncols; i++) {
		const char *tab = memchr(s, '\t', (size_t)(end - s)), *f;

		if (tab == NULL)
			tab = end;
		f = rowout_decode(s, (size_t)(tab - s), &len);
		rowout_name_at[i] = rowout_names.len;
		rowout_numeric[i] = rowout_is_number(f, len);
		sbuf_add(&rowout_names, f, len);
		sbuf_addc(&rowout_names, '\0');
		s = tab + 1;
	}
	rowout_named = true;
}

/* Append the key of column i of a JSON object. */
static void
rowout_key(struct sbuf *b, size_t i)
{
	char num[24];

	if (rowout_named && i < rowout_ncols) {
		const char *name = rowout_names.p + rowout_name_at[i];

		rowout_json_string(b, name, strlen(name));
	} else
		rowout_json_string(b, num, (size_t)snprintf(num, sizeof num, "%zu", i + 1));
	sbuf_addc(b, ':');
}

/* Append field i, f[0..n), of a row as a JSON value. */
static void
rowout_json_value(struct sbuf *b, size_t i, const char *f, size_t n)
{
	if (rowout_named && i < rowout_ncols && rowout_numeric[i]) {
		if (n == 0) {
			sbuf_add(b, "null", 4);
			return;
		}
		if (rowout_json_number(f, n)) {
			sbuf_add(b, f, n);
			return;
		}
	}
	rowout_json_string(b, f, n);
}

/* Convert one line s[0..n) (without its LF) of TSV into rowout_dst. */
static void
rowout_line(const char *s, size_t n)
{
	const char *end = s + n, *f;
	size_t i, len;
	bool header = rowout_header && !rowout_named;

	if (header)
		rowout_set_names(s, n);
	if (header && rowout_f == ROWOUT_JSONL)
		return;
	if (rowout_f == ROWOUT_JSONL)
		sbuf_addc(&rowout_dst, '{');
	for (i = 0;; i++) {
		const char *tab = memchr(s, '\t', (size_t)(end - s));

		if (tab == NULL)
			tab = end;
		if (i > 0)
			sbuf_addc(&rowout_dst, ',');
		f = rowout_decode(s, (size_t)(tab - s), &len);
		if (rowout_f == ROWOUT_CSV)
			rowout_csv(&rowout_dst, f, len);
		else {
			rowout_key(&rowout_dst, i);
			rowout_json_value(&rowout_dst, i, f, len);
		}
		if (tab == end)
			break;
		s = tab + 1;
	}
	if (rowout_f == ROWOUT_JSONL)
		sbuf_addc(&rowout_dst, '}');
	sbuf_addc(&rowout_dst, '\n');
}

/* Write out the converted bytes. */
static void
rowout_drain(void)
{
	out_raw(rowout_dst.p, rowout_dst.len);
	sbuf_reset(&rowout_dst);
}

/* out_filter()'s feed for CSV and JSON Lines. */
static void
rowout_feed(const char *p, size_t n)
{
	const char *end = p + n, *nl;

	while (p < end && (nl = memchr(p, '\n', (size_t)(end - p))) != NULL) {
		if (rowout_part.len > 0) {
			sbuf_add(&rowout_part, p, (size_t)(nl - p));
			rowout_line(rowout_part.p, rowout_part.len);
			sbuf_reset(&rowout_part);
		} else
			rowout_line(p, (size_t)(nl - p));
		p = nl + 1;
		if (rowout_dst.len >= ROWOUT_CHUNK)
			rowout_drain();
	}
	sbuf_add(&rowout_part, p, (size_t)(end - p));
	rowout_drain();
}

/* out_filter()'s end for CSV and JSON Lines. */
static void
rowout_end(void)
{
	if (rowout_part.len > 0) {
		rowout_line(rowout_part.p, rowout_part.len);
		sbuf_reset(&rowout_part);
		rowout_drain();
	}
	rowout_named = false;
}

void
rowout_start(enum rowout_format f, bool header)
{
	rowout_f = f;
	rowout_header = header;
	rowout_named = false;
	if (f != ROWOUT_TSV)
		out_filter(rowout_feed, rowout_end);
	else
		out_filter(NULL, NULL);
}
