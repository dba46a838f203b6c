#include "config.h"

#include <err.h>
#include <errno.h>
#include <getopt.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lib/abbrev.h"
#include "lib/cols.h"
#include "lib/data.h"
#include "lib/docout.h"
#include "lib/fold.h"
#include "lib/nermem.h"
#include "lib/nerhtml.h"
#include "lib/gaz.h"
#include "lib/input.h"
#include "lib/ner.h"
#include "lib/nerdata.h"
#include "lib/opt.h"
#include "lib/out.h"
#include "lib/prog.h"
#include "lib/progress.h"
#include "lib/rowout.h"
#include "lib/sbuf.h"
#include "lib/docrun.h"
#include "lib/strset.h"
#include "lib/tok.h"

enum mode { MODE_MENTIONS, MODE_BIO, MODE_INLINE, MODE_HTML };

/* A document read and tokenized, waiting to be tagged and written. */
struct job {
	struct ner_doc doc;
	bool tokens;			/* read from token rows */
	struct sbuf pre;		/* pass-through fields of every sentence */
	size_t *preoff;			/* offset of each sentence's fields in pre */
	size_t *prelen;
	size_t cappre;
	struct sbuf tokrows;		/* --bio with token input: the rows */
	size_t *tokfirst;		/* first ner token of each input token */
	size_t ntok, captok;
	struct docout_doc *out;		/* -O: the document's file */
	struct sbuf id;			/* --html: the document's id */
	uint64_t *para;			/* --html: each sentence's paragraph */
	bool has_para;			/* the input has a para column */
};

/* Jobs in the ring between the reader and the tagger; the reader's wake-ups. */
#define NJOBS 8
#define JOB_BATCH 4

struct tagger {
	struct ner ner;
	bool learn;			/* --memory: learn names for later runs */
	struct job jobs[NJOBS];
	struct job *j;			/* the job being read */
	bool threads;			/* tag in a second thread */
	pthread_t worker;
	pthread_mutex_t lock;
	pthread_cond_t more, room;	/* jobs to tag; free jobs to fill */
	size_t filled, tagged;		/* jobs handed over, and tagged */
	bool worker_waits, reader_waits;
	bool done;			/* no more jobs */
	enum mode mode;
	uint32_t types;			/* --types mask */
	bool noheader, header_done;
	struct tsv_header first;	/* header of the first file */
	struct sbuf docid;		/* the current document's id */
	bool indoc;
	bool sent_open;			/* token rows: a sentence is open */
	struct docrun runs;		/* each document's rows together */
	struct input_maps maps;
	struct sbuf cur;		/* pass-through fields of the current row */
	struct nerhtml html;		/* --html: the page */
};

/* Columns of the current file. */
struct cols {
	bool tokens;		/* token rows (tok tok_start tok_end tok_kind token) */
	long tok, kind;		/* token rows: tok and tok_kind, or -1 */
	struct cols_text t;	/* the text (or token) and its offsets */
	long para;		/* the para column, or -1 */
	struct cols_pass pass;	/* the columns passed through */
	struct cols_pass bio;	/* --bio over token rows: the columns kept */
};

/* The columns written after those passed through, in each mode. */
static const char *const mention_names[] = { "ent_start", "ent_end", "ent_label", "entity",
	"mention", NULL };
static const char *const bio_names[] = { "tok", "tok_start", "tok_end", "token", "tag", NULL };
static const char *const inline_names[] = { "text", NULL };
static const char *const tag_name[] = { "tag", NULL };

