#!/usr/bin/env bats
# tabloid-watch: a sequence of runs over a directory of articles, with
# edits, new and removed articles, unreadable ones, kills, concurrent runs
# and a full disk; the versions it keeps.

load helpers

setup() {
	cd "$T"
	mkdir -p pages/2024/01 pages/2024/02
	cp "$S"/000_*.txt pages/a.txt
	cp "$S"/001_*.txt pages/b.txt
	cp "$S"/002_*.txt pages/c.txt
	cp "$S"/003_*.txt pages/2024/01/story.txt
	cp "$S"/004_*.txt pages/2024/02/story.txt
	export SOURCE_DATE_EPOCH=1700000000
}

# state_sum: what a state holds (its index and the text of every version).
state_sum() {
	{
		cat state/index
		tabloid-watch --list state
		tabloid-watch --list -N state | while IFS=$'\t' read -r doc v _ _ st _; do
			[ "$st" = text ] && tabloid-watch --show state "$doc" "$v" | cksum
		done
	} | cksum
}

# edit_b: the story b.txt with a word changed, a paragraph inserted and one deleted.
edit_b() {
	awk 'BEGIN { RS = ""; ORS = "\n\n" }
	NR == 3 { sub(/Chris Coons said the/, "Chris Coons said a") }
	NR == 4 { print "Prime Minister Jacinda Ardern of New Zealand met Microsoft executives in Wellington on Tuesday." }
	NR == 6 { next }
	{ print }' pages/b.txt >b.new
	mv b.new pages/b.txt
}

@test "first run: every article is new (exit 1); a second run with no change prints nothing (exit 0)" {
	run tabloid-watch state pages
	[ "$status" -eq 1 ]
	[ "${lines[0]}" = "0 changed, 5 new, 0 removed; 0 unchanged" ]
	[[ "$output" == *"new: 2024/01/story"* ]]
	[[ "$output" == *"new: 2024/02/story"* ]]
	run tabloid-watch state pages
	[ "$status" -eq 0 ]
	[ -z "$output" ]
	[ "$(tabloid-watch --list -N state | wc -l)" -eq 5 ]
}

@test "an edit, an inserted and a deleted paragraph, a new and a removed article" {
	tabloid-watch state pages >/dev/null || [ $? -eq 1 ]
	edit_b
	rm pages/c.txt
	echo 'Angela Merkel spoke in Berlin on Monday.' >pages/d.txt
	run tabloid-watch state pages
	[ "$status" -eq 1 ]
	[ "${lines[0]}" = "1 changed, 1 new, 1 removed; 3 unchanged" ]
	[[ "$output" == *"changed: b"* ]]
	[[ "$output" == *"said [-the-]{+a+} withdrawal"* ]]
	[[ "$output" == *"+         "*"Prime Minister Jacinda Ardern"* ]]
	[[ "$output" == *"new: d"* ]]
	[[ "$output" == *"removed: c"* ]]
	[[ "$output" == *"source: pages/b.txt"* ]]
	[[ "$output" == *"headline: Security links with US"* ]]
	run tabloid-watch state pages
	[ "$status" -eq 0 ]
	[ -z "$output" ]
}

@test "--otsv: one row per change, with the ops of tabloid-diff-versions" {
	tabloid-watch state pages >/dev/null || [ $? -eq 1 ]
	edit_b
	rm pages/c.txt
	run tabloid-watch --otsv state pages
	[ "$status" -eq 1 ]
	[ "${lines[0]}" = "$(rows 'time\tdoc\tchange\told_version\tnew_version\top\told_sent\tnew_sent\tsimilarity\tent_label\tentity\ttext')" ]
	ops=$(printf '%s\n' "$output" | awk -F'\t' '$3 == "changed" { print $6 }' | sort | uniq -c | awk '{ printf "%s%s ", $1, $2 }')
	[ "$ops" = "1+ 1- 1~ " ] || { echo "$ops"; false; }
	printf '%s\n' "$output" | awk -F'\t' 'NR > 1 && NF != 12 { exit 1 }'
	printf '%s\n' "$output" | grep -q "$(rows '^2023-11-14T22:13:20Z\tc\tremoved\t1\t\t')"
}

