#include "config.h"

#include <err.h>
#include <getopt.h>
#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/docrun.h"
#include "lib/input.h"
#include "lib/opt.h"
#include "lib/out.h"
#include "lib/prog.h"
#include "lib/progress.h"
#include "lib/rowout.h"
#include "lib/runs.h"
#include "lib/sbuf.h"
#include "lib/tally.h"
#include "lib/utf8.h"

/*
 * 1 GiB by default: room for about ten million distinct keys of news text
 * before spilling, well inside the memory of the machines tabloid is
 * benchmarked on.
 */
#define DEFAULT_LIMIT (1024ull * 1024 * 1024)
/* The smallest --memory-limit: a few arena blocks and a small table. */
#define MIN_LIMIT (64 * 1024)
/*
 * Rows are counted in batches: the table slots of a batch's keys are
 * fetched into the cache while the next keys are read.  16 rows gave the
 * best time on the token rows of the bench corpus (8 and 32 were slower).
 */
#define BATCH 16

/* A row read but not yet counted. */
struct pending {
	size_t off;		/* key offset in the batch buffer */
	size_t len;		/* key length */
	uint32_t hash;		/* key hash */
	uint64_t n;		/* count to add */
	uint64_t docs;		/* documents to add (--merge) */
	uint64_t serial;	/* document serial (--docs) */
	uint64_t lineno;	/* input line, for messages */
};

struct count {
	const char *keyspec, *byspec;	/* -f, --by */
	bool noheader, docs, freq, tfidf, fold, merge;
	uint64_t top, min;		/* -n, --min (0: none) */
	size_t limit;			/* --memory-limit */

	bool cols_known;
	struct tsv_header first;	/* header of the first input */
	size_t *key, nkey;		/* key column indexes */
	size_t *by, nby;		/* group column indexes */
	long countcol, docscol, doccol;	/* --merge count/docs, --docs doc */
	size_t need;			/* fields a record must have */
	size_t width;			/* fields it must have exactly, or 0 */
	struct sbuf names;		/* output header, key columns */

	struct tally t;			/* the counts */
	struct run_set runs;		/* spilled runs */
	struct sbuf lastdoc;
	uint64_t docserial;
	struct sbuf bkeys;		/* keys of the batch */
	struct sbuf ftmp, ftmp2;	/* scratch for -i */
	struct pending pend[BATCH];	/* rows read but not yet counted */
	size_t npend;
	struct tally groups;		/* group totals, for --freq */
	struct tally df;		/* documents per key, for --tfidf */
	uint64_t ngroups;
	bool groups_noted;		/* groups and df already filled */
	struct docrun docruns;		/* --docs: each document's rows together */
	bool indoc;			/* --docs: lastdoc is open */
};

static void
usage(int status)
{
	static const char synopsis[] =
	    "usage: tabloid-count [-iN] [-f columns] [--by columns] [-n top] [--min count]\n"
	    "                     [--docs] [--partial-docs] [--freq] [--tfidf] [--merge]\n"
	    "                     [--memory-limit size]\n"
	    "                     [--itsv | --icsv] [--ifs sep] [--doc-col col]\n"
	    "                     [-o file] [--otsv | --ocsv | --ojsonl] [--progress] [file ...]\n";

	if (status != 0) {
		fprintf(stderr, "%sTry 'tabloid-count --help' for more information.\n", synopsis);
		exit(status);
	}
	printf("%s\nCount TSV rows by key, most frequent first.\n\n"
	    "  -f, --fields COLS      key columns, by name or number (doc,3,5-7)\n"
	    INPUT_FORMAT_HELP("                         ")
	    INPUT_DOC_COL_HELP("                         ")
	    "  -b, --by COLS          count within groups of these columns\n"
	    "  -n, --top N            keep the N most frequent keys of each group\n"
	    "  -m, --min N            drop keys counted fewer than N times\n"
	    "  -d, --docs             add the number of documents (doc column) per key\n"
	    "      --freq             add each key's share of its group's total\n"
	    "      --tfidf            add tf-idf weights; groups are the documents\n"
	    "  -i, --ignore-case      fold the key columns with Unicode case folding\n"
	    "      --merge            sum count output (the reduce step of parallel jobs)\n"
	    DOCRUN_HELP("                         ")
	    "  -S, --memory-limit N   spill to temporary files past N bytes (K, M, G, T; 1G)\n"
	    "  -N, --no-header        read and write no header line\n"
	    "  -o, --output FILE      write to FILE, replaced only when complete\n"
	    ROWOUT_HELP("                         ")
	    "      --progress         show progress on standard error about once a second\n"
	    "  -h, --help             show this help and exit\n"
	    "  -V, --version          show the version and exit\n", synopsis);
	prog_stdout_exit();
}

