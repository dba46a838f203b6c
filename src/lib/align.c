#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "align.h"
#include "sbuf.h"

/* One distinct hash of the range being matched. */
struct align_slot {
	uint64_t h;   /* the hash */
	uint32_t gen; /* range that filled the slot; other values mean empty */
	uint32_t ca;  /* occurrences in the old range */
	uint32_t cb;  /* occurrences in the new range */
	size_t ia;    /* first occurrence in the old range */
	size_t ib;    /* first occurrence in the new range */
};

struct align_range {
	size_t a0, a1, b0, b1;
};

struct align_lcs_state {
	const uint64_t *a, *b;
	struct align_edits *out;
	struct align_slot *t; /* hash table, tmask + 1 slots */
	size_t tmask;
	uint32_t gen;
	struct align_range *stack; /* ranges still to match */
	size_t nstack, capstack;
	size_t *anc_a, *anc_b; /* unique anchors of a range */
	size_t *tails, *prev;  /* longest increasing run */
	uint16_t *dp;          /* small-range LCS table */
};

void
align_push(struct align_edits *e, char op, size_t a, size_t b, double sim)
{
	if (e->n == e->cap) {
		e->cap = e->cap ? 2 * e->cap : 64;
		e->v = xrealloc(e->v, e->cap * sizeof *e->v);
	}
	e->v[e->n++] = (struct align_edit){op, a, b, sim};
}

void
align_edits_free(struct align_edits *e)
{
	free(e->v);
	memset(e, 0, sizeof *e);
}

static void
lcs_push_range(struct align_lcs_state *L, size_t a0, size_t a1, size_t b0, size_t b1)
{
	if (a0 >= a1 || b0 >= b1)
		return;
	if (L->nstack == L->capstack) {
		L->capstack = L->capstack ? 2 * L->capstack : 64;
		L->stack = xrealloc(L->stack, L->capstack * sizeof *L->stack);
	}
	L->stack[L->nstack++] = (struct align_range){a0, a1, b0, b1};
}

static struct align_slot *
lcs_slot(struct align_lcs_state *L, uint64_t h, int insert)
{
	size_t i = (size_t)(h ^ (h >> 29)) & L->tmask;

	for (;; i = (i + 1) & L->tmask) {
		struct align_slot *s = &L->t[i];

		if (s->gen != L->gen) {
			if (!insert)
				return NULL;
			*s = (struct align_slot){h, L->gen, 0, 0, 0, 0};
			return s;
		}
		if (s->h == h)
			return s;
	}
}

static void
lcs_dp(struct align_lcs_state *L, size_t a0, size_t a1, size_t b0, size_t b1)
{
	size_t n = a1 - a0, m = b1 - b0, w = m + 1, i, j;
	uint16_t *d = L->dp;

	for (i = n + 1; i-- > 0;)
		for (j = m + 1; j-- > 0;) {
			if (i == n || j == m)
				d[i * w + j] = 0;
			else if (L->a[a0 + i] == L->b[b0 + j])
				d[i * w + j] = d[(i + 1) * w + j + 1] + 1;
			else {
				uint16_t x = d[(i + 1) * w + j], y = d[i * w + j + 1];

				d[i * w + j] = x >= y ? x : y;
			}
		}
	for (i = 0, j = 0; i < n && j < m;) {
		if (L->a[a0 + i] == L->b[b0 + j]) {
			align_push(L->out, '=', a0 + i, b0 + j, 1.0);
			i++;
			j++;
		} else if (d[(i + 1) * w + j] >= d[i * w + j + 1])
			i++;
		else
			j++;
	}
}

