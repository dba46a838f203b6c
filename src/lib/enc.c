#include "config.h"

#include <stdint.h>
#include <string.h>
#include <strings.h>

#include "enc.h"
#include "utf8.h"

/* Windows-1252 0x80-0x9F; the undefined bytes map to C1 controls, as WHATWG has it. */
static const uint16_t enc_c1[32] = {
	0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
	0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
	0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
	0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
};

int
enc_parse(const char *name, enum enc_mode *mode)
{
	static const char *const cp1252[] = {
		"windows-1252", "cp1252", "x-cp1252", "latin1", "latin-1", "l1",
		"iso-8859-1", "iso8859-1", "iso_8859-1", "iso88591", "ascii",
		"us-ascii", "cp819", "ibm819", NULL
	};
	size_t i;

	if (strcasecmp(name, "auto") == 0)
		*mode = ENC_AUTO;
	else if (strcasecmp(name, "utf-8") == 0 || strcasecmp(name, "utf8") == 0)
		*mode = ENC_UTF8;
	else {
		for (i = 0; cp1252[i] != NULL; i++)
			if (strcasecmp(name, cp1252[i]) == 0)
				break;
		if (cp1252[i] == NULL)
			return -1;
		*mode = ENC_CP1252;
	}
	return 0;
}

static bool
enc_undefined(unsigned char c)
{
	return c == 0x81 || c == 0x8D || c == 0x8F || c == 0x90 || c == 0x9D;
}

/* Whether s[0..n), not valid UTF-8, looks like Windows-1252. */
static bool
enc_looks_cp1252(const char *s, size_t n)
{
	size_t bad = 0, good = 0, k, i = 0;

	for (k = 0; k < n; k++)
		if (enc_undefined((unsigned char)s[k]))
			return false;
	while (i < n) {
		int32_t cp;
		size_t len;

		if ((unsigned char)s[i] < 0x80) {
			i++;
			continue;
		}
		len = utf8_decode_wide(s + i, n - i, &cp);
		if (cp < 0)
			bad++;
		else
			good++;
		i += len;
	}
	return bad > good;
}

static void
enc_put(struct enc *e, int32_t cp, size_t srclen)
{
	char b[4];
	size_t k;

	if (cp < 0x800) {
		b[0] = (char)(0xC0 | (cp >> 6));
		b[1] = (char)(0x80 | (cp & 0x3F));
		k = 2;
	} else {
		b[0] = (char)(0xE0 | (cp >> 12));
		b[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		b[2] = (char)(0x80 | (cp & 0x3F));
		k = 3;
	}
	fold_map_add(&e->map, e->u.len, srclen, k);
	sbuf_add(&e->u, b, k);
}

static void
enc_start(struct enc *e, size_t n)
{
	sbuf_reset(&e->u);
	sbuf_grow(&e->u, n + n / 2 + 1);
	e->map.n = 0;
	e->map.end = 0;
}

static void
enc_cp1252(struct enc *e, const char *s, size_t n)
{
	size_t i = 0;

	enc_start(e, n);
	while (i < n) {
		unsigned char c;
		size_t k = i;

		while (k < n && (unsigned char)s[k] < 0x80)
			k++;
		sbuf_add(&e->u, s + i, k - i);
		if ((i = k) == n)
			break;
		c = (unsigned char)s[i++];
		enc_put(e, c < 0xA0 ? enc_c1[c - 0x80] : c, 1);
	}
	e->u.p[e->u.len] = '\0';
}

/* s[0..n), valid UTF-8 up to byte i, with each invalid byte as U+FFFD. */
static void
enc_repair(struct enc *e, const char *s, size_t n, size_t i)
{
	enc_start(e, n);
	sbuf_add(&e->u, s, i);
	while (i < n) {
		size_t k = i + utf8_valid_len(s + i, n - i);

		sbuf_add(&e->u, s + i, k - i);
		if ((i = k) == n)
			break;
		enc_put(e, 0xFFFD, 1);
		i++;
	}
	e->u.p[e->u.len] = '\0';
}

enum enc_result
enc_text(struct enc *e, enum enc_mode mode, const char *s, size_t n)
{
	size_t i;

	if (mode == ENC_CP1252) {
		if (utf8_is_ascii(s, n))
			return ENC_CLEAN;
		enc_cp1252(e, s, n);
		return ENC_DECODED;
	}
	if ((i = utf8_valid_len(s, n)) == n)
		return ENC_CLEAN;
	if (mode == ENC_AUTO && enc_looks_cp1252(s, n)) {
		enc_cp1252(e, s, n);
		return ENC_DECODED;
	}
	enc_repair(e, s, n, i);
	return ENC_REPAIRED;
}

void
enc_free(struct enc *e)
{
	sbuf_free(&e->u);
	fold_map_free(&e->map);
}
