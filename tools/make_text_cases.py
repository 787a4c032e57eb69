"""Record what this CPython says about the text side of numbers and strings, for PycSharp.Runtime.Text.

Writes tests/fixtures/runtime/text-cases-X.Y.json (X.Y is the running interpreter): format() of int, bool, float
and str under many format specs, round(), float and int arithmetic corner cases, float(str), int(str, base),
str(int) under the 4300-digit limit, printf-style '%' formatting and str.format templates. Every case records
either the result or the exception (type name and str(exc)). Runs under CPython 3.11, 3.12 and 3.13:

    for v in 3.11.7 3.12.1 3.13.0; do ~/.pyenv/versions/$v/bin/python3 tools/make_text_cases.py; done

Values are a fixed list plus pseudo-random picks from a fixed seed, so a rerun writes the same file. Operands of
'%' and str.format are written as small tagged lists (see enc()) that the C# tests rebuild as plain test objects.
Floats are written as repr() (the C# side parses that back exactly), big ints as decimal text.
"""
import json
import math
import os
import random
import struct
import sys

if os.environ.get("PYTHONHASHSEED") != "0":
    os.execve(sys.executable, [sys.executable] + sys.argv, dict(os.environ, PYTHONHASHSEED="0"))

DEFAULT_LIMIT = sys.int_info.default_max_str_digits
sys.set_int_max_str_digits(0)  # for writing big values; each case runs under the default limit (see run())


def run(fn, post=None):
    """fn() under the default int/str digit limit: {"out": post(result)} or {"err": [type, message]}."""
    sys.set_int_max_str_digits(DEFAULT_LIMIT)
    try:
        r = fn()
    except Exception as e:  # noqa: BLE001 - every exception is a recorded answer
        return {"err": [type(e).__name__, str(e)]}
    finally:
        sys.set_int_max_str_digits(0)
    return {"out": post(r) if post else r}


def fl(x):
    return repr(x)


def enc(o):
    """A tagged description of a '%' or str.format operand."""
    if o is None:
        return ["n"]
    if isinstance(o, bool):
        return ["b", o]
    if isinstance(o, int):
        return ["i", str(o)]
    if isinstance(o, float):
        return ["f", repr(o)]
    if isinstance(o, str):
        return ["s", o]
    if isinstance(o, tuple):
        return ["t", [enc(x) for x in o]]
    if isinstance(o, list):
        return ["l", [enc(x) for x in o]]
    if isinstance(o, dict):
        return ["d", [[enc(k), enc(v)] for k, v in o.items()]]
    raise TypeError(o)


def rand_floats(rng, n):
    out = []
    while len(out) < n:
        x = struct.unpack("<d", struct.pack("<Q", rng.getrandbits(64)))[0]
        if x == x:
            out.append(x)
    return out


INT_VALUES = [0, 1, -1, 7, 42, -42, 255, -255, 1234, -1234, 65535, 1234567, -7654321, 2 ** 31, -2 ** 31, 2 ** 63 - 1,
              -2 ** 63, 2 ** 64, 10 ** 20, -(10 ** 25) + 1, 2 ** 100, -(3 ** 90), 12345678901234567890123]
FLOAT_VALUES = [0.0, -0.0, 1.0, -1.0, 1.5, -1.5, 2.5, 0.5, 2.675, 0.125, 0.375, -0.125, 1e23, 1e22, 1e16, 1e15,
                9999999999999998.0, 123456.789, -123456.789, 1e-5, 1e-4, 0.0001234, -0.0001234, 5e-324, 1e-320,
                2.2250738585072014e-308, 1.7976931348623157e308, float("inf"), float("-inf"), float("nan"), 0.1, 0.2,
                1 / 3, 2 / 3, 9.995, 99.5, 0.05, 0.005, 1e300, -1e300, 1234567.0, 1234567.125, 123.456, 0.999999,
                9.9999995, 999999.5, 1e100, 3.141592653589793, 2.718281828459045, 100.0, 1e6, 1e7, 12345678.9,
                -9.5, 0.45, 0.55, 1.25, 1.35, 4.35, 1e-7, 6.02214076e23, 1.6e-19, 0.000123456789, 987654321.123]
STR_VALUES = ["", "a", "abc", "hello world", "h\u00e9llo", "\u20ac12", "\U0001f600x", "tab\there", "0123456789"]