static size_t
cols(struct input *in, const char *spec, size_t nf, size_t **idx)
{
	char msg[256];
	size_t n = tsv_cols_parse(spec, in->have_header ? &in->h : NULL, nf, idx, msg,
	    sizeof msg);

	if (n == 0) {
		if (in->have_header)
			errx(2, "%s: %s (%s)", in->r.name, msg, input_columns(in));
		errx(2, "%s: %s", in->r.name, msg);
	}
	return n;
}

static bool
in_list(const size_t *v, size_t n, size_t x)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (v[i] == x)
			return true;
	return false;
}

static long
find_named(struct input *in, const char *name, long fallback)
{
	return in->have_header ? tsv_header_find(&in->h, name) : fallback;
}

static void
merge_default_keys(struct count *c, struct input *in, size_t nf)
{
	size_t i;

	c->key = xcalloc(nf, sizeof *c->key);
	for (i = 0; i < nf; i++) {
		const char *name = in->have_header ? in->h.names[i] : "";

		if ((long)i == c->countcol || (long)i == c->docscol || in_list(c->by, c->nby, i) ||
		    strcmp(name, "freq") == 0 || strcmp(name, "tfidf") == 0)
			continue;
		c->key[c->nkey++] = i;
	}
	if (c->nkey == 0)
		errx(2, "%s: no key columns in the count input", in->r.name);
}

static size_t
max_col(const size_t *v, size_t n, long other)
{
	size_t m = other >= 0 ? (size_t)other + 1 : 0, i;

	for (i = 0; i < n; i++)
		if (v[i] + 1 > m)
			m = v[i] + 1;
	return m;
}

/* The fields every record of every input needs, from the columns chosen. */
static void
note_need(struct count *c, size_t nf)
{
	c->need = max_col(c->key, c->nkey, c->countcol);
	if (max_col(c->by, c->nby, c->docscol) > c->need)
		c->need = max_col(c->by, c->nby, c->docscol);
	if ((size_t)(c->doccol + 1) > c->need)
		c->need = (size_t)(c->doccol + 1);
	c->width = c->merge && c->keyspec == NULL ? nf : 0;
}

/* Check that the first record of a later input has the columns chosen. */
static void
check_width(const struct count *c, const struct input *in)
{
	if (c->width > 0 && in->row.n != c->width)
		input_fail(in, "expected %zu fields as in the first input, found %zu", c->width,
		    in->row.n);
	if (in->row.n < c->need)
		input_fail(in, "expected at least %zu fields, found %zu", c->need, in->row.n);
}

static void
resolve_cols(struct count *c, struct input *in, size_t nf)
{
	size_t i;

	if (c->byspec != NULL)
		c->nby = cols(in, c->byspec, nf, &c->by);
	if (c->keyspec != NULL)
		c->nkey = cols(in, c->keyspec, nf, &c->key);
	c->countcol = c->docscol = c->doccol = -1;
	if (c->merge) {
		c->countcol = find_named(in, "count", (long)nf - (c->docs ? 2 : 1));
		if (c->countcol < 0)
			input_no_column(in, "count", NULL);
		c->docscol = find_named(in, "docs", c->docs ? (long)nf - 1 : -1);
		if (c->docs && c->docscol < 0)
			input_no_column(in, "docs", NULL);
		if (c->docscol >= 0 && !c->docs) {
			c->docs = true;
			tally_free(&c->t);
			tally_init(&c->t, true);
		}
	} else if (c->docs) {
		c->doccol = input_doc_col(in, nf, in->have_header ? -2 : 0);
		docrun_columns(&c->docruns, in);
	}
	if (c->keyspec == NULL && c->merge)
		merge_default_keys(c, in, nf);
	else if (c->keyspec == NULL)
		errx(2, "no key columns: use -f");
	note_need(c, nf);
	if (in->have_header && !c->noheader) {
		for (i = 0; i < c->nby; i++) {
			sbuf_add(&c->names, in->h.names[c->by[i]], strlen(in->h.names[c->by[i]]));
			sbuf_addc(&c->names, '\t');
		}
		for (i = 0; i < c->nkey; i++) {
			sbuf_add(&c->names, in->h.names[c->key[i]], strlen(in->h.names[c->key[i]]));
			sbuf_addc(&c->names, '\t');
		}
	}
	c->cols_known = true;
}

