# versions: 3.11+
# A Matrix class with operator overloading: + - * @ ** ==, tuple indexing m[i, j] and item
# assignment, transpose as a property, recursive determinant, identity and powers, and shape errors.


class Matrix:
    def __init__(self, rows):
        self.rows = [list(r) for r in rows]
        self.shape = (len(self.rows), len(self.rows[0]) if self.rows else 0)

    @classmethod
    def identity(cls, n):
        return cls([[1 if i == j else 0 for j in range(n)] for i in range(n)])

    def __getitem__(self, key):
        if isinstance(key, tuple):
            i, j = key
            return self.rows[i][j]
        return self.rows[key]

    def __setitem__(self, key, value):
        i, j = key
        self.rows[i][j] = value

    def _check(self, other):
        if self.shape != other.shape:
            raise ValueError(f"shape mismatch {self.shape} vs {other.shape}")

    def __add__(self, other):
        self._check(other)
        return Matrix([[a + b for a, b in zip(r, s)] for r, s in zip(self.rows, other.rows)])

    def __sub__(self, other):
        self._check(other)
        return Matrix([[a - b for a, b in zip(r, s)] for r, s in zip(self.rows, other.rows)])

    def __mul__(self, k):
        return Matrix([[a * k for a in r] for r in self.rows])

    __rmul__ = __mul__

    def __matmul__(self, other):
        if self.shape[1] != other.shape[0]:
            raise ValueError(f"cannot multiply {self.shape} by {other.shape}")
        cols = list(zip(*other.rows))
        return Matrix([[sum((a * b for a, b in zip(r, c)), 0) for c in cols] for r in self.rows])

    def __pow__(self, n):
        result = Matrix.identity(self.shape[0])
        for _ in range(n):
            result = result @ self
        return result

    def __eq__(self, other):
        return isinstance(other, Matrix) and self.rows == other.rows

    @property
    def T(self):
        return Matrix(zip(*self.rows))

    def det(self):
        n = self.shape[0]
        if n == 1:
            return self[0, 0]
        total = 0
        for j in range(n):
            minor = Matrix([row[:j] + row[j + 1:] for row in self.rows[1:]])
            total += (-1) ** j * self[0, j] * minor.det()
        return total

    def __repr__(self):
        width = max(len(repr(x)) for r in self.rows for x in r)
        return "\n".join("[" + " ".join(repr(x).rjust(width) for x in r) + "]" for r in self.rows)


a = Matrix([[2, 1, 0], [1, 3, 1], [0, 1, 4]])
b = Matrix([[1, 2, 3], [4, 5, 6], [7, 8, 10]])
print(a + b, a - b, 2 * a, a @ b, sep="\n--\n")
print("a[1, 2] =", a[1, 2], "row", a[1], "shape", a.shape, "T", a.T.rows, a == a.T)
print("det", a.det(), b.det(), Matrix.identity(3).det(), "fib via power", (Matrix([[1, 1], [1, 0]]) ** 10)[0, 1])
print("b ** 3:", (b ** 3).rows, "a @ I == a:", a @ Matrix.identity(3) == a)
a[0, 0] = 5
print(a.rows, a.det())
for label, fn in [("a + 2x2", lambda: a + Matrix.identity(2)), ("2x3 @ 2x3", lambda: Matrix([[1, 2, 3]] * 2) @ Matrix([[1, 2, 3]] * 2))]:
    try:
        fn()
    except ValueError as e:
        print(f"{label}: ValueError: {e}")
m = Matrix.identity(2)
m[0, 1] = 7
print(m.rows, m.T.rows, (m @ m.T).rows, m.det(), Matrix([[4]]).det(), [row for row in (m * 3).rows])
