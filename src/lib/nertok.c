#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "ner.h"
#include "nerint.h"
#include "nertok.h"

/* Whether the n bytes of a surface token match token i's casing. */
static bool
nertok_case_ok1(const struct ner_doc *d, size_t i, const char *u, size_t n)
{
	const struct ner_tok *t = &d->t[i];
	const char *s = d->text.p + t->s;
	size_t j;
	bool ulower = true;

	if (t->e - t->s == n && memcmp(s, u, n) == 0)
		return true;
	if ((t->flags & NER_UPPER) && n > 0 && !((unsigned char)u[0] >= 'a' && u[0] <= 'z'))
		return true;
	for (j = 0; j < n; j++)
		if ((unsigned char)u[j] >= 'A' && u[j] <= 'Z')
			ulower = false;
	return ulower && (t->flags & NER_CAP);
}

static bool
nertok_case_ok(const struct ner_doc *d, size_t i, const struct gaz_entry *e)
{
	const char *p = e->surface, *end = e->surface + e->slen;

	while (p < end) {
		const char *q = memchr(p, ' ', (size_t)(end - p));

		if (q == NULL)
			q = end;
		if (!nertok_case_ok1(d, i, p, (size_t)(q - p)))
			return false;
		p = q + 1;
		i++;
	}
	return true;
}

/* The document's word for token i (key hashed h), looked up when new. */
static void
nertok_word(struct ner_doc *d, size_t i, uint64_t h)
{
	struct ner_tok *t = &d->t[i];
	struct ner_word *w;
	struct gaz_hit hit;
	bool added;

	t->w = htab_add_hashed(&d->words, d->keys.p + t->key, t->klen, h, &added);
	if (t->w >= d->capw) {
		d->capw = d->capw ? 2 * d->capw : 1024;
		d->w = xrealloc(d->w, d->capw * sizeof *d->w);
	}
	w = &d->w[t->w];
	if (added) {
		memset(w, 0, sizeof *w);
		if ((w->gfound = gaz_get_hashed(d->gaz, d->keys.p + t->key, t->klen, h, &hit))) {
			w->entries = hit.entries;
			w->gany = hit.types;
			w->cls = hit.cls;
			w->prefix = hit.prefix;
		}
	}
}

/* What the gazetteers and word lists say about token i on its own. */
static void
nertok_know(struct ner_doc *d, size_t i, uint64_t h)
{
	struct ner_tok *t = &d->t[i];
	const struct ner_word *w;
	const struct gaz_entry *e;

	nertok_word(d, i, h);
	w = &d->w[t->w];
	t->gcase = 0;
	t->gfound = w->gfound;
	t->gany = w->gany;
	t->cls = w->cls;
	for (e = w->entries; e != NULL; e = e->next)
		if (nertok_case_ok1(d, i, e->surface, e->slen))
			t->gcase |= GAZ_BIT(e->type);
	if ((t->flags & NER_WORD) && (t->cls & (1u << L_STOP)))
		t->flags |= NER_STOP;
	if ((t->flags & NER_WORD) && (t->cls & (1u << L_COMMON)))
		t->flags |= NER_COMMON;
}

void
nertok_know_all(struct ner_doc *d, size_t tb, size_t te)
{
	size_t i;

	if (te - tb > d->caph) {
		d->caph = te - tb;
		d->h = xrealloc(d->h, d->caph * sizeof *d->h);
	}
	for (i = tb; i < te; i++) {
		d->h[i - tb] = htab_hash(tkey(d, i), d->t[i].klen);
		gaz_prefetch(d->gaz, d->h[i - tb]);
	}
	for (i = tb; i < te; i++)
		nertok_know(d, i, d->h[i - tb]);
}

bool
nertok_is_connector(const struct ner_doc *d, size_t i)
{
	const struct ner_tok *t = &d->t[i];

	if (tis(d, i, "-"))
		return !(t->flags & NER_SPACE) && i + 1 < d->nt && !(d->t[i + 1].flags & NER_SPACE);
	return !(t->flags & NER_CAP) && tin(d, i, L_CONNECTORS);
}

bool
nertok_is_one_of(const struct ner_doc *d, size_t i, const char *const *w)
{
	for (; *w != NULL; w++)
		if (tis(d, i, *w))
			return true;
	return false;
}

