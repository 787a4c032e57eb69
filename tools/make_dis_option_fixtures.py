"""Record dis output with options for a few corpus fixtures (3.13+: show_offsets=True).

Writes tests/fixtures/X.Y/NAME.dis-offsets for NAME in PROGRAMS, from the .pyc already there (make_fixtures.py
first). Usage: python3.13 tools/make_dis_option_fixtures.py  (PYTHONHASHSEED=0 is set by re-executing)
"""
import io
import marshal
import os
import re
import sys
import dis

if os.environ.get("PYTHONHASHSEED") != "0" and sys.platform != "emscripten":
    os.execve(sys.executable, [sys.executable] + sys.argv, dict(os.environ, PYTHONHASHSEED="0"))

PROGRAMS = ["talk_example", "exceptions", "loops_control", "extended_arg"]
ADDRESS = re.compile(r" at 0x[0-9a-fA-F]+")


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "fixtures")
    out_dir = os.path.join(root, "%d.%d" % sys.version_info[:2])
    for name in PROGRAMS:
        with open(os.path.join(out_dir, name + ".pyc"), "rb") as f:
            code = marshal.loads(f.read()[16:])
        buf = io.StringIO()
        dis.dis(code, file=buf, show_offsets=True)
        with open(os.path.join(out_dir, name + ".dis-offsets"), "w", encoding="utf-8", newline="\n") as f:
            f.write(ADDRESS.sub(" at 0xADDR", buf.getvalue()))
    print("wrote %d files in %s" % (len(PROGRAMS), out_dir))


main()
