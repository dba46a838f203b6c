#include "config.h"

#include <err.h>
#include <getopt.h>
#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/input.h"
#include "lib/out.h"
#include "lib/prog.h"
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
	struct sbuf names;		/* output header, key columns */

	struct tally t;			/* the counts */
	FILE **runs;			/* spilled runs */
	size_t nruns;
	struct sbuf kbuf, fbuf, lastdoc;
	uint64_t docserial;
	struct tally groups;		/* group totals, for --freq */
	struct tally df;		/* documents per key, for --tfidf */
	uint64_t ngroups;
};

static void
usage(int status)
{
	static const char synopsis[] =
	    "usage: tabloid-count [-iN] [-f columns] [--by columns] [-n top] [--min count]\n"
	    "                     [--docs] [--freq] [--tfidf] [--merge] [--memory-limit size]\n"
	    "                     [-o file] [file ...]\n";

	if (status != 0) {
		fprintf(stderr, "%sTry 'tabloid-count --help' for more information.\n", synopsis);
		exit(status);
	}
	printf("%s\nCount TSV rows by key, most frequent first.\n\n"
	    "  -f, --fields COLS      key columns, by name or number (doc,3,5-7)\n"
	    "  -b, --by COLS          count within groups of these columns\n"
	    "  -n, --top N            keep the N most frequent keys of each group\n"
	    "  -m, --min N            drop keys counted fewer than N times\n"
	    "  -d, --docs             add the number of documents (doc column) per key\n"
	    "      --freq             add each key's share of its group's total\n"
	    "      --tfidf            add tf-idf weights; groups are the documents\n"
	    "  -i, --ignore-case      fold the key columns with Unicode case folding\n"
	    "      --merge            sum count output (the reduce step of parallel jobs)\n"
	    "  -S, --memory-limit N   spill to temporary files past N bytes (K, M, G; 1G)\n"
	    "  -N, --no-header        read and write no header line\n"
	    "  -o, --output FILE      write to FILE, replaced only when complete\n"
	    "  -h, --help             show this help and exit\n"
	    "  -V, --version          show the version and exit\n", synopsis);
	exit(0);
}

static uint64_t
parse_number(const char *s, const char *what)
{
	char *end;
	unsigned long long v;

	if (*s < '0' || *s > '9')
		errx(2, "%s: '%s' is not a number", what, s);
	v = strtoull(s, &end, 10);
	if (*end != '\0')
		errx(2, "%s: '%s' is not a number", what, s);
	return v;
}

static size_t
parse_size(const char *s)
{
	char *end;
	unsigned long long v = strtoull(s, &end, 10);
	unsigned long long m = 1;

	if (end == s)
		errx(2, "--memory-limit: '%s' is not a size", s);
	switch (*end) {
	case 'k': case 'K': m = 1024; end++; break;
	case 'm': case 'M': m = 1024 * 1024; end++; break;
	case 'g': case 'G': m = 1024 * 1024 * 1024; end++; break;
	case '\0': break;
	default: errx(2, "--memory-limit: '%s' is not a size", s);
	}
	if (*end != '\0' || v == 0 || v > SIZE_MAX / m)
		errx(2, "--memory-limit: '%s' is not a size", s);
	return (size_t)(v * m);
}

/* Column names of the header, for messages. */
static const char *
header_list(const struct tsv_header *h)
{
	static struct sbuf b;
	size_t i;

	sbuf_reset(&b);
	for (i = 0; i < h->n; i++) {
		if (i > 0)
			sbuf_add(&b, ", ", 2);
		sbuf_add(&b, h->names[i], strlen(h->names[i]));
	}
	return b.p != NULL ? b.p : "";
}

