/*
 * The TSV reader: records, fields, headers and escapes of the wire format,
 * read once with a header and once without (-N), and the column lists of
 * -f read from the first line.
 *
 * Invariants: every record has as many fields as the first; the fields
 * tile the record; escaping any bytes and reading them back gives them
 * back; a column list only names columns that exist.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "lib/input.h"
#include "lib/sbuf.h"
#include "lib/tsv.h"

static struct input in;
static struct sbuf esc, field;

static void
check_escape(const char *p, size_t n)
{
	size_t m;

	sbuf_reset(&esc);
	tsv_escape(&esc, p, n);
	fuzz_assert(memchr(esc.p ? esc.p : "", '\t', esc.len) == NULL,
	            "TAB left in an escaped field");
	fuzz_assert(memchr(esc.p ? esc.p : "", '\n', esc.len) == NULL,
	            "LF left in an escaped field");
	m = tsv_unescape(esc.p, esc.len, esc.p);
	fuzz_assert(m == n && (n == 0 || memcmp(esc.p, p, n) == 0),
	            "escaping then reading a field does not give it back");
}

static void
check_row(void)
{
	size_t i;

	fuzz_assert(in.row.n == in.nf, "a record with another number of fields");
	for (i = 0; i < in.row.n; i++) {
		if (i > 0)
			fuzz_assert(in.row.f[i] ==
			                in.row.f[i - 1] + in.row.len[i - 1] + 1,
			            "fields do not follow each other");
		fuzz_assert(memchr(in.row.f[i], '\t', in.row.len[i]) == NULL,
		            "TAB in a field");
		fuzz_assert(memchr(in.row.f[i], '\n', in.row.len[i]) == NULL,
		            "LF in a field");
		check_escape(in.row.f[i], in.row.len[i]);
		sbuf_reset(&field);
		sbuf_add(&field, in.row.f[i], in.row.len[i]);
		field.len = tsv_unescape(field.p, field.len, field.p);
		fuzz_assert(field.len <= in.row.len[i], "unescaping made a field longer");
		check_escape(field.p, field.len);
	}
}

static void
check_header(void)
{
	size_t i;
	long k;

	for (i = 0; i < in.h.n; i++) {
		k = tsv_header_find(&in.h, in.h.names[i]);
		fuzz_assert(k >= 0 && (size_t)k <= i &&
		                strcmp(in.h.names[k], in.h.names[i]) == 0,
		            "a header name is not found where it is");
	}
}

static void
check_cols(const uint8_t *data, size_t size)
{
	const uint8_t *nl = memchr(data, '\n', size);
	size_t len = nl ? (size_t)(nl - data) : size, n, i, *idx;
	char *spec, msg[128];

	if (len > 256)
		return;
	spec = malloc(len + 1);
	memcpy(spec, data, len);
	spec[len] = '\0';
	n = tsv_cols_parse(spec, in.have_header ? &in.h : NULL,
	                   in.have_header ? in.h.n : 8, &idx, msg, sizeof msg);
	for (i = 0; i < n; i++)
		fuzz_assert(idx[i] < (in.have_header ? in.h.n : 8),
		            "a column past the last");
	fuzz_assert(n > 0 || (idx == NULL && memchr(msg, '\0', sizeof msg) != NULL),
	            "a failed column list without a message");
	free(idx);
	free(spec);
}

static void
read_all(const char *path, bool noheader, const uint8_t *data, size_t size)
{
	if (setjmp(fuzz_jmp) == 0) {
		fuzz_arm();
		if (input_open(&in, path, noheader) != 0)
			abort();
		check_header();
		check_cols(data, size);
		while (input_next(&in))
			check_row();
	}
	input_close(&in);
	if (fuzz_status != 0) {
		sbuf_free(&esc);
		sbuf_free(&field);
	}
	fuzz_done();
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
	path = fuzz_file(0, data, size);
	read_all(path, false, data, size);
	read_all(path, true, data, size);
	check_escape((const char *)data, size);
	return 0;
}
