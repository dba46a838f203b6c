#include "config.h"

#include <err.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "docout.h"
#include "out.h"
#include "sbuf.h"
#include "strset.h"
#include "tsv.h"

struct docout_doc {
	char *path;			/* DIR/ID.EXT */
	char *tmp;			/* its temporary file */
	int fd;				/* open on it until the next document begins */
	bool same;			/* the new content equals the old file's */
	struct docout_doc *next;	/* the next document claimed */
};

/* What a failed run removes: a temporary file, or a directory it made. */
struct docout_undo {
	const char *path;		/* a directory's is its own */
	bool dir;
	struct docout_undo *next;	/* made earlier */
};

static bool docout_on;
static char *docout_dir;		/* DIR without trailing '/' */
static const char *docout_ext;
static struct strset *docout_ids;	/* id -> index in docout_places */
static char **docout_places;		/* where each document starts */
static size_t docout_nplaces;
static struct docout_doc *docout_first, **docout_tail = &docout_first;
static struct docout_doc *docout_cur;	/* the document being written, or NULL */
static struct sbuf docout_hdr;		/* the header, held until the first document */
static _Atomic(struct docout_undo *) docout_undo_list;
static atomic_bool docout_failed;	/* docout_undo() has run */

/* Remove what the run made, newest first; async-signal-safe. */
static void
docout_undo(void)
{
	struct docout_undo *u;

	atomic_store(&docout_failed, true);
	u = atomic_load(&docout_undo_list);
	for (; u != NULL; u = u->next)
		if (u->dir)
			rmdir(u->path);
		else
			unlink(u->path);
}

/*
 * Put path on the list of what a failed run removes.  The push is made
 * before a temporary file is created and checked after, so that a failure
 * in another thread meanwhile (docout_failed) leaves nothing behind.
 */
static void
docout_push(const char *path, bool dir)
{
	struct docout_undo *u = xmalloc(sizeof *u);

	u->path = path;
	u->dir = dir;
	u->next = atomic_load(&docout_undo_list);
	while (!atomic_compare_exchange_weak(&docout_undo_list, &u->next, u))
		;
}

/*
 * Make directory path unless it exists; an existing one that is not a
 * directory is an error, and so is a symbolic link unless follow.
 */
static void
docout_mkdir(const char *path, bool follow)
{
	struct stat st;
	int e;

	if (mkdir(path, 0777) == 0) {
		docout_push(xstrdup(path), true);
		if (atomic_load(&docout_failed))
			rmdir(path);
		return;
	}
	e = errno;
	if ((follow ? stat(path, &st) : lstat(path, &st)) != 0) {
		errno = e;
		err(2, "%s", path);
	}
	if (S_ISLNK(st.st_mode))
		errx(2, "%s: a symbolic link, not followed under the output directory", path);
	if (!S_ISDIR(st.st_mode)) {
		errno = ENOTDIR;
		err(2, "%s", path);
	}
}

/* Make each directory of path from byte from on; the last part too if all. */
static void
docout_mkdirs(char *path, size_t from, bool all, bool follow)
{
	char *q;

	for (q = path + from;; q++) {
		if (*q == '/' || (*q == '\0' && all)) {
			char c = *q;

			if (q > path && q[-1] != '/') {
				*q = '\0';
				docout_mkdir(path, follow);
				*q = c;
			}
		}
		if (*q == '\0')
			break;
	}
}

void
docout_open(const char *dir, const char *ext)
{
	size_t n = strlen(dir);

	while (n > 1 && dir[n - 1] == '/')
		n--;
	docout_dir = xmalloc(n + 1);
	memcpy(docout_dir, dir, n);
	docout_dir[n] = '\0';
	docout_ext = ext;
	docout_ids = strset_new();
	atexit(docout_undo);
	out_trap(docout_undo);
	docout_mkdirs(docout_dir, 0, true, true);
	out_redirect(-1, &docout_hdr);
	docout_on = true;
}

bool
docout_active(void)
{
	return docout_on;
}

/* Why id cannot name a file, or NULL when it can. */
static const char *
docout_why(const char *id, size_t n)
{
	size_t i, start = 0, len;

	if (id[0] == '/')
		return "is an absolute path";
	for (i = 0; i <= n; i++) {
		if (i < n && id[i] != '/')
			continue;
		len = i - start;
		if (len == 0)
			return "has an empty path component";
		if (len <= 2 && memcmp(id + start, "..", len) == 0)
			return len == 1 ? "has a '.' path component" : "has a '..' path component";
		if (len + (i == n ? strlen(docout_ext) : 0) > NAME_MAX)
			return "has a path component longer than NAME_MAX bytes";
		start = i + 1;
	}
	return NULL;
}

/* Refuse id, read at place, unless it can name a file. */
static void
docout_refuse(const char *id, size_t n, const char *place)
{
	const char *why;
	size_t i;

	if (n == 0)
		errx(2, "%s: empty document id", place);
	for (i = 0; i < n; i++)
		if ((unsigned char)id[i] < 32 || id[i] == 127)
			errx(2, "%s: document id holds the control character 0x%02x", place,
			    (unsigned char)id[i]);
	if ((why = docout_why(id, n)) != NULL)
		errx(2, "%s: document id '%.*s' %s", place, (int)(n > 80 ? 80 : n), id, why);
}

