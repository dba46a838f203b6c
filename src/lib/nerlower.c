#include "config.h"

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

void
nerlower_sentence(struct ner *n, struct ner_doc *d, size_t si)
{
	const struct ner_sent *S = &d->s[si];
	size_t i = S->tb;

	while (i < S->te) {
		struct nertok_match g, l, t;
		const struct ner_tok *x = &d->t[i];

		if (!(x->flags & NER_WORD) || x->m >= 0) {
			i++;
			continue;
		}
		t = nertok_longest(d, n->gaz, i, S->te, GAZ_BIT(GAZ_TITLE), true);
		if (t.e != NULL && t.e->ntok >= 1 && i + t.len < S->te &&
		    (d->t[i + t.len].flags & NER_WORD) && !nerlower_unsafe(d, i + t.len) &&
		    nertok_longest(d, n->gaz, i + t.len, S->te, GAZ_ENTITY_MASK, true).e == NULL &&
		    (t.len > 1 || (x->flags & NER_PUNCT) || d->t[i].klen <= 4)) {
			size_t p = i + t.len + 1;

			if (nertok_cue(d, n->gaz, i + t.len, GAZ_BIT(GAZ_GIVEN), true) && p < S->te &&
			    (d->t[p].flags & NER_WORD) && !nerlower_unsafe(d, p))
				p++;
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
		if (!nerlower_unsafe(d, i) && i + 1 < S->te &&
		    nertok_cue(d, n->gaz, i, GAZ_BIT(GAZ_GIVEN), true) &&
		    (d->t[i + 1].flags & NER_WORD) && !nerlower_unsafe(d, i + 1) &&
		    d->t[i + 1].klen >= 3 &&
		    nertok_longest(d, n->gaz, i + 1, S->te, GAZ_ENTITY_MASK, true).e == NULL &&
		    (nertok_cue(d, n->gaz, i + 1, GAZ_BIT(GAZ_SURNAME), true) ||
		    !(d->t[i + 1].flags & NER_COMMON))) {
			nertok_emit(d, si, i, i + 2, GAZ_PERSON, NULL, 0, HOW_PERSON);
			i += 2;
			continue;
		}
		i++;
	}
}
