"""Dump which code points this interpreter's str.isprintable() accepts, the rule repr() uses to decide what to
escape (Objects/unicodeobject.c, unicode_repr: Py_UNICODE_ISPRINTABLE). Python 3 only: Python 2's repr of unicode
escapes every non-ASCII character, so it needs no table.

Writes OUT_DIR/X.Y.json: {"python": "X.Y", "unidata_version": "...", "printable": [[first, last], ...]}.
Usage: python3 tools/dump_unicode.py [OUT_DIR]   (default data/unicode; in pyodide via tools/pyodide/run_script.mjs)
"""
import json
import os
import sys
import unicodedata


def main():
    out_dir = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "unicode")
    ranges = []
    start = None
    for c in range(0x110000):
        printable = chr(c).isprintable()
        if printable and start is None:
            start = c
        elif not printable and start is not None:
            ranges.append([start, c - 1])
            start = None
    if start is not None:
        ranges.append([start, 0x10FFFF])
    version = "%d.%d" % sys.version_info[:2]
    os.makedirs(out_dir, exist_ok=True)
    path = os.path.join(out_dir, version + ".json")
    with open(path, "w") as f:
        f.write(json.dumps({"python": version, "unidata_version": unicodedata.unidata_version, "printable": ranges},
                           separators=(",", ":"), sort_keys=True) + "\n")
    print("wrote %s: %d ranges (Unicode %s)" % (path, len(ranges), unicodedata.unidata_version))


main()
