#include "config.h"

#include <stdlib.h>

#include "ner.h"
#include "nercase.h"
#include "nerint.h"
#include "nerlex.h"
#include "nername.h"
#include "nernum.h"
#include "nertok.h"

/*
 * Tokens in the longest name the rules build from capitalised words, so
 * that a sentence of thousands of names costs time in proportion to its
 * length.  Real names are far shorter: "International Bank for
 * Reconstruction and Development" has 6 tokens.
 */
#define NERNAME_MAXNAME 16

/*
 * Whether word k, after a hyphen inside a name, is part of that name even
 * in lower case ("Jong-soo", "Velasco-ruiz"): a word on no list of common
 * words ("Tory-led" is no name).
 */
static bool
nername_hyphened(const struct ner_doc *d, size_t k)
{
	const struct ner_tok *t = &d->t[k];

	return (t->flags & NER_WORD) && !(t->flags & (NER_COMMON | NER_STOP)) && t->m < 0 &&
	    t->cls == 0;
}

/* The end of the run of name tokens that starts at i. */
static size_t
nername_run_end(struct ner *n, struct ner_doc *d, const struct ner_sent *S, size_t i)
{
	size_t k = i + 1, p;

	while (k < S->te) {
		if (nercase_namelike(n, d, S, k)) {
			k++;
			continue;
		}
		if (!nertok_is_connector(d, k) || d->t[k].m >= 0)
			break;
		p = nertok_particles_end(d, k, S->te);
		if (p > k + 1 && p < S->te && nercase_namelike(n, d, S, p)) {
			k = p + 1;
			continue;
		}
		if (p == k + 1 && tis(d, k, "-") && p < S->te && nername_hyphened(d, p)) {
			k = p + 1;
			continue;
		}
		if (k + 1 < S->te && nercase_namelike(n, d, S, k + 1)) {
			k++;
			continue;
		}
		if (k + 2 < S->te && tis(d, k + 1, "the") && !tis(d, k, "-") &&
		    nercase_namelike(n, d, S, k + 2)) {
			k += 2;
			continue;
		}
		break;
	}
	while (k > i + 1 && nertok_is_connector(d, k - 1))
		k--;
	return k;
}

/*
 * The end of the "of Y" tail of an organisation's name from connector k,
 * before any title ("Bank of Japan Governor Satoshi Sumita").
 */
static size_t
nername_org_tail(struct ner *n, struct ner_doc *d, const struct ner_sent *S, size_t k, size_t e)
{
	size_t m = k + 1;

	if (m < e && tis(d, m, "the"))
		m++;
	while (m < e) {
		if (nertok_longest(d, n->gaz, m, e, GAZ_BIT(GAZ_TITLE), false).e != NULL)
			break;
		if (nercase_namelike(n, d, S, m) && !nernum_is_calendar(d, m)) {
			m++;
			continue;
		}
		if (!nertok_is_connector(d, m) || tis(d, m, "of") || tis(d, m, "on") ||
		    tis(d, m, "for") || m + 1 >= e || !nercase_namelike(n, d, S, m + 1))
			break;
		if ((tis(d, m, "and") || tis(d, m, "&")) &&
		    nertok_longest(d, n->gaz, m + 1, e, GAZ_ENTITY_MASK, nercase_anycase(d, S)).e != NULL)
			break;
		m++;
	}
	while (m > k + 1 && nertok_is_connector(d, m - 1))
		m--;
	return m > k + 1 && nercase_namelike(n, d, S, m - 1) ? m : 0;
}

/*
 * Whether capitalised words from k to the end of the run e reach an
 * organisation's head or suffix ("Marine" in "Dominion Marine
 * Association" is no title).
 */
static bool
nername_head_follows(struct ner *n, struct ner_doc *d, const struct ner_sent *S, size_t k,
    size_t e)
{
	for (; k < e && nercase_namelike(n, d, S, k); k++)
		if (nertok_cue(d, n->gaz, k, GAZ_BIT(GAZ_ORG_SUFFIX) | GAZ_BIT(GAZ_ORG_HEAD),
		    nercase_anycase(d, S)))
			return true;
	return false;
}

