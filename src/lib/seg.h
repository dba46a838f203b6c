/*
 * seg: paragraphs and sentences of one document.
 *
 * A seg_doc holds a document (not copied; the caller keeps it alive) and
 * what the splitter learns about it: whether it is written in lower case,
 * and, built on first need, how each word is capitalised.  Spans are byte
 * offsets into the document, end exclusive, trimmed of whitespace.
 */
#ifndef TABLOID_SEG_H
#define TABLOID_SEG_H

#include <stdbool.h>
#include <stddef.h>

#include "abbrev.h"

struct seg_span {
	size_t start;	/* first byte */
	size_t end;	/* one past the last byte */
};

struct seg_spans {
	struct seg_span *v;	/* spans in document order */
	size_t n;		/* spans in use */
	size_t cap;		/* spans allocated */
};

struct seg_word;

struct seg_doc {
	const struct abbrev *ab;	/* abbreviation lexicon */
	const char *s;			/* the document */
	size_t n;			/* its length */
	bool lower;			/* written in lower case */
	bool caps_after_acronym;	/* "U.S. And": capitals mean nothing */
	bool ortho_ready;		/* words table built */
	struct seg_word *words;		/* open-addressing table of words */
	size_t wcap;			/* table slots (a power of two) */
	size_t wused;			/* slots in use */
};

/* Prepare d for document s[0..n); d may be reused for many documents. */
void seg_doc_init(struct seg_doc *d, const struct abbrev *ab, const char *s,
    size_t n);
/* Free what d allocated. */
void seg_doc_free(struct seg_doc *d);
/*
 * Append the document's paragraphs to out: blank lines separate them, the
 * first non-blank line is a paragraph of its own, and blocks of short lines
 * are read as hard-wrapped copy (see tabloid-split(1)).
 */
void seg_paragraphs(struct seg_doc *d, struct seg_spans *out);
/* Append the sentences of paragraph p to out. */
void seg_sentences(struct seg_doc *d, struct seg_span p, struct seg_spans *out);
/* Free a span list. */
void seg_spans_free(struct seg_spans *s);

#endif
