#include "config.h"

#include <err.h>
#include <getopt.h>
#include <regex.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lib/abbrev.h"
#include "lib/data.h"
#include "lib/docid.h"
#include "lib/input.h"
#include "lib/opt.h"
#include "lib/out.h"
#include "lib/prog.h"
#include "lib/progress.h"
#include "lib/rowout.h"
#include "lib/sbuf.h"
#include "lib/vdiff.h"
#include "lib/vdoc.h"
#include "lib/vgroup.h"

#define PAIR_THRESHOLD 0.5
#define GROUP_THRESHOLD 0.3
#define GROUP_CONTAINMENT 0.8
#define GROUP_SHINGLE 3

struct side {
	struct vdoc **v; /* documents in input order */
	size_t n, cap;
};

static void
usage(int status)
{
	FILE *f = status == 0 ? stdout : stderr;

	fprintf(
	    f, "usage: tabloid-diff-versions [-aNps] [-I regex] [-o file] [-t threshold] "
	       "[--exit-code] [--color[=when]] [--tsv | --text]\n"
	       "                             [--html [--layout inline | side]]\n"
	       "                             [--itsv | --icsv] [--ifs sep] [--encoding enc]\n"
	       "                             [--otsv | --ocsv | --ojsonl]\n"
	       "                             [--progress] old new\n"
	       "       tabloid-diff-versions -g [-acNs] [-I regex] [-k words] [-o file] "
	       "[-t threshold]\n"
	       "                             [--html [--layout inline | side]]\n"
	       "                             [--containment threshold] [--id-style style]\n"
	       "                             [--last-wins] [--itsv | --icsv]\n"
	       "                             [--ifs sep] [--encoding enc] [--otsv | --ocsv | --ojsonl]\n"
	       "                             [--progress]\n"
	       "                             [file | dir ...]\n");
	if (status != 0) {
		fprintf(f, "Try 'tabloid-diff-versions --help' for more information.\n");
		exit(status);
	}
	printf("\nWhat changed between versions of articles, sentence by sentence, with "
	       "word diffs.\n\n"
	       "  -a, --all            write unchanged sentences (with -c: lone "
	       "documents) too\n"
	       "  -s, --summary        one row per pair of versions instead of one per "
	       "sentence\n"
	       "  -p, --pretty         a coloured diff for people instead of TSV\n"
	       "      --color[=WHEN]   colour --pretty output: auto (default), always, "
	       "never\n"
	       "      --html           one HTML page for people instead of TSV\n"
	       "      --layout L       with --html: inline (default, one column) or side\n"
	       "                       (old and new side by side)\n"
	       "  -t, --threshold NUM  least similarity of an edited sentence (default "
	       "0.5),\n"
	       "                       or with -g of two versions (default 0.3)\n"
	       "      --containment NUM\n"
	       "                       with -g, least share of the shorter version's\n"
	       "                       shingles found in the longer one (default 0.8)\n"
	       "  -I, --ignore REGEX   leave out sentences matching REGEX (repeatable)\n"
	       "      --exit-code      exit 1 when there are differences, as diff(1)\n"
	       "  -g, --group          find versions among many documents and diff them\n"
	       "  -c, --clusters       with -g: write doc group similarity rows\n"
	       "  -k, --shingle N      with -g: words per shingle (default 3)\n"
	       "      --tsv            inputs are tabloid-split output\n"
	       "      --text           inputs are article files\n"
	       INPUT_FORMAT_HELP("                       ")
	       INPUT_ENC_HELP("                       ")
	       "      --id-style S     with -g, ids of articles under a directory: relative\n"
	       "                       (default), name or path, without the extension\n"
	       "      --last-wins      with -g --text, of two files with one id keep the later\n"
	       "      --abbrev FILE    add the abbreviations in FILE to the splitter's\n"
	       "  -N, --no-header      write no header line (read none with --tsv)\n"
	       "  -o, --output FILE    write to FILE, replaced only when complete\n"
	       ROWOUT_HELP("                       ")
	       "      --progress       show progress on standard error about once a second\n"
	       "  -h, --help           show this help and exit\n"
	       "  -V, --version        show the version and exit\n\n"
	       "Output columns: old_doc new_doc op old_sent new_sent similarity text;\n"
	       "op is = same, ~ edited, - removed, + added, > moved (see "
	       "tabloid-diff-versions(1)).\n");
	prog_stdout_exit();
}

