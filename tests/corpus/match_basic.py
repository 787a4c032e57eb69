# versions: 3.10+


def classify(value):
    match value:
        case 0:
            return "zero"
        case 1 | 2 | 3:
            return "small"
        case int(n) if n < 0:
            return "negative int %d" % n
        case int():
            return "int"
        case float() as f:
            return "float %r" % f
        case "hello" | "hi":
            return "greeting"
        case str(s):
            return "string of length %d" % len(s)
        case None:
            return "none"
        case True:
            return "unreachable: True == 1"
        case _:
            return "other " + type(value).__name__


def sequences(seq):
    match seq:
        case []:
            return "empty"
        case [x]:
            return "one: %r" % (x,)
        case [x, y]:
            return "two: %r %r" % (x, y)
        case [first, *rest] if len(rest) > 3:
            return "long, first %r, %d more" % (first, len(rest))
        case [first, *middle, last]:
            return "first %r middle %r last %r" % (first, middle, last)
        case _:
            return "not a sequence"


def mappings(m):
    match m:
        case {"type": "point", "x": x, "y": y}:
            return "point(%s, %s)" % (x, y)
        case {"type": "circle", "r": r, **rest}:
            return "circle r=%s extra=%s" % (r, sorted(rest))
        case {}:
            return "some mapping"
        case _:
            return "no match"


for v in [0, 2, -7, 42, 2.5, "hi", "abcdef", None, [1]]:
    print(classify(v))
for s in [[], [1], (1, 2), [1, 2, 3], list(range(10)), "xy", 5]:
    print(sequences(s))
for m in [{"type": "point", "x": 1, "y": 2},
          {"type": "circle", "r": 3, "color": "red", "z": 0},
          {"other": 1}, 7]:
    print(mappings(m))
