#!/usr/bin/env bats
# Text that is not UTF-8 (tabloid(7), "Encodings"): a document that is not
# valid UTF-8 is read as Windows-1252 with a warning naming the file,
# stray invalid bytes become U+FFFD, --encoding chooses, NUL bytes are
# kept, every program writes valid UTF-8 whatever it reads, and offsets
# always point at the bytes of the source.

bats_require_minimum_version 1.5.0
load helpers

# utf8 FILE: fail unless FILE is valid UTF-8.
utf8() {
	python3 -c 'import sys; open(sys.argv[1], "rb").read().decode("utf-8")' "$1"
}

# traced ARTICLE ENCODING ROWS START END TEXT [FOLDED]: fail unless, in
# every row of the TSV file ROWS, the bytes of ARTICLE from column START to
# column END, decoded from ENCODING (invalid bytes as U+FFFD), are the
# text of column TEXT (with whitespace runs folded to one space when
# FOLDED is 1).  Prints the number of rows checked.
traced() {
	python3 - "$@" <<'EOF'
import csv, re, sys
src, enc, rows, s, e, t = sys.argv[1:7]
folded = len(sys.argv) > 7 and sys.argv[7] == "1"
data = open(src, "rb").read()
def unescape(v):
    return re.sub(r"\\(.)", lambda m: {"t": "\t", "n": "\n", "r": "\r", "\\": "\\"}.get(m.group(1), m.group(0)), v)
n = bad = 0
with open(rows, encoding="utf-8", newline="") as f:
    head = f.readline().rstrip("\n").split("\t")
    for line in f:
        r = dict(zip(head, line.rstrip("\n").split("\t")))
        want = data[int(r[s]):int(r[e])].decode(enc, errors="replace")
        if folded:
            want = re.sub(r"\s+", " ", want)
        n += 1
        if want != unescape(r[t]):
            bad += 1
            print("row %d: source %r, text %r" % (n, want, unescape(r[t])))
print(n)
sys.exit(1 if bad or n == 0 else 0)
EOF
}

setup() {
	cd "$T"
	printf 'Jos\351 Garc\355a flew from M\341laga to Z\374rich.\n\nHe met\240 \223Pe\361a\224 at the caf\351.\n' >latin1.txt
}

@test "a Latin-1 article: José is tagged as José, at the offsets of the original bytes" {
	run -0 --separate-stderr tabloid-split latin1.txt
	same "tabloid-split: latin1.txt: not valid UTF-8; read as Windows-1252 (--encoding chooses)" "$stderr"
	printf '%s\n' "$output" >sents.tsv
	utf8 sents.tsv
	run -0 traced latin1.txt cp1252 sents.tsv start end text 1
	same 2 "$output"
	run -0 tabloid-tag-entities -t PERSON,GPE sents.tsv
	same "$(rows 'doc\tpara\tsent\tent_start\tent_end\tent_label\tentity\tmention' \
	    'latin1\t1\t1\t0\t11\tPERSON\tJosé García\tJosé García' \
	    'latin1\t1\t1\t22\t28\tGPE\tMálaga\tMálaga' \
	    'latin1\t1\t1\t32\t38\tGPE\tZurich\tZürich')" "$output"
}

@test "the fold column maps every character of a decoded sentence back to its bytes" {
	run -0 --separate-stderr tabloid-split latin1.txt
	same "$(rows 'doc\tpara\tsent\tstart\tend\tfold\ttext' \
	    'latin1\t1\t1\t0\t39\t3:1:2,10:1:2,25:1:2,36:1:2\tJosé García flew from Málaga to Zürich.' \
	    'latin1\t2\t2\t41\t68\t6:2,7:1:3,12:1:2,15:1:3,29:1:2\tHe met “Peña” at the café.')" "$output"
}

@test "tokens and mentions of a Windows-1252 article are those of its UTF-8 original, at its own offsets" {
	local a
	for a in "$S"/00[0-3]_*.txt; do
		iconv -f UTF-8 -t WINDOWS-1252 "$a" >cp.txt
		tabloid-split "$a" | tabloid-tokenize >utf8.tok
		tabloid-split cp.txt 2>/dev/null | tabloid-tokenize >cp.tok
		run -0 traced cp.txt cp1252 cp.tok tok_start tok_end token
		[ "$output" -gt 100 ]
		same "$(cut -f 2-4,8 utf8.tok)" "$(cut -f 2-4,8 cp.tok)"
		tabloid-split "$a" | tabloid-tag-entities | cut -f 2-3,6-8 >utf8.ent
		tabloid-split cp.txt 2>/dev/null | tabloid-tag-entities >cp.ent
		run -0 traced cp.txt cp1252 cp.ent ent_start ent_end mention 1
		same "$(cat utf8.ent)" "$(cut -f 2-3,6-8 cp.ent)"
	done
}

@test "stray invalid bytes in UTF-8 become U+FFFD, and later offsets stay right" {
	printf 'The caf\303\251 \377 is near Z\303\274rich.\n' >stray.txt
	run -0 --separate-stderr tabloid-split stray.txt
	same "tabloid-split: stray.txt: invalid UTF-8 bytes replaced by U+FFFD" "$stderr"
	same "$(rows 'doc\tpara\tsent\tstart\tend\tfold\ttext' \
	    'stray\t1\t1\t0\t28\t10:1:3\tThe café \357\277\275 is near Zürich.')" "$output"
	printf '%s\n' "$output" >sents.tsv
	tabloid-tokenize sents.tsv >toks.tsv
	utf8 toks.tsv
	run -0 traced stray.txt utf-8 toks.tsv tok_start tok_end token
	same 7 "$output"
}

