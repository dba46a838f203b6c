#!/usr/bin/env bats
# tabloid-split: output columns and options, the sentence and paragraph
# rules, offsets back into the original bytes, and hostile input.
#
# Most tests are tables: an article made with printf(1) and the exact
# output expected for it.  Everything is written under $BATS_TEST_TMPDIR.

bats_require_minimum_version 1.5.0
load helpers

# texts [OPTION...]: split standard input with -N and the OPTIONs and print
# the text column of the rows joined by " | ".
texts() {
	tabloid-split -N "$@" | awk -F '\t' 'NR > 1 { printf " | " } { printf "%s", $NF }'
}

# table [OPTION...]: check a table of cases read from standard input.  A
# case is a line "in:  ARTICLE", where printf %b escapes such as \n are
# decoded and a final newline is added, followed by a line "out: EXPECTED",
# the text column of the rows of tabloid-split -N OPTION... joined by " | ".
# Blank lines and lines starting with '#' are ignored.  Every failing case
# is shown before the test fails.
table() {
	local line input='' want got n=0 bad=0
	while IFS= read -r line; do
		case $line in
		'in:  '*)
			input=${line#in:  }
			;;
		'out: '*)
			want=${line#out: }
			got=$(printf '%b\n' "$input" | texts "$@")
			n=$((n + 1))
			if [ "$got" != "$want" ]; then
				printf 'input:    %s\nexpected: %s\nactual:   %s\n\n' \
				    "$input" "$want" "$got"
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

# check_offsets FILE [OPTION...]: split FILE with -N and the OPTIONs and
# check the rows with check_rows.
check_offsets() {
	local file=$1
	shift
	tabloid-split -N "$@" "$file" >"$T/offsets.tsv" || return 1
	check_rows "$file" "$T/offsets.tsv"
}

# check_rows FILE TSV: check every row of TSV, ending in start end fold
# text, against the bytes of FILE: those from start to end, with each run
# of whitespace folded to one space, are the text column; they neither
# start nor end with whitespace; and the fold column maps every byte of
# text back to the byte of FILE it came from, each item standing for a run
# of whitespace that was not a single space.  Prints the rows that fail and
# the number of rows checked.
check_rows() {
	LC_ALL=C awk -F '\t' -v file="$1" "$awk_lib"'
	{
		text = unesc($NF); fold = $(NF - 1); e = $(NF - 2) + 0; s = $(NF - 3) + 0
		if (e < s || e > length(doc)) {
			printf "row %d: offsets %d-%d outside the file\n", NR, s, e; bad++; next
		}
		raw = substr(doc, s + 1, e - s)
		if (fold_ws(raw) != text) {
			printf "row %d: bytes %d-%d fold to [%s]\n  text is [%s]\n",
			    NR, s, e, fold_ws(raw), text; bad++
		}
		if (fold_ws(substr(raw, 1, 3)) ~ /^ / || fold_ws(substr(raw, length(raw) - 2)) ~ / $/) {
			printf "row %d: bytes %d-%d start or end with whitespace\n", NR, s, e; bad++
		}
		nf = fold == "" ? 0 : split(fold, item, ",")
		shift = 0; k = 1; ok = 1
		for (t = 0; t < length(text) && ok; t++) {
			c = substr(text, t + 1, 1)
			if (k <= nf && item[k] + 0 == t) {
				len = substr(item[k], index(item[k], ":") + 1) + 0
				run = substr(doc, s + t + shift + 1, len)
				if (c != " " || fold_ws(run) != " " || run == " " || len < 1)
					ok = 0
				shift += len - 1; k++
			} else if (substr(doc, s + t + shift + 1, 1) != c)
				ok = 0
		}
		if (!ok || k != nf + 1 || s + length(text) + shift != e) {
			printf "row %d: fold [%s] does not map text back to bytes %d-%d\n",
			    NR, fold, s, e; bad++
		}
	}
	END {
		printf "%d rows checked\n", NR
		exit NR == 0 || bad > 0
	}' "$2"
}

# Shared awk functions: the document in doc, unesc(s) to decode the tabloid
# escapes, fold_ws(s) to fold whitespace, ASCII and Unicode, to one space.
awk_lib='
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
	function fold_ws(s,   i) {
		for (i = 1; i <= nuws; i++)
			gsub(uws[i], " ", s)
		gsub(/[ \t\n\r\f\v]+/, " ", s)
		return s
	}
	BEGIN {
		# U+00A0, U+1680, U+2000-U+200A, U+202F, U+205F, U+3000
		nuws = 0
		uws[++nuws] = sprintf("%c%c", 194, 160)
		uws[++nuws] = sprintf("%c%c%c", 225, 154, 128)
		for (i = 128; i <= 138; i++)
			uws[++nuws] = sprintf("%c%c%c", 226, 128, i)
		uws[++nuws] = sprintf("%c%c%c", 226, 128, 175)
		uws[++nuws] = sprintf("%c%c%c", 226, 129, 159)
		uws[++nuws] = sprintf("%c%c%c", 227, 128, 128)
		doc = ""
		if (file != "")
			while ((getline line < file) > 0)
				doc = doc line "\n"
	}
'

# bytes FILE START END: the bytes of FILE from START to END.
bytes() {
	tail -c +$(($2 + 1)) "$1" | head -c $(($3 - $2))
}

# --- columns and options ---------------------------------------------------

@test "split: header line and columns doc para sent start end fold text" {
	printf 'Hello there. Bye now.\n\nNew  para.\n' >"$T/a.txt"
	tabloid-split "$T/a.txt" >"$T/out"
	rows 'doc\tpara\tsent\tstart\tend\tfold\ttext' \
	    'a\t1\t1\t0\t12\t\tHello there.' \
	    'a\t1\t2\t13\t21\t\tBye now.' \
	    'a\t2\t3\t23\t33\t3:2\tNew para.' >"$T/want"
	diff -u "$T/want" "$T/out"
}

@test "split: -N writes no header and the same rows" {
	printf 'Hello there. Bye now.\n' >"$T/a.txt"
	tabloid-split "$T/a.txt" | tail -n +2 >"$T/with"
	tabloid-split -N "$T/a.txt" >"$T/without"
	rows 'a\t1\t1\t0\t12\t\tHello there.' 'a\t1\t2\t13\t21\t\tBye now.' >"$T/want"
	diff -u "$T/want" "$T/without"
	diff -u "$T/with" "$T/without"
	tabloid-split --no-header "$T/a.txt" | diff -u "$T/want" -
}

@test "split: standard input has the id '-' unless --id names it" {
	same "$(rows 'doc\tpara\tsent\tstart\tend\tfold\ttext' '-\t1\t1\t0\t6\t\tHello.')" \
	    "$(printf 'Hello.\n' | tabloid-split)"
	same "$(rows '-\t1\t1\t0\t6\t\tHello.')" "$(printf 'Hello.\n' | tabloid-split -N -)"
	same "$(rows 'coons\t1\t1\t0\t6\t\tHello.')" \
	    "$(printf 'Hello.\n' | tabloid-split -N --id coons)"
	same "$(rows 'coons\t1\t1\t0\t6\t\tHello.')" \
	    "$(printf 'Hello.\n' | tabloid-split -N --id coons -)"
}

@test "split: the doc id is the file name without directory and last extension" {
	mkdir "$T/dir"
	for f in 000_7a71359318611c7a.txt story.v2.txt noext; do
		printf 'Hi.\n' >"$T/dir/$f"
	done
	same "$(rows '000_7a71359318611c7a' 'story.v2' 'noext')" \
	    "$(tabloid-split -N "$T/dir/000_7a71359318611c7a.txt" "$T/dir/story.v2.txt" \
	    "$T/dir/noext" | cut -f 1)"
	same "000_7a71359318611c7a" "$(tabloid-split -N "$S/000_7a71359318611c7a.txt" | cut -f 1 | sort -u)"
}

@test "split: several files in order, numbering starts again in each" {
	printf 'One. Two.\n\nThree.\n' >"$T/a.txt"
	printf 'Four.\n' >"$T/b.txt"
	cp "$T/a.txt" "$T/c.txt"
	tabloid-split "$T/a.txt" "$T/b.txt" "$T/c.txt" >"$T/out"
	rows 'doc\tpara\tsent\tstart\tend\tfold\ttext' \
	    'a\t1\t1\t0\t4\t\tOne.' \
	    'a\t1\t2\t5\t9\t\tTwo.' \
	    'a\t2\t3\t11\t17\t\tThree.' \
	    'b\t1\t1\t0\t5\t\tFour.' \
	    'c\t1\t1\t0\t4\t\tOne.' \
	    'c\t1\t2\t5\t9\t\tTwo.' \
	    'c\t2\t3\t11\t17\t\tThree.' >"$T/want"
	diff -u "$T/want" "$T/out"
}

@test "split: -u para writes doc para start end fold text" {
	printf 'HEADLINE\n\nOne. Two\n\n  Three.  Four.\n' >"$T/a.txt"
	tabloid-split -u para "$T/a.txt" >"$T/out"
	rows 'doc\tpara\tstart\tend\tfold\ttext' \
	    'a\t1\t0\t8\t\tHEADLINE' \
	    'a\t2\t10\t18\t\tOne. Two' \
	    'a\t3\t22\t35\t6:2\tThree. Four.' >"$T/want"
	diff -u "$T/want" "$T/out"
	tabloid-split --unit para -N "$T/a.txt" | diff -u <(tail -n +2 "$T/want") -
}

@test "split: -u doc writes doc start end fold text, one row per document" {
	printf 'HEADLINE\n\nOne. Two\n  Three.\n\n' >"$T/a.txt"
	printf 'Second doc.\n' >"$T/b.txt"
	tabloid-split -u doc "$T/a.txt" "$T/b.txt" >"$T/out"
	rows 'doc\tstart\tend\tfold\ttext' \
	    'a\t0\t27\t8:2,17:3\tHEADLINE One. Two Three.' \
	    'b\t0\t11\t\tSecond doc.' >"$T/want"
	diff -u "$T/want" "$T/out"
}

@test "split: -u doc gives the size of each sample file as its end" {
	for f in "$S"/*.txt; do
		same "$(basename "$f" .txt) $(wc -c <"$f" | tr -d ' ')" \
		    "$(tabloid-split -N -u doc "$f" | cut -f 1,3 | tr '\t' ' ')"
	done
}

@test "split: sentences are numbered through the document, paragraphs from 1" {
	printf 'Title\n\nA one. A two.\n\nB one. B two. B three.\n' |
	    tabloid-split -N | cut -f 2,3 | tr '\t' : >"$T/out"
	same "1:1 2:2 2:3 3:4 3:5 3:6" "$(tr '\n' ' ' <"$T/out" | sed 's/ $//')"
}

@test "split: --tsv takes doc and text; other columns follow doc in their order" {
	rows 'url\tdoc\ttext\tsource' \
	    'http://a\td1\tHello there. Bye now.\tbbc' \
	    'http://b\td2\tOne.\titv' >"$T/in.tsv"
	tabloid-split --tsv "$T/in.tsv" >"$T/out"
	rows 'doc\turl\tsource\tpara\tsent\tstart\tend\tfold\ttext' \
	    'd1\thttp://a\tbbc\t1\t1\t0\t12\t\tHello there.' \
	    'd1\thttp://a\tbbc\t1\t2\t13\t21\t\tBye now.' \
	    'd2\thttp://b\titv\t1\t1\t0\t4\t\tOne.' >"$T/want"
	diff -u "$T/want" "$T/out"
	tabloid-split --tsv -u doc "$T/in.tsv" >"$T/out"
	rows 'doc\turl\tsource\tstart\tend\tfold\ttext' \
	    'd1\thttp://a\tbbc\t0\t21\t\tHello there. Bye now.' \
	    'd2\thttp://b\titv\t0\t4\t\tOne.' >"$T/want"
	diff -u "$T/want" "$T/out"
}

@test "split: --tsv decodes escapes: \\n makes paragraphs, offsets count decoded bytes" {
	# text field: Head\n\nPara one. Two.\n\nPara\ttwo \\ ok.
	printf 'doc\ttext\nd\tHead\\n\\nPara one. Two.\\n\\nPara\\ttwo \\\\ ok.\n' >"$T/in.tsv"
	tabloid-split --tsv "$T/in.tsv" >"$T/out"
	rows 'doc\tpara\tsent\tstart\tend\tfold\ttext' \
	    'd\t1\t1\t0\t4\t\tHead' \
	    'd\t2\t2\t6\t15\t\tPara one.' \
	    'd\t2\t3\t16\t20\t\tTwo.' \
	    'd\t3\t4\t22\t36\t4:1\tPara two \\\\ ok.' >"$T/want"
	diff -u "$T/want" "$T/out"
}

@test "split: --tsv -N takes the id from column 1 and the text from the last" {
	rows 'd1\tmeta\tOne. Two.' 'd2\tx\tThree.' >"$T/in.tsv"
	tabloid-split --tsv -N "$T/in.tsv" >"$T/out"
	rows 'd1\tmeta\t1\t1\t0\t4\t\tOne.' \
	    'd1\tmeta\t1\t2\t5\t9\t\tTwo.' \
	    'd2\tx\t1\t1\t0\t6\t\tThree.' >"$T/want"
	diff -u "$T/want" "$T/out"
}

@test "split: --tsv drops a header line repeated in the middle of the input" {
	rows 'doc\ttext' 'a\tOne.' 'doc\ttext' 'b\tTwo.' | tabloid-split --tsv >"$T/out"
	rows 'doc\tpara\tsent\tstart\tend\tfold\ttext' \
	    'a\t1\t1\t0\t4\t\tOne.' 'b\t1\t1\t0\t4\t\tTwo.' >"$T/want"
	diff -u "$T/want" "$T/out"
}

@test "split: --tsv without a doc column is an error" {
	run --separate-stderr tabloid-split --tsv <<<"text"$'\n'"Hello."
	[ "$status" -eq 2 ]
	[[ "$stderr" == *"tabloid-split: "*"doc"* ]]
}

@test "split: --csv reads quoted fields, embedded newlines and doubled quotes" {
	{
		printf 'url,doc,text\n'
		printf 'http://a,d1,"Hello, there. He said ""hi"".\n\nNew para."\n'
		printf 'http://b,d2,Plain text here.\n'
		printf '"http://c,x",d3,"Tab\there. ""Quoted.""\n"\n'
	} >"$T/in.csv"
	tabloid-split --csv "$T/in.csv" >"$T/out"
	rows 'doc\turl\tpara\tsent\tstart\tend\tfold\ttext' \
	    'd1\thttp://a\t1\t1\t0\t13\t\tHello, there.' \
	    'd1\thttp://a\t1\t2\t14\t27\t\tHe said "hi".' \
	    'd1\thttp://a\t2\t3\t29\t38\t\tNew para.' \
	    'd2\thttp://b\t1\t1\t0\t16\t\tPlain text here.' \
	    'd3\thttp://c,x\t1\t1\t0\t9\t3:1\tTab here.' \
	    'd3\thttp://c,x\t1\t2\t10\t19\t\t"Quoted."' >"$T/want"
	diff -u "$T/want" "$T/out"
}

@test "split: -o FILE writes the file, nothing on stdout, no temporary file left" {
	mkdir "$T/o"
	printf 'Hello there. Bye.\n' >"$T/a.txt"
	run --separate-stderr tabloid-split -o "$T/o/out.tsv" "$T/a.txt"
	[ "$status" -eq 0 ]
	[ -z "$output" ]
	[ -z "$stderr" ]
	same "out.tsv" "$(ls -A "$T/o")"
	tabloid-split "$T/a.txt" | cmp - "$T/o/out.tsv"
	# an existing file is replaced
	printf 'Other.\n' >"$T/a.txt"
	tabloid-split --output "$T/o/out.tsv" "$T/a.txt"
	same "$(rows 'doc\tpara\tsent\tstart\tend\tfold\ttext' 'a\t1\t1\t0\t6\t\tOther.')" \
	    "$(cat "$T/o/out.tsv")"
	same "out.tsv" "$(ls -A "$T/o")"
}

@test "split: -o leaves FILE as it was when an input cannot be read" {
	mkdir "$T/o"
	echo old >"$T/o/out.tsv"
	printf 'Hello.\n' >"$T/a.txt"
	run tabloid-split -o "$T/o/out.tsv" "$T/a.txt" "$T/missing.txt"
	[ "$status" -eq 2 ]
	same old "$(cat "$T/o/out.tsv")"
	same "out.tsv" "$(ls -A "$T/o")"
}

@test "split: -o leaves FILE as it was on malformed --tsv input" {
	mkdir "$T/o"
	echo old >"$T/o/out.tsv"
	rows 'doc\ttext' 'a\tOne.' 'b' >"$T/bad.tsv"
	run tabloid-split --tsv -o "$T/o/out.tsv" "$T/bad.tsv"
	[ "$status" -eq 2 ]
	same old "$(cat "$T/o/out.tsv")"
	same "out.tsv" "$(ls -A "$T/o")"
}

@test "split: -a FILE adds abbreviations, with and without a class" {
	printf '# my list\n\nXyz\nQrs\ttitle\nNum\tnumber\n' >"$T/abbrev.txt"
	# without the list, each full stop ends a sentence
	table <<'EOF'
in:  The deal with Xyz. Chief Executive Jane Doe fell through.
out: The deal with Xyz. | Chief Executive Jane Doe fell through.
in:  He met Qrs. Jones there. Then he left.
out: He met Qrs. | Jones there. | Then he left.
in:  See Num. 5 for details.
out: See Num. | 5 for details.
EOF
	table -a "$T/abbrev.txt" <<'EOF'
in:  The deal with Xyz. Chief Executive Jane Doe fell through.
out: The deal with Xyz. Chief Executive Jane Doe fell through.
in:  He met Qrs. Jones there. Then he left.
out: He met Qrs. Jones there. | Then he left.
in:  See Num. 5 for details.
out: See Num. 5 for details.
# a plain abbreviation still ends a sentence before a sentence opener
in:  It was sold to Xyz. The deal closed.
out: It was sold to Xyz. | The deal closed.
EOF
	table --abbrev "$T/abbrev.txt" <<'EOF'
in:  He met Qrs. Jones there.
out: He met Qrs. Jones there.
EOF
}

@test "split: -a FILE is looked up in TABLOID_DATADIR and may be repeated" {
	mkdir "$T/data"
	cp -r "$TABLOID_DATADIR"/* "$T/data/"
	printf 'Xyz\ttitle\n' >"$T/data/extra.txt"
	printf 'Qrs\ttitle\n' >"$T/more.txt"
	TABLOID_DATADIR=$T/data table -a extra.txt -a "$T/more.txt" <<'EOF'
in:  He met Xyz. Jones and Qrs. Smith there. Then he left.
out: He met Xyz. Jones and Qrs. Smith there. | Then he left.
EOF
	run tabloid-split -a no-such-abbrev-list "$T/more.txt"
	[ "$status" -eq 2 ]
	[[ "$output" == *"no-such-abbrev-list"* ]]
}

# --- sentences ---------------------------------------------------------------

@test "sentences: titles and listed abbreviations do not end a sentence" {
	table <<'EOF'
in:  Mr. Smith went to Washington. He left.
out: Mr. Smith went to Washington. | He left.
in:  Dr. Jones and Sen. Chris Coons met Gen. Smith in St. Louis. They talked.
out: Dr. Jones and Sen. Chris Coons met Gen. Smith in St. Louis. | They talked.
in:  The U.K. is in talks about Huawei Technologies Co. as tensions rise. It is late.
out: The U.K. is in talks about Huawei Technologies Co. as tensions rise. | It is late.
in:  Shares of Acme Inc. Chief Executive Jane Doe fell. She left.
out: Shares of Acme Inc. Chief Executive Jane Doe fell. | She left.
EOF
}

@test "sentences: abbreviations of class number before a number (Feb. 26, No. 10)" {
	table <<'EOF'
in:  The meeting is on Feb. 26 in London. It was moved.
out: The meeting is on Feb. 26 in London. | It was moved.
in:  He lives at No. 10 Downing Street. It is old.
out: He lives at No. 10 Downing Street. | It is old.
in:  Gen. Smith and Sen. Jones met on Jan. 5. They talked.
out: Gen. Smith and Sen. Jones met on Jan. 5. | They talked.
in:  She said no. Then she left.
out: She said no. | Then she left.
EOF
}

@test "sentences: acronyms (U.K., U.S., e.g., a.m.) do not end a sentence" {
	table <<'EOF'
in:  The U.K. is in talks with the U.S. and other allies. They agree.
out: The U.K. is in talks with the U.S. and other allies. | They agree.
in:  A decision by U.S. President Donald Trump came. It hurt.
out: A decision by U.S. President Donald Trump came. | It hurt.
in:  Some parts, e.g. antennae, are allowed. Others are not.
out: Some parts, e.g. antennae, are allowed. | Others are not.
in:  It was the U.K.’s plan. It failed.
out: It was the U.K.’s plan. | It failed.
in:  They met in Washington, D.C. on Monday. Talks ended.
out: They met in Washington, D.C. on Monday. | Talks ended.
EOF
}

@test "sentences: an acronym before a day or month name does not end a sentence" {
	table <<'EOF'
in:  It ended at 5 p.m. Friday in Paris. Then it rained.
out: It ended at 5 p.m. Friday in Paris. | Then it rained.
in:  Voting ended at 2 a.m. Several members left.
out: Voting ended at 2 a.m. | Several members left.
EOF
}

@test "sentences: initials (E.F. Hutton, Clifford L. Alexander)" {
	table <<'EOF'
in:  Shares of E.F. Hutton rose. They fell later.
out: Shares of E.F. Hutton rose. | They fell later.
in:  Clifford L. Alexander spoke. He left.
out: Clifford L. Alexander spoke. | He left.
in:  Shares of E.F. Hutton rose. Clifford L. Alexander spoke. He left.
out: Shares of E.F. Hutton rose. | Clifford L. Alexander spoke. | He left.
EOF
}

@test "sentences: decimals and times (1.50, 15:42)" {
	table <<'EOF'
in:  It cost 1.50 dollars at 15:42 today. Then it rose.
out: It cost 1.50 dollars at 15:42 today. | Then it rose.
in:  Prices rose 1.5 per cent. Analysts were surprised.
out: Prices rose 1.5 per cent. | Analysts were surprised.
in:  It cost $1.5bn. The deal closed at 16.00 dlrs.
out: It cost $1.5bn. | The deal closed at 16.00 dlrs.
in:  15:42 GMT19 April 2021 was the time: 3.14 is pi; 0.5 is half.
out: 15:42 GMT19 April 2021 was the time: 3.14 is pi; 0.5 is half.
EOF
}

@test "sentences: an ellipsis before lower case does not split, before an opener does" {
	table <<'EOF'
in:  He paused... and went on. She waited... The end came.
out: He paused... and went on. | She waited... | The end came.
in:  He wrote… and stopped. She wrote… But nobody read it.
out: He wrote… and stopped. | She wrote… | But nobody read it.
in:  He wrote…and stopped. It ended.
out: He wrote…and stopped. | It ended.
EOF
}

@test "sentences: a quote closing a sentence stays with it" {
	table <<'EOF'
in:  He said: “It is over.” Then he left.
out: He said: “It is over.” | Then he left.
in:  He said it was “certainly possible.” The talks went on.
out: He said it was “certainly possible.” | The talks went on.
in:  She said "No way." He agreed.
out: She said "No way." | He agreed.
in:  Trump said so (in a call.) Then he hung up.
out: Trump said so (in a call.) | Then he hung up.
EOF
}

@test "sentences: a quote closed by a comma does not end the sentence" {
	table <<'EOF'
in:  “It is over,” he said. Then he left.
out: “It is over,” he said. | Then he left.
in:  ‘Not yet,’ she replied. It was late.
out: ‘Not yet,’ she replied. | It was late.
EOF
}

@test "sentences: ?” or !” followed by lower case stays one sentence" {
	table <<'EOF'
in:  “Is it over?” he asked. Nobody answered.
out: “Is it over?” he asked. | Nobody answered.
in:  “Stop!” she cried. He stopped.
out: “Stop!” she cried. | He stopped.
in:  He asked why? Nobody knew! Yes.
out: He asked why? | Nobody knew! | Yes.
EOF
}

@test "sentences: colons and semicolons never end a sentence" {
	table <<'EOF'
in:  He said: yes; no. It rained.
out: He said: yes; no. | It rained.
in:  Note: The plan; The end. Done.
out: Note: The plan; The end. | Done.
EOF
}

@test "sentences: a sentence glued to the next (Coons.Theresa) is split" {
	table <<'EOF'
in:  It alarmed US Senator Chris Coons.Theresa May was silent.
out: It alarmed US Senator Chris Coons. | Theresa May was silent.
in:  Your support makes all the difference.China’s ambassador spoke.
out: Your support makes all the difference. | China’s ambassador spoke.
in:  See www.example.com and a.b@example.com now.
out: See www.example.com and a.b@example.com now.
EOF
}

@test "sentences: a lower-cased document splits at '. the' and the like" {
	table <<'EOF'
in:  it was late. the talks ended. the men left. nobody spoke. we went home.
out: it was late. | the talks ended. | the men left. | nobody spoke. | we went home.
in:  since australia has omitted huawei, mr dowden hopes to sway them. we can't work alone, he said. the task is hard.
out: since australia has omitted huawei, mr dowden hopes to sway them. | we can't work alone, he said. | the task is hard.
EOF
	# in ordinary copy a full stop before lower case does not end a sentence
	table <<'EOF'
in:  The figure was approx. ten per cent. Nobody knew why.
out: The figure was approx. ten per cent. | Nobody knew why.
EOF
}

@test "sentences: an abbreviation or acronym ends a sentence before an opener" {
	table <<'EOF'
in:  It is a trading partner for the U.S. The talks went on.
out: It is a trading partner for the U.S. | The talks went on.
in:  It is a key partner for the U.K. But the talks stalled.
out: It is a key partner for the U.K. | But the talks stalled.
in:  He works for Acme Inc. He likes it.
out: He works for Acme Inc. | He likes it.
in:  It ended at 5 p.m. The crowd left.
out: It ended at 5 p.m. | The crowd left.
EOF
}

@test "sentences: list items, e-mail addresses, spaced ellipses and [...]" {
	table <<'EOF'
in:  H\n\n1) Read the report 2) Read the memo 3) Sign.
out: H | 1) Read the report | 2) Read the memo | 3) Sign.
in:  H\n\nb. Second c. Third. d. Fourth
out: H | b. Second | c. Third. | d. Fourth
in:  H\n\nItems 1. and 2. were dropped. 3. The rest stayed.
out: H | Items 1. and 2. were dropped. | 3. The rest stayed.
in:  H\n\nWrite to john.smith@bbc.co.uk. Then wait.
out: H | Write to john.smith@bbc.co.uk. | Then wait.
in:  H\n\nHe paused . . . The end came . . . . Then more.
out: H | He paused . . . The end came . . . . | Then more.
in:  H\n\nThe plan [...] Failed. It did.
out: H | The plan [...] Failed. | It did.
EOF
}

@test "sentences: a time of day ends a clause before a title; I. before a question" {
	table <<'EOF'
in:  H\n\nThe vote was at 10 a.m. Sen. Jones said it would pass.
out: H | The vote was at 10 a.m. | Sen. Jones said it would pass.
in:  H\n\nOn Monday at 6 p.m. Mr. Smith went home.
out: H | On Monday at 6 p.m. Mr. Smith went home.
in:  H\n\nIt was him and I. Did you know?
out: H | It was him and I. | Did you know?
EOF
}

@test "sentences: the last sentence needs no full stop" {
	table <<'EOF'
in:  One. Two
out: One. | Two
in:  No stop at all
out: No stop at all
EOF
}

# --- paragraphs --------------------------------------------------------------

@test "paragraphs: the first line, the headline, is a paragraph of its own" {
	table -u para <<'EOF'
in:  HUAWEI BAN LOOMS\nThe government will decide soon on the matter of the\nvendor and said so on Friday.
out: HUAWEI BAN LOOMS | The government will decide soon on the matter of the vendor and said so on Friday.
in:  \n\n  Security links with US ‘at risk’ over Huawei\nA member of the US Senate has warned it is possible.
out: Security links with US ‘at risk’ over Huawei | A member of the US Senate has warned it is possible.
EOF
	same "1 2 2" "$(printf 'HEADLINE\nBody one. Body two.\n' | tabloid-split -N | cut -f 2 | paste -sd ' ' -)"
}

@test "paragraphs: blank lines, also of spaces and tabs, separate paragraphs" {
	table -u para <<'EOF'
in:  Title\n\nFirst para.\n\nSecond para.\n  \t \nThird para.\n\n\n\nFourth para.
out: Title | First para. | Second para. | Third para. | Fourth para.
EOF
	printf 'Title\n\nFirst para.\n\nSecond para.\n  \t \nThird para.\n' |
	    tabloid-split -N -u para | cut -f 2-4 >"$T/out"
	rows '1\t0\t5' '2\t7\t18' '3\t20\t32' '4\t38\t49' | diff -u - "$T/out"
}

@test "paragraphs: wire copy, hard-wrapped with indented paragraph starts" {
	cat >"$T/wire.txt" <<'EOF'
DIAMOND SHAMROCK <DIA> CUTS CRUDE PRICES
    NEW YORK, FEB 26 - Diamond Shamrock Corp said that
effective today it had cut its contract prices for crude
oil by 1.50 dlrs a barrel.
    The reduction brings its posted price for West Texas
Intermediate to 16.00 dlrs a barrel, the company said.
    "The price reduction today was made in the light of
falling oil product prices," the company said.
 Reuter
EOF
	tabloid-split -u para "$T/wire.txt" | cut -f 2-6 >"$T/out"
	rows 'para\tstart\tend\tfold\ttext' \
	    '1\t0\t40\t\tDIAMOND SHAMROCK <DIA> CUTS CRUDE PRICES' \
	    '2\t45\t179\t50:1,107:1\tNEW YORK, FEB 26 - Diamond Shamrock Corp said that effective today it had cut its contract prices for crude oil by 1.50 dlrs a barrel.' \
	    '3\t184\t291\t52:1\tThe reduction brings its posted price for West Texas Intermediate to 16.00 dlrs a barrel, the company said.' \
	    '4\t296\t394\t51:1\t"The price reduction today was made in the light of falling oil product prices," the company said.' \
	    '5\t396\t402\t\tReuter' >"$T/want"
	diff -u "$T/want" "$T/out"
	# the sentences keep the paragraph numbers
	tabloid-split -N "$T/wire.txt" | cut -f 2,3 | paste -sd ' ' - >"$T/out"
	same "$(printf '1\t1 2\t2 3\t3 4\t4 5\t5')" "$(cat "$T/out")"
}

@test "paragraphs: hard-wrapped copy without indentation joins full lines" {
	table -u para <<'EOF'
in:  HEADLINE\n\nThe government will decide soon on the matter of the\nvendor, and it said so on Friday at a briefing in\nLondon.\nShort line ends it.\nNext para is here.
out: HEADLINE | The government will decide soon on the matter of the vendor, and it said so on Friday at a briefing in London. | Short line ends it. | Next para is here.
EOF
}

@test "paragraphs: without indentation, a wrapped line that ends a sentence ends its paragraph" {
	table -u para <<'EOF'
in:  HEADLINE\n\nThe government will decide soon on the matter, it said.\nThe vendor was told on Friday at a briefing in\nLondon.\n\nNext para.
out: HEADLINE | The government will decide soon on the matter, it said. | The vendor was told on Friday at a briefing in London. | Next para.
EOF
}

@test "paragraphs: web copy with long lines gives one paragraph per line" {
	long='The United States has long pushed the UK to ban Huawei from building its 5G infrastructure due to espionage fears.'
	table -u para <<EOF
in:  Headline here\n$long\nShort second line.\nAnother short line.\n\n$long
out: Headline here | $long | Short second line. | Another short line. | $long
EOF
}

@test "paragraphs: one line over 100 characters makes the whole document web copy" {
	long='The United States has long pushed the UK to ban Huawei from building its 5G infrastructure due to espionage fears.'
	table -u para <<EOF
in:  HEADLINE\n\nThe government will decide soon on the matter of the\nvendor, and it said so on Friday at a briefing in\nLondon.\n\n$long\nShort web line.
out: HEADLINE | The government will decide soon on the matter of the | vendor, and it said so on Friday at a briefing in | London. | $long | Short web line.
EOF
}

@test "paragraphs: the indented web sample 002 gives its paragraphs" {
	tabloid-split -N -u para "$S/002_4fb658c976d88ccb.txt" | cut -f 2-4 | head -n 5 >"$T/out"
	rows '1\t0\t22' '2\t23\t34' '3\t39\t52' '4\t58\t230' '5\t236\t415' | diff -u - "$T/out"
	same 16 "$(tabloid-split -N -u para "$S/002_4fb658c976d88ccb.txt" | wc -l | tr -d ' ')"
}

# --- whitespace and offsets --------------------------------------------------

@test "offsets: whitespace runs, ASCII and Unicode, fold to one space and are recorded" {
	printf 'One\xc2\xa0two\xe2\x80\x83three\xe3\x80\x80four\tfive  six \xe2\x80\xaf seven.\n' >"$T/ws.txt"
	tabloid-split -N "$T/ws.txt" >"$T/out"
	rows 'ws\t1\t1\t0\t44\t3:2,7:3,13:3,18:1,23:2,27:5\tOne two three four five six seven.' |
	    diff -u - "$T/out"
	check_offsets "$T/ws.txt"
}

@test "offsets: every row of every sample, folded, equals the text column" {
	for f in "$S"/*.txt; do
		for u in sent para doc; do
			check_offsets "$f" -u "$u"
		done
	done
}

@test "offsets: the checker catches a wrong offset, a wrong fold, wrong text" {
	# guard against a checker that passes everything
	printf 'One two.\n  Three  four.\n' >"$T/a.txt"
	rows 'a\t1\t1\t0\t8\t\tOne two.' 'a\t1\t2\t11\t23\t5:2\tThree four.' >"$T/good"
	check_rows "$T/a.txt" "$T/good"
	for bad in 'a\t1\t1\t1\t8\t\tOne two.' 'a\t1\t1\t0\t8\t\tOne two!' \
	    'a\t1\t2\t11\t23\t\tThree four.' 'a\t1\t2\t11\t23\t6:2\tThree four.' \
	    'a\t1\t2\t11\t23\t5:1\tThree four.' 'a\t1\t2\t9\t23\t5:2\tThree four.' \
	    'a\t1\t1\t0\t8\t3:1\tOne two.' 'a\t1\t1\t0\t99\t\tOne two.'; do
		rows "$bad" >"$T/bad"
		run check_rows "$T/a.txt" "$T/bad"
		[ "$status" -eq 1 ]
	done
}

@test "offsets: sample 002 has folded runs, and token offsets through fold hit the bytes" {
	f=$S/002_4fb658c976d88ccb.txt
	# the NBSP in "the flagship vanguard of China’s" and the run in "staff, has"
	tabloid-split -N "$f" | awk -F '\t' '$6 != ""' | cut -f 2,3,6 >"$T/folds"
	rows '9\t10\t107:2,128:2' '12\t14\t46:3' | diff -u - "$T/folds"
	tabloid-split "$f" | tabloid-tokenize | tail -n +2 |
	    awk -F '\t' '($3 == 10 || $3 == 14) && $8 ~ /^(flagship|vanguard|of|China|’s|staff|,|has|publicly)$/' |
	    cut -f 5,6,8 >"$T/toks"
	[ "$(wc -l <"$T/toks")" -ge 9 ]
	n=0
	while IFS="$(printf '\t')" read -r start end tok; do
		same "$tok" "$(bytes "$f" "$start" "$end")"
		n=$((n + 1))
	done <"$T/toks"
	[ "$n" -ge 9 ]
}

# --- hostile input -------------------------------------------------------------

@test "hostile: empty input gives the header only and status 0" {
	header=$(rows 'doc\tpara\tsent\tstart\tend\tfold\ttext')
	: >"$T/empty.txt"
	printf '  \n\t\n\n' >"$T/blank.txt"
	for f in "$T/empty.txt" "$T/blank.txt" /dev/null; do
		run --separate-stderr tabloid-split "$f"
		[ "$status" -eq 0 ]
		same "$header" "$output"
		[ -z "$stderr" ]
	done
	run --separate-stderr tabloid-split </dev/null
	[ "$status" -eq 0 ]
	same "$header" "$output"
	run --separate-stderr tabloid-split -N "$T/empty.txt"
	[ "$status" -eq 0 ]
	[ -z "$output" ]
	run --separate-stderr tabloid-split --tsv <<<"$(rows 'doc\ttext')"
	[ "$status" -eq 0 ]
	same "$header" "$output"
}

@test "hostile: a file without a final newline" {
	printf 'No newline here. Second one' >"$T/nonl.txt"
	tabloid-split -N "$T/nonl.txt" >"$T/out"
	rows 'nonl\t1\t1\t0\t16\t\tNo newline here.' 'nonl\t1\t2\t17\t27\t\tSecond one' |
	    diff -u - "$T/out"
	check_offsets "$T/nonl.txt"
}

@test "hostile: a CRLF file gives no CR in the output" {
	printf 'HEAD\r\n\r\nThis is a wrapped line of wire copy that goes on and\r\non until it ends here. Next.\r\n\r\nLast.\r\n' >"$T/crlf.txt"
	tabloid-split -N "$T/crlf.txt" >"$T/out"
	rows 'crlf\t1\t1\t0\t4\t\tHEAD' \
	    'crlf\t2\t2\t8\t84\t52:2\tThis is a wrapped line of wire copy that goes on and on until it ends here.' \
	    'crlf\t2\t3\t85\t90\t\tNext.' \
	    'crlf\t3\t4\t94\t99\t\tLast.' | diff -u - "$T/out"
	! grep -q "$(printf '\r')" "$T/out"
	check_offsets "$T/crlf.txt"
	tabloid-split -N --tsv <<<"$(printf 'd\tOne. Two.\r')" >"$T/out"
	! grep -q "$(printf '\r')" "$T/out"
	same "$(rows 'd\t1\t2\t5\t9\t\tTwo.')" "$(tail -n 1 "$T/out")"
}

@test "hostile: a BOM at the start is not text, offsets still count it" {
	printf '\xef\xbb\xbfHello there. Bye now.\n' >"$T/bom.txt"
	tabloid-split -N "$T/bom.txt" >"$T/out"
	rows 'bom\t1\t1\t3\t15\t\tHello there.' 'bom\t1\t2\t16\t24\t\tBye now.' | diff -u - "$T/out"
	check_offsets "$T/bom.txt"
	same "Hello there." "$(bytes "$T/bom.txt" 3 15)"
	# a BOM before a --tsv header
	printf '\xef\xbb\xbfdoc\ttext\nd\tHi.\n' | tabloid-split --tsv >"$T/out"
	rows 'doc\tpara\tsent\tstart\tend\tfold\ttext' 'd\t1\t1\t0\t3\t\tHi.' | diff -u - "$T/out"
}

@test "hostile: invalid UTF-8 becomes U+FFFD at its bytes, NUL bytes are kept, status 0" {
	printf 'Bad \xff\xfe byte. Nul \0 here. Lone \xc3 end.\n' >"$T/bad.txt"
	tabloid-split -N --encoding=utf-8 "$T/bad.txt" >"$T/out" 2>"$T/err"
	same "tabloid-split: $T/bad.txt: invalid UTF-8 bytes replaced by U+FFFD" "$(cat "$T/err")"
	printf 'bad\t1\t1\t0\t12\t4:1:3,7:1:3\tBad \xef\xbf\xbd\xef\xbf\xbd byte.\nbad\t1\t2\t13\t24\t\tNul \0 here.\nbad\t1\t3\t25\t36\t5:1:3\tLone \xef\xbf\xbd end.\n' >"$T/want"
	cmp "$T/want" "$T/out"
	# read as Windows-1252 when the encoding is not chosen
	tabloid-split -N "$T/bad.txt" 2>"$T/err" | head -n 1 >"$T/out"
	printf 'bad\t1\t1\t0\t12\t4:1:2,6:1:2\tBad \xc3\xbf\xc3\xbe byte.\n' | cmp - "$T/out"
	# the same in --tsv input
	printf 'doc\ttext\nd\tBad \xff byte. Nul \0 ok.\n' | tabloid-split --tsv --encoding=utf-8 2>/dev/null | tail -n +2 >"$T/out"
	printf 'd\t1\t1\t0\t11\t4:1:3\tBad \xef\xbf\xbd byte.\nd\t1\t2\t12\t21\t\tNul \0 ok.\n' >"$T/want"
	cmp "$T/want" "$T/out"
}

@test "hostile: a 5 MB single line completes with status 0" {
	awk 'BEGIN { for (i = 0; i < 250000; i++) printf "Word%06d is here. ", i; printf "End\n" }' >"$T/big.txt"
	[ "$(wc -c <"$T/big.txt")" -ge 5000000 ]
	tabloid-split -N "$T/big.txt" >"$T/out" 2>"$T/err"
	[ ! -s "$T/err" ]
	same 250001 "$(wc -l <"$T/out" | tr -d ' ')"
	same "$(rows 'big\t1\t250001\t5000000\t5000003\t\tEnd')" "$(tail -n 1 "$T/out")"
	# one word of 5 MB without a space or a newline
	head -c 5000000 /dev/zero | tr '\0' a >"$T/one.txt"
	tabloid-split -N -u para "$T/one.txt" >"$T/out" 2>"$T/err"
	[ ! -s "$T/err" ]
	same "$(rows 'one\t1\t0\t5000000\t')" "$(cut -f 1-5 "$T/out")"
	same 5000000 "$(cut -f 6 "$T/out" | tr -d '\n' | wc -c | tr -d ' ')"
}

@test "hostile: a --tsv row with too few fields stops with status 2, naming file and line" {
	rows 'doc\ttext\turl' 'a\tHello.\tu' 'b\tShort' 'c\tLater.\tu' >"$T/bad.tsv"
	run --separate-stderr tabloid-split --tsv "$T/bad.tsv"
	[ "$status" -eq 2 ]
	same "tabloid-split: $T/bad.tsv: line 3: expected 3 fields, found 2" "$stderr"
	[[ "$output" != *Later* ]]
	# a row with too many fields is as bad
	rows 'doc\ttext' 'a\tHello.\textra' >"$T/bad2.tsv"
	run --separate-stderr tabloid-split --tsv "$T/bad2.tsv"
	[ "$status" -eq 2 ]
	[[ "$stderr" == *"bad2.tsv: line 2: "* ]]
}

@test "hostile: a --csv record with too few fields names file and line" {
	printf 'doc,text\na,"One.\n\nTwo."\nb\n' >"$T/bad.csv"
	run --separate-stderr tabloid-split --csv "$T/bad.csv"
	[ "$status" -eq 2 ]
	[[ "$stderr" == "tabloid-split: $T/bad.csv: line 5: "* ]]
}

@test "hostile: an unterminated --csv quote is an error with status 2" {
	printf 'doc,text\na,"One. unterminated\n' >"$T/bad.csv"
	run --separate-stderr tabloid-split --csv "$T/bad.csv"
	[ "$status" -eq 2 ]
	[[ "$stderr" == "tabloid-split: $T/bad.csv: "* ]]
}

@test "hostile: a missing file is reported, the others are still processed" {
	printf 'One. Two.\n' >"$T/a.txt"
	printf 'Three.\n' >"$T/b.txt"
	run --separate-stderr tabloid-split -N "$T/a.txt" "$T/missing.txt" "$T/b.txt"
	[ "$status" -eq 2 ]
	[[ "$stderr" == "tabloid-split: $T/missing.txt: "* ]]
	same "$(rows 'a\t1\t1\t0\t4\t\tOne.' 'a\t1\t2\t5\t9\t\tTwo.' 'b\t1\t1\t0\t6\t\tThree.')" "$output"
}

@test "hostile: output to /dev/full fails with a write error and status 2" {
	run bash -c 'tabloid-split "$1" >/dev/full 2>"$2"' _ "$S/000_7a71359318611c7a.txt" "$T/err"
	[ "$status" -eq 2 ]
	grep -q '^tabloid-split: write error' "$T/err"
	run bash -c 'printf "Hi.\n" | tabloid-split >/dev/full 2>"$1"' _ "$T/err"
	[ "$status" -eq 2 ]
	grep -q '^tabloid-split: write error' "$T/err"
}

@test "hostile: '| head -1' ends quietly" {
	run bash -c 'tabloid-split "$@" 2>"'"$T"'/err" | head -1' _ "$S"/*.txt "$S"/versions/*.txt
	[ "$status" -eq 0 ]
	same "doc	para	sent	start	end	fold	text" "$output"
	[ ! -s "$T/err" ]
	awk 'BEGIN { for (i = 0; i < 200000; i++) printf "Word %d here. ", i; print "" }' >"$T/big.txt"
	run bash -c 'tabloid-split -N "$1" 2>"$2" | head -1' _ "$T/big.txt" "$T/err"
	[ "$status" -eq 0 ]
	same "$(rows 'big\t1\t1\t0\t12\t\tWord 0 here.')" "$output"
	[ ! -s "$T/err" ]
}

@test "hostile: the same input gives the same bytes on every run" {
	tabloid-split "$S"/*.txt >"$T/one"
	tabloid-split "$S"/*.txt >"$T/two"
	cmp "$T/one" "$T/two"
	[ "$(wc -l <"$T/one")" -gt 100 ]
}

@test "sentences: a document that capitalises every word after an acronym" {
	table <<'EOF2'
in:  HEADLINE\n  Tension between the\n  U.S. And Japan has grown, officials\n  said.\n      Traders said a U.S.\n  Move against Japan could spread to the\n  U.S. And hurt sales.
out: HEADLINE | Tension between the U.S. And Japan has grown, officials said. | Traders said a U.S. Move against Japan could spread to the U.S. And hurt sales.
in:  HEADLINE\n\nShipments to the U.S. fell. Talks with the U.S. The ministry spoke. The U.S. And Japan met.
out: HEADLINE | Shipments to the U.S. fell. | Talks with the U.S. | The ministry spoke. | The U.S. And Japan met.
EOF2
}

@test "sentences: abbreviations before quotes, tickers and attributions" {
	table <<'EOF2'
in:  H\n\nApple Inc. (AAPL.O) shares rose. It ended at 4 a.m. \xe2\x80\x9cNobody knows,\xe2\x80\x9d he said.
out: H | Apple Inc. (AAPL.O) shares rose. | It ended at 4 a.m. | “Nobody knows,” he said.
in:  H\n\n\xe2\x80\x9cFix it!\xe2\x80\x9d Mr Dellow said. \xe2\x80\x9cWhy?\xe2\x80\x9d asked Prime Minister Boris Johnson. Done.
out: H | “Fix it!” Mr Dellow said. | “Why?” asked Prime Minister Boris Johnson. | Done.
in:  H\n\nTalks resume at 10:30\xc2\xa0a.m. Wednesday in Washington. Copyright Ledger Inc. All Rights Reserved.
out: H | Talks resume at 10:30 a.m. Wednesday in Washington. | Copyright Ledger Inc. | All Rights Reserved.
EOF2
}

@test "hostile: a full stop glued to a word at the start of a paragraph or document" {
	for t in '.Ab' '.Ab cd.' 'x.\n\n.Ab' 'One.\n\n.Two three.'; do
		printf "$t" >"$T/dot.txt"
		check_offsets "$T/dot.txt" >"$T/check" || { cat "$T/check"; return 1; }
		grep -q '^[1-9][0-9]* rows checked' "$T/check"
	done
	printf '.Ab' | tabloid-split -N | diff -u <(rows '-\t1\t1\t0\t3\t\t.Ab') -
}

@test "hostile: stray continuation bytes after a space at a line end stay in a row" {
	printf 'A \x85\n' | tabloid-split -N --encoding=utf-8 2>/dev/null >"$T/out"
	printf -- '-\t1\t1\t0\t3\t2:1:3\tA \xef\xbf\xbd\n' | cmp - "$T/out"
	printf 'One two. \x80\xbf\nNext line \xbf \n' >"$T/stray.txt"
	# every byte that is not a space lies inside a row
	tabloid-split -N "$T/stray.txt" | cut -f 4,5 >"$T/spans"
	LC_ALL=C awk -v spans="$T/spans" 'BEGIN {
		while ((getline s < spans) > 0) { split(s, a, "\t"); for (i = a[1] + 0; i < a[2] + 0; i++) in_row[i] = 1 }
		RS = "\001" } {
		for (i = 1; i <= length($0); i++) { c = substr($0, i, 1)
			if (c != " " && c != "\n" && !((i - 1) in in_row)) { print "byte " i - 1 " in no row"; bad = 1 } }
		exit bad }' "$T/stray.txt"
}

@test "hostile: --tsv and --csv inputs whose columns differ are an error, not ragged rows" {
	rows 'doc\ta\ttext' 'd\t1\tHi.' >"$T/a.tsv"
	rows 'doc\tb\ttext' 'e\t2\tHo.' >"$T/b.tsv"
	rows 'doc\ttext' 'f\tHa.' >"$T/c.tsv"
	run --separate-stderr tabloid-split --tsv "$T/a.tsv" "$T/b.tsv"
	[ "$status" -eq 2 ]
	[[ "$stderr" == "tabloid-split: $T/b.tsv: line 1: "*"differ"* ]]
	run --separate-stderr tabloid-split --tsv "$T/a.tsv" "$T/c.tsv"
	[ "$status" -eq 2 ]
	# inputs with only doc and text agree
	run tabloid-split --tsv "$T/c.tsv" "$T/c.tsv"
	[ "$status" -eq 0 ]
	[ "${#lines[@]}" -eq 3 ]
	# the same columns in another order are fine
	rows 'text\tdoc\ta' 'Hu.\tg\t3' >"$T/d.tsv"
	run tabloid-split --tsv "$T/a.tsv" "$T/d.tsv"
	[ "$status" -eq 0 ]
	[ "${#lines[@]}" -eq 3 ]
	printf 'doc,a,text\nd,1,Hi.\n' >"$T/a.csv"
	printf 'doc,b,text\nd,1,Hi.\n' >"$T/b.csv"
	run --separate-stderr tabloid-split --csv "$T/a.csv" "$T/b.csv"
	[ "$status" -eq 2 ]
	[[ "$stderr" == "tabloid-split: $T/b.csv: line 1: "* ]]
	# under -N the number of fields must agree
	run --separate-stderr tabloid-split -N --tsv "$T/a.tsv" "$T/c.tsv"
	[ "$status" -eq 2 ]
	[[ "$stderr" == "tabloid-split: $T/c.tsv: line 1: expected 3 fields"* ]]
}

@test "hostile: --csv skips a BOM, escapes header names, and names a one-column file" {
	printf '\xef\xbb\xbfdoc,"a\tb",text\r\nd,1,Hi.\r\n' >"$T/bom.csv"
	tabloid-split --csv "$T/bom.csv" >"$T/out"
	rows 'doc\ta\\tb\tpara\tsent\tstart\tend\tfold\ttext' 'd\t1\t1\t1\t0\t3\t\tHi.' | diff -u - "$T/out"
	printf 'doc\nd\n' >"$T/one.csv"
	run --separate-stderr tabloid-split --csv "$T/one.csv"
	[ "$status" -eq 2 ]
	[ "$stderr" = "tabloid-split: $T/one.csv: line 1: expected a doc and a text column, found 1 column" ]
	run --separate-stderr tabloid-split -N --csv "$T/one.csv"
	[ "$status" -eq 2 ]
	[ "$stderr" = "tabloid-split: $T/one.csv: line 1: expected a doc and a text column, found 1 field" ]
}

@test "doc ids: files under a directory get their relative path; a clash names both files" {
	mkdir -p "$T/d/2024/01" "$T/d/2024/02" "$T/d/.hidden"
	echo 'One. Two.' >"$T/d/2024/01/story.txt"
	echo 'Three.' >"$T/d/2024/02/story.txt"
	echo 'Four.' >"$T/d/top.txt"
	echo 'Hidden.' >"$T/d/.hidden/x.txt"
	echo 'Dot.' >"$T/d/.dot.txt"
	cd "$T"
	tabloid-split -N d | cut -f 1 | uniq >ids
	rows '2024/01/story' '2024/02/story' 'top' | diff -u - ids
	# a file operand keeps its bare name
	tabloid-split -N d/top.txt | cut -f 1 | uniq | diff -u <(rows top) -
	tabloid-split -N --id-style path d/ | cut -f 1 | uniq >ids
	rows 'd/2024/01/story' 'd/2024/02/story' 'd/top' | diff -u - ids
	run --separate-stderr tabloid-split --id-style name d
	[ "$status" -eq 2 ]
	[ "$stderr" = "tabloid-split: d/2024/01/story.txt and d/2024/02/story.txt have the same doc id 'story' (see --id-style and --last-wins)" ]
	[ -z "$output" ]
	tabloid-split -N --id-style name --last-wins d | cut -f 1,7 >rows
	rows 'story\tThree.' 'top\tFour.' | diff -u - rows
	# two operands with one name clash as well
	run --separate-stderr tabloid-split d/2024/01/story.txt d/2024/02/story.txt
	[ "$status" -eq 2 ]
	run --separate-stderr tabloid-split --id-style nosuch d
	[ "$status" -eq 2 ]
	[[ "$stderr" == "tabloid-split: --id-style: 'nosuch' is not an id style"* ]]
	# an entry that cannot be read is an error, not left out
	ln -s "$T/nowhere" d/gone.txt
	run --separate-stderr tabloid-split d
	[ "$status" -eq 2 ]
	[[ "$stderr" == *"d/gone.txt: No such file or directory"* ]]
	rm d/gone.txt
	# --tsv tables carry their own ids: the same name in two directories is fine
	mkdir a b
	printf 'doc\ttext\nx\tHi.\n' >a/t.tsv
	printf 'doc\ttext\ny\tHo.\n' >b/t.tsv
	[ "$(tabloid-split --tsv a/t.tsv b/t.tsv | wc -l)" -eq 3 ]
}
