#!/usr/bin/env bats
# The HTML views: tabloid-diff-versions --html.  The rendered DOM (headless
# Chromium) holds the words and sentences the TSV rows give, marked as
# they are; article text is escaped; pages pass tidy and do not render
# blank; --html conflicts with the other output formats.

bats_require_minimum_version 1.5.0
load helpers
load browser

V=$TABLOID_SRCDIR/samples/versions

setup() {
	mkdir -p "$T/tmp"
	export TMPDIR=$T/tmp
}

# dom FILE SELECTOR: the text of each element SELECTOR matches in FILE.
dom() {
	python3 "$TABLOID_SRCDIR/tests/domtext.py" "$@"
}

# tsv_marked OLD NEW OP: the removed (OP -) or added (+) words and
# sentences of the TSV diff of OLD and NEW, one run a line, in order.
tsv_marked() {
	tabloid-diff-versions -N "${@:4}" "$1" "$2" | OP=$3 perl -F'\t' -lane '
	    my $t = $F[6];
	    if ($F[2] eq "~") {
	        my $re = $ENV{OP} eq "-" ? qr/\[-(.*?)-\]/ : qr/\{\+(.*?)\+\}/;
	        print $1 while $t =~ /$re/g;
	    } elsif ($F[2] eq $ENV{OP}) { print $t }'
}

# tidy_clean PAGE: tidy finds neither errors nor warnings in PAGE.
tidy_clean() {
	command -v tidy >/dev/null || skip "tidy is not installed"
	run tidy -e -q "$1"
	[ "$status" -eq 0 ] || { echo "$output"; return 1; }
}

@test "diff-versions --html: rendered <del> and <ins> hold the TSV diff's words" {
	browser_need
	local p n=0
	for p in "1-original 2-correction" "2-correction 3-inserted" \
	    "3-inserted 4-deleted" "6-headline 7-rewrite"; do
		set -- $p
		n=$((n + 1))
		tabloid-diff-versions --html "$V/coons-$1.txt" "$V/coons-$2.txt" >"$T/$n.html"
		browser_dom "$T/$n.html" >"$T/$n.dom"
		[ -s "$T/$n.dom" ]
		same "$(tsv_marked "$V/coons-$1.txt" "$V/coons-$2.txt" -)" "$(dom "$T/$n.dom" del)"
		same "$(tsv_marked "$V/coons-$1.txt" "$V/coons-$2.txt" +)" "$(dom "$T/$n.dom" ins)"
	done
	# the headline is the newer version's first sentence
	same "US senator warns of risk to security links over Huawei" "$(dom "$T/4.dom" h2)"
}

@test "diff-versions --html --layout side: old words left, new right, as the TSV diff" {
	browser_need
	tabloid-diff-versions --html --layout side -a "$V/coons-3-inserted.txt" \
	    "$V/coons-7-rewrite.txt" >"$T/side.html"
	browser_dom "$T/side.html" >"$T/side.dom"
	same "$(tsv_marked "$V/coons-3-inserted.txt" "$V/coons-7-rewrite.txt" -)" "$(dom "$T/side.dom" del)"
	same "$(tsv_marked "$V/coons-3-inserted.txt" "$V/coons-7-rewrite.txt" +)" "$(dom "$T/side.dom" ins)"
	# with -a every row of the TSV diff is a row of the table
	[ "$(dom "$T/side.dom" count:tr)" -eq "$(($(tabloid-diff-versions -N -a \
	    "$V/coons-3-inserted.txt" "$V/coons-7-rewrite.txt" | wc -l) + 1))" ]
	browser_shot "$T/side.html" "$T/side.png"
	png_not_blank "$T/side.png"
}

@test "diff-versions --html: moved sentences, -a, -s and the summary figures" {
	tabloid-diff-versions --html "$V/coons-4-deleted.txt" "$V/coons-5-moved.txt" >"$T/m.html"
	[ "$(dom "$T/m.html" count:p.moved)" -eq 2 ]
	[ "$(dom "$T/m.html" count:p.s)" -eq 2 ]
	tabloid-diff-versions --html -a "$V/coons-4-deleted.txt" "$V/coons-5-moved.txt" >"$T/a.html"
	[ "$(dom "$T/a.html" count:p.s)" -eq "$(tabloid-diff-versions -N -a \
	    "$V/coons-4-deleted.txt" "$V/coons-5-moved.txt" | wc -l)" ]
	[ "$(dom "$T/a.html" count:p.same)" -eq 17 ]
	tabloid-diff-versions --html -s "$V/coons-5-moved.txt" "$V/coons-6-headline.txt" >"$T/s.html"
	[ "$(dom "$T/s.html" count:p.s)" -eq 0 ]
	same "0.993 similarity
0 added
0 removed
1 edited
0 moved
3 words added
3 words removed
headline changed" "$(dom "$T/s.html" li)"
}

