#!/usr/bin/env python3
"""domtext.py FILE SELECTOR: print the text of each matching element of an
HTML document, one per line, whitespace runs made one space.  SELECTOR is
TAG, TAG.CLASS or .CLASS; "count:SELECTOR" prints how many match instead;
"attr:NAME:SELECTOR" prints each one's attribute NAME instead of its text.
Elements inside a matching element are part of its text."""
import re
import sys
from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link",
        "meta", "source", "track", "wbr"}


class Texts(HTMLParser):
    def __init__(self, tag, cls):
        super().__init__(convert_charrefs=True)
        self.tag, self.cls = tag, cls
        self.stack = []  # (tag, matched) of the open elements
        self.open = []   # text buffers of the open matching elements
        self.out = []
        self.attr = None  # print this attribute of each match instead
        self.attrs = []

    def handle_starttag(self, tag, attrs):
        if tag in VOID:
            return
        classes = (dict(attrs).get("class") or "").split()
        hit = (self.tag in ("", tag)) and (self.cls == "" or self.cls in classes)
        self.stack.append((tag, hit))
        if hit:
            self.open.append([])
            if self.attr:
                self.attrs.append(dict(attrs).get(self.attr) or "")

    def handle_endtag(self, tag):
        while self.stack:
            t, hit = self.stack.pop()
            if hit:
                self.out.append("".join(self.open.pop()))
            if t == tag:
                break

    def handle_data(self, data):
        for buf in self.open:
            buf.append(data)


def main():
    path, sel = sys.argv[1], sys.argv[2]
    count = sel.startswith("count:")
    sel = sel[6:] if count else sel
    attr = None
    if sel.startswith("attr:"):
        attr, sel = sel[5:].split(":", 1)
    tag, _, cls = sel.partition(".")
    p = Texts(tag, cls)
    p.attr = attr
    with open(path, encoding="utf-8") as f:
        p.feed(f.read())
    p.close()
    if count:
        print(len(p.out))
        return
    if attr:
        print("\n".join(p.attrs))
        return
    for t in p.out:
        print(re.sub(r"\s+", " ", t).strip())


main()
