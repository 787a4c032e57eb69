#!/usr/bin/env python3
"""Build data/magic_numbers.json: every CPython .pyc magic number.

Usage (from the repository root; needs Python 3.8+):

    ~/.pyenv/versions/3.13.0/bin/python tools/extract_magic.py

Options:
    --pyenv DIR        pyenv "versions" directory (default: $PYENV_ROOT/versions
                       or ~/.pyenv/versions)
    --check            do not write; exit 1 if data/magic_numbers.json differs
                       from what would be written
    --pyodide-dir DIR  also run pyodide under node from DIR (a directory where
                       `npm install pyodide@314.0.7` was run) and check its magic
    --no-verify        skip running the installed interpreters (not recommended)

Inputs:
  * The "Known values" history comment in the installed 3.13.0
    lib/python3.13/importlib/_bootstrap_external.py (Python 1.5 ... 3.13b1).
  * The same comment in every other installed 3.x (3.6 ... 3.12); they are
    parsed too and any magic they list that 3.13's does not is added.
  * data/magic_sources/extra.txt: what is not on this machine (3.14, 3.15,
    1.0-1.4, the 3.5 bugfix magic), each record citing its source.

Checks (a failure prints "FAIL: ..." and the script exits with status 1 after
writing nothing):
  * the own magic of every interpreter under the pyenv directory
    (importlib.util.MAGIC_NUMBER, or imp.get_magic() on 2.x) must be in the table
    as a "release" magic of that interpreter's MAJOR.MINOR;
  * on 2.x, the magic reported under -U must be the "unicode" twin;
  * "observed" records of extra.txt are checked the same way.
"""

import argparse
import glob
import json
import os
import re
import subprocess
import sys
from collections import OrderedDict

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT_PATH = os.path.join(REPO, "data", "magic_numbers.json")
EXTRA_PATH = os.path.join(REPO, "data", "magic_sources", "extra.txt")
GENERATOR = "tools/extract_magic.py"

PRIMARY_VERSION = "3.13.0"

# Markers in the history comment that fix the header-size change points.
SIZE_FIELD_MARKER = "added size modulo 2**32 to the pyc header"
PEP552_MARKER = "PEP 552: Deterministic pycs"

# -U twins exist for these MAJOR.MINOR versions (inclusive).
UNICODE_FIRST = (1, 6)
UNICODE_LAST = (2, 7)

CRLF = b"\r\n"


class Failure(Exception):
    pass


# --------------------------------------------------------------------------
# Small helpers


def vtuple(version):
    major, minor = version.split(".")
    return int(major), int(minor)


def version_from_tag(tag):
    """'2.3a0' -> '2.3', '3.5.2' -> '3.5', '3000' -> '3.0'."""
    if tag == "3000":
        return "3.0"
    m = re.match(r"(\d+)\.(\d+)", tag)
    if not m:
        raise Failure("cannot read a version from tag %r" % tag)
    return "%d.%d" % (int(m.group(1)), int(m.group(2)))


def crlf_bytes(number):
    if not 0 <= number < 0x10000:
        raise Failure("magic %d does not fit in 16 bits" % number)
    return number.to_bytes(2, "little") + CRLF


def hex_bytes(data):
    return " ".join("%02x" % b for b in data)


def collapse(text):
    return " ".join(text.split())


# --------------------------------------------------------------------------
# Parsing the history comment of _bootstrap_external.py

ENTRY_RE = re.compile(
    r"^\s*Python\s+(?P<tag>3000|\d+\.\d+[0-9a-z.]*):?\s+(?P<magic>\d+)(?=\s|$)(?P<rest>.*)$"
)
# Indented lines that carry no "Python <tag>" prefix: they belong to the tag of
# the entry above (the "Python 3000:" block; "3210" under 3.3a0 in 3.6's copy).
BARE_RE = re.compile(r"^\s{4,}(?P<magic>\d{4,5})(?P<rest>(?:\s+\(.*)?)\s*$")
TAG_RE = re.compile(r"^\s*tag:\s*\S+\s*$")


