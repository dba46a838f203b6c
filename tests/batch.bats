#!/usr/bin/env bats
# samples/Makefile, the batch example: what it builds, what a second run
# and a touched article redo, and that killed, failing and parallel runs
# leave only whole targets.

load helpers

setup() {
	mkdir -p "$T/job/2021/04"
	cp "$TABLOID_SRCDIR/samples/Makefile" "$S"/*.txt "$T/job"
	cp "$S/versions/coons-1-original.txt" "$T/job/2021/04/coons.txt"
	cd "$T/job"
	IDS="000_7a71359318611c7a 001_b53f680156d8d950 002_4fb658c976d88ccb
003_f79d13dae64d47e6 004_fca92104f0f7d539 2021/04/coons"
}

# mk ARG...: make, without the flags and job server of the make that runs
# the tests.
mk() {
	env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL -u MAKEOVERRIDES -u GNUMAKEFLAGS make "$@"
}

# outputs DIR: the files a whole run writes under DIR.
outputs() {
	local id kind

	for id in $IDS; do
		for kind in sentences entities counts words; do
			echo "$1/$kind/$id.tsv"
		done
	done
	echo "$1/corpus/sentences.tsv $1/corpus/entities.tsv $1/corpus/words.tsv $1/articles.list"
}

# no_temporaries: fail if a temporary file of -o is left anywhere.
no_temporaries() {
	local left

	left=$(find "$T" -name '.tabloid.*')
	[ -z "$left" ] || { echo "left: $left"; return 1; }
}

@test "a first make builds every target, with ids from the paths; a second does nothing" {
	run mk -j2
	[ "$status" -eq 0 ]
	for f in $(outputs out); do
		[ -s "$f" ] || { echo "missing: $f"; false; }
	done
	same "$(printf '%s\n' $IDS)" "$(cat out/articles.list)"
	[ "$(sed 1d out/sentences/2021/04/coons.tsv | cut -f 1 | sort -u)" = 2021/04/coons ]
	same "doc	count
003_f79d13dae64d47e6	35
004_fca92104f0f7d539	31
000_7a71359318611c7a	25
001_b53f680156d8d950	19
002_4fb658c976d88ccb	19
2021/04/coons	19" "$(cat out/corpus/sentences.tsv)"
	grep -q '^PERSON	Chris Coons	[0-9]*	2$' out/corpus/entities.tsv
	grep -q '^GPE	United Kingdom	[0-9]*	6$' out/corpus/entities.tsv
	[ "$(sed -n 2p out/corpus/words.tsv)" = "huawei	46	6" ]
	[ "$(wc -l <out/corpus/words.tsv)" -eq 51 ]
	no_temporaries
	run mk -j2
	[ "$status" -eq 0 ]
	[ "$output" = "make: Nothing to be done for 'all'." ]
	run mk -q
	[ "$status" -eq 0 ]
}

@test "touching one article redoes its targets and the summaries only" {
	mk -j2 >/dev/null
	sleep 1
	touch 2021/04/coons.txt
	run mk -j2
	[ "$status" -eq 0 ]
	echo "$output"
	[ "${#lines[@]}" -eq 7 ]
	[ "$(grep -c '2021/04/coons' <<<"$output")" -eq 4 ]
	[ "$(grep -c 'corpus/' <<<"$output")" -eq 3 ]
	run mk -q
	[ "$status" -eq 0 ]
}

@test "removing an article redoes the summaries without it; make clean removes the output" {
	mk -j2 >/dev/null
	rm 002_4fb658c976d88ccb.txt
	run mk -q
	[ "$status" -ne 0 ]
	run mk -j2
	[ "$status" -eq 0 ]
	[ "$(grep -c 'corpus/' <<<"$output")" -eq 3 ]
	! grep -q 002_4fb658c976d88ccb out/corpus/sentences.tsv out/articles.list
	[ "$(wc -l <out/corpus/sentences.tsv)" -eq 6 ]
	run mk -q
	[ "$status" -eq 0 ]
	run mk clean
	[ "$status" -eq 0 ]
	[ ! -e out ]
}

@test "ARTICLES and OUT: another directory, a missing one, an empty one, a name make cannot handle" {
	mkdir "$T/other"
	run mk -f "$T/job/Makefile" -C "$T/other" ARTICLES="$T/job/2021/" OUT=res
	[ "$status" -eq 0 ]
	[ "$(cat "$T/other/res/articles.list")" = 04/coons ]
	[ "$(wc -l <"$T/other/res/words/04/coons.tsv")" -gt 10 ]
	[ "$(sed 1d "$T/other/res/entities/04/coons.tsv" | cut -f 1 | sort -u)" = 04/coons ]
	[ "$(wc -l <"$T/other/res/corpus/sentences.tsv")" -eq 2 ]
	run mk ARTICLES=nowhere
	[ "$status" -eq 2 ]
	[[ "$output" == *"ARTICLES=nowhere: no such directory"* ]]
	mkdir empty
	run mk ARTICLES=empty
	[ "$status" -eq 2 ]
	[[ "$output" == *"no articles (*.txt) under empty"* ]]
	touch 'a b.txt'
	run mk
	[ "$status" -eq 2 ]
	[[ "$output" == *"file names make cannot handle: ./a b.txt"* ]]
	[ ! -e out ]
}

@test "an article that cannot be read fails the run and leaves no target for it" {
	for kind in dangling directory; do
		rm -rf out 001_b53f680156d8d950.txt
		case $kind in
		dangling) ln -s nowhere.txt 001_b53f680156d8d950.txt ;;
		directory) mkdir 001_b53f680156d8d950.txt ;;
		esac
		run mk -k -j2
		echo "$kind: $output"
		[ "$status" -eq 2 ]
		[ -z "$(find out -name '001_*')" ]
		[ ! -e out/corpus/sentences.tsv ]
		[ -s out/words/000_7a71359318611c7a.tsv ]
		no_temporaries
	done
}

@test "a failing first command of a pipeline fails its recipe, and its target is deleted" {
	mk -j2 >/dev/null
	sleep 1
	printf 'broken\trow\n' >>out/sentences/000_7a71359318611c7a.tsv
	run mk -k -j2
	echo "$output"
	[ "$status" -eq 2 ]
	[[ "$output" == *"tabloid-tokenize: "*"line 27: expected 7 fields, found 2"* ]]
	[[ "$output" == *"Deleting file 'out/words/000_7a71359318611c7a.tsv'"* ]]
	[ ! -e out/words/000_7a71359318611c7a.tsv ]
	run mk -q
	[ "$status" -ne 0 ]
	no_temporaries
}

@test "a run killed by TERM or INT leaves whole targets only; the next run completes them" {
	cp -r "$T/job" "$T/ref"
	mk -C "$T/ref" -j2 >/dev/null
	mv 002_4fb658c976d88ccb.txt "$T/article"
	for sig in TERM INT; do
		rm -rf out
		mkfifo 002_4fb658c976d88ccb.txt
		run bash -c '
			set -m
			env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL -u MAKEOVERRIDES make -j2 >make.log 2>&1 &
			pid=$!
			exec 3<>002_4fb658c976d88ccb.txt
			printf "The first words of an article. " >&3
			# The other job slot builds every other target, one after
			# another, while split waits on the FIFO.  A target that
			# exists may still be its job'"'"'s, which make deletes when
			# killed: wait until the job after it has started.
			while [ $SECONDS -lt 900 ]; do
				tmp=$(find out/sentences -name ".tabloid.*" 2>/dev/null)
				[ -n "$tmp" ] && grep -q "words/2021/04/coons.tsv$" make.log && break
				sleep 0.1
			done
			kill -s '$sig' -- -$pid
			wait $pid
			echo "status $? after ${tmp:-no temporary file}"
			exec 3>&-'
		echo "$sig: $output"
		# make ends by the signal, or with status 2 when it finds its
		# jobs already reaped ("wait: No child processes").
		[[ "$output" == *"status $((128 + $(kill -l $sig))) after out/sentences/.tabloid."* ||
		    "$output" == *"status 2 after out/sentences/.tabloid."* ]]
		[ -e out/words/004_fca92104f0f7d539.tsv ]
		[ ! -e out/sentences/002_4fb658c976d88ccb.tsv ]
		no_temporaries
		for f in $(find out -type f); do
			cmp "$f" "$T/ref/$f"
		done
		rm 002_4fb658c976d88ccb.txt
	done
	cp "$T/article" 002_4fb658c976d88ccb.txt
	run mk -j2
	[ "$status" -eq 0 ]
	diff -r out "$T/ref/out"
	no_temporaries
}

@test "make -j2 writes the same bytes as make -j1" {
	run mk -j1 OUT=j1
	[ "$status" -eq 0 ]
	run mk -j2 OUT=j2
	[ "$status" -eq 0 ]
	[ "$(find j2 -type f | wc -l)" -eq 28 ]
	diff -r j1 j2
}
