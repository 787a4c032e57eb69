# versions: 3.6+


class Matrix:
    def __init__(self, rows):
        self.rows = rows

    def __matmul__(self, other):
        cols = list(zip(*other.rows))
        return Matrix([[sum(a * b for a, b in zip(r, c)) for c in cols] for r in self.rows])

    def __imatmul__(self, other):
        return self @ other

    def __repr__(self):
        return "Matrix(%r)" % (self.rows,)


class Num:
    def __init__(self, v):
        self.v = v

    def __neg__(self):
        return Num(-self.v)

    def __invert__(self):
        return Num(~self.v)

    def __pos__(self):
        return Num(+self.v)

    def __lt__(self, other):
        return self.v < other.v

    def __bool__(self):
        return self.v != 0

    def __radd__(self, other):
        return Num(other + self.v)

    def __repr__(self):
        return "Num(%d)" % self.v


a, b = 17, 5
print(a + b, a - b, a * b, a / b, a // b, a % b, a ** b, -a // b, -a % b)
print(a & b, a | b, a ^ b, ~a, a << 3, a >> 2)
print(a == b, a != b, a < b, a <= b, a > b, a >= b)
print(a is b, a is not b, a in [17], a not in [17])
m = Matrix([[1, 2], [3, 4]])
print(m @ m)
m @= Matrix([[0, 1], [1, 0]])
print(m)
print(-Num(3), ~Num(3), +Num(3), 10 + Num(5), bool(Num(0)), sorted([Num(3), Num(1)]))
x = 10
x **= 2
x //= 7
print(x, 7 / 2, -7 / 2, 7 // -2, 2 ** -1)
print(True + 1, 1 - True, 3 * "ab", [0] * 3, (1,) * 2)
