"""Record what the running CPython's compile() makes of the snippets of tests/fixtures/compile/snippets.txt.

Usage (3.11+; run once per interpreter, from the repository root):

    python tools/make_compile_fixtures.py [--snippets tests/fixtures/compile/snippets.txt] [--out tests/fixtures]

Writes OUT/X.Y/compile/snippets.json for the running version X.Y: one record per snippet, in file order,
with the snippet's name, mode and source, and either

  * what compile(source, "<string>", mode) gave: "dis" (the text dis.dis(code) prints, addresses masked),
    "consts" (repr of each co_consts item), "names", "stacksize", "flags", "firstlineno", and the hex of
    "code" (co_code), "linetable", "exceptiontable" and "marshal" (marshal.dumps(code)), addresses masked in
    "dis" and "consts" alike; or
  * "error": the exception compile() raised: its type name, msg, lineno, offset, end_lineno, end_offset.

The snippet file format is described at its top. The script re-runs itself with PYTHONHASHSEED=0 when that
is not set, so that anything hash-ordered (frozensets) is recorded the same way every time.
"""
import dis
import io
import json
import marshal
import os
import re
import subprocess
import sys


def read_snippets(path):
    snippets = []
    current = None
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("=== "):
                name, mode = line[4:].split()
                current = {"name": name, "mode": mode, "lines": []}
                snippets.append(current)
            elif current is not None:
                current["lines"].append(line)
    for s in snippets:
        text = "".join(s.pop("lines"))
        s["source"] = text[:-1] if text.endswith("\n") else text
    return snippets


def record(snippet):
    out = {"name": snippet["name"], "mode": snippet["mode"], "source": snippet["source"]}
    try:
        code = compile(snippet["source"], "<string>", snippet["mode"])
    except SyntaxError as e:
        out["error"] = {"type": type(e).__name__, "msg": e.msg, "lineno": e.lineno, "offset": e.offset,
                        "end_lineno": e.end_lineno, "end_offset": e.end_offset}
        return out
    buffer = io.StringIO()
    dis.dis(code, file=buffer)
    out["dis"] = re.sub(" at 0x[0-9a-fA-F]+", " at 0xADDR", buffer.getvalue())
    # Nested code objects print their address; mask it as in the dis text, so that a rerun writes the same file.
    out["consts"] = [re.sub(" at 0x[0-9a-fA-F]+", " at 0xADDR", repr(c)) for c in code.co_consts]
    out["names"] = list(code.co_names)
    out["stacksize"] = code.co_stacksize
    out["flags"] = code.co_flags
    out["firstlineno"] = code.co_firstlineno
    out["code"] = code.co_code.hex()
    out["linetable"] = code.co_linetable.hex()
    out["exceptiontable"] = code.co_exceptiontable.hex()
    out["marshal"] = marshal.dumps(code).hex()
    return out


def main():
    if os.environ.get("PYTHONHASHSEED") != "0":
        env = dict(os.environ, PYTHONHASHSEED="0")
        sys.exit(subprocess.call([sys.executable] + sys.argv, env=env))
    args = sys.argv[1:]
    snippets_path = "tests/fixtures/compile/snippets.txt"
    out_root = "tests/fixtures"
    while args:
        option = args.pop(0)
        if option == "--snippets":
            snippets_path = args.pop(0)
        elif option == "--out":
            out_root = args.pop(0)
        else:
            sys.exit("unknown option " + option)
    version = "%d.%d" % sys.version_info[:2]
    records = [record(s) for s in read_snippets(snippets_path)]
    out_dir = os.path.join(out_root, version, "compile")
    os.makedirs(out_dir, exist_ok=True)
    with open(os.path.join(out_dir, "snippets.json"), "w", encoding="utf-8", newline="\n") as f:
        json.dump({"version": version, "snippets": records}, f, indent=1, ensure_ascii=False)
        f.write("\n")
    print("%s: %d snippets" % (version, len(records)))


if __name__ == "__main__":
    main()
