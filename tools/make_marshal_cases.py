"""Record what this interpreter's marshal module does with a fixed set of values and malformed inputs.

Runs unchanged under Python 2.7 and 3.6+ (and inside pyodide). Writes tests/fixtures/marshal/X.Y.json:

  "values": for each value, its marshal.dumps() bytes at every marshal version this interpreter writes, each
            with a canonical description (see describe()) of what marshal.loads() makes of those bytes, which the
            C# tests compute from their own decoding and compare;
  "errors": for each malformed input, the exception type and message marshal.loads() raises.

Usage: python tools/make_marshal_cases.py [OUT_DIR]   (PYTHONHASHSEED=0 is set by re-executing if needed)
"""
import binascii
import json
import marshal
import os
import struct
import sys

if os.environ.get("PYTHONHASHSEED") != "0" and sys.platform != "emscripten":
    env = dict(os.environ, PYTHONHASHSEED="0")
    os.execve(sys.executable, [sys.executable] + sys.argv, env)

PY2 = sys.version_info[0] == 2
text_type = unicode if PY2 else str  # noqa: F821 (Python 2 name)
bytes_type = str if PY2 else bytes
int_types = (int, long) if PY2 else (int,)  # noqa: F821


def hexlify(b):
    return binascii.hexlify(b).decode("ascii")


def describe(v):
    """A canonical, version-independent description of a marshallable value."""
    if v is None:
        return "None"
    if v is True or v is False:
        return repr(v)
    if v is Ellipsis:
        return "Ellipsis"
    if v is StopIteration:
        return "StopIteration"
    if isinstance(v, int_types):
        return "int:%d" % v
    if isinstance(v, float):
        return "float:" + hexlify(struct.pack("<d", v))
    if isinstance(v, complex):
        return "complex:" + hexlify(struct.pack("<d", v.real)) + "," + hexlify(struct.pack("<d", v.imag))
    if isinstance(v, text_type):
        return "str:" + ",".join("%x" % cp for cp in code_points(v))
    if isinstance(v, bytes_type):
        return "bytes:" + hexlify(v)
    if isinstance(v, tuple):
        return "tuple(" + " ".join(describe(x) for x in v) + ")"
    if isinstance(v, list):
        return "list(" + " ".join(describe(x) for x in v) + ")"
    # Set items sorted by description: a set rebuilt by loads() need not iterate in the order marshal wrote.
    if isinstance(v, frozenset):
        return "frozenset(" + " ".join(sorted(describe(x) for x in v)) + ")"
    if isinstance(v, set):
        return "set(" + " ".join(sorted(describe(x) for x in v)) + ")"
    if isinstance(v, dict):
        return "dict(" + " ".join(describe(k) + ":" + describe(x) for k, x in v.items()) + ")"
    if type(v).__name__ == "slice":
        return "slice(" + " ".join(describe(x) for x in (v.start, v.stop, v.step)) + ")"
    raise TypeError("cannot describe %r" % (v,))


def code_points(s):
    # Narrow Python 2 builds store astral characters as surrogate pairs; join them back.
    out = []
    i = 0
    while i < len(s):
        c = ord(s[i])
        if 0xD800 <= c < 0xDC00 and i + 1 < len(s) and 0xDC00 <= ord(s[i + 1]) < 0xE000 and sys.maxunicode < 0x10000:
            c = 0x10000 + ((c - 0xD800) << 10) + (ord(s[i + 1]) - 0xDC00)
            i += 1
        out.append(c)
        i += 1
    return out


def u(s):
    return s.decode("unicode_escape") if PY2 else s.encode("ascii").decode("unicode_escape")


