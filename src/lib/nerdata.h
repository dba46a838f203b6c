/*
 * nerdata: the entity tagger's data files in the data directory (data.h):
 * the gazetteers gaz-*.tsv, names-*.tsv and cues*.tsv, and the word lists
 * stopwords-en.txt and words-en.txt.
 */
#ifndef TABLOID_NERDATA_H
#define TABLOID_NERDATA_H

#include "gaz.h"
#include "ner.h"

/*
 * Load the gazetteers of the data directory into g, after sizing g for
 * them and the word lists (about one key per 12 bytes of data) so that it
 * is not rebuilt as it grows.  A file that cannot be read or a malformed
 * line ends the program with status 2.
 */
void nerdata_gazetteers(struct gaz *g);
/*
 * Add the word lists to n's word classes in g (ner_load_words()); errors
 * end the program as above.
 */
void nerdata_words(struct ner *n, struct gaz *g);

#endif