/*
 * The end of an organisation's name that starts at j, or 0: capitalised
 * words up to a head or suffix ("Huawei Technologies Co."), with an "of Y"
 * tail after a head ("Bank of England").
 */
static size_t
nername_org_end(struct ner *n, struct ner_doc *d, const struct ner_sent *S, size_t j, size_t e)
{
	uint32_t heads = GAZ_BIT(GAZ_ORG_SUFFIX) | GAZ_BIT(GAZ_ORG_HEAD);
	bool any = nercase_anycase(d, S), head = false;
	size_t k, last = 0, tail;
	struct nertok_match tl;

	if (e - j > NERNAME_MAXNAME)
		e = j + NERNAME_MAXNAME;

	for (k = j; k < e; k++) {
		if (k > j && (tl = nertok_longest(d, n->gaz, k, e, GAZ_BIT(GAZ_TITLE), false)).e != NULL &&
		    !nertok_cue(d, n->gaz, k, heads, any) && !nername_head_follows(n, d, S, k + tl.len, e))
			break;
		if (nertok_is_connector(d, k)) {
			if (tis(d, k, "-") || tis(d, k, "&"))
				continue;
			if (tis(d, k, "and") && last == 0 && k + 1 < e && !tis(d, k + 1, "the") &&
			    !(j > S->tb && tis(d, j - 1, "between")) &&
			    nertok_longest(d, n->gaz, j, k, GAZ_ENTITY_MASK, any).len != k - j &&
			    nertok_longest(d, n->gaz, k + 1, e, GAZ_ENTITY_MASK, any).e == NULL)
				continue;
			if (!(tis(d, k, "of") || tis(d, k, "for") || tis(d, k, "on")) || last != k)
				break;
			if (head && (tail = nername_org_tail(n, d, S, k, e)) > 0)
				last = tail;
			break;
		}
		if (k > j + 1 && (d->t[k].flags & NER_UPPER) && nerlex_initials(d, j, k, k))
			break;
		if (k > j && nertok_cue(d, n->gaz, k, heads, any)) {
			last = k + 1;
			head = nertok_cue(d, n->gaz, k, GAZ_BIT(GAZ_ORG_HEAD), any);
		} else if (last == k && k > j && nertok_cue(d, n->gaz, k - 1,
		    GAZ_BIT(GAZ_ORG_SUFFIX), any) && !nertok_cue(d, n->gaz, k - 1,
		    GAZ_BIT(GAZ_ORG_HEAD), any)) {
			break;
		} else if (k == j && nertok_cue(d, n->gaz, k, GAZ_BIT(GAZ_ORG_HEAD), any) && k + 1 < e &&
		    nertok_is_connector(d, k + 1)) {
			last = k + 1;
			head = true;
		}
	}
	return last >= j + 2 ? last : 0;
}

/* The end of a person's name that starts at j (at most 4 name tokens). */
static size_t
nername_person_end(struct ner *n, struct ner_doc *d, const struct ner_sent *S, size_t j, size_t e)
{
	size_t k = j, words = 0;

	while (k < e && words < 4) {
		if (nertok_is_connector(d, k)) {
			if (!tin(d, k, L_PARTICLES) && !tis(d, k, "-"))
				break;
			k++;
			continue;
		}
		if (!nercase_namelike(n, d, S, k) && !(k > j && tis(d, k - 1, "-") &&
		    nername_hyphened(d, k)))
			break;
		if (k > j && nertok_longest(d, n->gaz, k, e, GAZ_BIT(GAZ_TITLE) | GAZ_BIT(GAZ_ORG) |
		    GAZ_BIT(GAZ_GPE), false).len > 1)
			break;
		words++;
		k++;
	}
	while (k > j + 1 && nertok_is_connector(d, k - 1))
		k--;
	return k;
}

