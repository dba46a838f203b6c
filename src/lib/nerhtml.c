#include "config.h"

#include <stdio.h>
#include <string.h>

#include "gaz.h"
#include "html.h"
#include "nerhtml.h"
#include "out.h"

static const char nerhtml_css[] =
    "nav ol{columns:2 18em;padding-left:1.5em}\n"
    "section.doc{border-top:1px solid #ccc;margin:1.5em 0;padding-top:.2em}\n"
    "section.doc h2 code{font:inherit}\n"
    ".legend{margin:.3em 0 1em}\n"
    ".legend li{margin:.15em 0;padding-left:5.9em;text-indent:-5.9em}\n"
    ".legend ul{list-style:none;padding:0;margin:0}\n"
    ".legend span{display:inline-block;min-width:5.5em;padding:0 .4em;margin-right:.5em;"
    "border-radius:.3em;font:bold 12px/1.7 sans-serif;color:#333;text-indent:0}\n"
    ".text p{margin:0 0 .9em;line-height:2}\n"
    "mark[data-type]::after{content:attr(data-type);font:bold 10px sans-serif;"
    "margin-left:.4em;vertical-align:middle;color:#333;opacity:.75}\n"
    "mark[data-punct]{padding-right:.1em}\n"
    "mark[data-open]{padding-left:.1em}\n"
    "p.none{font:italic 15px sans-serif;color:#555}\n";

static void
add_str(struct sbuf *b, const char *s)
{
	sbuf_add(b, s, strlen(s));
}

static void
add_num(struct sbuf *b, size_t v)
{
	char buf[32];

	snprintf(buf, sizeof buf, "%zu", v);
	add_str(b, buf);
}

static const char *
mention_canon(const struct ner_doc *d, const struct ner_mention *m, size_t *n)
{
	*n = m->clen;
	return d->canon.p + m->canon;
}

static bool
shown(const struct ner_doc *d, size_t k, uint32_t types)
{
	return (types & GAZ_BIT(d->m[k].type)) != 0;
}

/* Mentions k of d before k with the same type and canonical entity. */
static bool
seen_before(const struct ner_doc *d, size_t k, uint32_t types)
{
	size_t i, n, nk;
	const char *ck = mention_canon(d, &d->m[k], &nk);

	for (i = 0; i < k; i++) {
		const char *c = mention_canon(d, &d->m[i], &n);

		if (shown(d, i, types) && d->m[i].type == d->m[k].type && n == nk &&
		    memcmp(c, ck, n) == 0)
			return true;
	}
	return false;
}

/* How many mentions of d name the entity of mention k. */
static size_t
times(const struct ner_doc *d, size_t k)
{
	size_t i, n, nk, c = 0;
	const char *ck = mention_canon(d, &d->m[k], &nk);

	for (i = k; i < d->nm; i++)
		if (d->m[i].type == d->m[k].type && d->m[i].clen == nk &&
		    memcmp(mention_canon(d, &d->m[i], &n), ck, nk) == 0)
			c++;
	return c;
}

static void
legend(struct nerhtml *h, const struct ner_doc *d, uint32_t types)
{
	struct sbuf *b = &h->body;
	size_t k, n;
	int t;
	bool first;

	add_str(b, "<div class=\"legend\"><ul>\n");
	for (t = 0; t < GAZ_NENTITY; t++) {
		const char *name = gaz_type_name((enum gaz_type)t);

		first = true;
		for (k = 0; k < d->nm; k++) {
			const char *c;

			if (d->m[k].type != t || !shown(d, k, types) ||
			    seen_before(d, k, types))
				continue;
			add_str(b, first ? "<li><span class=\"" : ", ");
			if (first) {
				add_str(b, name);
				add_str(b, "\">");
				add_str(b, name);
				add_str(b, "</span>");
			}
			first = false;
			c = mention_canon(d, &d->m[k], &n);
			html_escape(b, c, n);
			if ((n = times(d, k)) > 1) {
				add_str(b, " &times;");
				add_num(b, n);
			}
		}
		if (!first)
			add_str(b, "</li>\n");
	}
	add_str(b, "</ul></div>\n");
}

/*
 * Whether the n bytes at p begin with a mark of punctuation that follows a
 * word without a space: , . ; : ! ? ) ] ' " or a closing curly quote.
 */
static int
closing_punct(const char *p, size_t n)
{
	if (n >= 1 && strchr(",.;:!?)]'\"", p[0]) != NULL && p[0] != '\0')
		return 1;
	return n >= 3 && memcmp(p, "\xe2\x80", 2) == 0 &&
	    (p[2] == '\x99' || p[2] == '\x9d');
}

/*
 * Whether the n bytes before p end in a mark of punctuation that comes
 * before a word without a space: ( [ ' " or an opening curly quote.
 */
