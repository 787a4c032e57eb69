# versions: 3.11+
# Float division, floor division and modulo signs, divmod, powers, and arithmetic errors.

pairs = [(7.5, 2.0), (-7.5, 2.0), (7.5, -2.0), (-7.5, -2.0), (1.0, 0.3), (5, 0.5), (-0.0, 3.0),
         (0.0, -3.0), (1e300, 1e-300), (3.0, 7), (-1e-20, 1.0)]
for a, b in pairs:
    q = a // b
    r = a % b
    d = divmod(a, b)
    print(f"{a!r:>7} {b!r:>7}: / {a / b!r:<22} // {q!r:<7} % {r!r:<22} divmod {d}")

print("int/int true division:", 7 / 2, -7 / 2, 6 / 3, 1 / 7, 10 ** 20 / 10 ** 10, 2 ** 70 / 2 ** 69)
print("mixed:", 1 + 2.0, 3 * 0.5, 2 - 0.25, 7 // 2.0, 7 % 2.5, -7 % 2.5)
print("powers:", 2.0 ** 10, 2 ** 0.5, 4 ** -0.5, (-8.0) ** 2, 10.0 ** -3, 0.0 ** 0, 1.5 ** 2.5)
print("negative base fractional power gives complex:", (-8) ** (1 / 3))
print("pow builtin:", pow(2.0, 3), pow(9, 0.5), pow(-2.0, 3), pow(-2, -2))

zero = 0.0
cases = [
    ("1.0 / 0.0", lambda: 1.0 / zero),
    ("1 / 0", lambda: 1 / int(zero)),
    ("1.0 // 0.0", lambda: 1.0 // zero),
    ("1.0 % 0.0", lambda: 1.0 % zero),
    ("divmod(1.0, 0.0)", lambda: divmod(1.0, zero)),
    ("0.0 ** -1", lambda: zero ** -1),
    ("10.0 ** 400", lambda: 10.0 ** 400),
    ("2 ** 10000 * 1.0", lambda: 2 ** 10000 * 1.0),
    ("1e308 * 10", lambda: 1e308 * 10),
]
for label, fn in cases:
    try:
        print(f"{label} = {fn()!r}")
    except (ZeroDivisionError, OverflowError) as e:
        print(f"{label} -> {type(e).__name__}: {e}")

print("augmented:")
x = 10.0
for op in range(6):
    if op == 0:
        x /= 4
    elif op == 1:
        x //= 0.3
    elif op == 2:
        x %= 3.5
    elif op == 3:
        x **= 2
    elif op == 4:
        x -= 0.1
    else:
        x *= -3
    print(f"  step {op}: {x!r}")


def total(xs):
    acc = 0.0
    for v in xs:
        acc += v
    return acc


def mean(xs):
    return total(xs) / len(xs)


def variance(xs):
    m = mean(xs)
    return total([(v - m) ** 2 for v in xs]) / (len(xs) - 1)


data = [2.5, 3.25, 4.0, 1.75, 5.5, 3.0]
print("mean", mean(data), "variance", variance(data), "stdev", variance(data) ** 0.5)
print("celsius:", [round((f - 32) * 5 / 9, 2) for f in (-40, 0, 32, 98.6, 212)])
print("compound interest:", round(1000 * (1 + 0.05 / 12) ** (12 * 10), 2))
print("harmonic:", total([1 / k for k in range(1, 21)]))
print("int() truncation:", [int(v) for v in (2.9, -2.9, 1e10 + 0.5)], [x // 1 for x in (2.9, -2.9)])
