"""Record this interpreter's repr() of constants, for the C# repr (tests/fixtures/repr/X.Y.json).

Runs unchanged under Python 2.7 and 3.6+ (and inside pyodide: node tools/pyodide/run_script.mjs
../make_repr_cases.py ../../tests/fixtures/repr). Each case is the marshal data of a value (marshal.dumps at the
interpreter's own version) and repr(value), so the tests decode the value with our reader and compare our repr.
Values are deterministic: a fixed list plus pseudo-random floats and strings from a fixed seed.

Usage: python tools/make_repr_cases.py [OUT_DIR]
"""
import binascii
import json
import marshal
import os
import random
import struct
import sys

if os.environ.get("PYTHONHASHSEED") != "0" and sys.platform != "emscripten":
    os.execve(sys.executable, [sys.executable] + sys.argv, dict(os.environ, PYTHONHASHSEED="0"))

PY2 = sys.version_info[0] == 2
unichr_ = unichr if PY2 else chr  # noqa: F821


def floats(rng):
    out = [0.0, -0.0, 1.0, -1.0, 0.1, 0.5, 1.5, 2.5, 1e16, 1e15, 9999999999999998.0, 1e17, 1e-4, 1e-5, 0.0001,
           0.00001, 123456789.0, 1e22, 1e23, 1e300, 1e-300, 5e-324, 2.2250738585072014e-308, 1.7976931348623157e308,
           float("inf"), float("-inf"), float("nan"), 3.141592653589793, 2.718281828459045, 1.0 / 3, 2.0 / 3,
           100.0, 1234.5, 0.30000000000000004, 4.35, 1e100, 123e-20]
    for _ in range(400):
        bits = rng.getrandbits(64)
        x = struct.unpack("<d", struct.pack("<Q", bits))[0]
        if x == x:
            out.append(x)
    for _ in range(200):
        out.append(round(rng.uniform(-1000, 1000), rng.randint(0, 6)))
    for e in range(-30, 31):
        out.append(10.0 ** e)
        out.append(1.5 * 10.0 ** e)
    # Powers of two: the gap below is half the gap above, where shortest-digit algorithms go wrong.
    out.append(2.0 ** -25)
    for e in range(-1074, 1024, 7):
        out.append(2.0 ** e)
        out.append(-(2.0 ** e))
    return out


def strings(rng):
    out = [u"", u"a", u"'", u'"', u"'\"", u"it's", u'say "hi"', u"\\", u"\n\r\t\x00\x07\x1b\x7f", u"caf\xe9",
           u"\u20ac", u"\xa0\xad", u"\u2028\u2029", u"\ud800", u"\udfff", u"\ufeff", u"\U0001f600", u"\U000e0001",
           u"\U0010ffff", u"x" * 50]
    # Every code point up to U+0800, in runs, and a spread of others.
    for start in range(0, 0x800, 64):
        out.append(u"".join(unichr_(c) for c in range(start, start + 64) if not (0xD800 <= c < 0xE000)))
    for _ in range(300):
        c = rng.randint(0, 0x10FFFF if sys.maxunicode > 0xFFFF else 0xFFFF)
        out.append(unichr_(c) + u"-")
    return out


def byte_strings():
    out = [b"", b"a", b"'", b'"', b"'\"", b"\\", b"\x00\x7f\x80\xff", b"\n\r\t"]
    out.append(bytes(bytearray(range(256))))
    return out


def main():
    rng = random.Random(20261121)
    out_dir = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "fixtures", "repr")
    values = floats(rng) + strings(rng) + byte_strings()
    values += [complex(1, 2), complex(0, 1), complex(-0.0, -1.5), complex(1e100, float("nan")), complex(0.0, 0.0),
               complex(float("inf"), -0.0), 3j, -2j]
    values += [0, 1, -1, 2 ** 31, 2 ** 63, -2 ** 100, 10 ** 40]
    values += [(), (1,), (1, 2), ((1,), (u"a", b"b")), (None, True, False, Ellipsis), frozenset(), frozenset([1]),
               (1.5, -0.0, u"x")]
    cases = []
    for v in values:
        data = marshal.dumps(v)
        cases.append({"marshal": binascii.hexlify(data).decode("ascii"), "repr": repr(v)})
    version = "%d.%d" % sys.version_info[:2]
    if not os.path.isdir(out_dir):
        os.makedirs(out_dir)
    path = os.path.join(out_dir, version + ".json")
    with open(path, "w") as f:
        f.write(json.dumps({"version": version, "cases": cases}, indent=0, sort_keys=True) + "\n")
    print("wrote %s: %d cases" % (path, len(cases)))


main()
