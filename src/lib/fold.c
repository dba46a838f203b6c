#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "fold.h"
#include "utf8.h"

/* Bytes that may start whitespace: ASCII controls, space, and the lead
 * bytes of U+0085, U+00A0, U+1680, U+2000-U+205F and U+3000. */
static const unsigned char fold_stop[256] = {
	[0x00] = 1, [0x01] = 1, [0x02] = 1, [0x03] = 1, [0x04] = 1, [0x05] = 1,
	[0x06] = 1, [0x07] = 1, [0x08] = 1, [0x09] = 1, [0x0A] = 1, [0x0B] = 1,
	[0x0C] = 1, [0x0D] = 1, [0x0E] = 1, [0x0F] = 1, [0x10] = 1, [0x11] = 1,
	[0x12] = 1, [0x13] = 1, [0x14] = 1, [0x15] = 1, [0x16] = 1, [0x17] = 1,
	[0x18] = 1, [0x19] = 1, [0x1A] = 1, [0x1B] = 1, [0x1C] = 1, [0x1D] = 1,
	[0x1E] = 1, [0x1F] = 1, [' '] = 1, [0xC2] = 1, [0xE1] = 1, [0xE2] = 1,
	[0xE3] = 1,
};

static inline bool
fold_single_space(const char *r, const char *end)
{
	return *r == ' ' && r + 1 < end && !fold_stop[(unsigned char)r[1]];
}

#ifdef __SSE2__
/* Bytes of v that may start whitespace (see fold_stop). */
static inline __m128i
fold_stop_mask(__m128i v)
{
	__m128i sp = _mm_set1_epi8(' ');
	__m128i le = _mm_cmpeq_epi8(_mm_max_epu8(v, sp), sp);
	__m128i c2 = _mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xC2));
	__m128i e1 = _mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xE1));
	__m128i e2 = _mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xE2));
	__m128i e3 = _mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xE3));

	return _mm_or_si128(_mm_or_si128(le, c2), _mm_or_si128(e1, _mm_or_si128(e2, e3)));
}
#endif

/*
 * Skip the bytes from s that need no folding: anything but whitespace,
 * and single ASCII spaces between such bytes.  Returns where to stop.
 */
static const char *
fold_skip_clean(const char *s, const char *end)
{
#ifdef __SSE2__
	while (end - s >= 17) {
		__m128i v = _mm_loadu_si128((const __m128i *)s);
		__m128i next = _mm_loadu_si128((const __m128i *)(s + 1));
		__m128i stop = fold_stop_mask(v);
		__m128i single = _mm_andnot_si128(fold_stop_mask(next),
		    _mm_cmpeq_epi8(v, _mm_set1_epi8(' ')));
		unsigned m = (unsigned)_mm_movemask_epi8(_mm_andnot_si128(single, stop));

		if (m != 0)
			return s + __builtin_ctz(m);
		s += 16;
	}
#endif
	for (; s < end; s++)
		if (fold_stop[(unsigned char)*s] && !fold_single_space(s, end))
			break;
	return s;
}

static size_t
fold_space_len(const char *s, size_t n)
{
	int32_t cp;
	size_t len;

	if ((unsigned char)*s < 0x80)
		return (*s == ' ' || (*s >= '\t' && *s <= '\r')) ? 1 : 0;
	len = utf8_decode(s, n, &cp);
	return utf8_is_space(cp) ? len : 0;
}

void
fold_put(struct sbuf *folds, size_t pos, size_t len, size_t tlen)
{
	char tmp[72];
	int k = tlen == 1 ? snprintf(tmp, sizeof tmp, "%s%zu:%zu", folds->len ? "," : "", pos, len) :
	    snprintf(tmp, sizeof tmp, "%s%zu:%zu:%zu", folds->len ? "," : "", pos, len, tlen);

	sbuf_add(folds, tmp, (size_t)k);
}

void
fold_text(struct sbuf *text, struct sbuf *folds, const char *s, size_t n)
{
	const char *end = s + n;
	size_t base = text->len;

	sbuf_grow(text, n);
	while (s < end) {
		const char *r = fold_skip_clean(s, end);
		size_t w;
		const char *q;

		memcpy(text->p + text->len, s, (size_t)(r - s));
		text->len += (size_t)(r - s);
		s = r;
		if (s == end)
			break;
		if ((w = fold_space_len(s, (size_t)(end - s))) == 0) {
			text->p[text->len++] = *s++;
			continue;
		}
		q = s + w;
		while (q < end && (w = fold_space_len(q, (size_t)(end - q))) > 0)
			q += w;
		if (q - s != 1 || *s != ' ')
			fold_put(folds, text->len - base, (size_t)(q - s), 1);
		text->p[text->len++] = ' ';
		s = q;
	}
	text->p[text->len] = '\0';
}

