/*
 * abbrev: the abbreviation lexicon shared by the splitter and tokenizer.
 *
 * Entries are written without their final period ("Mr", "U.S", "e.g").
 * Lookups are exact; abbrev_class() can also match a word that is all
 * lower case or all upper case against the entries folded to lower case,
 * for lower-cased documents and ALL-CAPS headlines.
 */
#ifndef TABLOID_ABBREV_H
#define TABLOID_ABBREV_H

#include <stdbool.h>
#include <stddef.h>

enum abbrev_class {
	ABBREV_NONE = 0,	/* not an abbreviation */
	ABBREV_PLAIN,		/* may end a sentence: Inc, Co, etc, Feb */
	ABBREV_TITLE,		/* comes before a name: Mr, Sen, Gen */
	ABBREV_NUMBER		/* only before a number: No, Vol, pp */
};

struct abbrev {
	struct strset *exact;	/* entries as written */
	struct strset *folded;	/* entries in ASCII lower case */
};

/* An empty lexicon. */
void abbrev_init(struct abbrev *a);
/*
 * Add the entries of file path (ABBREV TAB CLASS per line, CLASS title,
 * number or plain, default plain).  Returns 0, or -1 with errno set when
 * the file cannot be read; a malformed line ends the program (status 2).
 */
int abbrev_load(struct abbrev *a, const char *path);
/* Add one entry. */
void abbrev_add(struct abbrev *a, const char *w, size_t n, enum abbrev_class c);
/*
 * The class of word w (n bytes, without the period).  With fold, a word
 * that is all lower or all upper case may also match case-insensitively.
 */
enum abbrev_class abbrev_class(const struct abbrev *a, const char *w, size_t n,
    bool fold);
/*
 * True when w looks like a letter-period abbreviation by its shape: single
 * letters joined by periods ("U.S", "e.g", "E.F"), without the final one.
 */
bool abbrev_is_acronym(const char *w, size_t n);
/* Free the lexicon. */
void abbrev_free(struct abbrev *a);

#endif
