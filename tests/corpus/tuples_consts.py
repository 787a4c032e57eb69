# versions: 2.7, 3.6+
from __future__ import print_function

EMPTY = ()
SINGLE = (1,)
PAIR = (1, "two")
NESTED = ((1, 2), (3, (4, (5, (6, ())))))
MIXED = (None, True, False, 0, -1, 1.5, 2j, "s", b"b", (1,), Ellipsis)
FOLDED = (1, 2) + (3,)
REPEATED = ("ab",) * 3
BIG = tuple(range(5))


def constant_tuple():
    return (1, 2, 3, "four", 5.0, (6, 7))


def unpack():
    a, (b, c), d = 1, (2, 3), 4
    return d, c, b, a


def swap(x, y):
    x, y = y, x
    return x, y


def default_tuple(t=(1, (2, 3))):
    return t


def in_tuple(x):
    return x in (1, 2, 3)


print(EMPTY, SINGLE, PAIR)
print(NESTED)
print(MIXED)
print(FOLDED, REPEATED, BIG)
print(constant_tuple())
print(unpack())
print(swap("left", "right"))
print(default_tuple())
print([in_tuple(v) for v in range(5)])
print(len(NESTED[1][1]), NESTED[1][1][1][1])
print(tuple(sorted((3, 1, 2))), (1, 2) < (1, 3), (1, 2) == (1, 2))
print(hash((1, 2)) == hash((1, 2)))
