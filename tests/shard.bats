#!/usr/bin/env bats
# Sharded equals single: every program, and the README's pipelines, run
# under GNU parallel --pipe in blocks of several sizes give the bytes of
# one process (after the header lines that each job repeats are dropped),
# and the README's Hadoop Streaming job, emulated here as Hadoop runs it
# (mappers over line-aligned splits of headerless input, the mapper output
# sorted by key, one reducer or two on a hash partition of the keys),
# gives the single-process counts.

bats_require_minimum_version 1.5.0
load helpers
load shardlib

setup_file() {
	cd "$BATS_FILE_TMPDIR"
	shard_inputs
}

setup() {
	cd "$BATS_FILE_TMPDIR"
	command -v parallel >/dev/null || skip "GNU parallel is not installed (CI installs it)"
	export HOME=$BATS_TEST_TMPDIR
}

# sharded BLOCK INPUT CMD...: CMD over INPUT in parallel jobs of BLOCK
# bytes, the outputs in input order, repeated headers dropped.
sharded() {
	local block=$1 input=$2
	shift 2
	parallel --will-cite --pipe --header : --block "$block" -k "$@" <"$input" | dehead
}

# grouped BLOCK INPUT CMD...: as sharded, with each document's rows in one block.
grouped() {
	local block=$1 input=$2
	shift 2
	parallel --will-cite --pipe --header : --colsep '\t' --group-by doc --block "$block" -k \
	    "$@" <"$input" | dehead
}

# jobs_ran BLOCK INPUT: fail unless INPUT makes more than one job of BLOCK bytes.
jobs_ran() {
	[ "$(parallel --will-cite --pipe --header : --block "$1" -k wc -l <"$2" | wc -l)" -gt 1 ]
}

@test "shard: tabloid-split --tsv in blocks of 10k and 60k equals one process" {
	tabloid-split --tsv articles.tsv >one
	for b in 10k 60k; do
		jobs_ran $b articles.tsv
		sharded $b articles.tsv tabloid-split --tsv | cmp one -
	done
}

@test "shard: tabloid-tokenize in blocks of 5k and 100k equals one process" {
	tabloid-tokenize sent.tsv >one
	for b in 5k 100k; do
		jobs_ran $b sent.tsv
		sharded $b sent.tsv tabloid-tokenize | cmp one -
	done
}

@test "shard: tabloid-tag-entities with --group-by doc in blocks of 10k and 100k equals one process" {
	tabloid-tag-entities sent.tsv >one
	[ "$(wc -l <one)" -gt 3000 ]
	for b in 10k 100k; do
		jobs_ran $b sent.tsv
		grouped $b sent.tsv tabloid-tag-entities | cmp one -
	done
	# token rows too
	tabloid-tokenize sent.tsv >toks.tsv
	tabloid-tag-entities toks.tsv >one
	grouped 200k toks.tsv tabloid-tag-entities | cmp one -
}

@test "shard: tabloid-count then --merge, and --merge of merges, equal one count" {
	tabloid-count -f token tok.tsv >one
	for b in 50k 1M; do
		jobs_ran $b tok.tsv
		sharded $b tok.tsv tabloid-count -f token | tabloid-count --merge | cmp one -
	done
	# the merge step sharded too: partial counts merged in blocks, then once more
	sharded 50k tok.tsv tabloid-count -f token >partial
	sharded 20k partial tabloid-count --merge | tabloid-count --merge | cmp one -
	tabloid-count -f token --by doc -n 3 tok.tsv >one
	grouped 100k tok.tsv tabloid-count -f token --by doc | tabloid-count --merge --by doc -n 3 |
	    cmp one -
}

@test "shard: tabloid-count --docs with --group-by doc, then --merge, equals one count" {
	tabloid-count -f token --docs tok.tsv >one
	for b in 50k 1M; do
		grouped $b tok.tsv tabloid-count -f token --docs | tabloid-count --merge | cmp one -
	done
}

@test "shard: tabloid-diff-versions over pairs in parallel equals the pairs one after another" {
	local v=$TABLOID_SRCDIR/samples/versions
	ls "$v"/coons-*.txt | awk 'NR > 1 { print prev "\t" $0 } { prev = $0 }' >pairs
	[ "$(wc -l <pairs)" -ge 6 ]
	while IFS=$'\t' read -r a b; do tabloid-diff-versions -a "$a" "$b" || [ $? -eq 1 ]; done <pairs |
	    dehead >one
	parallel --will-cite -k --colsep '\t' 'tabloid-diff-versions -a {1} {2}; [ $? -le 1 ]' <pairs |
	    dehead | cmp one -
	# -s summaries too
	while IFS=$'\t' read -r a b; do tabloid-diff-versions -s "$a" "$b" || [ $? -eq 1 ]; done <pairs |
	    dehead >one
	parallel --will-cite -k --colsep '\t' 'tabloid-diff-versions -s {1} {2}; [ $? -le 1 ]' <pairs |
	    dehead | cmp one -
}

