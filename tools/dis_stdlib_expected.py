# -*- coding: utf-8 -*-
"""Write what the running CPython's dis module prints for every .pyc file under a directory.

Usage (the same file runs unchanged under Python 2.7, 3.6+ and pyodide's 3.14):

    python tools/dis_stdlib_expected.py LIBDIR OUTDIR [--show] [--jobs N]

Every *.pyc file under LIBDIR (walked recursively, symbolic links to directories not followed,
taken in sorted order of their path relative to LIBDIR) is read. Only files whose first four
bytes equal the running interpreter's own magic number are used; the others are counted as
skipped. The header is dropped (8 bytes for 2.x, 12 for 3.3-3.6, 16 for 3.7+), the rest goes to
marshal.loads, and for the resulting code object the script writes

  OUTDIR/REL.dis   Exactly what dis.dis(code) prints (3.x: dis.dis(code, file=a StringIO);
                   2.7: with sys.stdout redirected), REL being the file's path below LIBDIR with
                   its final ".pyc" replaced (a/__pycache__/b.cpython-39.pyc ->
                   OUTDIR/a/__pycache__/b.cpython-39.dis). 2.7 and 3.6 do not recurse into
                   nested code objects; 3.7+ do.
  OUTDIR/REL.show  Only with --show (3.x only; 2.7's dis has no show_code): dis.show_code() of
                   the code object, then of every code object found in co_consts, recursively,
                   depth-first in co_consts order (pre-order), the blocks separated by a line
                   holding exactly '---' -- the format of NAME.show in tests/fixtures (see
                   tools/make_fixtures.py).

The only normalisation: object addresses (regex ' at 0x[0-9a-fA-F]+') become ' at 0xADDR'. Text
is written as UTF-8 with '\\n' line ends (a character UTF-8 cannot encode, a lone surrogate,
would be written as a backslash escape; CPython's reprs escape those, so it does not happen in
practice).

If marshal.loads or dis.dis raises for a file (or the body is not a code object), nothing is
written for it and it gets a line in OUTDIR/_errors.txt:

    REL.pyc: dis: ExceptionType: message

(the step being 'marshal', 'dis' or 'show'; when only show_code raises, the .dis file is still
written). _errors.txt is always written, empty when there were no errors. Last of all the script
writes OUTDIR/_summary.txt (the interpreter, the options and the counts; a line "show yes", "show
no" or "show unavailable" says whether .show files were written); its presence means the
directory is complete, which is what tools/check_dis_stdlib.sh relies on to reuse it. Files of an
earlier run in OUTDIR are not removed. A summary line goes to stdout.

--jobs N (default 1) uses N worker processes (multiprocessing; ignored under pyodide, which has
none). The output does not depend on N.

Reproducibility: frozenset constants print in set order, which depends on string hashing, so the
script re-runs itself with PYTHONHASHSEED=0 when that is not already set. Under pyodide it cannot;
there the node driver (tools/pyodide/dis_stdlib.mjs) sets it when it loads the interpreter, and
the script refuses to run without it.
"""

import argparse
import dis
import marshal
import os
import re
import subprocess
import sys
import time

PY2 = sys.version_info[0] == 2
VERSION = "%d.%d" % sys.version_info[:2]
IN_PROCESS = sys.platform == "emscripten"
ADDRESS_RE = re.compile(r" at 0x[0-9a-fA-F]+")
CODE_TYPE = type(compile("", "<none>", "exec"))


def magic_number():
    if PY2:
        import imp
        return imp.get_magic()
    import importlib.util
    return importlib.util.MAGIC_NUMBER


def header_size():
    if PY2:
        return 8
    if sys.version_info < (3, 7):
        return 12
    return 16


def ensure_hash_seed():
    if os.environ.get("PYTHONHASHSEED") == "0":
        return
    if IN_PROCESS:
        sys.exit("dis_stdlib_expected.py: PYTHONHASHSEED=0 must be set when the interpreter "
                 "starts (tools/pyodide/dis_stdlib.mjs does that)")
    env = dict(os.environ)
    env["PYTHONHASHSEED"] = "0"
    argv = [sys.executable, os.path.abspath(__file__)] + sys.argv[1:]
    sys.exit(subprocess.call(argv, env=env))


def find_pycs(root):
    """Paths of the *.pyc files below root, relative to it with '/' separators, sorted."""
    found = []
    for dirpath, dirnames, filenames in os.walk(root):
        rel_dir = os.path.relpath(dirpath, root)
        for name in filenames:
            if name.endswith(".pyc"):
                rel = name if rel_dir == os.curdir else os.path.join(rel_dir, name)
                found.append(rel.replace(os.sep, "/"))
    found.sort(key=sort_key)
    return found


def sort_key(rel):
    # Ordinal order of the path, as PycSharp sorts; code points compare like UTF-8 bytes.
    if PY2 and isinstance(rel, bytes):
        return rel
    return rel.encode("utf-8", "surrogateescape")


class TextSink(object):
    """A write()-only target collecting text; 2.7's print may hand it str or unicode."""

    def __init__(self):
        self.parts = []

    def write(self, text):
        if PY2 and isinstance(text, unicode):  # noqa: F821 -- 2.7 only
            text = text.encode("utf-8")
        self.parts.append(text)

    def flush(self):
        pass

    def getvalue(self):
        return "".join(self.parts)


def to_bytes(text):
    if isinstance(text, bytes):
        return text
    return text.encode("utf-8", "backslashreplace")


def sanitize(text):
    return ADDRESS_RE.sub(" at 0xADDR", text)


