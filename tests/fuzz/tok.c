/*
 * The tokenizer (tabloid-tokenize, and tabloid-tag-entities before its
 * gazetteers) with the shipped abbreviation list, and the case folding and
 * NFKC forms of --lower and --nfkc.
 *
 * Invariants: tokens lie inside the text, in order, without overlap,
 * non-empty, with a type that has a name; every byte outside the tokens
 * is whitespace, so that nothing of the text is lost.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "lib/abbrev.h"
#include "lib/data.h"
#include "lib/sbuf.h"
#include "lib/tok.h"
#include "lib/utf8.h"

static struct abbrev ab;
static struct tok_list toks;
static struct sbuf form;

static void
check_gap(const char *s, size_t b, size_t e)
{
	size_t len;
	int32_t cp;

	while (b < e) {
		len = utf8_decode(s + b, e - b, &cp);
		fuzz_assert(cp >= 0 && utf8_is_space(cp),
		            "bytes outside every token are lost");
		b += len;
	}
}

static void
check_type(enum tok_type t)
{
	const char *name = tok_type_name(t);

	fuzz_assert(t <= TOK_OTHER, "a token without a type");
	fuzz_assert(strlen(name) == tok_type_len(t), "a type name of the wrong length");
	fuzz_assert(tok_type_parse(name, strlen(name)) == (int)t,
	            "a type name not read back");
}

static void
load(void)
{
	char *path;

	fuzz_init();
	path = data_find("abbrev-en.txt", NULL, NULL);
	abbrev_init(&ab);
	if (abbrev_load(&ab, path) != 0)
		abort();
	free(path);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static bool ready;
	const char *s;
	size_t i, last = 0;

	if (!ready) {
		load();
		ready = true;
	}
	s = memcpy(malloc(size + !size), data, size);
	tok_text(&ab, s, size, &toks);
	for (i = 0; i < toks.n; i++) {
		const struct tok *t = &toks.v[i];

		fuzz_assert(t->start < t->end, "an empty token");
		fuzz_assert(t->start >= last && t->end <= size,
		            "a token out of order or outside the text");
		check_gap(s, last, t->start);
		check_type(t->type);
		last = t->end;
		sbuf_reset(&form);
		utf8_normalize(&form, s + t->start, t->end - t->start, true,
		               (i & 1) != 0);
	}
	check_gap(s, last, size);
	free((void *)s);
	return 0;
}
