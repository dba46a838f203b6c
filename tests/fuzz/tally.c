/*
 * Counting by key (tabloid-count): the tally's hash table and arena, and
 * sorted runs spilled to temporary files and merged.  Each line of the
 * input is a key (of any bytes but LF); an empty line starts the next
 * document.  The keys are counted at once, and in one to three parts
 * whose sorted runs are merged, adding up counts and document counts (a
 * document cut between two parts counted once).
 *
 * Invariants: the merge of the parts equals the count of the whole, key
 * for key; merged keys come out in increasing order; runs read back what
 * was written.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "lib/runs.h"
#include "lib/tally.h"

#define MAXRUNS 3

static struct tally whole, part;
static struct tally_ent **list;
static size_t listcap;

static void
add(struct tally *t, const char *key, size_t len, uint64_t doc)
{
	struct tally_ent *e = tally_get(t, key, len, tally_hash(key, len));
	struct tally_doc *d = tally_doc(t, e);

	fuzz_assert(e->len == len && memcmp(tally_key(e), key, len) == 0,
	            "the tally gave another key");
	if (e->count == 0)
		d->firstdoc = doc;
	if (d->docs == 0 || d->lastdoc != doc) {
		d->docs++;
		d->lastdoc = doc;
	}
	e->count++;
}

static int
by_key(const void *a, const void *b)
{
	const struct tally_ent *x = *(struct tally_ent *const *)a;
	const struct tally_ent *y = *(struct tally_ent *const *)b;

	return tally_keycmp(tally_key(x), x->len, tally_key(y), y->len);
}

static FILE *
spill(void)
{
	FILE *f = run_create();
	size_t i, n;

	if (part.n > listcap) {
		listcap = part.n;
		list = realloc(list, listcap * sizeof *list);
	}
	n = tally_list(&part, list);
	fuzz_assert(n == part.n, "the tally lists another number of keys");
	if (n > 1)
		qsort(list, n, sizeof *list, by_key);
	for (i = 0; i < n; i++) {
		struct tally_doc *d = tally_doc(&part, list[i]);

		run_write(f, tally_key(list[i]), list[i]->len, 0, list[i]->count, d->docs,
		          d->firstdoc, d->lastdoc);
	}
	tally_clear(&part);
	return f;
}

static int
rec_key(const struct run_rec *a, const struct run_rec *b)
{
	return tally_keycmp(a->key.p, a->key.len, b->key.p, b->key.len);
}

/* Check one merged key against the count of the whole. */
static void
check(const struct run_rec *acc, size_t *nkeys)
{
	struct tally_ent *e = tally_get(&whole, acc->key.p, acc->key.len,
	                                tally_hash(acc->key.p, acc->key.len));

	fuzz_assert(e->count == acc->count,
	            "the merged count of a key differs from the whole");
	fuzz_assert(tally_doc(&whole, e)->docs == acc->docs,
	            "the merged document count of a key differs from the whole");
	(*nkeys)++;
}

static void
merge(FILE **f, size_t n, size_t wholekeys)
{
	struct run_merge m;
	struct run_rec acc = {0};
	bool have = false;
	size_t nkeys = 0;
	long i;

	run_merge_init(&m, f, n, rec_key);
	while ((i = run_merge_min(&m)) >= 0) {
		const struct run_rec *r = &m.rec[i];

		if (have && rec_key(&acc, r) == 0) {
			acc.count += r->count;
			acc.docs += r->docs - (acc.lastdoc == r->firstdoc);
			acc.lastdoc = r->lastdoc;
		} else {
			if (have) {
				fuzz_assert(rec_key(&acc, r) < 0,
				            "merged keys out of order");
				check(&acc, &nkeys);
			}
			sbuf_reset(&acc.key);
			sbuf_add(&acc.key, r->key.p, r->key.len);
			acc.count = r->count;
			acc.docs = r->docs;
			acc.firstdoc = r->firstdoc;
			acc.lastdoc = r->lastdoc;
			have = true;
		}
		run_merge_next(&m, (size_t)i);
	}
	if (have)
		check(&acc, &nkeys);
	fuzz_assert(nkeys == wholekeys,
	            "the merge has another number of keys than the whole");
	run_merge_free(&m);
	sbuf_free(&acc.key);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static bool ready;
	const char *s = (const char *)data;
	size_t nruns = 1 + size % MAXRUNS, run = 0, b, e, wholekeys;
	uint64_t doc = 0;
	FILE *f[MAXRUNS];

	if (!ready) {
		fuzz_init();
		tally_init(&whole, 1);
		tally_init(&part, 1);
		ready = true;
	}
	for (b = 0; b < size; b = e + 1) {
		const char *nl = memchr(s + b, '\n', size - b);

		e = nl ? (size_t)(nl - s) : size;
		if (e == b)
			doc++;
		else
			add(&whole, s + b, e - b, doc);
	}
	wholekeys = whole.n;
	doc = 0;
	for (b = 0; b < size; b = e + 1) {
		const char *nl = memchr(s + b, '\n', size - b);

		e = nl ? (size_t)(nl - s) : size;
		if (run + 1 < nruns && b >= size * (run + 1) / nruns)
			f[run++] = spill();
		if (e == b)
			doc++;
		else
			add(&part, s + b, e - b, doc);
	}
	f[run++] = spill();
	merge(f, run, wholekeys);
	tally_clear(&whole);
	return 0;
}