static void
usage(int status)
{
	FILE *f = status ? stderr : stdout;

	fprintf(f, "usage: tabloid-tag-entities [-N] [-o file | -O dir] [-f column] [-g file]\n"
	    "                            [-t types] [--bio | --inline | --html] [--memory file]\n"
	    "                            [--threads n] [--partial-docs] [--progress]\n"
	    "                            [--itsv | --icsv]\n"
	    "                            [--ifs sep] [--encoding enc] [--doc-col col]\n"
	    "                            [--text-col col]\n"
	    "                            [--otsv | --ocsv | --ojsonl]\n"
	    "                            [file ...]\n");
	if (status != 0) {
		fprintf(f, "Try 'tabloid-tag-entities --help' for more information.\n");
		exit(status);
	}
	printf("\nFind the people, organisations, places, groups, dates, times, amounts\n"
	    "of money and percentages that sentence or token rows mention.\n\n"
	    "  -N, --no-header       read and write no header line\n"
	    "  -o, --output FILE     write to FILE, replaced only when complete\n"
	    "  -O, --output-dir DIR  write each document to DIR/DOCID.tsv (.csv, .jsonl; in\n"
	    "                        any mode), replaced only when the whole run is complete\n"
	    ROWOUT_HELP("                        ")
	    "  -f, --field COLUMN    the text column of sentence rows, as --text-col\n"
	    INPUT_HELP("                        ")
	    INPUT_ENC_HELP("                        ")
	    "  -g, --gazetteer FILE  add the names in FILE (NAME TAB TYPE [TAB ENTITY]); they win\n"
	    "  -t, --types LIST      only these types (comma-separated; default all)\n"
	    "      --bio             one row per token with a BIO tag\n"
	    "      --inline          one row per sentence, mentions marked [LABEL mention]\n"
	    "      --html            one HTML page for people: the text, mentions\n"
	    "                        highlighted by type, a legend and contents\n"
	    "      --memory FILE     read names learnt by earlier runs from FILE, merge this\n"
	    "                        run's into it at the end\n"
	    "      --threads N       1: read and tag in turn; 2: read the next document while\n"
	    "                        one is tagged (default 2 with more than one processor)\n"
	    DOCRUN_HELP("                        ")
	    "      --progress        show progress on standard error about once a second\n"
	    "  -h, --help            show this help and exit\n"
	    "  -V, --version         show the version and exit\n\n"
	    "Types: PERSON ORG GPE LOC NORP DATE TIME MONEY PERCENT.\n"
	    "Output columns: the input's other columns, then ent_start ent_end ent_label\n"
	    "entity mention.\n");
	prog_stdout_exit();
}

static uint32_t
parse_types(const char *name, const char *arg)
{
	const char *s = arg;
	uint32_t mask = 0;

	while (*s != '\0') {
		size_t n = strcspn(s, ",");
		char buf[16];
		int t;
		size_t i;

		for (i = 0; i < n && i < sizeof buf; i++)
			buf[i] = (s[i] >= 'a' && s[i] <= 'z') ? (char)(s[i] - 32) : s[i];
		if (n == 0 || n >= sizeof buf || (t = gaz_type_parse(buf, n)) < 0 ||
		    t >= GAZ_NENTITY) {
			char bad[64];

			snprintf(bad, sizeof bad, "%.*s", (int)(n < 60 ? n : 60), s);
			opt_bad(name, bad, "is not a type");
		}
		mask |= GAZ_BIT(t);
		s += n;
		if (*s == ',')
			s++;
	}
	if (mask == 0)
		opt_bad(name, arg, "names no type");
	return mask;
}

/* The word lists of the data directory: stop words, then common words. */
static long
find(struct input *in, const char *name)
{
	return in->have_header ? tsv_header_find(&in->h, name) : -1;
}

static const char *const *
own_names(const struct tagger *tg)
{
	if (tg->mode == MODE_BIO)
		return bio_names;
	return tg->mode == MODE_INLINE ? inline_names : mention_names;
}

static void
find_cols(struct tagger *tg, struct input *in, size_t nf, struct cols *c)
{
	const struct tsv_header *h;
	size_t text;
	long k;

	docrun_columns(&tg->runs, in);
	input_doc_col(in, nf, -1);
	h = in->have_header ? &in->h : NULL;
	k = find(in, "token");
	c->tok = find(in, "tok");
	c->kind = find(in, "tok_kind");
	c->para = find(in, "para");
	c->tokens = k >= 0 && c->tok >= 0 && find(in, "tok_start") >= 0 &&
	    find(in, "tok_end") >= 0 && input_opts.text_col == NULL;
	if (c->tokens)
		text = (size_t)k;
	else
		text = (size_t)input_text_col(in, nf, (long)nf - 1);
	cols_find(&c->t, h, nf, text);
	if (docout_active() && c->t.doc < 0)
		errx(2, "%s: line %llu: no doc column apart from the text, which -O needs",
		    in->r.name, (unsigned long long)in->r.lineno);
	cols_pass_init(&c->pass, h, nf, own_names(tg));
	cols_pass_drop(&c->pass, (long)c->t.text);
	cols_pass_drop(&c->pass, c->t.start);
	cols_pass_drop(&c->pass, c->t.end);
	cols_pass_drop(&c->pass, c->t.fold);
	if (c->tokens) {
		cols_pass_drop(&c->pass, c->tok);
		cols_pass_drop(&c->pass, c->kind);
	}
	cols_pass_init(&c->bio, h, nf, tag_name);
	cols_pass_drop(&c->bio, c->kind);
}