def history_lines(path):
    """Comment texts (after '#') of the Known values table, with line numbers."""
    with open(path, encoding="utf-8") as f:
        lines = f.read().splitlines()
    start = None
    for i, line in enumerate(lines):
        if line.lstrip().startswith("#") and "Known values:" in line:
            start = i + 1
            break
    if start is None:
        raise Failure("%s: no 'Known values:' comment" % path)
    out = []
    for i in range(start, len(lines)):
        stripped = lines[i].strip()
        if not stripped.startswith("#"):
            break  # blank line or code: end of the table
        if lines[i][:1].isspace():
            # An indented "#" inside the table is the "#" of an issue number
            # (e.g. "                          #3021)"), not a comment marker.
            text = " " + stripped
        else:
            text = stripped[1:]
        if not text.strip():
            break  # an empty "#" line ends the table (3.6 - 3.8 layout)
        out.append((i + 1, text))
    return out


def parse_history(path, source_label):
    """Return a list of dicts: magic, tag, version, label, source, line."""
    records = []
    current = None
    block_tag = None
    for lineno, text in history_lines(path):
        m = ENTRY_RE.match(text)
        if m:
            tag = m.group("tag")
            block_tag = tag
            current = {
                "magic": int(m.group("magic")),
                "tag": tag,
                "version": version_from_tag(tag),
                "label": collapse(text),
                "source": source_label,
                "line": lineno,
            }
            records.append(current)
            continue
        m = BARE_RE.match(text)
        if m and block_tag is not None:
            current = {
                "magic": int(m.group("magic")),
                "tag": block_tag,
                "version": version_from_tag(block_tag),
                "label": collapse("Python %s: %s%s" % (block_tag, m.group("magic"), m.group("rest"))),
                "source": source_label,
                "line": lineno,
            }
            records.append(current)
            continue
        if TAG_RE.match(text):
            continue  # "tag: cpython-32" (PEP 3147 magic tag), not part of the label
        if text.lstrip().startswith("Python"):
            current = None  # e.g. "Python 3.12 will start with magic number 3500"
            continue
        if current is None:
            raise Failure("%s:%d: unexpected line in the magic table: %r" % (path, lineno, text))
        current["label"] = collapse(current["label"] + " " + text)
    if not records:
        raise Failure("%s: empty magic table" % path)
    return records


# --------------------------------------------------------------------------
# extra.txt


def parse_keys(field, sources, where):
    keys = [k.strip() for k in field.split(",") if k.strip()]
    if not keys:
        raise Failure("%s: no source key" % where)
    for k in keys:
        if k not in sources:
            raise Failure("%s: unknown source key %r" % (where, k))
    return keys


def parse_extra(path):
    sources = OrderedDict()
    items = []
    with open(path, encoding="utf-8") as f:
        lines = f.read().splitlines()
    # First pass: sources, so records may cite keys declared anywhere.
    for n, line in enumerate(lines, 1):
        if line.strip().startswith("#") or not line.strip():
            continue
        fields = [x.strip() for x in line.split(" | ", 2)]
        if fields[0] == "source":
            if len(fields) != 3:
                raise Failure("%s:%d: source needs 3 fields" % (path, n))
            sources[fields[1]] = fields[2]
    for n, line in enumerate(lines, 1):
        if line.strip().startswith("#") or not line.strip():
            continue
        where = "%s:%d" % (os.path.relpath(path, REPO), n)
        verb = line.split(" | ", 1)[0].strip()
        if verb == "source":
            continue
        arity = {"entry": 3, "magic": 6, "raw": 6, "release": 4, "prerelease": 3,
                 "note": 4, "observed": 4}
        if verb not in arity:
            raise Failure("%s: unknown record %r" % (where, verb))
        # The last field is free text and may itself contain " | ".
        fields = [x.strip() for x in line.split(" | ", arity[verb] - 1)]
        if len(fields) != arity[verb]:
            raise Failure("%s: %s needs %d fields, got %d" % (where, verb, arity[verb], len(fields)))
        keys = parse_keys(fields[1], sources, where)
        item = {"verb": verb, "keys": keys, "where": where}
        if verb == "entry":
            m = ENTRY_RE.match(fields[2])
            if not m:
                raise Failure("%s: not a history line: %r" % (where, fields[2]))
            item.update(magic=int(m.group("magic")), tag=m.group("tag"),
                        version=version_from_tag(m.group("tag")), label=collapse(fields[2]))
        elif verb in ("magic", "raw"):
            if verb == "magic":
                raw = crlf_bytes(int(fields[2]))
            else:
                raw = bytes(int(x, 16) for x in fields[2].split())
                if len(raw) != 4:
                    raise Failure("%s: raw magic must be 4 bytes" % where)
            item.update(bytes=raw, version=fields[3], kind=fields[4], label=collapse(fields[5]))
            vtuple(item["version"])
        elif verb == "release":
            item.update(version=fields[2], magics=[int(x) for x in fields[3].split(",")])
        elif verb == "prerelease":
            item.update(version=fields[2])
        elif verb == "note":
            item.update(magic=int(fields[2]), text=collapse(fields[3]))
        elif verb == "observed":
            item.update(version=fields[2], magic=int(fields[3]))
        items.append(item)
    return sources, items


