#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "ner.h"
#include "nercase.h"
#include "nerint.h"
#include "nerlex.h"
#include "nerlower.h"
#include "nertok.h"

static uint64_t
nerlex_hash(const char *s, size_t n)
{
	uint64_t h = htab_hash(s, n);

	return h ? h : 1;
}

void
nerlex_reset(struct ner_lex *x)
{
	size_t i;

	for (i = 0; i < x->n; i++)
		x->v[x->used[i]].h = 0;
	x->n = 0;
	x->maxtok = 0;
	sbuf_reset(&x->keys);
}

static void
nerlex_grow(struct ner_lex *x)
{
	struct nerlex_ent *old = x->v;
	size_t i;

	x->cap = x->cap ? 2 * x->cap : 1024;
	x->v = xcalloc(x->cap, sizeof *x->v);
	x->used = xrealloc(x->used, (x->cap / 2 + 1) * sizeof *x->used);
	for (i = 0; i < x->n; i++) {
		const struct nerlex_ent *e = &old[x->used[i]];
		size_t j;

		for (j = e->h & (x->cap - 1); x->v[j].h != 0; j = (j + 1) & (x->cap - 1))
			;
		x->v[j] = *e;
		x->used[i] = (uint32_t)j;
	}
	free(old);
}

static struct nerlex_ent *
nerlex_get(struct ner_lex *x, const char *k, size_t n, bool add)
{
	uint64_t h = nerlex_hash(k, n);
	size_t j;

	if (x->cap == 0) {
		if (!add)
			return NULL;
		nerlex_grow(x);
	}
	for (j = h & (x->cap - 1); x->v[j].h != 0; j = (j + 1) & (x->cap - 1)) {
		struct nerlex_ent *e = &x->v[j];

		if (e->h == h && e->kl == n && memcmp(x->keys.p + e->k, k, n) == 0)
			return e;
	}
	if (!add)
		return NULL;
	if (2 * (x->n + 1) > x->cap) {
		nerlex_grow(x);
		return nerlex_get(x, k, n, add);
	}
	memset(&x->v[j], 0, sizeof x->v[j]);
	x->used[x->n] = (uint32_t)j;
	x->v[j].h = h;
	x->v[j].k = x->keys.len;
	x->v[j].kl = (uint32_t)n;
	x->v[j].type = -1;
	sbuf_add(&x->keys, k, n);
	x->n++;
	return &x->v[j];
}

void
nerlex_free(struct ner_lex *x)
{
	if (x == NULL)
		return;
	free(x->v);
	free(x->used);
	sbuf_free(&x->keys);
	free(x);
}

static void
nerlex_put(struct ner_doc *d, const char *key, size_t klen, size_t ntok, int type,
    const char *canon, size_t clen, int rank)
{
	struct nerlex_ent *e;
	size_t i;

	e = nerlex_get(d->lex, key, klen, true);
	if (e->type >= 0 && e->rank >= rank)
		return;
	e->type = type;
	e->rank = (uint8_t)rank;
	e->c = d->lex->keys.len;
	sbuf_add(&d->lex->keys, canon, clen);
	e->cl = (uint32_t)clen;
	for (i = klen; i-- > 0;)
		if (key[i] == ' ')
			nerlex_get(d->lex, key, i, true)->prefix = true;
	if (ntok > d->lex->maxtok)
		d->lex->maxtok = ntok;
}

/* Count the tokens of mention m that are words or names (not connectors). */
static size_t
nerlex_words(const struct ner_doc *d, const struct ner_mention *m)
{
	size_t i, w = 0;

	for (i = m->tb; i < m->te; i++)
		w += (d->t[i].flags & NER_WORD) && !nertok_is_connector(d, i);
	return w;
}

/*
 * Whether word i, the first of a company's name, can stand for the company
 * on its own: capitalised, three letters or more, on no list of the
 * tagger's and no name or cue but a surname, and either rare or never
 * written in lower case in the document.
 */
