/*
 * cols: the column names the programs share (see tabloid(7), COLUMN
 * NAMES), where a program finds its input's columns, and which of them it
 * passes through.
 *
 * A row's text column is text (a sentence, paragraph or document), token
 * (a token) or mention (an entity mention), and its byte offsets carry the
 * unit's prefix: start and end, tok_start and tok_end, ent_start and
 * ent_end.  Only a text column carries a fold column, named fold.
 *
 * The pass-through rule: an input column that has the name of a column the
 * program writes is not passed through; the program's column replaces it,
 * so that no output has a name twice.  Without a header (-N) there are no
 * names, and the input is taken to be in split's layout (cols_find()).
 */
#ifndef TABLOID_COLS_H
#define TABLOID_COLS_H

#include <stdbool.h>
#include <stddef.h>

#include "sbuf.h"
#include "tsv.h"

/* Where a program finds the text of each row and the offsets of that text. */
struct cols_text {
	size_t text;	/* the text column */
	long doc;	/* doc, or -1 (never the text column) */
	long start;	/* the text's start offset column, or -1 */
	long end;	/* its end offset column, or -1 */
	long fold;	/* its fold column, or -1 */
};

/*
 * Store in *start and *end the names of the offset columns of the unit
 * whose text column is named name: "tok_start" and "tok_end" for token,
 * "ent_start" and "ent_end" for mention, and "start" and "end" for text or
 * any other name (a text column chosen by the user).
 */
void cols_offsets_of(const char *name, const char **start, const char **end);

/*
 * Find the columns of rows with nf fields whose text column is text (an
 * index below nf).  With a header h: doc, and the offset and fold columns
 * by the names that go with the text column's name (cols_offsets_of()),
 * fold only with start.  Without one (h NULL, -N): split's layout, doc
 * first and, when text is the last of five or more columns, start, end
 * and fold the three before it, as tabloid-split writes them.  A column
 * found as the text column is not taken for anything else.
 */
void cols_find(struct cols_text *c, const struct tsv_header *h, size_t nf, size_t text);

/* The input columns a program passes through to its output. */
struct cols_pass {
	size_t n;	/* input columns */
	bool *keep;	/* keep[i]: column i is passed through */
};

/*
 * Pass all of the n input columns through, except those whose name in h
 * is one of own, the NULL-terminated names of the columns the program
 * writes.  h is NULL without a header: then every column passes.
 */
void cols_pass_init(struct cols_pass *p, const struct tsv_header *h, size_t n,
    const char *const *own);
/* Do not pass column i through; i < 0 or i >= p->n is ignored. */
void cols_pass_drop(struct cols_pass *p, long i);
/* True when column i is passed through. */
bool cols_passes(const struct cols_pass *p, size_t i);
/*
 * Append the fields of row that are passed through, as they are (escaped),
 * each followed by a TAB, to b.  The row has p->n fields.
 */
void cols_pass_row(const struct cols_pass *p, const struct tsv_row *row, struct sbuf *b);
/* Append the names in h of the columns passed through, each followed by a TAB. */
void cols_pass_names(const struct cols_pass *p, const struct tsv_header *h, struct sbuf *b);
/* Append the NULL-terminated names, each followed by a TAB, to b. */
void cols_add_names(const char *const *names, struct sbuf *b);
/* Free the mask. */
void cols_pass_free(struct cols_pass *p);

#endif
