#include "config.h"

#include <err.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "opt.h"

static void (*opt_usage)(int);

static int
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* Read the digits at *s into *v, moving *s past them; -1 on overflow. */
static int
digits(const char **s, uint64_t *v)
{
	uint64_t n = 0;
	int over = 0;

	for (; is_digit(**s); (*s)++) {
		if (n > (UINT64_MAX - (uint64_t)(**s - '0')) / 10)
			over = 1;
		n = n * 10 + (uint64_t)(**s - '0');
	}
	*v = n;
	return over ? -1 : 0;
}

enum opt_err
opt_parse_count(const char *s, uint64_t min, uint64_t max, uint64_t *v)
{
	uint64_t n;
	int big;

	if (!is_digit(*s))
		return OPT_SYNTAX;
	big = digits(&s, &n) != 0;
	if (*s != '\0')
		return OPT_SYNTAX;
	if (big || n < min || n > max)
		return OPT_RANGE;
	*v = n;
	return OPT_OK;
}

/* The power of 2 that the suffix c stands for, or -1. */
static int
suffix_shift(char c)
{
	static const char suffixes[] = "KkMmGgTt";
	const char *p = c != '\0' ? strchr(suffixes, c) : NULL;

	return p != NULL ? 10 * (int)((p - suffixes) / 2 + 1) : -1;
}

enum opt_err
opt_parse_size(const char *s, uint64_t min, uint64_t max, uint64_t *v)
{
	const char *p = s;
	uint64_t n;
	int shift = 0, big;

	if (!is_digit(*p))
		return OPT_SYNTAX;
	big = digits(&p, &n) != 0;
	if (*p != '\0' && ((shift = suffix_shift(*p)) < 0 || p[1] != '\0'))
		return OPT_SYNTAX;
	if (big || n > UINT64_MAX >> shift)
		return OPT_RANGE;
	n <<= shift;
	if (n < min || n > max)
		return OPT_RANGE;
	*v = n;
	return OPT_OK;
}

enum opt_err
opt_parse_fraction(const char *s, double min, double max, double *v)
{
	static const double pow10[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
	                               1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
	                               1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
	uint64_t m = 0;
	int sig = 0, scale = 0, point = 0, any = 0, dropped = 0;
	double d;

	for (; *s != '\0'; s++) {
		if (*s == '.' && !point) {
			point = 1;
			continue;
		}
		if (!is_digit(*s))
			return OPT_SYNTAX;
		any = 1;
		if (m == 0 && *s == '0' && !point)
			continue;
		if (sig < 15 && scale < 22) {
			m = m * 10 + (uint64_t)(*s - '0');
			if (m > 0)
				sig++;
			scale += point;
		} else if (!point)
			dropped++;
	}
	if (!any)
		return OPT_SYNTAX;
	/* m and 10^scale are exact, so the quotient is correctly rounded */
	d = (double)m / pow10[scale];
	for (; dropped > 0; dropped--)
		d *= 10;
	if (!(d >= min && d <= max))
		return OPT_RANGE;
	*v = d;
	return OPT_OK;
}

void
opt_init(void (*usage)(int))
{
	opt_usage = usage;
}

const char *
opt_name(const struct option *longopts, int longindex, int ch)
{
	static char buf[64];

	if (longindex >= 0)
		snprintf(buf, sizeof buf, "--%s", longopts[longindex].name);
	else
		snprintf(buf, sizeof buf, "-%c", ch);
	return buf;
}

static void __attribute__((noreturn)) opt_fail(void)
{
	if (opt_usage != NULL)
		opt_usage(2);
	exit(2);
}

void
opt_bad(const char *name, const char *arg, const char *what)
{
	warnx("%s: '%s' %s", name, arg, what);
	opt_fail();
}

uint64_t
opt_count(const char *name, const char *arg, uint64_t min, uint64_t max)
{
	char what[80];
	uint64_t v = 0;

	if (opt_parse_count(arg, min, max, &v) != OPT_OK) {
		snprintf(what, sizeof what, "is not a number from %llu to %llu",
		         (unsigned long long)min, (unsigned long long)max);
		opt_bad(name, arg, what);
	}
	return v;
}

/* s: n bytes written with the largest suffix that divides it. */
static void
size_text(char *s, size_t len, uint64_t n)
{
	static const char suffix[] = "KMGT";
	int i = -1;

	while (i < 3 && n != 0 && n % 1024 == 0) {
		n /= 1024;
		i++;
	}
	if (i < 0)
		snprintf(s, len, "%llu", (unsigned long long)n);
	else
		snprintf(s, len, "%llu%c", (unsigned long long)n, suffix[i]);
}

uint64_t
opt_size(const char *name, const char *arg, uint64_t min, uint64_t max)
{
	char what[96], lo[32], hi[32];
	uint64_t v = 0;

	switch (opt_parse_size(arg, min, max, &v)) {
	case OPT_OK:
		return v;
	case OPT_SYNTAX:
		opt_bad(name, arg,
		        "is not a size (a number of bytes, or of K, M, G or T)");
	case OPT_RANGE:
		break;
	}
	size_text(lo, sizeof lo, min);
	size_text(hi, sizeof hi, max);
	if (opt_parse_size(arg, 0, UINT64_MAX, &v) == OPT_OK && v < min)
		snprintf(what, sizeof what, "is below the minimum of %s", lo);
	else if (max == UINT64_MAX)
		snprintf(what, sizeof what, "is too large");
	else
		snprintf(what, sizeof what, "is above the maximum of %s", hi);
	opt_bad(name, arg, what);
}

double
opt_fraction(const char *name, const char *arg, double min, double max)
{
	char what[80];
	double v = 0;

	if (opt_parse_fraction(arg, min, max, &v) != OPT_OK) {
		snprintf(what, sizeof what, "is not a number from %g to %g", min, max);
		opt_bad(name, arg, what);
	}
	return v;
}

void
opt_exclusive(const char **seen, const char *name)
{
	if (*seen != NULL && strcmp(*seen, name) != 0) {
		warnx("%s and %s cannot be used together", *seen, name);
		opt_fail();
	}
	*seen = name;
}
