/*
 * html: what the HTML views of the programs share.
 *
 * A view is one self-contained page: html_begin() writes the doctype, the
 * head with the inline stylesheet (the common rules, the colours of the
 * entity types and the view's own rules) and opens the body; html_end()
 * closes it.  Everything goes through out.h, so -o stays atomic.  Text
 * from the articles is written only through the escaping functions, so
 * that an article holding markup shows it as text and runs nothing.
 */
#ifndef TABLOID_HTML_H
#define TABLOID_HTML_H

#include <stddef.h>

#include "sbuf.h"

/*
 * Append the n bytes at p to b escaped for HTML text and for a quoted
 * attribute value alike: & < > " ' become character references, and the
 * control characters HTML forbids (C0 but TAB, LF and CR; DEL) become
 * U+FFFD.  Other bytes are copied (out.h makes invalid UTF-8 valid).
 */
void html_escape(struct sbuf *b, const char *p, size_t n);
/* Write the n bytes at p escaped as html_escape() does. */
void html_text(const char *p, size_t n);
/* Write the NUL-terminated s escaped as html_escape() does. */
void html_str(const char *s);

/*
 * The background colour of the entity type t (n bytes), as "#rrggbb":
 * PERSON, ORG, GPE, LOC and NORP have their own, every other type #ddd.
 */
const char *html_type_color(const char *t, size_t n);

/*
 * Start the page: doctype, head with the title (escaped) and the
 * stylesheet, then <body>.  css (may be NULL) is the view's own rules,
 * written as they are after the common ones; it must be trusted text.
 */
void html_begin(const char *title, const char *css);
/* End the page: </body></html> and a newline. */
void html_end(void);

#endif
