/*
 * gaz: gazetteers, the lists of names and cue words the entity tagger
 * knows.
 *
 * A gazetteer file has one entry per line, NAME TAB TYPE [TAB ENTITY];
 * '#' starts a comment line and blank lines are ignored.  TYPE is an
 * entity type (PERSON, ORG, GPE, LOC, NORP, DATE, TIME, MONEY, PERCENT) or
 * a cue class (TITLE, JOB, GIVEN, SURNAME, ORG_SUFFIX, ORG_HEAD, LOC_HEAD,
 * GPE_HEAD, NOT, LOC_PREFIX, GPE_PREFIX, ORG_ROLE).  ENTITY, the canonical
 * name, defaults to NAME.
 *
 * Names are stored under a key made of their tokens (cut by the shared
 * tokenizer, words also cut at hyphens), case-folded and joined by single
 * spaces; every proper prefix of a key is marked so that a longest match
 * can stop early.  Each entry keeps its surface form, the tokens as
 * written joined by spaces, so that callers can check capitalisation.
 */
#ifndef TABLOID_GAZ_H
#define TABLOID_GAZ_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "abbrev.h"
#include "htab.h"
#include "sbuf.h"
#include "tok.h"

enum gaz_type {
	GAZ_PERSON,
	GAZ_ORG,
	GAZ_GPE,
	GAZ_LOC,
	GAZ_NORP,
	GAZ_DATE,
	GAZ_TIME,
	GAZ_MONEY,
	GAZ_PERCENT,
	GAZ_TITLE,	/* before a person's name, outside the span */
	GAZ_JOB,	/* a job noun in apposition to a name */
	GAZ_GIVEN,	/* a given name */
	GAZ_SURNAME,	/* a family name */
	GAZ_ORG_SUFFIX,	/* ends an organisation's name: Inc., PLC */
	GAZ_ORG_HEAD,	/* heads an organisation's name: Council */
	GAZ_LOC_HEAD,	/* heads another place's name: Sea, River */
	GAZ_GPE_HEAD,	/* heads an administrative place's name: County */
	GAZ_NOT,	/* never a name on its own */
	GAZ_LOC_PREFIX,	/* begins another place's name: Mount, Ras */
	GAZ_GPE_PREFIX,	/* begins a town's name: Port, Fort */
	GAZ_ORG_ROLE,	/* what an organisation is, before its name: carmaker */
	GAZ_NTYPES
};

/* The number of entity types, which come first in enum gaz_type. */
#define GAZ_NENTITY 9
/* Bit of a type in a type mask. */
#define GAZ_BIT(t) (1u << (t))
/* Mask of the entity types. */
#define GAZ_ENTITY_MASK ((1u << GAZ_NENTITY) - 1)

struct gaz_entry {
	struct gaz_entry *next;	/* next entry of the same key */
	const char *surface;	/* tokens as written, joined by spaces */
	const char *canon;	/* canonical name */
	uint32_t slen;		/* bytes of surface */
	uint32_t clen;		/* bytes of canon */
	uint8_t type;		/* enum gaz_type */
	uint8_t ntok;		/* tokens in the name (at most 255) */
	bool user;		/* from a file the user named */
};

struct gaz_node;

struct gaz {
	struct htab keys;	/* the keys, indexing nodes */
	struct gaz_node *nodes;	/* what is known of each key */
	size_t capnodes;	/* room in nodes */
	char *arena;		/* string allocation block */
	size_t arena_left;	/* bytes left in the block */
	void **blocks;		/* every block, for gaz_free() */
	size_t nblocks, capblocks;
	size_t maxtok;		/* tokens in the longest key */
	size_t nentries;	/* entries stored */
	const struct abbrev *ab;	/* for cutting names into tokens */
	struct tok_list toks;	/* scratch */
	struct sbuf key, surf;	/* scratch */
};

/* The result of a lookup. */
struct gaz_hit {
	uint32_t types;			/* GAZ_BIT() of every type listed */
	uint32_t cls;			/* word-class bits (gaz_set_class) */
	bool prefix;			/* some longer key starts with this one */
	const struct gaz_entry *entries;	/* the entries, or NULL */
};

/* An empty gazetteer; ab cuts names into tokens and must outlive it. */
void gaz_init(struct gaz *g, const struct abbrev *ab);
/*
 * Add the entries of file path.  With user, the file's entries replace
 * those already stored under the same key.  Returns 0, or -1 with errno
 * set when the file cannot be read; a malformed line ends the program
 * with status 2 and a message naming the file and line.
 */
int gaz_load(struct gaz *g, const char *path, bool user);
/*
 * Add one entry.  Returns false when name has no tokens or too many, or
 * canon is empty.
 */
bool gaz_add(struct gaz *g, const char *name, size_t n, enum gaz_type type,
    const char *canon, size_t clen, bool user);
/*
 * Look up a key (folded tokens joined by single spaces).  Returns false
 * when the key is unknown, not even as a prefix.
 */
bool gaz_get(const struct gaz *g, const char *key, size_t n,
    struct gaz_hit *hit);
/* gaz_get() of a key whose htab_hash() is h. */
bool gaz_get_hashed(const struct gaz *g, const char *key, size_t n, uint64_t h,
    struct gaz_hit *hit);
/* Start fetching the memory a lookup of a key hashed h will read first. */
void gaz_prefetch(const struct gaz *g, uint64_t h);
/* Make room for n keys in all, so that adding them rebuilds nothing. */
void gaz_reserve(struct gaz *g, size_t n);
/*
 * Add bits to the word-class bits of key (made known when missing, with no
 * entries).  The bits mean what the caller wants; gaz_get() reports them.
 */
void gaz_set_class(struct gaz *g, const char *key, size_t n, uint32_t bits);
/*
 * Append the key form of the n bytes at s (one token, not cut further) to
 * out: ASCII letters lowered, other text case-folded.
 */
void gaz_fold(struct sbuf *out, const char *s, size_t n);
/* The type named by s (n bytes), or -1. */
int gaz_type_parse(const char *s, size_t n);
/* The name of a type. */
const char *gaz_type_name(enum gaz_type t);
/* Write every entry of a type mask as gazetteer lines to f; -1 on error. */
int gaz_dump(const struct gaz *g, uint32_t mask, void *f);
/*
 * Add to dst every entry of src whose type is in mask, as gaz_add() would
 * (not as a user entry), until dst holds max entries.
 */
void gaz_merge(struct gaz *dst, const struct gaz *src, uint32_t mask, size_t max);
/* Cut s[0..n) into name tokens: tok_text(), with words cut at hyphens. */
void gaz_tokens(const struct abbrev *ab, const char *s, size_t n,
    struct tok_list *out);
/* Cut the word tokens of out (over the text s) at hyphens between letters. */
void gaz_hyphens(const char *s, struct tok_list *out);
/* Free everything. */
void gaz_free(struct gaz *g);

#endif
