#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

#include "lib/abbrev.h"
#include "lib/align.h"
#include "lib/cols.h"
#include "lib/csvread.h"
#include "lib/jsonl.h"
#include "lib/data.h"
#include "lib/enc.h"
#include "lib/input.h"
#include "lib/minhash.h"
#include "lib/norm.h"
#include "lib/opt.h"
#include "lib/fold.h"
#include "lib/sbuf.h"
#include "lib/seg.h"
#include "lib/strset.h"
#include "lib/htab.h"
#include "lib/html.h"
#include "lib/tok.h"
#include "lib/tsv.h"
#include "lib/utf8.h"
#include "lib/out.h"
#include "lib/rowout.h"
#include "lib/sha256.h"
#include "lib/vdoc.h"
#include "lib/wdiff.h"
#include "unit.h"

static void
test_tsv_unescape(void)
{
	char a[] = "a\\tb\\nc\\rd\\\\e\\x\\";
	size_t n = tsv_unescape(a, strlen(a), a);

	CHECK(n == 12);
	CHECK(memcmp(a, "a\tb\nc\rd\\e\\x\\", 12) == 0);
}

static void
test_cols(void)
{
	char hl[] = "doc\tdate\ttok\ttok_start\ttok_end\ttok_kind\ttoken";
	char rl[] = "d\t2024\t3\t10\t15\tword\tHello";
	static const char *const own[] = { "tok", "tok_start", "tok_end", "tok_kind", "token",
		NULL };
	struct tsv_header h = { 0 };
	struct tsv_row row = { 0 };
	struct cols_text c;
	struct cols_pass p;
	struct sbuf b = { 0 };

	tsv_header_set(&h, hl, strlen(hl));
	cols_find(&c, &h, h.n, 6);
	CHECK(c.doc == 0 && c.start == 3 && c.end == 4 && c.fold == -1);
	cols_pass_init(&p, &h, h.n, own);
	cols_pass_drop(&p, (long)c.text);
	cols_pass_drop(&p, -1);
	cols_pass_drop(&p, 99);
	cols_pass_names(&p, &h, &b);
	CHECK(b.len == 9 && memcmp(b.p, "doc\tdate\t", 9) == 0);
	sbuf_reset(&b);
	tsv_split(&row, rl, strlen(rl));
	cols_pass_row(&p, &row, &b);
	CHECK(b.len == 7 && memcmp(b.p, "d\t2024\t", 7) == 0);
	CHECK(cols_passes(&p, 1) && !cols_passes(&p, 2) && !cols_passes(&p, 7));
	cols_pass_free(&p);
	/* without a header: split's layout from five columns on */
	cols_find(&c, NULL, 7, 6);
	CHECK(c.doc == 0 && c.start == 3 && c.end == 4 && c.fold == 5);
	cols_find(&c, NULL, 4, 3);
	CHECK(c.doc == 0 && c.start == -1 && c.end == -1 && c.fold == -1);
	cols_find(&c, NULL, 7, 2);
	CHECK(c.start == -1 && c.fold == -1);
	cols_find(&c, NULL, 1, 0);
	CHECK(c.doc == -1);
	cols_pass_init(&p, NULL, 3, own);
	CHECK(cols_passes(&p, 0) && cols_passes(&p, 2));
	cols_pass_free(&p);
	sbuf_free(&b);
	tsv_row_free(&row);
	tsv_header_free(&h);
}

static void
test_tsv_split(void)
{
	struct tsv_row row = { 0 };
	char line[] = "a\t\tccc\t";

	CHECK(tsv_split(&row, line, strlen(line)) == 4);
	CHECK(row.len[0] == 1 && row.len[1] == 0 && row.len[2] == 3 && row.len[3] == 0);
	CHECK(tsv_split(&row, line, 0) == 1 && row.len[0] == 0);
	tsv_row_free(&row);
}

static void
test_tsv_cols(void)
{
	struct tsv_header h = { 0 };
	char err[128];
	size_t *idx, n;

	tsv_header_set(&h, "doc\tpara\tsent\ttext", 18);
	n = tsv_cols_parse("doc,3,text", &h, h.n, &idx, err, sizeof err);
	CHECK(n == 3 && idx[0] == 0 && idx[1] == 2 && idx[2] == 3);
	free(idx);
	n = tsv_cols_parse("2-4", &h, h.n, &idx, err, sizeof err);
	CHECK(n == 3 && idx[0] == 1 && idx[2] == 3);
	free(idx);
	n = tsv_cols_parse("3-", &h, h.n, &idx, err, sizeof err);
	CHECK(n == 2 && idx[0] == 2 && idx[1] == 3);
	free(idx);
	n = tsv_cols_parse("-2", &h, h.n, &idx, err, sizeof err);
	CHECK(n == 2 && idx[0] == 0 && idx[1] == 1);
	free(idx);
	CHECK(tsv_cols_parse("-", &h, h.n, &idx, err, sizeof err) == 0);
	n = tsv_cols_parse("nope", &h, h.n, &idx, err, sizeof err);
	CHECK(n == 0 && strstr(err, "nope") != NULL);
	CHECK(tsv_cols_parse("5", &h, h.n, &idx, err, sizeof err) == 0);
	CHECK(tsv_cols_parse("0", NULL, 3, &idx, err, sizeof err) == 0);
	CHECK(tsv_header_find(&h, "sent") == 2 && tsv_header_find(&h, "x") == -1);
	CHECK(tsv_header_is(&h, "doc\tpara\tsent\ttext", 18));
	CHECK(!tsv_header_is(&h, "doc\tpara\tsent\ttex", 17));
	tsv_header_free(&h);
}

static void
test_utf8(void)
{
	int32_t cp;

	CHECK(utf8_decode("\xE2\x80\x99", 3, &cp) == 3 && cp == 0x2019);
	CHECK(utf8_decode("\xE2\x80", 2, &cp) == 1 && cp == -1);
	CHECK(utf8_decode("\xC0\xAF", 2, &cp) == 1 && cp == -1);
	CHECK(utf8_decode("\xED\xA0\x80", 3, &cp) == 1 && cp == -1);
	CHECK(utf8_decode("\xFF", 1, &cp) == 1 && cp == -1);
	CHECK(utf8_decode_back("a\xC3\xA9", "a\xC3\xA9" + 3, &cp) == 2 && cp == 0xE9);
	CHECK(utf8_is_space(0xA0) && utf8_is_space('\n') && !utf8_is_space('x'));
	CHECK(utf8_is_upper(0xC9) && utf8_is_lower(0xE9) && utf8_is_letter(0x4E2D));
	CHECK(utf8_is_currency(0xA3) && utf8_is_currency('$') && !utf8_is_currency('%'));
	CHECK(utf8_is_punct(0x201C) && utf8_is_symbol('+') && utf8_is_digit('7'));
}

static void
test_utf8_normalize(void)
{
	struct sbuf b = SBUF_INIT;

	utf8_normalize(&b, "Stra\xC3\x9F" "E", 7, true, false);
	CHECK(b.len == 7 && memcmp(b.p, "strasse", 7) == 0);
	sbuf_reset(&b);
	utf8_normalize(&b, "\xEF\xAC\x81", 3, false, true);
	CHECK(b.len == 2 && memcmp(b.p, "fi", 2) == 0);
	sbuf_reset(&b);
	utf8_normalize(&b, "A\xFF" "B", 3, true, false);
	CHECK(b.len == 3 && memcmp(b.p, "a\xFF" "b", 3) == 0);
	sbuf_free(&b);
}

static void
test_fold(void)
{
	struct sbuf t = SBUF_INIT, f = SBUF_INIT;
	struct fold_map m = { 0 };
	const char *s = "The U.K.\n    is  here\xC2\xA0now";

	fold_text(&t, &f, s, strlen(s));
	CHECK(strcmp(t.p, "The U.K. is here now") == 0);
	CHECK(strcmp(f.p, "8:5,11:2,16:2") == 0);
	CHECK(fold_parse(&m, f.p, f.len) == 0 && m.n == 3);
	CHECK(fold_offset(&m, 0) == 0 && fold_offset(&m, 8) == 8);
	CHECK(fold_offset(&m, 9) == 13 && fold_offset(&m, 12) == 17);
	CHECK(fold_offset(&m, 17) == 23);
	CHECK(fold_parse(&m, "3:1,2:1", 7) == -1);
	CHECK(fold_parse(&m, "3:0", 3) == -1);
	CHECK(fold_parse(&m, "3:2,", 4) == -1);
	CHECK(fold_parse(&m, "", 0) == 0 && m.n == 0);
	fold_map_free(&m);
	sbuf_free(&t);
	sbuf_free(&f);
}

