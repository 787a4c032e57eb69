# versions: 3.11-3.13
# Runs of instructions the VM fuses into one (src/PycSharp.Runtime/Interpreter/Fusion.cs): two locals or a local
# and a constant then an operator, a subscript or a subscript store; x[k] op= v; an operator then a store. Their
# results on several types, the errors each part raises (caught, and one uncaught: the traceback names the part).


class Box:
    def __init__(self, v):
        self.v = v

    def __add__(self, other):
        return Box(self.v + (other.v if isinstance(other, Box) else other))

    def __mul__(self, k):
        return Box(self.v * k)

    def __getitem__(self, k):
        return self.v * k

    def __setitem__(self, k, v):
        print("set", k, v)

    def __repr__(self):
        return "Box(%r)" % (self.v,)


def operators(a, b):
    r = a + b
    s = a * 2
    t = a[0] if isinstance(a, list) else a
    return r, s, t


def subscripts(seq, i):
    x = seq[i]
    y = seq[1]
    seq[i] = y
    seq[i] += 10
    seq[0] *= 3
    return x, y, seq


def unbound(flag):
    if flag:
        late = 1
    early = 2
    try:
        return early + late
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
    try:
        return late[early]
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
    return None


def errors(items):
    i = 9
    try:
        items[i] = 1
    except IndexError as e:
        print("IndexError:", e)
    t = (1, 2)
    try:
        t[0] += 1
    except TypeError as e:
        print("TypeError:", e)
    d = {}
    try:
        d["k"] += 1
    except KeyError as e:
        print("KeyError:", repr(e))
    k = "x"
    try:
        return items[k]
    except TypeError as e:
        print("TypeError:", e)
    z = 0
    try:
        return i // z
    except ZeroDivisionError as e:
        print("ZeroDivisionError:", e)
    try:
        return items[5]
    except IndexError as e:
        print("IndexError:", e)


print(operators(3, 4), operators(2.5, 0.25), operators("ab", "cd"), operators([1], [2]))
print(operators(2 ** 62, 2 ** 62), operators(-7, 2), operators(Box(1), Box(2)))
print(subscripts([1, 2, 3], 2), subscripts({0: 5, 1: 6, "k": 7}, "k"))
b = Box(4)
print(subscripts(b, 3))
print(unbound(True), unbound(False))
errors([0, 1])
total = 0.0
for n in range(1, 200):
    f = n * 0.5
    total += f * f - n
    total -= n % 7
print(total)


def last(values, index):
    scale = 2
    return values[index] * scale + values[index + 1]


print(last([1, 2, 3], 1))


# Shifts on machine-word ints take the loop's own path unless a bit would be lost.
shifted = []
for x in [0, 1, -1, 5, -5, 2 ** 62, -2 ** 62, 2 ** 63 - 1, -2 ** 63]:
    for y in [0, 1, 31, 62, 63, 64, 100]:
        shifted.append((x << y, x >> y))
print(len(shifted), sum(a for a, b in shifted), sum(b for a, b in shifted), shifted[-3:])
for x, y in [(1, -1), (-8, -2)]:
    try:
        print(x << y)
    except ValueError as e:
        print("ValueError:", e)
    try:
        print(x >> y)
    except ValueError as e:
        print("ValueError:", e)

# A float with an int on either side takes the loop's own path while the int converts exactly (|i| <= 2 ** 53).
mixed = []
for a in [0, 1, -3, 7, 2 ** 53, 2 ** 53 + 1, -2 ** 53 - 1, 10 ** 20]:
    for b in [0.0, -0.0, 1.5, -2.25, 1e308, float("inf"), float("nan")]:
        for x, y in ((a, b), (b, a)):
            for op in (lambda: x + y, lambda: x - y, lambda: x * y, lambda: x / y):
                try:
                    mixed.append(repr(op()))
                except (ZeroDivisionError, OverflowError) as e:
                    mixed.append(type(e).__name__ + ": " + str(e))
print(len(mixed), " ".join(mixed[:40]))
print(" ".join(mixed[40:]))
m = 3
m += 0.5
m *= 2
m -= 1
m /= 4
print(m)


print(last([1, 2, 3], 2))
