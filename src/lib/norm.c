#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "norm.h"
#include "utf8.h"

/* What a code point becomes: 0 kept, ' ' space, '\'' or '"' a quote, 'x' dropped. */
static int
norm_class(int32_t cp)
{
	if (cp < 0x80)
		return (cp == ' ' || (cp >= '\t' && cp <= '\r')) ? ' ' : 0;
	switch (cp) {
	case 0x2018:
	case 0x2019:
	case 0x201A:
	case 0x201B:
	case 0x2032:
	case 0x2035:
		return '\'';
	case 0x201C:
	case 0x201D:
	case 0x201E:
	case 0x201F:
	case 0x2033:
	case 0x2036:
	case 0x00AB:
	case 0x00BB:
		return '"';
	case 0x00AD:
	case 0x200B:
	case 0x200C:
	case 0x200D:
	case 0x2060:
	case 0xFEFF:
		return 'x';
	}
	return utf8_is_space(cp) ? ' ' : 0;
}

void
norm_text(struct sbuf *out, const char *s, size_t n)
{
	size_t i = 0, start = out->len;
	int space = 0;

	sbuf_grow(out, n);
	while (i < n) {
		unsigned char c = (unsigned char)s[i];
		int32_t cp;
		size_t len = 1;
		int k;

		if (c < 0x80) {
			cp = c;
		} else
			len = utf8_decode(s + i, n - i, &cp);
		k = cp < 0 ? 0 : norm_class(cp);
		if (k == ' ') {
			space = 1;
		} else if (k != 'x') {
			if (space && out->len > start)
				sbuf_addc(out, ' ');
			space = 0;
			if (k == 0)
				sbuf_add(out, s + i, len);
			else
				sbuf_addc(out, k);
		}
		i += len;
	}
}

/* FNV-1a over the bytes, then the MurmurHash3 64-bit finaliser to spread them. */
uint64_t
norm_hash(const void *p, size_t n)
{
	const unsigned char *s = p;
	uint64_t h = 0xcbf29ce484222325ULL;
	size_t i;

	for (i = 0; i < n; i++) {
		h ^= s[i];
		h *= 0x100000001b3ULL;
	}
	h ^= n;
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdULL;
	h ^= h >> 33;
	h *= 0xc4ceb9fe1a85ec53ULL;
	h ^= h >> 33;
	return h;
}

uint64_t
norm_text_hash(const char *s, size_t n)
{
	static struct sbuf b;
	uint64_t h;

	sbuf_reset(&b);
	norm_text(&b, s, n);
	h = norm_hash(b.p ? b.p : "", b.len);
	if (b.cap > 1 << 20)
		sbuf_free(&b);
	return h;
}

void
norm_push(struct norm_hashes *h, uint64_t v)
{
	if (h->n == h->cap) {
		h->cap = h->cap ? 2 * h->cap : 64;
		h->v = xrealloc(h->v, h->cap * sizeof *h->v);
	}
	h->v[h->n++] = v;
}

/* The length of the punctuation or symbol code point starting at p (back: ending
 * at p), or 0 when it is something else; invalid bytes are not punctuation. */
static size_t
norm_punct_len(const char *p, size_t n, int back)
{
	int32_t cp;
	size_t len;

	if (back)
		len = utf8_decode_back(p - n, p, &cp);
	else
		len = utf8_decode(p, n, &cp);
	if (cp < 0)
		return 0;
	if (cp < 0x80)
		return (cp > ' ' && cp < 0x7F &&
		        !((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z') &&
		        !(cp >= '0' && cp <= '9'))
		           ? len
		           : 0;
	return (utf8_is_punct(cp) || utf8_is_symbol(cp)) ? len : 0;
}

static void
norm_add_word(struct norm_hashes *out, struct sbuf *fold, const char *w, size_t n)
{
	size_t k;

	while (n > 0 && (k = norm_punct_len(w, n, 0)) > 0) {
		w += k;
		n -= k;
	}
	while (n > 0 && (k = norm_punct_len(w + n, n, 1)) > 0)
		n -= k;
	if (n == 0)
		return;
	if (utf8_is_ascii(w, n)) {
		sbuf_reset(fold);
		sbuf_add(fold, w, n);
		for (k = 0; k < n; k++)
			if (fold->p[k] >= 'A' && fold->p[k] <= 'Z')
				fold->p[k] += 'a' - 'A';
	} else {
		sbuf_reset(fold);
		utf8_normalize(fold, w, n, true, false);
	}
	norm_push(out, norm_hash(fold->p, fold->len));
}

void
norm_words(const char *s, size_t n, struct norm_hashes *out)
{
	struct sbuf t = SBUF_INIT, fold = SBUF_INIT;
	size_t i = 0, j;

	out->n = 0;
	norm_text(&t, s, n);
	while (i < t.len) {
		for (j = i; j < t.len && t.p[j] != ' '; j++)
			;
		norm_add_word(out, &fold, t.p + i, j - i);
		i = j + 1;
	}
	sbuf_free(&t);
	sbuf_free(&fold);
}

static int
norm_cmp(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

void
norm_set(struct norm_hashes *h)
{
	size_t i, k = 0;

	if (h->n == 0)
		return;
	qsort(h->v, h->n, sizeof *h->v, norm_cmp);
	for (i = 1; i < h->n; i++)
		if (h->v[i] != h->v[k])
			h->v[++k] = h->v[i];
	h->n = k + 1;
}

double
norm_jaccard(const uint64_t *a, size_t na, const uint64_t *b, size_t nb)
{
	size_t i = 0, j = 0, both = 0;

	if (na + nb == 0)
		return 1.0;
	while (i < na && j < nb) {
		if (a[i] == b[j]) {
			both++;
			i++;
			j++;
		} else if (a[i] < b[j])
			i++;
		else
			j++;
	}
	return (double)both / (double)(na + nb - both);
}

void
norm_hashes_free(struct norm_hashes *h)
{
	free(h->v);
	h->v = NULL;
	h->n = h->cap = 0;
}
