/*
 * vgroup: which documents of a stream are versions of one another.
 *
 * Documents are added one at a time.  For each, vgroup keeps a MinHash
 * signature of its word shingles (minhash.h), its id, date and number of
 * shingles, the keys of its sentences, and the place of its sentences in
 * a spool file under $TMPDIR (unlinked at once), so memory grows with the
 * number of documents and not with their size.
 *
 * vgroup_finish() takes as candidate pairs those that LSH banding finds
 * and those that share a sentence of VGROUP_SENTENCE_WORDS words or more
 * found in at most VGROUP_COMMON documents (a version much shorter or
 * longer than the other has too low a Jaccard similarity for the bands).
 * It drops the pairs whose signatures agree on fewer than threshold -
 * VGROUP_MARGIN of their slots, unless the containment that the estimate
 * and the sizes imply is at least containment - VGROUP_CMARGIN; it reads
 * the others back from the spool and measures them exactly:
 *
 *   - similarity: the Jaccard similarity of their shingle sets;
 *   - containment: the share of the shorter document's shingles found
 *     among the longer one's (Broder's containment), counted over the
 *     shorter one's words left when the longest run of words that both
 *     documents start with and the longest they end with (a site's
 *     header and footer, an unchanged lede) are set aside, or over all
 *     of it when those runs cover it whole; 0 when fewer than
 *     VGROUP_MIN_SHINGLES shingles are counted.  So a page that shares only its boilerplate
 *     with another, or a brief that shares only its first sentence with
 *     a story, is not contained in it, while a story cut short or one
 *     that grew around its first version is.
 *
 * Pairs whose similarity reaches threshold or whose containment reaches
 * containment join their groups (union-find).  A group is named after
 * its first document in input order.
 */
#ifndef TABLOID_VGROUP_H
#define TABLOID_VGROUP_H

#include <stdbool.h>
#include <stddef.h>

#include "vdiff.h"
#include "vdoc.h"

/* Candidates whose estimate is this far below the threshold are still checked. */
#define VGROUP_MARGIN 0.15
/*
 * LSH banding: 42 bands of 3 slots.  A pair of similarity 0.55 becomes a
 * candidate with probability 0.999, 0.35 (a machine-reworded copy) 0.84,
 * 0.05 (another article on the same event) 0.005; with 32 bands of 4 the
 * heavily edited versions of bench/run-diff were missed 1 time in 20.
 */
#define VGROUP_BANDS 42
#define VGROUP_ROWS 3
/*
 * Containment is measured over at least this many shingles (about two
 * sentences): tiny documents and remainders are contained by chance.
 */
#define VGROUP_MIN_SHINGLES 30
/* Candidates whose implied containment is this far below the threshold are still checked. */
#define VGROUP_CMARGIN 0.35
/* Sentences of fewer words ("Hide Ad", "Listen Live") give no candidates. */
#define VGROUP_SENTENCE_WORDS 6
/* A sentence found in more documents is boilerplate: it gives no candidates. */
#define VGROUP_COMMON 16

struct vgroup_opts {
	size_t shingle;   /* words per shingle */
	double threshold; /* least exact similarity of two versions */
	double containment; /* or least containment of the shorter in the longer */
	bool clusters;    /* write doc group similarity rows */
	bool all;         /* with clusters: documents without versions too */
	bool noheader;    /* write no header line */
};

struct vgroup;

/* A new, empty collection. */
struct vgroup *vgroup_new(const struct vgroup_opts *o);
/* Add one document (copied to the spool). */
void vgroup_add(struct vgroup *g, const struct vdoc *d);
/*
 * Find the groups and write them: with clusters, a doc group similarity
 * containment row for each document in a group (in input order; the
 * highest measures of the pairs that joined it); otherwise the diff
 * of each version against the previous one in its group, through v, the
 * versions ordered by their date (bytes), then input order.  Returns true
 * when some group has two or more documents.
 */
bool vgroup_finish(struct vgroup *g, struct vdiff *v);
/* Free everything and close the spool. */
void vgroup_free(struct vgroup *g);

#endif
