#include "config.h"

#include <err.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "progress.h"
#include "sbuf.h"
#include "tsv.h"

#ifdef __SSE2__
#include <emmintrin.h>
#endif

/*
 * 128 KiB blocks: reading split output through tokenize, 64 KiB and 256 KiB
 * blocks were within noise of this size.
 */
#define TSV_BLOCK (128 * 1024)

int
tsv_open(struct tsv_reader *r, const char *path)
{
	memset(r, 0, sizeof *r);
	if (strcmp(path, "-") == 0) {
		r->fd = STDIN_FILENO;
		r->name = "standard input";
	} else {
		struct stat st;

		r->fd = open(path, O_RDONLY);
		if (r->fd == -1)
			return -1;
		if (fstat(r->fd, &st) == 0 && S_ISDIR(st.st_mode)) {
			close(r->fd);
			errno = EISDIR;
			return -1;
		}
		r->name = path;
	}
	r->cap = TSV_BLOCK;
	r->buf = xmalloc(r->cap);
	return 0;
}

static void
tsv_fill(struct tsv_reader *r)
{
	ssize_t n;

	if (r->beg > 0) {
		memmove(r->buf, r->buf + r->beg, r->end - r->beg);
		r->end -= r->beg;
		r->beg = 0;
	}
	if (r->end == r->cap) {
		r->cap *= 2;
		r->buf = xrealloc(r->buf, r->cap);
	}
	do
		n = read(r->fd, r->buf + r->end, r->cap - r->end);
	while (n < 0 && errno == EINTR);
	if (n < 0)
		err(2, "%s", r->name);
	if (n == 0)
		r->eof = true;
	else if (r->progress)
		progress_read((size_t)n);
	r->end += (size_t)n;
}

static void
tsv_skip_bom(struct tsv_reader *r)
{
	while (!r->eof && r->end - r->beg < 3)
		tsv_fill(r);
	if (r->end - r->beg >= 3 && memcmp(r->buf + r->beg, "\xEF\xBB\xBF", 3) == 0)
		r->beg += 3;
	r->started = true;
}

/*
 * Find c in [p, end).  Records are short (tens of bytes), where sixteen
 * bytes at a time beats the set-up of memchr(3); long ones go to memchr.
 */
static inline char *
tsv_find(char *p, char *end, char c)
{
#ifdef __SSE2__
	__m128i needle = _mm_set1_epi8(c);
	int i;

	for (i = 0; i < 8 && end - p >= 16; i++, p += 16) {
		unsigned m = (unsigned)_mm_movemask_epi8(
		    _mm_cmpeq_epi8(_mm_loadu_si128((const __m128i *)p), needle));

		if (m != 0)
			return p + __builtin_ctz(m);
	}
	if (end - p < 16) {
		for (; p < end; p++)
			if (*p == c)
				return p;
		return NULL;
	}
#endif
	return memchr(p, c, (size_t)(end - p));
}

long long
tsv_getline(struct tsv_reader *r, char **line)
{
	size_t scanned = 0;
	char *nl;
	size_t len;

	if (!r->started)
		tsv_skip_bom(r);
	for (;;) {
		nl = tsv_find(r->buf + r->beg + scanned, r->buf + r->end, '\n');
		if (nl != NULL || r->eof)
			break;
		scanned = r->end - r->beg;
		tsv_fill(r);
	}
	if (nl == NULL && r->beg == r->end)
		return -1;
	*line = r->buf + r->beg;
	len = nl != NULL ? (size_t)(nl - *line) : r->end - r->beg;
	r->beg += len + (nl != NULL);
	if (len > 0 && (*line)[len - 1] == '\r' && !r->keepcr)
		len--;
	r->lineno++;
	return (long long)len;
}

void
tsv_ungetline(struct tsv_reader *r, const char *line)
{
	r->beg = (size_t)(line - r->buf);
	r->lineno--;
}

