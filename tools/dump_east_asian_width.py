"""Dump the two character classes the traceback printer needs from this interpreter's Unicode database.

- "wide": code points whose unicodedata.east_asian_width() is "W" or "F". Carets under a source line count such
  a character as two columns: Lib/traceback.py _display_width (3.13) and its C twin in Parser/pegen.c (3.11.7,
  3.12) take exactly those two classes.
- "space": code points for which str.isspace() holds, the whitespace of str.strip()/lstrip()/rstrip(), which
  Lib/traceback.py (3.13) applies to source lines and caret segments.

Writes OUT_DIR/X.Y.json: {"python": "X.Y", "unidata_version": "...", "wide": [[first, last], ...],
"space": [[first, last], ...]}. Run it under each of CPython 3.11, 3.12 and 3.13:
    python3.1x tools/dump_east_asian_width.py [OUT_DIR]   (default data/unicode_width)
then regenerate src/PycSharp.Runtime/Tracebacks/UnicodeWidth.g.cs with dotnet run --project tools/PycSharp.Generator.
"""
import json
import os
import sys
import unicodedata


def ranges_of(test):
    out = []
    start = None
    for c in range(0x110000):
        hit = test(chr(c))
        if hit and start is None:
            start = c
        elif not hit and start is not None:
            out.append([start, c - 1])
            start = None
    if start is not None:
        out.append([start, 0x10FFFF])
    return out


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    out_dir = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "..", "data", "unicode_width")
    version = "%d.%d" % sys.version_info[:2]
    data = {
        "python": version,
        "unidata_version": unicodedata.unidata_version,
        "wide": ranges_of(lambda ch: unicodedata.east_asian_width(ch) in "WF"),
        "space": ranges_of(lambda ch: ch.isspace()),
    }
    os.makedirs(out_dir, exist_ok=True)
    path = os.path.join(out_dir, version + ".json")
    with open(path, "w") as f:
        f.write(json.dumps(data, separators=(",", ":"), sort_keys=True) + "\n")
    print("wrote %s: %d wide ranges, %d space ranges (Unicode %s)"
          % (path, len(data["wide"]), len(data["space"]), data["unidata_version"]))


main()
