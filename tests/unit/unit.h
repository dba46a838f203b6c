/* unit: a minimal harness for the library's unit tests (TAP output). */
#ifndef TABLOID_UNIT_H
#define TABLOID_UNIT_H

#include <stdio.h>
#include <string.h>

static int unit_n, unit_failed;

#define CHECK(cond) unit_check((cond), #cond, __FILE__, __LINE__)

static void
unit_check(int ok, const char *what, const char *file, int line)
{
	unit_n++;
	if (!ok)
		unit_failed++;
	printf("%s %d - %s (%s:%d)\n", ok ? "ok" : "not ok", unit_n, what, file, line);
}

static int
unit_done(void)
{
	printf("1..%d\n", unit_n);
	return unit_failed ? 1 : 0;
}

#endif
