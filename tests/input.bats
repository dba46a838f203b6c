#!/usr/bin/env bats
# Input formats shared by every program that reads rows (tabloid(7),
# "Input formats"): CSV read as the TSV with the same fields, the
# delimiter chosen or detected, the doc and text columns chosen by name or
# number, the message for a missing column, malformed CSV, and
# tabloid-split's JSON Lines.
#
# The TSV and CSV of a comparison are both called "in", in the
# directories tsv/ and csv/, so that messages and sources that name the
# file are the same bytes.

bats_require_minimum_version 1.5.0
load helpers

# The programs that read rows, each with the arguments it is compared with.
PROGRAMS=(
	'tabloid-split'
	'tabloid-tokenize'
	'tabloid-tag-entities'
	'tabloid-count -f date'
	'tabloid-count -f date --docs'
)

setup() {
	cd "$T"
	mkdir tsv csv
	printf '%s\n' 'doc	date	text' \
	    'a1	2024-01-02	Paris is far from Lyon. He said "hi", then left.' \
	    'b2	2024-01-03	Angela Merkel met Joe Biden.\nThey spoke in Berlin; it\tra\\ined.' \
	    'c3		Short one.' >tsv/in
	printf '%s\n' 'doc,date,text' \
	    'a1,2024-01-02,"Paris is far from Lyon. He said ""hi"", then left."' \
	    'b2,2024-01-03,"Angela Merkel met Joe Biden.' \
	    'They spoke in Berlin; it	ra\ined."' \
	    'c3,,Short one.' >csv/in
}

# compare DIR OPTIONS ARGS...: run ARGS --itsv on tsv/in and ARGS OPTIONS
# (split into words) on DIR/in; the outputs and the exit statuses must be
# the same, and the first must succeed.
compare() {
	local dir=$1 opts=$2
	shift 2
	(cd tsv && "$@" --itsv in >../want 2>&1; echo "exit $?" >>../want)
	# shellcheck disable=SC2086
	(cd "$dir" && "$@" $opts in >../got 2>&1; echo "exit $?" >>../got)
	diff -u want got
	grep -qx 'exit 0' want
}

# csvfile DIR DELIM: write DIR/in, csv/in with DELIM between the fields.
csvfile() {
	mkdir -p "$1"
	awk -v d="$2" '
		BEGIN { q = 0 }
		{
			out = ""
			for (i = 1; i <= length($0); i++) {
				c = substr($0, i, 1)
				if (c == "\"") q = !q
				out = out ((c == "," && !q) ? d : c)
			}
			print out
		}' csv/in >"$1/in"
}

@test "CSV in gives the rows of the equivalent TSV, for every program" {
	for p in "${PROGRAMS[@]}"; do
		# shellcheck disable=SC2086
		compare csv --icsv $p
	done
	compare csv --csv tabloid-split
	(cd tsv && tabloid-split --tsv in >../want)
	(cd csv && tabloid-split --icsv in >../got)
	diff -u want got
}

@test "CSV in for tabloid-watch's table and tabloid-diff-versions' split rows" {
	export SOURCE_DATE_EPOCH=1700000000
	run tabloid-watch --otsv s1 --itsv tsv/in
	[ "$status" -eq 1 ]
	want=$output
	[[ "$want" == *"Angela Merkel met Joe Biden."* ]]
	run tabloid-watch --otsv s2 --icsv csv/in
	[ "$status" -eq 1 ]
	same "$want" "$output"
	run tabloid-watch --otsv s3 --csv csv/in
	[ "$status" -eq 1 ]
	same "$want" "$output"
	# two versions of one story as split rows, in TSV and in CSV
	mkdir -p d/tsv d/csv
	rows 'doc\tpara\tsent\ttext' 's\t1\t1\tThe minister resigned.' 's\t1\t2\tShe cited health, "and" family.' >d/tsv/old
	rows 'doc\tpara\tsent\ttext' 's\t1\t1\tThe minister resigned on Monday.' 's\t1\t2\tShe cited health, "and" family.' >d/tsv/new
	printf '%s\n' 'doc,para,sent,text' 's,1,1,The minister resigned.' 's,1,2,"She cited health, ""and"" family."' >d/csv/old
	printf '%s\n' 'doc;para;sent;text' 's;1;1;The minister resigned on Monday.' 's;1;2;"She cited health, ""and"" family."' >d/csv/new
	run --separate-stderr tabloid-diff-versions --tsv d/tsv/old d/tsv/new
	[ "$status" -eq 0 ]
	want=$output
	[[ "$want" == *"on Monday"* ]]
	run --separate-stderr tabloid-diff-versions --icsv d/csv/old d/csv/new
	[ "$status" -eq 0 ]
	same "$want" "$output"
}

