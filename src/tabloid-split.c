#include "config.h"

#include <err.h>
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lib/abbrev.h"
#include "lib/cols.h"
#include "lib/data.h"
#include "lib/docid.h"
#include "lib/docout.h"
#include "lib/fold.h"
#include "lib/input.h"
#include "lib/opt.h"
#include "lib/out.h"
#include "lib/prog.h"
#include "lib/progress.h"
#include "lib/rowout.h"
#include "lib/sbuf.h"
#include "lib/seg.h"
#include "lib/tsv.h"

enum unit { UNIT_SENT, UNIT_PARA, UNIT_DOC };

struct split {
	struct abbrev ab;
	enum unit unit;
	bool noheader;
	bool header_done;
	struct sbuf pass;	/* escaped pass-through fields, each ending in TAB */
	struct sbuf pass_hdr;	/* their names, for the header */
	struct cols_pass pass_cols;	/* the columns passed through (none under -N) */
	struct seg_doc doc;
	struct seg_spans paras;
	struct seg_spans sents;
	struct sbuf text;
	struct sbuf folds;
	struct fold_map ws;	/* folds, parsed, when decoded */
	struct fold_map chain;	/* folds of text through map, when decoded */
	struct sbuf docbuf;
	const struct fold_map *map;	/* the decoded document back to its bytes, or NULL */
	size_t off;		/* bytes before the document's text (a BOM) */
	bool pass_known;	/* the first input's pass-through columns are known */
	size_t pass_nf;		/* how many there are */
};

static void
usage(int status)
{
	if (status != 0) {
		fprintf(stderr, "usage: tabloid-split [-N] [-o file | -O dir] [-u sent|para|doc] "
		    "[-a file] [--id name] [--id-style style] [--last-wins] [--tsv | --csv] "
		    "[--itsv | --icsv | --ijsonl] [--ifs sep] [--encoding enc] [--doc-col col] [--text-col col] "
		    "[--otsv | --ocsv | --ojsonl] [--progress] [file | dir ...]\n"
		    "Try 'tabloid-split --help' for more information.\n");
		exit(status);
	}
	printf("usage: tabloid-split [-N] [-o file | -O dir] [-u sent|para|doc] [-a file] "
	    "[--id name] [--id-style style] [--last-wins] [--tsv | --csv]\n"
	    "                     [--itsv | --icsv | --ijsonl] [--ifs sep] [--encoding enc] [--doc-col col]\n"
	    "                     [--text-col col] [--otsv | --ocsv | --ojsonl] [--progress]\n"
	    "                     [file | dir ...]\n\n"
	    "Split news articles into sentences, paragraphs or documents, one TSV row each.\n\n"
	    "  -N, --no-header     write no header line (read none with --tsv)\n"
	    "  -o, --output FILE   write to FILE, replaced only when complete\n"
	    "  -O, --output-dir DIR\n"
	    "                      write each document to DIR/DOCID.tsv (.csv, .jsonl),\n"
	    "                      replaced only when the whole run is complete\n"
	    ROWOUT_HELP("                      ")
	    "  -u, --unit UNIT     sent (default), para or doc\n"
	    "  -a, --abbrev FILE   add the abbreviations in FILE\n"
	    "      --id NAME       document id for standard input (default -)\n"
	    "      --id-style S    ids of files under a directory: relative (default),\n"
	    "                      name or path, without the extension\n"
	    "      --last-wins     of two files with one id, keep the later\n"
	    "      --tsv           inputs are TSV with doc and text columns (as --itsv)\n"
	    "      --csv           inputs are CSV with doc and text columns (as --icsv)\n"
	    "      --ijsonl        read JSON Lines, one object a line\n"
	    INPUT_HELP("                      ")
	    INPUT_ENC_HELP("                      ")
	    "      --progress      show progress on standard error about once a second\n"
	    "  -h, --help          show this help and exit\n"
	    "  -V, --version       show the version and exit\n\n"
	    "Output columns: doc para sent start end fold text (see tabloid-split(1)).\n");
	prog_stdout_exit();
}

static void
write_header(struct split *sp)
{
	if (sp->header_done)
		return;
	sp->header_done = true;
	if (sp->noheader)
		return;
	out_str("doc\t");
	out_write(sp->pass_hdr.p, sp->pass_hdr.len);
	out_str(sp->unit == UNIT_SENT ? "para\tsent\t" : sp->unit == UNIT_PARA ? "para\t" : "");
	out_str("start\tend\tfold\ttext\n");
}

