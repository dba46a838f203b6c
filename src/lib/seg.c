#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "abbrev.h"
#include "sbuf.h"
#include "seg.h"
#include "utf8.h"

/* A line of the document, for finding paragraphs. */
struct seg_line {
	size_t beg;	/* first non-blank byte */
	size_t end;	/* one past the last non-blank byte */
	size_t indent;	/* leading columns (tabs to multiples of 8) */
	size_t width;	/* indent plus characters */
	bool blank;	/* nothing but whitespace */
};

/* An entry of the words table: how one word is capitalised. */
struct seg_word {
	size_t off;	/* offset of an occurrence in the document */
	size_t len;	/* byte length, 0 for an empty slot */
	uint32_t hash;	/* hash of the ASCII-lower-cased bytes */
	unsigned flags;	/* SEG_SEEN_LOWER, SEG_UPPER_MID */
};

/* Word tables up to this many slots are kept for the next document. */
#define SEG_KEEP_WORDS 65536

#define SEG_SEEN_LOWER 1u
#define SEG_UPPER_MID 2u

/*
 * Paragraph shape thresholds, chosen on the sample articles and the wire
 * and web stories of tests/gold/split: web copy puts a paragraph on one
 * line and almost always has lines over 100 characters somewhere in the
 * document, so one such line makes every line a paragraph; wire copy wraps at
 * 60 to 72 columns; a wrapped line is rarely shorter than 70% of its
 * block's widest line unless it ends a paragraph.
 */
#define SEG_WEB_WIDTH 100
#define SEG_MIN_WRAP_WIDTH 40
#define SEG_FULL_PERCENT 70

static const char *const seg_starters[] = {
	"A", "After", "All", "Also", "Although", "An", "As", "At", "But",
	"By", "Each", "Even", "For", "From", "He", "Her", "Here", "His", "How",
	"However", "I", "If", "In", "Instead", "It", "Its", "Last", "Many",
	"Meanwhile", "More", "Most", "My", "No", "Not", "Now", "On", "One",
	"Only", "Our", "She", "Since", "So", "Some", "Still", "Such", "That",
	"The", "Their", "Then", "There", "These", "They", "This", "Those",
	"Though", "Thus", "To", "Under", "We", "What", "When", "Where",
	"While", "Who", "Why", "With", "Yet", "You", "Your",
	/*
	 * A question opens with an auxiliary verb, so these are openers too:
	 * after a lone capital, "you and I. Did you see" ends at "I." while
	 * "Albert I. Jones" goes on.  Auxiliaries that are also a name or
	 * a month (Will, May) are left out.
	 */
	"Are", "Could", "Did", "Do", "Does", "Had", "Has", "Have", "Is",
	"Should", "Was", "Were", "Would",
};

/*
 * In lower-cased copy only pronouns, determiners and sentence adverbs are
 * taken as openers after an abbreviation: prepositions ("dept. on
 * tuesday") too often continue the sentence.
 */
static const char *const seg_lower_starters[] = {
	"a", "an", "but", "he", "her", "his", "however", "i", "it", "its",
	"meanwhile", "our", "she", "that", "the", "their", "there", "these",
	"they", "this", "those", "we", "you",
};

/* Days and months: names that follow "5 p.m." or "Sept." mid-sentence. */
static const char *const seg_calendar[] = {
	"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
	"Sunday", "January", "February", "March", "April", "June", "July",
	"August", "September", "October", "November", "December",
};

/* Verbs of saying: "?” he asked" and "hoped!” Okoye said" go on. */
static const char *const seg_said[] = {
	"according", "added", "adds", "argued", "asked", "asks", "claimed",
	"continued", "cried", "declared", "exclaimed", "explained", "insisted",
	"joked", "laughed", "noted", "quipped", "recalled", "replied",
	"replies", "said", "say", "says", "shouted", "stated", "states",
	"told", "tweeted", "warned", "wondered", "wrote", "writes",
};

/*
 * True when w[0..n) is in list, comparing its first letter without
 * regard to ASCII case (lower-cased copy writes "the" for "The").
 */
static bool
seg_in_list(const char *const *list, size_t len, const char *w, size_t n)
{
	size_t i;

	if (n == 0)
		return false;
	for (i = 0; i < len; i++)
		if ((list[i][0] | 0x20) == (w[0] | 0x20) && strlen(list[i]) == n &&
		    memcmp(list[i] + 1, w + 1, n - 1) == 0)
			return true;
	return false;
}

static void
seg_push(struct seg_spans *out, size_t start, size_t end)
{
	if (out->n == out->cap) {
		out->cap = out->cap ? out->cap * 2 : 64;
		out->v = xrealloc(out->v, out->cap * sizeof *out->v);
	}
	out->v[out->n].start = start;
	out->v[out->n].end = end;
	out->n++;
}

void
seg_spans_free(struct seg_spans *s)
{
	free(s->v);
	memset(s, 0, sizeof *s);
}

static size_t
seg_space_at(const char *s, size_t i, size_t n)
{
	int32_t cp;
	size_t len;

	if ((unsigned char)s[i] < 0x80)
		return (s[i] == ' ' || (s[i] >= '\t' && s[i] <= '\r')) ? 1 : 0;
	len = utf8_decode(s + i, n - i, &cp);
	return utf8_is_space(cp) ? len : 0;
}