def disassemble(code):
    sink = TextSink()
    if PY2:
        saved = sys.stdout
        sys.stdout = sink
        try:
            dis.dis(code)
        finally:
            sys.stdout = saved
    else:
        dis.dis(code, file=sink)
    return to_bytes(sanitize(sink.getvalue()))


def iter_code_objects(code):
    """The code object, then its nested code objects, depth-first in co_consts order."""
    yield code
    for const in code.co_consts:
        if isinstance(const, CODE_TYPE):
            for inner in iter_code_objects(const):
                yield inner


def show_code(code):
    blocks = []
    for co in iter_code_objects(code):
        sink = TextSink()
        dis.show_code(co, file=sink)
        blocks.append(sanitize(sink.getvalue()))
    return to_bytes("---\n".join(blocks))


def describe(error):
    message = str(error).replace("\r", " ").replace("\n", " ")
    return "%s: %s" % (type(error).__name__, message)


def write_file(path, data):
    directory = os.path.dirname(path)
    if directory and not os.path.isdir(directory):
        try:
            os.makedirs(directory)
        except OSError:
            if not os.path.isdir(directory):  # another worker made it meanwhile
                raise
    with open(path, "wb") as f:
        f.write(data)


# The job of one file, shared by the single-process loop and the worker processes.
_settings = {}


def init_worker(lib_dir, out_dir, show, magic, skip):
    _settings.update(lib_dir=lib_dir, out_dir=out_dir, show=show, magic=magic, skip=skip)


def process(rel):
    """Returns (rel, status, error lines); status is 'ok', 'skipped' or 'error'."""
    s = _settings
    with open(os.path.join(s["lib_dir"], *rel.split("/")), "rb") as f:
        data = f.read()
    if data[:4] != s["magic"] or len(data) < s["skip"]:
        return rel, "skipped", []
    try:
        code = marshal.loads(data[s["skip"]:])
    except Exception as e:  # noqa: BLE001 -- every failure is reported, none stops the run
        return rel, "error", ["%s: marshal: %s" % (rel, describe(e))]
    if not isinstance(code, CODE_TYPE):
        return rel, "error", ["%s: marshal: not a code object: %s" % (rel, type(code).__name__)]
    try:
        text = disassemble(code)
    except Exception as e:  # noqa: BLE001
        return rel, "error", ["%s: dis: %s" % (rel, describe(e))]
    base = os.path.join(s["out_dir"], *rel[:-len(".pyc")].split("/"))
    write_file(base + ".dis", text)
    errors = []
    if s["show"]:
        try:
            write_file(base + ".show", show_code(code))
        except Exception as e:  # noqa: BLE001
            errors.append("%s: show: %s" % (rel, describe(e)))
    return rel, "ok", errors


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("lib_dir", metavar="LIBDIR")
    parser.add_argument("out_dir", metavar="OUTDIR")
    parser.add_argument("--show", action="store_true",
                        help="also write .show files (dis.show_code, 3.x only)")
    parser.add_argument("--jobs", type=int, default=1, metavar="N",
                        help="worker processes (default 1; ignored under pyodide)")
    args = parser.parse_args()
    ensure_hash_seed()
    if not os.path.isdir(args.lib_dir):
        sys.exit("dis_stdlib_expected.py: no such directory: %s" % args.lib_dir)
    show = args.show
    show_state = "yes" if show else "no"
    if show and not hasattr(dis, "show_code"):
        sys.stderr.write("dis_stdlib_expected.py: %s has no dis.show_code; no .show files\n"
                         % VERSION)
        show = False
        show_state = "unavailable"

    started = time.time()
    lib_dir = os.path.abspath(args.lib_dir)
    out_dir = os.path.abspath(args.out_dir)
    if not os.path.isdir(out_dir):
        os.makedirs(out_dir)
    summary_path = os.path.join(out_dir, "_summary.txt")
    if os.path.exists(summary_path):
        os.remove(summary_path)  # the directory is incomplete until the end of this run
    settings = (lib_dir, out_dir, show, magic_number(), header_size())
    rels = find_pycs(lib_dir)

    jobs = 1 if IN_PROCESS else max(1, args.jobs)
    if jobs == 1:
        init_worker(*settings)
        results = [process(rel) for rel in rels]
    else:
        import multiprocessing
        pool = multiprocessing.Pool(jobs, init_worker, settings)
        try:
            results = pool.map(process, rels, max(1, min(64, len(rels) // (jobs * 8) or 1)))
        finally:
            pool.close()
            pool.join()

    counts = {"ok": 0, "skipped": 0, "error": 0}
    error_lines = []
    for rel, status, lines in results:
        counts[status] += 1
        error_lines.extend(lines)
    write_file(os.path.join(out_dir, "_errors.txt"),
               to_bytes("".join(line + "\n" for line in error_lines)))

    summary = ("%s: %d .pyc files, %d disassembled, %d skipped (other magic), %d errors%s"
               % (VERSION, len(rels), counts["ok"], counts["skipped"], len(error_lines),
                  ", with .show" if show else ""))
    details = [
        "python %s" % ".".join(str(part) for part in sys.version_info[:3]),
        "magic %s" % "".join("%02x" % c for c in bytearray(magic_number())),
        "platform %s" % sys.platform,
        "libdir %s" % lib_dir,
        "show %s" % show_state,
        "files %d" % len(rels),
        "disassembled %d" % counts["ok"],
        "skipped %d" % counts["skipped"],
        "failed %d" % counts["error"],
        "error_lines %d" % len(error_lines),
    ]
    write_file(summary_path, to_bytes("\n".join(details) + "\n"))
    print("%s -> %s (%.1fs)" % (summary, out_dir, time.time() - started))


if __name__ == "__main__":
    main()