static void
write_fields(struct split *sp, const char *id, size_t idlen, size_t para, size_t sent,
    size_t start, size_t end)
{
	struct rowout_field f[8] = {
		{ ROWOUT_TEXT, id, idlen, 0 },
		{ ROWOUT_COLS, sp->pass.p, sp->pass.len, 0 },
	};
	size_t n = 2;

	if (sp->unit != UNIT_DOC)
		f[n++] = (struct rowout_field){ ROWOUT_NUM, NULL, 0, para };
	if (sp->unit == UNIT_SENT)
		f[n++] = (struct rowout_field){ ROWOUT_NUM, NULL, 0, sent };
	f[n++] = (struct rowout_field){ ROWOUT_NUM, NULL, 0, start };
	f[n++] = (struct rowout_field){ ROWOUT_NUM, NULL, 0, end };
	f[n++] = (struct rowout_field){ ROWOUT_TEXT, sp->folds.p, sp->folds.len, 0 };
	f[n++] = (struct rowout_field){ ROWOUT_TEXT, sp->text.p, sp->text.len, 0 };
	rowout_row(f, n);
}

static void
write_row(struct split *sp, const char *id, size_t idlen, const char *s,
    size_t para, size_t sent, struct seg_span span)
{
	size_t start = span.start, end = span.end;

	sbuf_reset(&sp->text);
	sbuf_reset(&sp->folds);
	fold_text(&sp->text, &sp->folds, s + span.start, span.end - span.start);
	if (sp->map != NULL) {
		fold_parse(&sp->ws, sp->folds.p, sp->folds.len);
		fold_chain(&sp->chain, sp->text.p, sp->text.len, &sp->ws, span.start, sp->map);
		sbuf_reset(&sp->folds);
		fold_format(&sp->folds, &sp->chain);
		start = fold_offset(sp->map, start);
		end = fold_offset(sp->map, end);
	}
	write_fields(sp, id, idlen, para, sent, start + sp->off, end + sp->off);
}

static void
split_doc(struct split *sp, const char *file, uint64_t line, const char *id, size_t idlen,
    const char *s, size_t n)
{
	size_t i, j, sent = 0;

	write_header(sp);
	docout_start(id, idlen, false, file, line);
	sp->off = n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
	n -= sp->off;
	s = input_decode(file, line, s + sp->off, &n, &sp->map);
	seg_doc_init(&sp->doc, &sp->ab, s, n);
	sp->paras.n = 0;
	seg_paragraphs(&sp->doc, &sp->paras);
	if (sp->unit == UNIT_DOC) {
		if (sp->paras.n > 0) {
			struct seg_span all = { sp->paras.v[0].start, sp->paras.v[sp->paras.n - 1].end };

			write_row(sp, id, idlen, s, 0, 0, all);
		}
		return;
	}
	for (i = 0; i < sp->paras.n; i++) {
		struct seg_span p = sp->paras.v[i];

		if (sp->unit == UNIT_PARA) {
			write_row(sp, id, idlen, s, i + 1, 0, p);
			continue;
		}
		sp->sents.n = 0;
		seg_sentences(&sp->doc, p, &sp->sents);
		for (j = 0; j < sp->sents.n; j++)
			write_row(sp, id, idlen, s, i + 1, ++sent, sp->sents.v[j]);
	}
}

static int
read_all(const char *path, struct sbuf *b)
{
	int fd = strcmp(path, "-") == 0 ? STDIN_FILENO : open(path, O_RDONLY);
	ssize_t n;

	if (fd == -1)
		return -1;
	sbuf_reset(b);
	for (;;) {
		sbuf_grow(b, 64 * 1024);
		n = read(fd, b->p + b->len, b->cap - b->len - 1);
		if (n == 0)
			break;
		if (n < 0) {
			if (errno == EINTR)
				continue;
			if (fd != STDIN_FILENO)
				close(fd);
			return -1;
		}
		b->len += (size_t)n;
	}
	if (fd != STDIN_FILENO)
		close(fd);
	return 0;
}

static bool
split_file(struct split *sp, const char *path, const char *id)
{
	if (read_all(path, &sp->docbuf) != 0) {
		warn("%s", path);
		return false;
	}
	progress_read(sp->docbuf.len);
	split_doc(sp, path, 0, id, strlen(id), sp->docbuf.p, sp->docbuf.len);
	progress_doc();
	return true;
}

