#include "config.h"

#include "ner.h"
#include "nercase.h"
#include "nercredit.h"
#include "nerint.h"
#include "nertok.h"

/* Whether token k is a word of a person's name in a byline or credit. */
static bool
nercredit_name_word(struct ner *n, struct ner_doc *d, size_t k)
{
	const struct ner_tok *t = &d->t[k];

	if (!(t->flags & NER_WORD) || !(t->flags & NER_CAP) || (t->flags & NER_STOP) ||
	    t->m >= 0 || (t->cls & ~(1u << L_COMMON)) != 0)
		return false;
	if (nertok_cue(d, n->gaz, k, GAZ_BIT(GAZ_ORG_HEAD) | GAZ_BIT(GAZ_ORG_SUFFIX) |
	    GAZ_BIT(GAZ_TITLE) | GAZ_BIT(GAZ_NOT), false))
		return false;
	return !(t->flags & NER_COMMON) ||
	    nertok_cue(d, n->gaz, k, GAZ_BIT(GAZ_GIVEN) | GAZ_BIT(GAZ_SURNAME), false);
}

/*
 * The end of a person's name of two to four name words from token j, with
 * hyphens and particles inside it; j when there is none.
 */
static size_t
nercredit_name_end(struct ner *n, struct ner_doc *d, const struct ner_sent *S, size_t j)
{
	size_t k = j, words = 0, p;

	while (k < S->te && words < 4 && nercredit_name_word(n, d, k)) {
		words++;
		k++;
		p = nertok_particles_end(d, k, S->te);
		if (p > k && p < S->te && nercredit_name_word(n, d, p))
			k = p;
	}
	if (words < 2 || (nertok_longest(d, n->gaz, j, k, GAZ_ENTITY_MASK & ~GAZ_BIT(GAZ_PERSON),
	    false).e != NULL && !nertok_cue(d, n->gaz, j, GAZ_BIT(GAZ_GIVEN), false)))
		return j;
	return k;
}

/* Whether what follows a byline's name at token k ends it. */
static bool
nercredit_byline_after(const struct ner_doc *d, const struct ner_sent *S, size_t k)
{
	const struct ner_tok *t;

	if (k == S->te)
		return true;
	t = &d->t[k];
	if (tis(d, k, ",") || tis(d, k, "|") || tis(d, k, "/") || tis(d, k, "and") ||
	    tin(d, k, L_MONTHS) || tin(d, k, L_WEEKDAYS))
		return true;
	return (t->flags & NER_CAP) && (t->flags & NER_COMMON);
}

/* The end of an agency's name after a credit's slash at token k - 1. */
static size_t
nercredit_agency_end(const struct ner_doc *d, const struct ner_sent *S, size_t k)
{
	size_t e = k;

	while (e < S->te && e < k + 4 && d->t[e].m < 0 && (d->t[e].flags & NER_WORD) &&
	    (d->t[e].flags & (NER_CAP | NER_UPPER)) && !tin(d, e, L_MONTHS) &&
	    !tin(d, e, L_WEEKDAYS))
		e++;
	return e;
}

/* Mark the credit whose name starts at token j, after a colon or bracket. */
static size_t
nercredit_credit(struct ner *n, struct ner_doc *d, size_t si, size_t j)
{
	const struct ner_sent *S = &d->s[si];
	size_t k = nercredit_name_end(n, d, S, j), e;
	struct nertok_match g;

	if (k == j || k + 1 >= S->te || !tis(d, k, "/"))
		return j;
	nertok_emit(d, si, j, k, GAZ_PERSON, NULL, 0, HOW_PERSON);
	e = nercredit_agency_end(d, S, k + 1);
	if (e == k + 1)
		return k;
	g = nertok_longest(d, n->gaz, k + 1, e, GAZ_ENTITY_MASK, false);
	if (g.e != NULL && g.len == e - k - 1)
		nertok_emit_entry(d, si, k + 1, e, g.e, HOW_GAZ);
	else if (g.e == NULL)
		nertok_emit(d, si, k + 1, e, GAZ_ORG, NULL, 0, HOW_ORG);
	return e;
}

void
nercredit_sentence(struct ner *n, struct ner_doc *d, size_t si)
{
	const struct ner_sent *S = &d->s[si];
	size_t i, k;

	for (i = S->tb; i + 2 < S->te; i++) {
		if (tis(d, i, ":") || tis(d, i, "(")) {
			i = nercredit_credit(n, d, si, i + 1) - 1;
			continue;
		}
		if (!tis(d, i, "by") || !((d->t[i].flags & NER_CAP) || i == S->tb))
			continue;
		k = nercredit_name_end(n, d, S, i + 1);
		if (k > i + 1 && nercredit_byline_after(d, S, k)) {
			nertok_emit(d, si, i + 1, k, GAZ_PERSON, NULL, 0, HOW_PERSON);
			i = k - 1;
		}
	}
}
