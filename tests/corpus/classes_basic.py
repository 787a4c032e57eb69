# versions: 2.7, 3.6+
from __future__ import print_function


class Shape(object):
    count = 0

    def __init__(self, name):
        self.name = name
        Shape.count += 1

    def area(self):
        return 0

    def describe(self):
        return "%s with area %s" % (self.name, self.area())

    def __repr__(self):
        return "Shape(%r)" % (self.name,)


class Rect(Shape):
    def __init__(self, w, h):
        super(Rect, self).__init__("rect")
        self.w = w
        self.h = h

    def area(self):
        return self.w * self.h

    @property
    def perimeter(self):
        return 2 * (self.w + self.h)

    @classmethod
    def square(cls, side):
        return cls(side, side)

    @staticmethod
    def unit():
        return Rect(1, 1)

    def __eq__(self, other):
        return isinstance(other, Rect) and (self.w, self.h) == (other.w, other.h)

    def __ne__(self, other):
        return not self == other

    def __repr__(self):
        return "Rect(%d, %d)" % (self.w, self.h)


class Square(Rect):
    def __init__(self, side):
        super(Square, self).__init__(side, side)
        self.name = "square"


class Temperature(object):
    def __init__(self):
        self._c = 0.0

    def _get(self):
        return self._c

    def _set(self, value):
        if value < -273.15:
            raise ValueError("too cold")
        self._c = value

    celsius = property(_get, _set)

    @property
    def fahrenheit(self):
        return self._c * 9 / 5 + 32

    @fahrenheit.setter
    def fahrenheit(self, f):
        self._c = (f - 32) * 5 / 9.0


class Vector(object):
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __add__(self, other):
        return Vector(self.x + other.x, self.y + other.y)

    def __mul__(self, k):
        return Vector(self.x * k, self.y * k)

    def __len__(self):
        return 2

    def __getitem__(self, i):
        return (self.x, self.y)[i]

    def __repr__(self):
        return "Vector(%r, %r)" % (self.x, self.y)


r = Rect(3, 4)
print(r.describe())
print(r.perimeter)
print(Rect.square(5))
print(Rect.unit() == Rect(1, 1), Rect.unit() != Rect(1, 2))
s = Square(6)
print(s.describe(), isinstance(s, Rect), issubclass(Square, Shape))
print(Shape.count)
print([c.__name__ for c in Square.__mro__])
t = Temperature()
t.celsius = 100
print(t.fahrenheit)
t.fahrenheit = 212
print(t.celsius)
try:
    t.celsius = -300
except ValueError as e:
    print("error:", e)
v = Vector(1, 2) + Vector(3, 4) * 2
print(v, len(v), list(v))
print(hasattr(v, "__dict__"))