static bool
nerlex_first_word_ok(struct ner *n, struct ner_doc *d, size_t i)
{
	const struct ner_tok *t = &d->t[i];
	uint32_t known = GAZ_ENTITY_MASK | GAZ_BIT(GAZ_TITLE) | GAZ_BIT(GAZ_JOB) | GAZ_BIT(GAZ_NOT) |
	    GAZ_BIT(GAZ_ORG_HEAD) | GAZ_BIT(GAZ_ORG_SUFFIX) | GAZ_BIT(GAZ_LOC_HEAD) |
	    GAZ_BIT(GAZ_GPE_HEAD);

	if (!(t->flags & (NER_CAP | NER_UPPER)) || (t->flags & NER_STOP) || t->klen < 3 ||
	    (t->cls & ~(1u << L_COMMON)) != 0 || nertok_cue(d, n->gaz, i, known, true))
		return false;
	if (nertok_cue(d, n->gaz, i, GAZ_BIT(GAZ_GIVEN), true) &&
	    !nertok_cue(d, n->gaz, i, GAZ_BIT(GAZ_SURNAME), true))
		return false;
	return !(t->flags & NER_COMMON) || d->w[t->w].low == 0;
}

void
nerlex_define(struct ner *n, struct ner_doc *d, size_t k)
{
	struct ner_mention *m = &d->m[k];
	const char *canon = d->canon.p + m->canon;
	size_t last = m->te - 1, i;

	bool full = nerlex_words(d, m) >= 2;

	nertok_key(d, m->tb, m->te - m->tb);
	nerlex_put(d, d->kb.p, d->kb.len, m->te - m->tb, m->type, canon, m->clen,
	    full ? NERLEX_RANK_FULL : NERLEX_RANK_SELF);
	if (m->type == GAZ_PERSON && full && (d->t[last].flags & NER_WORD)) {
		size_t b = nertok_surname_start(d, m->tb, last);

		nertok_key(d, last, 1);
		nerlex_put(d, d->kb.p, d->kb.len, 1, GAZ_PERSON, canon, m->clen, NERLEX_RANK_PART);
		if (b < last) {
			nertok_key(d, b, last + 1 - b);
			nerlex_put(d, d->kb.p, d->kb.len, last + 1 - b, GAZ_PERSON, canon, m->clen,
			    NERLEX_RANK_PART);
		}
	}
	if (m->type == GAZ_ORG && m->how == HOW_ORG) {
		for (i = m->tb + 1; i < m->te; i++)
			if (nertok_cue(d, n->gaz, i, GAZ_BIT(GAZ_ORG_SUFFIX) | GAZ_BIT(GAZ_ORG_HEAD), true) ||
			    (nertok_is_connector(d, i) && !tis(d, i, "-")))
				break;
		if (i < m->te && nertok_longest(d, n->gaz, m->tb, i, GAZ_ENTITY_MASK, true).len != i - m->tb &&
		    !(d->t[m->tb].flags & NER_STOP)) {
			nertok_key(d, m->tb, i - m->tb);
			nerlex_put(d, d->kb.p, d->kb.len, i - m->tb, GAZ_ORG, canon, m->clen, NERLEX_RANK_PART);
		}
		if (i < m->te && i - m->tb >= 2 && nerlex_first_word_ok(n, d, m->tb) &&
		    !nertok_cue(d, n->gaz, m->tb + 1, GAZ_BIT(GAZ_GPE_HEAD) | GAZ_BIT(GAZ_LOC_HEAD), true)) {
			nertok_key(d, m->tb, 1);
			nerlex_put(d, d->kb.p, d->kb.len, 1, GAZ_ORG, canon, m->clen, NERLEX_RANK_FIRST);
		}
	}
}

/* The mention ending just before token i, or -1. */
static int32_t
nerlex_mention_before(const struct ner_doc *d, size_t i, size_t tb)
{
	return i > tb ? d->t[i - 1].m : -1;
}

static char
nerlex_lower(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;
}

