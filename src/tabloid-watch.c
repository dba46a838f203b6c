#include "config.h"

#include <err.h>
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "lib/abbrev.h"
#include "lib/data.h"
#include "lib/docid.h"
#include "lib/entdiff.h"
#include "lib/input.h"
#include "lib/opt.h"
#include "lib/out.h"
#include "lib/prog.h"
#include "lib/progress.h"
#include "lib/rowout.h"
#include "lib/vdiff.h"
#include "lib/vdoc.h"
#include "lib/wcur.h"
#include "lib/wreport.h"
#include "lib/wstate.h"

#define THRESHOLD 0.5

enum mode { RUN, LIST, SHOW, DIFF };

/* What happened to one article in this run. */
struct change {
	char kind;		/* 'c' changed, 'n' new, 'r' removed, 'u' unreadable, 's' silent */
	size_t cur;		/* index in the current articles, or SIZE_MAX */
	char *id;		/* doc id */
	struct wstate_version old;	/* the version it had (num 0: none) */
	uint64_t num;		/* the new version's number */
};

struct watch {
	const char *output;
	enum wreport_format format;
	bool noheader;
	int64_t now;
	struct abbrev ab;
	struct entdiff ent;
	struct wstate st;
	struct wcur cur;
	struct change *ch;
	size_t nch, capch;
	struct wreport_counts counts;
	struct wreport rep;
	struct sbuf ta, tb;
};

static void
usage(int status)
{
	FILE *f = status == 0 ? stdout : stderr;

	fprintf(f,
	    "usage: tabloid-watch [--otsv | --ocsv | --ojsonl | --ohtml] [-o file] [--keep N] [--no-wait]\n"
	    "                     [--unreadable error|keep] [--id-style style] [--last-wins]\n"
	    "                     [--progress | --no-progress] [--tsv | --csv]\n"
	    "                     [--itsv | --icsv] [--ifs sep] [--encoding enc]\n"
	    "                     [--doc-col col] [--text-col col]\n"
	    "                     state [file | dir ...]\n"
	    "       tabloid-watch --list [--otsv | --ocsv | --ojsonl] state [doc ...]\n"
	    "       tabloid-watch --show state doc [version]\n"
	    "       tabloid-watch --diff [--otsv | --ocsv | --ojsonl | --ohtml] state doc old [new]\n");
	if (status != 0) {
		fprintf(f, "Try 'tabloid-watch --help' for more information.\n");
		exit(status);
	}
	printf("\nWatch articles for changes, keeping every version of each.\n\n"
	       "      --otsv, --ocsv, --ojsonl\n"
	       "                       report as TSV, CSV or JSON Lines rows (default: text\n"
	       "                       for people)\n"
	       "      --ohtml          report as one self-contained HTML page\n"
	       "  -o, --output FILE    write the report to FILE, replaced only when complete\n"
	       "      --keep N         keep only the N latest versions of each article\n"
	       "      --no-wait        exit 75 at once when another run holds the state\n"
	       "      --unreadable W   an article that cannot be read: error (default)\n"
	       "                       or keep (report it, keep its last version)\n"
	       "      --tsv, --csv     read articles from a table with doc and text columns\n"
	       "                       (as do --itsv, --icsv and --ifs)\n"
	       INPUT_HELP("                       ")
	       INPUT_ENC_HELP("                       ")
	       "      --id-style S     ids of files under a directory: relative (default),\n"
	       "                       name or path, without the extension\n"
	       "      --last-wins      of two files with one id keep the later\n"
	       "      --progress       show progress on standard error about once a second\n"
	       "                       (default when standard error is a terminal)\n"
	       "      --no-progress    show no progress\n"
	       "      --list           list the versions of the articles (or of each doc)\n"
	       "      --show           print a version of an article (default the latest)\n"
	       "      --diff           report the changes between two versions of an article\n"
	       "  -N, --no-header      write no header line (--otsv, --ocsv, --list)\n"
	       "  -h, --help           show this help and exit\n"
	       "  -V, --version        show the version and exit\n\n"
	       "Exit status: 0 nothing changed, 1 something changed, 2 trouble,\n"
	       "75 the state is locked and --no-wait was given.\n");
	prog_stdout_exit();
}

