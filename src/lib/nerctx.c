#include "config.h"

#include "ner.h"
#include "nerctx.h"
#include "nerint.h"
#include "nerlex.h"
#include "nertok.h"

/* Verbs and words after which capitalised words are a person. */
static bool
nerctx_person_context(struct ner *n, struct ner_doc *d, const struct ner_pending *p)
{
	const struct ner_sent *S = &d->s[p->sent];
	size_t a = p->te;

	if (a < S->te && tin(d, a, L_PERSON_AFTER))
		return true;
	if (a + 1 < S->te && tis(d, a, ",") && (tis(d, a + 1, "who") ||
	    nertok_cue(d, n->gaz, a + 1, GAZ_BIT(GAZ_JOB), true)))
		return true;
	if (a + 2 < S->te && tis(d, a, ",") && (tis(d, a + 1, "a") || tis(d, a + 1, "the") ||
	    tis(d, a + 1, "an")) && nertok_cue(d, n->gaz, a + 2, GAZ_BIT(GAZ_JOB), true))
		return true;
	return p->tb > S->tb && tin(d, p->tb - 1, L_PERSON_AFTER);
}

/* Whether token i is a person's initials ("R.J.", "K.O."). */
static bool
nerctx_initials(const struct ner_doc *d, size_t i)
{
	const char *s = d->text.p + d->t[i].s;
	size_t n = d->t[i].e - d->t[i].s, k;

	if (n < 2 || n % 2 != 0)
		return false;
	for (k = 0; k < n; k += 2)
		if (s[k] < 'A' || s[k] > 'Z' || s[k + 1] != '.')
			return false;
	return true;
}

static bool
nerctx_plain_words(struct ner_doc *d, size_t tb, size_t te)
{
	size_t i;

	for (i = tb; i < te; i++)
		if (!nerctx_initials(d, i) && (!(d->t[i].flags & NER_CAP) ||
		    (d->t[i].flags & NER_UPPER) || (d->t[i].flags & NER_STOP)))
			return false;
	return true;
}

/* Whether none of the words [tb, te) is a common word but for names. */
static bool
nerctx_rare_words(struct ner *n, struct ner_doc *d, size_t tb, size_t te)
{
	size_t i;

	for (i = tb; i < te; i++)
		if ((d->t[i].flags & NER_COMMON) && !nertok_cue(d, n->gaz, i, GAZ_BIT(GAZ_GIVEN) |
		    GAZ_BIT(GAZ_SURNAME), false))
			return false;
	return true;
}


/*
 * Whether the lower-case particles before pending run p and the run are a
 * person's surname, of the document's lexicon ("de la Cruz" after "Maria
 * de la Cruz") or in a person's context ("von der Heydt said"), marked as
 * such.
 */
static bool
nerctx_particle_name(struct ner *n, struct ner_doc *d, const struct ner_pending *p)
{
	const struct ner_sent *S = &d->s[p->sent];
	const struct nerlex_ent *e;
	size_t b = p->tb, len = 0;

	while (b > S->tb && p->tb - b < 3 && d->t[b - 1].m < 0 && tin(d, b - 1, L_PARTICLES) &&
	    !(d->t[b - 1].flags & NER_CAP))
		b--;
	if (b == p->tb)
		return false;
	e = nerlex_longest(d, b, p->te, &len);
	if (e != NULL && e->type == GAZ_PERSON && len == p->te - b) {
		nertok_emit(d, p->sent, b, p->te, e->type, d->lex->keys.p + e->c, e->cl, HOW_LEX);
		return true;
	}
	if (!nerctx_person_context(n, d, p) || !nerctx_plain_words(d, p->tb, p->te))
		return false;
	nertok_emit(d, p->sent, b, p->te, GAZ_PERSON, NULL, 0, HOW_GUESS);
	return true;
}

/*
 * Whether word i has a capital after a lower-case letter other than in a
 * Mc or Mac prefix ("ChatGPT", "iPhone"; not "McAllen").
 */
static bool
nerctx_camel(const struct ner_doc *d, size_t i)
{
	const char *s = d->text.p + d->t[i].s;
	size_t n = d->t[i].e - d->t[i].s, k;

	for (k = 1; k < n; k++)
		if (s[k] >= 'A' && s[k] <= 'Z' && s[k - 1] >= 'a' && s[k - 1] <= 'z' &&
		    !((k == 2 && s[0] == 'M' && s[1] == 'c') ||
		    (k == 3 && s[0] == 'M' && s[1] == 'a' && s[2] == 'c')))
			return true;
	return false;
}

/* Words before "in" or "of" and a company's name ("a stake in X"). */
static const char *const nerctx_holding[] = { "stake", "stakes", "share", "shares", "invest",
	"invests", "invested", "investing", "investment", "investments", "investor", "investors",
	"interest", "interests", "holding", "holdings", "position", "positions", "bid", "unit",
	"subsidiary", "division", "affiliate", "shareholders", "stockholders", NULL };

/*
 * Whether pending run p names a company by where it stands: after "a stake
 * in", "shares of", "a unit of" and the like.
 */
static bool
nerctx_holding_of(const struct ner_doc *d, const struct ner_pending *p)
{
	const struct ner_sent *S = &d->s[p->sent];

	return p->tb >= S->tb + 2 && (tis(d, p->tb - 1, "in") || tis(d, p->tb - 1, "of")) &&
	    nertok_is_one_of(d, p->tb - 2, nerctx_holding);
}

