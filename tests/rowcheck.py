#!/usr/bin/env python3
"""rowcheck.py FORMAT TSV OTHER [--noheader]: check that OTHER, a program's
output in FORMAT (csv or jsonl), holds the rows of TSV, the same program's
output in the wire format, field for field.  Prints the first difference
and exits 1; exits 0 when they agree."""
import csv
import json
import re
import sys

NUMBERS = {"added", "bytes", "containment", "count", "docs", "edited", "end", "ent_end",
           "ent_start", "freq", "moved", "new_sent", "new_version", "old_sent",
           "old_version", "para", "removed", "sent", "similarity", "start",
           "tfidf", "tok", "tok_end", "tok_start", "version", "words_added",
           "words_removed"}
ESC = {"t": "\t", "n": "\n", "r": "\r", "\\": "\\"}


def tsv_rows(path):
    with open(path, "rb") as f:
        data = f.read().decode("utf-8", "surrogateescape")
    lines = data.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return [[re.sub(r"\\([tnr\\])", lambda m: ESC[m.group(1)], x)
             for x in line.split("\t")] for line in lines]


def fail(msg):
    print(msg)
    sys.exit(1)


def json_text(s):
    """The string JSON Lines carries for TSV text s: invalid bytes as U+FFFD."""
    return s.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def check_csv(want, path):
    with open(path, newline="", encoding="utf-8", errors="surrogateescape") as f:
        got = list(csv.reader(f))
    if len(got) != len(want):
        fail(f"{len(got)} CSV records, {len(want)} TSV rows")
    for i, (g, w) in enumerate(zip(got, want)):
        if g != w:
            fail(f"record {i + 1}: {g!r} != {w!r}")


def check_value(i, name, v, w):
    if name in NUMBERS and name is not None:
        if w == "":
            ok = v is None
        else:
            ok = isinstance(v, (int, float)) and not isinstance(v, bool) \
                and float(w) == v
    else:
        ok = v == json_text(w)
    if not ok:
        fail(f"row {i + 1}, {name}: {v!r} for {w!r}")


def check_jsonl(want, path, header):
    names = want.pop(0) if header else None
    with open(path, "rb") as f:
        lines = f.read().decode("utf-8").split("\n")
    if lines[-1] != "":
        fail("the last line does not end in LF")
    got = [json.loads(x) for x in lines[:-1]]
    if len(got) != len(want):
        fail(f"{len(got)} JSON lines, {len(want)} TSV rows")
    for i, (g, w) in enumerate(zip(got, want)):
        keys = names if names else [str(k + 1) for k in range(len(w))]
        if list(g.keys()) != keys:
            fail(f"row {i + 1}: keys {list(g.keys())} != {keys}")
        for k, x in zip(keys, w):
            check_value(i, k if names else None, g[k], x)


def main():
    fmt, tsv, other = sys.argv[1:4]
    header = "--noheader" not in sys.argv[4:]
    want = tsv_rows(tsv)
    if not want:
        fail("no TSV rows to compare")
    if fmt == "csv":
        check_csv(want, other)
    else:
        check_jsonl(want, other, header)


main()
