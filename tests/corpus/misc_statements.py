# versions: 2.7, 3.6+
"""Module docstring: assert, del, pass, chained assignment, augmented assignment, exec."""
from __future__ import print_function

x = y = z = [1, 2, 3]
x.append(4)
print(y, z is x)
value = 10
value += 5
value -= 3
value *= 2
value //= 5
value **= 3
value %= 50
value <<= 2
value >>= 1
value |= 1
value &= 0xFF
value ^= 0x0F
print(value)
assert value > 0, "value must be positive"
try:
    assert value < 0, "value is %d" % value
except AssertionError as e:
    print("AssertionError:", e)
obj = {"a": 1, "b": 2}
del obj["a"]
print(obj)
temp = 1
del temp
try:
    temp
except NameError:
    print("temp was deleted")


class Empty(object):
    pass


def nothing():
    pass


ns = {}
exec("result = sum(range(10))", ns)
print(ns["result"], eval("2 ** 8"))
print(nothing(), Empty.__name__, __doc__.split(":")[0])
print(__name__)
