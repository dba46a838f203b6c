#include "config.h"

#include <string.h>

#include "ner.h"
#include "nercase.h"
#include "nerint.h"
#include "nerlower.h"
#include "nertok.h"

bool
nerlower_unsafe(const struct ner_doc *d, size_t i)
{
	return (d->t[i].flags & NER_STOP) || d->t[i].klen < 2 || tin(d, i, L_LOWER_WORDS);
}

/*
 * Whether word i of a lower-cased document is a rare word that could be a
 * name: in no mention, no common word or stop word, on no list and in no
 * gazetteer.
 */
static bool
nerlower_rare(struct ner *n, struct ner_doc *d, size_t i)
{
	const struct ner_tok *t = &d->t[i];

	return (t->flags & NER_WORD) && t->m < 0 && !(t->flags & (NER_COMMON | NER_STOP)) &&
	    t->cls == 0 && !nerlower_unsafe(d, i) && t->klen >= 2 &&
	    !nertok_cue(d, n->gaz, i, ~0u, true);
}

/*
 * Whether word i can be inside a lower-cased company name: no stop word,
 * number or listed word, and no common word ending in -ed or -ing unless
 * it is a company head ("acquired" is no part of a name, "shipping" is).
 */
static bool
nerlower_name_word(struct ner *n, struct ner_doc *d, size_t i)
{
	const struct ner_tok *t = &d->t[i];
	const char *k = tkey(d, i);

	if (!(t->flags & NER_WORD) || (t->flags & NER_STOP) || t->m >= 0 ||
	    (t->cls & ~(1u << L_COMMON)) != 0)
		return false;
	if (!(t->flags & NER_COMMON) || nertok_cue(d, n->gaz, i, GAZ_BIT(GAZ_ORG_HEAD), true))
		return true;
	return !((t->klen > 4 && memcmp(k + t->klen - 2, "ed", 2) == 0) ||
	    (t->klen > 5 && memcmp(k + t->klen - 3, "ing", 3) == 0));
}

/*
 * Whether word i reads as a possessive with its apostrophe lost, as
 * reworded copy has it ("companys", "chinas"): a known word or name and
 * an "s".
 */
static bool
nerlower_bare_possessive(struct ner *n, struct ner_doc *d, size_t i)
{
	const char *k = tkey(d, i);
	size_t len = d->t[i].klen;
	struct gaz_hit hit;

	if (len < 3 || k[len - 1] != 's' || !gaz_get(n->gaz, k, len - 1, &hit))
		return false;
	return (hit.types & (GAZ_ENTITY_MASK | GAZ_BIT(GAZ_ORG_HEAD) | GAZ_BIT(GAZ_ORG_SUFFIX))) != 0 ||
	    (hit.cls & (1u << L_COMMON)) != 0;
}

/*
 * The first token of a company's name that ends at head or suffix h of a
 * lower-cased sentence ("skylark regional airways plc", "keio university"),
 * or h when there is none: up to four name words before h, two or more
 * when the first is a known name ("kiel institute" is not sure, "british
 * airline pilots association" is, "chinese companies" is none).  Before a
 * head or suffix that is no English word ("plc", "asa", "dept.", not
 * "limited") the words may be common; before any other the first must be
 * rare.
 */
static size_t
nerlower_org_start(struct ner *n, struct ner_doc *d, const struct ner_sent *S, size_t h)
{
	bool legal = d->t[h].klen >= 2 && !(d->t[h].flags & (NER_STOP | NER_COMMON));
	size_t b = h;

	while (b > S->tb && h - b < 4 && nerlower_name_word(n, d, b - 1))
		b--;
	while (b < h && !legal && (d->t[b].flags & NER_COMMON))
		b++;
	while (b < h && nertok_cue(d, n->gaz, b, GAZ_BIT(GAZ_ORG_HEAD) | GAZ_BIT(GAZ_ORG_SUFFIX), true))
		b++;
	if (h - b < 2 && nertok_cue(d, n->gaz, b, GAZ_ENTITY_MASK, true))
		return h;
	return b;
}

/*
 * Mark the company names of lower-cased sentence si that end in a head or
 * suffix, but for the names the gazetteers or the learnt names have whole.
 */
