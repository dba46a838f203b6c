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
static struct rowout_key {
	size_t at;			/* where it starts in rowout_keys */
	size_t len;			/* its length */
	bool number;			/* whether its column holds numbers */
} *rowout_key;				/* the keys made so far */
static size_t rowout_nkeys;		/* keys made so far */
static bool rowout_keep;		/* the filter leaves its bytes in rowout_dst */
static struct sbuf rowout_valid_buf;	/* a field made valid UTF-8 */
static struct sbuf rowout_tsv_line;	/* a row of rowout_row() as TSV */
static struct sbuf rowout_memo_in;	/* the last row's first field, of ROWOUT_COLS */
static struct sbuf rowout_memo_out;	/* it as written */
static size_t rowout_memo_cols;		/* the columns it holds */
static bool rowout_memo_ok;		/* whether the three above are known */

/* Forget the JSON keys made so far, for new names. */
static void
rowout_forget_keys(void)
{
	sbuf_reset(&rowout_keys);
	rowout_nkeys = 0;
	rowout_memo_ok = false;
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
 * Byte classes of the filter: for CSV, the bytes that make a line take the
 * slow path; for JSON, 1 for a byte that must be escaped, 2 for the
 * backslash of a TSV escape and 3 for the TAB that ends a field.  Other
 * bytes are copied: out.c has made them valid UTF-8.  rowout_row() checks
 * UTF-8 itself: its tables add class 4 for the bytes from 0x80 on.
 */
static unsigned char rowout_csv_class[256];
static unsigned char rowout_json_class[256];
static unsigned char rowout_row_csv_class[256];	/* as rowout_csv_class */
static unsigned char rowout_row_json_class[256];	/* as rowout_json_class */
static unsigned char rowout_text_tsv[256];	/* TEXT: 1 TSV escapes it */
static unsigned char rowout_text_csv[256];	/* TEXT: 1 CSV quotes it */
static unsigned char rowout_text_json[256];	/* TEXT: 1 JSON escapes it */

static void
rowout_classes(void)
{
	int c;

	rowout_csv_class[','] = rowout_csv_class['"'] = rowout_csv_class['\\'] = 1;
	rowout_csv_class['\r'] = rowout_csv_class['\n'] = 1;
	for (c = 0; c < 0x20; c++)
		rowout_json_class[c] = rowout_text_json[c] = 1;
	rowout_json_class['"'] = rowout_text_json['"'] = rowout_text_json['\\'] = 1;
	rowout_json_class['\\'] = 2;
	rowout_json_class['\t'] = 3;
	rowout_text_tsv['\t'] = rowout_text_tsv['\n'] = rowout_text_tsv['\r'] = 1;
	rowout_text_tsv['\\'] = 1;
	rowout_text_csv[','] = rowout_text_csv['"'] = 1;
	rowout_text_csv['\r'] = rowout_text_csv['\n'] = 1;
	memcpy(rowout_row_csv_class, rowout_csv_class, 256);
	memcpy(rowout_row_json_class, rowout_json_class, 256);
	for (c = 0x80; c < 256; c++)
		rowout_row_csv_class[c] = rowout_row_json_class[c] = rowout_text_tsv[c] =
		    rowout_text_csv[c] = rowout_text_json[c] = 4;
}

/*
 * Write the sequence at *sp, which starts with a byte from 0x80 on, as it
 * is when it is valid UTF-8, else U+FFFD for that byte (as out.c does);
 * move *sp past what was written.
 */
static char *
rowout_utf8(char *o, const char **sp, const char *end)
{
	const char *s = *sp;
	int32_t cp;
	size_t len = utf8_decode_wide(s, (size_t)(end - s), &cp);

	if (cp < 0) {
		memcpy(o, "\xEF\xBF\xBD", 3);
		*sp = s + 1;
		return o + 3;
	}
	memcpy(o, s, len);
	*sp = s + len;
	return o + len;
}

/* Write s[0..n) made valid UTF-8 at o (room for 3 n bytes); returns the end. */
static char *
rowout_valid(char *o, const char *s, size_t n)
{
	const char *end = s + n;

	if (n == 0)
		return o;
	for (;;) {
		size_t k = utf8_valid_len(s, (size_t)(end - s));

		memcpy(o, s, k);
		o += k;
		s += k;
		if (s == end)
			return o;
		memcpy(o, "\xEF\xBF\xBD", 3);
		o += 3;
		s++;
	}
}

/* Room for n more bytes in rowout_dst; returns where they go. */
static char *
rowout_room(size_t n)
{
	if (rowout_dst.cap - rowout_dst.len <= n)
		sbuf_grow(&rowout_dst, n);
	return rowout_dst.p + rowout_dst.len;
}

/*
 * Whether one of the 8 bytes in w is below lo (at most 0x80), a or b, or
 * from 0x80 on: the bytes that a format's TEXT cannot copy as they are.
 */
static inline bool
rowout_special8(uint64_t w, uint64_t lo, unsigned char a, unsigned char b)
{
	const uint64_t ones = UINT64_C(0x0101010101010101), highs = ones * 0x80;
	uint64_t xa = w ^ (ones * a), xb = w ^ (ones * b);

	return (((w - ones * lo) & ~w) | ((xa - ones) & ~xa) | ((xb - ones) & ~xb) | w) & highs;
}

/* Copy 8 bytes of ROWOUT_TEXT at a time while none is special; returns how many. */
static inline size_t
rowout_plain8(char *o, const char *s, size_t n, uint64_t lo, unsigned char a,
    unsigned char b)
{
	size_t i;

	for (i = 0; i + 8 <= n; i += 8) {
		uint64_t w;

		memcpy(&w, s + i, 8);
		if (rowout_special8(w, lo, a, b))
			break;
		memcpy(o + i, &w, 8);
	}
	return i;
}

/* Whether a CSV field s[0..n) must be quoted. */
static bool
rowout_csv_needs_quotes(const char *s, size_t n)
{
	size_t i = 0, e;

	if (n > 0 && (s[0] == ' ' || s[n - 1] == ' '))
		return true;
	for (;;) {
		for (; i + 8 <= n; i += 8) {
			uint64_t w;

			memcpy(&w, s + i, 8);
			if (rowout_special8(w & ~(UINT64_C(0x0101010101010101) * 0x80), '\r' + 1, ',', '"'))
				break;
		}
		if (i == n)
			return false;
		for (e = i + 8 < n ? i + 8 : n; i < e; i++)
			if (s[i] == ',' || s[i] == '"' || s[i] == '\n' || s[i] == '\r')
				return true;
	}
}

/* Write the CSV field s[0..n) at o (room for 2 n + 2 bytes); returns the end. */
static char *
rowout_csv(char *o, const char *s, size_t n)
{
	const char *end = s + n, *q;

	if (n == 0)
		return o;
	if (!rowout_csv_needs_quotes(s, n)) {
		memcpy(o, s, n);
		return o + n;
	}
	*o++ = '"';
	while ((q = memchr(s, '"', (size_t)(end - s))) != NULL) {
		memcpy(o, s, (size_t)(q + 1 - s));
		o += q + 1 - s;
		*o++ = '"';
		s = q + 1;
	}
	memcpy(o, s, (size_t)(end - s));
	o += end - s;
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
 * or end; class is rowout_json_class or rowout_row_json_class.  The TSV escapes \\t \\n \\r and \\\\ are spelled as in JSON; any
 * other backslash stands for itself.
 */
static char *
rowout_json_field(char *o, const char **sp, const char *end, const unsigned char *class)
{
	const char *s = *sp;
	unsigned char cls = 3;

	*o++ = '"';
	for (;;) {
		while (s < end && (cls = class[(unsigned char)*s]) == 0)
			*o++ = *s++;
		if (s == end || cls == 3)
			break;
		if (cls == 1)
			o = rowout_json_escape(o, (unsigned char)*s++);
		else if (cls == 4)
			o = rowout_utf8(o, &s, end);
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
 * Copy n bytes (n > 0) 16 at a time: o must have room for n + 15 bytes, and s
 * that many readable (rowout_keys keeps 16 spare bytes).
 */
static inline void
rowout_copy16(char *o, const char *s, size_t n)
{
	size_t k;

	memcpy(o, s, 16);
	for (k = 16; k < n; k += 16)
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
rowout_json_value(char *o, const char **sp, const char *end, const unsigned char *class)
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
	return rowout_json_field(o, sp, end, class);
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
		rowout_key = xrealloc(rowout_key, (k + 1) * sizeof *rowout_key);
		sbuf_grow(&rowout_keys, 6 * len + 4);
		o = rowout_keys.p + rowout_keys.len;
		*o++ = k == 0 ? '{' : ',';
		o = rowout_json_string(o, name, len);
		*o++ = ':';
		rowout_key[k].at = rowout_keys.len;
		rowout_key[k].len = (size_t)(o - rowout_keys.p) - rowout_keys.len;
		rowout_key[k].number = rowout_named && k < rowout_ncols && rowout_numeric[k];
		rowout_keys.len = (size_t)(o - rowout_keys.p);
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
 * when that is all it takes; returns the end, or NULL when it is not (or
 * s holds a byte of class).
 */
static char *
rowout_csv_plain(char *o, const unsigned char *s, size_t n, const unsigned char *class)
{
	size_t i;

	if (n > 0 && (s[0] == ' ' || s[n - 1] == ' '))
		return NULL;
	for (i = 0; i < n; i++) {
		if (class[s[i]])
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

	if ((t = rowout_csv_plain(o, (const unsigned char *)s, n, rowout_csv_class)) != NULL)
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
		klen = rowout_key[i].len;
		rowout_copy16(o, rowout_keys.p + rowout_key[i].at, klen);
		o += klen;
		if (rowout_key[i].number)
			o = rowout_json_value(o, &s, end, rowout_json_class);
		else
			o = rowout_json_field(o, &s, end, rowout_json_class);
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

/* Write them out unless rowout_row() keeps them, and not many are waiting. */
static void
rowout_drain_some(void)
{
	if (!rowout_keep || rowout_dst.len >= ROWOUT_CHUNK)
		rowout_drain();
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
	rowout_drain_some();
}

/* out_filter()'s feed for TSV: the rows of rowout_row() go first. */
static void
rowout_feed_tsv(const char *p, size_t n)
{
	if (rowout_dst.len == 0 && !rowout_keep) {
		out_raw(p, n);
		return;
	}
	sbuf_add(&rowout_dst, p, n);
	rowout_drain_some();
}

/* out_filter()'s end. */
static void
rowout_end(void)
{
	if (rowout_part.len > 0) {
		rowout_line(rowout_part.p, rowout_part.len);
		sbuf_reset(&rowout_part);
	}
	rowout_drain();
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
	out_filter(f != ROWOUT_TSV ? rowout_feed : rowout_feed_tsv, rowout_end);
}

/* The decimal digits of v. */
static size_t
rowout_digits(uint64_t v)
{
	size_t n = 1;

	for (; v >= 10000; v /= 10000)
		n += 4;
	return n + (v >= 10) + (v >= 100) + (v >= 1000);
}

/* Write the number v at o (room for 20 bytes), two digits at a time. */
static char *
rowout_u64(char *o, uint64_t v)
{
	static const char pairs[] =
	    "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
	    "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
	    "8081828384858687888990919293949596979899";
	size_t n;
	char *e;

	if (v < 10) {
		*o = (char)('0' + v);
		return o + 1;
	}
	if (v < 100) {
		memcpy(o, pairs + 2 * v, 2);
		return o + 2;
	}
	n = rowout_digits(v);
	e = o + n;
	for (; v >= 100; v /= 100) {
		e -= 2;
		memcpy(e, pairs + 2 * (v % 100), 2);
	}
	if (v >= 10)
		memcpy(e - 2, pairs + 2 * v, 2);
	else
		e[-1] = (char)('0' + v);
	return o + n;
}

/* Copy s[0..n) to o, for short n. */
static inline char *
rowout_copy(char *o, const char *s, size_t n)
{
	if (n > 16) {
		memcpy(o, s, n);
		return o + n;
	}
	while (n-- > 0)
		*o++ = *s++;
	return o;
}

/* Write the ROWOUT_TEXT s[0..n) as a TSV field at o (room for 3 n bytes). */
static char *
rowout_text_as_tsv(char *o, const char *s, size_t n)
{
	const char *end = s + n;
	size_t k = n >= 16 ? rowout_plain8(o, s, n, '\r' + 1, '\\', '\\') : 0;

	for (o += k, s += k; s < end;) {
		unsigned char c = (unsigned char)*s;

		if (rowout_text_tsv[c] == 0) {
			*o++ = (char)c;
			s++;
			continue;
		}
		if (c < 0x80) {
			*o++ = '\\';
			*o++ = c == '\t' ? 't' : c == '\n' ? 'n' : c == '\r' ? 'r' : '\\';
			s++;
		} else
			o = rowout_utf8(o, &s, end);
		if (end - s >= 16) {
			k = rowout_plain8(o, s, (size_t)(end - s), '\r' + 1, '\\', '\\');
			o += k;
			s += k;
		}
	}
	return o;
}

/* The bytes of s[0..n) made valid UTF-8, in rowout_valid_buf unless they were. */
static const char *
rowout_valid_field(const char *s, size_t n, size_t *len)
{
	if (utf8_valid_len(s, n) == n) {
		*len = n;
		return s;
	}
	sbuf_reset(&rowout_valid_buf);
	sbuf_grow(&rowout_valid_buf, 3 * n);
	*len = (size_t)(rowout_valid(rowout_valid_buf.p, s, n) - rowout_valid_buf.p);
	return rowout_valid_buf.p;
}

/* Write the ROWOUT_TEXT s[0..n) as a CSV field at o (room for 6 n + 2 bytes). */
static char *
rowout_text_as_csv(char *o, const char *s, size_t n)
{
	unsigned char any = 0;
	size_t i;

	if (n < 16) {
		for (i = 0; i < n; i++)
			any |= rowout_text_csv[(unsigned char)s[i]];
		if (any == 0 && (n == 0 || (s[0] != ' ' && s[n - 1] != ' ')))
			return rowout_copy(o, s, n);
		if (any < 4)
			return rowout_csv(o, s, n);
	}
	s = rowout_valid_field(s, n, &n);
	return rowout_csv(o, s, n);
}

/* Write the ROWOUT_COLS s[0..n) as CSV fields, each ended by a comma. */
static char *
rowout_tsv_as_csv(char *o, const char *s, size_t n)
{
	const char *end = s + n, *f;
	char *t;
	size_t len;

	if ((t = rowout_csv_plain(o, (const unsigned char *)s, n, rowout_row_csv_class)) != NULL)
		return t;
	while (s < end) {
		const char *tab = memchr(s, '\t', (size_t)(end - s));

		if (tab == NULL)
			tab = end;
		f = rowout_decode(s, (size_t)(tab - s), &len);
		f = rowout_valid_field(f, len, &len);
		o = rowout_csv(o, f, len);
		*o++ = ',';
		s = tab + 1;
	}
	return o;
}

/* Write the ROWOUT_TEXT s[0..n) as a JSON string at o (room for 6 n + 2 bytes). */
static char *
rowout_text_as_json(char *o, const char *s, size_t n)
{
	const char *end = s + n;
	size_t k = n >= 16 ? rowout_plain8(o + 1, s, n, 0x20, '"', '\\') : 0;

	*o++ = '"';
	for (o += k, s += k; s < end;) {
		unsigned char c = (unsigned char)*s;

		if (rowout_text_json[c] == 0) {
			*o++ = (char)c;
			s++;
			continue;
		}
		if (c < 0x80)
			o = rowout_json_escape(o, (unsigned char)*s++);
		else
			o = rowout_utf8(o, &s, end);
		if (end - s >= 16) {
			k = rowout_plain8(o, s, (size_t)(end - s), 0x20, '"', '\\');
			o += k;
			s += k;
		}
	}
	*o++ = '"';
	return o;
}

/*
 * Make the key of column i, at o in rowout_dst; room is what the rest of
 * the row may take apart from keys.  Returns where o is now.
 */
static char *
rowout_json_new_key(char *o, size_t i, size_t room)
{
	rowout_dst.len = (size_t)(o - rowout_dst.p);
	rowout_key_upto(i);
	sbuf_grow(&rowout_dst, rowout_keys.len + room);
	return rowout_dst.p + rowout_dst.len;
}

/*
 * Write the key of column i at o, as rowout_json_new_key() says; *number
 * tells whether the column holds numbers.
 */
static inline char *
rowout_json_key(char *o, size_t i, size_t room, bool *number)
{
	size_t klen;

	if (i >= rowout_nkeys)
		o = rowout_json_new_key(o, i, room);
	klen = rowout_key[i].len;
	rowout_copy16(o, rowout_keys.p + rowout_key[i].at, klen);
	*number = rowout_key[i].number;
	return o + klen;
}

/* Write the ROWOUT_COLS s[0..n) as JSON members from column *col on. */
static char *
rowout_tsv_as_json(char *o, const char *s, size_t n, size_t *col, size_t room)
{
	const char *end = s + n;
	bool number;

	while (s < end) {
		o = rowout_json_key(o, *col, room, &number);
		if (number)
			o = rowout_json_value(o, &s, end, rowout_row_json_class);
		else
			o = rowout_json_field(o, &s, end, rowout_row_json_class);
		s++;
		(*col)++;
	}
	return o;
}

/* Write a field other than ROWOUT_COLS as a JSON value, a number if numeric. */
static char *
rowout_one_as_json(char *o, const struct rowout_field *f, bool numeric)
{
	if (f->kind == ROWOUT_NUM) {
		if (numeric)
			return rowout_u64(o, f->v);
		*o++ = '"';
		o = rowout_u64(o, f->v);
		*o++ = '"';
		return o;
	}
	if (numeric && f->n == 0) {
		memcpy(o, "null", 4);
		return o + 4;
	}
	if (numeric && rowout_json_number_len(f->p, f->n) == f->n) {
		memcpy(o, f->p, f->n);
		return o + f->n;
	}
	if (f->kind == ROWOUT_TEXT)
		return rowout_text_as_json(o, f->p, f->n);
	*o++ = '"';
	o = rowout_copy(o, f->p, f->n);
	*o++ = '"';
	return o;
}

/* How a delimited format writes the fields a row is made of. */
struct rowout_delim {
	char sep;					/* between fields */
	char *(*text)(char *, const char *, size_t);	/* ROWOUT_TEXT */
	char *(*cols)(char *, const char *, size_t);	/* ROWOUT_COLS, in TSV */
};

static const struct rowout_delim rowout_tsv_delim = { '\t', rowout_text_as_tsv, rowout_valid };
static const struct rowout_delim rowout_csv_delim = { ',', rowout_text_as_csv, rowout_tsv_as_csv };

/* Write the row f[0..n) as TSV or CSV (fm) at o (room from rowout_row_room()). */
static inline char *
rowout_row_delim(char *o, const struct rowout_field *f, size_t n, const struct rowout_delim *fm)
{
	size_t i;

	for (i = 0; i < n; i++) {
		switch (f[i].kind) {
		case ROWOUT_NUM:
			o = rowout_u64(o, f[i].v);
			break;
		case ROWOUT_TEXT:
			o = fm->text(o, f[i].p, f[i].n);
			break;
		case ROWOUT_WORD:
			o = rowout_copy(o, f[i].p, f[i].n);
			break;
		case ROWOUT_COLS:
			o = fm->cols(o, f[i].p, f[i].n);
			continue;
		}
		if (i + 1 < n)
			*o++ = fm->sep;
	}
	return o;
}

/*
 * Write the fields f[0..n) as JSON members from column *col on, at o in
 * rowout_dst; room as rowout_json_new_key()'s.
 */
static char *
rowout_row_json(char *o, const struct rowout_field *f, size_t n, size_t *col, size_t room)
{
	size_t i;
	bool number;

	for (i = 0; i < n; i++) {
		if (f[i].kind == ROWOUT_COLS) {
			o = rowout_tsv_as_json(o, f[i].p, f[i].n, col, room);
			continue;
		}
		o = rowout_json_key(o, *col, room, &number);
		o = rowout_one_as_json(o, &f[i], number);
		(*col)++;
	}
	return o;
}

/* Room for the row f[0..n) in any format, its LF and 16 spare bytes. */
static size_t
rowout_row_room(const struct rowout_field *f, size_t n)
{
	size_t i, room = rowout_keys.len + 32;

	for (i = 0; i < n; i++)
		room += 8 * f[i].n + 32;
	return room;
}

/*
 * Whether the row f[0..n) can be written in the output format at once:
 * else its TSV line goes through out.h, as when a row ends with columns
 * of ROWOUT_COLS, while out.c holds the output, or while the filter waits
 * for the header or the end of a line.
 */
static bool
rowout_direct(const struct rowout_field *f, size_t n)
{
	if (n == 0 || f[n - 1].kind == ROWOUT_COLS || out_len > 0 || out_held())
		return false;
	return rowout_f == ROWOUT_TSV ||
	    (rowout_part.len == 0 && (rowout_named || !rowout_header));
}

/* Write the fields f[0..n) in the format at o in rowout_dst, from column *col on. */
static char *
rowout_fields(char *o, const struct rowout_field *f, size_t n, size_t *col, size_t room)
{
	if (rowout_f == ROWOUT_TSV)
		return rowout_row_delim(o, f, n, &rowout_tsv_delim);
	if (rowout_f == ROWOUT_CSV)
		return rowout_row_delim(o, f, n, &rowout_csv_delim);
	return rowout_row_json(o, f, n, col, room);
}

/*
 * Write the first field f of a row, of ROWOUT_COLS, at o in rowout_dst,
 * copying what it was written as when it is the last row's; set *col to
 * the columns it holds.
 */
static char *
rowout_first_cols(char *o, const struct rowout_field *f, size_t *col, size_t room)
{
	size_t at = (size_t)(o - rowout_dst.p);

	*col = 0;
	if (rowout_memo_ok && rowout_memo_in.len == f->n &&
	    (f->n == 0 || memcmp(rowout_memo_in.p, f->p, f->n) == 0)) {
		memcpy(o, rowout_memo_out.p, rowout_memo_out.len);
		*col = rowout_memo_cols;
		return o + rowout_memo_out.len;
	}
	o = rowout_fields(o, f, 1, col, room);
	sbuf_reset(&rowout_memo_in);
	sbuf_add(&rowout_memo_in, f->p, f->n);
	sbuf_reset(&rowout_memo_out);
	sbuf_add(&rowout_memo_out, rowout_dst.p + at, (size_t)(o - rowout_dst.p) - at);
	rowout_memo_cols = *col;
	rowout_memo_ok = true;
	return o;
}

void
rowout_row(const struct rowout_field *f, size_t n)
{
	size_t room = rowout_row_room(f, n), col = 0;
	char *o;

	if (out_len > 0) {
		rowout_keep = true;
		out_flush();
		rowout_keep = false;
	}
	if (!rowout_direct(f, n)) {
		sbuf_reset(&rowout_tsv_line);
		sbuf_grow(&rowout_tsv_line, room);
		o = rowout_row_delim(rowout_tsv_line.p, f, n, &rowout_tsv_delim);
		*o++ = '\n';
		out_write(rowout_tsv_line.p, (size_t)(o - rowout_tsv_line.p));
		return;
	}
	o = rowout_room(room);
	if (f[0].kind == ROWOUT_COLS) {
		o = rowout_first_cols(o, f, &col, room);
		f++;
		n--;
	}
	o = rowout_fields(o, f, n, &col, room);
	if (rowout_f == ROWOUT_JSONL)
		*o++ = '}';
	*o++ = '\n';
	rowout_dst.len = (size_t)(o - rowout_dst.p);
	if (rowout_dst.len >= ROWOUT_CHUNK)
		rowout_drain();
}
