#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "minhash.h"
#include "sbuf.h"

static uint64_t
minhash_mix(uint64_t x)
{
	x += 0x9e3779b97f4a7c15ULL;
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
	x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
	return x ^ (x >> 31);
}

void
minhash_shingles(const uint64_t *w, size_t n, size_t k, struct norm_hashes *out)
{
	size_t i, j;

	out->n = 0;
	if (n == 0)
		return;
	if (k == 0)
		k = 1;
	if (n < k)
		k = n;
	for (i = 0; i + k <= n; i++) {
		uint64_t h = 0x736b696e676c6573ULL;

		for (j = 0; j < k; j++)
			h = minhash_mix(h ^ w[i + j]);
		norm_push(out, h);
	}
	norm_set(out);
}

void
minhash_sign(struct minhash *m, const uint64_t *sh, size_t n)
{
	bool filled[MINHASH_K] = {false};
	size_t i, j, d;

	for (i = 0; i < MINHASH_K; i++)
		m->v[i] = UINT32_MAX;
	for (i = 0; i < n; i++) {
		uint64_t x = minhash_mix(sh[i]);
		size_t slot = (size_t)(x >> 57) % MINHASH_K;
		uint32_t val = (uint32_t)x;

		if (!filled[slot] || val < m->v[slot])
			m->v[slot] = val;
		filled[slot] = true;
	}
	if (n == 0)
		return;
	/* j: the next filled slot after i, going round; d: how far it is */
	for (j = 0; !filled[j]; j++)
		;
	for (i = MINHASH_K; i-- > 0;) {
		if (filled[i]) {
			j = i;
			continue;
		}
		d = j > i ? j - i : j + MINHASH_K - i;
		m->v[i] = m->v[j] + (uint32_t)(d * 0x9e3779b9U);
	}
}

double
minhash_estimate(const struct minhash *a, const struct minhash *b)
{
	size_t i, same = 0;

	for (i = 0; i < MINHASH_K; i++)
		same += a->v[i] == b->v[i];
	return (double)same / MINHASH_K;
}

static int
key_cmp(const void *x, const void *y)
{
	const struct minhash_key *p = x, *q = y;

	if (p->key != q->key)
		return p->key < q->key ? -1 : 1;
	return p->doc < q->doc ? -1 : p->doc > q->doc;
}

static int
pair_cmp(const void *x, const void *y)
{
	const struct minhash_pair *p = x, *q = y;

	if (p->i != q->i)
		return p->i < q->i ? -1 : 1;
	return p->j < q->j ? -1 : p->j > q->j;
}

static void
pair_push(struct minhash_pairs *p, size_t i, size_t j)
{
	if (p->n == p->cap) {
		p->cap = p->cap ? 2 * p->cap : 256;
		p->v = xrealloc(p->v, p->cap * sizeof *p->v);
	}
	p->v[p->n++] = (struct minhash_pair){i, j};
}

uint64_t
minhash_band_key(const struct minhash *m, size_t band, size_t rows)
{
	uint64_t h = band;
	size_t r;

	for (r = 0; r < rows; r++)
		h = minhash_mix(h ^ ((uint64_t)m->v[band * rows + r] << 8));
	return h;
}

void
minhash_bucket_pairs(struct minhash_key *k, size_t m, struct minhash_pairs *out)
{
	minhash_bucket_pairs_upto(k, m, 0, out);
}

void
minhash_bucket_pairs_upto(struct minhash_key *k, size_t m, size_t most,
                          struct minhash_pairs *out)
{
	size_t i, end, start, from = out->n;

	qsort(k, m, sizeof *k, key_cmp);
	for (start = 0; start < m; start = end) {
		for (end = start + 1; end < m && k[end].key == k[start].key; end++)
			;
		if (most != 0 && end - start > most)
			continue;
		for (i = start + 1; i < end; i++) {
			pair_push(out, k[start].doc, k[i].doc);
			if (i - 1 > start)
				pair_push(out, k[i - 1].doc, k[i].doc);
		}
	}
	if (out->n - from > 1)
		qsort(out->v + from, out->n - from, sizeof *out->v, pair_cmp);
	minhash_pairs_merge(out, from);
}

/* Merge the sorted pairs from on into the sorted pairs before, dropping repeats. */
void
minhash_pairs_merge(struct minhash_pairs *p, size_t from)
{
	struct minhash_pair *v;
	size_t i = 0, j = from, w = 0;

	if (p->n == 0)
		return;
	v = xmalloc(p->n * sizeof *v);
	while (i < from || j < p->n) {
		struct minhash_pair x;

		if (j >= p->n || (i < from && pair_cmp(&p->v[i], &p->v[j]) <= 0))
			x = p->v[i++];
		else
			x = p->v[j++];
		if (w == 0 || pair_cmp(&v[w - 1], &x) != 0)
			v[w++] = x;
	}
	memcpy(p->v, v, w * sizeof *v);
	free(v);
	p->n = w;
}

void
minhash_candidates(const struct minhash *sig, const bool *skip, size_t n, size_t bands,
                   size_t rows, struct minhash_pairs *out)
{
	struct minhash_key *k = xmalloc((n + 1) * sizeof *k);
	size_t b, i, m;

	out->n = 0;
	for (b = 0; b < bands; b++) {
		for (i = 0, m = 0; i < n; i++)
			if (skip == NULL || !skip[i])
				k[m++] = (struct minhash_key){minhash_band_key(&sig[i], b, rows), i};
		minhash_bucket_pairs(k, m, out);
	}
	free(k);
}

void
minhash_pairs_free(struct minhash_pairs *p)
{
	free(p->v);
	memset(p, 0, sizeof *p);
}

void
minhash_uf_init(struct minhash_uf *u, size_t n)
{
	size_t i;

	u->n = n;
	u->parent = xmalloc((n + 1) * sizeof *u->parent);
	for (i = 0; i < n; i++)
		u->parent[i] = i;
}

size_t
minhash_uf_find(struct minhash_uf *u, size_t x)
{
	while (u->parent[x] != x) {
		u->parent[x] = u->parent[u->parent[x]];
		x = u->parent[x];
	}
	return x;
}

void
minhash_uf_union(struct minhash_uf *u, size_t x, size_t y)
{
	x = minhash_uf_find(u, x);
	y = minhash_uf_find(u, y);
	if (x < y)
		u->parent[y] = x;
	else if (y < x)
		u->parent[x] = y;
}

void
minhash_uf_free(struct minhash_uf *u)
{
	free(u->parent);
	u->parent = NULL;
}
