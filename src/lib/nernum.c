#include "config.h"

#include <string.h>

#include "ner.h"
#include "nerint.h"
#include "nernum.h"
#include "nertok.h"

bool
nernum_is_calendar(const struct ner_doc *d, size_t i)
{
	return tin(d, i, L_MONTHS) || tin(d, i, L_WEEKDAYS);
}

static bool
nernum_free_tok(const struct ner_doc *d, size_t i, size_t te)
{
	return i < te && d->t[i].m < 0;
}

static bool
nernum_isnum(const struct ner_doc *d, size_t i, size_t te)
{
	return nernum_free_tok(d, i, te) && ((d->t[i].flags & NER_NUM) ||
	    (tin(d, i, L_NUMWORDS) && !tis(d, i, "a") && !tis(d, i, "few")));
}

/* A number at i with its scale words; returns the end, or i. */
static size_t
nernum_amount(const struct ner_doc *d, size_t i, size_t te)
{
	size_t k = i;

	if (!nernum_isnum(d, i, te))
		return i;
	k++;
	while (nernum_isnum(d, k, te) && (d->t[k].flags & NER_NUM) == 0)
		k++;
	while (nernum_free_tok(d, k, te) && tin(d, k, L_SCALES))
		k++;
	return k;
}

/* The start of approximators ("about", "more than") before token i. */
static size_t
nernum_approx_start(const struct ner_doc *d, size_t i, size_t tb)
{
	if (i >= tb + 2 && nernum_free_tok(d, i - 1, i) && nernum_free_tok(d, i - 2, i) &&
	    ((tis(d, i - 2, "more") || tis(d, i - 2, "less") || tis(d, i - 2, "fewer")) &&
	    tis(d, i - 1, "than")))
		return i - 2;
	if (i >= tb + 2 && tis(d, i - 2, "at") && (tis(d, i - 1, "least") || tis(d, i - 1, "most")) &&
	    nernum_free_tok(d, i - 2, i))
		return i - 2;
	if (i >= tb + 2 && tis(d, i - 2, "up") && tis(d, i - 1, "to") && nernum_free_tok(d, i - 2, i))
		return i - 2;
	if (i > tb && nernum_free_tok(d, i - 1, i) && tin(d, i - 1, L_APPROX))
		return i - 1;
	return i;
}

static bool
nernum_is_year(const struct ner_doc *d, size_t i, size_t te)
{
	const char *k;

	if (!nernum_free_tok(d, i, te) || d->t[i].klen < 4 || d->t[i].klen > 5)
		return false;
	k = d->keys.p + d->t[i].key;
	if (!((k[0] == '1' && k[1] == '9') || (k[0] == '2' && k[1] == '0')))
		return false;
	if (!(k[2] >= '0' && k[2] <= '9' && k[3] >= '0' && k[3] <= '9'))
		return false;
	return d->t[i].klen == 4 || k[4] == 's';
}

static bool
nernum_is_day(const struct ner_doc *d, size_t i, size_t te)
{
	const char *k;
	size_t n, v = 0, j;

	if (!nernum_free_tok(d, i, te) || d->t[i].klen == 0 || d->t[i].klen > 4)
		return false;
	k = d->keys.p + d->t[i].key;
	n = d->t[i].klen;
	for (j = 0; j < n && k[j] >= '0' && k[j] <= '9'; j++)
		v = v * 10 + (size_t)(k[j] - '0');
	if (j == 0 || v < 1 || v > 31)
		return false;
	return j == n || (n - j == 2 && (memcmp(k + j, "st", 2) == 0 || memcmp(k + j, "nd", 2) == 0 ||
	    memcmp(k + j, "rd", 2) == 0 || memcmp(k + j, "th", 2) == 0));
}

static bool
nernum_is_month(const struct ner_doc *d, size_t i, size_t te)
{
	if (!nernum_free_tok(d, i, te) || !tin(d, i, L_MONTHS))
		return false;
	if (d->lower)
		return !tis(d, i, "may") && !tis(d, i, "march") ? true :
		    (i + 1 < te && (nernum_is_day(d, i + 1, te) || nernum_is_year(d, i + 1, te)));
	if (!(d->t[i].flags & NER_CAP))
		return false;
	if (tis(d, i, "may") || tis(d, i, "mar") || tis(d, i, "jan") || tis(d, i, "sun") ||
	    tis(d, i, "march"))
		return i + 1 < te && (nernum_is_day(d, i + 1, te) || nernum_is_year(d, i + 1, te));
	return true;
}

/* A calendar date from a month at i: "April 19, 2021", "April 2021". */
static size_t
nernum_month_date(const struct ner_doc *d, size_t i, size_t te)
{
	size_t k = i + 1;

	if (nernum_is_day(d, k, te)) {
		k++;
		if (k + 1 < te && tis(d, k, ",") && nernum_is_year(d, k + 1, te))
			k += 2;
		else if (nernum_is_year(d, k, te))
			k++;
	} else if (nernum_is_year(d, k, te))
		k++;
	return k;
}

static size_t
nernum_time_tail(const struct ner_doc *d, size_t k, size_t te)
{
	while (nernum_free_tok(d, k, te) && tin(d, k, L_ZONES))
		k++;
	return k;
}