static void
nerlower_orgs(struct ner *n, struct ner_doc *d, size_t si)
{
	const struct ner_sent *S = &d->s[si];
	uint32_t heads = GAZ_BIT(GAZ_ORG_HEAD) | GAZ_BIT(GAZ_ORG_SUFFIX);
	size_t i, b, e;

	for (i = S->tb + 1; i < S->te; i++) {
		if (d->t[i].m >= 0 || (d->t[i].flags & (NER_CAP | NER_UPPER)) ||
		    !nertok_cue(d, n->gaz, i, heads, true) || (d->t[i].flags & NER_STOP))
			continue;
		b = nerlower_org_start(n, d, S, i);
		if (b == i || nerlower_unsafe(d, b) || (tkey(d, b)[0] >= '0' && tkey(d, b)[0] <= '9') ||
		    nerlower_bare_possessive(n, d, b))
			continue;
		for (e = i + 1; e < S->te && d->t[e].m < 0 && nertok_cue(d, n->gaz, e, heads, true) &&
		    !(d->t[e].flags & NER_STOP); e++)
			;
		if (nertok_longest(d, n->gaz, b, S->te, GAZ_ENTITY_MASK, true).len >= e - b ||
		    nertok_longest(d, &n->learnt, b, S->te, GAZ_ENTITY_MASK, true).len >= e - b)
			continue;
		nertok_emit(d, si, b, e, GAZ_ORG, NULL, 0, HOW_ORG);
		i = e - 1;
	}
}

/*
 * Whether "us" at token i of a lower-cased sentence is the country, not
 * the pronoun, which follows a verb or a preposition: after "the" or
 * "one", at the start before a word, before a job noun or the head of an
 * organisation's name ("us officials", "us treasury"), or in a list after
 * a country ("the uk, us").
 */
static bool
nerlower_us_country(struct ner *n, struct ner_doc *d, const struct ner_sent *S, size_t i)
{
	bool next = i + 1 < S->te && (d->t[i + 1].flags & NER_WORD) &&
	    !(d->t[i + 1].flags & NER_STOP);

	if (i == S->tb)
		return next;
	if (tis(d, i - 1, "the") || tis(d, i - 1, "one"))
		return true;
	if (next && nertok_cue(d, n->gaz, i + 1, GAZ_BIT(GAZ_JOB) | GAZ_BIT(GAZ_ORG_HEAD), true))
		return true;
	return i >= S->tb + 2 && (tis(d, i - 1, ",") || tis(d, i - 1, "and")) && d->t[i - 2].m >= 0 &&
	    d->m[d->t[i - 2].m].type == GAZ_GPE;
}

/* Mark the "us" of lower-cased sentence si that is the United States. */
static void
nerlower_us(struct ner *n, struct ner_doc *d, size_t si)
{
	const struct ner_sent *S = &d->s[si];
	struct nertok_match g;
	size_t i;

	for (i = S->tb; i < S->te; i++) {
		if (!tis(d, i, "us") || d->t[i].m >= 0 || (d->t[i].flags & NER_UPPER) ||
		    !nerlower_us_country(n, d, S, i))
			continue;
		g = nertok_longest(d, n->gaz, i, i + 1, GAZ_BIT(GAZ_GPE), true);
		if (g.e != NULL)
			nertok_emit_entry(d, si, i, i + 1, g.e, HOW_GAZ);
	}
}

/*
 * Mark the rare words after an organisation role noun of lower-cased
 * sentence si ("lithium manufacturer sqm") as an organisation.
 */
static void
nerlower_roles(struct ner *n, struct ner_doc *d, size_t si)
{
	const struct ner_sent *S = &d->s[si];
	size_t i, e;

	for (i = S->tb + 1; i < S->te; i++) {
		if (!nertok_cue(d, n->gaz, i - 1, GAZ_BIT(GAZ_ORG_ROLE), false))
			continue;
		for (e = i; e < S->te && e < i + 3 && nerlower_rare(n, d, e); e++)
			;
		if (e > i)
			nertok_emit(d, si, i, e, GAZ_ORG, NULL, 0, HOW_ORG);
		i = e;
	}
}

/*
 * The end of the given name at i of a lower-cased sentence, with a given
 * name hyphenated to it ("jean-claude").
 */
static size_t
nerlower_given_end(struct ner *n, struct ner_doc *d, const struct ner_sent *S, size_t i)
{
	if (i + 2 < S->te && tis(d, i + 1, "-") && nertok_is_connector(d, i + 1) &&
	    nertok_cue(d, n->gaz, i + 2, GAZ_BIT(GAZ_GIVEN), true))
		return i + 3;
	return i + 1;
}

/*
 * The first word of a surname at k, after particles ("del río"), or 0:
 * a word that is not too common to be a name.
 */
