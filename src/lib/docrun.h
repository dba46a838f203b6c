/*
 * docrun: a document's rows together, for the programs that need whole
 * documents (tabloid-tag-entities, tabloid-count --docs).
 *
 * tabloid-split writes the rows of each document together and numbers its
 * paragraphs and sentences from 1.  A document is not whole in an input
 * when its rows come back after another document's, or when its first row
 * has a sent column (else a para column) past 1: a block boundary of
 * parallel --pipe, or the end of a split(1) chunk, has cut it.  Either ends
 * the program with status 2 and a message that names the file, the line
 * and the document and says how to keep documents whole.  With partial
 * (--partial-docs), each run of a document's rows is a document of its
 * own instead, and the first such run gets a warning.
 */
#ifndef TABLOID_DOCRUN_H
#define TABLOID_DOCRUN_H

#include <stdbool.h>
#include <stddef.h>

#include "input.h"
#include "strset.h"

struct docrun {
	struct strset *seen;	/* the ids of the documents ended */
	bool partial;		/* --partial-docs */
	bool warned;		/* a warning was given */
	long num;		/* the sent column, else para, of the input, or -1 */
};

/* Start with no document seen. */
void docrun_init(struct docrun *d, bool partial);
/* Take the numbering column of in from its header (none under -N). */
void docrun_columns(struct docrun *d, const struct input *in);
/*
 * Check the first row of a run of document id (n bytes), the current
 * record of in; an empty id (no doc column) is not checked.
 */
void docrun_begin(struct docrun *d, const struct input *in, const char *id, size_t n);
/* Note that the run of document id has ended. */
void docrun_end(struct docrun *d, const char *id, size_t n);
/* Free d's memory. */
void docrun_free(struct docrun *d);

/* The option, and its line of --help; pad is the indent of descriptions. */
#define DOCRUN_HELP(pad) \
	"      --partial-docs\n" pad "take each run of a document's rows as a document (rows\n" \
	pad "that are not together, or start past its first sentence)\n"

#endif