/*
 * Whether token i of a name must give the acronym a letter: a capitalised
 * word, or in a lower-cased document any word but a connector or "the".
 */
static bool
nerlex_initial_needed(const struct ner_doc *d, size_t i)
{
	const struct ner_tok *t = &d->t[i];

	if (!(t->flags & NER_WORD))
		return false;
	if (d->lower && !(t->flags & NER_CAP))
		return !nertok_is_connector(d, i) && !tis(d, i, "the");
	return (t->flags & NER_CAP) != 0;
}

/*
 * Whether letters [k, alen) of acronym acr are the beginnings of the words
 * of tokens [i, te): each needed word gives its first letter or more, and
 * any other word its first letter or none ("Tokyo Electric Power Co" is
 * TEPCO, "Department of Energy" DOE).
 */
static bool
nerlex_acronym_of(const struct ner_doc *d, size_t i, size_t te, const char *acr, size_t k,
    size_t alen)
{
	const char *w;
	size_t wl, l;

	if (i == te)
		return k == alen;
	if (!nerlex_initial_needed(d, i) && nerlex_acronym_of(d, i + 1, te, acr, k, alen))
		return true;
	if (!(d->t[i].flags & NER_WORD) || k == alen)
		return false;
	w = d->text.p + d->t[i].s;
	wl = d->t[i].e - d->t[i].s;
	for (l = 1; l <= wl && k + l <= alen && nerlex_lower(w[l - 1]) == nerlex_lower(acr[k + l - 1]);
	    l++) {
		if (nerlex_acronym_of(d, i + 1, te, acr, k + l, alen))
			return true;
		if (!nerlex_initial_needed(d, i))
			break;
	}
	return false;
}

bool
nerlex_initials(const struct ner_doc *d, size_t tb, size_t te, size_t a)
{
	size_t alen = d->t[a].e - d->t[a].s;

	return alen >= 2 && alen <= 8 && te - tb <= 12 &&
	    nerlex_acronym_of(d, tb, te, d->text.p + d->t[a].s, 0, alen);
}

void
nerlex_tickers(struct ner_doc *d, size_t si)
{
	const struct ner_sent *S = &d->s[si];
	size_t i, k;

	for (i = S->tb; i + 2 < S->te; i++) {
		if (!tis(d, i, "<"))
			continue;
		for (k = i + 1; k < S->te && k < i + 9 && (d->t[k].flags & NER_WORD); k++)
			;
		if (k < S->te && k > i + 1 && tis(d, k, ">"))
			nertok_emit(d, si, i + 1, k, GAZ_ORG, NULL, 0, HOW_ACRONYM);
	}
}

/*
 * Mark token i of sentence si when it is an acronym in capitals right after
 * an organisation with its initials, or after it and ", or" ("the Qatar
 * News Agency QNA", "the Federal Maritime Commission, or FMC"), and say
 * so.
 */
static bool
nerlex_bare_acronym(struct ner_doc *d, size_t si, size_t i)
{
	size_t b = i >= d->s[si].tb + 2 && tis(d, i - 1, "or") && tis(d, i - 2, ",") ? i - 2 : i;
	int32_t m = nerlex_mention_before(d, b, d->s[si].tb);

	if (m < 0 || d->m[m].type != GAZ_ORG || d->t[i].m >= 0 || !(d->t[i].flags & NER_UPPER) ||
	    !nerlex_initials(d, d->m[m].tb, d->m[m].te, i))
		return false;
	nertok_emit(d, si, i, i + 1, GAZ_ORG, d->canon.p + d->m[m].canon, d->m[m].clen, HOW_ACRONYM);
	return true;
}

/*
 * In a lower-cased document, mark the words before the bracket at token b
 * whose initials are the acronym in it ("civil aviation authority (caa)"),
 * and the acronym, as an organisation; say whether they were.
 */
