# versions: 3.11+
# list.sort / sorted as CPython's timsort does them (Objects/listobject.c): the exact sequence of __lt__ calls
# (recorded by keys that log), results on runs, duplicates and NaNs, key functions called once each in order,
# reverse=True stability, exceptions from __lt__ or the key function (and the list they leave), mutation during
# the sort, the pre-sort check's direct compares (str by code point, astral and lone surrogates), tuple keys.
# Random data comes from a fixed linear congruential generator, so every interpreter sees the same inputs.

seed = 12345


def rand(n):
    global seed
    seed = (seed * 1103515245 + 12345) % 2147483648
    return seed % n


def rands(count, n):
    return [rand(n) for _ in range(count)]


def checksum(values):
    h = 0
    for v in values:
        if isinstance(v, tuple):
            v = v[0] * 100003 + v[1]
        h = (h * 1000003 + v) % (1 << 61)
    return h


log = []


class K:
    """A key whose comparisons are logged as (self.t, other.t)."""

    def __init__(self, v, t):
        self.v = v
        self.t = t

    def __lt__(self, other):
        log.append((self.t, other.t))
        return self.v < other.v

    def __repr__(self):
        return "K(%r, %d)" % (self.v, self.t)


def keyed(values):
    return [K(v, i) for i, v in enumerate(values)]


def case(name):
    print("== " + name)


def show_sort(name, values, full):
    """Sorts K keys made from values; prints the order of the tags and the comparison log (or checksums)."""
    case(name)
    del log[:]
    items = keyed(values)
    items.sort()
    order = [k.t for k in items]
    assert [k.v for k in items] == sorted(values)
    if full:
        print("order", order)
        print("log", log)
    else:
        print("n", len(values), "compares", len(log), "log", checksum(log), "order", checksum(order))


sizes = [0, 1, 2, 3, 5, 8, 17, 32, 63, 64, 65, 100, 127, 128, 129, 255, 500, 1000, 1001, 1500, 2048, 3000]
for size in sizes:
    show_sort("random %d" % size, rands(size, 1000), size <= 17)
for size in [70, 300, 2000]:
    show_sort("random small range %d" % size, rands(size, 4), False)
for size in [10, 64, 65, 1000]:
    base = rands(size, 100000)
    show_sort("presorted %d" % size, sorted(base), size <= 10)
    show_sort("reversed %d" % size, sorted(base, reverse=True), size <= 10)
    show_sort("all equal %d" % size, [7] * size, size <= 10)
for size in [20, 200, 1200]:
    values = []
    while len(values) < size:
        run = sorted(rands(1 + rand(80), 1000), reverse=rand(2) == 1)
        values.extend(run)
    show_sort("runs %d" % size, values[:size], size <= 20)
# Descending runs with equal stretches (3.13's count_run keeps them as one run), sawtooth, organ pipe.
show_sort("descending with equals", [9, 9, 8, 7, 7, 7, 6, 5, 5, 4, 3, 3, 3, 3, 2, 1, 1], True)
show_sort("equal prefix then smaller", [5, 5, 5, 4, 4, 6, 7, 1, 2], True)
show_sort("descending then ascending", [5, 4, 3, 4, 5, 6, 2, 1], True)
show_sort("descending with equals 300", sorted(rands(300, 40), reverse=True), False)
show_sort("sawtooth 500", [i % 37 for i in range(500)], False)
show_sort("organ pipe 400", list(range(200)) + list(range(200, 0, -1)), False)
show_sort("presorted with noise 1000", [i if rand(50) else rand(1000) for i in range(1000)], False)

case("ints, floats, strs compared directly")
for size in [65, 1000, 5000]:
    ints = rands(size, 10 ** 6)
    big = [v * 10 ** 20 - 5 * 10 ** 25 for v in rands(size, 10 ** 6)]
    floats = [v / 7 - 100 for v in rands(size, 100000)]
    strs = ["w%d" % v for v in rands(size, 5000)]
    print(size, checksum(sorted(ints)), sorted(big)[:2], sorted(floats)[:3], sorted(strs)[:4], sorted(strs, reverse=True)[:2])
    xs = list(ints)
    xs.sort(reverse=True)
    print(xs[:5], xs == sorted(ints)[::-1])

