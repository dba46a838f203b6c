/*
 * vdoc: versions of documents as lists of sentences, read from article
 * files or from tabloid-split output.
 *
 * A file is split output when its first line (after a BOM) is a header
 * whose first column is "doc" and whose last is "text"; anything else is
 * an article, segmented into sentences exactly as tabloid-split does, so
 * that sentence numbers agree with split's sent column.  VDOC_TSV and
 * VDOC_TEXT force one reading; only with VDOC_TSV may split output come
 * without a header (noheader): its columns are then doc first, text last.  In split
 * output a document is a run of rows with the same doc value; the sentence number is the
 * sent column when there is one and it holds a number, else the row's position in its
 * document; the text is the last column, decoded.  An article is one document named after
 * the file (without directory and extension), or
 * "-" for standard input.  A file with no bytes holds no document.
 *
 * Sentence texts are kept with whitespace runs folded to one space, as
 * tabloid-split writes them.
 */
#ifndef TABLOID_VDOC_H
#define TABLOID_VDOC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "abbrev.h"
#include "sbuf.h"

struct vdoc_sent {
	size_t off;   /* start of its text in the document's text */
	size_t len;   /* length of its text */
	uint64_t num; /* sentence number */
};

struct vdoc {
	struct sbuf id;      /* document id, decoded */
	struct sbuf date;    /* the date column, decoded, or empty */
	struct sbuf text;    /* the sentence texts, one after another */
	struct vdoc_sent *s; /* sentences in order */
	size_t n;            /* sentences in use */
	size_t cap;          /* sentences allocated */
};

enum vdoc_format { VDOC_AUTO, VDOC_TSV, VDOC_TEXT };

struct vdoc_opts {
	const struct abbrev *ab; /* abbreviations for the segmenter */
	enum vdoc_format format; /* how to read the files */
	bool noheader;           /* with VDOC_TSV: no header line */
	const char *id;          /* doc id of an article file (NULL: its name) */
};

/*
 * Read path ("-" for standard input) and call fn(arg, d) for each
 * document in input order.  d is reused afterwards: fn keeps it by
 * copying the struct and zeroing *d.  Returns 0, or -1 with errno set when
 * the file cannot be opened; malformed split output ends the program with
 * status 2 and a message naming the file and line.
 */
int vdoc_read(const char *path, const struct vdoc_opts *o,
              void (*fn)(void *arg, struct vdoc *d), void *arg);

/*
 * Append the sentences of article text s[0..n) to d, segmented as
 * tabloid-split does, numbered on from d->n.  The text is read as
 * input_decode() does; file names it in a warning.
 */
void vdoc_segment(struct vdoc *d, const struct abbrev *ab, const char *file, const char *s,
    size_t n);
/* Append a sentence numbered num with text s[0..n) to d. */
void vdoc_add(struct vdoc *d, uint64_t num, const char *s, size_t n);
/* Empty d, keeping its memory. */
void vdoc_reset(struct vdoc *d);
/* Free d's memory. */
void vdoc_free(struct vdoc *d);

/* Append d in a compact binary form to b (for a spool file). */
void vdoc_pack(const struct vdoc *d, struct sbuf *b);
/* Replace d with the document packed at p (n bytes); returns 0, or -1 if corrupt. */
int vdoc_unpack(struct vdoc *d, const char *p, size_t n);

#endif
