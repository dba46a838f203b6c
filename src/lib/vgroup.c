#include "config.h"

#include <err.h>
#include <errno.h>
#include <stdint.h>
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
/* Band keys are written in chunks of this many documents, band by band. */
#define VGROUP_CHUNK 4096

/* What is kept in memory of a document: about 40 bytes and its id and date. */
struct vgroup_doc {
	uint64_t off;    /* packed document in the spool */
	uint64_t name;   /* id, then date, in the names arena */
	double best;     /* best exact similarity within its group */
	double bestc;    /* best containment within its group */
	uint32_t len;    /* packed length */
	uint32_t idlen;  /* id length */
	uint32_t datelen; /* date length (0: none) */
	uint32_t nsh;    /* shingles */
	bool empty;      /* no shingles */
};

/* A temporary file written through a buffer. */
struct vgroup_file {
	int fd;
	uint64_t written; /* bytes written to fd */
	struct sbuf buf;  /* not yet written */
};

/* A document read back for the exact check. */
struct vgroup_text {
	struct norm_hashes words;  /* word hashes, in order */
	struct norm_hashes starts; /* where each sentence starts in words */
	struct norm_hashes keys;   /* hash of each sentence's words, in order */
	struct norm_hashes sh;     /* the shingle set */
};

struct vgroup {
	struct vgroup_opts o;
	struct vgroup_doc *d;
	size_t n, cap;
	struct sbuf names;        /* ids and dates, one after another */
	struct vgroup_file spool; /* packed documents */
	struct vgroup_file sigs;  /* signatures, MINHASH_K slots a document */
	struct vgroup_file keys;  /* band keys, by chunk, then band */
	struct vgroup_file sents; /* sentence keys (struct minhash_key) */
	size_t nsents;            /* in sents */
	uint64_t *chunk;          /* band keys of the chunk being filled */
	size_t nchunk;            /* documents in it */
	struct vgroup_text a, b;  /* the two documents of a pair */
	struct norm_hashes tmp, rest;
};

static void
file_open(struct vgroup_file *f, const char *what)
{
	const char *dir = getenv("TMPDIR");
	char *path;

	if (dir == NULL || *dir == '\0')
		dir = "/tmp";
	path = xmalloc(strlen(dir) + 32);
	snprintf(path, strlen(dir) + 32, "%s/tabloid-%s.XXXXXX", dir, what);
	if ((f->fd = mkstemp(path)) == -1)
		err(2, "%s", path);
	unlink(path);
	free(path);
}

static void
file_flush(struct vgroup_file *f)
{
	size_t done = 0;

	while (done < f->buf.len) {
		ssize_t k = write(f->fd, f->buf.p + done, f->buf.len - done);

		if (k < 0 && errno == EINTR)
			continue;
		if (k < 0)
			err(2, "spool file");
		done += (size_t)k;
	}
	f->written += f->buf.len;
	sbuf_reset(&f->buf);
}

/* Append n bytes; returns their offset in the file. */
static uint64_t
file_add(struct vgroup_file *f, const void *p, size_t n)
{
	uint64_t off = f->written + f->buf.len;

	sbuf_add(&f->buf, p, n);
	if (f->buf.len >= VGROUP_SPOOL_BUF)
		file_flush(f);
	return off;
}

/* Read n bytes at off into p (the file flushed). */
static void
file_read(struct vgroup_file *f, void *p, size_t n, uint64_t off)
{
	size_t done = 0;

	while (done < n) {
		ssize_t k = pread(f->fd, (char *)p + done, n - done, (off_t)(off + done));

		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			err(2, "spool file");
		done += (size_t)k;
	}
}

static void
file_close(struct vgroup_file *f)
{
	close(f->fd);
	sbuf_free(&f->buf);
}

struct vgroup *
vgroup_new(const struct vgroup_opts *o)
{
	struct vgroup *g = xcalloc(1, sizeof *g);

	g->o = *o;
	file_open(&g->spool, "spool");
	file_open(&g->sigs, "spool");
	file_open(&g->keys, "spool");
	file_open(&g->sents, "spool");
	g->chunk = xmalloc(VGROUP_CHUNK * VGROUP_BANDS * sizeof *g->chunk);
	return g;
}

/* Write the band keys of the chunk, band after band. */
static void
chunk_flush(struct vgroup *g)
{
	size_t b, i;

	for (b = 0; b < VGROUP_BANDS; b++)
		for (i = 0; i < g->nchunk; i++)
			file_add(&g->keys, &g->chunk[i * VGROUP_BANDS + b], sizeof *g->chunk);
	g->nchunk = 0;
}