/* Longest run of anchors increasing in b; returns its length, indexes in tails. */
static size_t
lcs_lis(struct align_lcs_state *L, size_t k)
{
	size_t len = 0, i, lo, hi, p;

	for (i = 0; i < k; i++) {
		lo = 0;
		hi = len;
		while (lo < hi) {
			size_t mid = (lo + hi) / 2;

			if (L->anc_b[L->tails[mid]] < L->anc_b[i])
				lo = mid + 1;
			else
				hi = mid;
		}
		L->prev[i] = lo > 0 ? L->tails[lo - 1] : ALIGN_NONE;
		L->tails[lo] = i;
		if (lo == len)
			len++;
	}
	/* unwind into tails[0..len) in increasing order */
	p = len > 0 ? L->tails[len - 1] : ALIGN_NONE;
	for (i = len; i-- > 0; p = L->prev[p])
		L->tails[i] = p;
	return len;
}

static void
lcs_anchor_split(struct align_lcs_state *L, struct align_range r, size_t k)
{
	size_t len = lcs_lis(L, k), i, pa = r.a0, pb = r.b0;

	for (i = 0; i < len; i++) {
		size_t ia = L->anc_a[L->tails[i]], ib = L->anc_b[L->tails[i]];

		lcs_push_range(L, pa, ia, pb, ib);
		align_push(L->out, '=', ia, ib, 1.0);
		pa = ia + 1;
		pb = ib + 1;
	}
	lcs_push_range(L, pa, r.a1, pb, r.b1);
}

static void
lcs_range(struct align_lcs_state *L, struct align_range r)
{
	struct align_slot *s, *best = NULL;
	size_t i, k = 0;

	while (r.a0 < r.a1 && r.b0 < r.b1 && L->a[r.a0] == L->b[r.b0])
		align_push(L->out, '=', r.a0++, r.b0++, 1.0);
	while (r.a0 < r.a1 && r.b0 < r.b1 && L->a[r.a1 - 1] == L->b[r.b1 - 1])
		align_push(L->out, '=', --r.a1, --r.b1, 1.0);
	if (r.a0 == r.a1 || r.b0 == r.b1)
		return;
	if ((r.a1 - r.a0) * (r.b1 - r.b0) <= ALIGN_DP_CELLS) {
		lcs_dp(L, r.a0, r.a1, r.b0, r.b1);
		return;
	}
	L->gen++;
	for (i = r.a0; i < r.a1; i++) {
		s = lcs_slot(L, L->a[i], 1);
		if (s->ca++ == 0)
			s->ia = i;
	}
	for (i = r.b0; i < r.b1; i++)
		if ((s = lcs_slot(L, L->b[i], 0)) != NULL && s->cb++ == 0)
			s->ib = i;
	for (i = r.a0; i < r.a1; i++) {
		s = lcs_slot(L, L->a[i], 0);
		if (s->ca == 1 && s->cb == 1) {
			L->anc_a[k] = i;
			L->anc_b[k++] = s->ib;
		} else if (s->cb > 0 &&
		           (best == NULL || s->ca + s->cb < best->ca + best->cb))
			best = s;
	}
	if (k > 0) {
		lcs_anchor_split(L, r, k);
	} else if (best != NULL) {
		lcs_push_range(L, r.a0, best->ia, r.b0, best->ib);
		align_push(L->out, '=', best->ia, best->ib, 1.0);
		lcs_push_range(L, best->ia + 1, r.a1, best->ib + 1, r.b1);
	}
}

static int
lcs_cmp(const void *x, const void *y)
{
	const struct align_edit *p = x, *q = y;

	return p->a < q->a ? -1 : p->a > q->a;
}

void
align_lcs(const uint64_t *a, size_t na, const uint64_t *b, size_t nb,
          struct align_edits *out)
{
	struct align_lcs_state L = {0};
	size_t cap = 64;

	out->n = 0;
	while (cap < 2 * (na + nb))
		cap *= 2;
	L.a = a;
	L.b = b;
	L.out = out;
	L.t = xcalloc(cap, sizeof *L.t);
	L.tmask = cap - 1;
	L.anc_a = xmalloc((na + 1) * sizeof *L.anc_a);
	L.anc_b = xmalloc((na + 1) * sizeof *L.anc_b);
	L.tails = xmalloc((na + 1) * sizeof *L.tails);
	L.prev = xmalloc((na + 1) * sizeof *L.prev);
	L.dp = xmalloc((2 * ALIGN_DP_CELLS + 2) * sizeof *L.dp);
	lcs_push_range(&L, 0, na, 0, nb);
	while (L.nstack > 0)
		lcs_range(&L, L.stack[--L.nstack]);
	if (out->n > 1)
		qsort(out->v, out->n, sizeof *out->v, lcs_cmp);
	free(L.t);
	free(L.anc_a);
	free(L.anc_b);
	free(L.tails);
	free(L.prev);
	free(L.dp);
	free(L.stack);
}

