#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "entdiff.h"
#include "nerdata.h"

#define ENTDIFF_TYPES (GAZ_BIT(GAZ_PERSON) | GAZ_BIT(GAZ_ORG) | GAZ_BIT(GAZ_GPE) | GAZ_BIT(GAZ_LOC))

void
entdiff_init(struct entdiff *e, const struct abbrev *ab)
{
	memset(e, 0, sizeof *e);
	e->ab = ab;
}

static void
entdiff_load(struct entdiff *e)
{
	if (e->loaded)
		return;
	gaz_init(&e->gaz, e->ab);
	nerdata_gazetteers(&e->gaz);
	ner_init(&e->ner, e->ab, &e->gaz);
	nerdata_words(&e->ner, &e->gaz);
	e->loaded = true;
}

static void
entdiff_tag(struct entdiff *e, struct ner_doc *nd, const struct vdoc *d)
{
	size_t i;

	ner_doc_reset(nd);
	for (i = 0; d != NULL && i < d->n; i++)
		ner_add_sentence(&e->ner, nd, d->text.p + d->s[i].off, d->s[i].len, 0, NULL);
	ner_tag(&e->ner, nd, false);
}

static int
entdiff_cmp(const void *x, const void *y)
{
	const struct entdiff_name *a = x, *b = y;

	return a->type != b->type ? a->type - b->type : strcmp(a->name, b->name);
}

static void
entdiff_push(struct entdiff_names *l, int type, const char *s, size_t n)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? 2 * l->cap : 16;
		l->v = xrealloc(l->v, l->cap * sizeof *l->v);
	}
	l->v[l->n].type = type;
	l->v[l->n].name = xmalloc(n + 1);
	memcpy(l->v[l->n].name, s, n);
	l->v[l->n].name[n] = '\0';
	l->n++;
}

/* Sort l and drop repeats. */
static void
entdiff_uniq(struct entdiff_names *l)
{
	size_t i, k = 0;

	if (l->n > 1)
		qsort(l->v, l->n, sizeof *l->v, entdiff_cmp);
	for (i = 0; i < l->n; i++) {
		if (k > 0 && entdiff_cmp(&l->v[k - 1], &l->v[i]) == 0) {
			free(l->v[i].name);
			continue;
		}
		l->v[k++] = l->v[i];
	}
	l->n = k;
}

/* The names of d's mentions, all of them or only in the sentences marked in want. */
static void
entdiff_collect(const struct ner_doc *d, const bool *want, struct entdiff_names *out)
{
	size_t i;

	for (i = 0; i < d->nm; i++) {
		const struct ner_mention *m = &d->m[i];

		if (!(ENTDIFF_TYPES & GAZ_BIT(m->type)) || (want != NULL && !want[m->sent]))
			continue;
		entdiff_push(out, m->type, d->canon.p + m->canon, m->clen);
	}
	entdiff_uniq(out);
}

/* The names of cand not in all, into out. */
static void
entdiff_minus(const struct entdiff_names *cand, const struct entdiff_names *all,
    struct entdiff_names *out)
{
	size_t i;

	for (i = 0; i < cand->n; i++)
		if (all->n == 0 ||
		    bsearch(&cand->v[i], all->v, all->n, sizeof *all->v, entdiff_cmp) == NULL)
			entdiff_push(out, cand->v[i].type, cand->v[i].name, strlen(cand->v[i].name));
}

/* Which sentences of a side (old when old) the edits touch. */
static bool *
entdiff_touched(const struct vdiff_result *r, size_t n, bool old)
{
	bool *t = xcalloc(n + 1, sizeof *t);
	size_t i;

	for (i = 0; i < r->e.n; i++) {
		const struct align_edit *x = &r->e.v[i];

		if (x->op != '~' && x->op != (old ? '-' : '+'))
			continue;
		if (old && x->a != ALIGN_NONE)
			t[x->a] = true;
		if (!old && x->b != ALIGN_NONE)
			t[x->b] = true;
	}
	return t;
}

static void
entdiff_side(const struct ner_doc *from, const struct ner_doc *other, const bool *touched,
    struct entdiff_names *out)
{
	struct entdiff_names cand = { 0 }, all = { 0 };

	entdiff_collect(from, touched, &cand);
	entdiff_collect(other, NULL, &all);
	entdiff_minus(&cand, &all, out);
	entdiff_names_free(&cand);
	entdiff_names_free(&all);
}

void
entdiff_compare(struct entdiff *e, const struct vdoc *a, const struct vdoc *b,
    const struct vdiff_result *r, struct entdiff_names *in, struct entdiff_names *out)
{
	bool *ta, *tb;

	entdiff_names_reset(in);
	entdiff_names_reset(out);
	entdiff_load(e);
	entdiff_tag(e, &e->da, a);
	entdiff_tag(e, &e->db, b);
	ta = entdiff_touched(r, a != NULL ? a->n : 0, true);
	tb = entdiff_touched(r, b != NULL ? b->n : 0, false);
	entdiff_side(&e->db, &e->da, tb, in);
	entdiff_side(&e->da, &e->db, ta, out);
	free(ta);
	free(tb);
}

void
entdiff_names_reset(struct entdiff_names *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		free(l->v[i].name);
	l->n = 0;
}

void
entdiff_names_free(struct entdiff_names *l)
{
	entdiff_names_reset(l);
	free(l->v);
	memset(l, 0, sizeof *l);
}

void
entdiff_free(struct entdiff *e)
{
	if (e->loaded) {
		ner_doc_free(&e->da);
		ner_doc_free(&e->db);
		ner_free(&e->ner);
		gaz_free(&e->gaz);
	}
	memset(e, 0, sizeof *e);
}
