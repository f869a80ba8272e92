#!/usr/bin/env python3
"""Draws the package icon (eng/package/icon.png): a green rounded square with a white slip and a barcode.
Standard library only, so anyone can regenerate it: python3 eng/package/make-icon.py"""
import os, struct, zlib

SIZE, RADIUS = 128, 22
GREEN, WHITE = (11, 110, 79, 255), (255, 255, 255, 255)
BARS = [(30, 4), (38, 2), (44, 6), (54, 2), (60, 4), (68, 2), (74, 6), (84, 2), (90, 4)]  # (x, width)


def pixel(x, y):
    # outside the rounded corners: transparent
    cx = min(max(x, RADIUS), SIZE - 1 - RADIUS)
    cy = min(max(y, RADIUS), SIZE - 1 - RADIUS)
    if (x - cx) ** 2 + (y - cy) ** 2 > RADIUS ** 2:
        return (0, 0, 0, 0)
    if 22 <= x < 106 and 36 <= y < 92:  # the slip
        if 46 <= y < 82 and any(bx <= x < bx + w for bx, w in BARS):
            return GREEN
        return WHITE
    return GREEN


def chunk(kind, data):
    body = kind + data
    return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)


raw = b"".join(b"\x00" + b"".join(bytes(pixel(x, y)) for x in range(SIZE)) for y in range(SIZE))
png = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", SIZE, SIZE, 8, 6, 0, 0, 0))
       + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "icon.png"), "wb") as f:
    f.write(png)
