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
static struct sbuf rowout_keys;		/* JSON keys with their '{' or ',' and ':' */
static size_t *rowout_key_at;		/* where key i starts; i + 1 ends it */
static size_t rowout_nkeys;		/* keys made so far */

/* Forget the JSON keys made so far, for new names. */
static void
rowout_forget_keys(void)
{
	sbuf_reset(&rowout_keys);
	rowout_nkeys = 0;
}

/* The columns that hold numbers, in every program's output. */
static const char *const rowout_numbers[] = {
	"added", "bytes", "containment", "count", "docs", "edited", "end", "ent_end",
	"ent_start", "freq", "moved", "new_sent", "new_version", "old_sent", "old_version",
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

/*
 * Byte classes: for CSV, the bytes that make a line take the slow path;
 * for JSON, 1 for a byte that must be escaped, 2 for the backslash of a
 * TSV escape and 3 for the TAB that ends a field.  Other bytes are copied:
 * out.c has made them valid UTF-8.
 */
static unsigned char rowout_csv_class[256];
static unsigned char rowout_json_class[256];

static void
rowout_classes(void)
{
	int c;

	rowout_csv_class[','] = rowout_csv_class['"'] = rowout_csv_class['\\'] = 1;
	rowout_csv_class['\r'] = rowout_csv_class['\n'] = 1;
	for (c = 0; c < 0x20; c++)
		rowout_json_class[c] = 1;
	rowout_json_class['"'] = 1;
	rowout_json_class['\\'] = 2;
	rowout_json_class['\t'] = 3;
}

/* Room for n more bytes in rowout_dst; returns where they go. */
static char *
rowout_room(size_t n)
{
	sbuf_grow(&rowout_dst, n);
	return rowout_dst.p + rowout_dst.len;
}

/* Whether a CSV field s[0..n) must be quoted. */
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

/* Write the CSV field s[0..n) at o (room for 2 n + 2 bytes); returns the end. */
static char *
rowout_csv(char *o, const char *s, size_t n)
{
	size_t i;

	if (!rowout_csv_needs_quotes(s, n)) {
		memcpy(o, s, n);
		return o + n;
	}
	*o++ = '"';
	for (i = 0; i < n; i++) {
		if (s[i] == '"')
			*o++ = '"';
		*o++ = s[i];
	}
	*o++ = '"';
	return o;
}

/* Write the escape of the byte c, which cannot stand in a JSON string. */
static char *
rowout_json_escape(char *o, unsigned char c)
{
	static const char hex[] = "0123456789abcdef";

	*o++ = '\\';
	switch (c) {
	case '"': *o++ = '"'; break;
	case '\\': *o++ = '\\'; break;
	case '\n': *o++ = 'n'; break;
	case '\t': *o++ = 't'; break;
	case '\r': *o++ = 'r'; break;
	default:
		memcpy(o, "u00", 3);
		o[3] = hex[c >> 4];
		o[4] = hex[c & 15];
		o += 5;
	}
	return o;
}

/*
 * Write the TSV field from *sp up to the next TAB or end as a JSON string
 * at o (room for 6 times its length + 2 bytes), and move *sp to that TAB
 * or end.  The TSV escapes \\t \\n \\r and \\\\ are spelled as in JSON; any
 * other backslash stands for itself.
 */
static char *
rowout_json_field(char *o, const char **sp, const char *end)
{
	const char *s = *sp;
	unsigned char cls = 3;

	*o++ = '"';
	for (;;) {
		while (s < end && (cls = rowout_json_class[(unsigned char)*s]) == 0)
			*o++ = *s++;
		if (s == end || cls == 3)
			break;
		if (cls == 1)
			o = rowout_json_escape(o, (unsigned char)*s++);
		else if (s + 1 < end && (s[1] == 't' || s[1] == 'n' || s[1] == 'r' || s[1] == '\\')) {
			*o++ = '\\';
			*o++ = s[1];
			s += 2;
		} else {
			*o++ = '\\';
			*o++ = '\\';
			s++;
		}
	}
	*o++ = '"';
	*sp = s;
	return o;
}

/* Write s[0..n), without TSV escapes, as a JSON string at o (room for 6 n + 2 bytes). */
static char *
rowout_json_string(char *o, const char *s, size_t n)
{
	const char *end = s + n;

	*o++ = '"';
	for (; s < end; s++)
		if (rowout_json_class[(unsigned char)*s] == 0)
			*o++ = *s;
		else if (*s == '\\') {
			*o++ = '\\';
			*o++ = '\\';
		} else
			o = rowout_json_escape(o, (unsigned char)*s);
	*o++ = '"';
	return o;
}

/*
 * Copy n bytes 16 at a time: o must have room for n + 15 bytes, and s
 * that many readable (rowout_keys keeps 16 spare bytes).
 */
static inline void
rowout_copy16(char *o, const char *s, size_t n)
{
	size_t k;

	for (k = 0; k < n; k += 16)
		memcpy(o + k, s + k, 16);
}

/*
 * The length of the longest prefix of s[0..n) that is a number as JSON
 * writes one (RFC 8259, section 6), or 0.
 */
static size_t
rowout_json_number_len(const char *s, size_t n)
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
			return 0;
	}
	if (i < n && s[i] == '.') {
		for (d = ++i; i < n && s[i] >= '0' && s[i] <= '9'; i++)
			;
		if (i == d)
			return 0;
	}
	if (i < n && (s[i] == 'e' || s[i] == 'E')) {
		if (++i < n && (s[i] == '+' || s[i] == '-'))
			i++;
		for (d = i; i < n && s[i] >= '0' && s[i] <= '9'; i++)
			;
		if (i == d)
			return 0;
	}
	return i;
}

