#include "config.h"

#include <stdio.h>

#include "html.h"
#include "out.h"
#include "vdiffhtml.h"
#include "wdiff.h"

static const char vdiffhtml_css[] =
    "article.pair{border-top:1px solid #ccc;margin:1.5em 0;padding-top:.2em}\n"
    "body>article.pair:first-child{border-top:0;margin-top:0}\n"
    "section.story{margin:2em 0}\n"
    "section.story>h1{border-bottom:3px solid #333;padding-bottom:.2em}\n"
    "ul.sum{list-style:none;padding:0;margin:.4em 0 1em;font:14px/1.6 sans-serif}\n"
    "ul.sum li{display:inline-block;margin:0 .4em .3em 0;padding:.05em .6em;"
    "background:#f1f1f1;border-radius:.3em}\n"
    "ul.sum b{font-weight:bold}\n"
    "ul.sum li.hl{background:#fff3c4}\n"
    "del{background:#ffd7d5;color:#82071e;text-decoration:line-through}\n"
    "ins{background:#ccffd8;color:#055d20;text-decoration:none}\n"
    ".s{margin:.5em 0;padding-left:6.5rem;text-indent:-6.5rem;overflow-wrap:anywhere}\n"
    ".n{display:inline-block;width:6rem;margin-right:.5rem;text-indent:0;"
    "font:12px/1.8 monospace;color:#777;white-space:nowrap;vertical-align:top}\n"
    ".tag{font:bold 11px sans-serif;color:#fff;background:#2a7ab0;border-radius:.3em;"
    "padding:.1em .4em;margin-left:.5em;white-space:nowrap}\n"
    ".same{color:#555}\n"
    ".moved{background:#e6f4ff;box-shadow:-.3rem 0 0 #2a7ab0}\n"
    ".moved .n{color:#2a7ab0}\n"
    "table.side{width:100%;border-collapse:collapse;table-layout:fixed}\n"
    "table.side td{vertical-align:top;padding:.35em .5em;border-bottom:1px solid #eee;"
    "overflow-wrap:anywhere}\n"
    "table.side td.num{text-align:right;font:12px/2 "
    "monospace;color:#777;padding-right:0}\n"
    "table.side th{font:bold 13px sans-serif;text-align:left;padding:.3em .5em;"
    "border-bottom:2px solid #ccc}\n"
    "table.side tr.moved td{box-shadow:none}\n"
    "p.none{font:italic 15px sans-serif;color:#555}\n";

void
vdiffhtml_begin(const struct vdiff *v)
{
	(void)v;
	html_begin("Changes between versions", vdiffhtml_css);
}

static void
vdiffhtml_id(const struct vdoc *d)
{
	out_str("<code>");
	if (d != NULL)
		html_text(d->id.p, d->id.len);
	else
		out_str("(none)");
	out_str("</code>");
}

void
vdiffhtml_story(struct vdiff *v, const struct vdoc *d)
{
	if (v->story_open)
		out_str("</section>\n");
	v->story_open = true;
	out_str("<section class=\"story\">\n<h1>Story ");
	vdiffhtml_id(d);
	out_str("</h1>\n");
}

static void
vdiffhtml_open(char op)
{
	out_str(op == '-' ? "<del>" : op == '+' ? "<ins>" : "");
}

static void
vdiffhtml_close(char op)
{
	out_str(op == '-' ? "</del>" : op == '+' ? "</ins>" : "");
}

/* The words of w but those whose op is skip, runs of changed ones marked. */
static void
vdiffhtml_words(const struct wdiff *w, char skip)
{
	char prev = 0;
	size_t k;

	for (k = 0; k < w->n; k++) {
		char op = w->v[k].op;

		if (op == skip)
			continue;
		if (prev != 0 && op == prev)
			out_byte(' ');
		else if (prev != 0) {
			vdiffhtml_close(prev);
			out_byte(' ');
		}
		if (op != prev)
			vdiffhtml_open(op);
		html_text(w->v[k].p, w->v[k].n);
		prev = op;
	}
	vdiffhtml_close(prev);
}

/* A whole sentence i of d, marked as op marks it. */
static void
vdiffhtml_sent(const struct vdoc *d, size_t i, char op)
{
	size_t n;
	const char *t = vdiff_sent(d, i, &n);

	vdiffhtml_open(op);
	html_text(t, n);
	vdiffhtml_close(op);
}

static const char *
vdiffhtml_class(char op)
{
	switch (op) {
	case '-':
		return "removed";
	case '+':
		return "added";
	case '~':
		return "edited";
	case '>':
		return "moved";
	default:
		return "same";
	}
}

static void
vdiffhtml_num(const struct vdoc *d, size_t i)
{
	if (i != ALIGN_NONE)
		out_u64(d->s[i].num);
}

/* The gutter of an inline line: what happened and the sentence numbers. */
static void
vdiffhtml_gutter(const struct vdoc *a, const struct vdoc *b, const struct align_edit *e)
{
	const char *c = vdiffhtml_class(e->op);

	out_str("<span class=\"n\" title=\"");
	out_str(c);
	out_str("\">");
	if (e->op == '>')
		out_str("&gt;");
	else
		out_byte(e->op);
	out_byte(' ');
	vdiffhtml_num(a, e->a);
	out_str(e->a != ALIGN_NONE && e->b != ALIGN_NONE ? "&rarr;" : "");
	vdiffhtml_num(b, e->b);
	out_str("</span>");
}

static void
vdiffhtml_inline(const struct vdoc *a, const struct vdoc *b, const struct align_edit *e,
                 struct wdiff *w)
{
	size_t la, lb;
	const char *ta, *tb;

