#include "config.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jsonl.h"

struct jsonl_parse {
	const char *s;		/* the line */
	size_t n;		/* its length */
	size_t i;		/* the next byte */
	char *err;		/* message buffer */
	size_t errlen;		/* its size */
};

static int
jsonl_fail(struct jsonl_parse *p, const char *what)
{
	snprintf(p->err, p->errlen, "%s at byte %zu", what, p->i + 1);
	return -1;
}

static void
jsonl_space(struct jsonl_parse *p)
{
	while (p->i < p->n && (p->s[p->i] == ' ' || p->s[p->i] == '\t' ||
	    p->s[p->i] == '\r' || p->s[p->i] == '\n'))
		p->i++;
}

static int
jsonl_hex4(struct jsonl_parse *p, unsigned *v)
{
	size_t k;

	*v = 0;
	if (p->n - p->i < 4)
		return jsonl_fail(p, "expected four hex digits");
	for (k = 0; k < 4; k++) {
		char c = p->s[p->i + k];

		*v <<= 4;
		if (c >= '0' && c <= '9')
			*v |= (unsigned)(c - '0');
		else if (c >= 'a' && c <= 'f')
			*v |= (unsigned)(c - 'a' + 10);
		else if (c >= 'A' && c <= 'F')
			*v |= (unsigned)(c - 'A' + 10);
		else
			return jsonl_fail(p, "expected four hex digits");
	}
	p->i += 4;
	return 0;
}

static void
jsonl_utf8(struct sbuf *b, unsigned c)
{
	if (c < 0x80)
		sbuf_addc(b, (int)c);
	else if (c < 0x800) {
		sbuf_addc(b, (int)(0xC0 | c >> 6));
		sbuf_addc(b, (int)(0x80 | (c & 0x3F)));
	} else if (c < 0x10000) {
		sbuf_addc(b, (int)(0xE0 | c >> 12));
		sbuf_addc(b, (int)(0x80 | (c >> 6 & 0x3F)));
		sbuf_addc(b, (int)(0x80 | (c & 0x3F)));
	} else {
		sbuf_addc(b, (int)(0xF0 | c >> 18));
		sbuf_addc(b, (int)(0x80 | (c >> 12 & 0x3F)));
		sbuf_addc(b, (int)(0x80 | (c >> 6 & 0x3F)));
		sbuf_addc(b, (int)(0x80 | (c & 0x3F)));
	}
}

/* \uXXXX, with p->i after the u; a pair of surrogates makes one code point. */
static int
jsonl_unicode(struct jsonl_parse *p, struct sbuf *b)
{
	unsigned c, lo;

	if (jsonl_hex4(p, &c) != 0)
		return -1;
	if (c >= 0xD800 && c < 0xDC00 && p->n - p->i >= 6 && p->s[p->i] == '\\' &&
	    p->s[p->i + 1] == 'u') {
		p->i += 2;
		if (jsonl_hex4(p, &lo) != 0)
			return -1;
		if (lo >= 0xDC00 && lo < 0xE000) {
			jsonl_utf8(b, 0x10000 + ((c - 0xD800) << 10) + (lo - 0xDC00));
			return 0;
		}
		jsonl_utf8(b, 0xFFFD);
		c = lo;
	}
	jsonl_utf8(b, c >= 0xD800 && c < 0xE000 ? 0xFFFD : c);
	return 0;
}

static int
jsonl_escape(struct jsonl_parse *p, struct sbuf *b)
{
	static const char from[] = "\"\\/bfnrt", to[] = "\"\\/\b\f\n\r\t";
	const char *k;

	if (p->i == p->n)
		return jsonl_fail(p, "unterminated string");
	if (p->s[p->i] == 'u') {
		p->i++;
		return jsonl_unicode(p, b);
	}
	if (p->s[p->i] == '\0' || (k = strchr(from, p->s[p->i])) == NULL)
		return jsonl_fail(p, "bad escape in a string");
	sbuf_addc(b, to[k - from]);
	p->i++;
	return 0;
}

/* A string, with p->i at its opening quote, decoded onto b. */
static int
jsonl_string(struct jsonl_parse *p, struct sbuf *b)
{
	p->i++;
	for (;;) {
		size_t j = p->i;

		while (j < p->n && p->s[j] != '"' && p->s[j] != '\\' &&
		    (unsigned char)p->s[j] >= 0x20)
			j++;
		sbuf_add(b, p->s + p->i, j - p->i);
		p->i = j;
		if (j == p->n)
			return jsonl_fail(p, "unterminated string");
		if (p->s[j] == '"') {
			p->i++;
			return 0;
		}
		if (p->s[j] != '\\')
			return jsonl_fail(p, "control character in a string");
		p->i++;
		if (jsonl_escape(p, b) != 0)
			return -1;
	}
}

static size_t
jsonl_digits(struct jsonl_parse *p)
{
	size_t j = p->i;

	while (p->i < p->n && p->s[p->i] >= '0' && p->s[p->i] <= '9')
		p->i++;
	return p->i - j;
}

