# versions: 3.11+
# Float repr and str (shortest round-trip digits), float() parsing, and float formatting.

values = [0.0, -0.0, 1.0, -1.5, 0.1, 0.2, 0.1 + 0.2, 1 / 3, 2 / 3, 10 / 3, 1e15, 1e16, 1e17,
          123456789.0, 1234567890123456789.0, 1e-4, 1e-5, 0.000123, 1.5e-10, 2.5e300,
          5e-324, 1.7976931348623157e308, 2.0 ** 53, 2.0 ** 53 + 1, 9007199254740993.0,
          3.141592653589793, 2.718281828459045, 100.0, 1e22, 1e23, 0.3, 4.35, 0.57 * 100]
for v in values:
    print(f"repr={v!r:<26} str={str(v):<26} g={v:g} .3e={v:.3e}")

print("float('...') parsing:")
texts = ["3.14", "  -2.5e3 ", "+1E-2", "1_000.000_1", "inf", "-Infinity", "nan", "NaN",
         ".5", "5.", "0x1p4" if False else "16", "1e400", "-1e400", "1e-400", "00012.50"]
for t in texts:
    print(f"  float({t!r}) = {float(t)!r}")
for t in ["", "abc", "1.2.3", "1e", "--1", "1_", "0x10"]:
    try:
        float(t)
    except ValueError as e:
        print("  ValueError:", e)

print("fromhex/hex:", float.fromhex("0x1.8p1"), (1.5).hex(), (0.1).hex(), (-2.0).hex())
print("as_integer_ratio:", (0.75).as_integer_ratio(), (0.1).as_integer_ratio(), (-8.0).as_integer_ratio())
print("is_integer:", (3.0).is_integer(), (3.5).is_integer(), (1e300).is_integer())
print("float(int):", float(10 ** 20), float(2 ** 63), float(-(2 ** 64) + 1), float(True))

print("formatting:")
x = 1234.5678
for spec in ["", "f", ".2f", ".0f", "10.3f", "<12.1f", "^12.1f", "+.2f", " .2f", ",.2f", "_.3f",
             "e", ".2E", "g", ".3g", ".10g", "%", ".1%", "012.3f", "=+12.2f", "*>12.1f"]:
    print(f"  {spec!r:>10}: {format(x, spec)!r}")
for v in [0.5, 1.5, 2.5, -0.5, 0.125, 1e-7, 1e16, 123456789.0]:
    print(f"  {v!r}: .0f={v:.0f} .2g={v:.2g} g={v:g} n-ish={v:.6}")
print("%-formatting:", "%.3f|%10.2e|%-8.1f|%g|%G|%+.0f" % (x, x, x, 1e-10, 1e30, 2.5))
print("rounding:", round(2.5), round(3.5), round(-2.5), round(2.675, 2), round(1.005, 2),
      round(1234.5678, -2), round(0.5), round(1.5), round(7.0), type(round(7.5)).__name__,
      type(round(7.5, 1)).__name__)
print("sums:", sum([0.1] * 10), sum([0.1] * 10) == 1.0, 0.1 * 3, 1.1 * 1.1, 3 * 1.1)
print("comparisons:", 0.1 + 0.2 > 0.3, 1e16 + 1 == 1e16, -0.0 == 0.0, 1 == 1.0, 2 ** 60 == 2.0 ** 60)
print("str of containers:", [0.1, 1e20, -0.0], (1.0,), {"k": 2.5e-8})