/*
 * What the words before a name say of it: nothing, a job noun, a title,
 * or what an organisation is ("the carmaker").
 */
enum { NERNAME_UNTITLED, NERNAME_JOB, NERNAME_TITLE, NERNAME_ROLE };

/*
 * Whether the words just before token i are a title ("Senator") or a job
 * noun ("spokesman"): NERNAME_*.  A job noun makes a person only of a name
 * that is no other entity or is a given name ("producer Ecuador" is a
 * country, "husband Gary" a person).
 */
static int
nername_title_before(struct ner *n, struct ner_doc *d, const struct ner_sent *S, size_t i)
{
	size_t b;

	if (i > S->tb && !(d->t[i - 1].flags & (NER_CAP | NER_UPPER)) &&
	    nertok_cue(d, n->gaz, i - 1, GAZ_BIT(GAZ_ORG_ROLE), false))
		return NERNAME_ROLE;
	for (b = i; b-- > S->tb && i - b <= 3;) {
		struct nertok_match m = nertok_longest(d, n->gaz, b, i,
		    GAZ_BIT(GAZ_TITLE) | GAZ_BIT(GAZ_JOB), true);

		if (m.e != NULL && b + m.len == i)
			return m.e->type == GAZ_TITLE ? NERNAME_TITLE : NERNAME_JOB;
		if (!(d->t[b].flags & NER_WORD))
			break;
	}
	return NERNAME_UNTITLED;
}

/*
 * Whether a job noun before word j of the run [j, e), with gazetteer
 * match g, makes a person of the name there: not of a name the gazetteers
 * know as another entity ("producer Ecuador"), nor of an acronym in
 * capitals ("maker ATR"), nor of common words ("developer Crescent Tide"),
 * unless it begins with a given name ("husband Gary").
 */
static bool
nername_job_names(struct ner *n, struct ner_doc *d, const struct ner_sent *S, size_t j,
    size_t e, struct nertok_match g)
{
	size_t k;

	if (nertok_cue(d, n->gaz, j, GAZ_BIT(GAZ_GIVEN), nercase_anycase(d, S)))
		return true;
	if ((g.e != NULL && g.e->type != GAZ_PERSON) || (d->t[j].flags & NER_UPPER))
		return false;
	for (k = j; k < e && nercase_namelike(n, d, S, k); k++)
		if (!(d->t[k].flags & NER_COMMON))
			return true;
	return false;
}

/*
 * The end of a place's name made of a prefix at j and the next word of
 * the run [j, e) ("Port Augusta", "Ras Tanura"), or 0.
 */
static size_t
nername_prefixed_place(struct ner *n, struct ner_doc *d, const struct ner_sent *S, size_t j,
    size_t e)
{
	bool any = nercase_anycase(d, S);

	if (j + 1 >= e || !nertok_cue(d, n->gaz, j, GAZ_BIT(GAZ_LOC_PREFIX) | GAZ_BIT(GAZ_GPE_PREFIX),
	    false) || nertok_is_connector(d, j + 1) || !nercase_namelike(n, d, S, j + 1))
		return 0;
	if (nertok_cue(d, n->gaz, j + 1, GAZ_BIT(GAZ_ORG_HEAD) | GAZ_BIT(GAZ_ORG_SUFFIX) |
	    GAZ_BIT(GAZ_TITLE), any) || nertok_longest(d, n->gaz, j + 1, e, GAZ_ENTITY_MASK, any).len > 1)
		return 0;
	return j + 2;
}

static void
nername_pend(struct ner_run_ctx *c, size_t si, size_t tb, size_t te)
{
	if (c->np == c->capp) {
		c->capp = c->capp ? 2 * c->capp : 64;
		c->p = xrealloc(c->p, c->capp * sizeof *c->p);
	}
	c->p[c->np].sent = si;
	c->p[c->np].tb = tb;
	c->p[c->np].te = te;
	c->np++;
}

