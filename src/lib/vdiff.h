/*
 * vdiff: what changed between two versions of a document, written as
 * diff rows, one summary row, or a coloured diff for people.
 *
 * Sentences are compared by the hash of their normalised text (see
 * norm.h) and aligned with align_sentences(); edited sentences are
 * paired by the Jaccard similarity of their word sets and get a word
 * diff (wdiff.h).  Sentences matching one of the ignore patterns take no
 * part on either side.  The columns are described in
 * tabloid-diff-versions(1).
 */
#ifndef TABLOID_VDIFF_H
#define TABLOID_VDIFF_H

#include <regex.h>
#include <stdbool.h>
#include <stddef.h>

#include "align.h"
#include "vdoc.h"

/* Layouts of the HTML view; 0 is no HTML. */
enum { VDIFF_INLINE = 1, VDIFF_SIDE };

struct vdiff_opts {
	double threshold;      /* least similarity of an edited pair */
	bool all;              /* write unchanged sentences too */
	bool summary;          /* one row per document pair */
	bool pretty;           /* a diff for people instead of TSV */
	bool color;            /* with --pretty: ANSI colours */
	bool noheader;         /* write no header line */
	int html;              /* VDIFF_INLINE or VDIFF_SIDE: an HTML page (vdiffhtml.h) */
	const regex_t *ignore; /* sentences to leave out */
	size_t nignore;        /* number of patterns */
};

/* What one comparison found. */
struct vdiff_stats {
	size_t same, added, removed, edited, moved; /* sentences */
	size_t words_added, words_removed, words_common;
	bool headline;     /* the first sentence changed */
	double similarity; /* 2 * common words / (old words + new words) */
};

struct vdiff {
	struct vdiff_opts o;   /* the options */
	bool differ;           /* some difference was found */
	bool header_done;      /* the header line is written */
	struct vdiff_stats st; /* the last comparison */
	size_t pairs;          /* pairs written */
	bool story_open;       /* with html: a story's section is open */
};

/*
 * The lines of one comparison: every edit's a and b index the old and new
 * documents' sentences (d->s), or are ALIGN_NONE for the side it lacks.
 */
struct vdiff_result {
	struct align_edits e;  /* the lines, in the order vdiff_docs() writes them */
	struct vdiff_stats st; /* what they add up to */
	bool differ;           /* anything differs, or one side is missing */
};

/*
 * Compare old version a with new version b (either may be NULL) under the
 * options o, replacing r's contents; nothing is written.
 */
void vdiff_compare(const struct vdiff_opts *o, const struct vdoc *a, const struct vdoc *b,
                   struct vdiff_result *r);
/* Free r's lines. */
void vdiff_result_free(struct vdiff_result *r);
/* The text of sentence i of d and its length. */
const char *vdiff_sent(const struct vdoc *d, size_t i, size_t *len);

/* Prepare v with options o (copied). */
void vdiff_init(struct vdiff *v, const struct vdiff_opts *o);
/*
 * Write the header line unless it was written, or -N, or --pretty; with
 * html, the start of the page instead.
 */
void vdiff_header(struct vdiff *v);
/* With html, start the section of a group whose first version is d; else nothing. */
void vdiff_story(struct vdiff *v, const struct vdoc *d);
/* With html, end the page; else nothing.  Call once, after the last pair. */
void vdiff_finish(struct vdiff *v);
/*
 * Compare old version a with new version b and write the result; a NULL
 * side is a document that exists in the other input only (all its
 * sentences added or removed).  Sets v->st and, when anything differs,
 * v->differ.
 */
void vdiff_docs(struct vdiff *v, const struct vdoc *a, const struct vdoc *b);
/* Write the result r of comparing a with b as vdiff_docs() does. */
void vdiff_write(struct vdiff *v, const struct vdoc *a, const struct vdoc *b,
                 const struct vdiff_result *r);
/* Format a similarity in [0, 1] with three decimals into buf (8 bytes). */
void vdiff_format_sim(char *buf, double sim);

#endif
