# versions: 3.11+
# Class versus instance attributes: shadowing, mutable class attributes shared by instances,
# class counters, attribute lookup through the MRO, __dict__ contents, __class__ reassignment,
# nested classes, and class bodies executed top to bottom like scripts.


class Counter:
    total = 0
    shared = []
    label = "class label"

    def __init__(self, name):
        self.name = name
        Counter.total += 1
        self.id = Counter.total
        self.shared.append(name)

    def rename(self, label):
        self.label = label


a, b = Counter("a"), Counter("b")
print(Counter.total, a.id, b.id, a.shared is b.shared is Counter.shared, Counter.shared)
a.rename("instance label")
print(a.label, b.label, Counter.label, sorted(vars(a)), "label" in vars(b))
del a.label
print("after del:", a.label)
b.total = 99
print(b.total, Counter.total, a.total)
Counter.label = "changed on class"
print(a.label, b.label)
try:
    del b.missing
except AttributeError as e:
    print("AttributeError:", e)


class Base:
    color = "red"
    sizes = (1, 2)

    def describe(self):
        return f"{type(self).__name__}: color={self.color} sizes={self.sizes}"


class Derived(Base):
    color = "blue"


class MoreDerived(Derived):
    sizes = Derived.sizes + (3,)


for cls in (Base, Derived, MoreDerived):
    print(cls().describe(), "own attrs:", sorted(k for k in vars(cls) if not k.startswith("__")))
Base.color = "green"
print([c().color for c in (Base, Derived, MoreDerived)])
del Derived.color
print([c().color for c in (Base, Derived, MoreDerived)])


class Cat:
    sound = "meow"

    def speak(self):
        return f"{type(self).__name__} says {self.sound}"


class Dog:
    sound = "woof"

    def speak(self):
        return f"{type(self).__name__} barks {self.sound}"


pet = Cat()
pet.name = "tom"
print(pet.speak())
pet.__class__ = Dog
print(pet.speak(), pet.name, isinstance(pet, Dog), isinstance(pet, Cat))
try:
    pet.__class__ = int
except TypeError as e:
    print("TypeError:", e)


class Outer:
    class Inner:
        value = 1

        class Deepest:
            value = 2

    inner_instance = Inner()
    print("class body runs at definition:", Inner.value, Inner.Deepest.value)
    total = Inner.value + Inner.Deepest.value
    names = [n for n in ("x", "y")]
    if total > 2:
        big = True
    else:
        big = False
    for i in range(3):
        last_i = i


print(Outer.total, Outer.big, Outer.last_i, Outer.i, Outer.names, Outer.Inner.Deepest.__qualname__)
print(type(Outer.inner_instance).__qualname__, sorted(k for k in vars(Outer) if not k.startswith("__")))
print(Outer.__dict__["total"], type(Outer.__dict__).__name__, Outer.__name__, Outer.Inner.__module__)
try:
    Outer.__dict__["x"] = 1
except TypeError as e:
    print("TypeError:", e)
setattr(Outer, "added", "via setattr")
print(Outer.added, Outer().added, hasattr(Outer, "added"))
