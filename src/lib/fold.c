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

static void
fold_record(struct sbuf *folds, size_t pos, size_t len)
{
	char tmp[48];
	int k = snprintf(tmp, sizeof tmp, "%s%zu:%zu", folds->len ? "," : "", pos, len);

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
			fold_record(folds, text->len - base, (size_t)(q - s));
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
fold_parse(struct fold_map *m, const char *s, size_t n)
{
	const char *end = s + n;
	size_t pos, len, sum = 0;

	m->n = 0;
	while (s < end) {
		if (fold_num(&s, end, &pos) != 0 || s == end || *s++ != ':' ||
		    fold_num(&s, end, &len) != 0 || len == 0 ||
		    (m->n > 0 && pos <= m->pos[m->n - 1]))
			return -1;
		if (s < end && (*s++ != ',' || s == end))
			return -1;
		if (m->n == m->cap) {
			m->cap = m->cap ? m->cap * 2 : 16;
			m->pos = xrealloc(m->pos, m->cap * sizeof *m->pos);
			m->extra = xrealloc(m->extra, m->cap * sizeof *m->extra);
		}
		sum += len - 1;
		m->pos[m->n] = pos;
		m->extra[m->n] = sum;
		m->n++;
	}
	return 0;
}

size_t
fold_offset(const struct fold_map *m, size_t t)
{
	size_t lo = 0, hi = m->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (m->pos[mid] < t)
			lo = mid + 1;
		else
			hi = mid;
	}
	return t + (lo > 0 ? m->extra[lo - 1] : 0);
}

void
fold_map_free(struct fold_map *m)
{
	free(m->pos);
	free(m->extra);
	memset(m, 0, sizeof *m);
}
