#!/usr/bin/env bats
# --progress in every program: standard output unchanged, a final line
# with the documents and the exact bytes read, intermediate lines on long
# runs (whole in a file, rewritten in place on a terminal), error messages
# on lines of their own, and tabloid-watch's default on a terminal.

bats_require_minimum_version 1.5.0
load helpers

V=$TABLOID_SRCDIR/samples/versions

setup() {
	cd "$T"
	mkdir -p tmp
	export TMPDIR=$T/tmp SOURCE_DATE_EPOCH=1700000000
	tabloid-split "$S"/*.txt >split.tsv
	tabloid-tokenize split.tsv >tok.tsv
}

# commas N: N grouped in threes by commas.
commas() {
	echo "$1" | sed -e ':a' -e 's/\([0-9]\)\([0-9]\{3\}\)\($\|,\)/\1,\2\3/' -e 'ta'
}

# size FILE...: the bytes of the files together.
size() {
	cat "$@" | wc -c | tr -d ' '
}

# final_is PROGRAM DOCS BYTES: the last line of err is PROGRAM's final
# line for DOCS documents and BYTES bytes.
final_is() {
	local want="$1: $(commas "$2") document"
	[ "$2" -eq 1 ] || want="${want}s"
	want="$want, $(commas "$3") bytes ("
	last=$(tail -n 1 err)
	if [[ "$last" != "$want"* ]] || ! [[ "$last" =~ \ MB\)\ in\ [0-9]+\.[0-9]{2}\ s,\ [0-9]+\.[0-9]\ MB/s,\ [0-9,]+\ documents/s$ ]]; then
		echo "expected: $want... MB) in S s, R MB/s, D documents/s"
		echo "found:    $last"
		return 1
	fi
}

# same_out PROGRAM ARG...: stdout of PROGRAM with --progress (left in out,
# its stderr in err) is byte for byte that without it; standard input is
# the file $IN, or empty.
same_out() {
	local p=$1
	shift
	"$p" "$@" <"${IN:-/dev/null}" >plain 2>plain.err || true
	"$p" --progress "$@" <"${IN:-/dev/null}" >out 2>err || true
	[ -s out ]
	cmp plain out
}

@test "split: output unchanged; final line with 5 documents and the bytes of the articles" {
	same_out tabloid-split "$S"/*.txt
	final_is tabloid-split 5 "$(size "$S"/*.txt)"
	[ "$(wc -l <err)" -eq 1 ]
	same_out tabloid-split --tsv split.tsv
	final_is tabloid-split 5 "$(size split.tsv)"
	tabloid-split -u doc "$S"/*.txt | awk -F '\t' 'BEGIN { OFS = "," }
	    { gsub(/"/, "\"\"", $5); print $1, "\"" $5 "\"" }' >docs.csv
	same_out tabloid-split --csv docs.csv
	final_is tabloid-split 5 "$(size docs.csv)"
	IN=$S/000_7a71359318611c7a.txt same_out tabloid-split -
	final_is tabloid-split 1 "$(size "$S/000_7a71359318611c7a.txt")"
}

@test "tokenize, tag-entities, count: output unchanged; documents are runs of one doc id" {
	same_out tabloid-tokenize split.tsv
	final_is tabloid-tokenize 5 "$(size split.tsv)"
	IN=split.tsv same_out tabloid-tokenize --join --lower -
	final_is tabloid-tokenize 5 "$(size split.tsv)"
	same_out tabloid-tag-entities split.tsv
	final_is tabloid-tag-entities 5 "$(size split.tsv)"
	same_out tabloid-tag-entities --bio tok.tsv
	final_is tabloid-tag-entities 5 "$(size tok.tsv)"
	same_out tabloid-count -f token tok.tsv
	final_is tabloid-count 5 "$(size tok.tsv)"
	tabloid-split "$S"/00[0-2]*.txt | tabloid-tokenize >tok1.tsv
	tabloid-split "$S"/00[34]*.txt | tabloid-tokenize >tok2.tsv
	same_out tabloid-count -f token --docs tok1.tsv tok2.tsv
	final_is tabloid-count 5 "$(size tok1.tsv tok2.tsv)"
	tabloid-count -f token tok.tsv >counts.tsv
	same_out tabloid-count --merge counts.tsv
	final_is tabloid-count 0 "$(size counts.tsv)"
}

@test "diff-versions: output unchanged, for a pair and for -g" {
	same_out tabloid-diff-versions "$V/coons-1-original.txt" "$V/coons-2-correction.txt"
	final_is tabloid-diff-versions 2 "$(size "$V/coons-1-original.txt" "$V/coons-2-correction.txt")"
	same_out tabloid-diff-versions -s split.tsv "$V/coons-7-rewrite.txt"
	final_is tabloid-diff-versions 6 "$(size split.tsv "$V/coons-7-rewrite.txt")"
	same_out tabloid-diff-versions -g -s "$S"/*.txt "$V"/*.txt
	final_is tabloid-diff-versions 13 "$(size "$S"/*.txt "$V"/*.txt)"
	same_out tabloid-diff-versions --exit-code "$V/coons-1-original.txt" "$V/coons-2-correction.txt"
	final_is tabloid-diff-versions 2 "$(size "$V/coons-1-original.txt" "$V/coons-2-correction.txt")"
}

# same_watch [OPTION...] -- INPUT...: tabloid-watch with --progress (a
# state in s2, stdout in out, stderr in err) reports what it reports
# without (a state in s1); both exit 1 (something changed).
same_watch() {
	local opts=()
	while [ "$1" != -- ]; do
		opts+=("$1")
		shift
	done
	shift
	tabloid-watch "${opts[@]}" s1 "$@" >plain 2>plain.err || [ $? -eq 1 ]
	tabloid-watch --progress "${opts[@]}" s2 "$@" >out 2>err || [ $? -eq 1 ]
	[ -s out ]
	cmp plain out
}

@test "watch: the report unchanged, over files, TSV and CSV; the state is not counted" {
	mkdir pages
	cp "$S"/*.txt pages/
	same_watch -- pages
	final_is tabloid-watch 5 "$(size pages/*)"
	cp "$V/coons-2-correction.txt" pages/000_7a71359318611c7a.txt
	same_watch --otsv -- pages
	final_is tabloid-watch 5 "$(size pages/*)"
	rm -rf s1 s2
	tabloid-split -u doc "$S"/*.txt >docs.tsv
	same_watch --tsv -- docs.tsv
	final_is tabloid-watch 5 "$(size docs.tsv)"
	rm -rf s1 s2
	printf 'doc,text\na,"One. Two."\nb,"Three, four."\n' >in.csv
	same_watch --csv -- in.csv
	final_is tabloid-watch 2 "$(size in.csv)"
}

# big: 400 articles under big/, each the five samples together (8 MB).
big() {
	mkdir -p big
	awk '{ s = s $0 "\n" }
	    END { for (i = 1; i <= 400; i++) { f = sprintf("big/a%03d.txt", i); printf "%s", s >f; close(f) } }' \
	    "$S"/*.txt
}

@test "a long run writes whole intermediate lines to a file, counts rising, then the final line" {
	big
	TABLOID_PROGRESS_INTERVAL=1 tabloid-split --progress big >out 2>err
	tabloid-split big | cmp - out
	final_is tabloid-split 400 "$(size big/*)"
	[ "$(wc -l <err)" -ge 3 ]
	! grep -q $'\r' err
	head -n -1 err | awk '
	    !/^tabloid-split: [0-9,]+ documents?, [0-9]+\.[0-9] MB, [0-9]+\.[0-9] MB\/s, [0-9,]+ documents\/s$/ {
		print "bad line: " $0; exit 1 }
	    { d = $2; gsub(/,/, "", d); if (d + 0 < last) { print "falling: " $0; exit 1 }; last = d + 0 }'
	TABLOID_PROGRESS_INTERVAL=1 tabloid-tokenize --progress out >/dev/null 2>err
	final_is tabloid-tokenize 400 "$(size out)"
	[ "$(wc -l <err)" -ge 3 ]
}

@test "TABLOID_PROGRESS_INTERVAL: a bad value is an error; without --progress it is not read" {
	run -2 env TABLOID_PROGRESS_INTERVAL=0 tabloid-split --progress "$S/000_7a71359318611c7a.txt"
	[ "$output" = "tabloid-split: TABLOID_PROGRESS_INTERVAL: '0' is not a number of milliseconds from 1 to 3600000" ]
	run -2 env TABLOID_PROGRESS_INTERVAL=1s tabloid-count --progress -f doc split.tsv
	[[ "$output" == *"'1s' is not a number of milliseconds"* ]]
	TABLOID_PROGRESS_INTERVAL=1s tabloid-split "$S/000_7a71359318611c7a.txt" >/dev/null 2>err
	[ ! -s err ]
	TABLOID_PROGRESS_INTERVAL=1s tabloid-watch state "$S/000_7a71359318611c7a.txt" >/dev/null 2>err || true
	[ ! -s err ]
}

# pty CMD: run CMD under a pseudo-terminal; its terminal output in tty.out
# with the CR before each LF removed.
pty() {
	script -qec "$1" /dev/null </dev/null >tty.raw || true
	sed 's/\r$//' tty.raw >tty.out
}

@test "a missing file: the message stands on its own line, in a file and on a terminal" {
	big
	st=0
	TABLOID_PROGRESS_INTERVAL=1 tabloid-split --progress big no-such.txt >/dev/null 2>err || st=$?
	[ "$st" -eq 2 ]
	grep -qx 'tabloid-split: no-such.txt: No such file or directory' err
	final_is tabloid-split 400 "$(size big/*)"
	pty "TABLOID_PROGRESS_INTERVAL=1 tabloid-split --progress big no-such.txt >/dev/null"
	grep -qx 'tabloid-split: no-such.txt: No such file or directory' tty.out
	# the line was rewritten in place before the message, and ended by it
	grep -q $'MB/s, [0-9,]* documents/s\rtabloid-split: [0-9,]* documents' tty.raw
	grep -q '^tabloid-split: 400 documents, ' tty.out
}

@test "an error that stops the run: its message on its own line, and no final line" {
	big
	tabloid-split big >big.tsv
	printf 'x\ty\tz\n' >>big.tsv
	pty "TABLOID_PROGRESS_INTERVAL=1 tabloid-tokenize --progress big.tsv >/dev/null"
	n=$(wc -l <big.tsv)
	nf=$(head -n 1 big.tsv | awk -F '\t' '{ print NF }')
	grep -qx "tabloid-tokenize: big.tsv: line $n: expected $nf fields, found 3" tty.out
	grep -q 'MB/s' tty.out
	! grep -q ' bytes (' tty.out
	st=0
	TABLOID_PROGRESS_INTERVAL=1 tabloid-tokenize --progress big.tsv >/dev/null 2>err || st=$?
	[ "$st" -eq 2 ]
	[ "$(tail -n 1 err)" = "tabloid-tokenize: big.tsv: line $n: expected $nf fields, found 3" ]
	[ "$(wc -l <err)" -ge 3 ]
}

@test "tabloid-watch: progress by default on a terminal, not in a file; --no-progress; --progress" {
	mkdir pages
	cp "$S"/*.txt pages/
	pty "tabloid-watch s1 pages >/dev/null"
	grep -q '^tabloid-watch: 5 documents, ' tty.out
	tabloid-watch s2 pages >out 2>err || true
	[ -s out ]
	[ ! -s err ]
	pty "tabloid-watch --no-progress s3 pages >/dev/null"
	[ ! -s tty.out ]
	pty "tabloid-watch --progress --no-progress s4 pages >/dev/null"
	[ ! -s tty.out ]
	tabloid-watch --no-progress --progress s5 pages >/dev/null 2>err || true
	final_is tabloid-watch 5 "$(size pages/*)"
	pty "tabloid-watch --list s1 >/dev/null"
	[ ! -s tty.out ]
}

@test "--progress is in every program's --help and man page, in the same words" {
	for p in split tokenize count tag-entities diff-versions watch; do
		tabloid-$p --help | grep -q '^      --progress *show progress on standard error about once a second$'
		grep -q '^\.It Fl -progress$' "$TABLOID_SRCDIR/man/tabloid-$p.1"
		grep -q '^\.It Ev TABLOID_PROGRESS_INTERVAL$' "$TABLOID_SRCDIR/man/tabloid-$p.1"
		sed -n '/^\.It Fl -progress$/,/^\.Xr tabloid 7 \.$/p' "$TABLOID_SRCDIR/man/tabloid-$p.1" >"$p.words"
		cmp split.words "$p.words"
	done
	[ "$(wc -l <split.words)" -eq 6 ]
}
