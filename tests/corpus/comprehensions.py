# versions: 2.7, 3.6+
from __future__ import print_function

nums = list(range(10))
squares = [n * n for n in nums]
evens = [n for n in nums if n % 2 == 0]
pairs = [(a, b) for a in range(3) for b in range(3) if a != b]
matrix = [[r * 3 + c for c in range(3)] for r in range(3)]
flat = [x for row in matrix for x in row]
transposed = [[row[i] for row in matrix] for i in range(3)]
letters = {c for c in "mississippi"}
lengths = {w: len(w) for w in ["alpha", "beta", "gamma", "pi"]}
inverted = dict((v, k) for k, v in lengths.items())
gen = (n * 3 for n in nums if n > 5)
total = sum(x * x for x in range(100))
nested_gen = sum(sum(x for x in range(y)) for y in range(10))
cond = ["even" if n % 2 == 0 else "odd" for n in range(5)]

print(squares)
print(evens)
print(pairs)
print(matrix)
print(flat)
print(transposed)
print(sorted(letters))
print(sorted(lengths.items()))
print(sorted(inverted.items()))
print(list(gen))
print(total, nested_gen)
print(cond)
print(any(n > 8 for n in nums), all(n >= 0 for n in nums))
print(max((len(w), w) for w in lengths))
print({k: [i for i in range(k)] for k in range(4)})
