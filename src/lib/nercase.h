/*
 * nercase: what the capitalisation of a document being tagged says.
 * Private to the ner modules.
 *
 * Case is evidence of a name only where the writer chose it: not in a
 * lower-cased document, not in an ALL-CAPS or Title Case headline, and
 * not for the first word of a sentence.  There the document's other
 * sentences decide: a word it writes capitalised more often than not is
 * a name's word.
 */
#ifndef TABLOID_NERCASE_H
#define TABLOID_NERCASE_H

#include <stdbool.h>
#include <stddef.h>

#include "ner.h"
#include "nertok.h"

/*
 * Survey the looked-up document d: mark the first word of each sentence
 * NER_INITIAL, set each sentence's caps and d->lower, and count each
 * word's capitalised and lower-case occurrences (struct ner_word's cap
 * and low) where case is evidence.
 */
void nercase_survey(struct ner_doc *d);

/* Whether case is no evidence in sentence S of d. */
static inline bool
nercase_anycase(const struct ner_doc *d, const struct ner_sent *S)
{
	return d->lower || S->caps;
}

/*
 * Whether token i, in no mention yet, can be part of a name in sentence
 * S: a capitalised word, one the document writes capitalised where S is a
 * headline, or a sentence's first word that a gazetteer, the word lists
 * or a company suffix a few words on makes a name's.
 */
bool nercase_namelike(struct ner *n, struct ner_doc *d, const struct ner_sent *S, size_t i);
/*
 * Whether the gazetteer match g at token i is believable where case is no
 * evidence: a company or person named by one common word ("Target",
 * "Next") needs the document to write that word capitalised elsewhere.
 */
bool nercase_gaz_ok(struct ner_doc *d, const struct ner_sent *S, size_t i,
    struct nertok_match g);

#endif
