/*
 * nername: runs of capitalised words and the rules that type them.
 * Private to the ner modules.
 *
 * A run is the name-like words of a sentence (nercase.h) with the
 * connectors between them ("of", "de", "and", a hyphen) and the particles
 * of surnames ("Van der Berg").  In a run, a gazetteer name is that name;
 * words up to an organisation head or suffix are an organisation, with an
 * "of Y" tail after a head ("Bank of England") and a partner before a
 * comma ("Morgan, Hale and Co"); words after a title, or after a job noun
 * when they are no known place and no acronym ("spokesman", not "producer
 * Ecuador"), or from a given name are a person; words after a role noun of
 * organisations are one ("the carmaker"); a place prefix and a word
 * ("Port Augusta"), a known place and a place head ("Illinois River"),
 * compass words and a known place ("North Staffordshire") and words ending
 * in a place head are a place.  What no rule types waits, pending, for the
 * document's own evidence (nerctx.h).
 */
#ifndef TABLOID_NERNAME_H
#define TABLOID_NERNAME_H

#include <stddef.h>

#include "ner.h"
#include "nerint.h"

/*
 * Mark the names of sentence si of d, which is not lower-cased, and add
 * the runs that no rule types to c.
 */
void nername_sentence(struct ner *n, struct ner_doc *d, struct ner_run_ctx *c, size_t si);

#endif
