# versions: 3.11+
# printf-style % formatting of str and bytes: conversions, flags, mappings, star widths and errors.

rows = [("widget", 3, 4.5), ("gadget", 12, 19.99), ("doohickey", 100, 0.125)]
print("%-10s|%5s|%8s" % ("name", "qty", "price"))
for name, qty, price in rows:
    print("%-10s|%5d|%8.2f" % (name, qty, price))
print("%5.1f%%" % 99.44, "%x|%X|%#x|%#X|%o|%#o" % (3054, 3054, 3054, 3054, 8, 8))
print("%+d %+d % d % d" % (5, -5, 5, -5), "%05d|%-5d|%5d" % (42, 42, 42))
print("%e|%E|%.0e|%g|%G|%.3g" % (123456.789, 0.000123, 5.5, 1e-5, 1e20, 1234.5))
print("%c%c%c" % ("P", 121, ord("c")), "%r %a %s" % ("é", "é", "é"))
print("%(user)s owes %(amount).2f to %(user)s" % {"user": "bob", "amount": 12.5})
print("%*d|%-*d|%.*f" % (6, 1, 6, 2, 2, 3.14159))
print("%s" % [1, 2], "%s" % ((1, 2),), "%s %s" % (1, 2), "%d%%" % 50)
print("%i %u %d" % (1.9, -2.9, True), "%s" % None, "%5s|%-5s|" % ("ab", "cd"))
print(b"%s and %d and %5.2f" % (b"bytes", 7, 2.5), b"%c%c" % (65, b"B"), b"%x" % 255)
print(b"%(k)s" % {b"k": b"mapped"}, b"%-6b|" % b"ab", b"%r" % "é")
errors = [
    ("%d", "x"), ("%d %d", (1,)), ("%s", (1, 2)), ("%z", 1), ("%(a)s", 1), ("%c", 1114112),
    ("%c", "ab"), ("%.2f", "1"), ("%*d", ("a", 1)), ("%(a)s %s", {"a": 1}),
]
for fmt, args in errors:
    try:
        result = fmt % args
        print(repr(fmt), "->", repr(result))
    except (TypeError, ValueError, KeyError, OverflowError) as e:
        print(repr(fmt), "->", type(e).__name__ + ":", e)


class Temperature:
    def __init__(self, c):
        self.c = c

    def __str__(self):
        return "%.1f°C" % self.c

    def __repr__(self):
        return "Temperature(%r)" % self.c

    def __float__(self):
        return float(self.c)

    def __index__(self):
        return int(self.c)


t = Temperature(21.75)
print("%s | %r | %.3f | %d | %x" % (t, t, t, t, t))
report = []
for i, (name, qty, price) in enumerate(rows, 1):
    report.append("%2d. %-12s %4d @ %7.3f = %9.3f" % (i, name + ":", qty, price, qty * price))
print("\n".join(report))
print("%-20s%s" % ("total", "%.2f" % sum(q * p for _, q, p in rows)))
print("%.0f %.0f %.0f %.0f" % (0.5, 1.5, 2.5, -0.5), "%.1f" % 0.05, "%.2f" % 2.675)
print("%10.4s|" % "truncated", "%-10.2s|" % "ab...", "%.0s|" % "gone")
