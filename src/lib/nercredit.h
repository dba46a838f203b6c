/*
 * nercredit: the names in the bylines and picture credits of web pages,
 * which follow conventions of their own.  Private to the ner modules.
 *
 * "By" before two to four capitalised name words makes them a person
 * when a comma, a slash, "and", a date or the end of the sentence follows
 * ("By Tom Ashworth-Lee, Sports Reporter").  Name words before a slash,
 * after a colon or an opening bracket, are the photographer and the words
 * after the slash the agency ("Photograph: Lukas Brenner/AFP", "(Kamil
 * Nowak/Tribune News Service)").  A name word is capitalised, on no list
 * of the tagger's, and rare or a known given name or surname.
 */
#ifndef TABLOID_NERCREDIT_H
#define TABLOID_NERCREDIT_H

#include <stddef.h>

#include "ner.h"

/* Mark the bylines and picture credits of sentence si of d. */
void nercredit_sentence(struct ner *n, struct ner_doc *d, size_t si);

#endif
