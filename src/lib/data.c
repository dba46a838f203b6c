#include "config.h"

#include <err.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "data.h"
#include "lib/paths.h"
#include "sbuf.h"

const char *
data_dir(void)
{
	const char *d = getenv("TABLOID_DATADIR");

	return d != NULL && *d != '\0' ? d : PKGDATADIR;
}

static char *
data_join(const char *a, const char *b, const char *c, const char *d)
{
	size_t n = strlen(a) + strlen(b) + strlen(c) + strlen(d) + 2;
	char *p = xmalloc(n);

	snprintf(p, n, "%s/%s%s%s", a, b, c, d);
	return p;
}

char *
data_find(const char *name, const char *prefix, const char *suffix)
{
	char *p;

	if (access(name, F_OK) == 0 || strchr(name, '/') != NULL)
		return xstrdup(name);
	p = data_join(data_dir(), "", name, "");
	if (access(p, F_OK) == 0)
		return p;
	free(p);
	if (prefix != NULL) {
		p = data_join(data_dir(), prefix, name, suffix ? suffix : "");
		if (access(p, F_OK) == 0)
			return p;
		free(p);
	}
	return xstrdup(name);
}

void
data_fail(const char *name, const char *prefix, const char *suffix, const char *path)
{
	const char *env = getenv("TABLOID_DATADIR");
	char *p, *q = NULL;

	if (errno != ENOENT || strchr(name, '/') != NULL)
		err(2, "%s", path);
	p = data_join(data_dir(), "", name, "");
	if (prefix != NULL)
		q = data_join(data_dir(), prefix, name, suffix ? suffix : "");
	errx(2, "%s: %s; searched %s, %s%s%s (the data directory is %s %s)", name, strerror(ENOENT),
	    name, p, q ? ", " : "", q ? q : "",
	    env != NULL && *env != '\0' ? "$TABLOID_DATADIR," : "the built-in",
	    env != NULL && *env != '\0' ? env : PKGDATADIR "; set TABLOID_DATADIR to use another");
}
