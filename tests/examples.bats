#!/usr/bin/env bats
# Every command in the EXAMPLES section of every man page runs and exits 0.

@test "man page EXAMPLES run" {
	cd "$TABLOID_SRCDIR"
	n=0
	for page in man/*.[17]; do
		cmds=$(awk '/^\.Sh EXAMPLES/ { on = 1; next } /^\.Sh / { on = 0 }
			on && /^\.Dl / { sub(/^\.Dl /, ""); gsub(/\\e/, "\\"); gsub(/\\\(aq/, "\047"); gsub(/\\\(dq/, "\042"); gsub(/\\&/, ""); print }' "$page")
		while IFS= read -r cmd; do
			[ -n "$cmd" ] || continue
			n=$((n + 1))
			out=$(bash -o pipefail -c "$cmd" 2>&1 </dev/null | head -c 100000) || {
				echo "failed in $page: $cmd"
				echo "$out" | head -n 5
				return 1
			}
			[ -n "$out" ] || { echo "no output in $page: $cmd"; return 1; }
		done <<<"$cmds"
	done
	echo "$n examples"
	[ "$n" -ge 12 ]
}