/* Length of the group part of key: up to the TAB after the --by fields. */
static size_t
group_len(const struct count *c, const char *key, size_t len)
{
	const char *p = key, *end = key + len;
	size_t i;

	if (c->nby == 0)
		return 0;
	for (i = 0; i < c->nby; i++) {
		p = memchr(p, '\t', (size_t)(end - p));
		if (p == NULL)
			return len;
		if (i + 1 < c->nby)
			p++;
	}
	return (size_t)(p - key);
}

/* The table and options the comparisons below look at (qsort has no context). */
static const struct tally *sort_t;
static const struct count *sort_c;
static const double *sort_w;

static size_t group_len(const struct count *c, const char *key, size_t len);

static size_t
slot_glen(uint32_t s)
{
	const struct tally_ent *e = &sort_t->ent[s];

	return sort_c->nby == 0 ? 0 : group_len(sort_c, tally_key(e), e->len);
}

/* Output order: group ascending, count descending, key ascending. */
static int
order_cmp(const char *ak, size_t alen, size_t aglen, uint64_t ac, const char *bk,
    size_t blen, size_t bglen, uint64_t bc)
{
	int g = tally_keycmp(ak, aglen, bk, bglen);

	if (g != 0)
		return g;
	if (ac != bc)
		return ac > bc ? -1 : 1;
	return tally_keycmp(ak, alen, bk, blen);
}

static int
slot_order(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
	const struct tally_ent *ex = &sort_t->ent[x], *ey = &sort_t->ent[y];

	return order_cmp(tally_key(ex), ex->len, slot_glen(x), ex->count, tally_key(ey),
	    ey->len, slot_glen(y), ey->count);
}

static int
slot_key(const void *a, const void *b)
{
	const struct tally_ent *ex = &sort_t->ent[*(const uint32_t *)a];
	const struct tally_ent *ey = &sort_t->ent[*(const uint32_t *)b];

	return tally_keycmp(tally_key(ex), ex->len, tally_key(ey), ey->len);
}

/* Within a group, tf-idf weight descending (sort_w by slot), then key. */
static int
slot_weight(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
	const struct tally_ent *ex = &sort_t->ent[x], *ey = &sort_t->ent[y];
	int g = tally_keycmp(tally_key(ex), slot_glen(x), tally_key(ey), slot_glen(y));

	if (g != 0)
		return g;
	if (sort_w[x] != sort_w[y])
		return sort_w[x] > sort_w[y] ? -1 : 1;
	return tally_keycmp(tally_key(ex), ex->len, tally_key(ey), ey->len);
}

/*
 * The used slots of t, sorted by cmp (in table order when cmp is NULL).
 * Sorting slot numbers rather than entries keeps the extra memory at
 * 4 bytes a key.
 */
static uint32_t *
sorted_slots(const struct count *c, const struct tally *t,
    int (*cmp)(const void *, const void *))
{
	uint32_t *v = xcalloc(t->n, sizeof *v);
	size_t i, n = 0;

	for (i = 0; i < t->cap; i++)
		if (t->ent[i].hash != 0)
			v[n++] = (uint32_t)i;
	sort_t = t;
	sort_c = c;
	if (cmp != NULL)
		qsort(v, n, sizeof *v, cmp);
	return v;
}

/* The documents of the entry in slot s (0 without --docs). */
static struct tally_doc
slot_doc(const struct tally *t, uint32_t s)
{
	struct tally_doc none = { 0, 0, 0 };

	return t->with_docs ? t->doc[s] : none;
}

