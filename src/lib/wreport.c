#include "config.h"

#include <stdio.h>
#include <string.h>

#include "out.h"
#include "wdiff.h"
#include "wreport.h"
#include "wstate.h"

#define WREPORT_TSV_HEADER                                                              \
	"time\tdoc\tchange\told_version\tnew_version\top\told_sent\tnew_sent\tsimilarity\t" \
	"ent_label\tentity\ttext\n"

static const struct wdiff_marks wreport_html_marks = { "<del>", "</del>", "<ins>",
	"</ins>" };

void
wreport_count(size_t n)
{
	char buf[32];
	size_t len, i;

	snprintf(buf, sizeof buf, "%zu", n);
	len = strlen(buf);
	for (i = 0; i < len; i++) {
		if (i > 0 && (len - i) % 3 == 0)
			out_byte(',');
		out_byte(buf[i]);
	}
}

/* Text escaped for HTML (and for TSV's four escapes not needed there). */
static void
wreport_html(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		switch (s[i]) {
		case '&': out_str("&amp;"); break;
		case '<': out_str("&lt;"); break;
		case '>': out_str("&gt;"); break;
		case '"': out_str("&quot;"); break;
		default:
			if ((unsigned char)s[i] < 0x20 && s[i] != '\t' && s[i] != '\n')
				out_str("\xef\xbf\xbd");
			else
				out_byte(s[i]);
		}
	}
}

static void
wreport_html_str(const char *s)
{
	wreport_html(s, strlen(s));
}

static void
wreport_summary(const struct wreport_counts *c)
{
	static const char *names[] = { "changed", "new", "removed", "unreadable" };
	size_t v[] = { c->changed, c->added, c->removed, c->unreadable };
	size_t i;
	bool first = true;

	for (i = 0; i < 4; i++) {
		if (i == 3 && v[i] == 0)
			continue;
		if (!first)
			out_str(", ");
		first = false;
		wreport_count(v[i]);
		out_byte(' ');
		out_str(names[i]);
	}
	out_str("; ");
	wreport_count(c->unchanged);
	out_str(" unchanged");
}

static const char wreport_css[] =
	"body{font:16px/1.5 Georgia,serif;max-width:52em;margin:2em auto;padding:0 1em;"
	"color:#222}\n"
	"h1{font-size:1.3em}h2{font-size:1.1em;margin-top:2em;border-top:1px solid #ccc;"
	"padding-top:.5em}\n"
	".meta{color:#555;font-size:.9em}.headline{font-weight:bold}\n"
	"del,.removed{background:#fdd;color:#900;text-decoration:line-through}\n"
	"ins,.added{background:#dfd;color:#060;text-decoration:none}\n"
	"table{border-collapse:collapse;width:100%}td{vertical-align:top;padding:.2em .4em}\n"
	"td.n{color:#888;text-align:right;font:12px monospace;white-space:nowrap}\n"
	".entered{color:#060}.left{color:#900}\n";

void
wreport_begin(struct wreport *r, enum wreport_format f, int64_t time,
    const struct wreport_counts *c, bool noheader)
{
	char t[24];

	memset(r, 0, sizeof *r);
	r->f = f;
	r->time = time;
	r->noheader = noheader;
	wstate_format_time(t, time);
	switch (f) {
	case WREPORT_TSV:
		if (!noheader)
			out_str(WREPORT_TSV_HEADER);
		break;
	case WREPORT_TEXT:
		wreport_summary(c);
		out_byte('\n');
		break;
	case WREPORT_HTML:
		out_str("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
		        "<title>Changes at ");
		out_str(t);
		out_str("</title>\n<style>\n");
		out_str(wreport_css);
		out_str("</style></head><body>\n<h1>");
		wreport_summary(c);
		out_str("</h1>\n<p class=\"meta\">Run at ");
		out_str(t);
		out_str("</p>\n");
		r->html_open = true;
		break;
	}
}

/* The first columns of a TSV row. */
static void
wreport_tsv_start(const struct wreport *r, const char *id, const char *change, uint64_t va,
    uint64_t vb)
{
	char t[24];

	wstate_format_time(t, r->time);
	out_str(t);
	out_byte('\t');
	out_escaped(id, strlen(id));
	out_byte('\t');
	out_str(change);
	out_byte('\t');
	if (va > 0)
		out_u64(va);
	out_byte('\t');
	if (vb > 0)
		out_u64(vb);
	out_byte('\t');
}

static const char *
wreport_headline(const struct vdoc *d, size_t *n)
{
	if (d == NULL || d->n == 0) {
		*n = 0;
		return "";
	}
	*n = d->s[0].len;
	return d->text.p + d->s[0].off;
}

static void
wreport_text_line(const char *label, const char *s, size_t n)
{
	out_str("  ");
	out_str(label);
	out_escaped(s, n);
	out_byte('\n');
}

