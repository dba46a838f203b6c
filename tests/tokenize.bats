#!/usr/bin/env bats
# tabloid-tokenize: the tokenization rules and token types, the output
# columns and offsets, the options, and hostile input.
#
# Most tests are tables: a text field and the exact tokens (and types)
# expected for it.  Everything is written under $BATS_TEST_TMPDIR.

bats_require_minimum_version 1.5.0
load helpers

# field N: the Nth column of the token rows on standard input (header
# line dropped), joined by single spaces.
field() {
	tail -n +2 | cut -f "$1" | paste -sd ' ' -
}

# table [OPTION...]: check a table of cases read from standard input.  A
# case is a line "in:   FIELD", a text field as it appears in TSV (so \t
# stands for a TAB), then a line "tok:  TOKENS", the tokens written by
# tabloid-tokenize OPTION... joined by single spaces, and optionally a line
# "type: TYPES", their types.  Blank lines and lines starting with '#' are
# ignored.  Every failing case is shown before the test fails.
table() {
	local line input='' want got types='' n=0 bad=0
	while IFS= read -r line; do
		case $line in
		'in:   '*)
			input=${line#in:   }
			printf 'text\n%s\n' "$input" | tabloid-tokenize "$@" >"$T/table.out" ||
			    echo "exit status $? for: $input" >>"$T/table.out"
			types=$(field 4 <"$T/table.out")
			;;
		'tok:  '*)
			want=${line#tok:  }
			got=$(field 5 <"$T/table.out")
			n=$((n + 1))
			if [ "$got" != "$want" ]; then
				printf 'input:    %s\nexpected: %s\nactual:   %s\n\n' \
				    "$input" "$want" "$got"
				bad=$((bad + 1))
			fi
			;;
		'type: '*)
			want=${line#type: }
			n=$((n + 1))
			if [ "$types" != "$want" ]; then
				printf 'input:          %s\nexpected types: %s\nactual types:   %s\n\n' \
				    "$input" "$want" "$types"
				bad=$((bad + 1))
			fi
			;;
		'' | '#'*) ;;
		*)
			printf 'bad table line: %s\n' "$line"
			return 1
			;;
		esac
	done
	table_done "$n" "$bad"
}

# check_tokens DIR TSV: check that each row of TSV, tokenize output of
# split output, has as token the bytes from start to end of DIR/DOC.txt.
# Prints the rows that fail and the number of rows checked.
check_tokens() {
	LC_ALL=C awk -F '\t' -v dir="$1" '
	function unesc(s,   r, i, c) {
		r = ""
		for (i = 1; i <= length(s); i++) {
			c = substr(s, i, 1)
			if (c == "\\" && i < length(s)) {
				c = substr(s, ++i, 1)
				if (c == "t") c = "\t"
				else if (c == "n") c = "\n"
				else if (c == "r") c = "\r"
				else if (c != "\\") c = "\\" c
			}
			r = r c
		}
		return r
	}
	NR == 1 { next }
	$1 != name {
		name = $1; doc = ""
		f = dir "/" name ".txt"
		while ((getline line < f) > 0)
			doc = doc line "\n"
		close(f)
	}
	{
		s = $(NF - 3) + 0; e = $(NF - 2) + 0; tok = unesc($NF)
		if (e <= s || substr(doc, s + 1, e - s) != tok) {
			printf "row %d: bytes %d-%d of %s are [%s], token is [%s]\n",
			    NR, s, e, name, substr(doc, s + 1, e - s), tok
			bad++
		}
		n++
	}
	END {
		printf "%d tokens checked\n", n
		exit n == 0 || bad > 0
	}' "$2"
}

# bytes FILE START END: the bytes of FILE from START to END.
bytes() {
	tail -c +$(($2 + 1)) "$1" | head -c $(($3 - $2))
}

# --- tokens and types --------------------------------------------------------

@test "tokens: currency symbols and prefixes, magnitudes" {
	table <<'EOF'
in:   US$25.1
tok:  US$ 25.1
type: symbol number
in:   £22.6bn
tok:  £ 22.6 bn
type: symbol number word
in:   $60bn
tok:  $ 60 bn
type: symbol number word
in:   A$5 HK$3 €4 $1.5m £1bn
tok:  A$ 5 HK$ 3 € 4 $ 1.5 m £ 1 bn
type: symbol number symbol number symbol number symbol number word symbol number word
in:   (US$25.1 billion),
tok:  ( US$ 25.1 billion ) ,
type: punct symbol number word punct punct
EOF
}

@test "tokens: numbers keep their separators and decimal points" {
	table <<'EOF'
in:   350,000
tok:  350,000
type: number
in:   25.1
tok:  25.1
type: number
in:   15:42
tok:  15:42
type: number
in:   2021-04-19
tok:  2021-04-19
type: number
in:   1,000.50 and 42.
tok:  1,000.50 and 42 .
type: number word number punct
in:   35%
tok:  35 %
type: number punct
in:   3.5%.
tok:  3.5 % .
type: number punct punct
EOF
}