static void
free_cols(struct cols *c)
{
	cols_pass_free(&c->pass);
	cols_pass_free(&c->bio);
}

static void
write_header(struct tagger *tg, struct input *in, const struct cols *c)
{
	if (tg->header_done)
		return;
	tg->header_done = true;
	if (in->have_header)
		tsv_header_set(&tg->first, in->h.raw, in->h.rawlen);
	if (tg->noheader || !in->have_header || tg->mode == MODE_HTML)
		return;
	sbuf_reset(&tg->cur);
	if (c->tokens && tg->mode == MODE_BIO) {
		cols_pass_names(&c->bio, &in->h, &tg->cur);
		cols_add_names(tag_name, &tg->cur);
	} else {
		cols_pass_names(&c->pass, &in->h, &tg->cur);
		cols_add_names(own_names(tg), &tg->cur);
	}
	tg->cur.p[tg->cur.len - 1] = '\n';
	out_write(tg->cur.p, tg->cur.len);
}

static void
row_prefix(struct tagger *tg, struct input *in, const struct cols *c)
{
	sbuf_reset(&tg->cur);
	cols_pass_row(&c->pass, &in->row, &tg->cur);
}

/* The paragraph number of the current row: its para column, or 0. */
static uint64_t
row_para(const struct input *in, const struct cols *c)
{
	uint64_t v = 0;
	size_t i;

	if (c->para < 0 || (size_t)c->para >= in->row.n)
		return 0;
	for (i = 0; i < in->row.len[c->para]; i++)
		v = v * 10 + (uint64_t)(in->row.f[c->para][i] - '0');
	return v;
}

static void
keep_prefix(struct tagger *tg, size_t si, const struct input *in, const struct cols *c)
{
	if (si >= tg->j->cappre) {
		tg->j->cappre = tg->j->cappre ? 2 * tg->j->cappre : 256;
		tg->j->preoff = xrealloc(tg->j->preoff, tg->j->cappre * sizeof *tg->j->preoff);
		tg->j->prelen = xrealloc(tg->j->prelen, tg->j->cappre * sizeof *tg->j->prelen);
		tg->j->para = xrealloc(tg->j->para, tg->j->cappre * sizeof *tg->j->para);
	}
	tg->j->para[si] = row_para(in, c);
	tg->j->has_para = c->para >= 0;
	tg->j->preoff[si] = tg->j->pre.len;
	tg->j->prelen[si] = tg->cur.len;
	sbuf_add(&tg->j->pre, tg->cur.p, tg->cur.len);
}

static void
write_text(const struct ner_doc *d, const struct ner_mention *m)
{
	size_t s = d->t[m->tb].s, e = d->t[m->te - 1].e;

	out_escaped(d->text.p + s, e - s);
}

static void
write_mentions(const struct tagger *tg, const struct job *j)
{
	const struct ner_doc *d = &j->doc;
	size_t k;

	for (k = 0; k < d->nm; k++) {
		const struct ner_mention *m = &d->m[k];

		if (!(tg->types & GAZ_BIT(m->type)))
			continue;
		out_write(j->pre.p + j->preoff[m->sent], j->prelen[m->sent]);
		out_u64(m->ob);
		out_byte('\t');
		out_u64(m->oe);
		out_byte('\t');
		out_str(gaz_type_name(m->type));
		out_byte('\t');
		out_escaped(d->canon.p + m->canon, m->clen);
		out_byte('\t');
		write_text(d, m);
		out_byte('\n');
	}
}

/* The tag of ner token i: 'B', 'I' or 'O', and the mention's type. */
static int
tag_of(const struct tagger *tg, const struct job *j, size_t i, int *type)
{
	const struct ner_doc *d = &j->doc;
	int32_t m = d->t[i].m;

	if (m < 0 || !(tg->types & GAZ_BIT(d->m[m].type)))
		return 'O';
	*type = d->m[m].type;
	return d->m[m].tb == i ? 'B' : 'I';
}

