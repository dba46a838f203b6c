#include "config.h"

#include <sys/file.h>
#include <sys/stat.h>

#include <dirent.h>
#include <err.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "sha256.h"
#include "tsv.h"
#include "wstate.h"

#define WSTATE_HEADER "doc\tversion\ttime\tbytes\tobject"

/* The index written aside by wstate_write(), removed at exit unless committed. */
static char *wstate_tmp;

static void
wstate_cleanup(void)
{
	if (wstate_tmp != NULL)
		unlink(wstate_tmp);
}

static char *
wstate_path(const struct wstate *s, const char *name)
{
	size_t n = strlen(s->dir) + strlen(name) + 2;
	char *p = xmalloc(n);

	snprintf(p, n, "%s/%s", s->dir, name);
	return p;
}

static char *
wstate_obj_path(const struct wstate *s, const char *obj)
{
	char name[80];

	snprintf(name, sizeof name, "objects/%.2s/%s", obj, obj + 2);
	return wstate_path(s, name);
}

void
wstate_format_time(char *buf, int64_t t)
{
	time_t tt = (time_t)t;
	struct tm tm;

	if (gmtime_r(&tt, &tm) == NULL || strftime(buf, 21, "%Y-%m-%dT%H:%M:%SZ", &tm) == 0)
		snprintf(buf, 21, "%s", "1970-01-01T00:00:00Z");
}

static bool
wstate_parse_time(const char *p, size_t n, int64_t *t)
{
	struct tm tm = { 0 };
	char buf[32];
	char *end;

	if (n != 20)
		return false;
	memcpy(buf, p, n);
	buf[n] = '\0';
	end = strptime(buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
	if (end == NULL || *end != '\0')
		return false;
	*t = (int64_t)timegm(&tm);
	return true;
}

static bool
wstate_parse_u64(const char *p, size_t n, uint64_t *v)
{
	size_t i;

	if (n == 0 || n > 19)
		return false;
	*v = 0;
	for (i = 0; i < n; i++) {
		if (p[i] < '0' || p[i] > '9')
			return false;
		*v = *v * 10 + (uint64_t)(p[i] - '0');
	}
	return true;
}

static bool
wstate_is_obj(const char *p, size_t n)
{
	size_t i;

	if (n != 64)
		return false;
	for (i = 0; i < n; i++)
		if (!((p[i] >= '0' && p[i] <= '9') || (p[i] >= 'a' && p[i] <= 'f')))
			return false;
	return true;
}

static int
wstate_idcmp(const char *a, size_t na, const char *b, size_t nb)
{
	int c = memcmp(a, b, na < nb ? na : nb);

	return c != 0 ? c : (na > nb) - (na < nb);
}

static struct wstate_doc *
wstate_new_doc(struct wstate *s, const char *id, size_t n)
{
	struct wstate_doc *d;

	if (s->n == s->cap) {
		s->cap = s->cap ? 2 * s->cap : 64;
		s->d = xrealloc(s->d, s->cap * sizeof *s->d);
	}
	d = &s->d[s->n++];
	memset(d, 0, sizeof *d);
	d->id = xmalloc(n + 1);
	memcpy(d->id, id, n);
	d->id[n] = '\0';
	d->idlen = n;
	return d;
}

static void
wstate_push(struct wstate_doc *d, const struct wstate_version *v)
{
	if (d->n == d->cap) {
		d->cap = d->cap ? 2 * d->cap : 4;
		d->v = xrealloc(d->v, d->cap * sizeof *d->v);
	}
	d->v[d->n++] = *v;
}

/* One index row into s; what is wrong with it, or NULL. */
static const char *
wstate_row(struct wstate *s, struct tsv_row *row)
{
	struct wstate_version v = { 0 };
	struct wstate_doc *d = s->n > 0 ? &s->d[s->n - 1] : NULL;
	size_t idlen;
	int c;

	if (row->n != 5)
		return "expected 5 fields";
	idlen = tsv_unescape(row->f[0], row->len[0], row->f[0]);
	if (idlen == 0)
		return "empty doc id";
	if (!wstate_parse_u64(row->f[1], row->len[1], &v.num) || v.num == 0)
		return "bad version number";
	if (!wstate_parse_time(row->f[2], row->len[2], &v.time))
		return "bad time";
	if (row->len[4] == 1 && row->f[4][0] == '-') {
		if (row->len[3] != 1 || row->f[3][0] != '-')
			return "a removal with a size";
	} else {
		if (!wstate_is_obj(row->f[4], row->len[4]))
			return "bad object name";
		memcpy(v.obj, row->f[4], 64);
		if (!wstate_parse_u64(row->f[3], row->len[3], &v.bytes))
			return "bad size";
	}
	c = d ? wstate_idcmp(d->id, d->idlen, row->f[0], idlen) : -1;
	if (c > 0)
		return "not in order of doc ids";
	if (c < 0)
		d = wstate_new_doc(s, row->f[0], idlen);
	else if (v.num <= d->v[d->n - 1].num)
		return "versions not in increasing order";
	wstate_push(d, &v);
	return NULL;
}

static void
wstate_read_index(struct wstate *s)
{
	struct tsv_reader r;
	struct tsv_row row = { 0 };
	char *path = wstate_path(s, "index");
	const char *why;
	char *line;
	long long n;

	if (tsv_open(&r, path) != 0) {
		if (errno != ENOENT)
			err(2, "%s", path);
		free(path);
		return;
	}
	n = tsv_getline(&r, &line);
	if (n < 0 || (size_t)n != strlen(WSTATE_HEADER) || memcmp(line, WSTATE_HEADER, (size_t)n) != 0)
		errx(2, "%s: line 1: not the index of a tabloid-watch state", path);
	while ((n = tsv_getline(&r, &line)) >= 0) {
		tsv_split(&row, line, (size_t)n);
		if ((why = wstate_row(s, &row)) != NULL)
			errx(2, "%s: line %llu: %s", path, (unsigned long long)r.lineno, why);
	}
	tsv_close(&r);
	tsv_row_free(&row);
	free(path);
}

/* A directory with no index must hold nothing but what a run leaves. */
static void
wstate_check_foreign(const struct wstate *s)
{
	DIR *dp;
	struct dirent *e;
	char *path = wstate_path(s, "index");

	if (access(path, F_OK) == 0 || errno != ENOENT) {
		free(path);
		return;
	}
	free(path);
	if ((dp = opendir(s->dir)) == NULL)
		err(2, "%s", s->dir);
	while ((e = readdir(dp)) != NULL) {
		const char *n = e->d_name;

		if (strcmp(n, ".") == 0 || strcmp(n, "..") == 0 || strcmp(n, "lock") == 0 ||
		    strcmp(n, "objects") == 0 || strncmp(n, ".tmp-", 5) == 0)
			continue;
		errx(2, "%s: not a tabloid-watch state directory (it holds %s and no index)",
		    s->dir, n);
	}
	closedir(dp);
}

static void
wstate_lock(struct wstate *s, enum wstate_lock how, bool nowait)
{
	char *path = wstate_path(s, "lock");
	int op = how == WSTATE_SHARED ? LOCK_SH : LOCK_EX;

	s->lockfd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0666);
	if (s->lockfd == -1 && how == WSTATE_SHARED)
		s->lockfd = open(path, O_RDONLY | O_CLOEXEC);
	if (s->lockfd == -1)
		err(2, "%s", path);
	if (nowait)
		op |= LOCK_NB;
	while (flock(s->lockfd, op) != 0) {
		if (errno == EINTR)
			continue;
		if (errno == EWOULDBLOCK) {
			warnx("%s: another run holds the lock; not waiting (--no-wait)", s->dir);
			exit(WSTATE_BUSY);
		}
		err(2, "%s", path);
	}
	free(path);
}

