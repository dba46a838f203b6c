/*
 * fold: whitespace folding with a record that maps offsets back.
 *
 * tabloid-split writes each unit's text with every whitespace run folded to
 * one space, and a fold column listing the runs that were not a single
 * ASCII space as "POS:LEN" items (POS the offset of the space in the
 * folded text, LEN the run's byte length in the original), separated by
 * commas.  A text offset t maps to the original offset
 * t + sum(LEN - 1) over the items with POS < t.
 */
#ifndef TABLOID_FOLD_H
#define TABLOID_FOLD_H

#include <stddef.h>

#include "sbuf.h"

/*
 * Append s[0..n) to text with whitespace runs folded to one space, and the
 * record of the folding to folds (comma-separated, as above).  Leading and
 * trailing whitespace is folded like any other run.
 */
void fold_text(struct sbuf *text, struct sbuf *folds, const char *s, size_t n);

/* A parsed fold column. */
struct fold_map {
	size_t n;	/* items */
	size_t cap;	/* slots allocated */
	size_t *pos;	/* POS of each item, increasing */
	size_t *extra;	/* running sum of LEN - 1 up to and including item */
};

/*
 * Parse a fold column.  Returns 0, or -1 when it is malformed (not
 * "POS:LEN" items with increasing POS and LEN >= 1).
 */
int fold_parse(struct fold_map *m, const char *s, size_t n);
/* Map text offset t to the offset in the original. */
size_t fold_offset(const struct fold_map *m, size_t t);
/* Free the map's arrays. */
void fold_map_free(struct fold_map *m);

#endif
