#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "ner.h"
#include "nercase.h"
#include "nercredit.h"
#include "nerctx.h"
#include "nerint.h"
#include "nerlex.h"
#include "nerlower.h"
#include "nername.h"
#include "nernum.h"
#include "nertok.h"
#include "strset.h"
#include "tok.h"
#include "utf8.h"

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

/* Token classes from the text. */
static uint32_t
ner_shape(const char *s, size_t n, enum tok_type type)
{
	uint32_t f = 0;
	size_t i = 0, letters = 0, upper = 0;
	bool first = true;

	if (type == TOK_NUMBER)
		return NER_NUM;
	if (type == TOK_PUNCT || type == TOK_SYMBOL)
		f |= NER_PUNCT;
	while (i < n) {
		int32_t cp;
		size_t l = utf8_decode(s + i, n - i, &cp);

		if (cp >= 0 && utf8_is_letter(cp)) {
			bool up = utf8_is_upper(cp);

			letters++;
			upper += up;
			if (first)
				f |= up ? NER_CAP : NER_LOWER;
			first = false;
		}
		i += l;
	}
	if (letters > 0)
		f |= NER_WORD;
	if (letters >= 2 && upper == letters)
		f |= NER_UPPER;
	return f;
}

/*
 * gaz_fold() and ner_shape() in one pass, for an ASCII token: its folded
 * form goes to keys and its flags to *flags.  Returns false, with keys
 * unchanged, for a token with other bytes.
 */
static bool
ner_fold_ascii(struct sbuf *keys, const char *s, size_t n, enum tok_type type,
    uint32_t *flags)
{
	size_t i, letters = 0, upper = 0;
	uint32_t f = 0;
	char *o;

	sbuf_grow(keys, n);
	o = keys->p + keys->len;
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c >= 0x80)
			return false;
		if (c >= 'A' && c <= 'Z') {
			if (letters == 0)
				f |= NER_CAP;
			letters++;
			upper++;
			c += 32;
		} else if (c >= 'a' && c <= 'z') {
			if (letters == 0)
				f |= NER_LOWER;
			letters++;
		}
		o[i] = (char)c;
	}
	keys->len += n;
	keys->p[keys->len] = '\0';
	if (type == TOK_NUMBER) {
		*flags = NER_NUM;
		return true;
	}
	if (type == TOK_PUNCT || type == TOK_SYMBOL)
		f |= NER_PUNCT;
	if (letters > 0)
		f |= NER_WORD;
	if (letters >= 2 && upper == letters)
		f |= NER_UPPER;
	*flags = f;
	return true;
}

/* Token i from its raw form: offsets, folded key and shape. */
static void
ner_make_token(struct ner_doc *d, size_t i)
{
	const struct ner_raw *r = &d->raw[i];
	struct ner_tok *t = &d->t[i];

	t->s = r->s;
	t->e = r->e;
	t->os = r->os;
	t->oe = r->oe;
	t->m = -1;
	t->key = d->keys.len;
	if (!ner_fold_ascii(&d->keys, d->text.p + r->s, r->e - r->s, r->type, &t->flags)) {
		gaz_fold(&d->keys, d->text.p + r->s, r->e - r->s);
		t->flags = ner_shape(d->text.p + r->s, r->e - r->s, r->type);
	}
	t->klen = (uint32_t)(d->keys.len - t->key);
	if (r->space)
		t->flags |= NER_SPACE;
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
		ner_make_token(d, d->nt);
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

/* Learning for later documents. */

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
		if (d->lower) {
			nerlower_sentence(n, d, si);
			continue;
		}
		nercredit_sentence(n, d, si);
		nername_sentence(n, d, &c, si);
	}
	for (si = 0; si < d->ns; si++)
		nerlex_brackets(n, d, &c, si);
	for (k = 0; k < d->nm; k++)
		if (d->m[k].how != HOW_NUMERIC)
			nerlex_define(n, d, k);
	nerctx_resolve(n, d, &c);
	for (k = 0; k < d->nm; k++)
		if (d->m[k].how == HOW_GUESS || d->m[k].how == HOW_ACRONYM || d->m[k].how == HOW_PLACE)
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
