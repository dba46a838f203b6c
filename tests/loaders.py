"""Load tabloid output as other tools do and compare it with the rows the
program wrote (tests/loaders.bats).

    loaders.py MODE[,MODE...] DIR NAME...

For each NAME, DIR/NAME.tsv is the program's own output, decoded here by
the reference decoder of tabloid(7).  MODE says what is compared with it:

    pandas-tsv, pandas-csv, pandas-jsonl, polars-tsv, polars-csv,
    duckdb-tsv, duckdb-csv
        DIR/NAME.tsv, .csv or .jsonl read with the settings of tabloid(7),
        taken from the snippets in DIR/snip (Python runs py-unesc first)
    jsonl
        DIR/NAME.jsonl, value by value: strings equal to the decoded
        fields, numbers written as the TSV field, null for an empty one
    canon:SUFFIX
        DIR/NAME.SUFFIX, the rows another reader (R) wrote back as TSV
    canon-cr-as-lf:SUFFIX
        the same, for a reader known to turn a CR inside a field into LF
        (and there must be such a CR)
    json:SUFFIX
        DIR/NAME.SUFFIX, JSON (Lines) another reader (Miller) wrote,
        compared as jsonl is
    json-strings:SUFFIX
        the same, and every value must be a JSON string
    json-same:SUFFIX
        DIR/NAME.SUFFIX holds the objects of DIR/NAME.jsonl, types included

Every mismatch is printed; the exit status is 1 when there is one.
"""

import json
import re
import sys

ESC = {"t": "\t", "n": "\n", "r": "\r", "\\": "\\"}
ESC_RE = re.compile(r"\\([tnr\\])")


def unesc(s):
    """Decode the four escapes of tabloid(7), keeping any other."""
    return ESC_RE.sub(lambda m: ESC[m[1]], s)


def canon(s):
    """Encode a decoded field as a tabloid writer would."""
    return (s.replace("\\", "\\\\").replace("\t", "\\t")
            .replace("\n", "\\n").replace("\r", "\\r"))


def snippet(d, name):
    """A reader's settings, as tabloid(7) gives them (see loaders.bats)."""
    with open(d + "/snip/" + name, encoding="utf-8") as f:
        return f.read()


def reference(path):
    """The header and decoded rows of a tabloid TSV file."""
    with open(path, "rb") as f:
        data = f.read().decode("utf-8")
    assert data.endswith("\n"), path + ": no LF at the end"
    lines = data[:-1].split("\n")
    return lines[0].split("\t"), [[unesc(x) for x in l.split("\t")] for l in lines[1:]]


class Num(str):
    """A JSON number, kept as the text it was written as."""


def load_jsonl(path):
    """The objects of a JSON Lines file, or of a file holding one JSON array."""
    rows = []
    with open(path, encoding="utf-8") as f:
        if f.read(1) == "[":
            f.seek(0)
            return json.load(f, object_pairs_hook=list, parse_int=Num, parse_float=Num)
        f.seek(0)
        for line in f:
            rows.append(json.loads(line, object_pairs_hook=list,
                                   parse_int=Num, parse_float=Num))
    return rows


bad = 0
current = ""  # the mode being checked


def fail(name, msg):
    global bad
    bad += 1
    if bad <= 20:
        print("%s %s: %s" % (current, name, msg))


def compare(name, names, rows, got_names, got_rows):
    """Compare a reader's names and rows (lists of str) with the reference."""
    if list(got_names) != names:
        fail(name, "columns %r, expected %r" % (list(got_names), names))
        return
    if len(got_rows) != len(rows):
        fail(name, "%d rows, expected %d" % (len(got_rows), len(rows)))
    for i, (want, got) in enumerate(zip(rows, got_rows)):
        got = list(got)
        if got != want:
            for j, (w, g) in enumerate(zip(want, got)):
                if w != g:
                    fail(name, "row %d, column %s: %r, expected %r" % (i + 1, names[j], g, w))
            if len(got) != len(want):
                fail(name, "row %d: %d fields, expected %d" % (i + 1, len(got), len(want)))


def json_field(name, v, i, col):
    if v is None:
        return ""
    if isinstance(v, str):  # Num is a str too
        return v
    fail(name, "row %d, column %s: %r is neither a string, a number nor null" % (i, col, v))
    return v


def compare_jsonl(name, names, rows, objs):
    got_rows = []
    for i, o in enumerate(objs):
        if [k for k, _ in o] != names:
            fail(name, "row %d: keys %r, expected %r" % (i + 1, [k for k, _ in o], names))
            return
        got_rows.append([json_field(name, v, i + 1, k) for k, v in o])
    compare(name, names, rows, names, got_rows)


