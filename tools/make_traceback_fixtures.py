"""Record how CPython 3.11, 3.12 and 3.13 print uncaught exceptions, for the C# traceback printer's tests.

For every program tests/fixtures/runtime/tracebacks/NAME.py and every interpreter given, writes
tests/fixtures/runtime/tracebacks/X.Y/NAME.stderr (what the interpreter wrote to stderr) and X.Y/NAME.json (the
exception as the VM would describe it: type, str(), traceback entries with co_positions(), __cause__,
__context__, __suppress_context__, __notes__, group members, suggestion). The C# test rebuilds the report from
the JSON, reads source lines from NAME.py and must produce NAME.stderr byte for byte.

How the two are taken, both from real uncaught exceptions:
- Each program is compiled by the interpreter under test with py_compile, dfile="NAME.py", so that its code
  objects carry the relative co_filename (running "python NAME.py" would give an absolute one since 3.9), and
  the .pyc is run as "python NAME.pyc" with the programs' directory as the working directory (stderr a pipe, not a
  tty; PYTHONHASHSEED=0, PYTHONIOENCODING=utf-8). The interpreter then finds NAME.py by that relative name for
  its source lines, as it would next to a script. Its stderr is NAME.stderr.
- The same .pyc is run again with a sitecustomize.py (on PYTHONPATH) that replaces sys.excepthook: the hook
  dumps the exception graph to JSON and then calls sys.__excepthook__, the function the interpreter calls by
  default, so nothing changes in the frames or their depth. Its stderr must equal the first run's, or the
  script fails.

Usage (from anywhere; PYTHONS defaults to the pyenv 3.11, 3.12 and 3.13 interpreters):
    python3 tools/make_traceback_fixtures.py [--check] [PYTHON ...]
--check writes nothing and exits 1 when a committed fixture differs from what the interpreters print now.
"""
import glob
import json
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
PROGRAMS = os.path.join(ROOT, "tests", "fixtures", "runtime", "tracebacks")

# The excepthook installed for the second run. It runs inside the interpreter being recorded, after the
# program's own code, so it must not recurse (programs lower the recursion limit) and must not import much.
HOOK = r'''
import sys

def _tb_fixture_dump(exc):
    import collections.abc
    import io
    import json
    import re

    def safe_str(x):
        try:
            return str(x)
        except BaseException:
            return None

    def safe_repr(x):
        try:
            return repr(x)
        except BaseException:
            return None

    def suggestion_of(e, text):
        # What the interpreter appends after "Type: str" (". Did you mean: ..."): print the exception alone,
        # with no chain and no notes, through the default hook, and take the tail of its last line.
        if not isinstance(e, (NameError, AttributeError, ImportError)):
            return None, None
        saved = (e.__cause__, e.__context__, e.__suppress_context__)
        had_notes = "__notes__" in getattr(e, "__dict__", {})
        notes = e.__dict__.pop("__notes__", None) if had_notes else None
        e.__cause__ = None
        e.__context__ = None
        e.__suppress_context__ = True
        buf = io.StringIO()
        old = sys.stderr
        sys.stderr = buf
        try:
            sys.__excepthook__(type(e), e, e.__traceback__)
        finally:
            sys.stderr = old
            e.__cause__, e.__context__, e.__suppress_context__ = saved
            if had_notes:
                e.__notes__ = notes
        last = buf.getvalue().rstrip("\n").split("\n")[-1]
        t = type(e)
        name = t.__qualname__ if t.__module__ in ("builtins", "__main__") else t.__module__ + "." + t.__qualname__
        prefix = name + (": " + text if text else "") if text is not None else name + ": <exception str() failed>"
        if not last.startswith(prefix):
            raise RuntimeError("cannot find the exception line: %r" % last)
        m = re.fullmatch(r"(?:\. Did you mean: '(.*?)'\?)?(?:(?: Or did you|\. Did you) forget to import '(.*?)'\?)?",
                         last[len(prefix):])
        if m is None:
            raise RuntimeError("unknown tail of the exception line: %r" % last)
        return m.group(1), m.group(2)

    index = {}
    nodes = []
    work = [exc]

    def ref(e):
        if e is None:
            return None
        if id(e) not in index:
            index[id(e)] = len(nodes)
            nodes.append(e)
            work.append(e)
        return index[id(e)]

    ref(exc)
    out = []
    i = 0
    while i < len(nodes):
        e = nodes[i]
        i += 1
        frames = []
        tb = e.__traceback__
        while tb is not None:
            code = tb.tb_frame.f_code
            pos = (None, None, None, None)
            if tb.tb_lasti >= 0:
                for k, p in enumerate(code.co_positions()):
                    if k == tb.tb_lasti // 2:
                        pos = p
                        break
            frames.append([code.co_filename, tb.tb_lineno, code.co_name, pos[1], pos[2], pos[3], pos[0]])
            tb = tb.tb_next
        try:
            raw_notes = e.__notes__
        except AttributeError:
            raw_notes = None
        notes = None
        if raw_notes is not None:
            items = None
            if isinstance(raw_notes, collections.abc.Sequence):
                items = [safe_str(n) for n in raw_notes]
            str_or_bytes = isinstance(raw_notes, (str, bytes))
            # The repr is printed only for a non-sequence (or a str/bytes from 3.12 on); leaving it out otherwise
            # keeps object addresses out of the fixtures.
            notes = {"items": items, "repr": safe_repr(raw_notes) if items is None or str_or_bytes else None,
                     "str_or_bytes": str_or_bytes}
        module = type(e).__module__
        text = safe_str(e)
        suggestion, missing_import = suggestion_of(e, text)
        out.append({
            "module": module if isinstance(module, str) else None,
            "qualname": type(e).__qualname__,
            "str": text,
            "frames": frames,
            "cause": ref(e.__cause__),
            "context": ref(e.__context__),
            "suppress_context": bool(e.__suppress_context__),
            "notes": notes,
            "group": [ref(m) for m in e.exceptions] if isinstance(e, BaseExceptionGroup) else None,
            "suggestion": suggestion,
            "missing_import": missing_import,
        })
    import os
    with open(os.environ["TB_FIXTURE_OUT"], "w", encoding="utf-8") as f:
        # One exception a line, each on one line: a thousand-entry traceback stays a small file.
        f.write('{"python": "%d.%d.%d",\n "exceptions": [\n' % sys.version_info[:3])
        f.write(",\n".join("  " + json.dumps(e, ensure_ascii=True) for e in out))
        f.write("\n ]\n}\n")


def _tb_fixture_hook(t, v, tb):
    _tb_fixture_dump(v)
    sys.__excepthook__(t, v, tb)


sys.excepthook = _tb_fixture_hook
'''