static void
keep_doc(void *arg, struct vdoc *d)
{
	struct side *s = arg;
	size_t i;

	progress_doc();
	for (i = 0; i < s->n; i++) {
		struct vdoc *o = s->v[i];

		if (o->id.len == d->id.len && memcmp(o->id.p, d->id.p, d->id.len) == 0) {
			for (size_t k = 0; k < d->n; k++)
				vdoc_add(o, d->s[k].num, d->text.p + d->s[k].off,
				         d->s[k].len);
			return;
		}
	}
	if (s->n == s->cap) {
		s->cap = s->cap ? 2 * s->cap : 16;
		s->v = xrealloc(s->v, s->cap * sizeof *s->v);
	}
	s->v[s->n] = xmalloc(sizeof **s->v);
	*s->v[s->n++] = *d;
	memset(d, 0, sizeof *d);
}

static void
read_side(const char *path, const struct vdoc_opts *o, struct side *s)
{
	if (vdoc_read(path, o, keep_doc, s) != 0) {
		warn("%s", path);
		out_exit(2);
	}
}

static struct vdoc *
find_doc(struct side *s, const struct vdoc *d, bool *used)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		if (!used[i] && s->v[i]->id.len == d->id.len &&
		    memcmp(s->v[i]->id.p, d->id.p, d->id.len) == 0) {
			used[i] = true;
			return s->v[i];
		}
	return NULL;
}

static bool
diff_pair(const char *old, const char *new, const struct vdoc_opts *ro, struct vdiff *v)
{
	struct side a = {0}, b = {0};
	bool *used;
	size_t i;

	if (strcmp(old, "-") == 0 && strcmp(new, "-") == 0)
		errx(2, "standard input cannot be both versions");
	read_side(old, ro, &a);
	read_side(new, ro, &b);
	vdiff_header(v);
	used = xcalloc(a.n + 1, sizeof *used);
	if (a.n == 1 && b.n == 1) {
		vdiff_docs(v, a.v[0], b.v[0]);
	} else {
		for (i = 0; i < b.n; i++)
			vdiff_docs(v, find_doc(&a, b.v[i], used), b.v[i]);
		for (i = 0; i < a.n; i++)
			if (!used[i])
				vdiff_docs(v, a.v[i], NULL);
	}
	for (i = 0; i < a.n; i++)
		vdoc_free(a.v[i]), free(a.v[i]);
	for (i = 0; i < b.n; i++)
		vdoc_free(b.v[i]), free(b.v[i]);
	free(a.v);
	free(b.v);
	free(used);
	return v->differ;
}

static void
group_doc(void *arg, struct vdoc *d)
{
	progress_doc();
	vgroup_add(arg, d);
}

static bool
group(const struct docid_files *files, const struct vdoc_opts *ro,
    const struct vgroup_opts *go, struct vdiff *v, bool *ok)
{
	struct vgroup *g = vgroup_new(go);
	struct vdoc_opts r = *ro;
	bool found;
	size_t i;

	for (i = 0; i < files->n; i++) {
		r.id = files->v[i].id;
		if (vdoc_read(files->v[i].path, &r, group_doc, g) != 0) {
			warn("%s", files->v[i].path);
			*ok = false;
		}
	}
	found = vgroup_finish(g, v);
	vgroup_free(g);
	return go->clusters ? found : v->differ;
}

