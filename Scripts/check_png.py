#!/usr/bin/env python3
"""Checks that a PNG (a headless-browser screenshot) is not blank. Standard library only.

Decodes the PNG (8-bit greyscale, grey+alpha, RGB or RGBA; not interlaced) with zlib and
struct, undoes the scanline filters, then counts the pixels that are not white and the distinct
colours. Prints one line: `WIDTHxHEIGHT, N non-white pixels (P %), K distinct colours[, ...]`.

Usage: check_png.py FILE.png [--min-non-white FRACTION] [--min-colours N] [--expect-colour RRGGBB ...]

Exit status: 0 when the image has at least FRACTION (default 0.01) non-white pixels, at least
N (default 8) distinct colours and at least one pixel of every expected colour; 1 when it does
not (blank, or a colour missing); 2 when the file is not a PNG this script can read.
"""
import collections
import struct
import sys
import zlib


def fail(message, status=2):
    print(message)
    sys.exit(status)


def read_png(path):
    with open(path, "rb") as handle:
        data = handle.read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        fail(f"{path}: not a PNG file")
    position = 8
    header = None
    idat = []
    while position + 8 <= len(data):
        length, kind = struct.unpack(">I4s", data[position:position + 8])
        body = data[position + 8:position + 8 + length]
        crc = struct.unpack(">I", data[position + 8 + length:position + 12 + length])[0]
        if zlib.crc32(kind + body) & 0xFFFFFFFF != crc:
            fail(f"{path}: bad CRC in chunk {kind!r}")
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat.append(body)
        elif kind == b"IEND":
            break
        position += 12 + length
    if header is None:
        fail(f"{path}: no IHDR chunk")
    width, height, depth, colour_type, _, _, interlace = header
    channels = {0: 1, 2: 3, 4: 2, 6: 4}.get(colour_type)
    if depth != 8 or channels is None or interlace != 0:
        fail(f"{path}: unsupported PNG (bit depth {depth}, colour type {colour_type}, interlace {interlace})")
    raw = zlib.decompress(b"".join(idat))
    stride = width * channels
    if len(raw) != height * (stride + 1):
        fail(f"{path}: image data has {len(raw)} bytes, expected {height * (stride + 1)}")
    return width, height, channels, unfilter(raw, height, stride, channels)


def unfilter(raw, height, stride, bpp):
    """The image rows with PNG filters 0-4 undone (RFC 2083, section 6)."""
    rows = []
    previous = bytearray(stride)
    for index in range(height):
        start = index * (stride + 1)
        kind = raw[start]
        line = bytearray(raw[start + 1:start + 1 + stride])
        if kind == 1:
            for i in range(bpp, stride):
                line[i] = (line[i] + line[i - bpp]) & 0xFF
        elif kind == 2:
            if not any(line):
                line = bytearray(previous)
            elif any(previous):
                line = bytearray((a + b) & 0xFF for a, b in zip(line, previous))
        elif kind == 3:
            for i in range(stride):
                left = line[i - bpp] if i >= bpp else 0
                line[i] = (line[i] + ((left + previous[i]) >> 1)) & 0xFF
        elif kind == 4:
            for i in range(stride):
                a = line[i - bpp] if i >= bpp else 0
                b = previous[i]
                c = previous[i - bpp] if i >= bpp else 0
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                predictor = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
                line[i] = (line[i] + predictor) & 0xFF
        elif kind != 0:
            fail(f"bad filter type {kind} in row {index}")
        rows.append(line)
        previous = line
    return rows


def main(arguments):
    if not arguments or arguments[0].startswith("-"):
        fail(__doc__.strip())
    path = arguments[0]
    min_non_white = 0.01
    min_colours = 8
    expected = []
    rest = arguments[1:]
    while rest:
        option = rest.pop(0)
        if not rest:
            fail(f"{option} needs a value")
        value = rest.pop(0)
        if option == "--min-non-white":
            min_non_white = float(value)
        elif option == "--min-colours":
            min_colours = int(value)
        elif option == "--expect-colour":
            expected.append(value.lstrip("#").lower())
        else:
            fail(f"unknown option {option}")

    width, height, channels, rows = read_png(path)
    tally = collections.Counter()
    for line in rows:
        if channels >= 3:
            tally.update(zip(line[0::channels], line[1::channels], line[2::channels]))
        else:
            tally.update((g, g, g) for g in line[::channels])
    counts = {bytes(pixel): count for pixel, count in tally.items()}
    total = width * height
    non_white = total - counts.get(b"\xff\xff\xff", 0)
    share = non_white / total if total else 0
    summary = f"{width}x{height}, {non_white} non-white pixels ({share * 100:.1f} %), {len(counts)} distinct colours"
    missing = [colour for colour in expected if counts.get(bytes.fromhex(colour), 0) == 0]
    found = [f"#{colour} {counts.get(bytes.fromhex(colour), 0)}" for colour in expected if colour not in missing]
    if found:
        summary += ", expected colours: " + ", ".join(found)
    problems = []
    if share < min_non_white:
        problems.append(f"blank: fewer than {min_non_white * 100:.1f} % non-white pixels")
    if len(counts) < min_colours:
        problems.append(f"fewer than {min_colours} distinct colours")
    if missing:
        problems.append("no pixel of " + ", ".join("#" + colour for colour in missing))
    print(summary + ("; " + "; ".join(problems) if problems else ""))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