/* Items with a text length: decoded characters, and maps chained. */
static void
test_fold_chain(void)
{
	struct fold_map m = { 0 }, ws = { 0 }, out = { 0 };
	struct sbuf f = SBUF_INIT;

	/* "é" (2 bytes of text) for 1 byte, then a run of 3 bytes as a space */
	CHECK(fold_parse(&m, "1:1:2,4:3", 9) == 0 && m.n == 2);
	CHECK(fold_offset(&m, 1) == 1 && fold_offset(&m, 2) == 1 && fold_offset(&m, 3) == 2);
	CHECK(fold_offset(&m, 4) == 3 && fold_offset(&m, 5) == 6);
	fold_format(&f, &m);
	CHECK(strcmp(f.p, "1:1:2,4:3") == 0);
	CHECK(fold_parse(&m, "1:1:2,2:1", 9) == -1);	/* inside the item before */
	CHECK(fold_parse(&m, "1:1:0", 5) == -1 && fold_parse(&m, "1:1:", 4) == -1);
	/* "a é" from "a\t\t\xE9": whitespace folds over a decoded text */
	CHECK(fold_parse(&ws, "1:2", 3) == 0);
	CHECK(fold_parse(&m, "3:1:2", 5) == 0);
	fold_chain(&out, "a \xC3\xA9", 4, &ws, 0, &m);
	sbuf_reset(&f);
	fold_format(&f, &out);
	CHECK(strcmp(f.p, "1:2,2:1:2") == 0);
	CHECK(fold_offset(&out, 4) == 4);
	/* from offset 3 of the decoded text on: "é" alone */
	fold_chain(&out, "\xC3\xA9", 2, NULL, 3, &m);
	CHECK(out.n == 1 && out.pos[0] == 0 && fold_offset(&out, 2) == 1);
	fold_map_free(&m);
	fold_map_free(&ws);
	fold_map_free(&out);
	sbuf_free(&f);
}

/* Reading text as UTF-8, Windows-1252, or UTF-8 with U+FFFD. */
static void
test_enc(void)
{
	struct enc e = { 0 };
	enum enc_mode m;

	CHECK(enc_parse("Latin1", &m) == 0 && m == ENC_CP1252);
	CHECK(enc_parse("UTF8", &m) == 0 && m == ENC_UTF8);
	CHECK(enc_parse("koi8-r", &m) == -1);
	CHECK(enc_text(&e, ENC_AUTO, "caf\xC3\xA9", 5) == ENC_CLEAN);
	CHECK(enc_text(&e, ENC_AUTO, "Jos\xE9 \x93q\x94", 8) == ENC_DECODED);
	CHECK(strcmp(e.u.p, "Jos\xC3\xA9 \xE2\x80\x9Cq\xE2\x80\x9D") == 0);
	CHECK(fold_offset(&e.map, 5) == 4 && fold_offset(&e.map, 9) == 6 && fold_offset(&e.map, 13) == 8);
	/* mostly UTF-8, one stray byte: repaired */
	CHECK(enc_text(&e, ENC_AUTO, "\xC3\xA9\xC3\xA9 \xFF x", 8) == ENC_REPAIRED);
	CHECK(strcmp(e.u.p, "\xC3\xA9\xC3\xA9 \xEF\xBF\xBD x") == 0 && fold_offset(&e.map, 8) == 6);
	/* a byte Windows-1252 leaves undefined: not that encoding */
	CHECK(enc_text(&e, ENC_AUTO, "\xE9\x81", 2) == ENC_REPAIRED);
	CHECK(enc_text(&e, ENC_CP1252, "\xE9\x81", 2) == ENC_DECODED);
	CHECK(strcmp(e.u.p, "\xC3\xA9\xC2\x81") == 0);
	CHECK(enc_text(&e, ENC_CP1252, "plain", 5) == ENC_CLEAN);
	CHECK(enc_text(&e, ENC_UTF8, "Jos\xE9", 4) == ENC_REPAIRED);
	/* NUL is a character */
	CHECK(enc_text(&e, ENC_AUTO, "a\0b", 3) == ENC_CLEAN);
	CHECK(utf8_valid_len("ab\xE2\x82", 4) == 2 && utf8_is_partial("\xE2\x82", 2));
	CHECK(!utf8_is_partial("\xE0\x80", 2) && !utf8_is_partial("\xED\xA0", 2));
	CHECK(utf8_is_partial("\xF0", 1) && !utf8_is_partial("\xF5", 1));
	enc_free(&e);
}

/* The folding rule written the slow way, to check fold_text against. */
static void
naive_fold(struct sbuf *t, const char *s, size_t n)
{
	size_t i = 0;

	while (i < n) {
		int32_t cp;
		size_t len = utf8_decode(s + i, n - i, &cp);

		if (!utf8_is_space(cp)) {
			sbuf_add(t, s + i, len);
			i += len;
			continue;
		}
		while (i < n && (len = utf8_decode(s + i, n - i, &cp), utf8_is_space(cp)))
			i += len;
		sbuf_addc(t, ' ');
	}
}

static void
test_fold_random(void)
{
	static const char *const parts[] = { "a", "b", " ", "  ", "\n", "\t", "\xC2\xA0",
		"\xC3\xA9", "\xE2\x80\x9C", "\xE3\x80\x80", "\xFF", "." };
	struct sbuf in = SBUF_INIT, t = SBUF_INIT, f = SBUF_INIT, want = SBUF_INIT;
	unsigned seed = 12345;
	int round, bad = 0;

	for (round = 0; round < 2000; round++) {
		int k, len = (int)(seed % 90);

		sbuf_reset(&in);
		for (k = 0; k < len; k++) {
			seed = seed * 1103515245u + 12345u;
			sbuf_add(&in, parts[(seed >> 16) % 12], strlen(parts[(seed >> 16) % 12]));
		}
		seed = seed * 1103515245u + 12345u;
		sbuf_reset(&t);
		sbuf_reset(&f);
		sbuf_reset(&want);
		fold_text(&t, &f, in.p ? in.p : "", in.len);
		naive_fold(&want, in.p ? in.p : "", in.len);
		bad += t.len != want.len || (t.len > 0 && memcmp(t.p, want.p, t.len) != 0);
	}
	CHECK(bad == 0);
	sbuf_free(&in);
	sbuf_free(&t);
	sbuf_free(&f);
	sbuf_free(&want);
}

static void
test_abbrev(void)
{
	struct abbrev a;

	abbrev_init(&a);
	abbrev_add(&a, "Mr", 2, ABBREV_TITLE);
	abbrev_add(&a, "Corp.", 5, ABBREV_PLAIN);
	CHECK(abbrev_class(&a, "Mr", 2, false) == ABBREV_TITLE);
	CHECK(abbrev_class(&a, "Corp", 4, false) == ABBREV_PLAIN);
	CHECK(abbrev_class(&a, "CORP", 4, true) == ABBREV_PLAIN);
	CHECK(abbrev_class(&a, "CORP", 4, false) == ABBREV_NONE);
	CHECK(abbrev_class(&a, "CoRP", 4, true) == ABBREV_NONE);
	CHECK(abbrev_is_acronym("U.S", 3) && abbrev_is_acronym("e.g", 3));
	CHECK(!abbrev_is_acronym("US", 2) && !abbrev_is_acronym("U.S.", 4));
	abbrev_free(&a);
}

static void
test_strset(void)
{
	struct strset *s = strset_new();

	strset_put(s, "a\0b", 3, 7);
	strset_put(s, "a", 1, 1);
	strset_put(s, "a", 1, 2);
	CHECK(strset_get(s, "a\0b", 3) == 7 && strset_get(s, "a", 1) == 2);
	CHECK(strset_get(s, "b", 1) == -1 && strset_count(s) == 2);
	strset_free(s);
}

