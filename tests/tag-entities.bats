#!/usr/bin/env bats
# tabloid-tag-entities: mentions, spans, canonical names, the output modes,
# gazetteers, memory, and hostile input.

load helpers

setup() {
	cd "$T"
	printf 'doc\ttext\n' >hdr.tsv
}

# tag TEXT: the ent_label, entity and mention columns of the mentions in TEXT.
tag() {
	printf 'doc\ttext\nd\t%s\n' "$1" | tabloid-split --tsv | tabloid-tag-entities | cut -f6-
}

# tag_cases CASE...: each CASE is TEXT|ROW; a row of tag TEXT must be ROW.
tag_cases() {
	local c out bad=0

	for c in "$@"; do
		out=$(tag "${c%%|*}")
		grep -qxF "${c#*|}" <<<"$out" || { echo "${c%%|*} -> $out"; bad=$((bad + 1)); }
	done
	table_done "$#" "$bad"
}

@test "mention rows: header, types, canonical names and original offsets" {
	run bash -c "tabloid-split '$S/000_7a71359318611c7a.txt' | tabloid-tag-entities"
	[ "$status" -eq 0 ]
	[ "${lines[0]}" = "doc	para	sent	ent_start	ent_end	ent_label	entity	mention" ]
	echo "$output" | grep -q '	GPE	United Kingdom	U.K.$'
	echo "$output" | grep -q '	ORG	Huawei	Huawei Technologies Co.$'
	echo "$output" | grep -q '	PERSON	Boris Johnson	Johnson$'
	echo "$output" | grep -q '	MONEY	22.6 billion pounds	22.6 billion pounds$'
}

