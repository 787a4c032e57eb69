# versions: 3.11+
# Roman numeral conversion both ways with validation, round-trip checks over a range, arithmetic on a
# Roman class with operator overloading, and sorting/formatting of Roman values.

PAIRS = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
         (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}


def to_roman(n):
    if not isinstance(n, int) or isinstance(n, bool):
        raise TypeError(f"expected int, got {type(n).__name__}")
    if not 0 < n < 4000:
        raise ValueError(f"{n} is out of range 1..3999")
    out = []
    for value, symbol in PAIRS:
        count, n = divmod(n, value)
        out.append(symbol * count)
    return "".join(out)


def from_roman(text):
    text = text.upper()
    if not text or any(ch not in VALUES for ch in text):
        raise ValueError(f"invalid roman numeral {text!r}")
    total = 0
    for i, ch in enumerate(text):
        value = VALUES[ch]
        if i + 1 < len(text) and VALUES[text[i + 1]] > value:
            total -= value
        else:
            total += value
    if to_roman(total) != text:
        raise ValueError(f"non-canonical roman numeral {text!r} (did you mean {to_roman(total)}?)")
    return total


for n in [1, 4, 9, 14, 40, 90, 400, 1994, 2024, 3999, 444, 1666]:
    r = to_roman(n)
    print(f"{n:>4} -> {r:<14} -> {from_roman(r)}")
for bad in [0, 4000, -5, 2.5, True, "12"]:
    try:
        to_roman(bad)
    except (ValueError, TypeError) as e:
        print(f"to_roman({bad!r}): {type(e).__name__}: {e}")
for text in ["mcmxcix", "IIII", "VX", "ABC", "", "XLII", "IC", "MMMCMXCIX"]:
    try:
        print(f"from_roman({text!r}) = {from_roman(text)}")
    except ValueError as e:
        print(f"from_roman({text!r}): ValueError: {e}")
print("round trip 1..3999:", all(from_roman(to_roman(n)) == n for n in range(1, 4000)))
lengths = {n: len(to_roman(n)) for n in range(1, 4000)}
longest = max(lengths, key=lengths.get)
print("longest numeral:", longest, to_roman(longest), lengths[longest])


class Roman:
    def __init__(self, value):
        self.value = value if isinstance(value, int) else from_roman(value)
        to_roman(self.value)

    def __add__(self, other):
        return Roman(self.value + Roman(other).value if not isinstance(other, Roman) else self.value + other.value)

    def __sub__(self, other):
        return Roman(self.value - other.value)

    def __mul__(self, k):
        return Roman(self.value * k)

    def __lt__(self, other):
        return self.value < other.value

    def __eq__(self, other):
        return isinstance(other, Roman) and self.value == other.value

    def __hash__(self):
        return hash(self.value)

    def __int__(self):
        return self.value

    def __str__(self):
        return to_roman(self.value)

    def __repr__(self):
        return f"Roman({str(self)!r})"

    def __format__(self, spec):
        return format(str(self), spec)


a, b = Roman("XIV"), Roman(27)
print(a + b, a + "III", b - a, a * 3, sorted([b, a, Roman("II")]), int(b), a == Roman(14), len({a, Roman(14)}))
print(f"[{a:>8}] [{b:<8}] [{Roman(3888):^20}]")
try:
    a - b
except ValueError as e:
    print("ValueError:", e)
