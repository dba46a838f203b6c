/*
 * nerctx: what the words around a run of capitalised words say of it, for
 * the runs that no rule of nername.h could type.  Private to the ner
 * modules.
 *
 * A pending run is the document's own name when its lexicon (nerlex.h) or
 * the names learnt from earlier documents hold it whole, and a surname
 * with the particles before it ("de la Cruz").  Otherwise where it stands
 * decides: after a job noun and "at" ("an analyst at X") or after "a stake
 * in", "shares of", "a unit of" it is a company; after "in", "near",
 * "between X and Y" or "north of" a town; with a surname or a person's
 * context ("said", ", who", ", a spokesman") a person.  What nothing
 * decides stays untagged.
 */
#ifndef TABLOID_NERCTX_H
#define TABLOID_NERCTX_H

#include "ner.h"
#include "nerint.h"

/*
 * Decide the pending runs of c that are in no mention yet, after the
 * document's lexicon is made: first retype the gazetteer matches that the
 * lexicon has as a person (nerlex_retype()); then each run as above.
 */
void nerctx_resolve(struct ner *n, struct ner_doc *d, struct ner_run_ctx *c);

#endif
