/*
 * tsv: reading and writing the tabloid wire format (see tabloid(7)).
 *
 * A tsv_reader hands out one record at a time from a file or standard
 * input.  It reads in large blocks and finds line ends with memchr; a
 * record stays valid until the next call.  A UTF-8 byte order mark at the
 * start of the input and a CR before each LF are removed.  The last line
 * need not end in LF.  NUL bytes are ordinary bytes.
 *
 * Field pointers made by tsv_split() point into the record; nothing is
 * allocated per field.
 */
#ifndef TABLOID_TSV_H
#define TABLOID_TSV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct tsv_reader {
	int fd;			/* descriptor being read */
	const char *name;	/* name used in messages */
	char *buf;		/* block buffer */
	size_t cap;		/* bytes allocated in buf */
	size_t beg;		/* start of unread bytes */
	size_t end;		/* end of valid bytes */
	uint64_t lineno;	/* number of the record last returned */
	bool eof;		/* no more bytes from fd */
	bool started;		/* BOM check done */
	bool progress;		/* input of the program: bytes go to progress_read() */
	bool keepcr;		/* CSV: a CR before LF stays in the record */
};

/*
 * Open path ("-" means standard input) for reading.  Returns 0, or -1 with
 * errno set; the caller reports the error.
 */
int tsv_open(struct tsv_reader *r, const char *path);
/*
 * Read the next record.  On success stores its start in *line and returns
 * its length (without LF or CR-LF); returns -1 at end of input.  Read
 * errors end the program with status 2.
 */
long long tsv_getline(struct tsv_reader *r, char **line);
/*
 * Give back the record line just returned by tsv_getline(), so that the
 * next call returns it again (as when a program has peeked at a header).
 */
void tsv_ungetline(struct tsv_reader *r, const char *line);
/* Close the input and free the buffer. */
void tsv_close(struct tsv_reader *r);

/* The fields of one record. */
struct tsv_row {
	size_t n;	/* number of fields */
	size_t cap;	/* slots allocated */
	char **f;	/* field starts (not NUL-terminated) */
	size_t *len;	/* field lengths */
};

/* Split line at TABs into row; returns the number of fields. */
size_t tsv_split(struct tsv_row *row, char *line, size_t len);
/* Free the row's arrays. */
void tsv_row_free(struct tsv_row *row);

/* A header: column names (kept escaped, as read) and the raw line. */
struct tsv_header {
	size_t n;	/* number of columns */
	char **names;	/* NUL-terminated copies of the names */
	char *raw;	/* the header line, for spotting repeats */
	size_t rawlen;	/* its length */
};

/* Store line as header h (copies everything). */
void tsv_header_set(struct tsv_header *h, const char *line, size_t len);
/* True when line repeats the header byte for byte. */
bool tsv_header_is(const struct tsv_header *h, const char *line, size_t len);
/* Index of the column named name, or -1. */
long tsv_header_find(const struct tsv_header *h, const char *name);
/* Free the header. */
void tsv_header_free(struct tsv_header *h);

/*
 * Parse a column list like "doc,3,5-7" into 0-based indexes; as in cut(1),
 * "5-" runs to the last column and "-3" from the first.  Names are
 * looked up in h (which may be NULL under -N; then only numbers are
 * allowed); ncols bounds the numbers.  Returns the number of columns and
 * stores a malloc'd array in *idx, or returns 0 and writes a message to
 * errbuf (size errlen) when a column is unknown or the list is malformed.
 */
size_t tsv_cols_parse(const char *spec, const struct tsv_header *h,
    size_t ncols, size_t **idx, char *errbuf, size_t errlen);

/*
 * Parse one column, a name or a 1-based number (no list, no range), into a
 * 0-based index at *idx, as for an option that takes a single column.
 * Returns 0, or -1 with a message in errbuf (size errlen).
 */
int tsv_col_parse(const char *spec, const struct tsv_header *h, size_t ncols,
    size_t *idx, char *errbuf, size_t errlen);

/*
 * Decode the four escapes (\t \n \r \\) of n bytes at src into dst, which
 * must hold n bytes and may equal src.  Other backslash sequences are kept
 * as they are.  Returns the decoded length.
 */
size_t tsv_unescape(const char *src, size_t n, char *dst);

/* Append n bytes at src to b, escaped for a TSV field. */
struct sbuf;
void tsv_escape(struct sbuf *b, const char *src, size_t n);

#endif
