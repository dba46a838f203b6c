/*
 * fold: whitespace folding with a record that maps offsets back.
 *
 * tabloid-split writes each unit's text with every whitespace run folded to
 * one space, and a fold column listing the runs that were not a single
 * ASCII space as "POS:LEN" items (POS the offset of the space in the
 * folded text, LEN the run's byte length in the original), separated by
 * commas.  A text offset t maps to the original offset
 * t + sum(LEN - 1) over the items with POS < t.
 *
 * When the original is not UTF-8 (see enc.h), an item may also say how
 * many bytes of text stand for the LEN original bytes: "POS:LEN:TLEN" (a
 * character decoded from Windows-1252, TLEN 2 or 3 and LEN 1; a U+FFFD
 * that replaced an invalid byte, TLEN 3 and LEN 1).  TLEN is 1 when it is
 * left out, and the offset is then t + sum(LEN - TLEN).
 */
#ifndef TABLOID_FOLD_H
#define TABLOID_FOLD_H

#include <stddef.h>
#include <stdint.h>

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
	int64_t *extra;	/* running sum of LEN - TLEN up to and including item */
	size_t *tlen;	/* TLEN of each item */
	size_t end;	/* POS + TLEN of the last item */
};

/*
 * Parse a fold column.  Returns 0, or -1 when it is malformed (not
 * "POS:LEN" or "POS:LEN:TLEN" items with LEN, TLEN >= 1, each POS at or
 * after the end POS + TLEN of the item before).
 */
int fold_parse(struct fold_map *m, const char *s, size_t n);
/*
 * Append the item "pos:len:tlen" to m; returns -1 (and adds nothing) when
 * it would make m malformed.
 */
int fold_map_add(struct fold_map *m, size_t pos, size_t len, size_t tlen);
/* Append the item as a fold column writes it, after a comma unless folds is empty. */
void fold_put(struct sbuf *folds, size_t pos, size_t len, size_t tlen);
/*
 * Map text offset t to the offset in the original (an offset inside an
 * item's text maps to the item's first byte).
 */
size_t fold_offset(const struct fold_map *m, size_t t);
/* Append m's items to folds as a fold column writes them. */
void fold_format(struct sbuf *folds, const struct fold_map *m);
/*
 * Make out the map of text s[0..n), valid UTF-8, through two maps in turn:
 * offset t of s is offset at + fold_offset(first, t) of a text that second
 * maps back to the original (either map may be NULL for none).  Offsets of
 * s then map through out to the original, counting from where s starts in
 * it.  There is an item for each character of s whose bytes in the
 * original are not as many as in s.
 */
void fold_chain(struct fold_map *out, const char *s, size_t n,
    const struct fold_map *first, size_t at, const struct fold_map *second);
/* Free the map's arrays. */
void fold_map_free(struct fold_map *m);

#endif
