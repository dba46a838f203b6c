/*
 * runs: sorted runs of counts spilled to temporary files, and their merge.
 *
 * When tabloid-count holds more distinct keys than its memory limit
 * allows, it writes them out sorted, as a run, and starts again; the runs
 * are merged at the end, as sort(1) does.  Records are binary and hold a
 * key of any bytes.  Temporary files are unlinked at creation, so nothing
 * is left behind however the program ends.
 */
#ifndef TABLOID_RUNS_H
#define TABLOID_RUNS_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "sbuf.h"

struct run_rec {
	uint64_t count;		/* occurrences */
	uint64_t docs;		/* distinct documents */
	uint64_t firstdoc;	/* serial of the first document seen */
	uint64_t lastdoc;	/* serial of the last document seen */
	uint32_t glen;		/* length of the group part of the key */
	struct sbuf key;	/* the key */
};

/* A new empty run file in $TMPDIR (or /tmp); exits 2 on failure. */
FILE *run_create(void);
/* Append a record; exits 2 with "write error" on failure. */
void run_write(FILE *f, const char *key, uint32_t len, uint32_t glen,
    uint64_t count, uint64_t docs, uint64_t firstdoc, uint64_t lastdoc);
/* Read the next record into r; false at the end of the run. */
bool run_read(FILE *f, struct run_rec *r);

/*
 * A k-way merge of runs by a comparison of records: a binary heap of the
 * runs' current records, so each record costs O(log k) comparisons.
 */
struct run_merge {
	FILE **f;			/* the runs, rewound */
	struct run_rec *rec;		/* each run's current record */
	size_t *heap;			/* live runs, smallest record first */
	size_t nheap;
	size_t n;			/* runs */
	int (*cmp)(const struct run_rec *, const struct run_rec *);
};

/* Start merging n runs (rewinding each). */
void run_merge_init(struct run_merge *m, FILE **f, size_t n,
    int (*cmp)(const struct run_rec *, const struct run_rec *));
/*
 * The index of the run holding the smallest current record (the earliest
 * run among equals), or -1 when every run is exhausted.
 */
long run_merge_min(struct run_merge *m);
/* Move run i, the one run_merge_min() returned, to its next record. */
void run_merge_next(struct run_merge *m, size_t i);
/* Free the merge state and close the runs. */
void run_merge_free(struct run_merge *m);

/*
 * Runs merged at once.  Runs are kept by level, as in an LSM tree: a new
 * run has level 0, and RUN_FANIN runs of one level are merged into one
 * run of the next, so each record is rewritten about log16(runs) times
 * and at most RUN_FANIN - 1 runs of each level stay open.
 */
#define RUN_FANIN 16

/* The runs written so far, oldest first, with their levels. */
struct run_set {
	FILE **f;		/* the runs */
	unsigned *level;	/* the level of each */
	size_t n;		/* runs */
};

/*
 * Merge n runs f, oldest first, into one new run, which it returns; the
 * merge closes the runs it was given.
 */
typedef FILE *(*run_merge_fn)(void *arg, FILE **f, size_t n);

/*
 * Add run f at level 0; while the newest RUN_FANIN runs share a level,
 * replace them by merge(arg, ...) of them at the next level.  The runs
 * stay in the order of the records they hold (older first).
 */
void run_set_add(struct run_set *s, FILE *f, run_merge_fn merge, void *arg);
/* Free the set's arrays (not the runs). */
void run_set_free(struct run_set *s);

#endif
