"""pngcheck.py PNG MIN: exit 0 when the PNG is not blank.

Not blank: at least MIN distinct colours, and at least 1% of the pixels
differ from the most common one.  Reads 8-bit RGB and RGBA PNGs, as
Chromium writes them, with the standard library only.
"""
import struct
import sys
import zlib
from collections import Counter


def chunks(data):
    pos = 8
    while pos < len(data):
        n, kind = struct.unpack(">I4s", data[pos:pos + 8])
        yield kind, data[pos + 8:pos + 8 + n]
        pos += 12 + n


def paeth(a, b, c):
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    if pa <= pb and pa <= pc:
        return a
    return b if pb <= pc else c


def rows(width, height, bpp, raw):
    stride = width * bpp
    prev = bytearray(stride)
    pos = 0
    for _ in range(height):
        ftype = raw[pos]
        line = bytearray(raw[pos + 1:pos + 1 + stride])
        pos += 1 + stride
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b = prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            if ftype == 1:
                line[i] = (line[i] + a) & 255
            elif ftype == 2:
                line[i] = (line[i] + b) & 255
            elif ftype == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif ftype == 4:
                line[i] = (line[i] + paeth(a, b, c)) & 255
        yield line
        prev = line


def main():
    path, least = sys.argv[1], int(sys.argv[2])
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        sys.exit(f"{path}: not a PNG")
    idat = b""
    for kind, body in chunks(data):
        if kind == b"IHDR":
            width, height, depth, ctype = struct.unpack(">IIBB", body[:10])
        elif kind == b"IDAT":
            idat += body
    if depth != 8 or ctype not in (2, 6):
        sys.exit(f"{path}: not an 8-bit RGB or RGBA PNG")
    bpp = 3 if ctype == 2 else 4
    seen = Counter()
    for line in rows(width, height, bpp, zlib.decompress(idat)):
        for x in range(0, len(line), bpp * 4):  # every 4th pixel is enough
            seen[bytes(line[x:x + 3])] += 1
    total = sum(seen.values())
    common = seen.most_common(1)[0][1]
    print(f"{path}: {width}x{height}, {len(seen)} colours, "
          f"{100 * (total - common) / total:.1f}% not the background")
    if len(seen) < least or total - common < total / 100:
        sys.exit(f"{path}: blank")


if __name__ == "__main__":
    main()