static int
rec_key(const struct run_rec *a, const struct run_rec *b)
{
	return tally_keycmp(a->key.p, a->key.len, b->key.p, b->key.len);
}

static int
rec_order(const struct run_rec *a, const struct run_rec *b)
{
	return order_cmp(a->key.p, a->key.len, a->glen, a->count, b->key.p, b->key.len,
	    b->glen, b->count);
}

static FILE *compact_runs(void *arg, FILE **f, size_t n);

static void
spill(struct count *c)
{
	uint32_t *v;
	FILE *f;
	size_t i;

	if (c->tfidf)
		errx(2, "--tfidf needs every count in memory: raise --memory-limit (now %zu bytes)",
		    c->limit);
	v = sorted_slots(c, &c->t, slot_key);
	f = run_create();
	for (i = 0; i < c->t.n; i++) {
		const struct tally_ent *e = &c->t.ent[v[i]];
		struct tally_doc d = slot_doc(&c->t, v[i]);

		run_write(f, tally_key(e), e->len, (uint32_t)group_len(c, tally_key(e), e->len),
		    e->count, d.docs, d.firstdoc, d.lastdoc);
	}
	free(v);
	tally_clear(&c->t);
	run_set_add(&c->runs, f, compact_runs, c);
}

static void
add(struct count *c, const char *name, const struct pending *p, const char *key)
{
	struct tally_ent *e;

	if (c->t.n > 0 && tally_bytes_next(&c->t) > c->limit)
		spill(c);
	e = tally_get(&c->t, key, p->len, p->hash);

	if (e->count + p->n < e->count)
		errx(2, "%s: line %llu: count overflows 64 bits", name,
		    (unsigned long long)p->lineno);
	if (c->docs) {
		struct tally_doc *d = tally_doc(&c->t, e);

		if (e->count == 0)
			d->firstdoc = p->serial;
		if (c->merge) {
			if (d->docs + p->docs < d->docs)
				errx(2, "%s: line %llu: docs overflows 64 bits", name,
				    (unsigned long long)p->lineno);
			d->docs += p->docs;
		}
		else if (d->docs == 0 || d->lastdoc != p->serial) {
			d->docs++;
			d->lastdoc = p->serial;
		}
	}
	e->count += p->n;
}

static void
flush_batch(struct count *c, const char *name)
{
	size_t i;

	for (i = 0; i < c->npend; i++)
		add(c, name, &c->pend[i], c->bkeys.p + c->pend[i].off);
	c->npend = 0;
	sbuf_reset(&c->bkeys);
}

static uint64_t
field_number(struct input *in, size_t i, const char *what)
{
	const char *p = in->row.f[i];
	size_t n = in->row.len[i], j;
	uint64_t v = 0;

	if (n == 0)
		input_fail(in, "%s: empty field", what);
	for (j = 0; j < n; j++) {
		if (p[j] < '0' || p[j] > '9')
			input_fail(in, "%s: '%.*s' is not a count", what, (int)(n > 40 ? 40 : n), p);
		if (v > (UINT64_MAX - (uint64_t)(p[j] - '0')) / 10)
			input_fail(in, "%s: '%.*s' overflows 64 bits", what, (int)(n > 40 ? 40 : n), p);
		v = v * 10 + (uint64_t)(p[j] - '0');
	}
	return v;
}

/*
 * Case-fold an escaped field: decode it, fold the text it stands for and
 * escape the result, so that "\\N" (a backslash and N) never becomes "\\n".
 */
static void
fold_escaped(struct count *c, const char *p, size_t len)
{
	if (memchr(p, '\\', len) == NULL) {
		utf8_normalize(&c->bkeys, p, len, true, false);
		return;
	}
	sbuf_reset(&c->ftmp);
	sbuf_add(&c->ftmp, p, len);
	c->ftmp.len = tsv_unescape(c->ftmp.p, c->ftmp.len, c->ftmp.p);
	sbuf_reset(&c->ftmp2);
	utf8_normalize(&c->ftmp2, c->ftmp.p, c->ftmp.len, true, false);
	tsv_escape(&c->bkeys, c->ftmp2.p, c->ftmp2.len);
}