static int
fold_num(const char **s, const char *end, size_t *v)
{
	const char *p = *s;
	size_t x = 0;

	if (p == end || *p < '0' || *p > '9')
		return -1;
	while (p < end && *p >= '0' && *p <= '9') {
		if (x > (size_t)-1 / 10 - 10)
			return -1;
		x = x * 10 + (size_t)(*p++ - '0');
	}
	*s = p;
	*v = x;
	return 0;
}

int
fold_map_add(struct fold_map *m, size_t pos, size_t len, size_t tlen)
{
	/* offsets beyond 2^40 bytes are not plausible and keep the sums exact */
	if (len == 0 || tlen == 0 || pos >> 40 || len >> 40 || tlen >> 40 ||
	    (m->n > 0 && pos < m->end))
		return -1;
	if (m->n == m->cap) {
		m->cap = m->cap ? m->cap * 2 : 16;
		m->pos = xrealloc(m->pos, m->cap * sizeof *m->pos);
		m->extra = xrealloc(m->extra, m->cap * sizeof *m->extra);
		m->tlen = xrealloc(m->tlen, m->cap * sizeof *m->tlen);
	}
	m->pos[m->n] = pos;
	m->tlen[m->n] = tlen;
	m->extra[m->n] = (m->n > 0 ? m->extra[m->n - 1] : 0) + (int64_t)len - (int64_t)tlen;
	m->end = pos + tlen;
	m->n++;
	return 0;
}

int
fold_parse(struct fold_map *m, const char *s, size_t n)
{
	const char *end = s + n;
	size_t pos, len, tlen;

	m->n = 0;
	m->end = 0;
	while (s < end) {
		tlen = 1;
		if (fold_num(&s, end, &pos) != 0 || s == end || *s++ != ':' ||
		    fold_num(&s, end, &len) != 0)
			return -1;
		if (s < end && *s == ':' && (++s, fold_num(&s, end, &tlen) != 0))
			return -1;
		if (fold_map_add(m, pos, len, tlen) != 0)
			return -1;
		if (s < end && (*s++ != ',' || s == end))
			return -1;
	}
	return 0;
}

size_t
fold_offset(const struct fold_map *m, size_t t)
{
	size_t lo = 0, hi = m->n;
	int64_t o, first;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (m->pos[mid] < t)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == 0)
		return t;
	/* an offset inside an item's text maps to the item's first byte */
	o = (int64_t)t + m->extra[lo - 1];
	first = (int64_t)m->pos[lo - 1] + (lo > 1 ? m->extra[lo - 2] : 0);
	return (size_t)(o < first ? first : o);
}

void
fold_format(struct sbuf *folds, const struct fold_map *m)
{
	size_t i;

	for (i = 0; i < m->n; i++) {
		int64_t prev = i > 0 ? m->extra[i - 1] : 0;

		fold_put(folds, m->pos[i], (size_t)(m->extra[i] - prev + (int64_t)m->tlen[i]),
		    m->tlen[i]);
	}
}

/* Offset t of the text of fold_chain() in the second text. */
static size_t
fold_through(const struct fold_map *m, size_t t)
{
	return m != NULL ? fold_offset(m, t) : t;
}

void
fold_chain(struct fold_map *out, const char *s, size_t n,
    const struct fold_map *first, size_t at, const struct fold_map *second)
{
	size_t t = 0, base = fold_through(second, at), a = 0;

	out->n = 0;
	out->end = 0;
	while (t < n) {
		int32_t cp;
		size_t cl = utf8_decode(s + t, n - t, &cp);
		size_t b = fold_through(second, at + fold_through(first, t + cl)) - base;

		if (b - a != cl)
			fold_map_add(out, t, b - a, cl);
		a = b;
		t += cl;
	}
}

void
fold_map_free(struct fold_map *m)
{
	free(m->pos);
	free(m->extra);
	free(m->tlen);
	memset(m, 0, sizeof *m);
}