@test "tokens: hyphenated words stay whole" {
	table <<'EOF'
in:   co-operation, non-core, off-the-shelf
tok:  co-operation , non-core , off-the-shelf
type: word punct word punct word
in:   a multi-billion-pound, well-known deal.
tok:  a multi-billion-pound , well-known deal .
type: word word punct word word punct
EOF
}

@test "tokens: abbreviations keep their full stop, a sentence's full stop is split" {
	table <<'EOF'
in:   U.K. and Co.
tok:  U.K. and Co.
type: word word word
in:   Mr. Smith, e.g. at 5 a.m. with a Ph.D.
tok:  Mr. Smith , e.g. at 5 a.m. with a Ph.D.
type: word word punct word word number word word word word
in:   partner for the U.K.
tok:  partner for the U.K.
in:   tensions intensify.
tok:  tensions intensify .
type: word word punct
in:   Huawei Technologies Co., U.S.-China
tok:  Huawei Technologies Co. , U.S.-China
EOF
}

@test "tokens: possessive and contraction clitics are split off" {
	table <<'EOF'
in:   Beijing’s
tok:  Beijing ’s
type: word word
in:   Beijing's
tok:  Beijing 's
type: word word
in:   don't
tok:  do n't
type: word word
in:   can't
tok:  ca n't
type: word word
in:   we’ve
tok:  we ’ve
type: word word
in:   U.K.’s
tok:  U.K. ’s
type: word word
in:   it's I'm they're she'll he'd
tok:  it 's I 'm they 're she 'll he 'd
in:   Huawei’s.
tok:  Huawei ’s .
type: word word punct
EOF
}

@test "tokens: quotes and brackets are split off" {
	table <<'EOF'
in:   “It’s”
tok:  “ It ’s ”
type: punct word word punct
in:   "quoted" and 'single'
tok:  " quoted " and ' single '
type: punct word punct word punct word punct
in:   said:“Yes”
tok:  said : “ Yes ”
type: word punct punct word punct
in:   US ‘at risk’ over
tok:  US ‘ at risk ’ over
in:   [Reuters]
tok:  [ Reuters ]
type: punct word punct
EOF
}

@test "tokens: a closing curly single quote is punctuation" {
	table <<'EOF'
in:   US ‘at risk’ over
tok:  US ‘ at risk ’ over
type: word punct word word punct word
in:   the ‘risk’.
tok:  the ‘ risk ’ .
type: word punct word punct punct
EOF
}

@test "tokens: infixes split glued sentences, ellipses and slashes" {
	table <<'EOF'
in:   Coons.Theresa
tok:  Coons . Theresa
type: word punct word
in:   brilliant...but
tok:  brilliant ... but
type: word punct word
in:   brilliant…but
tok:  brilliant … but
type: word punct word
in:   US/UK and/or
tok:  US / UK and / or
type: word punct word word punct word
in:   Johnson—who
tok:  Johnson — who
type: word punct word
in:   he said...
tok:  he said ...
EOF
}

@test "tokens: tickers and brackets (<DIA>, (i.e. servers))" {
	table <<'EOF'
in:   <DIA>
tok:  < DIA >
type: symbol word symbol
in:   Diamond Shamrock Corp <DIA>,
tok:  Diamond Shamrock Corp < DIA > ,
in:   (i.e. servers)
tok:  ( i.e. servers )
type: punct word word punct
EOF
}

@test "tokens: URLs, e-mail addresses, mentions and hashtags" {
	table <<'EOF'
in:   See https://example.com/a?b=1.
tok:  See https://example.com/a?b=1 .
type: word url punct
in:   http://x.org/path and www.example.com, then
tok:  http://x.org/path and www.example.com , then
type: url word url punct word
in:   mail a.b@example.com now
tok:  mail a.b@example.com now
type: word email word
in:   write to email@ex.com.
tok:  write to email@ex.com .
type: word word email punct
in:   @bbc says #5G #Huawei
tok:  @bbc says #5G #Huawei
type: mention word hashtag hashtag
EOF
}

@test "tokens: word, number, punct and symbol types" {
	table <<'EOF'
in:   Huawei 5G 1990s GMT19
tok:  Huawei 5G 1990s GMT19
type: word word word word
in:   42 -5 +3 0.5
tok:  42 -5 +3 0.5
type: number number number number
in:   , ; : ! ? – — ( ) [ ] “ ” " '
tok:  , ; : ! ? – — ( ) [ ] “ ” " '
type: punct punct punct punct punct punct punct punct punct punct punct punct punct punct punct
in:   £ € $ © = < > ×
tok:  £ € $ © = < > ×
type: symbol symbol symbol symbol symbol symbol symbol symbol
EOF
}

