#!/usr/bin/env bats
# -O DIR of tabloid-split, tabloid-tokenize and tabloid-tag-entities: one
# file per document from a single run, equal to a run per document, and
# put in place only when the whole run succeeds.  Everything is written
# under $BATS_TEST_TMPDIR.

bats_require_minimum_version 1.5.0
load helpers

setup() {
	cd "$T"
}

# listing DIR: every path under DIR, with the mtime, size and checksum of
# each file, so that any change to what DIR holds shows.
listing() {
	find "$1" -printf '%P %y\n' | sort
	find "$1" -type f -printf '%P %T@ %s\n' | sort
	find "$1" -type f -exec sha256sum {} + | sort
}

# no_temporaries DIR: fail naming any temporary file left under DIR.
no_temporaries() {
	local left
	left=$(find "$1" -name '.tabloid.*')
	[ -z "$left" ] || { echo "left behind: $left"; return 1; }
}

# joined DIR ID...: the files DIR/ID.tsv, in turn, with the header line of
# all but the first left out.
joined() {
	local dir=$1 first=1 id
	shift
	for id in "$@"; do
		if [ $first = 1 ]; then cat "$dir/$id.tsv"; else tail -n +2 "$dir/$id.tsv"; fi
		first=0
	done
}

# ids: the doc ids of the samples, in the order of samples/*.txt.
ids() {
	local f
	for f in "$S"/*.txt; do
		f=${f##*/}
		echo "${f%.txt}"
	done
}

# A TSV table of three small documents, the second with a nested id.
three_docs() {
	rows 'doc\ttext' 'alpha\tThe Prime Minister met Boris Johnson in London. He left.' \
	    'news/2024/beta\tHuawei said on Monday that it would appeal.' \
	    'gamma\tNothing here.'
}

