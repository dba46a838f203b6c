/*
 * The CSV reader (tabloid-split --csv): quoted fields, doubled quotes,
 * line breaks in fields, ragged records.
 *
 * Invariants: records are numbered from 1 without gaps; each field ends in
 * a NUL; the records written back as CSV, every field quoted, read back as
 * the same records.
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
	uint64_t recno;   /* records seen */
	uint64_t line;    /* line of the last record */
};

static struct seen first, second;
static struct sbuf esc;

static void
put_len(struct sbuf *b, uint64_t v)
{
	sbuf_add(b, &v, sizeof v);
}

static void
record(void *arg, const struct csvread_record *rec)
{
	struct seen *s = arg;
	size_t i, j;

	fuzz_assert(rec->recno == s->recno + 1, "records are not numbered one by one");
	fuzz_assert(rec->n >= 1, "a record without fields");
	fuzz_assert(s->recno == 0 || rec->line > s->line,
	            "a record starts before the last");
	s->recno = rec->recno;
	s->line = rec->line;
	put_len(&s->flat, rec->n);
	for (i = 0; i < rec->n; i++) {
		const struct sbuf *f = &rec->f[i];
		const char *p = f->p ? f->p : "";

		fuzz_assert(f->p == NULL || f->p[f->len] == '\0',
		            "a field without its NUL");
		put_len(&s->flat, f->len);
		sbuf_add(&s->flat, p, f->len);
		sbuf_addc(&s->csv, '"');
		for (j = 0; j < f->len; j++) {
			if (p[j] == '"')
				sbuf_addc(&s->csv, '"');
			sbuf_addc(&s->csv, p[j]);
		}
		sbuf_addc(&s->csv, '"');
		sbuf_addc(&s->csv, i + 1 < rec->n ? ',' : '\n');
		sbuf_reset(&esc);
		tsv_escape(&esc, p, f->len);
		fuzz_assert(tsv_unescape(esc.p, esc.len, esc.p) == f->len &&
		                memcmp(esc.p, p, f->len) == 0,
		            "a CSV field does not survive TSV escaping");
	}
}

static void
reset(struct seen *s)
{
	sbuf_reset(&s->csv);
	sbuf_reset(&s->flat);
	s->recno = s->line = 0;
}

/* After an error: free all that may have grown. */
static void
release(void)
{
	sbuf_free(&first.csv);
	sbuf_free(&first.flat);
	sbuf_free(&second.csv);
	sbuf_free(&second.flat);
	sbuf_free(&esc);
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
		if (csvread_file(path, record, &first) != 0)
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
		if (csvread_file(path, record, &second) != 0)
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