static void
test_htab(void)
{
	struct htab t;
	char key[32];
	char big[300];
	bool added, all = true;
	uint32_t i;
	size_t n;

	htab_init(&t);
	CHECK(htab_find(&t, "x", 1) == HTAB_NONE);
	for (i = 0; i < 5000; i++) {
		n = (size_t)snprintf(key, sizeof key, "k%u", i);
		all &= htab_add(&t, key, n, &added) == i && added;
	}
	CHECK(all);
	CHECK(htab_add(&t, "k17", 3, &added) == 17 && !added);
	CHECK(htab_find(&t, "k4999", 5) == 4999 && htab_find(&t, "k5000", 5) == HTAB_NONE);
	CHECK(htab_find(&t, "k123", 4) == 123 && htab_find(&t, "k12", 3) == 12);
	CHECK(htab_add(&t, "", 0, NULL) == 5000 && htab_find(&t, "", 0) == 5000);
	memset(big, 'a', sizeof big);
	CHECK(htab_add(&t, big, 300, NULL) == 5001 && htab_find(&t, big, 299) == HTAB_NONE);
	CHECK(htab_find(&t, big, 300) == 5001);
	htab_clear(&t);
	CHECK(t.n == 0 && htab_find(&t, "k1", 2) == HTAB_NONE);
	CHECK(htab_add(&t, "k1", 2, &added) == 0 && added);
	CHECK(htab_hash("abc", 3) == htab_hash("abc", 3) && htab_hash("abc", 3) != htab_hash("abd", 3));
	htab_reserve(&t, 1000);
	CHECK(t.cap >= 2000 && htab_find(&t, "k1", 2) == 0 && t.n == 1);
	htab_free(&t);
}

static size_t
sentences(const struct abbrev *a, const char *text, struct seg_spans *out)
{
	struct seg_doc d = { 0 };
	struct seg_spans p = { 0 };
	size_t i;

	out->n = 0;
	seg_doc_init(&d, a, text, strlen(text));
	seg_paragraphs(&d, &p);
	for (i = 0; i < p.n; i++)
		seg_sentences(&d, p.v[i], out);
	seg_spans_free(&p);
	seg_doc_free(&d);
	return out->n;
}

static void
test_seg(void)
{
	struct abbrev a;
	struct seg_spans s = { 0 };

	abbrev_init(&a);
	abbrev_add(&a, "Mr", 2, ABBREV_TITLE);
	abbrev_add(&a, "Co", 2, ABBREV_PLAIN);
	CHECK(sentences(&a, "Headline\n\nMr. Smith paid 1.50 dlrs. He left.", &s) == 3);
	CHECK(s.v[0].start == 0 && s.v[0].end == 8);
	CHECK(s.v[1].start == 10 && s.v[1].end == 35);
	CHECK(sentences(&a, "H\n\nHuawei Co. as tensions grew. Then E.F. Hutton came.", &s) == 3);
	CHECK(sentences(&a, "H\n\nIt was Coons.Theresa May spoke.", &s) == 3);
	CHECK(s.v[1].end - s.v[1].start == 13);
	CHECK(sentences(&a, "H\n\n\xE2\x80\x9CNo,\xE2\x80\x9D he said. \xE2\x80\x9CWhy?\xE2\x80\x9D he asked.", &s) == 3);
	CHECK(sentences(&a, "H\n\nA \xE2\x80\x9Cquote.\xE2\x80\x9D Next one.", &s) == 3);
	CHECK(s.v[1].end == 3 + 14);
	seg_spans_free(&s);
	abbrev_free(&a);
}

static const char *
tokens(const char *text, struct tok_list *l, char *buf, size_t cap)
{
	size_t i, at = 0;

	tok_text(NULL, text, strlen(text), l);
	buf[0] = '\0';
	for (i = 0; i < l->n && at + 2 < cap; i++) {
		size_t n = l->v[i].end - l->v[i].start;

		if (at + n + 2 >= cap)
			break;
		if (i > 0)
			buf[at++] = '|';
		memcpy(buf + at, text + l->v[i].start, n);
		at += n;
		buf[at] = '\0';
	}
	return buf;
}

static void
test_tok(void)
{
	struct tok_list l = { 0 };
	char b[256];

	CHECK(strcmp(tokens("US$25.1 bn", &l, b, sizeof b), "US$|25.1|bn") == 0);
	CHECK(l.v[0].type == TOK_SYMBOL && l.v[1].type == TOK_NUMBER);
	CHECK(strcmp(tokens("Beijing\xE2\x80\x99s co-operation.", &l, b, sizeof b),
	    "Beijing|\xE2\x80\x99s|co-operation|.") == 0);
	CHECK(strcmp(tokens("don't", &l, b, sizeof b), "do|n't") == 0);
	CHECK(strcmp(tokens("(U.K.)", &l, b, sizeof b), "(|U.K.|)") == 0);
	CHECK(strcmp(tokens("see www.bbc.co.uk/news.", &l, b, sizeof b),
	    "see|www.bbc.co.uk/news|.") == 0);
	CHECK(l.v[1].type == TOK_URL && l.v[2].type == TOK_PUNCT);
	CHECK(strcmp(tokens("a\x01\xFFz", &l, b, sizeof b), "a|\x01\xFF|z") == 0);
	CHECK(l.n == 3 && l.v[1].type == TOK_OTHER);
	CHECK(strcmp(tokens("", &l, b, sizeof b), "") == 0 && l.n == 0);
	CHECK(strcmp(tok_type_name(TOK_HASHTAG), "hashtag") == 0);
	tok_list_free(&l);
}

static void
test_sbuf(void)
{
	struct sbuf b = SBUF_INIT;
	int i;

	for (i = 0; i < 1000; i++)
		sbuf_add(&b, "ab", 2);
	sbuf_addc(&b, 'c');
	CHECK(b.len == 2001 && b.p[2000] == 'c' && b.p[2001] == '\0');
	sbuf_reset(&b);
	CHECK(b.len == 0 && b.p[0] == '\0' && b.cap >= 2002);
	sbuf_add(&b, NULL, 0);
	CHECK(b.len == 0);
	sbuf_free(&b);
	CHECK(b.p == NULL && b.cap == 0);
	sbuf_grow(&b, 100);
	CHECK(b.cap >= 101 && b.len == 0);
	sbuf_free(&b);
}

/* The exit status of a child that grows a buffer by extra bytes after len. */
static int
sbuf_grow_status(size_t len, size_t extra)
{
	pid_t pid;
	int st;

	fflush(stdout);
	if ((pid = fork()) == -1)
		return -1;
	if (pid == 0) {
		struct sbuf b = SBUF_INIT;

		freopen("/dev/null", "w", stderr);
		sbuf_grow(&b, 1000);
		b.len = len;
		alarm(10);
		sbuf_grow(&b, extra);
		_exit(0);
	}
	if (waitpid(pid, &st, 0) != pid || !WIFEXITED(st))
		return -1;
	return WEXITSTATUS(st);
}

/* A size that cannot be allocated ends the program with status 2, never a loop. */
static void
test_sbuf_overflow(void)
{
	CHECK(sbuf_grow_status(0, SIZE_MAX) == 2);
	CHECK(sbuf_grow_status(0, SIZE_MAX - 1) == 2);
	CHECK(sbuf_grow_status(SIZE_MAX / 2, SIZE_MAX / 2) == 2);
	CHECK(sbuf_grow_status(SIZE_MAX / 2 + 10, 1) == 2);
	CHECK(sbuf_grow_status(0, (size_t)PTRDIFF_MAX) == 2);
	CHECK(sbuf_grow_status(10, 100) == 0);
}

static char *
temp_file(const char *content, size_t n)
{
	static char path[64];
	int fd;

	snprintf(path, sizeof path, "/tmp/tabloid-unit.XXXXXX");
	fd = mkstemp(path);
	if (fd == -1 || write(fd, content, n) != (ssize_t)n)
		return NULL;
	close(fd);
	return path;
}

