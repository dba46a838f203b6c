/*
 * nerlex: the names a document being tagged defines for itself, and their
 * other occurrences.  Private to the ner modules.
 *
 * A name found by the other evidence defines its key in the document's
 * lexicon (d->lex): a person's full name also defines the surname, a
 * company's name before its head or suffix defines the short name, and an
 * acronym or ticker in brackets after a name is that name.  Every other
 * occurrence of a key, where case allows, is then the same entity under
 * the same canonical name ("Slack" after "James Slack" is him, "Huawei"
 * after "Huawei Technologies Co." is the company).  What d->lex holds
 * depends on the document alone.
 */
#ifndef TABLOID_NERLEX_H
#define TABLOID_NERLEX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ner.h"
#include "nerint.h"
#include "sbuf.h"

/*
 * A small open-addressing table of strings, used for the names a document
 * defines and for the capitalisation of its words.
 */
struct nerlex_ent {
	uint64_t h;		/* hash of the key, 0 for a free slot */
	size_t k;		/* key offset in keys */
	uint32_t kl;		/* key length */
	int32_t type;		/* entity type, or -1 for a prefix only */
	size_t c;		/* canonical name offset in keys */
	uint32_t cl;		/* its length */
	uint32_t cap, low;	/* capitalised and lower-case occurrences */
	bool prefix;		/* a longer key starts with this one */
	uint8_t rank;		/* NERLEX_RANK_*: a stronger definition replaces it */
};

struct ner_lex {
	struct nerlex_ent *v;
	uint32_t *used;		/* the slots in use, in order of use */
	size_t cap, n;
	size_t maxtok;
	struct sbuf keys;
};

/* The document's own names, from the weakest definition to the strongest. */
enum { NERLEX_RANK_FIRST, NERLEX_RANK_SELF, NERLEX_RANK_PART, NERLEX_RANK_FULL };

/* Empty x for a new document, keeping its memory. */
void nerlex_reset(struct ner_lex *x);
/* Free x, which ner_doc_reset() allocated, or do nothing when it is NULL. */
void nerlex_free(struct ner_lex *x);

/*
 * Mark the tickers and company names in angle brackets of sentence si
 * ("<DIA>", "<NORTHFIELD INDUSTRIES INC>") as organisations.
 */
void nerlex_tickers(struct ner_doc *d, size_t si);
/*
 * Whether the capitalised words of tokens [tb, te) have as initials the
 * letters of the acronym at token a, two letters or more.
 */
bool nerlex_initials(const struct ner_doc *d, size_t tb, size_t te, size_t a);
/*
 * Mark the acronyms in brackets of sentence si after a mention that is an
 * organisation or has the acronym's initials, or after a pending run of
 * c with those initials, which then becomes an organisation too; the
 * agency of a dateline ("NEW ORLEANS (ANS) —"); and an acronym in
 * capitals right after an organisation with its initials ("the Qatar News
 * Agency QNA").
 */
void nerlex_brackets(struct ner *n, struct ner_doc *d, struct ner_run_ctx *c, size_t si);
/*
 * Add mention k to d's lexicon: its key under its type and canonical
 * name, a person's surname, and an organisation's name before its head or
 * suffix, and the first word of that name when it is two words or more and
 * the first is no known word or name but a surname ("Keystone" of
 * "Keystone Freight Corp"); a definition replaces only a weaker one
 * (NERLEX_RANK_*, NERLEX_RANK_FIRST for the first word).
 */
void nerlex_define(struct ner *n, struct ner_doc *d, size_t k);
/*
 * The longest name of d's lexicon over tokens [i, te) from i that are in
 * no mention, with its length in tokens in *len; NULL when none.  A first
 * word of a company's name (NERLEX_RANK_FIRST) is no name after a
 * preposition of place ("in Hensby").  Uses d->kb.
 */
const struct nerlex_ent *nerlex_longest(struct ner_doc *d, size_t i, size_t te, size_t *len);
/*
 * One sense per document: make a one-word gazetteer match that d's
 * lexicon has as a person's surname ("Slack" after "James Slack") that
 * person.
 */
void nerlex_retype(struct ner_doc *d);
/* Mark every other occurrence of d's names (HOW_LEX), where case allows. */
void nerlex_rescan(struct ner *n, struct ner_doc *d);
/* Give each mention that d's lexicon holds with its type the lexicon's canonical name. */
void nerlex_canonical(struct ner_doc *d);

#endif
