#include "config.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "abbrev.h"
#include "sbuf.h"
#include "tok.h"
#include "utf8.h"

/*
 * Chunks longer than this are cut by character class alone, which keeps
 * the work linear on hostile input (megabyte runs without spaces); real
 * tokens, URLs included, are far shorter.
 */
#define TOK_LONG_CHUNK 4096

struct tok_ctx {
	const struct abbrev *ab;	/* abbreviations, or NULL */
	const char *s;			/* the text */
	size_t n;			/* its length */
	struct tok_list *out;		/* where tokens go */
};

static const char *const tok_names[] = {
	"word", "number", "punct", "symbol", "url", "email", "mention",
	"hashtag", "other",
};

static const char *const tok_units[] = {
	"bn", "bln", "mn", "mln", "m", "k", "tn", "trn", "km", "kg", "cm",
	"mm", "mg", "ml", "kw", "mw", "gw", "kwh", "mph", "ft", "lb", "lbs",
	"oz", "am", "pm", "GW", "MW", "kW", "kWh",
};

static const char *const tok_tlds[] = {
	"com", "org", "net", "gov", "edu", "int", "mil", "info", "biz", "io",
	"co", "uk", "us", "eu", "de", "fr", "cn", "ru", "jp", "in", "au", "ca",
	"it", "es", "nl", "ch", "se", "no", "ie", "nz", "za", "br", "news",
	"tv", "me", "ly", "app", "dev",
};

const char *
tok_type_name(enum tok_type t)
{
	return tok_names[t];
}

int
tok_type_parse(const char *s, size_t n)
{
	int t;

	for (t = 0; t <= TOK_OTHER; t++)
		if (strlen(tok_names[t]) == n && memcmp(tok_names[t], s, n) == 0)
			return t;
	return -1;
}

size_t
tok_type_len(enum tok_type t)
{
	static const size_t len[] = { 4, 6, 5, 6, 3, 5, 7, 7, 5 };

	return len[t];
}

void
tok_list_free(struct tok_list *l)
{
	free(l->v);
	memset(l, 0, sizeof *l);
}

static void
tok_emit(struct tok_ctx *c, size_t b, size_t e, enum tok_type t)
{
	struct tok_list *l = c->out;

	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 256;
		l->v = xrealloc(l->v, l->cap * sizeof *l->v);
	}
	l->v[l->n].start = b;
	l->v[l->n].end = e;
	l->v[l->n].type = t;
	l->n++;
}

static int32_t
tok_cp(const struct tok_ctx *c, size_t i, size_t e, size_t *len)
{
	int32_t cp;

	*len = utf8_decode(c->s + i, e - i, &cp);
	return cp;
}

static int32_t
tok_cp_back(const struct tok_ctx *c, size_t b, size_t e, size_t *len)
{
	int32_t cp;

	*len = utf8_decode_back(c->s + b, c->s + e, &cp);
	return cp;
}

static bool
tok_is_ascii_alpha(int ch)
{
	return (ch | 0x20) >= 'a' && (ch | 0x20) <= 'z';
}

static bool
tok_is_ascii_digit(int ch)
{
	return ch >= '0' && ch <= '9';
}

/* Classify a piece by its characters. */
static enum tok_type
tok_classify(const struct tok_ctx *c, size_t b, size_t e)
{
	bool alnum = false, punct = false, digits = true;
	size_t len;

	while (b < e) {
		int32_t cp = tok_cp(c, b, e, &len);

		digits &= utf8_is_digit(cp);
		if (utf8_is_alnum(cp))
			alnum = true;
		else if (utf8_is_punct(cp))
			punct = true;
		b += len;
	}
	if (digits)
		return TOK_NUMBER;
	return alnum ? TOK_WORD : punct ? TOK_PUNCT : TOK_SYMBOL;
}

