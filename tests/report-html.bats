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
	grep -q 'Not shown: plain article files carry no date.' dom.html
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
	[ "${lines[0]}" = "usage: tabloid-report [--html] [-n top] [-o file] [--tsv | --csv] [--ifs sep]" ]
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

# ---- tables of articles and mentions over time ------------------------------

# table_tsv DOC DATE FILE ...: a TSV table of articles, columns doc, date
# and text, a row for each DOC DATE FILE (the text of FILE, escaped).
table_tsv() {
	printf 'doc\tdate\ttext\n'
	while [ $# -gt 0 ]; do
		printf '%s\t%s\t' "$1" "$2"
		awk 'BEGIN { ORS = "" } { gsub(/\\/, "\\\\"); gsub(/\t/, "\\t"); gsub(/\r/, "\\r")
			if (NR > 1) print "\\n"; print }' "$3"
		printf '\n'
		shift 3
	done
}

# table_csv DOC DATE FILE ...: the same as CSV, with the columns id;published;body,
# ';' between fields, the text quoted with its line breaks, CR LF line ends
# and a byte order mark.
table_csv() {
	printf '\357\273\277id;published;body\r\n'
	while [ $# -gt 0 ]; do
		printf '%s;%s;"' "$1" "$2"
		awk 'BEGIN { ORS = "" } { gsub(/"/, "\"\""); if (NR > 1) print "\n"; print }' "$3"
		printf '"\r\n'
		shift 3
	done
}

# dated_articles: the arguments of table_tsv for the samples, dated in
# March 2024 (some on one day, one without a date).
dated_articles() {
	set -- "$S"/*.txt "$S"/versions/coons-[2-3]*.txt
	local dates=(2024-03-01 2024-03-01 2024-03-04 '' 2024-03-09 2024-03-04T23:30:00Z 2024-03-07)
	local i=0 f
	for f; do
		printf '%s\n' "$(basename "$f" .txt)" "${dates[$i]}" "$f"
		i=$((i + 1))
	done
}

# figures DOM ID: the table of figures under the chart over time ID, as TSV.
figures() {
	sed -n "/<table class=\"figures\" id=\"$2-figures\">/,/<\/table>/p" "$1" |
		grep '^<tr>' | sed 's/<\/t[dh]><t[dh][^>]*>/\t/g; s/<[^>]*>//g' | unhtml
}

# expected_figures MENTIONS TYPES PERIOD FIRST LAST: the figures of the
# entities of TYPES (a regex) computed from the mention rows of MENTIONS,
# whose second column is the date (day periods: its first 10 bytes).
expected_figures() {
	awk -F '\t' -v t="^($2)\$" 'NR == 1 || ($2 != "" && $7 ~ t)' "$1" >dated.tsv
	tabloid-count -f entity,ent_label -n 5 dated.tsv | sed 1d | cut -f1,2 >top.tsv
	awk -F '\t' -v period="$3" -v first="$4" -v last="$5" '
		FNR == NR { key[$1 "\t" $2] = ++k; name[k] = $1; next }
		FNR > 1 && ($8 "\t" $7) in key { n[substr($2, 1, 10), key[$8 "\t" $7]]++ }
		END {
			printf "%s", period; for (j = 1; j <= k; j++) printf "\t%s", name[j]; print ""
			cmd = "d=" first "; while [ \"$d\" != \"$(date -d \"" last " + 1 day\" +%F)\" ]; do echo $d; d=$(date -d \"$d + 1 day\" +%F); done"
			while ((cmd | getline day) > 0) {
				printf "%s", day; for (j = 1; j <= k; j++) printf "\t%d", n[day, j]; print ""
			}
		}' top.tsv "$1"
}

@test "tables: the mentions over time are the mention rows joined to their dates, by day" {
	mapfile -t args < <(dated_articles)
	table_tsv "${args[@]}" >articles.tsv
	tabloid-report --html --tsv -n 5 -o page.html articles.tsv
	# the dates pass through tabloid-split to the mention rows
	tabloid-split --tsv articles.tsv | tabloid-tag-entities -t PERSON,ORG,GPE,LOC,NORP >mentions.tsv
	[ "$(head -n 1 mentions.tsv | cut -f2)" = date ]
	for group in people:PERSON organisations:ORG places:'GPE|LOC'; do
		expected_figures mentions.tsv "${group#*:}" day 2024-03-01 2024-03-09 >expected
		[ "$(wc -l <expected)" -eq 10 ]
		figures page.html "time-${group%%:*}" >actual
		same "$(cat expected)" "$(cat actual)"
		# the names of the table are the key of the chart
		cut -f2- expected | head -n 1 | tr '\t' '\n' >names
		svg_texts page.html "time-${group%%:*}" | unhtml >texts
		while IFS= read -r name; do grep -qxF "$name" texts; done <names
	done
	# 6 dated documents, one without a date; the time of day does not move one
	grep -q 'Mentions in the 6 dated documents (column date), by day, from 2024-03-01 to 2024-03-09; 1 document has no date and is left out.' page.html
	# the counts still count every document
	grep -q 'id="n-documents">7<' page.html
}

@test "tables: CSV with quoted line breaks, CR LF and a BOM, columns named by option, give the figures of TSV" {
	mapfile -t args < <(dated_articles)
	table_tsv "${args[@]}" >articles.tsv
	table_csv "${args[@]}" >articles.csv
	[ "$(wc -l <articles.csv)" -gt 20 ]
	tabloid-report --html --tsv -o tsv.html articles.tsv
	tabloid-report --html --csv --doc-col id --text-col body --date-col published -o csv.html articles.csv
	for id in time-people time-organisations time-places; do
		figures tsv.html $id >tsv.fig
		figures csv.html $id >csv.fig
		[ -s tsv.fig ]
		same "$(cat tsv.fig)" "$(cat csv.fig)"
	done
	grep -q '(column published), by day' csv.html
	# the column by its number, the delimiter given, --icsv and --ifs=
	tabloid-report --html --icsv --ifs semicolon --doc-col=id --text-col=3 --date-col=2 -o num.html articles.csv
	same "$(figures csv.html time-people)" "$(figures num.html time-people)"
	tabloid-report --html --ifs=';' --doc-col id --text-col body --date-col published -o ifs.html articles.csv
	same "$(figures csv.html time-places)" "$(figures ifs.html time-places)"
	# a table on standard input
	tabloid-report --html --tsv -o stdin.html - <articles.tsv
	same "$(figures tsv.html time-people)" "$(figures stdin.html time-people)"
}

@test "tables: a date that cannot be read is an error naming the file and line, status 2" {
	printf 'Boris Johnson met Huawei.\n' >a.txt
	n=0 bad=0
	while IFS= read -r date; do
		n=$((n + 1))
		table_tsv a 2024-03-05 a.txt b "$date" a.txt c 2024-03-06 a.txt >bad.tsv
		echo old >page.html
		run --separate-stderr tabloid-report --html --tsv -o page.html bad.tsv
		want="tabloid-report: bad.tsv: line 3: cannot read the date '$date': not a date of ISO 8601 (2024-03-05, 2024-03-05T10:00:00Z) or RFC 2822 (Tue, 05 Mar 2024 10:00:00 GMT)"
		if [ "$status" -ne 2 ] || [ "$stderr" != "$want" ] || [ "$(cat page.html)" != old ]; then
			echo "$date: status $status: $stderr"
			bad=$((bad + 1))
		fi
	done <<-'EOF'
		2024-02-30
		2023-02-29
		2024-13-01
		2024-00-10
		2024-03-00
		05/03/2024
		2024-3-5
		20240305
		2024-03-05T24:00
		2024-03-05T10:60
		2024-03-05T10:00:61
		2024-03-05Z
		2024-03-05T10:00+25:00
		2024-03-05T10:00+05:60
		2024-03-05 junk
		2024-03-05T
		yesterday
		Tue, 05 Foo 2024 10:00:00 GMT
		Xyz, 05 Mar 2024 10:00:00 GMT
		05 Mar 2024 10:00:00 XYZ
		05 Mar 2024 10:00:00 +2400
		32 Mar 2024 10:00 GMT
		05 Mar 24 10:00 GMT
		Tue, 05 Mar 2024
	EOF
	table_done $n $bad
	# in CSV, the line on which the record starts, after quoted line breaks
	printf 'doc,date,text\na,2024-03-05,"one\n\ntwo"\n\nb,"2024-03-06",three\nc,03/07/2024,"four\nfive"\n' >bad.csv
	run --separate-stderr tabloid-report --html --csv bad.csv
	[ "$status" -eq 2 ]
	[[ "$stderr" == "tabloid-report: bad.csv: line 7: cannot read the date '03/07/2024': "* ]]
	# on standard input
	run --separate-stderr tabloid-report --html --csv - <bad.csv
	[[ "$stderr" == "tabloid-report: standard input: line 7: cannot read the date '03/07/2024': "* ]]
	# one document with two dates
	table_tsv a 2024-03-05 a.txt b 2024-03-06 a.txt >one.tsv
	table_tsv b 2024-03-06 a.txt a 2024-03-07 a.txt | sed 1d >>one.tsv
	run --separate-stderr tabloid-report --html --tsv one.tsv
	[ "$status" -eq 2 ]
	[ "$stderr" = "tabloid-report: one.tsv: line 5: document 'a' is dated '2024-03-07' here and '2024-03-05' at one.tsv: line 2" ]
	# what tabloid-split finds wrong comes first, in its words
	printf 'doc\tdate\ttext\na\t2024-03-05\n' >short.tsv
	run --separate-stderr tabloid-report --html --tsv short.tsv
	[ "$status" -eq 2 ]
	[[ "$stderr" == "tabloid-split: short.tsv: line 2: "* ]]
}

@test "tables: dates of ISO 8601 and RFC 2822 count on the day they name; empty dates are counted apart" {
	printf 'Boris Johnson met Huawei.\n' >a.txt
	printf 'doc\tdate\ttext\n' >dates.tsv
	i=0
	while IFS= read -r date; do
		i=$((i + 1))
		table_tsv "d$i" "$date" a.txt | sed 1d >>dates.tsv
	done <<-'EOF'
		2024-03-05
		2024-03-05T10:00:00Z
		2024-03-05t10:00:00z
		2024-03-05 23:59:59.999+05:30
		2024-03-05T00:00-0800
		2024-03-05T10:00:00,5-03
		  2024-03-05  
		Tue, 05 Mar 2024 10:00:00 GMT
		5 Mar 2024 10:00 +0100
		TUE, 5 mar 2024 23:59:60 pst
		05 Mar 2024 10:00:00
		2024-02-29
		2000-02-29T12:00Z
	EOF
	table_tsv e1 '' a.txt e2 ' ' a.txt | sed 1d >>dates.tsv
	tabloid-report --html --tsv --period day -o page.html dates.tsv
	grep -q 'Mentions in the 13 dated documents (column date), by day, from 2000-02-29 to 2024-03-05; 2 documents have no date and are left out.' page.html
	figures page.html time-people >fig
	[ "$(head -n 1 fig)" = "$(printf 'day\tBoris Johnson')" ]
	[ "$(grep -c . fig)" -eq $((1 + 8772)) ]
	grep -qx "$(printf '2024-03-05\t11')" fig
	grep -qx "$(printf '2024-02-29\t1')" fig
	grep -qx "$(printf '2000-02-29\t1')" fig
	[ "$(awk -F '\t' 'NR > 1 { s += $2 } END { print s }' fig)" -eq 13 ]
	# no date at all
	table_tsv a '' a.txt >none.tsv
	tabloid-report --html --tsv -o none.html none.tsv
	grep -q 'Not shown: no document has a date in the column date.' none.html
}

@test "tables: the period is a day, a week or a month by the span of the dates, or as --period says" {
	printf 'Boris Johnson met Huawei.\n' >a.txt
	table_tsv a 2024-03-07 a.txt b 2024-04-08 a.txt c 2024-04-11 a.txt >weeks.tsv
	tabloid-report --html --tsv -o page.html weeks.tsv
	figures page.html time-organisations >fig
	grep -q ', by week (weeks begin on Monday), from 2024-03-04 to 2024-04-08.' page.html
	same "$(printf 'week\tHuawei\n2024-03-04\t1\n2024-03-11\t0\n2024-03-18\t0\n2024-03-25\t0\n2024-04-01\t0\n2024-04-08\t2')" "$(cat fig)"
	# 31 days from the first to the last: by day; 32: by week
	table_tsv a 2024-01-31 a.txt b 2024-03-02 a.txt >days.tsv
	tabloid-report --html --tsv -o page.html days.tsv
	[ "$(figures page.html time-people | head -n 1 | cut -f1)" = day ]
	[ "$(figures page.html time-people | wc -l)" -eq 33 ]
	table_tsv a 2024-01-31 a.txt b 2024-03-03 a.txt >days.tsv
	tabloid-report --html --tsv -o page.html days.tsv
	[ "$(figures page.html time-people | head -n 1 | cut -f1)" = week ]
	# 182 days: by week; 183: by month
	table_tsv a 2023-12-31 a.txt b 2024-06-30 a.txt >half.tsv
	tabloid-report --html --tsv -o page.html half.tsv
	[ "$(figures page.html time-people | head -n 1 | cut -f1)" = week ]
	table_tsv a 2023-12-31 a.txt b 2024-07-01 a.txt >half.tsv
	tabloid-report --html --tsv -o page.html half.tsv
	same "$(printf 'month\tBoris Johnson\n2023-12\t1\n2024-01\t0\n2024-02\t0\n2024-03\t0\n2024-04\t0\n2024-05\t0\n2024-06\t0\n2024-07\t1')" \
		"$(figures page.html time-people)"
	# chosen
	tabloid-report --html --tsv --period=month -o page.html weeks.tsv
	same "$(printf 'month\tHuawei\n2024-03\t1\n2024-04\t2')" "$(figures page.html time-organisations)"
	tabloid-report --html --tsv --period day -o page.html weeks.tsv
	[ "$(figures page.html time-organisations | wc -l)" -eq 37 ]
	tabloid-report --html --tsv --period auto -o page.html weeks.tsv
	[ "$(figures page.html time-organisations | head -n 1 | cut -f1)" = week ]
}

@test "tables: a date column that is missing is named with the columns there are; plain files have no dates" {
	printf 'Boris Johnson met Huawei.\n' >a.txt
	table_tsv a 2024-03-05 a.txt | sed '1s/date/published/' >pub.tsv
	run --separate-stderr tabloid-report --html --tsv --date-col when pub.tsv
	[ "$status" -eq 2 ]
	[ "$stderr" = "tabloid-report: pub.tsv: line 1: no column 'when' (the columns are: doc, published, text); use --date-col" ]
	run --separate-stderr tabloid-report --html --tsv --date-col 4 pub.tsv
	[ "$stderr" = "tabloid-report: pub.tsv: line 1: no column '4' (the columns are: doc, published, text); use --date-col" ]
	run --separate-stderr tabloid-report --html --tsv --date-col doc pub.tsv
	[ "$status" -eq 2 ]
	[ "$stderr" = "tabloid-report: pub.tsv: line 1: the date column 'doc' is the doc column" ]
	# without --date-col and without a column date: the page says why
	tabloid-report --html --tsv -o page.html pub.tsv
	grep -q 'Not shown: the tables have no column date (their columns are: doc, published, text); --date-col names another.' page.html
	! grep -q 'id="time-people"' page.html
	tabloid-report --html --tsv --date-col published -o page.html pub.tsv
	grep -q 'id="time-people"' page.html
	tabloid-report --html -o page.html a.txt
	grep -q 'Not shown: plain article files carry no date.' page.html
}

@test "tables: option errors are usage errors, status 2" {
	printf 'Boris Johnson met Huawei.\n' >a.txt
	table_tsv a 2024-03-05 a.txt >a.tsv
	run --separate-stderr tabloid-report --tsv --date-col date a.tsv
	[ "$status" -eq 2 ]
	[ "${stderr_lines[0]}" = "tabloid-report: --date-col needs --html" ]
	run --separate-stderr tabloid-report --tsv --period week a.tsv
	[ "${stderr_lines[0]}" = "tabloid-report: --period needs --html" ]
	run --separate-stderr tabloid-report --html --tsv --period year a.tsv
	[ "$status" -eq 2 ]
	[ "${stderr_lines[0]}" = "tabloid-report: --period: 'year' is not one of auto, day, week, month" ]
	run --separate-stderr tabloid-report --html --date-col date a.txt
	[ "$status" -eq 2 ]
	[ "${stderr_lines[0]}" = "tabloid-report: --date-col needs tables of articles (--tsv or --csv)" ]
	run --separate-stderr tabloid-report --doc-col id a.txt
	[ "${stderr_lines[0]}" = "tabloid-report: --doc-col needs tables of articles (--tsv or --csv)" ]
	run --separate-stderr tabloid-report --html --ifs '|' a.tsv
	[ "${stderr_lines[0]}" = "tabloid-report: --ifs: '|' is not one of ',' ';' tab comma semicolon" ]
	run --separate-stderr tabloid-report --html --tsv --ifs , a.tsv
	[ "${stderr_lines[0]}" = "tabloid-report: --ifs and --tsv cannot be used together" ]
	run --separate-stderr tabloid-report --html --tsv --date-col= a.tsv
	[ "${stderr_lines[0]}" = "tabloid-report: --date-col: the column name is empty" ]
	run --separate-stderr tabloid-report --html --tsv --date-col
	[ "${stderr_lines[0]}" = "tabloid-report: option '--date-col' needs an argument" ]
	# a plain file read as a table: tabloid-split says what is missing
	run --separate-stderr tabloid-report --tsv a.txt
	[ "$status" -eq 2 ]
	[[ "$stderr" == "tabloid-split: a.txt: line 1: "* ]]
}

@test "tables: the plain report reads them too, with the counts of the article files" {
	mapfile -t args < <(dated_articles)
	table_tsv "${args[@]}" >articles.tsv
	table_csv "${args[@]}" >articles.csv
	files=("$S"/*.txt "$S"/versions/coons-[2-3]*.txt)
	same "$(tabloid-report -n 5 "${files[@]}")" "$(tabloid-report -n 5 --tsv articles.tsv)"
	same "$(tabloid-report -n 5 "${files[@]}")" \
		"$(tabloid-report -n 5 --csv --doc-col id --text-col body articles.csv)"
}

@test "tables: the page is valid for tidy, its ids are unique, and it renders" {
	browser_need
	command -v tidy >/dev/null || skip "tidy is not installed"
	mapfile -t args < <(dated_articles)
	table_tsv "${args[@]}" >articles.tsv
	tabloid-report --html --tsv -o page.html articles.tsv
	run tidy -e -q page.html
	[ "$status" -lt 2 ] || { echo "$output"; false; }
	[ -z "$output" ] || { echo "$output"; false; }
	ids=$(grep -o ' id=["'"'"'][^"'"'"']*' page.html | cut -c6-)
	[ "$(echo "$ids" | wc -l)" -gt 50 ]
	[ -z "$(echo "$ids" | sort | uniq -d)" ]
	# every reference in the pictures is to an id of the same picture
	grep -o "href=['\"]#[^'\"]*" page.html | cut -d'#' -f2 | sort -u >refs
	[ -s refs ]
	while IFS= read -r ref; do echo "$ids" | grep -qxF "$ref"; done <refs
	browser_dom "$T/page.html" >dom.html
	grep -q '<section id="time-places">' dom.html
	[ "$(grep -c '<svg' dom.html)" -eq 8 ]
	browser_shot "$T/page.html" shot.png 1000,1400
	png_not_blank shot.png
}