def format_cases(rng):
    cases = []

    def add(kind, value, spec, fn):
        case = {"t": kind, "v": value, "spec": spec}
        case.update(run(fn))
        cases.append(case)

    def add_int(v, spec):
        add("int", str(v), spec, lambda: format(v, spec))

    def add_float(v, spec):
        add("float", fl(v), spec, lambda: format(v, spec))

    def add_str(v, spec):
        add("str", v, spec, lambda: format(v, spec))

    aligns = ["", "<", ">", "^", "=", "*<", "*>", "*^", "0=", "x=", "0>", "\u00e9^", "{<", "}>"]
    signs = ["", "+", "-", " "]
    widths = ["", "1", "5", "8", "12", "20", "30"]
    groups = ["", ",", "_"]
    # ints: a systematic grid over types, then random combinations.
    int_types = ["", "d", "b", "o", "x", "X", "n", "c", "e", "f", "g", "%", "E", "F", "G"]
    for t in int_types:
        for v in [0, 1, -1, 42, -1234, 255, 1234567, 2 ** 63, -(10 ** 25) + 1]:
            if t == "c" and not 0 <= v < 0x110000:
                continue
            add_int(v, t)
            add_int(v, "#" + t)
            add_int(v, "+" + t)
            add_int(v, "_" + t)
            add_int(v, "," + t)
            add_int(v, "012" + t)
            add_int(v, "012_" + t)
            add_int(v, "<12" + t)
    for _ in range(900):
        t = rng.choice(int_types + ["d", "x", "b", ""])
        spec = rng.choice(aligns) + rng.choice(signs) + rng.choice(["", "", "#"]) + rng.choice(["", "", "0"]) + \
            rng.choice(widths) + rng.choice(groups) + t
        v = rng.choice(INT_VALUES)
        if t == "c":
            v = rng.choice([65, 0x20ac, 0x1f600, 10, 0])
        add_int(v, spec)
    for v in [0, 5, 1234, 1234567, -1234567, 10 ** 30]:
        for w in range(1, 16):
            add_int(v, "0%d," % w)
            add_int(v, "0%d_" % w)
            add_int(v, "0%d_x" % w)
            add_int(v, "0%d_b" % w)
    # bool goes through int.__format__, except that an empty spec is str(self).
    for v in [True, False]:
        for spec in ["", "d", "5", "<5", "x", "f", "+", "s", "c", ".2f", "#b"]:
            add("bool", repr(v), spec, lambda v=v, spec=spec: format(v, spec))
    # int errors.
    for spec in [".2d", ".2", ".0x", "q", "y", "s", "r", "+c", "-c", " c", "#c", "z", "zd", "z,d", ",c", "_c", ",b", ",x",
                 ",o", ",X", ",n", "_n", ",_d", "_,d", ",,d", "__d", ".d", ".", "5.", "99999999999999999999d",
                 "9999999999999999999999999999999", ".99999999999999999999", "1.99999999999999999999f", "ss",
                 "dd", "\u00e9", "\x01", "\x7f", " ", "\u20ac", ",\u00e9", ",\x01", "<<<", "<^d", "0x", "5z",
                 "+-d", "#z", ",=", "=,", "10.3d", "c\u00e9", "\U0001f600", "=<5", "x<,5"]:
        add_int(42, spec)
    add_int(-1, "c")
    add_int(0x110000, "c")
    add_int(2 ** 100, "c")
    add_int(10 ** 5000, "d")
    add_int(10 ** 5000, "")
    add_int(10 ** 4299, "")
    add_int(10 ** 5000, "x")
    add_int(2 ** 1024, "f")
    add_int(2 ** 1024, "e")
    add_int(2 ** 1023 * 3 // 2, ".3e")
    add_int(10 ** 400, "g")
    # floats
    float_types = ["", "e", "E", "f", "F", "g", "G", "%", "n"]
    precs = ["", ".0", ".1", ".2", ".3", ".5", ".6", ".10", ".15", ".16", ".17", ".20", ".30"]
    for v in FLOAT_VALUES:
        for t in float_types:
            for p in precs:
                add_float(v, p + t)
            add_float(v, "#" + t)
            add_float(v, "#.0" + t)
            add_float(v, "z.1" + t)
            add_float(v, "+" + t)
            add_float(v, " " + t)
            add_float(v, "015," + t)
    for v in rand_floats(rng, 120):
        for spec in ["", "e", ".3e", ".17e", "f", ".2f", ".0f", "g", ".12g", ".17g", "%", ".25e", ".40f"]:
            add_float(v, spec)
    for _ in range(250):
        v = rng.uniform(-1e6, 1e6) if rng.random() < 0.5 else rng.choice(FLOAT_VALUES)
        spec = rng.choice(aligns) + rng.choice(signs) + rng.choice(["", "", "z"]) + rng.choice(["", "", "#"]) + \
            rng.choice(["", "", "0"]) + rng.choice(widths) + rng.choice(groups) + rng.choice(precs) + \
            rng.choice(float_types)
        add_float(v, spec)
    for v in [1234567.891, -1234567.891, 0.0001, 1e20, 12345678901234567890.0, -0.0, float("nan"), float("-inf")]:
        for w in range(1, 20, 3):
            for t in ["", "f", "e", "g", ".2f", "%"]:
                add_float(v, "0%d,%s" % (w, t))
                add_float(v, "0%d_%s" % (w, t))
            add_float(v, "=+%d,.1f" % w)
            add_float(v, "*=%d" % w)
    # Huge outputs and exact decimal expansions.
    for v, spec in [(1e300, "f"), (1e300, ",.2f"), (5e-324, ".1000f"), (5e-324, ".800e"), (2 ** -1074 * 3, ".760g"),
                    (1e23, "f"), (1e23, ".30e"), (0.1, ".60f"), (1.7976931348623157e308, ".400g"),
                    (1.7976931348623157e308, "f"), (2.0 ** 60, "f"), (2.0 ** 70, ".3f"), (123.456, ".100f"),
                    (0.5, ".0f"), (1.5, ".0f"), (2.5, ".0f"), (-0.5, ".0f"), (0.5, ".0e"), (2.5, ".0e"), (25.0, ".1e"),
                    (0.25, ".1f"), (0.35, ".1f"), (1e-10, ".5f"), (-1e-10, ".5f"), (-1e-10, "z.5f"), (-1e-10, "z.5e"),
                    (-0.0, "z"), (-0.0, "z.0f"), (-0.0, "z.3g"), (-1e-10, "z.3g"), (-1e-10, "z.3%"), (-0.0, "z,"),
                    (-0.4, "z.0f"), (-0.5, "z.0f"), (-0.6, "z.0f"), (9.5, ".0f"), (10.5, ".0f"), (0.0, ".0e"),
                    (0.0, "#.0e"), (0.0, "#g"), (0.0, "#.0f"), (1.0, "#"), (1e16, "#"), (1e16, ""), (1e16, ".16"),
                    (1e16, ".17"), (123.0, ".3"), (123.0, ".2"), (123.0, ".2g"), (123.0, "#.2g"), (0.0001, ".1"),
                    (0.00001, ".1"), (1e-5, ""), (1.0, ".0"), (10.0, ".1"), (10.0, ".2"), (1e6, "n"), (1e6, ".8n"),
                    (1234.5, "n"), (float("nan"), "010"), (float("inf"), "010"), (float("-inf"), "=10"),
                    (float("nan"), "+010,"), (float("nan"), "E"), (float("inf"), "F"), (float("inf"), "%"),
                    (float("nan"), "#.0f"), (float("-nan"), ""), (1.5, "c"), (1.5, "d"), (1.5, "x"), (1.5, "s"),
                    (1.5, "#x"), (1.5, "q"), (1.5, ",_f"), (1.5, ".f"), (1.5, "=5s"), (1.5, "\u00e9"), (1.5, ",n"),
                    (1.5, "_n"), (1.5, "1.99999999999999999999f"), (1.5, "99999999999999999999f"), (1.5, "ff"),
                    (1.5, ".5d"), (1.5, "#c"), (2.0 ** 63, ".0f"), (2.0 ** 64, "f"), (1 / 3, ".55f"),
                    (1 / 3, ".55e"), (1 / 3, ".55g"), (1 / 3, ".55"), (1e22, ".1"), (1e22, ".22"), (1e22, ".23"),
                    (9.999999999999999e22, ".2"), (1e-300, ".330f"), (0.1, "#.3g"), (100.0, "#.3g"), (100.0, "#.2g"),
                    (0.5, "%"), (1.0, ".0%"), (0.125, ".1%"), (-0.0, "%"), (-0.0, "z%"), (0.1, ".3000e"),
                    (5e-324, ".2000g"), (5e-324, "#.1200g"), (1e-300, ".2500f"), (1.7976931348623157e308, ".1200e")]:
        add_float(v, spec)
    # Correct rounding under stress: random doubles of every magnitude (and short decimals, whose halfway
    # neighbours are the hard cases) with random types and precisions.
    for _ in range(1500):
        r = rng.random()
        if r < 0.4:
            v = rand_floats(rng, 1)[0]
        elif r < 0.7:
            v = round(rng.uniform(-1, 1) * 10.0 ** rng.randint(-8, 12), rng.randint(0, 8))
        else:
            v = rng.randint(1, 99999) / 10.0 ** rng.randint(0, 6) + rng.choice([0, 5e-7, -5e-7])
        spec = "." + str(rng.choice([0, 1, 2, 3, 4, 5, 6, 8, 10, 12, 14, 15, 16, 17, 18, 20, 25, 40])) + \
            rng.choice(["e", "f", "g", "", "%", "G", "E"])
        add_float(v, spec)
    for _ in range(200):
        v = rng.getrandbits(rng.randint(1, 400)) * rng.choice([1, -1])
        spec = rng.choice(aligns) + rng.choice(signs) + rng.choice(["", "#"]) + rng.choice(["", "0"]) + \
            rng.choice(widths) + rng.choice(groups) + rng.choice(["d", "x", "X", "o", "b", "", "n", "e", ".3f", "g"])
        add_int(v, spec)
    # str
    str_specs = ["", "s", "5", "10", "<10", ">10", "^10", "^11", "*^9", "\u00e9>7", ".2", ".0", "10.3", "<10.3s",
                 "^.1", ".20", "x<1", "05", "012s", "0<5", "=5", "+s", "-s", " s", "#s", ",s", "_s", ",", "_", "z",
                 "zs", "d", "x", "c", ".s", "ss", "s\u00e9", "\x01", "99999999999999999999s", "<", "{^7", "0^8"]
    for v in STR_VALUES:
        for spec in str_specs:
            add_str(v, spec)
    # complex
    cvals = [0j, 1j, -1j, complex(-0.0, 0.0), complex(0.0, -0.0), complex(-0.0, -0.0), 1 + 2j, -1.5 - 2.5j,
             complex(1e20, 1e-20), complex(1234567.5, -7654321.25), complex(float("nan"), float("inf")),
             complex(float("-inf"), float("nan")), complex(3.0, 0.0), complex(0.1, 0.2), complex(1e16, 1e16),
             complex(-2.675, 0.125)]
    cspecs = ["", "e", "E", "f", "F", "g", "G", "n", ".2", ".2f", ".0e", "#g", "#", "+", " ", "-", "z.1f", "20",
              "<20", "^25", ">20.3f", "*^30", "_", ",", ",.2f", "_.1e", "%", "d", "s", "010", "0<20", "=20", "x=20",
              ".3g", "#.0f", "+.3", " ^30,", "20,", "z", "z.0f", "#.3", ".30"]
    for v in cvals:
        for spec in cspecs:
            add("complex", "%r %r" % (v.real, v.imag), spec, lambda v=v, spec=spec: format(v, spec))
    add_str("\U0001f600\U0001f601\U0001f602", ".2")
    add_str("\U0001f600", "\U0001f601^5")
    add_str("ab", "\U0001f601^5")
    return cases


def round_cases(rng):
    cases = []
    values = [0.0, -0.0, 0.5, 1.5, 2.5, -0.5, -2.5, 2.675, 0.125, 0.375, 1e16, 1e300, -1e300, 5e-324, 123.456,
              1.7976931348623157e308, 1234567.5, 0.285, 1.005, 2.345, 8.5, 9.5, 0.045, 1e22, 1e23, 4.5e15,
              float("inf"), float("-inf"), float("nan"), 2.0 ** 52 + 0.5, 2.0 ** 53, 0.49999999999999994, 1e-7,
              -1e-7, 1234.5678]
    values += rand_floats(rng, 40)
    values += [rng.uniform(-1000, 1000) for _ in range(40)]
    for v in values:
        for n in [None, 0, 1, 2, 3, -1, -2, -3, 5, 10, 17, 20, 300, 323, 324, 400, -307, -308, -309, -400]:
            case = {"v": fl(v), "n": n}
            r = run(lambda: round(v, n) if n is not None else round(v))
            if "out" in r:
                r["out"] = str(r["out"]) if n is None else fl(r["out"])
            case.update(r)
            cases.append(case)
    for v, n in [(1.7976931348623157e308, -308), (1.7976931348623157e308, -307), (-1.7976931348623157e308, -308),
                 (9.5e307, -308), (5e307, -308), (1.5e308, -308), (6e307, -308), (4.9e307, -308)]:
        case = {"v": fl(v), "n": n}
        r = run(lambda: round(v, n))
        if "out" in r:
            r["out"] = fl(r["out"])
        case.update(r)
        cases.append(case)
    return cases


def round_int_cases():
    cases = []
    for v in [0, 5, 15, 25, 35, -5, -15, -25, 1234, 1250, 1350, -1250, 149, 150, 151, 250, 10 ** 30 + 5 * 10 ** 9,
              2 ** 100, -(2 ** 100), 999, 9999]:
        for n in [None, 0, 3, -1, -2, -3, -10, -50]:
            case = {"v": str(v), "n": n}
            case.update(run(lambda: str(round(v, n) if n is not None else round(v))))
            cases.append(case)
    return cases


def arith_cases(rng):
    cases = []
    fvals = [0.0, -0.0, 1.0, -1.0, 3.0, -3.0, 0.5, -2.5, 7.5, 1e300, -1e300, 1e-300, 5e-324, 1e16, 3.7, -3.7,
             float("inf"), float("-inf"), float("nan"), 0.1, 2.0, 10.0, 1.7976931348623157e308, 1e308]
    fops = {
        "mod": lambda a, b: fl(a % b),
        "floordiv": lambda a, b: fl(a // b),
        "truediv": lambda a, b: fl(a / b),
        "divmod": lambda a, b: "(%s, %s)" % tuple(fl(x) for x in divmod(a, b)),
        "pow": lambda a, b: fl(a ** b) if not isinstance(a ** b, complex) else "complex",
    }
    for op, fn in sorted(fops.items()):
        for a in fvals:
            for b in fvals:
                case = {"op": op, "k": "ff", "a": fl(a), "b": fl(b)}
                case.update(run(lambda: fn(a, b)))
                cases.append(case)
    for a, b in [(2.0, 0.5), (-8.0, 1 / 3), (-8.0, 3.0), (-8.0, -3.0), (-1.0, 1e300), (-1.0, float("inf")),
                 (-0.0, -1.0), (-0.0, -2.0), (-0.0, 3.0), (-0.0, 2.0), (2.0, 1024.0), (2.0, -1075.0), (10.0, 308.5),
                 (1.0000001, 1e10), (-2.0, 1023.0), (-2.0, 1025.0), (0.5, -1100.0), (-0.5, -1101.0), (1e10, 1e10)]:
        case = {"op": "pow", "k": "ff", "a": fl(a), "b": fl(b)}
        case.update(run(lambda: fops["pow"](a, b)))
        cases.append(case)
    ivals = [0, 1, -1, 3, -3, 7, -7, 2 ** 53 + 1, 10 ** 20, -(10 ** 20), 2 ** 1024, 2 ** 1100, -(2 ** 1100), 3 ** 700]
    iops = {
        "mod": lambda a, b: str(a % b),
        "floordiv": lambda a, b: str(a // b),
        "truediv": lambda a, b: fl(a / b),
        "divmod": lambda a, b: "(%s, %s)" % divmod(a, b),
        "pow": lambda a, b: fl(a ** b) if b < 0 else "int",
    }
    for op, fn in sorted(iops.items()):
        for a in ivals:
            for b in ivals:
                if op == "pow" and not (-3 <= b < 0 or b == 0):
                    continue
                case = {"op": op, "k": "ii", "a": str(a), "b": str(b)}
                case.update(run(lambda: fn(a, b)))
                cases.append(case)
    # Correctly rounded true division of big ints, including halfway and subnormal results.
    pairs = [(1, 3), (2, 3), (10 ** 30, 7), (2 ** 53 + 1, 1), (2 ** 54 + 2, 2), (2 ** 54 + 1, 2), (2 ** 54 + 3, 2),
             (1, 2 ** 1074), (1, 2 ** 1075), (3, 2 ** 1075), (1, 2 ** 1076), (2 ** 1024 - 1, 1), (2 ** 1024, 2),
             (2 ** 1025 - 2 ** 970, 2), (2 ** 1024 - 2 ** 970, 1), (2 ** 1024 - 2 ** 971, 1), (-(10 ** 400), 10 ** 399),
             (10 ** 400, 3 * 10 ** 399), (1, 10 ** 400), (1, 10 ** 330), (-1, 10 ** 320), (7 ** 500, 3 ** 800)]
    for _ in range(80):
        a = rng.getrandbits(rng.randint(1, 1200)) * rng.choice([1, -1])
        b = rng.getrandbits(rng.randint(1, 1200)) or 1
        pairs.append((a, b))
    for a, b in pairs:
        case = {"op": "truediv", "k": "ii", "a": str(a), "b": str(b)}
        case.update(run(lambda: fl(a / b)))
        cases.append(case)
    for a, b in [(1.5, 0), (1, 0.0), (0, 0.0), (0.0, 0), (2 ** 1024, 1.0), (1.0, 2 ** 1024)]:
        for op in ["mod", "floordiv", "truediv"]:
            case = {"op": op, "k": ("i" if isinstance(a, int) else "f") + ("i" if isinstance(b, int) else "f"),
                    "a": str(a) if isinstance(a, int) else fl(a), "b": str(b) if isinstance(b, int) else fl(b)}
            case.update(run(lambda: fl(a % b if op == "mod" else a // b if op == "floordiv" else a / b)))
            cases.append(case)
    return cases


def int_to_float_cases(rng):
    vals = [0, 1, -1, 2 ** 53, 2 ** 53 + 1, 2 ** 53 + 2, 2 ** 53 + 3, 2 ** 54 + 2, 2 ** 54 + 6, 2 ** 63 - 1, 2 ** 64 - 1,
            -(2 ** 63), 10 ** 22, 10 ** 23, 10 ** 300, 2 ** 1023, 2 ** 1024 - 2 ** 970, 2 ** 1024 - 2 ** 971,
            2 ** 1024 - 2 ** 970 - 1, 2 ** 1024, -(2 ** 1024), 10 ** 400]
    for _ in range(60):
        vals.append(rng.getrandbits(rng.randint(54, 1030)) * rng.choice([1, -1]))
    cases = []
    for v in vals:
        case = {"v": str(v)}
        case.update(run(lambda: fl(float(v))))
        cases.append(case)
    return cases


def parse_float_cases():
    inputs = ["1", "1.5", " 1.5 ", "\t\n-2.5e3\r\n", "+.5", "5.", ".", "", " ", "e5", "1e", "1e+", "1e-5", "1E5",
              "1_000.5", "1__0", "_1", "1_", "1_.5", "1._5", "1e1_0", "1e_1", "0x10", "inf", "-inf", "+inf", "INF",
              "Infinity", "-iNfInItY", "infinit", "nan", "-nan", "NaN", "+nAn", "nan1", "1e500", "-1e500", "1e-500",
              "0.1", "2.675", "1.7976931348623157e308", "1.7976931348623159e308", "4.9e-324", "2.4703282292062328e-324",
              "2.4703282292062327e-324", "\u00a01.5\u2003", "\u0661\u0662\u0663", "\u0661.\u0665", "1.5\u00a0x",
              "12345678901234567890123456789", "0000.000", "-0", "-0.0", "1 2", "1,5", "abc", "\u20ac",
              "\U0001d7ce\U0001d7cf", "'x'", "a\\b", "\x00", "1\x00", "1.5j", "0_0", "00_1.2_3e0_4", "1.5 e3",
              "9" * 400, "0." + "0" * 400 + "1", "1e-400", "1e+0005", "x" * 300, "\u3000 42 \u3000", "\u202f7\u2028",
              "1\u0660", "1_0e1_0", "-.5e-3", "  +1.e5 ", "inf_", "_inf", "\u0663.\u0661\u0664", "1.5e",
              "1.5E+", "+-1", "--1", "1e1.5", ".e1", "0e0", "-0e0", "1" + "0" * 300, "1" + "0" * 309,
              "0.000000000000000000000000000000000000000000001", "2.2250738585072011e-308", "1\x1c", "\x1f1",
              "\x7f1", "1\x85", "\ufeff1", "infinity ", " nan ", "+InFiNiTy", "iNF\u00a0", "nanx", "in", "-"]
    cases = []
    for s in inputs:
        case = {"s": s}
        case.update(run(lambda: fl(float(s))))
        cases.append(case)
    return cases


def parse_int_cases():
    inputs = [("0", 10), ("123", 10), (" -123 ", 10), ("+7", 10), ("1_000", 10), ("1__0", 10), ("_1", 10), ("1_", 10),
              ("0x1f", 16), ("0X1F", 16), ("1f", 16), ("0x1f", 0), ("0o17", 0), ("0b101", 0), ("0b101", 2),
              ("0o17", 8), ("017", 0), ("00", 0), ("0_0", 0), ("0x_1f", 0), ("0x", 0), ("0x_", 16), ("-0x10", 0),
              ("z", 36), ("Z", 36), ("zz", 35), ("10", 2), ("2", 2), ("", 10), (" ", 10), ("+", 10), ("-", 10),
              ("1.5", 10), ("1e5", 10), ("\u0661\u0662", 10), ("\u00a012\u2003", 10), ("12\u00a0x", 10),
              ("\U0001d7ce", 10), ("9" * 4300, 10), ("9" * 4301, 10), ("9" * 5000, 10), ("1" * 5000, 16),
              ("1" * 5000, 2), ("7" * 5000, 8), ("1" * 5000, 36), ("1_" * 3000 + "1", 10), ("0" * 5000, 10),
              ("-" + "9" * 4301, 10), ("9" * 5000 + "x", 10), ("x" + "9" * 5000, 10), ("1_" * 2500 + "1", 10),
              ("1_" * 4299 + "1", 10), (" " * 5000 + "1", 10), ("1" * 4301, 0), ("0x" + "1" * 5000, 0), ("x" * 300, 10), ("a'b\"c", 10), ("1", 1), ("1", 37), ("1", -1), ("1", 0),
              ("10", 0), ("08", 0), ("0_8", 0), ("0b2", 0), ("0B1", 0), ("0O7", 0), ("0b", 2), ("0b1", 16),
              ("0x1", 33), ("0b1", 11), ("123", 4), ("-0", 10), ("\x00", 10), ("1 1", 10), ("1\t", 10),
              ("\u3000-5", 10), ("\u0967\u0968", 10), ("42\n", 0), ("  0x_a_b  ", 0), ("0b_", 0),
              ("0x__1", 0), ("0_x1", 0), ("-_1", 10), ("+ 1", 10), ("1\x1c", 10), ("\x85 7", 10), ("0" * 20, 0),
              ("0_0_0", 0), ("00_7", 0), ("0o", 8), ("0o_7", 8), ("0X_F", 16), ("1" * 64, 2), ("f" * 30, 16),
              ("-ZZZ", 36), ("\u0669" * 20, 10), ("12345678901234567890", 10), ("  -0b1010  ", 0)]
    cases = []
    for s, b in inputs:
        case = {"s": s, "base": b}
        case.update(run(lambda: int(s, b), str))
        cases.append(case)
    return cases


def str_int_cases():
    vals = [0, -1, 10 ** 4299, 10 ** 4300 - 1, 10 ** 4300, -(10 ** 4300), 10 ** 5000, 2 ** 20000, -(2 ** 20000)]
    cases = []
    for v in vals:
        case = {"v": hex(v)}
        case.update(run(lambda: str(v)))
        cases.append(case)
    return cases


def percent_cases(rng):
    cases = []

    def add(fmt, args):
        case = {"fmt": fmt, "args": enc(args)}
        case.update(run(lambda: fmt % args))
        cases.append(case)

    ints = [0, 1, -1, 42, -42, 255, 123456789, 2 ** 70, -(2 ** 70), True, False]
    floats = [0.0, -0.0, 1.5, -2.5, 3.14159, 1e20, 1e-20, 123456.789, float("inf"), float("-inf"), float("nan"),
              2.675, 0.5]
    flags = ["", "-", "+", " ", "#", "0", "-0", "+0", " 0", "#0", "#-", "+ ", "-+#0"]
    widths = ["", "1", "5", "12"]
    precs = ["", ".0", ".1", ".3", ".10"]
    for conv in "diuoxX":
        for _ in range(40):
            add("%" + rng.choice(flags) + rng.choice(widths) + rng.choice(precs) + conv, rng.choice(ints))
        add("%" + conv, 3.7)
        add("%" + conv, -3.7)
        add("%" + conv, "s")
        add("%" + conv, None)
        add("%" + conv, (1.5j,) if False else ("x",))
        add("%" + conv, float("nan"))
        add("%" + conv, float("inf"))
    for conv in "eEfFgG":
        for _ in range(45):
            add("%" + rng.choice(flags) + rng.choice(widths) + rng.choice(precs) + conv, rng.choice(floats))
        add("%" + conv, 7)
        add("%" + conv, 2 ** 2000)
        add("%" + conv, "s")
        add("%" + conv, None)
        add("%" + conv, True)
    for conv in "sra":
        for v in ["abc", "h\u00e9", "", 42, 1.5, None, True, ("a", 1), ["x"], "\U0001f600"]:
            for f in ["", "5", "-5", ".2", "10.1", "05", "+5"]:
                add("%" + f + conv, (v,))
    for v in [65, 0x20ac, 0x1f600, "x", "\u00e9", "xy", "", -1, 0x110000, 2 ** 70, 1.5, None, True]:
        for f in ["", "5", "-5", ".2", "05"]:
            add("%" + f + "c", (v,))
    for fmt, args in [("%d %s", (1, "a")), ("%d %s", (1,)), ("%d", (1, 2)), ("%s", ()), ("abc", ()), ("abc", 5),
                      ("abc", (5,)), ("abc", [1]), ("abc", {"a": 1}), ("%s", [1, 2]), ("%s", {"a": 1}),
                      ("%(a)s %(b)d", {"a": "x", "b": 5}), ("%(a)s", {"b": 1}), ("%(a)s", (1,)), ("%(a)s", 5),
                      ("%(a)s %s", {"a": 1}), ("%s %(a)s", {"a": 1}), ("%(a(b))s", {"a(b)": 1}), ("%(a", {"a": 1}),
                      ("%(a)", {"a": 1}), ("%(a)-5d|", {"a": 1}), ("%(a)*d", {"a": 1}), ("%%", ()), ("%%", 5),
                      ("%5%", ()), ("%-5%", (1,)), ("%%%d%%", 5), ("%", ()), ("%5", (1,)), ("%.", (1,)),
                      ("%-", (1,)), ("%y", (1,)), ("%y", ()), ("abc%\u00e9", (1,)), ("%\x01", (1,)),
                      ("%*d", (5, 42)), ("%-*d|", (5, 42)), ("%*d|", (-5, 42)), ("%.*f", (2, 3.14159)),
                      ("%.*f", (-2, 3.14159)), ("%*.*f", (10, 3, 3.14159)), ("%*d", ("5", 42)),
                      ("%.*f", (2.5, 1.0)), ("%*d", (5,)), ("%ld %hd %Ld", (1, 2, 3)), ("%lf", (1.5,)),
                      ("%l", (1,)), ("%05s", ("ab",)), ("%-05d|", (42,)), ("%#o", (8,)), ("%#08o", (8,)),
                      ("%#8o", (8,)), ("%#-8o|", (8,)), ("%#08x", (255,)), ("%#8X", (255,)), ("%#-8x|", (255,)),
                      ("%+#08x", (255,)), ("%+#8x", (-255,)), ("%#.5x", (255,)), ("%#010.5x", (-255,)),
                      ("% 08.3d", (42,)), ("%+.3d", (-7,)), ("%.0d", (0,)), ("%.0x", (0,)), ("%#.0o", (0,)),
                      ("%#x", (0,)), ("%#o", (0,)), ("%#X", (-0,)), ("%99999999999999999999d", (1,)),
                      ("%.99999999999999999999f", (1.0,)), ("%.2147483648f", (1.0,)), ("%.300f", (1.0,)), ("%.2000e", (0.1,)), ("%#.1500g", (5e-324,)),
                      ("%.150e", (1e-300,)), ("%#.3g", (1.0,)), ("%#g", (100000.0,)), ("%#.0f", (1.0,)),
                      ("%#.0e", (1.0,)), ("%g", (1e16,)), ("%g", (123456.0,)), ("%g", (1234567.0,)),
                      ("%.20g", (0.1,)), ("%.1000f", (5e-324,)), ("%f", (1e300,)), ("%s", "abc"), ("%s %s", "ab"),
                      ("%c", "ab"), ("%d", [1]), ("%d%%", (5,)), ("%(x)s %(x)r", {"x": "q"}), ("%()s", {"": 7}),
                      ("%s", ((1, 2),)), ("%s", (1, 2)), ("%r", (1, 2)), ("%d", (2 ** 64,)), ("%x", (-(2 ** 64),)),
                      ("%i", (10 ** 5000,)), ("%x", (10 ** 5000,)), ("%s", (10 ** 5000,)), ("%.3s", (10 ** 20,)),
                      ("%-5c|", (65,)), ("%5c", ("\U0001f600",)), ("\U0001f600%s\u00e9", ("x",)),
                      ("%s\U0001f600%y", ("x",)), ("%(a)s", {"a": 1, "b": 2}), ("%s %(a)s", [1]),
                      ("%z", (1,)), ("%d", ()), ("%(a)d %(b)d", {"a": 1}), ("%*s", (1.5, "x")),
                      ("%.*s", (2 ** 70, "abc")), ("%*s", (2 ** 70, "abc")), ("%-+ #05.2f|", (3.14159,)),
                      ("%u", (-5,)), ("%o", (-8,)), ("%X", (-255,)), ("%e", (0.0,)), ("%E", (float("nan"),)),
                      ("%F", (float("inf"),)), ("%010f", (float("-inf"),)), ("%-010e|", (float("nan"),)),
                      ("%+f", (float("nan"),)), ("% f", (float("inf"),)), ("%010.3f", (-3.14159,)),
                      ("%(a)s%(a)s", {"a": "x"}), ("%(a)s", ["x"]), ("%s %s %s", (1, 2)), ("%s", (None,)),
                      ("%r %a", ("\u00e9", "\u00e9")), ("%a", ("\U0001f600",)), ("%.1a", ("x",)), ("%5.1r|", ("xy",)),
                      ("%x %X %o", (2 ** 100, 2 ** 100, 2 ** 100)), ("%#x %#X %#o", (-(2 ** 100), 2 ** 70, -7)),
                      ("%+d % d %+ d", (5, 5, 5)), ("%-+8.3d|", (7,)), ("%08.3d|", (-7,)), ("%-08.3d|", (-7,)),
                      ("%+.0e %+.0f %+.0g", (0.5, 0.5, 0.5)), ("%#.0e %#.0f %#.0g", (2.5, 2.5, 2.5)),
                      ("%.3e", (1e300,)), ("%.17g", (0.1,)), ("%G %E %F", (1e-10, 1e-10, 1e-10)), ("%%%s%%", ("x",)),
                      ("%c%c", (0x10ffff, 0xe9)), ("%d", (True,)), ("%x", (True,)), ("%f", (False,)), ("%e", (10 ** 400,)),
                      ("%+010.3f", (3.14159,)), ("% 010.3f", (3.14159,)), ("%-10.3f|", (-3.14159,))]:
        add(fmt, args)
    return cases


def strformat_cases():
    cases = []

    def add(fmt, args=(), kwargs=None):
        kwargs = kwargs or {}
        case = {"fmt": fmt, "args": [enc(a) for a in args], "kwargs": [[k, enc(v)] for k, v in kwargs.items()]}
        case.update(run(lambda: fmt.format(*args, **kwargs)))
        cases.append(case)

    def add_map(fmt, mapping):
        case = {"fmt": fmt, "args": None, "kwargs": [[k, enc(v)] for k, v in mapping.items()]}
        case.update(run(lambda: fmt.format_map(mapping)))
        cases.append(case)

    a3 = ("x", 42, 1.5)
    for fmt in ["", "abc", "{}", "{} {} {}", "{0}{1}{2}", "{2}{1}{0}", "{0}{0}", "{{}}", "{{0}}", "{{{0}}}", "{{{}}}",
                "}}", "{{", "}", "{", "a}b", "a{b", "{0", "{0:", "{0!", "{0!r", "{0!r}", "{0!s}", "{0!a}", "{0!x}",
                "{0!}", "{0!r:}", "{0!rr}", "{0!r:>5}", "{!r}", "{0:>5}", "{:>{}}", "{0:{1}}", "{0:{1}{2}}",
                "{0:{1:{2}}}", "{0:{{}}}", "{:{}}", "{0}{}", "{}{0}", "{3}", "{1}{3}", "{-1}", "{ 0}", "{0 }",
                "{00}", "{\u0661}", "{99999999999999999999}", "{0.real}", "{1.real}", "{1.imag}", "{1.nope}",
                "{1.}", "{1..real}", "{0[0]}", "{0[5]}", "{0[}", "{0[]}", "{0]}", "{0[0]x}", "{0[0].x}", "{0[0]]}",
                "{a}", "{a.b}", "{x}", "{0:d}", "{1:d}", "{1:s}", "{2:.3f}", "{2:%}", "{1:,}", "{1:x}", "{1:#x}",
                "{0:^9}", "{0:*^9}", "{1:{2}}", "{}{}{}{}", "{:}", "{:x}", "{!s:^7}", "{a[0]}", "{k[key]}",
                "{k[1]}", "{k[nokey]}", "{t[1]}", "{t[9]}", "{t[x]}", "{n}", "{n:}", "{n:5}", "{n!r:5}",
                "{0}{", "{0}}", "{5}{", "x{0:{}}", "{0:{}}{}", "{0!r}{}", "{:{}}{0}", "{{{1}}}", "\U0001f600{}",
                "{0:\U0001f600^5}", "{1:\u00e9>6}", "{0:}}", "{0::}", "{0:{a}}", "{0:{a.real}}", "{:{:{}}}",
                "{0!\u00e9}", "{0!\x01}", "{[0]}", "{.real}", "{1[0]}", "{k}", "{k!s}", "{b}", "{b:d}", "{b:5}",
                "{l}", "{l[0]}", "{l[-1]}", "{0:}{1:}", "{0:{1}}{2:{0}}", "{:{}}{}", "{:{}{}}", "{:{:{}}}",
                "{0:{a}{a}}", "{[1]}", "{0[0][0]}", "{t[0].real}", "{t[0]!r:>{a}}", "{0!r:{1}}", "{0!s:.1}",
                "{0:{}}", "{!a}", "{0!a:^{a}}", "{2:{a}.{a}}", "{2:{{}}", "a{{b}}c{0}d", "{0}}}{{", "{{{{0}}}}",
                "{0.__class__}", "{0:}}}", "{k[key]!r}", "{ }", "{!}", "{:}}", "{0!r", "{0:{", "{0:{1", "{0:{1}",
                "{0[0]!r:{a}}", "\u00e9{}\U0001f600{}", "{1:{2}}{0}", "{0:.{1}}", "{2:.{1}}", "{2:.{a}f}"]:
        add(fmt, a3, {"a": 7, "k": {"key": "v", "1": "one"}, "t": (10, 20), "n": None, "b": True, "l": ["q"]})
    add("{}", ())
    add("{0}", ())
    add("{a}", ())
    add("{} {}", ("x",))
    add("{0:{1}}", (5, ""))
    add("{0:{1}}", (5, "q"))
    add("{0:{1}}", (5, "{"))
    add_map("{a} {b}", {"a": 1, "b": "x"})
    add_map("{0}", {"a": 1})
    add_map("{}", {"a": 1})
    add_map("{c}", {"a": 1})
    add_map("{a:{b}}", {"a": 1.5, "b": ".2f"})
    return cases


def main():
    rng = random.Random(20260415)
    version = "%d.%d" % sys.version_info[:2]
    data = {
        "version": version,
        "interpreter": sys.version.split()[0],
        "format": format_cases(rng),
        "round": round_cases(rng),
        "round_int": round_int_cases(),
        "arith": arith_cases(rng),
        "int_to_float": int_to_float_cases(rng),
        "parse_float": parse_float_cases(),
        "parse_int": parse_int_cases(),
        "str_int": str_int_cases(),
        "percent": percent_cases(rng),
        "strformat": strformat_cases(),
    }
    out_dir = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "fixtures", "runtime")
    os.makedirs(out_dir, exist_ok=True)
    path = os.path.join(out_dir, "text-cases-%s.json" % version)
    with open(path, "w", encoding="utf-8") as f:
        f.write("{\n")
        keys = list(data)
        for i, k in enumerate(keys):
            v = data[k]
            f.write(json.dumps(k) + ": ")
            if isinstance(v, list):
                f.write("[\n" + ",\n".join(json.dumps(c, ensure_ascii=True, sort_keys=True) for c in v) + "\n]")
            else:
                f.write(json.dumps(v))
            f.write(",\n" if i < len(keys) - 1 else "\n")
        f.write("}\n")
    print("wrote %s: %s" % (os.path.relpath(path), ", ".join("%s %d" % (k, len(v)) for k, v in data.items()
                                                            if isinstance(v, list))))


main()
