#include "config.h"

#include <err.h>
#include <stdlib.h>
#include <string.h>

#include "htab.h"

static uint64_t
htab_mix(uint64_t a, uint64_t b)
{
	a ^= b * 0x9e3779b97f4a7c15ULL;
	a *= 0xbf58476d1ce4e5b9ULL;
	return a ^ (a >> 31);
}

static uint64_t
htab_read8(const unsigned char *p)
{
	uint64_t w;

	memcpy(&w, p, 8);
	return w;
}

static uint64_t
htab_read4(const unsigned char *p)
{
	uint32_t w;

	memcpy(&w, p, 4);
	return w;
}

uint64_t
htab_hash(const void *p, size_t n)
{
	const unsigned char *s = p;
	uint64_t h = 0x243f6a8885a308d3ULL ^ n;
	size_t left = n;

	while (left > 8) {
		h = htab_mix(h, htab_read8(s));
		s += 8;
		left -= 8;
	}
	if (left >= 4)
		h = htab_mix(h, htab_read4(s) << 32 | htab_read4(s + left - 4));
	else if (left > 0)
		h = htab_mix(h, (uint64_t)s[0] << 16 | (uint64_t)s[left >> 1] << 8 | s[left - 1]);
	h ^= h >> 29;
	h *= 0x94d049bb133111ebULL;
	return h ^ (h >> 32);
}

void
htab_init(struct htab *t)
{
	memset(t, 0, sizeof *t);
}

/* The slot's upper half: 24 bits of hash and the key length up to 255. */
static uint32_t
htab_tag(uint64_t h, size_t n)
{
	return (uint32_t)(h >> 40) << 8 | (uint32_t)(n < 255 ? n : 255);
}

/* The filter bit of a key hashed h, from bits the slot index does not use. */
static size_t
htab_bit(const struct htab *t, uint64_t h)
{
	return (size_t)(h >> 24) & (8 * t->cap - 1);
}

static bool
htab_seen(const struct htab *t, uint64_t h)
{
	size_t b = htab_bit(t, h);

	return (t->seen[b >> 3] >> (b & 7)) & 1;
}

uint32_t
htab_find_hashed(const struct htab *t, const char *key, size_t n, uint64_t h)
{
	uint32_t tag;
	size_t j, mask;

	if (t->n == 0 || !htab_seen(t, h))
		return HTAB_NONE;
	tag = htab_tag(h, n);
	mask = t->cap - 1;
	for (j = h & mask; t->slot[j] != 0; j = (j + 1) & mask) {
		uint32_t i = (uint32_t)t->slot[j] - 1;

		if ((uint32_t)(t->slot[j] >> 32) == tag && (n < 255 || t->len[i] == n) &&
		    memcmp(t->keys.p + t->off[i], key, n) == 0)
			return i;
	}
	return HTAB_NONE;
}

uint32_t
htab_find(const struct htab *t, const char *key, size_t n)
{
	if (t->n == 0)
		return HTAB_NONE;
	return htab_find_hashed(t, key, n, htab_hash(key, n));
}

void
htab_prefetch(const struct htab *t, uint64_t h)
{
	size_t b;

	if (t->cap == 0)
		return;
	b = htab_bit(t, h);
	__builtin_prefetch(&t->seen[b >> 3]);
	__builtin_prefetch(&t->slot[h & (t->cap - 1)]);
}

static void
htab_place(struct htab *t, uint64_t h, uint32_t i)
{
	size_t mask = t->cap - 1, j, b = htab_bit(t, h);

	for (j = h & mask; t->slot[j] != 0; j = (j + 1) & mask)
		;
	t->slot[j] = (uint64_t)htab_tag(h, t->len[i]) << 32 | (i + 1);
	t->seen[b >> 3] |= (uint8_t)(1u << (b & 7));
}

/* Rebuild the slots for cap slots (a power of two). */
static void
htab_resize(struct htab *t, size_t cap)
{
	uint32_t i;

	free(t->slot);
	free(t->seen);
	t->cap = cap;
	t->slot = xcalloc(t->cap, sizeof *t->slot);
	t->seen = xcalloc(t->cap, 1);
	for (i = 0; i < t->n; i++)
		htab_place(t, htab_hash(t->keys.p + t->off[i], t->len[i]), i);
}

uint32_t
htab_add(struct htab *t, const char *key, size_t n, bool *added)
{
	return htab_add_hashed(t, key, n, htab_hash(key, n), added);
}

uint32_t
htab_add_hashed(struct htab *t, const char *key, size_t n, uint64_t h, bool *added)
{
	uint32_t i = htab_find_hashed(t, key, n, h);

	if (added != NULL)
		*added = i == HTAB_NONE;
	if (i != HTAB_NONE)
		return i;
	if (t->n == UINT32_MAX - 1 || t->keys.len + n + 1 > UINT32_MAX)
		errx(2, "too many keys in a table");
	if (t->n == t->capkeys) {
		t->capkeys = t->capkeys ? 2 * t->capkeys : 64;
		t->off = xrealloc(t->off, t->capkeys * sizeof *t->off);
		t->len = xrealloc(t->len, t->capkeys * sizeof *t->len);
	}
	i = t->n++;
	t->off[i] = (uint32_t)t->keys.len;
	t->len[i] = (uint32_t)n;
	sbuf_add(&t->keys, key, n);
	sbuf_addc(&t->keys, '\0');
	if (2 * (size_t)t->n > t->cap)
		htab_resize(t, t->cap ? 2 * t->cap : 64);
	else
		htab_place(t, h, i);
	return i;
}

void
htab_reserve(struct htab *t, size_t n)
{
	size_t cap = t->cap ? t->cap : 64;

	if (n > UINT32_MAX - 2)
		errx(2, "too many keys in a table");
	while (cap < 2 * n)
		cap *= 2;
	if (cap > t->cap)
		htab_resize(t, cap);
	if (n > t->capkeys) {
		t->capkeys = n;
		t->off = xrealloc(t->off, t->capkeys * sizeof *t->off);
		t->len = xrealloc(t->len, t->capkeys * sizeof *t->len);
	}
}

void
htab_clear(struct htab *t)
{
	if (t->cap > 4096 && (size_t)t->n * 16 < t->cap) {
		free(t->slot);
		free(t->seen);
		t->slot = NULL;
		t->seen = NULL;
		t->cap = 0;
	} else if (t->n > 0) {
		memset(t->slot, 0, t->cap * sizeof *t->slot);
		memset(t->seen, 0, t->cap);
	}
	t->n = 0;
	sbuf_reset(&t->keys);
}

void
htab_free(struct htab *t)
{
	free(t->slot);
	free(t->seen);
	free(t->off);
	free(t->len);
	sbuf_free(&t->keys);
	memset(t, 0, sizeof *t);
}
