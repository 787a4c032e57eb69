"""Record what CPython's parser makes of the source segments the traceback caret rules parse.

The printer (src/PycSharp.Runtime/Tracebacks) parses pieces of source the way CPython does to place carets:
3.13's Lib/traceback.py runs ast.parse("(\\n" + segment + "\\n)") and ast.parse of the dedented lines of a
traceback entry; 3.11/3.12's Python/traceback.c parses a one-line segment as a module. This script takes such
pieces from real code (tests/corpus/*.py and the traceback fixture programs: every BinOp, Subscript and Call
node's source segment, and the dedented lines of every statement) plus a list of hand-written snippets, parses
each with this interpreter's ast.parse and writes what the caret rules read from the tree to
tests/fixtures/runtime/caret_parse/X.Y.json:

    [mode, text, tree]   mode "wrapped" (the segment, parsed in parentheses) or "exec" (the text as a module)
    tree: null for SyntaxError, else [statement count, first statement]
    statement: ["Expr", expr] | ["Return", expr or null] | ["Assign", [target kinds], expr] | ["Other"]
    expr: [kind, [lineno, col, end_lineno, end_col], part...] with kind "BinOp" (parts: left, right),
          "Subscript" (value, slice), "Call" (func, then "Name" or "Other" for the func's kind), "Name", or "Other";
          parts as [lineno, col, end_lineno, end_col]

Usage: python3.1x tools/make_caret_parse_cases.py   (under each of 3.11, 3.12 and 3.13)
"""
import ast
import glob
import json
import os
import sys
import textwrap

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

# Snippets the corpus may lack: odd spacing, comments, continuations, and texts that must not parse.
EXTRA = [
    "a+b", "a  +  b", "(a)+(b)", "((a)) + ((b))", "a +(b)", "a//b", "a ** -b", "-a ** b", "a @ b", "a<<b>>c",
    "a if b else c", "lambda: a + b", "lambda x, *y, z=1, **k: x", "lambda *, a: a", "lambda a, /, b: a",
    "x[1:2]", "x[::2]", "x[:]", "x[1:2, ::3]", "x[*a]", "x[a, b]", "x[a,]", "x[ 1 ]", "(x)[1]", "x [1]",
    "f(x)(y)[z]", "f(*a, **k)", "f(a, b=1, *c, d=2, **e)", "f(x for x in y)", "f(x, )", "f (1)", "(f)(1)",
    "a.b.c(d)[e]", "await x", "not a", "a and b or c", "a < b <= c", "a not in b", "a is not b",
    "[x for x in y if x for z in x]", "{k: v for k, v in d}", "{*a, *b}", "{**a, 'b': 1}", "{1, 2}", "{}",
    "(x := 1)", "f(y := 2)", "(yield)", "(yield x)", "(yield from x)", "()", "(1,)", "(*a, b)", "[*a, *b]",
    "'a' 'b'", "f'{a!r:>{w}}'", "b'x' b'y'", "rb'\\d'", "'''a\nb'''", "1_000 + 0x_ff + 0o7 + 0b1 + 1e-3j",
    "...", "a.b", "x.if", "1 +", "f(", "a b", "x = 1", "*a", "a = b = c", "x: int = f()", "x += f()",
    "return f(x)", "return f(x).y", "return g.f(x)", "return", "x = f(1,\n  2)", "x = f(1); y = 2",
    "x = f(1) if y else z", "x, y = f()", "x = yield f()", "del x[1]", "assert f(x), 'm'", "raise E from f()",
    "import a.b as c", "from . import (a, b,)", "from .. x import *", "global a, b", "pass; pass",
    "if x: f()", "for x in f(): pass", "while f(x):", "with f(x) as y:", "match = f(x)", "match x:",
    "type = f(1)", "type X = int", "print(x) # comment", "a + \\\n b", "f(a,  # c\n  b)",
    "x = f(\n    1,\n)", "  x = f(1)", "x = f(1)\n  y", "x = f(1)\ny = 2", "f() = 1", "x = f(1))", "é = f(1)",
    "中文 + 1", "x['中文'] + y", "f'{x[\"a\"]}'", "f'{f\"{1}\"}'", "x = [f(1),\n     g(2)]",
    "key = inner(1,\n            2)", "result = compute(\n    1,\n    2,\n)", "async def f(): pass", "@d\ndef f(): pass",
    "a if b", "a = ", "x[", "print 1", "exec 'x'", "1if x else 2", "x = (\n  a +\n  b\n)",
]


