# versions: 3.11+
# Operator overloading on a Vector class: arithmetic, reflected and in-place operators, unary ops,
# abs/bool/len/iter, matrix-style @, comparison, and NotImplemented leading to TypeError.
import math


class Vector:
    def __init__(self, *components):
        self.c = tuple(components)

    def __repr__(self):
        return "Vector(" + ", ".join(repr(x) for x in self.c) + ")"

    def __len__(self):
        return len(self.c)

    def __iter__(self):
        return iter(self.c)

    def __getitem__(self, i):
        return self.c[i]

    def _combine(self, other, op):
        if isinstance(other, Vector):
            if len(other) != len(self):
                raise ValueError(f"dimension mismatch: {len(self)} vs {len(other)}")
            return Vector(*(op(a, b) for a, b in zip(self, other)))
        if isinstance(other, (int, float)):
            return Vector(*(op(a, other) for a in self))
        return NotImplemented

    def __add__(self, other):
        return self._combine(other, lambda a, b: a + b)

    def __radd__(self, other):
        if other == 0:
            return self
        return self.__add__(other)

    def __sub__(self, other):
        return self._combine(other, lambda a, b: a - b)

    def __rsub__(self, other):
        return self._combine(other, lambda a, b: b - a)

    def __mul__(self, other):
        if isinstance(other, Vector):
            return NotImplemented
        return self._combine(other, lambda a, b: a * b)

    __rmul__ = __mul__

    def __truediv__(self, other):
        return self._combine(other, lambda a, b: a / b)

    def __floordiv__(self, other):
        return self._combine(other, lambda a, b: a // b)

    def __mod__(self, other):
        return self._combine(other, lambda a, b: a % b)

    def __pow__(self, n):
        return Vector(*(a ** n for a in self))

    def __matmul__(self, other):
        return sum(a * b for a, b in zip(self, other))

    def __iadd__(self, other):
        print("  __iadd__ in place")
        result = self + other
        self.c = result.c
        return self

    def __neg__(self):
        return Vector(*(-a for a in self))

    def __pos__(self):
        return self

    def __abs__(self):
        return math.sqrt(self @ self)

    def __bool__(self):
        return any(self.c)

    def __eq__(self, other):
        return isinstance(other, Vector) and self.c == other.c

    def __hash__(self):
        return hash(self.c)


v, w = Vector(1, 2, 3), Vector(4, 5, 6)
print(v + w, v - w, v * 2, 3 * v, v / 2, w // 4, w % 4, v ** 2, v @ w)
print(-v, +v, abs(Vector(3, 4)), bool(Vector(0, 0)), bool(v), len(v), list(v), v[1], v[-1])
print(10 - v, 1 + v, sum([v, w, Vector(1, 1, 1)]), v == Vector(1, 2, 3), v != w, {v: "v"}[Vector(1, 2, 3)])
alias = v
v += w
print(v, alias, alias is v)
v -= 1
print(v, alias is v, "(no __isub__: rebinds to a new object)")
for label, fn in [("v * w", lambda: v * w), ("v + 'x'", lambda: v + "x"), ("'x' - v", lambda: "x" - v),
                  ("v + Vector(1)", lambda: v + Vector(1)), ("v < w", lambda: v < w), ("v @ 3", lambda: v @ 3)]:
    try:
        print(label, "=", fn())
    except (TypeError, ValueError) as e:
        print(f"{label}: {type(e).__name__}: {e}")
points = [Vector(1, 0), Vector(0, 1), Vector(-1, -1), Vector(2, 2)]
centroid = sum(points) / len(points)
print("centroid", centroid, "farthest", max(points, key=abs), "sorted by x", sorted(points, key=lambda p: p[0]))
print("unit vectors", [p / abs(p) if p else p for p in points[:2]])