@test "tokens: digits of other scripts are numbers" {
	table <<'EOF'
in:   １２３ ٣٤
tok:  １２３ ٣٤
type: number number
EOF
}

@test "tokens: invalid UTF-8 is U+FFFD at its bytes, NUL and control bytes are tokens of type other" {
	printf 'text\nBad\xff\xfe byte \0 nul a\x01b \xc3 end\n' >"$T/in.tsv"
	tabloid-tokenize --encoding=utf-8 "$T/in.tsv" >"$T/out" 2>"$T/err"
	same "tabloid-tokenize: $T/in.tsv: line 2: invalid UTF-8 bytes replaced by U+FFFD" "$(cat "$T/err")"
	printf '%b\n' 'tok\ttok_start\ttok_end\ttok_kind\ttoken' \
	    '1\t0\t3\tword\tBad' '2\t3\t4\tsymbol\t\xef\xbf\xbd' '3\t4\t5\tsymbol\t\xef\xbf\xbd' \
	    '4\t6\t10\tword\tbyte' '5\t11\t12\tother\t\0' '6\t13\t16\tword\tnul' \
	    '7\t17\t18\tword\ta' '8\t18\t19\tother\t\x01' '9\t19\t20\tword\tb' \
	    '10\t21\t22\tsymbol\t\xef\xbf\xbd' '11\t23\t26\tword\tend' >"$T/want"
	cmp "$T/want" "$T/out"
}

@test "tokens: whitespace of every kind separates tokens, none is a token" {
	table <<'EOF'
in:   one\ttwo  three four five　six
tok:  one two three four five six
type: word word word word word word
EOF
}

# --- columns and offsets -------------------------------------------------------

@test "columns: other columns pass through, then tok tok_start tok_end tok_kind token" {
	rows 'doc\tsource\ttext' 'd1\tbbc\tHi there.' 'd2\titv\tOk' >"$T/in.tsv"
	tabloid-tokenize "$T/in.tsv" >"$T/out"
	rows 'doc\tsource\ttok\ttok_start\ttok_end\ttok_kind\ttoken' \
	    'd1\tbbc\t1\t0\t2\tword\tHi' \
	    'd1\tbbc\t2\t3\t8\tword\tthere' \
	    'd1\tbbc\t3\t8\t9\tpunct\t.' \
	    'd2\titv\t1\t0\t2\tword\tOk' >"$T/want"
	diff -u "$T/want" "$T/out"
}

@test "columns: split output gives doc para sent tok tok_start tok_end tok_kind token" {
	printf 'Title\n\nHello,  the\tworld. Bye.\n' >"$T/a.txt"
	tabloid-split "$T/a.txt" | tabloid-tokenize >"$T/out"
	rows 'doc\tpara\tsent\ttok\ttok_start\ttok_end\ttok_kind\ttoken' \
	    'a\t1\t1\t1\t0\t5\tword\tTitle' \
	    'a\t2\t2\t1\t7\t12\tword\tHello' \
	    'a\t2\t2\t2\t12\t13\tpunct\t,' \
	    'a\t2\t2\t3\t15\t18\tword\tthe' \
	    'a\t2\t2\t4\t19\t24\tword\tworld' \
	    'a\t2\t2\t5\t24\t25\tpunct\t.' \
	    'a\t2\t3\t1\t26\t29\tword\tBye' \
	    'a\t2\t3\t2\t29\t30\tpunct\t.' >"$T/want"
	diff -u "$T/want" "$T/out"
}

@test "offsets: without a start column they count bytes of the decoded field" {
	rows 'doc\ttext' 'd\tHello, “world” – ok' 'e\tA\\tB \\\\ C' >"$T/in.tsv"
	tabloid-tokenize "$T/in.tsv" | cut -f 1,3-6 >"$T/out"
	rows 'doc\ttok_start\ttok_end\ttok_kind\ttoken' \
	    'd\t0\t5\tword\tHello' 'd\t5\t6\tpunct\t,' 'd\t7\t10\tpunct\t“' \
	    'd\t10\t15\tword\tworld' 'd\t15\t18\tpunct\t”' 'd\t19\t22\tpunct\t–' \
	    'd\t23\t25\tword\tok' \
	    'e\t0\t1\tword\tA' 'e\t2\t3\tword\tB' 'e\t4\t5\tpunct\t\\\\' \
	    'e\t6\t7\tword\tC' >"$T/want"
	diff -u "$T/want" "$T/out"
}

