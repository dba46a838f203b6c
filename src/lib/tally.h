/*
 * tally: counting by key in one hash table, with keys kept in an arena.
 *
 * A key is a byte string (for tabloid-count: the escaped key fields joined
 * by TABs, the group's fields first).  Entries live in one array and the
 * table holds their indexes, so memory is one entry and one key copy per
 * distinct key, with no allocation per key.  Pointers to entries stay
 * valid until the next tally_get() that adds a key; key bytes stay valid
 * until tally_clear().
 */
#ifndef TABLOID_TALLY_H
#define TABLOID_TALLY_H

#include <stddef.h>
#include <stdint.h>

struct tally_ent {
	const char *key;	/* key bytes, in the arena */
	uint32_t len;		/* key length */
	uint32_t glen;		/* length of the group part of the key */
	uint64_t count;		/* occurrences */
	uint64_t docs;		/* distinct documents, for --docs */
	uint64_t firstdoc;	/* serial of the first document seen */
	uint64_t lastdoc;	/* serial of the last document seen */
	uint32_t hash;		/* hash of the key */
};

struct tally_block;

struct tally {
	struct tally_ent *ent;		/* entries, in order of arrival */
	size_t n;			/* entries in use */
	size_t ncap;			/* entries allocated */
	uint32_t *slot;			/* table: entry index + 1, 0 when empty */
	size_t cap;			/* slots, a power of two */
	struct tally_block *blocks;	/* arena blocks, newest first */
	size_t arena_bytes;		/* bytes allocated to the arena */
};

/* An empty tally. */
void tally_init(struct tally *t);
/*
 * The entry for key (len bytes, the first glen of them the group), added
 * with zero counts when new.
 */
struct tally_ent *tally_get(struct tally *t, const char *key, size_t len, size_t glen);
/* Bytes of memory the tally holds. */
size_t tally_bytes(const struct tally *t);
/* Forget every key and free the key arena; the table keeps its size. */
void tally_clear(struct tally *t);
/* Free everything. */
void tally_free(struct tally *t);

/* Compare keys as bytes (shorter prefix first). */
int tally_keycmp(const char *a, size_t alen, const char *b, size_t blen);

#endif