@test "--encoding chooses: utf-8 never decodes Windows-1252, windows-1252 always does, silently" {
	run -0 --separate-stderr tabloid-split --encoding=utf-8 -u doc latin1.txt
	same "tabloid-split: latin1.txt: invalid UTF-8 bytes replaced by U+FFFD" "$stderr"
	[[ "$output" == *"Jos�"* ]]
	printf 'caf\303\251\n' >utf8.txt
	run -0 --separate-stderr tabloid-split --encoding=latin1 utf8.txt
	same "" "$stderr"
	same "utf8	1	1	0	5	3:1:2,5:1:2	cafÃ©" "$(sed 1d <<<"$output")"
	run -0 --separate-stderr tabloid-split --encoding=WINDOWS-1252 latin1.txt
	same "" "$stderr"
	run -2 tabloid-split --encoding=ebcdic latin1.txt
	[[ "$output" == *"--encoding: 'ebcdic' is not an encoding"* ]]
}

@test "a document that is not Windows-1252 either is read as UTF-8 with U+FFFD" {
	# 0x81 is undefined in Windows-1252
	printf 'Jos\351 \201 said so.\n' >odd.txt
	run -0 --separate-stderr tabloid-split -u doc odd.txt
	same "tabloid-split: odd.txt: invalid UTF-8 bytes replaced by U+FFFD" "$stderr"
	[[ "$output" == *"	Jos� � said so." ]]
}

@test "Latin-1 text fields of rows: tokenize and tag-entities decode them and keep the field's offsets" {
	printf 'doc\ttext\nd1\tJos\351 Garc\355a lives in M\341laga.\nd2\tPlain ASCII.\n' >rows.tsv
	run -0 --separate-stderr tabloid-tokenize rows.tsv
	same "tabloid-tokenize: rows.tsv: line 2: not valid UTF-8; read as Windows-1252 (--encoding chooses)" "$stderr"
	same "$(rows 'd1\t1\t0\t4\tword\tJosé' 'd1\t2\t5\t11\tword\tGarcía')" "$(sed -n 2,3p <<<"$output")"
	run -0 --separate-stderr tabloid-tag-entities rows.tsv
	same "$(rows 'doc\tent_start\tent_end\tent_label\tentity\tmention' \
	    'd1\t0\t11\tPERSON\tJosé García\tJosé García' 'd1\t21\t27\tGPE\tMálaga\tMálaga')" "$output"
	iconv -f WINDOWS-1252 -t UTF-8 rows.tsv | sed 's/\t/,/' >rows.csv
	iconv -f UTF-8 -t WINDOWS-1252 rows.csv >cp.csv
	run -0 tabloid-tokenize --icsv cp.csv
	[[ "$output" == *"	word	García"* ]]
}

@test "every program writes valid UTF-8 whatever its input holds" {
	printf 'doc\tw\ttext\nd1\tJos\351\tcaf\351 \377 b\nd2\t\377\300\tx\n' >bad.tsv
	tabloid-count -f w bad.tsv >count.out
	utf8 count.out
	same "$(printf 'w\tcount\nJos\357\277\275\t1\n\357\277\275\357\277\275\t1')" "$(cat count.out)"
	tabloid-count -f w --ojsonl bad.tsv >count.jsonl
	utf8 count.jsonl
	tabloid-tokenize bad.tsv >tok.out 2>/dev/null
	utf8 tok.out
	tabloid-tag-entities bad.tsv >tag.out 2>/dev/null
	utf8 tag.out
	printf 'Jos\351 Garc\355a said no.\n' >v1.txt
	printf 'Jos\351 Garc\355a said yes.\n' >v2.txt
	run -0 --separate-stderr tabloid-diff-versions -a v1.txt v2.txt
	[[ "$output" == *"	José García said [-no.-]{+yes.+}" ]]
	[[ "$stderr" == *"v1.txt: not valid UTF-8; read as Windows-1252"* ]]
	run -1 tabloid-watch --no-progress state v1.txt
	cp v2.txt v1.txt
	tabloid-watch --no-progress state v1.txt >watch.out 2>/dev/null || [ $? -eq 1 ]
	utf8 watch.out
	grep -q 'José García said yes' watch.out
}

@test "NUL bytes never end a field" {
	printf 'Before\000after the NUL. Second sentence.\n' >nul.txt
	tabloid-split nul.txt >sents.tsv
	[ "$(tr -d '\000' <sents.tsv | grep -c 'Beforeafter the NUL.')" -eq 1 ]
	grep -q 'Second sentence' sents.tsv
	tabloid-tokenize sents.tsv | cut -f 8 | tr '\000' '@' >toks
	grep -qx 'NUL' toks
	grep -qx 'sentence' toks
	tabloid-split --ojsonl nul.txt | grep -q 'Before\\u0000after the NUL.'
	tabloid-split --ocsv nul.txt | tr '\000' '@' | grep -q 'Before@after the NUL.'
	printf 'doc\ttext\nd\tone\000two three\n' | tabloid-tokenize | cut -f 6 | tr '\000' '@' >toks
	grep -qx 'three' toks
}