static bool
nerlex_lower_long_form(struct ner_doc *d, size_t si, size_t b)
{
	const struct ner_sent *S = &d->s[si];
	size_t w, tb, i;

	for (w = 6; w >= 2; w--) {
		if (b < S->tb + w)
			continue;
		tb = b - w;
		for (i = tb; i < b && d->t[i].m < 0; i++)
			;
		if (i < b || !nerlex_initial_needed(d, tb) || (d->t[tb].flags & NER_STOP) ||
		    !nerlex_initials(d, tb, b, b + 1))
			continue;
		nertok_emit(d, si, tb, b, GAZ_ORG, NULL, 0, HOW_ACRONYM);
		nertok_emit(d, si, b + 1, b + 2, GAZ_ORG, d->canon.p + d->m[d->nm - 1].canon,
		    d->m[d->nm - 1].clen, HOW_ACRONYM);
		return true;
	}
	return false;
}

/*
 * Whether the bracket closed at token k follows the place in capitals of a
 * dateline, m, and comes before a dash: "NEW ORLEANS (ANS) —" names the
 * news agency.
 */
static bool
nerlex_dateline(const struct ner_doc *d, const struct ner_sent *S, const struct ner_mention *m,
    size_t k)
{
	return m->type == GAZ_GPE && (d->t[m->tb].flags & NER_UPPER) && k + 1 < S->te &&
	    (tis(d, k + 1, "-") || tis(d, k + 1, "—") || tis(d, k + 1, "–"));
}

void
nerlex_brackets(struct ner *n, struct ner_doc *d, struct ner_run_ctx *c, size_t si)
{
	const struct ner_sent *S = &d->s[si];
	size_t i, k;

	(void)n;
	for (i = S->tb; i < S->te; i++) {
		bool angle = tis(d, i, "<"), paren = tis(d, i, "(");
		int32_t m;

		if (nerlex_bare_acronym(d, si, i) || i + 2 >= S->te)
			continue;
		if (!angle && !paren)
			continue;
		for (k = i + 1; k < S->te && k < i + 9 && (d->t[k].flags & NER_WORD); k++)
			;
		if (k >= S->te || k == i + 1 || !tis(d, k, angle ? ">" : ")"))
			continue;
		if (angle)
			continue;
		if (k != i + 2 || (!(d->t[i + 1].flags & (NER_UPPER | NER_CAP)) && !d->lower) ||
		    d->t[i + 1].m >= 0)
			continue;
		m = nerlex_mention_before(d, i, S->tb);
		if (m >= 0 && nerlex_dateline(d, S, &d->m[m], k)) {
			nertok_emit(d, si, i + 1, k, GAZ_ORG, NULL, 0, HOW_ACRONYM);
			continue;
		}
		if (m >= 0 && (d->m[m].type == GAZ_ORG || nerlex_initials(d, d->m[m].tb, d->m[m].te, i + 1))) {
			nertok_emit(d, si, i + 1, k, d->m[m].type, d->canon.p + d->m[m].canon, d->m[m].clen,
			    HOW_ACRONYM);
			continue;
		}
		if (d->lower && nerlex_lower_long_form(d, si, i))
			continue;
		for (m = 0; (size_t)m < c->np; m++)
			if (c->p[m].sent == si && c->p[m].te == i &&
			    nerlex_initials(d, c->p[m].tb, c->p[m].te, i + 1)) {
				nertok_emit(d, si, c->p[m].tb, c->p[m].te, GAZ_ORG, NULL, 0, HOW_ACRONYM);
				nertok_emit(d, si, i + 1, k, GAZ_ORG, d->canon.p + d->m[d->nm - 1].canon,
				    d->m[d->nm - 1].clen, HOW_ACRONYM);
				break;
			}
	}
}

/* Whether token i follows a preposition of place ("in", "near"). */
static bool
nerlex_after_place_word(const struct ner_doc *d, size_t i)
{
	static const char *const w[] = { "in", "near", "outside", "around", "across", "throughout",
		NULL };

	return i > 0 && nertok_is_one_of(d, i - 1, w);
}

