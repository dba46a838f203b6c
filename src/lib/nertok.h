/*
 * nertok: what the gazetteers say of the tokens of a document being
 * tagged, and the mentions over them.  Private to the ner modules.
 *
 * ner_lookup() makes the tokens from their raw form (offsets, folded key,
 * shape) and has them looked up here: struct ner_tok's gany, gcase, cls
 * and gfound say what its word is on its own, found once for each distinct
 * word of the document.  Names of several tokens are matched at a token,
 * with or without regard to the capitalisation of their surface forms.  A
 * token belongs to one mention at most: the first one marked over it.
 */
#ifndef TABLOID_NERTOK_H
#define TABLOID_NERTOK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "gaz.h"
#include "ner.h"

/* A match of a gazetteer entry. */
struct nertok_match {
	size_t len;			/* tokens */
	const struct gaz_entry *e;	/* the entry, NULL when none */
};

/*
 * Look up the words of tokens [tb, te) in d->gaz: fill
 * their gany, gcase, cls, gfound and w, adding new words to d->words, and
 * set NER_STOP and NER_COMMON.
 */
void nertok_know_all(struct ner_doc *d, size_t tb, size_t te);
/*
 * Whether token i joins the words of a name: a connector word ("of", "de",
 * "and") not capitalised, or a hyphen with no space on either side.
 */
bool nertok_is_connector(const struct ner_doc *d, size_t i);
/* Whether token i is one of the words of the NULL-ended list w. */
bool nertok_is_one_of(const struct ner_doc *d, size_t i, const char *const *w);
/*
 * The end of the particles and inner hyphens of a name from token k ("de
 * la", "van der", "al-"): at most three tokens in no mention, before te;
 * k when there are none.
 */
size_t nertok_particles_end(const struct ner_doc *d, size_t k, size_t te);
/*
 * The first token of the surname that ends a person's name [tb, last]:
 * the last word with the words hyphenated to it and the particles before
 * them ("Okafor-Bell", "de la Cruz", "al-Thani"), never token tb.
 */
size_t nertok_surname_start(const struct ner_doc *d, size_t tb, size_t last);
/* Put the key of tokens [i, i + len), joined by spaces, in d->kb. */
void nertok_key(struct ner_doc *d, size_t i, size_t len);
/*
 * The longest entry of g with a type in mask that starts at token i and
 * ends before te; anycase skips the capitalisation check.  When g is the
 * tagger's gazetteer, d->gaz, a single token is answered from its word.
 * Uses d->kb.
 */
struct nertok_match nertok_longest(struct ner_doc *d, const struct gaz *g, size_t i, size_t te,
    uint32_t mask, bool anycase);

/* Whether token i alone is listed with a type in mask (g is the tagger's). */
static inline bool
nertok_cue(struct ner_doc *d, const struct gaz *g, size_t i, uint32_t mask, bool anycase)
{
	(void)g;
	return ((anycase ? d->t[i].gany : d->t[i].gcase) & mask) != 0;
}

/*
 * Mark tokens [tb, te) of sentence si as a mention of type, found as how
 * (HOW_*), unless a token of them is in a mention already; a leading "the"
 * is left out but from numeric mentions.  Its canonical name is
 * canon[0..clen), which may be another mention's in d->canon, or its text
 * when canon is NULL.  d->m may move.
 */
void nertok_emit(struct ner_doc *d, size_t si, size_t tb, size_t te, int type,
    const char *canon, size_t clen, int how);
/* The same for a mention of gazetteer entry e, with e's type and canonical name. */
void nertok_emit_entry(struct ner_doc *d, size_t si, size_t tb, size_t te,
    const struct gaz_entry *e, int how);

#endif