static void
load_abbrev(struct abbrev *ab)
{
	char *path = data_find("abbrev-en.txt", NULL, NULL);

	abbrev_init(ab);
	if (abbrev_load(ab, path) != 0)
		data_fail("abbrev-en.txt", NULL, NULL, path);
	free(path);
}

static int64_t
run_time(void)
{
	const char *e = getenv("SOURCE_DATE_EPOCH");
	char *end;
	long long v;

	if (e == NULL || *e == '\0')
		return (int64_t)time(NULL);
	v = strtoll(e, &end, 10);
	if (*end != '\0' || v < 0)
		errx(2, "SOURCE_DATE_EPOCH: '%s' is not a number of seconds", e);
	return (int64_t)v;
}

/* The sentences of a stored text, with label as the document's id. */
static void
load_version(struct watch *w, const char *obj, struct sbuf *buf, struct vdoc *d,
    const char *id, uint64_t num, int64_t t)
{
	char when[24], label[64];
	const char *p;
	size_t n;

	vdoc_reset(d);
	wstate_get(&w->st, obj, buf);
	p = buf->p ? buf->p : "";
	n = buf->len;
	if (n >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0)
		p += 3, n -= 3;
	vdoc_segment(d, &w->ab, id, p, n);
	wstate_format_time(when, t);
	snprintf(label, sizeof label, " version %llu (%s)", (unsigned long long)num, when);
	sbuf_reset(&d->id);
	sbuf_add(&d->id, id, strlen(id));
	sbuf_add(&d->id, label, strlen(label));
}

static struct change *
add_change(struct watch *w, char kind, size_t cur, const char *id,
    const struct wstate_version *old)
{
	struct change *c;

	if (w->nch == w->capch) {
		w->capch = w->capch ? 2 * w->capch : 64;
		w->ch = xrealloc(w->ch, w->capch * sizeof *w->ch);
	}
	c = &w->ch[w->nch++];
	memset(c, 0, sizeof *c);
	c->kind = kind;
	c->cur = cur;
	c->id = xstrdup(id);
	if (old != NULL)
		c->old = *old;
	c->num = old != NULL ? old->num + 1 : 1;
	return c;
}

/* Do the two texts differ in their sentences, not only in spacing? */
static bool
differ(struct watch *w, const struct change *c)
{
	struct vdoc a = { 0 }, b = { 0 };
	struct vdiff_result r = { 0 };
	struct vdiff_opts o = { .threshold = THRESHOLD };
	bool d;

	load_version(w, c->old.obj, &w->ta, &a, c->id, c->old.num, c->old.time);
	load_version(w, w->cur.v[c->cur].obj, &w->tb, &b, c->id, c->num, w->now);
	vdiff_compare(&o, &a, &b, &r);
	d = r.differ;
	vdiff_result_free(&r);
	vdoc_free(&a);
	vdoc_free(&b);
	return d;
}

/* Pair the current articles with the state's by id. */
static void
classify(struct watch *w)
{
	size_t i = 0, j = 0;
	struct wstate *s = &w->st;

	while (i < s->nsorted || j < w->cur.n) {
		const struct wstate_doc *d = i < s->nsorted ? &s->d[i] : NULL;
		const struct wcur_doc *c = j < w->cur.n ? &w->cur.v[j] : NULL;
		const struct wstate_version *v;
		int cmp = d == NULL ? 1 : c == NULL ? -1 :
		    memcmp(d->id, c->id, d->idlen < c->idlen ? d->idlen : c->idlen);

		if (cmp == 0 && d != NULL && c != NULL)
			cmp = (d->idlen > c->idlen) - (d->idlen < c->idlen);
		v = cmp <= 0 ? wstate_latest(d) : NULL;
		if (v != NULL && v->obj[0] == '\0')
			v = NULL;
		if (cmp < 0) {
			if (v != NULL)
				add_change(w, 'r', SIZE_MAX, d->id, v);
			i++;
			continue;
		}
		if (c->why != NULL)
			add_change(w, 'u', j, c->id, v);
		else if (v == NULL)
			add_change(w, 'n', j, c->id, cmp == 0 ? wstate_latest(d) : NULL);
		else if (strcmp(v->obj, c->obj) != 0) {
			struct change *x = add_change(w, 'c', j, c->id, v);

			x->kind = differ(w, x) ? 'c' : 's';
		} else
			w->counts.unchanged++;
		i += cmp == 0;
		j++;
	}
}