/* The end of unknown name words from j: up to a title, a known name or a connector. */
static size_t
nername_unknown_end(struct ner *n, struct ner_doc *d, const struct ner_sent *S, size_t j, size_t e)
{
	size_t k = j + 1;

	if (e - j > NERNAME_MAXNAME)
		e = j + NERNAME_MAXNAME;

	while (k < e && (!nertok_is_connector(d, k) || tis(d, k, "-")) &&
	    nertok_longest(d, n->gaz, k, e, GAZ_ENTITY_MASK | GAZ_BIT(GAZ_TITLE),
	    nercase_anycase(d, S)).e == NULL)
		k++;
	return k;
}

/* Whether tokens [b, e) are all organisation heads or suffixes. */
static bool
nername_suffixes_only(struct ner *n, struct ner_doc *d, size_t b, size_t e)
{
	for (; b < e; b++)
		if (!nertok_cue(d, n->gaz, b, GAZ_BIT(GAZ_ORG_SUFFIX) | GAZ_BIT(GAZ_ORG_HEAD), true))
			return false;
	return true;
}

/*
 * Whether word j, with gazetteer match g, is a given name that starts a
 * person's name, alone or joined by a hyphen to another ("Jean-Marc"),
 * before the next word of the run [j, e) or particles and a word ("Carlos
 * de la Fuente"), which is no head
 * of a name but a surname ("Hope Creek" is a place, "Kevin Marsh" a
 * person): a name that is also a place's
 * ("David", "Helena") only before a known surname.
 */
static bool
nername_given_first(struct ner *n, struct ner_doc *d, const struct ner_sent *S, size_t j,
    size_t e, struct nertok_match g)
{
	bool any = nercase_anycase(d, S);
	size_t f = j + 1;

	size_t p = nertok_particles_end(d, f, e);

	if (f + 2 < e && tis(d, f, "-") && nertok_is_connector(d, f) &&
	    nertok_cue(d, n->gaz, f + 1, GAZ_BIT(GAZ_GIVEN), any))
		f += 2;
	else if (p > f && p < e && !tis(d, f, "-") && nercase_namelike(n, d, S, p))
		f = p;
	if (g.len > 1 || f >= e || nertok_is_connector(d, f) ||
	    !nertok_cue(d, n->gaz, j, GAZ_BIT(GAZ_GIVEN), any))
		return false;
	if (nertok_longest(d, n->gaz, f, e, GAZ_ENTITY_MASK & ~GAZ_BIT(GAZ_PERSON), any).len > 1 ||
	    nertok_cue(d, n->gaz, f, GAZ_BIT(GAZ_ORG_HEAD) | GAZ_BIT(GAZ_ORG_SUFFIX), any))
		return false;
	if (nertok_cue(d, n->gaz, f, GAZ_BIT(GAZ_LOC_HEAD) | GAZ_BIT(GAZ_GPE_HEAD), any) &&
	    !nertok_cue(d, n->gaz, f, GAZ_BIT(GAZ_SURNAME), any))
		return false;
	return g.e == NULL || (g.e->type != GAZ_GPE && g.e->type != GAZ_LOC) ||
	    nertok_cue(d, n->gaz, f, GAZ_BIT(GAZ_SURNAME), any);
}

/*
 * The first token of a firm named after its partners whose name [j, o)
 * the rules found as "Y and Co": j - 2 when "X, " comes before it
 * ("Morgan, Hale and Co"), else j.
 */
static size_t
nername_partner_before(struct ner *n, struct ner_doc *d, const struct ner_sent *S, size_t j,
    size_t o)
{
	const struct ner_tok *x;

	if (j < S->tb + 2 || o < j + 3 || !tis(d, j - 1, ",") || !(tis(d, j + 1, "and") ||
	    tis(d, j + 1, "&")) || !nertok_cue(d, n->gaz, j + 2, GAZ_BIT(GAZ_ORG_SUFFIX), false))
		return j;
	x = &d->t[j - 2];
	if (x->m >= 0 || !(x->flags & NER_CAP) || (x->flags & NER_STOP) ||
	    !nercase_namelike(n, d, S, j - 2) ||
	    (j - 2 > S->tb && (d->t[j - 3].flags & NER_CAP)))
		return j;
	return j - 2;
}