/* An unmatched sentence, for finding moves. */
struct align_left {
	uint64_t h;
	size_t i;
};

static int
left_cmp(const void *x, const void *y)
{
	const struct align_left *p = x, *q = y;

	if (p->h != q->h)
		return p->h < q->h ? -1 : 1;
	return p->i < q->i ? -1 : p->i > q->i;
}

/* The state of one sentence diff. */
struct align_sent {
	size_t *apart; /* old: partner in new, or ALIGN_NONE */
	size_t *bpart; /* new: partner in old, or ALIGN_NONE */
	char *bop;     /* new: '=', '>', '~', '+' or 0 while unknown */
	double *bsim;  /* new: similarity to the partner */
};

static void
sent_moves(const uint64_t *a, size_t na, const uint64_t *b, size_t nb,
           struct align_sent *S)
{
	struct align_left *la = xmalloc((na + 1) * sizeof *la);
	struct align_left *lb = xmalloc((nb + 1) * sizeof *lb);
	size_t ka = 0, kb = 0, i, j;

	for (i = 0; i < na; i++)
		if (S->apart[i] == ALIGN_NONE)
			la[ka++] = (struct align_left){a[i], i};
	for (j = 0; j < nb; j++)
		if (S->bop[j] == 0)
			lb[kb++] = (struct align_left){b[j], j};
	qsort(la, ka, sizeof *la, left_cmp);
	qsort(lb, kb, sizeof *lb, left_cmp);
	for (i = 0, j = 0; i < ka && j < kb;) {
		if (la[i].h < lb[j].h)
			i++;
		else if (la[i].h > lb[j].h)
			j++;
		else {
			S->apart[la[i].i] = lb[j].i;
			S->bpart[lb[j].i] = la[i].i;
			S->bop[lb[j].i] = '>';
			S->bsim[lb[j].i] = 1.0;
			i++;
			j++;
		}
	}
	free(la);
	free(lb);
}

struct align_cand {
	double sim;
	size_t i, j;
};

static int
cand_cmp(const void *x, const void *y)
{
	const struct align_cand *p = x, *q = y;

	if (p->sim != q->sim)
		return p->sim > q->sim ? -1 : 1;
	if (p->i != q->i)
		return p->i < q->i ? -1 : 1;
	return p->j < q->j ? -1 : p->j > q->j;
}

/* Pair the removed and added sentences of old [a0, a1) and new [b0, b1). */
static void
sent_pair_gap(size_t a0, size_t a1, size_t b0, size_t b1, align_sim_fn sim, void *arg,
              double threshold, struct align_sent *S)
{
	size_t *d = xmalloc((a1 - a0 + 1) * sizeof *d),
	       *ad = xmalloc((b1 - b0 + 1) * sizeof *ad);
	size_t nd = 0, na = 0, i, j, nc = 0, capc = 0, w;
	struct align_cand *c = NULL;

	for (i = a0; i < a1; i++)
		if (S->apart[i] == ALIGN_NONE)
			d[nd++] = i;
	for (j = b0; j < b1; j++)
		if (S->bop[j] == 0)
			ad[na++] = j;
	w = na;
	if (nd > 0 && nd * na > ALIGN_MAX_COMPARE)
		w = ALIGN_MAX_COMPARE / nd / 2 + 1;
	for (i = 0; i < nd && na > 0; i++) {
		size_t mid = i * na / nd, lo = mid > w ? mid - w : 0, hi = mid + w + 1;

		for (j = lo; j < hi && j < na; j++) {
			double s = sim(arg, d[i], ad[j]);

			if (s < threshold)
				continue;
			if (nc == capc) {
				capc = capc ? 2 * capc : 16;
				c = xrealloc(c, capc * sizeof *c);
			}
			c[nc++] = (struct align_cand){s, d[i], ad[j]};
		}
	}
	if (nc > 1)
		qsort(c, nc, sizeof *c, cand_cmp);
	for (i = 0; i < nc; i++) {
		if (S->apart[c[i].i] != ALIGN_NONE || S->bop[c[i].j] != 0)
			continue;
		S->apart[c[i].i] = c[i].j;
		S->bpart[c[i].j] = c[i].i;
		S->bop[c[i].j] = '~';
		S->bsim[c[i].j] = c[i].sim;
	}
	for (j = 0; j < na; j++)
		if (S->bop[ad[j]] == 0)
			S->bop[ad[j]] = '+';
	free(c);
	free(d);
	free(ad);
}