static void
count_changes(struct watch *w)
{
	size_t i;

	for (i = 0; i < w->nch; i++)
		switch (w->ch[i].kind) {
		case 'c': w->counts.changed++; break;
		case 'n': w->counts.added++; break;
		case 'r': w->counts.removed++; break;
		case 'u': w->counts.unreadable++; break;
		default: w->counts.unchanged++; break;
		}
}

/* Record the new versions; returns whether the state changes. */
static bool
record(struct watch *w)
{
	size_t i;
	bool any = false;

	for (i = 0; i < w->nch; i++) {
		const struct change *c = &w->ch[i];
		const struct wcur_doc *d = c->cur != SIZE_MAX ? &w->cur.v[c->cur] : NULL;

		if (c->kind == 'u')
			continue;
		wstate_add(&w->st, c->id, strlen(c->id), w->now, d ? d->bytes : 0,
		    c->kind == 'r' ? NULL : d->obj);
		any = true;
	}
	return any;
}

static void
report_changed(struct watch *w, const char *id, const struct wstate_version *va,
    const struct wstate_version *vb, const char *source)
{
	struct vdoc a = { 0 }, b = { 0 };
	struct vdiff_result r = { 0 };
	struct vdiff_opts o = { .threshold = THRESHOLD };
	struct entdiff_names in = { 0 }, out = { 0 };
	struct wreport_side sa = { id, va->num, va->time, &a };
	struct wreport_side sb = { id, vb->num, vb->time, &b };

	load_version(w, va->obj, &w->ta, &a, id, va->num, va->time);
	load_version(w, vb->obj, &w->tb, &b, id, vb->num, vb->time);
	vdiff_compare(&o, &a, &b, &r);
	entdiff_compare(&w->ent, &a, &b, &r, &in, &out);
	wreport_changed(&w->rep, &sa, &sb, source, &r, &in, &out);
	entdiff_names_free(&in);
	entdiff_names_free(&out);
	vdiff_result_free(&r);
	vdoc_free(&a);
	vdoc_free(&b);
}

static void
report_whole(struct watch *w, const struct change *c)
{
	struct vdoc d = { 0 };
	struct wreport_side s = { c->id, 0, 0, &d };
	const struct wcur_doc *cd = c->cur != SIZE_MAX ? &w->cur.v[c->cur] : NULL;

	if (c->kind == 'n') {
		s.version = c->num;
		s.time = w->now;
		load_version(w, cd->obj, &w->tb, &d, c->id, c->num, w->now);
		wreport_whole(&w->rep, "new", &s, cd->source);
	} else {
		s.version = c->old.num;
		s.time = c->old.time;
		load_version(w, c->old.obj, &w->ta, &d, c->id, c->old.num, c->old.time);
		wreport_whole(&w->rep, "removed", &s, NULL);
	}
	vdoc_free(&d);
}