def span(node):
    return [node.lineno, node.col_offset, node.end_lineno, node.end_col_offset]


def expr_summary(e):
    if isinstance(e, ast.BinOp):
        return ["BinOp", span(e), span(e.left), span(e.right)]
    if isinstance(e, ast.Subscript):
        return ["Subscript", span(e), span(e.value), span(e.slice)]
    if isinstance(e, ast.Call):
        return ["Call", span(e), span(e.func), "Name" if isinstance(e.func, ast.Name) else "Other"]
    if isinstance(e, ast.Name):
        return ["Name", span(e)]
    return ["Other", span(e)]


def tree_summary(text):
    try:
        tree = ast.parse(text)
    except (SyntaxError, ValueError):
        return None
    if not tree.body:
        return [0, None]
    s = tree.body[0]
    if isinstance(s, ast.Expr):
        first = ["Expr", expr_summary(s.value)]
    elif isinstance(s, ast.Return):
        first = ["Return", expr_summary(s.value) if s.value is not None else None]
    elif isinstance(s, ast.Assign):
        first = ["Assign", ["Name" if isinstance(t, ast.Name) else "Other" for t in s.targets], expr_summary(s.value)]
    else:
        first = ["Other"]
    return [len(tree.body), first]


def dedented_lines(lines):
    # As Lib/traceback.py (3.13) FrameSummary builds them: rstripped lines, dedented, joined by newlines.
    text = textwrap.dedent("\n".join(line.rstrip() for line in lines) + "\n")
    return "\n".join(text.splitlines())


def texts_of(source):
    try:
        tree = ast.parse(source)
    except (SyntaxError, ValueError):
        return
    lines = source.splitlines()
    for node in ast.walk(tree):
        if isinstance(node, (ast.BinOp, ast.Subscript, ast.Call)):
            segment = ast.get_source_segment(source, node)
            if segment is None:
                continue
            yield "wrapped", segment
            if "\n" not in segment:
                yield "exec", segment
            yield "exec", dedented_lines(lines[node.lineno - 1:node.end_lineno])
        elif isinstance(node, ast.stmt) and node.end_lineno - node.lineno < 12:
            yield "exec", dedented_lines(lines[node.lineno - 1:node.end_lineno])


def main():
    files = sorted(glob.glob(os.path.join(ROOT, "tests", "corpus", "*.py")))
    files += sorted(glob.glob(os.path.join(ROOT, "tests", "fixtures", "runtime", "tracebacks", "*.py")))
    cases = []
    seen = set()

    def add(mode, text):
        if (mode, text) in seen:
            return
        seen.add((mode, text))
        cases.append([mode, text, tree_summary("(\n" + text + "\n)" if mode == "wrapped" else text)])

    for text in EXTRA:
        add("wrapped", text)
        add("exec", text)
    for path in files:
        with open(path, "rb") as f:
            raw = f.read()
        try:
            source = raw.decode("utf-8")
        except UnicodeDecodeError:
            continue
        for mode, text in texts_of(source):
            add(mode, text)
    version = "%d.%d" % sys.version_info[:2]
    out_dir = os.path.join(ROOT, "tests", "fixtures", "runtime", "caret_parse")
    os.makedirs(out_dir, exist_ok=True)
    path = os.path.join(out_dir, version + ".json")
    with open(path, "w", encoding="utf-8") as f:
        f.write("[\n")
        f.write(",\n".join(json.dumps(c, ensure_ascii=True) for c in cases))
        f.write("\n]\n")
    print("wrote %s: %d cases" % (os.path.relpath(path, ROOT), len(cases)))


main()
