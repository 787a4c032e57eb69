"""Record this interpreter's hash() of constants and the iteration order of frozensets it loads.

For the C# emulation of CPython's hashing and set tables (frozenset constants print in iteration order, which
marshal does not keep from 3.11 on, where it writes frozenset items sorted). Runs under 2.7, 3.6+ and in pyodide.
Writes OUT_DIR/X.Y.json: {"hashes": [{"marshal": hex, "hash": n}], "sets": [{"marshal": hex, "repr": "..."}]}.
Usage: python tools/make_hash_cases.py [OUT_DIR]   (default tests/fixtures/hash)
"""
import binascii
import json
import marshal
import os
import random
import sys

if os.environ.get("PYTHONHASHSEED") != "0" and sys.platform != "emscripten":
    os.execve(sys.executable, [sys.executable] + sys.argv, dict(os.environ, PYTHONHASHSEED="0"))

PY2 = sys.version_info[0] == 2
unichr_ = unichr if PY2 else chr  # noqa: F821


def main():
    rng = random.Random(1121)
    out_dir = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "fixtures", "hash")
    words = [u"", u"a", u"b", u"ab", u"abcdefgh", u"abcdefghi", u"hello world", u"caf\xe9", u"\u20ac", u"\U0001f600",
             u"x" * 100, u"__init__", u"self"]
    for _ in range(60):
        n = rng.randint(1, 20)
        alphabet = rng.choice([u"abcdefghijklmnopqrstuvwxyz_", u"\xe0\xe9\xee\xf5\xfc", u"\u0391\u0392\u0393\u4e00\u4e01",
                               u"a\U0001f600\U00010000"])
        words.append(u"".join(rng.choice(alphabet) for _ in range(n)))
    ints = [0, 1, -1, -2, 2, 255, 2 ** 31, 2 ** 61 - 1, 2 ** 61, 2 ** 62, -(2 ** 61), 2 ** 64 + 7, 10 ** 30, -(10 ** 30)]
    floats = [0.5, 1.5, -2.25, 1e300, 3.141592653589793, 0.1, 1.0, -0.0, float("inf"), float("-inf")]
    others = [None, True, False, b"", b"abc", (), (1,), (1, 2), (u"a", (1, 2.5), None), (u"x",) * 5]
    hashes = []
    for v in words + ints + floats + others:
        try:
            h = hash(v)
        except TypeError:
            continue
        hashes.append({"marshal": binascii.hexlify(marshal.dumps(v)).decode("ascii"), "hash": h})
    sets = []
    pool = words[1:] + ints + [1.5, -2.25, None, b"abc", (1, 2), True]
    for k in range(300):
        size = rng.choice([1, 2, 3, 4, 5, 6, 7, 8, 9, 12, 20, 40])
        items = rng.sample(pool, min(size, len(pool))) if k % 3 else rng.sample(words[1:], min(size, len(words) - 1))
        fs = frozenset(items)
        if len(fs) != len(items):
            continue
        loaded = marshal.loads(marshal.dumps(fs))
        sets.append({"marshal": binascii.hexlify(marshal.dumps(fs)).decode("ascii"), "repr": repr(loaded)})
    version = "%d.%d" % sys.version_info[:2]
    if not os.path.isdir(out_dir):
        os.makedirs(out_dir)
    path = os.path.join(out_dir, version + ".json")
    with open(path, "w") as f:
        f.write(json.dumps({"version": version, "hash_bits": 64 if sys.maxsize > 2 ** 32 else 32,
                            "hashes": hashes, "sets": sets}, indent=0, sort_keys=True) + "\n")
    print("wrote %s: %d hashes, %d sets" % (path, len(hashes), len(sets)))


main()
