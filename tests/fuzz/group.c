/*
 * Grouping of versions (tabloid-diff-versions --group and --clusters):
 * the input is cut at NUL bytes into up to three files, read as articles
 * or split output; their documents, and the first document once more,
 * are grouped with MinHash and LSH and the groups written as clusters or
 * as diffs.
 *
 * Invariant: a document with words and its exact copy are found to be
 * versions of each other.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "lib/abbrev.h"
#include "lib/data.h"
#include "lib/norm.h"
#include "lib/sbuf.h"
#include "lib/vdiff.h"
#include "lib/vdoc.h"
#include "lib/vgroup.h"

static struct abbrev ab;
static struct vgroup *g;
static struct vdoc first;
static bool have_first;
static struct norm_hashes words;

static void
add(void *arg, struct vdoc *d)
{
	(void)arg;
	if (!have_first) {
		vdoc_reset(&first);
		sbuf_add(&first.id, d->id.p, d->id.len);
		sbuf_add(&first.date, d->date.p, d->date.len);
		for (size_t i = 0; i < d->n; i++)
			vdoc_add(&first, d->s[i].num, d->text.p + d->s[i].off,
			         d->s[i].len);
		have_first = true;
	}
	vgroup_add(g, d);
}

static bool
has_words(const struct vdoc *d)
{
	size_t i;

	for (i = 0; i < d->n; i++) {
		norm_words(d->text.p + d->s[i].off, d->s[i].len, &words);
		if (words.n > 0)
			return true;
	}
	return false;
}

/* Read the files cut from data at NUL bytes and add their documents. */
static void
read_files(const uint8_t *data, size_t size)
{
	struct vdoc_opts ro = {.ab = &ab, .format = VDOC_AUTO};
	const uint8_t *p = data, *end = data + size, *nul;
	int slot;

	for (slot = 0; slot < 3 && p <= end; slot++) {
		nul = slot < 2 ? memchr(p, '\0', (size_t)(end - p)) : NULL;
		if (nul == NULL)
			nul = end;
		if (vdoc_read(fuzz_file(slot, p, (size_t)(nul - p)), &ro, add, NULL) != 0)
			abort();
		p = nul + 1;
	}
}

static void
load(void)
{
	char *path;

	fuzz_init();
	path = data_find("abbrev-en.txt", NULL, NULL);
	abbrev_init(&ab);
	if (abbrev_load(&ab, path) != 0)
		abort();
	free(path);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static bool ready;
	struct vgroup_opts go = {.shingle = 1 + size % 5, .threshold = 0.3, .containment = 0.8,
	                         .clusters = size % 2 == 0, .all = size % 3 == 0};
	struct vdiff_opts dopt = {.threshold = 0.5, .summary = size % 3 == 1};
	struct vdiff v;
	bool found;

	if (!ready) {
		load();
		ready = true;
	}
	have_first = false;
	vdiff_init(&v, &dopt);
	g = vgroup_new(&go);
	if (setjmp(fuzz_jmp) == 0) {
		fuzz_arm();
		read_files(data, size);
		if (have_first)
			vgroup_add(g, &first);
		found = vgroup_finish(g, &v);
		fuzz_assert(!have_first || !has_words(&first) || found,
		            "a document and its copy are not versions of each other");
	}
	vgroup_free(g);
	g = NULL;
	if (fuzz_status != 0) {
		vdoc_free(&first);
		norm_hashes_free(&words);
	}
	fuzz_done();
	return 0;
}
