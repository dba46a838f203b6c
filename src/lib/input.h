/*
 * input: the TSV input loop every program shares.
 *
 * An input reads one file's header (unless -N), drops lines that repeat
 * it, splits each record into fields and checks that every record has as
 * many fields as the header (under -N: as the first record).  A record
 * with another number of fields ends the program with status 2 and a
 * message naming the file and line.
 */
#ifndef TABLOID_INPUT_H
#define TABLOID_INPUT_H

#include <stdbool.h>

#include "tsv.h"

struct input {
	struct tsv_reader r;	/* the file */
	struct tsv_header h;	/* its header (empty under -N) */
	struct tsv_row row;	/* the current record's fields */
	bool noheader;		/* -N: no header line */
	bool have_header;	/* a header was read */
	size_t nf;		/* fields expected per record, 0 until known */
	bool docs;		/* --progress counts documents by column doc */
	size_t doc;		/* its index */
};

/*
 * Open path ("-" for standard input) and read its header unless noheader.
 * Returns 0, or -1 with errno set when the file cannot be opened.  An
 * empty file has no header: have_header stays false.  The bytes read go to
 * progress_read(), and when the header has a column doc, the records to
 * progress_doc_id() (see progress.h).
 */
int input_open(struct input *in, const char *path, bool noheader);
/* Read the next record into in->row; returns false at end of input. */
bool input_next(struct input *in);
/* Exit with status 2 and "FILE: line N: msg". */
void input_fail(const struct input *in, const char *fmt, ...)
    __attribute__((noreturn, format(printf, 2, 3)));
/*
 * The byte offset in field i of the current record: decimal digits only.
 * Anything else ends the program as input_fail() does.
 */
size_t input_offset(const struct input *in, size_t i);
/*
 * For programs that read a text column: end the program as input_fail()
 * does when the header plainly is not one of TSV, having no TAB and no
 * column named text or col (col may be NULL), as when a plain article is
 * given where TSV belongs.
 */
void input_need_text(const struct input *in, const char *col);
/* Close the file and free everything. */
void input_close(struct input *in);

#endif
