# versions: 3.11+
# Exact rational arithmetic with a hand-written fraction class (normalised sign, gcd reduction, mixed
# int operands, comparisons, hashing) used for Gauss-Jordan elimination: solving a linear system and
# inverting a matrix exactly.


def gcd(a, b):
    while b:
        a, b = b, a % b
    return abs(a)


class Frac:
    def __init__(self, n, d=1):
        if d == 0:
            raise ZeroDivisionError("zero denominator")
        g = gcd(n, d) or 1
        if d < 0:
            g = -g
        self.n, self.d = n // g, d // g

    @staticmethod
    def of(x):
        return x if isinstance(x, Frac) else Frac(x)

    def __add__(self, o):
        o = Frac.of(o)
        return Frac(self.n * o.d + o.n * self.d, self.d * o.d)

    __radd__ = __add__

    def __sub__(self, o):
        o = Frac.of(o)
        return Frac(self.n * o.d - o.n * self.d, self.d * o.d)

    def __mul__(self, o):
        o = Frac.of(o)
        return Frac(self.n * o.n, self.d * o.d)

    __rmul__ = __mul__

    def __truediv__(self, o):
        o = Frac.of(o)
        return Frac(self.n * o.d, self.d * o.n)

    def __neg__(self):
        return Frac(-self.n, self.d)

    def __eq__(self, o):
        o = Frac.of(o)
        return self.n == o.n and self.d == o.d

    def __lt__(self, o):
        o = Frac.of(o)
        return self.n * o.d < o.n * self.d

    def __gt__(self, o):
        o = Frac.of(o)
        return self.n * o.d > o.n * self.d

    def __hash__(self):
        return hash((self.n, self.d))

    def __float__(self):
        return self.n / self.d

    def __repr__(self):
        return str(self.n) if self.d == 1 else f"{self.n}/{self.d}"


def gauss_jordan(rows, rhs):
    n = len(rows)
    aug = [[Frac.of(x) for x in row] + [Frac.of(v) for v in extra] for row, extra in zip(rows, rhs)]
    for col in range(n):
        pivot = next((r for r in range(col, n) if aug[r][col] != Frac(0)), None)
        if pivot is None:
            raise ValueError(f"matrix is singular (column {col})")
        aug[col], aug[pivot] = aug[pivot], aug[col]
        p = aug[col][col]
        aug[col] = [x / p for x in aug[col]]
        for r in range(n):
            if r != col:
                f = aug[r][col]
                aug[r] = [x - f * y for x, y in zip(aug[r], aug[col])]
    return [row[n:] for row in aug]


print(Frac(6, -8), Frac(1, 3) + Frac(1, 6), Frac(2, 3) * 3, Frac(1, 2) / Frac(3, 4), -Frac(5, 10), 1 + Frac(1, 2))
print(Frac(1, 3) == Frac(2, 6), Frac(2, 4) == Frac(1, 2), Frac(4, 2) == 2, sorted([Frac(3, 4), Frac(-1, 2), Frac(2, 3), 1]))
print(len({Frac(1, 2), Frac(2, 4), Frac(3, 6)}), float(Frac(22, 7)), Frac(0, 5), Frac(10, 5))
try:
    Frac(1, 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
total = Frac(0)
for k in range(1, 11):
    total = total + Frac(1, k * (k + 1))
print("telescoping sum 1/(k(k+1)) for k=1..10:", total)
harmonic = sum((Frac(1, k) for k in range(1, 11)), Frac(0))
print("H(10) =", harmonic, "~", round(float(harmonic), 6))
system = [[2, 1, -1], [-3, -1, 2], [-2, 1, 2]]
print("solution of the 3x3 system:", [row[0] for row in gauss_jordan(system, [[8], [-11], [-3]])])
b = [[1, 2, 3], [4, 5, 6], [7, 8, 10]]
inverse = gauss_jordan(b, [[int(i == j) for j in range(3)] for i in range(3)])
for row in inverse:
    print("  [" + " ".join(repr(x).rjust(5) for x in row) + "]")
product = [[sum((b[i][k] * inverse[k][j] for k in range(3)), Frac(0)) for j in range(3)] for i in range(3)]
print("b @ inverse:", product)
try:
    gauss_jordan([[1, 2], [2, 4]], [[1], [2]])
except ValueError as e:
    print("ValueError:", e)
