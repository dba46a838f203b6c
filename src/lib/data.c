#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "data.h"
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