static void
write_tag(int tag, int type)
{
	out_byte(tag);
	if (tag != 'O') {
		out_byte('-');
		out_str(gaz_type_name((enum gaz_type)type));
	}
}

static void
write_bio_sentences(const struct tagger *tg, const struct job *j)
{
	const struct ner_doc *d = &j->doc;
	size_t si, i;

	for (si = 0; si < d->ns; si++) {
		const struct ner_sent *S = &d->s[si];

		for (i = S->tb; i < S->te; i++) {
			int type = 0, tag = tag_of(tg, j, i, &type);

			out_write(j->pre.p + j->preoff[si], j->prelen[si]);
			out_u64(i - S->tb + 1);
			out_byte('\t');
			out_u64(d->t[i].os);
			out_byte('\t');
			out_u64(d->t[i].oe);
			out_byte('\t');
			out_escaped(d->text.p + d->t[i].s, d->t[i].e - d->t[i].s);
			out_byte('\t');
			write_tag(tag, type);
			out_byte('\n');
		}
	}
}

/* --bio over token rows: each input row with the tag of its first part. */
static void
write_bio_tokens(const struct tagger *tg, const struct job *j)
{
	const struct ner_doc *d = &j->doc;
	const char *p = j->tokrows.p, *end = p + j->tokrows.len;
	size_t k = 0;

	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t i = j->tokfirst[k++], x;
		int type = 0, tag = tag_of(tg, j, i, &type);

		if (tag == 'O')
			for (x = i + 1; x < (k < j->ntok ? j->tokfirst[k] : d->nt); x++)
				if ((tag = tag_of(tg, j, x, &type)) != 'O') {
					tag = d->m[d->t[x].m].tb == x ? 'B' : 'I';
					break;
				}
		out_write(p, (size_t)(nl - p));
		out_byte('\t');
		write_tag(tag, type);
		out_byte('\n');
		p = nl + 1;
	}
}

static void
write_inline(const struct tagger *tg, const struct job *j)
{
	const struct ner_doc *d = &j->doc;
	size_t si, i;

	for (si = 0; si < d->ns; si++) {
		const struct ner_sent *S = &d->s[si];
		size_t pos = S->s;

		out_write(j->pre.p + j->preoff[si], j->prelen[si]);
		for (i = S->tb; i < S->te; i++) {
			int type = 0, tag = tag_of(tg, j, i, &type);
			const struct ner_mention *m;

			if (tag != 'B')
				continue;
			m = &d->m[d->t[i].m];
			out_escaped(d->text.p + pos, d->t[i].s - pos);
			out_byte('[');
			out_str(gaz_type_name(m->type));
			out_byte(' ');
			write_text(d, m);
			out_byte(']');
			pos = d->t[m->te - 1].e;
		}
		out_escaped(d->text.p + pos, S->e - pos);
		out_byte('\n');
	}
}

/* Tag job j's document and write it. */
static void
tag_job(struct tagger *tg, struct job *j)
{
	ner_tag(&tg->ner, &j->doc, tg->learn);
	docout_begin(j->out);
	if (tg->mode == MODE_BIO)
		j->tokens ? write_bio_tokens(tg, j) : write_bio_sentences(tg, j);
	else if (tg->mode == MODE_INLINE)
		write_inline(tg, j);
	else if (tg->mode == MODE_HTML)
		nerhtml_doc(&tg->html, j->id.p ? j->id.p : "", j->id.len, &j->doc,
		    j->has_para ? j->para : NULL, tg->types);
	else
		write_mentions(tg, j);
}

/* The tagging thread: the jobs in turn, until the reader is done. */
static void *
worker(void *arg)
{
	struct tagger *tg = arg;

	for (;;) {
		struct job *j;
		bool idle;

		pthread_mutex_lock(&tg->lock);
		while (tg->filled == tg->tagged && !tg->done) {
			tg->worker_waits = true;
			pthread_cond_wait(&tg->more, &tg->lock);
			tg->worker_waits = false;
		}
		idle = tg->filled == tg->tagged;
		pthread_mutex_unlock(&tg->lock);
		if (idle)
			return NULL;
		j = &tg->jobs[tg->tagged % NJOBS];
		tag_job(tg, j);
		pthread_mutex_lock(&tg->lock);
		tg->tagged++;
		if (tg->reader_waits && tg->filled - tg->tagged <= NJOBS - JOB_BATCH)
			pthread_cond_signal(&tg->room);
		pthread_mutex_unlock(&tg->lock);
	}
}

