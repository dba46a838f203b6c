#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "ner.h"
#include "nercase.h"
#include "nerint.h"
#include "nerlex.h"
#include "nerlower.h"
#include "nernum.h"
#include "nertok.h"
#include "strset.h"
#include "tok.h"
#include "utf8.h"

/*
 * Tokens in the longest name the rules build from capitalised words, so
 * that a sentence of thousands of names costs time in proportion to its
 * length.  Real names are far shorter: "International Bank for
 * Reconstruction and Development" has 6 tokens.
 */
#define NER_MAXNAME 16

/* Word lists; a token's cls has bit L_NAME set when it is on list NAME. */
static const char *const ner_lower_words[] = {
	"us", "may", "will", "can", "march", "new", "bill", "mark", "rose", "grace", "hope",
	"joy", "faith", "young", "long", "little", "price", "rich", "bush", "best", "well",
	"fine", "said", "says", "chase", "cook", "miller", "smith", "hall", "wood",
	"king", "church", "street", "green", "brown", "white", "black", "gray", "grey",
	"nice", "reading", "bath", "mobile", "split", "orange", "turkey", "chad", "jersey",
	"guinea", NULL
};

static const char *const ner_particles[] = {
	"de", "del", "della", "da", "das", "do", "dos", "van", "von", "der", "den", "la", "le",
	"du", "al", "el", "bin", "ibn", NULL
};

static const char *const ner_connectors[] = {
	"of", "for", "on", "and", "&", "de", "del", "della", "da", "das", "do", "dos", "van",
	"von", "der", "den", "la", "le", "les", "du", "al", "el", "bin", "ibn", "y", NULL
};

static const char *const ner_months[] = {
	"january", "february", "march", "april", "may", "june", "july", "august", "september",
	"october", "november", "december", "jan", "jan.", "feb", "feb.", "mar", "mar.", "apr",
	"apr.", "jun", "jun.", "jul", "jul.", "aug", "aug.", "sep", "sep.", "sept", "sept.",
	"oct", "oct.", "nov", "nov.", "dec", "dec.", NULL
};
static const char *const ner_weekdays[] = {
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon",
	"mon.", "tue", "tue.", "tues", "tues.", "wed", "wed.", "thu", "thu.", "thur", "thurs",
	"thurs.", "fri", "fri.", "sat", "sat.", "sun", "sun.", NULL
};
static const char *const ner_numwords[] = {
	"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
	"twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
	"nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty",
	"ninety", "hundred", "half", "several", "a", "few", "couple", "dozen", NULL
};
static const char *const ner_scales[] = {
	"million", "millions", "mln", "billion", "billions", "bln", "bn", "trillion", "tn",
	"thousand", "m", "k", "b", "mn", NULL
};
static const char *const ner_currencies[] = {
	"dollars", "dollar", "dlrs", "dlr", "pounds", "pound", "sterling", "euros", "euro",
	"yen", "yuan", "renminbi", "rupees", "rupee", "francs", "marks", "cents", "cent", "cts",
	"pence", "p", "roubles", "rubles", "won", "pesos", "crowns", "kronor", "kroner",
	"riyals", "dirhams", "usd", "gbp", "eur", NULL
};
static const char *const ner_curprefix[] = {
	"$", "£", "€", "¥", "us$", "a$", "c$", "hk$", "s$", "nz$", "rs", "usd", "gbp", "eur",
	"rs.", NULL
};
static const char *const ner_units_date[] = {
	"year", "years", "month", "months", "week", "weeks", "day", "days", "decade", "decades",
	"century", "centuries", "quarter", "quarters", "weekend", "weekends", NULL
};
static const char *const ner_units_time[] = {
	"hour", "hours", "minute", "minutes", "seconds", "hrs", "mins", NULL
};
static const char *const ner_relative[] = {
	"last", "next", "this", "past", "coming", "previous", "recent", "same", "current",
	"following", "early", "late", "mid", NULL
};
static const char *const ner_periods[] = {
	"year", "month", "week", "decade", "century", "quarter", "weekend", "summer", "winter",
	"spring", "autumn", "fall", "season", NULL
};
static const char *const ner_dayparts[] = {
	"morning", "afternoon", "evening", "night", "lunchtime", NULL
};
static const char *const ner_zones[] = {
	"gmt", "bst", "utc", "et", "est", "edt", "pt", "pst", "pdt", "cet", "cest", "jst",
	"a.m.", "p.m.", "am", "pm", "a.m", "p.m", NULL
};
static const char *const ner_approx[] = {
	"about", "around", "almost", "nearly", "roughly", "approximately", "some", "over",
	"under", "approx.", "circa", NULL
};

