#!/usr/bin/env bats
# Sentence-boundary quality against the hand-annotated gold standard in
# tests/gold/split (see its README).  The threshold is set just below the
# score measured when the gold standard was written, so a regression fails.

@test "sentence boundaries: F1 over the gold standard is at least 0.98" {
	run sh "$TABLOID_SRCDIR/tests/score-split.sh" "$TABLOID_SRCDIR/tests/gold/split" \
	    "$TABLOID_SRCDIR/samples"
	echo "$output"
	[ "$status" -eq 0 ]
	f1=$(echo "$output" | awk '/^total/ { print $NF }')
	awk -v f="$f1" 'BEGIN { exit !(f >= 0.98) }'
}

@test "sentence boundaries: every sample is scored and none falls below 0.9 recall" {
	run sh "$TABLOID_SRCDIR/tests/score-split.sh" "$TABLOID_SRCDIR/tests/gold/split" \
	    "$TABLOID_SRCDIR/samples"
	[ "$(echo "$output" | grep -c '^00[0-4]_')" -eq 5 ]
	echo "$output" | awk '$1 != "total" && $5 < 0.9 { print; bad = 1 } END { exit bad }'
}
