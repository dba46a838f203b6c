/*
 * input: the input loop every program that reads rows shares.
 *
 * An input reads one file's header (unless -N), drops lines that repeat
 * it, splits each record into fields and checks that every record has as
 * many fields as the header (under -N: as the first record).  A record
 * with another number of fields ends the program with status 2 and a
 * message naming the file and line.
 *
 * The file is TSV, or CSV or JSON Lines as the options in input_opts
 * say.  A CSV record or a JSON object is handed out as the TSV record
 * with the same fields (escaped as tabloid(7) says), so a program works
 * on every format as on TSV; in->r.lineno is then the line on which the
 * record starts.  The names of a JSON Lines file's columns are the keys
 * of its first object, read even under -N.
 */
#ifndef TABLOID_INPUT_H
#define TABLOID_INPUT_H

#include <getopt.h>
#include <stdbool.h>

#include "cols.h"
#include "csvread.h"
#include "enc.h"
#include "jsonl.h"
#include "tsv.h"

enum input_format { INPUT_TSV, INPUT_CSV, INPUT_JSONL };

/* The input options of the program, set by input_option(). */
struct input_opts {
	enum input_format format;	/* --itsv (default), --icsv, --ijsonl */
	int ifs;			/* --ifs: CSV delimiter, 0 to detect it */
	const char *doc_col;		/* --doc-col, or NULL for the column doc */
	const char *text_col;		/* --text-col, or NULL for the column text */
	const char *format_opt;		/* the format option given, for messages */
	enum enc_mode encoding;		/* --encoding of the text (see enc.h) */
};
extern struct input_opts input_opts;

/* getopt_long() values of the options input_option() handles. */
enum {
	INPUT_OPT_ITSV = 0x4900,
	INPUT_OPT_ICSV,
	INPUT_OPT_IJSONL,
	INPUT_OPT_IFS,
	INPUT_OPT_DOC_COL,
	INPUT_OPT_TEXT_COL,
	INPUT_OPT_ENCODING
};

/* Entries for a program's longopts: the format of its input ... */
#define INPUT_LONGOPTS \
	{ "itsv", no_argument, NULL, INPUT_OPT_ITSV }, \
	{ "icsv", no_argument, NULL, INPUT_OPT_ICSV }, \
	{ "ifs", required_argument, NULL, INPUT_OPT_IFS }
/* ... and for programs that read doc and text columns, their choice. */
#define INPUT_COL_LONGOPTS \
	{ "doc-col", required_argument, NULL, INPUT_OPT_DOC_COL }, \
	{ "text-col", required_argument, NULL, INPUT_OPT_TEXT_COL }
/* ... and for programs that read text, its encoding. */
#define INPUT_ENC_LONGOPTS \
	{ "encoding", required_argument, NULL, INPUT_OPT_ENCODING }

/*
 * The lines of --help for the options above: INPUT_HELP for --itsv,
 * --icsv, --ifs, --doc-col and --text-col, in every program that reads
 * doc and text columns; its parts for programs that take fewer of them.
 * pad is the indent of descriptions.
 */
#define INPUT_HELP(pad) INPUT_FORMAT_HELP(pad) INPUT_DOC_COL_HELP(pad) INPUT_TEXT_COL_HELP(pad)
#define INPUT_FORMAT_HELP(pad) \
	"      --itsv, --icsv\n" pad "read TSV (the default) or CSV (RFC 4180)\n" \
	"      --ifs SEP\n" pad "the CSV delimiter: ',' ';' or tab (or comma,\n" \
	pad "semicolon); by default the one in the header line\n"
#define INPUT_DOC_COL_HELP(pad) \
	"      --doc-col COL\n" pad "the doc column, by name or number (default doc)\n"
#define INPUT_TEXT_COL_HELP(pad) \
	"      --text-col COL\n" pad "the text column, by name or number (default\n" \
	pad "text, else the last)\n"
#define INPUT_ENC_HELP(pad) \
	"      --encoding ENC\n" pad "the encoding of the text: auto (the default; UTF-8,\n" \
	pad "else Windows-1252 where it looks like it), utf-8 or\n" \
	pad "windows-1252 (latin1)\n"

/*
 * Read text (a document, or a text field) as input_opts.encoding says:
 * returns t itself, or the text in valid UTF-8 with *map set to the map of
 * its offsets back to t (else *map is NULL).  The first time a file needs
 * decoding or repair, a warning names it (and the line, when line > 0).
 * Valid until the next call.
 */
const char *input_decode(const char *file, uint64_t line, const char *t, size_t *n,
    const struct fold_map **map);