static int32_t
seg_cp_at(const char *s, size_t i, size_t n, size_t *len)
{
	int32_t cp;

	*len = utf8_decode(s + i, n - i, &cp);
	return cp;
}

static int32_t
seg_cp_before(const char *s, size_t start, size_t i, size_t *len)
{
	int32_t cp;

	*len = utf8_decode_back(s + start, s + i, &cp);
	return cp;
}

static bool
seg_is_terminal(int32_t c)
{
	return c == '.' || c == '!' || c == '?' || c == 0x2026 || c == 0x203C ||
	    c == 0x2047 || c == 0x2048 || c == 0x2049 || c == 0x3002 ||
	    c == 0xFF01 || c == 0xFF1F;
}

static bool
seg_is_closer(int32_t c)
{
	return c == '"' || c == '\'' || c == ')' || c == ']' || c == '}' ||
	    c == 0x201D || c == 0x2019 || c == 0xBB || c == 0x203A;
}

static bool
seg_is_opener(int32_t c)
{
	return c == '"' || c == '\'' || c == '(' || c == '[' || c == '{' ||
	    c == 0x201C || c == 0x2018 || c == 0xAB || c == 0x2039;
}

/* Lines and paragraphs. */

static void
seg_scan_line(const char *s, size_t b, size_t e, struct seg_line *l)
{
	size_t i = b, col = 0, chars = 0, w;

	while (i < e && (w = seg_space_at(s, i, e)) > 0) {
		col = s[i] == '\t' ? (col / 8 + 1) * 8 : col + 1;
		i += w;
	}
	l->beg = i;
	l->indent = col;
	l->blank = i == e;
	l->end = e;
	while (l->end > l->beg) {
		size_t len;

		if (!utf8_is_space(seg_cp_before(s, l->beg, l->end, &len)))
			break;
		l->end -= len;
	}
	for (i = l->beg; i < l->end; i++)
		chars += ((unsigned char)s[i] & 0xC0) != 0x80;
	l->width = col + chars;
}

static bool
seg_line_ends_sentence(const struct seg_doc *d, const struct seg_line *l)
{
	size_t i = l->end, len, wb;
	int32_t c;

	while (i > l->beg && seg_is_closer(seg_cp_before(d->s, l->beg, i, &len)))
		i -= len;
	if (i == l->beg)
		return false;
	c = seg_cp_before(d->s, l->beg, i, &len);
	if (!seg_is_terminal(c))
		return false;
	if (c != '.')
		return true;
	wb = i - 1;
	while (wb > l->beg && seg_space_at(d->s, wb - 1, l->end) == 0)
		wb--;
	return abbrev_class(d->ab, d->s + wb, i - 1 - wb, d->lower) == ABBREV_NONE &&
	    !abbrev_is_acronym(d->s + wb, i - 1 - wb) && i - 1 - wb != 1;
}

static void
seg_block(struct seg_doc *d, struct seg_line *ln, size_t n, bool web,
    struct seg_spans *out)
{
	size_t i, maxw = 0, minind = (size_t)-1, start;
	bool indented = false;

	for (i = 0; i < n; i++) {
		if (ln[i].width > maxw)
			maxw = ln[i].width;
		if (ln[i].indent < minind)
			minind = ln[i].indent;
	}
	for (i = 0; i < n; i++)
		indented |= ln[i].indent > minind;
	start = 0;
	for (i = 0; i + 1 < n; i++) {
		bool join;

		if (web)
			join = false;
		else if (indented)
			join = ln[i + 1].indent == minind;
		else
			join = maxw >= SEG_MIN_WRAP_WIDTH &&
			    ln[i].width * 100 >= maxw * SEG_FULL_PERCENT &&
			    !seg_line_ends_sentence(d, &ln[i]);
		if (!join) {
			seg_push(out, ln[start].beg, ln[i].end);
			start = i + 1;
		}
	}
	seg_push(out, ln[start].beg, ln[n - 1].end);
}

void
seg_paragraphs(struct seg_doc *d, struct seg_spans *out)
{
	struct seg_line *ln = NULL;
	size_t nl = 0, cap = 0, i = 0, j;
	bool headline = true, web = false;

	while (i < d->n) {
		const char *nlp = memchr(d->s + i, '\n', d->n - i);
		size_t e = nlp ? (size_t)(nlp - d->s) : d->n;

		if (nl == cap)
			ln = xrealloc(ln, (cap = cap ? cap * 2 : 256) * sizeof *ln);
		seg_scan_line(d->s, i, e, &ln[nl]);
		web |= ln[nl++].width > SEG_WEB_WIDTH;
		i = e + 1;
	}
	for (i = 0; i < nl; i = j) {
		if (ln[i].blank) {
			j = i + 1;
			continue;
		}
		if (headline) {
			seg_push(out, ln[i].beg, ln[i].end);
			headline = false;
			j = i + 1;
			continue;
		}
		for (j = i; j < nl && !ln[j].blank; j++)
			;
		seg_block(d, ln + i, j - i, web, out);
	}
	free(ln);
}

