#!/usr/bin/env python3
"""Prints the docs/packages.md table from a folder of packed .nupkg files: each package, its declared (direct)
dependencies with their lower bounds, and its size.  Usage: python3 eng/package/report.py FOLDER [BEFORE_FOLDER]
(with BEFORE_FOLDER: a count column per folder, to compare two versions of the packaging)."""
import glob, os, re, sys, zipfile, xml.etree.ElementTree as ET


def read(folder):
    out = {}
    for path in sorted(glob.glob(os.path.join(folder, "*.nupkg"))):
        with zipfile.ZipFile(path) as z:
            nuspec = next(n for n in z.namelist() if n.endswith(".nuspec"))
            root = ET.fromstring(z.read(nuspec))
        ns = {"n": root.tag[1:root.tag.index("}")]}
        pid = root.find("n:metadata/n:id", ns).text
        deps = [(d.get("id"), d.get("version")) for d in root.iterfind(".//n:dependency", ns)]
        out[pid] = (deps, os.path.getsize(path))
    return out


after = read(sys.argv[1])
before = read(sys.argv[2]) if len(sys.argv) > 2 else {}
head = "| Package | Direct dependencies (lower bound) | Count |" + (" Before |" if before else "") + " Size |"
print(head)
print("|" + " --- |" * (head.count("|") - 1))
for pid, (deps, size) in after.items():
    listed = "<br>".join(f"`{i}` {v}" for i, v in deps) or "none (BCL only)"
    was = f" {len(before[pid][0])} |" if pid in before else (" (new) |" if before else "")
    print(f"| `{pid}` | {listed} | {len(deps)} |{was} {size / 1024:.0f} KB |")
