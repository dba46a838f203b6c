/*
 * The CSV reader (--icsv): quoted fields, doubled quotes, line breaks in
 * fields, ragged records, the delimiter detected from the first line.
 *
 * Invariants: no record starts before the last; a record is one TSV line
 * (no LF); the records written back as CSV, every field quoted, read back
 * as the same records.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "lib/csvread.h"
#include "lib/sbuf.h"
#include "lib/tsv.h"

struct seen {
	struct sbuf csv;  /* the records written back as CSV */
	struct sbuf flat; /* the records as field lengths and bytes */
	uint64_t line;    /* line of the last record */
	int delim;        /* the delimiter detected */
};

static struct seen first, second;

static void
put_len(struct sbuf *b, uint64_t v)
{
	sbuf_add(b, &v, sizeof v);
}

/* One record, a TSV line, written back as CSV with the delimiter delim. */
static void
record(struct seen *s, struct tsv_row *row, char *line, size_t len, uint64_t start, int delim)
{
	size_t i, j;

	fuzz_assert(start >= s->line, "a record starts before the last");
	fuzz_assert(memchr(line, '\n', len) == NULL, "a record holds a line feed");
	s->line = start;
	tsv_split(row, line, len);
	put_len(&s->flat, row->n);
	for (i = 0; i < row->n; i++) {
		char *p = row->f[i];
		size_t n = tsv_unescape(p, row->len[i], p);

		put_len(&s->flat, n);
		sbuf_add(&s->flat, p, n);
		sbuf_addc(&s->csv, '"');
		for (j = 0; j < n; j++) {
			if (p[j] == '"')
				sbuf_addc(&s->csv, '"');
			sbuf_addc(&s->csv, p[j]);
		}
		sbuf_addc(&s->csv, '"');
		sbuf_addc(&s->csv, i + 1 < row->n ? delim : '\n');
	}
}

static struct tsv_reader rd;
static struct csvread cr;
static struct tsv_row row;

/*
 * Read the CSV file path into s with the delimiter delim, or with the one
 * detected as --icsv does when delim is 0.
 */
static int
read_csv(const char *path, struct seen *s, int delim)
{
	char *line;
	long long n;
	uint64_t start;

	if (tsv_open(&rd, path) != 0)
		return -1;
	rd.keepcr = true;
	if (delim == 0 && (n = tsv_getline(&rd, &line)) >= 0) {
		delim = csvread_detect(line, (size_t)n);
		tsv_ungetline(&rd, line);
	}
	if (delim == 0)
		delim = ',';
	s->delim = delim;
	csvread_init(&cr, delim);
	while ((n = csvread_next(&cr, &rd, &line, &start)) >= 0)
		record(s, &row, line, (size_t)n, start, delim);
	csvread_free(&cr);
	memset(&cr, 0, sizeof cr);
	tsv_close(&rd);
	memset(&rd, 0, sizeof rd);
	return 0;
}

static void
reset(struct seen *s)
{
	sbuf_reset(&s->csv);
	sbuf_reset(&s->flat);
	s->line = 0;
}

/* After an error: free all that may have grown. */
static void
release(void)
{
	sbuf_free(&first.csv);
	sbuf_free(&first.flat);
	sbuf_free(&second.csv);
	sbuf_free(&second.flat);
	/* the descriptor is closed by fuzz_done() */
	csvread_free(&cr);
	memset(&cr, 0, sizeof cr);
	free(rd.buf);
	memset(&rd, 0, sizeof rd);
	tsv_row_free(&row);
	memset(&row, 0, sizeof row);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static bool ready;
	const char *path;

	if (!ready) {
		fuzz_init();
		ready = true;
	}
	reset(&first);
	reset(&second);
	if (setjmp(fuzz_jmp) == 0) {
		fuzz_arm();
		path = fuzz_file(0, data, size);
		if (read_csv(path, &first, 0) != 0)
			abort();
	}
	if (fuzz_status != 0) {
		release();
		fuzz_done();
		return 0;
	}
	fuzz_done();
	if (setjmp(fuzz_jmp) == 0) {
		fuzz_arm();
		path = fuzz_file(1, first.csv.p ? first.csv.p : "", first.csv.len);
		if (read_csv(path, &second, first.delim) != 0)
			abort();
	}
	if (fuzz_status != 0)
		release();
	fuzz_done();
	fuzz_assert(fuzz_status == 0, "records written back as CSV are malformed");
	fuzz_assert(first.flat.len == second.flat.len &&
	                (first.flat.len == 0 ||
	                 memcmp(first.flat.p, second.flat.p, first.flat.len) == 0),
	            "records written back as CSV read back as other records");
	return 0;
}