case("NaN")
nan = float("nan")
print(sorted([3.0, nan, 1.0, 2.0]))
print(sorted([nan, 3.0, 1.0, 2.0]))
print(sorted([3.0, 1.0, nan, 2.0, 0.5, nan, -1.0, 7.0, 6.0]))
floats = [v / 3 for v in rands(200, 1000)]
for i in range(0, 200, 13):
    floats[i] = nan
print([x for x in sorted(floats)][:40])
print(sorted(floats, reverse=True)[:40])

case("key function called once per item, in order")
calls = []


def tracking(x):
    calls.append(x)
    return -x


print(sorted([3, 1, 2, 5, 4], key=tracking), calls)
del calls[:]
print(sorted([3, 1, 2, 5, 4], key=tracking, reverse=True), calls)

case("reverse=True is stable")
values = rands(300, 10)
tagged = list(enumerate(values))
print(sorted(tagged, key=lambda p: p[1], reverse=True)[:60])
print(checksum([p[0] for p in sorted(tagged, key=lambda p: p[1], reverse=True)]))
del log[:]
items = keyed(rands(40, 5))
items.sort(reverse=True)
print([k.t for k in items])
print(log)
del log[:]
items = keyed(rands(1200, 50))
print(checksum([k.t for k in sorted(items, reverse=True)]), len(log), checksum(log))

case("tuple keys")
pairs = [(rand(20), "w%d" % rand(30)) for _ in range(400)]
print(sorted(pairs)[:12], checksum([p[0] for p in sorted(pairs)]))
mixed = [(rand(5), rand(5)) for _ in range(100)] + [(1.5, 0), (True, 2), (2, "x")]
try:
    print(sorted(mixed)[:20])
except TypeError as e:
    print("TypeError:", e)
nested = [((rand(3), rand(3)), rand(9)) for _ in range(150)]
print(sorted(nested)[:10])
print(sorted([(1,), (), (0, 1), (0,), (1, -1)]))


class E:
    """Logs == and < on tuple items."""

    def __init__(self, v, t):
        self.v = v
        self.t = t

    def __eq__(self, other):
        log.append(("eq", self.t, other.t))
        return self.v == other.v

    def __lt__(self, other):
        log.append(("lt", self.t, other.t))
        return self.v < other.v

    __hash__ = None


del log[:]
rows = [(E(rand(3), i), E(rand(3), 100 + i)) for i in range(12)]
rows.sort()
print([(a.t, b.t) for a, b in rows])
print(log)
del log[:]
shared = E(1, 999)
rows = [(shared, E(rand(4), i)) for i in range(10)]
rows.sort()
print([b.t for a, b in rows])
print(log)

case("str keys by code point")
strs = ["a", "\uffff", "\U0001F600", "\ud800", "\udc00", "\ud83d", "\ud83d\ude00", "\ue000", "z", "\U00010000",
        "\U0010ffff", "", "\udbff\udfff", "\ud7ff", "ab", "a\U0001F600", "a\uffff", "\x00", "\xff", "\u0100"]
print(ascii(sorted(strs)))
print(ascii(sorted(strs, reverse=True)))
print("\U0001F600" > "\uffff", "\U0001F600" < "\ue000", "\ud83d\ude00" < "\U0001F600", "\ud83d\ude00" == "\U0001F600")
print("a\U0001F600" > "a\uffff", "\ud83d" < "\ud83d\ude00", "\ud83d\ude00" < "\ud83d\ude01", "\ud800" < "\ue000")
print(ascii(min(strs)), ascii(max(strs)), ascii(max(["\uffff", "\U0001F600"])), ascii(min(["\uffff", "\U0001F600"])))
print(ascii(sorted([("\U0001F600", 1), ("\uffff", 2), ("\uffff", 1)])))
more = [chr(0xd000 + rand(0x4000)) + chr(0x10000 + rand(100)) if rand(2) else chr(0xe000 + rand(0x2000)) for _ in range(300)]
print(checksum([ord(s[0]) for s in sorted(more)]))

case("exception from __lt__ leaves the list permuted")


class Boom(Exception):
    pass


class R:
    """Raises on the limit-th comparison."""
    limit = 0
    count = 0

    def __init__(self, v, t):
        self.v = v
        self.t = t

    def __lt__(self, other):
        R.count += 1
        if R.count == R.limit:
            raise Boom(R.count)
        return self.v < other.v