/* Whether ", Y and Co" follows token p - 1, so that a firm's name goes on. */
static bool
nername_partner_follows(struct ner *n, struct ner_doc *d, const struct ner_sent *S, size_t p)
{
	return p + 3 < S->te && tis(d, p, ",") && nercase_namelike(n, d, S, p + 1) &&
	    (tis(d, p + 2, "and") || tis(d, p + 2, "&")) &&
	    nertok_cue(d, n->gaz, p + 3, GAZ_BIT(GAZ_ORG_SUFFIX), false);
}

/*
 * The first token after the capitalised compass words at j ("North",
 * "North East", "Western") when a place or nationality the gazetteers know
 * follows in the run [j, e) and no name they know begins at j (g) as long:
 * "North Staffordshire" is a region and "West German" a nationality, but
 * "North Sea" is a name of its own.  0 when there is none.
 */
static size_t
nername_direction_of(struct ner *n, struct ner_doc *d, const struct ner_sent *S, size_t j,
    size_t e, struct nertok_match g)
{
	static const char *const dir[] = { "north", "south", "east", "west", "northern",
		"southern", "eastern", "western", "central", NULL };
	size_t q = j;

	while (q < e && q < j + 2 && (d->t[q].flags & NER_CAP) && nertok_is_one_of(d, q, dir))
		q++;
	if (q == j || q >= e || (g.e != NULL && g.len > q - j))
		return 0;
	return nertok_longest(d, n->gaz, q, e, GAZ_BIT(GAZ_GPE) | GAZ_BIT(GAZ_LOC) | GAZ_BIT(GAZ_NORP),
	    nercase_anycase(d, S)).e != NULL ? q : 0;
}

