#include "config.h"

#include <err.h>
#include <getopt.h>
#include <libstemmer.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/abbrev.h"
#include "lib/cols.h"
#include "lib/data.h"
#include "lib/docout.h"
#include "lib/fold.h"
#include "lib/input.h"
#include "lib/opt.h"
#include "lib/out.h"
#include "lib/prog.h"
#include "lib/progress.h"
#include "lib/rowout.h"
#include "lib/sbuf.h"
#include "lib/strset.h"
#include "lib/tok.h"
#include "lib/utf8.h"

struct tokenize {
	struct abbrev ab;
	bool noheader, lower, nfkc, nopunct, stem, join;
	struct strset *stop;		/* --stopwords, or NULL */
	struct sb_stemmer *stemmer;	/* --stem, or NULL */
	bool header_done;
	struct tsv_header first;	/* header of the first file */
	struct tok_list toks;
	struct input_maps maps;
	struct sbuf form;		/* a normalised token */
	const char *out;		/* the token as written out */
	size_t outlen;			/* its length */
	struct sbuf key;		/* case-folded token for stop words */
	struct sbuf joined;		/* --join text */
	struct sbuf prefix;		/* pass-through fields of the row */
	struct sbuf doc;		/* -O: the current document's id */
	bool indoc;			/* -O: a document has begun */
};

/* Columns of the current file. */
struct cols {
	struct cols_text t;	/* the text and its offsets */
	struct cols_pass pass;	/* the columns passed through */
};

/* The columns tokenize writes after those passed through. */
static const char *const tok_names[] = { "tok", "tok_start", "tok_end", "tok_kind", "token",
	NULL };
static const char *const no_names[] = { NULL };

static void
usage(int status)
{
	if (status != 0) {
		fprintf(stderr, "usage: tabloid-tokenize [-N] [-o file | -O dir] [-f column] [--lower] "
		    "[--nfkc] [--no-punct]\n"
		    "                        [--stopwords file] [--stem] [--join] [--progress]\n"
		    "                        [--otsv | --ocsv | --ojsonl] [file ...]\n"
		    "Try 'tabloid-tokenize --help' for more information.\n");
		exit(status);
	}
	printf("usage: tabloid-tokenize [-N] [-o file | -O dir] [-f column] [--lower] [--nfkc] "
	    "[--no-punct]\n"
	    "                        [--stopwords file] [--stem] [--join] [--progress]\n"
	    "                        [--itsv | --icsv] [--ifs sep] [--encoding enc] [--doc-col col]\n"
	    "                        [--text-col col] [--otsv | --ocsv | --ojsonl] [file ...]\n\n"
	    "Cut the text column of TSV rows into tokens, one row per token.\n\n"
	    "  -N, --no-header       read and write no header line\n"
	    "  -o, --output FILE     write to FILE, replaced only when complete\n"
	    "  -O, --output-dir DIR  write each document to DIR/DOCID.tsv (.csv, .jsonl),\n"
	    "                        replaced only when the whole run is complete\n"
	    ROWOUT_HELP("                        ")
	    "  -f, --field COLUMN    the text column, as --text-col\n"
	    INPUT_HELP("                        ")
	    INPUT_ENC_HELP("                        ")
	    "      --lower           Unicode case folding of tokens\n"
	    "      --nfkc            NFKC normalisation of tokens\n"
	    "      --no-punct        drop punctuation tokens\n"
	    "      --stopwords FILE  drop tokens listed in FILE ('en' for the English list)\n"
	    "      --stem            Snowball English stemming of word tokens\n"
	    "      --join            one row per input row, tokens joined by spaces\n"
	    "      --progress        show progress on standard error about once a second\n"
	    "  -h, --help            show this help and exit\n"
	    "  -V, --version         show the version and exit\n\n"
	    "Output columns: the input's other columns, then tok tok_start tok_end tok_kind\n"
	    "token.\n");
	prog_stdout_exit();
}

static void
find_cols(struct tokenize *tk, struct input *in, size_t nf, struct cols *c)
{
	const struct tsv_header *h;
	size_t text = (size_t)input_text_col(in, nf, (long)nf - 1);

	input_doc_col(in, nf, -1);
	h = in->have_header ? &in->h : NULL;
	cols_find(&c->t, h, nf, text);
	if (docout_active() && c->t.doc < 0)
		errx(2, "%s: line %llu: no doc column apart from the text, which -O needs",
		    in->r.name, (unsigned long long)in->r.lineno);
	cols_pass_init(&c->pass, h, nf, tk->join ? no_names : tok_names);
	cols_pass_drop(&c->pass, c->t.fold);
	if (tk->join)
		return;
	cols_pass_drop(&c->pass, (long)c->t.text);
	cols_pass_drop(&c->pass, c->t.start);
	cols_pass_drop(&c->pass, c->t.end);
}