static size_t
nerlower_surname_at(struct ner_doc *d, const struct ner_sent *S, size_t k)
{
	size_t p = nertok_particles_end(d, k, S->te);

	if (p > k && tis(d, k, "-"))
		p = k;
	if (p >= S->te || !(d->t[p].flags & NER_WORD) || nerlower_unsafe(d, p) ||
	    d->t[p].m >= 0)
		return 0;
	return p;
}

/* The end of the surname whose first word is k, with words hyphenated to it. */
static size_t
nerlower_surname_end(struct ner_doc *d, const struct ner_sent *S, size_t k)
{
	k++;
	while (k + 1 < S->te && tis(d, k, "-") && nertok_is_connector(d, k) &&
	    (d->t[k + 1].flags & NER_WORD) && !nerlower_unsafe(d, k + 1) && d->t[k + 1].m < 0)
		k += 2;
	return k;
}

/*
 * The end of a person's name of a given name at i and a surname in a
 * lower-cased sentence ("ximena del río", "aiko lee-makiyama"), or 0: the
 * surname is a known one or no common word, and no other known name.
 */
static size_t
nerlower_given_surname(struct ner *n, struct ner_doc *d, const struct ner_sent *S, size_t i)
{
	size_t k;

	if (nerlower_unsafe(d, i) || !nertok_cue(d, n->gaz, i, GAZ_BIT(GAZ_GIVEN), true))
		return 0;
	k = nerlower_surname_at(d, S, nerlower_given_end(n, d, S, i));
	if (k == 0 || d->t[k].klen < 3 ||
	    nertok_longest(d, n->gaz, k, S->te, GAZ_ENTITY_MASK, true).e != NULL ||
	    !(nertok_cue(d, n->gaz, k, GAZ_BIT(GAZ_SURNAME), true) || !(d->t[k].flags & NER_COMMON)))
		return 0;
	return nerlower_surname_end(d, S, k);
}

void
nerlower_sentence(struct ner *n, struct ner_doc *d, size_t si)
{
	const struct ner_sent *S = &d->s[si];
	size_t i = S->tb;

	nerlower_orgs(n, d, si);
	while (i < S->te) {
		struct nertok_match g, l, t;
		const struct ner_tok *x = &d->t[i];
		size_t p;

		if (!(x->flags & NER_WORD) || x->m >= 0) {
			i++;
			continue;
		}
		t = nertok_longest(d, n->gaz, i, S->te, GAZ_BIT(GAZ_TITLE), true);
		if (t.e != NULL && t.e->ntok >= 1 && i + t.len < S->te &&
		    (d->t[i + t.len].flags & NER_WORD) && !nerlower_unsafe(d, i + t.len) &&
		    nertok_longest(d, n->gaz, i + t.len, S->te, GAZ_ENTITY_MASK, true).e == NULL &&
		    (t.len > 1 || (x->flags & NER_PUNCT) || d->t[i].klen <= 4)) {
			size_t p = nerlower_surname_end(d, S, i + t.len), q;

			if (nertok_cue(d, n->gaz, i + t.len, GAZ_BIT(GAZ_GIVEN), true) &&
			    (q = nerlower_surname_at(d, S, nerlower_given_end(n, d, S, i + t.len))) > 0)
				p = nerlower_surname_end(d, S, q);
			nertok_emit(d, si, i + t.len, p, GAZ_PERSON, NULL, 0, HOW_PERSON);
			i = p;
			continue;
		}
		g = nertok_longest(d, n->gaz, i, S->te, GAZ_ENTITY_MASK, true);
		l = nertok_longest(d, &n->learnt, i, S->te, GAZ_ENTITY_MASK, true);
		if (l.len > g.len)
			g = l;
		if (!nercase_gaz_ok(d, S, i, g))
			g.e = NULL, g.len = 0;
		if (g.e != NULL && (g.len > 1 || !nerlower_unsafe(d, i))) {
			nertok_emit_entry(d, si, i, i + g.len, g.e, g.e == l.e ? HOW_LEARNT : HOW_GAZ);
			i += g.len;
			continue;
		}
		if ((p = nerlower_given_surname(n, d, S, i)) > 0) {
			nertok_emit(d, si, i, p, GAZ_PERSON, NULL, 0, HOW_PERSON);
			i = p;
			continue;
		}
		i++;
	}
	nerlower_us(n, d, si);
	nerlower_roles(n, d, si);
}
