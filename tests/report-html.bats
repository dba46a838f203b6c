#!/usr/bin/env bats
# tabloid-report --html: the page, its charts and network, escaping, its
# validity, -o, usage errors and the page of make demo.

bats_require_minimum_version 1.5.0

load helpers
load browser

setup() {
	cd "$T"
}

# page FILE...: the report page of FILE... in page.html (top 5).
page() {
	tabloid-report --html -n 5 -o page.html -- "$@"
}

# svg_texts DOM ID: the texts of the SVG in section ID of the DOM, one a line.
svg_texts() {
	awk -v id="$2" '/<section id="/ { on = index($0, "<section id=\"" id "\"") > 0 } on' "$1" |
		grep -o '<text[^>]*>[^<]*</text>' | sed 's/<[^>]*>//g; s/^ *//'
}

# unhtml: standard input with the HTML references of < > & " decoded.
unhtml() {
	sed 's/&lt;/</g; s/&gt;/>/g; s/&quot;/"/g; s/&#39;/'"'"'/g; s/&amp;/\&/g'
}

@test "the page holds the counts and the top entities and words of the plain tools, as SVG" {
	browser_need
	page "$S"/*.txt
	browser_dom "$T/page.html" >dom.html
	tabloid-split "$S"/*.txt >sents.tsv
	tabloid-tokenize --lower sents.tsv >tokens.tsv
	docs=$(cut -f1 sents.tsv | sed 1d | sort -u | wc -l)
	sentences=$(($(wc -l <sents.tsv) - 1))
	words=$(awk -F '\t' 'NR > 1 && $7 == "word"' tokens.tsv | wc -l)
	grep -q "id=\"n-documents\">$docs<" dom.html
	grep -q "id=\"n-sentences\">$sentences<" dom.html
	grep -q "id=\"n-words\">$words<" dom.html
	# the plain report's first line gives the same counts
	[[ "$(tabloid-report -n 5 "$S"/*.txt | head -n 1)" == "$docs documents, "*", $sentences sentences, $words words" ]]
	tabloid-tag-entities sents.tsv >mentions.tsv
	for type in PERSON ORG; do
		case $type in PERSON) id=people ;; ORG) id=organisations ;; esac
		awk -F '\t' -v t=$type 'NR == 1 || $6 == t' mentions.tsv |
			tabloid-count -f entity -n 5 | cut -f1 | sed 1d >expected
		[ -s expected ]
		svg_texts dom.html $id | unhtml >texts
		while IFS= read -r name; do
			grep -qxF "$name" texts || { echo "$type $name missing"; false; }
		done <expected
	done
	tabloid-tokenize --lower --no-punct --stopwords en sents.tsv |
		awk -F '\t' 'NR == 1 || $7 == "word"' | tabloid-count -f token -n 5 |
		cut -f1 | sed 1d >expected
	svg_texts dom.html words >texts
	while IFS= read -r word; do grep -qxF "$word" texts; done <expected
	# places, the network of co-mentions (nodes are the entities' names)
	[ "$(svg_texts dom.html places | unhtml | grep -cxF 'United States')" -eq 1 ]
	svg_texts dom.html network | unhtml | grep -qxF Huawei
	grep -q '<section id="network">' dom.html
	[ "$(grep -c '<svg' dom.html)" -ge 5 ]
	# the samples hold no versions of one story and no dates
	! grep -q '<section id="versions">' dom.html
	grep -q 'carries no date' dom.html
}

@test "names from articles are escaped for HTML, gnuplot and Graphviz" {
	browser_need
	cp -r "$TABLOID_DATADIR" data
	printf 'Evil Corp\tORG\t<script>alert(1)</script> "Evil" O'"'"'Hara \\N {x}_y\n' >>data/gaz-orgs.tsv
	printf 'Style Ltd\tORG\t</style><b>bold</b>\n' >>data/gaz-orgs.tsv
	printf 'Evil Corp met Boris Johnson in London.\n\nStyle Ltd, Evil Corp and Huawei met.\n' >'a<img src=x>.txt'
	printf 'Evil Corp met Boris Johnson in London.\n\nStyle Ltd, Evil Corp and Huawei met. Fine.\n' >'a<img src=x> v2.txt'
	TABLOID_DATADIR=$T/data tabloid-report --html -o page.html -- a*.txt
	browser_dom "$T/page.html" >dom.html
	! grep -qi '<script' dom.html
	! grep -qi '<b>' dom.html
	! grep -qi '<img' dom.html
	evil='<script>alert(1)</script> "Evil" O'"'"'Hara \N {x}_y'
	[ "$(svg_texts dom.html organisations | unhtml | grep -cxF "$evil")" -eq 1 ]
	[ "$(svg_texts dom.html network | unhtml | grep -cxF "$evil")" -eq 1 ]
	svg_texts dom.html organisations | unhtml | grep -qxF '</style><b>bold</b>'
	# the name with </style> does not end the style sheet early
	[ "$(grep -c '</style>' dom.html)" -eq 1 ]
	# file names, as names of documents, in the table of versions
	grep -q 'a&lt;img src=x&gt; v2</td>' dom.html
}

@test "the page is valid HTML for tidy, and a screenshot is not blank" {
	browser_need
	command -v tidy >/dev/null || skip "tidy is not installed"
	page "$S"/*.txt "$S"/versions/coons-[1-3]*.txt
	run tidy -e -q page.html
	[ "$status" -lt 2 ] || { echo "$output"; false; }
	! grep -q '<?xml\|<!DOCTYPE svg\|http://\|https://' <(grep -v 'xmlns' page.html)
	browser_shot "$T/page.html" shot.png 1000,1400
	png_not_blank shot.png
}

@test "the versions of one story are a table of tabloid-diff-versions -g --summary" {
	page "$S"/versions/coons-[1-4]*.txt
	tabloid-diff-versions -g --summary "$S"/versions/coons-[1-4]*.txt | sed 1d >rows
	[ "$(wc -l <rows)" -eq 3 ]
	while IFS="$(printf '\t')" read -r old new similarity rest; do
		grep -qF "<tr><td>$old</td><td>$new</td><td class=\"n\">$similarity</td>" page.html
	done <rows
}

@test "--html: -o replaced only by a whole page, usage errors and missing tools exit 2" {
	echo old >page.html
	run -2 tabloid-report --html -o page.html "$S"/*.txt no-such-file.txt
	[ "$(cat page.html)" = old ]
	[ -z "$(ls -A | grep -v '^page.html$')" ]
	run -2 tabloid-report --html
	[ "${lines[0]}" = "usage: tabloid-report [--html] [-n top] [-o file] file ..." ]
	run -2 tabloid-report --html -n x "$S"/*.txt
	run -2 tabloid-report --html=yes "$S"/*.txt
	[ "${lines[0]}" = "tabloid-report: unknown option '--html=yes'" ]
	mkdir nothing
	run -2 env PATH="$T/nothing" /bin/sh "$(command -v tabloid-report)" --html "$S"/*.txt
	[ "$output" = "tabloid-report: --html needs gnuplot (gnuplot, graphviz), which is not installed" ]
	# -n 0: all of them, as in the plain report
	# the functions of --html are no program of their own
	run -2 "$(dirname "$(command -v tabloid-report)")/tabloid-report-html"
	[ "$output" = "tabloid-report-html: not a program: run tabloid-report --html" ]
	run -0 tabloid-report --html -n 0 -o page.html "$S"/*.txt
	people=$(tabloid-report -n 0 "$S"/*.txt | sed -n '/^most mentioned people:/,/^$/p' | grep -c '[0-9] ')
	[ "$(svg_texts page.html people | grep -cv '^[0-9]*$')" -eq "$people" ]
	grep -q '</html>' page.html
}

@test "make demo writes the page of samples/ with the command of its rule" {
	rule=$(sed -n '/^REPORT_HTML = /,/^$/p' "$TABLOID_SRCDIR/Makefile.am")
	[[ "$rule" == *"--html -n 12 -o report.html -- \\"* ]]
	tabloid-report --html -n 12 -o report.html -- "$S"/*.txt "$S"/versions/*.txt
	grep -q '<section id="versions">' report.html
	grep -q '<section id="network">' report.html
	grep -A3 '^demo:' "$TABLOID_SRCDIR/Makefile.am" >/dev/null
	sed -n '/^demo:/,/^$/p' "$TABLOID_SRCDIR/Makefile.am" | grep -q 'REPORT_HTML'
}