# --------------------------------------------------------------------------
# Building the table


def magic_key(raw):
    """The table's "magic": the 16-bit number for NUMBER + CRLF magics, else
    the little-endian uint32 of the 4 bytes."""
    if raw[2:] == CRLF:
        return int.from_bytes(raw[:2], "little")
    return int.from_bytes(raw, "little")


def build(pyenv, log):
    primary = os.path.join(pyenv, PRIMARY_VERSION, "lib", "python3.13", "importlib",
                           "_bootstrap_external.py")
    if not os.path.isfile(primary):
        raise Failure("missing %s (the 3.13.0 history comment is required)" % primary)
    primary_label = "pyenv %s: lib/python3.13/importlib/_bootstrap_external.py" % PRIMARY_VERSION
    history = parse_history(primary, primary_label)
    log("parsed %d history lines from %s" % (len(history), primary))

    # Older copies of the comment: add what 3.13's lacks.
    older_used = []
    known = {r["magic"] for r in history}
    for vdir in sorted(glob.glob(os.path.join(pyenv, "3.*")), key=version_dir_key):
        name = os.path.basename(vdir)
        if name == PRIMARY_VERSION:
            continue
        paths = glob.glob(os.path.join(vdir, "lib", "python3.*", "importlib",
                                       "_bootstrap_external.py"))
        if not paths:
            continue
        rel = os.path.relpath(paths[0], vdir)
        older = parse_history(paths[0], "pyenv %s: %s" % (name, rel))
        by_magic = {r["magic"]: r for r in history}
        for r in older:
            base = by_magic.get(r["magic"])
            if base is not None and base["version"] != r["version"]:
                raise Failure("%s line %d lists %d under %s, but %s line %d under %s"
                              % (r["source"], r["line"], r["magic"], r["version"],
                                 base["source"], base["line"], base["version"]))
        added = [r for r in older if r["magic"] not in known]
        for r in added:
            history.append(r)
            known.add(r["magic"])
        older_used.append((name, rel, len(older), len(added)))
        log("parsed %d history lines from %s (%d new magics)" % (len(older), paths[0], len(added)))

    extra_sources, extra = parse_extra(EXTRA_PATH)

    # ---- entries from history lines (installed comment + extra "entry" records)
    hist = list(history)
    for it in extra:
        if it["verb"] == "entry":
            hist.append({"magic": it["magic"], "tag": it["tag"], "version": it["version"],
                         "label": it["label"], "source": "extra.txt[%s]" % ",".join(it["keys"])})

    prerelease_versions = {it["version"] for it in extra if it["verb"] == "prerelease"}
    release_override = {}
    for it in extra:
        if it["verb"] == "release":
            release_override[it["version"]] = it["magics"]

    entries = OrderedDict()  # magic -> entry dict (internal)
    order_by_version = OrderedDict()
    for r in hist:
        raw = crlf_bytes(r["magic"])
        key = r["magic"]
        if key in entries:
            e = entries[key]
            if e["version"] != r["version"]:
                raise Failure("magic %d listed for %s and %s" % (key, e["version"], r["version"]))
            if r["label"] not in e["labels"]:
                e["labels"].append(r["label"])
        else:
            entries[key] = {"magic": key, "bytes": raw, "version": r["version"], "kind": None,
                            "labels": [r["label"]], "notes": []}
        order_by_version.setdefault(r["version"], []).append(key)

    # Kinds for history entries: the last magic listed for a version is the one
    # its final releases write, unless extra.txt says otherwise.
    for version, magics in order_by_version.items():
        if version in prerelease_versions:
            for mg in magics:
                entries[mg]["kind"] = "prerelease"
            continue
        releases = release_override.get(version, [magics[-1]])
        for mg in releases:
            if mg not in entries or entries[mg]["version"] != version:
                raise Failure("release override for %s names %d, which is not a %s magic"
                              % (version, mg, version))
        for mg in magics:
            entries[mg]["kind"] = "release" if mg in releases else "development"
        if len(releases) > 1:
            others = ", ".join(str(x) for x in releases)
            for mg in releases:
                entries[mg]["notes"].append(
                    "%s final releases wrote more than one magic: %s." % (version, others))

    # ---- explicit magics (magic / raw records)
    for it in extra:
        if it["verb"] not in ("magic", "raw"):
            continue
        key = magic_key(it["bytes"])
        if key in entries:
            raise Failure("%s: magic %d already in the table" % (it["where"], key))
        if it["kind"] not in ("release", "development", "prerelease", "unicode"):
            raise Failure("%s: bad kind %r" % (it["where"], it["kind"]))
        entries[key] = {"magic": key, "bytes": it["bytes"], "version": it["version"],
                        "kind": it["kind"], "labels": [it["label"]], "notes": []}

    # ---- -U twins (MAGIC + 1) for 1.6 ... 2.7
    base_list = [e for e in entries.values()
                 if UNICODE_FIRST <= vtuple(e["version"]) <= UNICODE_LAST
                 and e["bytes"][2:] == CRLF]
    for base in sorted(base_list, key=lambda e: e["magic"]):
        twin = base["magic"] + 1
        text = "-U variant (MAGIC+1) of %d: %s" % (base["magic"], base["labels"][0])
        if twin in entries:
            other = entries[twin]
            other["notes"].append(
                "Also what %d (%s) becomes under -U (MAGIC+1), so a .pyc with this magic is "
                "ambiguous." % (base["magic"], base["labels"][0]))
            continue
        entries[twin] = {"magic": twin, "bytes": crlf_bytes(twin), "version": base["version"],
                         "kind": "unicode", "labels": [text], "notes": []}

    # ---- notes
    for it in extra:
        if it["verb"] == "note":
            if it["magic"] not in entries:
                raise Failure("%s: note for unknown magic %d" % (it["where"], it["magic"]))
            entries[it["magic"]]["notes"].append(it["text"])

    # ---- header sizes
    def marker_magic(marker):
        found = [r for r in hist if marker in r["label"]]
        if len(found) != 1:
            raise Failure("expected exactly one history line containing %r, found %d"
                          % (marker, len(found)))
        return found[0]

    size_rec = marker_magic(SIZE_FIELD_MARKER)
    pep552_rec = marker_magic(PEP552_MARKER)
    m12, m16 = size_rec["magic"], pep552_rec["magic"]
    for e in entries.values():
        if vtuple(e["version"]) < (3, 0):
            e["header_size"] = 8
        elif e["magic"] >= m16:
            e["header_size"] = 16
        elif e["magic"] >= m12:
            e["header_size"] = 12
        else:
            e["header_size"] = 8

    # ---- sources list for the JSON
    src = ["%s: the 'Known values' magic history comment (Python 1.5 ... 3.13); %d lines"
           % (primary_label, len(history) - sum(a for _, _, _, a in older_used))]
    for name, rel, n, added in older_used:
        src.append("pyenv %s: %s: the same comment, %d lines; cross-checked, %d magic(s) not in "
                   "3.13's copy" % (name, rel, n, added))
    src.append("data/magic_sources/extra.txt: 1.0-1.4, 3.14, 3.15 and corrections; its sources:")
    for key, text in extra_sources.items():
        src.append("extra.txt[%s]: %s" % (key, text))
    src.append("header_size 12 from magic %d: '%s' (%s)" % (m12, size_rec["label"], size_rec["source"]))
    src.append("header_size 16 from magic %d: '%s' (%s)" % (m16, pep552_rec["label"], pep552_rec["source"]))
    src.append("header_size 8 for every magic before %d: 4-byte magic + 4-byte mtime "
               "(extra.txt[guido-2000-05-25])" % m12)
    src.append("kind 'release' = the last magic the history lists for a version, except where "
               "extra.txt has a 'release' record; checked against the own magic of every "
               "interpreter under ~/.pyenv/versions and extra.txt 'observed' records")
    src.append("kind 'unicode' = MAGIC+1 of every 1.6-2.7 magic, written when running with -U "
               "(extra.txt[py27-import-c], extra.txt[guido-2000-05-25])")

    return entries, src, extra


