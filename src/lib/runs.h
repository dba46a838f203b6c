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

/* A k-way merge of runs by a comparison of records. */
struct run_merge {
	FILE **f;			/* the runs, rewound */
	struct run_rec *rec;		/* each run's current record */
	bool *live;			/* run not yet exhausted */
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
/* Move run i to its next record. */
void run_merge_next(struct run_merge *m, size_t i);
/* Free the merge state and close the runs. */
void run_merge_free(struct run_merge *m);

#endif