static const char *
doc_id(const struct vgroup *g, size_t i)
{
	return g->names.p + g->d[i].name;
}

static const char *
doc_date(const struct vgroup *g, size_t i)
{
	return g->names.p + g->d[i].name + g->d[i].idlen + 1;
}

/* The words, sentences and shingle set of d into t. */
static void
doc_text(struct vgroup *g, const struct vdoc *d, struct vgroup_text *t)
{
	size_t i, j;

	t->words.n = t->starts.n = t->keys.n = 0;
	for (i = 0; i < d->n; i++) {
		norm_words(d->text.p + d->s[i].off, d->s[i].len, &g->tmp);
		norm_push(&t->starts, t->words.n);
		norm_push(&t->keys, norm_hash(g->tmp.v, g->tmp.n * sizeof *g->tmp.v));
		for (j = 0; j < g->tmp.n; j++)
			norm_push(&t->words, g->tmp.v[j]);
	}
	minhash_shingles(t->words.v, t->words.n, g->o.shingle, &t->sh);
}

static size_t
text_sentence_words(const struct vgroup_text *t, size_t i)
{
	return (i + 1 < t->starts.n ? t->starts.v[i + 1] : t->words.n) - t->starts.v[i];
}

/* Index the distinct sentences of t long enough to tell stories apart. */
static void
doc_sentences(struct vgroup *g, const struct vgroup_text *t)
{
	size_t i;

	g->rest.n = 0;
	for (i = 0; i < t->keys.n; i++)
		if (text_sentence_words(t, i) >= VGROUP_SENTENCE_WORDS)
			norm_push(&g->rest, t->keys.v[i]);
	norm_set(&g->rest);
	for (i = 0; i < g->rest.n; i++) {
		struct minhash_key k = {g->rest.v[i], g->n};

		file_add(&g->sents, &k, sizeof k);
	}
	g->nsents += g->rest.n;
}

/* Keep the id and the date of d in the names arena. */
static void
doc_names(struct vgroup *g, struct vgroup_doc *x, const struct vdoc *d)
{
	if (d->id.len > UINT32_MAX - 1 || d->date.len > UINT32_MAX - 1)
		errx(2, "a document id or date is longer than 4 GB");
	x->name = g->names.len;
	x->idlen = (uint32_t)d->id.len;
	x->datelen = (uint32_t)d->date.len;
	sbuf_add(&g->names, d->id.p ? d->id.p : "", d->id.len);
	sbuf_addc(&g->names, '\0');
	sbuf_add(&g->names, d->date.p ? d->date.p : "", d->date.len);
	sbuf_addc(&g->names, '\0');
}

void
vgroup_add(struct vgroup *g, const struct vdoc *d)
{
	struct vgroup_doc *x;
	struct minhash sig;
	size_t before, b;

	if (g->n == g->cap) {
		g->cap = g->cap ? 2 * g->cap : 1024;
		g->d = xrealloc(g->d, g->cap * sizeof *g->d);
	}
	x = &g->d[g->n];
	memset(x, 0, sizeof *x);
	doc_names(g, x, d);
	doc_text(g, d, &g->a);
	minhash_sign(&sig, g->a.sh.v, g->a.sh.n);
	x->empty = g->a.sh.n == 0;
	x->nsh = g->a.sh.n > UINT32_MAX ? UINT32_MAX : (uint32_t)g->a.sh.n;
	doc_sentences(g, &g->a);
	file_add(&g->sigs, &sig, sizeof sig);
	for (b = 0; b < VGROUP_BANDS; b++)
		g->chunk[g->nchunk * VGROUP_BANDS + b] = minhash_band_key(&sig, b, VGROUP_ROWS);
	if (++g->nchunk == VGROUP_CHUNK)
		chunk_flush(g);
	before = g->spool.buf.len;
	vdoc_pack(d, &g->spool.buf);
	if (g->spool.buf.len - before > UINT32_MAX)
		errx(2, "%s: the document is longer than 4 GB", doc_id(g, g->n));
	x->off = g->spool.written + before;
	x->len = (uint32_t)(g->spool.buf.len - before);
	if (g->spool.buf.len >= VGROUP_SPOOL_BUF)
		file_flush(&g->spool);
	g->n++;
}

/* Read document i back from the spool into d. */
static void
spool_read(struct vgroup *g, size_t i, struct vdoc *d, struct sbuf *b)
{

	sbuf_reset(b);
	sbuf_grow(b, g->d[i].len);
	file_read(&g->spool, b->p, g->d[i].len, g->d[i].off);
	if (vdoc_unpack(d, b->p, g->d[i].len) != 0)
		errx(2, "spool file: corrupt document");
}

