# versions: 3.11+
# __slots__: no instance __dict__, AttributeError for unknown attributes, slots with inheritance,
# subclasses without __slots__ getting a __dict__, class attributes versus slots, and a compact record type.


class Point:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __repr__(self):
        return f"Point({self.x}, {self.y})"


p = Point(1, 2)
p.x += 10
print(p, p.x, p.y, hasattr(p, "__dict__"), Point.__slots__, type(Point.x).__name__)
try:
    p.z = 3
except AttributeError as e:
    print("AttributeError:", e)
del p.y
try:
    print(p.y)
except AttributeError as e:
    print("AttributeError:", e)
p.y = -1
print(p, getattr(p, "y"), [getattr(p, s) for s in p.__slots__])


class Point3(Point):
    __slots__ = ("z",)

    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z

    def __repr__(self):
        return f"Point3({self.x}, {self.y}, {self.z})"


class Tagged(Point):
    pass


p3 = Point3(1, 2, 3)
print(p3, hasattr(p3, "__dict__"), Point3.__slots__)
t = Tagged(5, 6)
t.label = "now has a dict"
print(t, t.__dict__, hasattr(t, "__dict__"))


class Config:
    __slots__ = ("name", "values")
    version = "1.0"

    def __init__(self, name):
        self.name = name
        self.values = {}


c = Config("main")
c.values["debug"] = True
print(c.name, c.values, c.version, Config.version)
try:
    c.version = "2.0"
except AttributeError as e:
    print("AttributeError:", e)
try:
    class Conflict:
        __slots__ = ("v",)
        v = 1
except ValueError as e:
    print("ValueError:", e)


class Record:
    __slots__ = ("_values",)
    fields = ()

    def __init__(self, *values):
        if len(values) != len(self.fields):
            raise TypeError(f"{type(self).__name__} takes {len(self.fields)} values, got {len(values)}")
        object.__setattr__(self, "_values", values)

    def __getattr__(self, name):
        try:
            return self._values[self.fields.index(name)]
        except ValueError:
            raise AttributeError(f"{type(self).__name__!r} has no field {name!r}") from None

    def __setattr__(self, name, value):
        raise AttributeError(f"{type(self).__name__} is immutable")

    def __repr__(self):
        inner = ", ".join(f"{f}={v!r}" for f, v in zip(self.fields, self._values))
        return f"{type(self).__name__}({inner})"


class Person(Record):
    __slots__ = ()
    fields = ("name", "age")


ann = Person("Ann", 33)
print(ann, ann.name, ann.age)
for action in ("set", "missing", "arity"):
    try:
        if action == "set":
            ann.age = 34
        elif action == "missing":
            ann.email
        else:
            Person("Bob")
    except (AttributeError, TypeError) as e:
        print(f"{type(e).__name__}: {e}")