	out_str("<p class=\"s ");
	out_str(vdiffhtml_class(e->op));
	out_str("\">");
	vdiffhtml_gutter(a, b, e);
	if (e->op == '~') {
		ta = vdiff_sent(a, e->a, &la);
		tb = vdiff_sent(b, e->b, &lb);
		wdiff_words(w, ta, la, tb, lb);
		vdiffhtml_words(w, 0);
	} else if (e->op == '-')
		vdiffhtml_sent(a, e->a, '-');
	else
		vdiffhtml_sent(b, e->b, e->op == '+' ? '+' : ' ');
	if (e->op == '>')
		out_str("<span class=\"tag\">moved</span>");
	out_str("</p>\n");
}

/* One side's cells of a side-by-side row: number and text (or empty). */
static void
vdiffhtml_cells(const struct vdoc *d, size_t i, char op, const struct wdiff *w, char skip,
                bool moved)
{
	out_str("<td class=\"num\">");
	vdiffhtml_num(d, i);
	out_str("</td><td>");
	if (i != ALIGN_NONE) {
		if (w != NULL)
			vdiffhtml_words(w, skip);
		else
			vdiffhtml_sent(d, i, op);
		if (moved)
			out_str("<span class=\"tag\">moved</span>");
	}
	out_str("</td>");
}

static void
vdiffhtml_side(const struct vdoc *a, const struct vdoc *b, const struct align_edit *e,
               struct wdiff *w)
{
	size_t la, lb;
	const char *ta, *tb;
	const struct wdiff *wp = NULL;

	if (e->op == '~') {
		ta = vdiff_sent(a, e->a, &la);
		tb = vdiff_sent(b, e->b, &lb);
		wdiff_words(w, ta, la, tb, lb);
		wp = w;
	}
	out_str("<tr class=\"");
	out_str(vdiffhtml_class(e->op));
	out_str("\" title=\"");
	out_str(vdiffhtml_class(e->op));
	out_str("\">");
	vdiffhtml_cells(a, e->a, e->op == '-' ? '-' : ' ', wp, '+', e->op == '>');
	vdiffhtml_cells(b, e->b, e->op == '+' ? '+' : ' ', wp, '-', e->op == '>');
	out_str("</tr>\n");
}

static void
vdiffhtml_fig(const char *cls, const char *name, size_t val)
{
	out_str(cls ? "<li class=\"" : "<li>");
	if (cls) {
		out_str(cls);
		out_str("\">");
	}
	out_str("<b>");
	out_u64(val);
	out_str("</b> ");
	out_str(name);
	out_str("</li>");
}

static void
vdiffhtml_summary(const struct vdiff_stats *st)
{
	char sim[8];

	vdiff_format_sim(sim, st->similarity);
	out_str("<ul class=\"sum\"><li><b>");
	out_str(sim);
	out_str("</b> similarity</li>");
	vdiffhtml_fig(NULL, "added", st->added);
	vdiffhtml_fig(NULL, "removed", st->removed);
	vdiffhtml_fig(NULL, "edited", st->edited);
	vdiffhtml_fig(NULL, "moved", st->moved);
	vdiffhtml_fig(NULL, "words added", st->words_added);
	vdiffhtml_fig(NULL, "words removed", st->words_removed);
	out_str(st->headline ? "<li class=\"hl\">headline changed</li>"
	                     : "<li>headline unchanged</li>");
	out_str("</ul>\n");
}

static void
vdiffhtml_headline(const struct vdoc *a, const struct vdoc *b)
{
	const struct vdoc *d = b != NULL && b->n > 0 ? b : a;
	size_t n;
	const char *t;

	out_str("<h2>");
	if (d != NULL && d->n > 0) {
		t = vdiff_sent(d, 0, &n);
		html_text(t, n);
	} else
		out_str("(empty)");
	out_str("</h2>\n<p class=\"meta\">");
	vdiffhtml_id(a);
	out_str(" &rarr; ");
	vdiffhtml_id(b);
	out_str("</p>\n");
}

void
vdiffhtml_pair(const struct vdiff *v, const struct vdoc *a, const struct vdoc *b,
               const struct vdiff_result *r)
{
	struct wdiff w = {0};
	bool side = v->o.html == VDIFF_SIDE;
	size_t i;

	out_str("<article class=\"pair\">\n");
	vdiffhtml_headline(a, b);
	vdiffhtml_summary(&r->st);
	if (!v->o.summary) {
		out_str(
		    side ? "<table class=\"side\">\n<colgroup><col style=\"width:2.5em\">"
		           "<col><col style=\"width:2.5em\"><col></colgroup>\n"
		           "<tr><th colspan=\"2\">old</th><th "
		           "colspan=\"2\">new</th></tr>\n"
		         : "<div class=\"diff\">\n");
		for (i = 0; i < r->e.n; i++) {
			const struct align_edit *e = &r->e.v[i];

			if (e->op == '=' && !v->o.all)
				continue;
			if (side)
				vdiffhtml_side(a, b, e, &w);
			else
				vdiffhtml_inline(a, b, e, &w);
		}
		out_str(side ? "</table>\n" : "</div>\n");
	}
	out_str("</article>\n");
	wdiff_free(&w);
}

void
vdiffhtml_end(struct vdiff *v)
{
	if (v->story_open)
		out_str("</section>\n");
	v->story_open = false;
	if (v->pairs == 0)
		out_str("<p class=\"none\">No versions to compare.</p>\n");
	html_end();
}
