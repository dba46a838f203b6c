/*
 * ner: named-entity recognition over one document at a time.
 *
 * A document is a list of sentences, each cut into tokens (the shared
 * tokenizer's, with words also cut at hyphens, see gaz_tokens()).  The
 * caller adds the sentences in order, then calls ner_tag(), which finds
 * the mentions in four passes: names the gazetteers and the cue words
 * (titles, given names, organisation heads and suffixes) make certain;
 * names the document itself defines (a surname after the full name, a
 * company's short name, an acronym defined in brackets, a ticker); the
 * same names wherever else they occur in the document, also in ALL-CAPS
 * headlines and at the start of sentences; and dates, times, amounts of
 * money and percentages.  Lower-cased documents are recognised and
 * matched against the gazetteers and the names learnt from earlier
 * documents of the run without regard to case.
 */
#ifndef TABLOID_NER_H
#define TABLOID_NER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "abbrev.h"
#include "fold.h"
#include "gaz.h"
#include "sbuf.h"

/* Token flags. */
enum {
	NER_WORD = 1 << 0,	/* has a letter */
	NER_CAP = 1 << 1,	/* first letter upper case */
	NER_UPPER = 1 << 2,	/* two or more letters, all upper case */
	NER_NUM = 1 << 3,	/* a number */
	NER_PUNCT = 1 << 4,	/* punctuation or a symbol */
	NER_INITIAL = 1 << 5,	/* first word of its sentence */
	NER_SPACE = 1 << 6,	/* whitespace before it */
	NER_STOP = 1 << 7,	/* a stop word */
	NER_LOWER = 1 << 8,	/* first letter lower case */
	NER_COMMON = 1 << 9	/* a common word of the language */
};

struct ner_tok {
	size_t s, e;	/* bytes in the document text (d->text) */
	size_t os, oe;	/* bytes in the original document */
	size_t key;	/* offset of the folded form in d->keys */
	uint32_t klen;	/* bytes of the folded form */
	uint32_t flags;	/* NER_* */
	uint32_t cls;	/* word lists the token is on (ner.c) */
	uint32_t gany;	/* types the gazetteers list it under, alone */
	uint32_t gcase;	/* the same, with matching capitalisation */
	bool gfound;	/* its key starts a gazetteer key */
	int32_t m;	/* index of the mention covering it, or -1 */
	uint32_t w;	/* its word in the document's word table */
};

/* A token as read, before ner_lookup() folds and classifies it. */
struct ner_raw {
	size_t s, e;	/* bytes in the document text (d->text) */
	size_t os, oe;	/* bytes in the original document */
	uint8_t type;	/* enum tok_type */
	bool space;	/* whitespace before it */
};

/* What a document's distinct word (folded token) is known as. */
struct ner_word {
	const struct gaz_entry *entries;	/* gazetteer entries of it alone */
	uint32_t gany;	/* types the gazetteers list it under */
	uint32_t cls;	/* word lists it is on (ner.c) */
	uint32_t cap, low;	/* capitalised and lower-case occurrences */
	bool gfound;	/* its key starts a gazetteer key */
	bool prefix;	/* a longer gazetteer key starts with it */
};

struct ner_sent {
	size_t tb, te;	/* tokens [tb, te) */
	size_t s, e;	/* bytes of its text in d->text */
	bool caps;	/* ALL-CAPS or Title Case: casing is no evidence */
};

struct ner_mention {
	size_t sent;	/* sentence */
	size_t tb, te;	/* tokens [tb, te) */
	size_t ob, oe;	/* bytes in the original document */
	size_t canon;	/* offset of the canonical name in d->canon */
	size_t clen;	/* its length */
	uint8_t type;	/* enum gaz_type, an entity type */
	uint8_t how;	/* internal: how it was found */
};

struct ner_lex;

