# versions: 3.11+
# int() from strings in many bases, underscores and whitespace, conversion errors, and back to text.

samples = [
    ("42", 10), ("  -17  ", 10), ("+8", 10), ("1_000_000", 10), ("ff", 16), ("FF", 16),
    ("0xff", 16), ("0xff", 0), ("0o777", 0), ("0b1011", 0), ("777", 8), ("z", 36),
    ("Hello", 36), ("101", 2), ("-0b11", 0), ("0", 0), ("00", 0), ("12", 3),
]
for text, base in samples:
    print(f"int({text!r}, {base}) = {int(text, base)}")

bad = [("", 10), ("12a", 10), ("0x", 16), ("1__0", 10), ("_1", 10), ("08", 0), ("2", 2),
       ("9", 8), ("1.5", 10), (" ", 10)]
for text, base in bad:
    try:
        int(text, base)
    except ValueError as e:
        print("ValueError:", e)
try:
    int("10", 1)
except ValueError as e:
    print("ValueError:", e)
try:
    int("10", 37)
except ValueError as e:
    print("ValueError:", e)
try:
    int(None)
except TypeError as e:
    print("TypeError:", e)
try:
    int([1])
except TypeError as e:
    print("TypeError:", e)

for f in (3.7, -3.7, 0.5, -0.5, 1e20, 2.0 ** 70, True, False):
    print(f"int({f!r}) = {int(f)}")
for bad_float in (float("inf"), float("nan")):
    try:
        int(bad_float)
    except (OverflowError, ValueError) as e:
        print(type(e).__name__ + ":", e)

for v in (0, 1, 7, 255, -255, 4096, 2 ** 40):
    print(f"{v}: bin={bin(v)} oct={oct(v)} hex={hex(v)} "
          f"fmt={v:b}/{v:o}/{v:x}/{v:X}/{v:#b}/{v:#o}/{v:#x}")
print("str and repr", str(-12), repr(12), "%d %i %u" % (1, 2, 3))
print("round trip", [int(bin(n), 0) for n in (5, -5, 1023)])
print("int of str of int", int(str(10 ** 25)) == 10 ** 25)
print("int from bool/str", int(True) + int("3"), float(7), float("-7"), complex(7))


class Percent:
    def __init__(self, value):
        self.value = value

    def __int__(self):
        return round(self.value)

    def __index__(self):
        return int(self.value)

    def __float__(self):
        return self.value / 100


p = Percent(42.6)
print("custom __int__", int(p), "__index__", bin(p), hex(p), "__float__", float(p))
print("index in slice", "abcdefgh"[Percent(2.9):Percent(5.1)], [10, 20, 30, 40][Percent(1)])
print("chr/ord", chr(0x41), ord("A"), chr(955), ord("λ"), [ord(c) for c in "Py"])
try:
    chr(-1)
except ValueError as e:
    print("ValueError:", e)
try:
    ord("ab")
except TypeError as e:
    print("TypeError:", e)