static void
test_input(void)
{
	const char text[] = "\xEF\xBB\xBF" "doc\ttext\r\na\tOne\r\ndoc\ttext\nb\tT\0o";
	char *path = temp_file(text, sizeof text - 1);
	struct input in;

	CHECK(path != NULL && input_open(&in, path, false) == 0);
	CHECK(in.have_header && in.h.n == 2 && strcmp(in.h.names[0], "doc") == 0);
	CHECK(input_next(&in) && in.row.n == 2 && in.row.len[1] == 3);
	CHECK(input_next(&in) && in.row.len[1] == 3 && in.row.f[1][1] == '\0');
	CHECK(in.r.lineno == 4);
	CHECK(!input_next(&in));
	input_close(&in);
	unlink(path);
	path = temp_file("x\ty\n", 4);
	CHECK(path != NULL && input_open(&in, path, true) == 0 && !in.have_header);
	CHECK(input_next(&in) && in.nf == 2);
	input_close(&in);
	unlink(path);
	CHECK(input_open(&in, "/nonexistent/file", false) == -1);
}

/* Open text as CSV through struct input; true when it opened. */
static bool
csv_open(struct input *in, const char *text, bool noheader, char **path)
{
	*path = temp_file(text, strlen(text));
	input_opts.format = INPUT_CSV;
	return *path != NULL && input_open(in, *path, noheader) == 0;
}

static void
csv_done(struct input *in, char *path)
{
	input_close(in);
	unlink(path);
	input_opts.format = INPUT_TSV;
}

static bool
row_is(const struct input *in, size_t i, const char *s)
{
	return in->row.n > i && in->row.len[i] == strlen(s) && memcmp(in->row.f[i], s, in->row.len[i]) == 0;
}

static void
test_csvread(void)
{
	struct input in;
	char *path;

	CHECK(csvread_detect("a,b;c", 5) == ',');
	CHECK(csvread_detect("a;b\tc", 5) == ';');
	CHECK(csvread_detect("a\tb", 3) == '\t');
	CHECK(csvread_detect("\"a,b\";c", 7) == ';');
	CHECK(csvread_detect("abc", 3) == ',');
	CHECK(csv_open(&in, "doc,text\na,\"One, \"\"two\"\"\nthree\"\nb,x\n", false, &path));
	CHECK(in.have_header && in.h.n == 2 && strcmp(in.h.names[1], "text") == 0);
	CHECK(input_next(&in) && in.r.lineno == 2 && row_is(&in, 1, "One, \"two\"\\nthree"));
	CHECK(input_next(&in) && in.r.lineno == 4 && row_is(&in, 0, "b") && row_is(&in, 1, "x"));
	CHECK(!input_next(&in));
	csv_done(&in, path);
	CHECK(csv_open(&in, "\xEF\xBB\xBF" "d;t\r\n\r\n a ;\"x\ty\r\nz\\\"\r\n", false, &path));
	CHECK(in.h.n == 2 && strcmp(in.h.names[0], "d") == 0);
	CHECK(input_next(&in) && in.r.lineno == 3 && row_is(&in, 0, " a ") &&
	    row_is(&in, 1, "x\\ty\\r\\nz\\\\"));
	CHECK(!input_next(&in));
	csv_done(&in, path);
	CHECK(csv_open(&in, "a,b\n", true, &path) && !in.have_header);
	CHECK(input_next(&in) && in.nf == 2 && in.r.lineno == 1);
	csv_done(&in, path);
	input_opts.format = INPUT_CSV;
	CHECK(input_open(&in, "/nonexistent/file", false) == -1);
	input_opts.format = INPUT_TSV;
}

/* Parse s; the members as "k=v|k=v", or "error: message". */
static const char *
jsonl_show(const char *s)
{
	static struct jsonl_object o;
	static char out[256];
	char msg[128];
	size_t i, n = 0;

	if (jsonl_parse(&o, s, strlen(s), msg, sizeof msg) != 0) {
		snprintf(out, sizeof out, "error: %s", msg);
		return out;
	}
	out[0] = '\0';
	for (i = 0; i < o.n; i++)
		n += (size_t)snprintf(out + n, sizeof out - n, "%s%.*s=%.*s", i > 0 ? "|" : "",
		    (int)o.m[i].keylen, o.buf.p + o.m[i].key, (int)o.m[i].vallen,
		    o.buf.p + o.m[i].val);
	return out;
}

static void
test_jsonl(void)
{
	static const char *const cases[][2] = {
		{ "{}", "" },
		{ " {\"doc\": \"a\", \"text\":\"Hi.\"} ", "doc=a|text=Hi." },
		{ "{\"n\":-1.5e+3,\"t\":true,\"f\":false,\"z\":null,\"o\":0}",
		  "n=-1.5e+3|t=true|f=false|z=|o=0" },
		{ "{\"s\":\"a\\\"b\\\\c\\/d\\b\\f\\n\\r\\t\"}", "s=a\"b\\c/d\b\f\n\r\t" },
		{ "{\"s\":\"\\u00e9\\u20AC\"}", "s=\xC3\xA9\xE2\x82\xAC" },
		{ "{\"s\":\"\\ud83d\\ude00\"}", "s=\xF0\x9F\x98\x80" },
		{ "{\"s\":\"\\ud83dx\"}", "s=\xEF\xBF\xBDx" },
		{ "{\"s\":\"\\ude00\"}", "s=\xEF\xBF\xBD" },
		{ "{\"s\":\"\xFF\xFE\"}", "s=\xFF\xFE" },
		{ "{\"k\\u0041\":1}", "kA=1" },
		{ "", "error: not a JSON object: expected '{' at byte 1" },
		{ "[1]", "error: not a JSON object: expected '{' at byte 1" },
		{ "\"x\"", "error: not a JSON object: expected '{' at byte 1" },
		{ "{\"a\":{}}", "error: member 'a' is a nested object" },
		{ "{\"a\":[1]}", "error: member 'a' is an array" },
		{ "{\"a\":1,\"a\":2}", "error: key 'a' given twice" },
		{ "{\"a\":1", "error: expected ',' or '}' at byte 7" },
		{ "{\"a\":1,}", "error: expected a string key at byte 8" },
		{ "{\"a\" 1}", "error: expected ':' at byte 6" },
		{ "{\"a\":01}", "error: expected ',' or '}' at byte 7" },
		{ "{\"a\":1.}", "error: bad number at byte 8" },
		{ "{\"a\":-}", "error: bad number at byte 7" },
		{ "{\"a\":tru}", "error: expected a value at byte 6" },
		{ "{\"a\":\"x}", "error: unterminated string at byte 9" },
		{ "{\"a\":\"\t\"}", "error: control character in a string at byte 7" },
		{ "{\"a\":\"\\x\"}", "error: bad escape in a string at byte 8" },
		{ "{\"a\":\"\\u12\"}", "error: expected four hex digits at byte 9" },
		{ "{} x", "error: text after the object at byte 4" },
		{ "{a:1}", "error: expected a string key at byte 2" },
	};
	size_t i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const char *got = jsonl_show(cases[i][0]);

		if (strcmp(got, cases[i][1]) != 0)
			fprintf(stderr, "jsonl case %zu: got '%s'\n", i, got);
		CHECK(strcmp(got, cases[i][1]) == 0);
	}
}

static void
test_data(void)
{
	char *p;

	setenv("TABLOID_DATADIR", "/nonexistent-dir", 1);
	CHECK(strcmp(data_dir(), "/nonexistent-dir") == 0);
	p = data_find("en", "stopwords-", ".txt");
	CHECK(strcmp(p, "en") == 0);
	free(p);
	p = data_find("/etc/passwd", NULL, NULL);
	CHECK(strcmp(p, "/etc/passwd") == 0);
	free(p);
	setenv("TABLOID_DATADIR", "/etc", 1);
	p = data_find("passwd", NULL, NULL);
	CHECK(strcmp(p, "/etc/passwd") == 0);
	free(p);
}

