# versions: 3.11+
# hash() of ints, bools, floats, strs, bytes, tuples and frozensets (deterministic with
# PYTHONHASHSEED=0), equal values hashing equal across types, and __hash__ on user classes.

ints = [0, 1, -1, -2, 2, 42, 2 ** 31, 2 ** 32, 2 ** 61 - 2, 2 ** 61 - 1, 2 ** 61, 2 ** 64, -(2 ** 64), 10 ** 30]
for n in ints:
    print(f"hash({n}) = {hash(n)}")
print("bools:", hash(True), hash(False))
for f in [0.0, -0.0, 1.0, 1.5, -1.5, 0.1, 1e100, 2.0 ** 61, 3.0e-5]:
    print(f"hash({f!r}) = {hash(f)}")
print("int/float/complex equal hashes:", hash(3) == hash(3.0) == hash(3 + 0j), hash(0.5) == hash(complex(0.5, 0)))
for s in ["", "a", "b", "abc", "hello world", "é", "日本", "x" * 100]:
    print(f"hash({s[:11]!r}) = {hash(s)}")
for b in [b"", b"a", b"abc"]:
    print(f"hash({b!r}) = {hash(b)}", hash(b) == hash(b.decode()) if b else "")
for t in [(), (1,), (1, 2), (2, 1), ("a", 1), ((1, 2), (3,)), ("x", ("y", 2.5)), (1.0, True)]:
    print(f"hash({t!r}) = {hash(t)}")
print("tuple equal hash:", hash((1, 2.0)) == hash((1.0, 2)))
for fs in [frozenset(), frozenset({1}), frozenset({1, 2}), frozenset({"a", "b"})]:
    print(f"hash({fs!r}) = {hash(fs)}")
print("None/Ellipsis hash stable:", hash(None) == hash(None), hash(...) == hash(Ellipsis))
print("range/slice hashable:", hash(range(3)) == hash(range(0, 3)))
try:
    hash(slice(1, 2))
    print("slice hashable")
except TypeError as e:
    print("TypeError:", e)
for unhashable in ([], {}, set(), bytearray(b"x"), ([1],)):
    try:
        hash(unhashable)
    except TypeError as e:
        print("TypeError:", e)


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __eq__(self, other):
        return (self.x, self.y) == (other.x, other.y)

    def __hash__(self):
        return hash((self.x, self.y))


class BadHash:
    def __hash__(self):
        return "not an int"


class BigHash:
    def __hash__(self):
        return 2 ** 70


print(hash(Point(1, 2)) == hash((1, 2)), len({Point(1, 2), Point(1, 2), Point(2, 1)}))
try:
    hash(BadHash())
except TypeError as e:
    print("TypeError:", e)
print("big __hash__ result is reduced:", hash(BigHash()), hash(BigHash()) == hash(2 ** 70))


class MinusOne:
    def __hash__(self):
        return -1


print("__hash__ returning -1 becomes:", hash(MinusOne()))
buckets = {}
for word in "the quick brown fox jumps over the lazy dog".split():
    buckets.setdefault(hash(word) % 4, []).append(word)
print({k: buckets[k] for k in sorted(buckets)})