@test "offsets: with a start column they are mapped through fold into the document" {
	rows 'doc\tpara\tsent\tstart\tend\tfold\ttext' \
	    'd\t1\t1\t100\t130\t6:3\tHello, the world.' \
	    'e\t1\t1\t7\t23\t3:2,7:3\tOne two three' >"$T/in.tsv"
	tabloid-tokenize "$T/in.tsv" | cut -f 1,5- >"$T/out"
	rows 'doc\ttok_start\ttok_end\ttok_kind\ttoken' \
	    'd\t100\t105\tword\tHello' 'd\t105\t106\tpunct\t,' 'd\t109\t112\tword\tthe' \
	    'd\t113\t118\tword\tworld' 'd\t118\t119\tpunct\t.' \
	    'e\t7\t10\tword\tOne' 'e\t12\t15\tword\ttwo' 'e\t18\t23\tword\tthree' >"$T/want"
	diff -u "$T/want" "$T/out"
	# a start column without fold: start plus the offset in the field
	rows 'doc\tstart\ttext' 'd\t100\tHi there' | tabloid-tokenize >"$T/out"
	rows 'doc\ttok\ttok_start\ttok_end\ttok_kind\ttoken' 'd\t1\t100\t102\tword\tHi' \
	    'd\t2\t103\t108\tword\tthere' | diff -u - "$T/out"
}