/* Length of a number at [b, e): digits in groups joined by . , : / -. */
static size_t
tok_number_len(const struct tok_ctx *c, size_t b, size_t e)
{
	const char *s = c->s;
	size_t i = b;

	if (i < e && (s[i] == '+' || s[i] == '-') && i + 1 < e && tok_is_ascii_digit(s[i + 1]))
		i++;
	if (i == e || !tok_is_ascii_digit(s[i]))
		return 0;
	for (;;) {
		while (i < e && tok_is_ascii_digit(s[i]))
			i++;
		if (i + 1 < e && (s[i] == '.' || s[i] == ',' || s[i] == ':' || s[i] == '/' ||
		    s[i] == '-') && tok_is_ascii_digit(s[i + 1]))
			i++;
		else
			break;
	}
	return i - b;
}

static bool
tok_is_unit(const char *w, size_t n)
{
	size_t i;

	for (i = 0; i < sizeof tok_units / sizeof *tok_units; i++)
		if (tok_units[i][0] == w[0] && strlen(tok_units[i]) == n &&
		    memcmp(tok_units[i], w, n) == 0)
			return true;
	return false;
}

static bool
tok_is_tld(const char *w, size_t n)
{
	char low[8];
	size_t i;

	if (n >= sizeof low)
		return false;
	for (i = 0; i < n; i++)
		low[i] = (char)(w[i] | 0x20);
	for (i = 0; i < sizeof tok_tlds / sizeof *tok_tlds; i++)
		if (tok_tlds[i][0] == low[0] && strlen(tok_tlds[i]) == n &&
		    memcmp(tok_tlds[i], low, n) == 0)
			return true;
	return false;
}

static bool
tok_url_char(int ch)
{
	return tok_is_ascii_alpha(ch) || tok_is_ascii_digit(ch) ||
	    (ch != '\0' && strchr("-._~:/?#[]@!$&'()*+,;=%", ch) != NULL);
}

/* Length of a host name label run "a.b.c" at [b, e), with its last label. */
static size_t
tok_host_len(const struct tok_ctx *c, size_t b, size_t e, size_t *last, size_t *dots)
{
	const char *s = c->s;
	size_t i = b, lb = b;

	*dots = 0;
	for (;;) {
		size_t st = i;

		while (i < e && (tok_is_ascii_alpha(s[i]) || tok_is_ascii_digit(s[i]) || s[i] == '-'))
			i++;
		if (i == st)
			return 0;
		lb = st;
		if (i + 1 < e && s[i] == '.' && (tok_is_ascii_alpha(s[i + 1]) || tok_is_ascii_digit(s[i + 1]))) {
			i++;
			(*dots)++;
		} else
			break;
	}
	*last = lb;
	return i - b;
}

static bool
tok_is_url(const struct tok_ctx *c, size_t b, size_t e)
{
	const char *s = c->s;
	size_t i = b, host, last, dots;

	if (strchr("hHfFwW", s[b]) == NULL || s[b] == '\0') {
		if (!tok_is_ascii_alpha(s[b]) || memchr(s + b, '.', e - b) == NULL)
			return false;
	}
	if (e - b > 7 && (strncasecmp(s + b, "http://", 7) == 0 ||
	    (e - b > 8 && strncasecmp(s + b, "https://", 8) == 0) ||
	    strncasecmp(s + b, "ftp://", 6) == 0))
		i = (size_t)((const char *)memchr(s + b, ':', e - b) - s) + 3;
	else if (e - b > 4 && strncasecmp(s + b, "www.", 4) == 0)
		i = b;
	else {
		host = tok_host_len(c, b, e, &last, &dots);
		if (host == 0 || dots == 0 || !tok_is_tld(s + last, b + host - last) ||
		    !tok_is_ascii_alpha(s[b]))
			return false;
		for (i = b; i < last; i++)
			if (s[i] >= 'A' && s[i] <= 'Z')
				return false;
		i = b + host;
		if (i < e && s[i] != '/' && s[i] != ':')
			return false;
	}
	if (i >= e)
		return false;
	for (; i < e; i++)
		if (!tok_url_char((unsigned char)s[i]))
			return false;
	return tok_is_ascii_alpha(s[e - 1]) || tok_is_ascii_digit(s[e - 1]) ||
	    strchr("/-_=#&~+%", s[e - 1]) != NULL;
}

