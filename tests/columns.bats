#!/usr/bin/env bats
# Column names across programs (tabloid(7), COLUMN NAMES): a name means
# one thing, so a join of two programs' outputs on their shared keys loses
# no column; re-reading a program's output never gives a name twice; and
# -N leaves out the header line and changes nothing else.

load helpers

setup() {
	tabloid-split "$S"/*.txt >"$T/sent.tsv"
	tabloid-tokenize "$T/sent.tsv" >"$T/tok.tsv"
	tabloid-tag-entities "$T/sent.tsv" >"$T/ent.tsv"
}

# header FILE: the names of FILE's columns, one per line.
header() {
	head -n 1 "$1" | tr '\t' '\n'
}

# no_twice FILE: no name stands twice in FILE's header.
no_twice() {
	local dup

	dup=$(header "$1" | sort | uniq -d)
	[ -z "$dup" ] || { echo "$1: columns named twice: $dup"; return 1; }
}

# articles [COLUMN]: a (doc, [COLUMN,] text) row per sample article, the
# text escaped as a TSV field.
articles() {
	local f

	for f in "$S"/*.txt; do
		printf '%s\t' "$(basename "$f" .txt)"
		[ $# -eq 0 ] || printf '%s\t' "$1-${#f}"
		sed 's/\\/\\\\/g' "$f" | awk 'BEGIN { ORS = "\\n" } { gsub(/\t/, "\\t"); print }'
		printf '\n'
	done
}

# pandas_python: print a python3 that has pandas, or skip the test.
pandas_python() {
	local py

	for py in python3 /usr/bin/python3; do
		if "$py" -c 'import pandas' 2>/dev/null; then
			echo "$py"
			return
		fi
	done
	skip "no python3 with pandas"
}

# mlr_joined LEFT RIGHT KEYS: check Miller's join of LEFT and RIGHT on KEYS
# (comma-separated): as many columns as both sides minus the keys, and
# every joined row's columns of each side equal to a row of that side.
mlr_joined() {
	local l=$1 r=$2 keys=$3 nl nr nk nj side cols

	mlr --tsv join -j "$keys" -f "$l" "$r" >"$T/joined.tsv"
	nl=$(header "$l" | wc -l)
	nr=$(header "$r" | wc -l)
	nk=$(echo "$keys" | tr ',' '\n' | wc -l)
	nj=$(header "$T/joined.tsv" | wc -l)
	[ "$(wc -l <"$T/joined.tsv")" -gt 1 ] || { echo "empty join"; return 1; }
	[ "$nj" -eq $((nl + nr - nk)) ] ||
	    { echo "join of $l and $r: $nj columns, not $((nl + nr - nk))"; return 1; }
	for side in "$l" "$r"; do
		cols=$(header "$side" | paste -sd ,)
		mlr --tsv --headerless-tsv-output cut -o -f "$cols" "$T/joined.tsv" |
		    LC_ALL=C sort -u >"$T/side"
		tail -n +2 "$side" | LC_ALL=C sort -u >"$T/rows"
		LC_ALL=C comm -23 "$T/side" "$T/rows" >"$T/changed"
		[ ! -s "$T/changed" ] ||
		    { echo "join changed rows of $side:"; head -3 "$T/changed"; return 1; }
	done
}

# pandas_joined LEFT RIGHT KEYS: the same check with pandas.merge; every
# column is read as a string, and TSV fields are never quoted.
pandas_joined() {
	local py

	py=$(pandas_python)
	"$py" - "$1" "$2" "$3" <<'EOF'
import sys
import pandas as pd

def load(path):
    return pd.read_csv(path, sep="\t", quoting=3, dtype=str, keep_default_na=False)

l, r = load(sys.argv[1]), load(sys.argv[2])
keys = sys.argv[3].split(",")
m = pd.merge(l, r, on=keys)
assert len(m) > 0, "empty merge"
want = len(l.columns) + len(r.columns) - len(keys)
assert len(m.columns) == want, "%d columns, not %d: %s" % (len(m.columns), want, list(m.columns))
for side in (l, r):
    rows = set(side.itertuples(index=False, name=None))
    got = set(m[list(side.columns)].itertuples(index=False, name=None))
    assert got <= rows, "merge changed rows: %s" % list(got - rows)[:3]
EOF
}

@test "columns: the schemas of split, tokenize and tag-entities" {
	same "doc para sent start end fold text" "$(header "$T/sent.tsv" | paste -sd ' ')"
	same "doc para sent tok tok_start tok_end tok_kind token" \
	    "$(header "$T/tok.tsv" | paste -sd ' ')"
	same "doc para sent ent_start ent_end ent_label entity mention" \
	    "$(header "$T/ent.tsv" | paste -sd ' ')"
	same "doc para sent tok tok_start tok_end token tag" \
	    "$(tabloid-tag-entities --bio "$T/sent.tsv" | header /dev/stdin | paste -sd ' ')"
	same "doc para sent tok tok_start tok_end token tag" \
	    "$(tabloid-tag-entities --bio "$T/tok.tsv" | header /dev/stdin | paste -sd ' ')"
	same "doc para sent ent_start ent_end ent_label entity mention" \
	    "$(tabloid-tag-entities "$T/tok.tsv" | header /dev/stdin | paste -sd ' ')"
}

@test "columns: token and entity offsets point at the same bytes" {
	# every mention starts inside a token of its sentence, and where both
	# start at one byte, one's text starts with the other's
	mlr --tsv --headerless-tsv-output join -j doc,para,sent -f "$T/tok.tsv" \
	    then filter '$tok_start <= $ent_start && $ent_start < $tok_end' \
	    then cut -o -f doc,ent_start,ent_end,tok_start,token,mention "$T/ent.tsv" >"$T/pairs"
	same "$(mlr --tsv --headerless-tsv-output cut -o -f doc,ent_start,ent_end "$T/ent.tsv" |
	    LC_ALL=C sort -u)" "$(cut -f 1-3 "$T/pairs" | LC_ALL=C sort -u)"
	awk -F '\t' '$2 == $4 && index($6, $5) != 1 && index($5, $6) != 1 { print; bad = 1 }
	    END { exit bad }' "$T/pairs"
}

@test "columns: Miller joins split and tokenize output and loses no column" {
	mlr_joined "$T/sent.tsv" "$T/tok.tsv" doc,para,sent
}

@test "columns: Miller joins split and tag-entities output and loses no column" {
	mlr_joined "$T/sent.tsv" "$T/ent.tsv" doc,para,sent
}

@test "columns: Miller joins tokenize and tag-entities output and loses no column" {
	mlr_joined "$T/tok.tsv" "$T/ent.tsv" doc,para,sent
}

@test "columns: Miller joins tokens and BIO tags on doc, para, sent and tok" {
	tabloid-tag-entities --bio "$T/sent.tsv" >"$T/bio.tsv"
	mlr --tsv join -j doc,para,sent,tok -f "$T/tok.tsv" "$T/bio.tsv" >"$T/joined.tsv"
	same "doc para sent tok tok_start tok_end tok_kind token tag" \
	    "$(header "$T/joined.tsv" | paste -sd ' ')"
}

@test "columns: pandas merges split and tokenize output and loses no column" {
	pandas_joined "$T/sent.tsv" "$T/tok.tsv" doc,para,sent
}

@test "columns: pandas merges split and tag-entities output and loses no column" {
	pandas_joined "$T/sent.tsv" "$T/ent.tsv" doc,para,sent
}

@test "columns: pandas merges tokenize and tag-entities output and loses no column" {
	pandas_joined "$T/tok.tsv" "$T/ent.tsv" doc,para,sent
}

@test "columns: re-reading a program's own output names no column twice" {
	tabloid-tokenize "$T/tok.tsv" >"$T/tok2.tsv"
	no_twice "$T/tok2.tsv"
	same "$(header "$T/tok.tsv")" "$(header "$T/tok2.tsv")"
	tabloid-tokenize --join "$T/tok.tsv" >"$T/join2.tsv"
	no_twice "$T/join2.tsv"
	tabloid-tag-entities "$T/ent.tsv" >"$T/ent2.tsv"
	no_twice "$T/ent2.tsv"
	same "$(header "$T/ent.tsv")" "$(header "$T/ent2.tsv")"
	tabloid-tag-entities --bio "$T/sent.tsv" | tabloid-tag-entities --bio >"$T/bio2.tsv"
	no_twice "$T/bio2.tsv"
	tabloid-split --tsv "$T/sent.tsv" >"$T/sent2.tsv"
	no_twice "$T/sent2.tsv"
	same "$(header "$T/sent.tsv")" "$(header "$T/sent2.tsv")"
	tabloid-tokenize "$T/ent.tsv" >"$T/enttok.tsv"
	no_twice "$T/enttok.tsv"
}

@test "columns: re-tokenized tokens keep their document offsets" {
	tabloid-tokenize "$T/tok.tsv" >"$T/tok2.tsv"
	# each token starts a piece of itself, and most are one piece, the
	# same row but for tok
	same "$(mlr --tsv --headerless-tsv-output cut -o -f doc,tok_start "$T/tok.tsv" | sort)" \
	    "$(mlr --tsv --headerless-tsv-output filter '$tok == 1' \
	    then cut -o -f doc,tok_start "$T/tok2.tsv" | sort)"
	mlr --tsv cut -x -f tok "$T/tok2.tsv" | LC_ALL=C sort >"$T/a"
	mlr --tsv cut -x -f tok "$T/tok.tsv" | LC_ALL=C sort >"$T/b"
	[ "$(LC_ALL=C comm -12 "$T/a" "$T/b" | wc -l)" -ge $(($(wc -l <"$T/b") * 9 / 10)) ]
}

@test "columns: re-tagged mentions keep their document offsets" {
	tabloid-tag-entities "$T/ent.tsv" >"$T/ent2.tsv"
	tail -n +2 "$T/ent2.tsv" | cut -f 1,4,5 | LC_ALL=C sort -u >"$T/a"
	tail -n +2 "$T/ent.tsv" | cut -f 1,4,5 | LC_ALL=C sort -u >"$T/b"
	# every mention found again lies inside a mention of the first run
	awk -F '\t' 'NR == FNR { s[$1] = s[$1] " " $2 ":" $3; next }
	    { ok = 0; n = split(s[$1], v, " ")
	      for (i = 1; i <= n; i++) { split(v[i], o, ":"); if ($2 >= o[1] && $3 <= o[2]) ok = 1 }
	      if (!ok) { print; bad = 1 } } END { exit bad }' "$T/b" "$T/a"
}

# check_N PROG ARGS...: PROG -N over headerless INPUT equals PROG over the
# input with its header, without the first line.  INPUT is $T/in.tsv.
check_N() {
	local prog=$1

	shift
	"$prog" "$@" "$T/in.tsv" | tail -n +2 >"$T/with"
	tail -n +2 "$T/in.tsv" >"$T/in.nh"
	"$prog" -N "$@" "$T/in.nh" >"$T/without"
	[ -s "$T/without" ] || { echo "$prog -N $*: no output"; return 1; }
	cmp "$T/with" "$T/without" || {
		echo "$prog -N $* differs:"
		diff "$T/with" "$T/without" | head -5
		return 1
	}
}

@test "columns: -N leaves out the header line of tokenize and changes nothing else" {
	cp "$T/sent.tsv" "$T/in.tsv"
	check_N tabloid-tokenize
	check_N tabloid-tokenize --join
	check_N tabloid-tokenize --lower --no-punct
	tabloid-split -u para "$S"/*.txt >"$T/in.tsv"
	check_N tabloid-tokenize
	tabloid-split -u doc "$S"/*.txt >"$T/in.tsv"
	check_N tabloid-tokenize
	printf 'doc\ttext\na\tOne two.\nb\tThree\\tfour.\n' >"$T/in.tsv"
	check_N tabloid-tokenize
}

@test "columns: -N leaves out the header line of tag-entities and changes nothing else" {
	cp "$T/sent.tsv" "$T/in.tsv"
	check_N tabloid-tag-entities
	check_N tabloid-tag-entities --bio
	check_N tabloid-tag-entities --inline
	tabloid-split -u para "$S"/*.txt >"$T/in.tsv"
	check_N tabloid-tag-entities
}

@test "columns: -N leaves out the header line of split and changes nothing else" {
	tabloid-split "$S"/*.txt | tail -n +2 >"$T/with"
	tabloid-split -N "$S"/*.txt >"$T/without"
	cmp "$T/with" "$T/without"
	{ printf 'doc\tdate\ttext\n'; articles date; } >"$T/in.tsv"
	check_N tabloid-split --tsv
	check_N tabloid-split --tsv -u para
}

@test "columns: -N leaves out the header line of count and changes nothing else" {
	cp "$T/tok.tsv" "$T/in.tsv"
	check_N tabloid-count -f 8
	check_N tabloid-count -f 7,8 --by 1 --docs --freq
	cp "$T/ent.tsv" "$T/in.tsv"
	check_N tabloid-count -f 6,7
	tabloid-count -f ent_label,entity "$T/ent.tsv" >"$T/in.tsv"
	check_N tabloid-count --merge
}

@test "columns: -N leaves out the header line of diff-versions and watch" {
	V=$S/versions
	tabloid-diff-versions "$V/coons-1-original.txt" "$V/coons-7-rewrite.txt" | tail -n +2 >"$T/with"
	tabloid-diff-versions -N "$V/coons-1-original.txt" "$V/coons-7-rewrite.txt" >"$T/without"
	cmp "$T/with" "$T/without"
	tabloid-diff-versions -s "$V/coons-1-original.txt" "$V/coons-7-rewrite.txt" | tail -n +2 >"$T/with"
	tabloid-diff-versions -s -N "$V/coons-1-original.txt" "$V/coons-7-rewrite.txt" >"$T/without"
	cmp "$T/with" "$T/without"
	mkdir "$T/pages"
	cp "$S"/*.txt "$T/pages"
	tabloid-watch --no-progress "$T/state" "$T/pages" >/dev/null || [ $? -eq 1 ]
	tabloid-watch --list "$T/state" | tail -n +2 >"$T/with"
	tabloid-watch --list -N "$T/state" >"$T/without"
	cmp "$T/with" "$T/without"
}

@test "columns: the README's Hadoop Streaming mapper counts the token column" {
	articles >"$T/articles.tsv"
	col=$(sed -n 's/.*tabloid-tokenize -N | tabloid-count -N -f \([0-9]*\).*/\1/p' \
	    "$TABLOID_SRCDIR/README")
	[ -n "$col" ]
	tabloid-split -N --tsv "$T/articles.tsv" | tabloid-tokenize -N |
	    tabloid-count -N -f "$col" >"$T/mapped"
	{ printf 'doc\ttext\n'; cat "$T/articles.tsv"; } | tabloid-split --tsv | tabloid-tokenize |
	    tabloid-count -f token | tail -n +2 >"$T/named"
	cmp "$T/named" "$T/mapped"
}

@test "columns: under -N five or more columns are split's, with start end fold before the text" {
	printf 'a\tbbc\t2024\tx\tHi there\n' >"$T/in.nh"
	run --separate-stderr tabloid-tokenize -N "$T/in.nh"
	[ "$status" -eq 2 ]
	[[ "$stderr" == "tabloid-tokenize: $T/in.nh: line 1: "* ]]
	# four columns or fewer have no offsets: doc, the others, the text
	printf 'a\tbbc\t2024\tHi there\n' | tabloid-tokenize -N >"$T/out"
	rows 'a\tbbc\t2024\t1\t0\t2\tword\tHi' 'a\tbbc\t2024\t2\t3\t8\tword\tthere' |
	    diff -u - "$T/out"
}