@test "every mention's offsets give back its text in the original file" {
	for f in "$S"/*.txt; do
		tabloid-split "$f" | tabloid-tag-entities | tail -n +2 >m.tsv
		[ -s m.tsv ]
		while IFS='	' read -r doc para sent start end label entity text; do
			got=$(tail -c +$((start + 1)) "$f" | head -c $((end - start)) | tr -s ' \n\t' '   ')
			[ "$got" = "$text" ] || { echo "$f $start $end: '$got' != '$text'"; return 1; }
		done <m.tsv
	done
}

@test "span conventions: titles, possessives and the article stay outside" {
	cases=(
		'Senator Chris Coons said so.|PERSON	Chris Coons	Chris Coons'
		'It was Boris Johnson'\''s government.|PERSON	Boris Johnson	Boris Johnson'
		'He joined the Conservative Party in May.|ORG	Conservative Party	Conservative Party'
		'Diamond Shamrock Corp <DIA> said it lost money.|ORG	DIA	DIA'
		'Diamond Shamrock Corp said it lost money.|ORG	Diamond Shamrock Corp	Diamond Shamrock Corp'
		'Golden Nugget Inc agreed to the sale.|ORG	Golden Nugget Inc	Golden Nugget Inc'
		'Political Apple Inc. fights went on.|ORG	Apple	Apple Inc.'
		'The National Security Council (NSC) met. Later the NSC spoke.|ORG	National Security Council	NSC'
	)
	tag_cases "${cases[@]}"
}

@test "evidence of wire and web copy: surnames, short names, roles, prefixes, acronyms, credits" {
	cases=(
		'Halden Chief Executive Maria de la Cruz spoke. The deal is good, de la Cruz said.|PERSON	Maria de la Cruz	de la Cruz'
		'Judge Amara Okafor-Bell ruled on Monday. Okafor-Bell wrote that it was wrong.|PERSON	Amara Okafor-Bell	Okafor-Bell'
		'Now it is up to Bonn, von der Heydt said.|PERSON	von der Heydt	von der Heydt'
		'Keystone Freight Corp said it offered 24 dlrs a share. Keystone said it held 8 pct.|ORG	Keystone Freight Corp	Keystone'
		'OPEC producer Ecuador has suspended exports.|GPE	Ecuador	Ecuador'
		'It ordered turboprops from turboprop maker ATR.|ORG	ATR	ATR'
		'The festival was near Port Augusta.|GPE	Port Augusta	Port Augusta'
		'Tankers loaded at Ras Tanura.|LOC	Ras Tanura	Ras Tanura'
		'Barges reached the Illinois River.|LOC	Illinois River	Illinois River'
		'The state-run Kuwait News Agency KUNA reported it.|ORG	Kuwait News Agency	KUNA'
		'It needs approval by the Federal Maritime Commission, or FMC, first.|ORG	Federal Maritime Commission	FMC'
		'Tokyo Electric Power Co (TEPCO) began the release.|ORG	Tokyo Electric Power Co	TEPCO'
		'Late Header Sinks Shots By Tom Ashworth-Lee, Sports Reporter|PERSON	Tom Ashworth-Lee	Tom Ashworth-Lee'
		'Glaciers melt. Photograph: Lukas Brenner/AFP|PERSON	Lukas Brenner	Lukas Brenner'
		'Glaciers melt. Photograph: Lukas Brenner/AFP|ORG	AFP	AFP'
		'Rain hit North Staffordshire.|LOC	North Staffordshire	North Staffordshire'
		'The West German mark rose.|NORP	West German	West German'
		'Buses between Hensby and Pickering will be cut.|GPE	Pickering	Pickering'
		'The fund took a stake in Holvane last year.|ORG	Holvane	Holvane'
		'Quorvia, a unit of Brackmoor, was sold.|ORG	Brackmoor	Brackmoor'
		'NEW ORLEANS (ANS) - Dockworkers walked off the job.|ORG	ANS	ANS'
		'"It is a problem," said R.J. Whitcombe, an analyst at Peel Hunt.|ORG	Peel Hunt	Peel Hunt'
		'"It is a problem," said R.J. Whitcombe, an analyst at Peel Hunt.|PERSON	R.J. Whitcombe	R.J. Whitcombe'
		'The Dominion Marine Association met.|ORG	Dominion Marine Association	Dominion Marine Association'
		'The firm hired Morgan, Hale and Co Inc. to advise it.|ORG	Morgan, Hale and Co Inc.	Morgan, Hale and Co Inc.'
		'Bank of Japan Governor Satoshi Sumita spoke.|ORG	Bank of Japan	Bank of Japan'
		'Bank of Japan Governor Satoshi Sumita spoke.|PERSON	Satoshi Sumita	Satoshi Sumita'
		'The Soviet Union bought grain.|GPE	Soviet Union	Soviet Union'
		'The mine at Hope Creek will open.|LOC	Hope Creek	Hope Creek'
		'Her husband Gary ran to the cliff.|PERSON	Gary	Gary'
		'Officials say David Goodman won.|PERSON	David Goodman	David Goodman'
	)
	tag_cases "${cases[@]}"
}

@test "evidence that makes no name: -led, a month after \"in\", \"By\" before a date" {
	out=$(tag 'The Tory-led council met in January. By Friday, the deal was done in Parliament. Users wrote in ChatGPT.')
	! grep -q '^PERSON' <<<"$out"
	! grep -q '^GPE' <<<"$out"
	grep -qxF 'DATE	January	January' <<<"$out"
}

@test "lower-cased copy: company names before a suffix, long forms of acronyms, the us, surnames" {
	out=$(tag 'pilots at skylark regional airways plc will strike later this month, the union said on monday. the us economy grew as the civil aviation authority (caa) said passengers were owed a refund. lithium manufacturer sqm signed the deal, and the group told us so, according to ximena del río and aiko lee-makiyama of the commerce dept.')
	grep -qxF 'ORG	skylark regional airways plc	skylark regional airways plc' <<<"$out"
	grep -qxF 'ORG	civil aviation authority	caa' <<<"$out"
	grep -qxF 'ORG	sqm	sqm' <<<"$out"
	grep -qxF 'ORG	commerce dept.	commerce dept.' <<<"$out"
	grep -qxF 'PERSON	ximena del río	ximena del río' <<<"$out"
	grep -qxF 'PERSON	aiko lee-makiyama	aiko lee-makiyama' <<<"$out"
	[ "$(grep -c '^GPE	United States	us$' <<<"$out")" -eq 1 ]
}

@test "ALL-CAPS headline: a word before a company suffix is part of the name" {
	printf 'doc\ttext\nd\tMONONGAHELA STEEL CORP POSTS 4TH QTR LOSS\nd\tShares of Monongahela rose as steel prices fell.\n' >caps.tsv
	run tabloid-tag-entities caps.tsv
	[ "$status" -eq 0 ]
	[ "$(echo "$output" | cut -f4,6 | sed -n 2p)" = "ORG	MONONGAHELA STEEL CORP" ]
}

@test "one sense per document: a surname after the full name is the same person" {
	out=$(tag 'Chris Coons spoke on Monday. Later Coons said he agreed.')
	grep -qxF 'PERSON	Chris Coons	Coons' <<<"$out"
}

@test "--types selects types, case-insensitively; an unknown type is a usage error" {
	run bash -c "tabloid-split '$S/000_7a71359318611c7a.txt' | tabloid-tag-entities -t person,GPE | tail -n +2 | cut -f6 | sort -u"
	[ "$output" = "GPE
PERSON" ]
	run tabloid-tag-entities -t PERSON,BOGUS hdr.tsv
	[ "$status" -eq 2 ]
	[[ "$output" == *BOGUS* ]]
}

@test "-N reads and writes no header; -f picks the text column by name or number" {
	printf 'd1\tBoris Johnson met Emmanuel Macron in Paris.\nd2\tAngela Merkel spoke.\n' >nohdr.tsv
	run tabloid-tag-entities -N nohdr.tsv
	[ "$status" -eq 0 ]
	[ "${lines[0]}" = "d1	0	13	PERSON	Boris Johnson	Boris Johnson" ]
	[ "${lines[3]}" = "d2	0	13	PERSON	Angela Merkel	Angela Merkel" ]
	[ "${#lines[@]}" -eq 4 ]
	printf 'id\tbody\tnote\nd1\tParis is far from Lyon.\tBerlin\n' >cols.tsv
	for f in body 2; do
		run tabloid-tag-entities -f "$f" cols.tsv
		[ "$status" -eq 0 ]
		[ "${lines[0]}" = "id	note	ent_start	ent_end	ent_label	entity	mention" ]
		[ "${lines[1]}" = "d1	Berlin	0	5	GPE	Paris	Paris" ]
		[ "${#lines[@]}" -eq 3 ]
	done
	for f in nosuch 0 4 -1 1,2 1-2 ''; do
		run --separate-stderr tabloid-tag-entities -f "$f" cols.tsv
		[ "$status" -eq 2 ]
		[[ "$stderr" == "tabloid-tag-entities: cols.tsv: "*"'$f'"* ]]
		[ -z "$output" ]
	done
}

@test "a document that ends with a month name, in every mode" {
	printf 'doc\ttext\nd1\tIt was June\nd2\tBy May\n' >month.tsv
	for mode in "" --bio --inline; do
		for th in 1 2; do
			run --separate-stderr tabloid-tag-entities $mode --threads $th month.tsv
			[ "$status" -eq 0 ]
			[ -z "$stderr" ]
		done
	done
	run tabloid-tag-entities month.tsv
	[ "${lines[1]}" = "d1	7	11	DATE	June	June" ]
}

@test "--bio: one row per token, B- starts every mention, I- never follows O" {
	tabloid-split "$S/001_b53f680156d8d950.txt" >s.tsv
	tabloid-tag-entities --bio s.tsv >bio.tsv
	[ "$(head -n 1 bio.tsv)" = "doc	para	sent	tok	tok_start	tok_end	token	tag" ]
	awk -F '\t' 'NR > 1 && $8 ~ /^I-/ && prev == "O" { bad = 1 } NR > 1 { prev = $8 } END { exit bad }' bio.tsv
	tabloid-tag-entities s.tsv | awk -F '\t' 'NR > 1 { print $4 "\t" $6 }' | sort >m
	awk -F '\t' 'NR > 1 && $8 ~ /^B-/ { print $5 "\t" substr($8, 3) }' bio.tsv | sort >b
	same "$(cat m)" "$(cat b)"
}

@test "token rows give the same mentions as sentence rows" {
	tabloid-split "$S"/*.txt >s.tsv
	tabloid-tag-entities s.tsv | cut -f1,4-7 >a
	tabloid-tokenize s.tsv | tabloid-tag-entities | cut -f1,4-7 >b
	same "$(cat a)" "$(cat b)"
	tabloid-tokenize s.tsv >t.tsv
	[ "$(tabloid-tag-entities --bio t.tsv | wc -l)" -eq "$(wc -l <t.tsv)" ]
}

@test "--inline marks mentions; without the marks the text is unchanged" {
	tabloid-split "$S/002_4fb658c976d88ccb.txt" >s.tsv
	tabloid-tag-entities --inline s.tsv >i.tsv
	[ "$(head -n 1 i.tsv)" = "doc	para	sent	text" ]
	grep -q '\[PERSON [A-Z]' i.tsv
	sed -E 's/\[(PERSON|ORG|GPE|LOC|NORP|DATE|TIME|MONEY|PERCENT) ([^]]*)\]/\2/g' i.tsv | cut -f4 >a
	cut -f7 s.tsv >b
	same "$(cat b)" "$(cat a)"
}

@test "-g adds names that win over the built-in ones; a malformed line names file and line" {
	printf '# ours\nZorblax Widgets\tORG\nHuawei\tPERSON\tMr Huawei\n' >g.tsv
	out=$(printf 'doc\ttext\nd\tZorblax Widgets hired staff from Huawei.\n' | tabloid-split --tsv |
	    tabloid-tag-entities -g g.tsv | cut -f6-)
	grep -qxF 'ORG	Zorblax Widgets	Zorblax Widgets' <<<"$out"
	grep -qxF 'PERSON	Mr Huawei	Huawei' <<<"$out"
	for c in 'Acme|expected NAME TAB TYPE' 'Acme\tBOGUS|unknown type' \
	    'Acme\tORG\tx\ty|more than three' '\tORG|expected NAME TAB TYPE' \
	    'Acme  Co\tORG|stray spaces' 'Acme\tORG\t x|entity is empty'; do
		printf "# c\n${c%%|*}\n" >bad.tsv
		run tabloid-tag-entities -g bad.tsv hdr.tsv
		[ "$status" -eq 2 ]
		[[ "$output" == *"bad.tsv: line 2: malformed gazetteer entry: "*"${c#*|}"* ]]
	done
}

@test "names learnt from a cased document reach a lower-cased one through --memory only" {
	printf 'Zanele Okonkwo of Quillfeather Analytics Ltd said prices rose.\n' >a.txt
	printf 'quillfeather analytics ltd said the market was weak and the plans were set to change over the year as the firm has said in the past and will say again to the buyers and sellers in the region.\n' >b.txt
	# within a run, b's mentions are those it has alone
	tabloid-split a.txt b.txt | tabloid-tag-entities >out.tsv
	same "$(tabloid-split b.txt | tabloid-tag-entities | tail -n +2)" "$(grep '^b	' out.tsv)"
	! grep -q '^b	.*	Quillfeather Analytics Ltd	' out.tsv
	# a later run reads what an earlier one learnt
	tabloid-split a.txt | tabloid-tag-entities --memory mem.tsv >/dev/null
	grep -q '^Quillfeather Analytics Ltd	ORG' mem.tsv
	tabloid-split b.txt | tabloid-tag-entities --memory mem.tsv |
	    grep -q '^b	.*	ORG	Quillfeather Analytics Ltd	quillfeather analytics ltd$'
}

@test "batching: per-document runs, one run and parallel --pipe --group-by doc give the same rows" {
	command -v parallel >/dev/null || skip "GNU parallel is not installed"
	printf 'Brackwater Holdings Inc. buys a rival\n\nQuentin Marlowe said on Monday that Brackwater Holdings Inc. would buy Teller Freight Corp. for 40 million dollars. Marlowe said the deal would close in May.\n' >a.txt
	printf 'brackwater holdings to buy teller freight\n\nquentin marlowe told staff on tuesday that brackwater holdings would buy teller freight. he said the purchase of teller freight made sense for brackwater and for the staff of both firms, who were told of the plan in a letter sent to their homes over the weekend by the two firms.\n' >b.txt
	cp "$TABLOID_SRCDIR"/tests/gold/split/*.txt "$S"/*.txt .
	ls ./*.txt >files
	tabloid-split $(cat files) >all.tsv
	tabloid-tag-entities all.tsv | tail -n +2 >one
	[ "$(wc -l <one)" -gt 3000 ]
	grep -q '^b	2	2	43	58	PERSON	quentin marlowe	quentin marlowe$' one
	while read -r f; do tabloid-split "$f" | tabloid-tag-entities | tail -n +2; done <files >each
	cmp one each
	tabloid-tag-entities --threads 1 all.tsv | tail -n +2 | cmp one -
	for bs in 10k 60k; do
		parallel --pipe --header : --group-by doc --block $bs -k tabloid-tag-entities <all.tsv |
		    grep -v '^doc	para	sent	ent_start	' >par
		cmp one par
	done
}

@test "memory: concurrent runs sharing a --memory file keep every name each learnt" {
	local i
	cp "$TABLOID_SRCDIR"/tests/gold/split/*.txt .
	ls ./*.txt | split -n r/4 - part.
	for i in a b c d; do
		tabloid-split $(cat part.a$i) >in.$i
		tabloid-tag-entities --memory alone.$i in.$i >/dev/null
	done
	for i in a b c d; do
		tabloid-tag-entities --memory shared in.$i >/dev/null &
	done
	wait
	grep -hv "^#" alone.? | sort -u >want
	[ "$(wc -l <want)" -gt 100 ]
	grep -v "^#" shared | sort >got
	cmp want got
}

@test "a document whose rows come back later stops the run; --partial-docs tags each run apart" {
	printf 'doc\ttext\na\tBoris Johnson spoke.\nb\tNothing here.\na\tJohnson agreed.\n' >in.tsv
	tabloid-split --tsv in.tsv >rows.tsv
	run -2 tabloid-tag-entities rows.tsv
	same "tabloid-tag-entities: rows.tsv: line 4: document 'a' comes back after other documents; keep each document's rows together, as parallel --pipe --header : --colsep '\t' --group-by doc does, or give --partial-docs" "$output"
	run -2 tabloid-tag-entities -o out.tsv rows.tsv
	[ ! -e out.tsv ]
	run -0 --separate-stderr tabloid-tag-entities --partial-docs rows.tsv
	[[ "$stderr" == *"line 4: document 'a' comes back after other documents; each run of its rows is taken as a document" ]]
	[ "$(echo "$output" | grep -c '	PERSON	Boris Johnson	')" -eq 1 ]
}

@test "a document cut by a block boundary (its first row past sentence 1) stops the run" {
	printf 'One. Two. Three. Boris Johnson spoke. Johnson left.\n' >a.txt
	tabloid-split a.txt >rows.tsv
	{ head -n 1 rows.tsv; sed -n '4,$p' rows.tsv; } >cut.tsv
	run -2 tabloid-tag-entities cut.tsv
	[[ "$output" == *"cut.tsv: line 2: document 'a' starts at sentence 3, so its first rows are not in this input; keep each document's rows together"* ]]
	tabloid-tokenize cut.tsv >toks.tsv
	run -2 tabloid-tag-entities toks.tsv
	[[ "$output" == *"document 'a' starts at sentence 3"* ]]
	run -0 tabloid-tag-entities --partial-docs cut.tsv
	tabloid-split -u para a.txt | tabloid-tag-entities >/dev/null
}

@test "hostile input: empty, header only, CRLF, BOM, invalid UTF-8, NUL, a 5 MB sentence" {
	run tabloid-tag-entities </dev/null
	[ "$status" -eq 0 ] && [ -z "$output" ]
	run tabloid-tag-entities hdr.tsv
	[ "$status" -eq 0 ]
	printf '\xef\xbb\xbfdoc\ttext\r\nd\tBoris Johnson met \xff\xfe Emmanuel Macron.\r\n' >crlf.tsv
	run bash -c "tabloid-split --tsv crlf.tsv | tabloid-tag-entities | cut -f7"
	[ "$status" -eq 0 ]
	[[ "$output" == *"Boris Johnson"* ]] && [[ "$output" == *"Emmanuel Macron"* ]]
	printf 'doc\ttext\nd\tBoris Johnson \0 met Emmanuel Macron.\n' >nul.tsv
	run bash -c "tabloid-split --tsv nul.tsv | tabloid-tag-entities | cut -f7"
	[ "$status" -eq 0 ]
	[[ "$output" == *"Emmanuel Macron"* ]]
	{ printf 'doc\ttext\nd\tBoris Johnson '; head -c 5000000 /dev/zero | tr '\0' 'a'; printf ' Paris.\n'; } >big.tsv
	run bash -c "tabloid-split --tsv big.tsv | tabloid-tag-entities | cut -f7"
	[ "$status" -eq 0 ]
	[[ "$output" == *"Boris Johnson"* ]] && [[ "$output" == *"Paris"* ]]
}

@test "hostile input: 5 MB sentences of capitalised words joined by 'and' and 'and the' finish" {
	for sep in ' and ' ' and the ' ' '; do
		awk -v sep="$sep" 'BEGIN {
			split("Alpha Bravo Charlie Delta Echo Foxtrot Golf Hotel India Juliet Kilo Lima Mike November Oscar Papa", w, " ")
			printf "doc\ttext\nd\tBoris Johnson named Alpha"
			for (n = 0; n < 5000000; n += length(w[i]) + length(sep)) {
				i = (n * 7 + int(n / 13)) % 16 + 1
				printf "%s%s", sep, w[i]
			}
			printf ".\n"
		}' >names.tsv
		run timeout 300 tabloid-tag-entities names.tsv
		[ "$status" -eq 0 ]
		[[ "${lines[1]}" == *"	PERSON	Boris Johnson	Boris Johnson" ]]
	done
}

@test "malformed rows and columns are errors naming the file and line" {
	printf 'doc\tpara\tsent\tstart\tend\tfold\ttext\nd\t1\t1\t0\t5\t\tHello\nd\t1\n' >short.tsv
	run tabloid-tag-entities short.tsv
	[ "$status" -eq 2 ]
	[[ "$output" == *"short.tsv: line 3"* ]]
	printf 'doc\tpara\tsent\tstart\tend\tfold\ttext\nd\t1\t1\tx\t5\t\tHello\n' >off.tsv
	run tabloid-tag-entities off.tsv
	[ "$status" -eq 2 ]
	[[ "$output" == *"off.tsv: line 2"* ]]
	printf 'doc\tpara\tsent\tstart\tend\tfold\ttext\nd\t1\t1\t0\t5\tjunk\tHello\n' >fold.tsv
	run tabloid-tag-entities fold.tsv
	[ "$status" -eq 2 ]
	[[ "$output" == *"fold"* ]]
	printf 'doc\tpara\tsent\ttok\ttok_start\ttok_end\ttok_kind\ttoken\nd\t1\t1\t1\t0\t5\tword\tHello\nd\t1\t1\t2\t6\t11\tbogus\tworld\n' >type.tsv
	run tabloid-tag-entities type.tsv
	[ "$status" -eq 2 ]
	[[ "$output" == *"type.tsv: line 3: 'bogus' is not a token kind"* ]]
}

@test "-o replaces its file only on success; output is deterministic; repeated headers dropped" {
	tabloid-split "$S"/*.txt >s.tsv
	echo old >out.tsv
	printf 'doc\ttext\nonly-one-field\n' >bad.tsv
	run tabloid-tag-entities -o out.tsv bad.tsv
	[ "$status" -eq 2 ]
	[ "$(cat out.tsv)" = old ]
	tabloid-tag-entities -o out.tsv s.tsv
	tabloid-tag-entities s.tsv >again.tsv
	cmp out.tsv again.tsv
	{ cat s.tsv; tail -n +2 s.tsv; } | tabloid-tag-entities --partial-docs >x 2>/dev/null
	{ cat s.tsv; cat s.tsv; } | tabloid-tag-entities --partial-docs 2>/dev/null | grep -c '^doc	' |
	    grep -qx 1
}

@test "--threads 1 and 2 give the same bytes in every mode; other counts are usage errors" {
	tabloid-split "$S"/*.txt >sent.tsv
	tabloid-tokenize sent.tsv >tok.tsv
	for mode in '' --bio --inline; do
		for in in sent.tsv tok.tsv; do
			tabloid-tag-entities --threads 1 $mode "$in" >one.tsv
			tabloid-tag-entities --threads 2 $mode "$in" >two.tsv
			[ "$(wc -l <one.tsv)" -gt 100 ]
			cmp one.tsv two.tsv
		done
	done
	for n in 0 3 x ''; do
		run tabloid-tag-entities --threads "$n" sent.tsv
		[ "$status" -eq 2 ]
		[[ "$output" == *"--threads"* ]]
	done
}

@test "a plain article given where TSV belongs is an error naming the file" {
	printf 'Boris Johnson visits Paris\n\nLONDON - The prime minister left.\n' >article.txt
	run --separate-stderr tabloid-tag-entities article.txt
	[ "$status" -eq 2 ]
	[ "$stderr" = "tabloid-tag-entities: article.txt: line 1: not TSV: the header has no TAB and no column 'text' (plain articles go through tabloid-split first)" ]
	[ -z "$output" ]
	printf 'text\nBoris Johnson visits Paris.\n' | tabloid-tag-entities >out
	[ "$(wc -l <out)" -eq 3 ]
}
