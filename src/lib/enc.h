/*
 * enc: the text of a document as valid UTF-8, with a map back to its bytes.
 *
 * Every program writes valid UTF-8 and offsets into the bytes it read.
 * A document that is valid UTF-8 is used as it is.  Otherwise, under
 * ENC_AUTO, it is read as Windows-1252 (which covers Latin-1, as browsers
 * read text labelled ISO-8859-1) when it looks like that encoding: it has
 * none of the five bytes Windows-1252 leaves undefined (0x81, 0x8D, 0x8F,
 * 0x90, 0x9D), and more of its bytes are invalid as UTF-8 than form valid
 * multi-byte UTF-8 characters.  Failing that it is UTF-8 with stray bytes,
 * and each invalid byte becomes U+FFFD.  ENC_UTF8 and ENC_CP1252 choose
 * one reading for every document.  NUL bytes are characters like any
 * other.
 */
#ifndef TABLOID_ENC_H
#define TABLOID_ENC_H

#include <stdbool.h>
#include <stddef.h>

#include "fold.h"
#include "sbuf.h"

enum enc_mode { ENC_AUTO, ENC_UTF8, ENC_CP1252 };

enum enc_result {
	ENC_CLEAN,	/* valid UTF-8, or all ASCII: use the bytes as they are */
	ENC_REPAIRED,	/* UTF-8 with invalid bytes, each now U+FFFD */
	ENC_DECODED	/* read as Windows-1252 */
};

struct enc {
	struct sbuf u;		/* the text in UTF-8, unless ENC_CLEAN */
	struct fold_map map;	/* offsets in u back to the bytes read */
};

/*
 * The mode an --encoding argument names: "auto", "utf-8" (or "utf8"),
 * and for ENC_CP1252 "windows-1252", "cp1252" and the labels the WHATWG
 * Encoding Standard reads as it: "latin1", "iso-8859-1", "ascii" and
 * others; case does not matter.  Returns -1 for a name it does not know.
 */
int enc_parse(const char *name, enum enc_mode *mode);
/* The names enc_parse() takes, for messages. */
#define ENC_NAMES "auto, utf-8, windows-1252 (or latin1)"
/*
 * Read s[0..n) in mode.  Unless the result is ENC_CLEAN, e->u holds the
 * text (NUL-terminated) and e->map maps its offsets back to s.
 */
enum enc_result enc_text(struct enc *e, enum enc_mode mode, const char *s, size_t n);
/* Free e's memory. */
void enc_free(struct enc *e);

#endif