void
tsv_close(struct tsv_reader *r)
{
	if (r->fd > STDIN_FILENO)
		close(r->fd);
	free(r->buf);
	r->buf = NULL;
}

static inline void
tsv_push(struct tsv_row *row, char *p, size_t len)
{
	if (row->n == row->cap) {
		row->cap = row->cap ? row->cap * 2 : 16;
		row->f = xrealloc(row->f, row->cap * sizeof *row->f);
		row->len = xrealloc(row->len, row->cap * sizeof *row->len);
	}
	row->f[row->n] = p;
	row->len[row->n] = len;
	row->n++;
}

size_t
tsv_split(struct tsv_row *row, char *line, size_t len)
{
	char *p = line, *end = line + len, *t, *q = line;

	row->n = 0;
#ifdef __SSE2__
	for (; end - q >= 16; q += 16) {
		unsigned m = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(
		    _mm_loadu_si128((const __m128i *)q), _mm_set1_epi8('\t')));

		while (m != 0) {
			t = q + __builtin_ctz(m);
			tsv_push(row, p, (size_t)(t - p));
			p = t + 1;
			m &= m - 1;
		}
	}
#endif
	for (; q < end; q++)
		if (*q == '\t') {
			tsv_push(row, p, (size_t)(q - p));
			p = q + 1;
		}
	tsv_push(row, p, (size_t)(end - p));
	return row->n;
}

void
tsv_row_free(struct tsv_row *row)
{
	free(row->f);
	free(row->len);
	memset(row, 0, sizeof *row);
}

void
tsv_header_set(struct tsv_header *h, const char *line, size_t len)
{
	struct tsv_row row = { 0 };
	size_t i;

	h->raw = xmalloc(len + 1);
	memcpy(h->raw, line, len);
	h->raw[len] = '\0';
	h->rawlen = len;
	tsv_split(&row, h->raw, len);
	h->n = row.n;
	h->names = xcalloc(row.n, sizeof *h->names);
	for (i = 0; i < row.n; i++) {
		h->names[i] = xmalloc(row.len[i] + 1);
		memcpy(h->names[i], row.f[i], row.len[i]);
		h->names[i][row.len[i]] = '\0';
	}
	tsv_row_free(&row);
}

bool
tsv_header_is(const struct tsv_header *h, const char *line, size_t len)
{
	return h->raw != NULL && len == h->rawlen && memcmp(line, h->raw, len) == 0;
}

long
tsv_header_find(const struct tsv_header *h, const char *name)
{
	size_t i;

	for (i = 0; i < h->n; i++)
		if (strcmp(h->names[i], name) == 0)
			return (long)i;
	return -1;
}

void
tsv_header_free(struct tsv_header *h)
{
	size_t i;

	for (i = 0; i < h->n; i++)
		free(h->names[i]);
	free(h->names);
	free(h->raw);
	memset(h, 0, sizeof *h);
}

static int
tsv_parse_num(const char *s, size_t len, size_t *v)
{
	size_t i, x = 0;

	if (len == 0 || len > 9)
		return -1;
	for (i = 0; i < len; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		x = x * 10 + (size_t)(s[i] - '0');
	}
	*v = x;
	return 0;
}

static int
tsv_parse_item(const char *s, size_t len, const struct tsv_header *h,
    size_t ncols, size_t *lo, size_t *hi)
{
	const char *dash;
	char name[256];
	long i;

	if (h != NULL && len < sizeof name) {
		memcpy(name, s, len);
		name[len] = '\0';
		if ((i = tsv_header_find(h, name)) >= 0) {
			*lo = *hi = (size_t)i;
			return 0;
		}
	}
	dash = memchr(s, '-', len);
	if (dash == NULL) {
		if (tsv_parse_num(s, len, lo) != 0)
			return -1;
		*hi = *lo;
	} else {
		size_t left = (size_t)(dash - s), right = len - left - 1;

		if (left == 0 && right == 0)
			return -1;
		if (left == 0)
			*lo = 1;
		else if (tsv_parse_num(s, left, lo) != 0)
			return -1;
		if (right == 0)
			*hi = ncols;
		else if (tsv_parse_num(dash + 1, right, hi) != 0)
			return -1;
	}
	if (*lo == 0 || *hi < *lo || *hi > ncols)
		return -1;
	(*lo)--;
	(*hi)--;
	return 0;
}