static const char *const ner_person_after[] = {
	"said", "says", "told", "added", "wrote", "explained", "noted", "argued", "warned",
	"stated", "insisted", "admitted", "claimed", NULL
};

static const char *const *const ner_lists[] = {
	ner_lower_words,
	ner_particles,
	ner_connectors,
	ner_months,
	ner_weekdays,
	ner_numwords,
	ner_scales,
	ner_currencies,
	ner_curprefix,
	ner_units_date,
	ner_units_time,
	ner_relative,
	ner_periods,
	ner_dayparts,
	ner_zones,
	ner_approx,
	ner_person_after,
};

void
ner_init(struct ner *n, const struct abbrev *ab, struct gaz *g)
{
	size_t l, k;

	memset(n, 0, sizeof *n);
	n->ab = ab;
	n->gaz = g;
	n->maxlearnt = 32768;
	gaz_init(&n->learnt, ab);
	gaz_init(&n->fresh, ab);
	for (l = 0; l < sizeof ner_lists / sizeof ner_lists[0]; l++)
		for (k = 0; ner_lists[l][k] != NULL; k++)
			gaz_set_class(g, ner_lists[l][k], strlen(ner_lists[l][k]), 1u << l);
}

struct ner_loader {
	struct gaz *g;
	uint32_t bit;
	struct sbuf key;
};

static const char *
ner_load_word(void *arg, char **f, size_t *len, size_t nf)
{
	struct ner_loader *ld = arg;

	if (nf != 1)
		return "more than one field";
	sbuf_reset(&ld->key);
	utf8_normalize(&ld->key, f[0], len[0], true, false);
	gaz_set_class(ld->g, ld->key.p, ld->key.len, ld->bit);
	return NULL;
}

int
ner_load_words(struct ner *n, struct gaz *g, const char *path, bool common)
{
	struct ner_loader ld = { g, 1u << (common ? L_COMMON : L_STOP), SBUF_INIT };
	int r = strset_read_list(path, ner_load_word, &ld, "word list");

	sbuf_free(&ld.key);
	if (r == 0 && common)
		n->common = true;
	return r;
}

void
ner_free(struct ner *n)
{
	gaz_free(&n->learnt);
	gaz_free(&n->fresh);
}

void
ner_doc_reset(struct ner_doc *d)
{
	sbuf_reset(&d->text);
	sbuf_reset(&d->keys);
	sbuf_reset(&d->canon);
	d->nt = d->nraw = d->ns = d->nm = 0;
	d->lower = false;
	d->looked_up = false;
	if (d->lex == NULL) {
		d->lex = xcalloc(1, sizeof *d->lex);
	}
	nerlex_reset(d->lex);
	htab_clear(&d->words);
}

void
ner_doc_free(struct ner_doc *d)
{
	sbuf_free(&d->text);
	sbuf_free(&d->keys);
	sbuf_free(&d->canon);
	sbuf_free(&d->kb);
	free(d->t);
	free(d->raw);
	free(d->h);
	free(d->s);
	free(d->m);
	nerlex_free(d->lex);
	htab_free(&d->words);
	free(d->w);
	tok_list_free(&d->scratch);
	memset(d, 0, sizeof *d);
}

/* Record a token; ner_lookup() makes it a ner_tok. */
static void
ner_push(const struct ner *n, struct ner_doc *d, size_t s, size_t e, size_t os, size_t oe,
    enum tok_type type, bool space)
{
	struct ner_raw *r;

	if (d->nraw == d->capraw) {
		d->capraw = d->capraw ? 2 * d->capraw : 1024;
		d->raw = xrealloc(d->raw, d->capraw * sizeof *d->raw);
	}
	d->gaz = n->gaz;
	r = &d->raw[d->nraw++];
	r->s = s;
	r->e = e;
	r->os = os;
	r->oe = oe;
	r->type = (uint8_t)type;
	r->space = space;
}

static void
ner_open_sentence(struct ner_doc *d)
{
	if (d->ns == d->caps) {
		d->caps = d->caps ? 2 * d->caps : 256;
		d->s = xrealloc(d->s, d->caps * sizeof *d->s);
	}
	d->s[d->ns].tb = d->nraw;
	d->s[d->ns].s = d->text.len;
	d->s[d->ns].caps = false;
}

