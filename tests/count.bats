#!/usr/bin/env bats
# tabloid-count: keys and their order, groups, documents, shares and
# tf-idf, case folding, merging partial counts, spilling to temporary
# files, and hostile input.
#
# Most tests are tables: small input rows and the exact output expected
# for them.  The property tests count the tokenized samples once and in
# pieces (split(1) chunks, GNU parallel jobs, spilled runs) and require the
# same bytes.  Everything is written under $BATS_TEST_TMPDIR, which is also
# TMPDIR, so the temporary files of a spill can be looked for.

bats_require_minimum_version 1.5.0
load helpers

setup() {
	mkdir -p "$T/tmp"
	export TMPDIR=$T/tmp
}

# identical FILE1 FILE2: fail, showing the start of a diff, unless the two
# files hold the same bytes.
identical() {
	if ! cmp -s "$1" "$2"; then
		echo "$1 and $2 differ:"
		diff -u "$1" "$2" | head -n 40 || true
		return 1
	fi
}

# unrows: the TSV rows on standard input in the notation of table below:
# rows joined by " | ", the fields of a row by single spaces.
unrows() {
	awk 'NR > 1 { printf " | " } { gsub(/\t/, " "); printf "%s", $0 }'
}

# table [OPTION...]: check a table of cases read from standard input.  A
# case is a line "in:  ROWS", the input rows (the header first, unless
# OPTION has -N) joined by " | " with their fields separated by single
# spaces, followed by a line "out: ROWS", the output of tabloid-count
# OPTION... written the same way, or "out: exit N: MESSAGE" for a failure.
# Blank lines and lines starting with '#' are ignored.  Every failing case
# is shown before the test fails.
table() {
	local line input='' want got status n=0 bad=0
	while IFS= read -r line; do
		case $line in
		'in:  '*)
			input=${line#in:  }
			;;
		'out: '*)
			want=${line#out: }
			printf '%s\n' "$input" | sed 's/ | /\n/g; s/ /\t/g' >"$T/table.in"
			status=0
			tabloid-count "$@" "$T/table.in" >"$T/table.out" 2>"$T/table.err" ||
			    status=$?
			if [ "$status" -eq 0 ]; then
				got=$(unrows <"$T/table.out")
			else
				got="exit $status: $(sed "s|$T/table.in|FILE|" "$T/table.err")"
			fi
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

# tokens: the tokenized samples, lower-cased, in $T/tokens.tsv.
tokens() {
	tabloid-split "$S"/*.txt | tabloid-tokenize --lower >"$T/tokens.tsv"
	same "doc	para	sent	tok	tok_start	tok_end	tok_kind	token" "$(head -n 1 "$T/tokens.tsv")"
	[ "$(wc -l <"$T/tokens.tsv")" -gt 3000 ]
}

# one_pass OPTIONS: count $T/tokens.tsv with the (word-split) OPTIONS into
# $T/one, and check that the result has enough rows to say something.
one_pass() {
	tabloid-count $1 "$T/tokens.tsv" >"$T/one"
	[ "$(wc -l <"$T/one")" -gt 10 ]
}

# chunked K ONE CHUNK MERGE: split the rows of $T/tokens.tsv into K chunks
# with split -n l/K, give each the header line, count each with
# tabloid-count CHUNK, concatenate the counts and merge them with
# tabloid-count --merge MERGE.  The result must be byte-identical to one
# pass of tabloid-count ONE.  The options are word-split.
chunked() {
	local k=$1 one=$2 chunk=$3 merge=$4 d=$T/chunks.$1 f
	mkdir "$d"
	tail -n +2 "$T/tokens.tsv" >"$T/body"
	(cd "$d" && split -n l/"$k" "$T/body" part.)
	same "$k" "$(ls "$d" | wc -l | tr -d ' ')"
	for f in "$d"/part.*; do
		[ -s "$f" ]
		{ head -n 1 "$T/tokens.tsv"; cat "$f"; } | tabloid-count $chunk >"$f.count"
	done
	cat "$d"/part.*.count >"$T/all.$k"
	one_pass "$one"
	tabloid-count --merge $merge "$T/all.$k" >"$T/merged.$k"
	# the chunks overlap: there is something to merge
	[ "$(wc -l <"$T/all.$k")" -gt $(($(wc -l <"$T/one") + k)) ]
	identical "$T/one" "$T/merged.$k"
}

# need_parallel: skip unless GNU parallel is installed.
need_parallel() {
	command -v parallel >/dev/null ||
	    skip "GNU parallel is not installed (CI installs it)"
}

# njobs FILE: the number of header lines in FILE, the concatenated output
# of parallel count jobs: at least 2, or nothing ran in parallel.
njobs() {
	local n
	n=$(grep -c -x -F -e "$(head -n 1 "$1")" "$1")
	echo "$n jobs"
	[ "$n" -ge 2 ]
}

# in_parallel ONE CHUNK MERGE [PARALLEL-OPTION...]: count $T/tokens.tsv in
# GNU parallel jobs, parallel --pipe --header : --block 10k
# PARALLEL-OPTION... tabloid-count CHUNK, and merge the outputs with
# tabloid-count --merge MERGE.  The result must be byte-identical to one
# pass of tabloid-count ONE.
in_parallel() {
	local one=$1 chunk=$2 merge=$3
	shift 3
	HOME=$T parallel --will-cite --pipe --header : --block 10k "$@" \
	    tabloid-count $chunk <"$T/tokens.tsv" >"$T/parts" 2>"$T/parallel.err"
	njobs "$T/parts"
	tabloid-count --merge $merge "$T/parts" >"$T/merged"
	one_pass "$one"
	identical "$T/one" "$T/merged"
}

# spills OPTIONS: count $T/tokens.tsv with the (word-split) OPTIONS, and
# again with -S 64K and --memory-limit 70K, which spill to temporary files
# (they fail when TMPDIR does not exist).  The outputs must be
# byte-identical and no tabloid-run.* file may be left in TMPDIR.
spills() {
	local limit
	one_pass "$1"
	for limit in "-S 64K" "--memory-limit 70K"; do
		run --separate-stderr env TMPDIR="$T/none" tabloid-count $limit $1 "$T/tokens.tsv"
		[ "$status" -eq 2 ]
		[[ "$stderr" == "tabloid-count: $T/none/tabloid-run."* ]]
		tabloid-count $limit $1 "$T/tokens.tsv" >"$T/spilled"
		identical "$T/one" "$T/spilled"
	done
	same "" "$(find "$TMPDIR" -name 'tabloid-run.*')"
}

# by_doc OPTIONS: count the rows of each document of $T/tokens.tsv
# separately with tabloid-count OPTIONS, concatenated in $T/by_doc.
by_doc() {
	awk -F '\t' -v dir="$T" 'NR == 1 { h = $0; next }
	    !($1 in seen) { seen[$1] = 1; print h >(dir "/doc." $1) }
	    { print >(dir "/doc." $1) }' "$T/tokens.tsv"
	same 5 "$(ls "$T"/doc.* | wc -l | tr -d ' ')"
	for f in "$T"/doc.*; do
		tabloid-count $1 "$f"
	done >"$T/by_doc"
}

# --- keys and their order ------------------------------------------------------

@test "count: -f COLUMN writes the column and count, most frequent first" {
	rows 'k' 'b' 'a' 'B' 'a' 'b' 'c' >"$T/in.tsv"
	tabloid-count -f k "$T/in.tsv" >"$T/out"
	rows 'k\tcount' 'a\t2' 'b\t2' 'B\t1' 'c\t1' >"$T/want"
	identical "$T/want" "$T/out"
	tabloid-count --fields k <"$T/in.tsv" | cmp - "$T/want"
	tabloid-count -f 1 "$T/in.tsv" | cmp - "$T/want"
}

@test "count: ties are broken by key bytes, not by locale or number" {
	table -f k <<'EOF'
# upper case sorts before lower case, as in LC_ALL=C sort
in:  k | a | B
out: k count | B 1 | a 1
in:  k | b | a | B | a | b | c
out: k count | a 2 | b 2 | B 1 | c 1
# a prefix comes first
in:  k | ab | a | abc
out: k count | a 1 | ab 1 | abc 1
# numbers are strings here
in:  k | 9 | 10 | 100 | 9
out: k count | 9 2 | 10 1 | 100 1
# UTF-8 sorts after ASCII, by its bytes
in:  k | é | z | Z | É | e
out: k count | Z 1 | e 1 | z 1 | É 1 | é 1
# punctuation by its byte value
in:  k | . | , | “ | -
out: k count | , 1 | - 1 | . 1 | “ 1
EOF
}

@test "count: counts are compared as numbers: 100 before 10 before 9" {
	awk 'BEGIN { print "k"; for (i = 0; i < 9; i++) print "nine";
	    for (i = 0; i < 10; i++) print "ten"; for (i = 0; i < 100; i++) print "hundred" }' \
	    >"$T/in.tsv"
	tabloid-count -f k "$T/in.tsv" >"$T/out"
	rows 'k\tcount' 'hundred\t100' 'ten\t10' 'nine\t9' | diff -u - "$T/out"
}

@test "count: -f takes names, numbers and ranges, in the order given" {
	table -f c,1-2 <<'EOF'
in:  a b c | x 1 p | x 1 p | y 1 p | x 2 p
out: c a b count | p x 1 2 | p x 2 1 | p y 1 1
EOF
	table -f 3,a <<'EOF'
in:  a b c | x 1 p | x 2 p | y 1 q
out: c a count | p x 2 | q y 1
EOF
	table -f 2-3 <<'EOF'
in:  a b c | x 1 p | y 1 p | x 2 q
out: b c count | 1 p 2 | 2 q 1
EOF
	# without a header, by number only, and no header is written
	table -N -f 2,1 <<'EOF'
in:  x 1 | y 1 | x 1
out: 1 x 2 | 1 y 1
EOF
	table --no-header -f 1 <<'EOF'
in:  k | k | a
out: k 2 | a 1
EOF
}

@test "count: several key columns order by the whole key, column by column" {
	table -f a,b <<'EOF'
in:  a b | x b | x a | w z | x a
out: a b count | x a 2 | w z 1 | x b 1
EOF
}

@test "count: -f with an open range, as in cut(1) and tabloid(7)" {
	table -f 2- <<'EOF'
in:  a b c | x 1 p | y 1 p
out: b c count | 1 p 2
EOF
	table -f -2 <<'EOF'
in:  a b c | x 1 p | x 1 q
out: a b count | x 1 2
EOF
}

@test "count: an empty key is a key; a final line without newline counts" {
	printf 'k\na\n\na' | tabloid-count -f k >"$T/out"
	printf 'k\tcount\na\t2\n\t1\n' | cmp - "$T/out"
}

@test "count: a header line repeated in the input is not counted" {
	table -f k <<'EOF'
in:  k | a | k | b | a | k
out: k count | a 2 | b 1
EOF
}

@test "count: -n N keeps the N most frequent, --min N drops keys below N" {
	table -f k -n 2 <<'EOF'
in:  k | a | b | b | c | c | c | d
out: k count | c 3 | b 2
EOF
	table -f k --top 1 <<'EOF'
in:  k | b | a
out: k count | a 1
EOF
	table -f k --min 2 <<'EOF'
in:  k | a | b | b | c | c | c | d
out: k count | c 3 | b 2
in:  k | a | b
out: k count
EOF
	table -f k -m 3 -n 5 <<'EOF'
in:  k | a | b | b | c | c | c | d
out: k count | c 3
EOF
}

# --- groups ----------------------------------------------------------------------

@test "by: --by COLS writes BY KEY count, groups ascending, counts descending" {
	table --by doc -f w <<'EOF'
in:  doc w | d2 a | d1 b | d1 a | d2 a | d1 b | d2 c
out: doc w count | d1 b 2 | d1 a 1 | d2 a 2 | d2 c 1
# groups by bytes too: B before a, d10 before d9
in:  doc w | a x | B y | d9 z | d10 z
out: doc w count | B y 1 | a x 1 | d10 z 1 | d9 z 1
# ties within a group by key bytes
in:  doc w | d x | d X | d y | d Y
out: doc w count | d X 1 | d Y 1 | d x 1 | d y 1
EOF
	table -b 1 -f 2 <<'EOF'
in:  doc w | d2 a | d1 a
out: doc w count | d1 a 1 | d2 a 1
EOF
	table --by src,doc -f w <<'EOF'
in:  src doc w | bbc 2 x | itv 1 x | bbc 1 x | bbc 1 y | bbc 1 y
out: src doc w count | bbc 1 y 2 | bbc 1 x 1 | bbc 2 x 1 | itv 1 x 1
EOF
}

@test "by: -n N keeps N keys per group, --min applies to each group" {
	table --by doc -f w -n 1 <<'EOF'
in:  doc w | d1 a | d1 b | d1 b | d2 c | d2 a | d2 a | d3 z
out: doc w count | d1 b 2 | d2 a 2 | d3 z 1
EOF
	table --by doc -f w -n 2 --min 2 <<'EOF'
in:  doc w | d1 a | d1 b | d1 b | d1 c | d1 c | d1 d | d1 d | d2 c | d2 a | d2 a | d3 z
out: doc w count | d1 b 2 | d1 c 2 | d2 a 2
EOF
}

# --- documents, shares, tf-idf -----------------------------------------------------

@test "docs: -d adds the number of documents (the doc column) per key" {
	table -f w -d <<'EOF'
in:  doc w | d1 a | d1 a | d1 b | d2 a | d3 b | d3 a
out: w count docs | a 4 3 | b 2 2
# ordered by count, not by docs
in:  doc w | d1 x | d1 x | d1 x | d1 y | d2 y
out: w count docs | x 3 1 | y 2 2
EOF
	table -f w --docs --by doc <<'EOF'
in:  doc w | d1 a | d1 a | d2 a
out: doc w count docs | d1 a 2 1 | d2 a 1 1
EOF
	# the doc column need not be first; under -N it is column 1
	table -f w -d <<'EOF'
in:  w doc | a d1 | a d2 | a d2
out: w count docs | a 3 2
EOF
	table -N -f 2 -d <<'EOF'
in:  d1 a | d1 a | d2 a | d2 b
out: a 3 2 | b 1 1
EOF
	table -f w -d <<'EOF'
in:  w src | a x
out: exit 2: tabloid-count: FILE: line 1: no column 'doc' (the columns are: w, src); use --doc-col
EOF
}

@test "docs: rows of a document that come back stop the count; --partial-docs counts each run" {
	printf 'doc\tw\nd1\ta\nd2\ta\nd1\ta\nd2\ta\n' >"$T/in.tsv"
	run -2 tabloid-count -f w -d "$T/in.tsv"
	[[ "$output" == *"in.tsv: line 4: document 'd1' comes back after other documents; keep each document's rows together"* ]]
	run -0 --separate-stderr tabloid-count -f w -d --partial-docs "$T/in.tsv"
	same "$(printf 'w\tcount\tdocs\na\t4\t4')" "$output"
	[[ "$stderr" == *"in.tsv: line 4: document 'd1' comes back after other documents; each run of its rows is taken as a document" ]]
	[ "$(printf '%s\n' "$stderr" | wc -l)" -eq 1 ]
	# without --docs the order of the rows does not matter
	run -0 tabloid-count -f w "$T/in.tsv"
}

@test "docs: a document whose first row is past sentence 1 stops the count" {
	printf 'doc\tpara\tsent\tw\nd1\t1\t1\ta\nd2\t1\t3\ta\n' >"$T/in.tsv"
	run -2 tabloid-count -f w -d "$T/in.tsv"
	[[ "$output" == *"in.tsv: line 3: document 'd2' starts at sentence 3, so its first rows are not in this input"* ]]
	run -0 tabloid-count -f w -d --partial-docs "$T/in.tsv"
	# -u para rows: the para column
	printf 'doc\tpara\tw\nd1\t2\ta\n' >"$T/para.tsv"
	run -2 tabloid-count -f w -d "$T/para.tsv"
	[[ "$output" == *"document 'd1' starts at paragraph 2"* ]]
}

@test "freq: --freq is count / group total with 6 decimals" {
	table -f k --freq <<'EOF'
in:  k | a | a | b
out: k count freq | a 2 0.666667 | b 1 0.333333
in:  k | a | b | c | d | e | f | g
out: k count freq | a 1 0.142857 | b 1 0.142857 | c 1 0.142857 | d 1 0.142857 | e 1 0.142857 | f 1 0.142857 | g 1 0.142857
EOF
	table --by doc -f w --freq -d <<'EOF'
in:  doc w | d1 a | d1 a | d1 a | d1 b | d2 c | d2 c | d2 c | d2 c | d2 c | d2 c | d2 c | d2 x
out: doc w count docs freq | d1 a 3 1 0.750000 | d1 b 1 1 0.250000 | d2 c 7 1 0.875000 | d2 x 1 1 0.125000
EOF
	# the total counts the keys that -n and --min leave out
	table --by doc -f w --freq -n 1 <<'EOF'
in:  doc w | d1 a | d1 a | d1 a | d1 b | d2 c
out: doc w count freq | d1 a 3 0.750000 | d2 c 1 1.000000
EOF
	table -f k --freq --min 2 <<'EOF'
in:  k | a | a | b | c
out: k count freq | a 2 0.500000
EOF
}

@test "tfidf: --tfidf is tf x ln(groups / groups with the key), highest first" {
	# three documents; a is in all three, b, c, d, e in one each:
	#   d1 b: 1/5 * ln(3/1) = 0.219722    d1 a: 3/5 * ln(3/3) = 0
	#   d2 d: 1/3 * ln 3    = 0.366204    d3 e: 2/3 * ln 3    = 0.732408
	rows 'doc\tw' 'd1\ta' 'd1\ta' 'd1\ta' 'd1\tb' 'd1\tc' 'd2\ta' 'd2\ta' 'd2\td' \
	    'd3\ta' 'd3\te' 'd3\te' >"$T/in.tsv"
	tabloid-count --by doc -f w --tfidf "$T/in.tsv" >"$T/out"
	rows 'doc\tw\tcount\ttfidf' \
	    'd1\tb\t1\t0.219722' \
	    'd1\tc\t1\t0.219722' \
	    'd1\ta\t3\t0.000000' \
	    'd2\td\t1\t0.366204' \
	    'd2\ta\t2\t0.000000' \
	    'd3\te\t2\t0.732408' \
	    'd3\ta\t1\t0.000000' | diff -u - "$T/out"
	# by hand
	same "0.732408" "$(awk 'BEGIN { printf "%.6f", 2 / 3 * log(3 / 1) }')"
	# with every other column, in the order count docs freq tfidf
	tabloid-count --by doc -f w -d --freq --tfidf "$T/in.tsv" | sed -n '1p; 7p' >"$T/out"
	rows 'doc\tw\tcount\tdocs\tfreq\ttfidf' 'd3\te\t2\t1\t0.666667\t0.732408' |
	    diff -u - "$T/out"
	# --min drops keys before -n keeps the first of each group
	tabloid-count --by doc -f w --tfidf --min 2 -n 1 "$T/in.tsv" >"$T/out"
	rows 'doc\tw\tcount\ttfidf' 'd1\ta\t3\t0.000000' 'd2\ta\t2\t0.000000' \
	    'd3\te\t2\t0.732408' | diff -u - "$T/out"
}

@test "tfidf: --tfidf without --by is a usage error" {
	run --separate-stderr tabloid-count -f w --tfidf /dev/null
	[ "$status" -eq 2 ]
	[ -z "$output" ]
	[[ "$stderr" == "tabloid-count: --tfidf needs --by"* ]]
	[[ "$stderr" == *"usage: tabloid-count"* ]]
}

# --- case folding -------------------------------------------------------------------

@test "fold: -i counts case variants together, Unicode included" {
	table -i -f w <<'EOF'
in:  w | Huawei | HUAWEI | huawei | Straße | STRASSE | strasse
out: w count | huawei 3 | strasse 3
in:  w | Émile | ÉMILE | émile | Zoë
out: w count | émile 3 | zoë 1
EOF
	table --ignore-case -f w <<'EOF'
in:  w | HUAWEI
out: w count | huawei 1
EOF
	# without -i the variants are different keys
	table -f w <<'EOF'
in:  w | Huawei | HUAWEI | huawei | Straße | STRASSE
out: w count | HUAWEI 1 | Huawei 1 | STRASSE 1 | Straße 1 | huawei 1
EOF
}

@test "fold: -i folds the key columns, not the --by columns" {
	table -i --by src -f w <<'EOF'
in:  src w | BBC Huawei | bbc HUAWEI | BBC huawei | BBC Straße | BBC STRASSE
out: src w count | BBC huawei 2 | BBC strasse 2 | bbc huawei 1
EOF
	table -i -f type,w <<'EOF'
in:  type w | word Huawei | WORD huawei
out: type w count | word huawei 2
EOF
}

@test "fold: -i keeps NUL bytes, and invalid UTF-8 leaves as U+FFFD" {
	printf 'w\n\xffA\0B\n\xffa\0b\nZ\xc3\n' | tabloid-count -i -f w >"$T/out"
	printf 'w\tcount\n\xef\xbf\xbda\0b\t2\nz\xef\xbf\xbd\t1\n' | cmp - "$T/out"
}

@test "fold: -i on an escaped field folds what the escape stands for" {
	# C:\NEWS is the text C:\NEWS (the reader keeps an unknown escape);
	# c:\news is c: newline ews.  Folded, they are still different.
	printf 'k\nC:\\NEWS\nc:\\news\n' | tabloid-count -i -f k >"$T/out"
	printf 'k\tcount\nc:\\\\news\t1\nc:\\news\t1\n' | cmp - "$T/out"
}

# --- merging ------------------------------------------------------------------------

@test "merge: --merge sums concatenated counts and drops repeated headers" {
	table --merge <<'EOF'
in:  k count | a 2 | b 1 | k count | b 3 | c 1 | k count
out: k count | b 4 | a 2 | c 1
# docs are summed too
in:  w count docs | a 2 1 | b 9 1 | w count docs | a 3 2
out: w count docs | b 9 1 | a 5 3
# every column but count, docs, freq and tfidf is a key; freq is recomputed
in:  doc w count freq | d1 a 2 0.500000 | d1 b 2 0.500000 | d1 a 1 1.000000
out: doc w count | d1 a 3 | d1 b 2
EOF
	table --merge --freq <<'EOF'
in:  doc w count freq | d1 a 2 0.500000 | d1 b 2 0.500000 | d1 a 1 1.000000
out: doc w count freq | d1 a 3 0.600000 | d1 b 2 0.400000
EOF
	table --merge --by doc <<'EOF'
in:  doc w count | d1 a 1 | d2 b 2 | doc w count | d1 a 1 | d1 c 3
out: doc w count | d1 c 3 | d1 a 2 | d2 b 2
EOF
	table --merge -f w <<'EOF'
in:  doc w count docs | d1 a 1 1 | d2 a 2 1 | d2 b 2 1
out: w count docs | a 3 2 | b 2 1
EOF
	# without a header, the count is the last column
	table --merge -N <<'EOF'
in:  x 3 | y 1 | x 4
out: x 7 | y 1
EOF
}

@test "merge: merging the counts of two halves equals one pass" {
	rows 'doc\tw' 'd1\ta' 'd1\tB' 'd1\ta' 'd2\tb' >"$T/h1.tsv"
	rows 'doc\tw' 'd2\ta' 'd3\tB' 'd3\tc' 'd3\tB' >"$T/h2.tsv"
	# the options of the counts, and those only the merge takes
	for opts in "-f w|" "-f w -d|" "--by doc -f w|" "-f doc,w -d|" "-f w -d|--freq -n 2" \
	    "--by doc -f w|--min 2 --freq"; do
		cat "$T/h1.tsv" <(tail -n +2 "$T/h2.tsv") |
		    tabloid-count ${opts%|*} ${opts#*|} >"$T/one"
		{ tabloid-count ${opts%|*} "$T/h1.tsv"; tabloid-count ${opts%|*} "$T/h2.tsv"; } |
		    tabloid-count --merge ${opts%|*} ${opts#*|} >"$T/merged"
		identical "$T/one" "$T/merged"
	done
	rows 'w\tcount\tdocs' 'B\t3\t2' 'a\t3\t2' 'b\t1\t1' 'c\t1\t1' >"$T/want"
	tabloid-count -f w -d "$T/h1.tsv" "$T/h2.tsv" | diff -u "$T/want" -
}

@test "merge: counts beyond 2^32 are exact, 2^64 - 1 is the largest" {
	table --merge <<'EOF'
in:  k count | x 4294967296 | x 4294967296
out: k count | x 8589934592
in:  k count | x 18446744073709551615 | y 1
out: k count | x 18446744073709551615 | y 1
in:  k count | x 18446744073709551614 | x 1
out: k count | x 18446744073709551615
in:  k count docs | x 9223372036854775808 4294967296 | x 9223372036854775807 4294967296
out: k count docs | x 18446744073709551615 8589934592
EOF
}

@test "merge: a count that is not a number, empty, or too big stops, naming file and line" {
	table --merge <<'EOF'
in:  k count | x 1 | y abc
out: exit 2: tabloid-count: FILE: line 3: count: 'abc' is not a count
in:  k count | x 1 | y -1
out: exit 2: tabloid-count: FILE: line 3: count: '-1' is not a count
in:  k count | x 1 | y 1.5
out: exit 2: tabloid-count: FILE: line 3: count: '1.5' is not a count
in:  k count | x 18446744073709551616
out: exit 2: tabloid-count: FILE: line 2: count: '18446744073709551616' overflows 64 bits
in:  k count | x 18446744073709551615 | x 1
out: exit 2: tabloid-count: FILE: line 3: count overflows 64 bits
in:  k count docs | x 1 abc
out: exit 2: tabloid-count: FILE: line 2: docs: 'abc' is not a count
EOF
	# an empty count
	printf 'k\tcount\nx\t1\ny\t\n' >"$T/empty.tsv"
	run --separate-stderr tabloid-count --merge "$T/empty.tsv"
	[ "$status" -eq 2 ]
	[ -z "$output" ]
	same "tabloid-count: $T/empty.tsv: line 3: count: empty field" "$stderr"
	# no count column at all
	printf 'k\tn\nx\t1\n' >"$T/nocount.tsv"
	run --separate-stderr tabloid-count --merge "$T/nocount.tsv"
	[ "$status" -eq 2 ]
	same "tabloid-count: $T/nocount.tsv: line 1: no column 'count' (the columns are: k, n)" "$stderr"
}

@test "merge: a sum of docs beyond 2^64 - 1 stops, naming file and line" {
	table --merge <<'EOF'
in:  k count docs | x 1 18446744073709551615 | x 1 1
out: exit 2: tabloid-count: FILE: line 3: docs overflows 64 bits
EOF
}

# --- sharded counts equal one pass -----------------------------------------------------

@test "shards: -f token, counted in 2, 3 and 7 chunks and merged, equals one pass" {
	tokens
	for k in 2 3 7; do
		chunked "$k" "-f token" "-f token" ""
	done
}

@test "shards: -f token --by doc, counted in 2, 3 and 7 chunks and merged, equals one pass" {
	tokens
	for k in 2 3 7; do
		chunked "$k" "-f token --by doc" "-f token --by doc" "--by doc"
	done
}

@test "shards: -f tok_kind,token -i, counted in 2, 3 and 7 chunks and merged, equals one pass" {
	tokens
	for k in 2 3 7; do
		chunked "$k" "-f tok_kind,token -i" "-f tok_kind,token -i" ""
	done
	# the same with case left in the tokens, so that -i has work to do
	tabloid-split "$S"/*.txt | tabloid-tokenize >"$T/tokens.tsv"
	[ "$(tabloid-count -f token "$T/tokens.tsv" | wc -l)" -gt \
	    "$(tabloid-count -f token -i "$T/tokens.tsv" | wc -l)" ]
	for k in 2 3 7; do
		rm -rf "$T/chunks.$k"
		chunked "$k" "-f tok_kind,token -i" "-f tok_kind,token -i" ""
	done
}

@test "shards: --by doc -f token, merged with -n 3 --freq, equals one pass" {
	tokens
	for k in 2 3 7; do
		chunked "$k" "--by doc -f token -n 3 --freq" "--by doc -f token" \
		    "--by doc -n 3 --freq"
	done
	# three rows in each of the five documents
	same 16 "$(wc -l <"$T/one" | tr -d ' ')"
}

@test "shards: the check catches a lost chunk and a changed count" {
	tokens
	chunked 3 "-f token" "-f token" ""
	# merging two of the three chunks is not one pass
	cat "$T/chunks.3/part.aa.count" "$T/chunks.3/part.ab.count" |
	    tabloid-count --merge >"$T/two"
	! cmp -s "$T/one" "$T/two"
	# nor is a chunk whose first count is one more
	awk -F '\t' -v OFS='\t' 'NR == 2 { $2++ } { print }' "$T/all.3" |
	    tabloid-count --merge >"$T/changed"
	! cmp -s "$T/one" "$T/changed"
}

@test "parallel: --pipe jobs of -f token, merged, equal one pass" {
	need_parallel
	tokens
	in_parallel "-f token" "-f token" ""
}

@test "parallel: --pipe jobs of -f token --by doc, merged, equal one pass" {
	need_parallel
	tokens
	in_parallel "-f token --by doc" "-f token --by doc" "--by doc"
}

@test "parallel: --pipe jobs of -f tok_kind,token -i, merged, equal one pass" {
	need_parallel
	tokens
	in_parallel "-f tok_kind,token -i" "-f tok_kind,token -i" ""
}

@test "parallel: --pipe jobs of --by doc -f token, merged with -n 3 --freq, equal one pass" {
	need_parallel
	tokens
	in_parallel "--by doc -f token -n 3 --freq" "--by doc -f token" "--by doc -n 3 --freq"
}

@test "parallel: --docs in jobs grouped by doc, merged, equals one pass" {
	need_parallel
	tokens
	in_parallel "-f token -d" "-f token -d" "" --colsep '\t' --group-by doc
	in_parallel "-f tok_kind,token -i -d" "-f tok_kind,token -i -d" "" --colsep '\t' --group-by doc
	in_parallel "-f token -d --by tok_kind" "-f token -d --by tok_kind" "--by tok_kind" \
	    --colsep '\t' --group-by doc
	in_parallel "--by doc -f token -d -n 3 --freq" "--by doc -f token -d" \
	    "--by doc -n 3 --freq" --colsep '\t' --group-by doc
}

# --- spilling to temporary files ------------------------------------------------------

@test "spill: -S 64K spills to TMPDIR: a TMPDIR that does not exist is an error" {
	tokens
	run --separate-stderr env TMPDIR="$T/none" tabloid-count -f token -S 64K "$T/tokens.tsv"
	[ "$status" -eq 2 ]
	[[ "$stderr" == "tabloid-count: $T/none/tabloid-run."* ]]
	# with the default limit nothing spills
	run --separate-stderr env TMPDIR="$T/none" tabloid-count -f token "$T/tokens.tsv"
	[ "$status" -eq 0 ]
	[ -z "$stderr" ]
}

@test "spill: -S and --memory-limit give the same bytes, -f token" {
	tokens
	spills "-f token"
	spills "-f token -n 20 --min 3 --freq"
	spills "-f tok_kind,token -i"
	spills "-f doc,token"
}

@test "spill: -S and --memory-limit give the same bytes, with --by" {
	tokens
	spills "--by doc -f token"
	spills "--by doc -f token -n 3 --freq"
	spills "--by tok_kind -f token --min 2"
}

@test "spill: -S and --memory-limit give the same bytes, with --docs" {
	tokens
	spills "-f token -d"
	spills "-f tok_kind,token -i -d --freq"
	spills "--by doc -f token -d"
	spills "--by tok_kind -f token -d -n 5"
}

@test "spill: a --memory-limit below 64K is refused with a clear message" {
	# documented minimum: a few arena blocks and a small table
	printf 'k\na\n' >"$T/in.tsv"
	for size in 1K 4K 65535; do
		run --separate-stderr tabloid-count -S "$size" -f k "$T/in.tsv"
		[ "$status" -eq 2 ]
		[[ "$stderr" == *"-S: '$size' is below the minimum of 64K"* ]]
	done
	run tabloid-count -S 64K -f k "$T/in.tsv"
	[ "$status" -eq 0 ]
}

@test "spill: --merge with -S gives the same bytes, with and without docs" {
	tokens
	chunked 3 "-f token" "-f token" ""
	run --separate-stderr env TMPDIR="$T/none" tabloid-count --merge -S 64K "$T/all.3"
	[ "$status" -eq 2 ]
	tabloid-count --merge -S 64K "$T/all.3" >"$T/spilled"
	identical "$T/one" "$T/spilled"
	# documents counted one at a time, so none is counted twice
	by_doc "-f token -d"
	one_pass "-f token -d"
	tabloid-count --merge -S 64K "$T/by_doc" >"$T/spilled"
	identical "$T/one" "$T/spilled"
	by_doc "--by tok_kind -f token -d"
	one_pass "--by tok_kind -f token -d --freq"
	tabloid-count --merge --by tok_kind --freq -S 64K "$T/by_doc" >"$T/spilled"
	identical "$T/one" "$T/spilled"
	same "" "$(find "$TMPDIR" -name 'tabloid-run.*')"
}

@test "spill: no tabloid-run file is left after an error" {
	tokens
	{ cat "$T/tokens.tsv"; printf 'short\n'; } >"$T/bad.tsv"
	run --separate-stderr tabloid-count -f doc,token -S 64K "$T/bad.tsv"
	[ "$status" -eq 2 ]
	same "tabloid-count: $T/bad.tsv: line $(wc -l <"$T/bad.tsv" | tr -d ' '): expected 8 fields, found 1" \
	    "$stderr"
	same "" "$(find "$TMPDIR" -name 'tabloid-run.*')"
}

@test "spill: -S 64K works within the usual limit of 1024 open files" {
	tokens
	one_pass "--by doc -f token -d"
	run --separate-stderr bash -c \
	    'ulimit -n 1024 && tabloid-count --by doc -f token -d -S 64K "$1" >"$2"' \
	    _ "$T/tokens.tsv" "$T/spilled"
	[ "$status" -eq 0 ]
	[ -z "$stderr" ]
	identical "$T/one" "$T/spilled"
}

@test "spill: hundreds of runs, merged by levels, give the in-memory bytes" {
	# 300,000 keys make some 300 runs at -S 64K: runs of three levels;
	# documents of 7 rows straddle the runs
	awk 'BEGIN { print "doc\tg\tk"; for (i = 0; i < 400000; i++)
	    print "d" int(i / 7) "\tg" (i % 3) "\tk" (i * 7919 % 300000) }' >"$T/many.tsv"
	for opts in "-f k -d" "--by g -f k --freq -n 1000" "-f g,k --min 2"; do
		tabloid-count $opts "$T/many.tsv" >"$T/one"
		tabloid-count $opts -S 64K "$T/many.tsv" >"$T/spilled"
		identical "$T/one" "$T/spilled"
		[ "$(wc -l <"$T/one")" -gt 1000 ]
	done
	tabloid-count -f k -d --partial-docs -S 64K "$T/many.tsv" "$T/many.tsv" >"$T/spilled" 2>/dev/null
	tabloid-count -f k -d --partial-docs "$T/many.tsv" "$T/many.tsv" >"$T/one" 2>/dev/null
	identical "$T/one" "$T/spilled"
	same "" "$(find "$TMPDIR" -name 'tabloid-run.*')"
}

@test "spill: hundreds of runs need few open files" {
	awk 'BEGIN { print "k"; for (i = 0; i < 300000; i++) print "k" (i * 7919 % 300000) }' \
	    >"$T/many.tsv"
	tabloid-count -f k "$T/many.tsv" >"$T/one"
	run --separate-stderr bash -c 'ulimit -n 64 && tabloid-count -f k -S 64K "$1" >"$2"' \
	    _ "$T/many.tsv" "$T/spilled"
	[ "$status" -eq 0 ]
	[ -z "$stderr" ]
	identical "$T/one" "$T/spilled"
}

@test "spill: a merged sum beyond 2^64 - 1 stops also when the counts spill" {
	# x is in the first run and in the last
	awk 'BEGIN { print "k\tcount"; print "x\t18446744073709551615"
	    for (i = 0; i < 5000; i++) print "key" i "\t1"; print "x\t1" }' >"$T/in.tsv"
	run --separate-stderr env TMPDIR="$T/none" tabloid-count --merge -S 64K "$T/in.tsv"
	[ "$status" -eq 2 ]
	[[ "$stderr" == "tabloid-count: $T/none/tabloid-run."* ]]
	run --separate-stderr tabloid-count --merge "$T/in.tsv"
	[ "$status" -eq 2 ]
	same "tabloid-count: $T/in.tsv: line 5003: count overflows 64 bits" "$stderr"
	run --separate-stderr tabloid-count --merge -S 64K "$T/in.tsv"
	[ "$status" -eq 2 ]
	[[ "$stderr" == "tabloid-count: "*"count overflows 64 bits" ]]
	[[ "$output" != *"x	0"* ]]
}

# --- hostile input --------------------------------------------------------------------

@test "hostile: empty input gives no output and status 0" {
	: >"$T/empty.tsv"
	for opts in "-f k" "-f 1 -N" "--merge" "--by doc -f w -d --freq --tfidf"; do
		run --separate-stderr tabloid-count $opts "$T/empty.tsv"
		[ "$status" -eq 0 ]
		[ -z "$output" ]
		[ -z "$stderr" ]
		run --separate-stderr tabloid-count $opts </dev/null
		[ "$status" -eq 0 ]
		[ -z "$output" ]
		[ -z "$stderr" ]
	done
}

@test "hostile: header-only input gives the output header only" {
	table -f k <<'EOF'
in:  k
out: k count
EOF
	table --by doc -f w -d --freq --tfidf <<'EOF'
in:  doc w
out: doc w count docs freq tfidf
EOF
	table --merge <<'EOF'
in:  w count docs
out: w count docs
in:  w count docs | w count docs
out: w count docs
EOF
}

@test "hostile: CRLF line ends are dropped, also in the header and in counts" {
	printf 'doc\tk\r\nd1\tb\r\nd1\ta\r\nd2\tb\r\n' >"$T/crlf.tsv"
	tabloid-count -f k -d "$T/crlf.tsv" >"$T/out"
	printf 'k\tcount\tdocs\nb\t2\t2\na\t1\t1\n' | cmp - "$T/out"
	printf 'k\tcount\r\nx\t2\r\nk\tcount\r\nx\t3\r\n' | tabloid-count --merge >"$T/out"
	printf 'k\tcount\nx\t5\n' | cmp - "$T/out"
}

@test "hostile: a BOM at the start of each input is not part of the header" {
	printf '\xef\xbb\xbfdoc\tk\nd1\tb\n' >"$T/bom1.tsv"
	printf '\xef\xbb\xbfdoc\tk\nd2\tb\n' >"$T/bom2.tsv"
	printf 'doc\tk\nd3\ta\n' >"$T/plain.tsv"
	tabloid-count -f k -d "$T/bom1.tsv" "$T/plain.tsv" "$T/bom2.tsv" >"$T/out"
	printf 'k\tcount\tdocs\nb\t2\t2\na\t1\t1\n' | cmp - "$T/out"
	tabloid-count -f k <"$T/bom1.tsv" | cmp - <(printf 'k\tcount\nb\t1\n')
}

@test "hostile: keys with invalid UTF-8 and NUL bytes are counted apart, written as U+FFFD" {
	printf 'k\n\xff\xfe\na\0b\n\xff\xfe\n\xc3\na\0b\na\0c\n' >"$T/bad.tsv"
	tabloid-count -f k "$T/bad.tsv" >"$T/out" 2>"$T/err"
	[ ! -s "$T/err" ]
	printf 'k\tcount\na\0b\t2\n\xef\xbf\xbd\xef\xbf\xbd\t2\na\0c\t1\n\xef\xbf\xbd\t1\n' | cmp - "$T/out"
	# and through a merge
	cat "$T/out" "$T/out" | tabloid-count --merge >"$T/merged"
	printf 'k\tcount\na\0b\t4\n\xef\xbf\xbd\xef\xbf\xbd\t4\na\0c\t2\n\xef\xbf\xbd\t2\n' | cmp - "$T/merged"
}

@test "hostile: a 5 MB field is a key like any other" {
	head -c 5000000 /dev/zero | tr '\0' a >"$T/big"
	{
		printf 'doc\tk\nd1\t'; cat "$T/big"
		printf '\nd1\tb\nd2\t'; cat "$T/big"; printf '\n'
	} >"$T/in.tsv"
	{ printf 'k\tcount\tdocs\n'; cat "$T/big"; printf '\t2\t2\nb\t1\t1\n'; } >"$T/want"
	tabloid-count -f k -d "$T/in.tsv" >"$T/out" 2>"$T/err"
	[ ! -s "$T/err" ]
	identical "$T/want" "$T/out"
	tabloid-count -f k -d -S 64K "$T/in.tsv" >"$T/out"
	identical "$T/want" "$T/out"
	tabloid-count --merge "$T/out" "$T/out" | tail -n 1 >"$T/merged"
	printf 'b\t2\t2\n' | cmp - "$T/merged"
}

@test "hostile: a row with too few or too many fields stops with status 2, naming file and line" {
	rows 'doc\tk' 'd1\ta' 'd1' 'd2\tb' >"$T/short.tsv"
	run --separate-stderr tabloid-count -f k "$T/short.tsv"
	[ "$status" -eq 2 ]
	[ -z "$output" ]
	same "tabloid-count: $T/short.tsv: line 3: expected 2 fields, found 1" "$stderr"
	run --separate-stderr tabloid-count -f k <"$T/short.tsv"
	[ "$status" -eq 2 ]
	same "tabloid-count: standard input: line 3: expected 2 fields, found 1" "$stderr"
	rows 'doc\tk' 'd1\ta' 'd1\ta' 'd1\tb\tc' >"$T/long.tsv"
	run --separate-stderr tabloid-count -f k "$T/long.tsv"
	[ "$status" -eq 2 ]
	same "tabloid-count: $T/long.tsv: line 4: expected 2 fields, found 3" "$stderr"
	# without a header the first row sets the number of fields
	run --separate-stderr tabloid-count -N -f 1 "$T/long.tsv"
	[ "$status" -eq 2 ]
	same "tabloid-count: $T/long.tsv: line 4: expected 2 fields, found 3" "$stderr"
}

@test "hostile: under -N every file must have the selected columns" {
	rows 'a\tb\tc' 'd\te\tf' >"$T/three.tsv"
	rows 'x' 'y' >"$T/one.tsv"
	run --separate-stderr tabloid-count -N -f 3 "$T/three.tsv" "$T/one.tsv"
	[ "$status" -eq 2 ]
	[ -z "$output" ]
	same "tabloid-count: $T/one.tsv: line 1: expected at least 3 fields, found 1" "$stderr"
	run --separate-stderr tabloid-count -N -f 2 --by 1 "$T/three.tsv" "$T/one.tsv"
	[ "$status" -eq 2 ]
	same "tabloid-count: $T/one.tsv: line 1: expected at least 2 fields, found 1" "$stderr"
	# a file with more fields, or enough, is counted
	run --separate-stderr tabloid-count -N -f 1 "$T/one.tsv" "$T/three.tsv"
	[ "$status" -eq 0 ]
	same "$(rows 'a\t1' 'd\t1' 'x\t1' 'y\t1')" "$output"
	# --merge without -f takes its columns from the width of the first file
	rows 'a\tb\t2' >"$T/m3.tsv"
	rows 'a\t2' >"$T/m2.tsv"
	run --separate-stderr tabloid-count --merge -N "$T/m3.tsv" "$T/m2.tsv"
	[ "$status" -eq 2 ]
	same "tabloid-count: $T/m2.tsv: line 1: expected 3 fields as in the first input, found 2" "$stderr"
	run --separate-stderr tabloid-count -N -f 1 -d "$T/one.tsv" "$T/three.tsv"
	[ "$status" -eq 0 ]
}

@test "hostile: a column that does not exist names it and lists the header" {
	table -f word <<'EOF'
in:  doc w | d1 a
out: exit 2: tabloid-count: FILE: no column 'word' in the header (doc, w)
EOF
	table -f w --by source <<'EOF'
in:  doc w | d1 a
out: exit 2: tabloid-count: FILE: no column 'source' in the header (doc, w)
EOF
	table -f 3 <<'EOF'
in:  doc w | d1 a
out: exit 2: tabloid-count: FILE: no column '3' in the header (doc, w)
EOF
	table -f 1-3 <<'EOF'
in:  doc w | d1 a
out: exit 2: tabloid-count: FILE: no column '1-3' in the header (doc, w)
EOF
	table -N -f 3 <<'EOF'
in:  d1 a
out: exit 2: tabloid-count: FILE: no column '3' in the input
EOF
}

@test "hostile: inputs with different headers are an error" {
	rows 'k' 'a' >"$T/a.tsv"
	rows 'j' 'a' >"$T/b.tsv"
	run --separate-stderr tabloid-count -f 1 "$T/a.tsv" "$T/b.tsv"
	[ "$status" -eq 2 ]
	[ -z "$output" ]
	same "tabloid-count: $T/b.tsv: header differs from the first input's" "$stderr"
}

@test "hostile: a missing file is reported, the others are still counted" {
	rows 'k' 'a' 'b' >"$T/a.tsv"
	rows 'k' 'a' >"$T/b.tsv"
	run --separate-stderr tabloid-count -f k "$T/a.tsv" "$T/missing.tsv" "$T/b.tsv"
	[ "$status" -eq 2 ]
	same "tabloid-count: $T/missing.tsv: No such file or directory" "$stderr"
	same "$(rows 'k\tcount' 'a\t2' 'b\t1')" "$output"
	run --separate-stderr tabloid-count -f k "$T/missing.tsv" "$T/a.tsv" "$T/b.tsv"
	[ "$status" -eq 2 ]
	same "$(rows 'k\tcount' 'a\t2' 'b\t1')" "$output"
}

@test "hostile: a directory among the files is reported, the others are still counted" {
	rows 'k' 'a' 'b' >"$T/a.tsv"
	rows 'k' 'a' >"$T/b.tsv"
	mkdir "$T/dir"
	run --separate-stderr tabloid-count -f k "$T/a.tsv" "$T/dir" "$T/b.tsv"
	[ "$status" -eq 2 ]
	[[ "$stderr" == "tabloid-count: $T/dir: "* ]]
	same "$(rows 'k\tcount' 'a\t2' 'b\t1')" "$output"
}

@test "hostile: output to /dev/full fails with a write error and status 2" {
	tokens
	run bash -c 'tabloid-count -f token "$1" >/dev/full 2>"$2"' _ "$T/tokens.tsv" "$T/err"
	[ "$status" -eq 2 ]
	grep -q '^tabloid-count: write error' "$T/err"
	run bash -c 'printf "k\na\n" | tabloid-count -f k >/dev/full 2>"$1"' _ "$T/err"
	[ "$status" -eq 2 ]
	grep -q '^tabloid-count: write error' "$T/err"
}

@test "hostile: '| head -1' ends quietly" {
	awk 'BEGIN { print "k"; for (i = 0; i < 300000; i++) print "key" i }' >"$T/many.tsv"
	run bash -c 'tabloid-count -f k "$1" 2>"$2" | head -1' _ "$T/many.tsv" "$T/err"
	[ "$status" -eq 0 ]
	same "k	count" "$output"
	[ ! -s "$T/err" ]
	run bash -c 'tabloid-count -N -f 1 "$1" 2>"$2" | head -1' _ "$T/many.tsv" "$T/err"
	[ "$status" -eq 0 ]
	same "k	1" "$output"
	[ ! -s "$T/err" ]
}

@test "hostile: -o FILE writes the file, nothing on stdout, no temporary file left" {
	mkdir "$T/o"
	rows 'k' 'a' 'b' 'a' >"$T/a.tsv"
	run --separate-stderr tabloid-count -f k -o "$T/o/out.tsv" "$T/a.tsv"
	[ "$status" -eq 0 ]
	[ -z "$output" ]
	[ -z "$stderr" ]
	same "out.tsv" "$(ls -A "$T/o")"
	tabloid-count -f k "$T/a.tsv" | cmp - "$T/o/out.tsv"
	# an existing file is replaced
	rows 'k' 'c' >"$T/a.tsv"
	tabloid-count -f k --output "$T/o/out.tsv" "$T/a.tsv"
	same "$(rows 'k\tcount' 'c\t1')" "$(cat "$T/o/out.tsv")"
	same "out.tsv" "$(ls -A "$T/o")"
}

@test "hostile: -o leaves FILE as it was on any failure" {
	mkdir "$T/o"
	echo old >"$T/o/out.tsv"
	rows 'k' 'a' >"$T/a.tsv"
	rows 'k\tj' 'a\tb' 'a' >"$T/short.tsv"
	rows 'k\tcount' 'x\tabc' >"$T/bad.tsv"
	rows 'k\tcount' 'x\t18446744073709551615' 'x\t1' >"$T/big.tsv"
	for args in "-f k $T/a.tsv $T/missing.tsv" "-f k $T/short.tsv" "-f nope $T/a.tsv" \
	    "--merge $T/bad.tsv" "--merge $T/big.tsv" "-f k -n x $T/a.tsv"; do
		run --separate-stderr tabloid-count -o "$T/o/out.tsv" $args
		[ "$status" -eq 2 ]
		[ -n "$stderr" ]
		same old "$(cat "$T/o/out.tsv")"
		same "out.tsv" "$(ls -A "$T/o")"
	done
}

@test "hostile: the same input gives the same bytes on every run" {
	tokens
	for opts in "-f token" "--by doc -f token -d --freq" "--by doc -f token --tfidf" \
	    "-f tok_kind,token -i -n 50"; do
		tabloid-count $opts "$T/tokens.tsv" >"$T/first"
		tabloid-count $opts <"$T/tokens.tsv" >"$T/second"
		identical "$T/first" "$T/second"
		[ "$(wc -l <"$T/first")" -gt 10 ]
	done
}

# --- options ------------------------------------------------------------------------------

@test "options: --help on stdout with status 0, --version names the package" {
	run --separate-stderr tabloid-count --help
	[ "$status" -eq 0 ]
	[ -z "$stderr" ]
	[[ "${lines[0]}" == "usage: tabloid-count"* ]]
	for opt in -f --fields -b --by -n --top -m --min -d --docs --freq --tfidf \
	    -i --ignore-case --merge -S --memory-limit -N --no-header -o --output \
	    -h --help -V --version; do
		[[ "$output" == *" $opt"[\ ,]* ]] || { echo "--help does not list $opt"; false; }
	done
	run tabloid-count -h
	[ "$status" -eq 0 ]
	[[ "${lines[0]}" == "usage: tabloid-count"* ]]
	run --separate-stderr tabloid-count --version
	[ "$status" -eq 0 ]
	[[ "$output" == "tabloid-count (tabloid) "[0-9]* ]]
	run tabloid-count -V
	[ "$status" -eq 0 ]
	[[ "$output" == "tabloid-count (tabloid) "[0-9]* ]]
}

@test "options: usage errors give status 2, a message and no output" {
	rows 'k' 'a' >"$T/a.tsv"
	for args in "--no-such-option" "" "-f k -n abc" "-f k -n -1" "-f k --min x" \
	    "-f k -S 0" "-f k -S 1X" "-f k --memory-limit K" "-f k --tfidf"; do
		run --separate-stderr tabloid-count $args "$T/a.tsv"
		[ "$status" -eq 2 ] || { echo "status $status for: $args"; false; }
		[ -z "$output" ]
		[[ "$stderr" == "tabloid-count: "* ]] || { echo "no message for: $args"; false; }
	done
}
