# versions: 3.11+
# range objects (len, indexing, slicing, containment, equality) and slice objects with indices().

r = range(3, 20, 4)
print(r, list(r), len(r), r[0], r[-1], r[1:3], r[::-1], list(r[::-1]), r.start, r.stop, r.step)
print(7 in r, 8 in r, r.index(11), r.count(15), r.count(16))
print(range(5), range(0, 5), range(10, 0, -2), list(range(10, 0, -2)), list(range(0)), list(range(5, 2)))
print(len(range(-10, 10, 3)), list(range(-10, 10, 3)), range(0, 10, 3)[-1], range(100)[10:20:5])
print(range(0, 3) == range(3), range(0) == range(5, 2), range(1, 10, 2) == range(1, 11, 2),
      range(0, 4, 2) == range(0, 3, 2), list(range(3)) == range(3))
huge = range(10 ** 20)
print(huge[-1], 10 ** 19 in huge, huge[10 ** 19:][:3], huge.index(12345), reversed(range(3)).__class__.__name__)
try:
    len(huge)
except OverflowError as e:
    print("OverflowError:", e)
try:
    range(1, 5, 0)
except ValueError as e:
    print("ValueError:", e)
try:
    range(5)[5]
except IndexError as e:
    print("IndexError:", e)
try:
    range(1.5)
except TypeError as e:
    print("TypeError:", e)
try:
    range(3).index(7)
except ValueError as e:
    print("ValueError:", e)
print(hash(range(3)) == hash(range(0, 3, 1)), bool(range(0)), bool(range(1)), sum(range(1, 101)))

s = slice(2, 10, 3)
print(s, s.start, s.stop, s.step, slice(5), slice(None, None, -1), slice(1, None))
data = list(range(12))
print(data[s], data[slice(5)], data[slice(None, None, -1)], data[slice(-3, None)])
for sl in [slice(None), slice(2, 8), slice(-5, -1), slice(None, None, 2), slice(10, 2, -3),
           slice(-100, 100), slice(None, None, -1), slice(5, 5), slice(3, 100, 4)]:
    print(f"{str(sl):<24} indices(12)={sl.indices(12)} -> {data[sl]}")
try:
    slice(None, None, 0).indices(5)
except ValueError as e:
    print("ValueError:", e)
print(slice(1, 2) == slice(1, 2), slice(1, 2) == slice(1, 3))


class Recorder:
    def __getitem__(self, key):
        return key


rec = Recorder()
print(rec[1], rec[1:2], rec[::2], rec[1:2, 3], rec[..., 0], rec[:, ::-1], rec["k"], rec[()])
text = "abcdefghijklmnop"
print(text[s], text[slice(3, None, 4)], "".join(text[i] for i in range(0, len(text), 5)))
matrix = [[r * 4 + c for c in range(4)] for r in range(4)]
print([row[1:3] for row in matrix[1:3]], [row[::-1] for row in matrix[::3]], [matrix[i][i] for i in range(4)])
window = [data[i:i + 3] for i in range(0, len(data) - 2, 2)]
print(window)
