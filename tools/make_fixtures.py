# -*- coding: utf-8 -*-
"""Record what the running CPython says about the test corpus, as committed fixtures.

Usage (the same file runs unchanged under Python 2.7, 3.6+ and pyodide's 3.14):

    python tools/make_fixtures.py [--corpus tests/corpus] [--out tests/fixtures]

The script looks at its own version X.Y and rewrites OUT/X.Y/ (every plain file in that one
directory is deleted first; nothing else under OUT is touched). Each corpus program NAME.py
starts with a header line naming the versions whose syntax it accepts, exactly like

    # versions: 2.7, 3.6+        (items separated by commas; each item is X.Y, X.Y+ or X.Y-A.B)

Programs whose header does not accept X.Y are skipped. For each accepted program it writes:

  NAME.pyc   What py_compile writes, made reproducible: the source is copied to a temporary
             directory as NAME.py with its mtime set to 0, and py_compile.compile(copy,
             cfile=..., dfile='NAME.py', doraise=True) is run on it (3.7+: with
             invalidation_mode=TIMESTAMP). So the code object is compile(source bytes,
             'NAME.py', 'exec') with no directory in co_filename, and the header is
               2.7:  magic(4) + mtime(4) = 0
               3.6:  magic(4) + mtime(4) = 0 + source size(4)
               3.7+: magic(4) + flags(4) = 0 + mtime(4) = 0 + source size(4)
             followed by marshal.dumps(code). Header integers are little-endian uint32; the
             size is the length of the source in bytes. The script checks the header.
             marshal sets FLAG_REF on an object only when its reference count is above 1, so
             the bytes also depend on what else the compiling process holds (in 3.6-3.10 an
             equal interned string alive elsewhere, say "__future__" once that module is
             imported, changes FLAG_REF bits and back-reference indices, nothing else). Each
             program is therefore compiled in a fresh process running this script, so that
             its .pyc depends on neither the rest of the corpus nor the order of work.
  NAME.checked-hash.pyc, NAME.unchecked-hash.pyc
             3.7+ only, and only for the programs in HASH_PROGRAMS: the same with
             invalidation_mode CHECKED_HASH resp. UNCHECKED_HASH, i.e. magic + flags (3 resp. 1)
             + importlib.util.source_hash(source bytes) (8 bytes) + marshal data.
  NAME.dis   Output of dis.dis(code) for the module code object, code being
             marshal.loads() of NAME.pyc after its header (see load_pyc). 2.7 and 3.6 do not recurse into nested code
             objects; 3.7+ do.
  NAME.show  3.x only. dis.show_code() of the module code object, then of every code object
             found in co_consts, recursively, depth-first in co_consts order (pre-order). The
             blocks are separated by a line containing exactly '---'.
  NAME.out, NAME.err
             Raw stdout and stderr bytes of running the program.
  NAME.exit  The exit status as decimal text followed by a newline, e.g. "1\\n".

plus INTERPRETER, a few lines describing the interpreter that made the directory (version, magic, platform, and
none_hash_low8: the low byte of hash(None), which before 3.12 orders small frozensets holding None).
make_fixtures.py rewrites every plain file of the directory, so run tools/make_dis_option_fixtures.py after it.

Normalisation (the only places where recorded text differs from what CPython printed):
  * In .dis and .show, object addresses (" at 0x7f12ab...") become " at 0xADDR".
  * In .out and .err, the absolute path of the corpus directory followed by a path separator
    is removed, so that "/abs/path/tests/corpus/NAME.py" reads "NAME.py" (3.9+ make the path
    of the script absolute in tracebacks).

How programs are run:
  * Normally: `sys.executable X.Y/NAME.pyc` (the .pyc just written, so that what is recorded is
    what CPython does with the very file the tools and the VM read: constants such as frozensets
    come from marshal, not from the compiler, and may iterate in another order than when the
    source is run) in a subprocess with cwd = the corpus directory, stdin
    = NAME.stdin if it exists (else empty), and an environment holding only PATH (plus
    SYSTEMROOT on Windows) and PYTHONHASHSEED=0, PYTHONDONTWRITEBYTECODE=1,
    PYTHONIOENCODING=utf-8.
  * Under pyodide (sys.platform == 'emscripten') there are no subprocesses. The program is
    compiled as above and exec'd in-process in a fresh __main__ module, with the cwd set to
    the corpus directory, sys.argv = ['NAME.py'], sys.stdin/stdout/stderr replaced by UTF-8
    text streams (stdout strict, stderr backslashreplace, as PYTHONIOENCODING=utf-8 gives).
    An uncaught exception is printed with traceback.print_exception (the frame of this script
    is left out, so the traceback starts at <module>) and gives exit status 1; SystemExit is
    handled like the interpreter does (None -> 0, an int -> that int, anything else is printed
    to stderr and gives 1). sys.path is not changed. The interpreter-wide state (warning
    registries, imported modules) is shared between programs, unlike separate processes.

Reproducibility: set and frozenset order (and so marshal output and reprs) depends on string
hashing, so the script re-runs itself with PYTHONHASHSEED=0 when that is not already set.
Under pyodide it cannot; there the node driver (tools/pyodide/make_fixtures.mjs) passes the
variable when it loads the interpreter, and the script refuses to run without it. Nothing
written depends on time, so rerunning with the same interpreter gives byte-identical files.
Note that pyodide is a 32-bit (wasm32) build: its hashes, and so its set order, differ from
a 64-bit CPython of the same version.
"""

