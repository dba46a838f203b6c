/*
 * csvread: reading RFC 4180 CSV through libcsv.
 *
 * Quoted fields may hold commas, line breaks and doubled quotes.  Each
 * complete record is handed to a callback with its fields decoded; the
 * field buffers belong to the reader and are reused for the next record.
 */
#ifndef TABLOID_CSVREAD_H
#define TABLOID_CSVREAD_H

#include <stddef.h>
#include <stdint.h>

#include "sbuf.h"

struct csvread_record {
	struct sbuf *f;		/* the fields */
	size_t n;		/* fields in this record */
	uint64_t recno;		/* record number, from 1 (the header) */
	uint64_t line;		/* line on which the record starts */
	uint64_t lines;		/* line breaks inside its fields */
};

/*
 * Read path ("-" for standard input) and call fn(arg, rec) for every
 * record, the header included.  Returns 0, or -1 with errno set when the
 * file cannot be read; malformed CSV ends the program with status 2 and a
 * message naming the file and record.
 */
int csvread_file(const char *path,
    void (*fn)(void *arg, const struct csvread_record *rec), void *arg);

#endif
