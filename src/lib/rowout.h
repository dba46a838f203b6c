/*
 * rowout: the output format of every program's rows, one writer for all.
 *
 * Programs write their rows in the wire format of tabloid(7) through
 * out.h.  When another format is chosen, rowout_start() puts a filter on
 * the output that rewrites each whole line as it leaves the buffer:
 *
 * - CSV (RFC 4180): fields are decoded from the TSV escapes and quoted
 *   only when they hold a comma, a double quote, CR or LF, or start or end
 *   with a space; inner double quotes are doubled; records end with LF.
 * - JSON Lines: one object per row, keyed by the column names of the
 *   header line.  A column whose name rowout_is_number() knows holds
 *   numbers: its values are written as JSON numbers, an empty one as null
 *   (a value that is not a JSON number stays a string).  Every other value
 *   is a JSON string; invalid UTF-8 bytes become U+FFFD and control
 *   characters are escaped, so every line is valid JSON.
 *
 * Programs that write many rows hand rowout_row() their fields instead, and
 * it writes them in the chosen format at once: the same bytes as the
 * filter makes of their TSV line, without that second pass.
 *
 * The first line of each output (standard output, the -o file, each file
 * of -O) is the header when the program writes one: it gives the names,
 * and is written as a CSV header, or not at all in JSON Lines.  Without a
 * header (-N), JSON Lines keys are the column numbers "1", "2", ... as
 * Miller names the columns of a file without a header.
 */
#ifndef TABLOID_ROWOUT_H
#define TABLOID_ROWOUT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum rowout_format { ROWOUT_TSV, ROWOUT_CSV, ROWOUT_JSONL };

/* getopt_long(3) codes of --otsv, --ocsv and --ojsonl. */
enum { ROWOUT_OPT_TSV = 0x4f00, ROWOUT_OPT_CSV, ROWOUT_OPT_JSONL };

/* Their entries for a getopt_long(3) option table. */
#define ROWOUT_LONGOPTS                                   \
	{ "otsv", no_argument, NULL, ROWOUT_OPT_TSV },     \
	{ "ocsv", no_argument, NULL, ROWOUT_OPT_CSV },     \
	{ "ojsonl", no_argument, NULL, ROWOUT_OPT_JSONL }

/* The lines of --help that describe them; pad is the indent of descriptions. */
#define ROWOUT_HELP(pad)                     \
	"      --otsv, --ocsv, --ojsonl\n" pad \
	"write TSV (the default), CSV or JSON Lines\n"

/*
 * When ch is one of the ROWOUT_OPT_ codes, store its format in *f and
 * return true (a second, different one is a usage error naming both);
 * otherwise return false.
 */
bool rowout_getopt(int ch, enum rowout_format *f);
/* The file name extension of format f: ".tsv", ".csv" or ".jsonl". */
const char *rowout_ext(enum rowout_format f);
/*
 * Write every later output in format f; header says whether each output
 * begins with a header line.  Call once, before any row is written.
 */
void rowout_start(enum rowout_format f, bool header);
/* Whether a column called name (n bytes) holds numbers. */
bool rowout_is_number(const char *name, size_t n);

/* What a field given to rowout_row() holds. */
enum rowout_kind {
	ROWOUT_NUM,	/* the number v */
	ROWOUT_TEXT,	/* p[0..n) as it is, escaped and made valid UTF-8 as needed */
	ROWOUT_WORD,	/* p[0..n): bytes '!' to '~' but comma, '"' and backslash */
	ROWOUT_COLS	/* p[0..n): fields in the TSV escapes, each ended by a TAB */
};

/* A field of a row; a ROWOUT_COLS one may hold several columns, or none. */
struct rowout_field {
	enum rowout_kind kind;	/* what it holds */
	const char *p;		/* its bytes (not for ROWOUT_NUM) */
	size_t n;		/* their length */
	uint64_t v;		/* the number of ROWOUT_NUM */
};

/*
 * Write a row of the n fields f, and its LF, in the format of
 * rowout_start(): byte for byte what writing its TSV line through out.h
 * gives (the fields in order, a TAB after each but the last and those of
 * ROWOUT_COLS), U+FFFD for invalid UTF-8 included.  Lines written through
 * out.h before stay before it.  Call only after rowout_start().
 *
 * A first field of ROWOUT_COLS with the same bytes as the last row's is
 * copied as it was written then, so that columns passed through cost once
 * per input row.  A row that ends with ROWOUT_COLS, or that comes while
 * the header is not yet read or while out.c holds the output, is written
 * as its TSV line through out.h instead.
 */
void rowout_row(const struct rowout_field *f, size_t n);

#endif