def default_pythons():
    base = os.path.expanduser("~/.pyenv/versions")
    found = []
    for minor in (11, 12, 13):
        hits = sorted(glob.glob(os.path.join(base, "3.%d.*" % minor, "bin", "python3.%d" % minor)))
        if hits:
            found.append(hits[-1])
    return found


def version_of(python):
    out = subprocess.run([python, "-c", "import sys; print('%d.%d' % sys.version_info[:2])"],
                         check=True, capture_output=True, text=True)
    return out.stdout.strip()


def base_env():
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env.update(PYTHONHASHSEED="0", PYTHONIOENCODING="utf-8", PYTHONDONTWRITEBYTECODE="1")
    return env


def record(python, names, tmp):
    """Returns {name: (stderr bytes, json text)} for one interpreter."""
    build = os.path.join(tmp, "pyc")
    hook_dir = os.path.join(tmp, "hook")
    os.makedirs(build)
    os.makedirs(hook_dir)
    with open(os.path.join(hook_dir, "sitecustomize.py"), "w") as f:
        f.write(HOOK)
    compile_script = (
        "import py_compile, sys\n"
        "for name in sys.argv[2:]:\n"
        "    py_compile.compile(name + '.py', cfile=sys.argv[1] + '/' + name + '.pyc', dfile=name + '.py',"
        " doraise=True)\n")
    subprocess.run([python, "-c", compile_script, build] + names, cwd=PROGRAMS, check=True, env=base_env())
    results = {}
    for name in names:
        pyc = os.path.join(build, name + ".pyc")
        plain = subprocess.run([python, pyc], cwd=PROGRAMS, env=base_env(), capture_output=True, timeout=120)
        report_path = os.path.join(tmp, name + ".json")
        env = base_env()
        env.update(PYTHONPATH=hook_dir, TB_FIXTURE_OUT=report_path)
        hooked = subprocess.run([python, pyc], cwd=PROGRAMS, env=env, capture_output=True, timeout=120)
        where = "%s %s" % (python, name)
        if plain.returncode != 1:
            raise SystemExit("%s: exit status %d, expected 1 (an uncaught exception)\n%s"
                             % (where, plain.returncode, plain.stderr.decode("utf-8", "replace")))
        if hooked.stderr != plain.stderr:
            raise SystemExit("%s: the recording run printed something else:\n%s"
                             % (where, hooked.stderr.decode("utf-8", "replace")))
        text = plain.stderr.decode("utf-8")
        for path in (PROGRAMS, tmp, os.path.expanduser("~")):
            if path in text:
                raise SystemExit("%s: stderr holds the absolute path %s" % (where, path))
        with open(report_path, encoding="utf-8") as f:
            report = f.read()
        data = json.loads(report)
        for exc in data["exceptions"]:
            for frame in exc["frames"]:
                if frame[0] != name + ".py" and not frame[0].startswith("<"):
                    raise SystemExit("%s: a traceback entry of another file: %r" % (where, frame[0]))
                if frame[6] is not None and frame[6] != frame[1]:
                    raise SystemExit("%s: co_positions() line %s differs from tb_lineno %s" % (where, frame[6], frame[1]))
        results[name] = (plain.stderr, report)
    return results


def main():
    args = sys.argv[1:]
    check = "--check" in args
    pythons = [a for a in args if a != "--check"] or default_pythons()
    names = sorted(os.path.splitext(os.path.basename(p))[0] for p in glob.glob(os.path.join(PROGRAMS, "*.py")))
    stale = 0
    for python in pythons:
        version = version_of(python)
        tmp = tempfile.mkdtemp(prefix="tbfix")
        try:
            results = record(python, names, tmp)
        finally:
            shutil.rmtree(tmp)
        out_dir = os.path.join(PROGRAMS, version)
        if not check:
            os.makedirs(out_dir, exist_ok=True)
            for old in glob.glob(os.path.join(out_dir, "*")):
                os.remove(old)
        for name, (stderr, report) in results.items():
            for suffix, data in ((".stderr", stderr), (".json", report.encode("utf-8"))):
                path = os.path.join(out_dir, name + suffix)
                if check:
                    try:
                        with open(path, "rb") as f:
                            same = f.read() == data
                    except OSError:
                        same = False
                    if not same:
                        print("differs: %s" % os.path.relpath(path, ROOT))
                        stale += 1
                else:
                    with open(path, "wb") as f:
                        f.write(data)
        print("%s (%s): %d programs" % (version, python, len(results)))
    if stale:
        sys.exit(1)


main()
