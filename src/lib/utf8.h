/*
 * utf8: decoding and character classes, with an ASCII fast path.
 *
 * Invalid sequences are never an error: utf8_decode() reports them as a
 * single byte with code point -1 so that callers can keep such bytes as
 * they are.  Classes of non-ASCII code points come from utf8proc.
 */
#ifndef TABLOID_UTF8_H
#define TABLOID_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "sbuf.h"

/*
 * Decode the code point at p (n > 0 bytes available).  Returns the
 * sequence length and stores the code point in *cp; for an invalid or
 * truncated sequence, an overlong form or a surrogate returns 1 and
 * stores -1.
 */
static inline size_t utf8_decode(const char *p, size_t n, int32_t *cp);
/* utf8_decode() of a sequence that does not start with an ASCII byte. */
size_t utf8_decode_wide(const char *p, size_t n, int32_t *cp);
/*
 * Decode the code point that ends just before p, looking back no further
 * than start.  Returns its length; stores -1 for invalid bytes (length 1).
 */
size_t utf8_decode_back(const char *start, const char *p, int32_t *cp);

bool utf8_is_space(int32_t cp);	/* Unicode White_Space, with NBSP */
static inline bool utf8_is_letter(int32_t cp);	/* general category L* */
static inline bool utf8_is_upper(int32_t cp);	/* Lu or Lt */
bool utf8_is_lower(int32_t cp);	/* Ll */
bool utf8_is_digit(int32_t cp);	/* Nd */
static inline bool utf8_is_alnum(int32_t cp);	/* L*, M*, N* */
bool utf8_is_mark(int32_t cp);	/* M* */
bool utf8_is_punct(int32_t cp);	/* P* */
bool utf8_is_symbol(int32_t cp);	/* S* */
bool utf8_is_currency(int32_t cp);	/* Sc */

/*
 * Append to out the Unicode case folding (fold true) and/or NFKC form
 * (nfkc true) of n bytes at s.  Bytes that are not valid UTF-8 are copied
 * unchanged.
 */
void utf8_normalize(struct sbuf *out, const char *s, size_t n, bool fold,
    bool nfkc);

/* True when the n bytes at s are all ASCII. */
bool utf8_is_ascii(const char *s, size_t n);
/* The length of the longest prefix of s[0..n) that is valid UTF-8. */
size_t utf8_valid_len(const char *s, size_t n);
/*
 * Whether s[0..n), n < 4, is the start of a valid sequence that more bytes
 * could complete.
 */
bool utf8_is_partial(const char *s, size_t n);

/* The classes above for code points from 0x80 up (and -1). */
bool utf8_is_letter_wide(int32_t cp);
bool utf8_is_upper_wide(int32_t cp);
bool utf8_is_alnum_wide(int32_t cp);

static inline size_t
utf8_decode(const char *p, size_t n, int32_t *cp)
{
	if ((unsigned char)p[0] < 0x80) {
		*cp = (unsigned char)p[0];
		return 1;
	}
	return utf8_decode_wide(p, n, cp);
}

static inline bool
utf8_is_letter(int32_t cp)
{
	if (cp >= 0 && cp < 0x80)
		return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
	return utf8_is_letter_wide(cp);
}

static inline bool
utf8_is_upper(int32_t cp)
{
	if (cp >= 0 && cp < 0x80)
		return cp >= 'A' && cp <= 'Z';
	return utf8_is_upper_wide(cp);
}

static inline bool
utf8_is_alnum(int32_t cp)
{
	if (cp >= 0 && cp < 0x80)
		return ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z') || (cp >= '0' && cp <= '9');
	return utf8_is_alnum_wide(cp);
}

#endif