@test "shard: the README's word-count and entity-count pipelines equal one process" {
	local files
	files=$(ls "$TABLOID_SRCDIR"/samples/*.txt "$TABLOID_SRCDIR"/tests/gold/split/*.txt)
	# shellcheck disable=SC2086
	tabloid-split $files | tabloid-tokenize --lower | tabloid-count -f token >one
	# shellcheck disable=SC2086
	tabloid-split $files | tabloid-tokenize --lower |
	    parallel --will-cite --pipe --header : --block 100k tabloid-count -f token |
	    tabloid-count --merge | cmp one -
	# shellcheck disable=SC2086
	tabloid-split $files | tabloid-tag-entities | tabloid-count -f ent_label,entity >one
	# shellcheck disable=SC2086
	tabloid-split $files |
	    parallel --will-cite --pipe --header : --colsep '\t' --group-by doc --block 50k \
	        'tabloid-tag-entities | tabloid-count -f ent_label,entity' |
	    tabloid-count --merge | cmp one -
}

# --- Hadoop Streaming, emulated -----------------------------------------------

# hadoop MAPPER REDUCER [SEED]: run the job over the headerless file
# articles as Hadoop Streaming does: split it at random line boundaries
# (4 splits, from SEED), run MAPPER (a shell command) on each split, sort
# all the mapper output by its first field (LC_ALL=C, as the shuffle
# orders keys bytewise), and feed it to REDUCER; write the reducer output.
hadoop() {
	local mapper=$1 reducer=$2 seed=${3:-1} i
	awk -v seed="$seed" -v n="$(wc -l <articles)" 'BEGIN {
		srand(seed)
		for (i = 1; i <= 3; i++) cut[int(1 + rand() * (n - 1))] = 1
	} { print > ("split." k) } $0 != "" && (NR in cut) { k++ }' articles
	for i in split.*; do
		sh -c "$mapper" <"$i" >"map.${i#split.}"
	done
	[ "$(ls map.* | wc -l)" -ge 2 ]
	cat map.* | LC_ALL=C sort -t "$(printf '\t')" -k1,1 | sh -c "$reducer"
	rm -f split.* map.*
}

# hadoop2 MAPPER REDUCER [SEED]: as hadoop, with two reducers, each given the
# sorted keys of its hash partition (the sum of the key's bytes, mod 2);
# writes both reducers' outputs one after the other.
hadoop2() {
	local mapper=$1 reducer=$2 seed=${3:-1} i r
	awk -v seed="$seed" -v n="$(wc -l <articles)" 'BEGIN {
		srand(seed)
		for (i = 1; i <= 3; i++) cut[int(1 + rand() * (n - 1))] = 1
	} { print > ("split." k) } $0 != "" && (NR in cut) { k++ }' articles
	for i in split.*; do
		sh -c "$mapper" <"$i"
	done | LC_ALL=C awk -F '\t' 'BEGIN { for (i = 1; i < 256; i++) ord[sprintf("%c", i)] = i }
	{ h = 0; for (i = 1; i <= length($1); i++) h += ord[substr($1, i, 1)]; print > ("part." h % 2) }'
	for r in part.0 part.1; do
		[ -s "$r" ]
		LC_ALL=C sort -t "$(printf '\t')" -k1,1 "$r" | sh -c "$reducer"
	done
	rm -f split.* part.*
}

@test "hadoop: the README's word count, 1 reducer and 2, equals one process" {
	local mapper='tabloid-split -N --tsv | tabloid-tokenize -N | tabloid-count -N -f 8'
	sh -c "$mapper" <articles >one
	[ "$(wc -l <one)" -gt 1000 ]
	for seed in 1 2 3; do
		hadoop "$mapper" 'tabloid-count -N --merge' $seed | cmp one -
		hadoop2 "$mapper" 'tabloid-count -N --merge' $seed | sort >two
		sort one | cmp - two
	done
}

@test "hadoop: per-document entity counts, 1 reducer and 2, equal one process" {
	local mapper='tabloid-split -N --tsv | tabloid-tag-entities -N | tabloid-count -N -f 1,6,7'
	sh -c "$mapper" <articles >one
	[ "$(wc -l <one)" -gt 1000 ]
	hadoop "$mapper" 'tabloid-count -N --merge' 5 | cmp one -
	hadoop2 "$mapper" 'tabloid-count -N --merge' 5 | sort >two
	sort one | cmp - two
}

@test "hadoop: document frequencies (--docs), 1 reducer and 2, equal one process" {
	local mapper='tabloid-split -N --tsv | tabloid-tokenize -N --lower | tabloid-count -N -f 8 --docs'
	sh -c "$mapper" <articles >one
	hadoop "$mapper" 'tabloid-count -N --merge --docs' 7 | cmp one -
	hadoop2 "$mapper" 'tabloid-count -N --merge --docs' 7 | sort >two
	sort one | cmp - two
	# without --docs the reducer would take the docs column for the count
	hadoop "$mapper" 'tabloid-count -N --merge' 7 | cmp -s one - && return 1
	true
}