/* The numeric mention starting at token i; returns its end or i, and its type. */
static size_t
nernum_numeric_at(const struct ner_doc *d, const struct ner_sent *S, size_t i, int *type)
{
	size_t te = S->te, k;

	if (!nernum_free_tok(d, i, te))
		return i;
	if (tin(d, i, L_CURPREFIX) && (d->t[i].flags & (NER_PUNCT | NER_UPPER | NER_CAP)) &&
	    nernum_isnum(d, i + 1, te)) {
		*type = GAZ_MONEY;
		return nernum_amount(d, i + 1, te);
	}
	if ((d->t[i].flags & NER_NUM) && memchr(tkey(d, i), ':', d->t[i].klen) != NULL) {
		*type = GAZ_TIME;
		return nernum_time_tail(d, i + 1, te);
	}
	k = nernum_amount(d, i, te);
	if (k > i) {
		if (nernum_free_tok(d, k, te) && tin(d, k, L_CURRENCIES)) {
			*type = GAZ_MONEY;
			return k + 1;
		}
		if (nernum_free_tok(d, k, te) && (tis(d, k, "%") || tis(d, k, "percent") || tis(d, k, "pct"))) {
			*type = GAZ_PERCENT;
			return k + 1;
		}
		if (k + 1 < te && tis(d, k, "per") && tis(d, k + 1, "cent")) {
			*type = GAZ_PERCENT;
			return k + 2;
		}
		if (k + 1 < te && tis(d, k, "percentage") && (tis(d, k + 1, "point") ||
		    tis(d, k + 1, "points"))) {
			*type = GAZ_PERCENT;
			return k + 2;
		}
		if (k == i + 1 && nernum_free_tok(d, k, te) && tin(d, k, L_ZONES) &&
		    (d->t[i].flags & NER_NUM)) {
			*type = GAZ_TIME;
			return nernum_time_tail(d, k, te);
		}
		if (nernum_free_tok(d, k, te) && tin(d, k, L_UNITS_TIME)) {
			*type = GAZ_TIME;
			return k + 1 < te && tis(d, k + 1, "ago") ? k + 2 : k + 1;
		}
		if (nernum_free_tok(d, k, te) && tin(d, k, L_UNITS_DATE)) {
			*type = GAZ_DATE;
			return k + 1 < te && (tis(d, k + 1, "ago") || tis(d, k + 1, "old")) ? k + 2 : k + 1;
		}
		if (k == i + 1 && nernum_is_day(d, i, te) && nernum_is_month(d, k, te)) {
			*type = GAZ_DATE;
			return nernum_is_year(d, k + 1, te) ? k + 2 : k + 1;
		}
	}
	if (nernum_is_year(d, i, te) && !(i + 1 < te && tin(d, i + 1, L_SCALES))) {
		*type = GAZ_DATE;
		return i + 1;
	}
	if (nernum_is_month(d, i, te)) {
		*type = GAZ_DATE;
		return nernum_month_date(d, i, te);
	}
	if (tin(d, i, L_WEEKDAYS) && ((d->t[i].flags & NER_CAP) || d->lower) &&
	    (d->t[i].klen > 3 || (d->t[i].flags & NER_CAP))) {
		if (nernum_free_tok(d, i + 1, te) && tin(d, i + 1, L_DAYPARTS)) {
			*type = GAZ_TIME;
			return i + 2;
		}
		*type = GAZ_DATE;
		k = i + 1;
		if (nernum_free_tok(d, k, te) && tis(d, k, ","))
			k++;
		if (nernum_is_day(d, k, te) && nernum_is_month(d, k + 1, te))
			return nernum_is_year(d, k + 2, te) ? k + 3 : k + 2;
		if (nernum_is_month(d, k, te) && nernum_month_date(d, k, te) > k + 1)
			return nernum_month_date(d, k, te);
		return i + 1;
	}
	if (tis(d, i, "yesterday") || tis(d, i, "today") || tis(d, i, "tomorrow")) {
		if (nernum_free_tok(d, i + 1, te) && tin(d, i + 1, L_DAYPARTS)) {
			*type = GAZ_TIME;
			return i + 2;
		}
		*type = GAZ_DATE;
		return i + 1;
	}
	if (tis(d, i, "tonight") || tis(d, i, "overnight") || tis(d, i, "midnight") ||
	    tis(d, i, "noon") || tis(d, i, "midday")) {
		*type = GAZ_TIME;
		return i + 1;
	}
	if (tin(d, i, L_RELATIVE) && nernum_free_tok(d, i + 1, te)) {
		if (tin(d, i + 1, L_PERIODS) || tin(d, i + 1, L_WEEKDAYS) ||
		    nernum_is_month(d, i + 1, te)) {
			*type = GAZ_DATE;
			return i + 2;
		}
		if ((tis(d, i, "this") || tis(d, i, "last")) && tin(d, i + 1, L_DAYPARTS)) {
			*type = GAZ_TIME;
			return i + 2;
		}
		if ((tis(d, i, "past") || tis(d, i, "next") || tis(d, i, "last")) &&
		    (k = nernum_amount(d, i + 1, te)) > i + 1 && nernum_free_tok(d, k, te) &&
		    tin(d, k, L_UNITS_DATE)) {
			*type = GAZ_DATE;
			return k + 1;
		}
	}
	return i;
}

void
nernum_sentence(struct ner_doc *d, size_t si)
{
	const struct ner_sent *S = &d->s[si];
	size_t i = S->tb;

	while (i < S->te) {
		int type = -1;
		size_t e = nernum_numeric_at(d, S, i, &type), b = i;

		if (e == i) {
			i++;
			continue;
		}
		if (type == GAZ_MONEY || type == GAZ_PERCENT ||
		    (type == GAZ_DATE && !(d->t[i].flags & NER_CAP) && !tin(d, i, L_RELATIVE)))
			b = nernum_approx_start(d, i, S->tb);
		if ((type == GAZ_DATE) && b > S->tb && tis(d, b - 1, "the") && tin(d, b, L_RELATIVE))
			b--;
		nertok_emit(d, si, b, e, type, NULL, 0, HOW_NUMERIC);
		i = e;
	}
}