import argparse
import dis
import marshal
import os
import py_compile
import re
import shutil
import struct
import subprocess
import sys
import tempfile

PY2 = sys.version_info[0] == 2
VERSION = "%d.%d" % sys.version_info[:2]
IN_PROCESS = sys.platform == "emscripten"

# Programs that also get the two hash-based .pyc variants (3.7+).
HASH_PROGRAMS = ("talk_example", "closures")

HEADER_RE = re.compile(r"^#\s*versions:\s*(.+?)\s*$")
ITEM_RE = re.compile(r"^(\d+)\.(\d+)(?:(\+)|-(\d+)\.(\d+))?$")
ADDRESS_RE = re.compile(r" at 0x[0-9a-fA-F]+")


def parse_versions(header_line):
    """Return a predicate over (major, minor) for a '# versions: ...' header line."""
    match = HEADER_RE.match(header_line)
    if not match:
        raise ValueError("first line is not a '# versions: ...' header: %r" % header_line)
    ranges = []
    for item in match.group(1).split(","):
        item = item.strip()
        m = ITEM_RE.match(item)
        if not m:
            raise ValueError("bad version item %r in %r" % (item, header_line))
        low = (int(m.group(1)), int(m.group(2)))
        if m.group(3):
            high = (999, 999)
        elif m.group(4):
            high = (int(m.group(4)), int(m.group(5)))
        else:
            high = low
        ranges.append((low, high))

    def accepts(version):
        return any(low <= version <= high for low, high in ranges)
    return accepts


def magic_number():
    if PY2:
        import imp
        return imp.get_magic()
    import importlib.util
    return importlib.util.MAGIC_NUMBER


def u32(value):
    return struct.pack("<I", value & 0xFFFFFFFF)


def compile_source(source, filename):
    if PY2:
        # py_compile in 2.7 reads the file in universal-newline mode.
        source = source.replace(b"\r\n", b"\n").replace(b"\r", b"\n")
    return compile(source, filename, "exec", 0, True)


def expected_header(source, flags=0):
    magic = magic_number()
    if PY2:
        return magic + u32(0)
    if sys.version_info < (3, 7):
        return magic + u32(0) + u32(len(source))
    if flags == 0:
        return magic + u32(0) + u32(0) + u32(len(source))
    import importlib.util
    return magic + u32(flags) + importlib.util.source_hash(source)


def py_compile_bytes(source, name, mode):
    """What py_compile writes for a copy of the source named NAME.py whose mtime is 0."""
    tmp = tempfile.mkdtemp()
    try:
        path = os.path.join(tmp, name + ".py")
        write(path, source)
        os.utime(path, (0, 0))
        cfile = os.path.join(tmp, name + ".pyc")
        kwargs = {}
        if mode is not None:
            kwargs["invalidation_mode"] = getattr(py_compile.PycInvalidationMode, mode)
        py_compile.compile(path, cfile=cfile, dfile=name + ".py", doraise=True, **kwargs)
        with open(cfile, "rb") as f:
            return f.read()
    finally:
        shutil.rmtree(tmp)


def write_pycs(out_dir, name, source):
    base = os.path.join(out_dir, name)
    variants = [("", "TIMESTAMP" if sys.version_info >= (3, 7) else None, 0)]
    if sys.version_info >= (3, 7) and name in HASH_PROGRAMS:
        variants.append((".checked-hash", "CHECKED_HASH", 3))
        variants.append((".unchecked-hash", "UNCHECKED_HASH", 1))
    for suffix, mode, flags in variants:
        data = py_compile_bytes(source, name, mode)
        header = expected_header(source, flags)
        if not data.startswith(header):
            raise RuntimeError("unexpected .pyc header for %s%s: %r" % (name, suffix, data[:16]))
        write(base + suffix + ".pyc", data)


