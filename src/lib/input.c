#include "config.h"

#include <err.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "input.h"
#include "opt.h"
#include "progress.h"

struct input_opts input_opts;

static bool input_ifs_given;

void
input_set_format(enum input_format f, const char *name)
{
	const char *ifs = "--ifs";

	opt_exclusive(&input_opts.format_opt, name);
	if (input_ifs_given && f != INPUT_CSV)
		opt_exclusive(&ifs, name);
	input_opts.format = f;
}

static int
input_ifs(const char *arg)
{
	if (strcmp(arg, ",") == 0 || strcmp(arg, "comma") == 0)
		return ',';
	if (strcmp(arg, ";") == 0 || strcmp(arg, "semicolon") == 0)
		return ';';
	if (strcmp(arg, "tab") == 0 || strcmp(arg, "\t") == 0)
		return '\t';
	opt_bad("--ifs", arg, "is not a separator: use ',', ';' or tab (or comma, semicolon)");
}

bool
input_format_option(int ch)
{
	return ch == INPUT_OPT_ITSV || ch == INPUT_OPT_ICSV || ch == INPUT_OPT_IJSONL ||
	    ch == INPUT_OPT_IFS;
}

bool
input_option(int ch, const char *arg)
{
	switch (ch) {
	case INPUT_OPT_ITSV:
		input_set_format(INPUT_TSV, "--itsv");
		break;
	case INPUT_OPT_ICSV:
		input_set_format(INPUT_CSV, "--icsv");
		break;
	case INPUT_OPT_IJSONL:
		input_set_format(INPUT_JSONL, "--ijsonl");
		break;
	case INPUT_OPT_IFS:
		input_opts.ifs = input_ifs(arg);
		input_ifs_given = true;
		if (input_opts.format_opt != NULL && input_opts.format != INPUT_CSV) {
			const char *ifs = "--ifs";

			opt_exclusive(&ifs, input_opts.format_opt);
		}
		input_opts.format = INPUT_CSV;
		break;
	case INPUT_OPT_DOC_COL:
		input_opts.doc_col = arg;
		break;
	case INPUT_OPT_TEXT_COL:
		input_opts.text_col = arg;
		break;
	case INPUT_OPT_ENCODING:
		if (enc_parse(arg, &input_opts.encoding) != 0)
			opt_bad("--encoding", arg, "is not an encoding: use " ENC_NAMES);
		break;
	default:
		return false;
	}
	return true;
}

/* input_decode()'s text, and the last file warned of for each result. */
static struct enc input_enc;
static char *input_warned[2];

/* Warn once per file and kind of result. */
static void
input_warn_enc(const char *file, uint64_t line, enum enc_result r)
{
	char **last = &input_warned[r == ENC_DECODED];
	char where[48] = "";

	if (*last != NULL && strcmp(*last, file) == 0)
		return;
	free(*last);
	*last = xstrdup(file);
	if (line > 0)
		snprintf(where, sizeof where, ": line %llu", (unsigned long long)line);
	if (r == ENC_DECODED)
		warnx("%s%s: not valid UTF-8; read as Windows-1252 (--encoding chooses)",
		    file, where);
	else
		warnx("%s%s: invalid UTF-8 bytes replaced by U+FFFD", file, where);
}

const char *
input_decode(const char *file, uint64_t line, const char *t, size_t *n,
    const struct fold_map **map)
{
	struct enc *e = &input_enc;
	enum enc_result r = enc_text(e, input_opts.encoding, t, *n);

	*map = NULL;
	if (r == ENC_CLEAN)
		return t;
	if (input_opts.encoding == ENC_AUTO || r == ENC_REPAIRED)
		input_warn_enc(file, line, r);
	*map = &e->map;
	*n = e->u.len;
	return e->u.p;
}

void
input_decode_free(void)
{
	enc_free(&input_enc);
	memset(&input_enc, 0, sizeof input_enc);
	free(input_warned[0]);
	free(input_warned[1]);
	input_warned[0] = input_warned[1] = NULL;
}

const struct fold_map *
input_text(struct input *in, const struct cols_text *ct, struct input_maps *m,
    const char **s, size_t *n, size_t *base)
{
	char *t = in->row.f[ct->text];
	const struct fold_map *dec, *fold = NULL;
	size_t f = (size_t)ct->fold;

	*n = tsv_unescape(t, in->row.len[ct->text], t);
	*base = ct->start >= 0 ? input_offset(in, (size_t)ct->start) : 0;
	if (ct->start >= 0 && ct->fold >= 0 && in->row.len[f] > 0) {
		if (fold_parse(&m->fold, in->row.f[f], in->row.len[f]) != 0)
			input_fail(in, "malformed fold column '%.*s'",
			    (int)(in->row.len[f] > 40 ? 40 : in->row.len[f]), in->row.f[f]);
		fold = &m->fold;
	}
	*s = input_decode(in->r.name, in->r.lineno, t, n, &dec);
	if (dec == NULL)
		return fold;
	fold_chain(&m->chain, *s, *n, dec, 0, fold);
	return &m->chain;
}

