# Helpers shared by the bats files of the programs.

# T: the test's scratch directory; S: the sample articles.
T=$BATS_TEST_TMPDIR
S=$TABLOID_SRCDIR/samples

# rows LINE...: print each LINE with its backslash escapes (\t) decoded.
rows() {
	printf '%b\n' "$@"
}

# same EXPECTED ACTUAL: fail with a unified diff unless the texts are equal.
same() {
	if [ "$1" != "$2" ]; then
		printf '%s\n' "$1" >"$T/expected"
		printf '%s\n' "$2" >"$T/actual"
		diff -u "$T/expected" "$T/actual" || true
		return 1
	fi
}

# table_done N BAD: the end of a table check: N cases ran, BAD failed.
table_done() {
	if [ "$1" -eq 0 ]; then
		echo "empty table"
		return 1
	fi
	[ "$2" -eq 0 ]
}