/*
 * Write the edits of the gap old [a0, a1), new [b0, b1) to out.  A removed
 * sentence comes before the new-side rows from the last edited pair that
 * precedes it in the old version on, so that, as in diff(1), removals
 * come before additions at the same place.
 */
static void
sent_emit_gap(size_t a0, size_t a1, size_t b0, size_t b1, struct align_sent *S,
              struct align_edits *out)
{
	size_t p = a0, j, k = b0, upto;

	for (j = b0; j < b1; j++) {
		if (k < j)
			k = j;
		while (k < b1 && S->bop[k] != '~')
			k++;
		upto = k < b1 ? S->bpart[k] : a1;
		for (; p < upto; p++)
			if (S->apart[p] == ALIGN_NONE)
				align_push(out, '-', p, ALIGN_NONE, 0.0);
		align_push(out, S->bop[j], S->bop[j] == '+' ? ALIGN_NONE : S->bpart[j], j,
		           S->bsim[j]);
	}
	for (; p < a1; p++)
		if (S->apart[p] == ALIGN_NONE)
			align_push(out, '-', p, ALIGN_NONE, 0.0);
}

void
align_sentences(const uint64_t *a, size_t na, const uint64_t *b, size_t nb,
                align_sim_fn sim, void *arg, double threshold, struct align_edits *out)
{
	struct align_edits m = {0};
	struct align_sent S;
	size_t i, k, pa = 0, pb = 0;

	S.apart = xmalloc((na + 1) * sizeof *S.apart);
	S.bpart = xmalloc((nb + 1) * sizeof *S.bpart);
	S.bop = xcalloc(nb + 1, 1);
	S.bsim = xcalloc(nb + 1, sizeof *S.bsim);
	for (i = 0; i < na; i++)
		S.apart[i] = ALIGN_NONE;
	for (i = 0; i < nb; i++)
		S.bpart[i] = ALIGN_NONE;
	align_lcs(a, na, b, nb, &m);
	for (k = 0; k < m.n; k++) {
		S.apart[m.v[k].a] = m.v[k].b;
		S.bpart[m.v[k].b] = m.v[k].a;
		S.bop[m.v[k].b] = '=';
		S.bsim[m.v[k].b] = 1.0;
	}
	sent_moves(a, na, b, nb, &S);
	for (k = 0; k <= m.n; k++) {
		size_t ea = k < m.n ? m.v[k].a : na, eb = k < m.n ? m.v[k].b : nb;

		sent_pair_gap(pa, ea, pb, eb, sim, arg, threshold, &S);
		pa = ea + 1;
		pb = eb + 1;
	}
	out->n = 0;
	pa = pb = 0;
	for (k = 0; k <= m.n; k++) {
		size_t ea = k < m.n ? m.v[k].a : na, eb = k < m.n ? m.v[k].b : nb;

		sent_emit_gap(pa, ea, pb, eb, &S, out);
		if (k < m.n)
			align_push(out, '=', ea, eb, 1.0);
		pa = ea + 1;
		pb = eb + 1;
	}
	align_edits_free(&m);
	free(S.apart);
	free(S.bpart);
	free(S.bop);
	free(S.bsim);
}