static void
append_cols(struct count *c, struct input *in, const size_t *idx, size_t n, bool fold)
{
	size_t i;

	for (i = 0; i < n; i++) {
		const char *p = in->row.f[idx[i]];
		size_t len = in->row.len[idx[i]];

		if (i > 0)
			sbuf_addc(&c->bkeys, '\t');
		if (fold)
			fold_escaped(c, p, len);
		else
			sbuf_add(&c->bkeys, p, len);
	}
}

static void
track_doc(struct count *c, struct input *in)
{
	const char *d = in->row.f[c->doccol];
	size_t n = in->row.len[c->doccol];

	if (c->indoc && n == c->lastdoc.len && memcmp(d, c->lastdoc.p, n) == 0)
		return;
	if (c->indoc)
		docrun_end(&c->docruns, c->lastdoc.p, c->lastdoc.len);
	docrun_begin(&c->docruns, in, d, n);
	c->docserial++;
	c->indoc = true;
	sbuf_reset(&c->lastdoc);
	sbuf_add(&c->lastdoc, d, n);
}

static void
count_row(struct count *c, struct input *in)
{
	struct pending *p = &c->pend[c->npend];

	p->n = 1;
	p->docs = 0;
	p->off = c->bkeys.len;
	p->lineno = in->r.lineno;
	if (c->nby > 0) {
		append_cols(c, in, c->by, c->nby, false);
		sbuf_addc(&c->bkeys, '\t');
	}
	append_cols(c, in, c->key, c->nkey, c->fold);
	p->len = c->bkeys.len - p->off;
	if (c->merge) {
		p->n = field_number(in, (size_t)c->countcol, "count");
		if (c->docscol >= 0)
			p->docs = field_number(in, (size_t)c->docscol, "docs");
	} else if (c->docs)
		track_doc(c, in);
	p->serial = c->docserial;
	p->hash = tally_hash(c->bkeys.p + p->off, p->len);
	tally_prefetch(&c->t, p->hash);
	if (++c->npend == BATCH)
		flush_batch(c, in->r.name);
}

static bool
count_file(struct count *c, const char *path)
{
	struct input in;
	bool checked = false;

	if (input_open(&in, path, c->noheader) != 0) {
		warn("%s", path);
		return false;
	}
	if (in.have_header) {
		if (c->first.raw == NULL)
			tsv_header_set(&c->first, in.h.raw, in.h.rawlen);
		else if (!tsv_header_is(&c->first, in.h.raw, in.h.rawlen))
			errx(2, "%s: header differs from the first input's", in.r.name);
		if (!c->cols_known)
			resolve_cols(c, &in, in.h.n);
	}
	while (input_next(&in)) {
		if (!c->cols_known)
			resolve_cols(c, &in, in.row.n);
		if (!checked) {
			check_width(c, &in);
			checked = true;
		}
		count_row(c, &in);
	}
	flush_batch(c, in.r.name);
	input_close(&in);
	return true;
}

static void
write_header(struct count *c)
{
	if (c->noheader || c->names.len == 0)
		return;
	out_write(c->names.p, c->names.len);
	out_str("count");
	if (c->docs)
		out_str("\tdocs");
	if (c->freq)
		out_str("\tfreq");
	if (c->tfidf)
		out_str("\ttfidf");
	out_byte('\n');
}

static void
out_fixed(double v)
{
	char tmp[64];
	int k = snprintf(tmp, sizeof tmp, "%.6f", v);

	out_write(tmp, (size_t)k);
}

static uint64_t
group_total(struct count *c, const char *key, size_t glen)
{
	return tally_get(&c->groups, key, glen, tally_hash(key, glen))->count;
}

static double
tfidf(struct count *c, const char *key, size_t len, size_t glen, uint64_t n)
{
	size_t off = glen > 0 ? glen + 1 : 0;
	uint64_t df = tally_get(&c->df, key + off, len - off,
	    tally_hash(key + off, len - off))->count;
	uint64_t total = group_total(c, key, glen);

	return ((double)n / (double)total) * log((double)c->ngroups / (double)df);
}