@test "people, organisations and places that entered or left the story" {
	tabloid-watch state pages >/dev/null || [ $? -eq 1 ]
	edit_b
	run tabloid-watch --otsv state pages
	[ "$status" -eq 1 ]
	entered=$(printf '%s\n' "$output" | awk -F'\t' '$3 == "entered" { print $10 ":" $11 }' | tr '\n' ' ')
	[ "$entered" = "PERSON:Jacinda Ardern ORG:Microsoft GPE:New Zealand GPE:Wellington " ] || { echo "$entered"; false; }
	sed -i 's/Prime Minister Jacinda Ardern of New Zealand met Microsoft executives in Wellington/The minister met the executives/' pages/b.txt
	run tabloid-watch state pages
	[ "$status" -eq 1 ]
	[[ "$output" == *"left: Jacinda Ardern (PERSON); Microsoft (ORG); New Zealand (GPE); Wellington (GPE)"* ]]
}

@test "an unreadable article is an error (exit 2) and the state stays as it was" {
	tabloid-watch state pages >/dev/null || [ $? -eq 1 ]
	edit_b
	before=$(state_sum)
	ln -s "$T/nowhere" pages/gone.txt
	run tabloid-watch state pages
	[ "$status" -eq 2 ]
	[[ "$output" == *"pages/gone.txt: No such file or directory"* ]]
	[ "$(state_sum)" = "$before" ]
	: >pages/gone.txt
	run tabloid-watch state pages
	[ "$status" -eq 2 ]
	[[ "$output" == *"pages/gone.txt: empty article"* ]]
	[ "$(state_sum)" = "$before" ]
}

@test "--unreadable keep: reported as unreadable, never as removed, and its last version kept" {
	tabloid-watch state pages >/dev/null || [ $? -eq 1 ]
	mv pages/c.txt c.txt
	ln -s "$T/nowhere" pages/c.txt
	run tabloid-watch --unreadable keep state pages
	[ "$status" -eq 1 ]
	[ "${lines[0]}" = "0 changed, 0 new, 0 removed, 1 unreadable; 4 unchanged" ]
	[[ "$output" == *"unreadable: c"* ]]
	[[ "$output" != *"removed: c"* ]]
	rm pages/c.txt
	mv c.txt pages/c.txt
	run tabloid-watch state pages
	[ "$status" -eq 0 ]
	[ -z "$output" ]
}

@test "a run killed with SIGKILL while reading leaves the state as it was; the next run reports right" {
	tabloid-watch state pages >/dev/null || [ $? -eq 1 ]
	before=$(state_sum)
	edit_b
	mkfifo zz.txt
	tabloid-watch state pages zz.txt >out 2>&1 &
	pid=$!
	sleep 0.5
	kill -KILL $pid
	wait $pid || true
	[ "$(state_sum)" = "$before" ]
	rm zz.txt
	run tabloid-watch state pages
	[ "$status" -eq 1 ]
	[ "${lines[0]}" = "1 changed, 0 new, 0 removed; 4 unchanged" ]
	[ -z "$(find state -name '.tmp-*')" ]
}

@test "runs killed with SIGKILL at many points: the state is the old one or the new one, never a third" {
	for i in $(seq 1 60); do echo "Story $i was first told on day $i by Jane Roe in Paris." >pages/s$i.txt; done
	tabloid-watch state pages >/dev/null || [ $? -eq 1 ]
	old=$(cat state/index)
	for i in $(seq 1 60); do echo "Story $i was told again by John Doe in London." >>pages/s$i.txt; done
	for delay in 0 0.002 0.005 0.01 0.02 0.03 0.05 0.08 0.12; do
		cp -a state state.try
		tabloid-watch state.try pages >/dev/null 2>&1 &
		pid=$!
		sleep $delay
		kill -KILL $pid 2>/dev/null || true
		wait $pid || true
		now=$(cat state.try/index)
		if [ "$now" = "$old" ]; then
			run tabloid-watch state.try pages
			[ "$status" -eq 1 ]
			[ "${lines[0]}" = "60 changed, 0 new, 0 removed; 5 unchanged" ]
		else
			[ "$(printf '%s\n' "$now" | grep -c $'\t2\t')" -eq 60 ]
			run tabloid-watch state.try pages
			[ "$status" -eq 0 ]
		fi
		[ -z "$(find state.try -name '.tmp-*')" ]
		tabloid-watch --list state.try >/dev/null
		rm -rf state.try
	done
}

