/*
 * norm: text normalised for comparison, and the hashes built on it.
 *
 * Two versions of a sentence that differ only in noise must compare
 * equal: whitespace runs (any Unicode White_Space, NBSP included) become
 * one space and are trimmed at both ends, curly and other typographic
 * quotes become straight ones, and invisible characters (soft hyphen
 * U+00AD, zero-width space, joiners, word joiner, BOM) are removed.
 * Case, dashes and everything else are kept.  Bytes that are not valid
 * UTF-8 are kept as they are.  Normalised text is only compared, never
 * printed.
 */
#ifndef TABLOID_NORM_H
#define TABLOID_NORM_H

#include <stddef.h>
#include <stdint.h>

#include "sbuf.h"

/* A growable array of 64-bit hashes. */
struct norm_hashes {
	uint64_t *v; /* hashes */
	size_t n;    /* in use */
	size_t cap;  /* allocated */
};

/* Append the normalised form of s[0..n) to out. */
void norm_text(struct sbuf *out, const char *s, size_t n);
/* A 64-bit hash of n bytes at p (deterministic on every platform). */
uint64_t norm_hash(const void *p, size_t n);
/* The hash of the normalised form of s[0..n). */
uint64_t norm_text_hash(const char *s, size_t n);
/*
 * Replace the contents of out with the hashes of the words of s[0..n),
 * in order: the text is normalised, cut at spaces, lower-cased (Unicode
 * case folding), and each word loses leading and trailing punctuation;
 * words left empty are dropped.
 */
void norm_words(const char *s, size_t n, struct norm_hashes *out);
/* Sort h and drop repeated values, making it a set. */
void norm_set(struct norm_hashes *h);
/* Jaccard similarity |A & B| / |A | B| of two sets made by norm_set();
 * 1 when both are empty. */
double norm_jaccard(const uint64_t *a, size_t na, const uint64_t *b, size_t nb);
/* Append v to h. */
void norm_push(struct norm_hashes *h, uint64_t v);
/* Free h's array. */
void norm_hashes_free(struct norm_hashes *h);

#endif
