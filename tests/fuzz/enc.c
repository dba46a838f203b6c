/*
 * Reading text that may not be UTF-8 (enc.h), in each --encoding mode,
 * then folding its whitespace as tabloid-split does and chaining the two
 * maps (fold.h), and the output buffer's repair of invalid bytes (out.h).
 *
 * Invariants: the text read is valid UTF-8, and equals the input when the
 * result is ENC_CLEAN; its map sends 0 to 0, its length to the input's,
 * and every character boundary into the input, in increasing order; the
 * chained map of the folded text does the same; the fold column written
 * parses back to the same map.
 */
#include "config.h"

#include <string.h>

#include "fuzz.h"
#include "lib/enc.h"
#include "lib/fold.h"
#include "lib/sbuf.h"
#include "lib/utf8.h"

static struct enc e;
static struct sbuf text, folds, col;
static struct fold_map ws, chain, back;

/* Check that m sends the character boundaries of s[0..n) into [0, total], in order. */
static void
check_map(const struct fold_map *m, const char *s, size_t n, size_t total)
{
	size_t t = 0, last = 0;

	fuzz_assert(fold_offset(m, 0) == 0, "offset 0 does not map to 0");
	while (t < n) {
		int32_t cp;
		size_t k = fold_offset(m, t);

		fuzz_assert(k >= last && k <= total, "a mapped offset goes back or out");
		last = k;
		t += utf8_decode(s + t, n - t, &cp);
	}
	fuzz_assert(fold_offset(m, n) == total, "the end does not map to the end");
}

static void
one_mode(enum enc_mode mode, const char *s, size_t n)
{
	enum enc_result r = enc_text(&e, mode, s, n);
	const char *u = r == ENC_CLEAN ? s : e.u.p;
	size_t un = r == ENC_CLEAN ? n : e.u.len;
	const struct fold_map *m = r == ENC_CLEAN ? NULL : &e.map;

	fuzz_assert(utf8_valid_len(u, un) == un, "the text read is not valid UTF-8");
	if (m != NULL)
		check_map(m, u, un, n);
	sbuf_reset(&text);
	sbuf_reset(&folds);
	fold_text(&text, &folds, u, un);
	fuzz_assert(fold_parse(&ws, folds.p ? folds.p : "", folds.len) == 0,
	            "the fold column does not parse");
	fold_chain(&chain, text.p, text.len, &ws, 0, m);
	check_map(&chain, text.p, text.len, n);
	sbuf_reset(&col);
	fold_format(&col, &chain);
	fuzz_assert(fold_parse(&back, col.p ? col.p : "", col.len) == 0 && back.n == chain.n,
	            "the chained fold column does not parse back");
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data;

	one_mode(ENC_AUTO, s, size);
	one_mode(ENC_UTF8, s, size);
	one_mode(ENC_CP1252, s, size);
	return 0;
}
