# versions: 3.11+
# Numeric builtins: abs, divmod, round (ints, floats, negative ndigits, banker's rounding), pow with
# modulus, hex/oct/bin, chr/ord, int/float/complex/bool constructors, and __abs__/__round__/__divmod__.

print(abs(-5), abs(5), abs(-2.5), abs(-0.0), abs(3 - 4j), abs(True), abs(-(10 ** 20)))
for a, b in [(17, 5), (-17, 5), (17, -5), (7.5, 2), (-7.5, 2), (10 ** 20, 7)]:
    print(f"divmod({a}, {b}) = {divmod(a, b)}")
cases = [(2.5, None), (3.5, None), (-2.5, None), (0.5, None), (1.5, None), (2.675, 2), (2.665, 2),
         (1234.5678, -2), (1234, -2), (1250, -2), (1350, -2), (-1250, -2), (0.125, 2), (0.375, 2),
         (5, None), (5, 0), (5.0, 0), (1e300, 2), (7, 3)]
for value, nd in cases:
    r = round(value) if nd is None else round(value, nd)
    print(f"round({value!r}, {nd}) = {r!r} ({type(r).__name__})")
print(pow(2, 10), pow(2, -1), pow(2.0, 0.5), pow(7, 2, 5), pow(-7, 3, 5), pow(5, -1, 13), pow(0, 0), pow(2, 100, 10 ** 9))
try:
    pow(2, 3.5, 5)
except TypeError as e:
    print("TypeError:", e)
try:
    pow(2, 3, 0)
except ValueError as e:
    print("ValueError:", e)
print(hex(0), hex(-1), hex(3735928559), oct(64), oct(-8), bin(5), bin(-5), bin(2 ** 20))
try:
    hex(1.5)
except TypeError as e:
    print("TypeError:", e)
print(chr(97), chr(8364), chr(128512), ord("a"), ord("€"), ord("😀"), [chr(c) for c in range(65, 71)])
print(int(), float(), complex(), bool(), str(), int(" 12 "), float(" 1e3 "), complex(1, 2), bool("x"))
print(int(7.999), int(-7.999), int("-0"), float("-0"), float(5), complex(" 3+4j "), complex(2), complex(1.5, -2))


class Angle:
    def __init__(self, degrees):
        self.degrees = degrees

    def __abs__(self):
        return Angle(abs(self.degrees))

    def __round__(self, ndigits=None):
        return Angle(round(self.degrees, ndigits))

    def __divmod__(self, other):
        q, r = divmod(self.degrees, other)
        return q, Angle(r)

    def __index__(self):
        return int(self.degrees) % 360

    def __repr__(self):
        return f"Angle({self.degrees!r})"


a = Angle(-725.456)
print(abs(a), round(a), round(a, 1), divmod(a, 360), hex(a), bin(Angle(3)), [10, 20, 30, 40][Angle(361)])
try:
    round("text")
except TypeError as e:
    print("TypeError:", e)
try:
    abs("text")
except TypeError as e:
    print("TypeError:", e)


def to_base(n, base, digits="0123456789abcdefghijklmnopqrstuvwxyz"):
    if n == 0:
        return "0"
    sign = "-" if n < 0 else ""
    n = abs(n)
    out = []
    while n:
        n, r = divmod(n, base)
        out.append(digits[r])
    return sign + "".join(reversed(out))


for n in [0, 255, -255, 2 ** 64, 123456789]:
    reps = [to_base(n, b) for b in (2, 7, 16, 36)]
    print(n, reps, all(int(r, b) == n for r, b in zip(reps, (2, 7, 16, 36))))
print(sum(divmod(100, 7)), round(sum([0.1] * 3), 10), round(-0.5), round(-1.5), round(1e-20, 25))