/* Print one record in output order, applying --min and -n. */
static void
emit(struct count *c, const char *key, size_t len, size_t glen, uint64_t n, uint64_t docs)
{
	static struct sbuf group;
	static uint64_t shown;

	if (n < c->min)
		return;
	if (group.p == NULL || glen != group.len || memcmp(key, group.p, glen) != 0) {
		sbuf_reset(&group);
		sbuf_add(&group, key, glen);
		shown = 0;
	}
	if (c->top > 0 && shown >= c->top)
		return;
	shown++;
	out_write(key, len);
	out_byte('\t');
	out_u64(n);
	if (c->docs) {
		out_byte('\t');
		out_u64(docs);
	}
	if (c->freq) {
		out_byte('\t');
		out_fixed((double)n / (double)group_total(c, key, glen));
	}
	if (c->tfidf) {
		out_byte('\t');
		out_fixed(tfidf(c, key, len, glen, n));
	}
	out_byte('\n');
}

static void
note_group(struct count *c, const char *key, size_t len, size_t glen, uint64_t n)
{
	struct tally_ent *g;
	size_t off = glen > 0 ? glen + 1 : 0;

	if (!c->freq && !c->tfidf)
		return;
	g = tally_get(&c->groups, key, glen, tally_hash(key, glen));
	if (g->count == 0)
		c->ngroups++;
	g->count += n;
	if (c->tfidf)
		tally_get(&c->df, key + off, len - off, tally_hash(key + off, len - off))->count++;
}

/* Print the entry in slot s of t. */
static void
emit_slot(struct count *c, const struct tally *t, uint32_t s)
{
	const struct tally_ent *e = &t->ent[s];
	const char *key = tally_key(e);

	emit(c, key, e->len, group_len(c, key, e->len), e->count, slot_doc(t, s).docs);
}

static void
finish_tfidf(struct count *c)
{
	double *w = xcalloc(c->t.cap, sizeof *w);
	uint32_t *v;
	size_t i;

	for (i = 0; i < c->t.cap; i++) {
		const struct tally_ent *e = &c->t.ent[i];

		if (e->hash != 0)
			w[i] = tfidf(c, tally_key(e), e->len, group_len(c, tally_key(e), e->len),
			    e->count);
	}
	sort_w = w;
	v = sorted_slots(c, &c->t, slot_weight);
	for (i = 0; i < c->t.n; i++)
		emit_slot(c, &c->t, v[i]);
	free(v);
	free(w);
}

static void
finish_in_memory(struct count *c)
{
	uint32_t *v;
	size_t i;

	if ((c->freq || c->tfidf) && !c->groups_noted) {
		for (i = 0; i < c->t.cap; i++) {
			const struct tally_ent *e = &c->t.ent[i];

			if (e->hash != 0)
				note_group(c, tally_key(e), e->len,
				    group_len(c, tally_key(e), e->len), e->count);
		}
	}
	if (c->tfidf) {
		finish_tfidf(c);
		return;
	}
	v = sorted_slots(c, &c->t, slot_order);
	for (i = 0; i < c->t.n; i++)
		emit_slot(c, &c->t, v[i]);
	free(v);
}

/* Merge ordered runs into one (a run_merge_fn). */
static FILE *
compact_ordered(void *arg, FILE **runs, size_t n)
{
	struct run_merge m;
	FILE *f = run_create();
	long i;

	(void)arg;
	run_merge_init(&m, runs, n, rec_order);
	while ((i = run_merge_min(&m)) >= 0) {
		struct run_rec *r = &m.rec[i];

		run_write(f, r->key.p, (uint32_t)r->key.len, r->glen, r->count, r->docs, 0, 0);
		run_merge_next(&m, (size_t)i);
	}
	run_merge_free(&m);
	return f;
}

static void
order_spill(struct count *c, struct tally *o, struct run_set *runs)
{
	uint32_t *v = sorted_slots(c, o, slot_order);
	FILE *f = run_create();
	size_t i;

	for (i = 0; i < o->n; i++) {
		const struct tally_ent *e = &o->ent[v[i]];

		run_write(f, tally_key(e), e->len, (uint32_t)group_len(c, tally_key(e), e->len),
		    e->count, slot_doc(o, v[i]).docs, 0, 0);
	}
	free(v);
	tally_clear(o);
	run_set_add(runs, f, compact_ordered, NULL);
}