@test "the delimiter is detected from the header: semicolon and TAB, as for a comma" {
	csvfile semi ';'
	csvfile tab '\t'
	grep -q 'doc;date;text' semi/in
	for p in "${PROGRAMS[@]}"; do
		# shellcheck disable=SC2086
		compare semi --icsv $p
		# shellcheck disable=SC2086
		compare tab --icsv $p
	done
}

@test "--ifs chooses the delimiter; its words are those of Miller; a bad one is a usage error" {
	csvfile semi ';'
	csvfile tab '\t'
	compare semi '--icsv --ifs ;' tabloid-tokenize
	compare semi '--ifs semicolon' tabloid-split
	compare tab '--icsv --ifs tab' tabloid-tag-entities
	compare csv '--icsv --ifs comma' tabloid-count -f date
	compare csv '--ifs ,' tabloid-tokenize
	# a semicolon file read with commas is one column, without text
	run --separate-stderr tabloid-split --ifs , semi/in
	[ "$status" -eq 2 ]
	[[ "$stderr" == "tabloid-split: semi/in: line 1: no column 'doc' (the columns are: doc;date;text); use --doc-col" ]]
	for sep in '|' ';;' '' colon; do
		run --separate-stderr tabloid-tokenize --ifs "$sep" csv/in
		[ "$status" -eq 2 ]
		[[ "$stderr" == "tabloid-tokenize: --ifs: '$sep' is not a separator"* ]]
		[ -z "$output" ]
	done
	run --separate-stderr tabloid-count -f date --itsv --ifs , csv/in
	[ "$status" -eq 2 ]
	[[ "$stderr" == *"--ifs and --itsv cannot be used together"* ]]
	run --separate-stderr tabloid-count -f date --itsv --icsv csv/in
	[ "$status" -eq 2 ]
	[[ "$stderr" == *"--itsv and --icsv cannot be used together"* ]]
}

@test "detection: a delimiter inside quotes does not count; comma wins over ; and TAB; none is one column" {
	printf '%s\n' 'doc;"a,b";text' 'd;1;Hi there.' >x.csv
	run tabloid-tokenize --icsv x.csv
	[ "$status" -eq 0 ]
	[ "${lines[0]}" = "doc	a,b	tok	tok_start	tok_end	tok_kind	token" ]
	printf '%s\n' 'doc,a;b,text' 'd,1,Hi there.' >y.csv
	run tabloid-tokenize --icsv y.csv
	[ "$status" -eq 0 ]
	[ "${lines[0]}" = "doc	a;b	tok	tok_start	tok_end	tok_kind	token" ]
	printf '%s\n' 'doc;a	b;text' 'd;1	2;Hi there.' >z.csv
	run tabloid-tokenize --icsv z.csv
	[ "$status" -eq 0 ]
	[ "${lines[0]}" = "doc	a\\tb	tok	tok_start	tok_end	tok_kind	token" ]
	printf '%s\n' 'text' '"Hi, there."' >one.csv
	run tabloid-tokenize --icsv one.csv
	[ "$status" -eq 0 ]
	[ "${lines[1]}" = "1	0	2	word	Hi" ]
}

