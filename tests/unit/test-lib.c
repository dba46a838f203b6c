#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <stdio.h>
#include <unistd.h>

#include "lib/abbrev.h"
#include "lib/csvread.h"
#include "lib/data.h"
#include "lib/input.h"
#include "lib/fold.h"
#include "lib/sbuf.h"
#include "lib/seg.h"
#include "lib/strset.h"
#include "lib/tok.h"
#include "lib/tsv.h"
#include "lib/utf8.h"
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

struct csv_seen {
	int records;
	char last[64];
	unsigned long long line;
};

static void
csv_record(void *arg, const struct csvread_record *rec)
{
	struct csv_seen *s = arg;

	s->records++;
	snprintf(s->last, sizeof s->last, "%zu|%s|%s", rec->n, rec->f[0].p,
	    rec->n > 1 ? rec->f[1].p : "");
	s->line = rec->line;
}

static void
test_csvread(void)
{
	const char text[] = "doc,text\na,\"One, \"\"two\"\"\nthree\"\nb,x\n";
	char *path = temp_file(text, sizeof text - 1);
	struct csv_seen s = { 0, "", 0 };

	CHECK(path != NULL && csvread_file(path, csv_record, &s) == 0);
	CHECK(s.records == 3 && strcmp(s.last, "2|b|x") == 0 && s.line == 4);
	unlink(path);
	CHECK(csvread_file("/nonexistent/file", csv_record, &s) == -1);
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

int
main(void)
{
	test_sbuf();
	test_input();
	test_csvread();
	test_data();
	test_tsv_unescape();
	test_tsv_split();
	test_tsv_cols();
	test_utf8();
	test_utf8_normalize();
	test_fold();
	test_fold_random();
	test_abbrev();
	test_strset();
	test_seg();
	test_tok();
	return unit_done();
}