static void
test_norm(void)
{
	struct sbuf b = SBUF_INIT;
	struct norm_hashes x = { 0 }, y = { 0 };
	const char *curly = "  \xE2\x80\x9CYes,\xE2\x80\x9D\xC2\xA0he\tsaid \xE2\x80\x98" "co\xC2\xAD" "op\xE2\x80\x99 ";

	norm_text(&b, curly, strlen(curly));
	CHECK(strcmp(b.p, "\"Yes,\" he said 'coop'") == 0);
	CHECK(norm_text_hash(curly, strlen(curly)) == norm_text_hash("\"Yes,\" he said 'coop'", 21));
	CHECK(norm_text_hash("a b", 3) != norm_text_hash("ab", 2));
	CHECK(norm_hash("", 0) != norm_hash("\0", 1));
	sbuf_reset(&b);
	norm_text(&b, "a\xFF b", 4);
	CHECK(b.len == 4 && memcmp(b.p, "a\xFF b", 4) == 0);
	norm_words("The (cat), the CAT! \xC3\x89t\xC3\xA9 ...", 29, &x);
	CHECK(x.n == 5);
	norm_set(&x);
	CHECK(x.n == 3);
	norm_words("cat the dog", 11, &y);
	norm_set(&y);
	CHECK(norm_jaccard(x.v, x.n, y.v, y.n) == 0.5);
	CHECK(norm_jaccard(x.v, 0, y.v, 0) == 1.0);
	CHECK(norm_jaccard(x.v, x.n, y.v, 0) == 0.0);
	norm_hashes_free(&x);
	norm_hashes_free(&y);
	sbuf_free(&b);
}

/* The matches of align_lcs as a string "a:b a:b ...". */
static const char *
lcs_str(const uint64_t *a, size_t na, const uint64_t *b, size_t nb)
{
	static char buf[512];
	struct align_edits e = { 0 };
	size_t i, k = 0;

	align_lcs(a, na, b, nb, &e);
	buf[0] = '\0';
	for (i = 0; i < e.n && k < sizeof buf - 32; i++)
		k += (size_t)snprintf(buf + k, sizeof buf - k, "%s%zu:%zu", i ? " " : "", e.v[i].a,
		    e.v[i].b);
	align_edits_free(&e);
	return buf;
}

static void
test_align_lcs(void)
{
	uint64_t a[] = { 1, 2, 3, 4, 5 }, b[] = { 1, 3, 4, 6, 5 }, c[] = { 5, 4, 3, 2, 1 };
	uint64_t *big_a = malloc(20000 * sizeof *big_a), *big_b = malloc(20000 * sizeof *big_b);
	struct align_edits e = { 0 };
	size_t i;

	CHECK(strcmp(lcs_str(a, 5, b, 5), "0:0 2:1 3:2 4:4") == 0);
	CHECK(strcmp(lcs_str(a, 5, a, 0), "") == 0);
	CHECK(strcmp(lcs_str(a, 5, c, 5), "4:0") == 0 || strlen(lcs_str(a, 5, c, 5)) == 3);
	/* large ranges go through the unique-anchor path; repeats through the rarest hash */
	for (i = 0; i < 20000; i++) {
		big_a[i] = i % 7 == 0 ? 99 : i;
		big_b[i] = i % 7 == 0 ? 99 : i == 10000 ? 123456789 : i;
	}
	align_lcs(big_a, 20000, big_b, 20000, &e);
	CHECK(e.n == 19999);
	for (i = 1; i < e.n; i++)
		if (!(e.v[i].a > e.v[i - 1].a && e.v[i].b > e.v[i - 1].b))
			break;
	CHECK(i == e.n);
	for (i = 0; i < 20000; i++)
		big_b[i] = 99;
	align_lcs(big_a, 20000, big_b, 20000, &e);
	CHECK(e.n == 2859);	/* the multiples of 7, and 99 itself */
	align_edits_free(&e);
	free(big_a);
	free(big_b);
}

/* Similarity for test_align_sentences: equal tens digits are similar. */
static double
tens_sim(void *arg, size_t i, size_t j)
{
	const uint64_t *h = arg;

	return h[i] / 10 == h[64 + j] / 10 ? 0.8 : 0.1;
}

static const char *
sent_str(const uint64_t *a, size_t na, const uint64_t *b, size_t nb)
{
	static char buf[512];
	static uint64_t both[128];
	struct align_edits e = { 0 };
	size_t i, k = 0;

	memcpy(both, a, na * sizeof *a);
	memcpy(both + 64, b, nb * sizeof *b);
	align_sentences(a, na, b, nb, tens_sim, both, 0.5, &e);
	for (i = 0; i < e.n; i++) {
		k += (size_t)snprintf(buf + k, sizeof buf - k, "%s%c", i ? " " : "", e.v[i].op);
		if (e.v[i].a != ALIGN_NONE)
			k += (size_t)snprintf(buf + k, sizeof buf - k, "%zu", e.v[i].a);
		k += (size_t)snprintf(buf + k, sizeof buf - k, ":");
		if (e.v[i].b != ALIGN_NONE)
			k += (size_t)snprintf(buf + k, sizeof buf - k, "%zu", e.v[i].b);
	}
	buf[k] = '\0';
	align_edits_free(&e);
	return buf;
}

static void
test_align_sentences(void)
{
	uint64_t a[] = { 10, 20, 30, 40, 50 };
	uint64_t edit[] = { 10, 21, 30, 40, 50 }, ins[] = { 10, 20, 77, 30, 40, 50 };
	uint64_t del[] = { 10, 30, 40, 50 }, mov[] = { 10, 50, 20, 30, 40 };
	uint64_t mixed[] = { 10, 88, 31, 40 };

	CHECK(strcmp(sent_str(a, 5, a, 5), "=0:0 =1:1 =2:2 =3:3 =4:4") == 0);
	CHECK(strcmp(sent_str(a, 5, edit, 5), "=0:0 ~1:1 =2:2 =3:3 =4:4") == 0);
	CHECK(strcmp(sent_str(a, 5, ins, 6), "=0:0 =1:1 +:2 =2:3 =3:4 =4:5") == 0);
	CHECK(strcmp(sent_str(a, 5, del, 4), "=0:0 -1: =2:1 =3:2 =4:3") == 0);
	CHECK(strcmp(sent_str(a, 5, mov, 5), "=0:0 >4:1 =1:2 =2:3 =3:4") == 0);
	CHECK(strcmp(sent_str(a, 5, mixed, 4), "=0:0 -1: +:1 ~2:2 =3:3 -4:") == 0);
	CHECK(strcmp(sent_str(a, 0, a, 2), "+:0 +:1") == 0);
	CHECK(strcmp(sent_str(a, 2, a, 0), "-0: -1:") == 0);
}

static const char *
wdiff_str(const char *a, const char *b, struct wdiff *w)
{
	static struct sbuf out;

	sbuf_reset(&out);
	wdiff_words(w, a, strlen(a), b, strlen(b));
	wdiff_render(w, &wdiff_plain, &out);
	sbuf_addc(&out, '\0');
	return out.p;
}

static void
test_wdiff(void)
{
	struct wdiff w = { 0 };

	CHECK(strcmp(wdiff_str("the quick brown fox", "the slow brown fox", &w),
	    "the [-quick-]{+slow+} brown fox") == 0);
	CHECK(w.added == 1 && w.removed == 1 && w.common == 3);
	CHECK(strcmp(wdiff_str("a b c", "a  b\xC2\xA0" "c d e", &w), "a b c {+d e+}") == 0);
	CHECK(strcmp(wdiff_str("x y z", "", &w), "[-x y z-]") == 0);
	CHECK(strcmp(wdiff_str("said \xE2\x80\x9Cno\xE2\x80\x9D", "said \"no\"", &w),
	    "said \"no\"") == 0);
	CHECK(w.common == 2 && w.added == 0);
	CHECK(strcmp(wdiff_str("one two", "two one", &w), "{+two+} one [-two-]") == 0 ||
	    strcmp(wdiff_str("one two", "two one", &w), "[-one-] two {+one+}") == 0);
	wdiff_free(&w);
}

