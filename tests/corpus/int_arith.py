# versions: 3.11+
# int arithmetic: floor division and modulo signs, powers, bit operations, shifts and their errors.


def show(label, value):
    print("%-18s %r" % (label, value))


pairs = [(17, 5), (-17, 5), (17, -5), (-17, -5), (0, 3), (5, 17)]
for a, b in pairs:
    q, r = divmod(a, b)
    print(f"{a:>4} // {b:>3} = {a // b:>3}   {a:>4} % {b:>3} = {r:>3}   check {q * b + r == a}")
    print(f"      true division {a / b!r}")

show("2 ** 10", 2 ** 10)
show("2 ** -2", 2 ** -2)
show("(-2) ** 3", (-2) ** 3)
show("-2 ** 2", -2 ** 2)
show("0 ** 0", 0 ** 0)
show("pow(3, 4, 5)", pow(3, 4, 5))
show("pow(-3, 3, 7)", pow(-3, 3, 7))
show("pow(3, -1, 7)", pow(3, -1, 7))
show("pow(10, 3)", pow(10, 3))

values = [0, 1, 5, 12, 255, -1, -12, 1023]
for v in values:
    print(f"{v:>5}: ~={~v:>6} &7={v & 7:>3} |8={v | 8:>5} ^3={v ^ 3:>5} <<2={v << 2:>6} >>1={v >> 1:>5} bits={v.bit_length()}")

show("bit_count 255", (255).bit_count())
show("bit_count -7", (-7).bit_count())
show("1 << 70", 1 << 70)
show("-1 >> 100", -1 >> 100)
show("12345 >> 64", 12345 >> 64)

zero, one, minus = 0, 1, -1
failing = [
    ("1 << -1", lambda: one << minus),
    ("8 >> -2", lambda: 8 >> minus * 2),
    ("1 // 0", lambda: one // zero),
    ("5 % 0", lambda: 5 % zero),
    ("divmod(3, 0)", lambda: divmod(3, zero)),
    ("pow(2, -1, 4)", lambda: pow(2, minus, 4)),
    ("0 ** -1", lambda: zero ** minus),
    ("7 / 0", lambda: 7 / zero),
]
for expr, compute in failing:
    try:
        print(expr, "=", compute())
    except (ValueError, ZeroDivisionError) as e:
        print(f"{expr} raised {type(e).__name__}: {e}")

total = 0
for i in range(1, 11):
    total += i * i
    total -= i
    total *= 1
print("running total", total)
x = 7
x //= 2
print("x //= 2 ->", x)
x **= 5
print("x **= 5 ->", x)
x %= 100
print("x %= 100 ->", x)
x <<= 3
x |= 1
x ^= 0b1010
x &= 0xFF
x >>= 1
print("after bit ops", x, bin(x))
print("abs", abs(-42), abs(42), "neg", -(-5), "pos", +(-5))
print("int compare", 3 < 5 < 7, 10 > 2 == 2, 1 == 1.0, 2 ** 53 + 1 == float(2 ** 53 + 1))
print("min/max", min(3, -2, 9), max([4, 8, 1]), sum(range(101)))
print("is_integer", (10).is_integer() if hasattr(int, "is_integer") else True)
print("numerator/denominator", (12).numerator, (12).denominator, (12).real, (12).imag)
print("conjugate", (5).conjugate(), "as_integer_ratio", (-8).as_integer_ratio())
