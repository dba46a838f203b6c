#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "align.h"
#include "norm.h"
#include "out.h"
#include "vdiff.h"
#include "vdiffhtml.h"
#include "wdiff.h"

#define RED "\033[31m"
#define GREEN "\033[32m"
#define CYAN "\033[36m"
#define BOLD "\033[1m"
#define RESET "\033[m"

static const struct wdiff_marks vdiff_colour_marks = {RED "[-", "-]" RESET, GREEN "{+",
                                                      "+}" RESET};

/* One side of a comparison: the sentences taking part and their word sets. */
struct vdiff_side {
	const struct vdoc *d;
	size_t *keep;   /* indexes of the sentences taking part */
	size_t n;       /* their number */
	uint64_t *hash; /* hash of each one's normalised text */
	size_t *wfrom;  /* start of its word set in words, or SIZE_MAX */
	size_t *wlen;   /* size of its word set */
	struct norm_hashes words;
};

struct vdiff_pair {
	struct vdiff_side a, b;
	struct norm_hashes tmp;
};

void
vdiff_init(struct vdiff *v, const struct vdiff_opts *o)
{
	memset(v, 0, sizeof *v);
	v->o = *o;
}

void
vdiff_format_sim(char *buf, double sim)
{
	unsigned k = (unsigned)(sim * 1000.0 + 0.5);

	if (k > 1000)
		k = 1000;
	snprintf(buf, 8, "%u.%03u", k / 1000, k % 1000);
}

void
vdiff_header(struct vdiff *v)
{
	if (v->header_done)
		return;
	v->header_done = true;
	if (v->o.html) {
		vdiffhtml_begin(v);
		return;
	}
	if (v->o.noheader || v->o.pretty)
		return;
	if (v->o.summary)
		out_str("old_doc\tnew_doc\tsimilarity\tadded\tremoved\tedited\tmoved\t"
		        "words_added\twords_removed\theadline\n");
	else
		out_str("old_doc\tnew_doc\top\told_sent\tnew_sent\tsimilarity\ttext\n");
}

static bool
vdiff_ignored(const struct vdiff *v, const char *s, size_t n, struct sbuf *tmp)
{
	size_t i;

	if (v->o.nignore == 0)
		return false;
	sbuf_reset(tmp);
	sbuf_add(tmp, s, n);
	for (i = 0; i < v->o.nignore; i++)
		if (regexec(&v->o.ignore[i], tmp->p, 0, NULL, 0) == 0)
			return true;
	return false;
}

static void
side_init(struct vdiff *v, struct vdiff_side *s, const struct vdoc *d, struct sbuf *tmp)
{
	size_t i, n = d ? d->n : 0;

	memset(s, 0, sizeof *s);
	s->d = d;
	s->keep = xmalloc((n + 1) * sizeof *s->keep);
	s->hash = xmalloc((n + 1) * sizeof *s->hash);
	s->wfrom = xmalloc((n + 1) * sizeof *s->wfrom);
	s->wlen = xmalloc((n + 1) * sizeof *s->wlen);
	for (i = 0; i < n; i++) {
		const char *t = d->text.p + d->s[i].off;

		if (vdiff_ignored(v, t, d->s[i].len, tmp))
			continue;
		s->keep[s->n] = i;
		s->hash[s->n] = norm_text_hash(t, d->s[i].len);
		s->wfrom[s->n++] = SIZE_MAX;
	}
}

static void
side_free(struct vdiff_side *s)
{
	free(s->keep);
	free(s->hash);
	free(s->wfrom);
	free(s->wlen);
	norm_hashes_free(&s->words);
}

static const char *
side_text(const struct vdiff_side *s, size_t k, size_t *len)
{
	const struct vdoc_sent *t = &s->d->s[s->keep[k]];

	*len = t->len;
	return s->d->text.p + t->off;
}

static const uint64_t *
side_words(struct vdiff_side *s, size_t k, struct norm_hashes *tmp, size_t *n)
{
	size_t len, i;
	const char *t;

	if (s->wfrom[k] == SIZE_MAX) {
		t = side_text(s, k, &len);
		norm_words(t, len, tmp);
		norm_set(tmp);
		s->wfrom[k] = s->words.n;
		s->wlen[k] = tmp->n;
		for (i = 0; i < tmp->n; i++)
			norm_push(&s->words, tmp->v[i]);
	}
	*n = s->wlen[k];
	return *n > 0 ? s->words.v + s->wfrom[k] : s->words.v;
}

static double
pair_sim(void *arg, size_t i, size_t j)
{
	struct vdiff_pair *p = arg;
	size_t na, nb;
	const uint64_t *a = side_words(&p->a, i, &p->tmp, &na);
	const uint64_t *b = side_words(&p->b, j, &p->tmp, &nb);

	return norm_jaccard(a, na, b, nb);
}