size_t
nertok_particles_end(const struct ner_doc *d, size_t k, size_t te)
{
	size_t p = k;

	while (p < te && p < k + 3 && d->t[p].m < 0 && (tis(d, p, "-") ?
	    nertok_is_connector(d, p) : tin(d, p, L_PARTICLES)))
		p++;
	return p;
}

size_t
nertok_surname_start(const struct ner_doc *d, size_t tb, size_t last)
{
	size_t b = last;

	while (b >= tb + 2 && tis(d, b - 1, "-") && nertok_is_connector(d, b - 1) &&
	    (d->t[b - 2].flags & NER_WORD))
		b -= 2;
	while (b > tb + 1 && tin(d, b - 1, L_PARTICLES) && !tis(d, b - 1, "-"))
		b--;
	return b;
}

void
nertok_key(struct ner_doc *d, size_t i, size_t len)
{
	size_t k;

	sbuf_reset(&d->kb);
	for (k = i; k < i + len; k++) {
		if (k > i)
			sbuf_addc(&d->kb, ' ');
		sbuf_add(&d->kb, tkey(d, k), d->t[k].klen);
	}
}

struct nertok_match
nertok_longest(struct ner_doc *d, const struct gaz *g, size_t i, size_t te, uint32_t mask,
    bool anycase)
{
	struct nertok_match best = { 0, NULL };
	struct gaz_hit hit;
	size_t len;

	if (g == d->gaz && !d->t[i].gfound)
		return best;

	sbuf_reset(&d->kb);
	for (len = 1; i + len <= te && len <= g->maxtok; len++) {
		const struct gaz_entry *e;

		if (len > 1)
			sbuf_addc(&d->kb, ' ');
		sbuf_add(&d->kb, tkey(d, i + len - 1), d->t[i + len - 1].klen);
		if (len == 1 && g == d->gaz) {
			const struct ner_word *w = &d->w[d->t[i].w];

			hit.types = w->gany;
			hit.prefix = w->prefix;
			hit.entries = w->entries;
		} else if (!gaz_get(g, d->kb.p, d->kb.len, &hit))
			break;
		if (hit.types & mask)
			for (e = hit.entries; e != NULL; e = e->next)
				if ((mask & GAZ_BIT(e->type)) && (anycase || nertok_case_ok(d, i, e))) {
					best.len = len;
					best.e = e;
					break;
				}
		if (!hit.prefix)
			break;
	}
	return best;
}

void
nertok_emit(struct ner_doc *d, size_t si, size_t tb, size_t te, int type, const char *canon,
    size_t clen, int how)
{
	struct ner_mention *m;
	size_t i;

	while (how != HOW_NUMERIC && te - tb > 1 && tis(d, tb, "the"))
		tb++;
	for (i = tb; i < te; i++)
		if (d->t[i].m >= 0)
			return;
	if (d->nm == d->capm) {
		d->capm = d->capm ? 2 * d->capm : 256;
		d->m = xrealloc(d->m, d->capm * sizeof *d->m);
	}
	m = &d->m[d->nm];
	m->sent = si;
	m->tb = tb;
	m->te = te;
	m->ob = d->t[tb].os;
	m->oe = d->t[te - 1].oe;
	m->type = (uint8_t)type;
	m->how = (uint8_t)how;
	m->canon = d->canon.len;
	if (canon != NULL && (uintptr_t)canon >= (uintptr_t)d->canon.p &&
	    (uintptr_t)canon < (uintptr_t)d->canon.p + d->canon.len) {
		size_t off = (size_t)((uintptr_t)canon - (uintptr_t)d->canon.p);

		sbuf_grow(&d->canon, clen);
		sbuf_add(&d->canon, d->canon.p + off, clen);
	} else if (canon != NULL)
		sbuf_add(&d->canon, canon, clen);
	else
		sbuf_add(&d->canon, d->text.p + d->t[tb].s, d->t[te - 1].e - d->t[tb].s);
	m->clen = d->canon.len - m->canon;
	for (i = tb; i < te; i++)
		d->t[i].m = (int32_t)d->nm;
	d->nm++;
}

void
nertok_emit_entry(struct ner_doc *d, size_t si, size_t tb, size_t te, const struct gaz_entry *e,
    int how)
{
	nertok_emit(d, si, tb, te, e->type, e->canon, e->clen, how);
}