/* Put one aggregated record into the output ordering. */
static void
order_add(struct count *c, struct tally *o, struct run_set *runs, const struct run_rec *r)
{
	struct tally_ent *e;

	note_group(c, r->key.p, r->key.len, r->glen, r->count);
	if (o->n > 0 && tally_bytes_next(o) > c->limit)
		order_spill(c, o, runs);
	e = tally_get(o, r->key.p, r->key.len, tally_hash(r->key.p, r->key.len));
	e->count = r->count;
	if (o->with_docs)
		tally_doc(o, e)->docs = r->docs;
}

/* Where merge_runs() hands each key's total. */
struct sink {
	void (*fn)(struct count *c, const struct run_rec *r, void *arg);
	void *arg;
};

/*
 * Merge runs by key, adding up the counts of equal keys, and hand each
 * total to the sink.  Runs are in the order they were written, so a
 * document that straddles two runs is counted once.
 */
static void
merge_runs(struct count *c, FILE **runs, size_t n, struct sink *s)
{
	struct run_merge m;
	struct run_rec acc = { 0 };
	bool have = false;
	long i;

	run_merge_init(&m, runs, n, rec_key);
	while ((i = run_merge_min(&m)) >= 0) {
		struct run_rec *r = &m.rec[i];

		if (have && rec_key(&acc, r) == 0) {
			if (acc.count + r->count < acc.count || acc.docs + r->docs < acc.docs)
				errx(2, "a count overflows 64 bits");
			acc.count += r->count;
			acc.docs += r->docs - (acc.docs > 0 && r->docs > 0 &&
			    acc.lastdoc == r->firstdoc && !c->merge);
			acc.lastdoc = r->lastdoc;
		} else {
			if (have)
				s->fn(c, &acc, s->arg);
			sbuf_reset(&acc.key);
			sbuf_add(&acc.key, r->key.p, r->key.len);
			acc.glen = r->glen;
			acc.count = r->count;
			acc.docs = r->docs;
			acc.firstdoc = r->firstdoc;
			acc.lastdoc = r->lastdoc;
			have = true;
		}
		run_merge_next(&m, (size_t)i);
	}
	if (have)
		s->fn(c, &acc, s->arg);
	run_merge_free(&m);
	sbuf_free(&acc.key);
}

static void
to_run(struct count *c, const struct run_rec *r, void *arg)
{
	(void)c;
	run_write(arg, r->key.p, (uint32_t)r->key.len, r->glen, r->count, r->docs,
	    r->firstdoc, r->lastdoc);
}

/* Merge runs into one (a run_merge_fn). */
static FILE *
compact_runs(void *arg, FILE **runs, size_t n)
{
	FILE *f = run_create();
	struct sink s = { to_run, f };

	merge_runs(arg, runs, n, &s);
	return f;
}

/* The output ordering of the merged totals, in memory or in runs. */
struct ordering {
	struct tally o;
	struct run_set runs;
};

static void
to_ordering(struct count *c, const struct run_rec *r, void *arg)
{
	struct ordering *ord = arg;

	order_add(c, &ord->o, &ord->runs, r);
}

static void
finish_spilled(struct count *c)
{
	struct ordering ord = { .runs = { NULL, NULL, 0 } };
	struct sink s = { to_ordering, &ord };
	struct run_merge m;
	long i;

	if (c->t.n > 0)
		spill(c);
	tally_free(&c->t);
	tally_init(&ord.o, c->docs);
	merge_runs(c, c->runs.f, c->runs.n, &s);
	run_set_free(&c->runs);
	if (ord.runs.n == 0) {
		c->t = ord.o;
		c->groups_noted = true;
		finish_in_memory(c);
		return;
	}
	if (ord.o.n > 0)
		order_spill(c, &ord.o, &ord.runs);
	tally_free(&ord.o);
	run_merge_init(&m, ord.runs.f, ord.runs.n, rec_order);
	while ((i = run_merge_min(&m)) >= 0) {
		struct run_rec *r = &m.rec[i];

		emit(c, r->key.p, r->key.len, r->glen, r->count, r->docs);
		run_merge_next(&m, (size_t)i);
	}
	run_merge_free(&m);
	run_set_free(&ord.runs);
}

