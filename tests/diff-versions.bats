#!/usr/bin/env bats
# tabloid-diff-versions: the ops on the sample versions (samples/versions/,
# each version one change after the previous), the word diff, summaries,
# noise that is not a change, -I, --exit-code, split output and the cron
# case of many documents, --group and --clusters, --pretty, and hostile
# input.  Everything is written under $BATS_TEST_TMPDIR.

bats_require_minimum_version 1.5.0
load helpers

V=$TABLOID_SRCDIR/samples/versions

setup() {
	mkdir -p "$T/tmp"
	export TMPDIR=$T/tmp
}

# ops OLD NEW [OPTION...]: the op, old_sent and new_sent of each row, one
# row per line as "op old new" (an empty number is written as .).
ops() {
	local a=$1 b=$2
	shift 2
	tabloid-diff-versions -N "$@" "$a" "$b" |
	    awk -F '\t' '{ printf "%s %s %s\n", $3, ($4 == "" ? "." : $4), ($5 == "" ? "." : $5) }'
}

# opstable: check a table read from standard input.  Each case is a line
# "OLD NEW: OPS", the two sample versions (file names under
# samples/versions without .txt) and the rows expected from them, written
# as by ops and joined by "; ".
opstable() {
	local line files want got n=0 bad=0
	while IFS= read -r line; do
		case $line in '' | '#'*) continue ;; esac
		files=${line%%:*}
		want=${line#*:}
		want=${want# }
		set -- $files
		got=$(ops "$V/$1.txt" "$V/$2.txt" | paste -sd ';' | sed 's/;/; /g')
		n=$((n + 1))
		if [ "$got" != "$want" ]; then
			printf '%s\n  expected: %s\n  actual:   %s\n' "$files" "$want" "$got"
			bad=$((bad + 1))
		fi
	done
	table_done "$n" "$bad"
}

@test "versions: every expected op on the sample versions" {
	opstable <<'TABLE'
# a correction: one sentence edited
coons-1-original coons-2-correction: ~ 6 6
# an inserted paragraph of two sentences
coons-2-correction coons-3-inserted: + . 11; + . 12
# the last paragraph deleted
coons-3-inserted coons-4-deleted: - 20 .; - 21 .
# a paragraph moved up
coons-4-deleted coons-5-moved: > 18 15; > 19 16
# a new headline: sentence 1 edited
coons-5-moved coons-6-headline: ~ 1 1
# identical versions: no rows
coons-1-original coons-1-original:
# and backwards: the insertion becomes a removal
coons-3-inserted coons-2-correction: - 11 .; - 12 .
TABLE
}

@test "versions: the shortened next-day rewrite has many removals and some edits" {
	ops "$V/coons-6-headline.txt" "$V/coons-7-rewrite.txt" >"$T/ops"
	[ "$(grep -c '^-' "$T/ops")" -ge 10 ]
	[ "$(grep -c '^~' "$T/ops")" -ge 3 ]
	grep -qx '~ 1 1' "$T/ops"
	grep -qx '~ 6 3' "$T/ops"
	[ "$(grep -c '^+' "$T/ops")" -eq 0 ]
}

@test "versions: the correction carries the word diff, noise is not a change" {
	run tabloid-diff-versions -N "$V/coons-1-original.txt" "$V/coons-2-correction.txt"
	[ "$status" -eq 0 ]
	[ "${#lines[@]}" -eq 1 ]
	same "coons-1-original	coons-2-correction	~	6	6	0.939	[-Democrat senator-]{+Democratic Senator+} Chris Coons said the withdrawal of co-operation should happen only as a “last resort” after careful consultation, but made clear it was an option that would have to be considered." "$output"
}

@test "versions: the headline diff, and the headline flag of --summary" {
	run tabloid-diff-versions -N "$V/coons-5-moved.txt" "$V/coons-6-headline.txt"
	same "coons-5-moved	coons-6-headline	~	1	1	0.778	[-Security links with-] US {+security links+} ‘at risk’ over Huawei {+5G+}" "$output"
	run tabloid-diff-versions -s "$V/coons-5-moved.txt" "$V/coons-6-headline.txt"
	same "old_doc	new_doc	similarity	added	removed	edited	moved	words_added	words_removed	headline
coons-5-moved	coons-6-headline	0.993	0	0	1	0	3	3	yes" "$output"
	run tabloid-diff-versions -s -N "$V/coons-1-original.txt" "$V/coons-2-correction.txt"
	same "coons-1-original	coons-2-correction	0.995	0	0	1	0	2	2	no" "$output"
	run tabloid-diff-versions -s -N "$V/coons-3-inserted.txt" "$V/coons-5-moved.txt"
	same "coons-3-inserted	coons-5-moved	0.939	0	2	0	2	0	52	no" "$output"
}

@test "output: header, similarity with three decimals, text as written" {
	run tabloid-diff-versions "$V/coons-2-correction.txt" "$V/coons-3-inserted.txt"
	same "old_doc	new_doc	op	old_sent	new_sent	similarity	text" "${lines[0]}"
	same "coons-2-correction	coons-3-inserted	+		11	0.000	A spokesman for the Department for Digital, Culture, Media and Sport said no final decision had been taken." "${lines[1]}"
	run tabloid-diff-versions -N -a "$V/coons-1-original.txt" "$V/coons-2-correction.txt"
	[ "${#lines[@]}" -eq 19 ]
	[ "$(printf '%s\n' "$output" | cut -f3 | sort | uniq -c | tr -s ' ' | paste -sd,)" = " 18 =, 1 ~" ]
	# the soft hyphen and the straight quote of the new version are printed as written
	printf '%s\n' "$output" | grep -q "congres$(printf '\302\255')sional resolution"
	printf '%s\n' "$output" | grep -q "tech giant's closeness"
}

@test "noise: whitespace, quotes, NBSP and soft hyphens are not changes" {
	printf 'Headline\n\nHe said “no” to the ‘deal’.  It was late.\n' >"$T/a.txt"
	printf 'Headline\n\nHe said "no"\302\240to the '"'"'deal'"'"'. It was\t late.\n' >"$T/b.txt"
	printf 'Head\302\255line\n\nHe said "no" to the deal. It was late.\n' >"$T/c.txt"
	run tabloid-diff-versions -N --exit-code "$T/a.txt" "$T/b.txt"
	[ "$status" -eq 0 ]
	[ -z "$output" ]
	run tabloid-diff-versions -N "$T/a.txt" "$T/c.txt"
	same "a	c	~	2	2	1.000	He said \"no\" to the [-‘deal’.-]{+deal.+}" "$output"
}

@test "-I: sentences matching a pattern are left out on both sides" {
	printf 'Title\n\nUpdated at 10:15 GMT. The vote is today.\n' >"$T/a.txt"
	printf 'Title\n\nUpdated at 12:40 GMT. The vote is today.\n' >"$T/b.txt"
	run tabloid-diff-versions -N "$T/a.txt" "$T/b.txt"
	same "a	b	~	2	2	0.600	Updated at [-10:15-]{+12:40+} GMT." "$output"
	run tabloid-diff-versions -N -I '^Updated at' --exit-code "$T/a.txt" "$T/b.txt"
	[ "$status" -eq 0 ]
	[ -z "$output" ]
	run tabloid-diff-versions -I '(' "$T/a.txt" "$T/b.txt"
	[ "$status" -eq 2 ]
	[[ "$output" == *"bad pattern"* ]]
}

@test "-t: the similarity threshold decides between an edit and a removal plus an addition" {
	printf 'One two three four.\n' >"$T/a.txt"
	printf 'One two three five.\n' >"$T/b.txt"
	same "~ 1 1" "$(ops "$T/a.txt" "$T/b.txt")"
	same "~ 1 1" "$(ops "$T/a.txt" "$T/b.txt" -t 0.6)"
	same "- 1 .;+ . 1" "$(ops "$T/a.txt" "$T/b.txt" -t 0.7 | paste -sd ';')"
	for bad in 2 -1 x ''; do
		run tabloid-diff-versions -t "$bad" "$T/a.txt" "$T/b.txt"
		[ "$status" -eq 2 ]
	done
}

@test "--exit-code: 1 for differences, 0 for none, 2 for trouble; 0 without it" {
	local n=0 bad=0 want opts a b st
	while read -r want opts a b; do
		[ "$opts" = - ] && opts=
		opts=${opts//,/ }
		st=0
		tabloid-diff-versions $opts "$V/$a" "$V/$b" >/dev/null 2>&1 || st=$?
		n=$((n + 1))
		[ "$st" -eq "$want" ] || { echo "$opts $a $b: $st, not $want"; bad=$((bad + 1)); }
	done <<'TABLE'
1 --exit-code coons-1-original.txt coons-2-correction.txt
0 --exit-code coons-1-original.txt coons-1-original.txt
1 --exit-code coons-4-deleted.txt coons-5-moved.txt
0 - coons-1-original.txt coons-2-correction.txt
1 --exit-code,-s coons-1-original.txt coons-2-correction.txt
2 --exit-code coons-1-original.txt no-such.txt
2 - no-such.txt coons-1-original.txt
TABLE
	table_done "$n" "$bad"
}

@test "tsv: split output gives the same rows as the articles" {
	tabloid-split "$V/coons-3-inserted.txt" >"$T/a.tsv"
	tabloid-split "$V/coons-5-moved.txt" >"$T/b.tsv"
	tabloid-diff-versions "$V/coons-3-inserted.txt" "$V/coons-5-moved.txt" >"$T/from-txt"
	tabloid-diff-versions "$T/a.tsv" "$T/b.tsv" >"$T/from-tsv"
	cmp "$T/from-txt" "$T/from-tsv"
	[ "$(wc -l <"$T/from-tsv")" -eq 5 ]
	# headerless split output with --tsv -N
	tabloid-split -N "$V/coons-3-inserted.txt" >"$T/a.nh"
	tabloid-split -N "$V/coons-5-moved.txt" >"$T/b.nh"
	tabloid-diff-versions -N --tsv "$T/a.nh" "$T/b.nh" >"$T/from-nh"
	[ "$(tail -n +2 "$T/from-tsv")" = "$(cat "$T/from-nh")" ]
	# paragraph rows have no sent column: rows are numbered in order
	tabloid-split -u para "$V/coons-3-inserted.txt" >"$T/a.para"
	tabloid-split -u para "$V/coons-4-deleted.txt" >"$T/b.para"
	same "- 14 ." "$(ops "$T/a.para" "$T/b.para")"
}

@test "cron: snapshots of many documents pair by doc id, added and removed documents" {
	mkdir "$T/old" "$T/new"
	cp "$V/coons-1-original.txt" "$T/old/coons.txt"
	cp "$V/coons-2-correction.txt" "$T/new/coons.txt"
	cp "$S/000_7a71359318611c7a.txt" "$T/old/"
	cp "$S/000_7a71359318611c7a.txt" "$T/new/"
	cp "$S/002_4fb658c976d88ccb.txt" "$T/old/"
	cp "$S/003_f79d13dae64d47e6.txt" "$T/new/"
	tabloid-split "$T/old"/*.txt >"$T/yesterday.tsv"
	tabloid-split "$T/new"/*.txt >"$T/today.tsv"
	run tabloid-diff-versions -s -N "$T/yesterday.tsv" "$T/today.tsv"
	[ "$status" -eq 0 ]
	same "000_7a71359318611c7a	000_7a71359318611c7a	1.000	0	0	0	0	0	0	no
	003_f79d13dae64d47e6	0.000	35	0	0	0	743	0	yes
coons	coons	0.995	0	0	1	0	2	2	no
002_4fb658c976d88ccb		0.000	0	19	0	0	0	417	yes" "$output"
	tabloid-diff-versions -N "$T/yesterday.tsv" "$T/today.tsv" >"$T/rows"
	[ "$(grep -c '^	003_f79d13dae64d47e6	+	' "$T/rows")" -eq 35 ]
	[ "$(grep -c '^002_4fb658c976d88ccb		-	' "$T/rows")" -eq 19 ]
	grep -q '^coons	coons	~	6	6	' "$T/rows"
}

@test "pairing: one document on each side is compared whatever its id" {
	tabloid-split --id x - <"$V/coons-1-original.txt" >"$T/x.tsv"
	tabloid-split --id y - <"$V/coons-2-correction.txt" >"$T/y.tsv"
	same "x y ~ 6 6" "$(tabloid-diff-versions -N "$T/x.tsv" "$T/y.tsv" | cut -f1-5 | tr '\t' ' ')"
	# from standard input
	same "- coons-2-correction ~ 6 6" "$(tabloid-diff-versions -N - "$V/coons-2-correction.txt" \
	    <"$V/coons-1-original.txt" | cut -f1-5 | tr '\t' ' ')"
}

@test "pretty: a diff for people, coloured on request, no colour by default off a terminal" {
	run tabloid-diff-versions -p "$V/coons-3-inserted.txt" "$V/coons-5-moved.txt"
	[ "$status" -eq 0 ]
	same "--- coons-3-inserted" "${lines[0]}"
	same "+++ coons-5-moved" "${lines[1]}"
	[[ "${lines[2]}" == ">   18   15  He added:"* ]]
	[[ "${lines[4]}" == "-   20       Yesterday the Metropolitan Police"* ]]
	[[ "$output" != *$'\033'* ]]
	run tabloid-diff-versions -p --color=always "$V/coons-5-moved.txt" "$V/coons-6-headline.txt"
	[[ "$output" == *$'\033[31m[-Security links with-]\033[m'* ]]
	[[ "$output" == *$'\033[32m{+security links+}\033[m'* ]]
	NO_COLOR=1 run tabloid-diff-versions -p --color=auto "$V/coons-5-moved.txt" "$V/coons-6-headline.txt"
	[[ "$output" != *$'\033'* ]]
	run tabloid-diff-versions -p -s "$V/coons-5-moved.txt" "$V/coons-6-headline.txt"
	same "coons-5-moved -> coons-6-headline: similarity 0.993, 0 added, 0 removed, 1 edited, 0 moved, 3 words added, 3 words removed, headline changed" "$output"
	run tabloid-diff-versions -p --color=sometimes "$V/coons-5-moved.txt" "$V/coons-6-headline.txt"
	[ "$status" -eq 2 ]
}

# stories DIR: versions and look-alikes of one wire story about a flood
stories() {
	local d=$1 w1 w2 w3 w4 rest h f
	mkdir -p "$d"
	w1="Flooding closed the Marlow Road bridge over the River Tesk on Tuesday after three days of heavy rain, the county council said."
	w2="Engineers found that water had washed away part of the stone pier that carries the eastern span, and the bridge will stay shut while they decide how to repair it."
	w3="About 14,000 vehicles cross the bridge on a typical weekday, and drivers face a diversion of eleven miles through Ashby and Kelford."
	w4="Council leader Joan Pryce told reporters that safety came first and that nobody would be allowed across until divers had inspected the foundations."
	rest="The Environment Agency issued severe flood warnings for four villages downstream, where residents were moved to a school hall overnight.
Rainfall at the Tesk gauge reached 92 millimetres in 48 hours, more than the usual total for the whole of October.
Bus operator Northline said its number 7 service would run every forty minutes instead of every twenty until the bridge reopens.
Shop owners in Marlow complained that the closure, coming weeks before Christmas, would keep shoppers away from the high street.
The bridge was built in 1887 and was last strengthened in 2009, when a weight limit of 18 tonnes was imposed.
A spokesman for the regional highways authority said a temporary footbridge could be in place within a fortnight if the pier is found to be stable.
Forecasters expect drier weather from Thursday, although another band of rain is due to cross the region at the weekend.
The council has opened a helpline for residents and businesses affected by the closure and says it will publish updates on its website every morning."
	printf '%s\n' "$w1" "$w2" "$w3" "$w4" "$rest" >"$d/wire.txt"
	# cut to its first three sentences, one word changed
	printf '%s\n' "$w1" "${w2/water/floodwater}" "$w3" >"$d/shrunk.txt"
	# an early item that grew into the wire story
	printf '%s\n' "Flooding closed the Marlow Road bridge over the River Tesk on Tuesday, the county council said." "$w2" "$w3" >"$d/item.txt"
	# a brief that shares only the first sentence
	printf '%s\n' "$w1" \
	    "In other business, the council approved a car park with 240 spaces at Kelford station, due to open next spring." \
	    "Councillors also voted to keep the weekly market in Ashby on Saturdays after traders objected to a move to Wednesdays." >"$d/brief.txt"
	# the same event in other words, by another outlet and another agency
	cat >"$d/outlet.txt" <<-'END'
	The River Tesk burst its banks this week, and the Victorian Marlow Road bridge has been shut to traffic.
	Joan Pryce, who leads the county council, said no car would cross until divers had examined what lies under the water.
	Some 14,000 vehicles normally use the crossing each weekday, so commuters now detour through Ashby and Kelford.
	A gauge upstream recorded 92 millimetres of rain in 48 hours, more than falls in an average October.
	Families from four villages spent the night in a school hall after the Environment Agency warned of severe flooding.
	Traders on Marlow high street fear the loss of Christmas custom if the bridge is not reopened soon.
	END
	cat >"$d/agency.txt" <<-'END'
	MARLOW, Oct 15 - A 137-year-old road bridge in the Tesk valley was closed on Tuesday after floodwater damaged one of its piers, local officials said.
	County council leader Joan Pryce said inspections by divers would decide when the Marlow Road bridge could reopen to its 14,000 daily vehicles.
	Northline, the local bus company, cut the frequency of its number 7 route while traffic is diverted.
	The Environment Agency said 92 millimetres of rain had fallen on the catchment in 48 hours.
	Regional highways officials said a temporary footbridge might be built within two weeks.
	END
	h="Tesk Valley Gazette: news for Marlow, Ashby and Kelford since 1921, every day of the year
Home | News | Sport | Business | Weather | Letters | Jobs | Property | Motors | Notices
Sign up to our free morning newsletter and never miss a story from your part of the valley"
	f="Support independent local journalism: become a Gazette member from three pounds a month.
Got a story? Email the newsroom at news@gazette.example or call 01234 567890 at any time.
Follow the Gazette on social media for breaking news, pictures and live updates from the valley.
Copyright 2024 Tesk Valley Newspapers Limited, registered in England and Wales, all rights reserved.
Read our privacy policy and cookie notice to learn how we use your personal data on this site.
Advertise with us and reach more than sixty thousand readers across the Tesk valley every week."
	printf '%s\n' "$h" "Kelford library will close early on Friday for staff training." "$f" >"$d/page-library.txt"
	printf '%s\n' "$h" "Kelford Primary School will get a new sports hall after governors raised the last 40,000 pounds of its cost." \
	    "Head teacher Ruth Calloway said pupils had spent three winters doing PE in the dining room between lunch sittings." \
	    "Parents ran quiz nights, sponsored walks and a summer fair, and a local builder offered materials at cost." \
	    "The hall will have a sprung floor, changing rooms and a small stage for school plays and concerts." \
	    "Work is due to start in March and the contractor expects to finish before the autumn term begins." \
	    "The building will also be open to community groups in the evenings and at weekends for a modest fee." \
	    "A youth football club and an amateur dramatics society have already asked to book regular slots." \
	    "Governors thanked the county sports trust, which gave a grant of 120,000 pounds towards the project last year." \
	    "Some neighbours had objected to the plans, saying that evening events would bring more cars to a narrow lane." \
	    "The planning committee approved the scheme on condition that the car park is closed by ten at night." \
	    "Calloway said the school would ask families to walk or cycle to events wherever they could." \
	    "Stallholders at Ashby market voted on Monday to move the weekly market from the square to the old cattle yard." \
	    "The square has been dug up for drainage works that the council says will take at least eighteen months." \
	    "Traders said the cattle yard offered more parking, shelter from the wind and room for twenty extra stalls." \
	    "Fishmonger Dev Okafor, who has sold at the market for thirty years, said customers would follow them anywhere." \
	    "The first market at the new site will be held on the second Saturday of next month, with a brass band playing." \
	    "The parish council will pay for signs directing visitors from the bus station and the main car parks." \
	    "A shuttle minibus will run from the square every fifteen minutes for older shoppers during the first six weeks." \
	    "Some cafe owners on the square worry that they will lose passing trade while the market is away." \
	    "The council has promised to review the arrangement after a year and to consult traders before any return." \
	    "Ashby has held a market every week since a royal charter granted the right in the thirteenth century." "$f" >"$d/page-news.txt"
}

@test "group: a story cut to its first third and an item that grew are versions by containment" {
	stories "$T/st"
	run tabloid-diff-versions -c -N "$T/st/shrunk.txt" "$T/st/wire.txt"
	[ "$status" -eq 0 ]
	same "shrunk	shrunk	0.254	0.979
wire	shrunk	0.254	0.979" "$output"
	run tabloid-diff-versions -c -N "$T/st/item.txt" "$T/st/wire.txt"
	same "item	item	0.236	1.000
wire	item	0.236	1.000" "$output"
	# -t alone (the containment threshold out of reach) does not join them
	run tabloid-diff-versions -c -N --containment 1 -t 0.3 "$T/st/shrunk.txt" "$T/st/wire.txt"
	same "" "$output"
}

@test "group: other stories on the event, a brief sharing a sentence, pages sharing boilerplate stay apart" {
	stories "$T/st"
	run tabloid-diff-versions -c -a -N "$T"/st/*.txt
	[ "$status" -eq 0 ]
	same "agency	agency		
brief	brief		
item	item	0.792	1.000
outlet	outlet		
page-library	page-library		
page-news	page-news		
shrunk	item	0.792	0.979
wire	item	0.254	1.000" "$output"
	# even a low containment threshold: the shared first sentence and the
	# shared header and footer are set aside, and what is left is not contained
	run tabloid-diff-versions -c -N -t 0.99 --containment 0.3 "$T/st/brief.txt" "$T/st/wire.txt" \
	    "$T/st/outlet.txt" "$T/st/agency.txt" "$T"/st/page-*.txt
	same "" "$output"
	run tabloid-diff-versions -c -N -t 0.2 "$T"/st/page-*.txt
	same "page-library	page-library	0.251	0.000
page-news	page-library	0.251	0.000" "$output"
}

@test "group: --clusters writes similarity and containment, as numbers in JSON Lines" {
	stories "$T/st"
	run tabloid-diff-versions -c --ojsonl "$T/st/shrunk.txt" "$T/st/wire.txt"
	same '{"doc":"shrunk","group":"shrunk","similarity":0.254,"containment":0.979}' "${lines[0]}"
}

@test "group: bad --containment values are usage errors" {
	for v in 1.5 -0.1 abc ''; do
		run tabloid-diff-versions -c --containment "$v" "$V"/*.txt
		[ "$status" -eq 2 ]
		[[ "$output" == *containment* ]]
	done
	run tabloid-diff-versions --containment 0.5 "$V/coons-1-original.txt" "$V/coons-2-correction.txt"
	[ "$status" -eq 2 ]
	[[ "$output" == *"--containment works only with -g"* ]]
}

@test "group: --clusters finds the versions among the samples, not the other articles" {
	run tabloid-diff-versions -c "$S"/*.txt "$V"/*.txt
	[ "$status" -eq 0 ]
	same "doc	group	similarity	containment
001_b53f680156d8d950	001_b53f680156d8d950	1.000	1.000
coons-1-original	001_b53f680156d8d950	1.000	1.000
coons-2-correction	001_b53f680156d8d950	0.984	0.995
coons-3-inserted	001_b53f680156d8d950	0.912	1.000
coons-4-deleted	001_b53f680156d8d950	0.978	1.000
coons-5-moved	001_b53f680156d8d950	0.978	0.984
coons-6-headline	001_b53f680156d8d950	0.967	0.972
coons-7-rewrite	001_b53f680156d8d950	0.302	0.839
coons-reworded	001_b53f680156d8d950	0.355	0.519" "$output"
	# the machine-reworded copy and the shortened rewrite are reported with
	# their similarity: a higher threshold leaves them out
	run tabloid-diff-versions -c -N -t 0.5 --containment 0.9 "$S"/*.txt "$V"/*.txt
	[[ "$output" != *coons-reworded* ]]
	[[ "$output" != *coons-7-rewrite* ]]
	[[ "$output" == *coons-6-headline* ]]
	# -a lists every document; those without versions have no similarity
	run tabloid-diff-versions -c -a -N "$S"/*.txt "$V"/*.txt
	[ "${#lines[@]}" -eq 13 ]
	same "000_7a71359318611c7a	000_7a71359318611c7a		" "${lines[0]}"
}

@test "group: the same clusters from split output on standard input" {
	tabloid-diff-versions -c "$S"/*.txt "$V"/*.txt >"$T/files"
	tabloid-split "$S"/*.txt "$V"/*.txt | tabloid-diff-versions -c >"$T/stdin"
	cmp "$T/files" "$T/stdin"
	run tabloid-diff-versions --group --exit-code -c "$S"/000*.txt "$S"/004*.txt
	[ "$status" -eq 0 ]
	[ "$output" = "doc	group	similarity	containment" ]
	run tabloid-diff-versions --group --exit-code -c "$V"/coons-1*.txt "$V"/coons-2*.txt
	[ "$status" -eq 1 ]
}

@test "group: versions found among 10,000 one-sentence documents, across chunk boundaries" {
	awk 'BEGIN { print "doc\ttext"; for (i = 0; i < 10000; i++) {
	    t = "Word" i " alpha" i " beta" i " gamma" i " delta" i " epsilon" i "."
	    print "d" i "\t" t
	    if (i % 2000 == 4095 % 2000) print "v" i "\t" t " Then one more."
	} print "e\tSame." ; print "f\tSame." ; print "g\t" }' >"$T/many.tsv"
	tabloid-diff-versions -g -c -N "$T/many.tsv" | cut -f 1,2 | paste -sd ' ' >"$T/out"
	same "d95	d95 v95	d95 d2095	d2095 v2095	d2095 d4095	d4095 v4095	d4095 d6095	d6095 v6095	d6095 d8095	d8095 v8095	d8095 e	e f	e" \
	    "$(cat "$T/out")"
	same "" "$(find "$TMPDIR" -name 'tabloid-*')"
}

@test "group: each version is diffed against the previous one, by date when there is one" {
	run tabloid-diff-versions -g -N "$V"/coons-[1-6]*.txt
	[ "$(printf '%s\n' "$output" | cut -f1-5 | tr '\t' ' ' | paste -sd ';')" = "coons-1-original coons-2-correction ~ 6 6;coons-2-correction coons-3-inserted +  11;coons-2-correction coons-3-inserted +  12;coons-3-inserted coons-4-deleted - 20 ;coons-3-inserted coons-4-deleted - 21 ;coons-4-deleted coons-5-moved > 18 15;coons-4-deleted coons-5-moved > 19 16;coons-5-moved coons-6-headline ~ 1 1" ]
	# a date column orders the versions: here the newer comes first in the input
	tabloid-split "$V"/coons-[12]*.txt | awk -F '\t' 'BEGIN { OFS = "\t" }
	    { d = NR == 1 ? "date" : $1 ~ /-1-/ ? "2021-04-19" : "2021-04-20"; $1 = $1 "\t" d; print }' >"$T/all"
	{ head -n 1 "$T/all"; grep '^coons-2' "$T/all"; grep '^coons-1' "$T/all"; } >"$T/dated.tsv"
	run tabloid-diff-versions -g -N "$T/dated.tsv"
	same "coons-1-original	coons-2-correction	~	6	6" "$(printf '%s\n' "$output" | cut -f1-5)"
	run tabloid-diff-versions -g -s -N "$V"/coons-[45]*.txt
	same "coons-4-deleted	coons-5-moved	1.000	0	0	0	2	0	0	no" "$output"
}

@test "-o writes atomically and leaves the file as it was on trouble" {
	run tabloid-diff-versions -o "$T/out.tsv" "$V/coons-1-original.txt" "$V/coons-2-correction.txt"
	[ "$status" -eq 0 ]
	[ -z "$output" ]
	[ "$(wc -l <"$T/out.tsv")" -eq 2 ]
	echo old >"$T/keep.tsv"
	run tabloid-diff-versions -o "$T/keep.tsv" "$V/coons-1-original.txt" "$T/no-such.txt"
	[ "$status" -eq 2 ]
	[ "$(cat "$T/keep.tsv")" = old ]
	[ "$(ls -A "$T" | grep -c '^\.tabloid')" -eq 0 ]
}

@test "usage: two operands, not one or three; standard input once" {
	run tabloid-diff-versions "$V/coons-1-original.txt"
	[ "$status" -eq 2 ]
	[[ "$output" == *"usage: tabloid-diff-versions"* ]]
	run tabloid-diff-versions a b c
	[ "$status" -eq 2 ]
	run tabloid-diff-versions - - </dev/null
	[ "$status" -eq 2 ]
	[[ "$output" == *"standard input"* ]]
	run tabloid-diff-versions -k 0 -g </dev/null
	[ "$status" -eq 2 ]
}

@test "hostile: CRLF and a BOM change nothing" {
	sed 's/$/\r/' "$V/coons-2-correction.txt" >"$T/crlf.txt"
	{ printf '\357\273\277'; cat "$V/coons-2-correction.txt"; } >"$T/bom.txt"
	same "~ 6 6" "$(ops "$V/coons-1-original.txt" "$T/crlf.txt")"
	same "~ 6 6" "$(ops "$V/coons-1-original.txt" "$T/bom.txt")"
	tabloid-split "$V/coons-1-original.txt" | sed 's/$/\r/' >"$T/crlf.tsv"
	same "~ 6 6" "$(ops "$T/crlf.tsv" "$T/bom.txt")"
	tabloid-diff-versions -N "$T/crlf.txt" "$T/bom.txt" | { ! grep -q $'\r'; }
}

@test "hostile: invalid UTF-8 is read as Windows-1252 or U+FFFD, NUL bytes pass through" {
	printf 'Head\n\nThe price is \377\376 high. It fell.\n' >"$T/a.txt"
	printf 'Head\n\nThe price is \377\376 very high. It fell.\n' >"$T/b.txt"
	run -0 --separate-stderr tabloid-diff-versions -N "$T/a.txt" "$T/b.txt"
	same "$(printf 'a\tb\t~\t2\t2\t0.833\tThe price is ÿþ {+very+} high.')" "$output"
	run -0 --separate-stderr tabloid-diff-versions -N --encoding=utf-8 "$T/a.txt" "$T/b.txt"
	same "$(printf 'a\tb\t~\t2\t2\t0.800\tThe price is \357\277\275\357\277\275 {+very+} high.')" "$output"
	printf 'Head\n\nA NUL \000 here. It fell.\n' >"$T/c.txt"
	printf 'Head\n\nA NUL \000 there. It fell.\n' >"$T/d.txt"
	tabloid-diff-versions -N "$T/c.txt" "$T/d.txt" >"$T/out"
	[ "$(tr -d '\000' <"$T/out" | cut -f3-5)" = "~	2	2" ]
	[ "$(tr -cd '\000' <"$T/out" | wc -c)" -eq 1 ]
}

@test "hostile: a 5 MB sentence, edited in the middle, and compared with itself" {
	awk 'BEGIN { for (i = 0; i < 900000; i++) printf "w%d ", i % 9973; print "end." }' >"$T/a.txt"
	sed 's/ w5000 w5001 / w5000 CHANGED w5001 /' "$T/a.txt" >"$T/b.txt"
	[ "$(wc -c <"$T/a.txt")" -gt 5000000 ]
	run tabloid-diff-versions -s -N "$T/a.txt" "$T/b.txt"
	[ "$status" -eq 0 ]
	same "a	b	1.000	0	0	1	0	1	0	yes" "$output"
	tabloid-diff-versions -N "$T/a.txt" "$T/b.txt" | grep -q ' w5000 {+CHANGED+} w5001 '
	run tabloid-diff-versions -N --exit-code "$T/a.txt" "$T/a.txt"
	[ "$status" -eq 0 ]
}

@test "hostile: an empty side, both sides empty, a document without sentences" {
	: >"$T/empty.txt"
	printf '\n  \n\n' >"$T/blank.txt"
	run tabloid-diff-versions -N "$T/empty.txt" "$V/coons-1-original.txt"
	[ "$status" -eq 0 ]
	[ "${#lines[@]}" -eq 19 ]
	[ "$(printf '%s\n' "$output" | cut -f1-3 | sort -u)" = "	coons-1-original	+" ]
	run tabloid-diff-versions -N "$V/coons-1-original.txt" "$T/empty.txt"
	[ "$(printf '%s\n' "$output" | cut -f1-3 | sort -u)" = "coons-1-original		-" ]
	run tabloid-diff-versions --exit-code "$T/empty.txt" "$T/empty.txt"
	[ "$status" -eq 0 ]
	[ "$output" = "old_doc	new_doc	op	old_sent	new_sent	similarity	text" ]
	run tabloid-diff-versions -s -N "$T/blank.txt" "$V/coons-1-original.txt"
	same "blank	coons-1-original	0.000	19	0	0	0	421	0	yes" "$output"
	run tabloid-diff-versions -s -N "$T/blank.txt" "$T/blank.txt"
	same "blank	blank	1.000	0	0	0	0	0	0	no" "$output"
	printf 'doc\ttext\n' >"$T/header-only.tsv"
	run tabloid-diff-versions -N "$T/header-only.tsv" "$T/header-only.tsv"
	[ "$status" -eq 0 ]
	[ -z "$output" ]
}

@test "hostile: 20,000 copies of one sentence, against themselves, one edit, other sentences" {
	yes 'The same sentence again.' | head -n 20000 | tr '\n' ' ' >"$T/rep.txt"
	awk '{ i = index(substr($0, 250001), "The same"); print substr($0, 1, 250000 + i - 1) \
	    "A different sentence here. " substr($0, 250000 + i) }' "$T/rep.txt" >"$T/one.txt"
	yes 'Completely unrelated words here.' | head -n 20000 | tr '\n' ' ' >"$T/other.txt"
	run --separate-stderr tabloid-diff-versions -N "$T/rep.txt" "$T/rep.txt"
	[ "$status" -eq 0 ]
	[ -z "$output" ]
	tabloid-diff-versions -N "$T/rep.txt" "$T/one.txt" >"$T/out"
	same "rep	one	+		10001	0.000	A different sentence here." "$(cat "$T/out")"
	tabloid-diff-versions -N "$T/rep.txt" "$T/other.txt" | cut -f 3 | sort | uniq -c |
	    awk '{ printf "%s %s;", $2, $1 }' >"$T/ops"
	same "+ 20000;- 20000;" "$(cat "$T/ops")"
	tabloid-diff-versions -N -s "$T/rep.txt" "$T/other.txt" >"$T/out"
	same "rep	other	0.000	20000	20000	0	0	80000	80000	yes" "$(cat "$T/out")"
}

@test "hostile: the same file on both sides has no differences" {
	for f in "$V"/*.txt "$S"/*.txt; do
		run tabloid-diff-versions -N --exit-code "$f" "$f"
		[ "$status" -eq 0 ]
		[ -z "$output" ]
	done
}

@test "hostile: a malformed row names the file and line, status 2" {
	printf 'doc\tsent\ttext\nd\t1\tOne.\nd\t2\n' >"$T/bad.tsv"
	run tabloid-diff-versions "$V/coons-1-original.txt" "$T/bad.tsv"
	[ "$status" -eq 2 ]
	same "tabloid-diff-versions: $T/bad.tsv: line 3: expected 3 fields, found 2" "$output"
	printf 'doc\ttext\nd\tOne.\nd\tTwo\tthree\n' | {
		run tabloid-diff-versions -c
		[ "$status" -eq 2 ]
		same "tabloid-diff-versions: standard input: line 3: expected 2 fields, found 3" "$output"
	}
	printf 'id\ttext\nd\tOne.\n' >"$T/nodoc.tsv"
	run tabloid-diff-versions --tsv "$T/nodoc.tsv" "$T/nodoc.tsv"
	[ "$status" -eq 2 ]
	[[ "$output" == *"no column 'doc'"* ]]
}

@test "hostile: write errors end with status 2" {
	run bash -c "tabloid-diff-versions '$V/coons-1-original.txt' '$V/coons-2-correction.txt' >/dev/full"
	[ "$status" -eq 2 ]
	[[ "$output" == *"write error"* ]]
	run bash -c "tabloid-diff-versions -c '$V'/*.txt >/dev/full"
	[ "$status" -eq 2 ]
}

@test "deterministic: the same bytes on every run, in the C and a UTF-8 locale" {
	tabloid-diff-versions -a "$V/coons-6-headline.txt" "$V/coons-reworded.txt" >"$T/1"
	LC_ALL=C tabloid-diff-versions -a "$V/coons-6-headline.txt" "$V/coons-reworded.txt" >"$T/2"
	LC_ALL=C.UTF-8 tabloid-diff-versions -g "$V"/*.txt "$S"/*.txt >"$T/3"
	tabloid-diff-versions -g "$V"/*.txt "$S"/*.txt >"$T/4"
	cmp "$T/1" "$T/2"
	cmp "$T/3" "$T/4"
	[ "$(wc -l <"$T/1")" -gt 20 ]
}

@test "-g: articles under a directory get their relative path as doc id" {
	mkdir -p "$T/gv/2024-01-01" "$T/gv/2024-01-02"
	cp "$S/versions/coons-1"*.txt "$T/gv/2024-01-01/story.txt"
	cp "$S/versions/coons-2"*.txt "$T/gv/2024-01-02/story.txt"
	cd "$T"
	run tabloid-diff-versions -g -s gv
	[ "$status" -eq 0 ]
	[ "${#lines[@]}" -eq 2 ]
	[[ "${lines[1]}" == "2024-01-01/story	2024-01-02/story	"* ]]
	run --separate-stderr tabloid-diff-versions -g -s --text --id-style name gv
	[ "$status" -eq 2 ]
	[ "$stderr" = "tabloid-diff-versions: gv/2024-01-01/story.txt and gv/2024-01-02/story.txt have the same doc id 'story' (see --id-style and --last-wins)" ]
	run tabloid-diff-versions -g -s --text --id-style name --last-wins gv
	[ "$status" -eq 0 ]
	[ "${#lines[@]}" -eq 1 ]
	run tabloid-diff-versions -g -s --id-style path gv
	[[ "${lines[1]}" == "gv/2024-01-01/story	gv/2024-01-02/story	"* ]]
}

@test "-k, --id-style and --last-wins without -g are usage errors" {
	for o in "-k 5" "--id-style name" "--last-wins"; do
		run --separate-stderr tabloid-diff-versions $o "$V/coons-1-original.txt" "$V/coons-1-original.txt"
		[ "$status" -eq 2 ]
		[[ "$stderr" == "tabloid-diff-versions: ${o%% *} works only with -g"* ]]
		[ -z "$output" ]
	done
}