@test "--doc-col and --text-col choose the columns by name or number; output says doc and text" {
	printf '%s\n' 'id,body,date' 'a1,"Paris is far from Lyon.",2024' >named.csv
	printf '%s\n' 'doc	date	text' 'a1	2024	Paris is far from Lyon.' >plain.tsv
	for args in '--doc-col id --text-col body' '--doc-col 1 --text-col 2'; do
		# shellcheck disable=SC2086
		tabloid-split --icsv $args named.csv >got
		tabloid-split --itsv plain.tsv >want
		diff -u want got
		# shellcheck disable=SC2086
		tabloid-tag-entities --icsv $args named.csv >got
		tabloid-tag-entities plain.tsv >want
		diff -u want got
		# shellcheck disable=SC2086
		tabloid-tokenize --icsv $args named.csv | sed 1d >got
		tabloid-tokenize plain.tsv | sed 1d >want
		diff -u want got
		# shellcheck disable=SC2086
		run tabloid-tokenize --icsv $args named.csv
		[ "${lines[0]}" = "doc	date	tok	tok_start	tok_end	tok_kind	token" ]
	done
	# count --docs counts documents by the column --doc-col names
	printf '%s\n' 'id,w' 'x,a' 'x,a' 'y,a' >c.csv
	run tabloid-count --icsv -f w --docs --doc-col id c.csv
	[ "$status" -eq 0 ]
	same "$(rows 'w\tcount\tdocs' 'a\t3\t2')" "$output"
	# watch's table
	export SOURCE_DATE_EPOCH=1700000000
	printf '%s\n' 'id,body' 'x,"One story, in Paris."' >w.csv
	printf 'doc\ttext\nx\tOne story, in Paris.\n' >w.tsv
	run tabloid-watch --otsv s1 --icsv --doc-col id --text-col 2 w.csv
	[ "$status" -eq 1 ]
	got=$output
	run tabloid-watch --otsv s2 --itsv w.tsv
	[ "$status" -eq 1 ]
	same "$output" "$got"
	[[ "$got" == *"One story, in Paris."* ]]
}

@test "a missing column names the columns the file has, in every program" {
	printf '%s\n' 'id,body,date' 'a1,Hi.,2024' >x.csv
	for p in 'tabloid-split --icsv' 'tabloid-watch state --icsv'; do
		run --separate-stderr $p x.csv
		[ "$status" -eq 2 ]
		same "${p%% *}: x.csv: line 1: no column 'doc' (the columns are: id, body, date); use --doc-col" "$stderr"
	done
	for p in tabloid-tokenize tabloid-tag-entities 'tabloid-split' 'tabloid-watch state'; do
		run --separate-stderr $p --icsv --doc-col id --text-col text x.csv
		[ "$status" -eq 2 ]
		same "${p%% *}: x.csv: line 1: no column 'text' (the columns are: id, body, date)" "$stderr"
		run --separate-stderr $p --icsv --doc-col nope x.csv
		[ "$status" -eq 2 ]
		same "${p%% *}: x.csv: line 1: no column 'nope' (the columns are: id, body, date)" "$stderr"
		run --separate-stderr $p --icsv --doc-col 1 --text-col 4 x.csv
		[ "$status" -eq 2 ]
		same "${p%% *}: x.csv: line 1: no column '4' (the columns are: id, body, date)" "$stderr"
	done
	run --separate-stderr tabloid-count --icsv -f date --docs x.csv
	[ "$status" -eq 2 ]
	same "tabloid-count: x.csv: line 1: no column 'doc' (the columns are: id, body, date); use --doc-col" "$stderr"
	printf '%s\n' 'id	body' 'a	b' >x.tsv
	run --separate-stderr tabloid-diff-versions --tsv x.tsv x.tsv
	[ "$status" -eq 2 ]
	same "tabloid-diff-versions: x.tsv: line 1: no column 'doc' (the columns are: id, body); use --doc-col" "$stderr"
}

@test "malformed CSV: an unterminated quote or a ragged record is status 2 with file and line" {
	printf '%s\n' 'doc,text' 'a,x' 'b,"One.' '' 'Two.' >open.csv
	printf '%s\n' 'doc,text' 'a,"One.' 'Two."' 'b,x,y' >ragged.csv
	printf '%s\n' 'doc,text' 'a,x"y' >stray.csv
	printf '%s\n' 'doc,text' 'a,"x"y' >after.csv
	for p in 'tabloid-split --icsv' 'tabloid-tokenize --icsv' 'tabloid-tag-entities --icsv' \
	    'tabloid-count -f doc --icsv' 'tabloid-watch state --icsv' \
	    'tabloid-diff-versions --icsv /dev/null'; do
		run --separate-stderr $p open.csv
		[ "$status" -eq 2 ]
		[ -z "$output" ] || [[ "$p" == *watch* ]] || [[ "$p" == *diff* ]]
		same "${p%% *}: open.csv: line 3: malformed CSV: error parsing data while strict checking enabled" "$stderr"
		run --separate-stderr $p ragged.csv
		[ "$status" -eq 2 ]
		same "${p%% *}: ragged.csv: line 4: expected 2 fields, found 3" "$stderr"
		run --separate-stderr $p stray.csv
		[ "$status" -eq 2 ]
		[[ "$stderr" == "${p%% *}: stray.csv: line 2: malformed CSV: "* ]]
		run --separate-stderr $p after.csv
		[ "$status" -eq 2 ]
		[[ "$stderr" == "${p%% *}: after.csv: line 2: malformed CSV: "* ]]
	done
}

