"""Record dis output with options for a few corpus fixtures, from the .pyc already there (make_fixtures.py first).

Writes, in tests/fixtures/X.Y/, for NAME in PROGRAMS: NAME.dis-caches, dis.dis(code, show_caches=True) (3.11+),
NAME.dis-offsets, dis.dis(code, show_offsets=True) (3.13+), NAME.dis-positions, show_positions=True (3.14+), and
NAME.instructions.json (3.13+): the fields of every dis.get_instructions() record, code object by code object in
the order dis.dis prints them.
Usage: pythonX.Y tools/make_dis_option_fixtures.py [FIXTURES_ROOT]  (PYTHONHASHSEED=0 is set by re-executing);
3.14: cd tools/pyodide && node dis_options.mjs
"""
import io
import json
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
        options = {"caches": {"show_caches": True}}
        if sys.version_info >= (3, 13):
            options["offsets"] = {"show_offsets": True}
        if sys.version_info >= (3, 14):
            options["positions"] = {"show_positions": True}
        for suffix, kwargs in sorted(options.items()):
            buf = io.StringIO()
            dis.dis(code, file=buf, **kwargs)
            with open(os.path.join(out_dir, name + ".dis-" + suffix), "w", encoding="utf-8", newline="\n") as f:
                f.write(ADDRESS.sub(" at 0xADDR", buf.getvalue()))
        if sys.version_info >= (3, 13):
            with open(os.path.join(out_dir, name + ".instructions.json"), "w", encoding="utf-8", newline="\n") as f:
                f.write(json.dumps(instruction_records(code), indent=0, sort_keys=True) + "\n")
    print("wrote files for %d programs in %s" % (len(PROGRAMS), out_dir))


def instruction_records(code):
    records = []
    def walk(co):
        for ins in dis.get_instructions(co):
            records.append({
                "code": co.co_qualname, "opname": ins.opname, "opcode": ins.opcode, "arg": ins.arg,
                "argrepr": ADDRESS.sub(" at 0xADDR", ins.argrepr), "offset": ins.offset,
                "start_offset": ins.start_offset, "starts_line": ins.starts_line, "line_number": ins.line_number,
                "label": ins.label, "is_jump_target": ins.is_jump_target, "jump_target": ins.jump_target,
            })
        for const in co.co_consts:
            if hasattr(const, "co_code"):
                walk(const)
    walk(code)
    return records


main()
