#!/usr/bin/env bats
# Hostile input for every program: empty and truncated tables, CRLF, BOM,
# invalid UTF-8, NUL bytes, a 20 MB line, a 100,000-column row, a binary
# file, deep nesting, a million documents, 10,000 operands, directories and
# missing files, output to /dev/full and to a closed pipe; and bad option
# values, which are usage errors.
#
# Every run must end within a time bound with status 0 or 2; status 2 comes
# with a message naming the program, and status 0 with nothing on stderr
# but the warnings the manual pages document.  The inputs are made once, in
# setup_file; each test is one loop over programs and inputs that names
# every combination that failed.

bats_require_minimum_version 1.5.0
load helpers

# Seconds a run may take: generous, since the suite also runs under the
# sanitizers, several times slower, and under valgrind (make
# check-valgrind), some fifty times slower.
LIMIT=180
case $(command -v tabloid-split) in */vg-bin/*) LIMIT=1200 ;; esac

# The programs, one "name|command" a line; @ stands for the input files.
# The name is the program that must be named by a message on status 2.
PROGRAMS='tabloid-split|tabloid-split @
tabloid-split|tabloid-split --tsv @
tabloid-tokenize|tabloid-tokenize @
tabloid-tag-entities|tabloid-tag-entities @
tabloid-count|tabloid-count -f 1 @
tabloid-diff-versions|tabloid-diff-versions $I/ref.txt @
tabloid-diff-versions|tabloid-diff-versions -g @
tabloid-watch|tabloid-watch --tsv wt @
tabloid-watch|tabloid-watch ws @
tabloid-split|tabloid split @
tabloid-[a-z-]*|tabloid-report @'

# The only warnings a successful run may give (see the manual pages).
WARNINGS=": line [0-9]*: document '.*' comes back after other documents\|: not valid UTF-8; read as Windows-1252 (--encoding chooses)$\|: invalid UTF-8 bytes replaced by U+FFFD$"

setup_file() {
	local I=$BATS_FILE_TMPDIR/in

	mkdir -p "$I/many" "$I/dir"
	cd "$I"
	printf 'Hello world. A second sentence.\n' >ref.txt
	: >empty
	printf 'doc\ttext\n' >header
	printf 'doc\ttext' >header-no-newline
	printf 'doc\ttext\r\nd1\tHello world. Second one.\r\nd2\tMore.\r\n' >crlf
	printf '\357\273\277doc\ttext\nd1\tHello. Bye.\n' >bom
	printf 'doc\ttext\nd\t\300\257 \340\200\257 \360\200\200\257 x. \301\277.\n' >overlong
	printf 'doc\ttext\nd\t\200\205 A \205\nd2\tB. \277\n' >continuation
	printf 'doc\ttext\nd\t\355\240\200 \355\277\277. \355\240\200\355\260\200.\n' >surrogate
	printf 'doc\ttext\nd\tabc \342\202' >truncated
	printf 'doc\ttext\nd\ta\000b. c\000.\n\000\n' >nul
	printf 'doc\ttext\nd\tone\textra\nd2\nd3\t\t\t\n' >ragged
	awk 'BEGIN { for (i = 1; i < 100000; i++) printf "c%d\t", i; print "text"
		for (i = 1; i < 100000; i++) printf "%d\t", i; print "The last. Column." }' >wide
	w=WordWordWordWordWordWordWordWordWordWordWordWordWordWordWordWordWordWordWordWord
	{ printf 'doc\ttext\nd\t'; yes "$w, $w (said) Mr. $w \"$w\" $w $w $w $w." |
	    tr '\n' ' ' | head -c 20000000; echo; } >long-line
	{ printf 'doc\ttext\nd\t'; head -c 100000 /dev/zero | tr '\0' '('; echo; } >parens
	{ printf 'doc\ttext\nd\t'; head -c 100000 /dev/zero | tr '\0' '"'; echo; } >quotes
	{ printf 'doc\ttext\nd\t'; yes '([{"\342\200\234' | head -n 20000 | tr -d '\n'; echo; } >mixed
	awk 'BEGIN { print "doc\ttext"; for (i = 1; i <= 1000000; i++) print "d" i "\tword" }' \
	    >million
	awk -v d="$I/many" 'BEGIN { for (i = 1; i <= 10000; i++) { f = d "/f" i ".tsv"
		printf "doc\ttext\nf%d\tHello world %d.\n", i, i >f; close(f) } }'
	printf 'doc\ttext\nd\tHello.\n' >dir/a.tsv
}

setup() {
	I=$BATS_FILE_TMPDIR/in
	cd "$BATS_TEST_TMPDIR"
}

# attempt WHO OUT ARG...: run the command ARG... with its output to OUT
# (a file, /dev/full, or "pipe" for a pipe nobody reads) under the time
# bound, and print what is wrong with the run, if anything.
attempt() {
	local who=$1 out=$2 status=0
	shift 2
	if [ "$out" = pipe ]; then
		rm -f fifo
		mkfifo fifo
		exec 4<>fifo 5>fifo 4<&-
		timeout -k 5 "$LIMIT" "$@" >&5 2>err || status=$?
		exec 5>&-
	else
		timeout -k 5 "$LIMIT" "$@" >"$out" 2>err || status=$?
	fi
	case $status in
	1)
		# tabloid-watch: something changed, as diff(1) says it
		if [ "$who" != tabloid-watch ] || grep -v -e "$WARNINGS" err | grep -q .; then
			echo "status 1:"
			head -c 300 err
		fi
		;;
	0)
		[ "$out" = /dev/full ] && echo "status 0 with its output lost"
		if grep -v -e "$WARNINGS" err | grep -q .; then
			echo "status 0 with messages:"
			head -c 300 err
		fi
		;;
	2)
		if ! grep -q -e "^$who: " -e "^usage: $who " err; then
			echo "status 2 without a message naming $who:"
			head -c 300 err
		fi
		;;
	124 | 137) echo "no end within $LIMIT seconds" ;;
	141)
		if [ "$out" != pipe ] || [ -s err ]; then
			echo "killed by SIGPIPE:"
			head -c 300 err
		fi
		;;
	*)
		echo "status $status:"
		head -c 300 err
		;;
	esac
}

# each_program OUT INPUT...: run every program over each INPUT (a list of
# operands) with its output to OUT; print the combinations that failed.
# The status is the number of failures, 0 if none.
each_program() {
	local out=$1 input line who cmd why bad=0 n=0
	shift
	for input in "$@"; do
		while IFS='|' read -r who cmd; do
			cmd=${cmd//\$I/$I}
			# shellcheck disable=SC2086
			why=$(attempt "$who" "$out" ${cmd/@/$input})
			n=$((n + 1))
			if [ -n "$why" ]; then
				[ "${#input}" -gt 100 ] && input="${input:0:100}..."
				printf '%s < %s: %s\n' "$cmd" "$input" "$why"
				bad=$((bad + 1))
			fi
		done <<<"$PROGRAMS"
	done
	table_done "$n" "$bad"
}

# covered FILE: every byte of FILE but white space (and a leading byte
# order mark) lies inside a row of the tabloid-split output on standard
# input.
covered() {
	perl -e '
		open(my $f, "<:raw", $ARGV[0]) or die "$ARGV[0]: $!\n";
		local $/; my $d = <$f>; $/ = "\n";
		my @h = split /\t/, scalar(<STDIN>) // "";
		my ($s) = grep { $h[$_] eq "start" } 0 .. $#h;
		my ($e) = grep { $h[$_] eq "end" } 0 .. $#h;
		my @rows;
		while (<STDIN>) { my @r = split /\t/; push @rows, [$r[$s], $r[$e]] }
		my $at = $d =~ /^\xEF\xBB\xBF/ ? 3 : 0;
		for my $r ((sort { $a->[0] <=> $b->[0] } @rows), [length $d, 0]) {
			if ($r->[0] > $at &&
			    substr($d, $at, $r->[0] - $at) =~ /[^ \t\n\r\f\x0b]/) {
				printf "byte %d (0x%02x) is in no row\n", $at + $-[0], ord $&;
				exit 1;
			}
			$at = $r->[1] if $r->[1] > $at;
		}' "$1"
}

@test "empty, header-only, CRLF, BOM, ragged and 100,000-column tables" {
	each_program out "$I/empty" "$I/header" "$I/header-no-newline" "$I/crlf" "$I/bom" \
	    "$I/ragged" "$I/wide"
}

@test "invalid UTF-8, NUL bytes and a binary file" {
	each_program out "$I/overlong" "$I/continuation" "$I/surrogate" "$I/truncated" \
	    "$I/nul" /bin/ls
}

@test "deep nesting of brackets and quotes" {
	each_program out "$I/parens" "$I/quotes" "$I/mixed"
}

@test "a 20 MB line" {
	each_program out "$I/long-line"
}

@test "a million one-word documents" {
	PROGRAMS='tabloid-split|tabloid-split --tsv @
tabloid-tokenize|tabloid-tokenize @
tabloid-tag-entities|tabloid-tag-entities @
tabloid-count|tabloid-count -f 1 -d @'
	each_program out "$I/million"
}

@test "10,000 files on the command line" {
	each_program out "$(echo "$I"/many/*.tsv)"
}

@test "a directory operand, and a missing file among good ones" {
	each_program out "$I/dir" "$I/ref.txt $I/no-such-file $I/dir/a.tsv"
}

@test "output to /dev/full" {
	each_program /dev/full "$I/crlf" "$I/wide"
}

@test "help, version and the list of commands to /dev/full" {
	local cmd status bad=0 n=0
	while read -r cmd; do
		n=$((n + 1))
		status=0
		# shellcheck disable=SC2086
		timeout -k 5 "$LIMIT" $cmd >/dev/full 2>err || status=$?
		if [ "$status" -ne 2 ] || ! grep -q "^${cmd%% *}: write error" err; then
			printf '%s: status %s: %s\n' "$cmd" "$status" "$(head -n 1 err)"
			bad=$((bad + 1))
		fi
	done <<-EOF
	tabloid-split --help
	tabloid-tokenize --help
	tabloid-tag-entities --help
	tabloid-count --help
	tabloid-diff-versions --help
	tabloid-watch --help
	tabloid-split --version
	tabloid-count --version
	tabloid --help
	tabloid --version
	tabloid
	tabloid-report -h
	EOF
	table_done "$n" "$bad"
}

@test "output to a pipe nobody reads" {
	each_program pipe "$I/crlf" "$I/wide"
}

@test "tabloid-split: every byte but white space lies inside a row" {
	local input why bad=0 n=0
	for input in empty header header-no-newline crlf bom overlong continuation \
	    surrogate truncated nul ragged wide long-line parens quotes mixed /bin/ls; do
		[ "${input#/}" = "$input" ] && input=$I/$input
		n=$((n + 1))
		if ! why=$(tabloid-split "$input" 2>&1 >out) || ! why=$(covered "$input" <out); then
			printf '%s: %s\n' "$input" "$why"
			bad=$((bad + 1))
		fi
	done
	table_done "$n" "$bad"
}

# usage_error OPTION VALUE ARG...: the command ARG... must fail with
# status 2, writing nothing on standard output and, on standard error, a
# message naming its program, OPTION and VALUE, then the usage hint; print
# what is wrong, if anything.
usage_error() {
	local opt=$1 val=$2 who status=0
	shift 2
	who=$1
	[ "$who" = tabloid ] && who=tabloid-$2
	timeout -k 5 "$LIMIT" "$@" >out 2>err </dev/null || status=$?
	if [ "$status" -ne 2 ] || [ -s out ] ||
	    ! grep -q -F -e "$who: $opt: '$val' " err || ! grep -q "^usage: $who" err; then
		printf 'status %s: %s\n' "$status" "$(head -n 1 err)"
	fi
}

# The options that take a number: "OPTION|VALUES|COMMAND", where @ stands
# for the option and its value; VALUES are the bad values particular to
# the option, besides those every numeric option refuses.
NUMERIC='-n|1.5|tabloid-count -f 1 @ $I/crlf
--top|0x10|tabloid-count -f 1 @ $I/crlf
-m|+1|tabloid-count -f 1 @ $I/crlf
--min|1e3|tabloid-count -f 1 @ $I/crlf
-S|0 1K 10Q 1KB 17179869184T|tabloid-count -f 1 @ $I/crlf
--memory-limit|K 65535|tabloid-count -f 1 @ $I/crlf
-t|1.5 nan inf 1e-1 0x0.8 . 0,5|tabloid-diff-versions @ $I/ref.txt $I/ref.txt
--threshold|2 -0|tabloid-diff-versions -g @ $I/ref.txt
-k|0 65 3.0|tabloid-diff-versions -g @ $I/ref.txt
--shingle|1000|tabloid-diff-versions -g @ $I/ref.txt
--threads|0 3 01x|tabloid-tag-entities @ $I/crlf
-n|1.5|tabloid-report @ $I/ref.txt
-n|5x|tabloid count -f 1 @ $I/crlf'

@test "a bad number is a usage error naming the option and the value" {
	local opt vals cmd val arg args why bad=0 n=0
	while IFS='|' read -r opt vals cmd; do
		# shellcheck disable=SC2086
		set -- -1 99999999999999999999999 abc '' ' 1' $vals
		for val in "$@"; do
			args=()
			for arg in ${cmd//\$I/$I}; do
				if [ "$arg" = @ ]; then
					args+=("$opt" "$val")
				else
					args+=("$arg")
				fi
			done
			n=$((n + 1))
			why=$(usage_error "$opt" "$val" "${args[@]}")
			if [ -n "$why" ]; then
				printf '%s: %s\n' "${args[*]}" "$why"
				bad=$((bad + 1))
			fi
		done
	done <<<"$NUMERIC"
	table_done "$n" "$bad"
}

@test "good numbers are taken" {
	local cmd bad=0 n=0
	while read -r cmd; do
		n=$((n + 1))
		# shellcheck disable=SC2086
		if ! timeout -k 5 "$LIMIT" ${cmd//\$I/$I} >out 2>err; then
			printf '%s: %s\n' "$cmd" "$(head -n 1 err)"
			bad=$((bad + 1))
		fi
	done <<-'EOF'
	tabloid-count -f 1 -n 0 --min 007 -S 64K $I/crlf
	tabloid-count -f 1 --top=18446744073709551615 -S 1g $I/crlf
	tabloid-count -f 1 --memory-limit 65536 $I/crlf
	tabloid-count -f 1 -S 16777215T $I/crlf
	tabloid-diff-versions -t 0 $I/ref.txt $I/crlf
	tabloid-diff-versions -t 1 $I/ref.txt $I/crlf
	tabloid-diff-versions --threshold .25 -g -k 1 $I/ref.txt
	tabloid-diff-versions -t 1. -g --shingle=64 $I/ref.txt
	tabloid-tag-entities --threads 1 $I/crlf
	tabloid-tag-entities --threads=2 $I/crlf
	tabloid-report -n 0 $I/ref.txt
	tabloid-report -n 18446744073709551615 $I/ref.txt
	EOF
	table_done "$n" "$bad"
}

@test "options that exclude each other are a usage error naming both" {
	local first second cmd args status bad=0 n=0
	while IFS='|' read -r first second cmd; do
		for args in "$first $second" "$second $first"; do
			n=$((n + 1))
			status=0
			# shellcheck disable=SC2086
			timeout -k 5 "$LIMIT" ${cmd/@/$args} >out 2>err </dev/null || status=$?
			if [ "$status" -ne 2 ] || [ -s out ] ||
			    ! grep -q -F -e "${cmd%% *}: ${args% *} and ${args#* } cannot be used together" err ||
			    ! grep -q "^usage: ${cmd%% *}" err; then
				printf '%s: status %s: %s\n' "${cmd/@/$args}" "$status" "$(head -n 1 err)"
				bad=$((bad + 1))
			fi
		done
	done <<-EOF
	--bio|--inline|tabloid-tag-entities @ $I/crlf
	--tsv|--csv|tabloid-split @ $I/crlf
	--tsv|--text|tabloid-diff-versions @ $I/ref.txt $I/ref.txt
	--itsv|--icsv|tabloid-count -f 1 @ $I/crlf
	--icsv|--ijsonl|tabloid-split @ $I/crlf
	--csv|--ijsonl|tabloid-split @ $I/crlf
	--tsv|--icsv|tabloid-watch @ state $I/crlf
	EOF
	table_done "$n" "$bad"
}

@test "unknown and empty column lists are errors naming the option or the value" {
	local opt val cmd status bad=0 n=0
	while IFS='|' read -r opt val cmd; do
		n=$((n + 1))
		status=0
		timeout -k 5 "$LIMIT" ${cmd%% *} $opt "$val" ${cmd#* } >out 2>err </dev/null ||
		    status=$?
		if [ "$status" -ne 2 ] || [ -s out ] || ! grep -q "^${cmd%% *}: " err ||
		    ! grep -q -F -e "'$val'" -e "$opt" err; then
			printf '%s %s %s: status %s: %s\n' "${cmd%% *}" "$opt" "'$val'" \
			    "$status" "$(head -n 1 err)"
			bad=$((bad + 1))
		fi
	done <<-EOF
	-f|nosuch|tabloid-count $I/crlf
	-f||tabloid-count $I/crlf
	-f|0|tabloid-count $I/crlf
	-f|3|tabloid-count $I/crlf
	-f|1,|tabloid-count $I/crlf
	-f|,1|tabloid-count $I/crlf
	-f|1,,2|tabloid-count $I/crlf
	--by|nosuch|tabloid-count -f 1 $I/crlf
	--by||tabloid-count -f 1 $I/crlf
	-f|nosuch|tabloid-tokenize $I/crlf
	-f||tabloid-tokenize $I/crlf
	-f|-1|tabloid-tokenize $I/crlf
	-f|1,2|tabloid-tokenize $I/crlf
	-f|nosuch|tabloid-tag-entities $I/crlf
	-f||tabloid-tag-entities $I/crlf
	-f|1,2|tabloid-tag-entities $I/crlf
	-t|NOSUCH|tabloid-tag-entities $I/crlf
	-t||tabloid-tag-entities $I/crlf
	-u||tabloid-split $I/crlf
	--color|sometimes|tabloid-diff-versions $I/ref.txt $I/crlf
	EOF
	table_done "$n" "$bad"
}