/* Words and their capitalisation. */

static uint32_t
seg_hash(const char *s, size_t n)
{
	uint32_t h = 2166136261u;
	size_t i;

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		h = (h ^ (c >= 'A' && c <= 'Z' ? c + 32u : c)) * 16777619u;
	}
	return h;
}

static bool
seg_same_word(const char *a, const char *b, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		unsigned char x = (unsigned char)a[i], y = (unsigned char)b[i];

		if (x != y && (x | 0x20) != (y | 0x20))
			return false;
		if (x != y && !((x | 0x20) >= 'a' && (x | 0x20) <= 'z'))
			return false;
	}
	return true;
}

static void
seg_words_grow(struct seg_doc *d)
{
	struct seg_word *old = d->words;
	size_t oldcap = d->wcap, i, j;

	d->wcap = oldcap ? oldcap * 2 : 1024;
	d->words = xcalloc(d->wcap, sizeof *d->words);
	d->wused = 0;
	for (i = 0; i < oldcap; i++) {
		if (old[i].len == 0)
			continue;
		for (j = old[i].hash & (d->wcap - 1); d->words[j].len != 0;
		    j = (j + 1) & (d->wcap - 1))
			;
		d->words[j] = old[i];
		d->wused++;
	}
	free(old);
}

static struct seg_word *
seg_word_slot(struct seg_doc *d, const char *w, size_t n)
{
	uint32_t h = seg_hash(w, n);
	size_t i;

	if ((d->wused + 1) * 2 > d->wcap)
		seg_words_grow(d);
	for (i = h & (d->wcap - 1);; i = (i + 1) & (d->wcap - 1)) {
		struct seg_word *e = &d->words[i];

		if (e->len == 0) {
			e->off = (size_t)(w - d->s);
			e->len = n;
			e->hash = h;
			d->wused++;
			return e;
		}
		if (e->hash == h && e->len == n && seg_same_word(d->s + e->off, w, n))
			return e;
	}
}