static void
report(struct watch *w)
{
	static const char order[] = "cnru";
	size_t i, k;

	wreport_begin(&w->rep, w->format, w->now, &w->counts, w->noheader);
	for (k = 0; order[k] != '\0'; k++)
		for (i = 0; i < w->nch; i++) {
			const struct change *c = &w->ch[i];
			const struct wcur_doc *cd = c->cur != SIZE_MAX ? &w->cur.v[c->cur] : NULL;
			struct wstate_version nv = { 0 };

			if (c->kind != order[k])
				continue;
			if (c->kind == 'c') {
				nv.num = c->num;
				nv.time = w->now;
				memcpy(nv.obj, cd->obj, sizeof nv.obj);
				report_changed(w, c->id, &c->old, &nv, cd->source);
			} else if (c->kind == 'u')
				wreport_unreadable(&w->rep, c->id, cd->source, cd->why);
			else
				report_whole(w, c);
		}
	wreport_end(&w->rep);
}

struct run_opts {
	enum wcur_format input;
	int style;
	bool last_wins, nowait;
	uint64_t keep;
	enum progress_when progress;
};

static int
run(struct watch *w, const struct run_opts *o, int argc, char **argv)
{
	struct docid_files files = { 0 };
	bool changed, reported;

	if (o->input == WCUR_FILES && argc < 2)
		usage(2);
	wstate_open(&w->st, argv[0], true, WSTATE_EXCLUSIVE, o->nowait);
	w->cur.s = &w->st;
	progress_start(o->progress);
	argc--, argv++;
	if (o->input == WCUR_FILES) {
		if (!docid_expand(argv, (size_t)argc, o->style,
		        o->last_wins ? DOCID_LAST_WINS : DOCID_REFUSE, "-", &files))
			exit(2);
		wcur_read(&w->cur, WCUR_FILES, &files, NULL);
		docid_files_free(&files);
	} else {
		int i;

		if (argc == 0)
			wcur_read(&w->cur, o->input, NULL, "-");
		for (i = 0; i < argc; i++)
			wcur_read(&w->cur, o->input, NULL, argv[i]);
	}
	wcur_sort(&w->cur);
	classify(w);
	count_changes(w);
	changed = record(w);
	if (o->keep > 0 && wstate_prune(&w->st, (size_t)o->keep))
		changed = true;
	reported = w->counts.changed + w->counts.added + w->counts.removed +
	    w->counts.unreadable > 0;
	if (changed)
		wstate_write(&w->st);
	if (reported) {
		out_open(w->output);
		report(w);
		out_flush();
	}
	if (changed)
		wstate_commit(&w->st);
	wstate_sweep(&w->st);
	progress_end();
	if (reported)
		out_close();
	return reported ? 1 : 0;
}

static const struct wstate_doc *
find_doc(const struct watch *w, const char *id)
{
	const struct wstate_doc *d = wstate_find(&w->st, id, strlen(id));

	if (d == NULL)
		errx(2, "%s: no article '%s' in the state", w->st.dir, id);
	return d;
}

static const struct wstate_version *
find_version(const struct watch *w, const struct wstate_doc *d, const char *arg)
{
	const struct wstate_version *v;
	uint64_t num;

	if (arg == NULL)
		v = wstate_latest(d);
	else if (opt_parse_count(arg, 1, UINT64_MAX, &num) != OPT_OK)
		errx(2, "'%s': not a version number", arg);
	else
		v = wstate_version(d, num);
	if (v == NULL)
		errx(2, "%s: article '%s' has no version %s", w->st.dir, d->id, arg ? arg : "");
	if (v->obj[0] == '\0')
		errx(2, "%s: version %llu of '%s' records its removal; it has no text", w->st.dir,
		    (unsigned long long)v->num, d->id);
	return v;
}

static void
list_doc(struct watch *w, const struct wstate_doc *d)
{
	size_t i, hn;
	char t[24];

	for (i = 0; i < d->n; i++) {
		const struct wstate_version *v = &d->v[i];

		out_escaped(d->id, d->idlen);
		out_byte('\t');
		out_u64(v->num);
		out_byte('\t');
		wstate_format_time(t, v->time);
		out_str(t);
		out_byte('\t');
		if (v->obj[0] == '\0') {
			out_str("\tremoved\t\n");
			continue;
		}
		out_u64(v->bytes);
		out_str("\ttext\t");
		{
			struct vdoc doc = { 0 };
			const char *hl;

			load_version(w, v->obj, &w->ta, &doc, d->id, v->num, v->time);
			hl = doc.n > 0 ? doc.text.p + doc.s[0].off : "";
			hn = doc.n > 0 ? doc.s[0].len : 0;
			out_escaped(hl, hn);
			vdoc_free(&doc);
		}
		out_byte('\n');
	}
}