static bool
tok_is_email(const struct tok_ctx *c, size_t b, size_t e)
{
	const char *s = c->s;
	const char *at = memchr(s + b, '@', e - b);
	size_t i, host, last, dots, a;

	if (at == NULL || at == s + b)
		return false;
	a = (size_t)(at - s);
	for (i = b; i < a; i++)
		if (!(tok_is_ascii_alpha(s[i]) || tok_is_ascii_digit(s[i]) ||
		    strchr("._%+-", s[i]) != NULL) || s[i] == '\0')
			return false;
	host = tok_host_len(c, a + 1, e, &last, &dots);
	return host > 0 && a + 1 + host == e && dots > 0 && e - last >= 2 &&
	    tok_is_ascii_alpha(s[last]);
}

static bool
tok_is_tag(const struct tok_ctx *c, size_t b, size_t e, char sigil)
{
	bool letter = false;
	size_t i = b + 1, len;

	if (c->s[b] != sigil || e - b < 2)
		return false;
	while (i < e) {
		int32_t cp = tok_cp(c, i, e, &len);

		if (!utf8_is_alnum(cp) && cp != '_')
			return false;
		letter |= !utf8_is_digit(cp);
		i += len;
	}
	return letter;
}

/* True when [b, e) ends in '.' and is a known or shape-evident abbreviation. */
static bool
tok_is_abbrev(const struct tok_ctx *c, size_t b, size_t e, bool next_digit)
{
	const char *w = c->s + b;
	size_t n = e - b - 1, i;
	enum abbrev_class k;
	bool upper = true;

	if (e - b < 2 || c->s[e - 1] != '.')
		return false;
	if (n == 1)
		return (w[0] >= 'A' && w[0] <= 'Z');
	if (abbrev_is_acronym(w, n))
		return true;
	if (c->ab == NULL)
		return false;
	for (i = 0; i < n; i++)
		upper &= !(w[i] >= 'a' && w[i] <= 'z');
	k = abbrev_class(c->ab, w, n, upper);
	return k == ABBREV_TITLE || k == ABBREV_PLAIN || (k == ABBREV_NUMBER && next_digit);
}

static bool
tok_is_clitic(const char *p, size_t n)
{
	static const char *const cl[] = { "s", "re", "ve", "ll", "d", "m", "S",
		"RE", "VE", "LL", "D", "M" };
	size_t i;

	if (n == 0)
		return false;
	for (i = 0; i < sizeof cl / sizeof *cl; i++)
		if (cl[i][0] == p[0] && strlen(cl[i]) == n && memcmp(cl[i], p, n) == 0)
			return true;
	return false;
}

/* Length of an apostrophe at p: 1 for ', 3 for ’, else 0. */
static size_t
tok_apos(const char *p, size_t n)
{
	if (n >= 1 && *p == '\'')
		return 1;
	if (n >= 3 && memcmp(p, "\xE2\x80\x99", 3) == 0)
		return 3;
	return 0;
}

/* True when p[0..n) is a clitic on its own: 's, ’re, n't ... */
static bool
tok_bare_clitic(const char *p, size_t n)
{
	size_t a;

	if (n > 1 && (p[0] == 'n' || p[0] == 'N')) {
		a = tok_apos(p + 1, n - 1);
		return a > 0 && n == a + 2 && (p[a + 1] == 't' || p[a + 1] == 'T');
	}
	a = tok_apos(p, n);
	return a > 0 && tok_is_clitic(p + a, n - a);
}

