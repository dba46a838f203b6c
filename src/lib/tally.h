/*
 * tally: counting by key in one open-addressing hash table.
 *
 * A key is a byte string (for tabloid-count: the escaped key fields joined
 * by TABs, the group's fields first).  Entries live in the table itself,
 * so a lookup touches one cache line; keys of up to 16 bytes are stored in
 * the entry and longer ones in an arena, so there is no allocation per
 * key.  Entry pointers are valid until the next tally_get(); key bytes
 * until tally_clear().
 */
#ifndef TABLOID_TALLY_H
#define TABLOID_TALLY_H

#include <stddef.h>
#include <stdint.h>

#define TALLY_INLINE 16

struct tally_ent {
	uint64_t count;		/* occurrences */
	uint32_t hash;		/* hash of the key; 0 marks an empty slot */
	uint32_t len;		/* key length */
	union {
		char in[TALLY_INLINE];	/* keys of up to TALLY_INLINE bytes */
		const char *p;		/* longer keys, in the arena */
	} key;
};

/* Per-key document counts, kept beside the entries when asked for. */
struct tally_doc {
	uint64_t docs;		/* distinct documents */
	uint64_t firstdoc;	/* serial of the first document seen */
	uint64_t lastdoc;	/* serial of the last document seen */
};

struct tally_block;

struct tally {
	struct tally_ent *ent;		/* the table */
	struct tally_doc *doc;		/* document counts per slot, or NULL */
	size_t cap;			/* slots, a power of two */
	size_t n;			/* keys */
	struct tally_block *blocks;	/* arena blocks, newest first */
	size_t arena_bytes;		/* bytes allocated to the arena */
	int with_docs;			/* keep struct tally_doc per entry */
};

/* An empty tally; with_docs keeps document counts for each key. */
void tally_init(struct tally *t, int with_docs);
/* The hash tally_get() uses for key. */
uint32_t tally_hash(const char *key, size_t len);
/* Ask the processor to fetch the slot for hash h ahead of tally_get(). */
static inline void
tally_prefetch(const struct tally *t, uint32_t h)
{
	__builtin_prefetch(&t->ent[h & (t->cap - 1)]);
}
/* The entry for key (with hash h), added with zero counts when new. */
struct tally_ent *tally_get(struct tally *t, const char *key, size_t len, uint32_t h);
/* The key bytes of entry e. */
static inline const char *
tally_key(const struct tally_ent *e)
{
	return e->len <= TALLY_INLINE ? e->key.in : e->key.p;
}
/* The document counts of entry e (with_docs only). */
struct tally_doc *tally_doc(struct tally *t, const struct tally_ent *e);
/*
 * Store pointers to the n used entries in v (which must hold t->n) and
 * return n.
 */
size_t tally_list(struct tally *t, struct tally_ent **v);
/* Bytes of memory the tally holds. */
size_t tally_bytes(const struct tally *t);
/* Bytes it would hold after adding one more key (the table may double). */
size_t tally_bytes_next(const struct tally *t);
/* Forget every key and give back the memory, as after tally_init(). */
void tally_clear(struct tally *t);
/* Free everything. */
void tally_free(struct tally *t);

/* Compare keys as bytes (shorter prefix first). */
int tally_keycmp(const char *a, size_t alen, const char *b, size_t blen);

#endif