def version_dir_key(path):
    name = os.path.basename(path)
    return tuple(int(x) if x.isdigit() else 0 for x in re.split(r"[.]", name))


def to_json(entries, src):
    magics = []
    for key in sorted(entries):
        e = entries[key]
        if e["kind"] is None:
            raise Failure("magic %d has no kind" % key)
        item = OrderedDict()
        item["magic"] = e["magic"]
        item["bytes"] = hex_bytes(e["bytes"])
        item["version"] = e["version"]
        item["kind"] = e["kind"]
        item["header_size"] = e["header_size"]
        item["label"] = " | ".join(e["labels"])
        if e["notes"]:
            item["note"] = " ".join(e["notes"])
        magics.append(item)
    doc = OrderedDict()
    doc["generator"] = GENERATOR
    doc["sources"] = src
    doc["magics"] = magics
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"


# --------------------------------------------------------------------------
# Verification against real interpreters

PROBE = (
    "import sys\n"
    "try:\n"
    "    import importlib.util\n"
    "    m = importlib.util.MAGIC_NUMBER\n"
    "except (ImportError, AttributeError):\n"
    "    import imp\n"
    "    m = imp.get_magic()\n"
    "sys.stdout.write('%d.%d ' % sys.version_info[:2])\n"
    "sys.stdout.write(' '.join('%02x' % ord(m[i:i + 1]) for i in range(len(m))) + '\\n')\n"
)