static void
test_minhash(void)
{
	struct norm_hashes w = { 0 }, s1 = { 0 }, s2 = { 0 };
	struct minhash *sig = calloc(4, sizeof *sig);
	struct minhash_pairs p = { 0 };
	struct minhash_uf u;
	size_t i;

	for (i = 0; i < 400; i++)
		norm_push(&w, norm_hash(&i, sizeof i));
	minhash_shingles(w.v, w.n, 3, &s1);
	CHECK(s1.n == 398);
	minhash_sign(&sig[0], s1.v, s1.n);
	w.v[200] = 7;	/* one word changed: three shingles differ */
	minhash_shingles(w.v, w.n, 3, &s2);
	minhash_sign(&sig[1], s2.v, s2.n);
	CHECK(norm_jaccard(s1.v, s1.n, s2.v, s2.n) > 0.98);
	CHECK(minhash_estimate(&sig[0], &sig[1]) > 0.9);
	for (i = 0; i < 400; i++)
		w.v[i] = norm_hash(&i, sizeof i) ^ 1;
	minhash_shingles(w.v, w.n, 3, &s2);
	minhash_sign(&sig[2], s2.v, s2.n);
	CHECK(minhash_estimate(&sig[0], &sig[2]) < 0.1);
	sig[3] = sig[0];
	minhash_candidates(sig, NULL, 4, 32, 4, &p);
	CHECK(p.n == 3 && p.v[0].i == 0 && p.v[0].j == 1 && p.v[1].j == 3 && p.v[2].i == 1);
	minhash_shingles(w.v, 2, 3, &s2);
	CHECK(s2.n == 1);
	minhash_shingles(w.v, 0, 3, &s2);
	CHECK(s2.n == 0);
	minhash_uf_init(&u, 5);
	minhash_uf_union(&u, 3, 4);
	minhash_uf_union(&u, 4, 1);
	CHECK(minhash_uf_find(&u, 3) == 1 && minhash_uf_find(&u, 4) == 1);
	CHECK(minhash_uf_find(&u, 0) == 0 && minhash_uf_find(&u, 2) == 2);
	minhash_uf_free(&u);
	minhash_pairs_free(&p);
	norm_hashes_free(&w);
	norm_hashes_free(&s1);
	norm_hashes_free(&s2);
	free(sig);
}

static void
test_vdoc_pack(void)
{
	struct vdoc d = { 0 }, e = { 0 };
	struct sbuf b = SBUF_INIT;

	sbuf_add(&d.id, "story", 5);
	sbuf_add(&d.date, "2021-04-19", 10);
	vdoc_add(&d, 1, "One.", 4);
	vdoc_add(&d, 7, "Two\0x", 5);
	vdoc_pack(&d, &b);
	CHECK(vdoc_unpack(&e, b.p, b.len) == 0);
	CHECK(e.n == 2 && e.s[1].num == 7 && e.s[1].len == 5);
	CHECK(memcmp(e.text.p + e.s[1].off, "Two\0x", 5) == 0);
	CHECK(e.id.len == 5 && e.date.len == 10);
	CHECK(vdoc_unpack(&e, b.p, b.len - 1) == -1);
	vdoc_free(&d);
	vdoc_free(&e);
	sbuf_free(&b);
}

static void
test_opt(void)
{
	uint64_t v = 7;
	double d = 7;

	CHECK(opt_parse_count("0", 0, UINT64_MAX, &v) == OPT_OK && v == 0);
	CHECK(opt_parse_count("007", 0, 10, &v) == OPT_OK && v == 7);
	CHECK(opt_parse_count("18446744073709551615", 0, UINT64_MAX, &v) == OPT_OK &&
	    v == UINT64_MAX);
	v = 7;
	CHECK(opt_parse_count("18446744073709551616", 0, UINT64_MAX, &v) == OPT_RANGE);
	CHECK(opt_parse_count("99999999999999999999999", 0, UINT64_MAX, &v) == OPT_RANGE);
	CHECK(opt_parse_count("99999999999999999999999x", 0, UINT64_MAX, &v) ==
	    OPT_SYNTAX);
	CHECK(opt_parse_count("65", 1, 64, &v) == OPT_RANGE);
	CHECK(opt_parse_count("0", 1, 64, &v) == OPT_RANGE);
	CHECK(opt_parse_count("", 0, 9, &v) == OPT_SYNTAX);
	CHECK(opt_parse_count("-1", 0, 9, &v) == OPT_SYNTAX);
	CHECK(opt_parse_count("+1", 0, 9, &v) == OPT_SYNTAX);
	CHECK(opt_parse_count(" 1", 0, 9, &v) == OPT_SYNTAX);
	CHECK(opt_parse_count("1 ", 0, 9, &v) == OPT_SYNTAX);
	CHECK(opt_parse_count("0x1", 0, 9, &v) == OPT_SYNTAX);
	CHECK(opt_parse_count("1.5", 0, 9, &v) == OPT_SYNTAX);
	CHECK(v == 7);

	CHECK(opt_parse_size("65536", 0, UINT64_MAX, &v) == OPT_OK && v == 65536);
	CHECK(opt_parse_size("64K", 0, UINT64_MAX, &v) == OPT_OK && v == 65536);
	CHECK(opt_parse_size("3m", 0, UINT64_MAX, &v) == OPT_OK && v == 3 << 20);
	CHECK(opt_parse_size("1G", 0, UINT64_MAX, &v) == OPT_OK && v == 1 << 30);
	CHECK(opt_parse_size("2t", 0, UINT64_MAX, &v) == OPT_OK && v == 2ULL << 40);
	CHECK(opt_parse_size("16777215T", 0, UINT64_MAX, &v) == OPT_OK &&
	    v == 16777215ULL << 40);
	v = 7;
	CHECK(opt_parse_size("16777216T", 0, UINT64_MAX, &v) == OPT_RANGE);
	CHECK(opt_parse_size("99999999999999999999999", 0, UINT64_MAX, &v) == OPT_RANGE);
	CHECK(opt_parse_size("99999999999999999999999K", 0, UINT64_MAX, &v) == OPT_RANGE);
	CHECK(opt_parse_size("1K", 65536, UINT64_MAX, &v) == OPT_RANGE);
	CHECK(opt_parse_size("2G", 0, 1 << 30, &v) == OPT_RANGE);
	CHECK(opt_parse_size("", 0, UINT64_MAX, &v) == OPT_SYNTAX);
	CHECK(opt_parse_size("K", 0, UINT64_MAX, &v) == OPT_SYNTAX);
	CHECK(opt_parse_size("-1", 0, UINT64_MAX, &v) == OPT_SYNTAX);
	CHECK(opt_parse_size("1KB", 0, UINT64_MAX, &v) == OPT_SYNTAX);
	CHECK(opt_parse_size("1Q", 0, UINT64_MAX, &v) == OPT_SYNTAX);
	CHECK(opt_parse_size("1 K", 0, UINT64_MAX, &v) == OPT_SYNTAX);
	CHECK(v == 7);

	CHECK(opt_parse_fraction("0", 0, 1, &d) == OPT_OK && d == 0);
	CHECK(opt_parse_fraction("1", 0, 1, &d) == OPT_OK && d == 1);
	CHECK(opt_parse_fraction("0.3", 0, 1, &d) == OPT_OK && d == 0.3);
	CHECK(opt_parse_fraction(".5", 0, 1, &d) == OPT_OK && d == 0.5);
	CHECK(opt_parse_fraction("1.", 0, 1, &d) == OPT_OK && d == 1);
	CHECK(opt_parse_fraction("0.123456789012345", 0, 1, &d) == OPT_OK &&
	    d == 0.123456789012345);
	CHECK(opt_parse_fraction("0.0000000000000000000000001", 0, 1, &d) == OPT_OK &&
	    d >= 0 && d < 1e-20);
	CHECK(opt_parse_fraction("1.0000000000000000000001", 0, 1, &d) == OPT_OK &&
	    d == 1);
	CHECK(opt_parse_fraction("00000000000000000000000000.75", 0, 1, &d) == OPT_OK &&
	    d == 0.75);
	d = 7;
	CHECK(opt_parse_fraction("1.5", 0, 1, &d) == OPT_RANGE);
	CHECK(opt_parse_fraction("99999999999999999999999", 0, 1, &d) == OPT_RANGE);
	CHECK(opt_parse_fraction("", 0, 1, &d) == OPT_SYNTAX);
	CHECK(opt_parse_fraction(".", 0, 1, &d) == OPT_SYNTAX);
	CHECK(opt_parse_fraction("-0", 0, 1, &d) == OPT_SYNTAX);
	CHECK(opt_parse_fraction("-1", 0, 1, &d) == OPT_SYNTAX);
	CHECK(opt_parse_fraction("0.5.", 0, 1, &d) == OPT_SYNTAX);
	CHECK(opt_parse_fraction("1e-1", 0, 1, &d) == OPT_SYNTAX);
	CHECK(opt_parse_fraction("nan", 0, 1, &d) == OPT_SYNTAX);
	CHECK(opt_parse_fraction("inf", 0, 1, &d) == OPT_SYNTAX);
	CHECK(opt_parse_fraction("0x0.8", 0, 1, &d) == OPT_SYNTAX);
	CHECK(opt_parse_fraction(" 0.5", 0, 1, &d) == OPT_SYNTAX);
	CHECK(opt_parse_fraction("0,5", 0, 1, &d) == OPT_SYNTAX);
	CHECK(d == 7);
}