void
input_maps_free(struct input_maps *m)
{
	fold_map_free(&m->fold);
	fold_map_free(&m->chain);
}

static void
input_csv_start(struct input *in)
{
	char *line;
	long long n;
	int delim = input_opts.ifs;

	in->r.keepcr = true;
	if ((n = tsv_getline(&in->r, &line)) >= 0) {
		if (delim == 0)
			delim = csvread_detect(line, (size_t)n);
		tsv_ungetline(&in->r, line);
	}
	csvread_init(&in->csv, delim != 0 ? delim : ',');
}

static long long
input_csv_line(struct input *in, char **line)
{
	uint64_t start;
	long long n;

	in->r.lineno = in->phys;
	n = csvread_next(&in->csv, &in->r, line, &start);
	in->phys = in->r.lineno;
	if (n >= 0)
		in->r.lineno = start;
	return n;
}

static bool
input_blank(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r')
			return false;
	return true;
}

/* The next object of a JSON Lines file into in->obj; false at the end. */
static bool
input_json_object(struct input *in)
{
	char msg[256], *line;
	long long n;

	do {
		if ((n = tsv_getline(&in->r, &line)) < 0)
			return false;
	} while (input_blank(line, (size_t)n));
	if (jsonl_parse(&in->obj, line, (size_t)n, msg, sizeof msg) != 0)
		input_fail(in, "%s", msg);
	return true;
}

static void
input_json_header(struct input *in)
{
	struct sbuf b = SBUF_INIT;
	size_t i;

	if (!input_json_object(in))
		return;
	for (i = 0; i < in->obj.n; i++) {
		if (i > 0)
			sbuf_addc(&b, '\t');
		tsv_escape(&b, in->obj.buf.p + in->obj.m[i].key, in->obj.m[i].keylen);
	}
	tsv_header_set(&in->h, b.p != NULL ? b.p : "", b.len);
	tsv_header_set(&in->keys, b.p != NULL ? b.p : "", b.len);
	sbuf_free(&b);
	in->slot = xcalloc(in->h.n + 1, sizeof *in->slot);
	in->have_header = true;
	in->pending = true;
}

/* The object in in->obj as a record with the columns of the header. */
static long long
input_json_record(struct input *in, char **line)
{
	struct sbuf key = SBUF_INIT;
	size_t i;
	long k;

	for (i = 0; i < in->h.n; i++)
		in->slot[i] = SIZE_MAX;
	for (i = 0; i < in->obj.n; i++) {
		sbuf_reset(&key);
		tsv_escape(&key, in->obj.buf.p + in->obj.m[i].key, in->obj.m[i].keylen);
		if ((k = tsv_header_find(&in->keys, key.p != NULL ? key.p : "")) < 0)
			input_fail(in, "member '%.*s' is not in the first object",
			    (int)(key.len > 40 ? 40 : key.len), key.p);
		in->slot[k] = i;
	}
	sbuf_free(&key);
	sbuf_reset(&in->rec);
	for (i = 0; i < in->h.n; i++) {
		const struct jsonl_member *m = &in->obj.m[in->slot[i]];

		if (in->slot[i] == SIZE_MAX)
			input_fail(in, "no member '%s'", in->keys.names[i]);
		if (i > 0)
			sbuf_addc(&in->rec, '\t');
		tsv_escape(&in->rec, in->obj.buf.p + m->val, m->vallen);
	}
	sbuf_grow(&in->rec, 1);
	*line = in->rec.p;
	return (long long)in->rec.len;
}

static long long
input_json_line(struct input *in, char **line)
{
	if (in->pending)
		in->pending = false;
	else if (!input_json_object(in))
		return -1;
	return input_json_record(in, line);
}

/* The next record of the file as a TSV line; -1 at the end. */
static long long
input_getline(struct input *in, char **line)
{
	switch (in->format) {
	case INPUT_CSV:
		return input_csv_line(in, line);
	case INPUT_JSONL:
		return input_json_line(in, line);
	default:
		return tsv_getline(&in->r, line);
	}
}

int
input_open(struct input *in, const char *path, bool noheader)
{
	char *line;
	long long n;
	long k;

	memset(in, 0, sizeof *in);
	in->noheader = noheader;
	in->format = input_opts.format;
	if (tsv_open(&in->r, path) != 0)
		return -1;
	in->r.progress = true;
	if (in->format == INPUT_CSV)
		input_csv_start(in);
	if (in->format == INPUT_JSONL)
		input_json_header(in);
	else if (noheader)
		return 0;
	else if ((n = input_getline(in, &line)) >= 0) {
		tsv_header_set(&in->h, line, (size_t)n);
		in->have_header = true;
	}
	in->nf = in->h.n;
	if (in->have_header && progress_state.on && (k = tsv_header_find(&in->h, "doc")) >= 0) {
		in->docs = true;
		in->doc = (size_t)k;
	}
	return 0;
}

