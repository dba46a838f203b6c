#include "config.h"

#include <err.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "fold.h"
#include "input.h"
#include "seg.h"
#include "tsv.h"
#include "vdoc.h"

void
vdoc_add(struct vdoc *d, uint64_t num, const char *s, size_t n)
{
	if (d->n == d->cap) {
		d->cap = d->cap ? 2 * d->cap : 32;
		d->s = xrealloc(d->s, d->cap * sizeof *d->s);
	}
	d->s[d->n++] = (struct vdoc_sent){d->text.len, n, num};
	sbuf_add(&d->text, s, n);
}

void
vdoc_reset(struct vdoc *d)
{
	sbuf_reset(&d->id);
	sbuf_reset(&d->date);
	sbuf_reset(&d->text);
	d->n = 0;
}

void
vdoc_free(struct vdoc *d)
{
	sbuf_free(&d->id);
	sbuf_free(&d->date);
	sbuf_free(&d->text);
	free(d->s);
	memset(d, 0, sizeof *d);
}

/* The column layout of split output. */
struct vdoc_cols {
	size_t doc, text;
	long sent, date; /* -1 when absent */
};

static bool
vdoc_is_header(const char *line, size_t n)
{
	const char *last = line + n;

	if (n < 8 || memcmp(line, "doc\t", 4) != 0)
		return false;
	while (last > line && last[-1] != '\t')
		last--;
	return (size_t)(line + n - last) == 4 && memcmp(last, "text", 4) == 0;
}

static uint64_t
vdoc_number(const char *s, size_t n, uint64_t fallback)
{
	uint64_t v = 0;
	size_t i;

	if (n == 0 || n > 18)
		return fallback;
	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return fallback;
		v = v * 10 + (uint64_t)(s[i] - '0');
	}
	return v;
}

static void
vdoc_read_tsv(struct input *in, const struct vdoc_cols *c,
              void (*fn)(void *arg, struct vdoc *d), void *arg)
{
	struct vdoc d = {0};
	bool open = false;

	while (input_next(in)) {
		struct tsv_row *r = &in->row;
		size_t text = c->text == (size_t)-1 ? r->n - 1 : c->text, idl, tl;
		const char *t;
		const struct fold_map *map;

		if (r->n < 2)
			input_fail(in,
			           "expected a doc and a text column, found %zu field",
			           r->n);
		idl = tsv_unescape(r->f[c->doc], r->len[c->doc], r->f[c->doc]);
		if (open && (idl != d.id.len || memcmp(d.id.p, r->f[c->doc], idl) != 0)) {
			fn(arg, &d);
			vdoc_reset(&d);
			open = false;
		}
		if (!open) {
			sbuf_add(&d.id, r->f[c->doc], idl);
			if (c->date >= 0)
				sbuf_add(&d.date, r->f[c->date],
				         tsv_unescape(r->f[c->date], r->len[c->date],
				                      r->f[c->date]));
			open = true;
		}
		tl = tsv_unescape(r->f[text], r->len[text], r->f[text]);
		t = input_decode(in->r.name, in->r.lineno, r->f[text], &tl, &map);
		vdoc_add(&d,
		         c->sent >= 0
		             ? vdoc_number(r->f[c->sent], r->len[c->sent], d.n + 1)
		             : d.n + 1,
		         t, tl);
	}
	if (open)
		fn(arg, &d);
	vdoc_free(&d);
}

void
vdoc_segment(struct vdoc *d, const struct abbrev *ab, const char *file, const char *s,
    size_t n)
{
	struct seg_doc sd = {0};
	struct seg_spans paras = {0}, sents = {0};
	struct sbuf text = SBUF_INIT, folds = SBUF_INIT;
	size_t i, j;
	const struct fold_map *map;

	s = input_decode(file, 0, s, &n, &map);
	seg_doc_init(&sd, ab, s, n);
	seg_paragraphs(&sd, &paras);
	for (i = 0; i < paras.n; i++) {
		sents.n = 0;
		seg_sentences(&sd, paras.v[i], &sents);
		for (j = 0; j < sents.n; j++) {
			sbuf_reset(&text);
			sbuf_reset(&folds);
			fold_text(&text, &folds, s + sents.v[j].start,
			          sents.v[j].end - sents.v[j].start);
			vdoc_add(d, d->n + 1, text.p ? text.p : "", text.len);
		}
	}
	seg_doc_free(&sd);
	seg_spans_free(&paras);
	seg_spans_free(&sents);
	sbuf_free(&text);
	sbuf_free(&folds);
}

static void
vdoc_id_from_path(struct sbuf *id, const char *path)
{
	const char *base, *dot;

	if (strcmp(path, "-") == 0) {
		sbuf_add(id, "-", 1);
		return;
	}
	base = strrchr(path, '/');
	base = base ? base + 1 : path;
	dot = strrchr(base, '.');
	if (dot == NULL || dot == base)
		dot = base + strlen(base);
	sbuf_add(id, base, (size_t)(dot - base));
}