/* Free what input_decode() keeps between calls (it starts afresh). */
void input_decode_free(void);

/*
 * When ch is one of the INPUT_OPT_ values, record the option (arg is its
 * argument) in input_opts and return true; else return false.  A bad
 * --ifs, or two formats, or --ifs with a format other than CSV, is a
 * usage error (see opt.h).  --ifs alone implies --icsv.
 */
bool input_option(int ch, const char *arg);
/* Whether option ch (an INPUT_OPT_ value) names a format of rows. */
bool input_format_option(int ch);
/*
 * Set the format as the option name (a string that stays valid) does, for
 * a program's own spelling of a format option (tabloid-split --csv).
 */
void input_set_format(enum input_format f, const char *name);

struct input {
	struct tsv_reader r;	/* the file */
	struct tsv_header h;	/* its header (empty under -N) */
	struct tsv_row row;	/* the current record's fields */
	bool noheader;		/* -N: no header line */
	bool have_header;	/* a header was read */
	size_t nf;		/* fields expected per record, 0 until known */
	bool docs;		/* --progress counts documents by column doc */
	size_t doc;		/* its index */
	enum input_format format; /* the file's format */
	struct csvread csv;	/* CSV: the parser */
	struct jsonl_object obj; /* JSON Lines: the object last read */
	struct sbuf rec;	/* JSON Lines: the record made of it */
	struct tsv_header keys;	/* JSON Lines: the first object's keys, escaped */
	size_t *slot;		/* JSON Lines: each column's member in obj */
	bool pending;		/* JSON Lines: obj, read as the header, is a record too */
	uint64_t phys;		/* CSV: the lines read */
};

/*
 * Open path ("-" for standard input), in the format input_opts gives, and
 * read its header unless noheader.
 * Returns 0, or -1 with errno set when the file cannot be opened.  An
 * empty file has no header: have_header stays false.  The bytes read go to
 * progress_read(), and when the header has a column doc, the records to
 * progress_doc_id() (see progress.h).
 */
int input_open(struct input *in, const char *path, bool noheader);
/* Read the next record into in->row; returns false at end of input. */
bool input_next(struct input *in);
/* Exit with status 2 and "FILE: line N: msg". */
void input_fail(const struct input *in, const char *fmt, ...)
    __attribute__((noreturn, format(printf, 2, 3)));
/*
 * The byte offset in field i of the current record: decimal digits only.
 * Anything else ends the program as input_fail() does.
 */
size_t input_offset(const struct input *in, size_t i);
/*
 * For programs that read a text column: end the program as input_fail()
 * does when the header plainly is not one of TSV, having no TAB and no
 * column named text or col (col may be NULL), as when a plain article is
 * given where TSV belongs.
 */
void input_need_text(const struct input *in, const char *col);
/*
 * The column of in (nf fields a record) that a program reads as its doc
 * column: the one --doc-col names, else the column named doc, else dflt
 * (which may be -1 for none).  A column --doc-col names that the file
 * lacks, or no column at all with dflt -2, ends the program as
 * input_no_column() does.  The column --doc-col names is renamed doc in
 * in->h, so that a program that passes it through calls it doc.
 * input_text_col() is the same for --text-col and text.
 */
long input_doc_col(struct input *in, size_t nf, long dflt);
long input_text_col(struct input *in, size_t nf, long dflt);
/*
 * Exit with status 2 and "FILE: line 1: no column 'col' (the columns
 * are: a, b, c)", followed by "; use OPT" when opt is not NULL.
 */
void input_no_column(const struct input *in, const char *col, const char *opt)
    __attribute__((noreturn));
/*
 * The header's column names as the file has them (before any renaming by
 * input_doc_col()), as "a, b, c"; valid until the next call.
 */
const char *input_columns(const struct input *in);
/* The maps input_text() keeps. */
struct input_maps {
	struct fold_map fold;	/* the fold column */
	struct fold_map chain;	/* the decoding, then the fold column */
};
/*
 * The text of the current record for the columns ct: the text column,
 * unescaped in place and read as input_decode() does, in *s and *n; the
 * offset its offsets count from (the start column, else 0) in *base.
 * Returns the map of offsets in *s to offsets from *base, through the
 * decoding and the fold column, or NULL when they need none.  A malformed
 * fold column ends the program as input_fail() does.
 */
const struct fold_map *input_text(struct input *in, const struct cols_text *ct,
    struct input_maps *m, const char **s, size_t *n, size_t *base);
/* Free m's memory. */
void input_maps_free(struct input_maps *m);
/* Close the file and free everything. */
void input_close(struct input *in);

#endif