/* Length of a clitic suffix of [b, e) ('s, n't, ...), or 0. */
static size_t
tok_clitic_len(const struct tok_ctx *c, size_t b, size_t e)
{
	const char *s = c->s;
	size_t k, a;

	for (k = 1; k <= 2 && k + 1 < e - b; k++) {
		size_t ap = e - k;

		for (a = 1; a <= 3; a += 2) {
			if (ap < b + a || tok_apos(s + ap - a, a) != a)
				continue;
			if (tok_is_clitic(s + ap, k) && ap - a > b &&
			    (tok_is_ascii_alpha(s[ap - a - 1]) || s[ap - a - 1] == '.' ||
			    (unsigned char)s[ap - a - 1] >= 0x80))
				return e - (ap - a);
			if (k == 1 && (s[ap] == 't' || s[ap] == 'T') && ap - a >= b + 2 &&
			    (s[ap - a - 1] == 'n' || s[ap - a - 1] == 'N'))
				return e - (ap - a - 1);
		}
	}
	return 0;
}

/* Length of a currency prefix: US$, HK$, A$ ... or one Sc symbol. */
static size_t
tok_currency_len(const struct tok_ctx *c, size_t b, size_t e)
{
	const char *s = c->s;
	size_t i = b, len;

	while (i < e && i - b < 3 && s[i] >= 'A' && s[i] <= 'Z')
		i++;
	if (i > b && i < e && s[i] == '$' && i + 1 < e && tok_is_ascii_digit(s[i + 1]))
		return i + 1 - b;
	return utf8_is_currency(tok_cp(c, b, e, &len)) ? len : 0;
}

static size_t
tok_run_len(const struct tok_ctx *c, size_t b, size_t e, char ch)
{
	size_t i = b;

	while (i < e && c->s[i] == ch)
		i++;
	return i - b;
}

static bool
tok_special(struct tok_ctx *c, size_t b, size_t e, bool next_digit)
{
	const char *s = c->s;
	size_t num = tok_number_len(c, b, e);

	if (num == e - b) {
		tok_emit(c, b, e, TOK_NUMBER);
		return true;
	}
	if (num > 0 && !(s[b] == '-' || s[b] == '+') && tok_is_unit(s + b + num, e - b - num)) {
		tok_emit(c, b, b + num, TOK_NUMBER);
		tok_emit(c, b + num, e, TOK_WORD);
		return true;
	}
	if (s[b] == '@' && tok_is_tag(c, b, e, '@')) {
		tok_emit(c, b, e, TOK_MENTION);
		return true;
	}
	if (s[b] == '#' && tok_is_tag(c, b, e, '#')) {
		tok_emit(c, b, e, TOK_HASHTAG);
		return true;
	}
	if (e - b > 2048)
		return false;
	if (tok_is_url(c, b, e)) {
		tok_emit(c, b, e, TOK_URL);
		return true;
	}
	if (tok_is_email(c, b, e)) {
		tok_emit(c, b, e, TOK_EMAIL);
		return true;
	}
	if (tok_is_abbrev(c, b, e, next_digit)) {
		tok_emit(c, b, e, TOK_WORD);
		return true;
	}
	if (tok_bare_clitic(s + b, e - b)) {
		tok_emit(c, b, e, TOK_WORD);
		return true;
	}
	return false;
}

static size_t
tok_prefix_len(struct tok_ctx *c, size_t b, size_t e)
{
	size_t len, k;
	int32_t cp;

	if ((k = tok_currency_len(c, b, e)) > 0)
		return k;
	if (c->s[b] == '.' || c->s[b] == '-')
		if ((k = tok_run_len(c, b, e, c->s[b])) > 1 || c->s[b] == '.' ||
		    !(b + 1 < e && tok_is_ascii_digit(c->s[b + 1])))
			return k;
	cp = tok_cp(c, b, e, &len);
	return utf8_is_alnum(cp) ? 0 : len;
}

static size_t
tok_suffix_len(struct tok_ctx *c, size_t b, size_t e)
{
	size_t len, k;
	int32_t cp;

	if ((k = tok_clitic_len(c, b, e)) > 0)
		return k;
	if (c->s[e - 1] == '.') {
		size_t i = e;

		while (i > b && c->s[i - 1] == '.')
			i--;
		return e - i;
	}
	cp = tok_cp_back(c, b, e, &len);
	return utf8_is_alnum(cp) ? 0 : len;
}