@test "CSV: a BOM is skipped, CRLF ends records, and a CR or LF inside quotes is kept escaped" {
	printf '\xef\xbb\xbfdoc,date,text\r\na1,2024,"One.\r\nTwo."\r\n\r\nb2,2025,"x\ry"\r\n' >bom.csv
	run tabloid-split --icsv -u doc bom.csv
	[ "$status" -eq 0 ]
	same "$(rows 'doc\tdate\tstart\tend\tfold\ttext' 'a1\t2024\t0\t10\t4:2\tOne. Two.' 'b2\t2025\t0\t3\t1:1\tx y')" "$output"
	run tabloid-count --icsv -f text bom.csv
	same "$(rows 'text\tcount' 'One.\\r\\nTwo.\t1' 'x\\ry\t1')" "$output"
	# line numbers count physical lines, the blank one too
	printf 'doc,text\r\na,"One.\r\nTwo."\r\n\r\nb,x,y\r\n' >bad.csv
	run --separate-stderr tabloid-tokenize --icsv bad.csv
	[ "$status" -eq 2 ]
	same "tabloid-tokenize: bad.csv: line 5: expected 2 fields, found 3" "$stderr"
	# a repeated header in the middle of the stream is dropped as in TSV
	printf 'doc,text\na,One.\ndoc,text\nb,Two.\n' >rep.csv
	run tabloid-split --icsv rep.csv
	[ "${#lines[@]}" -eq 3 ]
}

@test "-N with CSV: no header is read; detection uses the first line; columns by number" {
	printf '%s\n' 'a1;x;"Paris is far; Lyon too."' 'b2;y;"Berlin."' >n.csv
	printf '%s\n' 'a1	x	Paris is far; Lyon too.' 'b2	y	Berlin.' >n.tsv
	for p in 'tabloid-split -N' 'tabloid-tokenize -N' 'tabloid-tag-entities -N' 'tabloid-count -N -f 2'; do
		$p --itsv n.tsv >want
		$p --icsv n.csv >got
		diff -u want got
	done
	tabloid-split -N --icsv --doc-col 2 --text-col 3 n.csv | cut -f 1 >got
	printf 'x\ny\n' | diff -u - got
	run --separate-stderr tabloid-split -N --icsv --doc-col doc n.csv
	[ "$status" -eq 2 ]
	same "tabloid-split: n.csv: no column 'doc' (the input has no header)" "$stderr"
}

@test "split --ijsonl: one object a line, the doc and text members chosen, others passed through" {
	printf '%s\n' \
	    '{"doc": "a1", "date": "2024-01-02", "n": 3, "ok": true, "x": null, "text": "Paris is far from Lyon. He said \"hi\"."}' \
	    '' \
	    '{"text": "Caf\u00e9 \ud83d\ude00 here.\nNew para.\tTab.", "x": 1.5e3, "ok": false, "n": -1, "date": "2024", "doc": "b\\2"}' >in.jsonl
	run --separate-stderr tabloid-split --ijsonl -u para in.jsonl
	[ "$status" -eq 0 ]
	same "$(rows 'doc\tdate\tn\tok\tx\tpara\tstart\tend\tfold\ttext' \
	    'a1\t2024-01-02\t3\ttrue\t\t1\t0\t37\t\tParis is far from Lyon. He said "hi".' \
	    'b\\\\2\t2024\t-1\tfalse\t1.5e3\t1\t0\t16\t\tCafé 😀 here.' \
	    'b\\\\2\t2024\t-1\tfalse\t1.5e3\t2\t17\t31\t9:1\tNew para. Tab.')" "$output"
	# chosen members
	printf '%s\n' '{"id": "a", "body": "One. Two.", "date": "d"}' >named.jsonl
	run tabloid-split --ijsonl --doc-col id --text-col body named.jsonl
	same "$(rows 'doc\tdate\tpara\tsent\tstart\tend\tfold\ttext' 'a\td\t1\t1\t0\t4\t\tOne.' 'a\td\t1\t2\t5\t9\t\tTwo.')" "$output"
	run --separate-stderr tabloid-split --ijsonl named.jsonl
	[ "$status" -eq 2 ]
	same "tabloid-split: named.jsonl: line 1: no column 'doc' (the columns are: id, body, date); use --doc-col" "$stderr"
	# invalid UTF-8 passes as bytes (the output then repairs it as for any text)
	printf '{"doc":"a","text":"x\xff y."}\n' >bytes.jsonl
	run tabloid-split --ijsonl bytes.jsonl
	[ "$status" -eq 0 ]
}

