#!/usr/bin/env bats
# The fuzz targets of tests/fuzz/ replay their corpora (seeds and every
# input a fuzzing campaign found a fault with); a crash, a sanitizer
# report or a broken invariant fails the test.  See tests/fuzz/README.

load helpers

F=$TABLOID_SRCDIR/tests/fuzz

# replay TARGET: run replay-TARGET over the target's corpus.
replay() {
	run "$TABLOID_BUILDDIR/tests/fuzz/replay-$1" "$F/corpus/$1"
	echo "$output"
	[ "$status" -eq 0 ]
	n=$(printf '%s\n' "$output" | sed -n "s/^replay-$1: \([0-9]*\) inputs\$/\1/p")
	[ -n "$n" ] && [ "$n" -gt 0 ]
	[ "$n" -eq "$(find "$F/corpus/$1" -type f | wc -l)" ]
}

@test "fuzz target tsv: corpus replays" {
	replay tsv
}

@test "fuzz target csv: corpus replays" {
	replay csv
}

@test "fuzz target seg: corpus replays" {
	replay seg
}

@test "fuzz target tok: corpus replays" {
	replay tok
}

@test "fuzz target ner: corpus replays" {
	replay ner
}

@test "fuzz target diff: corpus replays" {
	replay diff
}

@test "fuzz target group: corpus replays" {
	replay group
}

@test "fuzz target tally: corpus replays" {
	replay tally
}

@test "fuzz target enc: corpus replays" {
	replay enc
}

@test "fuzz target rowout: corpus replays" {
	replay rowout
}

@test "every target has a dictionary and a corpus" {
	for t in tsv csv seg tok ner diff group tally enc rowout; do
		[ -s "$F/dict/$t.dict" ]
		[ -d "$F/corpus/$t" ]
	done
	[ "$(ls "$F/corpus" | wc -l)" -eq 10 ]
}

@test "replay reads standard input and fails on a missing file" {
	printf 'doc\ttext\nd\tHello.\n' | "$TABLOID_BUILDDIR/tests/fuzz/replay-tsv"
	run "$TABLOID_BUILDDIR/tests/fuzz/replay-tsv" "$T/no-such-file"
	[ "$status" -eq 2 ]
}

@test "the corpus is small" {
	[ "$(find "$F/corpus" -type f -exec cat {} + | wc -c)" -lt 8000000 ]
}
