/*
 * opt: the values of command-line options, read strictly.
 *
 * A count is decimal digits only: no sign, no space, no other base, and
 * no more than the range allows.  A size is a count optionally followed
 * by K, M, G or T (upper or lower case) for 1024 to the power of 1 to 4.
 * A fraction is decimal digits with at most one full stop, such as 0.3,
 * .5 or 1, whatever the locale: no sign, no exponent, no inf or nan.
 *
 * The opt_parse_ functions only parse, for the tests and for callers with
 * their own messages; the others report a bad value and end the program
 * with a usage error:
 *
 *     tabloid-count: -n: '-1' is not a number from 0 to 18446744073709551615
 *
 * followed by the program's usage hint, and status 2.
 */
#ifndef TABLOID_OPT_H
#define TABLOID_OPT_H

#include <getopt.h>
#include <stdint.h>

/* What is wrong with a value. */
enum opt_err {
	OPT_OK,
	OPT_SYNTAX, /* empty, or not of the form described above */
	OPT_RANGE   /* well formed, but outside the range given */
};

/* Parse s as a count from min to max into *v; *v is unchanged on error. */
enum opt_err opt_parse_count(const char *s, uint64_t min, uint64_t max, uint64_t *v);
/* Parse s as a size in bytes from min to max into *v; unchanged on error. */
enum opt_err opt_parse_size(const char *s, uint64_t min, uint64_t max, uint64_t *v);
/*
 * Parse s as a fraction from min to max into *v, the double nearest to the
 * decimal number when it has at most 15 significant digits; *v is
 * unchanged on error.
 */
enum opt_err opt_parse_fraction(const char *s, double min, double max, double *v);

/*
 * Set the function that prints the program's usage hint and exits with
 * the status given; call it before the functions below.
 */
void opt_init(void (*usage)(int));

/*
 * The name of the option that getopt_long(3) has just returned as ch, as
 * the user spelled it: "-n", or "--top" when longindex (which must be set
 * to -1 before each call of getopt_long) says that the long form was used.
 * The string is valid until the next call.
 */
const char *opt_name(const struct option *longopts, int longindex, int ch);

/* The value of option name (as from opt_name) with argument arg. */
uint64_t opt_count(const char *name, const char *arg, uint64_t min, uint64_t max);
uint64_t opt_size(const char *name, const char *arg, uint64_t min, uint64_t max);
double opt_fraction(const char *name, const char *arg, double min, double max);

/*
 * Report a usage error: the message "PROGRAM: name: 'arg' what", then the
 * usage hint, and exit 2.
 */
void opt_bad(const char *name, const char *arg, const char *what)
    __attribute__((noreturn));

/*
 * For options of which at most one may be given: when *seen is set and
 * differs from name, report "PROGRAM: *seen and name cannot be used
 * together" as a usage error; else set *seen to name.  name must stay
 * valid (a string literal, or copied).
 */
void opt_exclusive(const char **seen, const char *name);

#endif
