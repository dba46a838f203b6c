#!/usr/bin/env bats
# tabloid-split against the 48 English "Golden Rules" of sentence
# boundaries in tests/golden-rules.tsv (see its header for the source and
# the columns).  Each rule's text is split with tabloid-split -u sent as an
# article of its own; the text column of the rows, joined by " | ", must
# equal the expected sentences with whitespace runs folded to one space.
# A rule marked known must still give the sentences recorded for it, so
# that any change to a known failure is noticed and the table updated.

bats_require_minimum_version 1.5.0
load helpers

R=$TABLOID_SRCDIR/tests/golden-rules.tsv

# unescape FIELD: decode the TSV escapes \t, \n, \r and \\ of FIELD; any
# other backslash is kept as it is.
unescape() {
	awk 'BEGIN {
		s = ARGV[1]; ARGV[1] = ""; out = ""
		while ((i = index(s, "\\")) > 0) {
			c = substr(s, i + 1, 1)
			if (c == "t") c = "\t"
			else if (c == "n") c = "\n"
			else if (c == "r") c = "\r"
			else if (c != "\\") c = "\\" c
			out = out substr(s, 1, i - 1) c
			s = substr(s, i + 2)
		}
		printf "%s", out s
	}' "$1"
}

# folded FIELD: FIELD decoded, each run of whitespace made one space.
folded() {
	unescape "$1" | awk 'BEGIN { RS = "^$" } {
		gsub(/[ \t\n\r]+/, " "); sub(/^ /, ""); sub(/ $/, ""); printf "%s", $0
	}'
}

# sentences TEXT: the article TEXT (escaped) split into sentences, the
# decoded text column of the rows joined by " | ".
sentences() {
	unescape "$1" >"$T/article"
	printf '\n' >>"$T/article"
	tabloid-split -N -u sent "$T/article" | while IFS= read -r row; do
		printf '%s\n' "$(unescape "${row##*	}")"
	done | awk 'NR > 1 { printf " | " } { printf "%s", $0 }'
}

# check STATUS: run every rule of the table with status STATUS and fail,
# showing each mismatch, unless all give what the table expects of them.
# Fields are read with IFS set to TAB, so only the trailing fields of a
# row may be empty.
check() {
	local id status text want actual reason got n=0 bad=0
	while IFS='	' read -r id status text want actual reason; do
		case $id in '#'* | id | '') continue ;; esac
		[ "$status" = "$1" ] || continue
		got=$(sentences "$text")
		if [ "$status" = pass ]; then
			want=$(folded "$want")
		else
			want=$(folded "$actual")
		fi
		n=$((n + 1))
		if [ "$got" != "$want" ]; then
			printf 'rule %s (%s)\nexpected: %s\nactual:   %s\n\n' \
			    "$id" "$status" "$want" "$got"
			bad=$((bad + 1))
		fi
	done <"$R"
	echo "$n rules, $bad failed"
	[ "$bad" -eq 0 ]
}

@test "golden rules: the table holds rules 1 to 48, each pass or known" {
	run awk -F '\t' '
		/^#/ || $1 == "id" { next }
		{ n++; if ($1 != n || ($2 != "pass" && $2 != "known") ||
		    ($2 == "known" && ($5 == "" || $6 == "")) || NF != 6) bad = 1 }
		END { exit bad || n != 48 }' "$R"
	[ "$status" -eq 0 ]
}

@test "golden rules: every rule marked pass gives the expected sentences" {
	check pass
}

@test "golden rules: every known failure still gives the recorded sentences" {
	check known
}