/*
 * Write the TSV lines of tsv through rowout in format f (with a header
 * line when header) into a file, in pieces of step bytes, and return its
 * bytes in got.
 */
static void
rowout_table(enum rowout_format f, bool header, const char *tsv, size_t step, struct sbuf *got)
{
	char path[] = "/tmp/tabloid-unit-XXXXXX";
	size_t i, n = strlen(tsv);
	int fd = mkstemp(path);

	CHECK(fd >= 0);
	close(fd);
	out_open(path);
	rowout_start(f, header);
	for (i = 0; i < n; i += step) {
		out_write(tsv + i, n - i < step ? n - i : step);
		out_flush();
	}
	out_close();
	rowout_start(ROWOUT_TSV, true);
	CHECK(sbuf_read_file(got, path) == 0);
	unlink(path);
}

static void
test_rowout(void)
{
	static const char tsv[] = "doc\tsent\ttext\nd1\t7\tPlain words.\n"
	    "d,2\t\tSay \"hi\"\\tto\\nall\\\\ \x01\xff\xc3\xa9\nd3\t0\t 1.5\n"
	    "d4\t-2.5e3\t\n";
	/* the invalid byte leaves as U+FFFD in every format */
	static const char want[] = "doc\tsent\ttext\nd1\t7\tPlain words.\n"
	    "d,2\t\tSay \"hi\"\\tto\\nall\\\\ \x01\xef\xbf\xbd\xc3\xa9\nd3\t0\t 1.5\n"
	    "d4\t-2.5e3\t\n";
	static const char csv[] = "doc,sent,text\nd1,7,Plain words.\n"
	    "\"d,2\",,\"Say \"\"hi\"\"\tto\nall\\ \x01\xef\xbf\xbd\xc3\xa9\"\nd3,0,\" 1.5\"\n"
	    "d4,-2.5e3,\n";
	static const char jsonl[] = "{\"doc\":\"d1\",\"sent\":7,\"text\":\"Plain words.\"}\n"
	    "{\"doc\":\"d,2\",\"sent\":null,\"text\":\"Say \\\"hi\\\"\\tto\\nall\\\\ \\u0001\xef\xbf\xbd\xc3\xa9\"}\n"
	    "{\"doc\":\"d3\",\"sent\":0,\"text\":\" 1.5\"}\n"
	    "{\"doc\":\"d4\",\"sent\":-2.5e3,\"text\":\"\"}\n";
	struct sbuf got = SBUF_INIT;
	size_t step;

	CHECK(strcmp(rowout_ext(ROWOUT_JSONL), ".jsonl") == 0);
	CHECK(rowout_is_number("tok_start", 9) && !rowout_is_number("text", 4));
	for (step = 1; step <= sizeof tsv; step += 7) {
		rowout_table(ROWOUT_TSV, true, tsv, step, &got);
		CHECK(strcmp(got.p, want) == 0);
		rowout_table(ROWOUT_CSV, true, tsv, step, &got);
		CHECK(strcmp(got.p, csv) == 0);
		rowout_table(ROWOUT_JSONL, true, tsv, step, &got);
		CHECK(strcmp(got.p, jsonl) == 0);
	}
	/* no header: numbers for keys, every value a string; a last line without LF */
	rowout_table(ROWOUT_JSONL, false, "d1\t7\nd2\t0x", 3, &got);
	CHECK(strcmp(got.p, "{\"1\":\"d1\",\"2\":\"7\"}\n{\"1\":\"d2\",\"2\":\"0x\"}\n") == 0);
	rowout_table(ROWOUT_CSV, false, "a b\t\"\n", 64, &got);
	CHECK(strcmp(got.p, "a b,\"\"\"\"\n") == 0);
	/* a numeric column holding something else stays a string */
	rowout_table(ROWOUT_JSONL, true, "count\tend\nNaN\t01\n", 64, &got);
	CHECK(strcmp(got.p, "{\"count\":\"NaN\",\"end\":\"01\"}\n") == 0);
	sbuf_free(&got);
}

/* A small deterministic generator for the random rows below. */
static uint32_t
rowout_rand(uint32_t *state)
{
	*state = *state * 1103515245u + 12345u;
	return *state >> 8;
}

/* Random bytes for a field: ASCII that the formats escape, numbers, and UTF-8, valid or not. */
static size_t
rowout_rand_text(uint32_t *st, char *p, bool word)
{
	static const char *const bits[] = { "a", "Zy", " ", ",", "\"", "\\", "\t", "\n", "\r",
		"\x01", "\x7f", "-", "1", "0", ".", "e", "42", "\xc3\xa9", "\xe2\x80\x9c", "\xff",
		"\xe2\x80", "\xf0\x9f\x98\x80", "\xed\xa0\x80", "\xc0\xaf", "\\t", "\\\\", ":" };
	static const char *const words[] = { "word", "punct", "B-PER", "x.y", "42", "-1.5e3",
		"" };
	size_t n = 0, k, len = rowout_rand(st) % 24;

	if (word) {
		strcpy(p, words[rowout_rand(st) % 7]);
		return strlen(p);
	}
	if (rowout_rand(st) % 4 == 0)
		len = rowout_rand(st) % 3;
	for (k = 0; k < len; k++) {
		const char *b = bits[rowout_rand(st) % (sizeof bits / sizeof bits[0])];

		memcpy(p + n, b, strlen(b));
		n += strlen(b);
	}
	return n;
}

/*
 * Write rows of random fields, each as rowout_row() (direct) or as its
 * TSV line through out.h (the way programs wrote them before), in format
 * f, after a header line when header; return the output in got.
 */
static void
rowout_random(enum rowout_format fmt, bool header, bool direct, struct sbuf *got)
{
	static const char hdr[] = "doc\tsent\ttok\ttext\tstart\tcount\ttag\tx\n";
	char path[] = "/tmp/tabloid-unit-XXXXXX", buf[8][512];
	uint32_t st = 7;
	int fd = mkstemp(path), row;

	CHECK(fd >= 0);
	close(fd);
	out_open(path);
	rowout_start(fmt, header);
	if (header)
		out_write(hdr, sizeof hdr - 1);
	for (row = 0; row < 3000; row++) {
		struct rowout_field fl[8];
		size_t i, n = 1 + rowout_rand(&st) % 8;

		for (i = 0; i < n; i++) {
			unsigned kind = rowout_rand(&st) % 4;

			if (i + 1 == n && kind == ROWOUT_COLS)
				kind = ROWOUT_TEXT;
			fl[i].kind = (enum rowout_kind)kind;
			fl[i].v = rowout_rand(&st) % 3 == 0 ? rowout_rand(&st) : rowout_rand(&st) % 200;
			if (rowout_rand(&st) % 50 == 0)
				fl[i].v = UINT64_MAX - rowout_rand(&st) % 3;
			fl[i].p = buf[i];
			fl[i].n = rowout_rand_text(&st, buf[i], kind == ROWOUT_WORD);
			if (kind == ROWOUT_COLS) {
				size_t k, m = rowout_rand(&st) % 3;

				/* first fields of ROWOUT_COLS repeat, as a program's prefix does */
				if (i == 0 && row % 5 != 0) {
					fl[i].n = (size_t)(row % 5);
					memcpy(buf[i], "d1\t\t7\t\xff\t", 8);
					fl[i].n = row % 2 ? 3 : 6;
				} else {
					for (k = fl[i].n = 0; k < m; k++) {
						uint32_t c = rowout_rand(&st) % 3;
						const char *v = c == 0 ? "d\\t,1" : c == 1 ? "-0.5" : "\xe2\x80 x";

						memcpy(buf[i] + fl[i].n, v, strlen(v));
						fl[i].n += strlen(v);
						buf[i][fl[i].n++] = '\t';
					}
				}
			}
		}
		if (direct && row % 97 != 0) {
			rowout_row(fl, n);
			continue;
		}
		for (i = 0; i < n; i++) {
			if (fl[i].kind == ROWOUT_NUM)
				out_u64(fl[i].v);
			else if (fl[i].kind == ROWOUT_TEXT)
				out_escaped(fl[i].p, fl[i].n);
			else
				out_write(fl[i].p, fl[i].n);
			if (i + 1 < n && fl[i].kind != ROWOUT_COLS)
				out_byte('\t');
		}
		out_byte('\n');
	}
	out_close();
	rowout_start(ROWOUT_TSV, true);
	CHECK(sbuf_read_file(got, path) == 0);
	unlink(path);
}

