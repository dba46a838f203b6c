/*
 * The version diff (tabloid-diff-versions): two versions cut from one
 * input at its first NUL byte (without one, the input against itself),
 * each read as an article or as split output, compared document by
 * document in all four output forms.
 *
 * Invariant: a document compared with itself has no difference.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "lib/abbrev.h"
#include "lib/data.h"
#include "lib/sbuf.h"
#include "lib/vdiff.h"
#include "lib/vdoc.h"

struct side {
	struct vdoc **v; /* documents in input order */
	size_t n, cap;
};

static struct abbrev ab;
static struct side old, new;

static void
keep(void *arg, struct vdoc *d)
{
	struct side *s = arg;

	if (s->n == s->cap) {
		s->cap = s->cap ? 2 * s->cap : 8;
		s->v = xrealloc(s->v, s->cap * sizeof *s->v);
	}
	s->v[s->n] = xmalloc(sizeof **s->v);
	*s->v[s->n++] = *d;
	memset(d, 0, sizeof *d);
}

static void
clear(struct side *s)
{
	size_t i;

	for (i = 0; i < s->n; i++) {
		vdoc_free(s->v[i]);
		free(s->v[i]);
	}
	s->n = 0;
}

static void
opts(struct vdiff_opts *o, unsigned form)
{
	memset(o, 0, sizeof *o);
	o->threshold = 0.5;
	o->summary = form == 1;
	o->pretty = form >= 2;
	o->color = form == 3;
	o->all = form == 0;
}

static void
check_self(const struct vdoc *d, unsigned form)
{
	struct vdiff_opts o;
	struct vdiff v;

	opts(&o, form);
	vdiff_init(&v, &o);
	vdiff_docs(&v, d, d);
	fuzz_assert(!v.differ && v.st.added == 0 && v.st.removed == 0 &&
	                v.st.edited == 0 && v.st.moved == 0,
	            "a document differs from itself");
}

static void
compare(unsigned form)
{
	struct vdiff_opts o;
	struct vdiff v;
	size_t i;

	opts(&o, form);
	vdiff_init(&v, &o);
	vdiff_header(&v);
	for (i = 0; i < old.n || i < new.n; i++)
		vdiff_docs(&v, i < old.n ? old.v[i] : NULL, i < new.n ? new.v[i] : NULL);
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
	const uint8_t *nul = memchr(data, '\0', size);
	size_t cut = nul ? (size_t)(nul - data) : size, i;
	unsigned form = (unsigned)(size % 4);
	struct vdoc_opts ro = {.ab = &ab, .format = VDOC_AUTO};

	if (!ready) {
		load();
		ready = true;
	}
	if (setjmp(fuzz_jmp) == 0) {
		fuzz_arm();
		if (vdoc_read(fuzz_file(0, data, cut), &ro, keep, &old) != 0)
			abort();
		if (nul != NULL && vdoc_read(fuzz_file(1, nul + 1, size - cut - 1), &ro,
		                             keep, &new) != 0)
			abort();
		for (i = 0; i < old.n; i++)
			check_self(old.v[i], form);
		for (i = 0; i < new.n; i++)
			check_self(new.v[i], form);
		if (nul != NULL)
			compare(form);
	}
	clear(&old);
	clear(&new);
	if (fuzz_status != 0) {
		free(old.v);
		free(new.v);
		memset(&old, 0, sizeof old);
		memset(&new, 0, sizeof new);
	}
	fuzz_done();
	return 0;
}