static void
write_header(struct tokenize *tk, struct input *in, const struct cols *c)
{
	if (tk->header_done)
		return;
	tk->header_done = true;
	if (in->have_header)
		tsv_header_set(&tk->first, in->h.raw, in->h.rawlen);
	if (tk->noheader || !in->have_header)
		return;
	sbuf_reset(&tk->prefix);
	cols_pass_names(&c->pass, &in->h, &tk->prefix);
	if (!tk->join)
		cols_add_names(tok_names, &tk->prefix);
	if (tk->prefix.len > 0)
		tk->prefix.p[tk->prefix.len - 1] = '\n';
	out_write(tk->prefix.p, tk->prefix.len);
}

/* Work out the token's output form; false when it is dropped. */
static bool
token_form(struct tokenize *tk, const char *s, const struct tok *t)
{
	const char *p = s + t->start;
	size_t n = t->end - t->start;
	bool stem = tk->stem && t->type == TOK_WORD;

	if (tk->nopunct && t->type == TOK_PUNCT)
		return false;
	if (tk->stop != NULL) {
		sbuf_reset(&tk->key);
		utf8_normalize(&tk->key, p, n, true, false);
		if (strset_get(tk->stop, tk->key.p, tk->key.len) > 0)
			return false;
	}
	if (!tk->lower && !tk->nfkc && !stem) {
		tk->out = p;
		tk->outlen = n;
		return true;
	}
	sbuf_reset(&tk->form);
	utf8_normalize(&tk->form, p, n, tk->lower || stem, tk->nfkc);
	if (stem) {
		const sb_symbol *r = sb_stemmer_stem(tk->stemmer,
		    (const sb_symbol *)tk->form.p, (int)tk->form.len);

		if (r != NULL) {
			size_t rl = (size_t)sb_stemmer_length(tk->stemmer);

			sbuf_reset(&tk->form);
			sbuf_add(&tk->form, r, rl);
		}
	}
	tk->out = tk->form.p;
	tk->outlen = tk->form.len;
	return true;
}

static void
write_joined(struct tokenize *tk, struct input *in, const struct cols *c)
{
	bool first = true;
	size_t i;

	for (i = 0; i < in->row.n; i++) {
		if (!cols_passes(&c->pass, i))
			continue;
		if (!first)
			out_byte('\t');
		first = false;
		if (i == c->t.text)
			out_escaped(tk->joined.p, tk->joined.len);
		else
			out_write(in->row.f[i], in->row.len[i]);
	}
	out_byte('\n');
}

/* -O: a row of another document than the last row's starts a file. */
static void
next_doc(struct tokenize *tk, struct input *in, const struct cols *c)
{
	const char *id = in->row.f[c->t.doc];
	size_t n = in->row.len[c->t.doc];

	if (tk->indoc && tk->doc.len == n && memcmp(tk->doc.p, id, n) == 0)
		return;
	docout_start(id, n, true, in->r.name, in->r.lineno);
	sbuf_reset(&tk->doc);
	sbuf_add(&tk->doc, id, n);
	tk->indoc = true;
}

static void
write_token(struct tokenize *tk, size_t i, const struct tok *t, size_t base,
    const struct fold_map *map)
{
	struct rowout_field f[] = {
		{ ROWOUT_COLS, tk->prefix.p, tk->prefix.len, 0 },
		{ ROWOUT_NUM, NULL, 0, i + 1 },
		{ ROWOUT_NUM, NULL, 0, base + (map != NULL ? fold_offset(map, t->start) : t->start) },
		{ ROWOUT_NUM, NULL, 0, base + (map != NULL ? fold_offset(map, t->end) : t->end) },
		{ ROWOUT_WORD, tok_type_name(t->type), tok_type_len(t->type), 0 },
		{ ROWOUT_TEXT, tk->out, tk->outlen, 0 },
	};

	rowout_row(f, sizeof f / sizeof f[0]);
}

static void
tokenize_row(struct tokenize *tk, struct input *in, const struct cols *c)
{
	const char *s;
	size_t n, base, i;
	const struct fold_map *map = input_text(in, &c->t, &tk->maps, &s, &n, &base);

	tok_text(&tk->ab, s, n, &tk->toks);
	sbuf_reset(&tk->joined);
	if (!tk->join) {
		sbuf_reset(&tk->prefix);
		cols_pass_row(&c->pass, &in->row, &tk->prefix);
	}
	for (i = 0; i < tk->toks.n; i++) {
		const struct tok *t = &tk->toks.v[i];

		if (!token_form(tk, s, t))
			continue;
		if (tk->join) {
			if (tk->joined.len > 0)
				sbuf_addc(&tk->joined, ' ');
			sbuf_add(&tk->joined, tk->out, tk->outlen);
			continue;
		}
		write_token(tk, i, t, base, map);
	}
	if (tk->join)
		write_joined(tk, in, c);
}