@test "two runs at once: --no-wait refuses with status 75; without it the second waits" {
	tabloid-watch state pages >/dev/null || [ $? -eq 1 ]
	before=$(state_sum)
	edit_b
	flock state/lock sh -c 'while [ ! -e release ]; do sleep 0.05; done' &
	holder=$!
	for i in $(seq 200); do flock -n state/lock true || break; sleep 0.05; done
	! flock -n state/lock true
	index=$(cat state/index)
	run tabloid-watch --no-wait state pages
	[ "$status" -eq 75 ]
	[[ "$output" == *"state: another run holds the lock"* ]]
	tabloid-watch state pages >report 2>&1 &
	waiter=$!
	sleep 1
	kill -0 $waiter
	[ "$(cat state/index)" = "$index" ]
	touch release
	wait $holder
	st=0
	wait $waiter || st=$?
	[ "$st" -eq 1 ]
	[ "$(head -n 1 report)" = "1 changed, 0 new, 0 removed; 4 unchanged" ]
	[ "$(state_sum)" != "$before" ]
	run tabloid-watch state pages
	[ "$status" -eq 0 ]
}

@test "a full disk: the run fails with status 2 and the state stays as it was" {
	[ "$(id -u)" -eq 0 ] || skip "needs root to mount a small tmpfs"
	mkdir disk
	mount -t tmpfs -o size=256k tmpfs disk || skip "cannot mount a tmpfs here"
	tabloid-watch disk/state pages >/dev/null || [ $? -eq 1 ]
	cd disk && before=$(state_sum) && cd ..
	head -c 400000 /dev/urandom | base64 >pages/big.txt
	run tabloid-watch disk/state pages
	cd disk && after=$(state_sum) && cd ..
	umount disk
	[ "$status" -eq 2 ]
	[[ "$output" == *"No space left on device"* ]]
	[ "$after" = "$before" ]
}

@test "--list, --show and --diff: every version, its text, and the changes between any two" {
	tabloid-watch state pages >/dev/null || [ $? -eq 1 ]
	edit_b
	SOURCE_DATE_EPOCH=1700003600 tabloid-watch state pages >/dev/null || [ $? -eq 1 ]
	echo 'A last line.' >>pages/b.txt
	SOURCE_DATE_EPOCH=1700007200 tabloid-watch state pages >/dev/null || [ $? -eq 1 ]
	run tabloid-watch --list state b
	[ "$status" -eq 0 ]
	[ "${lines[0]}" = "$(rows 'doc\tversion\ttime\tbytes\tstate\ttext')" ]
	[ "${#lines[@]}" -eq 4 ]
	[[ "${lines[1]}" == "$(rows 'b\t1\t2023-11-14T22:13:20Z\t')"* ]]
	[[ "${lines[3]}" == "$(rows 'b\t3\t2023-11-15T00:13:20Z\t')"* ]]
	tabloid-watch --show state b 1 | cmp - "$S"/001_*.txt
	tabloid-watch --show state b | cmp - pages/b.txt
	run tabloid-watch --diff state b 1 3
	[ "$status" -eq 1 ]
	[[ "$output" == *"said [-the-]{+a+} withdrawal"* ]]
	[[ "$output" == *"A last line."* ]]
	run tabloid-watch --diff state b 2 2
	[ "$status" -eq 0 ]
	run tabloid-watch --show state b 9
	[ "$status" -eq 2 ]
	[[ "$output" == *"article 'b' has no version 9"* ]]
	run tabloid-watch --show state nosuch
	[ "$status" -eq 2 ]
	[[ "$output" == *"no article 'nosuch'"* ]]
}

@test "a removed article keeps its versions; --show of the removal is an error" {
	tabloid-watch state pages >/dev/null || [ $? -eq 1 ]
	rm pages/c.txt
	tabloid-watch state pages >/dev/null || [ $? -eq 1 ]
	run tabloid-watch --list -N state c
	[ "${#lines[@]}" -eq 2 ]
	[[ "${lines[1]}" == "$(rows 'c\t2\t2023-11-14T22:13:20Z\t\tremoved\t')" ]]
	tabloid-watch --show state c 1 | cmp - "$S"/002_*.txt
	run tabloid-watch --show state c
	[ "$status" -eq 2 ]
	[[ "$output" == *"records its removal"* ]]
	cp "$S"/002_*.txt pages/c.txt
	run tabloid-watch state pages
	[ "$status" -eq 1 ]
	[[ "$output" == *"new: c"* ]]
}

@test "unchanged text is stored once; --keep N prunes old versions and their texts" {
	tabloid-watch state pages >/dev/null || [ $? -eq 1 ]
	cp pages/a.txt pages/a-copy.txt
	tabloid-watch state pages >/dev/null || [ $? -eq 1 ]
	[ "$(find state/objects -type f | wc -l)" -eq 5 ]
	for i in 1 2 3; do
		echo "Update $i." >>pages/a.txt
		tabloid-watch --keep 2 state pages >/dev/null || [ $? -eq 1 ]
	done
	run tabloid-watch --list -N state a
	[ "${#lines[@]}" -eq 2 ]
	[[ "${lines[0]}" == "$(rows 'a\t3\t')"* ]]
	[ "$(find state/objects -type f | wc -l)" -eq 7 ]
	run tabloid-watch --show state a 1
	[ "$status" -eq 2 ]
}

