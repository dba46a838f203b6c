/*
 * The row writer (src/lib/rowout.c): rows of fields of every kind written
 * by rowout_row(), and the same rows written as TSV lines through out.h
 * for the filter to convert, in TSV, CSV and JSON Lines, with a header
 * line (the input's first row) and without.
 *
 * The input: each field is a byte whose low two bits give its kind and
 * whose bit 2 ends the row, then a length byte and that many bytes (a
 * number's are its value; bytes that a ROWOUT_WORD or ROWOUT_COLS field
 * cannot hold are replaced).
 *
 * Invariant: both ways give the same bytes, in every format.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fuzz.h"
#include "lib/out.h"
#include "lib/rowout.h"
#include "lib/sbuf.h"

#define ROWS_MAX 64
#define FIELDS_MAX 16

static struct row {
	struct rowout_field f[FIELDS_MAX];	/* its fields */
	size_t n;				/* how many */
} rows[ROWS_MAX];
static size_t nrows;
static struct sbuf bytes, got[2];
static int fd = -1, null_fd = -1;

/* Make the byte c one that a field of kind k can hold. */
static char
fit(enum rowout_kind k, unsigned char c)
{
	if (k == ROWOUT_WORD && (c <= ' ' || c >= 0x7f || c == ',' || c == '"' || c == '\\'))
		return 'w';
	if (k == ROWOUT_COLS && (c == '\n' || c == '\r'))
		return '\t';
	return (char)c;
}

/* Read the rows of data[0..size) into rows, their bytes into bytes. */
static void
parse(const uint8_t *data, size_t size)
{
	size_t i = 0, k;
	struct row *r = rows;

	nrows = 0;
	r->n = 0;
	sbuf_reset(&bytes);
	sbuf_grow(&bytes, size);
	while (i + 2 <= size && nrows < ROWS_MAX) {
		struct rowout_field *f = &r->f[r->n];
		unsigned tag = data[i], len = data[i + 1];

		i += 2;
		if (len > size - i)
			len = (unsigned)(size - i);
		f->kind = (enum rowout_kind)(tag & 3);
		f->p = bytes.p + bytes.len;
		f->n = f->kind == ROWOUT_NUM ? 0 : len;
		f->v = 0;
		for (k = 0; k < len; k++) {
			f->v = f->v << 8 | data[i + k];
			if (f->kind != ROWOUT_NUM)
				bytes.p[bytes.len++] = fit(f->kind, data[i + k]);
		}
		if (f->kind == ROWOUT_COLS && f->n > 0)
			bytes.p[bytes.len - 1] = '\t';
		i += len;
		if (++r->n == FIELDS_MAX || (tag & 4)) {
			if (++nrows == ROWS_MAX)
				return;
			r = &rows[nrows];
			r->n = 0;
		}
	}
	if (r->n > 0)
		nrows++;
}

/* Write row r as its TSV line through out.h, as programs did. */
static void
write_tsv(const struct row *r)
{
	size_t i;

	for (i = 0; i < r->n; i++) {
		const struct rowout_field *f = &r->f[i];

		if (f->kind == ROWOUT_NUM)
			out_u64(f->v);
		else if (f->kind == ROWOUT_TEXT)
			out_escaped(f->p, f->n);
		else
			out_write(f->p, f->n);
		if (i + 1 < r->n && f->kind != ROWOUT_COLS)
			out_byte('\t');
	}
	out_byte('\n');
}

/* Write the rows in format fmt, the first as a header when header, into *b. */
static void
run(enum rowout_format fmt, bool header, bool direct, struct sbuf *b)
{
	size_t i;
	off_t end;

	if (ftruncate(fd, 0) != 0 || lseek(fd, 0, SEEK_SET) != 0)
		abort();
	rowout_start(fmt, header);
	out_redirect(fd, NULL);
	for (i = 0; i < nrows; i++)
		if (direct && !(header && i == 0) && rows[i].n > 0)
			rowout_row(rows[i].f, rows[i].n);
		else
			write_tsv(&rows[i]);
	out_redirect(null_fd, NULL);
	end = lseek(fd, 0, SEEK_END);
	sbuf_reset(b);
	sbuf_grow(b, (size_t)end);
	if (pread(fd, b->p, (size_t)end, 0) != end)
		abort();
	b->len = (size_t)end;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	int fmt, header;

	if (fd == -1) {
		FILE *f = tmpfile();

		fuzz_init();
		if (f == NULL || (fd = dup(fileno(f))) == -1)
			abort();
		fclose(f);
		if ((null_fd = dup(STDOUT_FILENO)) == -1)
			abort();
	}
	parse(data, size);
	for (fmt = ROWOUT_TSV; fmt <= ROWOUT_JSONL; fmt++)
		for (header = 0; header < 2; header++) {
			run((enum rowout_format)fmt, header, false, &got[0]);
			run((enum rowout_format)fmt, header, true, &got[1]);
			fuzz_assert(got[0].len == got[1].len &&
			                memcmp(got[0].p, got[1].p, got[0].len) == 0,
			            "rowout_row() and the filter write a row differently");
		}
	return 0;
}
