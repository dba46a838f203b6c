#!/usr/bin/env bats
# Behaviour every program shares: --help, --version, usage errors, write
# errors, quiet exit on a closed pipe, missing files, the dispatcher.

programs="tabloid-split tabloid-tokenize tabloid-count tabloid-tag-entities tabloid-diff-versions tabloid-watch"

setup() {
	cd "$BATS_TEST_TMPDIR"
	printf 'doc\ttext\nd\tHello world.\n' >in.tsv
}

@test "--help prints usage on stdout and exits 0" {
	for p in $programs; do
		run "$p" --help
		[ "$status" -eq 0 ]
		[[ "${lines[0]}" == "usage: $p"* ]]
	done
}

@test "--version names the program and the package" {
	for p in $programs; do
		run "$p" --version
		[ "$status" -eq 0 ]
		[[ "$output" == "$p (tabloid) "[0-9]* ]]
	done
}

@test "an unknown option is a usage error with status 2 on stderr" {
	for p in $programs; do
		run bash -c "$p --no-such-option </dev/null 2>err >out"
		[ "$status" -eq 2 ]
		[ ! -s out ]
		grep -q "usage: $p" err
	done
}

@test "output to /dev/full fails with a write error and status 2" {
	for p in $programs; do
		args=
		[ "$p" = tabloid-count ] && args="-f doc"
		[ "$p" = tabloid-diff-versions ] && args="-a in.tsv"
		[ "$p" = tabloid-watch ] && args="--tsv state"
		run bash -c "$p $args in.tsv >/dev/full 2>err"
		[ "$status" -eq 2 ]
		grep -q "write error" err
	done
}

@test "--progress leaves stdout as it is and ends with a line on stderr" {
	for p in $programs; do
		args= want="1 document, 24 bytes"
		[ "$p" = tabloid-split ] && args="--tsv"
		[ "$p" = tabloid-count ] && args="-f doc"
		[ "$p" = tabloid-diff-versions ] && args="-a in.tsv" want="2 documents, 48 bytes"
		[ "$p" = tabloid-watch ] && args="--tsv state"
		rm -rf state
		$p $args in.tsv >plain 2>/dev/null || [ $? -eq 1 ]
		rm -rf state
		TABLOID_PROGRESS_INTERVAL=3600000 $p --progress $args in.tsv >out 2>err || [ $? -eq 1 ]
		cmp plain out
		[[ "$(cat err)" == "$p: $want (0.0 MB) in "*" s, "*" MB/s, "*" documents/s" ]]
	done
}

@test "a closed pipe ends the program quietly" {
	yes 'doc	text' | head -n 1 >big.tsv
	for i in $(seq 1 20000); do echo "d$i	Some words here. And more words."; done >>big.tsv
	run bash -c "tabloid-split --tsv big.tsv 2>err | head -n 1 >/dev/null; cat err"
	[ -z "$output" ]
	run bash -c "tabloid-tokenize big.tsv 2>err | head -n 1 >/dev/null; cat err"
	[ -z "$output" ]
}

@test "a missing file is reported, the other files are processed, status 2" {
	printf 'One. Two.\n' >a.txt
	cp a.txt b.txt
	run bash -c "tabloid-split a.txt no-such.txt b.txt 2>err >out"
	[ "$status" -eq 2 ]
	grep -q "tabloid-split: no-such.txt: No such file or directory" err
	[ "$(grep -c '^a	' out)" -eq 2 ]
	[ "$(grep -c '^b	' out)" -eq 2 ]
	run bash -c "tabloid-tokenize in.tsv no-such.tsv in.tsv 2>err >out"
	[ "$status" -eq 2 ]
	grep -q "tabloid-tokenize: no-such.tsv: No such file or directory" err
	[ "$(grep -c 'Hello' out)" -eq 2 ]
}

@test "-o writes the output file atomically and leaves no temporary file" {
	run tabloid-split -o out.tsv --tsv in.tsv
	[ "$status" -eq 0 ]
	[ "$(sed -n 2p out.tsv)" = "d	1	1	0	12		Hello world." ]
	run tabloid-tokenize -o tok.tsv out.tsv
	[ "$status" -eq 0 ]
	[ "$(wc -l <tok.tsv)" -eq 4 ]
	[ "$(ls -A | grep -c '^\.tabloid')" -eq 0 ]
}

@test "-o leaves an existing file untouched when the input is malformed" {
	echo old >out.tsv
	printf 'doc\ttext\nonly-one-field\n' >bad.tsv
	run tabloid-tokenize -o out.tsv bad.tsv
	[ "$status" -eq 2 ]
	[ "$(cat out.tsv)" = old ]
	[ "$(ls -A | grep -c '^\.tabloid')" -eq 0 ]
}

@test "-o through a symbolic link replaces the file it points to and keeps the link" {
	echo old >real
	ln -s real link
	mkdir sub
	ln -s ../real sub/rel
	run tabloid-split -o link --tsv in.tsv
	[ "$status" -eq 0 ]
	[ -L link ]
	[ "$(sed -n 2p real)" = "d	1	1	0	12		Hello world." ]
	echo old >real
	run tabloid-tokenize -o sub/rel in.tsv
	[ "$status" -eq 0 ]
	[ -L sub/rel ]
	grep -q Hello real
	[ "$(ls -A . sub | grep -c '^\.tabloid')" -eq 0 ]
}