/* Tag the run of name tokens [i, e) of sentence si; returns where to go on. */
static size_t
nername_run(struct ner *n, struct ner_doc *d, struct ner_run_ctx *c, size_t si, size_t i, size_t e)
{
	const struct ner_sent *S = &d->s[si];
	bool any = nercase_anycase(d, S);
	int titled = nername_title_before(n, d, S, i);
	size_t j = i, end = e;

	while (j < e) {
		struct nertok_match g, t;
		size_t o, p;

		if (nertok_is_connector(d, j) || d->t[j].m >= 0 || tis(d, j, "the")) {
			j++;
			continue;
		}
		t = nertok_longest(d, n->gaz, j, e, GAZ_BIT(GAZ_TITLE), any);
		o = nername_org_end(n, d, S, j, e);
		if (t.e != NULL && j + t.len < e && !nertok_is_connector(d, j + t.len) &&
		    (o == 0 || o <= j + t.len || nername_person_end(n, d, S, j + t.len, e) < o)) {
			titled = NERNAME_TITLE;
			j += t.len;
			continue;
		}
		g = nertok_longest(d, n->gaz, j, S->te, GAZ_ENTITY_MASK, any);
		if (!nercase_gaz_ok(d, S, j, g))
			g.e = NULL, g.len = 0;
		if (g.len <= 1 && tin(d, j, L_PARTICLES) && j + 1 < e &&
		    (p = nername_person_end(n, d, S, j, e)) > j + 1) {
			nername_pend(c, si, j, p);
			j = p;
			continue;
		}
		if (o > 0 && o - j >= g.len && !(g.e != NULL && o - j == g.len &&
		    (g.e->type == GAZ_GPE || g.e->type == GAZ_LOC))) {
			if (g.e != NULL && g.e->type == GAZ_ORG && nername_suffixes_only(n, d, j + g.len, o))
				nertok_emit_entry(d, si, j, o, g.e, HOW_ORG);
			else
				nertok_emit(d, si, nername_partner_before(n, d, S, j, o), o, GAZ_ORG, NULL, 0,
				    HOW_ORG);
			j = o;
			titled = NERNAME_UNTITLED;
			continue;
		}
		if (g.e == NULL && (p = nername_prefixed_place(n, d, S, j, e)) > 0) {
			nertok_emit(d, si, j, p, nertok_cue(d, n->gaz, j, GAZ_BIT(GAZ_GPE_PREFIX), false) ?
			    GAZ_GPE : GAZ_LOC, NULL, 0, HOW_PLACE);
			j = p;
			titled = NERNAME_UNTITLED;
			continue;
		}
		if (titled == NERNAME_ROLE && g.e == NULL && !nername_given_first(n, d, S, j, e, g) &&
		    !nername_partner_follows(n, d, S, p = nername_unknown_end(n, d, S, j, e))) {
			nertok_emit(d, si, j, p, GAZ_ORG, NULL, 0, HOW_ORG);
			j = p;
			titled = NERNAME_UNTITLED;
			continue;
		}
		if (titled == NERNAME_ROLE || (titled == NERNAME_JOB && !nername_job_names(n, d, S, j, e,
		    g)))
			titled = NERNAME_UNTITLED;
		if (titled || nername_given_first(n, d, S, j, e, g)) {
			if (g.e != NULL && g.e->type == GAZ_PERSON) {
				nertok_emit_entry(d, si, j, j + g.len, g.e, HOW_GAZ);
				j += g.len;
			} else {
				p = nername_person_end(n, d, S, j, e);
				nertok_emit(d, si, j, p, GAZ_PERSON, NULL, 0, HOW_PERSON);
				j = p;
			}
			titled = NERNAME_UNTITLED;
			continue;
		}
		if ((p = nername_direction_of(n, d, S, j, e, g)) > 0) {
			struct nertok_match h = nertok_longest(d, n->gaz, p, e, GAZ_BIT(GAZ_GPE) |
			    GAZ_BIT(GAZ_LOC) | GAZ_BIT(GAZ_NORP), any);

			nertok_emit(d, si, j, p + h.len, h.e->type == GAZ_NORP ? GAZ_NORP : GAZ_LOC, NULL, 0,
			    HOW_PLACE);
			j = p + h.len;
			titled = NERNAME_UNTITLED;
			continue;
		}
		if (g.e != NULL && (g.e->type == GAZ_GPE || g.e->type == GAZ_LOC) && j + g.len < e &&
		    nertok_cue(d, n->gaz, j + g.len, GAZ_BIT(GAZ_LOC_HEAD), false)) {
			nertok_emit(d, si, j, j + g.len + 1, GAZ_LOC, NULL, 0, HOW_PLACE);
			j += g.len + 1;
			titled = NERNAME_UNTITLED;
			continue;
		}
		if (g.e != NULL) {
			nertok_emit_entry(d, si, j, j + g.len, g.e, HOW_GAZ);
			if (j + g.len > end)
				end = j + g.len;
			j += g.len;
			continue;
		}
		p = nername_unknown_end(n, d, S, j, e);
		if (p - j >= 2 && nertok_cue(d, n->gaz, p - 1, GAZ_BIT(GAZ_LOC_HEAD), any))
			nertok_emit(d, si, j, p, GAZ_LOC, NULL, 0, HOW_PLACE);
		else if (p - j >= 2 && nertok_cue(d, n->gaz, p - 1, GAZ_BIT(GAZ_GPE_HEAD), any))
			nertok_emit(d, si, j, p, GAZ_GPE, NULL, 0, HOW_PLACE);
		else
			nername_pend(c, si, j, p);
		j = p;
	}
	return end;
}

void
nername_sentence(struct ner *n, struct ner_doc *d, struct ner_run_ctx *c, size_t si)
{
	const struct ner_sent *S = &d->s[si];
	size_t i = S->tb;

	while (i < S->te) {
		if (!nercase_namelike(n, d, S, i) || nertok_cue(d, n->gaz, i, GAZ_BIT(GAZ_NOT), false)) {
			i++;
			continue;
		}
		i = nername_run(n, d, c, si, i, nername_run_end(n, d, S, i));
	}
}
