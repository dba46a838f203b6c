/*
 * wdiff: the word-level diff of two versions of a sentence.
 *
 * Words are the runs of bytes between whitespace (as wdiff(1) cuts
 * them, punctuation stays on its word).  Two words are equal when their
 * normalised forms (see norm.h) are; the words written out are those of
 * the texts as given, the new one's for unchanged words.  Words are
 * matched with align_lcs(), so a sentence of millions of words is diffed
 * in about linear time.
 */
#ifndef TABLOID_WDIFF_H
#define TABLOID_WDIFF_H

#include <stddef.h>

#include "sbuf.h"

/* One word of the diff. */
struct wdiff_word {
	char op;       /* ' ' in both, '-' old only, '+' new only */
	const char *p; /* its bytes, in the old or the new text */
	size_t n;      /* their length */
};

struct wdiff {
	struct wdiff_word *v; /* words, in reading order */
	size_t n;             /* in use */
	size_t cap;           /* allocated */
	size_t added;         /* words only in the new text */
	size_t removed;       /* words only in the old text */
	size_t common;        /* words in both */
};

/*
 * Replace the contents of w with the word diff of old a (na bytes) and new
 * b (nb bytes).  Within a changed stretch the removed words come first.
 * The words point into a and b, which must outlive w's use.
 */
void wdiff_words(struct wdiff *w, const char *a, size_t na, const char *b, size_t nb);

/* The markers written around removed and added runs. */
struct wdiff_marks {
	const char *del_open, *del_close, *ins_open, *ins_close;
};

/* The markers of wdiff(1): [-removed-] and {+added+}. */
extern const struct wdiff_marks wdiff_plain;

/*
 * Append the diff to out: words separated by one space, each run of
 * removed words between m's del markers, each run of added words between
 * its ins markers; an added run follows a removed run without a space,
 * as in "[-old words-]{+new words+}".  Words are copied as they are (escaping is the
 * caller's business).
 */
void wdiff_render(const struct wdiff *w, const struct wdiff_marks *m, struct sbuf *out);

/* Free w's array. */
void wdiff_free(struct wdiff *w);

#endif
