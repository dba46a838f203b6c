/*
 * align: matching two sequences of hashes (sentences or words).
 *
 * align_lcs() finds a common subsequence of two hash sequences the way
 * patience and histogram diffs do: common prefix and suffix first, then
 * hashes that occur exactly once on each side as anchors (their longest
 * increasing run), or, when there are none, the common hash that occurs
 * least often; then the same on each range between anchors.  Ranges of
 * at most ALIGN_DP_CELLS cells get an exact dynamic-programming LCS.  The
 * result is close to a longest common subsequence and favours matches on
 * rare lines, which is what people read as "unchanged"; time is about
 * linear in the input for ordinary documents.
 *
 * align_sentences() builds the sentence-level diff on top of it: matched
 * hashes are unchanged sentences, equal hashes left over on both sides are
 * moves, and the remaining removed and added sentences between two
 * unchanged ones are paired, most similar first, when the caller's
 * similarity reaches the threshold.
 */
#ifndef TABLOID_ALIGN_H
#define TABLOID_ALIGN_H

#include <stddef.h>
#include <stdint.h>

/* Ranges up to this many cells (na * nb) are matched by exact LCS. */
#define ALIGN_DP_CELLS 4096
/*
 * Most similarity computations made for one range between unchanged
 * sentences; larger ranges compare each removed sentence with the added
 * sentences at about the same relative position only.
 */
#define ALIGN_MAX_COMPARE 1000000

/* No index: the side of an edit that does not exist. */
#define ALIGN_NONE SIZE_MAX

/* One matched pair, or one line of the diff. */
struct align_edit {
	char op;    /* '=', '~', '-', '+', '>' (align_lcs: always '=') */
	size_t a;   /* index in the old sequence, or ALIGN_NONE */
	size_t b;   /* index in the new sequence, or ALIGN_NONE */
	double sim; /* similarity: 1 for '=' and '>', 0 for '-' and '+' */
};

struct align_edits {
	struct align_edit *v; /* edits */
	size_t n;             /* in use */
	size_t cap;           /* allocated */
};

/*
 * Replace the contents of out with matched pairs of equal hashes of a
 * (na) and b (nb), increasing in both a and b.
 */
void align_lcs(const uint64_t *a, size_t na, const uint64_t *b, size_t nb,
               struct align_edits *out);

/* Similarity in [0, 1] of old sentence i and new sentence j. */
typedef double (*align_sim_fn)(void *arg, size_t i, size_t j);

/*
 * Replace the contents of out with the diff of old sentences a (na) and
 * new sentences b (nb): every new sentence appears once, as '=', '~', '+'
 * or '>' (moved here from old index a), in the order of b; every old
 * sentence that is neither matched nor moved appears once as '-', placed
 * before the first new-side edit whose old partner follows it.  Pairs
 * ('~') need sim(arg, i, j) >= threshold and have sim < 1 or differing
 * hashes.  The result depends only on the inputs.
 */
void align_sentences(const uint64_t *a, size_t na, const uint64_t *b, size_t nb,
                     align_sim_fn sim, void *arg, double threshold,
                     struct align_edits *out);

/* Append an edit. */
void align_push(struct align_edits *e, char op, size_t a, size_t b, double sim);
/* Free the edits' array. */
void align_edits_free(struct align_edits *e);

#endif