def raising(values, limit, key=None, reverse=False):
    items = [R(v, i) for i, v in enumerate(values)]
    R.count = 0
    R.limit = limit
    try:
        if key is None:
            items.sort(reverse=reverse)
        else:
            items.sort(key=key, reverse=reverse)
        print("no exception", R.count)
    except Boom as e:
        print("Boom", e, len(items), sorted(r.t for r in items) == list(range(len(values))))
    return [r.t for r in items]


print(raising(rands(20, 100), 30))
print(raising(rands(20, 100), 30, reverse=True))
print(raising(sorted(rands(20, 10), reverse=True), 5))
for limit in [50, 400, 700, 1000, 1500, 2100, 2600]:
    values = rands(300, 1000)
    print(limit, raising(values, limit))
for limit in [300, 900, 1777]:
    values = rands(300, 1000)
    print(limit, checksum(raising(values, limit, reverse=True)))
    print(limit, checksum(raising([R(v, 1000 + i) for i, v in enumerate(values)], limit, key=lambda r: r)))
runs = list(range(100)) + list(range(50)) + list(range(200, 100, -1)) + list(range(120))
for limit in [10, 150, 230, 260, 400]:
    print(limit, raising(runs, limit))

case("exception from the key function")
L = [5, 3, 1, 4, 2]
seen = []


def bad_key(x):
    seen.append((x, len(L)))
    if len(seen) == 3:
        raise ValueError("key failed at %d" % x)
    return x


try:
    L.sort(key=bad_key)
except ValueError as e:
    print("ValueError:", e, L, seen)


def grow_key(x):
    L.append(x)
    if x == 1:
        raise KeyError(x)
    return x


try:
    L.sort(key=grow_key)
except KeyError as e:
    print("KeyError:", e, L)

case("mutation during the sort")


class M:
    def __init__(self, v, action):
        self.v = v
        self.action = action

    def __lt__(self, other):
        self.action()
        return self.v < other.v

    def __repr__(self):
        return "M%d" % self.v


def mutate(action, n=6):
    global target
    target = [M(v, action) for v in rands(n, 50)]
    try:
        target.sort()
        print("ok", target)
    except ValueError as e:
        print("ValueError:", e, target)


target = []
mutate(lambda: target.append(M(0, lambda: None)))
mutate(lambda: print("len", len(target)), 3)
mutate(lambda: (target.append(1), target.pop()))
mutate(lambda: target.extend([]))
mutate(lambda: target.clear())
mutate(lambda: target.sort())
mutate(lambda: target.insert(0, M(-1, lambda: None)), 100)
mutate(lambda: target.__setitem__(slice(None), [M(1, lambda: None)]))
lengths = []
L = [3, 1, 2]
print(sorted(L, key=lambda x: lengths.append(len(L)) or x), lengths)
L.sort(key=lambda x: lengths.append(len(L)) or x)
print(L, lengths)

case("NotImplemented from __lt__ in a list of one type")


class N:
    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        log.append(("lt", self.v, other.v))
        return NotImplemented

    def __gt__(self, other):
        log.append(("gt", self.v, other.v))
        return self.v > other.v

    def __repr__(self):
        return "N%d" % self.v


del log[:]
print(sorted([N(2), N(1), N(3)]), log)
del log[:]
print(sorted([N(2), N(1), 3.5, N(0)], key=lambda x: x if isinstance(x, N) else N(int(x))), log)


class Sub(N):
    pass


del log[:]
print(sorted([N(2), Sub(1), N(3)]), log)

case("inconsistent comparisons")


class Coin:
    def __init__(self, t):
        self.t = t

    def __lt__(self, other):
        return rand(3) == 0


for size in [10, 80, 700]:
    print(size, checksum([c.t for c in sorted([Coin(i) for i in range(size)])]))

case("mixed types")
print(sorted([3, 1.5, True, 0, -2.5, False]))
try:
    sorted([1, "a", 2])
except TypeError as e:
    print("TypeError:", e)
try:
    sorted([(1, 2), (1, "a")])
except TypeError as e:
    print("TypeError:", e)


class MyInt(int):
    pass


print(sorted([MyInt(3), 1, MyInt(-2), 2]), sorted([True, False, True]))
print(sorted("timsort"), sorted({"b": 1, "a": 2, "c": 0}), sorted(range(10, 0, -3)))
