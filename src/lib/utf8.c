#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "utf8.h"

size_t
utf8_decode_wide(const char *s, size_t n, int32_t *cp)
{
	const unsigned char *p = (const unsigned char *)s;
	int32_t c;
	size_t len, i;

	if (p[0] >= 0xC2 && p[0] <= 0xDF) {
		len = 2;
		c = p[0] & 0x1F;
	} else if (p[0] >= 0xE0 && p[0] <= 0xEF) {
		len = 3;
		c = p[0] & 0x0F;
	} else if (p[0] >= 0xF0 && p[0] <= 0xF4) {
		len = 4;
		c = p[0] & 0x07;
	} else {
		*cp = -1;
		return 1;
	}
	if (n < len) {
		*cp = -1;
		return 1;
	}
	for (i = 1; i < len; i++) {
		if ((p[i] & 0xC0) != 0x80) {
			*cp = -1;
			return 1;
		}
		c = (c << 6) | (p[i] & 0x3F);
	}
	if ((len == 3 && (c < 0x800 || (c >= 0xD800 && c <= 0xDFFF))) ||
	    (len == 4 && (c < 0x10000 || c > 0x10FFFF))) {
		*cp = -1;
		return 1;
	}
	*cp = c;
	return len;
}

size_t
utf8_decode_back(const char *start, const char *p, int32_t *cp)
{
	const char *q = p - 1;
	size_t len;

	if ((unsigned char)*q < 0x80) {
		*cp = (unsigned char)*q;
		return 1;
	}
	while (q > start && p - q < 4 && ((unsigned char)*q & 0xC0) == 0x80)
		q--;
	len = utf8_decode(q, (size_t)(p - q), cp);
	if (*cp < 0 || q + len != p) {
		*cp = -1;
		return 1;
	}
	return len;
}

static utf8proc_propval_t
utf8_cat(int32_t cp)
{
	if (cp < 0)
		return UTF8PROC_CATEGORY_CN;
	return utf8proc_category(cp);
}

bool
utf8_is_space(int32_t cp)
{
	if (cp < 0x80)
		return cp == ' ' || (cp >= '\t' && cp <= '\r');
	return cp == 0x85 || cp == 0xA0 || cp == 0x1680 ||
	    (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 || cp == 0x2029 ||
	    cp == 0x202F || cp == 0x205F || cp == 0x3000;
}

bool
utf8_is_letter_wide(int32_t cp)
{
	utf8proc_propval_t c;

	c = utf8_cat(cp);
	return c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO;
}

bool
utf8_is_upper_wide(int32_t cp)
{
	utf8proc_propval_t c;

	c = utf8_cat(cp);
	return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT;
}

bool
utf8_is_lower(int32_t cp)
{
	if (cp < 0x80)
		return cp >= 'a' && cp <= 'z';
	return utf8_cat(cp) == UTF8PROC_CATEGORY_LL;
}

bool
utf8_is_digit(int32_t cp)
{
	if (cp < 0x80)
		return cp >= '0' && cp <= '9';
	return utf8_cat(cp) == UTF8PROC_CATEGORY_ND;
}

bool
utf8_is_mark(int32_t cp)
{
	utf8proc_propval_t c;

	if (cp < 0x80)
		return false;
	c = utf8_cat(cp);
	return c >= UTF8PROC_CATEGORY_MN && c <= UTF8PROC_CATEGORY_ME;
}

bool
utf8_is_alnum_wide(int32_t cp)
{
	utf8proc_propval_t c;

	c = utf8_cat(cp);
	return c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_NO;
}

bool
utf8_is_punct(int32_t cp)
{
	utf8proc_propval_t c = utf8_cat(cp);

	return c >= UTF8PROC_CATEGORY_PC && c <= UTF8PROC_CATEGORY_PO;
}

bool
utf8_is_symbol(int32_t cp)
{
	utf8proc_propval_t c = utf8_cat(cp);

	return c >= UTF8PROC_CATEGORY_SM && c <= UTF8PROC_CATEGORY_SO;
}

bool
utf8_is_currency(int32_t cp)
{
	return cp == '$' || (cp >= 0x80 && utf8_cat(cp) == UTF8PROC_CATEGORY_SC);
}

bool
utf8_is_ascii(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if ((unsigned char)s[i] >= 0x80)
			return false;
	return true;
}

/* The ASCII bytes from s on, 8 at a time. */
static size_t
utf8_ascii_run(const char *s, size_t n)
{
	size_t i = 0;

	while (i + 8 <= n) {
		uint64_t w;

		memcpy(&w, s + i, 8);
		if (w & UINT64_C(0x8080808080808080))
			break;
		i += 8;
	}
	while (i < n && (unsigned char)s[i] < 0x80)
		i++;
	return i;
}

size_t
utf8_valid_len(const char *s, size_t n)
{
	size_t i = 0;

	for (;;) {
		int32_t cp;
		size_t len;

		i += utf8_ascii_run(s + i, n - i);
		if (i == n)
			return n;
		len = utf8_decode_wide(s + i, n - i, &cp);
		if (cp < 0)
			return i;
		i += len;
	}
}

bool
utf8_is_partial(const char *s, size_t n)
{
	char tmp[4];
	int32_t cp;

	if (n == 0 || n >= 4 || (unsigned char)s[0] < 0xC2)
		return false;
	/* complete it with the smallest continuation that can follow */
	memcpy(tmp, s, n);
	memset(tmp + n, 0x80, 4 - n);
	if ((unsigned char)s[0] == 0xE0 && n == 1)
		tmp[1] = (char)0xA0;
	if ((unsigned char)s[0] == 0xF0 && n == 1)
		tmp[1] = (char)0x90;
	return utf8_decode_wide(tmp, 4, &cp) > n && cp >= 0;
}

static void
utf8_map_run(struct sbuf *out, const char *s, size_t n, utf8proc_option_t opt)
{
	utf8proc_uint8_t *dst = NULL;
	utf8proc_ssize_t r;

	r = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, &dst, opt);
	if (r < 0)
		sbuf_add(out, s, n);
	else
		sbuf_add(out, dst, (size_t)r);
	free(dst);
}

void
utf8_normalize(struct sbuf *out, const char *s, size_t n, bool fold, bool nfkc)
{
	utf8proc_option_t opt = UTF8PROC_STABLE | UTF8PROC_COMPOSE;
	const char *end = s + n, *run = s;
	int32_t cp;

	if (utf8_is_ascii(s, n)) {
		size_t i, at = out->len;

		sbuf_add(out, s, n);
		if (fold)
			for (i = at; i < out->len; i++)
				if (out->p[i] >= 'A' && out->p[i] <= 'Z')
					out->p[i] += 'a' - 'A';
		return;
	}
	if (fold)
		opt |= UTF8PROC_CASEFOLD;
	if (nfkc)
		opt |= UTF8PROC_COMPAT;
	while (s < end) {
		size_t len = utf8_decode(s, (size_t)(end - s), &cp);

		if (cp < 0 || cp == 0) {
			if (s > run)
				utf8_map_run(out, run, (size_t)(s - run), opt);
			sbuf_add(out, s, len);
			run = s + len;
		}
		s += len;
	}
	if (end > run)
		utf8_map_run(out, run, (size_t)(end - run), opt);
}