/* The columns split writes after doc and the pass-through columns. */
static const char *const *
own_names(enum unit unit)
{
	static const char *const sent[] = { "para", "sent", "start", "end", "fold", "text", NULL };

	return unit == UNIT_SENT ? sent : unit == UNIT_PARA ? sent + 1 : sent + 2;
}

/* Column i of the input is passed through, between doc and the unit's columns. */
static bool
passes(const struct split *sp, size_t i, size_t doc, size_t text)
{
	return i != doc && i != text &&
	    (sp->pass_cols.keep == NULL || cols_passes(&sp->pass_cols, i));
}

/*
 * The pass-through columns of an input with a header: every input must
 * have the first one's, or the rows would not match the header written.
 * A column with the name of one split writes is not passed through.
 */
static void
set_pass_header(struct split *sp, const char *name, char **names, size_t n, size_t doc,
    size_t text, bool escape)
{
	struct tsv_header names_h = { .n = n, .names = names };
	struct sbuf h = { 0 };
	size_t i;

	cols_pass_free(&sp->pass_cols);
	cols_pass_init(&sp->pass_cols, &names_h, n, own_names(sp->unit));
	for (i = 0; i < n; i++) {
		if (!passes(sp, i, doc, text))
			continue;
		if (escape)
			tsv_escape(&h, names[i], strlen(names[i]));
		else
			sbuf_add(&h, names[i], strlen(names[i]));
		sbuf_addc(&h, '\t');
	}
	if (!sp->pass_known) {
		sbuf_reset(&sp->pass_hdr);
		sbuf_add(&sp->pass_hdr, h.p, h.len);
		sp->pass_known = true;
		sp->pass_nf = n - 2;
	} else if (h.len != sp->pass_hdr.len || (h.len > 0 && memcmp(h.p, sp->pass_hdr.p, h.len) != 0))
		errx(2, "%s: line 1: the columns besides doc and text differ from the first input's",
		    name);
	sbuf_free(&h);
}

/* Under -N, every input has as many pass-through fields as the first. */
static void
check_pass_count(struct split *sp, const char *name, uint64_t line, size_t n)
{
	if (!sp->pass_known) {
		sp->pass_known = true;
		sp->pass_nf = n;
	} else if (n != sp->pass_nf)
		errx(2, "%s: line %llu: expected %zu fields as in the first input, found %zu",
		    name, (unsigned long long)line, sp->pass_nf + 2, n + 2);
}

/* The doc and text columns of a table, from its header or first record. */
static void
table_cols(struct input *in, size_t nf, size_t *doc, size_t *text)
{
	*doc = (size_t)input_doc_col(in, nf, in->have_header ? -2 : 0);
	*text = (size_t)input_text_col(in, nf, (long)nf - 1);
	if (*text == *doc)
		input_fail(in, "expected a doc and a text column, found %s", nf == 1 ?
		    "1 column" : "one column for both");
}

static bool
split_table(struct split *sp, const char *path)
{
	struct input in;
	size_t doc = 0, text = 0, i;
	bool known = false;

	if (input_open(&in, path, sp->noheader) != 0) {
		warn("%s", path);
		return false;
	}
	if (in.have_header) {
		table_cols(&in, in.h.n, &doc, &text);
		set_pass_header(sp, in.r.name, in.h.names, in.h.n, doc, text, false);
		known = true;
	}
	while (input_next(&in)) {
		char *t;
		size_t tl, idl;

		if (in.row.n < 2)
			input_fail(&in, "expected a doc and a text column, found %zu field", in.row.n);
		if (!known) {
			table_cols(&in, in.row.n, &doc, &text);
			check_pass_count(sp, in.r.name, in.r.lineno, in.row.n - 2);
			known = true;
		}
		sbuf_reset(&sp->pass);
		for (i = 0; i < in.row.n; i++) {
			if (!passes(sp, i, doc, text))
				continue;
			sbuf_add(&sp->pass, in.row.f[i], in.row.len[i]);
			sbuf_addc(&sp->pass, '\t');
		}
		t = in.row.f[text];
		tl = tsv_unescape(t, in.row.len[text], t);
		idl = tsv_unescape(in.row.f[doc], in.row.len[doc], in.row.f[doc]);
		split_doc(sp, in.r.name, in.r.lineno, in.row.f[doc], idl, t, tl);
	}
	input_close(&in);
	sbuf_reset(&sp->pass);
	return true;
}