/* The number of values two sets made by norm_set() share. */
static size_t
set_common(const struct norm_hashes *a, const struct norm_hashes *b)
{
	size_t i = 0, j = 0, n = 0;

	while (i < a->n && j < b->n) {
		if (a->v[i] == b->v[j])
			n++, i++, j++;
		else if (a->v[i] < b->v[j])
			i++;
		else
			j++;
	}
	return n;
}

/*
 * The containment of the shorter of a and b in the other (see vgroup.h):
 * over the shingles of the shorter's words between the longest run of
 * words the two start with and the longest they end with, or over all of
 * them when those runs cover it; 0 when fewer than VGROUP_MIN_SHINGLES
 * are counted.
 */
static double
text_containment(struct vgroup *g, const struct vgroup_text *a, const struct vgroup_text *b)
{
	const struct vgroup_text *s = a->sh.n <= b->sh.n ? a : b, *l = s == a ? b : a;
	const struct norm_hashes *m = &s->sh;
	size_t ns = s->words.n, nl = l->words.n, lead = 0, trail = 0;

	while (lead < ns && lead < nl && s->words.v[lead] == l->words.v[lead])
		lead++;
	while (trail < ns - lead && trail < nl - lead &&
	       s->words.v[ns - 1 - trail] == l->words.v[nl - 1 - trail])
		trail++;
	if (lead + trail < ns) {
		minhash_shingles(s->words.v + lead, ns - lead - trail, g->o.shingle, &g->rest);
		m = &g->rest;
	}
	if (m->n < VGROUP_MIN_SHINGLES)
		return 0;
	return (double)set_common(m, &l->sh) / (double)m->n;
}

/* Whether the estimate leaves documents i and j a chance to be versions. */
static bool
pair_promising(const struct vgroup *g, size_t i, size_t j, double est)
{
	double lo = g->d[i].nsh, hi = g->d[j].nsh, c;

	if (est >= g->o.threshold - VGROUP_MARGIN)
		return true;
	if (lo > hi)
		c = lo, lo = hi, hi = c;
	if (lo < VGROUP_MIN_SHINGLES)
		return false;
	return est * (lo + hi) / ((1 + est) * lo) >= g->o.containment - VGROUP_CMARGIN;
}

/* Exact measures of the pairs that survive the estimate; joins groups. */
static void
vgroup_verify(struct vgroup *g, const struct minhash_pairs *c, struct minhash_uf *u)
{
	struct vdoc d = {0};
	struct sbuf b = SBUF_INIT;
	struct minhash si, sj;
	size_t k, loaded = SIZE_MAX, sigi = SIZE_MAX;

	for (k = 0; k < c->n; k++) {
		size_t i = c->v[k].i, j = c->v[k].j;
		double s, cn;

		if (sigi != i) {
			file_read(&g->sigs, &si, sizeof si, (uint64_t)i * sizeof si);
			sigi = i;
		}
		file_read(&g->sigs, &sj, sizeof sj, (uint64_t)j * sizeof sj);
		if (!pair_promising(g, i, j, minhash_estimate(&si, &sj)))
			continue;
		if (loaded != i) {
			spool_read(g, i, &d, &b);
			doc_text(g, &d, &g->a);
			loaded = i;
		}
		spool_read(g, j, &d, &b);
		doc_text(g, &d, &g->b);
		s = norm_jaccard(g->a.sh.v, g->a.sh.n, g->b.sh.v, g->b.sh.n);
		cn = text_containment(g, &g->a, &g->b);
		if (s < g->o.threshold && cn < g->o.containment)
			continue;
		minhash_uf_union(u, i, j);
		if (s > g->d[i].best)
			g->d[i].best = s;
		if (s > g->d[j].best)
			g->d[j].best = s;
		if (cn > g->d[i].bestc)
			g->d[i].bestc = cn;
		if (cn > g->d[j].bestc)
			g->d[j].bestc = cn;
	}
	vdoc_free(&d);
	sbuf_free(&b);
}