/*
 * Write the field of a numeric column from *sp up to the next TAB or end:
 * a JSON number as it is, null when empty, else a string; move *sp on.
 */
static char *
rowout_json_value(char *o, const char **sp, const char *end)
{
	const char *s = *sp;
	size_t k;

	if (s == end || *s == '\t') {
		memcpy(o, "null", 4);
		return o + 4;
	}
	k = rowout_json_number_len(s, (size_t)(end - s));
	if (k > 0 && (s + k == end || s[k] == '\t')) {
		memcpy(o, s, k);
		*sp = s + k;
		return o + k;
	}
	return rowout_json_field(o, sp, end);
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

/*
 * Make sure rowout_keys holds the JSON keys of columns 0..i: '{' or ','
 * then the name as a JSON string, then ':'.  Columns past the header's,
 * or all under -N, are named by their number.
 */
static void
rowout_key_upto(size_t i)
{
	char num[24];

	while (rowout_nkeys <= i) {
		size_t k = rowout_nkeys, len;
		const char *name = num;
		char *o;

		if (rowout_named && k < rowout_ncols)
			name = rowout_names.p + rowout_name_at[k];
		else
			snprintf(num, sizeof num, "%zu", k + 1);
		len = strlen(name);
		rowout_key_at = xrealloc(rowout_key_at, (k + 2) * sizeof *rowout_key_at);
		sbuf_grow(&rowout_keys, 6 * len + 4);
		o = rowout_keys.p + rowout_keys.len;
		*o++ = k == 0 ? '{' : ',';
		o = rowout_json_string(o, name, len);
		*o++ = ':';
		rowout_key_at[k] = rowout_keys.len;
		rowout_keys.len = (size_t)(o - rowout_keys.p);
		rowout_key_at[k + 1] = rowout_keys.len;
		rowout_nkeys++;
	}
	sbuf_grow(&rowout_keys, 16);	/* for rowout_copy16() */
}

/* Take the header line s[0..n) as the names of the columns. */
static void
rowout_set_names(const char *s, size_t n)
{
	const char *end = s + n;
	size_t i, len;

	rowout_ncols = 1;
	for (i = 0; i < n; i++)
		rowout_ncols += s[i] == '\t';
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
	rowout_forget_keys();
}

/*
 * Write a TSV line s[0..n) as CSV at o by turning its TABs into commas,
 * when that is all it takes; returns the end, or NULL when it is not.
 */
static char *
rowout_csv_plain(char *o, const unsigned char *s, size_t n)
{
	size_t i;

	if (n > 0 && (s[0] == ' ' || s[n - 1] == ' '))
		return NULL;
	for (i = 0; i < n; i++) {
		if (rowout_csv_class[s[i]])
			return NULL;
		if (s[i] != '\t')
			o[i] = (char)s[i];
		else if ((i > 0 && s[i - 1] == ' ') || (i + 1 < n && s[i + 1] == ' '))
			return NULL;
		else
			o[i] = ',';
	}
	return o + n;
}

/* Convert one TSV line s[0..n) (without its LF) to CSV in rowout_dst. */
static void
rowout_line_csv(const char *s, size_t n)
{
	const char *end = s + n, *f;
	char *o = rowout_room(4 * n + 3), *t;
	size_t len;

	if ((t = rowout_csv_plain(o, (const unsigned char *)s, n)) != NULL)
		o = t;
	else
		for (;;) {
			const char *tab = memchr(s, '\t', (size_t)(end - s));

			if (tab == NULL)
				tab = end;
			f = rowout_decode(s, (size_t)(tab - s), &len);
			o = rowout_csv(o, f, len);
			if (tab == end)
				break;
			*o++ = ',';
			s = tab + 1;
		}
	*o++ = '\n';
	rowout_dst.len = (size_t)(o - rowout_dst.p);
}

/* Convert one TSV line s[0..n) (without its LF) to JSON in rowout_dst. */
static void
rowout_line_json(const char *s, size_t n)
{
	const char *end = s + n;
	size_t i, klen;
	char *o = rowout_room(rowout_keys.len + 8 * n + 16);

	/* the room covers every field (at most 6 bytes each byte, 8 around) and known key */
	for (i = 0;; i++) {
		if (i >= rowout_nkeys) {
			rowout_dst.len = (size_t)(o - rowout_dst.p);
			rowout_key_upto(i);
			o = rowout_room(rowout_keys.len + 8 * (size_t)(end - s) + 16);
		}
		klen = rowout_key_at[i + 1] - rowout_key_at[i];
		rowout_copy16(o, rowout_keys.p + rowout_key_at[i], klen);
		o += klen;
		if (rowout_named && i < rowout_ncols && rowout_numeric[i])
			o = rowout_json_value(o, &s, end);
		else
			o = rowout_json_field(o, &s, end);
		if (s == end)
			break;
		s++;
	}
	rowout_dst.len = (size_t)(o - rowout_dst.p);
	o = rowout_room(2);
	*o++ = '}';
	*o++ = '\n';
	rowout_dst.len = (size_t)(o - rowout_dst.p);
}

/* Convert one line s[0..n) (without its LF) of TSV into rowout_dst. */
static void
rowout_line(const char *s, size_t n)
{
	bool header = rowout_header && !rowout_named;

	if (header)
		rowout_set_names(s, n);
	if (rowout_f == ROWOUT_CSV)
		rowout_line_csv(s, n);
	else if (!header)
		rowout_line_json(s, n);
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
	rowout_forget_keys();
}

void
rowout_start(enum rowout_format f, bool header)
{
	rowout_f = f;
	rowout_header = header;
	rowout_named = false;
	rowout_forget_keys();
	rowout_classes();
	if (f != ROWOUT_TSV)
		out_filter(rowout_feed, rowout_end);
	else
		out_filter(NULL, NULL);
}
