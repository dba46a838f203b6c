/*
 * nerhtml: the HTML view of tabloid-tag-entities (--html).
 *
 * Each document is a <section class="doc" id="doc-N"> (N counts from 1):
 * its id as heading, a legend of the entity types it mentions in their
 * colours with the canonical entities of each, then its text, sentences
 * joined by a space into paragraphs.  Each mention is a
 * <mark class="TYPE" data-type="TYPE" title="ENTITY (TYPE)"> holding the
 * mention's text exactly as the rows give it; the type's label is drawn by
 * the stylesheet, so it is no part of the text.  With more than one
 * document a table of contents links to each section.  The sections are
 * held in memory until nerhtml_end(), which writes the page.
 */
#ifndef TABLOID_NERHTML_H
#define TABLOID_NERHTML_H

#include <stddef.h>
#include <stdint.h>

#include "ner.h"
#include "sbuf.h"

struct nerhtml {
	struct sbuf body; /* the sections written so far */
	struct sbuf toc;  /* their entries in the table of contents */
	size_t ndocs;     /* how many */
	struct sbuf tmp;  /* scratch */
};

/*
 * Add the tagged document d, whose id is the n bytes at id, showing the
 * mentions of the types in the mask types (GAZ_BIT()).  para (or NULL)
 * gives each sentence's paragraph number: a sentence whose number differs
 * from the one before starts a paragraph; without it the document is one.
 */
void nerhtml_doc(struct nerhtml *h, const char *id, size_t n, const struct ner_doc *d,
                 const uint64_t *para, uint32_t types);
/* Write the page through out.h, and free h's memory. */
void nerhtml_end(struct nerhtml *h);

#endif
