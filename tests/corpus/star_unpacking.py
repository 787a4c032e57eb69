# versions: 3.11+
# Star unpacking everywhere: a, *b = ...; nested targets; f(*args, **kwargs) with several stars;
# [*a, *b], (*a,), {*a, *b}, {**a, **b}; unpacking in for loops and errors for wrong lengths.

first, *middle, last = range(6)
print(first, middle, last)
*init, tail = "hello"
head, *rest = [1]
print(init, tail, head, rest)
a, (b, *c), d = 1, (2, 3, 4), 5
print(a, b, c, d)
(x, y), [z, *w] = "xy", (7, 8, 9)
print(x, y, z, w)
for name, *scores in [("ann", 9, 7), ("bob", 6), ("cy",)]:
    print(name, scores, sum(scores))
for i, (k, v) in enumerate({"p": 1, "q": 2}.items()):
    print(i, k, v)
nums = [1, 2, 3]
letters = ("a", "b")
print([*nums, *letters], (*nums,), [*range(3), *"xy", *{"k": 0}], {*nums, *[3, 4]})
d1 = {"a": 1, "b": 2}
d2 = {"b": 20, "c": 30}
print({**d1, **d2}, {**d2, **d1}, {"z": 0, **d1, "a": 100}, dict(**d1, e=5))


def show(*args, **kwargs):
    return f"args={args} kwargs={kwargs}"


print(show(*nums, *letters))
print(show(0, *nums, 4, *letters, sep="-", **d1, **{"x": 9}))
print(show(*[], **{}), show(*"ab", *b"c"))
print(*nums, sep=", ")
print(*["no", "sep"], *range(2))
row = [4, 5, 6]
print(max(*row), min(*row, -1), "{}-{}-{}".format(*row), "{a}/{b}".format(**d1))
try:
    p, q = [1, 2, 3]
except ValueError as e:
    print("ValueError:", e)
try:
    p, q, *r = [1]
except ValueError as e:
    print("ValueError:", e)
try:
    p, q = 5
except TypeError as e:
    print("TypeError:", e)
try:
    show(**{"a": 1}, **{"a": 2})
except TypeError as e:
    print("TypeError:", e)
try:
    show(*None)
except TypeError as e:
    print("TypeError:", e)
matrix = [[1, 2, 3], [4, 5, 6]]
print(list(zip(*matrix)), [list(col) for col in zip(*matrix)], list(map(sum, zip(*matrix))))
values = [10, 20, 30, 40, 50]
lo, *_, hi = sorted(values)
_, second, *_ = values
print(lo, hi, second)
s = "key=value=more"
key, _, value = s.partition("=")
print(key, value)
swap_a, swap_b, swap_c = 1, 2, 3
swap_a, swap_b, swap_c = swap_c, swap_a, swap_b
print(swap_a, swap_b, swap_c)
items = [3, 1, 2]
items[0], items[2] = items[2], items[0]
print(items)
obj = type("Obj", (), {})()
obj.x, obj.y = "attr", "targets"
print(obj.x, obj.y)
grid = {}
grid["a"], grid["b"] = divmod(17, 5)
print(grid)
merged = [*map(str.upper, "ab"), *filter(None, [0, 1, 2]), *(i * i for i in range(3))]
print(merged, len([*{}]), [*"", *[]])
