# versions: 3.10+
import enum


class Color(enum.Enum):
    RED = 1
    GREEN = 2
    BLUE = 3


class Point:
    __match_args__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y


class Line:
    __match_args__ = ("start", "end")

    def __init__(self, start, end):
        self.start = start
        self.end = end


def describe(shape):
    match shape:
        case Point(0, 0):
            return "origin"
        case Point(x=0, y=y):
            return "on y axis at %d" % y
        case Point(x, 0):
            return "on x axis at %d" % x
        case Line(Point(x1, y1), Point(x2, y2)) if x1 == x2:
            return "vertical line at x=%d" % x1
        case Line(Point() as a, Point(y=0) as b):
            return "line ending on x axis from (%d,%d) to x=%d" % (a.x, a.y, b.x)
        case Line(start=s, end=e):
            return "line %d,%d -> %d,%d" % (s.x, s.y, e.x, e.y)
        case Color.RED:
            return "red"
        case Color.GREEN | Color.BLUE as c:
            return "cool color " + c.name
        case (Point() | Line()) as other:
            return "some other geometry"
        case [Point(x=a), Point(x=b), *_] if a < b:
            return "increasing points"
        case {"kind": "nested", "items": [1, 2, {"deep": value}]}:
            return "deep value %r" % (value,)
        case str() | bytes():
            return "text-ish"
        case _:
            return "unknown"


tests = [
    Point(0, 0), Point(0, 5), Point(3, 0), Point(1, 1),
    Line(Point(2, 1), Point(2, 9)),
    Line(Point(1, 2), Point(7, 0)),
    Line(Point(1, 2), Point(3, 4)),
    Color.RED, Color.BLUE,
    [Point(1, 1), Point(2, 2), Point(0, 0)],
    [Point(5, 1), Point(2, 2)],
    {"kind": "nested", "items": [1, 2, {"deep": "found"}]},
    b"raw", "text", 3.0,
]
for t in tests:
    print(describe(t))


def command(cmd):
    match cmd.split():
        case ["go", ("north" | "south" | "east" | "west") as direction]:
            return "going " + direction
        case ["take", *objects] if objects:
            return "taking " + ", ".join(objects)
        case ["quit" | "exit"]:
            return "bye"
        case [verb, *_]:
            return "unknown verb " + verb
        case []:
            return "nothing"


for c in ["go north", "go up", "take lamp key", "take", "exit", "dance now", ""]:
    print(repr(c), "->", command(c))
