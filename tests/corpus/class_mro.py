# versions: 3.11+
# Multiple inheritance: C3 linearisation (__mro__), diamond hierarchies, cooperative __init__ with
# super() and keyword arguments, attribute lookup order, and an inconsistent MRO rejected.


class Base:
    def __init__(self, **kwargs):
        self.log = ["Base"]
        if kwargs:
            print("  leftover kwargs:", kwargs)

    def describe(self):
        return ["Base"]


class Left(Base):
    side = "left"

    def __init__(self, left=None, **kwargs):
        super().__init__(**kwargs)
        self.left = left
        self.log.append("Left")

    def describe(self):
        return ["Left"] + super().describe()


class Right(Base):
    side = "right"

    def __init__(self, right=None, **kwargs):
        super().__init__(**kwargs)
        self.right = right
        self.log.append("Right")

    def describe(self):
        return ["Right"] + super().describe()


class Bottom(Left, Right):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.log.append("Bottom")

    def describe(self):
        return ["Bottom"] + super().describe()


b = Bottom(left=1, right=2, extra=3)
print([c.__name__ for c in Bottom.__mro__])
print(b.log, b.left, b.right, b.side, b.describe())
print(isinstance(b, Right), issubclass(Bottom, Base), Bottom.__bases__, Left.__base__.__name__)


class O: pass
class A(O): pass
class B(O): pass
class C(O): pass
class D(O): pass
class E(O): pass
class K1(A, B, C): pass
class K2(D, B, E): pass
class K3(D, A): pass
class Z(K1, K2, K3): pass


print([k.__name__ for k in Z.mro()], [k.__name__ for k in K3.__mro__], Z.__mro__ == tuple(Z.mro()))
try:
    class Bad(A, K1):
        pass
except TypeError as e:
    print("TypeError:", e)


class Mixin:
    def hello(self):
        return "Mixin.hello -> " + super().hello()


class Impl:
    def hello(self):
        return "Impl.hello"


class Combined(Mixin, Impl):
    pass


print(Combined().hello(), [k.__name__ for k in Combined.__mro__])


class Shape:
    sides = 0
    name = "shape"

    def info(self):
        return f"{self.name} with {self.sides} sides"


class Square(Shape):
    sides = 4


class Colored:
    color = "red"
    name = "colored thing"

    def info(self):
        return "colored " + super().info()


class RedSquare(Colored, Square):
    pass


sq = RedSquare()
print(sq.info(), sq.name, sq.color, [k.__name__ for k in RedSquare.__mro__])
sq.name = "mine"
print(sq.info(), RedSquare.name, vars(sq), [cls.__name__ for cls in Base.__subclasses__()])
print(issubclass(RedSquare, (int, Shape)), isinstance(sq, Colored), type(sq).__name__)