@test "-o into a FIFO or a device writes into it; a directory is an error" {
	mkfifo fifo
	timeout 20 cat fifo >got &
	run tabloid-split -o fifo --tsv in.tsv
	[ "$status" -eq 0 ]
	wait
	[ -p fifo ]
	[ "$(sed -n 2p got)" = "d	1	1	0	12		Hello world." ]
	for p in $programs; do
		args=
		[ "$p" = tabloid-count ] && args="-f doc"
		[ "$p" = tabloid-diff-versions ] && args="-a in.tsv"
		[ "$p" = tabloid-watch ] && continue
		run "$p" -o /dev/null $args in.tsv
		[ "$status" -eq 0 ]
		[ -c /dev/null ]
	done
	mkdir dir
	run --separate-stderr tabloid-split -o dir --tsv in.tsv
	[ "$status" -eq 2 ]
	[ "$stderr" = "tabloid-split: dir: Is a directory" ]
}

# env --default-signal: a signal ignored when the tests started (as nohup
# and a background job in a script do) stays ignored by the program.
@test "-o: a run ended by INT, TERM, HUP or PIPE leaves no temporary file and the old target" {
	run bash -c '
		set -m
		mkfifo feed
		for sig in INT TERM HUP PIPE; do
			echo old >target
			env --default-signal=$sig tabloid-split -o target <feed &
			pid=$!
			exec 3>feed
			printf "Some text. " >&3
			for i in $(seq 200); do
				ls -A | grep -q "^\.tabloid\." && break
				sleep 0.05
			done
			ls -A | grep -q "^\.tabloid\." || { echo "$sig: no temporary file seen"; exit 1; }
			kill -s $sig $pid
			wait $pid
			st=$?
			exec 3>&-
			[ $st -gt 128 ] || { echo "$sig: status $st"; exit 1; }
			[ "$(cat target)" = old ] || { echo "$sig: target replaced"; exit 1; }
			[ "$(ls -A | grep -c "^\.tabloid\.")" -eq 0 ] || { echo "$sig: temporary file left"; exit 1; }
		done'
	echo "$output"
	[ "$status" -eq 0 ]
}

@test "the dispatcher runs the programs and lists them" {
	run tabloid split --tsv in.tsv
	[ "$status" -eq 0 ]
	[ "${lines[1]}" = "d	1	1	0	12		Hello world." ]
	run tabloid
	[ "$status" -eq 0 ]
	[[ "$output" == *"split"*"tokenize"* ]]
	run tabloid no-such-command
	[ "$status" -eq 2 ]
	run tabloid --version
	[[ "$output" == "tabloid (tabloid) "* ]]
}

@test "tabloid-report: --help, --version, usage errors, and -o replaced only by a whole report" {
	run -0 tabloid-report --help
	[ "${lines[0]}" = "usage: tabloid-report [--html] [-n top] [-o file] [--tsv | --csv] [--ifs sep]" ]
	[[ "$output" == *"--output FILE"* ]]
	run -0 tabloid-report --version
	[[ "$output" == "tabloid-report (tabloid) "[0-9]* ]]
	run -2 tabloid-report --no-such-option "$TABLOID_SRCDIR"/samples/*.txt
	[ "${lines[0]}" = "tabloid-report: unknown option '--no-such-option'" ]
	run -2 tabloid-report -o
	[[ "$output" == *"option '-o' needs an argument"* ]]
	mkdir "$BATS_TEST_TMPDIR/rep" && cd "$BATS_TEST_TMPDIR/rep"
	echo old >report.txt
	run -2 tabloid-report -o report.txt "$TABLOID_SRCDIR"/samples/*.txt no-such-file.txt
	[ "$(cat report.txt)" = old ]
	run -0 tabloid-report -n 3 --output=report.txt "$TABLOID_SRCDIR"/samples/*.txt
	[ -z "$output" ]
	[[ "$(head -n 1 report.txt)" == "5 documents, "* ]]
	[ "$(tabloid-report -n3 "$TABLOID_SRCDIR"/samples/*.txt)" = "$(cat report.txt)" ]
	[ -z "$(ls -A | grep -v '^report.txt$')" ]
}

@test "the report helper summarises the samples" {
	run tabloid-report -n 3 "$TABLOID_SRCDIR"/samples/*.txt
	[ "$status" -eq 0 ]
	[[ "${lines[0]}" == "5 documents, "*" sentences, "*" words" ]]
	[ "${lines[1]}" = "most mentioned people:" ]
	[[ "${lines[2]}" == *"Boris Johnson" ]]
	[ "${lines[5]}" = "most mentioned organisations:" ]
	[[ "${lines[6]}" == *" Huawei" ]]
	[ "${lines[9]}" = "most frequent words (stop words left out):" ]
	[[ "${lines[10]}" == *huawei* ]]
}

@test "a missing data file names every path searched and the data directory" {
	run --separate-stderr env TABLOID_DATADIR="$BATS_TEST_TMPDIR/none" tabloid-split in.tsv
	[ "$status" -eq 2 ]
	[ "$stderr" = "tabloid-split: abbrev-en.txt: No such file or directory; searched abbrev-en.txt, $BATS_TEST_TMPDIR/none/abbrev-en.txt (the data directory is \$TABLOID_DATADIR, $BATS_TEST_TMPDIR/none)" ]
	run --separate-stderr tabloid-tokenize --stopwords xx in.tsv
	[ "$status" -eq 2 ]
	[[ "$stderr" == "tabloid-tokenize: xx: No such file or directory; searched xx, $TABLOID_DATADIR/xx, $TABLOID_DATADIR/stopwords-xx.txt "* ]]
}