static int
list(struct watch *w, int argc, char **argv)
{
	size_t i;
	int k;

	if (!w->noheader)
		out_str("doc\tversion\ttime\tbytes\tstate\ttext\n");
	if (argc == 0)
		for (i = 0; i < w->st.n; i++)
			list_doc(w, &w->st.d[i]);
	for (k = 0; k < argc; k++)
		list_doc(w, find_doc(w, argv[k]));
	return 0;
}

static int
show(struct watch *w, int argc, char **argv)
{
	const struct wstate_doc *d;
	const struct wstate_version *v;

	if (argc < 1 || argc > 2)
		usage(2);
	d = find_doc(w, argv[0]);
	v = find_version(w, d, argc == 2 ? argv[1] : NULL);
	wstate_get(&w->st, v->obj, &w->ta);
	out_write(w->ta.p ? w->ta.p : "", w->ta.len);
	return 0;
}

static int
diff(struct watch *w, int argc, char **argv)
{
	const struct wstate_doc *d;
	const struct wstate_version *a, *b;
	struct wreport_counts c = { 0 };
	struct vdoc da = { 0 }, db = { 0 };
	struct vdiff_result r = { 0 };
	struct vdiff_opts o = { .threshold = THRESHOLD };
	bool differs;

	if (argc < 2 || argc > 3)
		usage(2);
	d = find_doc(w, argv[0]);
	a = find_version(w, d, argv[1]);
	b = find_version(w, d, argc == 3 ? argv[2] : NULL);
	load_version(w, a->obj, &w->ta, &da, d->id, a->num, a->time);
	load_version(w, b->obj, &w->tb, &db, d->id, b->num, b->time);
	vdiff_compare(&o, &da, &db, &r);
	differs = r.differ;
	vdiff_result_free(&r);
	vdoc_free(&da);
	vdoc_free(&db);
	c.changed = differs;
	c.unchanged = !differs;
	w->rep.f = w->format;
	wreport_begin(&w->rep, w->format, w->now, &c, w->noheader);
	if (differs)
		report_changed(w, d->id, a, b, NULL);
	wreport_end(&w->rep);
	return differs ? 1 : 0;
}

