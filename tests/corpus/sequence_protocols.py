# versions: 3.11+
# Sequence protocols: iteration and `in` through the old __getitem__ protocol, tuple keys in
# __getitem__/__setitem__ for a grid, and the TypeErrors for objects lacking len/subscript/in.


class OldStyleSeq:
    def __init__(self, n):
        self.n = n

    def __getitem__(self, i):
        if i >= self.n:
            raise IndexError(i)
        return i * 10


print(list(OldStyleSeq(4)), 20 in OldStyleSeq(4), 25 in OldStyleSeq(4), [x for x in OldStyleSeq(2)])
a, b, c = OldStyleSeq(3)
print(a, b, c, sorted(OldStyleSeq(3), reverse=True), iter(OldStyleSeq(1)).__class__.__name__)


class Grid:
    def __init__(self, w, h, fill="."):
        self.w, self.h = w, h
        self.cells = [[fill] * w for _ in range(h)]

    def __getitem__(self, pos):
        x, y = pos
        return self.cells[y][x]

    def __setitem__(self, pos, value):
        x, y = pos
        self.cells[y][x] = value

    def __iter__(self):
        return iter(self.cells)

    def __len__(self):
        return self.w * self.h

    def __str__(self):
        return "\n".join("".join(row) for row in self)


g = Grid(5, 3)
for i in range(3):
    g[i, i] = "\\"
    g[4 - i, i] = "/"
g[2, 1] = "X"
print(g)
print(len(g), g[0, 0], g[2, 1], sum(row.count(".") for row in g))


class NoLen:
    def __iter__(self):
        return iter([1, 2])


try:
    len(NoLen())
except TypeError as e:
    print("TypeError:", e)
try:
    NoLen()[0]
except TypeError as e:
    print("TypeError:", e)
try:
    5 in 5
except TypeError as e:
    print("TypeError:", e)
print(2 in NoLen(), list(NoLen()), bool(NoLen()))
