# versions: 3.11+
# tuples: packing/unpacking, comparison, hashing as dict keys, count/index, nesting, immutability.

t = (3, 1, 4, 1, 5, 9, 2, 6)
print(t, len(t), t[2], t[-1], t[1:4], t[::2], t[::-1])
print(t.count(1), t.index(5), t.index(1, 2), min(t), max(t), sum(t), sorted(t))
print((), (1,), tuple(), tuple("abc"), tuple(range(3)), tuple([1, [2]]))
print((1, 2) + (3,), (0,) * 4, 2 * ("a", "b"), (1, 2) == (1, 2), (1, 2) < (1, 3), (1, 2) < (1, 2, 0))
print((2, "a") < (2, "b"), (1, 99) < (2, 0), () < (0,), (3,) > (2, 100))
try:
    (1, "a") < ("b", 2)
except TypeError as e:
    print("TypeError:", e)
try:
    t[0] = 10
except TypeError as e:
    print("TypeError:", e)
try:
    t.index(42)
except ValueError as e:
    print("ValueError:", e)
x, y, z = (10, 20, 30)
print(x, y, z)
x, y = y, x
print(x, y)
(a, b), c = (1, 2), 3
print(a, b, c)
first, *rest = t
*init, last = t
print(first, rest, init, last)
head, *middle, tail = "pyc"
print(head, middle, tail)
try:
    p, q = (1, 2, 3)
except ValueError as e:
    print("ValueError:", e)
try:
    p, q, r = (1, 2)
except ValueError as e:
    print("ValueError:", e)
grid = {}
for i in range(3):
    for j in range(3):
        grid[(i, j)] = i * 3 + j
print(grid[(1, 2)], grid[2, 0], (1, 1) in grid, (5, 5) in grid)
print(hash((1, 2)) == hash((1, 2)), hash(()) == hash(()), hash((1, (2, 3))) == hash((1, (2, 3))))
print("tuple hashes:", hash(()), hash((1,)), hash((1, 2)), hash(("a", 1)))
try:
    hash((1, [2]))
except TypeError as e:
    print("TypeError:", e)
nested = (1, [2, 3])
nested[1].append(4)
print(nested)
try:
    nested[1] += [5]
except TypeError as e:
    print("TypeError:", e)
print("after failed += the list still changed:", nested)


def min_max_avg(values):
    return min(values), max(values), sum(values) / len(values)


lo, hi, avg = min_max_avg([4, 8, 15, 16, 23, 42])
print(lo, hi, avg)
records = [("bob", 25, "NY"), ("alice", 30, "LA"), ("carol", 25, "SF"), ("dave", 30, "NY")]
print(sorted(records, key=lambda r: (r[1], r[0])))
for name, age, city in records:
    print(f"{name:<6}{age:>3} {city}")
pairs = list(zip(*records))
print(pairs)
print(tuple(map(len, ("a", "bb", "ccc"))), tuple(reversed((1, 2, 3))), (1, 2, 3)[5:], (1,) * 0)
print(repr((1,)), repr(((),)), str((None, True, "s", 1.5)), tuple(enumerate("ab")))