/*
 * Hand the job just read to the tagger and move on to the next free one.
 * When the ring is full the reader sleeps until a batch of jobs is free,
 * so that it wakes once per batch rather than per document.  When the
 * tagger has a backlog, look up the job's words here first.
 */
static void
hand_over(struct tagger *tg)
{
	size_t backlog;

	if (!tg->threads) {
		tag_job(tg, tg->j);
		return;
	}
	pthread_mutex_lock(&tg->lock);
	backlog = tg->filled - tg->tagged;
	pthread_mutex_unlock(&tg->lock);
	if (backlog >= 2)
		ner_lookup(&tg->j->doc);
	pthread_mutex_lock(&tg->lock);
	tg->filled++;
	if (tg->worker_waits)
		pthread_cond_signal(&tg->more);
	while (tg->filled - tg->tagged == NJOBS) {
		tg->reader_waits = true;
		pthread_cond_wait(&tg->room, &tg->lock);
		tg->reader_waits = false;
	}
	pthread_mutex_unlock(&tg->lock);
	tg->j = &tg->jobs[tg->filled % NJOBS];
}

static void
start_worker(struct tagger *tg, int threads)
{
	tg->j = &tg->jobs[0];
	if (threads < 2)
		return;
	pthread_mutex_init(&tg->lock, NULL);
	pthread_cond_init(&tg->more, NULL);
	pthread_cond_init(&tg->room, NULL);
	tg->threads = pthread_create(&tg->worker, NULL, worker, tg) == 0;
}

static void
stop_worker(struct tagger *tg)
{
	if (!tg->threads)
		return;
	pthread_mutex_lock(&tg->lock);
	tg->done = true;
	pthread_cond_signal(&tg->more);
	pthread_mutex_unlock(&tg->lock);
	pthread_join(tg->worker, NULL);
	tg->threads = false;
}

static void
flush_doc(struct tagger *tg, bool tokens)
{
	if (!tg->indoc)
		return;
	if (tg->sent_open)
		ner_end_sentence(&tg->j->doc);
	tg->sent_open = false;
	tg->j->tokens = tokens;
	hand_over(tg);
	docrun_end(&tg->runs, tg->docid.p, tg->docid.len);
	tg->indoc = false;
}

static void
start_doc(struct tagger *tg, struct input *in, const char *id, size_t n, bool tokens)
{
	flush_doc(tg, tokens);
	tg->j->out = docout_claim(id, n, true, in->r.name, in->r.lineno);
	docrun_begin(&tg->runs, in, id, n);
	sbuf_reset(&tg->docid);
	sbuf_add(&tg->docid, id, n);
	sbuf_reset(&tg->j->id);
	sbuf_add(&tg->j->id, id, n);
	ner_doc_reset(&tg->j->doc);
	sbuf_reset(&tg->j->pre);
	sbuf_reset(&tg->j->tokrows);
	tg->j->ntok = 0;
	tg->indoc = true;
}

static bool
same_doc(const struct tagger *tg, const char *id, size_t n)
{
	return tg->indoc && tg->docid.len == n && memcmp(tg->docid.p, id, n) == 0;
}

static void
sentence_row(struct tagger *tg, struct input *in, const struct cols *c)
{
	const struct cols_text *ct = &c->t;
	const char *s;
	size_t n, base, si;
	const struct fold_map *map;
	const char *id = ct->doc >= 0 ? in->row.f[ct->doc] : "";
	size_t idlen = ct->doc >= 0 ? in->row.len[ct->doc] : 0;

	if (ct->doc < 0 || !same_doc(tg, id, idlen))
		start_doc(tg, in, id, idlen, false);
	map = input_text(in, ct, &tg->maps, &s, &n, &base);
	row_prefix(tg, in, c);
	si = ner_add_sentence(&tg->ner, &tg->j->doc, s, n, base, map);
	keep_prefix(tg, si, in, c);
}

/* --bio over token rows keeps each row, without its tok_kind and tag columns. */
static void
keep_token_row(struct tagger *tg, struct input *in, const struct cols *c)
{
	struct sbuf *b = &tg->j->tokrows;

	cols_pass_row(&c->bio, &in->row, b);
	if (b->len > 0 && b->p[b->len - 1] == '\t')
		b->len--;
	sbuf_addc(b, '\n');
}