def load_pyc(path):
    """The module code object as importing the .pyc gives it: marshal.loads of the data after the header.

    This, not the freshly compiled code object, is what a disassembler of the .pyc must match: a frozenset
    constant, for one, iterates in the order of the set marshal.loads rebuilds, which can differ from the
    compiler's (seen in 3.11+).
    """
    with open(path, "rb") as f:
        data = f.read()
    header = 8 if sys.version_info < (3, 3) else 12 if sys.version_info < (3, 7) else 16
    return marshal.loads(data[header:])


def to_bytes(text):
    if isinstance(text, bytes):
        return text
    return text.encode("utf-8")


def sanitize(text):
    return ADDRESS_RE.sub(" at 0xADDR", text)


def disassemble(code):
    if PY2:
        import StringIO
        buf = StringIO.StringIO()
        saved = sys.stdout
        sys.stdout = buf
        try:
            dis.dis(code)
        finally:
            sys.stdout = saved
        return to_bytes(sanitize(buf.getvalue()))
    import io
    buf = io.StringIO()
    dis.dis(code, file=buf)
    return to_bytes(sanitize(buf.getvalue()))


def iter_code_objects(code):
    """The code object, then its nested code objects, depth-first in co_consts order."""
    yield code
    for const in code.co_consts:
        if isinstance(const, type(code)):
            for inner in iter_code_objects(const):
                yield inner


def show_code(code):
    import io
    blocks = []
    for co in iter_code_objects(code):
        buf = io.StringIO()
        dis.show_code(co, file=buf)
        blocks.append(sanitize(buf.getvalue()))
    return to_bytes("---\n".join(blocks))


def child_env():
    env = {"PATH": os.environ.get("PATH", os.defpath)}
    if "SYSTEMROOT" in os.environ:  # Windows needs it to start anything
        env["SYSTEMROOT"] = os.environ["SYSTEMROOT"]
    env["PYTHONHASHSEED"] = "0"
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    env["PYTHONIOENCODING"] = "utf-8"
    return env


