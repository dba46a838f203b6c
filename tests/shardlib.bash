# Helpers for the tests of sharded runs (shard.bats, hosts.bats).  Load
# after helpers.bash.

# shard_inputs: in the current directory, the sample and gold articles as
# a table (articles: doc TAB text, the text escaped as tabloid(7) says;
# articles.tsv: the same with a header), their sentences (sent.tsv) and
# lower-cased tokens (tok.tsv).
shard_inputs() {
	local f
	for f in "$TABLOID_SRCDIR"/samples/*.txt "$TABLOID_SRCDIR"/tests/gold/split/*.txt; do
		printf '%s\t' "$(basename "$f" .txt)"
		awk 'BEGIN { ORS = "" } { gsub(/\\/, "\\\\"); gsub(/\t/, "\\t"); if (NR > 1) print "\\n"; print }' "$f"
		printf '\n'
	done >articles
	{ printf 'doc\ttext\n'; cat articles; } >articles.tsv
	tabloid-split --tsv articles.tsv >sent.tsv
	tabloid-tokenize --lower sent.tsv >tok.tsv
}

# dehead: drop the lines that repeat the first one (each job's header).
dehead() {
	awk 'NR == 1 { h = $0; print; next } $0 != h'
}