VALUES = [
    "None", "True", "False", "Ellipsis", "StopIteration",
    "0", "1", "-1", "255", "2**31-1", "-2**31", "2**31", "-2**31-1", "2**32", "2**62", "2**63", "-2**63",
    "2**64", "2**100", "-2**100", "10**50", "-(10**50)", "2**15-1", "2**15", "2**30", "2**45-1",
    "0.0", "-0.0", "1.5", "0.1", "1e300", "-1e-300", "5e-324", "float('inf')", "float('-inf')", "1e22",
    "1j", "complex(1.5, -2.25)", "complex(-0.0, 0.0)",
    "b''", "b'abc'", "b'\\x00\\xff\\n'", "b'x' * 300",
    "u('')", "u('abc')", "u('caf\\\\xe9')", "u('\\\\u20ac')", "u('\\\\U0001f600')", "u('\\\\ud800')",
    "u('\\\\udc00\\\\ud800')", "u('\\\\ud83d\\\\ude00')", "u('a') * 300", "u('\\\\xe9') * 300", "u('\\\\x00')",
    "()", "(1, 2)", "((1, (2, (3,))), u('x'))", "tuple(range(300))", "[1, [2, []]]", "{}",
    "{u('a'): 1, 2: (3,)}", "set()", "set([1, 2, 3])", "frozenset()", "frozenset([1, 2, 3])",
    "frozenset([u('a'), u('b'), u('c')])", "frozenset([frozenset([1]), 2])",
    "slice(1, 2, 3)", "slice(None, u('x'), None)",
]

ERRORS = [
    ("empty", ""),
    ("unknown type code", "01"),
    ("unknown type code with FLAG_REF", "ff"),
    ("NULL at top level", "30"),
    ("truncated int", "6901"),
    ("truncated int64", "490100"),
    ("truncated float text", "6603312e"),
    ("bad float text", "6603616263"),
    ("truncated binary float", "670000"),
    ("truncated bytes", "7305000000616263"),
    ("negative bytes size", "73ffffffff"),
    ("truncated unicode", "7505000000616263"),
    ("negative unicode size", "75ffffffff"),
    ("invalid utf-8 start byte", "7501000000ff"),
    ("invalid utf-8 continuation", "7502000000c341"),
    ("truncated utf-8", "7501000000c3"),
    ("truncated ascii", "7a0561"),
    ("truncated long", "6c02000000ff7f"),
    ("long digit out of range", "6c010000000080"),
    ("unnormalized long", "6c01000000 0000"),
    ("long size out of range", "6c00000080"),
    ("NULL in tuple", "280100000030"),
    ("NULL in small tuple", "290130"),
    ("negative tuple size", "28ffffffff"),
    ("huge tuple size", "28ffffff7f"),
    ("truncated tuple", "2802000000"),
    ("NULL in list", "5b0100000030"),
    ("negative list size", "5bffffffff"),
    ("negative set size", "3cffffffff"),
    ("NULL in frozenset", "3e0100000030"),
    ("truncated dict", "7b"),
    ("invalid reference", "7200000000"),
    ("negative reference", "72ffffffff"),
    ("reference to a frozenset being read", "be010000007200000000"),
    ("string ref out of range", "5200000000"),
    ("deep nesting", "2901" * 2100 + "4e"),
    ("deep nesting (tuples)", "2801000000" * 2100 + "4e"),
    ("truncated code", "63"),
    ("slice: reference to its first item", "bae90100000072010000004e"),
    ("slice: reference to itself", "bae90100000072000000004e"),
]


def main():
    out_dir = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "fixtures", "marshal")
    version = "%d.%d" % sys.version_info[:2]
    values = []
    for expr in VALUES:
        try:
            value = eval(expr)
        except Exception:
            continue  # e.g. slice() in versions where marshal cannot carry it: skipped below
        dumps = {}
        for mv in range(marshal.version + 1):
            try:
                data = marshal.dumps(value, mv)
            except ValueError:
                continue
            dumps[str(mv)] = {"hex": hexlify(data), "loads": describe(marshal.loads(data))}
        if not dumps:
            continue
        values.append({"expr": expr, "dumps": dumps})
    errors = []
    for name, hexdata in ERRORS:
        data = binascii.unhexlify(hexdata.replace(" ", "").encode("ascii"))
        try:
            result = marshal.loads(data)
            errors.append({"name": name, "input": hexdata.replace(" ", ""), "loads": describe(result)})
        except Exception as e:
            errors.append({"name": name, "input": hexdata.replace(" ", ""), "error": type(e).__name__, "message": str(e)})
    doc = {"version": version, "marshal_version": marshal.version, "values": values, "errors": errors}
    if not os.path.isdir(out_dir):
        os.makedirs(out_dir)
    path = os.path.join(out_dir, version + ".json")
    with open(path, "w") as f:
        f.write(json.dumps(doc, indent=1, sort_keys=True) + "\n")
    print("wrote %s: %d values, %d errors" % (path, len(values), len(errors)))


main()
