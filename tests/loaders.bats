#!/usr/bin/env bats
# Every program's output, written as TSV, CSV and JSON Lines, loaded by the
# readers of tabloid(7) "Reading tabloid output in other tools" with the
# settings given there (run from the man page itself), and compared row by
# row and field by field with the program's own TSV rows, decoded by the
# reference decoder in tests/loaders.py.  The input is the samples and a
# made-up article full of what readers trip on.  Readers that Debian 12
# does not package (Polars, DuckDB) are tried only when installed.

load helpers

# The outputs compared: D/NAME.tsv, .csv and .jsonl.
NAMES="split split-table tokenize tag-entities tag-bio count count-tokens
diff diff-summary diff-group watch watch-list"

setup_file() {
	local D=$BATS_FILE_TMPDIR S=$TABLOID_SRCDIR/samples f fmt last
	cd "$D"
	mkdir -p art ver snip
	cp "$S"/*.txt art/
	cp "$S"/versions/*.txt ver/
	# Sentences that start with a double quote or leave one open, commas,
	# semicolons, backslashes, a TAB, a CR, words that readers take for
	# missing values or booleans, a leading #, leading zeros, a number in
	# the text column, and text that is not ASCII.
	printf '%b' '"Quoted opening," said Ms O'\''Brien of NA Holdings in Zürich; she left.\n\n' \
		'"Unbalanced quote starts this sentence, and it never ends.\n\n' \
		'NULL and nan and TRUE are words here, as is # at the start, and agent 007 met 0042 people.\n\n' \
		'A path C:\\\\Users\\\\news\\\\file and a \\\\t that is not a tab, plus\ta literal tab.\n\n' \
		'A carriage\rreturn sits here; "quotes" inside, commas, too.\n\n' \
		'# Hash first, with “curly” quotes — naïve café in 東京, Ελλάδα.\n\n' \
		'NA\n\n007\n\n"\n\nFALSE\n\n-1.5e3\n' >art/hostile.txt
	cp art/hostile.txt ver/hostile-1.txt
	sed 's/never ends/ends "here/; s/agent 007/agent 008/' art/hostile.txt >ver/hostile-2.txt
	# A table of the articles with a metadata column that flows to the
	# end of the pipeline and holds every escape, an escape-like \" that
	# is not one, spaces at both ends and an empty field.
	{
		printf 'doc\tsource\ttext\n'
		printf 'q1\t"Wire\\t\\"desk"\\\\\\n2nd line\\r\t"Hello," she said; NA.\\n\\nNew paragraph\\twith tab, 007.\n'
		printf 'q2\tNA\t"Open quote, never closed. NULL here.\n'
		printf 'q3\t\tTRUE; nan; # not a comment.\n'
		printf 'q4\t 007 \tCafé \\\\N ünïcödé, "x","y".\n'
		printf 'q5\t#\tFALSE\n'
		for f in art/*.txt; do
			printf '%s\tfile,%s\t' "$(basename "$f" .txt)" "$f"
			awk 'BEGIN { ORS = "" }
			{ gsub(/\\/, "\\\\"); gsub(/\t/, "\\t"); gsub(/\r/, "\\r"); if (NR > 1) print "\\n"; print }' "$f"
			printf '\n'
		done
	} >table.tsv

	out split tabloid-split art/*.txt
	out split-table tabloid-split --tsv table.tsv
	out tokenize tabloid-tokenize split-table.tsv
	out tag-entities tabloid-tag-entities split-table.tsv
	out tag-bio tabloid-tag-entities --bio split-table.tsv
	out count tabloid-count -f source,text split-table.tsv
	last=$(head -n 1 tokenize.tsv | awk -F '\t' '{ print NF }')
	out count-tokens tabloid-count -f "$last" tokenize.tsv
	out diff tabloid-diff-versions -a ver/hostile-1.txt ver/hostile-2.txt
	out diff-summary tabloid-diff-versions -s ver/hostile-1.txt ver/hostile-2.txt
	out diff-group tabloid-diff-versions -g ver
	# watch: a first run, then the report of a second one after an edit,
	# a removal and a new article, each format from its own copy of the
	# state.
	export SOURCE_DATE_EPOCH=1700000000
	tabloid-watch state art >/dev/null || [ $? -eq 1 ]
	cp ver/hostile-2.txt art/hostile.txt
	rm art/001_*.txt
	printf 'NA\n\n"Fresh, "story; 007.\n' >art/new.txt
	for fmt in tsv csv jsonl; do
		cp -R state state-$fmt
		tabloid-watch --o$fmt state-$fmt art >watch.$fmt || [ $? -eq 1 ]
		tabloid-watch --list --o$fmt state-$fmt >watch-list.$fmt
	done

	# The snippets of tabloid(7), as a reader would type them.
	awk '/^\.\\" snippet: / { name = $3; next }
	name != "" && /^\.Bd/ { next }
	name != "" && /^\.Ed/ { name = ""; next }
	name != "" {
		gsub(/\\e/, "\\"); gsub(/\\&/, ""); gsub(/\\\(aq/, "\047")
		print >("snip/" name)
	}' "$TABLOID_SRCDIR/man/tabloid.7"
}

# out NAME PROG ARG...: PROG's rows in the three formats, in NAME.tsv,
# NAME.csv and NAME.jsonl.
out() {
	local name=$1 prog=$2 fmt
	shift 2
	for fmt in tsv csv jsonl; do
		"$prog" --o$fmt "$@" >"$name.$fmt"
	done
}

# python_with MODULE: a Python 3 that imports MODULE (the one on PATH, or
# Debian's when PATH finds another); fails when there is none.
python_with() {
	local p
	for p in python3 /usr/bin/python3; do
		"$p" -c "import importlib.util, sys; sys.exit(not importlib.util.find_spec('$1'))" 2>/dev/null &&
			{ echo "$p"; return 0; }
	done
	return 1
}

# loaders MODE: run tests/loaders.py MODE over every output.
loaders() {
	# shellcheck disable=SC2086
	"${PY:-python3}" "$TABLOID_SRCDIR/tests/loaders.py" "$1" "$BATS_FILE_TMPDIR" $NAMES
}

@test "loaders: the hostile input reaches the outputs, and every format has every row" {
	cd "$BATS_FILE_TMPDIR"
	n=0
	for name in $NAMES; do
		rows=$(($(wc -l <"$name.tsv") - 1))
		[ "$rows" -gt 0 ] || { echo "$name: no rows"; return 1; }
		[ "$(wc -l <"$name.jsonl")" -eq "$rows" ] || { echo "$name: JSON Lines rows"; return 1; }
		n=$((n + rows))
	done
	echo "$n rows"
	# A field that starts with a double quote, one that is only a double
	# quote, each of the four escapes, one that a reader takes for missing
	# or for a number, one with spaces at its ends, an empty one.
	all=$(for name in $NAMES; do tail -n +2 "$name.tsv"; done)
	for re in $'(^|\t)"[^\t]' $'(^|\t)"(\t|$)' '\\t' '\\n' '\\r' '\\\\' '\\"' \
		$'(^|\t)NA(\t|$)' $'(^|\t)007(\t|$)' $'(^|\t) 007 (\t|$)' $'\t\t' 'Zürich' '東京'; do
		grep -Eq -- "$re" <<<"$all" || { echo "no field matches $re"; return 1; }
	done
	# The CSV quotes what needs it and the JSON Lines are one object a line.
	grep -q ',"""Quoted opening,"" said' split.csv
	[ "$(grep -c '^{.*}$' split.jsonl)" -eq "$(wc -l <split.jsonl)" ]
}

@test "loaders: the program's JSON Lines hold its TSV rows, value by value" {
	run loaders jsonl
	echo "$output"
	[ "$status" -eq 0 ]
}

@test "loaders: pandas reads the TSV, the CSV and the JSON Lines with the settings of tabloid(7)" {
	PY=$(python_with pandas) || skip "pandas is not installed (build-aux/install-deps installs python3-pandas)"
	run loaders pandas-tsv,pandas-csv,pandas-jsonl
	echo "$output"
	[ "$status" -eq 0 ]
}

@test "loaders: R read.delim reads the TSV exactly; read.csv the CSV, but for a CR in a field" {
	command -v Rscript >/dev/null || skip "R is not installed (build-aux/install-deps installs r-base-core)"
	# shellcheck disable=SC2086
	Rscript "$TABLOID_SRCDIR/tests/loaders.R" r "$BATS_FILE_TMPDIR" $NAMES
	# read.csv turns a CR inside a quoted field into LF whatever it is
	# told (tabloid(7) says so): the rows are all there, that CR is the
	# only difference, and there is such a CR.
	run loaders canon:r-tsv,canon-cr-as-lf:r-csv
	echo "$output"
	[ "$status" -eq 0 ]
}

@test "loaders: readr reads the TSV and the CSV: every row and field" {
	command -v Rscript >/dev/null || skip "R is not installed (build-aux/install-deps installs r-base-core)"
	# shellcheck disable=SC2086
	run Rscript "$TABLOID_SRCDIR/tests/loaders.R" readr "$BATS_FILE_TMPDIR" $NAMES
	[ "$status" -ne 77 ] || skip "readr is not installed (build-aux/install-deps installs r-cran-readr)"
	echo "$output"
	[ "$status" -eq 0 ]
	run loaders canon:readr-tsv,canon:readr-csv
	echo "$output"
	[ "$status" -eq 0 ]
}

@test "loaders: Miller reads the TSV (decoding the escapes), the CSV and the JSON Lines" {
	command -v mlr >/dev/null || skip "Miller is not installed (build-aux/install-deps installs miller)"
	cd "$BATS_FILE_TMPDIR"
	[ "$(wc -l <snip/miller)" -eq 4 ]
	i=0 modes=
	while IFS= read -r cmd; do
		i=$((i + 1))
		case $cmd in
		*-S*--itsv*) mode=json-strings ;;
		*--itsv*) mode=json ;;
		*--icsv*) mode=json-strings ;;
		*--ijsonl*) mode=json-same ;;
		*) echo "unknown Miller snippet: $cmd"; return 1 ;;
		esac
		for name in $NAMES; do
			c=${cmd//f.tsv/$name.tsv}
			c=${c//f.csv/$name.csv}
			c=${c//f.jsonl/$name.jsonl}
			eval "$c" >"$name.mlr$i"
		done
		modes=$modes${modes:+,}$mode:mlr$i
	done <snip/miller
	run loaders "$modes"
	echo "$output"
	[ "$status" -eq 0 ]
}

@test "loaders: jq parses every line; offsets, counts and numbers are numbers, text is strings" {
	command -v jq >/dev/null || skip "jq is not installed (build-aux/install-deps installs jq)"
	cd "$BATS_FILE_TMPDIR"
	files=$(printf '%s.jsonl ' $NAMES)
	# One JSON value a line, each an object.
	# shellcheck disable=SC2086
	[ "$(jq -c 'objects' $files | wc -l)" -eq "$(cat $files | wc -l)" ]
	# In each file, each column holds strings only, or numbers and nulls
	# only; sequence numbers, offsets and counts are numbers; text is a
	# string.
	# shellcheck disable=SC2086
	run jq -r -n '
		[inputs | { f: input_filename, e: to_entries[] }]
		| group_by(.f, .e.key)[]
		| { f: .[0].f, key: .[0].e.key, types: (map(.e.value | type) | unique) } as $c
		| "\($c.f) \($c.key): " + (
		  if ($c.types - ["number", "null"] | length) > 0 and ($c.types - ["string"] | length) > 0
		  then "mixed types \($c.types)"
		  elif ($c.key | test("^(para|sent|count)$|(^|_)(start|end)$")) and $c.types != ["number"]
		  then "\($c.types), not numbers"
		  elif $c.key == "text" and $c.types != ["string"]
		  then "\($c.types), not strings"
		  elif ($c.types - ["string", "number", "null"] | length) > 0
		  then "\($c.types)"
		  else "ok \($c.types | join(","))" end)' $files
	[ "$status" -eq 0 ]
	bad=$(grep -v ': ok ' <<<"$output" || true)
	[ -z "$bad" ] || { echo "$bad"; return 1; }
	# Not vacuous: the number columns were found.
	n=$(grep -Ec '^[^ ]+ [a-z_]*(para|sent|count|start|end): ok number$' <<<"$output")
	echo "$n number columns"
	[ "$n" -ge 20 ]
	# The example of tabloid(7) runs.
	cmd=$(cat snip/jq)
	[ "$(eval "${cmd//f.jsonl/split.jsonl}" | wc -l)" -ge 5 ]
}

@test "loaders: Polars reads the TSV and the CSV (only when installed)" {
	PY=$(python_with polars) || skip "Polars is not installed (not packaged in Debian 12)"
	run loaders polars-tsv,polars-csv
	echo "$output"
	[ "$status" -eq 0 ]
}

@test "loaders: DuckDB reads the TSV and the CSV (only when installed)" {
	PY=$(python_with duckdb) || skip "DuckDB's Python module is not installed (not packaged in Debian 12)"
	run loaders duckdb-tsv,duckdb-csv
	echo "$output"
	[ "$status" -eq 0 ]
}

@test "loaders: tabloid(7) gives every reader's settings, and each program's page points there" {
	cd "$BATS_FILE_TMPDIR"
	for s in py-unesc pandas-tsv pandas-csv pandas-jsonl polars-tsv polars-csv r-unesc \
		r-tsv r-csv readr-tsv readr-csv duckdb-tsv duckdb-csv miller jq; do
		[ -s "snip/$s" ] || { echo "tabloid(7) has no snippet $s"; return 1; }
	done
	for p in split tokenize tag-entities count diff-versions watch; do
		grep -q 'Reading tabloid output in other tools' "$TABLOID_SRCDIR/man/tabloid-$p.1" ||
			{ echo "tabloid-$p(1) does not point to it"; return 1; }
	done
}
