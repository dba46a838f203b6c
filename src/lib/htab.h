/*
 * htab: an open-addressing index of byte strings.
 *
 * Each distinct key gets the next index, starting at 0, so that callers
 * keep their values in plain arrays indexed by it, in insertion order.
 * The table owns a copy of every key, NUL-terminated, in one arena.  A
 * slot holds 24 bits of the hash, the key length (up to 255) and the
 * index, so that a probe touches one cache line until key bytes are
 * compared.  A bit map of 8 bits
 * per slot, one bit set per key, answers most lookups of missing keys
 * without reading the slots.
 */
#ifndef TABLOID_HTAB_H
#define TABLOID_HTAB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "sbuf.h"

/* Returned by htab_find() for a missing key. */
#define HTAB_NONE UINT32_MAX

struct htab {
	uint64_t *slot;		/* hash << 32 | (index + 1), 0 when free */
	size_t cap;		/* slots, a power of two */
	uint8_t *seen;		/* cap bytes: a one-hash filter of the keys */
	uint32_t n;		/* keys */
	uint32_t *off;		/* key offsets in keys, by index */
	uint32_t *len;		/* key lengths, by index */
	size_t capkeys;		/* room in off and len */
	struct sbuf keys;	/* the keys, each followed by a NUL */
};

/* A 64-bit hash of n bytes at p (not for persistence: it may change). */
uint64_t htab_hash(const void *p, size_t n);
/* An empty table. */
void htab_init(struct htab *t);
/* The index of key (n bytes), or HTAB_NONE. */
uint32_t htab_find(const struct htab *t, const char *key, size_t n);
/* htab_find() of a key whose htab_hash() is h. */
uint32_t htab_find_hashed(const struct htab *t, const char *key, size_t n, uint64_t h);
/* Ask the processor to fetch the filter byte and first slot of a key hashed h. */
void htab_prefetch(const struct htab *t, uint64_t h);
/* The index of key, added when missing; *added tells which (may be NULL). */
uint32_t htab_add(struct htab *t, const char *key, size_t n, bool *added);
/* htab_add() of a key whose htab_hash() is h. */
uint32_t htab_add_hashed(struct htab *t, const char *key, size_t n, uint64_t h,
    bool *added);
/* Make room for n keys in all, so that adding them rebuilds nothing. */
void htab_reserve(struct htab *t, size_t n);
/* Forget every key, keeping the memory. */
void htab_clear(struct htab *t);
/* Free everything. */
void htab_free(struct htab *t);

#endif
