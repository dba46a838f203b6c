#!/bin/sh
# score-entities.sh GOLDDIR PRED [NAME...]: precision, recall and F1 of
# entity mentions in PRED (TSV with the columns doc ent_start ent_end
# ent_label, as tabloid-tag-entities writes them) against the
# hand-annotated NAME.ents files in GOLDDIR (all of them when no NAME is
# given).  A mention counts when its document, offsets and label all match.  Mentions of documents
# without a .ents file are ignored.  Prints one line per type, then
# "core" (PERSON ORG GPE LOC NORP, micro-averaged) and "all":
#     TYPE gold predicted matched precision recall F1
set -eu
gold=$1
pred=$2
shift 2
if [ $# -eq 0 ]; then
	set -- $(cd "$gold" && ls *.ents | sed 's/\.ents$//')
fi
for name in "$@"; do
	[ -f "$gold/$name.ents" ] || { echo "score-entities.sh: $gold/$name.ents: no such file" >&2; exit 2; }
	awk -v doc="$name" 'NR > 1 { print doc "\t" $1 "\t" $2 "\t" $3 }' FS='\t' "$gold/$name.ents"
done | LC_ALL=C awk -F '\t' -v pred="$pred" '
	{ gold[$0] = 1; docs[$1] = 1; ng[$4]++ }
	END {
		while ((getline line < pred) > 0) {
			n = split(line, f, "\t")
			if (!hdr) {
				for (i = 1; i <= n; i++) col[f[i]] = i
				if (!("doc" in col) || !("ent_start" in col) || !("ent_end" in col) || !("ent_label" in col)) {
					print "score-entities.sh: " pred ": no doc, ent_start, ent_end and ent_label columns" > "/dev/stderr"
					exit 2
				}
				hdr = 1
				continue
			}
			if (!(f[col["doc"]] in docs)) continue
			key = f[col["doc"]] "\t" f[col["ent_start"]] "\t" f[col["ent_end"]] "\t" f[col["ent_label"]]
			if (key in seen) continue
			seen[key] = 1
			np[f[col["ent_label"]]]++
			if (key in gold) nm[f[col["ent_label"]]]++
		}
		split("PERSON ORG GPE LOC NORP DATE TIME MONEY PERCENT", types, " ")
		for (i = 1; i <= 9; i++) {
			t = types[i]
			line_(t, ng[t] + 0, np[t] + 0, nm[t] + 0)
			all_g += ng[t]; all_p += np[t]; all_m += nm[t]
			if (i <= 5) { core_g += ng[t]; core_p += np[t]; core_m += nm[t] }
		}
		line_("core", core_g, core_p, core_m)
		line_("all", all_g, all_p, all_m)
	}
	function line_(t, g, p, m,   P, R, F) {
		P = p ? m / p : (g ? 0 : 1)
		R = g ? m / g : 1
		F = P + R > 0 ? 2 * P * R / (P + R) : 0
		printf "%s\t%d\t%d\t%d\t%.3f\t%.3f\t%.3f\n", t, g, p, m, P, R, F
	}'
