/*
 * vgroup: which documents of a stream are versions of one another.
 *
 * Documents are added one at a time.  For each, vgroup keeps a MinHash
 * signature of its word shingles (minhash.h), its id and date, and the
 * place of its sentences in a spool file under $TMPDIR (unlinked at
 * once), so memory grows with the number of documents and not with their
 * size.  vgroup_finish() finds candidate pairs by LSH banding, drops
 * those whose signatures agree on fewer than threshold - VGROUP_MARGIN of
 * their slots, reads the remaining pairs back from the spool and computes
 * the exact Jaccard similarity of their shingle sets; pairs at or above
 * the threshold join their groups (union-find).  A group is named after
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

struct vgroup_opts {
	size_t shingle;   /* words per shingle */
	double threshold; /* least exact similarity of two versions */
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
 * row for each document in a group (in input order); otherwise the diff
 * of each version against the previous one in its group, through v, the
 * versions ordered by their date (bytes), then input order.  Returns true
 * when some group has two or more documents.
 */
bool vgroup_finish(struct vgroup *g, struct vdiff *v);
/* Free everything and close the spool. */
void vgroup_free(struct vgroup *g);

#endif
