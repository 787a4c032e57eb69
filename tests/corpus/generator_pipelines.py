# versions: 3.11+
# Lazy generator pipelines and generator expressions: evaluation order shown by prints, hand-written
# itertools-style helpers (count, islice, takewhile, groupby, chunked, pairwise, zip_longest).


def source(n):
    for i in range(n):
        print(f"  produce {i}")
        yield i


def squares(it):
    for x in it:
        print(f"  square {x}")
        yield x * x


def only_even(it):
    for x in it:
        if x % 2 == 0:
            yield x


pipeline = only_even(squares(source(5)))
print("pipeline built, nothing ran yet")
print("first:", next(pipeline))
print("rest:", list(pipeline))
genexp = (x * 10 for x in source(3) if x != 1)
print("genexp built")
print(list(genexp), list(genexp))


def count(start=0, step=1):
    while True:
        yield start
        start += step


def islice(it, stop):
    for i, x in enumerate(it):
        if i >= stop:
            return
        yield x


def takewhile(pred, it):
    for x in it:
        if not pred(x):
            return
        yield x


def groupby(it, key):
    current, group = object(), []
    for x in it:
        k = key(x)
        if group and k != current:
            yield current, group
            group = []
        current = k
        group.append(x)
    if group:
        yield current, group


def chunked(it, n):
    chunk = []
    for x in it:
        chunk.append(x)
        if len(chunk) == n:
            yield tuple(chunk)
            chunk = []
    if chunk:
        yield tuple(chunk)


def pairwise(it):
    it = iter(it)
    prev = next(it, None)
    for x in it:
        yield prev, x
        prev = x


def zip_longest(*its, fill=None):
    iters = [iter(i) for i in its]
    while True:
        row, alive = [], 0
        for i in iters:
            try:
                row.append(next(i))
                alive += 1
            except StopIteration:
                row.append(fill)
        if not alive:
            return
        yield tuple(row)


print(list(islice(count(10, 5), 4)), list(takewhile(lambda x: x < 20, count(1, 3))))
words = ["apple", "avocado", "banana", "blueberry", "cherry", "apricot"]
print([(k, g) for k, g in groupby(words, key=lambda w: w[0])])
print(list(chunked(range(7), 3)), list(pairwise("abcd")), list(zip_longest("ab", [1, 2, 3], fill="-")))
primes = (n for n in count(2) if all(n % d for d in range(2, int(n ** 0.5) + 1)))
print(list(islice(primes, 10)))
print(sum(x * x for x in range(10)), max((len(w), w) for w in words), any(w.startswith("c") for w in words))
print(sorted((w for w in words if "an" in w), key=len), dict((w[:2], len(w)) for w in words))
lines = ["# header", "alpha 1", "", "beta 22", "  # note", "gamma 333"]
records = (line.split() for line in lines)
records = (r for r in records if r and not r[0].startswith("#"))
records = ((name, int(num)) for name, num in records)
print(list(records))
nested = ((i, j) for i in range(3) for j in range(i))
print(list(nested))
g = (x for x in [1, 2, 3])
print(type(g).__name__, g.__name__ if hasattr(g, "__name__") else "", next(g), list(g))
try:
    list(1 / x for x in [1, 0])
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
