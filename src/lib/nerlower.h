/*
 * nerlower: the names of a lower-cased document (nercase.h), where case is
 * no evidence.  Private to the ner modules.
 *
 * Such a document is matched against the gazetteers and the names learnt
 * from earlier documents (struct ner's learnt) without regard to case, and
 * a title or a given name before an unknown word makes a person.  Words
 * that are often not names ("may", "bill", stop words, single letters) are
 * never a name on their own.
 */
#ifndef TABLOID_NERLOWER_H
#define TABLOID_NERLOWER_H

#include <stdbool.h>
#include <stddef.h>

#include "ner.h"

/* Whether token i is a word too common to be a name on its own in lower case. */
bool nerlower_unsafe(const struct ner_doc *d, size_t i);
/* Mark the names of sentence si of the lower-cased document d. */
void nerlower_sentence(struct ner *n, struct ner_doc *d, size_t si);

#endif