# Careful with new identifiers in this script: its --pyc-only child compiles the programs, and a name here
# that a program also uses as a string constant is an interned string with more references in that process,
# which changes marshal's reference flags in the .pyc (a parameter named "pyc" changed fstrings_38.pyc).
def run_subprocess(corpus, name, stdin_data, compiled):
    proc = subprocess.Popen([sys.executable, compiled], cwd=corpus, env=child_env(),
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    out, err = proc.communicate(stdin_data)
    return out, err, proc.returncode


def run_in_process(corpus, name, source, stdin_data):
    import io
    import traceback
    import types
    out_bytes, err_bytes = io.BytesIO(), io.BytesIO()
    out = io.TextIOWrapper(out_bytes, encoding="utf-8", errors="strict", newline="\n",
                           write_through=True)
    err = io.TextIOWrapper(err_bytes, encoding="utf-8", errors="backslashreplace",
                           newline="\n", write_through=True)
    inp = io.TextIOWrapper(io.BytesIO(stdin_data), encoding="utf-8")
    module = types.ModuleType("__main__")
    module.__file__ = name + ".py"
    module.__builtins__ = __builtins__
    saved = (sys.stdin, sys.stdout, sys.stderr, sys.argv, sys.modules.get("__main__"),
             os.getcwd())
    status = 0
    try:
        code = compile_source(source, name + ".py")
        os.chdir(corpus)
        sys.modules["__main__"] = module
        sys.argv = [name + ".py"]
        sys.stdin, sys.stdout, sys.stderr = inp, out, err
        try:
            exec(code, module.__dict__)
        except SystemExit as e:
            if e.code is None:
                status = 0
            elif isinstance(e.code, int):
                status = e.code
            else:
                err.write(str(e.code) + "\n")
                status = 1
        except BaseException:
            etype, value, tb = sys.exc_info()
            traceback.print_exception(etype, value, tb.tb_next, file=err)
            status = 1
        out.flush()
        err.flush()
    finally:
        sys.stdin, sys.stdout, sys.stderr, sys.argv = saved[:4]
        if saved[4] is not None:
            sys.modules["__main__"] = saved[4]
        os.chdir(saved[5])
    return out_bytes.getvalue(), err_bytes.getvalue(), status


def strip_corpus_path(data, corpus):
    prefixes = set()
    for path in (os.path.abspath(corpus), os.path.realpath(corpus)):
        prefixes.add(path.rstrip(os.sep) + os.sep)
    for prefix in sorted(prefixes, key=len, reverse=True):
        if not isinstance(prefix, bytes):
            prefix = prefix.encode(sys.getfilesystemencoding() or "utf-8")
        data = data.replace(prefix, b"")
    return data


def write(path, data):
    with open(path, "wb") as f:
        f.write(data)


def ensure_hash_seed():
    if os.environ.get("PYTHONHASHSEED") == "0":
        return
    if IN_PROCESS:
        sys.exit("make_fixtures.py: PYTHONHASHSEED=0 must be set when the interpreter starts "
                 "(tools/pyodide/make_fixtures.mjs does that)")
    env = dict(os.environ)
    env["PYTHONHASHSEED"] = "0"
    argv = [sys.executable, os.path.abspath(__file__)] + sys.argv[1:]
    sys.exit(subprocess.call(argv, env=env))


def interpreter_description():
    lines = [
        "version %s" % ".".join(str(part) for part in sys.version_info[:3]),
        "release %s %s" % (sys.version_info[3], sys.version_info[4]),
        "implementation %s" % getattr(getattr(sys, "implementation", None), "name", "cpython"),
        "magic %s" % "".join("%02x" % c for c in bytearray(magic_number())),
        "platform %s" % ("emscripten (pyodide, programs run in-process)" if IN_PROCESS
                         else "native (programs run in a subprocess)"),
        # Before 3.12 hash(None) is None's address; its low byte is fixed for the binary (the high bits move with
        # address-space randomisation) and is what orders small frozensets holding None in the .dis files.
        "none_hash_low8 %d" % (hash(None) & 0xFF),
    ]
    return to_bytes("\n".join(lines) + "\n")


def main():
    repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", default=os.path.join(repo, "tests", "corpus"))
    parser.add_argument("--out", default=os.path.join(repo, "tests", "fixtures"))
    parser.add_argument("--pyc-only", metavar="NAME",
                        help="internal: only write the .pyc files of one program")
    args = parser.parse_args()
    ensure_hash_seed()

    corpus = os.path.abspath(args.corpus)
    out_dir = os.path.join(os.path.abspath(args.out), VERSION)
    if args.pyc_only:
        with open(os.path.join(corpus, args.pyc_only + ".py"), "rb") as f:
            write_pycs(out_dir, args.pyc_only, f.read())
        return
    if not os.path.isdir(out_dir):
        os.makedirs(out_dir)
    for entry in os.listdir(out_dir):
        path = os.path.join(out_dir, entry)
        if os.path.isfile(path):
            os.remove(path)

    version = sys.version_info[:2]
    programs = []
    for entry in sorted(os.listdir(corpus)):
        if not entry.endswith(".py"):
            continue
        with open(os.path.join(corpus, entry), "rb") as f:
            source = f.read()
        first_line = source.split(b"\n", 1)[0].rstrip(b"\r").decode("ascii")
        if parse_versions(first_line)(version):
            programs.append((entry[:-3], source))

    # The .pyc files: what marshal writes depends on the state of the compiling process (see
    # the docstring), so each program is compiled in a fresh process running this script, whose
    # state does not depend on the rest of the corpus. Under pyodide everything is compiled
    # here first, before any program runs in this process.
    for name, source in programs:
        if IN_PROCESS:
            write_pycs(out_dir, name, source)
        else:
            argv = [sys.executable, os.path.abspath(__file__), "--corpus", corpus,
                    "--out", os.path.dirname(out_dir), "--pyc-only", name]
            if subprocess.call(argv) != 0:
                sys.exit("compiling %s failed" % name)
    for name, source in programs:
        base = os.path.join(out_dir, name)
        code = load_pyc(base + ".pyc")
        write(base + ".dis", disassemble(code))
        if not PY2:
            write(base + ".show", show_code(code))
        del code

    done = []
    for name, source in programs:
        base = os.path.join(out_dir, name)
        stdin_path = os.path.join(corpus, name + ".stdin")
        stdin_data = b""
        if os.path.exists(stdin_path):
            with open(stdin_path, "rb") as f:
                stdin_data = f.read()
        if IN_PROCESS:
            out, err, status = run_in_process(corpus, name, source, stdin_data)
        else:
            out, err, status = run_subprocess(corpus, name, stdin_data, os.path.abspath(base + ".pyc"))
        write(base + ".out", strip_corpus_path(out, corpus))
        write(base + ".err", strip_corpus_path(err, corpus))
        write(base + ".exit", to_bytes("%d\n" % status))
        done.append((name, status))

    write(os.path.join(out_dir, "INTERPRETER"), interpreter_description())
    for name, status in done:
        print("%-24s exit %d" % (name, status))
    print("%s: %d programs -> %s" % (VERSION, len(done), out_dir))


if __name__ == "__main__":
    main()
