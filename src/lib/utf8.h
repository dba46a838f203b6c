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
size_t utf8_decode(const char *p, size_t n, int32_t *cp);
/*
 * Decode the code point that ends just before p, looking back no further
 * than start.  Returns its length; stores -1 for invalid bytes (length 1).
 */
size_t utf8_decode_back(const char *start, const char *p, int32_t *cp);

bool utf8_is_space(int32_t cp);	/* Unicode White_Space, with NBSP */
bool utf8_is_letter(int32_t cp);	/* general category L* */
bool utf8_is_upper(int32_t cp);	/* Lu or Lt */
bool utf8_is_lower(int32_t cp);	/* Ll */
bool utf8_is_digit(int32_t cp);	/* Nd */
bool utf8_is_alnum(int32_t cp);	/* L*, M*, N* */
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

#endif
