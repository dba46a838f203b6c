/*
 * Entity tagging (tabloid-tag-entities) with the shipped gazetteers and
 * word lists, loaded once.  Each line of the input is a sentence of one
 * document: tagged from sentence rows, learning names, then again from
 * token rows of the text in lower case, where the names learnt are
 * looked up (as a later run reads them from --memory).  The names learnt
 * are forgotten after each input.
 *
 * Invariants: mentions are in text order, without overlap, inside their
 * sentence and the document, with an entity type and a canonical name;
 * each token points to the mention that covers it.
 */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "lib/abbrev.h"
#include "lib/data.h"
#include "lib/gaz.h"
#include "lib/ner.h"
#include "lib/nerdata.h"
#include "lib/tok.h"

static struct abbrev ab;
static struct gaz gaz;
static struct ner ner;
static struct ner_doc doc;
static struct tok_list toks;

static void
load(void)
{
	char *path;

	fuzz_init();
	abbrev_init(&ab);
	path = data_find("abbrev-en.txt", NULL, NULL);
	if (abbrev_load(&ab, path) != 0)
		abort();
	free(path);
	gaz_init(&gaz, &ab);
	nerdata_gazetteers(&gaz);
	ner_init(&ner, &ab, &gaz);
	nerdata_words(&ner, &gaz);
}

static void
check(size_t size)
{
	size_t i, k;

	for (i = 0; i < doc.nm; i++) {
		const struct ner_mention *m = &doc.m[i];

		fuzz_assert(m->sent < doc.ns, "a mention outside the sentences");
		fuzz_assert(m->tb < m->te && m->te <= doc.nt, "a mention without tokens");
		fuzz_assert(m->tb >= doc.s[m->sent].tb && m->te <= doc.s[m->sent].te,
		            "a mention across sentences");
		fuzz_assert(m->ob < m->oe && m->oe <= size,
		            "a mention outside the document");
		fuzz_assert(m->type < GAZ_NENTITY, "a mention without an entity type");
		fuzz_assert(m->clen > 0 && m->canon + m->clen <= doc.canon.len,
		            "a mention without a canonical name");
		if (i > 0)
			fuzz_assert(doc.m[i - 1].te <= m->tb && doc.m[i - 1].oe <= m->ob,
			            "mentions out of order or overlapping");
		for (k = m->tb; k < m->te; k++)
			fuzz_assert(doc.t[k].m == (int32_t)i,
			            "a token points to another mention");
	}
	for (k = 0; k < doc.nt; k++)
		fuzz_assert(doc.t[k].m >= -1 && doc.t[k].m < (int32_t)doc.nm,
		            "a token points to no mention");
}

/* Sentence rows: one per line, at its offset. */
static void
by_sentences(const char *s, size_t size)
{
	size_t b = 0, e;

	ner_doc_reset(&doc);
	while (b < size) {
		const char *nl = memchr(s + b, '\n', size - b);

		e = nl ? (size_t)(nl - s) : size;
		ner_add_sentence(&ner, &doc, s + b, e - b, b, NULL);
		b = e + 1;
	}
	ner_tag(&ner, &doc, true);
	check(size);
}

/* Token rows of the same lines, their types told from their bytes. */
static void
by_tokens(const char *s, size_t size)
{
	size_t b = 0, e, i;

	ner_doc_reset(&doc);
	while (b < size) {
		const char *nl = memchr(s + b, '\n', size - b);

		e = nl ? (size_t)(nl - s) : size;
		tok_text(&ab, s + b, e - b, &toks);
		ner_begin_sentence(&doc);
		for (i = 0; i < toks.n; i++) {
			const struct tok *t = &toks.v[i];

			ner_add_token(&ner, &doc, s + b + t->start, t->end - t->start,
			              b + t->start, b + t->end,
			              (i & 1) ? (int)t->type : -1,
			              i > 0 && t->start > toks.v[i - 1].end);
		}
		ner_end_sentence(&doc);
		b = e + 1;
	}
	ner_tag(&ner, &doc, false);
	check(size);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static bool ready;
	char *s;
	size_t i;

	if (!ready) {
		load();
		ready = true;
	}
	s = memcpy(malloc(size + !size), data, size);
	by_sentences(s, size);
	gaz_merge(&ner.learnt, &ner.fresh, GAZ_ENTITY_MASK, ner.maxlearnt);
	for (i = 0; i < size; i++)
		s[i] = (char)tolower((unsigned char)s[i]);
	by_tokens(s, size);
	gaz_free(&ner.learnt);
	gaz_init(&ner.learnt, &ab);
	gaz_free(&ner.fresh);
	gaz_init(&ner.fresh, &ab);
	free(s);
	return 0;
}
