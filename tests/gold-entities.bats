#!/usr/bin/env bats
# Entity quality against the hand-annotated gold standard in
# tests/gold/entities (see its README): exact spans and types, scored by
# tests/score-entities.sh.  The thresholds sit just below the scores
# measured when they were set, so that a regression fails.

load helpers

setup() {
	files=
	for g in "$TABLOID_SRCDIR"/tests/gold/entities/*.ents; do
		name=$(basename "$g" .ents)
		if [ -f "$TABLOID_SRCDIR/tests/gold/split/$name.txt" ]; then
			files="$files $TABLOID_SRCDIR/tests/gold/split/$name.txt"
		else
			files="$files $S/$name.txt"
		fi
	done
	tabloid-split $files | tabloid-tag-entities >"$T/pred.tsv"
	# the floors of the first two tests were set before the third held-out
	# set (ho3_*) was added; it has floors of its own below
	score $(cd "$TABLOID_SRCDIR/tests/gold/entities" && ls *.ents | grep -v '^ho3_' |
	    sed 's/\.ents$//')
}

# score NAME...: score the predictions for articles NAME... into $T/scores.
score() {
	sh "$TABLOID_SRCDIR/tests/score-entities.sh" "$TABLOID_SRCDIR/tests/gold/entities" \
	    "$T/pred.tsv" "$@" >"$T/scores"
	cat "$T/scores"
}

# at_least ROW COLUMN MIN: the score in COLUMN (7 = F1) of ROW is >= MIN.
at_least() {
	awk -F '\t' -v row="$1" -v col="$2" -v min="$3" '
		$1 == row { found = 1; if ($col + 0 < min) { print row ": " $col " < " min; exit 1 } }
		END { if (!found) { print row ": no score"; exit 1 } }' "$T/scores"
}

@test "entities: micro-F1 over PERSON ORG GPE LOC NORP is at least 0.90" {
	at_least core 7 0.90
}

@test "entities: F1 per type stays above its floor" {
	at_least PERSON 7 0.93
	at_least ORG 7 0.88
	at_least GPE 7 0.92
	at_least NORP 7 0.92
	at_least MONEY 7 0.93
	at_least PERCENT 7 0.95
	at_least DATE 7 0.72
}

@test "entities: the first two held-out sets score at least 0.88" {
	score $(cd "$TABLOID_SRCDIR/tests/gold/entities" && ls ho_*.ents ho2_*.ents | sed 's/\.ents$//')
	at_least core 7 0.88
}

# The third set: 30 stories, first scored before any tuning on them at
# core F1 0.775, then read while tuning (see tests/gold/entities/README).
@test "entities: the third held-out set scores at least its tuned figures" {
	score $(cd "$TABLOID_SRCDIR/tests/gold/entities" && ls ho3_*.ents | sed 's/\.ents$//')
	at_least core 7 0.89
	at_least PERSON 7 0.87
	at_least ORG 7 0.88
	at_least GPE 7 0.91
	at_least LOC 7 0.84
	at_least NORP 7 0.92
}

@test "entities: the whole gold standard scores core F1 0.90 and ORG recall 0.85" {
	score
	at_least core 7 0.90
	at_least ORG 6 0.85
}

@test "entities: the scorer counts exact spans and labels only" {
	printf 'doc\tpara\tsent\tent_start\tent_end\tent_label\tentity\tmention\n' >"$T/p"
	awk -F '\t' 'NR > 1 { print "000_7a71359318611c7a\t1\t1\t" $1 "\t" $2 "\t" $3 "\tx\t" $4 }' \
	    "$TABLOID_SRCDIR/tests/gold/entities/000_7a71359318611c7a.ents" >>"$T/p"
	run sh "$TABLOID_SRCDIR/tests/score-entities.sh" "$TABLOID_SRCDIR/tests/gold/entities" \
	    "$T/p" 000_7a71359318611c7a
	[ "$status" -eq 0 ]
	echo "$output" | awk -F '\t' '$1 == "all" { exit !($7 == "1.000") }'
	sed -i '2s/\tPERSON\t/\tORG\t/; 3s/\t\([0-9]*\)\t\([A-Z]*\)\tx/\t\1\t\2\tx/' "$T/p"
	awk -F '\t' 'NR == 3 { $5 = $5 + 1 } { print }' OFS='\t' "$T/p" >"$T/q"
	run sh "$TABLOID_SRCDIR/tests/score-entities.sh" "$TABLOID_SRCDIR/tests/gold/entities" \
	    "$T/q" 000_7a71359318611c7a
	echo "$output" | awk -F '\t' '$1 == "all" { exit !($4 == $2 - 1 || $4 == $2 - 2) }'
}
