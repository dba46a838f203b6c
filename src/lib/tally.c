#include "config.h"

#include <err.h>
#include <stdlib.h>
#include <string.h>

#include "sbuf.h"
#include "tally.h"

/* Arena blocks of 1 MiB; a longer key gets a block of its own. */
#define TALLY_BLOCK (1024 * 1024)

struct tally_block {
	struct tally_block *next;	/* older block */
	size_t used;			/* bytes used */
	size_t size;			/* bytes available */
	char data[];
};

void
tally_init(struct tally *t)
{
	memset(t, 0, sizeof *t);
	t->cap = 1024;
	t->slot = xcalloc(t->cap, sizeof *t->slot);
}

static uint32_t
tally_hash(const char *s, size_t n)
{
	uint64_t h = 0x9E3779B97F4A7C15ull ^ n;

	while (n >= 8) {
		uint64_t w;

		memcpy(&w, s, 8);
		h = (h ^ w) * 0xFF51AFD7ED558CCDull;
		h ^= h >> 32;
		s += 8;
		n -= 8;
	}
	if (n > 0) {
		uint64_t w = 0;

		memcpy(&w, s, n);
		h = (h ^ w) * 0xC4CEB9FE1A85EC53ull;
	}
	h ^= h >> 29;
	h *= 0xFF51AFD7ED558CCDull;
	return (uint32_t)(h ^ (h >> 32));
}

static const char *
tally_store(struct tally *t, const char *key, size_t len)
{
	struct tally_block *b = t->blocks;
	char *p;

	if (b == NULL || b->size - b->used < len) {
		size_t size = len > TALLY_BLOCK ? len : TALLY_BLOCK;

		b = xmalloc(sizeof *b + size);
		b->size = size;
		b->used = 0;
		b->next = t->blocks;
		t->blocks = b;
		t->arena_bytes += sizeof *b + size;
	}
	p = b->data + b->used;
	if (len > 0)
		memcpy(p, key, len);
	b->used += len;
	return p;
}

static void
tally_grow(struct tally *t)
{
	size_t i;

	free(t->slot);
	t->cap *= 2;
	t->slot = xcalloc(t->cap, sizeof *t->slot);
	for (i = 0; i < t->n; i++) {
		size_t j = t->ent[i].hash & (t->cap - 1);

		while (t->slot[j] != 0)
			j = (j + 1) & (t->cap - 1);
		t->slot[j] = (uint32_t)(i + 1);
	}
}

int
tally_keycmp(const char *a, size_t alen, const char *b, size_t blen)
{
	int c = memcmp(a, b, alen < blen ? alen : blen);

	if (c != 0)
		return c;
	return alen < blen ? -1 : alen > blen;
}

struct tally_ent *
tally_get(struct tally *t, const char *key, size_t len, size_t glen)
{
	uint32_t h = tally_hash(key, len);
	size_t j = h & (t->cap - 1);
	struct tally_ent *e;

	for (; t->slot[j] != 0; j = (j + 1) & (t->cap - 1)) {
		e = &t->ent[t->slot[j] - 1];
		if (e->hash == h && e->len == len && memcmp(e->key, key, len) == 0)
			return e;
	}
	if (t->n == t->ncap) {
		t->ncap = t->ncap ? t->ncap * 2 : 1024;
		t->ent = xrealloc(t->ent, t->ncap * sizeof *t->ent);
	}
	if (t->n >= UINT32_MAX - 1)
		errx(2, "more than %u distinct keys in memory", UINT32_MAX - 2);
	e = &t->ent[t->n];
	memset(e, 0, sizeof *e);
	e->key = tally_store(t, key, len);
	e->len = (uint32_t)len;
	e->glen = (uint32_t)glen;
	e->hash = h;
	t->slot[j] = (uint32_t)++t->n;
	if (t->n * 2 > t->cap) {
		tally_grow(t);
		e = &t->ent[t->n - 1];
	}
	return e;
}

size_t
tally_bytes(const struct tally *t)
{
	return t->arena_bytes + t->ncap * sizeof *t->ent + t->cap * sizeof *t->slot;
}

static void
tally_free_blocks(struct tally *t)
{
	struct tally_block *b, *next;

	for (b = t->blocks; b != NULL; b = next) {
		next = b->next;
		free(b);
	}
	t->blocks = NULL;
	t->arena_bytes = 0;
}

void
tally_clear(struct tally *t)
{
	t->n = 0;
	memset(t->slot, 0, t->cap * sizeof *t->slot);
	tally_free_blocks(t);
}

void
tally_free(struct tally *t)
{
	tally_free_blocks(t);
	free(t->ent);
	free(t->slot);
	memset(t, 0, sizeof *t);
}
