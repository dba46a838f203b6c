#include "config.h"

#include <dirent.h>
#include <err.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "docid.h"
#include "sbuf.h"
#include "strset.h"

struct docid_walk {
	struct docid_files *out;
	struct strset *seen;	/* id -> index in out */
	enum docid_style style;
	enum docid_dups dups;
	bool ok;
};

int
docid_style_parse(const char *s)
{
	if (strcmp(s, "relative") == 0)
		return DOCID_RELATIVE;
	if (strcmp(s, "name") == 0)
		return DOCID_NAME;
	if (strcmp(s, "path") == 0)
		return DOCID_PATH;
	return -1;
}

/* s without the extension of its last path component. */
static char *
docid_strip(const char *s)
{
	const char *base = strrchr(s, '/'), *dot;
	char *p;

	base = base ? base + 1 : s;
	dot = strrchr(base, '.');
	if (dot == NULL || dot == base)
		dot = base + strlen(base);
	p = xmalloc((size_t)(dot - s) + 1);
	memcpy(p, s, (size_t)(dot - s));
	p[dot - s] = '\0';
	return p;
}

static void
docid_add(struct docid_walk *w, const char *path, const char *id, bool strip)
{
	struct docid_files *o = w->out;
	char *clean = strip ? docid_strip(id) : xstrdup(id);
	int prev = w->dups == DOCID_KEEP ? -1 : strset_get(w->seen, clean, strlen(clean));

	if (prev >= 0) {
		if (w->dups == DOCID_REFUSE)
			errx(2, "%s and %s have the same doc id '%s' (see --id-style and --last-wins)",
			    o->v[prev].path, path, clean);
		free(o->v[prev].path);
		o->v[prev].path = NULL;
	}
	if (o->n == o->cap) {
		o->cap = o->cap ? o->cap * 2 : 64;
		o->v = xrealloc(o->v, o->cap * sizeof *o->v);
	}
	o->v[o->n].path = xstrdup(path);
	o->v[o->n].id = clean;
	strset_put(w->seen, clean, strlen(clean), (int)o->n);
	o->n++;
}

static int
docid_visible(const struct dirent *e)
{
	return e->d_name[0] != '.';
}

static int
docid_bytes(const struct dirent **a, const struct dirent **b)
{
	return strcmp((*a)->d_name, (*b)->d_name);
}

static char *
docid_join(const char *a, const char *b)
{
	size_t n = strlen(a);
	char *p = xmalloc(n + strlen(b) + 2);

	if (n == 0)
		strcpy(p, b);
	else
		sprintf(p, "%s%s%s", a, a[n - 1] == '/' ? "" : "/", b);
	return p;
}

/* Walk dir, whose files have ids rel/NAME. */
static void
docid_walk_dir(struct docid_walk *w, const char *dir, const char *rel)
{
	struct dirent **names;
	int n, i;

	if ((n = scandir(dir, &names, docid_visible, docid_bytes)) < 0) {
		warn("%s", dir);
		w->ok = false;
		return;
	}
	for (i = 0; i < n; i++) {
		char *full = docid_join(dir, names[i]->d_name);
		char *sub = docid_join(rel, names[i]->d_name);
		struct stat st;

		if (lstat(full, &st) == 0 && S_ISDIR(st.st_mode))
			docid_walk_dir(w, full, sub);
		else if (stat(full, &st) != 0 || S_ISREG(st.st_mode))
			docid_add(w, full, w->style == DOCID_RELATIVE ? sub :
			    w->style == DOCID_NAME ? names[i]->d_name : full, true);
		free(full);
		free(sub);
		free(names[i]);
	}
	free(names);
}

static void
docid_operand(struct docid_walk *w, const char *path, const char *stdin_id)
{
	struct stat st;
	const char *base;

	if (strcmp(path, "-") == 0) {
		docid_add(w, path, stdin_id, false);
		return;
	}
	if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
		docid_walk_dir(w, path, "");
		return;
	}
	base = strrchr(path, '/');
	docid_add(w, path, w->style == DOCID_PATH || base == NULL ? path : base + 1, true);
}

bool
docid_expand(char **argv, size_t n, enum docid_style style, enum docid_dups dups,
    const char *stdin_id, struct docid_files *out)
{
	struct docid_walk w = { out, strset_new(), style, dups, true };
	size_t i, k = 0;

	for (i = 0; i < n; i++)
		docid_operand(&w, argv[i], stdin_id);
	for (i = 0; i < out->n; i++) {
		if (out->v[i].path == NULL) {
			free(out->v[i].id);
			continue;
		}
		out->v[k++] = out->v[i];
	}
	out->n = k;
	strset_free(w.seen);
	return w.ok;
}

void
docid_files_free(struct docid_files *f)
{
	size_t i;

	for (i = 0; i < f->n; i++) {
		free(f->v[i].path);
		free(f->v[i].id);
	}
	free(f->v);
	memset(f, 0, sizeof *f);
}
