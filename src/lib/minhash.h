/*
 * minhash: signatures of documents for finding near duplicates without
 * comparing every pair.
 *
 * A document is a set of shingles (hashes of k consecutive words).  Its
 * signature has MINHASH_K slots filled by one-permutation hashing: each
 * shingle is hashed once, the top bits choose a slot and the slot keeps
 * the smallest value; empty slots borrow from the next filled one
 * (rotation densification).  The fraction of equal slots of two
 * signatures estimates the Jaccard similarity of the two sets.
 *
 * Locality-sensitive hashing cuts the signature into bands of rows
 * slots; documents whose slots agree on a whole band become candidate
 * pairs.  A pair of similarity s is a candidate with probability
 * 1 - (1 - s^rows)^bands.
 */
#ifndef TABLOID_MINHASH_H
#define TABLOID_MINHASH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "norm.h"

#define MINHASH_K 128

struct minhash {
	uint32_t v[MINHASH_K]; /* the slots */
};

/* A candidate pair of documents, i < j. */
struct minhash_pair {
	size_t i, j;
};

struct minhash_pairs {
	struct minhash_pair *v; /* pairs */
	size_t n;               /* in use */
	size_t cap;             /* allocated */
};

/*
 * Replace the contents of out with the set (sorted, no repeats) of the
 * shingles of the n word hashes w: hashes of each k consecutive words;
 * fewer than k words make one shingle of them all, no words no shingle.
 */
void minhash_shingles(const uint64_t *w, size_t n, size_t k, struct norm_hashes *out);
/* Fill m from n shingle hashes (repeats do not matter); n may be 0. */
void minhash_sign(struct minhash *m, const uint64_t *sh, size_t n);
/* The fraction of equal slots of a and b. */
double minhash_estimate(const struct minhash *a, const struct minhash *b);
/*
 * Replace the contents of out with the candidate pairs among the n
 * signatures sig (documents with skip[i] true take no part; skip may be
 * NULL): documents agreeing on all rows slots of one of bands bands
 * (bands * rows <= MINHASH_K).  Within a bucket each document is paired
 * with the first and with the previous one only, so that a bucket of m
 * copies gives 2m pairs rather than m^2; the pairs found still connect
 * the whole bucket.  Pairs are sorted by i, then j, without repeats.
 */
void minhash_candidates(const struct minhash *sig, const bool *skip, size_t n,
                        size_t bands, size_t rows, struct minhash_pairs *out);
/* A document's key in one band. */
struct minhash_key {
	uint64_t key; /* minhash_band_key() */
	size_t doc;   /* the document */
};

/* The key of band band (of rows slots) of m: documents agreeing on it share the band. */
uint64_t minhash_band_key(const struct minhash *m, size_t band, size_t rows);
/*
 * Add to out (sorted, no repeats) the pairs of the m documents k of one
 * band that share a key, as minhash_candidates() does; k is reordered.
 */
void minhash_bucket_pairs(struct minhash_key *k, size_t m, struct minhash_pairs *out);
/*
 * As minhash_bucket_pairs(), but a key shared by more than most documents
 * gives no pairs (most 0: no limit).
 */
void minhash_bucket_pairs_upto(struct minhash_key *k, size_t m, size_t most,
                               struct minhash_pairs *out);
/* Merge the sorted pairs at from on into the sorted pairs before them, without repeats. */
void minhash_pairs_merge(struct minhash_pairs *p, size_t from);
/* Free the pairs' array. */
void minhash_pairs_free(struct minhash_pairs *p);

/* Union-find over n elements; the root of a set is its smallest element. */
struct minhash_uf {
	size_t *parent; /* parent of each element */
	size_t n;       /* elements */
};

void minhash_uf_init(struct minhash_uf *u, size_t n);
size_t minhash_uf_find(struct minhash_uf *u, size_t x);
void minhash_uf_union(struct minhash_uf *u, size_t x, size_t y);
void minhash_uf_free(struct minhash_uf *u);

#endif