/* The rest of an article whose first line (n bytes) has been read. */
static void
vdoc_read_article(struct tsv_reader *r, const char *path, const struct vdoc_opts *o,
                  char *first, long long n, void (*fn)(void *arg, struct vdoc *d),
                  void *arg)
{
	struct sbuf all = SBUF_INIT;
	struct vdoc d = {0};
	char *line;

	sbuf_add(&all, first, (size_t)n);
	while ((n = tsv_getline(r, &line)) >= 0) {
		sbuf_addc(&all, '\n');
		sbuf_add(&all, line, (size_t)n);
	}
	if (o->id != NULL)
		sbuf_add(&d.id, o->id, strlen(o->id));
	else
		vdoc_id_from_path(&d.id, path);
	vdoc_segment(&d, o->ab, path, all.p ? all.p : "", all.len);
	fn(arg, &d);
	vdoc_free(&d);
	sbuf_free(&all);
}

static void
vdoc_layout(struct input *in, struct vdoc_cols *c)
{
	c->doc = 0;
	c->text = (size_t)-1;
	c->sent = c->date = -1;
	if (!in->have_header)
		return;
	c->doc = (size_t)input_doc_col(in, in->h.n, -2);
	c->text = (size_t)input_text_col(in, in->h.n, (long)in->h.n - 1);
	c->sent = tsv_header_find(&in->h, "sent");
	c->date = tsv_header_find(&in->h, "date");
}

int
vdoc_read(const char *path, const struct vdoc_opts *o,
          void (*fn)(void *arg, struct vdoc *d), void *arg)
{
	struct input in;
	struct vdoc_cols c;
	char *line = NULL;
	long long n = -1;

	if (input_opts.format != INPUT_TSV) {
		if (input_open(&in, path, o->noheader) != 0)
			return -1;
		vdoc_layout(&in, &c);
		vdoc_read_tsv(&in, &c, fn, arg);
		input_close(&in);
		return 0;
	}
	memset(&in, 0, sizeof in);
	if (tsv_open(&in.r, path) != 0)
		return -1;
	in.r.progress = true;
	if (!(o->format == VDOC_TSV && o->noheader))
		n = tsv_getline(&in.r, &line);
	if (o->format == VDOC_TEXT ||
	    (o->format == VDOC_AUTO && n >= 0 && !vdoc_is_header(line, (size_t)n))) {
		if (n >= 0)
			vdoc_read_article(&in.r, path, o, line, n, fn, arg);
		input_close(&in);
		return 0;
	}
	in.noheader = n < 0;
	if (n >= 0) {
		tsv_header_set(&in.h, line, (size_t)n);
		in.have_header = true;
		in.nf = in.h.n;
	}
	vdoc_layout(&in, &c);
	vdoc_read_tsv(&in, &c, fn, arg);
	input_close(&in);
	return 0;
}

static void
vdoc_put(struct sbuf *b, uint64_t v)
{
	sbuf_add(b, &v, sizeof v);
}

static int
vdoc_get(const char **p, const char *end, uint64_t *v)
{
	if ((size_t)(end - *p) < sizeof *v)
		return -1;
	memcpy(v, *p, sizeof *v);
	*p += sizeof *v;
	return 0;
}

void
vdoc_pack(const struct vdoc *d, struct sbuf *b)
{
	size_t i;

	vdoc_put(b, d->id.len);
	sbuf_add(b, d->id.p, d->id.len);
	vdoc_put(b, d->date.len);
	sbuf_add(b, d->date.p, d->date.len);
	vdoc_put(b, d->n);
	for (i = 0; i < d->n; i++) {
		vdoc_put(b, d->s[i].num);
		vdoc_put(b, d->s[i].len);
		sbuf_add(b, d->text.p + d->s[i].off, d->s[i].len);
	}
}

static int
vdoc_get_bytes(const char **p, const char *end, struct sbuf *out)
{
	uint64_t len;

	if (vdoc_get(p, end, &len) != 0 || len > (uint64_t)(end - *p))
		return -1;
	sbuf_add(out, *p, (size_t)len);
	*p += len;
	return 0;
}

int
vdoc_unpack(struct vdoc *d, const char *p, size_t n)
{
	const char *end = p + n;
	uint64_t k, i, num, len;

	vdoc_reset(d);
	if (vdoc_get_bytes(&p, end, &d->id) != 0 ||
	    vdoc_get_bytes(&p, end, &d->date) != 0 || vdoc_get(&p, end, &k) != 0)
		return -1;
	for (i = 0; i < k; i++) {
		if (vdoc_get(&p, end, &num) != 0 || vdoc_get(&p, end, &len) != 0 ||
		    len > (uint64_t)(end - p))
			return -1;
		vdoc_add(d, num, p, (size_t)len);
		p += len;
	}
	return p == end ? 0 : -1;
}
