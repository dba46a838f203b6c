#include "config.h"

#include <string.h>

#include "html.h"
#include "out.h"

static const struct {
	const char *type, *color;
} html_colors[] = {
    {"PERSON", "#aa9cfc"}, {"ORG", "#7aecec"},  {"GPE", "#feca74"},
    {"LOC", "#ff9561"},    {"NORP", "#c887fb"},
};

#define HTML_OTHER "#ddd"

static const char html_css[] =
    "body{margin:0 auto;max-width:60em;padding:1em 1.5em;"
    "font:16px/1.55 Georgia,'DejaVu Serif',serif;color:#222;background:#fff;"
    "overflow-wrap:anywhere}\n"
    "h1{font:bold 1.4em/1.3 sans-serif;margin:.2em 0 .6em}\n"
    "h2{font:bold 1.2em/1.3 sans-serif;margin:1.2em 0 .3em}\n"
    ".meta,.legend,nav{font:14px/1.5 sans-serif;color:#555}\n"
    "code{font:13px monospace;overflow-wrap:anywhere}\n"
    "mark{padding:.1em .3em;border-radius:.35em;line-height:1;"
    "box-decoration-break:clone;-webkit-box-decoration-break:clone}\n"
    "mark .t{font:bold 10px sans-serif;text-transform:uppercase;"
    "margin-left:.4em;vertical-align:middle;color:#333}\n";

void
html_escape(struct sbuf *b, const char *p, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)p[i];

		switch (c) {
		case '&':
			sbuf_add(b, "&amp;", 5);
			break;
		case '<':
			sbuf_add(b, "&lt;", 4);
			break;
		case '>':
			sbuf_add(b, "&gt;", 4);
			break;
		case '"':
			sbuf_add(b, "&quot;", 6);
			break;
		case '\'':
			sbuf_add(b, "&#39;", 5);
			break;
		default:
			if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') ||
			    c == 0x7f)
				sbuf_add(b, "\xef\xbf\xbd", 3);
			else
				sbuf_addc(b, c);
		}
	}
}

void
html_text(const char *p, size_t n)
{
	static struct sbuf b = SBUF_INIT;

	sbuf_reset(&b);
	html_escape(&b, p, n);
	out_write(b.p ? b.p : "", b.len);
}

void
html_str(const char *s)
{
	html_text(s, strlen(s));
}

const char *
html_type_color(const char *t, size_t n)
{
	size_t i;

	for (i = 0; i < sizeof html_colors / sizeof html_colors[0]; i++)
		if (strlen(html_colors[i].type) == n &&
		    memcmp(html_colors[i].type, t, n) == 0)
			return html_colors[i].color;
	return HTML_OTHER;
}

void
html_begin(const char *title, const char *css)
{
	size_t i;

	out_str(
	    "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
	    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
	    "<title>");
	html_str(title);
	out_str("</title>\n<style>\n");
	out_str(html_css);
	for (i = 0; i < sizeof html_colors / sizeof html_colors[0]; i++) {
		out_str("mark.");
		out_str(html_colors[i].type);
		out_str(",.legend .");
		out_str(html_colors[i].type);
		out_str("{background:");
		out_str(html_colors[i].color);
		out_str("}\n");
	}
	out_str("mark,.legend span{background:" HTML_OTHER "}\n");
	if (css != NULL)
		out_str(css);
	out_str("</style>\n</head>\n<body>\n");
}

void
html_end(void)
{
	out_str("</body>\n</html>\n");
}
