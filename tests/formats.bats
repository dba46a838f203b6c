#!/usr/bin/env bats
# --otsv, --ocsv and --ojsonl: every program writes the same rows in each
# format, field for field (tests/rowcheck.py), and the formats' edges.

load helpers

V=$TABLOID_SRCDIR/samples/versions

setup() {
	cd "$T"
	# An article that CSV and JSON must quote and escape: quotes that open
	# fields, commas, a TAB, a backslash, CR, invalid UTF-8.
	printf '%b' '"Quoted," she said; the rest\\n is "plain"\tand tabbed.\n\n' \
	    'A line with a CR\r in it, and a lone byte \xff here among “valid” UTF-8.\n\n' \
	    'NA, NULL and 007 are "words" too \\ and so is "\n' >hostile.txt
	tabloid-split "$S"/*.txt hostile.txt >sent.tsv
}

# check PROGRAM ARG...: run PROGRAM with ARG in each format and compare.
check() {
	local f

	"$@" >out.tsv
	[ -s out.tsv ]
	for f in csv jsonl; do
		"$@" --o$f >out.$f
		"$TABLOID_SRCDIR/tests/rowcheck.py" $f out.tsv out.$f || {
			echo "$* --o$f"
			return 1
		}
	done
}

@test "split: CSV and JSON Lines hold the TSV rows, field for field" {
	check tabloid-split "$S"/*.txt hostile.txt
	check tabloid-split -u para hostile.txt
	check tabloid-split -u doc "$S"/000_7a71359318611c7a.txt
}

@test "tokenize and tag-entities: the same rows in every format" {
	check tabloid-tokenize sent.tsv
	check tabloid-tokenize --join sent.tsv
	check tabloid-tag-entities sent.tsv
	check tabloid-tag-entities --bio sent.tsv
	check tabloid-tag-entities --inline sent.tsv
}

@test "count: the same rows in every format, fractions as JSON numbers" {
	tabloid-tokenize sent.tsv >tok.tsv
	check tabloid-count -f 8 tok.tsv
	check tabloid-count -f 8 --docs --freq tok.tsv
	check tabloid-count -f 8 --by doc --tfidf -n 3 tok.tsv
	tabloid-count -f 8 --freq --ojsonl tok.tsv | head -1 | grep -E '"freq":0\.[0-9]+\}$'
}

@test "diff-versions: pairs, summaries and groups in every format" {
	check tabloid-diff-versions -a "$V/coons-1-original.txt" "$V/coons-2-correction.txt"
	check tabloid-diff-versions -s "$V/coons-1-original.txt" "$V/coons-3-inserted.txt"
	check tabloid-diff-versions -g -c "$V"/*.txt
	check tabloid-diff-versions -g "$V"/*.txt
}

@test "watch: the report and --list in every format; --show and --pretty refuse them" {
	mkdir a
	cp "$V/coons-1-original.txt" a/coons.txt
	tabloid-watch --otsv st a >/dev/null || [ $? -eq 1 ]
	cp "$V/coons-2-correction.txt" a/coons.txt
	for f in tsv csv jsonl; do
		cp -r st st.$f
		SOURCE_DATE_EPOCH=1700000000 tabloid-watch --o$f st.$f a >report.$f ||
			[ $? -eq 1 ]
	done
	run "$TABLOID_SRCDIR/tests/rowcheck.py" csv report.tsv report.csv
	[ "$status" -eq 0 ]
	run "$TABLOID_SRCDIR/tests/rowcheck.py" jsonl report.tsv report.jsonl
	[ "$status" -eq 0 ]
	check tabloid-watch --list st.tsv
	for f in tsv csv jsonl; do
		SOURCE_DATE_EPOCH=1700000000 tabloid-watch --diff --o$f st.tsv coons 1 2 >diff.$f ||
			[ $? -eq 1 ]
	done
	"$TABLOID_SRCDIR/tests/rowcheck.py" csv diff.tsv diff.csv
	"$TABLOID_SRCDIR/tests/rowcheck.py" jsonl diff.tsv diff.jsonl
	run tabloid-watch --show --ocsv st.tsv coons
	[ "$status" -eq 2 ]
	[[ "$output" == *"--show prints the text of an article: --ocsv does not apply"* ]]
	run tabloid-diff-versions -p --ojsonl "$V/coons-1-original.txt" "$V/coons-2-correction.txt"
	[ "$status" -eq 2 ]
	[[ "$output" == *"--pretty writes a diff for people: --ojsonl does not apply"* ]]
	run tabloid-watch --ohtml --ojsonl st.tsv a
	[ "$status" -eq 2 ]
	[[ "$output" == *"--ohtml and --ojsonl cannot be used together"* ]]
}

@test "CSV: RFC 4180 quoting only where needed; JSON Lines: valid, escaped, U+FFFD" {
	tabloid-split --ocsv hostile.txt >h.csv
	same 'doc,para,sent,start,end,fold,text' "$(head -1 h.csv)"
	grep -F ',"""Quoted,"" she said; the rest\n is ""plain"" and tabbed."' h.csv
	grep -F 'NA, NULL and 007 are ""words"" too \ and so is """' h.csv
	tabloid-split --ojsonl hostile.txt >h.jsonl
	grep -F '"text":"\"Quoted,\" she said; the rest\\n is \"plain\" and tabbed."}' h.jsonl
	grep -F $'lone byte \xef\xbf\xbd here among' h.jsonl
	grep -F '"para":1,"sent":1,"start":0,' h.jsonl
	jq -e 'select((.start|type) != "number" or (.text|type) != "string")' h.jsonl >bad || true
	[ ! -s bad ]
	[ "$(jq -c . h.jsonl | wc -l)" -eq "$(tail -n +2 sent.tsv | grep -c '^hostile')" ]
}

@test "-N: CSV without its header line; JSON Lines keyed by column numbers" {
	tabloid-split -N --ocsv hostile.txt >n.csv
	tabloid-split --ocsv hostile.txt | tail -n +2 | cmp - n.csv
	tabloid-split -N hostile.txt >n.tsv
	tabloid-split -N --ojsonl hostile.txt >n.jsonl
	"$TABLOID_SRCDIR/tests/rowcheck.py" jsonl n.tsv n.jsonl --noheader
	head -1 n.jsonl | grep -F '{"1":"hostile","2":"1","3":"1","4":"0",'
}

@test "-o and -O in each format: whole files, named .csv and .jsonl" {
	tabloid-split --ojsonl -o all.jsonl "$S"/*.txt
	tabloid-split --ojsonl "$S"/*.txt | cmp - all.jsonl
	tabloid-split --ocsv -O by-doc "$S"/*.txt hostile.txt
	[ "$(ls by-doc | wc -l)" -eq 6 ]
	for f in by-doc/*.csv; do
		id=$(basename "$f" .csv)
		tabloid-split --id "$id" --ocsv <"${S}/$id.txt" 2>/dev/null | cmp - "$f" ||
			tabloid-split --id "$id" --ocsv <hostile.txt | cmp - "$f"
	done
	tabloid-tokenize --ojsonl -O tok sent.tsv
	[ -s tok/hostile.jsonl ]
	[ ! -e tok/hostile.tsv ]
	head -1 tok/hostile.jsonl | grep -q '^{"doc":"hostile","para":1,'
}

@test "the format options: one of them at most, named in --help and the man page" {
	for p in split tokenize tag-entities count diff-versions watch; do
		run tabloid-$p --ocsv --ojsonl x
		[ "$status" -eq 2 ]
		[[ "$output" == *"--ocsv and --ojsonl cannot be used together"* ]]
		tabloid-$p --help | grep -q -- '--otsv, --ocsv, --ojsonl'
		grep -q 'Fl -otsv , Fl -ocsv , Fl -ojsonl' "$TABLOID_SRCDIR/man/tabloid-$p.1"
	done
	run tabloid-split --otsv --otsv "$S/000_7a71359318611c7a.txt"
	[ "$status" -eq 0 ]
}

@test "a reader that stops early ends the program quietly in every format" {
	for f in tsv csv jsonl; do
		run bash -c "set -o pipefail; tabloid-split --o$f '$S'/*.txt | head -1 >/dev/null"
		[ "$status" -eq 0 ] || [ "$status" -eq 141 ]
		[ -z "$output" ]
	done
}