static void
token_row(struct tagger *tg, struct input *in, const struct cols *c)
{
	const struct cols_text *ct = &c->t;
	const char *id = ct->doc >= 0 ? in->row.f[ct->doc] : "";
	size_t idlen = ct->doc >= 0 ? in->row.len[ct->doc] : 0, os, oe, first;
	struct ner_doc *d;
	int type = -1;
	char *s;
	size_t n;
	bool space;

	if (!same_doc(tg, id, idlen))
		start_doc(tg, in, id, idlen, true);
	d = &tg->j->doc;
	os = input_offset(in, (size_t)ct->start);
	oe = input_offset(in, (size_t)ct->end);
	if (oe < os)
		input_fail(in, "end %zu before start %zu", oe, os);
	if (tg->mode == MODE_BIO)
		keep_token_row(tg, in, c);
	row_prefix(tg, in, c);
	if (!tg->sent_open || tg->j->prelen[d->ns] != tg->cur.len ||
	    memcmp(tg->j->pre.p + tg->j->preoff[d->ns], tg->cur.p, tg->cur.len) != 0) {
		if (tg->sent_open)
			ner_end_sentence(d);
		ner_begin_sentence(d);
		keep_prefix(tg, d->ns, in, c);
		tg->sent_open = true;
		space = true;
	} else
		space = d->nraw == 0 || d->raw[d->nraw - 1].oe < os;
	if (c->kind >= 0 &&
	    (type = tok_type_parse(in->row.f[c->kind], in->row.len[c->kind])) < 0)
		input_fail(in, "'%.*s' is not a token kind",
		    (int)(in->row.len[c->kind] > 40 ? 40 : in->row.len[c->kind]), in->row.f[c->kind]);
	s = in->row.f[ct->text];
	n = tsv_unescape(s, in->row.len[ct->text], s);
	first = ner_add_token(&tg->ner, d, s, n, os, oe, type, space);
	if (tg->j->ntok == tg->j->captok) {
		tg->j->captok = tg->j->captok ? 2 * tg->j->captok : 1024;
		tg->j->tokfirst = xrealloc(tg->j->tokfirst, tg->j->captok * sizeof *tg->j->tokfirst);
	}
	tg->j->tokfirst[tg->j->ntok++] = first;
}

static bool
tag_file(struct tagger *tg, const char *path)
{
	struct input in;
	struct cols c;
	bool cols_known = false;

	if (input_open(&in, path, tg->noheader) != 0) {
		warn("%s", path);
		return false;
	}
	if (in.have_header && tg->header_done && tg->first.raw != NULL &&
	    !tsv_header_is(&tg->first, in.h.raw, in.h.rawlen))
		errx(2, "%s: header differs from the first input's", in.r.name);
	if (in.have_header) {
		input_need_text(&in, input_opts.text_col);
		find_cols(tg, &in, in.h.n, &c);
		cols_known = true;
		write_header(tg, &in, &c);
	}
	while (input_next(&in)) {
		if (!cols_known) {
			find_cols(tg, &in, in.row.n, &c);
			cols_known = true;
			tg->header_done = true;
		}
		if (c.tokens)
			token_row(tg, &in, &c);
		else
			sentence_row(tg, &in, &c);
	}
	flush_doc(tg, cols_known && c.tokens);
	if (cols_known)
		free_cols(&c);
	input_close(&in);
	return true;
}

