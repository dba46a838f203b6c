/*
 * tok: the tokenizer shared by tabloid-tokenize and tabloid-tag-entities.
 *
 * Text is cut at whitespace into chunks; each chunk loses prefixes
 * (opening punctuation, currency) and suffixes (closing punctuation,
 * clitics such as 's and n't, %) until what is left is a special token
 * (URL, e-mail address, @mention, #hashtag, number, abbreviation) or is cut
 * at infixes (ellipses, slashes between words, "word.Word").  Bytes that
 * are not valid UTF-8, NUL and other control characters become tokens of
 * type other.  Tokens never overlap and keep their bytes as they are:
 * normalisation is the caller's business.
 */
#ifndef TABLOID_TOK_H
#define TABLOID_TOK_H

#include <stddef.h>

#include "abbrev.h"

enum tok_type {
	TOK_WORD,
	TOK_NUMBER,
	TOK_PUNCT,
	TOK_SYMBOL,
	TOK_URL,
	TOK_EMAIL,
	TOK_MENTION,
	TOK_HASHTAG,
	TOK_OTHER
};

struct tok {
	size_t start;		/* first byte in the text */
	size_t end;		/* one past the last byte */
	enum tok_type type;	/* class of the token */
};

struct tok_list {
	struct tok *v;	/* tokens in text order */
	size_t n;	/* tokens in use */
	size_t cap;	/* tokens allocated */
};

/*
 * Replace the contents of out with the tokens of s[0..n).  ab (may be
 * NULL) supplies the abbreviations that keep their final period.
 */
void tok_text(const struct abbrev *ab, const char *s, size_t n,
    struct tok_list *out);
/* The name of a token type: "word", "number", ... */
const char *tok_type_name(enum tok_type t);
/* The type named s (n bytes), or -1. */
int tok_type_parse(const char *s, size_t n);
/* The length of that name. */
size_t tok_type_len(enum tok_type t);
/* Free a token list. */
void tok_list_free(struct tok_list *l);

#endif