void
input_fail(const struct input *in, const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	errx(2, "%s: line %llu: %s", in->r.name, (unsigned long long)in->r.lineno, msg);
}

const char *
input_columns(const struct input *in)
{
	static struct sbuf b;
	size_t i;

	sbuf_reset(&b);
	for (i = 0; i < in->h.rawlen; i++) {
		if (in->h.raw[i] == '\t')
			sbuf_add(&b, ", ", 2);
		else
			sbuf_addc(&b, in->h.raw[i]);
	}
	return b.p != NULL ? b.p : "";
}

void
input_no_column(const struct input *in, const char *col, const char *opt)
{
	if (!in->have_header)
		errx(2, "%s: no column '%s' (the input has no header)%s%s", in->r.name, col,
		    opt != NULL ? "; use " : "", opt != NULL ? opt : "");
	errx(2, "%s: line 1: no column '%s' (the columns are: %s)%s%s", in->r.name, col,
	    input_columns(in), opt != NULL ? "; use " : "", opt != NULL ? opt : "");
}

/* Column idx, chosen by an option, is called name in the output. */
static long
input_rename(struct input *in, size_t idx, const char *name)
{
	if (in->have_header && idx < in->h.n && strcmp(in->h.names[idx], name) != 0) {
		free(in->h.names[idx]);
		in->h.names[idx] = xstrdup(name);
	}
	return (long)idx;
}

static long
input_col(struct input *in, size_t nf, long dflt, const char *spec, const char *name,
    const char *opt)
{
	char msg[256];
	size_t idx;
	long k;

	if (spec != NULL) {
		if (tsv_col_parse(spec, in->have_header ? &in->h : NULL, nf, &idx, msg,
		    sizeof msg) == 0)
			return input_rename(in, idx, name);
		if (spec[0] != '\0' && strpbrk(spec, ",-") == NULL)
			input_no_column(in, spec, NULL);
		errx(2, "%s: %s: %s", in->r.name, opt, msg);
	}
	if (in->have_header && (k = tsv_header_find(&in->h, name)) >= 0)
		return k;
	if (dflt == -2)
		input_no_column(in, name, opt);
	return dflt;
}

long
input_doc_col(struct input *in, size_t nf, long dflt)
{
	return input_col(in, nf, dflt, input_opts.doc_col, "doc", "--doc-col");
}

long
input_text_col(struct input *in, size_t nf, long dflt)
{
	return input_col(in, nf, dflt, input_opts.text_col, "text", "--text-col");
}

void
input_need_text(const struct input *in, const char *col)
{
	const char *name;

	if (in->format != INPUT_TSV || !in->have_header || in->h.n != 1)
		return;
	name = in->h.names[0];
	if (strcmp(name, "text") == 0 || (col != NULL && strcmp(name, col) == 0) ||
	    (col != NULL && strcmp(col, "1") == 0))
		return;
	input_fail(in, "not TSV: the header has no TAB and no column 'text' (plain articles "
	    "go through tabloid-split first)");
}

bool
input_next(struct input *in)
{
	char *line;
	long long n;

	for (;;) {
		if ((n = input_getline(in, &line)) < 0)
			return false;
		if (in->have_header && in->format != INPUT_JSONL &&
		    tsv_header_is(&in->h, line, (size_t)n))
			continue;
		tsv_split(&in->row, line, (size_t)n);
		if (in->nf == 0)
			in->nf = in->row.n;
		if (in->row.n != in->nf)
			input_fail(in, "expected %zu fields, found %zu", in->nf, in->row.n);
		if (in->docs)
			progress_doc_id(in->row.f[in->doc], in->row.len[in->doc]);
		return true;
	}
}

void
input_close(struct input *in)
{
	if (in->format == INPUT_CSV)
		csvread_free(&in->csv);
	jsonl_free(&in->obj);
	sbuf_free(&in->rec);
	free(in->slot);
	tsv_header_free(&in->keys);
	tsv_close(&in->r);
	tsv_header_free(&in->h);
	tsv_row_free(&in->row);
}

size_t
input_offset(const struct input *in, size_t i)
{
	const char *p = in->row.f[i];
	size_t n = in->row.len[i], v = 0, j;

	if (n == 0 || n > 18)
		input_fail(in, "column %zu: '%.*s' is not an offset", i + 1, (int)(n > 40 ? 40 : n), p);
	for (j = 0; j < n; j++) {
		if (p[j] < '0' || p[j] > '9')
			input_fail(in, "column %zu: '%.*s' is not an offset", i + 1,
			    (int)(n > 40 ? 40 : n), p);
		v = v * 10 + (size_t)(p[j] - '0');
	}
	return v;
}