void
wstate_open(struct wstate *s, const char *dir, bool create, enum wstate_lock how,
    bool nowait)
{
	struct stat st;
	size_t n = strlen(dir);

	memset(s, 0, sizeof *s);
	while (n > 1 && dir[n - 1] == '/')
		n--;
	s->dir = xmalloc(n + 1);
	memcpy(s->dir, dir, n);
	s->dir[n] = '\0';
	s->lockfd = -1;
	if (stat(s->dir, &st) != 0) {
		if (errno != ENOENT || !create)
			err(2, "%s", s->dir);
		if (mkdir(s->dir, 0777) != 0 && errno != EEXIST)
			err(2, "%s", s->dir);
	} else if (!S_ISDIR(st.st_mode))
		errx(2, "%s: not a directory", s->dir);
	if (create)
		wstate_check_foreign(s);
	wstate_lock(s, how, nowait);
	wstate_read_index(s);
	s->nsorted = s->n;
	atexit(wstate_cleanup);
}

struct wstate_doc *
wstate_find(const struct wstate *s, const char *id, size_t n)
{
	size_t lo = 0, hi = s->nsorted;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = wstate_idcmp(s->d[mid].id, s->d[mid].idlen, id, n);

		if (c == 0)
			return &s->d[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

const struct wstate_version *
wstate_latest(const struct wstate_doc *d)
{
	return d != NULL && d->n > 0 ? &d->v[d->n - 1] : NULL;
}

const struct wstate_version *
wstate_version(const struct wstate_doc *d, uint64_t num)
{
	size_t i;

	for (i = 0; d != NULL && i < d->n; i++)
		if (d->v[i].num == num)
			return &d->v[i];
	return NULL;
}

static void
wstate_mkdir(const char *path)
{
	if (mkdir(path, 0777) != 0 && errno != EEXIST)
		err(2, "%s", path);
}

static void
wstate_write_all(int fd, const char *path, const char *p, size_t n)
{
	ssize_t k;

	while (n > 0) {
		k = write(fd, p, n);
		if (k < 0 && errno == EINTR)
			continue;
		if (k < 0)
			err(2, "%s", path);
		p += k;
		n -= (size_t)k;
	}
}

/*
 * Write p[0..n) to a new file at path by way of a temporary file (synced
 * when sync; objects are synced all at once by wstate_commit()).
 */
static void
wstate_write_file(const char *dir, const char *path, const char *p, size_t n, char **keep,
    bool sync)
{
	size_t len = strlen(dir) + 20;
	char *tmp = xmalloc(len);
	mode_t mask;
	int fd;

	snprintf(tmp, len, "%s/.tmp-XXXXXX", dir);
	if ((fd = mkstemp(tmp)) == -1)
		err(2, "%s", tmp);
	mask = umask(0);
	umask(mask);
	if (fchmod(fd, 0666 & ~mask) != 0)
		err(2, "%s", tmp);
	if (keep != NULL)
		*keep = tmp;
	wstate_write_all(fd, tmp, p, n);
	if ((sync && fsync(fd) != 0) || close(fd) != 0) {
		unlink(tmp);
		err(2, "%s", tmp);
	}
	if (path != NULL) {
		if (rename(tmp, path) != 0) {
			unlink(tmp);
			err(2, "%s", path);
		}
		free(tmp);
	}
}

void
wstate_put(struct wstate *s, const char *p, size_t n, char obj[65])
{
	char *path, *sub;
	char name[16];
	unsigned k;

	sha256_hex(p, n, obj);
	path = wstate_obj_path(s, obj);
	if (access(path, F_OK) == 0) {
		free(path);
		return;
	}
	sub = wstate_path(s, "objects");
	wstate_mkdir(sub);
	free(sub);
	snprintf(name, sizeof name, "objects/%.2s", obj);
	sub = wstate_path(s, name);
	wstate_mkdir(sub);
	wstate_write_file(sub, path, p, n, NULL, false);
	sscanf(obj, "%2x", &k);
	s->dirty[k & 255] = true;
	free(sub);
	free(path);
}

void
wstate_get(const struct wstate *s, const char *obj, struct sbuf *out)
{
	char *path = wstate_obj_path(s, obj);
	char hex[65];

	if (sbuf_read_file(out, path) != 0)
		err(2, "%s", path);
	sha256_hex(out->p, out->len, hex);
	if (strcmp(hex, obj) != 0)
		errx(2, "%s: corrupt: its text does not match its name", path);
	free(path);
}

void
wstate_add(struct wstate *s, const char *id, size_t n, int64_t time, uint64_t bytes,
    const char *obj)
{
	struct wstate_doc *d = wstate_find(s, id, n);
	struct wstate_version v = { 0 };

	if (d == NULL)
		d = wstate_new_doc(s, id, n);
	v.num = d->n > 0 ? d->v[d->n - 1].num + 1 : 1;
	v.time = time;
	if (obj != NULL) {
		v.bytes = bytes;
		memcpy(v.obj, obj, 65);
	}
	wstate_push(d, &v);
}

bool
wstate_prune(struct wstate *s, size_t keep)
{
	size_t i, drop;
	bool any = false;

	for (i = 0; i < s->n; i++) {
		struct wstate_doc *d = &s->d[i];

		if (d->n <= keep)
			continue;
		drop = d->n - keep;
		memmove(d->v, d->v + drop, keep * sizeof *d->v);
		d->n = keep;
		any = true;
	}
	return any;
}

static int
wstate_doc_cmp(const void *a, const void *b)
{
	const struct wstate_doc *x = a, *y = b;

	return wstate_idcmp(x->id, x->idlen, y->id, y->idlen);
}

void
wstate_write(struct wstate *s)
{
	struct sbuf b = SBUF_INIT;
	char t[24];
	size_t i, j;

	if (s->n > 1)
		qsort(s->d, s->n, sizeof *s->d, wstate_doc_cmp);
	s->nsorted = s->n;
	sbuf_add(&b, WSTATE_HEADER "\n", strlen(WSTATE_HEADER) + 1);
	for (i = 0; i < s->n; i++) {
		const struct wstate_doc *d = &s->d[i];

		for (j = 0; j < d->n; j++) {
			const struct wstate_version *v = &d->v[j];
			char num[64];

			tsv_escape(&b, d->id, d->idlen);
			wstate_format_time(t, v->time);
			if (v->obj[0] != '\0')
				snprintf(num, sizeof num, "\t%llu\t%s\t%llu\t",
				    (unsigned long long)v->num, t, (unsigned long long)v->bytes);
			else
				snprintf(num, sizeof num, "\t%llu\t%s\t-\t-",
				    (unsigned long long)v->num, t);
			sbuf_add(&b, num, strlen(num));
			if (v->obj[0] != '\0')
				sbuf_add(&b, v->obj, 64);
			sbuf_addc(&b, '\n');
		}
	}
	wstate_cleanup();
	free(wstate_tmp);
	wstate_tmp = NULL;
	wstate_write_file(s->dir, NULL, b.p, b.len, &wstate_tmp, true);
	sbuf_free(&b);
}

static void
wstate_sync_dir(const char *path)
{
	int fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

	if (fd == -1 || fsync(fd) != 0)
		err(2, "%s", path);
	close(fd);
}

void
wstate_commit(struct wstate *s)
{
	char *path;
	char name[16];
	bool any = false;
	int k;

	for (k = 0; k < 256; k++)
		any |= s->dirty[k];
	if (any && syncfs(s->lockfd) != 0)
		err(2, "%s", s->dir);
	for (k = 0; k < 256; k++) {
		if (!s->dirty[k])
			continue;
		snprintf(name, sizeof name, "objects/%02x", k);
		path = wstate_path(s, name);
		wstate_sync_dir(path);
		free(path);
		s->dirty[k] = false;
	}
	path = wstate_path(s, "objects");
	if (any)
		wstate_sync_dir(path);
	free(path);
	path = wstate_path(s, "index");
	if (wstate_tmp == NULL || rename(wstate_tmp, path) != 0)
		err(2, "%s", path);
	free(wstate_tmp);
	wstate_tmp = NULL;
	free(path);
	wstate_sync_dir(s->dir);
}

static int
wstate_strcmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The object names of every version, sorted. */
static char **
wstate_refs(const struct wstate *s, size_t *n)
{
	char **v = NULL;
	size_t i, j, cap = 0;

	*n = 0;
	for (i = 0; i < s->n; i++)
		for (j = 0; j < s->d[i].n; j++) {
			if (s->d[i].v[j].obj[0] == '\0')
				continue;
			if (*n == cap) {
				cap = cap ? 2 * cap : 256;
				v = xrealloc(v, cap * sizeof *v);
			}
			v[(*n)++] = s->d[i].v[j].obj;
		}
	if (*n > 1)
		qsort(v, *n, sizeof *v, wstate_strcmp);
	return v;
}

/* Remove the entries of dir that are temporary, or objects not in refs. */
static void
wstate_sweep_dir(const char *dir, const char *prefix, char **refs, size_t nrefs)
{
	DIR *dp = opendir(dir);
	struct dirent *e;
	char obj[300], path[4096];

	if (dp == NULL) {
		if (errno != ENOENT)
			err(2, "%s", dir);
		return;
	}
	while ((e = readdir(dp)) != NULL) {
		const char *n = e->d_name, *key = obj;
		bool tmp = strncmp(n, ".tmp-", 5) == 0;

		if (n[0] == '.' && !tmp)
			continue;
		if (!tmp && prefix == NULL)
			continue;
		if (!tmp) {
			snprintf(obj, sizeof obj, "%s%s", prefix, n);
			if (strlen(obj) == 64 && nrefs > 0 &&
			    bsearch(&key, refs, nrefs, sizeof *refs, wstate_strcmp) != NULL)
				continue;
			if (strlen(obj) != 64)
				continue;
		}
		snprintf(path, sizeof path, "%s/%s", dir, n);
		if (unlink(path) != 0 && errno != ENOENT)
			err(2, "%s", path);
	}
	closedir(dp);
}

void
wstate_sweep(struct wstate *s)
{
	size_t nrefs;
	char **refs = wstate_refs(s, &nrefs);
	char name[16], prefix[4];
	int k;

	wstate_sweep_dir(s->dir, NULL, refs, nrefs);
	for (k = 0; k < 256; k++) {
		char *path;

		snprintf(name, sizeof name, "objects/%02x", k);
		snprintf(prefix, sizeof prefix, "%02x", k);
		path = wstate_path(s, name);
		wstate_sweep_dir(path, prefix, refs, nrefs);
		rmdir(path);
		free(path);
	}
	free(refs);
}

void
wstate_close(struct wstate *s)
{
	size_t i;

	wstate_cleanup();
	free(wstate_tmp);
	wstate_tmp = NULL;
	for (i = 0; i < s->n; i++) {
		free(s->d[i].id);
		free(s->d[i].v);
	}
	free(s->d);
	if (s->lockfd != -1)
		close(s->lockfd);
	free(s->dir);
	memset(s, 0, sizeof *s);
}