static void
wreport_html_head(const char *change, const char *id, const char *source, const char *hl,
    size_t hn)
{
	out_str("<h2>");
	out_str(change);
	out_str(": ");
	wreport_html_str(id);
	out_str("</h2>\n");
	if (hn > 0) {
		out_str("<p class=\"headline\">");
		wreport_html(hl, hn);
		out_str("</p>\n");
	}
	if (source != NULL) {
		out_str("<p class=\"meta\">source: ");
		wreport_html_str(source);
		out_str("</p>\n");
	}
}

void
wreport_whole(struct wreport *r, const char *change, const struct wreport_side *s,
    const char *source)
{
	size_t hn;
	const char *hl = wreport_headline(s->d, &hn);
	bool isnew = strcmp(change, "new") == 0;

	switch (r->f) {
	case WREPORT_TSV:
		wreport_tsv_start(r, s->id, change, isnew ? 0 : s->version, isnew ? s->version : 0);
		out_str("\t\t\t\t\t\t");
		out_escaped(hl, hn);
		out_byte('\n');
		break;
	case WREPORT_TEXT:
		out_byte('\n');
		out_str(change);
		out_str(": ");
		out_escaped(s->id, strlen(s->id));
		out_byte('\n');
		wreport_text_line("headline: ", hl, hn);
		if (source != NULL)
			wreport_text_line("source: ", source, strlen(source));
		break;
	case WREPORT_HTML:
		wreport_html_head(change, s->id, source, hl, hn);
		break;
	}
}

void
wreport_unreadable(struct wreport *r, const char *id, const char *source, const char *why)
{
	switch (r->f) {
	case WREPORT_TSV:
		wreport_tsv_start(r, id, "unreadable", 0, 0);
		out_str("\t\t\t\t\t\t");
		out_escaped(why, strlen(why));
		out_byte('\n');
		break;
	case WREPORT_TEXT:
		out_str("\nunreadable: ");
		out_escaped(id, strlen(id));
		out_byte('\n');
		wreport_text_line("source: ", source, strlen(source));
		wreport_text_line("error: ", why, strlen(why));
		break;
	case WREPORT_HTML:
		wreport_html_head("unreadable", id, source, why, strlen(why));
		break;
	}
}

static void
wreport_names_text(const char *label, const struct entdiff_names *l)
{
	size_t i;

	if (l->n == 0)
		return;
	out_str("  ");
	out_str(label);
	for (i = 0; i < l->n; i++) {
		out_str(i > 0 ? "; " : " ");
		out_escaped(l->v[i].name, strlen(l->v[i].name));
		out_str(" (");
		out_str(gaz_type_name((enum gaz_type)l->v[i].type));
		out_byte(')');
	}
	out_byte('\n');
}

static void
wreport_names_html(const char *label, const struct entdiff_names *l)
{
	size_t i;

	if (l->n == 0)
		return;
	out_str("<p class=\"");
	out_str(label);
	out_str("\">");
	out_str(label);
	out_str(":");
	for (i = 0; i < l->n; i++) {
		out_str(i > 0 ? "; " : " ");
		wreport_html_str(l->v[i].name);
		out_str(" <small>");
		out_str(gaz_type_name((enum gaz_type)l->v[i].type));
		out_str("</small>");
	}
	out_str("</p>\n");
}

static void
wreport_names_tsv(const struct wreport *r, const struct wreport_side *a,
    const struct wreport_side *b, const char *change, const struct entdiff_names *l)
{
	size_t i;

	for (i = 0; i < l->n; i++) {
		wreport_tsv_start(r, b->id, change, a->version, b->version);
		out_str("\t\t\t\t");
		out_str(gaz_type_name((enum gaz_type)l->v[i].type));
		out_byte('\t');
		out_escaped(l->v[i].name, strlen(l->v[i].name));
		out_str("\t\n");
	}
}

/* The text of an edit: the sentence, or for '~' the word diff with marks m. */
static const char *
wreport_edit_text(const struct wreport_side *a, const struct wreport_side *b,
    const struct align_edit *e, const struct wdiff_marks *m, struct wdiff *w,
    struct sbuf *buf, size_t *n)
{
	const char *ta, *tb;
	size_t la, lb;

	if (e->op != '~')
		return e->b != ALIGN_NONE ? vdiff_sent(b->d, e->b, n) : vdiff_sent(a->d, e->a, n);
	ta = vdiff_sent(a->d, e->a, &la);
	tb = vdiff_sent(b->d, e->b, &lb);
	wdiff_words(w, ta, la, tb, lb);
	sbuf_reset(buf);
	wdiff_render(w, m, buf);
	*n = buf->len;
	return buf->p ? buf->p : "";
}

static void
wreport_num_cell(const struct vdoc *d, size_t i)
{
	out_str("<td class=\"n\">");
	if (i != ALIGN_NONE)
		out_u64(d->s[i].num);
	out_str("</td>");
}