static int
opening_punct(const char *p, size_t n)
{
	if (n >= 1 && strchr("([\'\"", p[-1]) != NULL && p[-1] != '\0')
		return 1;
	return n >= 3 && memcmp(p - 3, "\xe2\x80", 2) == 0 &&
	    (p[-1] == '\x98' || p[-1] == '\x9c');
}

/*
 * Mention m of d, in a sentence from byte start to end, as a <mark>: with
 * data-punct when punctuation follows it, data-open when punctuation comes
 * before it, whose padding on that side is then narrow (no gap shows).
 */
static void
mark(struct nerhtml *h, const struct ner_doc *d, const struct ner_mention *m,
    size_t start, size_t end)
{
	struct sbuf *b = &h->body;
	const char *name = gaz_type_name((enum gaz_type)m->type), *c;
	size_t s = d->t[m->tb].s, e = d->t[m->te - 1].e, n;

	add_str(b, "<mark class=\"");
	add_str(b, name);
	add_str(b, "\" data-type=\"");
	add_str(b, name);
	if (closing_punct(d->text.p + e, end - e))
		add_str(b, "\" data-punct=\"");
	if (opening_punct(d->text.p + s, s - start))
		add_str(b, "\" data-open=\"");
	add_str(b, "\" title=\"");
	c = mention_canon(d, m, &n);
	html_escape(b, c, n);
	add_str(b, " (");
	add_str(b, name);
	add_str(b, ")\">");
	html_escape(b, d->text.p + s, e - s);
	add_str(b, "</mark>");
}

/* Sentence si of d, its mentions marked. */
static void
sentence(struct nerhtml *h, const struct ner_doc *d, size_t si, uint32_t types)
{
	const struct ner_sent *S = &d->s[si];
	size_t pos = S->s, i;

	for (i = S->tb; i < S->te; i++) {
		const struct ner_mention *m;

		if (d->t[i].m < 0)
			continue;
		m = &d->m[d->t[i].m];
		if (m->tb != i || !(types & GAZ_BIT(m->type)))
			continue;
		html_escape(&h->body, d->text.p + pos, d->t[i].s - pos);
		mark(h, d, m, S->s, S->e);
		pos = d->t[m->te - 1].e;
	}
	html_escape(&h->body, d->text.p + pos, S->e - pos);
}

static size_t
count_shown(const struct ner_doc *d, uint32_t types)
{
	size_t k, c = 0;

	for (k = 0; k < d->nm; k++)
		c += shown(d, k, types);
	return c;
}

static void
toc_entry(struct nerhtml *h, const char *id, size_t n, size_t mentions)
{
	add_str(&h->toc, "<li><a href=\"#doc-");
	add_num(&h->toc, h->ndocs);
	add_str(&h->toc, "\">");
	html_escape(&h->toc, id, n);
	add_str(&h->toc, "</a> <span class=\"meta\">(");
	add_num(&h->toc, mentions);
	add_str(&h->toc,
	        mentions == 1 ? " mention)</span></li>\n" : " mentions)</span></li>\n");
}

void
nerhtml_doc(struct nerhtml *h, const char *id, size_t n, const struct ner_doc *d,
            const uint64_t *para, uint32_t types)
{
	struct sbuf *b = &h->body;
	size_t si, mentions = count_shown(d, types);

	h->ndocs++;
	toc_entry(h, id, n, mentions);
	add_str(b, "<section class=\"doc\" id=\"doc-");
	add_num(b, h->ndocs);
	add_str(b, "\">\n<h2><code>");
	html_escape(b, id, n);
	add_str(b, "</code></h2>\n<p class=\"meta\">");
	add_num(b, d->ns);
	add_str(b, d->ns == 1 ? " sentence, " : " sentences, ");
	add_num(b, mentions);
	add_str(b, mentions == 1 ? " mention</p>\n" : " mentions</p>\n");
	if (mentions > 0)
		legend(h, d, types);
	add_str(b, "<div class=\"text\">\n");
	for (si = 0; si < d->ns; si++) {
		bool start = si == 0 || (para != NULL && para[si] != para[si - 1]);

		if (start)
			add_str(b, si == 0 ? "<p>" : "</p>\n<p>");
		else
			add_str(b, " ");
		sentence(h, d, si, types);
	}
	add_str(b, d->ns > 0 ? "</p>\n</div>\n</section>\n" : "</div>\n</section>\n");
}

void
nerhtml_end(struct nerhtml *h)
{
	html_begin("Named entities", nerhtml_css);
	out_str("<h1>Named entities</h1>\n");
	if (h->ndocs > 1) {
		out_str("<nav><ol>\n");
		out_write(h->toc.p, h->toc.len);
		out_str("</ol></nav>\n");
	}
	if (h->ndocs == 0)
		out_str("<p class=\"none\">No documents.</p>\n");
	out_write(h->body.p ? h->body.p : "", h->body.len);
	html_end();
	sbuf_free(&h->body);
	sbuf_free(&h->toc);
	sbuf_free(&h->tmp);
}