static bool
want_color(const char *when)
{
	const char *nc = getenv("NO_COLOR"), *term = getenv("TERM");

	if (when == NULL || strcmp(when, "always") == 0)
		return when != NULL ||
		       (isatty(STDOUT_FILENO) && (nc == NULL || *nc == '\0') &&
		        (term == NULL || strcmp(term, "dumb") != 0));
	return strcmp(when, "auto") == 0 && want_color(NULL);
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
	enum { OPT_EXIT = 256, OPT_COLOR, OPT_TSV, OPT_TEXT, OPT_ABBREV, OPT_IDSTYLE, OPT_LASTWINS,
	    OPT_PROGRESS, OPT_CONTAINMENT, OPT_HTML, OPT_LAYOUT };
	static const struct option longopts[] = {
	    {"all", no_argument, NULL, 'a'},
	    {"summary", no_argument, NULL, 's'},
	    {"pretty", no_argument, NULL, 'p'},
	    {"html", no_argument, NULL, OPT_HTML},
	    {"layout", required_argument, NULL, OPT_LAYOUT},
	    {"color", optional_argument, NULL, OPT_COLOR},
	    {"colour", optional_argument, NULL, OPT_COLOR},
	    {"threshold", required_argument, NULL, 't'},
	    {"containment", required_argument, NULL, OPT_CONTAINMENT},
	    {"ignore", required_argument, NULL, 'I'},
	    {"exit-code", no_argument, NULL, OPT_EXIT},
	    {"group", no_argument, NULL, 'g'},
	    {"clusters", no_argument, NULL, 'c'},
	    {"shingle", required_argument, NULL, 'k'},
	    {"tsv", no_argument, NULL, OPT_TSV},
	    INPUT_LONGOPTS,
	    INPUT_ENC_LONGOPTS,
	    {"text", no_argument, NULL, OPT_TEXT},
	    {"abbrev", required_argument, NULL, OPT_ABBREV},
	    {"id-style", required_argument, NULL, OPT_IDSTYLE},
	    {"last-wins", no_argument, NULL, OPT_LASTWINS},
	    {"progress", no_argument, NULL, OPT_PROGRESS},
	    {"no-header", no_argument, NULL, 'N'},
	    {"output", required_argument, NULL, 'o'},
	    ROWOUT_LONGOPTS,
	    {"help", no_argument, NULL, 'h'},
	    {"version", no_argument, NULL, 'V'},
	    {NULL, 0, NULL, 0}};
	struct vdiff_opts dopt = {.threshold = -1};
	struct vgroup_opts gopt = {.shingle = GROUP_SHINGLE, .containment = GROUP_CONTAINMENT};
	struct vdoc_opts ropt = {0};
	struct docid_files files = {0};
	int style = DOCID_RELATIVE;
	bool last_wins = false;
	struct abbrev ab;
	struct vdiff v;
	regex_t *ign = xcalloc((size_t)argc + 1, sizeof *ign);
	char **extra = xcalloc((size_t)argc + 1, sizeof *extra);
	const char *output = NULL, *color = "auto", *format = NULL, *group_only = NULL,
	           *rowfmt = NULL, *layout = NULL;
	size_t nextra = 0, i;
	bool exit_code = false, grouping = false, differ, ok = true;
	int ch, rc, li;
	enum rowout_format ofmt = ROWOUT_TSV;

	prog_init();
	opt_init(usage);
	while ((li = -1, ch = getopt_long(argc, argv, "acgI:k:No:pst:hV", longopts, &li)) !=
	    -1) {
		switch (ch) {
		case 'a':
			dopt.all = gopt.all = true;
			break;
		case 's':
			dopt.summary = true;
			break;
		case 'p':
			dopt.pretty = true;
			break;
		case OPT_HTML:
			dopt.html = dopt.html ? dopt.html : VDIFF_INLINE;
			break;
		case OPT_LAYOUT:
			layout = optarg;
			if (strcmp(optarg, "inline") != 0 && strcmp(optarg, "side") != 0)
				opt_bad(opt_name(longopts, li, ch), optarg,
				    "is not a layout: use inline or side");
			break;
		case OPT_COLOR:
			color = optarg ? optarg : "always";
			if (strcmp(color, "auto") != 0 && strcmp(color, "always") != 0 &&
			    strcmp(color, "never") != 0)
				opt_bad(opt_name(longopts, li, ch), color,
				    "is not auto, always or never");
			break;
		case 't':
			dopt.threshold = opt_fraction(opt_name(longopts, li, ch), optarg, 0, 1);
			break;
		case OPT_CONTAINMENT:
			gopt.containment = opt_fraction(opt_name(longopts, li, ch), optarg, 0, 1);
			group_only = "--containment";
			break;
		case 'I':
			if ((rc = regcomp(&ign[dopt.nignore], optarg,
			                  REG_EXTENDED | REG_NOSUB)) != 0) {
				char msg[256];

				regerror(rc, &ign[dopt.nignore], msg, sizeof msg);
				warnx("bad pattern '%s': %s", optarg, msg);
				usage(2);
			}
			dopt.nignore++;
			break;
		case OPT_EXIT:
			exit_code = true;
			break;
		case 'c':
			gopt.clusters = true;
			/* FALLTHROUGH */
		case 'g':
			grouping = true;
			break;
		case 'k':
			gopt.shingle = opt_count(opt_name(longopts, li, ch), optarg, 1, 64);
			group_only = opt_name(longopts, li, ch);
			break;
		case OPT_TSV:
		case OPT_TEXT:
			opt_exclusive(&format, ch == OPT_TSV ? "--tsv" : "--text");
			ropt.format = ch == OPT_TSV ? VDOC_TSV : VDOC_TEXT;
			break;
		case OPT_ABBREV:
			extra[nextra++] = optarg;
			break;
		case OPT_IDSTYLE:
			if ((style = docid_style_parse(optarg)) < 0)
				opt_bad(opt_name(longopts, li, ch), optarg,
				    "is not an id style: use relative, name or path");
			group_only = "--id-style";
			break;
		case OPT_LASTWINS:
			last_wins = true;
			group_only = "--last-wins";
			break;
		case OPT_PROGRESS:
			progress_start(PROGRESS_ON);
			break;
		case 'N':
			dopt.noheader = gopt.noheader = ropt.noheader = true;
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
			if (rowout_getopt(ch, &ofmt)) {
				rowfmt = opt_name(longopts, li, ch);
				break;
			}
			if (!input_option(ch, optarg))
				usage(2);
			if (input_format_option(ch) && ropt.format != VDOC_TEXT)
				ropt.format = VDOC_TSV;
		}
	}
	argc -= optind;
	argv += optind;
	if (ropt.format == VDOC_TEXT && input_opts.format_opt != NULL) {
		warnx("--text and %s cannot be used together", input_opts.format_opt);
		usage(2);
	}

	if (!grouping && group_only != NULL) {
		warnx("%s works only with -g", group_only);
		usage(2);
	}
	if (dopt.pretty && ofmt != ROWOUT_TSV) {
		warnx("--pretty writes a diff for people: %s does not apply",
		    ofmt == ROWOUT_CSV ? "--ocsv" : "--ojsonl");
		usage(2);
	}
	if (layout != NULL && !dopt.html) {
		warnx("--layout works only with --html");
		usage(2);
	}
	if (dopt.html && (dopt.pretty || rowfmt != NULL || gopt.clusters)) {
		warnx("--html writes a page for people: %s does not apply",
		    dopt.pretty ? "--pretty" : gopt.clusters ? "-c" : rowfmt);
		usage(2);
	}
	if (layout != NULL && strcmp(layout, "side") == 0)
		dopt.html = VDIFF_SIDE;
	if (!grouping && argc != 2) {
		warnx(argc < 2 ? "two versions are needed: old and new"
		               : "too many operands");
		usage(2);
	}
	gopt.threshold = dopt.threshold >= 0 ? dopt.threshold : GROUP_THRESHOLD;
	if (dopt.threshold < 0 || grouping)
		dopt.threshold = PAIR_THRESHOLD;
	dopt.color = dopt.pretty && want_color(color);
	dopt.ignore = ign;
	abbrev_init(&ab);
	load_abbrev(&ab, "abbrev-en.txt");
	for (i = 0; i < nextra; i++)
		load_abbrev(&ab, extra[i]);
	ropt.ab = &ab;
	vdiff_init(&v, &dopt);
	out_open(output);
	rowout_start(ofmt, !dopt.noheader);
	if (grouping) {
		prog_files(&argc, &argv);
		ok = docid_expand(argv, (size_t)argc, style, ropt.format != VDOC_TEXT ? DOCID_KEEP :
		    last_wins ? DOCID_LAST_WINS : DOCID_REFUSE, "-", &files);
		differ = group(&files, &ropt, &gopt, &v, &ok);
		docid_files_free(&files);
	} else
		differ = diff_pair(argv[0], argv[1], &ropt, &v);
	vdiff_finish(&v);
	free(extra);
	progress_end();
	if (!ok)
		out_exit(2);
	if (exit_code && differ) {
		out_close();
		exit(1);
	}
	out_exit(0);
}
