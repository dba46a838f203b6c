/*
 * entdiff: the people, organisations and places that entered or left a
 * story between two versions.
 *
 * Both versions are tagged as tabloid-tag-entities tags a document (with
 * nothing learnt from one document for another).  A name entered when it
 * is mentioned in an added or edited sentence of the new version and
 * nowhere in the old one; it left when it is mentioned in a removed or
 * edited sentence of the old version and nowhere in the new one.  Names
 * are compared by type and canonical name; the types are PERSON, ORG, GPE
 * and LOC.
 */
#ifndef TABLOID_ENTDIFF_H
#define TABLOID_ENTDIFF_H

#include <stdbool.h>
#include <stddef.h>

#include "abbrev.h"
#include "gaz.h"
#include "ner.h"
#include "vdiff.h"
#include "vdoc.h"

struct entdiff_name {
	int type;	/* enum gaz_type */
	char *name;	/* canonical name, NUL-terminated */
};

struct entdiff_names {
	struct entdiff_name *v;	/* in order of type, then name */
	size_t n, cap;
};

struct entdiff {
	const struct abbrev *ab;	/* the segmenter's abbreviations */
	bool loaded;			/* the gazetteers are loaded */
	struct gaz gaz;			/* gazetteers */
	struct ner ner;			/* the tagger */
	struct ner_doc da, db;		/* the two versions being tagged */
};

/* Prepare e; the gazetteers are loaded on first use.  ab outlives e. */
void entdiff_init(struct entdiff *e, const struct abbrev *ab);
/*
 * The names that entered (into in) and left (into out) between old a and
 * new b, whose comparison is r; in and out are emptied first.
 */
void entdiff_compare(struct entdiff *e, const struct vdoc *a, const struct vdoc *b,
    const struct vdiff_result *r, struct entdiff_names *in, struct entdiff_names *out);
/* Empty a list. */
void entdiff_names_reset(struct entdiff_names *l);
/* Free a list. */
void entdiff_names_free(struct entdiff_names *l);
/* Free e. */
void entdiff_free(struct entdiff *e);

#endif