size_t
ner_add_sentence(const struct ner *n, struct ner_doc *d, const char *s, size_t len,
    size_t base, const struct fold_map *fm)
{
	size_t off, i;

	ner_open_sentence(d);
	if (d->text.len > 0)
		sbuf_addc(&d->text, ' ');
	d->s[d->ns].s = off = d->text.len;
	sbuf_add(&d->text, s, len);
	gaz_tokens(n->ab, s, len, &d->scratch);
	for (i = 0; i < d->scratch.n; i++) {
		const struct tok *t = &d->scratch.v[i];
		size_t os = base + (fm ? fold_offset(fm, t->start) : t->start);
		size_t oe = base + (fm ? fold_offset(fm, t->end) : t->end);

		ner_push(n, d, off + t->start, off + t->end, os, oe, t->type,
		    t->start == 0 || s[t->start - 1] == ' ');
	}
	return ner_end_sentence(d);
}

void
ner_lookup(struct ner_doc *d)
{
	size_t si;

	if (d->looked_up)
		return;
	if (d->nraw > d->capt) {
		d->capt = d->nraw;
		free(d->t);
		d->t = xmalloc(d->capt * sizeof *d->t);
	}
	for (d->nt = 0; d->nt < d->nraw; d->nt++)
		nertok_make_token(d, d->nt);
	for (si = 0; si < d->ns; si++)
		nertok_know_all(d, d->s[si].tb, d->s[si].te);
	d->looked_up = true;
}

void
ner_begin_sentence(struct ner_doc *d)
{
	ner_open_sentence(d);
	if (d->text.len > 0)
		sbuf_addc(&d->text, ' ');
	d->s[d->ns].s = d->text.len;
	d->s[d->ns].tb = d->nraw;
}

/* The type of a token from its bytes: a word, a number or punctuation. */
static enum tok_type
ner_guess_type(const char *s, size_t len)
{
	size_t i;

	if (s[0] >= '0' && s[0] <= '9')
		return TOK_NUMBER;
	for (i = 0; i < len; i++)
		if ((((unsigned char)s[i] | 0x20) >= 'a' && ((unsigned char)s[i] | 0x20) <= 'z') ||
		    (unsigned char)s[i] >= 0x80)
			return TOK_WORD;
	return TOK_PUNCT;
}

size_t
ner_add_token(const struct ner *n, struct ner_doc *d, const char *s, size_t len, size_t os,
    size_t oe, int type, bool space)
{
	size_t first = d->nraw, off, i;

	if (space && d->text.len > d->s[d->ns].s)
		sbuf_addc(&d->text, ' ');
	off = d->text.len;
	sbuf_add(&d->text, s, len);
	d->scratch.n = 0;
	if (len > 0) {
		if (d->scratch.cap == 0) {
			d->scratch.cap = 16;
			d->scratch.v = xmalloc(d->scratch.cap * sizeof *d->scratch.v);
		}
		d->scratch.v[0].start = 0;
		d->scratch.v[0].end = len;
		d->scratch.v[0].type = type >= 0 ? (enum tok_type)type : ner_guess_type(s, len);
		d->scratch.n = 1;
		if (d->scratch.v[0].type == TOK_WORD)
			gaz_hyphens(s, &d->scratch);
	}
	if (d->scratch.n == 0 || oe - os != len) {
		ner_push(n, d, off, off + len, os, oe, len ? (d->scratch.n ? d->scratch.v[0].type :
		    TOK_WORD) : TOK_OTHER, space);
		return first;
	}
	for (i = 0; i < d->scratch.n; i++) {
		const struct tok *t = &d->scratch.v[i];

		ner_push(n, d, off + t->start, off + t->end, os + t->start, os + t->end, t->type,
		    i == 0 ? space : s[t->start - 1] == ' ');
	}
	return first;
}

size_t
ner_end_sentence(struct ner_doc *d)
{
	struct ner_sent *S = &d->s[d->ns];

	S->te = d->nraw;
	S->e = d->text.len;
	return d->ns++;
}

