# versions: 3.11+
# bool as an int subclass, truthiness of many objects, and and/or/not returning operands.


class Flag:
    def __init__(self, name, value):
        self.name = name
        self.value = value

    def __bool__(self):
        print(f"  bool({self.name}) -> {self.value}")
        return self.value


class Sized:
    def __init__(self, n):
        self.n = n

    def __len__(self):
        return self.n


print(True + True, True * 10, False - 1, True / 2, True // 2, -True, abs(-True))
print(isinstance(True, int), issubclass(bool, int), type(True).__name__, bool.__mro__)
print(True == 1, False == 0, True is True, False is not None, hash(True), hash(False))
print(str(True), repr(False), f"{True}", "%d" % True, "%s" % False, format(True, "d"))
print(sum([True, True, False, True]), max(False, True), sorted([True, False, True]))
print({True: "a", 1: "b", 1.0: "c"})

values = [0, 1, -1, 0.0, 0.1, "", "0", " ", [], [0], (), ((),), {}, {0: 0}, set(), None,
          0j, range(0), range(1), b"", b"\0", Sized(0), Sized(3)]
for v in values:
    print(f"{type(v).__name__:>7} {bool(v)!s:>5}")

print("and/or return operands:")
print(1 and 2, 0 and 2, 1 or 2, 0 or 2, None or "default", "" or [] or {}, [] and 1)
print("x" and "y" or "z", (0 and 1) or "fallback", not 0, not "a", not not [1])

print("short circuit:")
r = Flag("a", False) and Flag("b", True)
print("result", r.name)
r = Flag("c", True) or Flag("d", True)
print("result", r.name)
r = Flag("e", False) or Flag("f", False)
print("result", r.name)
if Flag("g", True) and not Flag("h", False):
    print("both conditions held")
print("any", any(Flag(n, n == "k") for n in "ijkl"))
print("all", all(Flag(n, n != "n") for n in "mno"))

print(bool("False"), bool(int("0")), True & False, True | False, True ^ True, False ^ True)
print(type(True & False).__name__, type(True + 0).__name__, type(True | 2).__name__)
print(3 > 2 > 1, 1 < 3 < 2, (3 > 2) > 1, 2 == 2 == 2.0, 1 < 2 != 2)
try:
    class Sub(bool):
        pass
except TypeError as e:
    print("TypeError:", e)