/* rowout_row() writes the bytes that the filter makes of the same rows' TSV. */
static void
test_rowout_row(void)
{
	struct sbuf want = SBUF_INIT, got = SBUF_INIT;
	static const struct rowout_field f[] = {
		{ ROWOUT_COLS, "d\\t1\t2\t", 7, 0 },
		{ ROWOUT_NUM, NULL, 0, 18446744073709551615u },
		{ ROWOUT_WORD, "B-PER", 5, 0 },
		{ ROWOUT_TEXT, "a\t\"b\",\\ \xff", 9, 0 },
	};
	char path[] = "/tmp/tabloid-unit-XXXXXX";
	int fd = mkstemp(path), fmt, h;

	CHECK(fd >= 0);
	close(fd);
	for (fmt = ROWOUT_TSV; fmt <= ROWOUT_JSONL; fmt++) {
		out_open(path);
		rowout_start((enum rowout_format)fmt, true);
		out_str("doc\tsent\tcount\ttag\ttext\n");
		rowout_row(f, 4);
		out_close();
		CHECK(sbuf_read_file(&got, path) == 0);
		CHECK(strcmp(got.p, fmt == ROWOUT_TSV ?
		    "doc\tsent\tcount\ttag\ttext\nd\\t1\t2\t18446744073709551615\tB-PER\t"
		    "a\\t\"b\",\\\\ \xef\xbf\xbd\n" : fmt == ROWOUT_CSV ?
		    "doc,sent,count,tag,text\nd\t1,2,18446744073709551615,B-PER,"
		    "\"a\t\"\"b\"\",\\ \xef\xbf\xbd\"\n" :
		    "{\"doc\":\"d\\t1\",\"sent\":2,\"count\":18446744073709551615,\"tag\":"
		    "\"B-PER\",\"text\":\"a\\t\\\"b\\\",\\\\ \xef\xbf\xbd\"}\n") == 0);
	}
	/* while out.c holds the output (the header of -O), a row is held as TSV */
	out_open(path);
	rowout_start(ROWOUT_JSONL, true);
	CHECK(!out_held());
	out_redirect(-1, &want);
	CHECK(out_held());
	rowout_row(f + 1, 3);
	CHECK(out_held() && want.len == 0);
	out_flush();
	CHECK(want.len == 41 && memcmp(want.p, "18446744073709551615\tB-PER\ta\\t", 30) == 0);
	fd = open(path, O_WRONLY);
	out_redirect(fd, NULL);
	CHECK(!out_held());
	out_close();
	sbuf_reset(&want);
	unlink(path);
	rowout_start(ROWOUT_TSV, true);
	for (fmt = ROWOUT_TSV; fmt <= ROWOUT_JSONL; fmt++)
		for (h = 0; h < 2; h++) {
			rowout_random((enum rowout_format)fmt, h, false, &want);
			rowout_random((enum rowout_format)fmt, h, true, &got);
			CHECK(want.len > 10000 && want.len == got.len &&
			    memcmp(want.p, got.p, want.len) == 0);
		}
	sbuf_free(&want);
	sbuf_free(&got);
}

/* SHA-256 against the test vectors of FIPS 180-4 (and a million a's). */
static void
test_sha256(void)
{
	static char mill[1000000];
	char hex[65];
	struct sha256 c;
	unsigned char d[32];
	size_t i;

	sha256_hex("", 0, hex);
	CHECK(strcmp(hex, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855") == 0);
	sha256_hex("abc", 3, hex);
	CHECK(strcmp(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad") == 0);
	sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", 56, hex);
	CHECK(strcmp(hex, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1") == 0);
	memset(mill, 'a', sizeof mill);
	sha256_hex(mill, sizeof mill, hex);
	CHECK(strcmp(hex, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0") == 0);
	/* fed in pieces of every size, the digest is the same */
	sha256_init(&c);
	for (i = 0; i < sizeof mill;) {
		size_t k = i % 131 + 1;

		if (k > sizeof mill - i)
			k = sizeof mill - i;
		sha256_update(&c, mill + i, k);
		i += k;
	}
	sha256_final(&c, d);
	CHECK(d[0] == 0xcd && d[31] == 0xd0);
}

/* html_escape(s) equals want. */
static bool
html_is(const char *s, size_t n, const char *want)
{
	struct sbuf b = SBUF_INIT;
	bool ok;

	html_escape(&b, s, n);
	ok = b.len == strlen(want) && memcmp(b.p ? b.p : "", want, b.len) == 0;
	if (!ok)
		printf("# html_escape gave '%.*s'\n", (int)b.len, b.p ? b.p : "");
	sbuf_free(&b);
	return ok;
}

static void
test_html(void)
{
	CHECK(html_is("", 0, ""));
	CHECK(html_is("plain text", 10, "plain text"));
	CHECK(html_is("<script>alert(1)</script>", 25,
	              "&lt;script&gt;alert(1)&lt;/script&gt;"));
	CHECK(html_is("</style>", 8, "&lt;/style&gt;"));
	CHECK(html_is("&amp; &", 7, "&amp;amp; &amp;"));
	CHECK(html_is("a\"b'c", 5, "a&quot;b&#39;c"));
	CHECK(html_is("x=\"\" onmouseover=\"y\"", 20,
	              "x=&quot;&quot; onmouseover=&quot;y&quot;"));
	CHECK(html_is("a\tb\nc\rd", 7, "a\tb\nc\rd"));
	CHECK(html_is("a\0b\x01" "c\x7f", 6, "a\xef\xbf\xbd" "b\xef\xbf\xbd" "c\xef\xbf\xbd"));
	CHECK(html_is("caf\xc3\xa9 \xe2\x80\x9cq\xe2\x80\x9d", 13,
	              "caf\xc3\xa9 \xe2\x80\x9cq\xe2\x80\x9d"));
	CHECK(strcmp(html_type_color("PERSON", 6), "#aa9cfc") == 0);
	CHECK(strcmp(html_type_color("ORG", 3), "#7aecec") == 0);
	CHECK(strcmp(html_type_color("GPE", 3), "#feca74") == 0);
	CHECK(strcmp(html_type_color("LOC", 3), "#ff9561") == 0);
	CHECK(strcmp(html_type_color("NORP", 4), "#c887fb") == 0);
	CHECK(strcmp(html_type_color("PERSONS", 7), "#ddd") == 0);
	CHECK(strcmp(html_type_color("PERSON", 3), "#ddd") == 0);
	CHECK(strcmp(html_type_color("DATE", 4), "#ddd") == 0);
}

int
main(void)
{
	test_sbuf();
	test_sbuf_overflow();
	test_input();
	test_csvread();
	test_jsonl();
	test_data();
	test_tsv_unescape();
	test_tsv_split();
	test_tsv_cols();
	test_cols();
	test_utf8();
	test_utf8_normalize();
	test_fold();
	test_fold_chain();
	test_enc();
	test_fold_random();
	test_abbrev();
	test_strset();
	test_htab();
	test_seg();
	test_tok();
	test_norm();
	test_opt();
	test_align_lcs();
	test_align_sentences();
	test_wdiff();
	test_minhash();
	test_vdoc_pack();
	test_sha256();
	test_rowout();
	test_rowout_row();
	test_html();
	return unit_done();
}
