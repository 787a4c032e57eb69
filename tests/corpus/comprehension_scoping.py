# versions: 3.11+
# Comprehensions: nesting, multiple conditions, dict/set comprehensions, scoping rules (the loop
# variable does not leak, class bodies), walrus inside comprehensions, and evaluation order.

matrix = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print([x for row in matrix for x in row])
print([[row[i] for row in matrix] for i in range(3)])
print([x for row in matrix if sum(row) > 6 for x in row if x % 2 == 1])
print([(i, j) for i in range(4) for j in range(i) if (i + j) % 2])
print({x % 5 for x in range(20) if x > 3}, {c: ord(c) for c in "abc"})
print({k: v for k, v in zip("abcd", range(4)) if v != 2}, [y for y in [x * 2 for x in range(4)]])
x = "outer x"
squares = [x * x for x in range(5)]
print(squares, "x is still", repr(x))
i = 100
gen = (i for i in range(3))
print(list(gen), i)
total = 0
values = [total := total + v for v in [5, 10, 15]]
print(values, "walrus leaked total =", total)
found = [w for w in ["aa", "bbb", "c"] if (n := len(w)) > 1]
print(found, "last n =", n)


class Grid:
    size = 3
    cells = [(r, c) for r in range(size) for c in range(2)]
    try:
        bad = [size * k for k in range(2)]
    except NameError as e:
        error = str(e)


print(Grid.cells, getattr(Grid, "bad", None), getattr(Grid, "error", "no error"))


def make_table(n):
    return {i: [i * j for j in range(1, n + 1)] for i in range(1, n + 1)}


for k, row in make_table(4).items():
    print(k, row)
order = []


def tag(label, value):
    order.append(label)
    return value


result = [tag(f"elem{a}", a) for a in [tag("iter", [1, 2])][0] if tag(f"cond{a}", a)]
print(result, order)
words = ["Apple", "banana", "Cherry", "date", "Elder", "fig"]
by_case = {"upper": [w for w in words if w[0].isupper()], "lower": [w for w in words if w[0].islower()]}
print(by_case)
lengths = {w: len(w) for w in words}
longest = max(lengths.values())
print([w for w, n in lengths.items() if n == longest], sorted({len(w) for w in words}))
pythagorean = [(a, b, c) for c in range(1, 30) for b in range(1, c) for a in range(1, b) if a * a + b * b == c * c]
print(pythagorean)
flat = [ch for word in ["ab", "", "cde"] for ch in word]
print(flat, [[ch * k for ch in "xy"] for k in range(1, 3)])
funcs = [lambda: k for k in range(3)]
print([f() for f in funcs], [(lambda k=k: k)() for k in range(3)])
print([[0] * 2 for _ in range(2)], [None for _ in ()], {() for _ in range(3)})
nested_gen = sum(sum(c for c in row) for row in matrix)
print(nested_gen, any(v > 8 for row in matrix for v in row), all(len(r) == 3 for r in matrix))
print({(a, b): a * b for a in range(3) for b in range(a, 3)})
try:
    [1 / v for v in [1, 2, 0, 4]]
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
print([v if v % 2 else -v for v in range(6)], ["even" if v % 2 == 0 else "odd" for v in range(3)])
