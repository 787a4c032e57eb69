# versions: 3.11+
# match with class patterns on a point hierarchy: subclasses with longer __match_args__, keyword
# patterns, builtin types matched positionally (int(x), str(s), list(...)), mapping patterns with
# **rest, and the TypeErrors for too many positional sub-patterns.


class Point:
    __match_args__ = ("x", "y")

    def __init__(self, x, y):
        self.x, self.y = x, y


class Point3(Point):
    __match_args__ = ("x", "y", "z")

    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z


def where(p):
    match p:
        case Point3(0, 0, 0):
            return "3d origin"
        case Point3(x, y, z=0):
            return f"3d on floor at {x},{y}"
        case Point(0, 0):
            return "origin"
        case Point(x=0) | Point(y=0):
            return "on an axis"
        case Point(x, y) if x == y:
            return "diagonal"
        case Point():
            return "somewhere"


for p in [Point3(0, 0, 0), Point3(1, 2, 0), Point3(1, 1, 5), Point(0, 0), Point(0, 4), Point(3, 3), Point(1, 2)]:
    print(type(p).__name__, vars(p), "->", where(p))


def builtin_patterns(v):
    match v:
        case bool(b):
            return f"bool({b})"
        case int(i):
            return f"int({i})"
        case float(f):
            return f"float({f})"
        case str(s):
            return f"str({s!r})"
        case bytes(b):
            return f"bytes({b!r})"
        case list([first, *_]):
            return f"list starting {first!r}"
        case tuple((a, b)):
            return f"pair {a}/{b}"
        case dict({"id": ident, **rest}):
            return f"record {ident} with {sorted(rest)}"
        case _:
            return "something else"


for v in [True, 3, 2.5, "s", b"b", [9, 8], [], (1, 2), (1, 2, 3), {"id": 7, "b": 1, "a": 2}, {"x": 1}]:
    print(f"{v!r:<28} {builtin_patterns(v)}")
try:
    match Point(1, 2):
        case Point(1, 2, 3):
            pass
except TypeError as e:
    print("TypeError:", e)


class NoArgs:
    pass


try:
    match NoArgs():
        case NoArgs(1):
            pass
except TypeError as e:
    print("TypeError:", e)
match {"a": 1, "b": 2, "c": 3}:
    case {"a": 1, **others}:
        print("others:", others)
match [1, [2, [3, [4]]]]:
    case [a, [b, [c, [d]]]]:
        print("deep:", a + b + c + d)