int
main(int argc, char *argv[])
{
	enum { OPT_FREQ = 256, OPT_TFIDF, OPT_MERGE, OPT_PROGRESS, OPT_PARTIAL };
	static const struct option longopts[] = {
		{ "fields", required_argument, NULL, 'f' },
		{ "by", required_argument, NULL, 'b' },
		{ "top", required_argument, NULL, 'n' },
		{ "min", required_argument, NULL, 'm' },
		{ "docs", no_argument, NULL, 'd' },
		{ "freq", no_argument, NULL, OPT_FREQ },
		{ "tfidf", no_argument, NULL, OPT_TFIDF },
		{ "ignore-case", no_argument, NULL, 'i' },
		{ "merge", no_argument, NULL, OPT_MERGE },
		{ "partial-docs", no_argument, NULL, OPT_PARTIAL },
		{ "progress", no_argument, NULL, OPT_PROGRESS },
		{ "memory-limit", required_argument, NULL, 'S' },
		{ "doc-col", required_argument, NULL, INPUT_OPT_DOC_COL },
		INPUT_LONGOPTS,
		{ "no-header", no_argument, NULL, 'N' },
		{ "output", required_argument, NULL, 'o' },
		ROWOUT_LONGOPTS,
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	struct count c = { 0 };
	const char *output = NULL;
	enum rowout_format ofmt = ROWOUT_TSV;
	bool ok = true;
	int ch, i, li;

	prog_init();
	opt_init(usage);
	c.limit = (size_t)DEFAULT_LIMIT;
	while ((li = -1, ch = getopt_long(argc, argv, "b:df:im:n:No:S:hV", longopts, &li)) !=
	    -1) {
		switch (ch) {
		case 'f':
			c.keyspec = optarg;
			break;
		case 'b':
			c.byspec = optarg;
			break;
		case 'n':
			c.top = opt_count(opt_name(longopts, li, ch), optarg, 0, UINT64_MAX);
			break;
		case 'm':
			c.min = opt_count(opt_name(longopts, li, ch), optarg, 0, UINT64_MAX);
			break;
		case 'd':
			c.docs = true;
			break;
		case OPT_FREQ:
			c.freq = true;
			break;
		case OPT_TFIDF:
			c.tfidf = true;
			break;
		case 'i':
			c.fold = true;
			break;
		case OPT_PARTIAL:
			c.docruns.partial = true;
			break;
		case OPT_MERGE:
			c.merge = true;
			break;
		case OPT_PROGRESS:
			progress_start(PROGRESS_ON);
			break;
		case 'S':
			c.limit = opt_size(opt_name(longopts, li, ch), optarg, MIN_LIMIT, SIZE_MAX);
			break;
		case 'N':
			c.noheader = true;
			break;
		case 'o':
			output = optarg;
			break;
		case 'h':
			usage(0);
			break;
		case 'V':
			prog_version();
		default:
			if (!rowout_getopt(ch, &ofmt) && !input_option(ch, optarg))
				usage(2);
		}
	}
	argc -= optind;
	argv += optind;
	if (c.tfidf && c.byspec == NULL) {
		warnx("--tfidf needs --by (the documents, as in --by doc)");
		usage(2);
	}
	if (c.keyspec == NULL && !c.merge) {
		warnx("no key columns: use -f");
		usage(2);
	}
	tally_init(&c.t, c.docs);
	tally_init(&c.groups, 0);
	tally_init(&c.df, 0);
	docrun_init(&c.docruns, c.docruns.partial);
	out_open(output);
	rowout_start(ofmt, !c.noheader);
	prog_files(&argc, &argv);
	for (i = 0; i < argc; i++)
		ok &= count_file(&c, argv[i]);
	write_header(&c);
	if (c.runs.n > 0)
		finish_spilled(&c);
	else
		finish_in_memory(&c);
	progress_end();
	out_exit(ok ? 0 : 2);
}