static void
write_clusters(struct vgroup *g, struct minhash_uf *u, const size_t *size)
{
	size_t i;
	char sim[8];

	if (!g->o.noheader)
		out_str("doc\tgroup\tsimilarity\tcontainment\n");
	for (i = 0; i < g->n; i++) {
		size_t r = minhash_uf_find(u, i);

		if (size[r] < 2 && !g->o.all)
			continue;
		out_escaped(doc_id(g, i), g->d[i].idlen);
		out_byte('\t');
		out_escaped(doc_id(g, r), g->d[r].idlen);
		out_byte('\t');
		if (size[r] >= 2) {
			vdiff_format_sim(sim, g->d[i].best);
			out_str(sim);
		}
		out_byte('\t');
		if (size[r] >= 2) {
			vdiff_format_sim(sim, g->d[i].bestc);
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
	const char *da = doc_date(sort_g, a), *db = doc_date(sort_g, b);
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
	size_t i, k = 0, story = SIZE_MAX;
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
		if (root[order[i]] != story)
			vdiff_story(v, &a);
		story = root[order[i]];
		vdiff_docs(v, &a, &b);
	}
	vdoc_free(&a);
	vdoc_free(&b);
	sbuf_free(&buf);
	free(order);
	free(root);
}

/*
 * The candidate pairs, band by band: each band's keys are read back from
 * the keys file, so only one band's keys (16 bytes a document) are held.
 */
static void
vgroup_candidates(struct vgroup *g, const bool *skip, struct minhash_pairs *c)
{
	struct minhash_key *k = xmalloc((g->n + 1) * sizeof *k);
	uint64_t *v = xmalloc(VGROUP_CHUNK * sizeof *v);
	size_t full = g->n / VGROUP_CHUNK, last = g->n % VGROUP_CHUNK;
	size_t b, ch, i, m;

	chunk_flush(g);
	file_flush(&g->keys);
	c->n = 0;
	for (b = 0; b < VGROUP_BANDS; b++) {
		m = 0;
		for (ch = 0; ch <= full; ch++) {
			size_t nd = ch < full ? VGROUP_CHUNK : last;
			uint64_t base = (uint64_t)ch * VGROUP_CHUNK * VGROUP_BANDS * sizeof *v;

			if (nd == 0)
				continue;
			file_read(&g->keys, v, nd * sizeof *v, base + (uint64_t)b * nd * sizeof *v);
			for (i = 0; i < nd; i++) {
				size_t doc = ch * VGROUP_CHUNK + i;

				if (!skip[doc])
					k[m++] = (struct minhash_key){v[i], doc};
			}
		}
		minhash_bucket_pairs(k, m, c);
	}
	free(k);
	free(v);
}

/*
 * More candidate pairs: documents that share a sentence of at least
 * VGROUP_SENTENCE_WORDS words found in at most VGROUP_COMMON documents.
 * The keys are taken in parts by their value, each part about as many
 * keys as there are documents.
 */
static void
vgroup_sentence_candidates(struct vgroup *g, struct minhash_pairs *c)
{
	size_t parts = g->nsents / (g->n + 1) + 1, cap = 2 * (g->n + 1), p, m, i, got;
	struct minhash_key *k = xmalloc(cap * sizeof *k), *buf = xmalloc(VGROUP_CHUNK * sizeof *buf);
	uint64_t off;

	file_flush(&g->sents);
	for (p = 0; p < parts; p++) {
		m = 0;
		for (off = 0; off < g->nsents; off += got) {
			got = g->nsents - off < VGROUP_CHUNK ? g->nsents - off : VGROUP_CHUNK;
			file_read(&g->sents, buf, got * sizeof *buf, off * sizeof *buf);
			for (i = 0; i < got; i++) {
				if (buf[i].key % parts != p)
					continue;
				if (m == cap)
					k = xrealloc(k, (cap *= 2) * sizeof *k);
				k[m++] = buf[i];
			}
		}
		minhash_bucket_pairs_upto(k, m, VGROUP_COMMON, c);
	}
	free(k);
	free(buf);
}

bool
vgroup_finish(struct vgroup *g, struct vdiff *v)
{
	struct minhash_pairs c = {0};
	struct minhash_uf u;
	bool *skip = xcalloc(g->n + 1, sizeof *skip);
	size_t *size = xcalloc(g->n + 1, sizeof *size), i;
	bool grouped = false;

	file_flush(&g->spool);
	file_flush(&g->sigs);
	for (i = 0; i < g->n; i++)
		skip[i] = g->d[i].empty;
	vgroup_candidates(g, skip, &c);
	vgroup_sentence_candidates(g, &c);
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

static void
text_free(struct vgroup_text *t)
{
	norm_hashes_free(&t->words);
	norm_hashes_free(&t->starts);
	norm_hashes_free(&t->keys);
	norm_hashes_free(&t->sh);
}

void
vgroup_free(struct vgroup *g)
{
	free(g->d);
	free(g->chunk);
	sbuf_free(&g->names);
	file_close(&g->spool);
	file_close(&g->sigs);
	file_close(&g->keys);
	file_close(&g->sents);
	text_free(&g->a);
	text_free(&g->b);
	norm_hashes_free(&g->tmp);
	norm_hashes_free(&g->rest);
	free(g);
}