const struct nerlex_ent *
nerlex_longest(struct ner_doc *d, size_t i, size_t te, size_t *len)
{
	const struct nerlex_ent *best = NULL;
	size_t l;

	sbuf_reset(&d->kb);
	for (l = 1; i + l <= te && l <= d->lex->maxtok; l++) {
		const struct nerlex_ent *e;

		if (d->t[i + l - 1].m >= 0)
			break;
		if (l > 1)
			sbuf_addc(&d->kb, ' ');
		sbuf_add(&d->kb, tkey(d, i + l - 1), d->t[i + l - 1].klen);
		e = nerlex_get(d->lex, d->kb.p, d->kb.len, false);
		if (e == NULL)
			break;
		if (e->type >= 0 && (e->rank != NERLEX_RANK_FIRST || !nerlex_after_place_word(d, i))) {
			best = e;
			*len = l;
		}
		if (!e->prefix)
			break;
	}
	return best;
}

void
nerlex_retype(struct ner_doc *d)
{
	size_t k;

	for (k = 0; k < d->nm; k++) {
		struct ner_mention *m = &d->m[k];
		const struct nerlex_ent *e;

		if (m->how != HOW_GAZ || m->te - m->tb != 1 || m->type == GAZ_PERSON)
			continue;
		e = nerlex_get(d->lex, tkey(d, m->tb), d->t[m->tb].klen, false);
		if (e == NULL || e->type != GAZ_PERSON || e->rank < NERLEX_RANK_PART)
			continue;
		m->type = GAZ_PERSON;
		m->how = HOW_LEX;
		m->canon = d->canon.len;
		sbuf_add(&d->canon, d->lex->keys.p + e->c, e->cl);
		m->clen = e->cl;
	}
}

void
nerlex_rescan(struct ner *n, struct ner_doc *d)
{
	size_t si, i;

	for (si = 0; si < d->ns; si++) {
		const struct ner_sent *S = &d->s[si];

		for (i = S->tb; i < S->te; i++) {
			const struct ner_tok *t = &d->t[i];
			const struct nerlex_ent *e;
			size_t len = 0;

			if (t->m >= 0 || !(t->flags & NER_WORD))
				continue;
			if (!(t->flags & (NER_CAP | NER_UPPER)) && !nercase_anycase(d, S) &&
			    !tin(d, i, L_PARTICLES))
				continue;
			if (d->lower && !(t->flags & (NER_CAP | NER_UPPER)) && nerlower_unsafe(d, i))
				continue;
			e = nerlex_longest(d, i, S->te, &len);
			if (e == NULL || (!(t->flags & (NER_CAP | NER_UPPER)) && !nercase_anycase(d, S) &&
			    (len < 2 || e->type != GAZ_PERSON)))
				continue;
			if (len == 1 && (t->flags & NER_INITIAL) && (t->flags & NER_STOP))
				continue;
			if (len == 1 && !(t->flags & (NER_CAP | NER_UPPER)) &&
			    nertok_cue(d, n->gaz, i, GAZ_BIT(GAZ_NOT), true))
				continue;
			nertok_emit(d, si, i, i + len, e->type, d->lex->keys.p + e->c, e->cl, HOW_LEX);
			i += len - 1;
		}
	}
}

void
nerlex_canonical(struct ner_doc *d)
{
	size_t k;

	for (k = 0; k < d->nm; k++) {
		struct ner_mention *m = &d->m[k];
		const struct nerlex_ent *e;

		if (m->how == HOW_NUMERIC || m->how == HOW_LEX)
			continue;
		nertok_key(d, m->tb, m->te - m->tb);
		e = nerlex_get(d->lex, d->kb.p, d->kb.len, false);
		if (e == NULL || e->type != m->type || e->cl == 0)
			continue;
		m->canon = d->canon.len;
		sbuf_add(&d->canon, d->lex->keys.p + e->c, e->cl);
		m->clen = e->cl;
	}
}