static void tok_chunk(struct tok_ctx *c, size_t b, size_t e, bool next_digit,
    int depth);

/* Length of an infix at i inside [b, e), or 0. */
static size_t
tok_infix_at(struct tok_ctx *c, size_t b, size_t i, size_t e)
{
	const char *s = c->s;
	size_t len;
	int32_t cp;

	if (i == b)
		return 0;
	if (s[i] == '.') {
		size_t k = tok_run_len(c, i, e, '.');

		if (k >= 2)
			return k;
		if (i + 2 < e && s[i - 1] >= 'a' && s[i - 1] <= 'z' && i - b >= 2 &&
		    tok_is_ascii_alpha(s[i - 2]) && s[i + 1] >= 'A' && s[i + 1] <= 'Z' &&
		    s[i + 2] >= 'a' && s[i + 2] <= 'z')
			return 1;
		return 0;
	}
	if (s[i] == '-' && i + 1 < e && s[i + 1] == '-')
		return tok_run_len(c, i, e, '-');
	if ((unsigned char)s[i] < 0x80) {
		if (strchr("/,:;=<>\"()[]{}!?", s[i]) == NULL || s[i] == '\0')
			return 0;
		if ((s[i] == ',' || s[i] == ':' || s[i] == '/') &&
		    tok_is_ascii_digit(s[i - 1]) && i + 1 < e && tok_is_ascii_digit(s[i + 1]))
			return 0;
		return 1;
	}
	cp = tok_cp(c, i, e, &len);
	if (cp == 0x2026 || cp == 0x2014 || cp == 0x2013 || cp == 0x201C ||
	    cp == 0x201D || cp == 0x2018)
		return len;
	return 0;
}

static void
tok_infixes(struct tok_ctx *c, size_t b, size_t e, bool next_digit, int depth)
{
	size_t i = b, piece = b, k;

	while (i < e) {
		if ((unsigned char)c->s[i] >= 0x80 || strchr("./,:;=<>\"()[]{}!?-", c->s[i]) != NULL) {
			if (c->s[i] != '\0' && (k = tok_infix_at(c, b, i, e)) > 0 && i + k < e) {
				if (i > piece)
					tok_chunk(c, piece, i, false, depth + 1);
				tok_emit(c, i, i + k, tok_classify(c, i, i + k));
				i += k;
				piece = i;
				continue;
			}
		}
		i++;
	}
	if (piece == b) {
		tok_emit(c, b, e, tok_classify(c, b, e));
		return;
	}
	if (e > piece)
		tok_chunk(c, piece, e, next_digit, depth + 1);
}

static void
tok_long_chunk(struct tok_ctx *c, size_t b, size_t e)
{
	size_t i = b, len;

	while (i < e) {
		size_t st = i;
		int32_t cp = tok_cp(c, i, e, &len);

		if (utf8_is_alnum(cp)) {
			while (i < e && utf8_is_alnum(tok_cp(c, i, e, &len)))
				i += len;
		} else
			i += len;
		tok_emit(c, st, i, tok_number_len(c, st, i) == i - st ? TOK_NUMBER :
		    tok_classify(c, st, i));
	}
}

static bool
tok_all_alpha(const char *s, size_t b, size_t e)
{
	size_t i;

	for (i = b; i < e; i++)
		if (!tok_is_ascii_alpha(s[i]))
			return false;
	return true;
}