/*
 * Whether pending run p names where someone works: after a job noun and
 * "at" or "with" ("an analyst at Peel Hunt").
 */
static bool
nerctx_workplace(struct ner *n, struct ner_doc *d, const struct ner_pending *p)
{
	const struct ner_sent *S = &d->s[p->sent];

	return p->tb >= S->tb + 2 && (tis(d, p->tb - 1, "at") || tis(d, p->tb - 1, "with")) &&
	    nertok_cue(d, n->gaz, p->tb - 2, GAZ_BIT(GAZ_JOB), true) &&
	    !nertok_cue(d, n->gaz, p->tb, GAZ_BIT(GAZ_GIVEN), false);
}

/*
 * Whether the words of pending run p stand where a town is named: after
 * "in", "near", "between" and the like, after "north of" or "the edge of",
 * or as the second of "between X and Y"; not before a possessive or a
 * capitalised word, not after "a stake in" and the like, which name
 * companies, and neither a given name alone, nor a word the tagger lists
 * ("in January"), nor a product's camel-case word ("in ChatGPT").
 */
static bool
nerctx_place_context(struct ner *n, struct ner_doc *d, const struct ner_pending *p)
{
	static const char *const at[] = { "in", "near", "outside", "around", "between", "via",
		"nearby", NULL };
	static const char *const side[] = { "north", "south", "east", "west", "northeast",
		"northwest", "southeast", "southwest", "outskirts", "edge", "centre", "center",
		NULL };
	const struct ner_sent *S = &d->s[p->sent];
	size_t b = p->tb, i;

	for (i = p->tb; i < p->te; i++)
		if ((d->t[i].cls & ~(1u << L_COMMON)) != 0 || nerctx_camel(d, i))
			return false;
	if (b == S->tb || (p->te < S->te && ((d->t[p->te].flags & NER_CAP) ||
	    tis(d, p->te, "'s") || tis(d, p->te, "’s"))))
		return false;
	if (p->te - p->tb == 1 && nertok_cue(d, n->gaz, b, GAZ_BIT(GAZ_GIVEN), false) &&
	    !nertok_cue(d, n->gaz, b, GAZ_BIT(GAZ_SURNAME), false))
		return false;
	if (nertok_is_one_of(d, b - 1, at))
		return !nerctx_holding_of(d, p);
	if (tis(d, b - 1, "of") && b - 1 > S->tb && nertok_is_one_of(d, b - 2, side))
		return true;
	return tis(d, b - 1, "and") && b >= S->tb + 3 && tis(d, b - 3, "between");
}

void
nerctx_resolve(struct ner *n, struct ner_doc *d, struct ner_run_ctx *c)
{
	size_t k;

	nerlex_retype(d);
	for (k = 0; k < c->np; k++) {
		const struct ner_pending *p = &c->p[k];
		const struct nerlex_ent *e;
		size_t len = 0, w = p->te - p->tb;
		struct nertok_match l;

		if (d->t[p->tb].m >= 0)
			continue;
		if (nerctx_particle_name(n, d, p))
			continue;
		e = nerlex_longest(d, p->tb, p->te, &len);
		if (e != NULL && len == w) {
			nertok_emit(d, p->sent, p->tb, p->te, e->type, d->lex->keys.p + e->c, e->cl,
			    HOW_LEX);
			continue;
		}
		l = nertok_longest(d, &n->learnt, p->tb, p->te, GAZ_ENTITY_MASK, false);
		if (l.e != NULL && l.len == w) {
			nertok_emit_entry(d, p->sent, p->tb, p->te, l.e, HOW_LEARNT);
			continue;
		}
		if (nerctx_workplace(n, d, p) || nerctx_holding_of(d, p)) {
			nertok_emit(d, p->sent, p->tb, p->te, GAZ_ORG, NULL, 0, HOW_ORG);
			continue;
		}
		if (!nerctx_rare_words(n, d, p->tb, p->te))
			continue;
		if (w <= 3 && nerctx_plain_words(d, p->tb, p->te) && nerctx_place_context(n, d, p)) {
			nertok_emit(d, p->sent, p->tb, p->te, GAZ_GPE, NULL, 0, HOW_PLACE);
			continue;
		}
		if (w >= 2 && w <= 3 && nerctx_plain_words(d, p->tb, p->te) &&
		    (nertok_cue(d, n->gaz, p->te - 1, GAZ_BIT(GAZ_SURNAME), false) ||
		    (w == 2 && nertok_cue(d, n->gaz, p->tb, GAZ_BIT(GAZ_SURNAME), false)) ||
		    nerctx_person_context(n, d, p))) {
			nertok_emit(d, p->sent, p->tb, p->te, GAZ_PERSON, NULL, 0, HOW_GUESS);
			continue;
		}
		if (w == 1 && nerctx_plain_words(d, p->tb, p->te) && nerctx_person_context(n, d, p) &&
		    nertok_cue(d, n->gaz, p->tb, GAZ_BIT(GAZ_SURNAME), false))
			nertok_emit(d, p->sent, p->tb, p->te, GAZ_PERSON, NULL, 0, HOW_GUESS);
	}
}