@test "diff-versions --html -g: one section per story, its versions in order" {
	local a
	mkdir "$T/in"
	cp "$V"/coons-[1-7]-*.txt "$T/in/"
	a=$S/000_7a71359318611c7a.txt
	cp "$a" "$T/in/other-1.txt"
	sed 's/the/THE/' "$a" >"$T/in/other-2.txt"
	tabloid-diff-versions --html -g "$T/in" >"$T/g.html"
	[ "$(dom "$T/g.html" count:section.story)" -eq 2 ]
	[ "$(dom "$T/g.html" count:article.pair)" -eq 7 ]
	same "Story coons-1-original
Story other-1" "$(dom "$T/g.html" h1)"
	same "$(tabloid-diff-versions -g -s -N "$T/in" | cut -f1,2 | sed 's/\t/ → /')" \
	    "$(dom "$T/g.html" p.meta)"
	tidy_clean "$T/g.html"
}

@test "diff-versions --html: markup in an article shows as text and runs nothing" {
	browser_need
	printf '%s\n' 'Title & <b>bold</b> "quoted" '\''single'\'' here.' '' \
	    'A line <script>alert(1)</script> ends </style> then &amp; stays.' >"$T/old.txt"
	printf '%s\n' 'Title & <b>bold</b> "quoted" '\''single'\'' there.' '' \
	    'A line <script>alert(1)</script> ends </style> then &amp; stays.' '' \
	    'New <img src=x onerror=alert(3)> sentence.' >"$T/new.txt"
	tabloid-diff-versions --html -a "$T/old.txt" "$T/new.txt" >"$T/x.html"
	tidy_clean "$T/x.html"
	browser_dom "$T/x.html" >"$T/x.dom"
	run ! grep -qi '<script' "$T/x.dom"
	run ! grep -qi '<img' "$T/x.dom"
	run ! grep -q '<b>bold' "$T/x.dom"
	same 'Title & <b>bold</b> "quoted" '\''single'\'' there.' "$(dom "$T/x.dom" h2)"
	same "New <img src=x onerror=alert(3)> sentence." "$(dom "$T/x.dom" ins | tail -1)"
	same '2→2A line <script>alert(1)</script> ends </style> then &amp; stays.' \
	    "$(dom "$T/x.dom" p.same)"
	browser_shot "$T/x.html" "$T/x.png" 800,600
	png_not_blank "$T/x.png"
}

@test "diff-versions --html: pages pass tidy, render, and -o writes the same page" {
	browser_need
	tabloid-diff-versions --html "$V/coons-6-headline.txt" "$V/coons-7-rewrite.txt" >"$T/i.html"
	tidy_clean "$T/i.html"
	tabloid-diff-versions --html --layout=side "$V/coons-6-headline.txt" "$V/coons-7-rewrite.txt" >"$T/s.html"
	tidy_clean "$T/s.html"
	tabloid-diff-versions --html --layout=inline -o "$T/o.html" "$V/coons-6-headline.txt" \
	    "$V/coons-7-rewrite.txt"
	cmp "$T/i.html" "$T/o.html"
	tabloid-diff-versions --html "$V/coons-1-original.txt" "$V/coons-1-original.txt" >"$T/e.html"
	tidy_clean "$T/e.html"
	browser_shot "$T/i.html" "$T/i.png"
	png_not_blank "$T/i.png"
}

@test "diff-versions --html: conflicting options are usage errors" {
	local args
	while IFS='|' read -r args msg; do
		run -2 tabloid-diff-versions $args "$V/coons-1-original.txt" "$V/coons-2-correction.txt"
		[[ $output == *"$msg"* ]] || { echo "$args: $output"; return 1; }
	done <<'TABLE'
--html --pretty|--html writes a page for people: --pretty does not apply
--html --otsv|--otsv does not apply
--html --ocsv|--ocsv does not apply
--html --ojsonl|--ojsonl does not apply
-p --html|--pretty does not apply
--html -gc|-c does not apply
--layout side|--layout works only with --html
--html --layout=columns|is not a layout
TABLE
}
