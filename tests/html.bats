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
	same '= 2→2A line <script>alert(1)</script> ends </style> then &amp; stays.' \
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

# split FILE...: the files' sentence rows.
split() {
	tabloid-split "$@"
}

@test "tag-entities --html: each rendered <mark> is a mention of the rows, in order" {
	browser_need
	split "$S"/00[0-2]_*.txt >"$T/s.tsv"
	tabloid-tag-entities --html "$T/s.tsv" >"$T/e.html"
	browser_dom "$T/e.html" >"$T/e.dom"
	[ -s "$T/e.dom" ]
	tabloid-tag-entities "$T/s.tsv" >"$T/e.tsv"
	same "$(tail -n +2 "$T/e.tsv" | cut -f8)" "$(dom "$T/e.dom" mark)"
	same "$(tail -n +2 "$T/e.tsv" | cut -f6)" "$(dom "$T/e.dom" attr:class:mark)"
	same "$(tail -n +2 "$T/e.tsv" | awk -F '\t' '{ print $7 " (" $6 ")" }')" \
	    "$(dom "$T/e.dom" attr:title:mark)"
	# the text reads as the sentences, paragraph by paragraph
	same "$(awk -F '\t' '$1 == "001_b53f680156d8d950" { printf "%s%s", (NR > 1 && $2 == p ? " " : (NR > 1 ? "\n" : "")), $7; p = $2 } END { print "" }' "$T/s.tsv" | sed '/^$/d')" \
	    "$(sed -n '/id="doc-2"/,/<\/section>/p' "$T/e.dom" >"$T/d2.html"; dom "$T/d2.html" p | tail -n +2)"
	# a contents entry and a section per document, the legend's types in colour
	same "000_7a71359318611c7a
001_b53f680156d8d950
002_4fb658c976d88ccb" "$(dom "$T/e.dom" a)"
	[ "$(dom "$T/e.dom" count:section.doc)" -eq 3 ]
	same "#doc-1 #doc-2 #doc-3" "$(dom "$T/e.dom" attr:href:a | paste -sd ' ')"
	browser_shot "$T/e.html" "$T/e.png"
	png_not_blank "$T/e.png" 8
}

@test "tag-entities --html: a mark next to punctuation is narrow on that side, so no gap shows" {
	browser_need
	printf 'On Friday, Boris Johnson met \342\200\234Huawei\342\200\235 (Huawei) in London.\n' >"$T/p.txt"
	split "$T/p.txt" | tabloid-tag-entities --html >"$T/p.html"
	grep -q '<mark class="DATE" data-type="DATE" data-punct="" title="Friday (DATE)">Friday</mark>, <mark class="PERSON" data-type="PERSON" title=' "$T/p.html"
	[ "$(grep -o '<mark class="ORG" data-type="ORG" data-punct="" data-open=""' "$T/p.html" | wc -l)" -eq 2 ]
	grep -q 'data-punct="" title="London (GPE)">London</mark>\.' "$T/p.html"
	grep -q '^mark\[data-punct\]{padding-right:\.1em}$' "$T/p.html"
	grep -q '^mark\[data-open\]{padding-left:\.1em}$' "$T/p.html"
	# the rendered marks: the narrow side is the one next to the punctuation
	cat >"$T/probe.html" <<-'EOF'
	<script>
	window.onload = function () {
		var m = document.querySelectorAll('mark'), out = [];
		for (var i = 0; i < m.length; i++) {
			var c = getComputedStyle(m[i]);
			out.push(m[i].textContent + ' ' + c.paddingLeft + ' ' + c.paddingRight);
		}
		document.body.setAttribute('data-pads', out.join('|'));
	};
	</script>
	EOF
	cat "$T/p.html" "$T/probe.html" >"$T/pp.html"
	browser_dom "$T/pp.html" | grep -o 'data-pads="[^"]*"' >"$T/pads"
	same 'data-pads="Friday 4.8px 1.6px|Boris Johnson 4.8px 4.8px|Huawei 1.6px 1.6px|Huawei 1.6px 1.6px|London 4.8px 1.6px"' "$(cat "$T/pads")"
}

@test "tag-entities --html: -t shows only those types, one document has no contents" {
	split "$S/003_f79d13dae64d47e6.txt" >"$T/s.tsv"
	tabloid-tag-entities --html -t person,gpe -o "$T/e.html" "$T/s.tsv"
	[ "$(dom "$T/e.html" count:nav)" -eq 0 ]
	same "$(tabloid-tag-entities -t person,gpe "$T/s.tsv" | tail -n +2 | cut -f8)" \
	    "$(dom "$T/e.html" mark)"
	same "PERSON GPE" "$(dom "$T/e.html" attr:class:span | paste -sd ' ')"
	tidy_clean "$T/e.html"
	printf 'doc\ttext\n' | tabloid-tag-entities --html >"$T/none.html"
	tidy_clean "$T/none.html"
	grep -q 'No documents' "$T/none.html"
}

@test "tag-entities --html: markup in an article shows as text and runs nothing" {
	browser_need
	printf '%s\n' 'Theresa May said <script>alert(1)</script> in London.' '' \
	    'Then </style> & "quoted" &amp; '\''single'\'' <b>Boris Johnson</b> spoke.' >"$T/x.txt"
	split "$T/x.txt" >"$T/x.tsv"
	tabloid-tag-entities --html "$T/x.tsv" >"$T/x.html"
	tidy_clean "$T/x.html"
	browser_dom "$T/x.html" >"$T/x.dom"
	run ! grep -qi '<script' "$T/x.dom"
	run ! grep -q '<b>' "$T/x.dom"
	same 'Theresa May said <script>alert(1)</script> in London.
Then </style> & "quoted" &amp; '\''single'\'' <b>Boris Johnson</b> spoke.' \
	    "$(sed -n '/<div class="text">/,/<\/div>/p' "$T/x.dom" >"$T/xt.html"; dom "$T/xt.html" p)"
	same "$(tabloid-tag-entities "$T/x.tsv" | tail -n +2 | cut -f8)" "$(dom "$T/x.dom" mark)"
	browser_shot "$T/x.html" "$T/x.png" 800,500
	png_not_blank "$T/x.png"
}

@test "tag-entities --html: conflicting options are usage errors" {
	local args
	split "$S/003_f79d13dae64d47e6.txt" >"$T/s.tsv"
	while IFS='|' read -r args msg; do
		run -2 tabloid-tag-entities $args "$T/s.tsv"
		[[ $output == *"$msg"* ]] || { echo "$args: $output"; return 1; }
	done <<TABLE
--html --otsv|--html writes one page for people: --otsv does not apply
--html --ocsv|--ocsv does not apply
--html --ojsonl|--ojsonl does not apply
--html -O $T/out|-O does not apply
--html --bio|--bio
--inline --html|--html
TABLE
}
