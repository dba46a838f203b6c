/*
 * wcur: the articles a tabloid-watch run is given, each stored in the
 * state (wstate_put()) as it is read and remembered by id, digest and
 * where it came from.
 *
 * Files and directories are named as docid.h describes; TSV and CSV
 * inputs hold one article per record, in a doc and a text column (the
 * text column is the one named text, else the last).  An article that
 * cannot be read, or is empty or blank, is an error, or with keep an
 * article marked unreadable with the reason.
 */
#ifndef TABLOID_WCUR_H
#define TABLOID_WCUR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "docid.h"
#include "wstate.h"

struct wcur_doc {
	char *id;	/* doc id, decoded */
	size_t idlen;	/* its length */
	char obj[65];	/* the text's digest; "" when unreadable */
	uint64_t bytes;	/* the text's length */
	char *source;	/* file (and line) it came from */
	char *why;	/* why it could not be read, or NULL */
};

enum wcur_format { WCUR_FILES, WCUR_TABLE };

struct wcur {
	struct wstate *s;	/* where texts are stored */
	bool keep;		/* unreadable articles are kept, not errors */
	struct wcur_doc *v;	/* the articles */
	size_t n, cap;
	struct sbuf buf;	/* a file's bytes */
};

/* Read one input of format f: a file list for WCUR_FILES, else a table. */
void wcur_read(struct wcur *c, enum wcur_format f, const struct docid_files *files,
    const char *table);
/* Sort the articles by id; two with one id end the program naming both. */
void wcur_sort(struct wcur *c);
/* Free everything. */
void wcur_free(struct wcur *c);

#endif
