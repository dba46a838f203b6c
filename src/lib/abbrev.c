#include "config.h"

#include <string.h>

#include "abbrev.h"
#include "sbuf.h"
#include "strset.h"

void
abbrev_init(struct abbrev *a)
{
	a->exact = strset_new();
	a->folded = strset_new();
}

static size_t
abbrev_lower(char *dst, const char *w, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		dst[i] = (w[i] >= 'A' && w[i] <= 'Z') ? (char)(w[i] + 32) : w[i];
	return n;
}

void
abbrev_add(struct abbrev *a, const char *w, size_t n, enum abbrev_class c)
{
	char low[128];

	if (n > 0 && w[n - 1] == '.')
		n--;
	if (n == 0 || n >= sizeof low)
		return;
	strset_put(a->exact, w, n, (int)c);
	strset_put(a->folded, low, abbrev_lower(low, w, n), (int)c);
}

static const char *
abbrev_entry(void *arg, char **f, size_t *len, size_t nf)
{
	enum abbrev_class c = ABBREV_PLAIN;

	if (nf > 2)
		return "more than two fields";
	if (len[0] == 0)
		return "empty abbreviation";
	if (nf == 2) {
		if (len[1] == 5 && memcmp(f[1], "title", 5) == 0)
			c = ABBREV_TITLE;
		else if (len[1] == 6 && memcmp(f[1], "number", 6) == 0)
			c = ABBREV_NUMBER;
		else if (len[1] != 5 || memcmp(f[1], "plain", 5) != 0)
			return "the class is not title, number or plain";
	}
	abbrev_add(arg, f[0], len[0], c);
	return NULL;
}

int
abbrev_load(struct abbrev *a, const char *path)
{
	return strset_read_list(path, abbrev_entry, a, "abbreviation");
}

static bool
abbrev_one_case(const char *w, size_t n)
{
	bool lower = false, upper = false;
	size_t i;

	for (i = 0; i < n; i++) {
		if (w[i] >= 'a' && w[i] <= 'z')
			lower = true;
		else if (w[i] >= 'A' && w[i] <= 'Z')
			upper = true;
	}
	return !(lower && upper);
}

enum abbrev_class
abbrev_class(const struct abbrev *a, const char *w, size_t n, bool fold)
{
	char low[128];
	int c = strset_get(a->exact, w, n);

	if (c > 0)
		return (enum abbrev_class)c;
	if (!fold || n >= sizeof low || !abbrev_one_case(w, n))
		return ABBREV_NONE;
	c = strset_get(a->folded, low, abbrev_lower(low, w, n));
	return c > 0 ? (enum abbrev_class)c : ABBREV_NONE;
}

bool
abbrev_is_acronym(const char *w, size_t n)
{
	size_t i;

	if (n < 3)
		return false;
	for (i = 0; i < n; i++) {
		bool letter = (w[i] | 0x20) >= 'a' && (w[i] | 0x20) <= 'z';

		if (i % 2 == 0 ? !letter : w[i] != '.')
			return false;
	}
	return n % 2 == 1;
}

void
abbrev_free(struct abbrev *a)
{
	strset_free(a->exact);
	strset_free(a->folded);
}