static size_t
cols(struct input *in, const char *spec, size_t nf, size_t **idx)
{
	char msg[256];
	size_t n = tsv_cols_parse(spec, in->have_header ? &in->h : NULL, nf, idx, msg,
	    sizeof msg);

	if (n == 0) {
		if (in->have_header)
			errx(2, "%s: %s (%s)", in->r.name, msg, header_list(&in->h));
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

static void
resolve_cols(struct count *c, struct input *in, size_t nf)
{
	size_t i;

	if (c->byspec != NULL)
		c->nby = cols(in, c->byspec, nf, &c->by);
	c->countcol = c->docscol = c->doccol = -1;
	if (c->merge) {
		c->countcol = find_named(in, "count", (long)nf - 1);
		if (c->countcol < 0)
			errx(2, "%s: no column 'count' in the header (%s)", in->r.name,
			    header_list(&in->h));
		c->docscol = in->have_header ? tsv_header_find(&in->h, "docs") : -1;
		if (c->docscol >= 0)
			c->docs = true;
	} else if (c->docs) {
		c->doccol = find_named(in, "doc", 0);
		if (c->doccol < 0)
			errx(2, "%s: --docs needs a 'doc' column (%s)", in->r.name,
			    header_list(&in->h));
	}
	if (c->keyspec != NULL)
		c->nkey = cols(in, c->keyspec, nf, &c->key);
	else if (c->merge)
		merge_default_keys(c, in, nf);
	else
		errx(2, "no key columns: use -f");
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
ent_order(const void *a, const void *b)
{
	const struct tally_ent *x = *(struct tally_ent *const *)a;
	const struct tally_ent *y = *(struct tally_ent *const *)b;

	return order_cmp(x->key, x->len, x->glen, x->count, y->key, y->len, y->glen, y->count);
}

static int
ent_key(const void *a, const void *b)
{
	const struct tally_ent *x = *(struct tally_ent *const *)a;
	const struct tally_ent *y = *(struct tally_ent *const *)b;

	return tally_keycmp(x->key, x->len, y->key, y->len);
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

static struct tally_ent **
sorted(struct tally *t, int (*cmp)(const void *, const void *))
{
	struct tally_ent **v = xcalloc(t->n, sizeof *v);
	size_t i;

	for (i = 0; i < t->n; i++)
		v[i] = &t->ent[i];
	qsort(v, t->n, sizeof *v, cmp);
	return v;
}

static void
spill(struct count *c)
{
	struct tally_ent **v;
	FILE *f;
	size_t i;

	if (c->tfidf)
		errx(2, "--tfidf needs every count in memory: raise --memory-limit (now %zu bytes)",
		    c->limit);
	v = sorted(&c->t, ent_key);
	f = run_create();
	for (i = 0; i < c->t.n; i++)
		run_write(f, v[i]->key, v[i]->len, v[i]->glen, v[i]->count, v[i]->docs,
		    v[i]->firstdoc, v[i]->lastdoc);
	free(v);
	c->runs = xrealloc(c->runs, (c->nruns + 1) * sizeof *c->runs);
	c->runs[c->nruns++] = f;
	tally_clear(&c->t);
}

static void
add(struct count *c, struct input *in, uint64_t n, uint64_t docs, size_t glen)
{
	struct tally_ent *e = tally_get(&c->t, c->kbuf.p, c->kbuf.len, glen);

	if (e->count + n < e->count)
		input_fail(in, "count overflows 64 bits");
	if (e->count == 0)
		e->firstdoc = c->docserial;
	e->count += n;
	if (c->merge)
		e->docs += docs;
	else if (c->docs && (e->docs == 0 || e->lastdoc != c->docserial)) {
		e->docs++;
		e->lastdoc = c->docserial;
	}
	if (tally_bytes(&c->t) > c->limit)
		spill(c);
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

static void
append_cols(struct count *c, struct input *in, const size_t *idx, size_t n, bool fold)
{
	size_t i;

	for (i = 0; i < n; i++) {
		const char *p = in->row.f[idx[i]];
		size_t len = in->row.len[idx[i]];

		if (i > 0)
			sbuf_addc(&c->kbuf, '\t');
		if (fold)
			utf8_normalize(&c->kbuf, p, len, true, false);
		else
			sbuf_add(&c->kbuf, p, len);
	}
}

static void
track_doc(struct count *c, struct input *in)
{
	const char *d = in->row.f[c->doccol];
	size_t n = in->row.len[c->doccol];

	if (c->docserial > 0 && n == c->lastdoc.len && memcmp(d, c->lastdoc.p, n) == 0)
		return;
	c->docserial++;
	sbuf_reset(&c->lastdoc);
	sbuf_add(&c->lastdoc, d, n);
}

static void
count_row(struct count *c, struct input *in)
{
	uint64_t n = 1, docs = 0;
	size_t glen = 0;

	sbuf_reset(&c->kbuf);
	if (c->nby > 0) {
		append_cols(c, in, c->by, c->nby, false);
		glen = c->kbuf.len;
		sbuf_addc(&c->kbuf, '\t');
	}
	append_cols(c, in, c->key, c->nkey, c->fold);
	if (c->merge) {
		n = field_number(in, (size_t)c->countcol, "count");
		if (c->docscol >= 0)
			docs = field_number(in, (size_t)c->docscol, "docs");
	} else if (c->docs)
		track_doc(c, in);
	add(c, in, n, docs, glen);
}

static bool
count_file(struct count *c, const char *path)
{
	struct input in;

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
		count_row(c, &in);
	}
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
	return tally_get(&c->groups, key, glen, glen)->count;
}

static double
tfidf(struct count *c, const char *key, size_t len, size_t glen, uint64_t n)
{
	size_t off = glen > 0 ? glen + 1 : 0;
	uint64_t df = tally_get(&c->df, key + off, len - off, 0)->count;
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
	g = tally_get(&c->groups, key, glen, glen);
	if (g->count == 0)
		c->ngroups++;
	g->count += n;
	if (c->tfidf)
		tally_get(&c->df, key + off, len - off, 0)->count++;
}

/* An entry with its tf-idf weight, for ordering by weight. */
struct weighted {
	struct tally_ent *e;
	double w;
};

static int
weighted_order(const void *a, const void *b)
{
	const struct weighted *x = a, *y = b;
	int g = tally_keycmp(x->e->key, x->e->glen, y->e->key, y->e->glen);

	if (g != 0)
		return g;
	if (x->w != y->w)
		return x->w > y->w ? -1 : 1;
	return tally_keycmp(x->e->key, x->e->len, y->e->key, y->e->len);
}

static void
finish_tfidf(struct count *c)
{
	struct weighted *v = xcalloc(c->t.n, sizeof *v);
	size_t i;

	for (i = 0; i < c->t.n; i++) {
		struct tally_ent *e = &c->t.ent[i];

		v[i].e = e;
		v[i].w = tfidf(c, e->key, e->len, e->glen, e->count);
	}
	qsort(v, c->t.n, sizeof *v, weighted_order);
	for (i = 0; i < c->t.n; i++)
		emit(c, v[i].e->key, v[i].e->len, v[i].e->glen, v[i].e->count, v[i].e->docs);
	free(v);
}

static void
finish_in_memory(struct count *c)
{
	struct tally_ent **v;
	size_t i;

	for (i = 0; i < c->t.n; i++)
		note_group(c, c->t.ent[i].key, c->t.ent[i].len, c->t.ent[i].glen,
		    c->t.ent[i].count);
	if (c->tfidf) {
		finish_tfidf(c);
		return;
	}
	v = sorted(&c->t, ent_order);
	for (i = 0; i < c->t.n; i++)
		emit(c, v[i]->key, v[i]->len, v[i]->glen, v[i]->count, v[i]->docs);
	free(v);
}

static void
order_spill(struct tally *o, FILE ***runs, size_t *nruns)
{
	struct tally_ent **v = sorted(o, ent_order);
	FILE *f = run_create();
	size_t i;

	for (i = 0; i < o->n; i++)
		run_write(f, v[i]->key, v[i]->len, v[i]->glen, v[i]->count, v[i]->docs, 0, 0);
	free(v);
	*runs = xrealloc(*runs, (*nruns + 1) * sizeof **runs);
	(*runs)[(*nruns)++] = f;
	tally_clear(o);
}

/* Put one aggregated record into the output ordering. */
static void
order_add(struct count *c, struct tally *o, FILE ***runs, size_t *nruns,
    const struct run_rec *r)
{
	struct tally_ent *e;

	note_group(c, r->key.p, r->key.len, r->glen, r->count);
	e = tally_get(o, r->key.p, r->key.len, r->glen);
	e->count = r->count;
	e->docs = r->docs;
	if (tally_bytes(o) > c->limit)
		order_spill(o, runs, nruns);
}

static void
finish_spilled(struct count *c)
{
	struct run_merge m;
	struct run_rec acc = { 0 };
	struct tally o;
	FILE **runs = NULL;
	size_t nruns = 0;
	bool have = false;
	long i;

	if (c->t.n > 0)
		spill(c);
	tally_free(&c->t);
	tally_init(&o);
	run_merge_init(&m, c->runs, c->nruns, rec_key);
	while ((i = run_merge_min(&m)) >= 0) {
		struct run_rec *r = &m.rec[i];

		if (have && rec_key(&acc, r) == 0) {
			acc.count += r->count;
			acc.docs += r->docs - (acc.docs > 0 && r->docs > 0 &&
			    acc.lastdoc == r->firstdoc && !c->merge);
			acc.lastdoc = r->lastdoc;
		} else {
			if (have)
				order_add(c, &o, &runs, &nruns, &acc);
			sbuf_reset(&acc.key);
			sbuf_add(&acc.key, r->key.p, r->key.len);
			acc.glen = r->glen;
			acc.count = r->count;
			acc.docs = r->docs;
			acc.lastdoc = r->lastdoc;
			have = true;
		}
		run_merge_next(&m, (size_t)i);
	}
	if (have)
		order_add(c, &o, &runs, &nruns, &acc);
	run_merge_free(&m);
	sbuf_free(&acc.key);
	if (nruns == 0) {
		c->t = o;
		finish_in_memory(c);
		return;
	}
	if (o.n > 0)
		order_spill(&o, &runs, &nruns);
	tally_free(&o);
	run_merge_init(&m, runs, nruns, rec_order);
	while ((i = run_merge_min(&m)) >= 0) {
		struct run_rec *r = &m.rec[i];

		emit(c, r->key.p, r->key.len, r->glen, r->count, r->docs);
		run_merge_next(&m, (size_t)i);
	}
	run_merge_free(&m);
	free(runs);
}

int
main(int argc, char *argv[])
{
	enum { OPT_FREQ = 256, OPT_TFIDF, OPT_MERGE };
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
		{ "memory-limit", required_argument, NULL, 'S' },
		{ "no-header", no_argument, NULL, 'N' },
		{ "output", required_argument, NULL, 'o' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	struct count c = { 0 };
	const char *output = NULL;
	bool ok = true;
	int ch, i;

	prog_init();
	c.limit = (size_t)DEFAULT_LIMIT;
	while ((ch = getopt_long(argc, argv, "b:df:im:n:No:S:hV", longopts, NULL)) != -1) {
		switch (ch) {
		case 'f':
			c.keyspec = optarg;
			break;
		case 'b':
			c.byspec = optarg;
			break;
		case 'n':
			c.top = parse_number(optarg, "-n");
			break;
		case 'm':
			c.min = parse_number(optarg, "--min");
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
		case OPT_MERGE:
			c.merge = true;
			break;
		case 'S':
			c.limit = parse_size(optarg);
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
	tally_init(&c.t);
	tally_init(&c.groups);
	tally_init(&c.df);
	out_open(output);
	if (argc == 0) {
		static char *dash[] = { "-", NULL };

		argv = dash;
		argc = 1;
	}
	for (i = 0; i < argc; i++)
		ok &= count_file(&c, argv[i]);
	write_header(&c);
	if (c.nruns > 0)
		finish_spilled(&c);
	else
		finish_in_memory(&c);
	out_exit(ok ? 0 : 2);
}
