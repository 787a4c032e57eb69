# versions: 3.11+
# format() and str.format with the format-spec mini-language: fill, align, sign, #, 0, width,
# grouping, precision and type, for ints, floats and strings, plus __format__ on a user class.

specs_int = ["", "d", "5d", "<5d", "^7d", ">+6d", "=+8d", "08d", "-08d", " d", ",d", "_d", "_x",
             "#x", "#X", "#o", "#b", "08b", "#010b", "c", "n", "e", ".2f", "%"]
for n in (42, -42, 1234567):
    print(f"n={n}")
    for spec in specs_int:
        if spec == "c" and n < 0:
            continue
        try:
            print(f"  {spec!r:>9} -> {format(n, spec)!r}")
        except (ValueError, OverflowError) as e:
            print(f"  {spec!r:>9} -> {type(e).__name__}: {e}")
for spec in ["s", "10", "<10", ">10", "^10", "*^11", ".3", "10.2", "-<6"]:
    print(f"str spec {spec!r:>6}: {format('pyc', spec)!r} {format('formatting', spec)!r}")
for bad in [("abc", "d"), (3.5, "d"), (10, "s"), ("x", "=5"), (5, ",_d"), ("x", "+")]:
    try:
        format(*bad)
    except ValueError as e:
        print(f"format{bad!r}: ValueError: {e}")

print("{0}{1}{0}".format("ab", "cd"), "{:}|{:>4}|{!r}".format(1, 2, "3"))
print("{a[0]}-{a[1]} {b[key]} {c.real}".format(a=[1, 2], b={"key": "v"}, c=2 + 3j))
print("{0:{1}{2}}|".format("mid", "^", 9), "{:{w}.{p}f}".format(3.14159, w=10, p=3))
print("{{literal braces}} {}".format("ok"), "{:%Y}".format(Ellipsis) if False else "skip")
data = [("apples", 3, 0.5), ("kiwis", 12, 0.25), ("watermelons", 1, 3.75)]
for name, qty, price in data:
    print("{:<12}{:>4} x {:>6.2f} = {:>7.2f}".format(name, qty, price, qty * price))
print("{:-^40}".format(" total "), "{:>7.2f}".format(sum(q * p for _, q, p in data)))


class Money:
    def __init__(self, cents, currency="EUR"):
        self.cents = cents
        self.currency = currency

    def __format__(self, spec):
        if spec == "short":
            return f"{self.cents / 100:.0f}{self.currency[0]}"
        amount = f"{self.cents / 100:,.2f}"
        if spec:
            return format(amount + " " + self.currency, spec)
        return amount + " " + self.currency

    def __str__(self):
        return "Money(%d)" % self.cents


m = Money(1234567)
print(format(m), f"{m:short}", f"[{m:>20}]", "{:*<18}".format(m), str(m), f"{m!s}")
try:
    format(object(), "d")
except TypeError as e:
    print("TypeError:", e)
print(format(3), format("x"), format(2.5), format(None), format(True, ">6"), format([1, 2]))