def pandas_values(df, numbers_ok=False):
    import math
    out = []
    for row in df.itertuples(index=False):
        r = []
        for v in row:
            if isinstance(v, str):
                r.append(v)
            elif numbers_ok and v is None or (isinstance(v, float) and math.isnan(v)):
                r.append("")
            elif numbers_ok:
                r.append(v)
            else:
                r.append(repr(v))
        out.append(r)
    return out


def numbers_equal(name, rows, got_rows, names):
    """pandas.read_json gives numbers as Python numbers: compare them by value."""
    conv = []
    for want, got in zip(rows, got_rows):
        r = []
        for w, g, col in zip(want, got, names):
            if isinstance(g, str):
                r.append(g)
            elif w != "" and float(w) == float(g):
                r.append(w)
            else:
                r.append(repr(g))
        conv.append(r)
    return conv


def main():
    modes, d, names_ = sys.argv[1], sys.argv[2], sys.argv[3:]
    for mode in modes.split(","):
        check(mode, d, names_)
    if bad > 20:
        print("... and %d more" % (bad - 20))
    sys.exit(1 if bad else 0)


def check(mode, d, names_):
    global current
    current = mode
    crs = 0
    for name in names_:
        base = d + "/" + name
        cols, rows = reference(base + ".tsv")
        if mode.split("-")[0] in ("pandas", "polars"):
            ext = mode.split("-")[1]
            ns = {}
            # The later snippets of a reader use the modules its first imports.
            exec("import pandas as pd" if mode.startswith("pandas") else "import polars as pl", ns)
            exec(snippet(d, "py-unesc"), ns)
            exec(snippet(d, mode).replace('"f.%s"' % ext, repr(base + "." + ext)), ns)
            df = ns["df"]
            if mode.startswith("polars"):
                got = [list(r) for r in df.iter_rows()]
            elif ext == "jsonl":
                if len(df) == 0 and len(rows) == 0:
                    continue
                got = numbers_equal(name, rows, pandas_values(df, True), cols)
            else:
                got = pandas_values(df)
            compare(name, cols, rows, df.columns, got)
        elif mode.startswith("duckdb-"):
            import duckdb
            ext = mode.split("-")[1]
            con = duckdb.connect()
            sql = snippet(d, mode).replace("'f.%s'" % ext, "'%s.%s'" % (base, ext))
            for stmt in re.split(r";\n", sql.strip().rstrip(";")):
                rel = con.execute(stmt)
            got_names = [c[0] for c in rel.description]
            got = [["" if v is None else v for v in r] for r in rel.fetchall()]
            compare(name, cols, rows, got_names, got)
        elif mode == "jsonl":
            compare_jsonl(name, cols, rows, load_jsonl(base + ".jsonl"))
        elif mode.startswith("canon:"):
            got_cols, got_rows = reference(base + "." + mode[6:])
            compare(name, cols, rows, got_cols, got_rows)
        elif mode.startswith("canon-cr-as-lf:"):
            got_cols, got_rows = reference(base + "." + mode[15:])
            crs += sum(x.count("\r") for r in rows for x in r)
            compare(name, cols, [[x.replace("\r", "\n") for x in r] for r in rows],
                    got_cols, got_rows)
        elif mode.startswith("json:"):
            compare_jsonl(name, cols, rows, load_jsonl(base + "." + mode[5:]))
        elif mode.startswith("json-strings:"):
            objs = load_jsonl(base + "." + mode[13:])
            for i, o in enumerate(objs):
                for k, v in o:
                    if type(v) is not str:
                        fail(name, "row %d, column %s: %r is not a string" % (i + 1, k, v))
            compare_jsonl(name, cols, rows, objs)
        elif mode.startswith("json-same:"):
            typed = lambda objs: [[(k, type(v).__name__, v) for k, v in o] for o in objs]
            want, got = typed(load_jsonl(base + ".jsonl")), typed(load_jsonl(base + "." + mode[10:]))
            if len(got) != len(want):
                fail(name, "%d objects, expected %d" % (len(got), len(want)))
            for i, (w, g) in enumerate(zip(want, got)):
                if w != g:
                    fail(name, "object %d: %r, expected %r" % (i + 1, g, w))
        else:
            sys.exit("loaders.py: unknown mode " + mode)
    if mode.startswith("canon-cr-as-lf:") and crs == 0:
        fail(mode, "no CR in the fields, so nothing was tested")


main()