@test "--tsv and --csv inputs; two rows with one doc id are an error naming both" {
	printf 'doc\tsource\ttext\nx\tw\tFirst story about Paris.\ny\tw\tSecond story.\\nWith two lines.\n' >in.tsv
	run tabloid-watch --tsv state in.tsv
	[ "$status" -eq 1 ]
	[ "${lines[0]}" = "0 changed, 2 new, 0 removed; 0 unchanged" ]
	tabloid-watch --show state y | cmp - <(printf 'Second story.\nWith two lines.')
	printf 'doc,text\nx,"First story about Paris."\ny,"Second story, changed."\n' >in.csv
	run tabloid-watch --csv state in.csv
	[ "$status" -eq 1 ]
	[ "${lines[0]}" = "1 changed, 0 new, 0 removed; 1 unchanged" ]
	printf 'doc\ttext\nx\tOne.\ny\tTwo.\nx\tThree.\n' >dup.tsv
	before=$(state_sum)
	run tabloid-watch --tsv state dup.tsv
	[ "$status" -eq 2 ]
	[[ "$output" == *"dup.tsv: line 2 and dup.tsv: line 4: both give the doc id 'x'"* ]]
	[ "$(state_sum)" = "$before" ]
	run tabloid-watch --tsv state "$S"/001_*.txt
	[ "$status" -eq 2 ]
}

@test "--ohtml: one self-contained page with insertions and deletions marked" {
	tabloid-watch state pages >/dev/null || [ $? -eq 1 ]
	edit_b
	echo '<b>Tags & "quotes"</b> in a new story.' >pages/e.txt
	run tabloid-watch --ohtml -o report.html state pages
	[ "$status" -eq 1 ]
	[ -z "$output" ]
	grep -q '^<!DOCTYPE html>' report.html
	grep -q 'said <del>the</del><ins>a</ins> withdrawal' report.html
	grep -q '<tr class="added">.*Jacinda Ardern' report.html
	grep -q '&lt;b&gt;Tags &amp; &quot;quotes&quot;&lt;/b&gt;' report.html
	! grep -Eq '(src|href)=' report.html
	tail -n 1 report.html | grep -q '</html>'
}

@test "-o: with no change the report file is left as it was" {
	tabloid-watch -o report.txt state pages || [ $? -eq 1 ]
	echo keep >report.txt
	run tabloid-watch -o report.txt state pages
	[ "$status" -eq 0 ]
	[ "$(cat report.txt)" = keep ]
}

@test "a directory that is not a state is refused; a damaged index is an error naming its line" {
	run tabloid-watch pages "$S"
	[ "$status" -eq 2 ]
	[[ "$output" == *"pages: not a tabloid-watch state directory"* ]]
	[ ! -e pages/lock ]
	tabloid-watch state pages >/dev/null || [ $? -eq 1 ]
	sed -i '3s/\t1\t/\tone\t/' state/index
	run tabloid-watch state pages
	[ "$status" -eq 2 ]
	[[ "$output" == *"state/index: line 3: bad version number"* ]]
	echo 'not a state' >state/index
	run tabloid-watch --list state
	[ "$status" -eq 2 ]
	[[ "$output" == *"state/index: line 1: not the index of a tabloid-watch state"* ]]
}

@test "a changed object is found out: its text no longer matches its name" {
	tabloid-watch state pages >/dev/null || [ $? -eq 1 ]
	obj=$(find state/objects -type f | head -n 1)
	echo tampered >>"$obj"
	run tabloid-watch --list state
	[ "$status" -eq 2 ]
	[[ "$output" == *"corrupt"* ]]
}

@test "usage errors exit 2" {
	run tabloid-watch
	[ "$status" -eq 2 ]
	run tabloid-watch --keep 0 state pages
	[ "$status" -eq 2 ]
	run tabloid-watch --unreadable maybe state pages
	[ "$status" -eq 2 ]
	run tabloid-watch --otsv --ohtml state pages
	[ "$status" -eq 2 ]
	run tabloid-watch --list --show state
	[ "$status" -eq 2 ]
	run tabloid-watch --show state
	[ "$status" -eq 2 ]
	run tabloid-watch state
	[ "$status" -eq 2 ]
	[ ! -e state ]
}
