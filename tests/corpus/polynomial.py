# versions: 3.11+
# A Polynomial class with integer/rational-free arithmetic: +, -, *, divmod (long division), **,
# evaluation via __call__, derivative, equality/hash, a readable __str__ and a strict __repr__.


class Polynomial:
    def __init__(self, coeffs):
        coeffs = list(coeffs)
        while len(coeffs) > 1 and coeffs[-1] == 0:
            coeffs.pop()
        self.c = tuple(coeffs) or (0,)

    @classmethod
    def from_roots(cls, *roots):
        p = cls([1])
        for r in roots:
            p = p * cls([-r, 1])
        return p

    @property
    def degree(self):
        return len(self.c) - 1 if self.c != (0,) else -1

    def __call__(self, x):
        result = 0
        for coef in reversed(self.c):
            result = result * x + coef
        return result

    def __add__(self, other):
        other = other if isinstance(other, Polynomial) else Polynomial([other])
        n = max(len(self.c), len(other.c))
        a, b = self.c + (0,) * (n - len(self.c)), other.c + (0,) * (n - len(other.c))
        return Polynomial(x + y for x, y in zip(a, b))

    __radd__ = __add__

    def __neg__(self):
        return Polynomial(-x for x in self.c)

    def __sub__(self, other):
        return self + (-other if isinstance(other, Polynomial) else -other)

    def __mul__(self, other):
        if not isinstance(other, Polynomial):
            return Polynomial(x * other for x in self.c)
        out = [0] * (len(self.c) + len(other.c) - 1)
        for i, x in enumerate(self.c):
            for j, y in enumerate(other.c):
                out[i + j] += x * y
        return Polynomial(out)

    __rmul__ = __mul__

    def __pow__(self, n):
        result = Polynomial([1])
        for _ in range(n):
            result = result * self
        return result

    def __divmod__(self, divisor):
        if divisor.degree < 0:
            raise ZeroDivisionError("polynomial division by zero")
        rem = list(self.c)
        quot = [0] * max(len(rem) - len(divisor.c) + 1, 1)
        lead = divisor.c[-1]
        for i in range(len(rem) - len(divisor.c), -1, -1):
            q = rem[i + len(divisor.c) - 1] / lead
            q = int(q) if q == int(q) else q
            quot[i] = q
            for j, d in enumerate(divisor.c):
                rem[i + j] -= q * d
        return Polynomial(quot), Polynomial(rem[:max(len(divisor.c) - 1, 1)])

    def derivative(self):
        return Polynomial(i * x for i, x in enumerate(self.c) if i) if len(self.c) > 1 else Polynomial([0])

    def __eq__(self, other):
        return isinstance(other, Polynomial) and self.c == other.c

    def __hash__(self):
        return hash(self.c)

    def __repr__(self):
        return f"Polynomial({list(self.c)})"

    def __str__(self):
        terms = []
        for power in range(len(self.c) - 1, -1, -1):
            coef = self.c[power]
            if coef == 0 and len(self.c) > 1:
                continue
            sign = "-" if coef < 0 else "+"
            mag = abs(coef)
            body = ("" if mag == 1 and power else str(mag)) + ("x" if power else "") + (f"^{power}" if power > 1 else "")
            terms.append((sign, body))
        first_sign, first = terms[0]
        return ("-" if first_sign == "-" else "") + first + "".join(f" {s} {b}" for s, b in terms[1:])


p = Polynomial([1, -3, 0, 2])
q = Polynomial([-1, 1])
print(p, "|", q, "|", repr(p), p.degree, Polynomial([0, 0]).degree, Polynomial([]))
print("p + q =", p + q, "| p - q =", p - q, "| p * q =", p * q, "| 3p =", 3 * p, "| p + 5 =", p + 5)
print("q ** 4 =", q ** 4, "| values:", [p(x) for x in range(-2, 3)], p(0.5))
quot, rem = divmod(p, q)
print("divmod(p, q):", quot, "remainder", rem, "check", quot * q + rem == p)
r = Polynomial.from_roots(1, 2, 3)
print("from roots 1,2,3:", r, [r(x) for x in range(5)])
print("derivatives:", p.derivative(), r.derivative(), r.derivative().derivative(), Polynomial([7]).derivative())
print(divmod(r, Polynomial([-2, 1])), divmod(Polynomial([1, 0, 1]), Polynomial([0, 2])))
try:
    divmod(p, Polynomial([0]))
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
print(p == Polynomial([1, -3, 0, 2, 0, 0]), len({p, Polynomial((1, -3, 0, 2)), q}), -q, Polynomial([0, -1]))