static void
load_abbrev(struct abbrev *ab, const char *name)
{
	char *path = data_find(name, NULL, NULL);

	if (abbrev_load(ab, path) != 0)
		data_fail(name, NULL, NULL, path);
	free(path);
}

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		{ "no-header", no_argument, NULL, 'N' },
		{ "output", required_argument, NULL, 'o' },
		ROWOUT_LONGOPTS,
		{ "output-dir", required_argument, NULL, 'O' },
		{ "unit", required_argument, NULL, 'u' },
		{ "abbrev", required_argument, NULL, 'a' },
		{ "id", required_argument, NULL, 'I' },
		{ "tsv", no_argument, NULL, 'T' },
		{ "csv", no_argument, NULL, 'C' },
		{ "ijsonl", no_argument, NULL, INPUT_OPT_IJSONL },
		INPUT_LONGOPTS,
		INPUT_ENC_LONGOPTS,
		INPUT_COL_LONGOPTS,
		{ "id-style", required_argument, NULL, 'S' },
		{ "last-wins", no_argument, NULL, 'L' },
		{ "progress", no_argument, NULL, 'P' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	struct split sp = { 0 };
	struct docid_files files = { 0 };
	const char *output = NULL, *outdir = NULL, *id = "-", *dest = NULL;
	int style = DOCID_RELATIVE;
	enum rowout_format ofmt = ROWOUT_TSV;
	bool last_wins = false, table = false;
	char **extra = xcalloc((size_t)argc + 1, sizeof *extra);
	size_t nextra = 0, i;
	int ch, li;
	bool ok = true;

	prog_init();
	opt_init(usage);
	while ((li = -1, ch = getopt_long(argc, argv, "Na:o:O:u:hV", longopts, &li)) != -1) {
		switch (ch) {
		case 'N':
			sp.noheader = true;
			break;
		case 'o':
			opt_exclusive(&dest, "-o");
			output = optarg;
			break;
		case 'O':
			opt_exclusive(&dest, "-O");
			outdir = optarg;
			break;
		case 'u':
			if (strcmp(optarg, "sent") == 0)
				sp.unit = UNIT_SENT;
			else if (strcmp(optarg, "para") == 0)
				sp.unit = UNIT_PARA;
			else if (strcmp(optarg, "doc") == 0)
				sp.unit = UNIT_DOC;
			else
				opt_bad(opt_name(longopts, li, ch), optarg,
				    "is not a unit: use sent, para or doc");
			break;
		case 'a':
			extra[nextra++] = optarg;
			break;
		case 'I':
			id = optarg;
			break;
		case 'S':
			if ((style = docid_style_parse(optarg)) < 0)
				opt_bad(opt_name(longopts, li, ch), optarg,
				    "is not an id style: use relative, name or path");
			break;
		case 'L':
			last_wins = true;
			break;
		case 'P':
			progress_start(PROGRESS_ON);
			break;
		case 'T':
			input_set_format(INPUT_TSV, "--tsv");
			table = true;
			break;
		case 'C':
			input_set_format(INPUT_CSV, "--csv");
			table = true;
			break;
		case 'h':
			usage(0);
			break;
		case 'V':
			prog_version();
		default:
			if (rowout_getopt(ch, &ofmt))
				break;
			if (!input_option(ch, optarg))
				usage(2);
			table |= input_format_option(ch);
		}
	}
	argc -= optind;
	argv += optind;

	abbrev_init(&sp.ab);
	load_abbrev(&sp.ab, "abbrev-en.txt");
	for (i = 0; i < nextra; i++)
		load_abbrev(&sp.ab, extra[i]);
	out_open(output);
	rowout_start(ofmt, !sp.noheader);
	if (outdir != NULL)
		docout_open(outdir, rowout_ext(ofmt));
	prog_files(&argc, &argv);
	ok = docid_expand(argv, (size_t)argc, style, table ? DOCID_KEEP :
	    last_wins ? DOCID_LAST_WINS : DOCID_REFUSE, id, &files);
	for (i = 0; i < files.n; i++) {
		if (table)
			ok &= split_table(&sp, files.v[i].path);
		else
			ok &= split_file(&sp, files.v[i].path, files.v[i].id);
	}
	write_header(&sp);
	progress_end();
	docid_files_free(&files);
	free(extra);
	docout_exit(ok ? 0 : 2);
}
