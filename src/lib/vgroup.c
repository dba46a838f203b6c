#include "config.h"

#include <err.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "minhash.h"
#include "norm.h"
#include "out.h"
#include "vgroup.h"

/* Spool writes are gathered to this size. */
#define VGROUP_SPOOL_BUF (1 << 20)

struct vgroup_doc {
	char *id;     /* document id (NUL-terminated copy) */
	size_t idlen; /* its length */
	char *date;   /* date, or NULL */
	off_t off;    /* packed document in the spool */
	size_t len;   /* its length */
	double best;  /* best exact similarity within its group */
	bool empty;   /* no shingles */
};

struct vgroup {
	struct vgroup_opts o;
	struct vgroup_doc *d;
	struct minhash *sig;
	size_t n, cap;
	int fd;          /* the spool */
	off_t spooled;   /* bytes written to it */
	struct sbuf buf; /* not yet written */
	struct norm_hashes words, tmp, sh;
};

struct vgroup *
vgroup_new(const struct vgroup_opts *o)
{
	struct vgroup *g = xcalloc(1, sizeof *g);
	const char *dir = getenv("TMPDIR");
	char *path;

	g->o = *o;
	if (dir == NULL || *dir == '\0')
		dir = "/tmp";
	path = xmalloc(strlen(dir) + 32);
	snprintf(path, strlen(dir) + 32, "%s/tabloid-spool.XXXXXX", dir);
	if ((g->fd = mkstemp(path)) == -1)
		err(2, "%s", path);
	unlink(path);
	free(path);
	return g;
}

static void
spool_flush(struct vgroup *g)
{
	size_t done = 0;

	while (done < g->buf.len) {
		ssize_t k = write(g->fd, g->buf.p + done, g->buf.len - done);

		if (k < 0 && errno == EINTR)
			continue;
		if (k < 0)
			err(2, "spool file");
		done += (size_t)k;
	}
	sbuf_reset(&g->buf);
}

/* The shingle set of d into g->sh. */
static void
doc_shingles(struct vgroup *g, const struct vdoc *d)
{
	size_t i, j;

	g->words.n = 0;
	for (i = 0; i < d->n; i++) {
		norm_words(d->text.p + d->s[i].off, d->s[i].len, &g->tmp);
		for (j = 0; j < g->tmp.n; j++)
			norm_push(&g->words, g->tmp.v[j]);
	}
	minhash_shingles(g->words.v, g->words.n, g->o.shingle, &g->sh);
}

void
vgroup_add(struct vgroup *g, const struct vdoc *d)
{
	struct vgroup_doc *x;
	size_t before = g->buf.len;

	if (g->n == g->cap) {
		g->cap = g->cap ? 2 * g->cap : 1024;
		g->d = xrealloc(g->d, g->cap * sizeof *g->d);
		g->sig = xrealloc(g->sig, g->cap * sizeof *g->sig);
	}
	x = &g->d[g->n];
	memset(x, 0, sizeof *x);
	x->id = xmalloc(d->id.len + 1);
	memcpy(x->id, d->id.p ? d->id.p : "", d->id.len);
	x->id[d->id.len] = '\0';
	x->idlen = d->id.len;
	if (d->date.len > 0) {
		x->date = xmalloc(d->date.len + 1);
		memcpy(x->date, d->date.p, d->date.len);
		x->date[d->date.len] = '\0';
	}
	doc_shingles(g, d);
	minhash_sign(&g->sig[g->n], g->sh.v, g->sh.n);
	x->empty = g->sh.n == 0;
	vdoc_pack(d, &g->buf);
	x->off = g->spooled + (off_t)before;
	x->len = g->buf.len - before;
	if (g->buf.len >= VGROUP_SPOOL_BUF) {
		g->spooled += (off_t)g->buf.len;
		spool_flush(g);
	}
	g->n++;
}

/* Read document i back from the spool into d. */
static void
spool_read(struct vgroup *g, size_t i, struct vdoc *d, struct sbuf *b)
{
	size_t done = 0;

	sbuf_reset(b);
	sbuf_grow(b, g->d[i].len);
	while (done < g->d[i].len) {
		ssize_t k = pread(g->fd, b->p + done, g->d[i].len - done,
		                  g->d[i].off + (off_t)done);

		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			err(2, "spool file");
		done += (size_t)k;
	}
	if (vdoc_unpack(d, b->p, g->d[i].len) != 0)
		errx(2, "spool file: corrupt document");
}