/* The end of the run of name tokens that starts at i. */
static size_t
ner_run_end(struct ner *n, struct ner_doc *d, const struct ner_sent *S, size_t i)
{
	size_t k = i + 1;

	while (k < S->te) {
		if (nercase_namelike(n, d, S, k)) {
			k++;
			continue;
		}
		if (!nertok_is_connector(d, k) || d->t[k].m >= 0)
			break;
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

/* The end of the "of Y" tail of an organisation's name from connector k. */
static size_t
ner_org_tail(struct ner *n, struct ner_doc *d, const struct ner_sent *S, size_t k, size_t e)
{
	size_t m = k + 1;

	if (m < e && tis(d, m, "the"))
		m++;
	while (m < e) {
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
 * The end of an organisation's name that starts at j, or 0: capitalised
 * words up to a head or suffix ("Huawei Technologies Co."), with an "of Y"
 * tail after a head ("Bank of England").
 */
static size_t
ner_org_end(struct ner *n, struct ner_doc *d, const struct ner_sent *S, size_t j, size_t e)
{
	uint32_t heads = GAZ_BIT(GAZ_ORG_SUFFIX) | GAZ_BIT(GAZ_ORG_HEAD);
	bool any = nercase_anycase(d, S), head = false;
	size_t k, last = 0, tail;

	if (e - j > NER_MAXNAME)
		e = j + NER_MAXNAME;

	for (k = j; k < e; k++) {
		if (k > j && nertok_longest(d, n->gaz, k, e, GAZ_BIT(GAZ_TITLE), false).e != NULL &&
		    !nertok_cue(d, n->gaz, k, heads, any))
			break;
		if (nertok_is_connector(d, k)) {
			if (tis(d, k, "-") || tis(d, k, "&"))
				continue;
			if (tis(d, k, "and") && last == 0 && k + 1 < e &&
			    nertok_longest(d, n->gaz, j, k, GAZ_ENTITY_MASK, any).len != k - j &&
			    nertok_longest(d, n->gaz, k + 1, e, GAZ_ENTITY_MASK, any).e == NULL)
				continue;
			if (!(tis(d, k, "of") || tis(d, k, "for") || tis(d, k, "on")) || last != k)
				break;
			if (head && (tail = ner_org_tail(n, d, S, k, e)) > 0)
				last = tail;
			break;
		}
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
ner_person_end(struct ner *n, struct ner_doc *d, const struct ner_sent *S, size_t j, size_t e)
{
	size_t k = j, words = 0;

	while (k < e && words < 4) {
		if (nertok_is_connector(d, k)) {
			if (!tin(d, k, L_PARTICLES) && !tis(d, k, "-"))
				break;
			k++;
			continue;
		}
		if (!nercase_namelike(n, d, S, k))
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

/* Whether the words just before token i are a title or job ("spokesman"). */
static bool
ner_title_before(struct ner *n, struct ner_doc *d, const struct ner_sent *S, size_t i)
{
	size_t b;

	for (b = i; b-- > S->tb && i - b <= 3;) {
		struct nertok_match m = nertok_longest(d, n->gaz, b, i,
		    GAZ_BIT(GAZ_TITLE) | GAZ_BIT(GAZ_JOB), true);

		if (m.e != NULL && b + m.len == i)
			return true;
		if (!(d->t[b].flags & NER_WORD))
			break;
	}
	return false;
}

static void
ner_pend(struct ner_run_ctx *c, size_t si, size_t tb, size_t te)
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
ner_unknown_end(struct ner *n, struct ner_doc *d, const struct ner_sent *S, size_t j, size_t e)
{
	size_t k = j + 1;

	if (e - j > NER_MAXNAME)
		e = j + NER_MAXNAME;

	while (k < e && (!nertok_is_connector(d, k) || tis(d, k, "-")) &&
	    nertok_longest(d, n->gaz, k, e, GAZ_ENTITY_MASK | GAZ_BIT(GAZ_TITLE),
	    nercase_anycase(d, S)).e == NULL)
		k++;
	return k;
}

/* Whether tokens [b, e) are all organisation heads or suffixes. */
static bool
ner_suffixes_only(struct ner *n, struct ner_doc *d, size_t b, size_t e)
{
	for (; b < e; b++)
		if (!nertok_cue(d, n->gaz, b, GAZ_BIT(GAZ_ORG_SUFFIX) | GAZ_BIT(GAZ_ORG_HEAD), true))
			return false;
	return true;
}

/* Tag the run of name tokens [i, e) of sentence si; returns where to go on. */
static size_t
ner_run(struct ner *n, struct ner_doc *d, struct ner_run_ctx *c, size_t si, size_t i, size_t e)
{
	const struct ner_sent *S = &d->s[si];
	bool any = nercase_anycase(d, S), titled = ner_title_before(n, d, S, i);
	size_t j = i, end = e;

	while (j < e) {
		struct nertok_match g, t;
		size_t o, p;

		if (nertok_is_connector(d, j) || d->t[j].m >= 0 || tis(d, j, "the")) {
			j++;
			continue;
		}
		t = nertok_longest(d, n->gaz, j, e, GAZ_BIT(GAZ_TITLE), any);
		o = ner_org_end(n, d, S, j, e);
		if (t.e != NULL && j + t.len < e && !nertok_is_connector(d, j + t.len) &&
		    (o == 0 || o <= j + t.len || ner_person_end(n, d, S, j + t.len, e) < o)) {
			titled = true;
			j += t.len;
			continue;
		}
		g = nertok_longest(d, n->gaz, j, S->te, GAZ_ENTITY_MASK, any);
		if (!nercase_gaz_ok(d, S, j, g))
			g.e = NULL, g.len = 0;
		if (o > 0 && o - j >= g.len) {
			if (g.e != NULL && g.e->type == GAZ_ORG && ner_suffixes_only(n, d, j + g.len, o))
				nertok_emit_entry(d, si, j, o, g.e, HOW_ORG);
			else
				nertok_emit(d, si, j, o, GAZ_ORG, NULL, 0, HOW_ORG);
			j = o;
			titled = false;
			continue;
		}
		if (titled || (g.len <= 1 && j + 1 < e && !nertok_is_connector(d, j + 1) &&
		    nertok_cue(d, n->gaz, j, GAZ_BIT(GAZ_GIVEN), any) &&
		    nertok_longest(d, n->gaz, j + 1, e, GAZ_ENTITY_MASK & ~GAZ_BIT(GAZ_PERSON), any).len <= 1 &&
		    !nertok_cue(d, n->gaz, j + 1, GAZ_BIT(GAZ_ORG_HEAD) | GAZ_BIT(GAZ_ORG_SUFFIX), any))) {
			if (g.e != NULL && g.e->type == GAZ_PERSON) {
				nertok_emit_entry(d, si, j, j + g.len, g.e, HOW_GAZ);
				j += g.len;
			} else {
				p = ner_person_end(n, d, S, j, e);
				nertok_emit(d, si, j, p, GAZ_PERSON, NULL, 0, HOW_PERSON);
				j = p;
			}
			titled = false;
			continue;
		}
		if (g.e != NULL) {
			nertok_emit_entry(d, si, j, j + g.len, g.e, HOW_GAZ);
			if (j + g.len > end)
				end = j + g.len;
			j += g.len;
			continue;
		}
		p = ner_unknown_end(n, d, S, j, e);
		if (p - j >= 2 && nertok_cue(d, n->gaz, p - 1, GAZ_BIT(GAZ_LOC_HEAD), any))
			nertok_emit(d, si, j, p, GAZ_LOC, NULL, 0, HOW_PLACE);
		else if (p - j >= 2 && nertok_cue(d, n->gaz, p - 1, GAZ_BIT(GAZ_GPE_HEAD), any))
			nertok_emit(d, si, j, p, GAZ_GPE, NULL, 0, HOW_PLACE);
		else
			ner_pend(c, si, j, p);
		j = p;
	}
	return end;
}

static void
ner_sentence(struct ner *n, struct ner_doc *d, struct ner_run_ctx *c, size_t si)
{
	const struct ner_sent *S = &d->s[si];
	size_t i = S->tb;

	while (i < S->te) {
		if (!nercase_namelike(n, d, S, i) || nertok_cue(d, n->gaz, i, GAZ_BIT(GAZ_NOT), false)) {
			i++;
			continue;
		}
		i = ner_run(n, d, c, si, i, ner_run_end(n, d, S, i));
	}
}

/* Verbs and words after which capitalised words are a person. */

static bool
ner_person_context(struct ner *n, struct ner_doc *d, const struct ner_pending *p)
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

static bool
ner_plain_words(struct ner_doc *d, size_t tb, size_t te)
{
	size_t i;

	for (i = tb; i < te; i++)
		if (!(d->t[i].flags & NER_CAP) || (d->t[i].flags & NER_UPPER) ||
		    (d->t[i].flags & NER_STOP))
			return false;
	return true;
}

/* Whether none of the words [tb, te) is a common word but for names. */
static bool
ner_rare_words(struct ner *n, struct ner_doc *d, size_t tb, size_t te)
{
	size_t i;

	for (i = tb; i < te; i++)
		if ((d->t[i].flags & NER_COMMON) && !nertok_cue(d, n->gaz, i, GAZ_BIT(GAZ_GIVEN) |
		    GAZ_BIT(GAZ_SURNAME), false))
			return false;
	return true;
}

/* Decide the pending runs from the document's names and their context. */
static void
ner_resolve(struct ner *n, struct ner_doc *d, struct ner_run_ctx *c)
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
		if (!ner_rare_words(n, d, p->tb, p->te))
			continue;
		if (w >= 2 && w <= 3 && ner_plain_words(d, p->tb, p->te) &&
		    (nertok_cue(d, n->gaz, p->te - 1, GAZ_BIT(GAZ_SURNAME), false) ||
		    (w == 2 && nertok_cue(d, n->gaz, p->tb, GAZ_BIT(GAZ_SURNAME), false)) ||
		    ner_person_context(n, d, p))) {
			nertok_emit(d, p->sent, p->tb, p->te, GAZ_PERSON, NULL, 0, HOW_GUESS);
			continue;
		}
		if (w == 1 && ner_plain_words(d, p->tb, p->te) && ner_person_context(n, d, p) &&
		    nertok_cue(d, n->gaz, p->tb, GAZ_BIT(GAZ_SURNAME), false))
			nertok_emit(d, p->sent, p->tb, p->te, GAZ_PERSON, NULL, 0, HOW_GUESS);
	}
}

/* Canonical names of short forms, and learning for later documents. */

static void
ner_learn(struct ner *n, struct ner_doc *d)
{
	size_t k;

	for (k = 0; k < d->nm && n->learnt.nentries + n->fresh.nentries < n->maxlearnt; k++) {
		const struct ner_mention *m = &d->m[k];
		const char *s = d->text.p + d->t[m->tb].s;
		size_t len = d->t[m->te - 1].e - d->t[m->tb].s;

		if (m->how != HOW_ORG && m->how != HOW_PERSON && m->how != HOW_GUESS &&
		    m->how != HOW_ACRONYM && m->how != HOW_PLACE)
			continue;
		if (m->te - m->tb < 2 && (m->type != GAZ_ORG || len < 4))
			continue;
		if (d->s[m->sent].caps || (d->t[m->tb].flags & NER_UPPER))
			continue;
		gaz_add(&n->fresh, s, len, m->type, d->canon.p + m->canon, m->clen, false);
	}
}

static int
ner_cmp(const void *a, const void *b)
{
	const struct ner_mention *x = a, *y = b;

	return x->tb < y->tb ? -1 : x->tb > y->tb;
}

void
ner_tag(struct ner *n, struct ner_doc *d, bool learn)
{
	struct ner_run_ctx c = { NULL, 0, 0 };
	size_t si, k;

	ner_lookup(d);
	nercase_survey(d);
	for (si = 0; si < d->ns; si++)
		nerlex_tickers(d, si);
	for (si = 0; si < d->ns; si++) {
		if (d->lower)
			nerlower_sentence(n, d, si);
		else
			ner_sentence(n, d, &c, si);
	}
	for (si = 0; si < d->ns; si++)
		nerlex_brackets(n, d, &c, si);
	for (k = 0; k < d->nm; k++)
		if (d->m[k].how != HOW_NUMERIC)
			nerlex_define(n, d, k);
	ner_resolve(n, d, &c);
	for (k = 0; k < d->nm; k++)
		if (d->m[k].how == HOW_GUESS || d->m[k].how == HOW_ACRONYM)
			nerlex_define(n, d, k);
	nerlex_rescan(n, d);
	for (si = 0; si < d->ns; si++)
		nernum_sentence(d, si);
	nerlex_canonical(d);
	if (learn && !d->lower)
		ner_learn(n, d);
	if (d->nm > 1)
		qsort(d->m, d->nm, sizeof *d->m, ner_cmp);
	for (k = 0; k < d->nm; k++) {
		size_t i;

		for (i = d->m[k].tb; i < d->m[k].te; i++)
			d->t[i].m = (int32_t)k;
	}
	free(c.p);
}