@test "split --ijsonl: each kind of bad line is status 2 naming file and line" {
	good='{"doc": "a", "text": "Hi."}'
	while IFS='|' read -r line msg; do
		printf '%s\n%s\n' "$good" "$line" >bad.jsonl
		run --separate-stderr tabloid-split --ijsonl bad.jsonl
		[ "$status" -eq 2 ] || { echo "status $status: $line"; false; }
		same "tabloid-split: bad.jsonl: line 2: $msg" "$stderr"
	done <<'EOF_CASES'
[1, 2]|not a JSON object: expected '{' at byte 1
"text"|not a JSON object: expected '{' at byte 1
doc,text|not a JSON object: expected '{' at byte 1
{"doc": "a"}|no member 'text'
{"text": "Hi."}|no member 'doc'
{"doc": "a", "text": "Hi.", "url": "u"}|member 'url' is not in the first object
{"doc": {"id": 1}, "text": "Hi."}|member 'doc' is a nested object
{"doc": "a", "text": ["Hi."]}|member 'text' is an array
{"doc": "a", "doc": "b", "text": "Hi."}|key 'doc' given twice
{"doc": "a", "text": "Hi."|expected ',' or '}' at byte 27
{"doc": "a", "text": "Hi.\q"}|bad escape in a string at byte 27
{"doc": "a", "text": "Hi."} x|text after the object at byte 29
{"doc": 'a', "text": "Hi."}|expected a value at byte 9
EOF_CASES
	printf '{"doc": "a", "text": {"x": 1}}\n' >first.jsonl
	run --separate-stderr tabloid-split --ijsonl first.jsonl
	[ "$status" -eq 2 ]
	same "tabloid-split: first.jsonl: line 1: member 'text' is a nested object" "$stderr"
}

@test "the input options are in every reading program's --help" {
	for p in tabloid-split tabloid-tokenize tabloid-tag-entities tabloid-count \
	    tabloid-diff-versions tabloid-watch; do
		run "$p" --help
		[[ "$output" == *"--itsv"* && "$output" == *"--icsv"* && "$output" == *"--ifs SEP"* ]] ||
		    { echo "$p"; false; }
	done
	for p in tabloid-split tabloid-tokenize tabloid-tag-entities tabloid-count tabloid-watch; do
		run "$p" --help
		[[ "$output" == *"--doc-col COL"* ]] || { echo "$p"; false; }
	done
	run tabloid-split --help
	[[ "$output" == *"--ijsonl"* ]]
}

@test "the input options are documented in the same words in every man page" {
	cd "$TABLOID_SRCDIR/man"
	for opt in itsv icsv ifs doc-col text-col; do
		for page in tabloid-split.1 tabloid-tokenize.1 tabloid-tag-entities.1 tabloid-count.1 \
		    tabloid-diff-versions.1 tabloid-watch.1; do
			awk -v o=".It Fl -$opt" '$0 == o || index($0, o " ") == 1 { on = 1; print; next }
			    on && (/^\.It / || /^\.El/) { on = 0 } on' "$page" >"$T/$page.$opt"
		done
		for page in tabloid-split.1 tabloid-tokenize.1 tabloid-tag-entities.1 tabloid-count.1 \
		    tabloid-diff-versions.1 tabloid-watch.1; do
			case $opt:$page in
			text-col:tabloid-count.1 | *-col:tabloid-diff-versions.1)
				[ ! -s "$T/$page.$opt" ] ;;
			*)
				[ -s "$T/$page.$opt" ] || { echo "no --$opt in $page"; false; }
				diff -u "$T/tabloid-tokenize.1.$opt" "$T/$page.$opt" ;;
			esac
		done
	done
	grep -q '^\.Ss Input formats' tabloid.7
}
