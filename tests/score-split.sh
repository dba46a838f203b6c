#!/bin/sh
# score-split.sh GOLDDIR SAMPLEDIR: sentence-boundary precision, recall and
# F1 of tabloid-split against the hand-annotated .sents files in GOLDDIR.
# A boundary is the count of non-space bytes before it, so the score does
# not depend on whitespace.  Prints one line per file, then "total P R F1".
set -eu
gold=$1
samples=$2
tmp=${TMPDIR:-/tmp}/score-split.$$
mkdir -p "$tmp"
trap 'rm -rf "$tmp"' EXIT
for g in "$gold"/*.sents; do
	name=$(basename "$g" .sents)
	if [ -f "$gold/$name.txt" ]; then
		art=$gold/$name.txt
	else
		art=$samples/$name.txt
	fi
	tabloid-split -N "$art" | cut -f7 >"$tmp/sys"
	LC_ALL=C awk -v name="$name" '
		function bounds(file, set,   line, n, c) {
			n = 0; c = 0
			while ((getline line < file) > 0) {
				gsub(/ /, "", line)
				c += length(line)
				set[c] = 1
				n++
			}
			close(file)
			return n
		}
		BEGIN {
			ng = bounds(ARGV[1], G); ns = bounds(ARGV[2], S)
			tp = 0
			for (b in S) if (b in G) tp++
			printf "%s\t%d\t%d\t%d\n", name, tp, ns, ng
		}' "$g" "$tmp/sys"
done | LC_ALL=C awk -F '\t' '
	{ tp += $2; ns += $3; ng += $4
	  p = $3 ? $2 / $3 : 1; r = $4 ? $2 / $4 : 1
	  printf "%-40s P %.3f R %.3f (%d/%d/%d)\n", $1, p, r, $2, $3, $4 }
	END { p = tp / ns; r = tp / ng; f = 2 * p * r / (p + r)
	  printf "total P %.4f R %.4f F1 %.4f\n", p, r, f }'
