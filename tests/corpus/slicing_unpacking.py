# versions: 2.7, 3.6+
from __future__ import print_function

s = "abcdefghij"
L = list(range(10))
print(s[2:5], s[:3], s[7:], s[-3:], s[::2], s[::-1], s[1:8:3], s[-1:-6:-2])
print(L[2:5], L[:], L[::-3])
L[2:4] = ["x", "y", "z"]
print(L)
del L[::2]
print(L)
L[:] = []
print(L)
a, b, c = "xyz"
print(c, b, a)
(p, q), r = [1, 2], 3
print(p, q, r)
for i, (name, value) in enumerate([("one", 1), ("two", 2)]):
    print(i, name, value)
x = 5
print(1 < x < 10, 1 < x > 10, x == 5 != 6)
print(x if x > 3 else -x, "yes" if not x else "no")
print(0 or "default", 1 and "second", None or 0 or [], "a" and "b" and "c")
print(not 0, not [1], True + True)
matrix = [[1, 2, 3], [4, 5, 6]]
print(matrix[1][-1], [row[1:] for row in matrix])
t = tuple(s[:4])
print(t[1:3], t[-1], len(t))
i = j = k = 0
i += 1
j -= 1
k = i * 10
print(i, j, k)