/* A document being tagged.  Zero-initialise, or use ner_doc_reset(). */
struct ner_doc {
	struct sbuf text;		/* the sentences' text */
	struct sbuf keys;		/* folded forms of the tokens */
	struct sbuf canon;		/* canonical names of the mentions */
	struct ner_raw *raw;		/* tokens as read */
	size_t nraw, capraw;
	struct ner_tok *t;		/* tokens, made by ner_lookup() */
	size_t nt, capt;
	struct ner_sent *s;		/* sentences */
	size_t ns, caps;
	struct ner_mention *m;		/* mentions, in text order after tagging */
	size_t nm, capm;
	bool lower;			/* the document is lower-cased */
	bool looked_up;			/* ner_lookup() is done */
	struct ner_lex *lex;		/* names defined by the document */
	struct htab words;		/* the distinct folded tokens */
	struct ner_word *w;		/* what is known of each */
	size_t capw;
	uint64_t *h;			/* scratch: hashes of a sentence's keys */
	size_t caph;
	struct tok_list scratch;
	struct sbuf kb;			/* scratch key */
	const struct gaz *gaz;		/* the gazetteer the tokens' g* fields describe */
};

/* The tagger's knowledge. */
struct ner {
	const struct abbrev *ab;	/* abbreviations for the tokenizer */
	const struct gaz *gaz;		/* gazetteers */
	struct gaz learnt;		/* names learnt by earlier runs: fixed while tagging */
	struct gaz fresh;		/* names learnt by this run, for later runs only */
	size_t maxlearnt;		/* stop learning when both hold this many entries */
	bool common;			/* common lower-case words are loaded */
};

/*
 * Set up a tagger over ab and g, which outlive it.  The tagger's word
 * lists go into g's word classes (gaz_set_class()), so that one lookup per
 * word finds both.
 */
void ner_init(struct ner *n, const struct abbrev *ab, struct gaz *g);
/*
 * Add the words of the list file path (one per line) to g's word classes,
 * as common lower-case words of the language when common is true, else as
 * stop words.  Returns 0, or -1 with errno set when path cannot be read; a
 * malformed line ends the program with status 2 and a message naming the
 * file and line.
 */
int ner_load_words(struct ner *n, struct gaz *g, const char *path, bool common);
/* Free what ner_init() and learning allocated. */
void ner_free(struct ner *n);

/* Empty d for a new document, keeping its memory. */
void ner_doc_reset(struct ner_doc *d);
/* Free d. */
void ner_doc_free(struct ner_doc *d);
/*
 * Make d's tokens from the raw ones and look up their words in the
 * gazetteers and word lists, if not done yet.  ner_tag() does it first; a
 * caller may do it before, in another thread: it reads only the tagger's
 * gazetteers, never what ner_tag() learns.
 */
void ner_lookup(struct ner_doc *d);
/*
 * Add a sentence: its text s[0..len), the original offset of its first
 * byte and the map of its folded whitespace (fm may be NULL).  Returns the
 * sentence's index.
 */
size_t ner_add_sentence(const struct ner *n, struct ner_doc *d, const char *s,
    size_t len, size_t base, const struct fold_map *fm);
/* Start a sentence that the caller adds token by token. */
void ner_begin_sentence(struct ner_doc *d);
/*
 * Add a token of the current sentence: its text s[0..len), its original
 * offsets and its enum tok_type, or -1 to tell it from its bytes; space
 * tells whether whitespace comes before it.  Returns the index of its
 * first token (words may be cut at hyphens).
 */
size_t ner_add_token(const struct ner *n, struct ner_doc *d, const char *s,
    size_t len, size_t os, size_t oe, int type, bool space);
/* End the current sentence; returns its index. */
size_t ner_end_sentence(struct ner_doc *d);
/*
 * Find the mentions of the document: d->m in text order, and each token's
 * m.  They depend only on d, the gazetteers and n->learnt, never on the
 * documents tagged before.  With learn, names found by rules are added to
 * n->fresh, for a later run's n->learnt, while n->learnt and n->fresh
 * hold fewer than n->maxlearnt entries.
 */
void ner_tag(struct ner *n, struct ner_doc *d, bool learn);

#endif