size_t
tsv_cols_parse(const char *spec, const struct tsv_header *h, size_t ncols,
    size_t **idx, char *errbuf, size_t errlen)
{
	size_t n = 0, cap = 8, lo, hi;
	const char *p = spec;

	*idx = xmalloc(cap * sizeof **idx);
	for (;;) {
		const char *c = strchr(p, ',');
		size_t len = c ? (size_t)(c - p) : strlen(p);

		if (len == 0) {
			snprintf(errbuf, errlen, "empty column in the list '%s'", spec);
			free(*idx);
			*idx = NULL;
			return 0;
		}
		if (tsv_parse_item(p, len, h, ncols, &lo, &hi) != 0) {
			snprintf(errbuf, errlen, "no column '%.*s' in %s", (int)len, p,
			    h != NULL ? "the header" : "the input");
			free(*idx);
			*idx = NULL;
			return 0;
		}
		for (; lo <= hi; lo++) {
			if (n == cap)
				*idx = xrealloc(*idx, (cap *= 2) * sizeof **idx);
			(*idx)[n++] = lo;
		}
		if (c == NULL)
			break;
		p = c + 1;
	}
	return n;
}

int
tsv_col_parse(const char *spec, const struct tsv_header *h, size_t ncols, size_t *idx,
    char *errbuf, size_t errlen)
{
	long i;

	if (h != NULL && (i = tsv_header_find(h, spec)) >= 0) {
		*idx = (size_t)i;
		return 0;
	}
	if (spec[0] != '\0' && strspn(spec, "0123456789") == strlen(spec)) {
		if (tsv_parse_num(spec, strlen(spec), idx) == 0 && *idx >= 1 && *idx <= ncols) {
			(*idx)--;
			return 0;
		}
	} else if (spec[0] == '\0' || strpbrk(spec, ",-") != NULL) {
		snprintf(errbuf, errlen, "expected one column, found '%s'", spec);
		return -1;
	}
	snprintf(errbuf, errlen, "no column '%s' in %s", spec,
	    h != NULL ? "the header" : "the input");
	return -1;
}

size_t
tsv_unescape(const char *src, size_t n, char *dst)
{
	const char *end = src + n;
	char *d = dst;

	while (src < end) {
		const char *b = memchr(src, '\\', (size_t)(end - src));
		size_t run = (size_t)((b ? b : end) - src);

		if (d != src)
			memmove(d, src, run);
		d += run;
		src += run;
		if (b == NULL)
			break;
		if (b + 1 < end && (b[1] == 't' || b[1] == 'n' || b[1] == 'r' || b[1] == '\\')) {
			*d++ = b[1] == 't' ? '\t' : b[1] == 'n' ? '\n' : b[1] == 'r' ? '\r' : '\\';
			src = b + 2;
		} else {
			*d++ = '\\';
			src = b + 1;
		}
	}
	return (size_t)(d - dst);
}

void
tsv_escape(struct sbuf *b, const char *src, size_t n)
{
	const char *end = src + n;

	sbuf_grow(b, n);
	for (; src < end; src++) {
		char c = *src;

		if (c == '\t' || c == '\n' || c == '\r' || c == '\\') {
			sbuf_addc(b, '\\');
			c = c == '\t' ? 't' : c == '\n' ? 'n' : c == '\r' ? 'r' : '\\';
		}
		sbuf_addc(b, c);
	}
}
