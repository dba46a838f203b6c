/*
 * nerint: what the ner modules share and nothing else may use.
 *
 * ner.c keeps the public interface (ner.h), the word lists, the making of
 * tokens and the order of ner_tag()'s passes.  Their lookups and the
 * mentions over them are nertok's; each kind of evidence is a module of
 * its own: nercase (what capitalisation says), nercredit (bylines and
 * picture credits), nername (runs of capitalised words and the rules that
 * type them), nerctx (what the words around an untyped run say of it),
 * nerlex (the names a document defines, acronyms and tickers), nerlower
 * (lower-cased documents) and nernum (dates, times, money and
 * percentages).
 *
 * HOW_* record how a mention was found (struct ner_mention's how): learning
 * and canonical names depend on it.  L_* number the tagger's word lists: a
 * token's cls has bit L_NAME set when its word is on list NAME (ner.c
 * loads the lists in this order).  tkey(), tis() and tin() read token i of
 * a document: its folded key, whether the key is w, and whether its word
 * is on a list.  A struct ner_run_ctx holds the runs of capitalised words
 * that no rule could type, for the document's own evidence to decide.
 */
#ifndef TABLOID_NERINT_H
#define TABLOID_NERINT_H

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include "ner.h"

/* How a mention was found; learning and canonical names depend on it. */
enum {
	HOW_GAZ,	/* a gazetteer entry */
	HOW_ORG,	/* capitalised words ending in an organisation head */
	HOW_PERSON,	/* a title or a given name before capitalised words */
	HOW_PLACE,	/* capitalised words with a place head */
	HOW_GUESS,	/* capitalised words in a person's context */
	HOW_LEX,	/* a name the document defined elsewhere */
	HOW_ACRONYM,	/* an acronym or ticker in brackets */
	HOW_LEARNT,	/* a name learnt from an earlier document */
	HOW_NUMERIC	/* a date, time, amount or percentage */
};

enum {
	L_LOWER_WORDS,
	L_PARTICLES,
	L_CONNECTORS,
	L_MONTHS,
	L_WEEKDAYS,
	L_NUMWORDS,
	L_SCALES,
	L_CURRENCIES,
	L_CURPREFIX,
	L_UNITS_DATE,
	L_UNITS_TIME,
	L_RELATIVE,
	L_PERIODS,
	L_DAYPARTS,
	L_ZONES,
	L_APPROX,
	L_PERSON_AFTER,
	L_STOP,
	L_COMMON
};

static inline const char *
tkey(const struct ner_doc *d, size_t i)
{
	return d->keys.p + d->t[i].key;
}

static inline bool
tis(const struct ner_doc *d, size_t i, const char *w)
{
	size_t n = strlen(w);

	return d->t[i].klen == n && memcmp(tkey(d, i), w, n) == 0;
}

static inline bool
tin(const struct ner_doc *d, size_t i, int list)
{
	return (d->t[i].cls >> list) & 1;
}

/* Unknown capitalised words [j, u) waiting for the document's evidence. */
struct ner_pending {
	size_t sent, tb, te;
};

struct ner_run_ctx {
	struct ner_pending *p;
	size_t np, capp;
};

#endif