static bool
tokenize_file(struct tokenize *tk, const char *path)
{
	struct input in;
	struct cols c;
	bool cols_known = false;

	if (input_open(&in, path, tk->noheader) != 0) {
		warn("%s", path);
		return false;
	}
	if (in.have_header && tk->header_done && tk->first.raw != NULL &&
	    !tsv_header_is(&tk->first, in.h.raw, in.h.rawlen))
		errx(2, "%s: header differs from the first input's", in.r.name);
	if (in.have_header) {
		input_need_text(&in, input_opts.text_col);
		find_cols(tk, &in, in.h.n, &c);
		cols_known = true;
		write_header(tk, &in, &c);
	}
	while (input_next(&in)) {
		if (!cols_known) {
			find_cols(tk, &in, in.row.n, &c);
			cols_known = true;
			tk->header_done = true;
		}
		if (docout_active())
			next_doc(tk, &in, &c);
		tokenize_row(tk, &in, &c);
	}
	if (cols_known)
		cols_pass_free(&c.pass);
	input_close(&in);
	return true;
}

static struct strset *
load_stopwords(const char *name)
{
	char *path = data_find(name, "stopwords-", ".txt");
	struct strset *s = strset_new();

	if (strset_load_words(s, path) != 0)
		data_fail(name, "stopwords-", ".txt", path);
	free(path);
	return s;
}

int
main(int argc, char *argv[])
{
	enum { OPT_LOWER = 256, OPT_NFKC, OPT_NOPUNCT, OPT_STOP, OPT_STEM, OPT_JOIN, OPT_PROGRESS };
	static const struct option longopts[] = {
		{ "no-header", no_argument, NULL, 'N' },
		{ "output", required_argument, NULL, 'o' },
		ROWOUT_LONGOPTS,
		{ "output-dir", required_argument, NULL, 'O' },
		{ "field", required_argument, NULL, 'f' },
		INPUT_LONGOPTS,
		INPUT_ENC_LONGOPTS,
		INPUT_COL_LONGOPTS,
		{ "lower", no_argument, NULL, OPT_LOWER },
		{ "nfkc", no_argument, NULL, OPT_NFKC },
		{ "no-punct", no_argument, NULL, OPT_NOPUNCT },
		{ "stopwords", required_argument, NULL, OPT_STOP },
		{ "stem", no_argument, NULL, OPT_STEM },
		{ "join", no_argument, NULL, OPT_JOIN },
		{ "progress", no_argument, NULL, OPT_PROGRESS },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	struct tokenize tk = { 0 };
	const char *output = NULL, *outdir = NULL, *dest = NULL, *stopfile = NULL;
	char *abpath;
	bool ok = true;
	int ch, i;
	enum rowout_format ofmt = ROWOUT_TSV;

	prog_init();
	opt_init(usage);
	while ((ch = getopt_long(argc, argv, "No:O:f:hV", longopts, NULL)) != -1) {
		switch (ch) {
		case 'N':
			tk.noheader = true;
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
		case OPT_LOWER:
			tk.lower = true;
			break;
		case OPT_NFKC:
			tk.nfkc = true;
			break;
		case OPT_NOPUNCT:
			tk.nopunct = true;
			break;
		case OPT_STOP:
			stopfile = optarg;
			break;
		case OPT_STEM:
			tk.stem = true;
			break;
		case OPT_JOIN:
			tk.join = true;
			break;
		case OPT_PROGRESS:
			progress_start(PROGRESS_ON);
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

	abbrev_init(&tk.ab);
	abpath = data_find("abbrev-en.txt", NULL, NULL);
	if (abbrev_load(&tk.ab, abpath) != 0)
		data_fail("abbrev-en.txt", NULL, NULL, abpath);
	free(abpath);
	if (stopfile != NULL)
		tk.stop = load_stopwords(stopfile);
	if (tk.stem && (tk.stemmer = sb_stemmer_new("english", "UTF_8")) == NULL)
		errx(2, "cannot start the English stemmer");
	out_open(output);
	rowout_start(ofmt, !tk.noheader);
	if (outdir != NULL)
		docout_open(outdir, rowout_ext(ofmt));
	prog_files(&argc, &argv);
	for (i = 0; i < argc; i++)
		ok &= tokenize_file(&tk, argv[i]);
	progress_end();
	if (tk.stemmer != NULL)
		sb_stemmer_delete(tk.stemmer);
	docout_exit(ok ? 0 : 2);
}
