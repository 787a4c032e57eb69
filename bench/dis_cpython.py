"""CPython's side of the dis benchmark (see README.md): disassemble every .pyc under a folder to text files.

Run it with CPython 3.11 (~/.pyenv/versions/3.11.7/bin/python3.11), in one process, one thread:

    python3.11 bench/dis_cpython.py [DIR] [--out OUTDIR]

The same job as `pyc dis -o OUTDIR DIR`: every *.pyc under DIR (recursively, in ordinal order of the path) is read,
its body (past the 16-byte header) goes to marshal.loads, dis.dis(code, file=a StringIO) renders the text, and the
text is written to OUTDIR/REL.dis (REL = the path below DIR with .pyc replaced; OUTDIR defaults to
/tmp/pycsharp-bench-dis/cpython and is emptied first, untimed). Files whose magic number is not the running
interpreter's are skipped and counted (CPython's dis cannot read them); files where marshal or dis raises are
counted as failures and listed on stderr. Prints one line:

    cpython files=N skipped=N failures=N chars=N seconds=S

`seconds` covers the whole job (finding the files, reading, loading, disassembling, writing), not the interpreter's
start-up; bench/run_dis.sh also times the whole process.
"""

import argparse
import dis
import importlib.util
import io
import marshal
import os
import shutil
import sys
import time

HEADER_SIZE = 16  # PEP 552 header, 3.7+


def collect(root):
    rels = []
    for dirpath, _dirnames, filenames in os.walk(root):
        for name in filenames:
            if name.endswith(".pyc"):
                rels.append(os.path.relpath(os.path.join(dirpath, name), root))
    # Ordinal order, as pyc sorts: compare the UTF-8 bytes of the paths.
    rels.sort(key=os.fsencode)
    return rels


def main():
    default_dir = os.path.expanduser("~/.pyenv/versions/3.11.7/lib/python3.11")
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dir", nargs="?", default=default_dir)
    parser.add_argument("--out", default="/tmp/pycsharp-bench-dis/cpython")
    args = parser.parse_args()
    if not os.path.isdir(args.dir):
        sys.exit(f"no such directory: {args.dir}")
    shutil.rmtree(args.out, ignore_errors=True)

    magic = importlib.util.MAGIC_NUMBER
    t0 = time.perf_counter()
    files = skipped = failures = chars = 0
    made_dirs = set()
    for rel in collect(args.dir):
        files += 1
        with open(os.path.join(args.dir, rel), "rb") as f:
            data = f.read()
        if data[:4] != magic:
            skipped += 1
            continue
        try:
            code = marshal.loads(memoryview(data)[HEADER_SIZE:])
            buf = io.StringIO()
            dis.dis(code, file=buf)
        except Exception as e:  # noqa: BLE001 -- counted and reported, like pyc's error lines
            failures += 1
            print(f"failure: {rel}: {e!r}", file=sys.stderr)
            continue
        text = buf.getvalue()
        chars += len(text)
        target = os.path.join(args.out, rel[:-len(".pyc")] + ".dis")
        parent = os.path.dirname(target)
        if parent not in made_dirs:
            os.makedirs(parent, exist_ok=True)
            made_dirs.add(parent)
        with open(target, "w", encoding="utf-8", errors="backslashreplace", newline="\n") as f:
            f.write(text)
    seconds = time.perf_counter() - t0
    print(f"cpython files={files} skipped={skipped} failures={failures} chars={chars} seconds={seconds:.2f}")


if __name__ == "__main__":
    main()