/* Exact similarity of the pairs that survive the estimate; joins groups. */
static void
vgroup_verify(struct vgroup *g, const struct minhash_pairs *c, struct minhash_uf *u)
{
	struct vdoc d = {0};
	struct sbuf b = SBUF_INIT;
	struct norm_hashes first = {0};
	size_t k, loaded = SIZE_MAX;
	double floor = g->o.threshold - VGROUP_MARGIN;

	for (k = 0; k < c->n; k++) {
		size_t i = c->v[k].i, j = c->v[k].j;
		double s;

		if (minhash_estimate(&g->sig[i], &g->sig[j]) < floor)
			continue;
		if (loaded != i) {
			spool_read(g, i, &d, &b);
			doc_shingles(g, &d);
			first.n = 0;
			for (size_t t = 0; t < g->sh.n; t++)
				norm_push(&first, g->sh.v[t]);
			loaded = i;
		}
		spool_read(g, j, &d, &b);
		doc_shingles(g, &d);
		s = norm_jaccard(first.v, first.n, g->sh.v, g->sh.n);
		if (s < g->o.threshold)
			continue;
		minhash_uf_union(u, i, j);
		if (s > g->d[i].best)
			g->d[i].best = s;
		if (s > g->d[j].best)
			g->d[j].best = s;
	}
	vdoc_free(&d);
	sbuf_free(&b);
	norm_hashes_free(&first);
}

static void
write_clusters(struct vgroup *g, struct minhash_uf *u, const size_t *size)
{
	size_t i;
	char sim[8];

	if (!g->o.noheader)
		out_str("doc\tgroup\tsimilarity\n");
	for (i = 0; i < g->n; i++) {
		size_t r = minhash_uf_find(u, i);

		if (size[r] < 2 && !g->o.all)
			continue;
		out_escaped(g->d[i].id, g->d[i].idlen);
		out_byte('\t');
		out_escaped(g->d[r].id, g->d[r].idlen);
		out_byte('\t');
		if (size[r] >= 2) {
			vdiff_format_sim(sim, g->d[i].best);
			out_str(sim);
		}
		out_byte('\n');
	}
}

/* Sort order of versions: root, then date bytes, then input order. */
static struct vgroup *sort_g;
static size_t *sort_root;

static int
version_cmp(const void *x, const void *y)
{
	size_t a = *(const size_t *)x, b = *(const size_t *)y;
	const char *da = sort_g->d[a].date ? sort_g->d[a].date : "";
	const char *db = sort_g->d[b].date ? sort_g->d[b].date : "";
	int c;

	if (sort_root[a] != sort_root[b])
		return sort_root[a] < sort_root[b] ? -1 : 1;
	if ((c = strcmp(da, db)) != 0)
		return c;
	return a < b ? -1 : a > b;
}

static void
write_diffs(struct vgroup *g, struct minhash_uf *u, const size_t *size, struct vdiff *v)
{
	size_t *order = xmalloc((g->n + 1) * sizeof *order),
	       *root = xmalloc((g->n + 1) * sizeof *root);
	size_t i, k = 0;
	struct vdoc a = {0}, b = {0};
	struct sbuf buf = SBUF_INIT;

	vdiff_header(v);
	for (i = 0; i < g->n; i++) {
		root[i] = minhash_uf_find(u, i);
		if (size[root[i]] >= 2)
			order[k++] = i;
	}
	sort_g = g;
	sort_root = root;
	qsort(order, k, sizeof *order, version_cmp);
	for (i = 1; i < k; i++) {
		if (root[order[i]] != root[order[i - 1]])
			continue;
		spool_read(g, order[i - 1], &a, &buf);
		spool_read(g, order[i], &b, &buf);
		vdiff_docs(v, &a, &b);
	}
	vdoc_free(&a);
	vdoc_free(&b);
	sbuf_free(&buf);
	free(order);
	free(root);
}

bool
vgroup_finish(struct vgroup *g, struct vdiff *v)
{
	struct minhash_pairs c = {0};
	struct minhash_uf u;
	bool *skip = xcalloc(g->n + 1, sizeof *skip);
	size_t *size = xcalloc(g->n + 1, sizeof *size), i;
	bool grouped = false;

	g->spooled += (off_t)g->buf.len;
	spool_flush(g);
	for (i = 0; i < g->n; i++)
		skip[i] = g->d[i].empty;
	minhash_candidates(g->sig, skip, g->n, VGROUP_BANDS, VGROUP_ROWS, &c);
	minhash_uf_init(&u, g->n);
	vgroup_verify(g, &c, &u);
	for (i = 0; i < g->n; i++)
		size[minhash_uf_find(&u, i)]++;
	for (i = 0; i < g->n; i++)
		grouped |= size[i] >= 2;
	if (g->o.clusters)
		write_clusters(g, &u, size);
	else
		write_diffs(g, &u, size, v);
	minhash_pairs_free(&c);
	minhash_uf_free(&u);
	free(skip);
	free(size);
	return grouped;
}

void
vgroup_free(struct vgroup *g)
{
	size_t i;

	for (i = 0; i < g->n; i++) {
		free(g->d[i].id);
		free(g->d[i].date);
	}
	free(g->d);
	free(g->sig);
	close(g->fd);
	sbuf_free(&g->buf);
	norm_hashes_free(&g->words);
	norm_hashes_free(&g->tmp);
	norm_hashes_free(&g->sh);
	free(g);
}