/* HTML: the word diff's own text is escaped, the marks are not. */
static void
wreport_html_edit(const struct wreport_side *a, const struct wreport_side *b,
    const struct align_edit *e, struct wdiff *w)
{
	size_t i, n;
	const char *t;
	char prev = ' ';

	out_str(e->op == '+' ? "<tr class=\"added\">" : e->op == '-' ? "<tr class=\"removed\">" :
	    "<tr>");
	wreport_num_cell(a->d, e->a);
	wreport_num_cell(b->d, e->b);
	out_str("<td>");
	if (e->op != '~') {
		t = e->b != ALIGN_NONE ? vdiff_sent(b->d, e->b, &n) : vdiff_sent(a->d, e->a, &n);
		if (e->op == '>')
			out_str("<small>(moved)</small> ");
		wreport_html(t, n);
		out_str("</td></tr>\n");
		return;
	}
	{
		const char *ta, *tb;
		size_t la, lb;

		ta = vdiff_sent(a->d, e->a, &la);
		tb = vdiff_sent(b->d, e->b, &lb);
		wdiff_words(w, ta, la, tb, lb);
	}
	for (i = 0; i < w->n; i++) {
		char op = w->v[i].op;

		if (op != prev && prev != ' ')
			out_str(prev == '-' ? wreport_html_marks.del_close : wreport_html_marks.ins_close);
		if (i > 0 && !(prev == '-' && op == '+'))
			out_byte(' ');
		if (op != prev && op != ' ')
			out_str(op == '-' ? wreport_html_marks.del_open : wreport_html_marks.ins_open);
		wreport_html(w->v[i].p, w->v[i].n);
		prev = op;
	}
	if (prev != ' ')
		out_str(prev == '-' ? wreport_html_marks.del_close : wreport_html_marks.ins_close);
	out_str("</td></tr>\n");
}

static void
wreport_tsv_edit(const struct wreport *r, const struct wreport_side *a,
    const struct wreport_side *b, const struct align_edit *e, struct wdiff *w,
    struct sbuf *buf)
{
	char sim[8];
	size_t n;
	const char *t = wreport_edit_text(a, b, e, &wdiff_plain, w, buf, &n);

	wreport_tsv_start(r, b->id, "changed", a->version, b->version);
	out_byte(e->op);
	out_byte('\t');
	if (e->a != ALIGN_NONE)
		out_u64(a->d->s[e->a].num);
	out_byte('\t');
	if (e->b != ALIGN_NONE)
		out_u64(b->d->s[e->b].num);
	out_byte('\t');
	vdiff_format_sim(sim, e->sim);
	out_str(sim);
	out_str("\t\t\t");
	out_escaped(t, n);
	out_byte('\n');
}

void
wreport_changed(struct wreport *r, const struct wreport_side *a,
    const struct wreport_side *b, const char *source, const struct vdiff_result *res,
    const struct entdiff_names *in, const struct entdiff_names *out)
{
	struct wdiff w = { 0 };
	struct sbuf buf = SBUF_INIT;
	size_t i, hn;
	const char *hl = wreport_headline(b->d, &hn);

	if (r->f == WREPORT_TEXT) {
		struct vdiff v;
		struct vdiff_opts o = { 0 };

		out_str("\nchanged: ");
		out_escaped(b->id, strlen(b->id));
		out_byte('\n');
		wreport_text_line("headline: ", hl, hn);
		if (source != NULL)
			wreport_text_line("source: ", source, strlen(source));
		wreport_names_text("entered:", in);
		wreport_names_text("left:", out);
		o.pretty = true;
		vdiff_init(&v, &o);
		vdiff_write(&v, a->d, b->d, res);
		return;
	}
	if (r->f == WREPORT_HTML) {
		char ta[24], tb[24];

		wreport_html_head("changed", b->id, source, hl, hn);
		wstate_format_time(ta, a->time);
		wstate_format_time(tb, b->time);
		out_str("<p class=\"meta\">version ");
		out_u64(a->version);
		out_str(" (");
		out_str(ta);
		out_str(") \xe2\x86\x92 version ");
		out_u64(b->version);
		out_str(" (");
		out_str(tb);
		out_str(")</p>\n");
		wreport_names_html("entered", in);
		wreport_names_html("left", out);
		out_str("<table>\n");
	} else {
		wreport_names_tsv(r, a, b, "entered", in);
		wreport_names_tsv(r, a, b, "left", out);
	}
	for (i = 0; i < res->e.n; i++) {
		if (res->e.v[i].op == '=')
			continue;
		if (r->f == WREPORT_HTML)
			wreport_html_edit(a, b, &res->e.v[i], &w);
		else
			wreport_tsv_edit(r, a, b, &res->e.v[i], &w, &buf);
	}
	if (r->f == WREPORT_HTML)
		out_str("</table>\n");
	wdiff_free(&w);
	sbuf_free(&buf);
}

void
wreport_end(struct wreport *r)
{
	if (r->f == WREPORT_HTML && r->html_open)
		out_str("</body></html>\n");
}
