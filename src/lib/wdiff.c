#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "align.h"
#include "norm.h"
#include "utf8.h"
#include "wdiff.h"

const struct wdiff_marks wdiff_plain = {"[-", "-]", "{+", "+}"};

/* The words of s: their spans and hashes. */
struct wdiff_side {
	size_t *start, *len;
	struct norm_hashes h;
	size_t n, cap;
};

static size_t
wdiff_space_len(const char *s, size_t n)
{
	int32_t cp;
	size_t len;

	if ((unsigned char)*s < 0x80)
		return (*s == ' ' || (*s >= '\t' && *s <= '\r')) ? 1 : 0;
	len = utf8_decode(s, n, &cp);
	return cp >= 0 && utf8_is_space(cp) ? len : 0;
}

static void
wdiff_cut(struct wdiff_side *w, const char *s, size_t n)
{
	size_t i = 0, j, k;

	w->n = 0;
	w->h.n = 0;
	while (i < n) {
		if ((k = wdiff_space_len(s + i, n - i)) > 0) {
			i += k;
			continue;
		}
		for (j = i; j < n && wdiff_space_len(s + j, n - j) == 0; j++)
			;
		if (w->n == w->cap) {
			w->cap = w->cap ? 2 * w->cap : 32;
			w->start = xrealloc(w->start, w->cap * sizeof *w->start);
			w->len = xrealloc(w->len, w->cap * sizeof *w->len);
		}
		w->start[w->n] = i;
		w->len[w->n++] = j - i;
		norm_push(&w->h, norm_text_hash(s + i, j - i));
		i = j;
	}
}

static void
wdiff_add(struct wdiff *w, char op, const char *p, size_t n)
{
	if (w->n == w->cap) {
		w->cap = w->cap ? 2 * w->cap : 32;
		w->v = xrealloc(w->v, w->cap * sizeof *w->v);
	}
	w->v[w->n++] = (struct wdiff_word){op, p, n};
	if (op == '+')
		w->added++;
	else if (op == '-')
		w->removed++;
	else
		w->common++;
}

static void
wdiff_side_free(struct wdiff_side *s)
{
	free(s->start);
	free(s->len);
	norm_hashes_free(&s->h);
}

void
wdiff_words(struct wdiff *w, const char *a, size_t na, const char *b, size_t nb)
{
	struct wdiff_side x = {0}, y = {0};
	struct align_edits m = {0};
	size_t k, i = 0, j = 0;

	w->n = w->added = w->removed = w->common = 0;
	wdiff_cut(&x, a, na);
	wdiff_cut(&y, b, nb);
	align_lcs(x.h.v, x.n, y.h.v, y.n, &m);
	for (k = 0; k <= m.n; k++) {
		size_t ea = k < m.n ? m.v[k].a : x.n, eb = k < m.n ? m.v[k].b : y.n;

		for (; i < ea; i++)
			wdiff_add(w, '-', a + x.start[i], x.len[i]);
		for (; j < eb; j++)
			wdiff_add(w, '+', b + y.start[j], y.len[j]);
		if (k < m.n) {
			wdiff_add(w, ' ', b + y.start[j], y.len[j]);
			i++;
			j++;
		}
	}
	align_edits_free(&m);
	wdiff_side_free(&x);
	wdiff_side_free(&y);
}

void
wdiff_render(const struct wdiff *w, const struct wdiff_marks *m, struct sbuf *out)
{
	size_t k;

	for (k = 0; k < w->n; k++) {
		char op = w->v[k].op, prev = k > 0 ? w->v[k - 1].op : 0;
		char next = k + 1 < w->n ? w->v[k + 1].op : 0;

		if (k > 0 && !(prev == '-' && op == '+'))
			sbuf_addc(out, ' ');
		if (op != prev && op != ' ')
			sbuf_add(out, op == '-' ? m->del_open : m->ins_open,
			         strlen(op == '-' ? m->del_open : m->ins_open));
		sbuf_add(out, w->v[k].p, w->v[k].n);
		if (op != next && op != ' ')
			sbuf_add(out, op == '-' ? m->del_close : m->ins_close,
			         strlen(op == '-' ? m->del_close : m->ins_close));
	}
}

void
wdiff_free(struct wdiff *w)
{
	free(w->v);
	memset(w, 0, sizeof *w);
}
