# versions: 3.11+
# None, NotImplemented and Ellipsis: reprs, identity, truthiness of None, NotImplemented returned by
# binary operator methods, and ... as a placeholder and subscript.

print(None, repr(None), str(None), type(None).__name__, None is None, None == None, None != 0)
print(NotImplemented, type(NotImplemented).__name__, Ellipsis, ..., ... is Ellipsis, type(...).__name__)
print(bool(None), not None, None or "fallback", [None] * 2, {None: 1}[None], hash(None) == hash(None))
print(str(Ellipsis), repr(...), [..., None], (...,), {"k": ...})


def nothing():
    pass


def implicit(flag):
    if flag:
        return "value"


def explicit():
    return


def placeholder():
    ...


print(nothing(), implicit(False), implicit(True), explicit(), placeholder())
results = [f() for f in (nothing, explicit, placeholder)]
print(results, all(r is None for r in results), results.count(None))
try:
    None.attribute
except AttributeError as e:
    print("AttributeError:", e)
try:
    handler = None
    handler()
except TypeError as e:
    print("TypeError:", e)
try:
    len(None)
except TypeError as e:
    print("TypeError:", e)
try:
    None + 1
except TypeError as e:
    print("TypeError:", e)
try:
    None < None
except TypeError as e:
    print("TypeError:", e)


class Meters:
    def __init__(self, v):
        self.v = v

    def __add__(self, other):
        print(f"  Meters.__add__({other!r})")
        if isinstance(other, Meters):
            return Meters(self.v + other.v)
        if isinstance(other, (int, float)):
            return Meters(self.v + other)
        return NotImplemented

    def __radd__(self, other):
        print(f"  Meters.__radd__({other!r})")
        if isinstance(other, (int, float)):
            return Meters(self.v + other)
        return NotImplemented

    def __eq__(self, other):
        print(f"  Meters.__eq__({other!r})")
        if not isinstance(other, Meters):
            return NotImplemented
        return self.v == other.v

    def __repr__(self):
        return f"Meters({self.v})"


m = Meters(5)
print(m + Meters(2))
print(m + 3)
print(10 + m)
print(sum([Meters(1), Meters(2)], Meters(0)))
try:
    m + "x"
except TypeError as e:
    print("TypeError:", e)
try:
    "x" + m
except TypeError as e:
    print("TypeError:", e)
print(m == Meters(5), m == 5, m != Meters(6), 5 == m)
print(m.__add__("x"), Meters.__eq__(m, None), (1).__add__(1.5), (1.5).__radd__(1))
print(int.__add__(2, 3), int.__lt__(2, "a"), "a".__eq__(1), [].__eq__(()))
grid = {(0, 0): "origin"}


class Table:
    def __getitem__(self, key):
        if key is Ellipsis:
            return "everything"
        if isinstance(key, tuple) and Ellipsis in key:
            return "partial " + str([k for k in key if k is not Ellipsis])
        return "item " + repr(key)


t = Table()
print(t[...], t[1, ...], t[..., "z"], t[0])
value = None
for candidate in [0, "", None, "found", "later"]:
    if candidate is not None and candidate:
        value = candidate
        break
print("first truthy non-None:", value)
