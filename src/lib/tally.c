#include "config.h"

#include <err.h>
#include <stdlib.h>
#include <string.h>

#include "sbuf.h"
#include "tally.h"

/*
 * Arena blocks of 16 KiB (a longer key gets a block of its own): small
 * next to the smallest memory limit of tabloid-count, and still one
 * malloc per hundreds of keys.
 */
#define TALLY_BLOCK (16 * 1024)

struct tally_block {
	struct tally_block *next;	/* older block */
	size_t used;			/* bytes used */
	size_t size;			/* bytes available */
	char data[];
};

void
tally_init(struct tally *t, int with_docs)
{
	memset(t, 0, sizeof *t);
	t->with_docs = with_docs;
	t->cap = 64;
	t->ent = xcalloc(t->cap, sizeof *t->ent);
	if (with_docs)
		t->doc = xcalloc(t->cap, sizeof *t->doc);
}

struct tally_doc *
tally_doc(struct tally *t, const struct tally_ent *e)
{
	return &t->doc[e - t->ent];
}

uint32_t
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
	h ^= h >> 32;
	return (uint32_t)h ? (uint32_t)h : 1;
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
	memcpy(p, key, len);
	b->used += len;
	return p;
}

static void
tally_grow(struct tally *t)
{
	struct tally_ent *old = t->ent;
	struct tally_doc *olddoc = t->doc;
	size_t oldcap = t->cap, i;

	t->cap *= 2;
	t->ent = xcalloc(t->cap, sizeof *t->ent);
	if (t->with_docs)
		t->doc = xcalloc(t->cap, sizeof *t->doc);
	for (i = 0; i < oldcap; i++) {
		size_t j;

		if (old[i].hash == 0)
			continue;
		for (j = old[i].hash & (t->cap - 1); t->ent[j].hash != 0; j = (j + 1) & (t->cap - 1))
			;
		t->ent[j] = old[i];
		if (t->with_docs)
			t->doc[j] = olddoc[i];
	}
	free(old);
	free(olddoc);
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
tally_get(struct tally *t, const char *key, size_t len, uint32_t h)
{
	size_t j = h & (t->cap - 1);
	struct tally_ent *e;

	for (;; j = (j + 1) & (t->cap - 1)) {
		e = &t->ent[j];
		if (e->hash == 0)
			break;
		if (e->hash == h && e->len == len && memcmp(tally_key(e), key, len) == 0)
			return e;
	}
	if (len > UINT32_MAX)
		errx(2, "a key of %zu bytes is too long", len);
	if ((t->n + 1) * 10 > t->cap * 7) {
		tally_grow(t);
		return tally_get(t, key, len, h);
	}
	e->hash = h;
	e->len = (uint32_t)len;
	e->count = 0;
	if (len <= TALLY_INLINE)
		memcpy(e->key.in, key, len);
	else
		e->key.p = tally_store(t, key, len);
	t->n++;
	return e;
}

size_t
tally_list(struct tally *t, struct tally_ent **v)
{
	size_t i, n = 0;

	for (i = 0; i < t->cap; i++)
		if (t->ent[i].hash != 0)
			v[n++] = &t->ent[i];
	return n;
}

size_t
tally_bytes(const struct tally *t)
{
	return t->arena_bytes + t->cap * sizeof *t->ent +
	    (t->with_docs ? t->cap * sizeof *t->doc : 0);
}

size_t
tally_bytes_next(const struct tally *t)
{
	size_t b = tally_bytes(t);

	if ((t->n + 1) * 10 > t->cap * 7)
		b += 2 * t->cap * (sizeof *t->ent + (t->with_docs ? sizeof *t->doc : 0));
	return b;
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
	int with_docs = t->with_docs;

	tally_free(t);
	tally_init(t, with_docs);
}

void
tally_free(struct tally *t)
{
	tally_free_blocks(t);
	free(t->doc);
	free(t->ent);
	memset(t, 0, sizeof *t);
}