def probe(exe, extra_args=()):
    out = subprocess.check_output([exe] + list(extra_args) + ["-c", PROBE],
                                  stderr=subprocess.STDOUT, timeout=120)
    version, rest = out.decode("ascii").strip().split(" ", 1)
    return version, bytes(int(x, 16) for x in rest.split())


def find_interpreters(pyenv):
    found = []
    for vdir in sorted(glob.glob(os.path.join(pyenv, "*")), key=version_dir_key):
        name = os.path.basename(vdir)
        m = re.match(r"(\d+)\.(\d+)", name)
        if not m:
            continue
        exe = None
        for cand in ("python%s.%s" % (m.group(1), m.group(2)), "python" + m.group(1), "python"):
            p = os.path.join(vdir, "bin", cand)
            if os.access(p, os.X_OK):
                exe = p
                break
        if exe:
            found.append((name, exe))
    return found


def check_release(entries, version, raw, what, failures, report):
    key = magic_key(raw)
    e = entries.get(key)
    if e is None:
        failures.append("%s: magic %s (%d) is not in the table" % (what, hex_bytes(raw), key))
    elif e["version"] != version or e["kind"] != "release":
        failures.append("%s: magic %d is in the table as %s/%s, expected %s/release"
                        % (what, key, e["version"], e["kind"], version))
    else:
        report.append("ok   %-28s %s %-5d = %s release" % (what, hex_bytes(raw), key, version))