/* A number as RFC 8259 spells it, copied as written. */
static int
jsonl_number(struct jsonl_parse *p, struct sbuf *b)
{
	size_t j = p->i, d;

	if (p->s[p->i] == '-')
		p->i++;
	if (p->i < p->n && p->s[p->i] == '0')
		p->i++;
	else if (jsonl_digits(p) == 0)
		return jsonl_fail(p, "bad number");
	if (p->i < p->n && p->s[p->i] == '.') {
		p->i++;
		if (jsonl_digits(p) == 0)
			return jsonl_fail(p, "bad number");
	}
	if (p->i < p->n && (p->s[p->i] == 'e' || p->s[p->i] == 'E')) {
		p->i++;
		if (p->i < p->n && (p->s[p->i] == '+' || p->s[p->i] == '-'))
			p->i++;
		if ((d = jsonl_digits(p)) == 0)
			return jsonl_fail(p, "bad number");
	}
	sbuf_add(b, p->s + j, p->i - j);
	return 0;
}

static bool
jsonl_word(struct jsonl_parse *p, const char *w)
{
	size_t len = strlen(w);

	if (p->n - p->i < len || memcmp(p->s + p->i, w, len) != 0)
		return false;
	p->i += len;
	return true;
}

static int
jsonl_value(struct jsonl_parse *p, struct sbuf *b)
{
	char c;

	if (p->i == p->n)
		return jsonl_fail(p, "expected a value");
	c = p->s[p->i];
	if (c == '"')
		return jsonl_string(p, b);
	if (c == '-' || (c >= '0' && c <= '9'))
		return jsonl_number(p, b);
	if (jsonl_word(p, "true")) {
		sbuf_add(b, "true", 4);
		return 0;
	}
	if (jsonl_word(p, "false")) {
		sbuf_add(b, "false", 5);
		return 0;
	}
	if (jsonl_word(p, "null"))
		return 0;
	return jsonl_fail(p, "expected a value");
}

static int
jsonl_member(struct jsonl_parse *p, struct jsonl_object *o)
{
	struct jsonl_member m;

	if (p->i == p->n || p->s[p->i] != '"')
		return jsonl_fail(p, "expected a string key");
	m.key = o->buf.len;
	if (jsonl_string(p, &o->buf) != 0)
		return -1;
	m.keylen = o->buf.len - m.key;
	if (jsonl_find(o, o->buf.p + m.key, m.keylen) >= 0) {
		snprintf(p->err, p->errlen, "key '%.*s' given twice", (int)(m.keylen > 40 ? 40 :
		    m.keylen), o->buf.p + m.key);
		return -1;
	}
	jsonl_space(p);
	if (p->i == p->n || p->s[p->i] != ':')
		return jsonl_fail(p, "expected ':'");
	p->i++;
	jsonl_space(p);
	m.val = o->buf.len;
	if (p->i < p->n && (p->s[p->i] == '{' || p->s[p->i] == '[')) {
		snprintf(p->err, p->errlen, "member '%.*s' is %s", (int)(m.keylen > 40 ? 40 :
		    m.keylen), o->buf.p + m.key, p->s[p->i] == '{' ? "a nested object" : "an array");
		return -1;
	}
	if (jsonl_value(p, &o->buf) != 0)
		return -1;
	m.vallen = o->buf.len - m.val;
	if (o->n == o->cap) {
		o->cap = o->cap ? o->cap * 2 : 16;
		o->m = xrealloc(o->m, o->cap * sizeof *o->m);
	}
	o->m[o->n++] = m;
	return 0;
}

int
jsonl_parse(struct jsonl_object *o, const char *s, size_t n, char *errbuf, size_t errlen)
{
	struct jsonl_parse p = { s, n, 0, errbuf, errlen };

	sbuf_reset(&o->buf);
	o->n = 0;
	jsonl_space(&p);
	if (p.i == p.n || s[p.i] != '{')
		return jsonl_fail(&p, "not a JSON object: expected '{'");
	p.i++;
	jsonl_space(&p);
	if (p.i < p.n && s[p.i] == '}')
		p.i++;
	else {
		for (;;) {
			if (jsonl_member(&p, o) != 0)
				return -1;
			jsonl_space(&p);
			if (p.i < p.n && s[p.i] == ',') {
				p.i++;
				jsonl_space(&p);
				continue;
			}
			if (p.i < p.n && s[p.i] == '}') {
				p.i++;
				break;
			}
			return jsonl_fail(&p, "expected ',' or '}'");
		}
	}
	jsonl_space(&p);
	if (p.i != p.n)
		return jsonl_fail(&p, "text after the object");
	return 0;
}

long
jsonl_find(const struct jsonl_object *o, const char *name, size_t len)
{
	size_t i;

	for (i = 0; i < o->n; i++)
		if (o->m[i].keylen == len && memcmp(o->buf.p + o->m[i].key, name, len) == 0)
			return (long)i;
	return -1;
}

void
jsonl_free(struct jsonl_object *o)
{
	sbuf_free(&o->buf);
	free(o->m);
	memset(o, 0, sizeof *o);
}