@test "split -O: each file is what a run over that article alone writes, the concatenation the single stream" {
	tabloid-split -O out "$S"/*.txt
	n=0
	for id in $(ids); do
		tabloid-split "$S/$id.txt" | cmp - "out/$id.tsv"
		n=$((n + 1))
	done
	[ "$n" -eq 5 ]
	[ "$(find out -type f | wc -l)" -eq 5 ]
	tabloid-split "$S"/*.txt >all.tsv
	joined out $(ids) | cmp - all.tsv
	tabloid-split -N --output-dir outn -u para "$S"/*.txt
	for id in $(ids); do
		tabloid-split -N -u para "$S/$id.txt" | cmp - "outn/$id.tsv"
	done
	no_temporaries out
}

@test "tokenize and tag-entities -O: each document's file equals a run over that document alone" {
	tabloid-split "$S"/*.txt >all.tsv
	tabloid-tokenize -O tok all.tsv
	tabloid-tokenize --join --lower -O join all.tsv
	tabloid-tag-entities -O ent all.tsv
	tabloid-tag-entities --threads 1 --bio -O bio all.tsv
	tabloid-tag-entities --inline -O inl all.tsv
	tabloid-tokenize all.tsv | tabloid-tag-entities --bio -O tokbio
	for id in $(ids); do
		tabloid-split "$S/$id.txt" >one.tsv
		tabloid-tokenize one.tsv | cmp - "tok/$id.tsv"
		tabloid-tokenize --join --lower one.tsv | cmp - "join/$id.tsv"
		tabloid-tag-entities one.tsv | cmp - "ent/$id.tsv"
		tabloid-tag-entities --bio one.tsv | cmp - "bio/$id.tsv"
		tabloid-tag-entities --inline one.tsv | cmp - "inl/$id.tsv"
		tabloid-tokenize one.tsv | tabloid-tag-entities --bio | cmp - "tokbio/$id.tsv"
	done
	tabloid-tokenize all.tsv | cmp - <(joined tok $(ids))
	tabloid-tag-entities all.tsv | cmp - <(joined ent $(ids))
	[ "$(wc -l <ent/000_7a71359318611c7a.tsv)" -gt 10 ]
}

@test "-O: ids with '/' make subdirectories; DIR is made as mkdir -p does" {
	mkdir -p in/2024/01 in/2024/02
	cp "$S"/000_*.txt in/2024/01/story.txt
	cp "$S"/001_*.txt in/2024/02/story.txt
	tabloid-split -O a/b/c in
	[ "$(cd a/b/c && find . -type f | sort)" = "$(printf './2024/01/story.tsv\n./2024/02/story.tsv')" ]
	tabloid-split "$S"/001_*.txt | sed 's/^001_b53f680156d8d950/2024\/02\/story/' |
	    cmp - a/b/c/2024/02/story.tsv
	three_docs | tabloid-split --tsv -O t
	[ -f t/news/2024/beta.tsv ]
	three_docs | tabloid-split --tsv | tabloid-tag-entities -O e
	[ -f e/news/2024/beta.tsv ] && [ -f e/alpha.tsv ] && [ -f e/gamma.tsv ]
	grep -q 'Boris Johnson' e/alpha.tsv
	: | tabloid-split --tsv -O empty
	[ -d empty ] && [ -z "$(ls -A empty)" ]
}

@test "-O: hostile doc ids are refused with status 2, naming the line, and nothing is written" {
	long=$(printf 'a%.0s' $(seq 256))
	mkdir keep && echo old >keep/alpha.tsv && touch -d 2001-01-01 keep/alpha.tsv
	before=$(listing keep)
	n=0 bad=0
	while IFS='|' read -r id want; do
		n=$((n + 1))
		for prog in split tokenize tag-entities; do
			for dir in new keep; do
				if [ $prog = split ]; then
					set -- tabloid-split --tsv -O $dir
				else
					set -- tabloid-$prog -O $dir
				fi
				printf 'doc\ttext\nalpha\tA first text.\n%b\tA second text.\n' "$id" |
				    "$@" 2>err && st=0 || st=$?
				if [ $st -ne 2 ] || ! grep -qF "tabloid-$prog: standard input: line 3: " err ||
				    ! grep -qF "$want" err || [ "$(wc -l <err)" -ne 1 ] ||
				    [ -e new ] || [ "$(listing keep)" != "$before" ]; then
					echo "$prog -O $dir, id '$id': status $st: $(cat err)"
					bad=$((bad + 1))
					rm -rf new
				fi
			done
		done
	done <<EOF
|empty document id
/tmp/x|document id '/tmp/x' is an absolute path
../x|document id '../x' has a '..' path component
a/../../x|document id 'a/../../x' has a '..' path component
..|document id '..' has a '..' path component
./a|document id './a' has a '.' path component
a/.|document id 'a/.' has a '.' path component
a//b|document id 'a//b' has an empty path component
a/|document id 'a/' has an empty path component
a\\\\tb|document id holds the control character 0x09
a\\\\nb|document id holds the control character 0x0a
a\001b|document id holds the control character 0x01
a\177|document id holds the control character 0x7f
$long|has a path component longer than NAME_MAX bytes
x/${long:0:252}|has a path component longer than NAME_MAX bytes
$long/x|has a path component longer than NAME_MAX bytes
EOF
	table_done "$n" "$bad"
	printf 'doc\ttext\n%s\tA text.\n' "x/${long:0:251}" | tabloid-split --tsv -O fits
	[ -f "fits/x/${long:0:251}.tsv" ]
}

@test "-O: a file operand's id is refused naming the file" {
	mkdir d
	echo 'Some text.' >d/.x.txt
	echo 'Some text.' >'d/a'$'\001''b.txt'
	run tabloid-split -O out 'd/a'$'\001''b.txt'
	[ "$status" -eq 2 ]
	[[ "$output" == "tabloid-split: d/a"$'\001'"b.txt: document id holds the control character 0x01" ]]
	[ ! -e out ]
	run tabloid-split --id ../up -O out <d/.x.txt
	[ "$status" -eq 2 ]
	[ "$output" = "tabloid-split: standard input: document id '../up' has a '..' path component" ]
	[ ! -e out ] && [ ! -e up.tsv ]
}

@test "-O: a document that comes back later is an error naming both places" {
	printf 'doc\ttext\na\tOne.\nb\tTwo.\n' >1.tsv
	printf 'doc\ttext\nc\tThree.\na\tFour.\n' >2.tsv
	run tabloid-split --tsv -O out 1.tsv 2.tsv
	[ "$status" -eq 2 ]
	[ "$output" = "tabloid-split: 2.tsv: line 3: document 'a' already started at 1.tsv: line 2; it would overwrite its file" ]
	[ ! -e out ]
	tabloid-split --tsv 1.tsv 2.tsv >rows.tsv
	for prog in tabloid-tokenize tabloid-tag-entities; do
		run $prog -O out rows.tsv
		[ "$status" -eq 2 ]
		[[ "$output" == "$prog: rows.tsv: line 5: document 'a' already started at rows.tsv: line 2;"* ]]
		[ ! -e out ]
	done
	# without -O, tag-entities stops too, unless told to take each run apart
	run -2 tabloid-tag-entities rows.tsv
	tabloid-tag-entities --partial-docs rows.tsv >/dev/null 2>err
	grep -q 'comes back after other documents' err
}

@test "-O: a run that fails midway leaves DIR as it was" {
	tabloid-split -O out "$S"/*.txt
	touch -d 2001-01-01 out/*
	before=$(listing out)
	{
		printf 'doc\ttext\n'
		for id in $(ids); do printf '%s\tNew text.\n' "$id"; done
		printf 'sub/new\tMore.\nbroken row\n'
	} >bad.tsv
	run tabloid-split --tsv -O out bad.tsv
	[ "$status" -eq 2 ]
	[[ "$output" == *"bad.tsv: line 8: "* ]]
	[ "$(listing out)" = "$before" ]
	run tabloid-tokenize -O out bad.tsv
	[ "$status" -eq 2 ]
	[ "$(listing out)" = "$before" ]
	run tabloid-tag-entities -O out bad.tsv
	[ "$status" -eq 2 ]
	[ "$(listing out)" = "$before" ]
}

# killed SIGNAL: start tabloid-split -O out on a FIFO, feed it three
# documents, wait until it writes the third, kill it with SIGNAL and print
# its exit status.  env --default-signal: a background job of a script
# starts with SIGINT ignored, and a program keeps a signal ignored.
killed() {
	mkfifo fifo
	env --default-signal=INT,TERM,HUP tabloid-split --tsv -O out <fifo 2>/dev/null &
	pid=$!
	exec 3>fifo
	printf 'doc\ttext\nnew/one\tOne.\n000_7a71359318611c7a\tChanged.\ntwo\tTwo.\n' >&3
	for i in $(seq 100); do
		[ "$(find out -name '.tabloid.*' | wc -l)" -ge 3 ] && break
		sleep 0.1
	done
	[ "$(find out -name '.tabloid.*' | wc -l)" -ge 3 ] || { echo "no third document"; return 1; }
	kill -s "$1" $pid
	wait $pid && st=0 || st=$?
	exec 3>&-
	echo "$st"
}

@test "-O: a run killed by SIGTERM, SIGINT or SIGHUP midway leaves DIR as it was and no temporary file" {
	for sig in TERM INT HUP; do
		rm -rf out fifo
		tabloid-split -O out "$S"/*.txt
		touch -d 2001-01-01 out/*
		before=$(listing out)
		st=$(killed $sig)
		[ "$st" -eq $((128 + $(kill -l $sig))) ]
		[ "$(listing out)" = "$before" ]
		no_temporaries out
	done
}

@test "-O: a run killed by SIGKILL changes no file (its temporary files remain)" {
	tabloid-split -O out "$S"/*.txt
	touch -d 2001-01-01 out/*
	before=$(listing out)
	st=$(killed KILL)
	[ "$st" -eq 137 ]
	[ -n "$(find out -name '.tabloid.*')" ]
	[ ! -e out/new/one.tsv ] && [ ! -e out/two.tsv ]
	find out -name '.tabloid.*' -delete
	rmdir out/new
	[ "$(listing out)" = "$before" ]
}

@test "-O: a file whose content does not change keeps its mtime; a changed one is replaced" {
	three_docs | tabloid-split --tsv -O out
	touch -d 2001-01-01 out/alpha.tsv out/gamma.tsv out/news/2024/beta.tsv
	three_docs | sed 's/Nothing here/Something here/' | tabloid-split --tsv -O out
	[ "$(stat -c %Y out/alpha.tsv)" = "$(date -d 2001-01-01 +%s)" ]
	[ "$(stat -c %Y out/news/2024/beta.tsv)" = "$(date -d 2001-01-01 +%s)" ]
	[ "$(stat -c %Y out/gamma.tsv)" -gt "$(date -d 2001-01-01 +%s)" ]
	grep -q 'Something here' out/gamma.tsv
	no_temporaries out
}

@test "-O: an existing symbolic link on the way out of DIR is refused; one in place of a file is replaced" {
	mkdir elsewhere out
	ln -s ../elsewhere out/news
	run tabloid-split --tsv -O out < <(three_docs)
	[ "$status" -eq 2 ]
	[ "$output" = "tabloid-split: out/news: a symbolic link, not followed under the output directory" ]
	[ -z "$(ls -A elsewhere)" ]
	rm out/news
	echo keep >elsewhere/alpha.tsv
	ln -s ../elsewhere/alpha.tsv out/alpha.tsv
	three_docs | tabloid-split --tsv -O out
	[ ! -L out/alpha.tsv ] && [ "$(cat elsewhere/alpha.tsv)" = keep ]
}

@test "-O and -o together are a usage error" {
	for prog in tabloid-split tabloid-tokenize tabloid-tag-entities; do
		run $prog -o x.tsv -O out /dev/null
		[ "$status" -eq 2 ]
		[ "${lines[0]}" = "$prog: -o and -O cannot be used together" ]
		[[ "${lines[1]}" == usage:* ]]
		run $prog --output-dir out --output x.tsv /dev/null
		[ "$status" -eq 2 ]
		[ "${lines[0]}" = "$prog: -O and -o cannot be used together" ]
		[ ! -e out ] && [ ! -e x.tsv ]
		$prog --help | grep -q -- '-O, --output-dir DIR'
	done
}

@test "-O: tokenize and tag-entities need a doc column" {
	printf 'text\nA sentence.\n' >nodoc.tsv
	for prog in tabloid-tokenize tabloid-tag-entities; do
		run $prog -O out nodoc.tsv
		[ "$status" -eq 2 ]
		[ "$output" = "$prog: nodoc.tsv: line 1: no doc column apart from the text, which -O needs" ]
		[ ! -e out ]
	done
}

@test "-O: a read-only DIR fails with status 2 naming the path" {
	mkdir ro
	if [ "$(id -u)" -eq 0 ]; then
		mount -t tmpfs -o ro tmpfs ro || skip "cannot mount a read-only tmpfs here"
	else
		chmod a-w ro
	fi
	run tabloid-split -O ro "$S"/000_*.txt
	run2_status=$status run2_output=$output
	run tabloid-split -O ro/sub "$S"/000_*.txt
	if [ "$(id -u)" -eq 0 ]; then umount ro; else chmod u+w ro; fi
	[ "$run2_status" -eq 2 ]
	[[ "$run2_output" == "tabloid-split: ro/000_7a71359318611c7a.tsv: "* ]]
	[ "$status" -eq 2 ]
	[[ "$output" == "tabloid-split: ro/sub: "* ]]
	[ -z "$(ls -A ro)" ]
}
