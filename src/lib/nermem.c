#include "config.h"

#include <err.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

#include "nermem.h"
#include "out.h"
#include "sbuf.h"

void
nermem_load(struct gaz *g, const char *path)
{
	if (gaz_load(g, path, false) != 0 && errno != ENOENT)
		err(2, "%s", path);
}

/* Take the lock of path; returns its descriptor. */
static int
nermem_lock(const char *path)
{
	char *lock = xmalloc(strlen(path) + 8);
	int fd;

	sprintf(lock, "%s.lock", path);
	if ((fd = open(lock, O_RDWR | O_CREAT | O_CLOEXEC, 0666)) == -1)
		err(2, "%s", lock);
	while (flock(fd, LOCK_EX) != 0)
		if (errno != EINTR)
			err(2, "%s", lock);
	free(lock);
	return fd;
}

/* Write g to path through a temporary file renamed over it. */
static void
nermem_write(const char *path, const struct gaz *g)
{
	char *tmp = xmalloc(strlen(path) + 16);
	FILE *f;
	int fd;

	sprintf(tmp, "%s.XXXXXX", path);
	if ((fd = out_mktemp(tmp)) < 0 || (f = fdopen(fd, "w")) == NULL)
		err(2, "%s", path);
	if (fputs("# names learnt by tabloid-tag-entities: NAME TAB TYPE [TAB ENTITY]\n", f) == EOF ||
	    gaz_dump(g, GAZ_ENTITY_MASK, f) != 0 || fclose(f) != 0) {
		unlink(tmp);
		errx(2, "%s: write error", path);
	}
	if (rename(tmp, path) != 0) {
		unlink(tmp);
		err(2, "%s", path);
	}
	free(tmp);
}

void
nermem_save(const char *path, const struct abbrev *ab, const struct gaz *learnt,
    const struct gaz *fresh, size_t max)
{
	struct gaz now;
	int fd = nermem_lock(path);

	gaz_init(&now, ab);
	nermem_load(&now, path);
	gaz_merge(&now, learnt, GAZ_ENTITY_MASK, max);
	gaz_merge(&now, fresh, GAZ_ENTITY_MASK, max);
	nermem_write(path, &now);
	gaz_free(&now);
	close(fd);
}
