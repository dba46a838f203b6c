/*
 * rowout: one writer for the rows of every program, in the formats of
 * tabloid(7): TSV (the default, fields escaped as the wire format says),
 * CSV (RFC 4180: a field is quoted only when it holds a comma, a double
 * quote, CR or LF, or starts or ends with a space; CRLF ends no record, LF
 * does) or JSON Lines (one object per row, keyed by the column names,
 * numbers as numbers and an empty number as null, strings as valid JSON
 * with invalid UTF-8 bytes as U+FFFD).
 *
 * A program names its columns once, then writes each row field by field
 * with rowout_str() or rowout_num() and ends it with rowout_end(); the
 * bytes go to out.h's output.
 */
#ifndef TABLOID_ROWOUT_H
#define TABLOID_ROWOUT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "sbuf.h"

enum rowout_format { ROWOUT_TSV, ROWOUT_CSV, ROWOUT_JSONL };

struct rowout {
	enum rowout_format f;	/* the format */
	char **names;		/* column names (copies) */
	size_t n;		/* number of columns */
	size_t col;		/* the next field's column in the current row */
	struct sbuf tmp;	/* a field being decoded */
};

/* The format named s (tsv, csv, jsonl); -1 when unknown. */
int rowout_format_parse(const char *s);
/* Prepare w for rows of the n columns names in format f. */
void rowout_init(struct rowout *w, enum rowout_format f, const char *const *names, size_t n);
/* Write the header line (TSV and CSV; JSON Lines has none). */
void rowout_header(const struct rowout *w);
/* The next field: text s[0..n), as it is (not escaped). */
void rowout_str(struct rowout *w, const char *s, size_t n);
/* The next field: text in the TSV escapes of the wire format, decoded first. */
void rowout_tsv(struct rowout *w, const char *s, size_t n);
/* The next field: a number. */
void rowout_num(struct rowout *w, uint64_t v);
/* The next field: no value (empty in TSV and CSV, null in JSON). */
void rowout_null(struct rowout *w);
/* End the row; a row with fewer fields than columns is a program error. */
void rowout_end(struct rowout *w);
/* Free w. */
void rowout_free(struct rowout *w);

#endif