int
main(int argc, char *argv[])
{
	enum { OPT_BIO = 256, OPT_INLINE, OPT_MEMORY, OPT_THREADS, OPT_PROGRESS, OPT_PARTIAL,
		OPT_HTML };
	static const struct option longopts[] = {
		{ "no-header", no_argument, NULL, 'N' },
		{ "output", required_argument, NULL, 'o' },
		ROWOUT_LONGOPTS,
		{ "output-dir", required_argument, NULL, 'O' },
		{ "field", required_argument, NULL, 'f' },
		INPUT_LONGOPTS,
		INPUT_ENC_LONGOPTS,
		INPUT_COL_LONGOPTS,
		{ "gazetteer", required_argument, NULL, 'g' },
		{ "types", required_argument, NULL, 't' },
		{ "bio", no_argument, NULL, OPT_BIO },
		{ "inline", no_argument, NULL, OPT_INLINE },
		{ "html", no_argument, NULL, OPT_HTML },
		{ "memory", required_argument, NULL, OPT_MEMORY },
		{ "threads", required_argument, NULL, OPT_THREADS },
		{ "progress", no_argument, NULL, OPT_PROGRESS },
		{ "partial-docs", no_argument, NULL, OPT_PARTIAL },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	static struct tagger tg;
	struct abbrev ab;
	struct gaz gaz;
	const char *output = NULL, *outdir = NULL, *dest = NULL, *memory = NULL, **user = NULL;
	const char *mode = NULL, *rowfmt = NULL;
	char *path;
	size_t nuser = 0, k;
	bool ok = true;
	enum rowout_format ofmt = ROWOUT_TSV;
	int ch, i, li, threads = sysconf(_SC_NPROCESSORS_ONLN) > 1 ? 2 : 1;

	prog_init();
	opt_init(usage);
	tg.types = GAZ_ENTITY_MASK;
	user = xcalloc((size_t)argc + 1, sizeof *user);
	while ((li = -1, ch = getopt_long(argc, argv, "No:O:f:g:t:hV", longopts, &li)) != -1) {
		switch (ch) {
		case 'N':
			tg.noheader = true;
			break;
		case 'o':
			opt_exclusive(&dest, "-o");
			output = optarg;
			break;
		case 'O':
			opt_exclusive(&dest, "-O");
			outdir = optarg;
			break;
		case 'f':
			input_option(INPUT_OPT_TEXT_COL, optarg);
			break;
		case 'g':
			user[nuser++] = optarg;
			break;
		case 't':
			tg.types = parse_types(opt_name(longopts, li, ch), optarg);
			break;
		case OPT_BIO:
			opt_exclusive(&mode, "--bio");
			tg.mode = MODE_BIO;
			break;
		case OPT_INLINE:
			opt_exclusive(&mode, "--inline");
			tg.mode = MODE_INLINE;
			break;
		case OPT_HTML:
			opt_exclusive(&mode, "--html");
			tg.mode = MODE_HTML;
			break;
		case OPT_MEMORY:
			memory = optarg;
			break;
		case OPT_THREADS:
			threads = (int)opt_count(opt_name(longopts, li, ch), optarg, 1, 2);
			break;
		case OPT_PROGRESS:
			progress_start(PROGRESS_ON);
			break;
		case OPT_PARTIAL:
			tg.runs.partial = true;
			break;
		case 'h':
			usage(0);
			break;
		case 'V':
			prog_version();
		default:
			if (rowout_getopt(ch, &ofmt))
				rowfmt = opt_name(longopts, li, ch);
			else if (!input_option(ch, optarg))
				usage(2);
		}
	}
	argc -= optind;
	argv += optind;
	if (tg.mode == MODE_HTML && (rowfmt != NULL || outdir != NULL)) {
		warnx("--html writes one page for people: %s does not apply",
		    rowfmt != NULL ? rowfmt : "-O");
		usage(2);
	}

	abbrev_init(&ab);
	path = data_find("abbrev-en.txt", NULL, NULL);
	if (abbrev_load(&ab, path) != 0)
		data_fail("abbrev-en.txt", NULL, NULL, path);
	free(path);
	gaz_init(&gaz, &ab);
	nerdata_gazetteers(&gaz);
	for (k = 0; k < nuser; k++)
		if (gaz_load(&gaz, user[k], true) != 0)
			err(2, "%s", user[k]);
	free(user);
	ner_init(&tg.ner, &ab, &gaz);
	nerdata_words(&tg.ner, &gaz);
	if (memory != NULL)
		nermem_load(&tg.ner.learnt, memory);
	tg.learn = memory != NULL;
	docrun_init(&tg.runs, tg.runs.partial);
	out_open(output);
	rowout_start(ofmt, !tg.noheader);
	if (outdir != NULL)
		docout_open(outdir, rowout_ext(ofmt));
	prog_files(&argc, &argv);
	start_worker(&tg, threads);
	for (i = 0; i < argc; i++)
		ok &= tag_file(&tg, argv[i]);
	stop_worker(&tg);
	progress_end();
	if (tg.mode == MODE_HTML)
		nerhtml_end(&tg.html);
	if (memory != NULL && ok)
		nermem_save(memory, &ab, &tg.ner.learnt, &tg.ner.fresh, tg.ner.maxlearnt);
	docout_exit(ok ? 0 : 2);
}