@test "offsets: tokens of split output of every sample are the bytes of the file" {
	tabloid-split "$S"/*.txt | tabloid-tokenize >"$T/toks"
	check_tokens "$S" "$T/toks"
	[ "$(wc -l <"$T/toks")" -gt 3000 ]
	# the same through -u para and -u doc
	tabloid-split -u para "$S"/*.txt | tabloid-tokenize >"$T/toks"
	check_tokens "$S" "$T/toks"
	tabloid-split -u doc "$S"/*.txt | tabloid-tokenize >"$T/toks"
	check_tokens "$S" "$T/toks"
}

@test "offsets: the token checker catches a wrong offset" {
	rows 'doc\tpara\tsent\ttok\ttok_start\ttok_end\ttok_kind\ttoken' \
	    '000_7a71359318611c7a\t1\t1\t1\t0\t3\tword\tThe' >"$T/good"
	check_tokens "$S" "$T/good"
	for bad in '1\t4\tword\tThe' '0\t3\tword\tthe' '0\t2\tword\tThe' '0\t0\tword\t'; do
		rows 'doc\tpara\tsent\ttok\ttok_start\ttok_end\ttok_kind\ttoken' \
		    "000_7a71359318611c7a\\t1\\t1\\t1\\t$bad" >"$T/bad"
		run check_tokens "$S" "$T/bad"
		[ "$status" -eq 1 ]
	done
}

@test "offsets: several tokens of the samples checked with tail and head" {
	tabloid-split "$S"/*.txt | tabloid-tokenize | tail -n +2 >"$T/toks"
	# doc token: a multi-byte token, one after an NBSP, an abbreviation,
	# a clitic, a currency prefix, a number, a glued full stop
	while IFS="$(printf '\t')" read -r doc tok; do
		grep -F "$(printf '\t')$tok" "$T/toks" | awk -F '\t' -v d="$doc" -v t="$tok" \
		    '$1 == d && $8 == t' | head -n 3 | cut -f 5,6 >"$T/hits"
		[ -s "$T/hits" ] || { echo "no token $tok in $doc"; return 1; }
		while read -r start end; do
			same "$tok" "$(bytes "$S/$doc.txt" "$start" "$end")"
		done <"$T/hits"
	done <<EOF
000_7a71359318611c7a	U.K.
000_7a71359318611c7a	US\$
000_7a71359318611c7a	25.1
000_7a71359318611c7a	’s
001_b53f680156d8d950	“
001_b53f680156d8d950	Coons
001_b53f680156d8d950	Theresa
002_4fb658c976d88ccb	flagship
002_4fb658c976d88ccb	China
002_4fb658c976d88ccb	has
003_f79d13dae64d47e6	difference
004_fca92104f0f7d539	huawei
EOF
}

@test "columns: a header line repeated in the middle of the input is dropped" {
	printf 'Hello there.\n' >"$T/a.txt"
	printf 'Bye.\n' >"$T/b.txt"
	{ tabloid-split "$T/a.txt"; tabloid-split "$T/b.txt"; } | tabloid-tokenize >"$T/out"
	rows 'doc\tpara\tsent\ttok\ttok_start\ttok_end\ttok_kind\ttoken' \
	    'a\t1\t1\t1\t0\t5\tword\tHello' 'a\t1\t1\t2\t6\t11\tword\tthere' \
	    'a\t1\t1\t3\t11\t12\tpunct\t.' \
	    'b\t1\t1\t1\t0\t3\tword\tBye' 'b\t1\t1\t2\t3\t4\tpunct\t.' >"$T/want"
	diff -u "$T/want" "$T/out"
}

@test "columns: several files are read in order with their headers" {
	rows 'doc\ttext' 'a\tHi there' >"$T/f1.tsv"
	rows 'doc\ttext' 'b\tBye' >"$T/f2.tsv"
	tabloid-tokenize "$T/f1.tsv" "$T/f2.tsv" >"$T/out"
	rows 'doc\ttok\ttok_start\ttok_end\ttok_kind\ttoken' 'a\t1\t0\t2\tword\tHi' \
	    'a\t2\t3\t8\tword\tthere' 'b\t1\t0\t3\tword\tBye' | diff -u - "$T/out"
	tabloid-tokenize - <"$T/f1.tsv" | diff -u <(head -n 3 "$T/out") -
}

# --- options -----------------------------------------------------------------

@test "options: -f takes the text column by name or by number" {
	rows 'id\tbody\tnote' '7\tHi there.\tzz' >"$T/in.tsv"
	rows 'id\tnote\ttok\ttok_start\ttok_end\ttok_kind\ttoken' '7\tzz\t1\t0\t2\tword\tHi' \
	    '7\tzz\t2\t3\t8\tword\tthere' '7\tzz\t3\t8\t9\tpunct\t.' >"$T/want"
	tabloid-tokenize -f body "$T/in.tsv" | diff -u "$T/want" -
	tabloid-tokenize -f 2 "$T/in.tsv" | diff -u "$T/want" -
	tabloid-tokenize --field body "$T/in.tsv" | diff -u "$T/want" -
	# by default the last column is the text
	same zz "$(tabloid-tokenize "$T/in.tsv" | tail -n +2 | cut -f 7)"
	for f in nope 0 4 -1 1,2 1-2 2- '' 99999999999999999999; do
		run --separate-stderr tabloid-tokenize -f "$f" "$T/in.tsv"
		[ "$status" -eq 2 ]
		[[ "$stderr" == "tabloid-tokenize: $T/in.tsv: "*"'$f'"* ]]
		[ -z "$output" ]
	done
}

@test "options: -N reads and writes no header; text is the last column or -f N" {
	rows '7\tzz\tHi there.' >"$T/in.tsv"
	rows '7\tzz\t1\t0\t2\tword\tHi' '7\tzz\t2\t3\t8\tword\tthere' \
	    '7\tzz\t3\t8\t9\tpunct\t.' >"$T/want"
	tabloid-tokenize -N "$T/in.tsv" | diff -u "$T/want" -
	tabloid-tokenize --no-header "$T/in.tsv" | diff -u "$T/want" -
	rows '7\tHi there.\tzz' | tabloid-tokenize -N -f 2 | diff -u "$T/want" -
	# with -N five or more columns are split's: start, end and fold come
	# before the text, and map the offsets into the document
	rows 'd\t1\t1\t100\t130\t2:3\tHi you' | tabloid-tokenize -N >"$T/out"
	rows 'd\t1\t1\t1\t100\t102\tword\tHi' 'd\t1\t1\t2\t105\t108\tword\tyou' |
	    diff -u - "$T/out"
}

@test "options: --lower applies Unicode case folding, offsets unchanged" {
	table --lower <<'EOF'
in:   ÉCOLE Straße HUAWEI Huawei
tok:  école strasse huawei huawei
type: word word word word
in:   U.K.’s CAN'T
tok:  u.k. ’s ca n't
EOF
	rows 'text' 'ÉCOLE Straße' | tabloid-tokenize --lower | cut -f 2,3 >"$T/out"
	rows 'tok_start\ttok_end' '0\t6' '7\t14' | diff -u - "$T/out"
}

@test "options: --nfkc normalises ligatures and full-width forms, offsets unchanged" {
	table --nfkc <<'EOF'
in:   ﬁnance ＡＢ Ⅻ café
tok:  finance AB XII café
in:   １２３
tok:  123
EOF
	rows 'text' 'ﬁnance １２３' | tabloid-tokenize --nfkc | cut -f 2,3 >"$T/out"
	rows 'tok_start\ttok_end' '0\t8' '9\t18' | diff -u - "$T/out"
	# without --nfkc the tokens are the bytes of the input
	table <<'EOF'
in:   ﬁnance ＡＢ
tok:  ﬁnance ＡＢ
EOF
}

@test "options: --no-punct drops punctuation and keeps the other types" {
	table --no-punct <<'EOF'
in:   “Hello,” he said. (US$25.1 billion) at 35% – see https://x.org/a.
tok:  Hello he said US$ 25.1 billion at 35 see https://x.org/a
type: word word word symbol number word word number word url
EOF
}

@test "options: --stopwords en drops the English stop words, case-folded" {
	table --stopwords en <<'EOF'
in:   The cat and the hat of it sat.
tok:  cat hat sat .
in:   THE Cat AND
tok:  Cat
EOF
}

@test "options: --stopwords FILE of my own, also looked up in TABLOID_DATADIR" {
	printf '# my list\n\ncat\nhat\n' >"$T/sw.txt"
	table --stopwords "$T/sw.txt" <<'EOF'
in:   The cat and the Hat.
tok:  The and the .
EOF
	mkdir "$T/data"
	cp -r "$TABLOID_DATADIR"/* "$T/data/"
	printf 'there\n' >"$T/data/stopwords-xx.txt"
	printf 'hi\n' >"$T/data/mine.txt"
	same Hi "$(rows 'text' 'Hi there' |
	    TABLOID_DATADIR=$T/data tabloid-tokenize --stopwords xx | field 5)"
	same there "$(rows 'text' 'Hi there' |
	    TABLOID_DATADIR=$T/data tabloid-tokenize --stopwords mine.txt | field 5)"
	run --separate-stderr tabloid-tokenize --stopwords no-such-list "$T/sw.txt"
	[ "$status" -eq 2 ]
	[[ "$stderr" == *"no-such-list"* ]]
}

@test "options: --stem reduces words with the Snowball English stemmer" {
	table --stem <<'EOF'
in:   running companies Networks network generation
tok:  run compani network network generat
type: word word word word word
in:   It rose 25.1% to 1990s.
tok:  it rose 25.1 % to 1990s .
type: word word number punct word word punct
EOF
}

@test "options: stop words are compared before stemming" {
	# "run" is listed: "running" and "runs" are not, although their stem is
	printf 'run\n' >"$T/sw.txt"
	table --stem --stopwords "$T/sw.txt" <<'EOF'
in:   running runs run
tok:  run run
EOF
}

@test "options: tok numbers stay the same when tokens are dropped" {
	rows 'doc\ttext' 'd\t“The cat,” he said, “sat on the mat.”' >"$T/in.tsv"
	tabloid-tokenize "$T/in.tsv" | cut -f 2,5,6 >"$T/all"
	same 15 "$(tail -n +2 "$T/all" | wc -l | tr -d ' ')"
	tabloid-tokenize --no-punct "$T/in.tsv" | cut -f 2,5,6 >"$T/out"
	awk -F '\t' '$2 != "punct"' "$T/all" | diff -u - "$T/out"
	same "2 3 6 7 10 11 12 13" "$(field 1 <"$T/out")"
	tabloid-tokenize --no-punct --stopwords en "$T/in.tsv" | cut -f 2,6 >"$T/out"
	rows 'tok\ttoken' '3\tcat' '7\tsaid' '10\tsat' '13\tmat' | diff -u - "$T/out"
}

@test "options: --join writes one row per input row, tokens joined, fold dropped" {
	rows 'doc\tpara\tsent\tstart\tend\tfold\ttext' \
	    'd\t1\t1\t10\t30\t6:3\tHello, the world.' \
	    'd\t1\t2\t31\t40\t\t“Bye,” he said.' >"$T/in.tsv"
	tabloid-tokenize --join "$T/in.tsv" >"$T/out"
	rows 'doc\tpara\tsent\tstart\tend\ttext' \
	    'd\t1\t1\t10\t30\tHello , the world .' \
	    'd\t1\t2\t31\t40\t“ Bye , ” he said .' | diff -u - "$T/out"
	tabloid-tokenize --join --lower --no-punct --stopwords en "$T/in.tsv" >"$T/out"
	rows 'doc\tpara\tsent\tstart\tend\ttext' \
	    'd\t1\t1\t10\t30\thello world' \
	    'd\t1\t2\t31\t40\tbye said' | diff -u - "$T/out"
	# rows without tokens are kept, with an empty text
	rows 'doc\ttext' 'a\t' 'b\t...' 'c\tOk.' | tabloid-tokenize --join --no-punct >"$T/out"
	rows 'doc\ttext' 'a\t' 'b\t' 'c\tOk' | diff -u - "$T/out"
	# the sample sentences keep their count and their columns
	tabloid-split "$S"/*.txt >"$T/sents"
	tabloid-tokenize --join "$T/sents" >"$T/out"
	same "$(wc -l <"$T/sents")" "$(wc -l <"$T/out")"
	cut -f 1-5 "$T/sents" | diff -u - <(cut -f 1-5 "$T/out")
}

@test "options: -o FILE writes the file and leaves no temporary file" {
	mkdir "$T/o"
	rows 'doc\ttext' 'd\tHi there.' >"$T/in.tsv"
	run --separate-stderr tabloid-tokenize -o "$T/o/out.tsv" "$T/in.tsv"
	[ "$status" -eq 0 ]
	[ -z "$output" ]
	[ -z "$stderr" ]
	same "out.tsv" "$(ls -A "$T/o")"
	tabloid-tokenize "$T/in.tsv" | cmp - "$T/o/out.tsv"
}

# --- hostile input -------------------------------------------------------------

@test "hostile: empty input gives no rows and status 0" {
	run --separate-stderr tabloid-tokenize </dev/null
	[ "$status" -eq 0 ]
	[ -z "$stderr" ]
	[ -z "$output" ]
	# a header alone gives the header alone
	rows 'doc\ttext' >"$T/h.tsv"
	run --separate-stderr tabloid-tokenize "$T/h.tsv"
	[ "$status" -eq 0 ]
	[ -z "$stderr" ]
	same "$(rows 'doc\ttok\ttok_start\ttok_end\ttok_kind\ttoken')" "$output"
	# an empty or blank text field gives no tokens
	rows 'doc\ttext' 'a\t' 'b\t   ' >"$T/e.tsv"
	run --separate-stderr tabloid-tokenize "$T/e.tsv"
	[ "$status" -eq 0 ]
	same "$(rows 'doc\ttok\ttok_start\ttok_end\ttok_kind\ttoken')" "$output"
	# split output of an empty article
	: >"$T/empty.txt"
	run --separate-stderr bash -c 'tabloid-split "$1" | tabloid-tokenize' _ "$T/empty.txt"
	[ "$status" -eq 0 ]
	same "$(rows 'doc\tpara\tsent\ttok\ttok_start\ttok_end\ttok_kind\ttoken')" "$output"
}

@test "hostile: input without a final newline" {
	printf 'doc\ttext\nd\tNo newline' | tabloid-tokenize >"$T/out"
	rows 'doc\ttok\ttok_start\ttok_end\ttok_kind\ttoken' 'd\t1\t0\t2\tword\tNo' \
	    'd\t2\t3\t10\tword\tnewline' | diff -u - "$T/out"
}

@test "hostile: CRLF input gives no CR in the output" {
	printf 'doc\ttext\r\nd\tHi there\r\ne\tBye\r\n' | tabloid-tokenize >"$T/out"
	rows 'doc\ttok\ttok_start\ttok_end\ttok_kind\ttoken' 'd\t1\t0\t2\tword\tHi' \
	    'd\t2\t3\t8\tword\tthere' 'e\t1\t0\t3\tword\tBye' | diff -u - "$T/out"
	# split output of a CRLF article, tokens still at their bytes
	mkdir "$T/crlf"
	printf 'HEAD\r\n\r\nThis is a wrapped line of wire copy that goes on and\r\non until it ends here.\r\n' >"$T/crlf/c.txt"
	tabloid-split "$T/crlf/c.txt" | tabloid-tokenize >"$T/out"
	! grep -q "$(printf '\r')" "$T/out"
	check_tokens "$T/crlf" "$T/out"
	same 19 "$(tail -n +2 "$T/out" | wc -l | tr -d ' ')"
}

@test "hostile: a BOM at the start is dropped, offsets of split output still count it" {
	printf '\xef\xbb\xbfdoc\ttext\nd\tHi there\n' | tabloid-tokenize >"$T/out"
	rows 'doc\ttok\ttok_start\ttok_end\ttok_kind\ttoken' 'd\t1\t0\t2\tword\tHi' \
	    'd\t2\t3\t8\tword\tthere' | diff -u - "$T/out"
	mkdir "$T/bom"
	printf '\xef\xbb\xbfHello there. Bye.\n' >"$T/bom/b.txt"
	tabloid-split "$T/bom/b.txt" | tabloid-tokenize >"$T/out"
	check_tokens "$T/bom" "$T/out"
	same "3 8" "$(sed -n 2p "$T/out" | cut -f 5,6 | tr '\t' ' ')"
}

@test "hostile: Windows-1252 and NUL bytes in split output, tokens at their bytes" {
	mkdir "$T/bad"
	printf 'Bad \xff\xfe byte. Nul \0 here. End.\n' >"$T/bad/x.txt"
	tabloid-split "$T/bad/x.txt" 2>/dev/null | tabloid-tokenize >"$T/out" 2>"$T/err"
	[ ! -s "$T/err" ]
	cut -f 5-8 "$T/out" | LC_ALL=C grep -a -n -e 'other' -e $'\xc3' >"$T/other"
	printf '3:4\t6\tword\t\xc3\xbf\xc3\xbe\n7:17\t18\tother\t\0\n' | cmp - "$T/other"
	same 10 "$(tail -n +2 "$T/out" | wc -l | tr -d ' ')"
}

@test "hostile: a 5 MB line completes with status 0" {
	awk 'BEGIN { printf "doc\ttext\nd\t"; for (i = 0; i < 500000; i++) printf "w%07d, ", i; print "end." }' >"$T/big.tsv"
	[ "$(wc -c <"$T/big.tsv")" -ge 5000000 ]
	tabloid-tokenize "$T/big.tsv" >"$T/out" 2>"$T/err"
	[ ! -s "$T/err" ]
	same 1000003 "$(wc -l <"$T/out" | tr -d ' ')"
	same "$(rows 'd\t1000002\t5000003\t5000004\tpunct\t.')" "$(tail -n 1 "$T/out")"
	# one token of 5 MB
	{ printf 'text\n'; head -c 5000000 /dev/zero | tr '\0' a; echo; } >"$T/one.tsv"
	tabloid-tokenize "$T/one.tsv" >"$T/out" 2>"$T/err"
	[ ! -s "$T/err" ]
	same "$(rows '1\t0\t5000000\tword')" "$(tail -n 1 "$T/out" | cut -f 1-4)"
}

@test "hostile: a row with too few fields stops with status 2, naming file and line" {
	rows 'doc\tsource\ttext' 'a\ts\tHi.' 'b\tShort' 'c\ts\tLater.' >"$T/bad.tsv"
	run --separate-stderr tabloid-tokenize "$T/bad.tsv"
	[ "$status" -eq 2 ]
	same "tabloid-tokenize: $T/bad.tsv: line 3: expected 3 fields, found 2" "$stderr"
	[[ "$output" != *Later* ]]
	run --separate-stderr tabloid-tokenize <"$T/bad.tsv"
	[ "$status" -eq 2 ]
	[[ "$stderr" == "tabloid-tokenize: "*"line 3: expected 3 fields, found 2" ]]
	# and a row with too many
	rows 'doc\ttext' 'a\tHi.' 'b\tc\td' >"$T/bad2.tsv"
	run --separate-stderr tabloid-tokenize "$T/bad2.tsv"
	[ "$status" -eq 2 ]
	same "tabloid-tokenize: $T/bad2.tsv: line 3: expected 2 fields, found 3" "$stderr"
}

@test "hostile: a missing file is reported, the others are still processed" {
	rows 'doc\ttext' 'a\tHi' >"$T/a.tsv"
	rows 'doc\ttext' 'b\tBye' >"$T/b.tsv"
	run --separate-stderr tabloid-tokenize "$T/a.tsv" "$T/missing.tsv" "$T/b.tsv"
	[ "$status" -eq 2 ]
	[[ "$stderr" == "tabloid-tokenize: $T/missing.tsv: "* ]]
	same "$(rows 'doc\ttok\ttok_start\ttok_end\ttok_kind\ttoken' 'a\t1\t0\t2\tword\tHi' 'b\t1\t0\t3\tword\tBye')" "$output"
}

@test "hostile: output to /dev/full fails with a write error and status 2" {
	tabloid-split "$S"/*.txt >"$T/sents"
	run bash -c 'tabloid-tokenize "$1" >/dev/full 2>"$2"' _ "$T/sents" "$T/err"
	[ "$status" -eq 2 ]
	grep -q '^tabloid-tokenize: write error' "$T/err"
	run bash -c 'printf "text\nHi\n" | tabloid-tokenize >/dev/full 2>"$1"' _ "$T/err"
	[ "$status" -eq 2 ]
	grep -q '^tabloid-tokenize: write error' "$T/err"
}

@test "hostile: '| head -1' ends quietly" {
	for i in 1 2 3 4; do tabloid-split "$S"/*.txt; done >"$T/sents"
	run bash -c 'tabloid-tokenize "$1" 2>"$2" | head -1' _ "$T/sents" "$T/err"
	[ "$status" -eq 0 ]
	same "doc	para	sent	tok	tok_start	tok_end	tok_kind	token" "$output"
	[ ! -s "$T/err" ]
	run bash -c 'tabloid-split "$@" 2>/dev/null | tabloid-tokenize 2>"'"$T"'/err" | head -1' _ "$S"/*.txt
	[ "$status" -eq 0 ]
	same "doc	para	sent	tok	tok_start	tok_end	tok_kind	token" "$output"
	[ ! -s "$T/err" ]
}

@test "hostile: the same input gives the same bytes on every run" {
	tabloid-split "$S"/*.txt >"$T/sents"
	tabloid-tokenize --lower --stem "$T/sents" >"$T/one"
	tabloid-tokenize --lower --stem "$T/sents" >"$T/two"
	cmp "$T/one" "$T/two"
	[ "$(wc -l <"$T/one")" -gt 3000 ]
}

@test "hostile: a plain article given where TSV belongs is an error naming the file" {
	printf 'Huawei ban splits allies\n\nLONDON - The government said.\n' >"$T/article.txt"
	run --separate-stderr tabloid-tokenize "$T/article.txt"
	[ "$status" -eq 2 ]
	[ "$stderr" = "tabloid-tokenize: $T/article.txt: line 1: not TSV: the header has no TAB and no column 'text' (plain articles go through tabloid-split first)" ]
	[ -z "$output" ]
	# a one-column TSV whose column is text, or the column named by -f, is fine
	printf 'text\nHello world.\n' | tabloid-tokenize >"$T/out"
	[ "$(wc -l <"$T/out")" -eq 4 ]
	printf 'body\nHello world.\n' | tabloid-tokenize -f body >"$T/out"
	[ "$(wc -l <"$T/out")" -eq 4 ]
	printf 'body\nHello world.\n' | tabloid-tokenize -f 1 >"$T/out"
	[ "$(wc -l <"$T/out")" -eq 4 ]
}