static void
tok_chunk(struct tok_ctx *c, size_t b, size_t e, bool next_digit, int depth)
{
	size_t sfx[64], nsfx = 0, k;
	size_t mark = e;

	if (tok_all_alpha(c->s, b, e)) {
		tok_emit(c, b, e, TOK_WORD);
		return;
	}
	if (e - b > TOK_LONG_CHUNK || depth > 4) {
		tok_long_chunk(c, b, e);
		return;
	}
	while (b < e) {
		if (tok_special(c, b, e, next_digit))
			goto done;
		if ((k = tok_prefix_len(c, b, e)) > 0) {
			tok_emit(c, b, b + k, k > 1 && c->s[b + k - 1] == '$' ?
			    TOK_SYMBOL : tok_classify(c, b, b + k));
			b += k;
			continue;
		}
		if (nsfx < sizeof sfx / sizeof *sfx && (k = tok_suffix_len(c, b, e)) > 0 &&
		    k < e - b) {
			sfx[nsfx++] = e - k;
			e -= k;
			continue;
		}
		if (nsfx < sizeof sfx / sizeof *sfx && k == e - b && k > 0) {
			tok_emit(c, b, e, tok_classify(c, b, e));
			goto done;
		}
		tok_infixes(c, b, e, next_digit, depth);
		goto done;
	}
done:
	while (nsfx > 0) {
		size_t st = sfx[--nsfx];
		size_t en = nsfx > 0 ? sfx[nsfx - 1] : mark;

		if (tok_apos(c->s + st, en - st) > 0 && en - st > tok_apos(c->s + st, en - st))
			tok_emit(c, st, en, TOK_WORD);
		else if (c->s[st] == 'n' || c->s[st] == 'N')
			tok_emit(c, st, en, TOK_WORD);
		else
			tok_emit(c, st, en, tok_classify(c, st, en));
	}
}

/* Length of a byte run that is not text: invalid UTF-8, NUL, controls. */
static size_t
tok_bad_len(const struct tok_ctx *c, size_t i, bool *bad)
{
	unsigned char ch = (unsigned char)c->s[i];
	int32_t cp;
	size_t len;

	if (ch >= 0x20 && ch < 0x7F) {
		*bad = false;
		return 1;
	}
	if (ch < 0x80) {
		*bad = !(ch == ' ' || (ch >= '\t' && ch <= '\r'));
		return 1;
	}
	len = utf8_decode(c->s + i, c->n - i, &cp);
	*bad = cp < 0 || (cp >= 0x80 && cp < 0xA0);
	return len;
}

static inline bool
tok_space(const struct tok_ctx *c, size_t i, size_t *len)
{
	unsigned char ch = (unsigned char)c->s[i];
	int32_t cp;

	*len = 1;
	if (ch < 0x80)
		return ch == ' ' || (ch >= '\t' && ch <= '\r');
	*len = utf8_decode(c->s + i, c->n - i, &cp);
	return utf8_is_space(cp);
}

/* End of the chunk that starts at i: the next space or non-text byte. */
static size_t
tok_chunk_end(const struct tok_ctx *c, size_t i)
{
	const unsigned char *s = (const unsigned char *)c->s;
	size_t len;
	bool bad;

	for (;;) {
		while (i < c->n && s[i] > ' ' && s[i] < 0x7F)
			i++;
		if (i >= c->n || s[i] < 0x80)
			return i;
		if (tok_space(c, i, &len) || (tok_bad_len(c, i, &bad), bad))
			return i;
		i += len;
	}
}

void
tok_text(const struct abbrev *ab, const char *s, size_t n, struct tok_list *out)
{
	struct tok_ctx c = { ab, s, n, out };
	size_t i = 0, len;

	out->n = 0;
	while (i < n) {
		size_t b, e;
		bool bad;

		if (tok_space(&c, i, &len)) {
			i += len;
			continue;
		}
		len = tok_bad_len(&c, i, &bad);
		if (bad) {
			b = i;
			while (i < n && (len = tok_bad_len(&c, i, &bad), bad))
				i += len;
			tok_emit(&c, b, i, TOK_OTHER);
			continue;
		}
		b = i;
		i = e = tok_chunk_end(&c, i);
		{
			size_t j = e;

			while (j < n && tok_space(&c, j, &len))
				j += len;
			tok_chunk(&c, b, e, j < n && tok_is_ascii_digit(s[j]), 0);
		}
	}
}