static size_t
vdiff_nwords(const char *s, size_t n)
{
	size_t i, k = 0;
	bool in = false;

	for (i = 0; i < n; i++) {
		bool sp = s[i] == ' ' || (s[i] >= '\t' && s[i] <= '\r');

		if (!sp && !in)
			k++;
		in = !sp;
	}
	return k;
}

static void
vdiff_id(const struct vdoc *d)
{
	if (d != NULL)
		out_escaped(d->id.p, d->id.len);
}

/* A sentence number right-aligned in five columns, or blanks. */
static void
pretty_num(const struct vdoc_sent *s)
{
	char buf[32];

	if (s == NULL)
		out_str("     ");
	else {
		snprintf(buf, sizeof buf, " %4llu", (unsigned long long)s->num);
		out_str(buf);
	}
}

static void
write_row(struct vdiff *v, const struct vdoc *a, const struct vdoc *b,
          const struct align_edit *e, const char *text, size_t len)
{
	char sim[8];

	vdiff_format_sim(sim, e->sim);
	if (v->o.pretty) {
		const char *c = !v->o.color    ? ""
		                : e->op == '-' ? RED
		                : e->op == '+' ? GREEN
		                : e->op == '>' ? CYAN
		                               : "";

		out_str(c);
		out_byte(e->op);
		pretty_num(e->a == ALIGN_NONE ? NULL : &a->s[e->a]);
		pretty_num(e->b == ALIGN_NONE ? NULL : &b->s[e->b]);
		out_str("  ");
		out_escaped(text, len);
		out_str(*c ? RESET "\n" : "\n");
		return;
	}
	vdiff_id(a);
	out_byte('\t');
	vdiff_id(b);
	out_byte('\t');
	out_byte(e->op);
	out_byte('\t');
	if (e->a != ALIGN_NONE)
		out_u64(a->s[e->a].num);
	out_byte('\t');
	if (e->b != ALIGN_NONE)
		out_u64(b->s[e->b].num);
	out_byte('\t');
	out_str(sim);
	out_byte('\t');
	out_escaped(text, len);
	out_byte('\n');
}

static void
pretty_header(struct vdiff *v, const struct vdoc *a, const struct vdoc *b)
{
	out_str(v->o.color ? BOLD "--- " : "--- ");
	if (a)
		out_escaped(a->id.p, a->id.len);
	else
		out_str("(none)");
	out_str("\n+++ ");
	if (b)
		out_escaped(b->id.p, b->id.len);
	else
		out_str("(none)");
	out_str(v->o.color ? RESET "\n" : "\n");
}

const char *
vdiff_sent(const struct vdoc *d, size_t i, size_t *len)
{
	*len = d->s[i].len;
	return d->text.p + d->s[i].off;
}

/* Count one edit into st. */
static void
count_edit(struct vdiff_stats *st, const struct vdoc *a, const struct vdoc *b,
           const struct align_edit *e, struct wdiff *w)
{
	const char *ta = NULL, *tb = NULL;
	size_t la = 0, lb = 0;

	if (e->a != ALIGN_NONE)
		ta = vdiff_sent(a, e->a, &la);
	if (e->b != ALIGN_NONE)
		tb = vdiff_sent(b, e->b, &lb);
	switch (e->op) {
	case '=':
	case '>':
		st->words_common += vdiff_nwords(tb, lb);
		*(e->op == '=' ? &st->same : &st->moved) += 1;
		break;
	case '+':
		st->words_added += vdiff_nwords(tb, lb);
		st->added++;
		break;
	case '-':
		st->words_removed += vdiff_nwords(ta, la);
		st->removed++;
		break;
	case '~':
		wdiff_words(w, ta, la, tb, lb);
		st->words_added += w->added;
		st->words_removed += w->removed;
		st->words_common += w->common;
		st->edited++;
		break;
	}
}

/* Write one edit unless only a summary is wanted. */
static void
vdiff_edit(struct vdiff *v, const struct vdoc *a, const struct vdoc *b,
           const struct align_edit *e, struct wdiff *w, struct sbuf *buf, bool *started)
{
	const char *t;
	size_t lt;

	if (v->o.summary || (e->op == '=' && !v->o.all))
		return;
	if (e->b != ALIGN_NONE)
		t = vdiff_sent(b, e->b, &lt);
	else
		t = vdiff_sent(a, e->a, &lt);
	if (e->op == '~') {
		const char *ta, *tb;
		size_t la, lb;

		ta = vdiff_sent(a, e->a, &la);
		tb = vdiff_sent(b, e->b, &lb);
		wdiff_words(w, ta, la, tb, lb);
		sbuf_reset(buf);
		wdiff_render(
		    w, v->o.pretty && v->o.color ? &vdiff_colour_marks : &wdiff_plain,
		    buf);
		t = buf->p ? buf->p : "";
		lt = buf->len;
	}
	if (v->o.pretty && !*started) {
		pretty_header(v, a, b);
		*started = true;
	}
	write_row(v, a, b, e, t, lt);
}

