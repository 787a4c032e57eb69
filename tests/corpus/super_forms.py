# versions: 3.11+
# super() with and without arguments: in methods, classmethods, properties, __init_subclass__,
# __new__ of a str subclass, nested functions (explicit form), __eq__/__repr__ chains, and misuse.


class Animal:
    registry = []

    def __init_subclass__(cls, sound="...", **kwargs):
        super().__init_subclass__(**kwargs)
        cls.sound = sound
        Animal.registry.append(cls.__name__)

    def __init__(self, name):
        self.name = name

    def speak(self):
        return f"{self.name} says {self.sound}"

    @classmethod
    def create(cls, name):
        return cls(name)

    @property
    def title(self):
        return self.name.title()


class Dog(Animal, sound="woof"):
    def speak(self):
        return super().speak() + "!"

    @classmethod
    def create(cls, name):
        obj = super().create(name.lower())
        obj.created_by = cls.__name__
        return obj

    @property
    def title(self):
        return "Dog " + super().title


class Puppy(Dog, sound="yip"):
    def speak(self):
        base = super(Dog, self).speak()
        full = super(Puppy, self).speak()
        return base + " / " + full

    def later(self):
        def inner():
            return super(Puppy, self).speak()
        return inner()


p = Puppy.create("REX")
print(Animal.registry, p.sound, p.created_by, p.name)
print(p.speak())
print(p.later(), p.title, Dog("fido").title)
print(super(Puppy, p).speak(), super(Dog, p).speak())
print(type(super(Puppy, p)).__name__, super(Puppy, Puppy).create("X").name)


class Upper(str):
    def __new__(cls, value):
        print("  Upper.__new__", repr(value))
        return super().__new__(cls, value.upper())

    def __repr__(self):
        return "Upper(" + super().__repr__() + ")"

    def __add__(self, other):
        return Upper(super().__add__(other))


u = Upper("abc")
print(u, repr(u), u + "def", type(u + "x").__name__, len(u), isinstance(u, str))


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __eq__(self, other):
        return isinstance(other, Point) and (self.x, self.y) == (other.x, other.y)

    __hash__ = None

    def __repr__(self):
        return f"{type(self).__name__}({self.x}, {self.y})"


class Point3(Point):
    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z

    def __eq__(self, other):
        return super().__eq__(other) and getattr(other, "z", None) == self.z

    def __repr__(self):
        return super().__repr__()[:-1] + f", {self.z})"


print(Point3(1, 2, 3), Point3(1, 2, 3) == Point3(1, 2, 3), Point3(1, 2, 3) == Point(1, 2), Point(1, 2) == Point3(1, 2, 9))
try:
    hash(Point(1, 2))
except TypeError as e:
    print("TypeError:", e)
try:
    super()
except RuntimeError as e:
    print("RuntimeError:", e)
