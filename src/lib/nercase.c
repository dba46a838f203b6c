#include "config.h"

#include "ner.h"
#include "nercase.h"
#include "nerint.h"
#include "nertok.h"

void
nercase_survey(struct ner_doc *d)
{
	size_t si, i, words = 0, capmid = 0;

	for (si = 0; si < d->ns; si++) {
		struct ner_sent *S = &d->s[si];
		size_t w = 0, up = 0, cap = 0;
		bool first = true;

		for (i = S->tb; i < S->te; i++) {
			struct ner_tok *t = &d->t[i];

			if (!(t->flags & NER_WORD))
				continue;
			if (first)
				t->flags |= NER_INITIAL;
			else {
				words++;
				capmid += (t->flags & NER_CAP) != 0;
			}
			first = false;
			w++;
			up += (t->flags & NER_UPPER) || ((t->flags & NER_CAP) && t->klen == 1);
			cap += (t->flags & NER_CAP) != 0;
		}
		S->caps = w >= 3 && (up * 5 >= w * 4 || (w >= 4 && cap * 10 >= w * 9));
	}
	d->lower = words >= 20 && capmid * 50 < words;
	for (si = 0; si < d->ns; si++) {
		struct ner_sent *S = &d->s[si];

		if (S->caps)
			continue;
		for (i = S->tb; i < S->te; i++) {
			struct ner_tok *t = &d->t[i];

			if (!(t->flags & NER_WORD) || (t->flags & NER_INITIAL) ||
			    (t->flags & NER_UPPER))
				continue;
			if (t->flags & NER_CAP)
				d->w[t->w].cap++;
			else
				d->w[t->w].low++;
		}
	}
}

/* Whether the document writes word i capitalised. */
static bool
nercase_cased(struct ner *n, struct ner_doc *d, size_t i)
{
	const struct ner_word *e = &d->w[d->t[i].w];

	if (e->cap > 0 || e->low > 0)
		return e->cap > e->low;
	if (d->t[i].flags & NER_STOP)
		return false;
	return nertok_cue(d, n->gaz, i, GAZ_ENTITY_MASK | GAZ_BIT(GAZ_GIVEN) | GAZ_BIT(GAZ_SURNAME) |
	    GAZ_BIT(GAZ_ORG_SUFFIX), true);
}

/*
 * Whether the sentence-initial word i starts a company name that ends in a
 * suffix a few capitalised words on ("Diamond Shamrock Corp said"): a word
 * on none of the tagger's lists, not a title, job or never-a-name cue, and
 * never written in lower case in the document, before a word that is no
 * known name ("Political Apple Inc." is not one name).
 */
static bool
nercase_suffix_follows(struct ner *n, struct ner_doc *d, size_t i, size_t te)
{
	const struct ner_tok *t = &d->t[i];
	size_t k;

	if ((t->cls & ~(1u << L_COMMON)) != 0 || d->w[t->w].low > 0 ||
	    (t->gany & (GAZ_BIT(GAZ_TITLE) | GAZ_BIT(GAZ_JOB) | GAZ_BIT(GAZ_NOT))) != 0)
		return false;
	if (i + 1 < te && (d->t[i + 1].gany & (GAZ_ENTITY_MASK | GAZ_BIT(GAZ_GIVEN) |
	    GAZ_BIT(GAZ_SURNAME))) != 0)
		return false;
	for (k = i + 1; k < te && k <= i + 4; k++) {
		if (!(d->t[k].flags & (NER_CAP | NER_UPPER)) || (d->t[k].flags & NER_STOP))
			return false;
		if (nertok_cue(d, n->gaz, k, GAZ_BIT(GAZ_ORG_SUFFIX), false))
			return k > i + 1;
	}
	return false;
}

/*
 * Whether word i of an ALL-CAPS or Title Case sentence comes just before
 * a company suffix ("MONONGAHELA STEEL CORP"): such a word belongs to the
 * name even when the document writes it in lower case.
 */
static bool
nercase_caps_before_suffix(struct ner *n, struct ner_doc *d, size_t i, size_t te)
{
	const struct ner_tok *t = &d->t[i];

	if (!(t->flags & NER_WORD) || (t->flags & NER_STOP) || (t->cls & ~(1u << L_COMMON)) != 0)
		return false;
	return i + 1 < te && nertok_cue(d, n->gaz, i + 1, GAZ_BIT(GAZ_ORG_SUFFIX), true);
}

/* Whether the sentence-initial word i can be the start of a name. */
static bool
nercase_initial_ok(struct ner *n, struct ner_doc *d, size_t i, size_t te)
{
	const struct ner_word *e = &d->w[d->t[i].w];
	struct nertok_match m;

	if ((d->t[i].flags & NER_STOP) && !(d->t[i].flags & NER_UPPER))
		return false;
	if (d->t[i].flags & NER_UPPER)
		return true;
	if (n->common && !(d->t[i].flags & NER_COMMON) && d->t[i].klen > 1)
		return true;
	m = nertok_longest(d, n->gaz, i, te, GAZ_ENTITY_MASK | GAZ_BIT(GAZ_TITLE) |
	    GAZ_BIT(GAZ_GIVEN), false);
	if (m.e != NULL && !nertok_cue(d, n->gaz, i, GAZ_BIT(GAZ_NOT), false))
		return true;
	if (e->cap > 0 && e->low == 0)
		return true;
	return nercase_suffix_follows(n, d, i, te);
}

bool
nercase_namelike(struct ner *n, struct ner_doc *d, const struct ner_sent *S, size_t i)
{
	const struct ner_tok *t = &d->t[i];

	if (!(t->flags & NER_WORD) || t->m >= 0)
		return false;
	if (S->caps)
		return nercase_cased(n, d, i) || nercase_caps_before_suffix(n, d, i, S->te);
	if (!(t->flags & (NER_CAP | NER_UPPER)))
		return false;
	if (t->flags & NER_INITIAL)
		return nercase_initial_ok(n, d, i, S->te);
	return !(t->klen == 1 && tis(d, i, "i"));
}

static bool
nercase_is_upper_str(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] >= 'a' && s[i] <= 'z')
			return false;
	return true;
}

bool
nercase_gaz_ok(struct ner_doc *d, const struct ner_sent *S, size_t i, struct nertok_match g)
{
	const struct ner_word *e = &d->w[d->t[i].w];

	if (g.e == NULL || g.len > 1 || !(d->t[i].flags & NER_COMMON))
		return true;
	if (g.e->type != GAZ_ORG && g.e->type != GAZ_PERSON)
		return true;
	if (!d->lower && !S->caps && !(d->t[i].flags & NER_INITIAL) &&
	    !((d->t[i].flags & NER_UPPER) && !nercase_is_upper_str(g.e->surface, g.e->slen)))
		return true;
	return e->cap > e->low;
}