static void
write_summary(struct vdiff *v, const struct vdoc *a, const struct vdoc *b)
{
	const struct vdiff_stats *st = &v->st;
	char sim[8];

	vdiff_format_sim(sim, st->similarity);
	if (v->o.pretty) {
		out_str(v->o.color ? BOLD : "");
		vdiff_id(a);
		out_str(" -> ");
		vdiff_id(b);
		out_str(v->o.color ? RESET ": similarity " : ": similarity ");
		out_str(sim);
	} else {
		vdiff_id(a);
		out_byte('\t');
		vdiff_id(b);
		out_byte('\t');
		out_str(sim);
	}
	{
		static const char *names[] = {"added", "removed",     "edited",
		                              "moved", "words added", "words removed"};
		size_t vals[] = {st->added, st->removed,     st->edited,
		                 st->moved, st->words_added, st->words_removed};
		size_t i;

		for (i = 0; i < 6; i++) {
			out_str(v->o.pretty ? ", " : "\t");
			out_u64(vals[i]);
			if (v->o.pretty) {
				out_byte(' ');
				out_str(names[i]);
			}
		}
	}
	if (v->o.pretty)
		out_str(st->headline ? ", headline changed\n" : "\n");
	else
		out_str(st->headline ? "\tyes\n" : "\tno\n");
}

/* Turn the edits' indexes into the sides' kept sentences into indexes into the documents. */
static void
map_edits(const struct vdiff_pair *p, struct align_edits *e)
{
	size_t i;

	for (i = 0; i < e->n; i++) {
		if (e->v[i].a != ALIGN_NONE)
			e->v[i].a = p->a.keep[e->v[i].a];
		if (e->v[i].b != ALIGN_NONE)
			e->v[i].b = p->b.keep[e->v[i].b];
	}
}

static void
compare_stats(struct vdiff_result *r, const struct vdoc *a, const struct vdoc *b,
              const struct vdiff_pair *p)
{
	struct vdiff_stats *st = &r->st;
	struct wdiff w = {0};
	size_t i, total;

	memset(st, 0, sizeof *st);
	for (i = 0; i < r->e.n; i++)
		count_edit(st, a, b, &r->e.v[i], &w);
	wdiff_free(&w);
	total = 2 * st->words_common + st->words_added + st->words_removed;
	st->similarity = total == 0 ? 1.0 : 2.0 * (double)st->words_common / (double)total;
	if (p->a.n > 0 && p->b.n > 0)
		st->headline = p->a.hash[0] != p->b.hash[0];
	else
		st->headline = (p->a.n > 0) != (p->b.n > 0);
}

void
vdiff_compare(const struct vdiff_opts *o, const struct vdoc *a, const struct vdoc *b,
              struct vdiff_result *r)
{
	struct vdiff v;
	struct vdiff_pair p = {0};
	struct sbuf buf = SBUF_INIT;

	vdiff_init(&v, o);
	side_init(&v, &p.a, a, &buf);
	side_init(&v, &p.b, b, &buf);
	align_sentences(p.a.hash, p.a.n, p.b.hash, p.b.n, pair_sim, &p, o->threshold,
	                &r->e);
	map_edits(&p, &r->e);
	compare_stats(r, a, b, &p);
	r->differ = r->st.added + r->st.removed + r->st.edited + r->st.moved > 0 ||
	            a == NULL || b == NULL;
	sbuf_free(&buf);
	side_free(&p.a);
	side_free(&p.b);
	norm_hashes_free(&p.tmp);
}

void
vdiff_result_free(struct vdiff_result *r)
{
	align_edits_free(&r->e);
	memset(r, 0, sizeof *r);
}

void
vdiff_write(struct vdiff *v, const struct vdoc *a, const struct vdoc *b,
            const struct vdiff_result *r)
{
	struct wdiff w = {0};
	struct sbuf buf = SBUF_INIT;
	size_t i;
	bool started = false;

	vdiff_header(v);
	v->st = r->st;
	v->pairs++;
	if (r->differ)
		v->differ = true;
	if (v->o.html) {
		vdiffhtml_pair(v, a, b, r);
		return;
	}
	for (i = 0; i < r->e.n; i++)
		vdiff_edit(v, a, b, &r->e.v[i], &w, &buf, &started);
	if (v->o.summary)
		write_summary(v, a, b);
	wdiff_free(&w);
	sbuf_free(&buf);
}

void
vdiff_story(struct vdiff *v, const struct vdoc *d)
{
	if (v->o.html)
		vdiffhtml_story(v, d);
}

void
vdiff_finish(struct vdiff *v)
{
	if (v->o.html) {
		vdiff_header(v);
		vdiffhtml_end(v);
	}
}

void
vdiff_docs(struct vdiff *v, const struct vdoc *a, const struct vdoc *b)
{
	struct vdiff_result r = {0};

	vdiff_compare(&v->o, a, b, &r);
	vdiff_write(v, a, b, &r);
	vdiff_result_free(&r);
}
