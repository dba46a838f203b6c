/*
 * csvread: reading RFC 4180 CSV through libcsv, one record at a time.
 *
 * Quoted fields may hold the delimiter, line breaks and doubled quotes; a
 * quote inside an unquoted field, text after a closing quote and a quoted
 * field left open at the end of the input are errors.  Spaces belong to
 * the fields.  Each record is handed out as one line of the wire format:
 * its fields escaped as tsv_escape() does and joined by TABs, so that
 * tsv_split() and everything after it work on CSV as on TSV.
 */
#ifndef TABLOID_CSVREAD_H
#define TABLOID_CSVREAD_H

#include <csv.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "sbuf.h"
#include "tsv.h"

struct csvread {
	struct csv_parser p;	/* libcsv's state */
	struct sbuf rec;	/* the record being built, as a TSV line */
	bool infield;		/* rec holds a field of the record being built */
	struct sbuf queue;	/* records completed but not handed out */
	size_t qpos;		/* the next of them */
	struct sbuf cur;	/* the record handed out last */
	uint64_t start;		/* line on which the record being built starts */
	bool between;		/* no record is being built */
};

/*
 * The delimiter of a CSV file whose first line is the n bytes at line:
 * the first of ',' ';' and TAB that occurs outside double quotes, or ','
 * when none does (a file of one column).
 */
int csvread_detect(const char *line, size_t n);

/* Start reading CSV with the delimiter delim from a reader not yet read. */
void csvread_init(struct csvread *c, int delim);
/*
 * Read r's next record into *line (mutable, valid until the next call)
 * and return its length, storing in *start the line on which it starts;
 * return -1 at the end of the input.  r must have been opened with keepcr
 * set.  Malformed CSV ends the program with status 2 and a message naming
 * the file and the line on which the record starts.
 */
long long csvread_next(struct csvread *c, struct tsv_reader *r, char **line,
    uint64_t *start);
/* Free everything c holds (not r). */
void csvread_free(struct csvread *c);

#endif