def verify(entries, extra, pyenv, pyodide_dir, log):
    failures, report = [], []
    interpreters = find_interpreters(pyenv)
    if not interpreters:
        failures.append("no interpreters found under %s" % pyenv)
    for name, exe in interpreters:
        try:
            version, raw = probe(exe)
        except (OSError, subprocess.SubprocessError) as exc:
            failures.append("%s: cannot run %s: %s" % (name, exe, exc))
            continue
        if not name.startswith(version + "."):
            failures.append("%s: %s reports version %s" % (name, exe, version))
        check_release(entries, version, raw, "pyenv %s" % name, failures, report)
        if vtuple(version) <= UNICODE_LAST:
            try:
                _, uraw = probe(exe, ["-U"])
            except (OSError, subprocess.SubprocessError) as exc:
                failures.append("%s -U: cannot run %s: %s" % (name, exe, exc))
                continue
            e = entries.get(magic_key(uraw))
            if e is None or e["kind"] != "unicode" or e["version"] != version \
                    or magic_key(uraw) != magic_key(raw) + 1:
                failures.append("%s -U: magic %s is not the unicode twin of %s"
                                % (name, hex_bytes(uraw), hex_bytes(raw)))
            else:
                report.append("ok   %-28s %s %-5d = %s unicode" % ("pyenv %s -U" % name,
                              hex_bytes(uraw), magic_key(uraw), version))
    for it in extra:
        if it["verb"] == "observed":
            check_release(entries, it["version"], crlf_bytes(it["magic"]),
                          "extra.txt[%s] %s" % (",".join(it["keys"]), it["version"]),
                          failures, report)
    if pyodide_dir:
        js = ("import { loadPyodide } from 'pyodide';"
              "const py = await loadPyodide();"
              "console.log(py.runPython(\"import sys, importlib.util; '%d.%d ' % "
              "sys.version_info[:2] + importlib.util.MAGIC_NUMBER.hex(' ')\"));")
        try:
            out = subprocess.check_output(["node", "--input-type=module", "-e", js],
                                          cwd=pyodide_dir, timeout=600)
            line = out.decode().strip().splitlines()[-1]
            version, rest = line.split(" ", 1)
            check_release(entries, version, bytes(int(x, 16) for x in rest.split()),
                          "pyodide %s" % version, failures, report)
        except (OSError, subprocess.SubprocessError, ValueError) as exc:
            failures.append("pyodide in %s: %s" % (pyodide_dir, exc))
    for line in report:
        log(line)
    return failures


# --------------------------------------------------------------------------


def summary(entries):
    lines = []
    kinds = OrderedDict()
    majors = OrderedDict()
    for e in sorted(entries.values(), key=lambda e: (vtuple(e["version"]), e["magic"])):
        kinds[e["kind"]] = kinds.get(e["kind"], 0) + 1
        major = e["version"].split(".")[0]
        majors[major] = majors.get(major, 0) + 1
    lines.append("entries: %d" % len(entries))
    lines.append("by kind: " + ", ".join("%s %d" % kv for kv in sorted(kinds.items())))
    lines.append("by major version: " + ", ".join("%s.x %d" % kv for kv in majors.items()))
    rel = OrderedDict()
    for e in sorted(entries.values(), key=lambda e: (vtuple(e["version"]), e["magic"])):
        if e["kind"] == "release":
            rel.setdefault(e["version"], []).append(e["magic"])
    lines.append("release magics: " + ", ".join(
        "%s=%s" % (v, "/".join(str(x) for x in m)) for v, m in rel.items()))
    pre = [e["magic"] for e in entries.values() if e["kind"] == "prerelease"]
    if pre:
        lines.append("prerelease magics: " + ", ".join(str(x) for x in sorted(pre)))
    return lines


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    default_pyenv = os.path.join(os.environ.get("PYENV_ROOT", os.path.expanduser("~/.pyenv")),
                                 "versions")
    ap.add_argument("--pyenv", default=default_pyenv)
    ap.add_argument("--check", action="store_true")
    ap.add_argument("--pyodide-dir")
    ap.add_argument("--no-verify", action="store_true")
    ap.add_argument("-q", "--quiet", action="store_true")
    args = ap.parse_args(argv)

    def log(msg):
        if not args.quiet:
            print(msg)

    try:
        entries, src, extra = build(args.pyenv, log)
        if args.no_verify:
            log("WARNING: --no-verify: interpreters not checked")
            failures = []
        else:
            failures = verify(entries, extra, args.pyenv, args.pyodide_dir, log)
        text = to_json(entries, src)
    except Failure as exc:
        print("FAIL: %s" % exc, file=sys.stderr)
        return 1
    if failures:
        for f in failures:
            print("FAIL: %s" % f, file=sys.stderr)
        print("FAIL: %d check(s) failed; %s not written" % (len(failures),
              os.path.relpath(OUT_PATH, REPO)), file=sys.stderr)
        return 1
    for line in summary(entries):
        log(line)
    rel = os.path.relpath(OUT_PATH, REPO)
    if args.check:
        try:
            with open(OUT_PATH, encoding="utf-8") as f:
                current = f.read()
        except OSError:
            current = None
        if current != text:
            print("FAIL: %s is out of date; run %s" % (rel, GENERATOR), file=sys.stderr)
            return 1
        log("%s is up to date" % rel)
        return 0
    os.makedirs(os.path.dirname(OUT_PATH), exist_ok=True)
    with open(OUT_PATH, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    log("wrote %s (%d magics)" % (rel, len(entries)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