static char *
docout_place(const char *file, uint64_t line)
{
	char *p;

	if (strcmp(file, "-") == 0)
		file = "standard input";
	p = xmalloc(strlen(file) + 32);
	if (line > 0)
		sprintf(p, "%s: line %llu", file, (unsigned long long)line);
	else
		strcpy(p, file);
	return p;
}

/* Make d's directories and its temporary file, after DIR's dl bytes. */
static void
docout_create(struct docout_doc *d, size_t dl)
{
	size_t sl;

	docout_mkdirs(d->path, dl + 1, false, false);
	sl = (size_t)(strrchr(d->path, '/') - d->path);
	d->tmp = xmalloc(sl + 32);
	sprintf(d->tmp, "%.*s/.tabloid.XXXXXX", (int)sl, d->path);
	docout_push(d->tmp, false);
	if ((d->fd = out_mktemp(d->tmp)) == -1)
		err(2, "%s", d->path);
	if (atomic_load(&docout_failed))
		unlink(d->tmp);
}

struct docout_doc *
docout_claim(const char *id, size_t n, bool escaped, const char *file, uint64_t line)
{
	static struct sbuf dec;
	struct docout_doc *d;
	char *place;
	size_t dl;
	int k;

	if (!docout_on)
		return NULL;
	place = docout_place(file, line);
	sbuf_reset(&dec);
	sbuf_add(&dec, id, n);
	n = escaped ? tsv_unescape(dec.p, n, dec.p) : n;
	docout_refuse(dec.p, n, place);
	if ((k = strset_get(docout_ids, dec.p, n)) >= 0)
		errx(2, "%s: document '%.*s' already started at %s; it would overwrite its file",
		    place, (int)(n > 80 ? 80 : n), dec.p, docout_places[k]);
	docout_places = xrealloc(docout_places, (docout_nplaces + 1) * sizeof *docout_places);
	docout_places[docout_nplaces] = place;
	strset_put(docout_ids, dec.p, n, (int)docout_nplaces++);
	d = xcalloc(1, sizeof *d);
	dl = strlen(docout_dir);
	d->path = xmalloc(dl + n + strlen(docout_ext) + 2);
	sprintf(d->path, "%s/%.*s%s", docout_dir, (int)n, dec.p, docout_ext);
	docout_create(d, dl);
	*docout_tail = d;
	docout_tail = &d->next;
	return d;
}

/* Close the temporary file of the document being written. */
static void
docout_close(void)
{
	if (docout_cur == NULL)
		return;
	if (close(docout_cur->fd) != 0)
		err(2, "%s: write error", docout_cur->path);
	docout_cur = NULL;
}

void
docout_begin(struct docout_doc *d)
{
	if (d == NULL)
		return;
	out_redirect(d->fd, NULL);
	docout_close();
	docout_cur = d;
	out_write(docout_hdr.p, docout_hdr.len);
}

void
docout_start(const char *id, size_t n, bool escaped, const char *file, uint64_t line)
{
	docout_begin(docout_claim(id, n, escaped, file, line));
}

/* Whether the files a and b, both size bytes long, hold the same bytes. */
static bool
docout_same(const char *a, const char *b, off_t size)
{
	static char x[64 * 1024], y[64 * 1024];
	int fa = open(a, O_RDONLY), fb = open(b, O_RDONLY);
	bool same = fa != -1 && fb != -1;

	while (same && size > 0) {
		size_t want = size < (off_t)sizeof x ? (size_t)size : sizeof x;

		same = read(fa, x, want) == (ssize_t)want && read(fb, y, want) == (ssize_t)want &&
		    memcmp(x, y, want) == 0;
		size -= (off_t)want;
	}
	if (fa != -1)
		close(fa);
	if (fb != -1)
		close(fb);
	return same;
}

/* Put every document's file in place, with the ending signals held. */
static void
docout_commit(void)
{
	struct docout_doc *d;
	struct docout_undo *u, *next;
	struct stat old, st;
	sigset_t set, mask;

	out_finish();
	docout_close();
	for (d = docout_first; d != NULL; d = d->next) {
		if (lstat(d->path, &old) != 0)
			continue;
		if (S_ISDIR(old.st_mode)) {
			errno = EISDIR;
			err(2, "%s", d->path);
		}
		if (stat(d->tmp, &st) != 0)
			err(2, "%s", d->tmp);
		d->same = S_ISREG(old.st_mode) && old.st_size == st.st_size &&
		    docout_same(d->tmp, d->path, st.st_size);
	}
	out_signals(&set);
	sigprocmask(SIG_BLOCK, &set, &mask);
	for (d = docout_first; d != NULL; d = d->next) {
		if (d->same)
			unlink(d->tmp);
		else if (rename(d->tmp, d->path) != 0)
			err(2, "%s", d->path);
	}
	u = atomic_exchange(&docout_undo_list, NULL);
	sigprocmask(SIG_SETMASK, &mask, NULL);
	for (; u != NULL; u = next) {
		next = u->next;
		if (u->dir)
			free((char *)u->path);
		free(u);
	}
}

void
docout_exit(int status)
{
	if (!docout_on)
		out_exit(status);
	if (status == 0)
		docout_commit();
	else
		docout_undo();
	exit(status);
}