enum {
	OPT_OHTML = 256, OPT_KEEP, OPT_NOWAIT, OPT_UNREADABLE, OPT_TSV, OPT_CSV,
	OPT_IDSTYLE, OPT_LASTWINS, OPT_LIST, OPT_SHOW, OPT_DIFF, OPT_PROGRESS, OPT_NOPROGRESS
};

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		ROWOUT_LONGOPTS,
		{ "ohtml", no_argument, NULL, OPT_OHTML },
		{ "output", required_argument, NULL, 'o' },
		{ "keep", required_argument, NULL, OPT_KEEP },
		{ "no-wait", no_argument, NULL, OPT_NOWAIT },
		{ "unreadable", required_argument, NULL, OPT_UNREADABLE },
		{ "tsv", no_argument, NULL, OPT_TSV },
		{ "csv", no_argument, NULL, OPT_CSV },
		INPUT_LONGOPTS,
		INPUT_ENC_LONGOPTS,
		INPUT_COL_LONGOPTS,
		{ "id-style", required_argument, NULL, OPT_IDSTYLE },
		{ "last-wins", no_argument, NULL, OPT_LASTWINS },
		{ "progress", no_argument, NULL, OPT_PROGRESS },
		{ "no-progress", no_argument, NULL, OPT_NOPROGRESS },
		{ "list", no_argument, NULL, OPT_LIST },
		{ "show", no_argument, NULL, OPT_SHOW },
		{ "diff", no_argument, NULL, OPT_DIFF },
		{ "no-header", no_argument, NULL, 'N' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	static struct watch w;
	struct run_opts ro = { .input = WCUR_FILES, .style = DOCID_RELATIVE,
		.progress = PROGRESS_AUTO };
	const char *fmt = NULL, *mode_opt = NULL;
	enum mode mode = RUN;
	enum rowout_format ofmt = ROWOUT_TSV;
	int ch, li, rc;

	prog_init();
	opt_init(usage);
	while ((li = -1, ch = getopt_long(argc, argv, "No:hV", longopts, &li)) != -1) {
		const char *name = opt_name(longopts, li, ch);

		switch (ch) {
		case OPT_OHTML:
			opt_exclusive(&fmt, "--ohtml");
			w.format = WREPORT_HTML;
			break;
		case 'o':
			w.output = optarg;
			break;
		case OPT_KEEP:
			ro.keep = opt_count(name, optarg, 1, UINT32_MAX);
			break;
		case OPT_NOWAIT:
			ro.nowait = true;
			break;
		case OPT_UNREADABLE:
			if (strcmp(optarg, "keep") != 0 && strcmp(optarg, "error") != 0)
				opt_bad(name, optarg, "is not error or keep");
			w.cur.keep = strcmp(optarg, "keep") == 0;
			break;
		case OPT_TSV:
		case OPT_CSV:
			input_set_format(ch == OPT_TSV ? INPUT_TSV : INPUT_CSV,
			    ch == OPT_TSV ? "--tsv" : "--csv");
			ro.input = WCUR_TABLE;
			break;
		case OPT_IDSTYLE:
			if ((ro.style = docid_style_parse(optarg)) < 0)
				opt_bad(name, optarg, "is not relative, name or path");
			break;
		case OPT_LASTWINS:
			ro.last_wins = true;
			break;
		case OPT_PROGRESS:
		case OPT_NOPROGRESS:
			ro.progress = ch == OPT_PROGRESS ? PROGRESS_ON : PROGRESS_OFF;
			break;
		case OPT_LIST:
		case OPT_SHOW:
		case OPT_DIFF:
			opt_exclusive(&mode_opt, ch == OPT_LIST ? "--list" : ch == OPT_SHOW ? "--show" :
			    "--diff");
			mode = ch == OPT_LIST ? LIST : ch == OPT_SHOW ? SHOW : DIFF;
			break;
		case 'N':
			w.noheader = true;
			break;
		case 'h':
			usage(0);
			break;
		case 'V':
			prog_version();
		default:
			if (rowout_getopt(ch, &ofmt)) {
				opt_exclusive(&fmt, ch == ROWOUT_OPT_TSV ? "--otsv" :
				    ch == ROWOUT_OPT_CSV ? "--ocsv" : "--ojsonl");
				w.format = WREPORT_TSV;
				break;
			}
			if (!input_option(ch, optarg))
				usage(2);
			if (input_format_option(ch))
				ro.input = WCUR_TABLE;
		}
	}
	argc -= optind;
	argv += optind;
	if (argc < 1)
		usage(2);
	if (mode == SHOW && fmt != NULL) {
		warnx("--show prints the text of an article: %s does not apply", fmt);
		usage(2);
	}
	rowout_start(ofmt, !w.noheader);
	w.now = run_time();
	load_abbrev(&w.ab);
	entdiff_init(&w.ent, &w.ab);
	if (mode == RUN) {
		rc = run(&w, &ro, argc, argv);
	} else {
		wstate_open(&w.st, argv[0], false, WSTATE_SHARED, ro.nowait);
		out_open(w.output);
		rc = mode == LIST ? list(&w, argc - 1, argv + 1) :
		    mode == SHOW ? show(&w, argc - 1, argv + 1) : diff(&w, argc - 1, argv + 1);
		out_close();
	}
	wstate_close(&w.st);
	wcur_free(&w.cur);
	entdiff_free(&w.ent);
	abbrev_free(&w.ab);
	return rc;
}
