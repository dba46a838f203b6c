/*
 * Paragraphs and sentences (tabloid-split) with the shipped abbreviation
 * list.
 *
 * Invariants: paragraphs and sentences lie inside the document, in order,
 * without overlap, non-empty and trimmed of whitespace; every sentence
 * lies inside its paragraph; every byte outside the sentences is
 * whitespace, so that nothing of the document is lost.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "lib/abbrev.h"
#include "lib/data.h"
#include "lib/seg.h"
#include "lib/utf8.h"

static struct abbrev ab;
static struct seg_doc doc;
static struct seg_spans paras, sents;

static bool
is_space_at(const char *s, size_t i, size_t n, size_t *len)
{
	int32_t cp;

	*len = utf8_decode(s + i, n - i, &cp);
	return cp >= 0 && utf8_is_space(cp);
}

/* Only whitespace in s[b..e). */
static void
check_gap(const char *s, size_t n, size_t b, size_t e)
{
	size_t len;

	while (b < e) {
		fuzz_assert(is_space_at(s, b, e, &len),
		            "bytes outside every sentence are lost");
		b += len;
	}
	(void)n;
}

static void
check_span(const char *s, size_t n, struct seg_span sp, size_t lo, size_t hi)
{
	size_t len;
	int32_t cp;

	fuzz_assert(sp.start < sp.end, "an empty span");
	fuzz_assert(sp.start >= lo && sp.end <= hi && hi <= n,
	            "a span outside its parent");
	fuzz_assert(!is_space_at(s, sp.start, sp.end, &len),
	            "a span starts with whitespace");
	len = utf8_decode_back(s + sp.start, s + sp.end, &cp);
	fuzz_assert(len > 0 && !(cp >= 0 && utf8_is_space(cp)),
	            "a span ends with whitespace");
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
	const char *s;
	size_t i, j, last = 0;

	if (!ready) {
		load();
		ready = true;
	}
	/* a copy of exactly size bytes, so that over-reads show */
	s = memcpy(malloc(size + !size), data, size);
	seg_doc_init(&doc, &ab, s, size);
	paras.n = 0;
	seg_paragraphs(&doc, &paras);
	for (i = 0; i < paras.n; i++) {
		struct seg_span p = paras.v[i];

		check_span(s, size, p, i > 0 ? paras.v[i - 1].end : 0, size);
		sents.n = 0;
		seg_sentences(&doc, p, &sents);
		fuzz_assert(sents.n > 0, "a paragraph without sentences");
		for (j = 0; j < sents.n; j++) {
			check_span(s, size, sents.v[j],
			           j > 0 ? sents.v[j - 1].end : p.start, p.end);
			check_gap(s, size, last, sents.v[j].start);
			last = sents.v[j].end;
		}
	}
	check_gap(s, size, last, size);
	seg_doc_free(&doc);
	free((void *)s);
	return 0;
}