static inline bool
seg_ascii_alnum(unsigned char c)
{
	return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

static size_t
seg_word_end(const char *s, size_t i, size_t n)
{
	size_t len;

	while (i < n) {
		int32_t c;

		if ((unsigned char)s[i] < 0x80) {
			if (!seg_ascii_alnum((unsigned char)s[i]) && s[i] != '-')
				break;
			i++;
			continue;
		}
		c = seg_cp_at(s, i, n, &len);

		if (!utf8_is_alnum(c) && c != '-')
			break;
		i += len;
	}
	return i;
}

/* True for a word of two or more letters, all capitals (ASCII). */
static bool
seg_all_caps(const char *w, size_t n)
{
	size_t i;

	if (n < 2)
		return false;
	for (i = 0; i < n; i++)
		if (w[i] >= 'a' && w[i] <= 'z')
			return false;
	return true;
}

static void
seg_build_words(struct seg_doc *d)
{
	size_t i = 0, len;
	bool initial = true;

	while (i < d->n) {
		unsigned char b = (unsigned char)d->s[i];
		int32_t c;

		if (b < 0x80 && !seg_ascii_alnum(b)) {
			if (b == '.' || b == '!' || b == '?' || b == ':' || b == '\n')
				initial = true;
			i++;
			continue;
		}
		c = seg_cp_at(d->s, i, d->n, &len);
		if (utf8_is_letter(c)) {
			size_t e = seg_word_end(d->s, i, d->n);

			if (!seg_all_caps(d->s + i, e - i)) {
				struct seg_word *w = seg_word_slot(d, d->s + i, e - i);

				if (utf8_is_lower(c))
					w->flags |= SEG_SEEN_LOWER;
				else if (!initial)
					w->flags |= SEG_UPPER_MID;
			}
			initial = false;
			i = e;
			continue;
		}
		if (seg_is_terminal(c) || c == ':' || c == '\n')
			initial = true;
		else if (utf8_is_alnum(c))
			initial = false;
		i += len;
	}
	d->ortho_ready = true;
}

/*
 * What the document says of the capitalised word w[0..n) after a possible
 * boundary: 1 when it probably starts a sentence (a usual sentence opener,
 * or a word otherwise seen only in lower case), -1 when it is a name (seen
 * capitalised inside sentences, or in capitals), 0 when nothing is known.
 */
static int
seg_opener_word(struct seg_doc *d, const char *w, size_t n)
{
	struct seg_word *e;

	if (seg_all_caps(w, n) ||
	    seg_in_list(seg_calendar, sizeof seg_calendar / sizeof *seg_calendar, w, n))
		return -1;
	if (seg_in_list(seg_starters, sizeof seg_starters / sizeof *seg_starters, w, n))
		return 1;
	if (!d->ortho_ready)
		seg_build_words(d);
	e = seg_word_slot(d, w, n);
	if (e->flags & SEG_UPPER_MID)
		return -1;
	return (e->flags & SEG_SEEN_LOWER) ? 1 : 0;
}

/* Document casing. */

static size_t
seg_word_start(const char *s, size_t lo, size_t i)
{
	while (i > lo) {
		unsigned char c = (unsigned char)s[i - 1];

		if (c == ' ' || (c >= '\t' && c <= '\r') || c == '(' || c == '"' ||
		    c == '[')
			break;
		i--;
	}
	return i;
}

static bool
seg_plain_word(const struct seg_doc *d, const char *w, size_t n)
{
	size_t i;

	if (n < 2)
		return false;
	for (i = 0; i < n; i++)
		if (!(((w[i] | 0x20) >= 'a' && (w[i] | 0x20) <= 'z')))
			return false;
	return abbrev_class(d->ab, w, n, true) == ABBREV_NONE;
}

/* Count whether the word after an acronym's full stop at i is capitalised. */
static void
seg_count_after_acronym(const struct seg_doc *d, size_t i, size_t *lower, size_t *upper)
{
	size_t w;

	while (i < d->n && (w = seg_space_at(d->s, i, d->n)) > 0)
		i += w;
	if (i + 1 < d->n && d->s[i] >= 'a' && d->s[i] <= 'z')
		(*lower)++;
	else if (i + 1 < d->n && d->s[i] >= 'A' && d->s[i] <= 'Z' && d->s[i + 1] >= 'a' &&
	    d->s[i + 1] <= 'z')
		(*upper)++;
}

/*
 * Find out how the document is cased: written in lower case (a lower-case
 * word often follows a full stop), or capitalising every word after an
 * acronym ("the U.S. And Japan", as in some wire archives).
 */
static void
seg_detect_case(struct seg_doc *d)
{
	size_t lower = 0, total = 0, i = 0, acr_lower = 0, acr_upper = 0;
	const char *p;

	while ((p = memchr(d->s + i, '.', d->n - i)) != NULL) {
		size_t at = (size_t)(p - d->s), wb = seg_word_start(d->s, 0, at);

		i = at + 1;
		if (i + 1 >= d->n || seg_space_at(d->s, i, d->n) == 0)
			continue;
		if (d->s[wb] >= 'A' && d->s[wb] <= 'Z' && abbrev_is_acronym(d->s + wb, at - wb))
			seg_count_after_acronym(d, i, &acr_lower, &acr_upper);
		if (d->s[i] != ' ')
			continue;
		if (d->s[i + 1] >= 'A' && d->s[i + 1] <= 'Z')
			total++;
		else if (d->s[i + 1] >= 'a' && d->s[i + 1] <= 'z' &&
		    seg_plain_word(d, d->s + wb, at - wb))
			lower++;
	}
	total += lower;
	d->lower = lower >= 2 && lower * 3 >= total;
	d->caps_after_acronym = acr_lower == 0 && acr_upper >= 3;
}

void
seg_doc_init(struct seg_doc *d, const struct abbrev *ab, const char *s, size_t n)
{
	struct seg_word *words = d->words;
	size_t wcap = d->wcap;

	memset(d, 0, sizeof *d);
	if (wcap > 0 && wcap <= SEG_KEEP_WORDS) {
		memset(words, 0, wcap * sizeof *words);
		d->words = words;
		d->wcap = wcap;
	} else
		free(words);
	d->ab = ab;
	d->s = s;
	d->n = n;
	seg_detect_case(d);
}

void
seg_doc_free(struct seg_doc *d)
{
	free(d->words);
	d->words = NULL;
	d->wcap = d->wused = 0;
	d->ortho_ready = false;
}

/* Sentences. */

enum seg_next {
	SEG_NEXT_END,
	SEG_NEXT_UPPER,
	SEG_NEXT_LOWER,
	SEG_NEXT_DIGIT,
	SEG_NEXT_OTHER
};

/* What follows a candidate boundary: the next word after openers. */
struct seg_after {
	enum seg_next kind;	/* class of the next word's first character */
	size_t start;		/* where the next sentence would start */
	size_t word;		/* start of the next word */
	size_t wend;		/* its end */
	bool opened;		/* an opening quote or bracket came first */
	bool quoted;		/* an opening quote came first */
};

static void
seg_look_ahead(const char *s, size_t i, size_t end, struct seg_after *a)
{
	size_t w, len;
	int32_t c = -1;

	while (i < end && (w = seg_space_at(s, i, end)) > 0)
		i += w;
	a->start = i;
	a->opened = a->quoted = false;
	while (i < end && seg_is_opener(c = seg_cp_at(s, i, end, &len))) {
		a->opened = true;
		a->quoted |= c != '(' && c != '[' && c != '{';
		i += len;
	}
	a->word = i;
	a->wend = seg_word_end(s, i, end);
	if (i >= end)
		a->kind = SEG_NEXT_END;
	else if (utf8_is_upper((c = seg_cp_at(s, i, end, &len))))
		a->kind = SEG_NEXT_UPPER;
	else if (utf8_is_lower(c))
		a->kind = SEG_NEXT_LOWER;
	else if (utf8_is_digit(c))
		a->kind = SEG_NEXT_DIGIT;
	else
		a->kind = SEG_NEXT_OTHER;
}

/* The word before a full stop at dot, without leading openers. */
static size_t
seg_word_before(const struct seg_doc *d, size_t lo, size_t dot)
{
	size_t b = dot, len;

	while (b > lo) {
		int32_t c = seg_cp_before(d->s, lo, b, &len);

		if (utf8_is_space(c) || c == '(' || c == '[' || c == '"' || c == 0x201C || c == 0x2018 ||
		    c == '\'' || c == 0xAB || c == '/')
			break;
		b -= len;
	}
	return b;
}

enum seg_amb {
	SEG_AMB_SHAPE,	/* U.S., E.F., L.: ends only before a sentence opener */
	SEG_AMB_PLAIN	/* Inc., etc., an ellipsis: also before "Word lower" */
};

static bool
seg_is_starter(const struct seg_after *a, const char *s)
{
	if (a->kind == SEG_NEXT_LOWER)
		return seg_in_list(seg_lower_starters,
		    sizeof seg_lower_starters / sizeof *seg_lower_starters,
		    s + a->word, a->wend - a->word);
	return seg_in_list(seg_starters, sizeof seg_starters / sizeof *seg_starters,
	    s + a->word, a->wend - a->word);
}

/*
 * Decide an ambiguous stop.  Before a capitalised word, a sentence opener
 * ("The", "He") ends the sentence; with SEG_AMB_PLAIN so does a word that
 * is followed by a lower-case word ("Inc. Kestrel said", but not "Inc.
 * Chief Executive") or that the document otherwise writes in lower case.
 * In lower-cased copy a lower-case sentence opener ends it too.
 */
static bool
seg_ambiguous_ends(struct seg_doc *d, const struct seg_after *a, enum seg_amb how)
{
	struct seg_after b;
	int v;

	if (a->kind == SEG_NEXT_LOWER)
		return d->lower && seg_is_starter(a, d->s);
	if (a->kind != SEG_NEXT_UPPER)
		return false;
	if (how == SEG_AMB_SHAPE)
		return !d->caps_after_acronym && seg_is_starter(a, d->s);
	if (seg_is_starter(a, d->s) || a->quoted)
		return true;
	if (seg_in_list(seg_calendar, sizeof seg_calendar / sizeof *seg_calendar,
	    d->s + a->word, a->wend - a->word))
		return false;
	seg_look_ahead(d->s, a->wend, d->n, &b);
	if (b.kind == SEG_NEXT_LOWER || b.kind == SEG_NEXT_DIGIT || b.kind == SEG_NEXT_END)
		return true;
	v = seg_opener_word(d, d->s + a->word, a->wend - a->word);
	return v > 0 && b.kind != SEG_NEXT_UPPER;
}

/*
 * True when a verb of saying follows a: at once ("asked"), or after a name
 * of up to three capitalised words ("Okoye said", "Mr Dellow said"; in
 * lower-cased copy any words: "she stated").
 */
static bool
seg_said_follows(const struct seg_doc *d, const struct seg_after *a)
{
	struct seg_after b = *a;
	size_t n = sizeof seg_said / sizeof *seg_said;
	int words;

	if (seg_in_list(seg_said, n, d->s + a->word, a->wend - a->word))
		return true;
	if (a->opened)
		return false;
	for (words = 0; words < 3 && b.wend > b.word && (b.kind == SEG_NEXT_UPPER ||
	    (d->lower && b.kind == SEG_NEXT_LOWER)); words++) {
		size_t at = b.wend;

		if (at < d->n && d->s[at] == '.')
			at++;
		seg_look_ahead(d->s, at, d->n, &b);
		if (b.opened)
			return false;
		if (seg_in_list(seg_said, n, d->s + b.word, b.wend - b.word))
			return true;
	}
	return false;
}

/* Bullets that may stand before a list item: • ‣ ⁃ ◦ ▪ ● * -. */
static bool
seg_is_bullet(int32_t c)
{
	return c == 0x2022 || c == 0x2023 || c == 0x2043 || c == 0x25E6 ||
	    c == 0x25AA || c == 0x25CF || c == '*' || c == '-';
}

/* Skip bullets and the whitespace after them from i. */
static size_t
seg_skip_bullets(const struct seg_doc *d, size_t i, size_t end)
{
	size_t len, w;

	while (i < end) {
		if ((w = seg_space_at(d->s, i, end)) > 0)
			i += w;
		else if (seg_is_bullet(seg_cp_at(d->s, i, end, &len)))
			i += len;
		else
			break;
	}
	return i;
}

/*
 * The item number of a list marker at i: one to three digits or a single
 * lower-case letter ("1", "10", "a") followed by ".", ".)" or ")" and a
 * space.  Returns -1 when there is none; else the number (a letter counts
 * from 1 for "a") and stores the marker's end in *e and its kind (digit
 * or letter, and its punctuation) in *kind.
 */
static long
seg_item_marker(const struct seg_doc *d, size_t i, size_t end, size_t *e, int *kind)
{
	long v = 0;
	size_t j = i;
	int k;

	while (j < end && j - i < 3 && d->s[j] >= '0' && d->s[j] <= '9')
		v = v * 10 + (d->s[j++] - '0');
	if (j == i && j < end && d->s[j] >= 'a' && d->s[j] <= 'z')
		v = d->s[j++] - 'a' + 1;
	if (j == i || j >= end || (d->s[j] >= '0' && d->s[j] <= '9'))
		return -1;
	k = d->s[i] >= 'a' ? 8 : 0;
	if (d->s[j] == '.' && j + 1 < end && d->s[j + 1] == ')')
		j += 2, k |= 1;
	else if (d->s[j] == '.')
		j++, k |= 2;
	else if (d->s[j] == ')')
		j++, k |= 4;
	else
		return -1;
	if (j >= end || seg_space_at(d->s, j, end) == 0)
		return -1;
	*e = j;
	*kind = k;
	return v;
}

/*
 * True when the full stop at dot ends a list marker that opens the
 * sentence begun at start, after any bullets: "1. The first item",
 * "2.) The second", "a. The first", "• 9. The first".  An item number
 * is not the end of a sentence.
 */
static bool
seg_opens_item(const struct seg_doc *d, size_t start, size_t dot, size_t end)
{
	size_t e;
	int kind;

	if (seg_item_marker(d, seg_skip_bullets(d, start, dot), end, &e, &kind) < 0)
		return false;
	if (kind & 1)
		return e == dot + 2;
	return (kind & 2) && e == dot + 1;
}

/*
 * Find a run-in list: a paragraph that opens with a list marker (after
 * any bullets) and goes on with the markers that follow it in sequence,
 * of the same kind and after whitespace: "1.) The first item 2.) The
 * second item", "a. The first b. The second", "• 9. One • 10. Two".  Each
 * later item starts a sentence, with or without a stop before it.  The
 * item starts (at the bullet when the first item has one) are appended
 * to out.
 */
static void
seg_list_items(const struct seg_doc *d, struct seg_span p, struct seg_spans *out)
{
	size_t m = seg_skip_bullets(d, p.start, p.end), i, e;
	bool bullet = m > p.start;
	int kind, k;
	long v = seg_item_marker(d, m, p.end, &e, &kind), w;

	if (v < 0)
		return;
	for (i = e; i < p.end; i++) {
		size_t at;

		if (seg_space_at(d->s, i - 1, p.end) == 0 || seg_space_at(d->s, i, p.end) > 0)
			continue;
		at = bullet ? seg_skip_bullets(d, i, p.end) : i;
		if (bullet && at == i)
			continue;
		w = seg_item_marker(d, at, p.end, &e, &k);
		if (w == v + 1 && k == kind) {
			seg_push(out, i, i);
			v = w;
			i = e;
		}
	}
}

/*
 * A sentence that has run this many bytes before a time of day has a
 * clause before it; the bound keeps the look back linear.
 */
#define SEG_MAX_CLAUSE 400

/* True for a time of day written a.m. or p.m. (either case), before its stop. */
static bool
seg_is_time(const char *w, size_t n)
{
	return n == 3 && ((w[0] | 0x20) == 'a' || (w[0] | 0x20) == 'p') && w[1] == '.' &&
	    (w[2] | 0x20) == 'm';
}

/*
 * True when the time of day w (from wb) closes a clause in the sentence
 * begun at start and a title comes next: "He left the bank at 6 P.M. Mr.
 * Smith then went" ends at "P.M.", while in "At 5 a.m. Mr. Smith went"
 * the time opens the sentence and does not end it.  The time closes a
 * clause when a number comes before it and, before the number, a word in
 * lower case other than the one just before the number ("at") and the
 * sentence's first word.
 */
static bool
seg_time_closes(const struct seg_doc *d, size_t start, size_t wb, const char *w,
    size_t wn, const struct seg_after *a)
{
	size_t i, nb, ws, words = 0;
	bool lower = false, prev_lower = false;

	if (!seg_is_time(w, wn) || a->kind != SEG_NEXT_UPPER || a->wend >= d->n ||
	    d->s[a->wend] != '.' ||
	    abbrev_class(d->ab, d->s + a->word, a->wend - a->word, false) != ABBREV_TITLE)
		return false;
	for (i = wb; i > start && d->s[i - 1] == ' '; i--)
		;
	nb = i;
	while (nb > start && ((d->s[nb - 1] >= '0' && d->s[nb - 1] <= '9') || d->s[nb - 1] == ':'))
		nb--;
	if (nb == i || nb == start || d->s[nb - 1] != ' ')
		return false;
	if (nb - start > SEG_MAX_CLAUSE)
		return true;
	for (i = start; i < nb; i = ws) {
		for (ws = i; ws < nb && d->s[ws] != ' '; ws++)
			;
		/* The word before this one is neither the first nor the last. */
		lower |= words >= 2 && prev_lower;
		prev_lower = d->s[i] >= 'a' && d->s[i] <= 'z';
		words++;
		while (ws < nb && d->s[ws] == ' ')
			ws++;
	}
	return lower;
}

/* Decide a full stop followed by whitespace. */
static bool
seg_period_ends(struct seg_doc *d, struct seg_span p, size_t start, size_t dot,
    const struct seg_after *a)
{
	size_t wb = seg_word_before(d, p.start, dot), wn = dot - wb;
	const char *w = d->s + wb;
	bool fold = d->lower;
	enum abbrev_class c;
	size_t i;

	if (seg_opens_item(d, start, dot, p.end))
		return false;
	for (i = 0; i < wn && !fold; i++)
		fold = w[i] >= 'A' && w[i] <= 'Z' && wn > 1;
	c = abbrev_class(d->ab, w, wn, fold);
	if (seg_time_closes(d, start, wb, w, wn, a))
		return true;
	if (c == ABBREV_TITLE)
		return a->kind != SEG_NEXT_UPPER && a->kind != SEG_NEXT_DIGIT &&
		    a->kind != SEG_NEXT_LOWER;
	if (c == ABBREV_NUMBER && a->kind == SEG_NEXT_DIGIT)
		return false;
	if ((abbrev_is_acronym(w, wn) || wn == 1) && w[0] >= 'A' && w[0] <= 'Z')
		return seg_ambiguous_ends(d, a, SEG_AMB_SHAPE);
	if (c == ABBREV_PLAIN || abbrev_is_acronym(w, wn))
		return seg_ambiguous_ends(d, a, SEG_AMB_PLAIN);
	if (a->kind == SEG_NEXT_LOWER)
		return d->lower;
	return true;
}

/* An e-mail address is at most 254 bytes long (RFC 5321). */
#define SEG_MAX_ADDRESS 254

/*
 * True when the word that goes on from next, up to the next space, holds
 * an "@" within SEG_MAX_ADDRESS bytes: then the full stop before next is
 * inside an e-mail address ("Jane.Doe@example.com").
 */
static bool
seg_in_address(const struct seg_doc *d, size_t next, size_t end)
{
	size_t i;

	if (end - next > SEG_MAX_ADDRESS)
		end = next + SEG_MAX_ADDRESS;
	for (i = next; i < end && seg_space_at(d->s, i, end) == 0; i++)
		if (d->s[i] == '@')
			return true;
	return false;
}

/*
 * Decide a glued "word.Word" at dot, with the next character at next.  A
 * full stop inside an e-mail or web address never ends a sentence.
 */
static bool
seg_glued_ends(struct seg_doc *d, struct seg_span p, size_t dot, size_t next)
{
	size_t wb = seg_word_before(d, p.start, dot), len, i;
	int32_t c1, c2;
	char last;

	if (dot == wb || seg_in_address(d, next, p.end))
		return false;
	last = d->s[dot - 1];
	if (dot - wb < 2 && !(last >= '0' && last <= '9'))
		return false;
	for (i = wb; i < dot; i++)
		if (d->s[i] == '.' || d->s[i] == '@' || d->s[i] == '/')
			return false;
	if (!((last >= 'a' && last <= 'z') || (last >= '0' && last <= '9') || last == '%' ||
	    last == ')'))
		return false;
	if (abbrev_class(d->ab, d->s + wb, dot - wb, true) != ABBREV_NONE)
		return false;
	c1 = seg_cp_at(d->s, next, p.end, &len);
	if (!utf8_is_upper(c1) || next + len >= p.end)
		return false;
	c2 = seg_cp_at(d->s, next + len, p.end, &len);
	if (c1 == 'A' || c1 == 'I')
		return utf8_is_lower(c2) || c2 == ' ';
	return utf8_is_lower(c2);
}

/*
 * True when the terminal run t0..t1 stands alone in square brackets, as
 * "[...]" and "[\u2026]" do: an editor's mark for words left out of a
 * quotation, which never ends a sentence ("stairways [...]" (Smith 55).").
 */
static bool
seg_bracketed(const struct seg_doc *d, struct seg_span p, size_t t0, size_t t1)
{
	return t0 > p.start && d->s[t0 - 1] == '[' && t1 < p.end && d->s[t1] == ']';
}

/*
 * Decide the terminal run t0..t1 followed by closers up to c1.  Returns
 * true for a boundary after c1 and stores where the next sentence starts.
 */
static bool
seg_decide(struct seg_doc *d, struct seg_span p, size_t start, size_t t0, size_t t1,
    size_t c1, size_t *next)
{
	struct seg_after a;
	bool strong = false, ellipsis = false;
	size_t i, dots = 0;

	for (i = t0; i < t1; i++) {
		if (d->s[i] == '!' || d->s[i] == '?' || (unsigned char)d->s[i] >= 0x80)
			strong = strong || d->s[i] == '!' || d->s[i] == '?';
		dots += d->s[i] == '.';
	}
	ellipsis = dots >= 2 || (t1 - t0 >= 3 && memcmp(d->s + t1 - 3, "\xE2\x80\xA6", 3) == 0);
	if (c1 >= p.end || (ellipsis && seg_bracketed(d, p, t0, t1)))
		return false;
	if (seg_space_at(d->s, c1, p.end) == 0) {
		size_t len;
		int32_t c = seg_cp_at(d->s, c1, p.end, &len);

		*next = c1;
		if (c1 > t1)
			return utf8_is_upper(c) && !ellipsis;
		if (ellipsis || t1 - t0 != 1)
			return false;
		return seg_glued_ends(d, p, t0, c1);
	}
	seg_look_ahead(d->s, c1, p.end, &a);
	*next = a.start;
	if (a.kind == SEG_NEXT_END)
		return false;
	if (ellipsis)
		return (a.kind != SEG_NEXT_LOWER && seg_ambiguous_ends(d, &a, SEG_AMB_PLAIN)) ||
		    (c1 > t1 && a.kind == SEG_NEXT_UPPER);
	if (strong || t1 - t0 > 1 || d->s[t0] != '.') {
		if ((c1 > t1 || d->lower) && seg_said_follows(d, &a))
			return false;
		if (a.kind == SEG_NEXT_LOWER)
			return d->lower && c1 == t1;
		return true;
	}
	return seg_period_ends(d, p, start, t0, &a);
}

static size_t
seg_skip(const char *s, size_t i, size_t end, bool (*is)(int32_t))
{
	size_t len;

	while (i < end && is(seg_cp_at(s, i, end, &len)))
		i += len;
	return i;
}

/* Bytes that may start a terminal: . ! ? and lead bytes of U+2026 etc. */
static const unsigned char seg_stop_byte[256] = {
	['.'] = 1, ['!'] = 1, ['?'] = 1, [0xE2] = 1, [0xE3] = 1, [0xEF] = 1,
};

/*
 * The full stops of a spaced ellipsis from the stop at i: stops each
 * followed by one space and another stop (". . ."), not part of a run of
 * stops ("...").  Returns how many there are and stores one past the last
 * in *e.
 */
static size_t
seg_spaced_dots(const char *s, size_t i, size_t end, size_t *e)
{
	size_t k = 1;

	if (i + 1 < end && s[i + 1] == '.')
		return 0;
	while (i + 2 < end && s[i + 1] == ' ' && s[i + 2] == '.' &&
	    (i + 3 >= end || s[i + 3] != '.')) {
		i += 2;
		k++;
	}
	*e = i + 1;
	return k;
}

/*
 * Decide a spaced ellipsis of k stops from dot to e, as style guides
 * write them (". . .").  Three stops mark words left out inside a
 * sentence and never end it.  A fourth stop is the sentence's full stop:
 * after a space ("a period . . . . Next") it comes last and the sentence
 * ends after the four; glued to the word before ("compounds. . . . The")
 * it comes first, so the sentence ends after the word and the ellipsis
 * opens the next one.  Either way it ends only before a word that is not
 * in lower case, and never at the end of a paragraph ("less complex. . .
 * .\u201D").  Returns the end of the sentence, or 0 for none, and stores
 * where the next one starts in *next.
 */
static size_t
seg_spaced_ends(const struct seg_doc *d, struct seg_span p, size_t dot, size_t k,
    size_t e, size_t *next)
{
	struct seg_after a;
	size_t c1 = seg_skip(d->s, e, p.end, seg_is_closer);

	if (k < 4)
		return 0;
	seg_look_ahead(d->s, c1, p.end, &a);
	if (a.kind == SEG_NEXT_END || a.kind == SEG_NEXT_LOWER)
		return 0;
	if (dot > p.start && seg_space_at(d->s, dot - 1, p.end) == 0) {
		*next = dot + 2;
		return dot + 1;
	}
	*next = a.start;
	return c1;
}

/*
 * End the sentence begun at *start before each list item of items from
 * *k on that starts at or before i.
 */
static void
seg_items_before(const struct seg_doc *d, const struct seg_spans *items, size_t *k,
    size_t i, size_t *start, struct seg_spans *out)
{
	for (; *k < items->n && items->v[*k].start <= i; (*k)++) {
		size_t at = items->v[*k].start, e = at, len;

		if (at <= *start)
			continue;
		while (e > *start && utf8_is_space(seg_cp_before(d->s, *start, e, &len)))
			e -= len;
		seg_push(out, *start, e);
		*start = at;
	}
}

void
seg_sentences(struct seg_doc *d, struct seg_span p, struct seg_spans *out)
{
	const unsigned char *u = (const unsigned char *)d->s;
	size_t i = p.start, start = p.start, len, k = 0;
	struct seg_spans items = { NULL, 0, 0 };

	seg_list_items(d, p, &items);
	while (i < p.end) {
		int32_t c;
		size_t t1, c1, next, dots;

		while (i < p.end && !seg_stop_byte[u[i]])
			i++;
		if (i >= p.end)
			break;
		c = seg_cp_at(d->s, i, p.end, &len);
		if (!seg_is_terminal(c)) {
			i += len;
			continue;
		}
		seg_items_before(d, &items, &k, i, &start, out);
		if (c == '.' && (dots = seg_spaced_dots(d->s, i, p.end, &t1)) >= 3) {
			if ((c1 = seg_spaced_ends(d, p, i, dots, t1, &next)) > 0) {
				seg_push(out, start, c1);
				start = next;
			}
			i = t1;
			continue;
		}
		t1 = seg_skip(d->s, i, p.end, seg_is_terminal);
		c1 = seg_skip(d->s, t1, p.end, seg_is_closer);
		if (seg_decide(d, p, start, i, t1, c1, &next)) {
			seg_push(out, start, c1);
			start = next;
		}
		i = t1;
	}
	seg_items_before(d, &items, &k, p.end, &start, out);
	if (start < p.end)
		seg_push(out, start, p.end);
	free(items.v);
}
